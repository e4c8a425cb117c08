"""The playground's choices: what each control offers, and where a new playground starts.

Read by the Playground (core.py), which checks settings against them, and by the widgets
(widgets.py), which offer them; neither imports the other for these.
"""
from .data import DATASETS, FEATURES

ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear")
PROBLEMS = ("classification", "regression")
OPTIMIZERS = ("sgd", "adam")
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
L2_RATES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
MAX_LAYERS, MAX_UNITS = 4, 8
FRAME_SECONDS = 0.03   # Play trains this long (at least one epoch) between two pictures

DEFAULTS = dict(data="moons", n=200, noise=0.2, test_fraction=0.5, features=("x1", "x2"),
                hidden=(4,), activation="tanh", problem="classification", learning_rate=0.03,
                l2=0.0, batch_size=10, optimizer="sgd", seed=0)

__all__ = ["ACTIVATIONS", "PROBLEMS", "OPTIMIZERS", "LEARNING_RATES", "L2_RATES", "MAX_LAYERS",
           "MAX_UNITS", "FRAME_SECONDS", "DEFAULTS", "DATASETS", "FEATURES"]
