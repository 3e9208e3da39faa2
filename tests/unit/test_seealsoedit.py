"""Adding links to ``see_also`` by editing the file's text: everything else stays as written."""

from __future__ import annotations

import codecs
import difflib
import os
import zoneinfo
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.authoring.seealsoedit import add_see_also, edited_file, replace_file
from articlegen.content.frontmatter import parse_front_matter, split_front_matter
from articlegen.core.errors import ArticlegenError, FrontMatterError
from articlegen.core.yamlspans import as_scalar

BLOG = Path(__file__).parents[2] / "content"
NEW = ["sleep-and-testosterone", "deep-sleep"]


def see_also(text: str) -> list[str]:
    header, first_line, _, _ = split_front_matter(text, "a.md")
    meta = parse_front_matter(header, "a.md", zone=zoneinfo.ZoneInfo("UTC"), first_line=first_line)
    return [ref.target for ref in meta.see_also]


def changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines taken out and the lines put in."""
    diff = list(difflib.ndiff(before.split("\n"), after.split("\n")))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


@pytest.mark.parametrize("path", sorted(BLOG.glob("*.md")), ids=lambda p: p.name)
def test_every_article_of_this_blog_gains_the_lines_and_nothing_else(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    edited = add_see_also(text, f"content/{path.name}", NEW)
    assert see_also(edited) == [*see_also(text), *NEW]
    assert changes(text, edited) == ([], [f"  - {slug}" for slug in NEW])


HEADER = """---
# Written by hand: keep this comment.
title: 'Sleep: "the" basics'   # quoted, with a comment
date: 2024-05-14
tags: [sleep, hormones]
{see_also}
draft: false
---

Body with see_also: in it.
"""


@pytest.mark.parametrize(
    ("see_also_text", "expected"),
    [
        pytest.param(
            "see_also:\n  - first   # the best\n  - 'Second Title'",
            "see_also:\n  - first   # the best\n  - 'Second Title'\n  - sleep-and-testosterone\n  - deep-sleep",
            id="block list with comments and quotes",
        ),
        pytest.param(
            "see_also:\n- first\n# trailing comment",
            "see_also:\n- first\n- sleep-and-testosterone\n- deep-sleep\n# trailing comment",
            id="block list at the key's indent",
        ),
        pytest.param(
            "see_also:\n    -   first",
            "see_also:\n    -   first\n    -   sleep-and-testosterone\n    -   deep-sleep",
            id="block list indented its own way",
        ),
        pytest.param(
            "see_also: [first, 'Second, Title']  # flow",
            "see_also: [first, 'Second, Title', sleep-and-testosterone, deep-sleep]  # flow",
            id="flow list",
        ),
        pytest.param(
            "see_also: [\n  first,\n  second\n]",
            "see_also: [\n  first,\n  second, sleep-and-testosterone, deep-sleep\n]",
            id="flow list over lines",
        ),
        pytest.param(
            "see_also: []",
            "see_also: [sleep-and-testosterone, deep-sleep]",
            id="empty flow list",
        ),
        pytest.param(
            'see_also: "Intravenous vs. Intramuscular Ketamine Treatments, How They Work"  # one',
            'see_also:   # one\n  - "Intravenous vs. Intramuscular Ketamine Treatments, How They Work"\n'
            "  - sleep-and-testosterone\n  - deep-sleep",
            id="single quoted string",
        ),
        pytest.param(
            "see_also: Intravenous vs. Intramuscular Ketamine Treatments, How They Work",
            "see_also:\n  - Intravenous vs. Intramuscular Ketamine Treatments, How They Work\n"
            "  - sleep-and-testosterone\n  - deep-sleep",
            id="single plain string with a comma",
        ),
        pytest.param(
            "see_also:\n  first",
            "see_also:\n  - first\n  - sleep-and-testosterone\n  - deep-sleep",
            id="single string below its key",
        ),
        pytest.param(
            "see_also:\n  # - commented-out",
            "see_also:\n  - sleep-and-testosterone\n  - deep-sleep\n  # - commented-out",
            id="key with nothing after it",
        ),
        pytest.param(
            "see_also: ~",
            "see_also:\n  - sleep-and-testosterone\n  - deep-sleep",
            id="null",
        ),
    ],
)
def test_each_way_of_writing_see_also_grows_in_its_own_form(
    see_also_text: str, expected: str
) -> None:
    edited = add_see_also(HEADER.format(see_also=see_also_text), "content/a.md", NEW)
    assert edited == HEADER.format(see_also=expected)
    assert see_also(edited)[-2:] == NEW


def test_no_key_adds_it_right_after_tags() -> None:
    text = HEADER.format(see_also="# no see_also yet")
    edited = add_see_also(text, "content/a.md", NEW)
    assert edited == text.replace(
        "hormones]\n", "hormones]\nsee_also:\n  - sleep-and-testosterone\n  - deep-sleep\n"
    )


def test_no_key_and_tags_over_lines_adds_it_at_the_end_of_the_header() -> None:
    text = "---\ntitle: A\ndate: 2024-01-01\ntags:\n  - sleep\n# last comment\n---\nBody.\n"
    edited = add_see_also(text, "content/a.md", ["b"])
    assert edited == (
        "---\ntitle: A\ndate: 2024-01-01\ntags:\n  - sleep\n# last comment\nsee_also:\n  - b\n---\nBody.\n"
    )


def test_crlf_line_ends_stay_crlf() -> None:
    text = "---\r\ntitle: A\r\ndate: 2024-01-01\r\nsee_also:\r\n  - first\r\n---\r\nBody.\r\n"
    edited = add_see_also(text, "content/a.md", ["b"])
    assert edited == text.replace("  - first\r\n", "  - first\r\n  - b\r\n")


@pytest.mark.parametrize(
    "see_also_text",
    ["see_also: first", "see_also: [first]", "", "see_also: ~"],
    ids=["string", "flow", "missing", "null"],
)
def test_crlf_files_get_crlf_lines_whatever_the_form(see_also_text: str) -> None:
    text = f"---\ntitle: A\ndate: 2024-01-01\n{see_also_text}\n---\nBody.\n".replace("\n", "\r\n")
    edited = add_see_also(text, "content/a.md", ["b"])
    assert "\n" not in edited.replace("\r\n", "")
    assert see_also(edited.replace("\r\n", "\n"))[-1] == "b"


@pytest.mark.parametrize("slug", ["2024", "yes", "null", "true", "017", "0x10"])
def test_a_slug_yaml_would_read_as_no_text_is_quoted(slug: str) -> None:
    text = "---\ntitle: A\ndate: 2024-01-01\nsee_also: [first]\n---\n"
    edited = add_see_also(text, "content/a.md", [slug])
    assert see_also(edited) == ["first", slug]
    assert f'"{slug}"' in edited


def test_as_scalar_keeps_slugs_plain() -> None:
    assert [as_scalar(s) for s in ("deep-sleep", "2024-05-14", "no")] == [
        "deep-sleep",
        "2024-05-14",  # the front-matter's loader keeps a date as text
        '"no"',
    ]


def test_as_scalar_quotes_a_text_between_curly_quotes() -> None:
    """Plain, the build would refuse it as curly quotes meant as YAML's (curlyquotes)."""
    assert [as_scalar(s) for s in ("\u201cwalk\u201d", "the \u201cwalk\u201d")] == [
        '"\u201cwalk\u201d"',
        "the \u201cwalk\u201d",
    ]


@pytest.mark.parametrize(
    ("see_also_text", "line"),
    [("see_also: >\n  folded text", 4), ("see_also:\n  - |\n    a block", 5)],
    ids=["folded", "block scalar item"],
)
def test_what_cannot_be_grown_safely_is_an_error_at_its_line(see_also_text: str, line: int) -> None:
    text = f"---\ntitle: A\ndate: 2024-01-01\n{see_also_text}\n---\n"
    with pytest.raises(FrontMatterError) as raised:
        add_see_also(text, "content/a.md", ["b"])
    assert "cannot add to 'see_also' safely" in raised.value.message
    assert (raised.value.path, raised.value.line) == ("content/a.md", line)


def test_a_bom_and_the_files_mode_are_kept(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    path = tmp_path / "content/a.md"
    path.write_bytes(codecs.BOM_UTF8 + b"---\r\ntitle: A\r\ndate: 2024-01-01\r\n---\r\nBody.\r\n")
    os.chmod(path, 0o640)
    replace_file(tmp_path, "content/a.md", edited_file(tmp_path, "content/a.md", ["b"]))
    assert path.read_bytes() == (
        codecs.BOM_UTF8
        + b"---\r\ntitle: A\r\ndate: 2024-01-01\r\nsee_also:\r\n  - b\r\n---\r\nBody.\r\n"
    )
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in (tmp_path / "content").iterdir()] == ["a.md"]  # no staged file left


def test_a_file_that_does_not_read_is_an_error_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    path = tmp_path / "content/a.md"
    path.write_bytes(b"---\ntitle: [unclosed\n---\n")
    with pytest.raises(ArticlegenError):
        edited_file(tmp_path, "content/a.md", ["b"])
    assert path.read_bytes() == b"---\ntitle: [unclosed\n---\n"


def test_an_edit_that_would_change_another_key_is_refused() -> None:
    text = "---\ntitle: A\ndate: 2024-01-01\nsee_also: &shared [first]\ntags: *shared\n---\n"
    with pytest.raises(FrontMatterError) as raised:
        add_see_also(text, "content/a.md", ["b"])
    assert raised.value.message == (
        "cannot add to 'see_also' safely: the edit would change more than see_also"
    )


SLUGS = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
WRITTEN = SLUGS.filter(lambda slug: as_scalar(slug) == slug)  # as an author writes them plain
COMMENTS = st.sampled_from(["", "  # note", "   # “quoted” note"])


@st.composite
def headers(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A header with see_also written one of the ways authors write it, and its items."""
    items = draw(st.lists(WRITTEN, min_size=1, max_size=4, unique=True))
    form = draw(st.sampled_from(["block", "flow", "single", "empty", "null", "absent"]))
    indent, gap = draw(st.sampled_from(["", "  ", "    "])), draw(st.sampled_from([" ", "   "]))
    comment = draw(COMMENTS)
    if form == "block":
        lines = [
            "see_also:" + comment,
            *(f"{indent}-{gap}{item}{draw(COMMENTS)}" for item in items),
        ]
    elif form == "flow":
        lines = [f"see_also: [{', '.join(items)}]{comment}"]
    elif form == "single":
        items = items[:1]
        lines = [
            f"see_also: {draw(st.sampled_from(['', chr(34), chr(39)])).join(['', items[0], ''])}"
        ]
    else:
        items = []
        lines = {"empty": ["see_also:" + comment], "null": ["see_also: ~" + comment], "absent": []}[
            form
        ]
    before = ["title: 'A title: with a colon'", "date: 2024-05-14", "# a comment line"]
    after = draw(st.sampled_from([[], ["draft: false"], ["tags:", "  - sleep", "# end"]]))
    order = draw(st.permutations([*before[:2], "\n".join(lines)] if lines else before[:2]))
    return "---\n" + "\n".join([before[2], *order, *after]).strip("\n") + "\n---\nBody.\n", items


@given(headers(), st.lists(SLUGS, min_size=1, max_size=3, unique=True), st.booleans())
def test_any_way_of_writing_see_also_grows_and_keeps_every_other_line(
    written: tuple[str, list[str]], new: list[str], crlf: bool
) -> None:
    text, items = written
    new = [slug for slug in new if slug not in items] or ["another-one"]
    if crlf:
        text = text.replace("\n", "\r\n")
    edited = add_see_also(text, "content/a.md", new)
    assert see_also(edited.replace("\r\n", "\n")) == [*items, *new]
    kept = [line for line in text.split("\n") if not line.startswith("see_also:")]
    remaining = iter(edited.split("\n"))
    assert all(any(line == other for other in remaining) for line in kept)  # in order
    if crlf:
        assert "\n" not in edited.replace("\r\n", "")
