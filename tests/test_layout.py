"""The package reads as the flow (issue 18): imports point down it, no import circles, no
module over 400 lines. Read from the source with `ast`, so nothing is imported."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "marsad"
MAX_LINES = 400

# Layers, lowest first: a module may import its own layer and the layers before it.
# `base` holds the records and the text primitives every stage uses, and the run-time
# primitives (caches, scratch storage, time limits, clocks) that stages are handed.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("marsad", "marsad.model", "marsad.errors", "marsad.settings", "marsad.arabic",
              "marsad.run.caching", "marsad.run.scratch", "marsad.run.limits", "marsad.run.timing")),
    ("ingest", ("marsad.ingest",)),
    ("clean", ("marsad.clean",)),
    ("extract", ("marsad.extract",)),
    ("link", ("marsad.link",)),
    ("stories", ("marsad.stories",)),
    ("pipeline", ("marsad.pipeline", "marsad.run.shelf")),
    ("store", ("marsad.store",)),
    ("serve", ("marsad.serve",)),
    ("top", ("marsad.run", "marsad.evaluate", "marsad.cli")),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def layer_of(module: str) -> int:
    best, found = -1, 0
    for index, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, found = len(prefix), index
    assert best >= 0, f"{module} is in no layer of tests/test_layout.py"
    return found


def imports_of(module: str) -> set[str]:
    """marsad modules that `module` imports anywhere in its code (also inside functions)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in MODULES}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
    return {m for m in found if m in MODULES and m != module}


GRAPH = {m: imports_of(m) for m in MODULES}


def test_no_module_is_longer_than_400_lines() -> None:
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_imports_point_down_the_flow() -> None:
    upward = sorted(f"{m} -> {t}" for m, targets in GRAPH.items() for t in targets if layer_of(t) > layer_of(m))
    assert upward == []


def test_no_import_circles() -> None:
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                circles.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert circles == []
