"""The small data sets the lessons train on, as float64 numpy arrays with documented shapes.

The tiny tables of the source articles (gender, XOR, the 10-row two-class table) are typed in
here; the others come from scikit-learn, which is imported inside the functions that use it.
This module only loads data: scaling and splitting stay in the notebooks, where students see them.
"""
import os
from pathlib import Path

import numpy as np

from .errors import NNLibValueError, as_float_array, positive_int


def _data_dir():
    """Where the California housing download is cached, first found of:
    the environment variable NNLIB_DATA_DIR (set it before importing nnlib);
    the course's git-ignored `data/` folder, when nnlib runs from the course's folder (an
    editable install: `data/README.md` is there);
    scikit-learn's own cache folder, SCIKIT_LEARN_DATA or ~/scikit_learn_data, when nnlib is
    installed as a package (site-packages has no `data/` folder to write to).
    `load_california_housing(data_home=...)` overrides all three."""
    if os.environ.get("NNLIB_DATA_DIR"):
        return Path(os.environ["NNLIB_DATA_DIR"]).expanduser()
    course = Path(__file__).resolve().parent.parent / "data"
    if (course / "README.md").is_file():
        return course
    return Path(os.environ.get("SCIKIT_LEARN_DATA", "~/scikit_learn_data")).expanduser()


DATA_DIR = _data_dir()

# The file scikit-learn's `fetch_california_housing` writes into its cache folder.
CALIFORNIA_HOUSING_FILE = "cal_housing_py3.pkz"


class DatasetNotFoundError(FileNotFoundError):
    """A data set is not on disk and could not be downloaded (no internet?)."""


class DatasetCorruptError(NNLibValueError):
    """A cached data file is there but cannot be read: truncated download, wrong file, ..."""


# --- California housing (1990 US census, 20,640 block groups) --------------------------------

def load_california_housing(data_home=None, as_frame=False):
    """The California housing data set, through scikit-learn's `fetch_california_housing`.

    The first call on a machine with internet downloads it once into `data_home`
    (default: `DATA_DIR`, the project's `data/` folder); later calls read the cached file
    `cal_housing_py3.pkz` from there, without the network.

    Returns scikit-learn's Bunch, unchanged:
        .data          (20640, 8) features: MedInc, HouseAge, AveRooms, AveBedrms, Population,
                       AveOccup, Latitude, Longitude (a DataFrame if as_frame=True)
        .target        (20640,) median house value, in units of $100,000 (MedHouseVal)
        .feature_names the 8 column names above
        .frame         (20640, 9) DataFrame of features + MedHouseVal if as_frame=True, else None
    Source: Pace & Barry (1997), Sparse Spatial Autoregressions, from StatLib.

    Raises DatasetNotFoundError if the file is missing and cannot be downloaded, and
    DatasetCorruptError if the cached file cannot be read. nnlib never deletes the cached file.
    Note: if the raw download `cal_housing.tgz` sits in the folder, scikit-learn turns it into
    the cache file and then removes it.
    """
    from sklearn.datasets import fetch_california_housing

    folder = Path(DATA_DIR if data_home is None else data_home).expanduser().resolve()
    path = folder / CALIFORNIA_HOUSING_FILE
    if path.exists():
        # Read the file ourselves first, so that a damaged cache gives a clear message.
        _check_california_cache(path)
        return fetch_california_housing(data_home=str(folder), as_frame=as_frame)
    try:
        return fetch_california_housing(data_home=str(folder), as_frame=as_frame)
    except OSError as exc:  # URLError, socket errors and timeouts are all OSErrors
        raise DatasetNotFoundError(
            f"The California housing data is not on this machine and could not be downloaded "
            f"({type(exc).__name__}: {exc}).\n"
            f"Missing file: {path}\n"
            f"To fix it, either run this once on a machine with internet access (scikit-learn "
            f"downloads the data into {folder}), or copy a {CALIFORNIA_HOUSING_FILE} made "
            f"that way into {folder}. To keep the data elsewhere, set the environment "
            f"variable NNLIB_DATA_DIR or pass data_home=."
        ) from exc


def _check_california_cache(path):
    """Load the cache file as scikit-learn would; raise DatasetCorruptError if that fails."""
    import joblib  # installed with scikit-learn

    advice = (f"nnlib has not deleted it. Move it away (or delete it) and run again with "
              f"internet access to download a fresh copy, or copy a good "
              f"{CALIFORNIA_HOUSING_FILE} into {path.parent}.")
    try:
        table = joblib.load(path)
    except (PermissionError, IsADirectoryError):
        raise  # these messages are already clear
    except Exception as exc:  # a damaged pickle fails in many ways: EOFError, zlib.error, ...
        raise DatasetCorruptError(
            f"The cached California housing file {path} cannot be read "
            f"({type(exc).__name__}: {exc}); it is probably truncated or corrupted. {advice}"
        ) from exc
    if not (isinstance(table, np.ndarray) and table.ndim == 2 and table.shape[1] == 9
            and len(table) > 0 and table.dtype.kind == "f"):
        found = (f"an array of shape {table.shape} and dtype {table.dtype}"
                 if isinstance(table, np.ndarray) else f"a {type(table).__name__}")
        raise DatasetCorruptError(
            f"The cached California housing file {path} holds {found}, not the expected "
            f"(20640, 9) float table. {advice}"
        )


# --- The gender table (weight and height of four people) -------------------------------------

# (name, weight in lb, height in in, gender: 1 = female, 0 = male)
GENDER_TABLE = (
    ("Alice", 133, 65, 1),
    ("Bob", 160, 72, 0),
    ("Charlie", 152, 70, 0),
    ("Diana", 120, 60, 1),
)
# The article subtracts these round numbers (not the means) to centre the inputs near 0.
GENDER_WEIGHT_SHIFT_LB = 135
GENDER_HEIGHT_SHIFT_IN = 66
# Two people the article asks the trained network about, as (weight lb, height in).
GENDER_QUERIES = {"Emily": (128, 63), "Frank": (155, 68)}


def gender():
    """The four people of the gender article, shifted as the article does.

    Returns (X, y, names):
        X      (4, 2) float64: weight - 135 lb, height - 66 in
        y      (4, 1) float64: 1 = female, 0 = male
        names  list of 4 str: Alice, Bob, Charlie, Diana
    To shift new measurements the same way, subtract GENDER_WEIGHT_SHIFT_LB and
    GENDER_HEIGHT_SHIFT_IN. Source: Victor Zhou, "Machine Learning for Beginners: An
    Introduction to Neural Networks" (2019), retold in the course's gender article.
    """
    names = [row[0] for row in GENDER_TABLE]
    raw = np.array([row[1:3] for row in GENDER_TABLE], dtype=np.float64)
    X = raw - [GENDER_WEIGHT_SHIFT_LB, GENDER_HEIGHT_SHIFT_IN]
    y = np.array([[row[3]] for row in GENDER_TABLE], dtype=np.float64)
    return X, y, names


# --- Small classification tables ---------------------------------------------------------------

def xor():
    """The four cases of XOR: the output is 1 when exactly one input is 1.

    Returns (X, y): X (4, 2) float64 with rows 00, 01, 10, 11; y (4, 1) float64 = 0, 1, 1, 0.
    No straight line separates the two classes, so a network needs a hidden layer.
    """
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
    y = np.array([[0], [1], [1], [0]], dtype=np.float64)
    return X, y


def three_levels_table():
    """The 10-row, two-class table of the three-levels article (copied digit for digit).

    Returns (X, y): X (10, 2) float64; y (10,) int64 class labels, five 0s then five 1s.
    For a one-hot (10, 2) target, as the article's numpy version uses: `np.eye(2)[y]`.
    Source: Jason Brownlee, "How to Code a Neural Network with Backpropagation In Python
    (from scratch)", machinelearningmastery.com, reused by the three-levels article.
    """
    X = np.array([
        [2.7810836, 2.550537003],
        [1.465489372, 2.362125076],
        [3.396561688, 4.400293529],
        [1.38807019, 1.850220317],
        [3.06407232, 3.005305973],
        [7.627531214, 2.759262235],
        [5.332441248, 2.088626775],
        [6.922596716, 1.77106367],
        [8.675418651, -0.242068655],
        [7.673756466, 3.508563011],
    ], dtype=np.float64)
    y = np.array([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], dtype=np.int64)
    return X, y


def moons(n_samples=200, noise=0.2, random_state=0):
    """Two interleaving half circles, from scikit-learn's `make_moons`.

    n_samples: total number of points (>= 1), split as evenly as possible between the moons.
    noise: standard deviation of the Gaussian noise added to each coordinate (>= 0).
    random_state: int seed (or None for a different sample each call).
    Returns (X, y): X (n_samples, 2) float64; y (n_samples,) int64 labels 0 or 1.
    """
    from sklearn.datasets import make_moons

    n_samples = positive_int(n_samples, "n_samples")
    noise = float(as_float_array(noise, "noise", ndim=0))
    if noise < 0:
        raise NNLibValueError(f"noise must be >= 0 (a standard deviation), got {noise}.")
    X, y = make_moons(n_samples=n_samples, noise=noise, random_state=random_state)
    return X.astype(np.float64), y.astype(np.int64)


def digits():
    """The 8x8 handwritten digits shipped with scikit-learn (no download needed).

    Returns (X, y): X (1797, 64) float64 pixel intensities 0..16, one image per row
    (`X[i].reshape(8, 8)` to show it); y (1797,) int64 digit labels 0..9.
    Source: UCI ML hand-written digits data set, via `sklearn.datasets.load_digits`.
    """
    from sklearn.datasets import load_digits

    bunch = load_digits()
    return bunch.data.astype(np.float64), bunch.target.astype(np.int64)
