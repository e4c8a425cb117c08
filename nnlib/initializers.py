"""Initializers: where a layer's weights start. Each is (shape, rng) -> array, with Keras' formulas.

fan_in and fan_out are a kernel's (n_in, units); a bias of shape (units,) has both = units, as in
Keras. The scaled ones keep the variance of a layer's output near that of its input:
    glorot (Xavier):  variance 2 / (fan_in + fan_out)   for sigmoid and tanh layers
    he:               variance 2 / fan_in               for relu layers
    lecun:            variance 1 / fan_in
"_uniform" draws from [-limit, limit] with limit = sqrt(3 variance). "_normal" draws from a normal
truncated at 2 standard deviations (values beyond are drawn again) whose standard deviation is
first divided by 0.8796..., the standard deviation of a standard normal truncated at ±2, so that
the weights keep the variance above (as Keras does).
"""
import numpy as np

from .errors import lookup

TRUNCATED_STD = 0.87962566103423978   # std of a standard normal cut at ±2 (Keras' constant)


def fans(shape):
    """(fan_in, fan_out) of a kernel (n_in, units) or a bias (units,)."""
    return (shape[0], shape[1]) if len(shape) == 2 else (shape[0], shape[0])


def truncated_normal(shape, rng, std):
    """Normal(0, std) values, each beyond 2 std drawn again until it is inside."""
    w = rng.normal(0.0, std, size=shape)
    outside = np.abs(w) > 2 * std
    while outside.any():
        w[outside] = rng.normal(0.0, std, size=outside.sum())
        outside = np.abs(w) > 2 * std
    return w


def variance_scaling(variance, distribution):
    """The initializer whose weights have the variance numerator / denominator that
    `variance(fan_in, fan_out)` gives, uniform or (truncated) normal."""
    def initializer(shape, rng):
        numerator, denominator = variance(*fans(shape))
        if distribution == "uniform":
            limit = np.sqrt(3.0 * numerator / denominator)   # glorot: sqrt(6 / (in + out))
            return rng.uniform(-limit, limit, size=shape)
        return truncated_normal(shape, rng, np.sqrt(numerator / denominator) / TRUNCATED_STD)
    return initializer


def glorot(fan_in, fan_out):
    return 2.0, fan_in + fan_out


def he(fan_in, fan_out):
    return 2.0, fan_in


def lecun(fan_in, fan_out):
    return 1.0, fan_in


INITIALIZERS = {
    "glorot_uniform": variance_scaling(glorot, "uniform"),   # Keras' default for kernels
    "glorot_normal": variance_scaling(glorot, "normal"),
    "he_uniform": variance_scaling(he, "uniform"),
    "he_normal": variance_scaling(he, "normal"),
    "lecun_uniform": variance_scaling(lecun, "uniform"),
    "lecun_normal": variance_scaling(lecun, "normal"),
    "random_normal": lambda shape, rng: rng.normal(0.0, 0.05, size=shape),
    "random_uniform": lambda shape, rng: rng.uniform(-0.05, 0.05, size=shape),
    "truncated_normal": lambda shape, rng: truncated_normal(shape, rng, 0.05),
    "zeros": lambda shape, rng: np.zeros(shape),   # Keras' default for biases
    "ones": lambda shape, rng: np.ones(shape),
    # Two of the course's own, for the articles' starting weights:
    "standard_normal": lambda shape, rng: rng.standard_normal(size=shape),
    "uniform_0_1": lambda shape, rng: rng.uniform(0.0, 1.0, size=shape),
}


def get(spec):
    """An initializer name from INITIALIZERS, or any callable (shape, rng) -> array."""
    if callable(spec):
        return spec
    return lookup("initializer", spec, INITIALIZERS)
