#!/usr/bin/env python3
"""The import graph of the site's apps, and the rules it keeps: dependencies point one way.

    home ← programs ← stories        search below or beside home, asked by the pages
    participation, opendata           build on home and programs
    campaign_site                     project wiring (settings, urls): may import every app

Reads every module of the apps with `ast` (tests and migrations left out: they
may import whatever they check or freeze), prints the app-level graph with the
number of imports along each edge and the first-party imports made inside
functions, and exits with status 1 when a rule is broken:

- no cycle between two or more apps;
- home imports none of programs, stories, participation, opendata;
- programs does not import stories; search imports neither programs nor stories;
- no app imports campaign_site (settings come through `django.conf.settings`);
- at most MAX_IN_FUNCTION first-party imports inside functions. An import
  inside a function is how a module hides a cycle; the few left are the ones
  Django asks for (`AppConfig.ready`) or that a model's own module cannot make
  at its top.

Usage: `.venv/bin/python scripts/import_graph.py [ROOT]` (ROOT: the repository, by default the
one this script is in). CI runs it through tests/test_import_graph.py.
"""

import ast
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

APPS = ("campaign_site", "home", "programs", "stories", "search", "participation", "opendata")
PROJECT = "campaign_site"
SKIPPED_PARTS = {"tests", "migrations"}
MAX_IN_FUNCTION = 15
# (app, apps it must not import)
FORBIDDEN = {
    "home": {"programs", "stories", "participation", "opendata"},
    "programs": {"stories"},
    "search": {"programs", "stories"},
}


@dataclass(frozen=True)
class Import:
    path: str  # relative to the root
    line: int
    app: str  # the importing app
    target: str  # the module imported (absolute)
    in_function: bool

    @property
    def target_app(self):
        return self.target.split(".")[0]

    def __str__(self):
        return f"{self.path}:{self.line} {self.target}"


@dataclass
class Graph:
    imports: list = field(default_factory=list)

    @property
    def edges(self):
        """{(app, imported app): number of imports}, between different apps."""
        return Counter((i.app, i.target_app) for i in self.imports if i.target_app != i.app)

    @property
    def in_function(self):
        return [i for i in self.imports if i.in_function]


def module_name(root, path):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(node, module, is_package):
    """The absolute module names an import node imports (first party or not)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level == 0:
        return [node.module]
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return [".".join([*base, node.module] if node.module else base)]


def _function_imports(tree):
    """ids of the import nodes inside a function anywhere in the module."""
    inside = set()
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(function):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    inside.add(id(node))
    return inside


def scan(root, apps=APPS):
    """The first-party imports of every module of `apps` below `root` (a Path)."""
    graph = Graph()
    for app in apps:
        for path in sorted((root / app).rglob("*.py")):
            if SKIPPED_PARTS & set(path.relative_to(root).parts):
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            module = module_name(root, path)
            inside = _function_imports(tree)
            for node in ast.walk(tree):
                if not isinstance(node, (ast.Import, ast.ImportFrom)):
                    continue
                for target in _resolve(node, module, path.name == "__init__.py"):
                    if target.split(".")[0] in apps:
                        graph.imports.append(
                            Import(str(path.relative_to(root)), node.lineno, app, target, id(node) in inside)
                        )
    return graph


def cycles(edges):
    """The groups of two or more apps that import each other, directly or through others (Tarjan's SCC)."""
    nodes = sorted({a for pair in edges for a in pair})
    successors = {node: sorted(b for a, b in edges if a == node) for node in nodes}
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in successors[node]:
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in nodes:
        if node not in index:
            visit(node)
    return found


def problems(graph, max_in_function=MAX_IN_FUNCTION):
    """What breaks the rules, one message each (empty when the graph is fine)."""
    found = [f"cycle between apps: {' ↔ '.join(group)}" for group in cycles(graph.edges)]
    for imp in graph.imports:
        if imp.target_app in FORBIDDEN.get(imp.app, ()):
            found.append(f"{imp.app} must not import {imp.target_app}: {imp}")
        elif imp.target_app == PROJECT and imp.app != PROJECT:
            found.append(f"apps must not import {PROJECT} (settings: django.conf.settings): {imp}")
    count = len(graph.in_function)
    if count > max_in_function:
        found.append(f"{count} first-party imports inside functions (at most {max_in_function})")
    return found


def report(graph, found, out=None):
    out = out or sys.stdout
    print("App imports (importing app -> imported app: imports):", file=out)
    for (app, target), count in sorted(graph.edges.items()):
        print(f"  {app} -> {target}: {count}", file=out)
    print(f"First-party imports inside functions: {len(graph.in_function)} (at most {MAX_IN_FUNCTION})", file=out)
    for imp in graph.in_function:
        print(f"  {imp}", file=out)
    if found:
        print("Broken rules:", file=out)
        for message in found:
            print(f"  {message}", file=out)
    else:
        print("The dependencies point one way.", file=out)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent
    graph = scan(root)
    found = problems(graph)
    report(graph, found)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
