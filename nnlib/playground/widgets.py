"""The playground's controls and pictures as ipywidgets: Play / Pause, Step, Reset, and settings.

Built by `Playground.widget()`; the Playground object does all the work, this module only wires
controls to it. Play runs as a task on the kernel's event loop, so the kernel stays free to
take clicks (Pause, Step, a new setting) while the network trains; it stops, with the button
back on "Play", when training diverges or anything goes wrong. The controls always show the
settings in use (also after `pg.set(...)` from code, or a setting refused with a message).
"""
import asyncio
import html

import ipywidgets as w

from ..errors import NNLibValueError
from . import pictures
from .settings import (
    ACTIVATIONS,
    DATASETS,
    FEATURE_LABELS,
    FEATURES,
    L2_RATES,
    LEARNING_RATES,
    MAX_LAYERS,
    MAX_UNITS,
    OPTIMIZERS,
    PROBLEMS,
)


class PlaygroundUI:
    """The widgets of one Playground `pg`: `box` to display, `redraw()` after any change."""

    def __init__(self, pg):
        self.pg = pg
        self.playing = False
        self.acting = False    # True while a click or a control's change is being handled
        self._syncing = False  # True while the controls are set to show the settings
        self._synced = None    # the settings dict the controls show
        self._task = None
        s = pg._settings
        style = {"description_width": "110px"}

        def layout():   # one each: hiding a unit slider must not hide the others
            return w.Layout(width="260px")

        def dropdown(options, label):
            return w.Dropdown(options=list(options), description=label, layout=layout(),
                              style=style)

        self.controls = {
            "data": dropdown(DATASETS, "Data"),
            "noise": w.FloatSlider(min=0.0, max=0.5, step=0.05, description="Noise",
                                   layout=layout(), style=style),
            "features": w.SelectMultiple(options=[(FEATURE_LABELS[f], f) for f in FEATURES],
                                         rows=4, description="Inputs", layout=layout(),
                                         style=style),
            "layers": w.IntSlider(min=0, max=MAX_LAYERS, description="Hidden layers",
                                  layout=layout(), style=style),
            "activation": dropdown(ACTIVATIONS, "Activation"),
            "problem": dropdown(PROBLEMS, "Problem"),
            "learning_rate": dropdown(LEARNING_RATES, "Learning rate"),
            "l2": dropdown(L2_RATES, "L2"),
            "batch_size": w.IntSlider(min=1, max=max(1, len(pg.data.X_train)),
                                      description="Batch size", layout=layout(), style=style),
            "optimizer": dropdown(OPTIMIZERS, "Optimizer"),
            "seed": w.IntText(value=s["seed"], description="Seed", layout=layout(), style=style),
        }
        hidden = list(s["hidden"]) + [4] * (MAX_LAYERS - len(s["hidden"]))
        self.units = [w.IntSlider(value=u, min=1, max=MAX_UNITS, layout=layout(), style=style,
                                  description=f"Units, layer {i + 1}")
                      for i, u in enumerate(hidden)]
        self.play = w.ToggleButton(value=False, description="Play", icon="play",
                                   tooltip="Train epoch after epoch; click again to pause")
        self.step = w.Button(description="Step", icon="step-forward",
                             tooltip="Train exactly one epoch")
        self.step_batch = w.Button(description="Step a batch", tooltip="One optimizer step")
        self.reset = w.Button(description="Reset", icon="refresh",
                              tooltip="New weights from the seed; epoch 0")
        self.epoch = w.HTML()
        self.message = w.HTML()   # a setting refused, or why Play stopped
        self.images = {name: w.Image(format="jpeg") for name in
                       ("boundary", "loss", "units", "network")}

        for name, control in self.controls.items():
            control.observe(lambda change, name=name: self._changed(name), names="value")
        for slider in self.units:
            slider.observe(lambda change: self._changed("hidden"), names="value")
        self.play.observe(self._play_toggled, names="value")
        self.step.on_click(lambda _: self._step("epoch"))
        self.step_batch.on_click(lambda _: self._step("batch"))
        self.reset.on_click(lambda _: self._reset())

        buttons = w.HBox([self.play, self.step, self.step_batch, self.reset, self.epoch])
        pictures_box = w.HBox(layout=w.Layout(flex_flow="row wrap"), children=[
            w.VBox([w.HTML("<b>Output over the plane</b> (class 1: blue ●, class 0: orange "
                           "▲)"), self.images["boundary"]]),
            w.VBox([w.HTML("<b>Loss</b> after each epoch (train dark, test grey)"),
                    self.images["loss"], w.HTML("<b>Hidden units</b>"), self.images["units"]]),
            w.VBox([w.HTML("<b>Network</b> (w &gt; 0 solid blue, w &lt; 0 dashed orange)"),
                    self.images["network"]]),
        ])
        settings = w.HBox(layout=w.Layout(flex_flow="row wrap"), children=[
            w.VBox([self.controls[k] for k in ("data", "noise", "features", "seed")]),
            w.VBox([self.controls["layers"], *self.units]),
            w.VBox([self.controls[k] for k in ("activation", "problem", "learning_rate", "l2",
                                               "batch_size", "optimizer")]),
        ])
        self.box = w.VBox([buttons, self.message, settings, pictures_box])
        self.redraw()

    # --- reacting to the controls --------------------------------------------------------------

    def _changed(self, name):
        if self._syncing:
            return
        c = self.controls
        if name in ("layers", "hidden"):
            self._sync_unit_sliders()
            name, value = "hidden", [s.value for s in self.units[:c["layers"].value]]
        elif name == "data":
            value = c["data"].value
            if value == OWN_DATA:
                value = self.pg._own
        elif name == "features":
            value = list(c["features"].value)
            if not value:   # at least one input: keep the previous choice
                self._synced = None
                self._sync()
                return
        else:
            value = c[name].value
        self._act(self.pg.set, **{name: value})

    def _sync_unit_sliders(self):
        for i, slider in enumerate(self.units):
            slider.layout.display = None if i < self.controls["layers"].value else "none"

    def _step(self, unit):
        self.play.value = False
        self._act(self.pg.step, unit)

    def _reset(self):
        self._act(self.pg.reset)

    def _act(self, method, *args, **kwargs):
        """Call a Playground method for a control: it redraws the controls only. A setting
        refused (NNLibValueError) is said above the controls, which go back to what is used."""
        self.acting = True
        self.message.value = ""
        try:
            method(*args, **kwargs)
        except NNLibValueError as error:
            self.message.value = f"<b>Not changed:</b> {html.escape(str(error))}"
            self._synced = None
            self.redraw()
        finally:
            self.acting = False

    def _play_toggled(self, change):
        self.playing = change["new"]
        self.play.description = "Pause" if self.playing else "Play"
        self.play.icon = "pause" if self.playing else "play"
        if self.playing and (self._task is None or self._task.done()):
            self._task = asyncio.ensure_future(self._run())

    async def _run(self):
        """Play: a frame (at least one epoch, then the pictures) and a pause for the clicks,
        until Pause, a divergence (pg.status says it) or an error; then the button is Play."""
        try:
            while self.playing and not self.pg.status:
                self.pg.frame()   # redraws the controls only
                await asyncio.sleep(0.005)
        except Exception as error:   # shown, not lost in the kernel's log
            self.message.value = (f"<b>Play stopped:</b> {html.escape(type(error).__name__)}: "
                                  f"{html.escape(str(error))}")
        finally:
            self.playing = False
            self.play.value = False
            self.redraw()

    # --- drawing -------------------------------------------------------------------------------

    def redraw(self):
        for name, image in self.pg.pictures().items():
            widget = self.images[name]
            widget.value = pictures.jpeg(image)
            widget.layout.width, widget.layout.height = f"{image.width}px", f"{image.height}px"
        self.epoch.value = (f"<span class='nnlib-playground-epoch'>"
                            f"{html.escape(self.pg.caption())}</span>")
        self._sync()

    def _sync(self):
        """Set the controls to the settings in use (only when these changed)."""
        pg, s, c = self.pg, self.pg._settings, self.controls
        if s is self._synced:
            return
        self._syncing = True
        try:
            own = not isinstance(s["data"], str)
            _choose(c["data"], OWN_DATA if own else s["data"],
                    DATASETS + ((OWN_DATA,) if pg._own is not None else ()))
            c["noise"].max = max(0.5, s["noise"])
            c["noise"].value, c["noise"].disabled = s["noise"], own
            c["features"].value = tuple(s["features"])
            c["layers"].value = len(s["hidden"])
            for slider, units in zip(self.units, s["hidden"]):
                slider.value = units
            for key in ("activation", "problem", "learning_rate", "l2", "optimizer"):
                _choose(c[key], s[key])
            c["batch_size"].max = len(pg.data.X_train)   # the slider shows the size in use
            c["batch_size"].value = pg._batch_size()
            c["seed"].value = s["seed"]
            self._synced = s
        finally:
            self._syncing = False
        self._sync_unit_sliders()


OWN_DATA = "your (X, y)"


def _choose(dropdown, value, options=None):
    """Show `value` in a dropdown, adding it to the options if it is not one of them."""
    options = list(options if options is not None else dropdown.options)
    if value not in options:
        options = sorted(options + [value]) if not isinstance(value, str) else options + [value]
    if list(dropdown.options) != options:
        dropdown.options = options
    dropdown.value = value
