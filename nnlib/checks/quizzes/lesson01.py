"""Lesson 01's self-check: answer key and explanations (the questions are in the notebook)."""

QUESTIONS = {
    "01.1": {
        "kind": "number", "value": 0.6225, "tol": 1e-3,
        "right": "z = 0.5·2 + (−1)·1 + 0.5 = 0.5, and σ(0.5) = 1/(1 + e^(−0.5)) ≈ 0.6225.",
        "wrong": "First the weighted sum z = w·x + b (one multiplication per input, then the "
                 "bias), then the sigmoid σ(z) = 1/(1 + e^(−z)). Section 1 has an example.",
    },
    "01.2": {
        "kind": "number", "value": 0.09, "tol": 1e-4,
        "right": "σ'(z) = σ(z)(1 − σ(z)) = 0.9 × 0.1 = 0.09: the slope is written with the "
                 "output, so you never need z itself.",
        "wrong": "The sigmoid's slope can be written with its output alone: see the formula "
                 "of exercise 1.",
    },
    "01.3": {
        "kind": "choice", "options": ["a", "b", "c"], "correct": "b",
        "explain": {
            "a": "Not quite: a gradient is the slope at the current point, the weights before "
                 "the step. The update changes all weights at once, afterwards.",
            "b": "Right: every gradient of one step is taken at the same point, the weights "
                 "before the step. Using the new w5, w7 would give w1 ≈ 0.088 instead of 0.087.",
            "c": "They differ: w5 and w7 move by about 0.05 and 0.003, and δ_h1 depends on them "
                 "(the notes on the sources show w1 becoming 0.088 instead of 0.087).",
        },
    },
    "01.4": {
        "kind": "number", "value": 0.4, "tol": 1e-6,
        "right": "w − lr × ∂E/∂w = 0.3 − 0.5 × (−0.2) = 0.4: a negative slope means E falls "
                 "when w grows, so the step increases w.",
        "wrong": "A step of gradient descent is w ← w − lr · ∂E/∂w (section 3). Watch the two "
                 "minus signs.",
    },
    "01.5": {
        "kind": "choice", "options": ["a", "b", "c", "d"], "correct": "c",
        "explain": {
            "a": "3 is the number of epochs; each epoch takes several steps here.",
            "b": "6 is the number of samples. With batch_size=2 one step uses two of them.",
            "c": "Right: one epoch is one pass over the 6 samples in batches of 2, so 3 steps; "
                 "3 epochs make 9 steps.",
            "d": "18 would be one step per sample per epoch (batch_size=1). Here each step "
                 "uses a batch of 2 samples.",
        },
    },
}
