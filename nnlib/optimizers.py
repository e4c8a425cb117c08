"""Optimizers: how a gradient becomes a step. The update rules are Keras' own, so that the two
libraries take the same steps from the same weights.

`apply(params, grads)` changes each parameter array in place. params and grads are lists of
arrays of matching shapes (a model's [W1, b1, W2, b2, ...] and their gradients).

An optimizer's state (SGD's velocities, Adam's moments and step count) belongs to the one model
it trains. `Sequential.compile` takes care of that: the first model compiled with an optimizer
object uses that object; a second model compiled with the same object gets its own copy (same
class and settings, fresh state), as if given a new optimizer. `model.save` stores the state.
"""
import copy

import numpy as np

from .errors import NNLibTypeError, lookup, number_in, positive_number


class SGD:
    """Gradient descent, with optional momentum.

    momentum = 0:  w <- w - learning_rate * g
    momentum > 0:  v <- momentum * v - learning_rate * g;  w <- w + v
    """

    def __init__(self, learning_rate=0.01, momentum=0.0):
        self.learning_rate = positive_number(learning_rate, "learning_rate")
        self.momentum = number_in(momentum, "momentum", 0.0, 1.0, "a number in [0, 1)")
        self.velocities = None

    def apply(self, params, grads):
        if self.momentum == 0.0:
            for p, g in zip(params, grads):
                p -= self.learning_rate * g
            return
        if self.velocities is None:
            self.velocities = [np.zeros_like(p) for p in params]
        for p, g, v in zip(params, grads, self.velocities):
            v *= self.momentum
            v -= self.learning_rate * g
            p += v

    def reset(self):
        """Forget the state: the next `apply` starts from zero velocities."""
        self.velocities = None

    def get_state(self):
        """What `save` stores: {"velocities": list of arrays, or None before the first step}."""
        return {"velocities": self.velocities}

    def set_state(self, state):
        self.velocities = _copies(state.get("velocities"))

    def get_config(self):
        return {"name": "sgd", "learning_rate": self.learning_rate, "momentum": self.momentum}

    def __repr__(self):
        return f"SGD(learning_rate={self.learning_rate}, momentum={self.momentum})"


class Adam:
    """Adam: a step per parameter scaled by running averages of the gradient and its square.

    m <- m + (1 - beta_1) (g - m);   v <- v + (1 - beta_2) (g^2 - v)
    w <- w - lr_t m / (sqrt(v) + epsilon)
    lr_t = learning_rate sqrt(1 - beta_2^t) / (1 - beta_1^t)
    """

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
        self.learning_rate = positive_number(learning_rate, "learning_rate")
        self.beta_1 = number_in(beta_1, "beta_1", 0.0, 1.0, "a number in [0, 1)")
        self.beta_2 = number_in(beta_2, "beta_2", 0.0, 1.0, "a number in [0, 1)")
        self.epsilon = positive_number(epsilon, "epsilon")
        self.reset()

    def apply(self, params, grads):
        if self.m is None:
            self.m = [np.zeros_like(p) for p in params]
            self.v = [np.zeros_like(p) for p in params]
        self.t += 1
        lr_t = (self.learning_rate * np.sqrt(1.0 - self.beta_2 ** self.t)
                / (1.0 - self.beta_1 ** self.t))
        for p, g, m, v in zip(params, grads, self.m, self.v):
            m += (1.0 - self.beta_1) * (g - m)
            v += (1.0 - self.beta_2) * (g * g - v)
            p -= lr_t * m / (np.sqrt(v) + self.epsilon)

    def reset(self):
        """Forget the state: the next `apply` is step 1, from zero moments."""
        self.t = 0
        self.m = self.v = None

    def get_state(self):
        """What `save` stores: {"t": steps taken, "m", "v": lists of arrays, or None}."""
        return {"t": self.t, "m": self.m, "v": self.v}

    def set_state(self, state):
        self.t = int(state.get("t", 0))
        self.m, self.v = _copies(state.get("m")), _copies(state.get("v"))

    def get_config(self):
        return {"name": "adam", "learning_rate": self.learning_rate, "beta_1": self.beta_1,
                "beta_2": self.beta_2, "epsilon": self.epsilon}

    def __repr__(self):
        return f"Adam(learning_rate={self.learning_rate})"


OPTIMIZERS = {"sgd": SGD, "adam": Adam}


def get(spec):
    """An optimizer object, or a name ("sgd", "adam") for one with Keras' default settings."""
    if isinstance(spec, (SGD, Adam)):
        return spec
    if isinstance(spec, type) and issubclass(spec, (SGD, Adam)):
        raise NNLibTypeError(f"optimizer={spec.__name__} is the class; give an object: "
                             f"optimizer={spec.__name__}() or {spec.__name__}(learning_rate=...).")
    return lookup("optimizer", spec, OPTIMIZERS)()


def fresh_copy(optimizer):
    """The same class and settings (a subclass stays a subclass), without the state."""
    new = copy.copy(optimizer)
    new.reset()
    return new


def _copies(arrays):
    return None if arrays is None else [np.array(a, dtype=np.float64) for a in arrays]


def from_config(config):
    config = dict(config)
    return get(config.pop("name")).__class__(**config)
