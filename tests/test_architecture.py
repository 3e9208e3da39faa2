"""The package's rooms are layers: each module imports only from its own room and the rooms
below it, and no two modules import each other, even by a detour (checked with ast).

``LAYERS`` is the authority on layering; docs/architecture.md states the same order, and
tests/test_docs.py checks that it does.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "articlegen"

LAYERS = (
    "core",
    "trust",
    "content",
    "markup",
    "render",
    "incremental",
    "output",
    "authoring",
    "build",
    "serve",
    "cli",
)
"""Bottom to top. A layer is a subpackage or, for ``build``, a top-level module."""

DATA_FOLDERS = {"theme"}
"""Folders of templates and static files, not code."""


def modules() -> Iterator[tuple[str, Path]]:
    """Every module as its dotted name under the package (``render.pages``), with its path."""
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        yield ".".join(parts), path


def layer_of(module: str) -> str:
    return module.split(".")[0]


def project_imports(module: str, path: Path) -> set[str]:
    """The package's modules ``module`` imports, as dotted names (``""`` is the package)."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            target = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            names = [alias.name for alias in node.names]
            submodules = [f"{target}.{name}".strip(".") for name in names]
            known = {name for name, _ in modules()}
            found |= {s for s in submodules if s in known} or {target}
        elif isinstance(node, ast.ImportFrom | ast.Import):
            dotted = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            dotted += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            found |= {d.removeprefix("articlegen.") for d in dotted if d.startswith("articlegen.")}
    return found


def test_every_module_is_in_a_layer() -> None:
    rooms = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    top = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    assert rooms | top == set(LAYERS)
    data = {p.name for p in PACKAGE.iterdir() if p.is_dir() and not (p / "__init__.py").exists()}
    assert data - {"__pycache__"} == DATA_FOLDERS


def test_each_layer_imports_only_from_layers_below() -> None:
    upward = []
    for module, path in modules():
        if module in ("", "__main__"):
            continue  # the package's lazy names and `python -m articlegen` stand above all
        for target in project_imports(module, path):
            if target == "":
                assert layer_of(module) == "cli", f"{module} imports the package itself"
            elif LAYERS.index(layer_of(target)) > LAYERS.index(layer_of(module)):
                upward.append(f"{module} imports {target}")
    assert upward == []


def test_no_module_imports_itself_by_a_detour() -> None:
    graph = {module: project_imports(module, path) - {""} for module, path in modules()}
    cycles = []

    def visit(module: str, trail: tuple[str, ...]) -> None:
        for target in sorted(graph.get(module, ())):
            if target in trail:
                cycles.append(" → ".join((*trail[trail.index(target) :], target)))
            elif target not in done:
                visit(target, (*trail, target))
        done.add(module)

    done: set[str] = set()
    for module in graph:
        if module not in done:
            visit(module, (module,))
    assert cycles == []
