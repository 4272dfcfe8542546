"""App dependencies point one way: the lower apps (routines, tracking, accounts) never
import a higher one (progress, reminders, safety, or any app added later); a higher app
reacts to a lower one through its hooks (`tracking.hooks`, `accounts.signals`).

Every import is read from the source with `ast`, including imports inside functions and
under `if TYPE_CHECKING:`, and modules named by string to `importlib.import_module`."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LOWER = {"routines", "tracking", "accounts"}


def project_apps() -> set[str]:
    """The project's own apps (those whose code lives in this repository)."""
    return {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(ROOT.resolve())
        and ".venv" not in Path(config.path).parts
    }


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            roots.add(node.args[0].value.split(".")[0])
    return roots


def test_the_lower_apps_are_project_apps_and_there_are_higher_ones():
    assert project_apps() >= LOWER | {"progress", "reminders", "safety"}


@pytest.mark.parametrize("app", sorted(LOWER))
def test_a_lower_app_imports_no_higher_app(app):
    higher = project_apps() - LOWER
    offending = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & higher)
        for path in sorted((ROOT / app).rglob("*.py"))
        if imported_roots(path) & higher
    }
    assert offending == {}


def test_the_scan_sees_every_kind_of_import(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        "import safety.models\n"
        "from progress import stats\n"
        "def f():\n    from reminders.services import x\n"
        "import importlib\nimportlib.import_module('other.thing')\n"
        "from . import local\n"
    )
    assert imported_roots(source) == {"safety", "progress", "reminders", "importlib", "other"}


# The plan builds on progress and safety (weeks met, open flags) and joins their export and
# clinician summary through their registries (backease.exports, plans/exports.py;
# safety.summary.register_section): none of them may import it.
BUILT_ON_BY_PLANS = ["progress", "safety", "reminders"]


@pytest.mark.parametrize("app", BUILT_ON_BY_PLANS)
def test_the_apps_the_plan_builds_on_do_not_import_it(app):
    offending = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / app).rglob("*.py")
        if "plans" in imported_roots(path)
    )
    assert offending == []


def test_the_plan_is_a_higher_app():
    assert "plans" in project_apps() - LOWER
