"""Typical wrong answers per exercise, one file per lesson (lessonNN.py), run by
tests/test_wrong_answers.py. Each file defines

    WRONG_ANSWERS = [
        {"exercise": "sigmoid_derivative",          # the function's name
         "why": "wrong sign",                       # the mistake, for the report
         "code": "def sigmoid_derivative(z):\n    s = sigmoid(z)\n    return -s * (1 - s)\n",
         "expect": ["sign"]},                       # substrings the ✗ message must contain
        ...
    ]

with at least three entries per exercise.
"""
