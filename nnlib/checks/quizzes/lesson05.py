"""Lesson 05 (house prices, 2-3-1) self-check: answer key and explanations."""

QUESTIONS = {
    "05.1": {
        "kind": "number", "value": 21, "tol": 0.5,
        "right": "2 × 5 weights and 5 biases into the hidden layer, 5 × 1 weights and 1 bias into "
                 "the output: 10 + 5 + 5 + 1 = 21.",
        "wrong": "Count as for the 2-3-1 network (9 + 4 = 13): each hidden neuron has one weight "
                 "per input and a bias; the output neuron has one weight per hidden neuron and a "
                 "bias.",
    },
    "05.2": {
        "kind": "number", "value": 0.6, "tol": 1e-3,
        "right": "R² = 1 - 0.02 / 0.05 = 0.6: the model explains 60 % of the targets' variance.",
        "wrong": "Divide the top and the bottom of R²'s fraction by n: the top becomes the MSE, "
                 "the bottom the variance. R² = 1 - MSE / variance (section 4).",
    },
    "05.3": {
        "kind": "choice", "options": ["a", "b", "c", "d"], "correct": "b",
        "explain": {
            "a": "The cost of fitting a scaler is tiny either way; the reason is what it learns "
                 "from. Re-read the first remark after section 1's data.",
            "b": "The test set stands for data the network has never seen. If its rows choose the "
                 "minimum and maximum, some of that information leaks into training.",
            "c": "MinMax scaling works on any number of rows; here it was fitted on all 20,640.",
            "d": "The scaled inputs lie in [0, 1]; the sigmoid accepts any number.",
        },
    },
    "05.4": {
        "kind": "choice", "options": ["a", "b", "c", "d"], "correct": "b",
        "explain": {
            "a": "Predicting 2,000 rows at once, the matrices were much faster than the loop "
                 "(section 5).",
            "b": "Every numpy call costs a fixed time before any arithmetic; on arrays of 1 to 6 "
                 "numbers that fixed cost is nearly all of a step.",
            "c": "nnlib took the same 16,000 steps as the float loop, to round-off (section 5).",
            "d": "The comparison ran with shuffle=False: the same rows in the same order.",
        },
    },
    "05.5": {
        "kind": "number", "value": 250, "tol": 0.5,
        "right": "8,000 / 32 = 250 steps per epoch (against 8,000 with batch_size=1).",
        "wrong": "One step uses one batch; an epoch passes over every training row once.",
    },
}
