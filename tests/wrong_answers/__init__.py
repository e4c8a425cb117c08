"""Typical wrong answers per exercise, one file per lesson (lessonNN.py), run by
tests/test_wrong_answers.py. Each file defines

    WRONG_ANSWERS = [
        {"exercise": "sigmoid_derivative",          # the function's name
         "why": "wrong sign",                       # the mistake, for the report
         "code": "def sigmoid_derivative(z):\n    s = sigmoid(z)\n    return -s * (1 - s)\n",
         "expect": ["sign"]},                       # substrings the ✗ message must contain
        ...
    ]

with at least ten entries per exercise, and CORRECT_ANSWERS: right answers written in other
ways ({"exercise", "why", "code"}), at least three per exercise, each of which must get a ✓.
`wrong(...)` and `right(...)` below write an entry in one line.
"""


def wrong(exercise, why, code, *expect):
    """A WRONG_ANSWERS entry: the ✗ must contain each of `expect`."""
    return {"exercise": exercise, "why": why, "code": code, "expect": list(expect)}


def right(exercise, why, code):
    """A CORRECT_ANSWERS entry."""
    return {"exercise": exercise, "why": why, "code": code}
