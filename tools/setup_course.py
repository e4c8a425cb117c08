"""Set up the course with Python alone: no make, no shell utilities (the route for Windows).

    python tools/setup_course.py            # .venv, the course installed in it, the data checked
    python tools/setup_course.py --lab      # ... then open JupyterLab on notebooks/
    python tools/setup_course.py --dry-run  # print the commands, run nothing

It runs, from the course's folder, the same commands that docs/teaching.md lists for a laptop
without make (tests/test_teaching.py checks that they are the same):

    python -m venv .venv
    .venv\\Scripts\\python -m pip install -e ".[course]"      (.venv/bin/python elsewhere)
    .venv\\Scripts\\python tools/setup_course.py --check-data
    .venv\\Scripts\\jupyter lab notebooks

Standard library only, so any Python >= 3.10 runs it.
"""
import argparse
import os
import subprocess
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

ROOT = Path(__file__).resolve().parent.parent
HOUSING = "cal_housing_py3.pkz"   # the one data file a lesson (05) downloads; the others are built


def venv_program(venv, name, windows=None):
    """The path of `name` (python, jupyter) inside the virtual environment `venv`, as Windows
    (`.venv\\Scripts\\python`, which finds python.exe) or other systems write it."""
    windows = os.name == "nt" if windows is None else windows
    path = PureWindowsPath if windows else PurePosixPath
    return path(venv) / ("Scripts" if windows else "bin") / name


def plan(venv=".venv", extras="course", windows=None, pip_args=()):
    """The commands, in order, as lists of arguments (paths relative to the course's folder)."""
    python = str(venv_program(venv, "python", windows))
    target = f".[{extras}]" if extras else "."
    return [
        ["python", "-m", "venv", str(venv)],
        [python, "-m", "pip", "install", "-e", target, *pip_args],
        [python, "tools/setup_course.py", "--check-data"],
        [str(venv_program(venv, "jupyter", windows)), "lab", "notebooks"],
    ]


def shown(command):
    """One command as a person types it (quotes around an argument with brackets)."""
    return " ".join(f'"{a}"' if any(c in a for c in "[] ") else a for a in command)


def check_data():
    """Say where nnlib looks for its data and whether the housing file is there. Returns 0 if
    every lesson can run without network access, 1 otherwise (with what to do)."""
    from nnlib import datasets

    folder = Path(datasets.DATA_DIR)
    if (folder / HOUSING).exists():
        print(f"Data: {folder / HOUSING} is there; every lesson runs offline.")
        return 0
    print(f"Data: {HOUSING} is not in {folder}. Lesson 05 downloads it there on first use "
          f"(about 0.5 MB; needs network access and write access to that folder). Offline: copy "
          f"the file there, or set NNLIB_DATA_DIR to a folder that has it (data/README.md).")
    return 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--venv", default=".venv", help="where to make the virtual environment")
    parser.add_argument("--extras", default="course",
                        help='what to install besides nnlib: "course" (default), "course,teach", '
                             'or "" for nnlib alone')
    parser.add_argument("--pip-args", default="", help="more arguments for pip, e.g. "
                        "\"--no-deps\" (one string)")
    parser.add_argument("--lab", action="store_true", help="open JupyterLab at the end")
    parser.add_argument("--dry-run", action="store_true", help="print the commands only")
    parser.add_argument("--check-data", action="store_true",
                        help="only check the data (run by the environment's own Python)")
    args = parser.parse_args(argv)
    if args.check_data:
        return check_data()

    commands = plan(args.venv, args.extras, pip_args=args.pip_args.split())
    commands[0][0] = sys.executable          # "python": the one running this script
    if not args.lab:
        commands = commands[:-1]
    for command in commands:
        print(">", shown(command), flush=True)
        if args.dry_run:
            continue
        if command is commands[-1] and args.lab:
            print("JupyterLab opens in your browser; if not, open the http://127.0.0.1:... "
                  "address it prints. Stop it with Ctrl+C.", flush=True)
        result = subprocess.run(command, cwd=ROOT)
        if result.returncode != 0 and command[-1] != "--check-data":
            print(f"That command failed (exit code {result.returncode}): see its messages "
                  f"above.", file=sys.stderr)
            return result.returncode
    if not args.lab and not args.dry_run and "course" in args.extras:
        print(f"Ready. To open the lessons: {shown(plan(args.venv)[-1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
