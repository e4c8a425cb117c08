"""No answer on screen: a student notebook never shows an exercise's answer before the student
has tried it.

For each lesson, the answers are the `### BEGIN SOLUTION` blocks of the solution notebook. No
code cell of the student notebook (hints are in the check cells, so they are covered) may
contain an answer's telling expression (spaces ignored; trivial lines such as `return s` left
out: tests/exercise_cells.py), unless the cell comes after the exercise's check and its source
is collapsed (cell metadata `"jupyter": {"source_hidden": true}`). Needs no kernel.

One lesson: `pytest tests/test_exercises.py -k 03`.
"""
import pytest
from exercise_cells import (
    ROOT,
    SOLUTIONS,
    exercises,
    lesson_number,
    read,
    shows_piece,
    telling_pieces,
)

LESSONS = sorted(SOLUTIONS.glob("[0-9][0-9]_*.ipynb"))


def answers_on_screen(solution, student):
    """One line per place where the student notebook shows an answer."""
    found = []
    ids = [cell.get("id") for cell in student.cells]
    for exercise in exercises(solution):
        pieces = telling_pieces(exercise.answer)
        exercise_id = solution.cells[exercise.cell].get("id")
        check_id = solution.cells[exercise.check].get("id") if exercise.check else None
        check_at = ids.index(check_id) if check_id in ids else len(student.cells)
        for index, cell in enumerate(student.cells):
            if cell.cell_type != "code" or cell.get("id") == exercise_id:
                continue
            hidden = cell.metadata.get("jupyter", {}).get("source_hidden", False)
            if index > check_at and hidden:
                continue
            piece = shows_piece(cell.source, pieces)
            if piece:
                where = "the check cell (its hint?)" if index == check_at else "a code cell"
                found.append(f"exercise {exercise.name}: {where} {cell.get('id')} (#{index}) "
                             f"shows `{piece}` from the answer"
                             + ("" if index > check_at else ", before the student has tried")
                             + (" — collapse it (jupyter.source_hidden) or take the value "
                                "from nnlib" if index > check_at else ""))
    return found


@pytest.mark.parametrize("solution_path", LESSONS, ids=[f"lesson{lesson_number(p)}"
                                                        for p in LESSONS])
def test_no_answer_on_screen_in_the_student_notebook(solution_path):
    student_path = ROOT / "notebooks" / solution_path.name
    if not student_path.exists():
        pytest.fail(f"{student_path.relative_to(ROOT)} is missing: run "
                    f"tools/make_student_notebooks.py {solution_path.stem}")
    found = answers_on_screen(read(solution_path), read(student_path))
    assert not found, (f"lesson {lesson_number(solution_path)} "
                       f"({student_path.relative_to(ROOT)}) shows answers:\n  "
                       + "\n  ".join(found))


def test_the_finder_sees_an_answer_typed_out_and_ignores_a_collapsed_cell_after_the_check():
    import nbformat

    def notebook(*cells):
        nb = nbformat.v4.new_notebook()
        nb.cells = cells
        return nb

    def code(source, cell_id, hidden=False):
        cell = nbformat.v4.new_code_cell(source)
        cell.id = cell_id
        if hidden:
            cell.metadata["jupyter"] = {"source_hidden": True}
        return cell

    solution = notebook(
        code("def sigmoid_derivative(z):\n    s = sigmoid(z)\n    ### BEGIN SOLUTION\n"
             "    return s * (1 - s)\n    ### END SOLUTION\n", "ex"),
        code('checks.check_function("sigmoid_derivative", reference=f, inputs=[0.0])', "check"),
        code("slope = s * (1 - s)", "after"))
    student = notebook(
        code("def sigmoid_derivative(z):\n    s = sigmoid(z)\n    # YOUR CODE HERE\n", "ex"),
        code('checks.check_function("sigmoid_derivative", reference=f, inputs=[0.0], '
             'hint="the slope is s*(1 - s)")', "check"),
        code("slope = s*(1-s)", "after", hidden=True))
    found = answers_on_screen(solution, student)
    assert len(found) == 1 and "the check cell (its hint?) check" in found[0]
    assert "`s*(1-s)`" in found[0]
    student.cells[2].metadata = {}
    assert len(answers_on_screen(solution, student)) == 2


def test_telling_pieces_of_an_answer():
    from exercise_cells import telling_pieces

    assert telling_pieces(["    s = sigmoid(z)", "    return s * (1 - s)  # the slope"]) == [
        "s*(1-s)"]
    assert telling_pieces(["    return epsilon * n, reg_lambda / (2 * n)"]) == [
        "epsilon*n", "reg_lambda/(2*n)"]
    assert telling_pieces(["    delta[np.arange(len(y)), y] -= 1.0"]) == [
        "[np.arange(len(y)),y]-=1.0"]
    assert telling_pieces(["    return np.maximum(z, 0.0)"]) == ["np.maximum(z,0.0)"]
    assert telling_pieces(["    return 0.3"]) == []


# --- the exercises' signatures: one convention across lessons (issue 21, item 2) -----------------

def _signature(notebook, exercise):
    """The parameter names of the exercise's def in its cell."""
    import ast

    tree = ast.parse(notebook.cells[exercise.cell].source)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == exercise.name:
            return [arg.arg for arg in node.args.args]
    return None


def _all_signatures():
    found = []
    for path in LESSONS:
        notebook = read(path)
        for exercise in exercises(notebook):
            found.append((lesson_number(path), exercise.name, _signature(notebook, exercise)))
    return found


def test_each_exercise_is_declared_with_the_parameters_of_its_def():
    from nnlib.checks import exercises as declarations

    problems = []
    for lesson, name, parameters in _all_signatures():
        declared = declarations.lesson_exercises(lesson).get(name)
        if declared is None:
            problems.append(f"lesson {lesson}: {name} has no declaration in "
                            f"nnlib/checks/exercises/lesson{lesson}.py")
        elif "args" in declared and list(declared["args"]) != parameters:
            problems.append(f"lesson {lesson}: def {name}({', '.join(parameters)}) but the "
                            f"declaration's args are ({', '.join(declared['args'])})")
    assert not problems, "\n".join(problems)


def test_one_name_means_one_thing_and_loss_gradients_take_the_target_first():
    from nnlib.checks import exercises as declarations

    by_name, problems = {}, []
    for lesson, name, parameters in _all_signatures():
        if name in by_name and by_name[name][1] != parameters:
            problems.append(f"{name} is ({', '.join(by_name[name][1])}) in lesson "
                            f"{by_name[name][0]} but ({', '.join(parameters)}) in lesson {lesson}: "
                            f"one name, one meaning and one order")
        by_name.setdefault(name, (lesson, parameters))
        roles = list(declarations.lesson_exercises(lesson).get(name, {}).get("args", {}).values())
        target = [i for i, role in enumerate(roles) if "target" in role or "label" in role]
        prediction = [i for i, role in enumerate(roles)
                      if any(word in role for word in ("prediction", "logits", "probabilit"))]
        if target and prediction and min(target) > min(prediction):
            problems.append(f"lesson {lesson}: {name}({', '.join(parameters)}) takes the "
                            f"prediction before the target: Keras' order is (target, prediction)")
    assert not problems, "\n".join(problems)
    loss_gradients = [name for name in by_name if name.startswith("output_delta")]
    assert len(loss_gradients) == len(set(loss_gradients)) >= 4
