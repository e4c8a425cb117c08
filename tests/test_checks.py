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


@pytest.fixture(autouse=True)
def fresh_kernel():
    """Each test starts as a new kernel would: no results, hints or hint levels recorded."""
    for record in (checks._results, checks._hints, checks._hints_shown):
        record.clear()


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

def test_template_says_still_your_code_here_and_run_the_cell(capsys):
    def exercise(z):
        # YOUR CODE HERE
        raise NotImplementedError("Exercise: complete exercise()")

    result = check_relu(exercise)
    assert not result
    assert result.message.startswith("✗ exercise() still has # YOUR CODE HERE: write your answer "
                                     "in its place, run that cell (Shift+Enter)")
    assert result.message.rstrip().endswith('More help: checks.hint("exercise")')
    assert "max(0, z)" not in result.message  # the hint waits for checks.hint
    assert capsys.readouterr().out.count("✗") == 1


def test_other_not_implemented_error_says_not_written_yet():
    def exercise(z):
        raise NotImplementedError

    result = check_relu(exercise)
    assert "NotImplementedError" in result.message and "not written yet" in result.message


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
    assert check_relu(lambda z: list(relu(z)))  # the same numbers in a list: accepted


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

    assert check_relu(in_place, may_change_inputs=True)


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


# --- the exercise by name: not defined yet, template, missing return (SPEC A.1) ----------------

def test_name_not_defined_yet_says_run_the_exercise_cell():
    result = checks.check_function("no_such_exercise", reference=relu, inputs=INPUTS)
    assert not result
    assert result.message == ("✗ no_such_exercise is not defined yet: run the exercise cell "
                              "above (def no_such_exercise) first, then this check.")


def test_name_is_looked_up_in_the_callers_namespace(monkeypatch):
    monkeypatch.setitem(globals(), "student_relu", lambda z: np.maximum(z, 0.0))
    result = checks.check_function("student_relu", reference=relu, inputs=INPUTS)
    assert result and result.name == "student_relu"
    monkeypatch.setitem(globals(), "student_relu", 3.0)
    result = checks.check_function("student_relu", reference=relu, inputs=INPUTS)
    assert not result and "not a function" in result.message


def test_condition_uses_missing_and_template(monkeypatch):
    def condition():
        return learning_rate_exercise() > 0  # noqa: F821 - defined by the "student" below

    result = checks.check_condition(condition, name="rate", uses="learning_rate_exercise")
    assert "learning_rate_exercise is not defined yet" in result.message

    def learning_rate_exercise():
        raise NotImplementedError("Exercise: complete learning_rate_exercise()")

    monkeypatch.setitem(globals(), "learning_rate_exercise", learning_rate_exercise)
    result = checks.check_condition(condition, name="rate", uses=["learning_rate_exercise"])
    assert "learning_rate_exercise() still has # YOUR CODE HERE" in result.message


def notebook_helper_train(rate):
    """Stands for the notebook's own helper (train_xor): it fails on a None learning rate."""
    return rate * 2 > 0.5


def test_condition_blames_the_students_missing_return_not_the_notebooks_helper(monkeypatch):
    def forgot_return():
        rate = 0.5  # noqa: F841 - the missing return is the point

    monkeypatch.setitem(globals(), "rate_exercise", forgot_return)
    result = checks.check_condition(lambda: notebook_helper_train(rate_exercise()),  # noqa: F821
                                    name="rate_exercise", uses="rate_exercise")
    assert result.message.startswith("✗ `rate_exercise()` returned None: did you forget `return`?")
    assert "notebook_helper_train" not in result.message
    assert globals()["rate_exercise"] is forgot_return  # the watch is undone
    monkeypatch.setitem(globals(), "rate_exercise", lambda: 0.5)
    assert checks.check_condition(lambda: notebook_helper_train(rate_exercise()),  # noqa: F821
                                  name="rate_exercise", uses="rate_exercise")


# --- inputs must not change (SPEC A.2) ----------------------------------------------------------

def test_changing_an_argument_in_place_names_it_and_its_entries():
    def output_delta(probs, y):
        probs[y > 0] -= 1.0
        return probs

    probs = np.full((5, 2), 0.5)
    y = np.zeros((5, 2))
    y[[0, 1, 3], [1, 0, 1]] = 1.0
    result = checks.check_function(output_delta, reference=lambda p, y: np.where(y > 0, p - 1, p),
                                   inputs=[(probs, y)])
    assert not result
    assert result.message.startswith(
        "✗ output_delta changed its argument probs in place (3 of 10 entries differ, first at "
        "[0, 1]): the exercise needs probs unchanged — work on a new array.")
    assert (probs == 0.5).all()  # the author's inputs are untouched


def test_in_place_change_of_a_list_of_arrays_names_the_item():
    def step(params, grads):
        new = [p - g for p, g in zip(params, grads)]
        params[1] -= grads[1]
        return new

    params, grads = [np.ones(3), np.ones(2)], [np.zeros(3), np.ones(2)]
    result = checks.check_function(step, reference=lambda p, g: [a - b for a, b in zip(p, g)],
                                   inputs=[(params, grads)])
    assert not result
    assert "changed its argument params in place (item [1]: 2 of 2 entries differ" in result.message


def test_wrong_value_and_in_place_says_both():
    def doubled(z):
        z *= 2
        return z

    result = check_relu(doubled)
    assert "wrong values" in result.message and "also changed its argument z" in result.message


# --- diagnosis without the formula (SPEC A.3) ---------------------------------------------------

def test_sign_flipped():
    result = check_relu(lambda z: -relu(z))
    assert "sign is flipped" in result.message


def test_constant_factor():
    result = check_relu(lambda z: 2 * relu(z))
    assert "off by a constant factor of 2" in result.message
    assert "factor of 0.5" in check_relu(lambda z: relu(z) / 2).message


def test_constant_offset():
    result = checks.check_value(np.arange(3.0) + 0.1, np.arange(3.0))
    assert "off by the same amount, 0.1" in result.message


def test_transpose_and_1d_where_a_column_was_expected():
    want = np.arange(6.0).reshape(2, 3)
    message = checks.check_value(want.T, want).message
    assert "shape (3, 2) where shape (2, 3) was expected — a transpose?" in message
    message = checks.check_value(np.ones(4), np.ones((4, 1))).message
    assert "shape (4,) where shape (4, 1) was expected" in message and "column" in message


def test_two_numbers_where_one_was_expected_gives_no_fix_with_the_wrong_shape():
    message = checks.check_value([0.2, 0.8], 0.8).message
    assert "two numbers where one number was expected" in message
    assert "np.array" not in message
    message = checks.check_value(np.array([0.2, 0.8]), 0.8).message
    assert "two numbers" in message and "np.array" not in message


def test_a_tuple_a_list_and_a_1d_array_of_the_right_numbers_are_all_accepted():
    for got in ([1.0, 2.0], (1.0, 2.0), np.array([1.0, 2.0])):
        assert checks.check_value(got, np.array([1.0, 2.0]))
        assert checks.check_value(got, (1.0, 2.0))
        assert checks.check_value(got, [1.0, 2.0])
    assert not checks.check_value([1.0, 2.5], np.array([1.0, 2.0]))
    assert not checks.check_value(np.array([1.0, 2.0, 3.0]), (1.0, 2.0))


def test_pandas_with_the_right_numbers_is_accepted_and_otherwise_told_how_to_convert():
    import pandas as pd

    assert checks.check_value(pd.Series([0.5, 0.25]), np.array([0.5, 0.25]))
    assert checks.check_value(pd.DataFrame({"a": [0.5, 0.25]}), np.array([[0.5], [0.25]]))
    assert checks.check_value(pd.DataFrame({"a": [0.5, 0.25]}), np.array([0.5, 0.25]))
    message = checks.check_value(pd.Series([0.5, 0.3]), np.array([0.5, 0.25])).message
    assert "pandas Series" in message and ".to_numpy()" in message and "0.25" in message
    message = checks.check_value(pd.Series(["a", "b"]), np.array([0.5, 0.25])).message
    assert "pandas Series" in message and ".to_numpy()" in message


def test_integers_where_decimals_were_expected():
    message = checks.check_value(np.array([0, 1]), np.array([0.4, 1.3])).message
    assert "whole numbers (dtype int64)" in message


def test_function_returned_instead_of_a_value():
    message = check_relu(lambda z: relu).message
    assert "a function where a value was expected" in message


def test_several_arrays_name_the_one_that_is_off_and_each_largest_error():
    want = [np.ones((2, 2)), np.zeros(2), np.ones(3)]
    got = [np.ones((2, 2)), np.array([0.0, 0.25]), np.ones(3)]
    message = checks.check_value(got, want, name="grads", labels=["dW1", "db1", "dW2"]).message
    assert "db1 is off" in message
    assert "largest error in each: dW1 0, db1 0.25, dW2 0" in message
    assert "item [1] is off" in checks.check_value(got, want).message


# --- hints in two steps (SPEC A.4) --------------------------------------------------------------

def test_hint_is_not_printed_but_given_on_request_level_by_level(capsys):
    result = checks.check_function(lambda z: -relu(z), reference=relu, inputs=INPUTS,
                                   name="relu_exercise", hint=["look at negative z", "use max"])
    assert "negative z" not in result.message
    assert result.message.endswith('More help: checks.hint("relu_exercise")')
    capsys.readouterr()
    checks.hint("relu_exercise")
    first = capsys.readouterr().out
    assert "(1 of 2): look at negative z" in first and "again" in first
    checks.hint("relu_exercise")
    assert "(2 of 2, the last one): use max" in capsys.readouterr().out
    checks.hint("relu_exercise")  # a third call says there is no other, and repeats the last
    third = capsys.readouterr().out
    assert "No more hints" in third and "the last one (2 of 2)" in third and "use max" in third
    checks.hint("unknown_exercise")
    assert "No hint for 'unknown_exercise' yet" in capsys.readouterr().out


# --- summary and quizzes (SPEC A.5, A.6) --------------------------------------------------------

QUESTIONS_99 = {
    "99.1": {"kind": "choice", "options": ["a", "b", "c"], "correct": "b",
             "explain": {"a": "A is too small.", "b": "B: the chain rule.", "c": "C is reversed."}},
    "99.2": {"kind": "number", "value": 0.25, "tol": 1e-3,
             "right": "σ(0)(1 − σ(0)) is a quarter.", "wrong": "Re-read section 2."},
    "99.3": {"kind": "number", "value": 3.0, "right": "Yes.", "wrong": "Count again."},
}


@pytest.fixture
def lesson99(monkeypatch):
    import sys
    import types

    module = types.ModuleType("nnlib.checks.quizzes.lesson99")
    module.QUESTIONS = QUESTIONS_99
    monkeypatch.setitem(sys.modules, "nnlib.checks.quizzes.lesson99", module)
    return module


def test_quiz_not_answered_wrong_and_right(lesson99, capsys):
    result = checks.quiz("99.2", None)
    assert not result
    assert capsys.readouterr().out == "· 99.2 not answered yet: set answer_2 and run this cell.\n"
    result = checks.quiz("99.2", 0.5)
    assert not result and "Re-read section 2." in result.message and "Try again" in result.message
    assert "0.25" not in result.message
    assert checks.quiz("99.2", 0.2501) and "a quarter" in capsys.readouterr().out
    result = checks.quiz("99.1", "A")
    assert not result and "A is too small." in result.message
    assert checks.quiz("99.1", " B ")
    assert "not one of the options a, b, c" in checks.quiz("99.1", "d").message
    assert "remove the quotes" in checks.quiz("99.2", "0.25").message
    assert checks.quiz("99.3", 3.002)  # default tolerance: 0.1 %


def test_quiz_unknown_ids_raise_clearly(lesson99):
    from nnlib.errors import NNLibValueError

    with pytest.raises(NNLibValueError, match="no question '99.7'; it has 99.1, 99.2, 99.3"):
        checks.quiz("99.7", 1)
    with pytest.raises(NNLibValueError, match="lesson98.py does not exist"):
        checks.quiz("98.1", 1)
    with pytest.raises(NNLibValueError, match="like \"01.2\""):
        checks.quiz("1-2", 1)


def test_quiz_in_strict_mode_needs_an_answer(lesson99):
    checks.strict(True)
    with pytest.raises(AssertionError, match="not answered"):
        checks.quiz("99.1", None)
    with pytest.raises(AssertionError, match="^✗ 99.1: not quite. C is reversed."):
        checks.quiz("99.1", "c")
    assert checks.quiz("99.1", "b")


def test_summary_counts_exercises_and_quiz(lesson99, capsys):
    check_relu(relu, name="relu_ok")
    check_relu(lambda z: z, name="relu_bad")
    checks.quiz("99.1", "b")
    checks.quiz("99.2", 1.0)
    capsys.readouterr()
    checks.summary(["relu_ok", "relu_bad", "never_tried", "quiz"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["✓", "relu_ok", "done"]
    assert lines[2].split() == ["✗", "relu_bad", "not", "yet"]
    assert lines[3].split() == ["·", "never_tried", "not", "tried"]
    assert lines[4].split() == ["✗", "quiz", "1", "of", "3", "questions", "right"]
    assert lines[5] == "1 of 4 done."


def test_summary_of_an_untried_quiz(capsys):
    checks.summary(["quiz"])
    out = capsys.readouterr().out
    assert "· quiz" in out and "not tried" in out


def test_validate_finds_broken_question_tables():
    from nnlib.checks import quizzes

    assert quizzes.validate(QUESTIONS_99, "99") == []
    broken = {"99.1": {"kind": "choice", "options": ["a", "b"], "correct": "c",
                       "explain": {"a": "…"}},
              "99.2": {"kind": "number", "value": "1"}, "1.3": {"kind": "essay"}}
    problems = "\n".join(quizzes.validate(broken, "99"))
    for piece in ("correct must be one of", "no explanation for option(s) ['b']",
                  "value must be a number", "needs a 'right' text", "kind must be",
                  "ids of lesson 99"):
        assert piece in problems


@pytest.mark.parametrize("lesson", __import__("nnlib.checks.quizzes").checks.quizzes.lessons())
def test_every_lesson_quiz_module_is_valid(lesson):
    from nnlib.checks import quizzes

    assert quizzes.validate(quizzes.lesson_questions(lesson), lesson) == []


def test_strict_message_is_the_cross_text():
    checks.strict(True)
    with pytest.raises(AssertionError) as raised:
        checks.check_function("not_there_yet", reference=relu, inputs=INPUTS)
    assert str(raised.value).startswith("✗ not_there_yet is not defined yet")


def test_import_nnlib_does_not_load_the_quizzes():
    import subprocess
    import sys

    code = "import sys, nnlib; print('nnlib.checks.quizzes' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_one_wrong_number_gets_a_factor_only_when_it_is_simple():
    assert "factor of 2" in checks.check_value(0.5, 0.25).message
    assert "factor" not in checks.check_value(0.3, 0.25).message
    assert "sign is flipped" in checks.check_value(-0.25, 0.25).message


def test_numpy_scalars_are_shown_as_plain_numbers():
    message = checks.check_function(lambda x: x, expected=[1.0], inputs=[np.float64(0.5)]).message
    assert "x = 0.5" in message and "np.float64" not in message


def test_hint_and_summary_without_arguments(capsys):
    checks.hint()
    assert "No check with a hint has failed yet" in capsys.readouterr().out
    check_relu(lambda z: -relu(z), name="first")
    check_relu(lambda z: 2 * relu(z), name="second")
    check_relu(relu, name="third")
    capsys.readouterr()
    checks.hint()
    assert capsys.readouterr().out.startswith("Hint for second (the only one): relu(z) = max(0, z)")
    checks.summary()
    out = capsys.readouterr().out
    assert "✗ first" in out and "✓ third" in out and "1 of 3 done." in out


def test_one_number_where_a_tuple_of_two_was_expected():
    message = checks.check_value(2.0, (2.0, 2.5e-5)).message
    assert "one number (2.0) where a tuple of two numbers was expected" in message


# --- a diagnosis only where the evidence supports it (lesson writers' reports) -----------------

def test_a_single_number_never_gets_every_value():
    message = checks.check_value(-0.25, 0.25).message
    assert "sign is flipped" in message and "every value" not in message
    message = checks.check_value(0.5, 0.25).message
    assert "factor of 2" in message and "every value" not in message


def test_a_factor_needs_several_different_values_or_a_simple_ratio():
    factor = 0.9472
    for got, want in [(factor * np.array([0.3, 0.3]), np.array([0.3, 0.3])),  # one value twice
                      (factor * np.array([[0.3]]), np.array([[0.3]])),
                      (factor * np.array([0.3, 0.0]), np.array([0.3, 0.0]))]:
        message = checks.check_value(got, want).message
        assert "factor" not in message and "same amount" not in message, message
    message = checks.check_value(factor * np.array([0.3, -0.6]), np.array([0.3, -0.6])).message
    assert "factor of 0.9472: every value is 0.9472 × the expected one" in message


def test_a_diagnosis_must_hold_on_every_input_that_is_wrong():
    def x1_not_x0(x):  # Alice's (-2, -1) alone reads as "a factor of 0.5"
        return -x[1]

    message = checks.check_function(x1_not_x0, reference=lambda x: -x[0],
                                    inputs=[np.array([-2.0, -1.0]), np.array([1.0, 3.0])]).message
    assert "input 1 of 2" in message and "factor" not in message
    message = checks.check_function(lambda y: 0.9472 * y, reference=lambda y: y,
                                    inputs=[0.3, 0.7, -1.2]).message
    assert "factor of 0.9472: your number is 0.9472 × the expected one (on each of the 3 inputs" \
        in message
    message = checks.check_function(lambda y: -y if y > 0 else y / 2, reference=lambda y: y,
                                    inputs=[0.3, -0.7]).message
    assert "input 1 of 2" in message and "sign" not in message and "factor" not in message
    message = check_relu(lambda z: relu(z) / 2).message  # two arrays, both halved
    assert "factor of 0.5" in message and "each of the 2 inputs" in message


def test_a_factor_per_item_of_a_list_holds_on_every_input():
    def grads(x):
        return [2 * x, 3 * x if x[0] > 0 else 2 * x + 1]  # input 1 alone: a factor of 1.5

    message = checks.check_function(grads, reference=lambda x: [2 * x, x * 2],
                                    inputs=[np.array([1.0, 2.0]), np.array([-1.0, 3.0])],
                                    labels=["dW", "db"]).message
    assert "db is off" in message and "factor" not in message


def test_a_1x1_array_where_one_number_was_expected():
    message = checks.check_value(np.array([[0.5]]), 0.5).message
    assert "an array of shape (1, 1) where a single number (not an array) was expected" in message
    assert "one number (shape" not in message
    message = checks.check_value(np.zeros(0), 0.5).message
    assert "an empty array (shape (0,)) where one number was expected" in message


def test_messages_read_well():
    message = checks.check_value(np.array([1.0, 2.0, 3.5]), np.array([1.0, 2.0, 3.0])).message
    assert "1 of 3 differs, at index 2: expected 3.0, got 3.5" in message
    message = checks.check_value(np.array([1.0, -np.inf]), np.array([1.0, 2.0])).message
    assert "1 of 2 values is NaN or inf: at index 1 it is -inf" in message
    assert "your result is NaN" in checks.check_value(np.nan, 0.5).message
    message = checks.check_value([[1.0, 2.0], [3.0, 4.0]], 0.5).message
    assert "two numbers" not in message and "list" in message
    message = checks.check_value([0.5], 0.5).message
    assert "a list ([0.5]) where a single number (not a list) was expected" in message
    message = checks.check_value({"W": np.ones(2)}, {"W": np.zeros(2)}).message
    assert "key 'W' is off: wrong values" in message
    message = checks.check_value(3, "tanh", name="activation").message
    assert "wrong type: expected a str, got an int (3)" in message and "tanh" not in message
    message = checks.check_value(np.array(["a", "b"]), np.ones(2)).message
    assert "an array of text (dtype <U1)" in message
    assert checks.check_value(None, 1.0, name="b1").message.startswith("✗ b1 is None:")
    message = checks.check_value([1.0, 2.0], (1.0, 2.0, 3.0)).message
    assert "expected a tuple of 3 items, got a list of 2" in message


def test_common_exceptions_say_what_they_usually_mean():
    def typo(z):
        return np.maximum(zz, 0.0)  # noqa: F821

    message = check_relu(typo).message
    assert "name 'zz' is not defined" in message and "spelled" in message
    message = check_relu(lambda z: z @ np.ones((3, 2))).message
    assert "shapes do not fit" in message and ".shape" in message
    message = check_relu(lambda z: z + np.ones(3)).message
    assert "shapes do not fit" in message


def test_in_place_replacement_of_an_item_reads_well():
    def replaces(items):
        items[1] = "new"
        return 1.0

    message = checks.check_function(replaces, expected=[1.0], inputs=[([1.0, 2.0],)]).message
    assert "(item [1] was replaced)" in message
    message = checks.check_value([1.0, None], [1.0, 2.0]).message
    assert "item [1] is off: got None where a number was expected" in message


def test_a_factor_within_each_input_that_changes_between_inputs_is_named_as_such():
    def sum_not_mean(z):  # the gradient of a sum where a mean's was expected: a factor n
        return z

    message = checks.check_function(sum_not_mean, reference=lambda z: z / len(z),
                                    inputs=[np.array([1.0, 2.0, 4.0, 8.0, 3.0]),
                                            np.array([1.0, -2.0, 5.0])]).message
    assert "factor of 5: every value is 5 × the expected one" in message
    assert "on the other wrong input it is 3 — the factor changes from input to input" in message


def test_shape_and_item_messages_punctuate_and_count_cleanly():
    message = checks.check_value(np.ones((2, 3)), np.ones((3, 2))).message
    assert message.endswith("was expected — a transpose?")
    message = checks.check_value((1.0, None), (1.0, 2.0), labels=["a", "b"]).message
    assert "largest error in each: a 0, b —" in message and "nan" not in message
    message = checks.check_value(np.array([1, 0]), np.array([True, False])).message
    assert "expected True/False values, got an array of numbers (dtype int64)" in message


# --- exercise declarations (nnlib/checks/exercises/) ---------------------------------------------

from nnlib.checks import exercises as declarations  # noqa: E402

LESSONS = declarations.lessons()


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_declaration_is_complete_with_inputs_that_differ_in_every_argument(lesson):
    problems = declarations.validate(declarations.lesson_exercises(lesson), lesson)
    assert not problems, "\n".join(problems)


def _declared_calls(entry):
    inputs = entry.get("inputs", [])
    if callable(inputs):
        inputs = inputs(nb=None)
    return [c if isinstance(c, tuple) else (c,) for c in inputs]


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_misconception_gives_the_right_answer_on_every_input(lesson):
    """A misconception that equals the reference would name a wrong idea for a right answer."""
    from nnlib.checks.diagnose import compare

    problems = []
    for name, entry in declarations.lesson_exercises(lesson).items():
        reference = entry.get("reference")
        if reference is None or declarations.takes_notebook(reference):
            continue
        calls = _declared_calls(entry)
        for wrong_idea, sentence in entry.get("misconceptions", []):
            right_everywhere = True
            for args in calls:
                try:
                    guess = wrong_idea(*args)
                except Exception:
                    right_everywhere = False
                    break
                if compare(guess, reference(*args), 1e-9, 1e-9):
                    right_everywhere = False
                    break
            if right_everywhere:
                problems.append(f"lesson {lesson}, {name}: the misconception '{sentence[:50]}…' "
                                f"gives the right answer on every input")
    assert not problems, "\n".join(problems)


def test_a_declared_check_reads_everything_from_the_declaration(monkeypatch, capsys):
    def sigmoid_derivative(z):
        s = 1 / (1 + np.exp(-z))
        return s * (1 - s)

    globals()["sigmoid_derivative"] = sigmoid_derivative
    try:
        assert checks.check_function("sigmoid_derivative", lesson="01")
        globals()["sigmoid_derivative"] = lambda z: z * (1 - z)
        result = checks.check_function("sigmoid_derivative", lesson="01")
        assert not result and "weighted input z = 0.7" in result.message
        assert "output a = σ(z), and z is its input" in result.message
        capsys.readouterr()
        checks.hint("sigmoid_derivative")
        assert "Compute s = sigmoid(z) first" in capsys.readouterr().out
    finally:
        del globals()["sigmoid_derivative"]


def test_a_check_run_before_the_cells_it_needs_names_them_and_never_raises():
    result = checks.check_function("d_loss_d_w1", lesson="02")
    assert not result and "`forward`" in result.message and "Run All Above" in result.message
    assert "def d_loss_d_w1" in result.message
    result = checks.check_condition("mse_learning_rate", lesson="03")
    assert not result and "train_xor" in result.message


def _output_delta_squared_error(y, y_hat):
    return 2 * (y_hat - y) * y_hat * (1 - y_hat)


def test_arguments_in_another_order_are_named_as_such_not_as_a_sign():
    # the first argument taken for the prediction, under names of the student's own
    globals()["output_delta_squared_error"] = lambda p, t: 2 * (p - t) * p * (1 - p)
    try:
        swapped = checks.check_function("output_delta_squared_error", lesson="05")
        assert not swapped and "exchanged" in swapped.message and "sign" not in swapped.message
        assert "target y = 0.7, prediction ŷ = 0.3" in swapped.message

        def output_delta_squared_error(y_hat, y):  # the parameters named, in lesson 01's order
            return 2 * (y_hat - y) * y_hat * (1 - y_hat)
        globals()["output_delta_squared_error"] = output_delta_squared_error
        named = checks.check_function("output_delta_squared_error", lesson="05")
        assert not named and "(y_hat, y), in another order than the exercise's (y, y_hat)" in \
            named.message
    finally:
        del globals()["output_delta_squared_error"]


def test_a_notebook_variable_read_instead_of_an_argument_is_named():
    globals()["y"] = 0.3  # a notebook variable of the same name as an argument

    def output_delta_squared_error(target, y_hat):
        return 2 * (y_hat - y) * y_hat * (1 - y_hat)  # noqa: F821 - the notebook's y
    globals()["output_delta_squared_error"] = output_delta_squared_error
    try:
        result = checks.check_function("output_delta_squared_error", lesson="05")
        assert not result and "reads the notebook's variable `y`" in result.message
    finally:
        del globals()["output_delta_squared_error"], globals()["y"]


def test_a_result_that_depends_on_no_argument_is_named():
    result = checks.check_function(lambda a, b: 0.25, reference=lambda a, b: a * b,
                                   inputs=[(0.5, 0.5), (2.0, 3.0)])
    assert not result and "same result for every input" in result.message


def test_the_function_returned_for_its_slope_is_named():
    from nnlib.activations import relu as nn_relu
    from nnlib.activations import relu_derivative

    globals()["relu_derivative"] = nn_relu
    globals()["relu"] = relu_derivative
    try:
        slope = checks.check_function("relu_derivative", lesson="07")
        assert not slope and "the function itself, not its slope" in slope.message
        function = checks.check_function("relu", lesson="07")
        assert not function and "the function's slope, not the function itself" in function.message
    finally:
        del globals()["relu_derivative"], globals()["relu"]


SHARED = np.array([1.0, 2.0])


def test_a_notebook_variable_the_function_changes_is_named_and_put_back():
    def scale(x):
        SHARED[0] = 99.0
        return x * 2
    result = checks.check_function(scale, reference=lambda x: x * 2, inputs=[1.0, 2.0])
    assert not result and "changed the notebook's variable `SHARED`" in result.message
    assert SHARED.tolist() == [1.0, 2.0]


def test_numpy_settings_and_random_state_are_the_same_after_a_check():
    before_err, before_state = np.geterr(), np.random.get_state()[1].copy()

    def careless(x):
        np.seterr(all="raise")
        np.random.seed(123)
        np.set_printoptions(precision=2)
        return np.log(x)
    checks.check_function(careless, reference=np.log, inputs=[0.0, 1.0])
    assert np.geterr() == before_err
    assert np.array_equal(np.random.get_state()[1], before_state)
    assert np.get_printoptions()["precision"] == 8


def _bare_except_loop(x):
    while True:
        try:
            time.sleep(0.01)
            x += 1
        except:  # noqa: E722 - what a student may write
            pass


def _nested_bare_excepts(x):
    while True:
        try:
            _bare_except_loop(x)
        except:  # noqa: E722
            continue


def _finally_continue(x):
    while True:
        try:
            x += 1
        finally:
            continue


@pytest.mark.parametrize("student", [_bare_except_loop, _nested_bare_excepts, _finally_continue])
def test_no_except_clause_keeps_a_check_past_its_time_limit(student):
    start = time.monotonic()
    result = checks.check_function(student, reference=lambda x: x, inputs=[1.0], timeout=0.5)
    took = time.monotonic() - start
    assert not result and "did not return within 0.5 s" in result.message
    assert took < 0.5 + 5, f"the check took {took:.1f} s"
    assert checks.check_function(lambda x: x, reference=lambda x: x, inputs=[1.0])  # works again


def test_the_time_limit_costs_well_under_a_millisecond_per_call():
    """Measured: what the time limit (a signal handler and a timer) adds to a call of the
    student's function; the fastest of several batches, so that other work on the machine does
    not count."""
    from nnlib.checks.student_code import call

    def double(x):
        return 2 * x

    def per_call(timeout, n=200):
        best = float("inf")
        for _ in range(7):
            start = time.perf_counter()
            for _ in range(n):
                call(double, (3,), timeout)
            best = min(best, (time.perf_counter() - start) / n)
        return best

    without, with_limit = per_call(None), per_call(5.0)
    print(f"per call: {without * 1e6:.0f} µs without the limit (numpy's state saved and put "
          f"back), {with_limit * 1e6:.0f} µs with it")
    assert with_limit - without < 1e-3


def test_quiz_feedback_says_its_verdict_once():
    import re

    from nnlib.checks import quizzes

    doubled = re.compile(r"\b([a-z]{2,})\W+\1\b", re.IGNORECASE)
    for lesson in quizzes.lessons():
        for question_id, question in quizzes.lesson_questions(lesson).items():
            answers = question["options"] if question["kind"] == "choice" else [
                question["value"], question["value"] * 3 + 1]
            for answer in answers:
                message = checks.quiz(question_id, answer).message
                first_line = message.splitlines()[0]
                assert not doubled.search(first_line[:40]), first_line


def test_import_nnlib_loads_no_exercise_declarations():
    import subprocess
    import sys

    code = ("import sys, nnlib; loaded = [m for m in sys.modules if 'exercises.lesson' in m "
            "or 'quizzes.lesson' in m]; print(loaded); assert not loaded")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
