"""Lesson 02's self-check: answer key and explanations (the questions are in the notebook)."""

QUESTIONS = {
    "02.1": {
        "kind": "number", "value": 0.08, "tol": 1e-4,
        "right": "The squared errors are 0.04, 0.04 and 0.16; their mean is 0.24 / 3 = 0.08.",
        "wrong": "Square each difference y − ŷ, then take the mean over the three people "
                 "(section 3).",
    },
    "02.2": {
        "kind": "number", "value": 0.6, "tol": 1e-6,
        "right": "dL/dŷ = −2(y − ŷ) = −2(0 − 0.3) = 0.6: positive, so lowering ŷ lowers the "
                 "loss, as it should for a label 0.",
        "wrong": "This is exercise 1's slope at y = 0, ŷ = 0.3. Mind the sign: the loss grows "
                 "when ŷ moves up, away from 0.",
    },
    "02.3": {
        "kind": "choice", "options": ["a", "b", "c"], "correct": "b",
        "explain": {
            "a": "1,000 is the number of epochs. With batch_size=1 each epoch takes one step "
                 "per person.",
            "b": "Right: one step per person per epoch, 4 × 1,000 = 4,000 steps.",
            "c": "250 would be 1,000 people in batches of 4. Here there are 4 people and "
                 "batches of 1.",
        },
    },
    "02.4": {
        "kind": "choice", "options": ["a", "b", "c"], "correct": "b",
        "explain": {
            "a": "Not quite: nothing in training makes the output a calibrated probability. "
                 "It was only pushed towards 0 or 1 on four people, who cannot show how "
                 "often people with these measurements are female.",
            "b": "Right: 0.5 is where the output crosses the threshold, the decision boundary. "
                 "The network cannot tell the two classes apart there; it still gives a "
                 "number, and far from its training data it may be confidently wrong.",
            "c": "A network cannot refuse: whatever the input, it returns a number between 0 "
                 "and 1.",
        },
    },
    "02.5": {
        "kind": "choice", "options": ["a", "b", "c"], "correct": "a",
        "explain": {
            "a": "Right: near 0 the sigmoids are steep (slope up to 0.25); far from 0 they are "
                 "flat and the weights barely learn.",
            "b": "A network takes any number; large raw inputs only push its sigmoids onto "
                 "their flat parts, where learning is slow.",
            "c": "The labels are 1 and 0 already; the shift changes the inputs (the features), "
                 "not the labels.",
        },
    },
}
