"""README and docs/: a short README that leads to the reference, and no link that goes nowhere.

A code host shows these files as they are in the repository, so a relative link must name a
file the repository holds (not the ignored ``public/``, not a folder outside it), and an
anchor must name a heading of the page it points to.
"""

from __future__ import annotations

import re
import subprocess
import zoneinfo
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from articlegen.content.config import parse_config
from articlegen.content.frontmatter import parse_front_matter, split_front_matter
from articlegen.core.dates import DEFAULT_ZONE
from articlegen.core.schema import FRONT_MATTER_KEYS, PAGE_KEYS, SITE_KEYS
from tests import schemadocs
from tests.conftest import parse
from tests.published import build_repo_blog

REPO = Path(__file__).parents[1]
README = REPO / "README.md"
DOCS = sorted((REPO / "docs").glob("*.md"))
README_MAX_LINES = 250


def tokens(path: Path) -> list[Token]:
    """Every token of a Markdown file, inline children included."""
    flat = []
    for token in MarkdownIt("commonmark").enable("table").parse(path.read_text(encoding="utf-8")):
        flat.append(token)
        flat.extend(token.children or [])
    return flat


def anchors(path: Path) -> set[str]:
    """The ids a code host gives the headings of a page: GitHub's rule, lower case, spaces
    to '-', punctuation but '-' and '_' dropped."""
    found, heading = set(), False
    for token in tokens(path):
        if token.type == "heading_open":
            heading = True
        elif heading and token.type == "inline":
            text = re.sub(r"[^\w\- ]", "", token.content.lower())
            found.add(text.replace(" ", "-"))
            heading = False
    return found


def tracked(path: Path) -> bool:
    """Whether git holds the file (or, before its first commit, whether it exists and is not
    ignored): an ignored file such as ``public/…`` is not on the code host."""
    ignored = subprocess.run(
        ["git", "-C", str(REPO), "check-ignore", "-q", str(path)], check=False
    ).returncode
    return path.exists() and ignored != 0


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_relative_link_names_a_file_in_the_repository(page: Path) -> None:
    problems = []
    for token in tokens(page):
        if token.type not in {"link_open", "image"}:
            continue
        ref = str(token.attrs.get("href") or token.attrs.get("src") or "")
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc:
            continue
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        if not target.is_relative_to(REPO) or not tracked(target):
            problems.append(f"{ref}: no such file in the repository")
        elif parts.fragment and parts.fragment not in anchors(target):
            problems.append(f"{ref}: no heading '{parts.fragment}' in {target.name}")
    assert problems == []


def test_readme_is_what_a_user_needs_first() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= README_MAX_LINES
    first_screen = "\n".join(text.splitlines()[:40])
    assert "pip install -e '.[search]' && articlegen build" in first_screen
    assert "articlegen serve" in first_screen
    assert "python -m http.server -d public" in first_screen
    assert "articlegen init" in text[: text.index("## Writing an article")]


def test_every_docs_page_is_linked_from_readme() -> None:
    linked = {
        (README.parent / str(t.attrs["href"])).resolve()
        for t in tokens(README)
        if t.type == "link_open" and not urlsplit(str(t.attrs["href"])).scheme
    }
    assert [p.name for p in DOCS if p.resolve() not in linked] == []


ARCHITECTURE = REPO / "docs" / "architecture.md"
PACKAGE = REPO / "src" / "articlegen"
_ROOM = re.compile(r"^### `(\w+)/`\n(.*?)(?=^### |^## )", re.MULTILINE | re.DOTALL)
_LAYERS_LINE = re.compile(r"^Layers, bottom to top: (.*)\.$", re.MULTILINE)


def test_architecture_names_every_module_in_its_room() -> None:
    """So the page stays in step with the code: a new module is described in its room's
    table, or this fails."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    described = {
        room: sorted(re.findall(r"^\| `(\w+\.py)` \|", body, re.MULTILINE))
        for room, body in _ROOM.findall(text)
    }
    rooms = [p for p in PACKAGE.iterdir() if (p / "__init__.py").exists()]
    actual = {
        room.name: sorted(p.name for p in room.glob("*.py") if p.name != "__init__.py")
        for room in rooms
    }
    assert {room: described.get(room) for room in actual} == actual
    top = [f"`{p.name}`" for p in PACKAGE.glob("*.py")] + ["`theme/`"]
    assert [name for name in top if name not in text] == []


def test_architecture_states_the_layers_of_the_import_test() -> None:
    from tests.test_architecture import LAYERS

    found = _LAYERS_LINE.search(ARCHITECTURE.read_text(encoding="utf-8"))
    assert found is not None, "docs/architecture.md states the layers on one line"
    assert tuple(re.findall(r"`(\w+)`", found[1])) == LAYERS


def yaml_blocks(path: Path) -> list[str]:
    """The text of each YAML code block of a Markdown page."""
    return [t.content for t in tokens(path) if t.type == "fence" and t.info == "yaml"]


def test_the_key_tables_and_example_files_are_generated_from_the_schema() -> None:
    assert schemadocs.differences() == []


def test_the_example_front_matter_sets_every_key_validly() -> None:
    [example] = yaml_blocks(REPO / "docs" / "writing.md")[:1]
    header, first_line, _body, _ = split_front_matter(example, "docs/writing.md")
    zone = zoneinfo.ZoneInfo(DEFAULT_ZONE)
    meta = parse_front_matter(header, "docs/writing.md", zone=zone, first_line=first_line)
    assert tuple(meta.lines) == FRONT_MATTER_KEYS


def test_the_example_site_yaml_sets_every_key_validly() -> None:
    [example] = yaml_blocks(REPO / "docs" / "site-yaml.md")[:1]
    config = parse_config(example, "docs/site-yaml.md")
    assert tuple(key for key in config.lines if "." not in key) == SITE_KEYS


def test_the_readme_s_front_matter_is_valid() -> None:
    [example] = yaml_blocks(README)[:1]
    header, first_line, _body, _ = split_front_matter(example, "README.md")
    zone = zoneinfo.ZoneInfo(DEFAULT_ZONE)
    parse_front_matter(header, "README.md", zone=zone, first_line=first_line)


def test_the_example_page_header_sets_every_key_a_page_takes() -> None:
    [example] = [b for b in yaml_blocks(REPO / "docs" / "writing.md") if "About This" in b]
    header, first_line, _body, _ = split_front_matter(example, "docs/writing.md")
    zone = zoneinfo.ZoneInfo(DEFAULT_ZONE)
    meta = parse_front_matter(
        header, "docs/writing.md", zone=zone, first_line=first_line, page=True
    )
    assert sorted(meta.lines) == sorted(PAGE_KEYS)


def test_what_the_design_screenshots_show_is_quoted_from_this_blog(tmp_path: Path) -> None:
    """docs/design.md's "What they show" describes screenshots of this repository's blog:
    every phrase it quotes from a page must be on the built blog, or the text describes
    something no screenshot can show (a review date on an unreviewed blog, a section the
    index does not have)."""
    text = (REPO / "docs" / "design.md").read_text(encoding="utf-8")
    section = text[text.index("What they show:") : text.index("## Checks that keep it so")]
    quoted = [" ".join(phrase.split()) for phrase in re.findall(r'"([^"]+)"', section)]
    assert quoted
    output = build_repo_blog(tmp_path)
    shown = " ".join(
        " ".join(parse(page).body.text(separator=" ").split())
        for page in sorted(output.rglob("*.html"))
        if "pagefind" not in page.parts
    )
    assert [phrase for phrase in quoted if phrase not in shown] == []
