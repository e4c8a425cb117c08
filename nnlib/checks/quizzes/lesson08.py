"""Lesson 08's self-check: answer key and explanations (the questions are in the notebook)."""

QUESTIONS = {
    "08.1": {
        "kind": "number", "value": 5.0, "tol": 1e-6,
        "right": "A kept unit is divided by the share kept, 1 − 0.2 = 0.8: 4.0 / 0.8 = 5.0. On "
                 "average (0 one time in five) the output is 4.0, the input.",
        "wrong": "During training a kept unit is scaled so that its average output equals its "
                 "input; which share of the units is kept at rate 0.2? (section 6)",
    },
    "08.2": {
        "kind": "number", "value": 5, "tol": 1e-9,
        "right": "The best is 0.7 at the second epoch; the third, fourth and fifth do not beat "
                 "it, so training stops after the fifth epoch, before the 0.6 it never sees.",
        "wrong": "Find the best loss so far at each epoch; count the epochs in a row that do not "
                 "beat it, and stop when that count reaches the patience (section 4).",
    },
    "08.3": {
        "kind": "choice", "options": ["a", "b", "c"], "correct": "b",
        "explain": {
            "a": "Not trained on, but it made a choice: the best of ten on a set is partly the "
                 "luckiest on that set. Look at the 200 random guessers (section 1).",
            "b": "The test set chose, so its score is optimistic; a validation set chooses, and "
                 "the test set measures once, at the end.",
            "c": "The number of tries is not the problem: whatever the number, the set that "
                 "chose cannot also measure fairly (section 1).",
        },
    },
    "08.4": {
        "kind": "choice", "options": ["a", "b", "c"], "correct": "a",
        "explain": {
            "a": "That variance is Glorot's; ReLU halves the signal at each layer, and He's "
                 "2 / n_in makes up for it, so the outputs keep their size.",
            "b": "From zeros every hidden unit stays a copy of the others, and a ReLU network "
                 "started at zero gets no gradient at all (section 5).",
            "c": "Dropout fights overfitting; this network is not learning at all. Look at the "
                 "size of each layer's outputs with Glorot and He (section 5).",
        },
    },
}
