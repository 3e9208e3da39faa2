"""Each module imports only the modules ``ALLOWED`` lists for it (checked with ast).

This table is the authority on layering; docs/architecture.md shows it room by room, and
tests/test_docs.py checks that the page says the same.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "src" / "articlegen"

ALLOWED: dict[str, set[str]] = {
    "console": set(),
    "wallclock": set(),
    "problems": set(),
    "errors": {"console", "lookalike", "problems"},
    "model": {"problems"},
    "slugs": set(),
    "lookalike": set(),
    "pageids": set(),
    "characters": {"errors"},
    "limits": {"errors"},
    "yamldoc": {"errors", "characters", "limits"},
    "dates": {"errors", "model", "yamldoc"},
    "weburl": set(),
    "references": {"errors", "model", "pageids", "slugs", "yamldoc", "weburl", "dates"},
    "frontmatter": {"errors", "model", "slugs", "yamldoc", "references", "dates", "limits"},
    "site": {"errors", "model", "slugs", "dates"},
    "people": {"errors", "model", "slugs", "yamldoc", "weburl"},
    "editorial": {"errors", "model", "slugs", "yamldoc", "frontmatter", "site"},
    "config": {
        "errors",
        "model",
        "characters",
        "yamldoc",
        "people",
        "editorial",
        "dates",
        "limits",
    },
    "content": {"errors", "model", "characters", "slugs", "frontmatter", "limits"},
    "embeds": {"errors"},
    "anchors": {"pageids"},
    "rawhtml": {"errors"},
    "mdlimits": {"errors", "limits"},
    "markup": {"errors", "model", "anchors", "embeds", "rawhtml", "mdlimits"},
    "images": {"errors", "model", "limits"},
    "links": {"errors", "model", "lookalike", "slugs"},
    "jsonld": {"model", "site", "dates"},
    "fragments": {"errors", "model", "pageids"},
    "workers": set(),
    "progress": {"console"},
    "cache": {"model", "dates"},
    "cachefile": {"errors", "cache"},
    "sources": {"errors", "model", "content", "markup", "cache", "workers"},
    "pages": {"model", "slugs", "site", "people", "jsonld", "dates"},
    "templates": {"errors", "model", "workers", "dates"},
    "templateblocks": {"errors", "templates"},
    "feeds": {"model", "site", "dates"},
    "replan": {"model", "pages", "feeds", "cache"},
    "staging": {"errors", "model"},
    "staticfiles": {"errors", "model", "content", "limits"},
    "destination": {"errors", "model", "config", "cachefile", "freshness"},
    "output": {"errors", "model", "staging", "staticfiles", "destination"},
    "search": {"errors"},
    "freshness": {"model", "cache", "cachefile", "search"},
    "readiness": {"errors", "model", "config"},
    "scaffold": {
        "errors",
        "cachefile",
        "config",
        "content",
        "frontmatter",
        "lookalike",
        "site",
        "slugs",
    },
    "mdtext": set(),
    "textimport": {"errors", "model", "mdtext"},
    "htmlmeta": {"textimport"},
    "htmlimport": {"errors", "model", "mdtext", "htmlmeta", "slugs", "textimport", "limits"},
    "seealso": {"model", "slugs"},
    "importer": {
        "errors",
        "characters",
        "model",
        "config",
        "content",
        "htmlimport",
        "images",
        "limits",
        "markup",
        "scaffold",
        "seealso",
        "site",
        "slugs",
        "textimport",
    },
    "build": {
        "console",
        "readiness",
        "replan",
        "cache",
        "cachefile",
        "sources",
        "templates",
        "templateblocks",
        "errors",
        "model",
        "config",
        "content",
        "markup",
        "images",
        "links",
        "fragments",
        "site",
        "pages",
        "feeds",
        "output",
        "destination",
        "staticfiles",
        "people",
        "references",
        "editorial",
        "search",
        "freshness",
    },
    "watch": {"model"},
    "livereload": {"errors", "model", "console"},
    "server": {"errors", "model", "livereload"},
    "preview": {
        "errors",
        "model",
        "build",
        "cache",
        "config",
        "console",
        "livereload",
        "server",
        "staticfiles",
        "watch",
    },
    "report": {"model", "editorial"},
    "cli": {
        "__init__",
        "console",
        "wallclock",
        "errors",
        "model",
        "build",
        "cachefile",
        "config",
        "freshness",
        "importer",
        "destination",
        "output",
        "preview",
        "progress",
        "scaffold",
        "report",
    },
}


def project_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.add((node.module or "__init__").split(".")[0])  # from . import x: the package
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("articlegen."):
            found.add(node.module.split(".")[1])
    return found


def test_every_module_is_in_the_table() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__")}
    assert modules == set(ALLOWED)


def test_imports_follow_the_table() -> None:
    for name, allowed in ALLOWED.items():
        extra = project_imports(PACKAGE / f"{name}.py") - allowed
        assert not extra, f"{name}.py imports {sorted(extra)}"
