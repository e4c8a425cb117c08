"""The playground: watch a network you built learn, epoch by epoch (lessons 03 and 06).

    from nnlib.playground import Playground
    pg = Playground(data="moons", hidden=[4, 4], activation="tanh", learning_rate=0.03)

One room of nnlib, beside the network and the checks; the network never imports it.
- core.py: `Playground`, the model, its data and its training (numpy and nnlib only), and
  `frames()`, which records pictures over training without a front end;
- settings.py: what each control offers, the defaults, and which values each setting takes;
- data.py: the data sets and the derived inputs (x1², sin(x1), ...);
- replay.py: `pg.code()`, the nnlib lines that rebuild the model, every training step included;
- pictures.py: the pictures, drawn with Pillow from numpy arrays;
- widgets.py: the ipywidgets controls (imported only when a front end shows them).

`import nnlib.playground` is light: `Playground` and its modules load on first use, and Pillow,
scikit-learn and ipywidgets only when a picture, a data set or the controls need them.
"""
import importlib

_EXPORTS = {"Playground": "core", "Frame": "core", "DATASETS": "settings", "FEATURES": "settings",
            "ACTIVATIONS": "settings", "LEARNING_RATES": "settings", "L2_RATES": "settings"}

__all__ = list(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)
