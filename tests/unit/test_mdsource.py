"""Front-matter and template tags shared by the Jekyll and Hugo readers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from articlegen.authoring.mdheadings import attributes_removed, headings_from_level_two
from articlegen.authoring.mdhtml import raw_html
from articlegen.authoring.mdsource import (
    JEKYLL_WORD_KEYS,
    code_spans_held,
    footnotes_as_notes,
    kept_as_text,
    outside_code,
    read_markdown_source,
    shared_fields,
    text_list,
    tidy,
)
from articlegen.core.errors import SourceError
from articlegen.markup.markdown import make_markdown, render_body

_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40)


@given(st.text(max_size=200))
def test_outside_code_with_no_change_gives_the_text_back(text: str) -> None:
    assert outside_code(text, lambda part: part) == text


def test_outside_code_leaves_fences_and_spans() -> None:
    text = "a {{x}}\n```\n{{x}}\n```\nb `{{x}}` {{x}}"
    assert outside_code(text, lambda p: p.replace("{{x}}", "X")) == (
        "a X\n```\n{{x}}\n```\nb `{{x}}` X"
    )


@pytest.mark.parametrize("hold", [outside_code, code_spans_held])
def test_a_backtick_nothing_closes_in_its_paragraph_is_text(
    hold: Callable[[str, Callable[[str], str]], str],
) -> None:
    """``Ctrl + \\``` `` opens no span (a run of two, closed by none): it was read as a code
    span up to a backtick paragraphs further on, and the images between were left as
    written, relative paths the build refused."""
    text = "- Keys: `Ctrl + \\``\n![a](x.png)\n\n![b](x.png)\n\n- `Ctrl +\nB` ![c](x.png)\n"
    assert hold(text, lambda p: p.replace("x.png", "/y.png")) == (
        "- Keys: `Ctrl + \\``\n![a](/y.png)\n\n![b](/y.png)\n\n- `Ctrl +\nB` ![c](/y.png)\n"
    )


def test_a_footnotes_indented_paragraph_is_part_of_it_not_code() -> None:
    body, found = footnotes_as_notes("A[^1].\n\n[^1]: One.\n\n    Two.\n\n    [^1] code\n")
    assert found and body == "A[\\[1\\]](#notes).\n\n## Notes\n\n- \\[1\\] One. Two. [^1] code\n"


@pytest.mark.parametrize("hold", [outside_code, code_spans_held])
def test_indented_code_blocks_are_left_but_indented_text_is_not(
    hold: Callable[[str, Callable[[str], str]], str],
) -> None:
    text = (
        "a {{x}}\n\n    {{x}}\n\tb {{x}}\n\nc {{x}}\n    d {{x}}\n\n"
        "- e {{x}}\n\n    f {{x}}\n\n        {{x}}\n\n> g {{x}}\n>\n>     {{x}}\n"
    )
    assert hold(text, lambda p: p.replace("{{x}}", "X")) == (
        "a X\n\n    {{x}}\n\tb {{x}}\n\nc X\n    d X\n\n- e X\n\n    f X\n\n        {{x}}\n"
        "\n> g X\n>\n>     {{x}}\n"
    )


@given(_TEXT, st.sampled_from(["{% ", "{{ ", "{{< ", "{{% "]))
def test_a_tag_kept_as_text_renders_as_written(inner: str, opening: str) -> None:
    closing = {"{% ": " %}", "{{ ": " }}", "{{< ": " >}}", "{{% ": " %}}"}[opening]
    tag = opening + inner.strip() + closing
    html = render_body(make_markdown(), "Before " + kept_as_text(tag) + " after.\n").html
    body = LexborHTMLParser(html).body
    assert body is not None
    assert " ".join((body.text(deep=True) or "").split()) == " ".join(
        f"Before {tag} after.".split()
    )


@pytest.mark.parametrize(
    ("header", "fields"),
    [
        ("---\ntitle: A\ndate: 2019-05-14 09:30:00 +0200\n---\n", {"title": "A"}),
        ('+++\ntitle = "A"\n+++\n', {"title": "A"}),
        ('{"title": "A"}\n', {"title": "A"}),
        ("no header\n", {}),
    ],
)
def test_headers_in_every_form(tmp_path: Path, header: str, fields: dict[str, str]) -> None:
    path = tmp_path / "post.md"
    path.write_text(header + "Body.\n", encoding="utf-8")
    source = read_markdown_source(path, "post.md")
    assert {k: v for k, v in source.fields.items() if k == "title"} == fields
    assert source.body.endswith("Body.\n")


def test_a_broken_header_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: A\ntags: [a\n---\n", encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        read_markdown_source(path, "post.md")
    assert raised.value.path == "post.md" and raised.value.line is not None


def test_shared_fields_map_dates_with_offsets_tags_and_authors() -> None:
    shared = shared_fields(
        {
            "title": " A  title ",
            "date": "2019-05-14 09:30:00 +0200",
            "lastmod": dt.date(2019, 5, 14),
            "categories": "Health Sleep",
            "tags": ["sleep", "Rest"],
            "authors": ["Example Author", "Example Reviewer"],
            "summary": "Short.",
        },
        JEKYLL_WORD_KEYS,
    )
    assert shared.title == "A title"
    assert shared.date == dt.datetime(2019, 5, 14, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert shared.updated is None  # the same day: no update
    assert shared.tags == ("Health", "Sleep", "Rest")
    assert shared.author == "Example Author"
    assert "only the first" in shared.notes[0]
    assert shared_fields({"categories": "Health Sleep"}).tags == ("Health Sleep",)  # Hugo's way


def test_tags_holding_commas_are_several() -> None:
    """A comma lists tags in every form (the build warns about a tag holding one)."""
    hugo = shared_fields({"keywords": "Rust, Benchmarking, Flamegraph", "tags": ["Sleep, Rest"]})
    assert hugo.tags == ("Sleep", "Rest", "Rust", "Benchmarking", "Flamegraph")
    jekyll = shared_fields({"tags": "heart, salt", "category": "Mental Health"}, JEKYLL_WORD_KEYS)
    assert jekyll.tags == ("Mental Health", "heart", "salt")
    assert shared_fields({"author": "Author, Example"}).author == "Author, Example"


def test_an_unreadable_date_is_a_note() -> None:
    shared = shared_fields({"date": "May 2019"})
    assert shared.date is None and "'date' is not a valid date" in shared.notes[0]


def test_text_list_and_tidy() -> None:
    assert text_list("a b", words=True) == ["a", "b"]
    assert text_list(["a", 3, ""]) == ["a", "3"]
    assert tidy("\n\na\n\n\n\nb\n```\n\n\n\n```\n\n") == "a\n\nb\n```\n\n\n\n```\n"


def test_footnotes_become_a_notes_list_the_build_accepts() -> None:
    body, found = footnotes_as_notes(
        "Quote.[^1] More[^b].\n\n[^1]: From a [talk](https://example.org/v)\n    in May.\n"
        "[^b]: Plain.\n\n```\n[^2] stays in code\n```\n"
    )
    assert found
    assert body.startswith("Quote.[\\[1\\]](#notes) More[\\[b\\]](#notes).")
    assert "[^2] stays in code" in body
    assert body.endswith(
        "## Notes\n\n- \\[1\\] From a [talk](https://example.org/v) in May.\n- \\[b\\] Plain.\n"
    )
    rendered = render_body(make_markdown(), body)
    assert not rendered.problems
    assert footnotes_as_notes("No notes [^ here.\n") == ("No notes [^ here.\n", False)


def test_a_footnote_holding_a_code_span_is_listed_whole() -> None:
    """A footnote was cut at its first code span: 'I know that this exists in' went to the
    Notes list, and the rest of it, '`fgrep` and …', stayed in the text above the list, as
    the footnotes of a Hugo blog imported (``[^1]: … `fgrep` and `grep -F` but …``)."""
    body, found = footnotes_as_notes(
        "Literal strings[^1].\n\n[^1]: It is `fgrep` and `grep -F`, which I\n    forget.\n"
        "\nAfter `a [^2]: b` here.\n"
    )
    assert found
    assert body == (
        "Literal strings[\\[1\\]](#notes).\n\n\nAfter `a [^2]: b` here.\n\n## Notes\n\n"
        "- \\[1\\] It is `fgrep` and `grep -F`, which I forget.\n"
    )


def test_a_footnote_mark_without_its_footnote_stays_text() -> None:
    """Hugo and Jekyll show such a mark as written; as a citation it failed the build."""
    body, found = footnotes_as_notes("Enabled by default[^1].\n\n`code[^2]`\n")
    assert (body, found) == ("Enabled by default\\[^1\\].\n\n`code[^2]`\n", False)
    rendered = render_body(make_markdown(), body)
    assert (rendered.problems, rendered.citations) == ((), ())
    assert LexborHTMLParser(rendered.html).css_first("p").text() == "Enabled by default[^1]."


def test_a_footnote_mark_before_a_colon_is_a_mark_not_a_definition() -> None:
    """``this issue[^a]:`` was read as a definition (which only starts a line) and left as
    written, so the build failed on a citation naming no reference."""
    body, found = footnotes_as_notes("Manage this issue[^a]:\n\n- one\n\n[^a]: A source.\n")
    assert found and body.startswith("Manage this issue[\\[a\\]](#notes):\n")
    assert not render_body(make_markdown(), body).problems
    alone, found = footnotes_as_notes("Manage this issue[^b]:\n")
    assert (alone, found) == ("Manage this issue\\[^b\\]:\n", False)


def test_tidy_drops_the_summary_divider_and_raw_html_is_found() -> None:
    assert tidy("Lead.\n<!--more-->\n\nRest.\n") == "Lead.\n\nRest.\n"
    body = "H<sub>2</sub>O <br> `<b>` \\<i> <https://example.org>\n```\n<div>\n```\n"
    assert raw_html(body) == {"sub": "<sub>", "br": "<br>"}


def test_headings_move_so_the_top_one_is_level_two_and_code_is_untouched() -> None:
    body = (
        "# Title again\nText.\n\nPart\n====\n\n> Quoted\n> ---\n\n"
        "```\n# a shell comment\n```\n\n    # indented code\n\n### Deep ###\n"
        "Two lines\nof heading\n---\n###### Six\n"
    )
    assert headings_from_level_two(body) == (
        "## Title again\nText.\n\n## Part\n\n> ### Quoted\n\n"
        "```\n# a shell comment\n```\n\n    # indented code\n\n#### Deep ###\n"
        "### Two lines of heading\n###### Six\n"
    )
    assert headings_from_level_two("### A\n#### B\n") == "## A\n### B\n"
    assert headings_from_level_two("C #\n===\n") == "## C # #\n"  # still ends in '#'
    assert headings_from_level_two("## A\n\nText\n---\n") == "## A\n\nText\n---\n"


def test_a_setext_heading_with_a_pipe_over_a_rule_is_kept_from_making_a_table() -> None:
    """Its underline kept it apart from the '---' below; written on one line it is not."""
    assert headings_from_level_two("a | b\n---\n---\n# T\n") == "### a | b\n\n---\n## T\n"
    assert headings_from_level_two("> a|b\n> ---\n> ---\n# T\n") == ("> ### a|b\n>\n> ---\n## T\n")


_LINE = st.one_of(
    st.sampled_from(["", "```", "    code", "> ", "- ", "===", "---", "Text", "<div>", "C #"]),
    st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 7), _TEXT),
    _TEXT,
)


@given(st.lists(_LINE, max_size=12))
@example(["|", "- ", "---", "# "])  # '### |' over '---' would be a table: a blank line between
def test_moved_headings_keep_their_order_text_and_the_rest(lines: list[str]) -> None:
    body = "\n".join(lines) + "\n"
    md = make_markdown()

    def headings(text: str) -> list[tuple[int, str]]:
        tokens = md.parse(text, {"first_line": 1, "path": None, "problems": []})
        return [
            (int(t.tag[1]), " ".join(tokens[i + 1].content.split()))
            for i, t in enumerate(tokens)
            if t.type == "heading_open"
        ]

    before, after = headings(body), headings(headings_from_level_two(body))
    assert [text for _, text in after] == [text for _, text in before]
    if before:
        assert min(level for level, _ in after) == 2
        shift = 2 - min(level for level, _ in before)
        assert [level for level, _ in after] == [min(6, lv + shift) for lv, _ in before]
    else:
        assert headings_from_level_two(body) == body


def test_a_setext_heading_in_a_list_item_keeps_the_marker_whatever_its_text() -> None:
    """The heading '1' is not the '1' of the item marker '1. ' before it."""
    assert headings_from_level_two("1. 1\n   ---\n\n# Top\n") == "1. ### 1\n\n## Top\n"
    assert headings_from_level_two("> Quote\n> ===\n\n## b\n") == "> ## Quote\n\n### b\n"


def test_headings_merged_by_the_shift_are_a_note() -> None:
    notes: list[str] = []
    body = "# Top\n\n##### Five\n\n###### Six\n"
    assert headings_from_level_two(body, notes) == "## Top\n\n###### Five\n\n###### Six\n"
    assert notes == [
        "its headings move down 1 level so that the top one is ##, and levels 5 and 6 all become"
        " ###### (there is no deeper level): check its deepest headings, and make the lesser"
        " ones bold text where they must stay apart"
    ]
    for unmerged in ("# Top\n\n###### Six\n", "## Top\n\n##### Five\n\n###### Six\n"):
        notes.clear()
        headings_from_level_two(unmerged, notes)
        assert notes == []


def test_a_key_written_twice_under_an_anchor_is_noted_once(tmp_path: Path) -> None:
    """A mapping with a repeated key that an alias (``*d``) repeats was read twice, and the
    same note came twice."""
    path = tmp_path / "post.md"
    path.write_text("---\nd: &d\n  k: 1\n  k: 2\ne: *d\n---\nText\n", encoding="utf-8")
    source = read_markdown_source(path, "post.md", last_wins=True)
    assert source.fields == {"d": {"k": 2}, "e": {"k": 2}}
    assert source.notes == (
        "post.md:4: duplicate key 'k' (first set on line 3): the last value is kept, as "
        "Jekyll keeps it; check that it is the one meant",
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param("## Dose {#dose}\n", '## Dose <a id="dose"></a>\n', id="kramdown-heading-id"),
        pytest.param(
            "## Dose {#dose .wide}\n", '## Dose <a id="dose"></a>\n', id="goldmark-heading-id"
        ),
        pytest.param("## Dose {: .no_toc}\n", "## Dose\n", id="heading-class"),
        pytest.param("A note.\n{.note}\n", "A note.\n", id="goldmark-block"),
        pytest.param("A note.\n{: #n}\n", 'A note. <a id="n"></a>\n', id="block-id"),
        pytest.param("1. TOC\n{:toc}\n\nText.\n", "\nText.\n", id="toc"),
        pytest.param("*a*{: .x} and `b{: y}`\n", "*a* and `b{: y}`\n", id="span"),
    ],
)
def test_attribute_lists_are_removed_and_ids_become_anchors(body: str, expected: str) -> None:
    notes: list[str] = []
    assert attributes_removed(body, notes) == expected


@pytest.mark.parametrize(
    "body",
    [
        "```\n{: .kept}\n## A {#b}\n```\n",
        "    {: .kept}\n",
        "## Sets {a, b}\n",
        "{::comment}\nx\n{:/comment}\n",
        "{# not an attribute #}\n",
        '{{< figure src="a.png" >}}\n',
    ],
)
def test_what_is_no_attribute_list_stays_as_written(body: str) -> None:
    notes: list[str] = []
    assert attributes_removed(body, notes) == body
    assert notes == []


@pytest.mark.parametrize(
    ("body", "expected", "named"),
    [
        pytest.param("`x`{:.language-ruby} a\n", "`x` a\n", "{:.language-ruby}", id="code-span"),
        pytest.param("## Dose {: .no_toc}\n", "## Dose\n", "{: .no_toc}", id="heading-class"),
        pytest.param("## Été {#été}\n", "## Été\n", "{#été}", id="non-ascii-id"),
        pytest.param("## Python {a=1}\n", "## Python\n", "{a=1}", id="goldmark-key"),
    ],
)
def test_each_attribute_list_removed_is_named(body: str, expected: str, named: str) -> None:
    """A code span's attributes were left as text, and a heading's classes, keys or an id
    not made an anchor were removed without the note naming them."""
    notes: list[str] = []
    assert attributes_removed(body, notes) == expected
    (note,) = notes
    assert note.startswith(f"its attribute lists ({named}) were removed")
