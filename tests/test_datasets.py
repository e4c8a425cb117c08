"""nnlib.datasets: the article tables digit for digit, and California housing offline."""
import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.error import URLError

import joblib
import numpy as np
import pytest

from nnlib import datasets
from nnlib.errors import NNLibTypeError, NNLibValueError

CACHE = datasets.DATA_DIR / datasets.CALIFORNIA_HOUSING_FILE


@pytest.fixture
def no_network(monkeypatch):
    """Make every connection attempt fail at once, as on a machine without internet."""
    def refuse(*args, **kwargs):
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr("time.sleep", lambda seconds: None)  # scikit-learn's retry delay


# --- the article tables ------------------------------------------------------------------------

def test_gender_is_the_article_table():
    X, y, names = datasets.gender()
    assert X.dtype == np.float64 and X.shape == (4, 2)
    assert y.dtype == np.float64 and y.shape == (4, 1)
    # 004_gender: weight - 135 lb, height - 66 in; 1 = female
    np.testing.assert_array_equal(X, [[-2, -1], [25, 6], [17, 4], [-15, -6]])
    np.testing.assert_array_equal(y, [[1], [0], [0], [1]])
    assert names == ["Alice", "Bob", "Charlie", "Diana"]


def test_gender_constants_shift_new_people_like_the_article():
    shift = np.array([datasets.GENDER_WEIGHT_SHIFT_LB, datasets.GENDER_HEIGHT_SHIFT_IN])
    assert shift.tolist() == [135, 66]
    raw = np.array([row[1:3] for row in datasets.GENDER_TABLE])
    np.testing.assert_array_equal(raw - shift, datasets.gender()[0])
    # The article's comments: Emily is [-7, -3] (128 lb, 63 in), Frank [20, 2] (155 lb, 68 in).
    assert (np.array(datasets.GENDER_QUERIES["Emily"]) - shift).tolist() == [-7, -3]
    assert (np.array(datasets.GENDER_QUERIES["Frank"]) - shift).tolist() == [20, 2]


def test_xor():
    X, y = datasets.xor()
    assert X.dtype == y.dtype == np.float64
    np.testing.assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(y, [[0], [1], [1], [0]])


def test_three_levels_table_is_copied_exactly():
    X, y = datasets.three_levels_table()
    assert X.dtype == np.float64 and X.shape == (10, 2)
    assert y.dtype == np.int64 and y.shape == (10,)
    # 002_worked_example_three_levels, the `dataset` of all three implementations
    article = [[2.7810836, 2.550537003], [1.465489372, 2.362125076],
               [3.396561688, 4.400293529], [1.38807019, 1.850220317],
               [3.06407232, 3.005305973], [7.627531214, 2.759262235],
               [5.332441248, 2.088626775], [6.922596716, 1.77106367],
               [8.675418651, -0.242068655], [7.673756466, 3.508563011]]
    np.testing.assert_array_equal(X, article)
    np.testing.assert_array_equal(y, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])


def test_tables_are_fresh_copies():
    X, y = datasets.xor()
    X[0, 0] = 99
    assert datasets.xor()[0][0, 0] == 0


# --- scikit-learn generated and bundled data ---------------------------------------------------

def test_moons_shapes_and_reproducibility():
    X, y = datasets.moons()
    assert X.shape == (200, 2) and X.dtype == np.float64
    assert y.shape == (200,) and y.dtype == np.int64
    assert np.bincount(y).tolist() == [100, 100]
    X2, y2 = datasets.moons()
    np.testing.assert_array_equal(X, X2)
    assert not np.array_equal(X, datasets.moons(random_state=1)[0])
    assert datasets.moons(n_samples=7, noise=0)[0].shape == (7, 2)


@pytest.mark.parametrize("n_samples, error", [(0, NNLibValueError), (-5, NNLibValueError),
                                              (2.5, NNLibTypeError), ("200", NNLibTypeError)])
def test_moons_refuses_bad_n_samples(n_samples, error):
    with pytest.raises(error, match="n_samples"):
        datasets.moons(n_samples=n_samples)


def test_moons_refuses_negative_noise():
    with pytest.raises(NNLibValueError, match="noise must be >= 0"):
        datasets.moons(noise=-0.1)


def test_digits():
    X, y = datasets.digits()
    assert X.shape == (1797, 64) and X.dtype == np.float64
    assert y.shape == (1797,) and y.dtype == np.int64
    assert X.min() == 0 and X.max() == 16
    assert sorted(set(y.tolist())) == list(range(10))


# --- California housing ------------------------------------------------------------------------

def test_data_dir_is_beside_the_package_unless_overridden(tmp_path):
    package = Path(datasets.__file__).resolve().parent
    if "NNLIB_DATA_DIR" not in os.environ:
        assert datasets.DATA_DIR == package.parent / "data"
    code = "import nnlib.datasets as d; print(d.DATA_DIR)"
    env = dict(os.environ, NNLIB_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True, cwd=package.parent)
    assert out.stdout.strip() == str(tmp_path)


@pytest.mark.skipif(not CACHE.exists(),
                    reason=f"no {CACHE}: run once with internet access, or copy "
                           f"cal_housing_py3.pkz into {CACHE.parent} (.ci/run does)")
@pytest.mark.usefixtures("no_network")
def test_california_housing_loads_from_the_cache():
    size = CACHE.stat().st_size
    housing = datasets.load_california_housing(as_frame=True)
    frame = housing.frame
    assert frame.shape == (20640, 9)
    assert housing.feature_names[:3] == ["MedInc", "HouseAge", "AveRooms"]
    # /work/shared/data/README.md: the sanity figures of this cache
    assert frame["MedInc"].mean() == pytest.approx(3.870671, abs=1e-6)
    assert frame["AveRooms"].mean() == pytest.approx(5.429000, abs=1e-6)
    assert frame["MedHouseVal"].mean() == pytest.approx(2.068558, abs=1e-6)

    arrays = datasets.load_california_housing(data_home=CACHE.parent)
    assert arrays.data.shape == (20640, 8) and arrays.data.dtype == np.float64
    assert arrays.target.shape == (20640,) and arrays.frame is None
    assert CACHE.stat().st_size == size


@pytest.mark.filterwarnings("ignore:Retry downloading")
@pytest.mark.usefixtures("no_network")
def test_missing_cache_without_network_says_which_file_and_how_to_get_it(tmp_path):
    with pytest.raises(datasets.DatasetNotFoundError) as info:
        datasets.load_california_housing(data_home=tmp_path)
    message = str(info.value)
    assert isinstance(info.value, FileNotFoundError)
    assert str(tmp_path / "cal_housing_py3.pkz") in message
    assert "internet" in message and "copy" in message
    assert list(tmp_path.iterdir()) == []  # no half-downloaded file left behind


def test_missing_cache_uses_data_dir_at_call_time(tmp_path, monkeypatch):
    def offline(**kwargs):
        raise URLError("no route to host")

    monkeypatch.setattr(datasets, "DATA_DIR", tmp_path)
    monkeypatch.setattr("sklearn.datasets.fetch_california_housing", offline)
    with pytest.raises(datasets.DatasetNotFoundError, match="no route to host") as info:
        datasets.load_california_housing()
    assert str(tmp_path) in str(info.value)


@pytest.mark.usefixtures("no_network")
def test_truncated_cache_gives_a_clear_error_and_is_kept(tmp_path):
    path = tmp_path / "cal_housing_py3.pkz"
    joblib.dump(np.random.default_rng(0).random((20640, 9)), path, compress=6)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    size = path.stat().st_size
    with pytest.raises(datasets.DatasetCorruptError, match="truncated or corrupted") as info:
        datasets.load_california_housing(data_home=tmp_path)
    assert str(path) in str(info.value) and "not deleted" in str(info.value)
    assert path.exists() and path.stat().st_size == size


@pytest.mark.parametrize("content", [b"", b"not a pickle at all"])
def test_garbage_cache_gives_a_clear_error(tmp_path, content):
    path = tmp_path / "cal_housing_py3.pkz"
    path.write_bytes(content)
    with pytest.raises(datasets.DatasetCorruptError, match="cannot be read"):
        datasets.load_california_housing(data_home=tmp_path)
    assert path.read_bytes() == content


def test_cache_holding_something_else_is_refused(tmp_path):
    path = tmp_path / "cal_housing_py3.pkz"
    joblib.dump({"not": "a table"}, path)
    with pytest.raises(datasets.DatasetCorruptError, match="holds a dict"):
        datasets.load_california_housing(data_home=tmp_path)
    assert path.exists()
