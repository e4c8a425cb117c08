"""nnlib.checks: a test per way a student's answer can be wrong; the kernel always survives."""
import signal
import threading
import time

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from nnlib import checks


@pytest.fixture(autouse=True)
def not_strict():
    previous = checks.strict(False)
    yield
    checks.strict(previous)


def relu(z):
    return np.maximum(z, 0.0)


INPUTS = [np.linspace(-2, 2, 5), np.array([[1.0, -1.0], [3.0, 0.0]])]


def check_relu(student_fn, **kwargs):
    return checks.check_function(student_fn, reference=relu, inputs=INPUTS,
                                 hint="relu(z) = max(0, z)", **kwargs)


# --- passing -----------------------------------------------------------------------------------

def test_correct_function_passes_and_prints_once(capsys):
    result = check_relu(lambda z: np.where(z > 0, z, 0.0))
    assert result and result.passed
    out = capsys.readouterr().out
    assert out.count("✓") == 1 and "correct on all 2 inputs" in out
    assert "Hint" not in out


def test_expected_values_and_argument_tuples():
    result = checks.check_function(lambda a, b: a + b, inputs=[(1, 2), (np.ones(2), 1.0)],
                                   expected=[3, np.array([2.0, 2.0])])
    assert result.passed


def test_tolerance_is_applied():
    assert checks.check_value(1.0 + 1e-9, 1.0)
    assert not checks.check_value(1.001, 1.0)
    assert checks.check_value(1.001, 1.0, atol=1e-2)


def test_check_value_and_check_condition_pass():
    assert checks.check_value([np.zeros(2), 1.0], [np.zeros(2), 1.0], name="weights")
    assert checks.check_condition(lambda: True, name="ok")
    assert checks.check_condition(lambda: (True, "loss went down"), name="training")


# --- one test per kind of failure --------------------------------------------------------------

def test_not_implemented_says_not_written_yet(capsys):
    def exercise(z):
        # YOUR CODE HERE
        raise NotImplementedError("Exercise: complete exercise()")

    result = check_relu(exercise)
    assert not result
    assert "NotImplementedError" in result.message and "not written yet" in result.message
    assert result.message.rstrip().endswith("Hint: relu(z) = max(0, z)")
    assert capsys.readouterr().out.count("✗") == 1


def test_exception_is_named_with_its_message_input_and_line():
    def broken(z):
        w = np.ones((7, 7))
        return z @ w

    result = check_relu(broken)
    assert not result
    assert "raised ValueError" in result.message
    assert "input 1 of 2: z = array([-2., -1.,  0.,  1.,  2.])" in result.message
    assert "return z @ w" in result.message  # the student's line, not numpy's


def test_returns_none_asks_about_return():
    def forgot(z):
        z = np.maximum(z, 0)

    result = check_relu(forgot)
    assert not result and "returned None" in result.message and "`return`" in result.message


def test_wrong_type_string_and_list():
    result = check_relu(lambda z: "relu")
    assert not result and "wrong type" in result.message and "str" in result.message
    result = check_relu(lambda z: list(relu(z)))
    assert not result and "wrong type" in result.message and "np.array" in result.message


def test_wrong_shape_names_both_shapes():
    result = check_relu(lambda z: relu(z).reshape(-1, 1))
    assert not result
    assert "wrong shape" in result.message
    assert "(5,)" in result.message and "(5, 1)" in result.message


def test_nan_and_inf_are_named():
    result = check_relu(lambda z: relu(z) * np.nan)
    assert not result and "NaN" in result.message
    result = checks.check_value(np.array([1.0, np.inf]), np.array([1.0, 2.0]))
    assert not result and "inf" in result.message and "index 1" in result.message


def test_nan_expected_and_got_is_fine():
    assert checks.check_value(np.array([np.nan, 1.0]), np.array([np.nan, 1.0]))


def test_wrong_values_show_first_differing_input_expected_and_got():
    def off_on_second_input(z):
        return relu(z) + (1.0 if z.ndim == 2 else 0.0)

    result = check_relu(off_on_second_input)
    assert not result
    assert "input 2 of 2" in result.message
    assert "index (0, 0): expected 1.0, got 2.0" in result.message


def test_time_limit_stops_an_infinite_loop_and_later_checks_still_work():
    def forever(z):
        while True:
            pass

    handler_before = signal.getsignal(signal.SIGALRM)
    start = time.monotonic()
    result = check_relu(forever, timeout=0.2)
    assert time.monotonic() - start < 5
    assert not result and "infinite loop" in result.message
    assert signal.getsignal(signal.SIGALRM) is handler_before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert check_relu(relu)  # the "kernel" goes on


def test_time_limit_survives_except_exception():
    def stubborn(z):
        while True:
            try:
                sum(range(100))
            except Exception:
                pass

    assert not check_relu(stubborn, timeout=0.2)


def test_time_limit_outside_the_main_thread():
    results = []

    def forever(z):
        while True:
            pass

    worker = threading.Thread(target=lambda: results.append(check_relu(forever, timeout=0.2)))
    worker.start()
    worker.join(10)
    assert not worker.is_alive()
    assert not results[0] and "infinite loop" in results[0].message


def test_system_exit_and_keyboard_interrupt_do_not_escape():
    def leaves(z):
        raise SystemExit(1)

    def interrupted(z):
        raise KeyboardInterrupt

    assert "SystemExit" in check_relu(leaves).message
    assert "KeyboardInterrupt" in check_relu(interrupted).message


def test_objects_that_misbehave_do_not_crash_the_check():
    class Nasty:
        def __eq__(self, other):
            raise RuntimeError("no comparing")

        def __repr__(self):
            raise RuntimeError("no printing")

        def __bool__(self):
            raise RuntimeError("no truth")

    assert not check_relu(lambda z: Nasty())
    assert not checks.check_value(Nasty(), Nasty())
    assert not checks.check_condition(lambda: Nasty())
    assert "could not be compared" in checks.check_value(Nasty(), Nasty()).message


def test_student_changing_its_input_in_place_does_not_spoil_the_comparison():
    def in_place(z):
        z[z < 0] = 0
        return z

    assert check_relu(in_place)


def test_not_a_function():
    result = checks.check_function(42, reference=relu, inputs=INPUTS)
    assert not result and "not a function" in result.message


def test_check_value_messages_for_none_and_forgotten_call():
    assert "is None" in checks.check_value(None, 1.0, name="b1").message
    assert "forget to call" in checks.check_value(relu, 1.0, name="relu").message


def test_check_condition_failures():
    assert "loss should go down" in checks.check_condition(
        lambda: (False, "loss should go down")).message
    assert "ZeroDivisionError" in checks.check_condition(lambda: 1 / 0).message
    assert "not True or False" in checks.check_condition(lambda: np.array([1, 2])).message


# --- strict mode, result display, and misuse by the author -------------------------------------

def test_strict_mode_raises_on_failure_only(capsys):
    checks.strict(True)
    assert check_relu(relu)
    with pytest.raises(AssertionError, match="wrong shape"):
        check_relu(lambda z: relu(z).reshape(-1, 1))
    checks.strict(False)
    assert not check_relu(lambda z: relu(z).reshape(-1, 1))


def test_result_shows_nothing_more_in_jupyter(capsys):
    result = check_relu(relu)
    assert capsys.readouterr().out.count("correct") == 1
    formatters = pytest.importorskip("IPython.core.formatters")
    data, _ = formatters.DisplayFormatter().format(result)
    assert data == {}  # as a cell's last value it adds nothing: no double print
    assert "passed=True" in repr(result) and str(result) == result.message


def test_author_mistakes_raise():
    with pytest.raises(TypeError):
        checks.check_function(relu, inputs=INPUTS)  # neither reference nor expected
    with pytest.raises(TypeError):
        checks.check_function(relu, reference=relu, inputs=np.zeros(3))
    with pytest.raises(ValueError):
        checks.check_function(relu, inputs=INPUTS, expected=[1.0])


# --- properties --------------------------------------------------------------------------------

floats = hnp.arrays(np.float64, hnp.array_shapes(max_dims=3, max_side=4),
                    elements=st.floats(-1e3, 1e3))


@given(floats)
def test_any_array_matches_its_copy(x):
    assert checks.check_value(x.copy(), x)


@given(floats)
def test_any_changed_array_fails(x):
    assert not checks.check_value(x + 1.0, x)
