"""Dense, the fully connected layer, and Dropout: forward and backward side by side.

Shapes (n = samples in the batch):
    x      (n, n_in)      the layer's input
    kernel (n_in, units)  W, as Keras stores it: column j holds the weights into unit j
    bias   (units,)       b
    z      (n, units)     z = x W + b         (the pre-activation)
    a      (n, units)     a = activation(z)   (the output)
"""
import numpy as np

from . import activations, initializers, regularizers
from .errors import NNLibTypeError, NNLibValueError, flag, number_in, positive_int, seed_value


class Dense:
    """A fully connected layer: a = activation(x @ kernel + bias).

    units: number of neurons. activation: a name from nnlib.activations (None = linear).
    input_dim: width of the input; needed on the first layer to build the model at once.
    """

    def __init__(self, units, activation=None, input_dim=None, use_bias=True,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, name=None):
        self.units = positive_int(units, "Dense units")
        self.activation = activations.get(activation)
        self.input_dim = None if input_dim is None else positive_int(input_dim, "input_dim")
        self.use_bias = flag(use_bias, "use_bias")
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.name = name
        self.kernel = None   # (n_in, units), set by build
        self.bias = None     # (units,)
        self.grad_kernel = None
        self.grad_bias = None

    @property
    def built(self):
        return self.kernel is not None

    def build(self, n_in, rng):
        """Create kernel (n_in, units) and bias (units,) from the initializers."""
        self.input_dim = n_in
        self.kernel = np.asarray(self.kernel_initializer((n_in, self.units), rng), dtype=np.float64)
        self.bias = np.asarray(self.bias_initializer((self.units,), rng), dtype=np.float64)
        if self.kernel.shape != (n_in, self.units) or self.bias.shape != (self.units,):
            raise NNLibValueError(f"{self.name}: the initializer made shapes {self.kernel.shape} "
                                  f"and {self.bias.shape}, expected {(n_in, self.units)} and "
                                  f"{(self.units,)}.")
        if not (np.all(np.isfinite(self.kernel)) and np.all(np.isfinite(self.bias))):
            raise NNLibValueError(f"Layer {self.name!r}: the initializer gave NaN or inf weights; "
                                  "an initializer must return finite numbers.")
        if not self.use_bias:
            self.bias[:] = 0.0

    @property
    def params(self):
        """The trainable arrays, in Keras order: [kernel, bias] (or [kernel] without bias)."""
        return [self.kernel, self.bias] if self.use_bias else [self.kernel]

    @property
    def grads(self):
        """dL/dparam for each array of `params`, from the last `backward`."""
        return [self.grad_kernel, self.grad_bias] if self.use_bias else [self.grad_kernel]

    def forward(self, x, training=False):
        """x (n, n_in) -> a (n, units). Keeps x, z and a for `backward`. (`training` changes
        nothing here; it is for layers such as Dropout.)"""
        if x.shape[1] != self.kernel.shape[0]:
            raise NNLibValueError(
                f"Layer {self.name!r} expects inputs of shape (n, {self.kernel.shape[0]}) but got "
                f"{x.shape}: the data has {x.shape[1]} feature(s), the layer's kernel is "
                f"{self.kernel.shape}.")
        self.x = x
        self.z = x @ self.kernel + self.bias
        self.a = self.activation.forward(self.z)
        return self.a

    def backward(self, grad_a, input_grad=True):
        """grad_a = dL/da (n, units) -> dL/dx (n, n_in); stores grad_kernel and grad_bias.

        input_grad=False skips dL/dx (the first layer's input is the data: nothing to update).
        """
        grad_z = self.activation.backward(self.z, self.a, grad_a)
        return self.backward_from_z(grad_z, input_grad)

    def backward_from_z(self, grad_z, input_grad=True):
        """The same, starting from dL/dz (n, units) (the fused softmax/sigmoid + cross-entropy).

        dL/dW = x^T dL/dz   (n_in, units)
        dL/db = sum over the batch of dL/dz   (units,)
        dL/dx = dL/dz W^T   (n, n_in)
        """
        self.grad_kernel = self.x.T @ grad_z
        if self.kernel_regularizer is not None:
            self.grad_kernel = self.grad_kernel + self.kernel_regularizer.gradient(self.kernel)
        self.grad_bias = grad_z.sum(axis=0) if self.use_bias else None
        return grad_z @ self.kernel.T if input_grad else None

    def set_params(self, arrays):
        """Replace [kernel, bias] (or [kernel]) by copies of `arrays`, checked by the caller."""
        self.kernel = arrays[0].copy()
        if self.use_bias:
            self.bias = arrays[1].copy()

    def penalty(self):
        """What the kernel regularizer adds to the loss (0 without one)."""
        return 0.0 if self.kernel_regularizer is None else self.kernel_regularizer(self.kernel)

    def count_params(self):
        return self.kernel.size + (self.bias.size if self.use_bias else 0) if self.built else 0

    def get_config(self):
        """What `save` stores to rebuild the layer (initializers are not needed then)."""
        reg = self.kernel_regularizer
        return {"class": "Dense", "units": self.units, "activation": self.activation.name,
                "input_dim": self.input_dim, "use_bias": self.use_bias, "name": self.name,
                "kernel_regularizer": None if reg is None else [type(reg).__name__,
                                                                vars(reg)]}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config.pop("class", None)
        reg = config.pop("kernel_regularizer", None)
        if reg is not None:
            reg = getattr(regularizers, reg[0])(**reg[1])
        return cls(kernel_regularizer=reg, **config)

    def __repr__(self):
        return (f"Dense({self.units}, activation={self.activation.name!r}"
                + (f", input_dim={self.input_dim}" if self.input_dim else "") + ")")


class Dropout:
    """At training, each input is set to 0 with probability `rate` and the others are scaled by
    1 / (1 - rate), so that every unit's expected output is its input; at inference (predict,
    evaluate), the identity. It has no weights.

    x, a, mask: (n, units). mask holds 0 or 1 / (1 - rate): a = x * mask, dL/dx = dL/da * mask.
    seed: its own random masks; None draws them from the model's generator (Sequential's seed).
    """

    kernel_regularizer = None   # no weights: nothing to penalise
    params = grads = ()

    def __init__(self, rate, seed=None, input_dim=None, name=None):
        self.rate = number_in(rate, "Dropout rate", 0.0, 1.0, "a fraction in [0, 1)")
        self.seed = seed_value(seed)
        self.input_dim = None if input_dim is None else positive_int(input_dim, "input_dim")
        self.name = name
        self.rng = None
        self.mask = None

    @property
    def units(self):
        return self.input_dim

    @property
    def built(self):
        return self.rng is not None

    def build(self, n_in, rng):
        self.input_dim = n_in
        self.rng = rng if self.seed is None else np.random.default_rng(self.seed)

    def forward(self, x, training=False):
        """x (n, units) -> a (n, units): x * mask at training, x itself at inference."""
        if not training or self.rate == 0.0:
            self.mask = None
            return x
        self.mask = (self.rng.random(x.shape) >= self.rate) / (1.0 - self.rate)
        return x * self.mask

    def backward(self, grad_a, input_grad=True):
        """dL/da (n, units) -> dL/dx = dL/da * mask (the same mask as forward)."""
        return grad_a if self.mask is None else grad_a * self.mask

    def set_params(self, arrays):
        pass

    def penalty(self):
        return 0.0

    def count_params(self):
        return 0

    def get_config(self):
        return {"class": "Dropout", "rate": self.rate, "seed": self.seed, "name": self.name,
                "input_dim": self.input_dim}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config.pop("class", None)
        return cls(**config)

    def __repr__(self):
        return f"Dropout({self.rate})"


LAYERS = {"Dense": Dense, "Dropout": Dropout}


def from_config(config):
    """The layer a get_config() dict describes (files from before "class" was saved: Dense)."""
    return LAYERS[config.get("class", "Dense")].from_config(config)


def check_layer(layer):
    """Refuse anything that is not a layer, with a message that says what is."""
    if not isinstance(layer, (Dense, Dropout)):
        raise NNLibTypeError(f"Sequential takes nnlib layers such as Dense(3, "
                             f"activation='sigmoid'), got {type(layer).__name__}: {layer!r}.")
    return layer
