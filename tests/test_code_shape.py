"""The apps' functions stay small enough to read: none over 60 lines (ruff's C90 keeps McCabe at 15 or less).

Migrations are generated and tests are left out; a function's length counts its decorators' lines too, as it
reads on screen.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("campaign_site", "home", "programs", "stories", "search", "participation", "opendata")
MAX_LINES = 60


def app_functions():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "migrations" in parts or "tests" in parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                    yield f"{path.relative_to(ROOT)}:{node.lineno} {node.name}", node.end_lineno - first + 1


def test_the_walk_finds_the_apps_functions():
    found = dict(app_functions())
    assert any(name.endswith(" route") and name.startswith("home/models.py") for name in found)
    assert len(found) > 500


def test_no_function_in_the_apps_is_over_60_lines():
    too_long = sorted(((lines, name) for name, lines in app_functions() if lines > MAX_LINES), reverse=True)
    assert not too_long, "Functions over 60 lines: " + "; ".join(f"{name} ({lines})" for lines, name in too_long)
