"""Lesson 07's self-check: answer key and explanations (the questions are in the notebook)."""

QUESTIONS = {
    "07.1": {
        "kind": "number", "value": 0.5, "tol": 1e-3,
        "right": "e^0, e^0 and e^(ln 2) are 1, 1 and 2; they sum to 4, so the third class gets "
                 "2 / 4 = 0.5 (and the others 0.25 each).",
        "wrong": "Take e to the power of each logit (e^(ln 2) = 2), then divide the third one "
                 "by their sum (section 3).",
    },
    "07.2": {
        "kind": "number", "value": 0.6931471805599453, "tol": 1e-3,
        "right": "-log(0.5) = ln 2 = 0.693 on every image, so the mean is 0.693 too.",
        "wrong": "The loss of one image is -log of the probability given to its right digit, "
                 "natural log (np.log); the loss is the mean over the images (section 3).",
    },
    "07.3": {
        "kind": "choice", "options": ["a", "b", "c"], "correct": "b",
        "explain": {
            "a": "Not the reason: the sign of sigmoid's outputs does not shrink the gradient. "
                 "Look at what the backward pass multiplies by at each layer (section 2).",
            "b": "Each hidden layer multiplies the gradient by sigmoid'(z), at most 1/4; "
                 "through five layers that is at most (1/4)^5, about 0.001.",
            "c": "Not the reason: the first layer does have more weights (64 × 32 against "
                 "32 × 10 in the last), but a weight's gradient does not shrink because others "
                 "exist. Look at what the backward pass multiplies by at each layer (section 2).",
        },
    },
    "07.4": {
        "kind": "choice", "options": ["a", "b", "c"], "correct": "b",
        "explain": {
            "a": "The split is stratified and random: nothing makes the test images easier. "
                 "Look at *when* each loss is measured (section 8).",
            "b": "The reported training loss averages the epoch's mini-batches, each "
                 "measured before its step; the test loss comes after the whole epoch.",
            "c": "fit never trains on validation_data: it only measures the loss and accuracy "
                 "on it after each epoch.",
        },
    },
}
