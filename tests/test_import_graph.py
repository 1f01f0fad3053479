"""The apps' dependencies point one way (scripts/import_graph.py), and the check finds what breaks them."""

import importlib.util
import io
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("import_graph", ROOT / "scripts" / "import_graph.py")
import_graph = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_graph)


def test_the_apps_keep_the_rules():
    graph = import_graph.scan(ROOT)
    out = io.StringIO()
    found = import_graph.problems(graph)
    import_graph.report(graph, found, out)
    assert found == [], out.getvalue()
    assert ("programs", "home") in graph.edges  # the scan reads the real apps


def test_the_script_exits_with_the_check(capsys):
    assert import_graph.main([str(ROOT)]) == 0
    assert "The dependencies point one way." in capsys.readouterr().out


def write(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@pytest.fixture
def site(tmp_path):
    """A tree of empty apps that keeps the rules."""
    write(tmp_path, {f"{app}/__init__.py": "" for app in import_graph.APPS})
    write(tmp_path, {"programs/models.py": "from home.models import BasePage\n"})
    return tmp_path


def found_in(root):
    return import_graph.problems(import_graph.scan(root))


def test_a_tree_that_keeps_the_rules_passes(site):
    assert found_in(site) == []
    assert import_graph.main([str(site)]) == 0


@pytest.mark.parametrize(
    ("app", "text", "expected"),
    [
        ("home", "from programs.models import ProgramPage\n", "home must not import programs"),
        ("home", "import stories.models\n", "home must not import stories"),
        ("home", "from participation import forms\n", "home must not import participation"),
        ("programs", "from stories.models import StoryPage\n", "programs must not import stories"),
        ("search", "from programs.near import Place\n", "search must not import programs"),
        ("stories", "from campaign_site import urls\n", "apps must not import campaign_site"),
    ],
)
def test_a_forbidden_import_is_named_with_its_place(site, app, text, expected, capsys):
    write(site, {f"{app}/extra.py": "\n" + text})
    found = found_in(site)
    assert any(message.startswith(expected) and f"{app}/extra.py:2" in message for message in found), found
    assert import_graph.main([str(site)]) == 1
    assert "Broken rules:" in capsys.readouterr().out


def test_settings_through_django_conf_are_allowed(site):
    write(site, {"home/extra.py": "from django.conf import settings\n"})
    assert found_in(site) == []


def test_a_cycle_between_apps_is_found_even_through_a_third(site):
    write(site, {"stories/a.py": "from participation import b\n", "participation/b.py": "from stories import a\n"})
    assert "cycle between apps: participation ↔ stories" in found_in(site)
    write(site, {"participation/b.py": "from opendata import c\n", "opendata/c.py": "from stories import a\n"})
    assert "cycle between apps: opendata ↔ participation ↔ stories" in found_in(site)


def test_relative_imports_are_read_as_their_app(site):
    write(site, {"search/backends/common.py": "from ...programs import near\n"})
    assert any(message.startswith("search must not import programs") for message in found_in(site))
    write(site, {"search/backends/common.py": "from . import server\nfrom .. import models\n"})
    graph = import_graph.scan(site)
    assert {imp.target for imp in graph.imports if imp.app == "search"} == {"search.backends", "search"}


def test_imports_inside_functions_are_counted_against_the_limit(site):
    body = "".join(f"def f{n}():\n    from home import m{n}\n" for n in range(import_graph.MAX_IN_FUNCTION))
    write(site, {"programs/lazy.py": body, "home/lazy.py": "import os\n\n\ndef g():\n    import json\n"})
    assert found_in(site) == []  # at the limit; third-party imports do not count
    write(site, {"programs/one_more.py": "class A:\n    def m(self):\n        import home.models\n"})
    graph = import_graph.scan(site)
    assert len(graph.in_function) == import_graph.MAX_IN_FUNCTION + 1
    assert f"{import_graph.MAX_IN_FUNCTION + 1} first-party imports inside functions" in found_in(site)[0]


def test_tests_and_migrations_are_left_out(site):
    write(
        site,
        {
            "home/tests/test_x.py": "from programs.models import ProgramPage\n",
            "programs/migrations/0001_initial.py": "def f():\n    from stories import models\n",
        },
    )
    assert found_in(site) == []
