"""No import cycles between modules (the models import no rendering at module level); every module imports first."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "src" / "partydocs"
MODULES = sorted(f"partydocs.{path.stem}" for path in PACKAGE.glob("*.py") if path.stem not in ("__init__", "__main__"))


def module_imports(module: str) -> set[str]:
    """The partydocs modules that `module` imports at module level (imports inside functions are not counted)."""
    tree = ast.parse((PACKAGE / f"{module.removeprefix('partydocs.')}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return {name for name in found if name in MODULES}


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of the graph, as the list of its modules, or None."""
    visiting: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> list[str] | None:
        if node in visiting:
            return [*visiting[visiting.index(node):], node]
        if node in done:
            return None
        visiting.append(node)
        for target in sorted(graph.get(node, ())):
            if found := visit(target):
                return found
        visiting.pop()
        done.add(node)
        return None

    return next((found for node in sorted(graph) if (found := visit(node))), None)


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_no_module_level_import_cycle() -> None:
    graph = {module: module_imports(module) for module in MODULES}
    assert {"partydocs.annotate", "partydocs.render"} <= set(MODULES)
    assert "partydocs.models" in graph["partydocs.annotate"]
    assert graph["partydocs.models"] == set()
    assert cycle(graph) is None


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_first_in_a_fresh_interpreter(module: str) -> None:
    """A module imported first (before the package has loaded the others) finds everything it needs."""
    probe = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert probe.returncode == 0, probe.stderr
