"""One module per lesson, imported on demand: the quiz keys (quizzes/) and the exercise
declarations (exercises/) are both found this way."""
import importlib
import pkgutil
import re

from ..errors import NNLibValueError


def lessons(package_path):
    """The lesson numbers ("01", ...) that have a lessonNN module in the package, sorted."""
    return sorted(info.name[len("lesson"):] for info in pkgutil.iter_modules(package_path)
                  if re.fullmatch(r"lesson\d\d", info.name))


def lesson_module(package, lesson, what):
    """The module `package`.lessonNN; NNLibValueError saying there are no `what` for the lesson
    if it does not exist."""
    module_name = f"{package}.lesson{lesson}"
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        folder = package.replace(".", "/")
        raise NNLibValueError(f"There are no {what} for lesson {lesson}: "
                              f"{folder}/lesson{lesson}.py does not exist.") from None
