"""Lesson 04's self-check: answer key and explanations (the questions are in the notebook)."""

QUESTIONS = {
    "04.1": {
        "kind": "number", "value": 0.16, "tol": 1e-3,
        "right": "a_h (1 − a_h) = 0.8 × 0.2 = 0.16: the extra factor makes the delta 0.16 times "
                 "the right one, more than 6 times too small. It is never above 0.25.",
        "wrong": "The extra factor is the sigmoid's slope written with the output, a_h (1 − a_h), "
                 "evaluated at a_h = 0.8 (section 6, 'The bug').",
    },
    "04.2": {
        "kind": "choice", "options": ["a", "b", "c"], "correct": "b",
        "explain": {
            "a": "Not so: the published backward pass got 10 of 10 with hidden gradients at least "
                 "4 times too small (section 6). Accuracy only says the outputs ended on the "
                 "right side.",
            "b": "It compares the backward pass with the measured slope of the loss, "
                 "array by array, and so finds a wrong gradient even when training still works "
                 "- and it says which array is off.",
            "c": "A gradient check does not change training at all: it measures whether the "
                 "gradients are right.",
        },
    },
    "04.3": {
        "kind": "choice", "options": ["a", "b", "c"], "correct": "b",
        "explain": {
            "a": "W2 @ deltas2 multiplies a (2, 3) matrix by a (2,) vector: the inner sizes 3 "
                 "and 2 do not match, numpy raises an error. In the published layout rows are "
                 "outputs, so the matrix must be turned first.",
            "b": "W2.T is (hidden, outputs) = (3, 2), and (3, 2) @ (2,) sums over the "
                 "outputs, giving one number per hidden neuron, shape (3,).",
            "c": "W2.T * deltas2 multiplies entry by entry (broadcasting) and gives a (3, 2) "
                 "matrix: the products w_ho δ_o, but not their sum over o.",
        },
    },
    "04.4": {
        "kind": "choice", "options": ["a", "b", "c"], "correct": "b",
        "explain": {
            "a": "Python's floats are float64 too: both levels compute with the same numbers "
                 "(they agree to 1e-15).",
            "b": "Every numpy call checks types and shapes and makes a new array; on a "
                 "2-2-2 network that costs more than the four multiplications. With 100 hidden "
                 "neurons numpy wins.",
            "c": "numpy does one row at a time well (level 2 does exactly that); what costs is "
                 "the fixed price of each call.",
        },
    },
    "04.5": {
        "kind": "number", "value": 0.2, "tol": 1e-3,
        "right": "200 × 0.001 = 0.2. In section 7 no weight moved more than a few tenths: too "
                 "little, from most starts, to separate the two classes.",
        "wrong": "Multiply the step size by the number of steps (section 7).",
    },
}
