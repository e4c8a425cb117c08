"""The instructor's edition of the course, on nbgrader (docs/teaching.md).

    python tools/teach layout DIR [LESSON ...]   an nbgrader course folder in DIR (all lessons,
                                                 or those named: 01 02 ...)
    python tools/teach report DIR [LESSON ...]   where the class is stuck: per exercise, how many
                                                 passed and the ✗ texts of the rest, most
                                                 frequent first (a table, and DIR/stuck.csv)
    python tools/teach minutes                   the estimated time per lab (docs/teaching.md)

Then, in DIR: nbgrader generate_assignment / release_assignment / collect / autograde /
generate_feedback / export, as docs/teaching.md lists them.
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import course  # noqa: E402
import stuck  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python tools/teach",
                                     description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in [("layout", "write an nbgrader course folder"),
                       ("report", "where the class is stuck, from the autograded notebooks")]:
        command = commands.add_parser(name, help=text)
        command.add_argument("directory", type=Path, help="the course folder")
        command.add_argument("lessons", nargs="*", help="lesson numbers, e.g. 01 02 (default: all)")
    commands.choices["layout"].add_argument(
        "--solutions", type=Path, default=course.SOLUTIONS,
        help="the folder of solution notebooks (default: notebooks/solutions)")
    report = commands.choices["report"]
    report.add_argument("--csv", type=Path, help="where to write the CSV (default DIR/stuck.csv)")
    commands.add_parser("minutes", help="the estimated time per lab, from the student notebooks")
    args = parser.parse_args(argv)

    if args.command == "minutes":
        for path in sorted((course.ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
            minutes = course.lab_minutes(path)
            print(f"{path.stem}: {minutes // 60} h {minutes % 60:02d}")
        return 0

    if args.command == "layout":
        written = course.layout(args.directory, args.lessons, args.solutions)
        print(f"Wrote {len(written)} assignment(s) in {args.directory / 'source'}: "
              f"{', '.join(written)}.")
        print(f"Next: cd {args.directory} && nbgrader generate_assignment {written[0]} --force "
              f"(docs/teaching.md lists the rest).")
        return 0
    rows = stuck.collect(args.directory, args.lessons)
    print(stuck.table(rows))
    csv_path = args.csv or args.directory / "stuck.csv"
    stuck.write_csv(rows, csv_path)
    print(f"\nWritten: {csv_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
