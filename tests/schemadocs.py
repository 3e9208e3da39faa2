"""The docs' key tables and example files, generated from the schema tables (``core/schema.py``,
and ``core/nestedkeys.py`` for the records nested in them).

docs/writing.md (front-matter) and docs/site-yaml.md (``site.yaml``) each hold an example file
and a table of every key (type, required, default, what it is), and docs/site-yaml.md and
docs/trust.md a table of each nested record's keys (a reference, a person, a menu entry…),
between marker comments,
``<!-- schema: NAME -->`` and ``<!-- /schema -->``. ``tests/test_docs.py`` fails when a block
differs from what the schema makes of it; after changing a key, regenerate them::

    PYTHONPATH=src python -m tests.schemadocs --update   # rewrite the blocks in docs/
    PYTHONPATH=src python -m tests.schemadocs            # say which blocks differ, exit 1 if any
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from articlegen.core.nestedkeys import (
    COMMENT_PROVIDERS,
    COMMENTS,
    HERO_IMAGE,
    IMAGES,
    MARKDOWN,
    MENU_ENTRY,
    PERSON,
    REFERENCE,
    REQUIREMENT,
    THEME,
    NestedKey,
)
from articlegen.core.schema import (
    CHECK_TYPES,
    FRONT_MATTER,
    SITE,
    YAML_TYPES,
    FrontMatterKey,
    Key,
    SiteKey,
)

DOCS = Path(__file__).parents[1] / "docs"
BLOCK = re.compile(r"(<!-- schema: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- /schema -->)", re.S)
"""A generated block: its opening marker, its text and its closing marker."""


def example(keys: Sequence[Key]) -> str:
    """A YAML file setting every key to its example value."""
    lines = [
        f"{key.name}:{key.example}"
        if key.example.startswith("\n")
        else f"{key.name}: {key.example}"
        for key in keys
    ]
    return "\n".join(lines) + "\n"


def table(keys: Sequence[FrontMatterKey] | Sequence[SiteKey]) -> str:
    """The Markdown table of ``keys``: name, type, requiredness, default, whether a page takes
    it (front-matter) and what it is."""
    pages = all(isinstance(key, FrontMatterKey) for key in keys)
    head = ["Key", "Type", "Required", "Default", *(["On a page"] if pages else []), "What it is"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key in keys:
        if isinstance(key, FrontMatterKey):
            kind = CHECK_TYPES[key.check]
            page = ["yes" if key.page else "no"]
        else:
            kind, page = YAML_TYPES[key.type], []
        cells = (f"`{key.name}`", kind, required(key), default(key), *page, key.doc)
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def required(key: Key) -> str:
    if not key.required:
        return "no"
    needed = f"unless `{key.unless}: true`" if key.unless else "yes"
    page_optional = isinstance(key, FrontMatterKey) and key.page_optional
    return needed + (", not on a page" if page_optional else "")


def default(key: Key) -> str:
    """What an absent key means: its ``default_doc``, else its default as YAML writes it."""
    if key.required and not key.unless:
        return "—"
    if key.default_doc:
        return key.default_doc
    if key.default in (None, "", ()):
        return "none"
    if isinstance(key.default, bool):
        return f"`{str(key.default).lower()}`"
    return f"`{key.default}`"


def nested_table(keys: Sequence[NestedKey], prefix: str = "") -> str:
    """The Markdown table of a nested record's ``keys`` (each name after ``prefix``): name,
    type, requiredness and what it is."""
    rows = ["| Key | Type | Required | What it is |", "|---|---|---|---|"]
    for key in keys:
        needed = "yes" if key.required else f"for {key.required_in}" if key.required_in else "no"
        rows.append(f"| `{prefix}{key.name}` | {key.type} | {needed} | {key.doc} |")
    return "\n".join(rows) + "\n"


def provider_table() -> str:
    """One table of every comment provider's settings, each key under its provider's name."""
    tables = [nested_table(keys, f"{name}.") for name, keys in COMMENT_PROVIDERS.items()]
    return tables[0] + "".join(table.split("\n", 2)[2] for table in tables[1:])


BLOCKS: dict[str, tuple[Path, str]] = {
    "front-matter-example": (
        DOCS / "writing.md",
        "```yaml\n---\n" + example(FRONT_MATTER) + "---\n```\n",
    ),
    "front-matter-table": (DOCS / "writing.md", table(FRONT_MATTER)),
    "site-example": (DOCS / "site-yaml.md", "```yaml\n" + example(SITE) + "```\n"),
    "site-table": (DOCS / "site-yaml.md", table(SITE)),
    "person-table": (DOCS / "site-yaml.md", nested_table(PERSON)),
    "menu-table": (DOCS / "site-yaml.md", nested_table(MENU_ENTRY)),
    "comments-table": (DOCS / "site-yaml.md", nested_table(COMMENTS)),
    "comment-providers-table": (DOCS / "site-yaml.md", provider_table()),
    "require-table": (DOCS / "site-yaml.md", nested_table(REQUIREMENT)),
    "markdown-table": (DOCS / "site-yaml.md", nested_table(MARKDOWN)),
    "images-table": (DOCS / "site-yaml.md", nested_table(IMAGES)),
    "theme-table": (DOCS / "site-yaml.md", nested_table(THEME)),
    "image-table": (DOCS / "writing.md", nested_table(HERO_IMAGE)),
    "reference-table": (DOCS / "trust.md", nested_table(REFERENCE)),
}
"""Each generated block: the page it is on and the text it must hold."""


def written(page: Path) -> dict[str, str]:
    """The text of each generated block of ``page``, by name."""
    return {m["name"]: m["body"] for m in BLOCK.finditer(page.read_text(encoding="utf-8"))}


def differences() -> list[str]:
    """One line per block that is missing from its page or differs from the schema."""
    problems = []
    for name, (page, text) in BLOCKS.items():
        found = written(page).get(name)
        if found is None:
            problems.append(f"{page.name}: no block '<!-- schema: {name} -->'")
        elif found != text:
            problems.append(f"{page.name}: block '{name}' differs from core/schema.py")
    return problems


def regenerated(block: re.Match[str]) -> str:
    """``block`` (a ``BLOCK`` match) holding the text the schema makes; unknown ones as they are."""
    text = BLOCKS[block["name"]][1] if block["name"] in BLOCKS else block["body"]
    return block[1] + text + block[4]


def update() -> None:
    """Rewrite every block from the schema."""
    for page in sorted({page for page, _ in BLOCKS.values()}):
        text = page.read_text(encoding="utf-8")
        text = BLOCK.sub(regenerated, text)
        page.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.schemadocs", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--update", action="store_true", help="rewrite the blocks in docs/")
    args = parser.parse_args(argv)
    if args.update:
        update()
    problems = differences()
    print("\n".join(problems) or "the docs' key tables match core/schema.py")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
