"""Lesson 06's self-check: answer key and explanations (the questions are in the notebook)."""

QUESTIONS = {
    "06.1": {
        "kind": "number", "value": 52, "tol": 0.5,
        "right": "W1 is (2, 10): 20 weights, b1 10, W2 is (10, 2): 20, b2 2. In all 5H + 2 = 52 "
                 "(17 for H = 3).",
        "wrong": "Count each array from its shape: W1 is (2, H), b1 is (H,), W2 is (H, 2), b2 "
                 "is (2,). Section 3 counts them for H = 3 (17 numbers).",
    },
    "06.2": {
        "kind": "number", "value": 0.00487, "tol": 3e-4,
        "right": "√(0.95 · 0.05 / 2000) = 0.0049: about half a percentage point. Two networks "
                 "whose accuracies on these points differ by less than that cannot be ranked.",
        "wrong": "The standard error of an accuracy p measured on N points is √(p(1 − p)/N) "
                 "(section 5). Use p = 0.95 and N = 2000, and answer as a fraction, not in %.",
    },
    "06.3": {
        "kind": "choice", "options": ["a", "b", "c", "d"], "correct": "b",
        "explain": {
            "a": "Not that: H = 50 already fits 99 % of the training points after 20,000 "
                 "passes. Training longer would fit them even better, not generalise better.",
            "b": "A higher accuracy on the 200 training points with a lower one on 100,000 new "
                 "points is overfitting. The extra bends of the boundary follow the noise of the "
                 "200 training points.",
            "c": "No: the new points come from the same make_moons distribution, just other "
                 "random draws (another seed).",
            "d": "No: on 100,000 new points the standard error is 0.06 points, and 96.7 % vs "
                 "95.4 % differ by more than 20 standard errors.",
        },
    },
    "06.4": {
        "kind": "choice", "options": ["a", "b", "c", "d"], "correct": "b",
        "explain": {
            "a": "No: from about pass 2,500 the loss only alternates between two values, which "
                 "creep up in the 6th digit until about pass 12,000 and then repeat forever. "
                 "More passes never take it lower.",
            "b": "The step overshoots because it is too large for the curvature of the "
                 "valley. With half the step size the loss goes down again, below both values "
                 "of the cycle.",
            "c": "No: the oscillation comes from the step size, not from the network's size. "
                 "Other sizes oscillate with this step too: H = 1 and H = 2 in section 5.",
            "d": "No: a stronger penalty changes where the minimum is, but the step would still "
                 "overshoot it; the step size is what makes the iterates jump.",
        },
    },
}
