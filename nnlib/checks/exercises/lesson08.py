"""Lesson 08's exercises: a stratified, seeded split; the early-stopping rule; Glorot and He
initialisers; dropout's forward and backward pass.
(The format: nnlib/checks/exercises/__init__.py.)"""
import numpy as np

# --- exercise 1: stratified_split(y, fraction, seed) -> (kept, held_out) ------------------------

# Made-up labels, none a notebook variable: unequal classes, in an order that is not random (a
# split that takes the first samples of each class, or the last rows, shows itself).
_SPLIT_LABELS = [np.repeat([0, 1, 2], [40, 25, 10]),
                 np.repeat([2, 0, 1, 3], [30, 45, 15, 30]),
                 np.array([3] * 12 + [7] * 48 + [5] * 20)]
_SPLIT_CALLS = [(_SPLIT_LABELS[0], 0.2, 1), (_SPLIT_LABELS[1], 0.3, 2),
                (_SPLIT_LABELS[2], 0.25, 7)]


def _parts(student_fn, y, fraction, seed):
    """The student's (kept, held_out) as sets of ints, or None if it is not two index arrays."""
    result = student_fn(y.copy(), fraction, seed)
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        return None
    try:
        parts = [np.asarray(part) for part in result]
    except Exception:
        return None
    if any(part.ndim != 1 or part.dtype.kind not in "iu" for part in parts):
        return None
    return set(parts[0].tolist()), set(parts[1].tolist())


def _all_parts(student_fn, seed_offset=0):
    return [_parts(student_fn, y, fraction, seed + seed_offset)
            for y, fraction, seed in _SPLIT_CALLS]


def _first_of_each_class(y, fraction):
    held = []
    for c in np.unique(y):
        members = np.flatnonzero(y == c)
        held += members[:round(fraction * len(members))].tolist()
    return set(held)


def _class_counts_off(y, fraction, held):
    """The largest |held-out count - round(fraction * count)| over the classes."""
    held_labels = y[sorted(i for i in held if 0 <= i < len(y))]
    return max(abs(np.sum(held_labels == c) - round(fraction * np.sum(y == c)))
               for c in np.unique(y))


def _overlap(student_fn, *, nb=None):
    return any(p is not None and p[0] & p[1] for p in _all_parts(student_fn))


def _swapped(student_fn, *, nb=None):
    return all(p is not None and abs(len(p[0]) - round(fraction * len(y))) <= len(np.unique(y))
               and len(p[0]) < len(p[1])
               for p, (y, fraction, _) in zip(_all_parts(student_fn), _SPLIT_CALLS))


def _not_seeded(student_fn, *, nb=None):
    first, again = _all_parts(student_fn), _all_parts(student_fn)
    return any(a is not None and b is not None and a != b for a, b in zip(first, again))


def _not_shuffled(student_fn, *, nb=None):
    return all(p is not None and p[1] == _first_of_each_class(y, fraction)
               for p, (y, fraction, _) in zip(_all_parts(student_fn), _SPLIT_CALLS))


def _seed_ignored(student_fn, *, nb=None):
    return all(a is not None and a == b
               for a, b in zip(_all_parts(student_fn), _all_parts(student_fn, seed_offset=10)))


def _not_stratified(student_fn, *, nb=None):
    parts = _all_parts(student_fn)
    sizes_right = all(p is not None and abs(len(p[1]) - fraction * len(y)) <= len(np.unique(y))
                      for p, (y, fraction, _) in zip(parts, _SPLIT_CALLS))
    return sizes_right and any(_class_counts_off(y, fraction, p[1]) > 1
                               for p, (y, fraction, _) in zip(parts, _SPLIT_CALLS))


def _split_is_right(student_fn, *, nb=None):
    for y, fraction, seed in _SPLIT_CALLS:
        labels, counts = np.unique(y, return_counts=True)
        where = (f"for labels with class counts "
                 f"{ {int(c): int(n) for c, n in zip(labels, counts)} }, fraction={fraction}, "
                 f"seed={seed}")
        result = student_fn(y.copy(), fraction, seed)
        if result is None:
            return False, "returned None: did you forget `return kept, held_out`?"
        parts = _parts(student_fn, y, fraction, seed)
        if parts is None:
            shape = (f"a {type(result).__name__} of {len(result)} items"
                     if isinstance(result, (tuple, list)) else type(result).__name__)
            masks = (isinstance(result, (tuple, list)) and len(result) == 2
                     and all(np.asarray(part).dtype == bool for part in result))
            return False, (f"{where}: it returned {shape}.\n  → " + (
                "those are True/False masks: the exercise asks for arrays of indices "
                "(np.flatnonzero turns a mask into the indices of its True entries)." if masks
                else "it should return two 1-d arrays of integer indices, (kept, held_out)."))
        kept, held = parts
        everything = set(range(len(y)))
        if kept | held != everything or len(kept) + len(held) != len(y):
            missing = sorted(everything - kept - held)[:5]
            return False, (f"{where}: " + (f"indices missing, e.g. {missing}." if missing
                                            else "some indices repeated or out of range.")
                           + f"\n  → every index 0 … {len(y) - 1} of these labels should be in "
                           f"exactly one of the two arrays.")
        off = _class_counts_off(y, fraction, held)
        if off > 1:
            return False, (f"{where}: a class gives {off} samples more or fewer than its share "
                           f"to the held-out part.\n  → each class should give `fraction` of its "
                           f"own samples, rounded to a whole number.")
        if _parts(student_fn, y, fraction, seed + 10) == parts:
            return False, (f"{where}: seeds {seed} and {seed + 10} give the same split.\n  → "
                           f"the seed should choose the shuffle.")
    return True, "stratified, seeded, every sample in exactly one part."


# --- exercise 2: early_stopping(val_losses, patience) -> (best_epoch, epochs_run) ----------------

def _early_stopping(val_losses, patience):
    best = 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best]:
            best = epoch
        elif epoch - best >= patience:
            return best, epoch + 1
    return best, len(val_losses)


def _last_not_best(val_losses, patience):
    best, run = _early_stopping(val_losses, patience)
    return run - 1, run


def _one_early(val_losses, patience):
    return _early_stopping(val_losses, patience - 1)


def _one_late(val_losses, patience):
    return _early_stopping(val_losses, patience + 1)


def _against_previous(val_losses, patience):
    """An epoch 'improves' when it beats the epoch before it, not the best so far."""
    best, wait = 0, 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best]:
            best = epoch
        wait = 0 if val_losses[epoch] < val_losses[epoch - 1] else wait + 1
        if wait >= patience:
            return best, epoch + 1
    return best, len(val_losses)


def _count_never_reset(val_losses, patience):
    best, misses = 0, 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best]:
            best = epoch
        else:
            misses += 1
            if misses >= patience:
                return best, epoch + 1
    return best, len(val_losses)


def _ties_improve(val_losses, patience):
    best = 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] <= val_losses[best]:
            best = epoch
        elif epoch - best >= patience:
            return best, epoch + 1
    return best, len(val_losses)


def _highest(val_losses, patience):
    return _early_stopping([-v for v in val_losses], patience)


def _never_stops(val_losses, patience):
    return int(np.argmin(val_losses)), len(val_losses)


def _index_not_count(val_losses, patience):
    best, run = _early_stopping(val_losses, patience)
    return best, run - 1


def _loss_not_epoch(val_losses, patience):
    best, run = _early_stopping(val_losses, patience)
    return val_losses[best], run


def _one_based(val_losses, patience):
    best, run = _early_stopping(val_losses, patience)
    return best + 1, run


_LOSSES = [
    (np.array([1.0, 0.8, 0.9, 0.85, 0.7, 0.75, 0.72, 0.74, 0.6]), 2),
    (np.array([2.3, 1.9, 1.5, 1.6, 1.4, 1.45, 1.47, 1.41, 1.5, 1.52, 1.3, 1.33]), 3),
    (np.array([0.5, 0.4, 0.4, 0.45, 0.3, 0.35, 0.36, 0.38, 0.31, 0.2]), 4),
    (np.array([0.9, 0.7, 0.75, 0.72, 0.74, 0.6, 0.65, 0.55]), 1),
    (np.array([3.0, 2.0, 1.5, 1.2, 1.1, 1.0]), 5),
    (np.array([1.0, 0.6, 0.7, 0.6, 0.8, 0.9, 0.5]), 3),     # a tie with the best
]

# --- exercise 3: glorot_uniform, he_normal (fan_in, fan_out, seed) -> kernel (fan_in, fan_out) -

_INIT_CALLS = [(3, 5, 0), (64, 32, 1), (10, 2, 7)]


def _uniform(limit):
    return lambda fan_in, fan_out, seed: np.random.default_rng(seed).uniform(
        -limit(fan_in, fan_out), limit(fan_in, fan_out), size=(fan_in, fan_out))


def _normal(std):
    return lambda fan_in, fan_out, seed: np.random.default_rng(seed).normal(
        0.0, std(fan_in, fan_out), size=(fan_in, fan_out))


# --- exercise 4: dropout_forward(x, keep, rate), dropout_backward(grad_a, keep, rate) -----------

def _dropout_inputs(*, nb=None):
    rng = np.random.default_rng(80)
    calls = []
    for shape, rate in [((3, 4), 0.5), ((2, 5), 0.25), ((4, 3), 0.8)]:
        keep = rng.random(shape) >= rate
        keep.flat[0], keep.flat[1] = True, False          # both kinds in every call
        calls.append((rng.normal(size=shape), keep, rate))
    return calls


def _dropout(x, keep, rate):
    return x * keep / (1.0 - rate)


def _dropout_misconceptions(what):
    """The wrong ideas shared by forward and backward; `what` is 'output' or 'gradient'."""
    return [
        (lambda x, keep, rate: x * keep,
         f"the kept units are not scaled: during training each kept {what} is divided by the "
         f"share of units kept, so that on average the layer passes its input through "
         f"unchanged, as at inference."),
        (lambda x, keep, rate: x * keep * (1.0 - rate),
         f"the kept units are made smaller: in inverted dropout the kept {what}s grow, to make "
         f"up for the ones switched off."),
        (lambda x, keep, rate: x * keep / rate,
         "the scale comes from the share of units *kept*, not the share switched off."),
        (lambda x, keep, rate: x * ~keep / (1.0 - rate),
         "the mask is read the wrong way round: keep is True for the units that stay on."),
        (lambda x, keep, rate: x / (1.0 - rate),
         f"the mask is missing: where keep is False the {what} must be 0."),
        (lambda x, keep, rate: x * (1.0 - rate),
         f"that is the old inference-time rule (scale everything, switch nothing off); here "
         f"the units where keep is False are switched off and the kept {what}s are scaled."),
        (lambda x, keep, rate: x.copy(),
         f"that is the {what} unchanged, dropout's behaviour at inference: during training "
         f"the mask applies."),
    ]


EXERCISES = {
    "stratified_split": {
        "condition": _split_is_right,
        "misconceptions": [
            (_overlap, "some samples are in both parts: a sample the network trained on would "
                       "then also grade it."),
            (_swapped, "the two parts are swapped: the second array, held_out, is the small one, "
                       "with `fraction` of the samples."),
            (_not_seeded, "the split changes every time it runs with the same seed: all the "
                          "randomness must come from np.random.default_rng(seed), so that a "
                          "result can be reproduced."),
            (_not_stratified, "the classes' shares differ between the two parts: draw the "
                              "held-out samples class by class (stratified), each class giving "
                              "the same fraction."),
            (_not_shuffled, "nothing is shuffled: the held-out part is the first samples of "
                            "each class, and data stored in any order (by writer, by date) "
                            "would put one kind of sample there."),
            (_seed_ignored, "another seed gives the same split: the seed should choose the "
                            "shuffle."),
        ],
        "hints": [
            "Work class by class: for each class c in np.unique(y), take its indices, shuffle "
            "them with one generator made from the seed, and move the first part of them to "
            "the held-out list.",
            "How many of a class go to the held-out part: round(fraction times the class's "
            "count). Everything not held out is kept: np.setdiff1d against np.arange(len(y)) "
            "gives that.",
        ],
        "timeout": 10,
    },
    "early_stopping": {
        "args": {"val_losses": "validation losses", "patience": "patience"},
        "reference": _early_stopping,
        "inputs": _LOSSES,
        "labels": ["best_epoch", "epochs_run"],
        "hints": [
            "Keep the index of the best epoch so far. At each later epoch, either it is a new "
            "best, or it is one more epoch without improvement since the best.",
            "The number of epochs without improvement is the distance from the best epoch. "
            "When it reaches patience, return; the epochs run count from 1, the indices from 0.",
        ],
        "misconceptions": [
            (_last_not_best,
             "the weights kept should be the best epoch's, not the last one's: the last "
             "`patience` epochs were all worse than the best."),
            (_one_early,
             "it stops one epoch early: training stops only after `patience` epochs in a row "
             "without improvement."),
            (_one_late,
             "it stops one epoch late: after `patience` epochs without improvement, that epoch "
             "is the last one run."),
            (_against_previous,
             "an epoch improves only if it beats the best loss so far; being lower than the "
             "epoch just before is not enough to reset the count."),
            (_count_never_reset,
             "the count of epochs without improvement starts again from 0 at each new best; "
             "here it adds up over the whole run."),
            (_ties_improve,
             "a loss equal to the best is no improvement: it must be strictly lower."),
            (_highest,
             "for a loss lower is better: the best epoch has the lowest validation loss."),
            (_never_stops,
             "it never stops early: after `patience` epochs without improvement training ends, "
             "and the epochs after that are not run."),
            (_index_not_count,
             "the second number counts the epochs run, the last one included: one more than "
             "that epoch's index."),
            (_one_based,
             "the best epoch is an index into val_losses, counted from 0."),
            (_loss_not_epoch,
             "the first number is the best epoch's index, not its loss."),
        ],
    },
    "glorot_uniform": {
        "args": {"fan_in": "fan_in", "fan_out": "fan_out", "seed": "seed"},
        "reference": _uniform(lambda i, o: np.sqrt(6.0 / (i + o))),
        "inputs": _INIT_CALLS,
        "hints": [
            "Make the generator from the seed, work out the limit from the two fans, and draw "
            "the whole (fan_in, fan_out) kernel in one call.",
            "A uniform draw on [-limit, limit] has variance limit²/3; Glorot wants the variance "
            "2 / (fan_in + fan_out).",
        ],
        "misconceptions": [
            (_uniform(lambda i, o: np.sqrt(6.0 / i)),
             "Glorot's limit uses both fans, inputs and units: it balances the forward and the "
             "backward pass."),
            (_uniform(lambda i, o: np.sqrt(2.0 / (i + o))),
             "that is the standard deviation Glorot wants, used as the limit: a uniform "
             "distribution reaches further than its standard deviation (√3 times)."),
            (_uniform(lambda i, o: 6.0 / (i + o)),
             "the limit is a square root: 6 / (fan_in + fan_out) is its square."),
            (_uniform(lambda i, o: np.sqrt(6.0 / (i * o))),
             "the fans are added, not multiplied."),
            (lambda i, o, seed: np.random.default_rng(seed).uniform(0.0, np.sqrt(6.0 / (i + o)),
                                                                    size=(i, o)),
             "the weights must be centred on 0: the draw goes from −limit to +limit."),
            (_normal(lambda i, o: np.sqrt(2.0 / (i + o))),
             "that is Glorot's normal version: this exercise asks for the uniform one."),
            (_uniform(lambda i, o: np.sqrt(6.0 / o)),
             "Glorot's limit uses both fans, not only the units'."),
        ],
    },
    "he_normal": {
        "args": {"fan_in": "fan_in", "fan_out": "fan_out", "seed": "seed"},
        "reference": _normal(lambda i, o: np.sqrt(2.0 / i)),
        "inputs": _INIT_CALLS,
        "hints": [
            "Make the generator from the seed, work out the standard deviation, and draw the "
            "whole (fan_in, fan_out) kernel in one call.",
            "The variance He wants is 2 / fan_in; rng.normal takes a standard deviation.",
        ],
        "misconceptions": [
            (_normal(lambda i, o: 2.0 / i),
             "rng.normal takes a standard deviation, and 2 / fan_in is the variance."),
            (_normal(lambda i, o: np.sqrt(2.0 / o)),
             "He's variance depends on the number of inputs each unit adds up (fan_in), not on "
             "the number of units."),
            (_normal(lambda i, o: np.sqrt(2.0 / (i + o))),
             "that is Glorot's standard deviation: He's depends on fan_in alone, for ReLU layers."),
            (_normal(lambda i, o: np.sqrt(1.0 / i)),
             "the factor 2 is missing: ReLU sets about half the sums to 0, and He's 2 makes up "
             "for that."),
            (_normal(lambda i, o: 2.0 / np.sqrt(i)),
             "the 2 belongs inside the square root: the variance is 2 / fan_in."),
            (lambda i, o, seed: np.random.default_rng(seed).uniform(
                -np.sqrt(6.0 / i), np.sqrt(6.0 / i), size=(i, o)),
             "that is He's uniform version: this exercise asks for a normal draw."),
            (lambda i, o, seed: np.random.default_rng(seed).normal(
                0.0, np.sqrt(2.0 / o), size=(o, i)).T,
             "the standard deviation uses fan_in, the number of inputs each unit adds up."),
        ],
    },
    "dropout_forward": {
        "args": {"x": "input x", "keep": "mask keep", "rate": "rate"},
        "reference": _dropout,
        "inputs": _dropout_inputs,
        "hints": [
            "Multiply x by the mask (True counts as 1, False as 0), then scale what is left.",
            "On average a share 1 − rate of the units stays on; dividing by that share keeps "
            "each unit's average output equal to its input.",
        ],
        "misconceptions": _dropout_misconceptions("output") + [
            (lambda x, keep, rate: np.where(keep, x, 0.0),
             "the kept units are not scaled: during training each kept output is divided by "
             "the share of units kept."),
        ],
    },
    "dropout_backward": {
        "args": {"grad_a": "gradient dL/da", "keep": "mask keep", "rate": "rate"},
        "reference": _dropout,
        "inputs": _dropout_inputs,
        "hints": [
            "Forward multiplied each x by a fixed number (0 or 1 / (1 − rate)); by the chain "
            "rule the gradient is multiplied by the same number.",
            "Use the mask you are given, the one forward used: a unit switched off did not "
            "change the loss.",
        ],
        "misconceptions": _dropout_misconceptions("gradient"),
    },
}
