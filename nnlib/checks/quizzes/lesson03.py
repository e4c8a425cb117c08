"""Lesson 03 (XOR) self-check: answer key and explanations (the questions are in the notebook)."""

QUESTIONS = {
    "03.1": {
        "kind": "choice", "options": ["a", "b", "c", "d"], "correct": "b",
        "explain": {
            "a": "The sigmoid's shape is not the problem: any neuron answers 1 on one side of a "
                 "straight line. Re-read section 2.",
            "b": "One neuron answers 1 where w1 x1 + w2 x2 + b > 0: one side of a straight line. "
                 "XOR needs (0,1) and (1,0) on one side and (0,0), (1,1) on the other, and "
                 "section 2 shows that no line does that.",
            "c": "Section 2 proves that no weights at all would work, whatever the learning rate.",
            "d": "More epochs cannot help: no weights of a single neuron get all four cases "
                 "right (section 2).",
        },
    },
    "03.2": {
        "kind": "number", "value": 0.6931471805599453, "tol": 1e-3,
        "right": "Every case costs -ln 0.5 = ln 2 ≈ 0.693, so the mean is ln 2 too.",
        "wrong": "Put y_hat = 0.5 into the binary cross-entropy of section 2: each case, y = 0 or "
                 "y = 1, costs the same -ln 0.5.",
    },
    "03.3": {
        "kind": "number", "value": 16, "tol": 0.5,
        "right": "δ1 has one entry per case and hidden unit: shape (4, 4), 16 numbers.",
        "wrong": "δ1 has the shape of A1: one row per case (4 rows) and one column per hidden "
                 "unit. Re-read 'The same, as arrays' in section 3.",
    },
    "03.4": {
        "kind": "number", "value": 0.5, "tol": 1e-3,
        "right": "The MSE delta is 2 ŷ(1 - ŷ) times the cross-entropy's: 2 · 0.5 · 0.5 = 0.5. "
                 "That is why the MSE network needs about twice the epochs.",
        "wrong": "Divide the two output deltas of section 4: what is left is 2 ŷ(1 - ŷ). Put "
                 "ŷ = 0.5 into it.",
    },
    "03.5": {
        "kind": "choice", "options": ["a", "b", "c", "d"], "correct": "b",
        "explain": {
            "a": "A network cannot refuse: it always outputs a number. 0.5 is a number that "
                 "favours neither class.",
            "b": "0.5 lies exactly between the two classes' targets 0 and 1: the network cannot "
                 "tell which class this input belongs to (the single neuron of section 2 says "
                 "0.5 for every input).",
            "c": "Class 1 is an output above 0.5; 0.5 itself favours neither class.",
            "d": "An output of 0.5 says nothing about the learning rate: the single neuron in "
                 "section 2 reaches it with a small one.",
        },
    },
}
