"""The playground's controls and pictures as ipywidgets: Play / Pause, Step, Reset, and settings.

Built by `Playground.widget()`; the Playground object does all the work, this module only wires
controls to it. Play runs as a task on the kernel's event loop, so the kernel stays free to
take clicks (Pause, Step, a new setting) while the network trains.
"""
import asyncio

import ipywidgets as w

from . import pictures
from .settings import (
    ACTIVATIONS,
    DATASETS,
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
        self.acting = False   # True while a click or a control's change is being handled
        self._task = None
        s = pg._settings
        own_data = not isinstance(s["data"], str)
        style = {"description_width": "110px"}

        def layout():   # one each: hiding a unit slider must not hide the others
            return w.Layout(width="260px")

        def dropdown(name, options, value, label):
            options = list(options)
            if value not in options:
                options.append(value)
            return w.Dropdown(options=options, value=value, description=label, layout=layout(),
                              style=style)

        self.controls = {
            "data": dropdown("data", DATASETS + (("your (X, y)",) if own_data else ()),
                             "your (X, y)" if own_data else s["data"], "Data"),
            "noise": w.FloatSlider(value=s["noise"], min=0.0, max=0.5, step=0.05,
                                   description="Noise", layout=layout(), style=style,
                                   disabled=own_data),
            "features": w.SelectMultiple(options=list(FEATURES), value=tuple(s["features"]),
                                         rows=4, description="Inputs", layout=layout(),
                                         style=style),
            "layers": w.IntSlider(value=len(s["hidden"]), min=0, max=MAX_LAYERS,
                                  description="Hidden layers", layout=layout(), style=style),
            "activation": dropdown("activation", ACTIVATIONS, s["activation"], "Activation"),
            "problem": dropdown("problem", PROBLEMS, s["problem"], "Problem"),
            "learning_rate": dropdown("learning_rate", LEARNING_RATES, s["learning_rate"],
                                      "Learning rate"),
            "l2": dropdown("l2", L2_RATES, s["l2"], "L2"),
            "batch_size": w.IntSlider(value=s["batch_size"], min=1, max=50,
                                      description="Batch size", layout=layout(), style=style),
            "optimizer": dropdown("optimizer", OPTIMIZERS, s["optimizer"], "Optimizer"),
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
            w.VBox([w.HTML("<b>Output over the plane</b>"), self.images["boundary"]]),
            w.VBox([w.HTML("<b>Loss</b> (train dark, test grey)"), self.images["loss"],
                    w.HTML("<b>Hidden units</b>"), self.images["units"]]),
            w.VBox([w.HTML("<b>Network</b>"), self.images["network"]]),
        ])
        settings = w.HBox(layout=w.Layout(flex_flow="row wrap"), children=[
            w.VBox([self.controls[k] for k in ("data", "noise", "features", "seed")]),
            w.VBox([self.controls["layers"], *self.units]),
            w.VBox([self.controls[k] for k in ("activation", "problem", "learning_rate", "l2",
                                               "batch_size", "optimizer")]),
        ])
        self.box = w.VBox([buttons, settings, pictures_box])
        self._sync_unit_sliders()
        self.redraw()

    # --- reacting to the controls --------------------------------------------------------------

    def _changed(self, name):
        c = self.controls
        if name == "data" and c["data"].value == "your (X, y)":
            return
        if name in ("layers", "hidden"):
            self._sync_unit_sliders()
            name, value = "hidden", [s.value for s in self.units[:c["layers"].value]]
        elif name == "data":
            value = c["data"].value
        elif name == "features":
            value = list(c["features"].value)
            if not value:   # at least one input: keep the previous choice
                c["features"].value = tuple(self.pg._settings["features"])
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
        """Call a Playground method for a control: it redraws the controls only."""
        self.acting = True
        try:
            method(*args, **kwargs)
        finally:
            self.acting = False

    def _play_toggled(self, change):
        self.playing = change["new"]
        self.play.description = "Pause" if self.playing else "Play"
        self.play.icon = "pause" if self.playing else "play"
        if self.playing and (self._task is None or self._task.done()):
            self._task = asyncio.ensure_future(self._run())

    async def _run(self):
        """Play: a frame (at least one epoch, then the pictures) and a pause for the clicks."""
        while self.playing:
            self.pg.frame()   # redraws the controls only
            if self.pg.status:   # diverged: stop and say so
                self.play.value = False
            await asyncio.sleep(0.005)

    # --- drawing -------------------------------------------------------------------------------

    def redraw(self):
        for name, image in self.pg.pictures().items():
            widget = self.images[name]
            widget.value = pictures.jpeg(image)
            widget.layout.width, widget.layout.height = f"{image.width}px", f"{image.height}px"
        self.epoch.value = f"<span class='nnlib-playground-epoch'>{self.pg.caption()}</span>"
