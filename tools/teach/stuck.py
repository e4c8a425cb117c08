"""Where the class is stuck: read nbgrader's autograded notebooks and its gradebook.

For each lesson and each graded exercise: how many students got all its points, and for the
others the idea their check named — the ✗ text's "→" line (the misconception or cause the
checks recognised) or else its first line — counted, most frequent first. A self-check
question counts the answers given. Points come from gradebook.db (so a grade changed by hand in
formgrader counts); the texts from autograded/<student>/<lesson>/<lesson>.ipynb.
"""
import csv
import re
from collections import Counter
from pathlib import Path

import nbformat

QUIZ_LINE = re.compile(r"^✗ (quiz \d+\.\d+): (.*)$")


def misconception(text):
    """The idea a ✗ text names: its '→' line if it has one, else its first line, without the
    mark, the exercise's name and the 'More help' line."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("More help:")]
    if not lines:
        return "(no message)"
    for line in lines:
        if line.startswith("→"):
            return line.lstrip("→ ").strip()
    first = lines[0].removeprefix("✗ ")
    return re.sub(r"^\w+: ", "", first, count=1)   # "sigmoid_derivative: ..."


def cell_failures(cell):
    """{exercise: ✗ text} for one graded cell of an autograded notebook: the error's text for an
    exercise; each wrong question's line for the self-check."""
    grade_id = cell.metadata["nbgrader"]["grade_id"]
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if errors:
        return {grade_id: f"{errors[0].get('evalue', '')}".strip() or errors[0].get("ename")}
    found = {}
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and output.get("name") == "stdout":
            for line in output.get("text", "").splitlines():
                match = QUIZ_LINE.match(line)
                if match:
                    found[match.group(1)] = match.group(2)
    return found


def _graded_cells(path):
    if not path.exists():
        return {}
    notebook = nbformat.read(path, as_version=4)
    return {cell.metadata["nbgrader"]["grade_id"]: cell for cell in notebook.cells
            if cell.metadata.get("nbgrader", {}).get("grade")}


def collect(directory, lessons=None):
    """One row per (lesson, exercise, idea): a dict with lesson, exercise, points, students,
    passed, misconception, count (count 0 and misconception "" for an exercise all passed).
    Also returns, in row["scores"] of the first row of each exercise, {student: points}."""
    from nbgrader.api import Gradebook, MissingEntry

    directory = Path(directory)
    rows = []
    with Gradebook(f"sqlite:///{directory / 'gradebook.db'}") as gradebook:
        for assignment in sorted(gradebook.assignments, key=lambda a: a.name):
            if lessons and assignment.name.split("_", 1)[0] not in {str(x).zfill(2)
                                                                    for x in lessons}:
                continue
            for notebook in assignment.notebooks:
                submissions = [s for s in assignment.submissions]
                cells = {s.student.id: _graded_cells(directory / "autograded" / s.student.id /
                                                     assignment.name / f"{notebook.name}.ipynb")
                         for s in submissions}
                order = list(_graded_cells(directory / "source" / assignment.name /
                                           f"{notebook.name}.ipynb"))
                for grade_cell in sorted(notebook.grade_cells, key=lambda g: (
                        order.index(g.name) if g.name in order else len(order), g.name)):
                    scores, texts = {}, Counter()
                    for submission in submissions:
                        student = submission.student.id
                        try:
                            grade = gradebook.find_grade(grade_cell.name, notebook.name,
                                                         assignment.name, student)
                            scores[student] = grade.score
                        except MissingEntry:
                            scores[student] = 0.0
                        cell = cells[student].get(grade_cell.name)
                        if cell is None:
                            if scores[student] < grade_cell.max_score:
                                texts["the graded cell is missing from the notebook"] += 1
                            continue
                        if scores[student] < grade_cell.max_score:
                            failures = cell_failures(cell)
                            if grade_cell.name.startswith("check-"):
                                texts[misconception(next(iter(failures.values()), ""))] += 1
                    rows += _exercise_rows(assignment.name, grade_cell, scores, texts, cells)
    return rows


def _exercise_rows(lesson, grade_cell, scores, texts, cells):
    """Rows for one graded cell; the self-check's cell gives one exercise per question."""
    if not grade_cell.name.startswith("quiz-"):
        exercise = grade_cell.name.removeprefix("check-")
        passed = sum(score >= grade_cell.max_score for score in scores.values())
        return _rows(lesson, exercise, grade_cell.max_score, scores, passed, texts)
    questions = {}   # "quiz 01.3" -> Counter of the answers given
    for student in scores:
        cell = cells[student].get(grade_cell.name)
        for question, text in (cell_failures(cell) if cell is not None else {}).items():
            questions.setdefault(question, Counter())[text] += 1
    n_questions = int(round(grade_cell.max_score))
    lesson_number = lesson.split("_", 1)[0]
    rows = []
    for number in range(1, n_questions + 1):
        question = f"quiz {lesson_number}.{number}"
        wrong = questions.get(question, Counter())
        rows += _rows(lesson, question, 1.0, None, len(scores) - sum(wrong.values()), wrong)
    rows[0]["scores"] = scores
    return rows


def _rows(lesson, exercise, points, scores, passed, texts):
    students = len(scores) if scores is not None else passed + sum(texts.values())
    base = {"lesson": lesson, "exercise": exercise, "points": points, "students": students,
            "passed": passed}
    rows = [dict(base, misconception=text, count=count) for text, count in texts.most_common()]
    rows = rows or [dict(base, misconception="", count=0)]
    if scores is not None:
        rows[0]["scores"] = scores
    return rows


def table(rows):
    """The rows as a terminal table: one block per exercise, its ideas most frequent first."""
    lines, current = [], None
    for row in rows:
        key = (row["lesson"], row["exercise"])
        if key != current:
            current = key
            points = f"{row['points']:g} point" + ("" if row["points"] == 1 else "s")
            lines.append(f"\n{row['lesson']} · {row['exercise']} ({points}): "
                         f"{row['passed']} of {row['students']} passed")
        if row["count"]:
            text = row["misconception"]
            text = text if len(text) <= 100 else text[:97] + "..."
            lines.append(f"  {row['count']:3d} × {text}")
    return "\n".join(lines).lstrip("\n")


def write_csv(rows, path):
    fields = ["lesson", "exercise", "points", "students", "passed", "count", "misconception"]
    with open(path, "w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
