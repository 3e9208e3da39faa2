"""The compiled path against the reference: whole records, byte for byte.

Every Markdown source the project has (the markup fixtures, the golden and example sites,
this blog's content, the bench corpus) and generated Markdown go through both
``markup.render_body`` (markdown-it-py) and ``fastmarkup.render_compiled``; the compiled
path may decline a body (None), never differ. Tests also check it declines the bodies it
must and takes the ones it should: a differential test that only ever fell back would
prove nothing.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it.utils import read_fixture_file
from mdit_py_plugins.wordcount import basic_count

from articlegen.content.frontmatter import split_front_matter
from articlegen.core.model import RenderedBody
from articlegen.core.weburl import is_web_address, split_problem
from articlegen.markup import fastdeclines, fastmarkup
from articlegen.markup.fastmarkup import count_words, is_stock, render_compiled, render_markdown
from articlegen.markup.footnotes import MAY_DEFINE as FOOTNOTE_DEFINITION
from articlegen.markup.markdown import (
    is_site_path,
    make_markdown,
    markdown_file_target,
    render_body,
)
from articlegen.markup.wikilinks import EMPTY_MESSAGE
from bench.corpus import generate

pytestmark = pytest.mark.skipif(not fastmarkup.AVAILABLE, reason="markdown-it-pyrs not installed")

ROOT = Path(__file__).parents[2]
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "markup").glob("*.md"))
ARTICLES = sorted(
    [
        *(ROOT / "content").glob("**/*.md"),
        *(ROOT / "tests" / "fixtures" / "golden" / "site" / "content").glob("**/*.md"),
        *(ROOT / "tests" / "fixtures" / "sites").glob("*/content/**/*.md"),
    ]
)
MD = {html: make_markdown(allow_html=html) for html in (False, True)}


def same(body: str, *, html: bool = False, first_line: int = 7) -> bool:
    """Both paths agree on ``body`` (the compiled one may decline); True if it did not."""
    reference = render_body(MD[html], body, first_line=first_line, path="content/a.md")
    fast = render_compiled(body, first_line=first_line, path="content/a.md", html=html)
    assert fast is None or comparable(fast) == comparable(reference), body
    return fast is not None


def comparable(record: RenderedBody) -> RenderedBody:
    """The record with its problems as values (errors are equal only to themselves)."""
    problems = [(type(p), p.message, p.path, p.line, p.hint) for p in record.problems]
    return dataclasses.replace(record, problems=tuple(problems))  # type: ignore[arg-type]


def article_body(path: Path) -> tuple[str, int]:
    _, _, body, line = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    return body, line


@pytest.mark.parametrize("html", [False, True])
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_markup_fixtures(path: Path, html: bool) -> None:
    cases = [source for _, _, source, _ in read_fixture_file(path)]
    taken = [same(source, html=html) for source in cases]
    if path.stem != "raw-html":
        assert sum(taken) > len(cases) // 2, "the compiled path declined most cases"


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_articles(path: Path) -> None:
    body, line = article_body(path)
    assert same(body, first_line=line)


def test_bench_corpus(tmp_path: Path) -> None:
    for path in generate(120, tmp_path, seed=11):
        if path.suffix == ".md":
            body, line = article_body(path)
            assert same(body, first_line=line), path.name


@pytest.mark.parametrize(
    "body",
    [
        "Write `[[Title]]` to link.",  # ours inside code: markdown-it-py reads no link
        "[see [[Alpha]]](x.md)",  # inside a link's text: markdown-it-py reads no link
        "[t](/u 'a [[x' ) y]]",  # a link title ends inside: markdown-it-py reads a link
        "| a |\n|---|\n| [[x|y]] |",  # the | splits table cells first
        "> | a | b |\n> |:--|--:|\n> | [[low-t|the basics]] | c |",  # so in a block quote
        "- | a |\n  |---|\n  | [[x|y]] |",  # and in a list item
        "1\n:-",  # a table without a | in its first line is none to markdown-it-py
        "> sleep\n| a | b |\n|:--|--:|\n|   | c |",  # lines a quoted paragraph reads on, lazily
        "- x\n\n  > sleep\n  | a | b |\n  |:--|--:|",  # so in a list item
        "<b>raw</b> [[Alpha]]",
        "Text.\n\n<!-- a note -->\n",  # comments are left out by a plugin of ours
        "Text[^1].\n\n[^1]: A note.\n",  # a footnote definition is a problem (footnotes.py)
        '```\n::: video https://vimeo.com/1 "T"\n```\n',
        '::: video https://vimeo.com/1 "T"\n:::\n\n[a]: /b',
        "> " * 60 + "deep",
        "_" * 3000 + "deep" + "_" * 3000,  # deep emphasis: recursion past Python's limit
        '> ::: video https://vimeo.com/1 "T"\n> caption\n> :::\n',  # in a block quote
        '- item\n\n  ::: video https://vimeo.com/1 "T"\n  :::\n',  # in a list item
        "[x](http://bücher.example/)",  # markdown-it-py writes the host in punycode
        "<http://example.com/%C3%A4>",  # markdown-it-py shows it decoded
        "[a](< b>) and ![c](<d\t> 'e')",  # markdown-it-py strips an address's spaces
        "[a](<\xa0b>)",
        "[a]\n\n[a]: <b >",
        "[a](http://@b) and [c](//@d)",  # markdown-it-py drops an empty user name's @
        "[a](mailto:@)",
        "[a](HTTP:@x) and [b](x:@)",  # a scheme but no '//': a host all the same
        "[a](x&#32;) and [b](&nbsp;y)",  # markdown-it-py strips a space written as an entity
        "[a](http://::1) and <https://h::>",  # markdown-it-py writes one colon less
        "\xa0A paragraph opening with a no-break space.",  # markdown-it-py strips it
        "# A heading\u3000\n\n- an item\u2003\n\n> \u202fquoted",  # and these
        "| a | b |\n|---|---|\n| \xa0x | y\xa0 |",  # a table's cells too
        "*\u2028*",  # markdown-it-py reads the emphasis around a space
        "A\x0c\n\nB\x1f",  # ASCII that Python strips as spaces
        "[o]: <\tfile:///x>",  # markdown-it-py strips the tab, then refuses file:
        "## [^c]:\n\nText.",  # a heading's text opening with a footnote definition
        "| a | b |\n|---|---|\n| [^c]: x | y |",  # a table cell's
        "[^]:1",  # a label of '^' alone is a footnote definition to markdown-it-py
        "[^ ]: x\n\n[^a b]: y\n\n[^a\\]b]: z\n\n[^a\nb]: w",  # so is any label opening '^'
        "Text.\n\n[ ^1]: https://www.cdc.gov/sleep/",  # after a space too
        "[^a[b]: x\n\n[^a[\tb]: y",  # the footnote plugin's, with a bracket or a tab inside
        "\x00",
    ],
)
def test_declines_what_it_cannot_reproduce(body: str) -> None:
    html = body.startswith("<b>")
    assert render_compiled(body, html=html) is None
    same(body, html=html)


def declined_and_taken(declined: list[str], taken: list[str]) -> None:
    """Each of ``declined`` left to markdown-it-py, each of ``taken`` (the same syntax as
    articles write it) rendered here; both paths agreeing on all."""
    for body in declined:
        assert render_compiled(body) is None, body
        same(body)
    for body in taken:
        assert same(body), body


def test_a_fence_right_after_a_tight_items_paragraph_is_declined() -> None:
    # markdown-it-py writes <li>Step:<pre>, with no line break after the hidden paragraph
    declined_and_taken(
        ["1. Step:\n   ```\n   code\n   ```\n", "- a\n  ~~~\n  x\n  ~~~\n"],
        ["1. Step:\n\n   ```\n   code\n   ```\n", "- a\n  ---\n", "- a\n  # h\n"],
    )


@pytest.mark.parametrize("marker", ["2.", "10.", "2)"])
def test_an_ordered_list_not_at_1_under_a_quote_is_declined(marker: str) -> None:
    # markdown-it-py ends the quote and starts <ol start="2">; markdown-it-pyrs reads on
    declined_and_taken(
        [f"> a\n{marker} b", f"- > a\n  {marker} b", f"> - a\n{marker} b", f"> > a\n> {marker} b"],
        [f"> a\n\n{marker} b\n", f"1. a\n{marker} b > c\n", "> a\n1. b\n"],
    )


@pytest.mark.parametrize("marker", ["2.", "10.", "2)"])
def test_an_ordered_list_not_at_1_under_a_quotes_lazy_lines_is_declined(marker: str) -> None:
    # lines read on into the quoted paragraph without '>' before it: the same (a fuzzer's)
    declined_and_taken(
        [f"> a\nb *c*\n{marker} b", f"> 1. a\n  |--|--|\n{marker} b", f"> a\nb\nc\n{marker} b"],
        [f"> a\nb\n\n{marker} b\n", f"> a\n\nb\n{marker} b\n"],
    )


def test_a_one_column_header_over_dashes_is_declined() -> None:
    # a table to markdown-it-py, a heading (and a TOC entry) to markdown-it-pyrs
    declined_and_taken(
        ["| x |\n---", "| a \\| b |\n---", "> | x |\n> ---", "- | x |\n  ---", "a\n| x |\n---"],
        ["| x |\n|---|\n", "A heading\n---\n", "| a | b |\n|---|---|\n"],
    )


def test_an_atx_heading_with_a_pipe_over_dashes_is_declined() -> None:
    # a table of one column to markdown-it-py, a heading and a rule to markdown-it-pyrs
    declined_and_taken(
        ["# T |\n---\n", "## Notes |\n---\n\ntext\n", "> # T |\n> ---\n", "- # a |\n  ---\n"],
        ["# T\n---\n", "# T |\n\n---\n", "# T |\ntext\n"],
    )


def test_a_line_with_a_pipe_over_dashes_in_a_list_or_quote_is_declined() -> None:
    # a table of one column to markdown-it-py, a list or a quote and a rule to markdown-it-pyrs
    declined_and_taken(
        ["- *em*|\n---\n", "> a|\n---\n", "1. a|\n---\n"],
        ["a | b\n--- | ---\n", "| a | b |\n|---|---|\n", "- a|\n\n---\n"],
    )


def test_underscores_left_as_text_that_could_be_emphasis_are_declined() -> None:
    # markdown-it-pyrs misses the emphasis after an underscore in a word in a * span
    declined_and_taken(
        ["*a_b_ c*_e_\n", "*a_b_ c* _e_\n", "**a_b_ c**(_e_)\n", "*a_b_ c*\n_e_\n"],
        ["snake_case and _e_ and file_name\n", "*a* _b_ c\n", "a_b_ c\n"],
    )


def test_a_definition_under_a_paragraphs_line_is_declined() -> None:
    # markdown-it-py reads it on into the paragraph; markdown-it-pyrs ends the paragraph
    # there when a delimiter row follows, making it a definition (a quote's too)
    declined_and_taken(
        [
            *("b\n[x]: y\n:-", "b\n[x]: y\n|-|", "b\n[x]: y\n|--", "- b\n  [x]: y\n  :-"),
            *("> a\n[x]: /y\n|---|", "> | a | b |\n[x]: /y\n|---|"),  # a quoted paragraph's
        ],
        ["b\n\n[x]: y\n[z]: w\n\n:-\n", "[x]: y\n:-\n", "b [x]\n\n[x]: y\n"],
    )


def test_lines_under_a_quote_ending_a_list_item_are_declined() -> None:
    # markdown-it-py reads them on into the quoted paragraph, lazily, where markdown-it-pyrs
    # ends the quote (and the list) and makes a table or a paragraph of them
    declined_and_taken(
        [
            "- > a\n| b |\n  |--|",
            "1. > sleep\n| a | b |\n   |:--|--:|",
            "> > a\nb\n> |--|",
            "> sleep\n| a | b |\n|:--|--:|",
        ],
        ["- > a\n\n| b |\n|--|\n", "> a\n\n| a | b |\n|:--|--:|\n", "> > a\nb\n"],
    )


@pytest.mark.parametrize(
    "body",
    [
        "* *a\n a\n  [b](c)*",
        "- **a\n  b\n  [c](d.md)**",
        "- ~~a\n  b\n  c~~ ![d](e.png)",
        "1. *a\n   b\n   c\n   d* [e](/f)",
        "- x\n\n  *a\n  b\n  c\n  d* [e](https://f.org/)\n",  # a loose item's paragraph
    ],
)
def test_a_tight_items_text_opening_with_a_span_over_lines_is_on_the_right_lines(
    body: str,
) -> None:
    # markdown-it-pyrs starts such a span back by the indents of the lines it spans (before
    # its item's first line, even), so its links and images were given later lines (a
    # real-world hunt's finding: a weekly newsletter's list item, all in emphasis)
    assert same(body)
    record = render_compiled(body, first_line=7)
    assert record is not None
    written = 7 + body.count("\n", 0, body.index("]("))  # the link's or image's line
    found = [*record.links, *record.path_links, *record.images, *record.web_links]
    assert [ref.line for ref in found] == [written]


def test_a_symbol_beyond_ascii_by_an_emphasis_delimiter_is_declined() -> None:
    # markdown-it-py counts symbols (Unicode's S categories) as punctuation when it tells
    # whether a delimiter run opens or closes, markdown-it-pyrs does not: *−*a is emphasis
    # to it alone (a real-world hunt's finding: a minus sign, an emoji before an underscore);
    # declined whenever one stands by a delimiter, whether or not it changes the outcome
    declined_and_taken(
        ["*−*a", 'Sad 😢_"quoted"_', "~~©~~a", "**→**x", "*a*° and *b*", "a *€* b"],
        ["*é*a and _日本_", "A — *dash* b", "Costs 5 € *each* day", "**Note:** 🎉 done\n"],
    )


def engine_panics(body: str) -> bool:
    """Whether markdown-it-pyrs 0.4 panics on ``body`` (pyo3 raises a BaseException)."""
    try:
        fastmarkup._engine().render(body)
        fastmarkup._engine().tree(body)
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        return True
    return False


PANICKING = [
    *("[a `b", "[a ``b` c", "[`a", "[a `b]", "[a\n`b", "![a `b", "[a ``b`` `c"),
    "`x [a ` [b `c",  # the [ parsed is the second: the first is in a code span
    "[a <http://x`> `b",  # a backtick in an autolink, stepped over
    "[a `b\n# c`",  # the heading ends the paragraph before the closer
    "| [a `b | c` |\n|---|---|",  # so does the | a table cell
    "[a](x`y) [b `c` d`",  # a destination's backtick, stepped over
]


def test_bodies_on_which_the_engine_panics_are_declined(capfd: pytest.CaptureFixture[str]) -> None:
    # markdown-it-pyrs 0.4 reads past its table of code span run lengths when a label's
    # scan has tried a run before (Rust's panic, caught, but its backtrace printed)
    assert all(engine_panics(body) for body in PANICKING)
    capfd.readouterr()
    for body in PANICKING:
        assert render_compiled(body) is None, body
        same(body)
    assert capfd.readouterr().err == ""


def test_brackets_and_code_spans_that_pair_up_are_taken(capfd: pytest.CaptureFixture[str]) -> None:
    # each run pairs within its line and cell, and nothing steps over a backtick
    for body in [
        "See [the docs](https://example.com/a_(b) 'T'), `x` and [`y`](z.md).",
        "`arr[0]` and `b`, [[Alpha]] and ``a`b``[^1]",
        "Use [x](y):\n```js\nlet a = [1], s = `${a}`\n```\n",
        "| [`a`](b) | `c` |\n|---|---|\n| [[Alpha]] | `e` |",
        "- [a](b)\n- `c` \\[d]\n\n> [e] `f`\n> `g`",
        "[a `b` c]\n\n`d",
    ]:
        assert same(body), body
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize(
    "body",
    [
        "[a](x[[b]])\n",
        "[a](x[[b|c]] )\n",
        "![a](x[^c])\n",
        "<http://x[[b]]>\n",
        "<http://x[^c]>\n",
        "[a]: x[[b]]\n\n[a]\n",
    ],
)
def test_a_wiki_link_or_citation_in_a_destination_or_an_autolink_is_no_swap(body: str) -> None:
    """markdown-it-py reads the link (or autolink) around it: so must markdown-it-pyrs read
    the swapped text, whose marks a destination may hold (ASCII control characters it may
    not: the link would then be text there, and the swap a wiki link)."""
    same(body)


def test_a_wiki_link_in_a_code_span_is_declined_after_parsing() -> None:
    # swapped all the same (the swap does not know code spans), no link numbered for it
    declined_and_taken(["Write `[[Title]]` to link.", "# `[[T]]`\n\n[[T]]"], ["`x` [[Title]]"])


_PANIC_PIECES = st.lists(
    st.sampled_from(
        [
            *"[]()`\\|<>!*_:'\"\t a",
            *("``", "```", "~~~", "\n", "\n\n", "- ", "1. ", "# ", "> ", "    ", "---", "|---|"),
            *("&#96;", "<http://a`>", "<a`b@c.d>", "](x)", '](x "t`")', "[[a]]", "[^1]", "\\`"),
        ]
    ),
    max_size=8,
).map("".join)
PANIC_PRONE = st.builds("{}[{}`{}`{}".format, *[_PANIC_PIECES] * 4)
"""Pieces of code spans, labels, links, autolinks, escapes and blocks around a ``[`` then
two backticks: many of these bodies panic the engine, many are let through."""


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(PANIC_PRONE)
@example("[a `b` ``c")  # a run without a closer after the [
@example("x `y\nz` [a `b` `c`")  # the [ after a code span over two lines
@example("[a\n```\n`b`")  # a fence's line, left out
@example("[a](x) `b` [c](<d>) `e`")
def test_bodies_taken_never_panic(capfd: pytest.CaptureFixture[str], body: str) -> None:
    """Bodies dense in what code spans and labels are made of: where ``_may_panic`` lets
    one through, the engine does not panic, prints nothing, and both paths agree."""
    capfd.readouterr()
    if fastdeclines._may_panic(body):
        return
    assert not engine_panics(body), body
    same(body)
    assert capfd.readouterr().err == ""


def test_panic_prone_bodies_panic_and_are_taken_often(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """The property test above proves something: many of its bodies panic the engine, and
    many it lets through hold both a ``[`` and a backtick."""
    panicked, taken = [], []

    @settings(max_examples=300, database=None, derandomize=True, deadline=None)
    @given(PANIC_PRONE)
    def count(body: str) -> None:
        if "[" in body and "`" in body:
            panicked.append(engine_panics(body))
            taken.append(not fastdeclines._may_panic(body))

    count()
    capfd.readouterr()  # the panics' backtraces
    assert sum(panicked) > len(panicked) // 5 and sum(taken) > len(taken) // 20


def test_a_parser_with_another_plugin_takes_the_reference_path() -> None:
    md = make_markdown()
    assert is_stock(md)
    md.enable("linkify")
    assert not is_stock(md)
    md = make_markdown().disable("strikethrough")
    assert not is_stock(md)
    assert render_markdown(md, "~~a~~").html == "<p>~~a~~</p>\n"


def test_without_the_wheel_the_reference_path_renders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fastmarkup, "AVAILABLE", False)
    body = "## A\n\nText [[B]]."
    assert render_compiled(body) is None
    assert comparable(render_markdown(MD[False], body)) == comparable(render_body(MD[False], body))


# Generated Markdown: realistic pieces of articles, and each piece of syntax ours touches,
# joined in random order and nesting, with the characters that make edge cases.
WORDS = st.sampled_from(
    ["sleep", "Main", "comments", "a", "x", "Ünïcode", "日本", "—", "it's", "3.5", "  ", "\t"]
)
PUNCT = st.sampled_from([*"*_~`[]()!<>&#\\|:^\"'-+.=", "&amp;", "&#35;", "\\*", "**"])
URLS = st.sampled_from(
    [
        "other.md",
        "other.md#part",
        "my%20file.md",
        "<my file.md>",
        "#part",
        "#",
        "https://example.com/a?b=c&d",
        "/img/a.png",
        "a.png",
        "data:image/png;base64,AAAA",
        "javascript:alert(1)",
        "HTTP://EXAMPLE.COM",
        "ä.md",
        "",
        "a(b)c.md",
        'x.md "Title"',
        "y.png 'a \"b\"'",
        "z.md ()",
        "a&amp;b.md",
        'a\\*b.md "t &amp; \\" u"',
        "%41%zz.md",
        "<ä b.md>",
        "HTTPS://EXAMPLE.COM/%7e",
        "mailto:a@b.example",
        "//example.com/a.png",
        "https://xn--bcher-kva.example/",
        "/files/guide.pdf?v=2#p",
        "../heart-health/",
        "sleep",
        "files/my%20doc.pdf 'T'",
        "<files/a b.pdf>",
        "tel:+100",
        "?page=2",
        "///x",
    ]
)


# Each strategy is built once, at import: built afresh in each draw (``st.just(text)`` for the
# text drawn), Hypothesis validated them again every time, nine tenths of these tests' time.
# So a kind of piece or block is drawn as a function of the word, punctuation, text or inner
# block drawn before it, from the same lists as when each draw built its own.
_Part = Callable[[str, str], str]


def _inline_kinds(depth: int) -> st.SearchStrategy[_Part]:
    """A piece of inline text, as a function of a word and a punctuation drawn before."""
    kinds: list[st.SearchStrategy[_Part]] = [
        st.just(lambda word, punct: word),
        st.just(lambda word, punct: punct),
        st.sampled_from(["Alpha", "low-t|the basics", " b ", "a|", "men's (a) \"b\"|c'"]).map(
            lambda t: lambda word, punct: f"[[{t}]]"
        ),
        st.sampled_from(["a", "ref-1", "x|y", "a`b"]).map(lambda i: lambda word, punct: f"[^{i}]"),
        st.builds(lambda t, u: lambda word, punct: f"[{t}]({u})", WORDS, URLS),
        st.builds(
            lambda t, u: lambda word, punct: f"![{t}]({u})",
            st.sampled_from(["alt", '""', "", "a *b*"]),
            URLS,
        ),
        st.sampled_from(["code", "[[A]]", " x ", "a\nb"]).map(
            lambda t: lambda word, punct: f"`{t}`"
        ),
        st.just(lambda word, punct: "\n"),
        st.just(lambda word, punct: "  \n"),
        st.sampled_from(
            ["<https://example.com>", "<a@b.example>", "<HTTP://A.B/%41>", "<x:y>"]
        ).map(lambda a: lambda word, punct: a),
        st.just(lambda word, punct: "[ref]"),
        st.sampled_from(  # tags shown as text, and what only looks like one (tagsastext.py)
            [
                *("<br>", "H<sub>2</sub>O", '<div class="x">', "</p>", "<br />"),
                *("\\<b>", "&lt;i&gt;", "a < b", "<B>", "a<b and c>d"),
            ]
        ).map(lambda t: lambda word, punct: t),
    ]
    if depth < 2:
        kinds.append(
            st.builds(
                lambda t, m: lambda word, punct: f"{m}{t}{m}",
                inline(depth + 1),
                st.sampled_from(["*", "_", "**", "~~"]),
            )
        )
    return st.one_of(kinds)


@cache
def inline(depth: int = 0) -> st.SearchStrategy[str]:
    """A run of inline pieces, emphasis nested up to two deep."""
    parts = st.lists(_inline_kinds(depth), min_size=1, max_size=8)

    @st.composite
    def run(draw: st.DrawFn) -> str:
        word, punct = draw(WORDS), draw(PUNCT)
        pieces = [part(word, punct) for part in draw(parts)]
        return " ".join(pieces) if draw(st.booleans()) else "".join(pieces)

    return run()


def _block_kinds(depth: int) -> st.SearchStrategy[_Part]:
    """A block, as a function of an inline text and an inner block drawn before."""
    kinds: list[st.SearchStrategy[_Part]] = [
        st.just(lambda text, inner: text),
        st.sampled_from(["#", "##", "###", "####"]).map(
            lambda h: lambda text, inner: f"{h} {text}"
        ),
        st.just(lambda text, inner: f"{text}\n---"),
        st.just(
            lambda text, inner: "| a | b |\n|:--|--:|\n| " + text.replace("\n", " ") + " | c |"
        ),
        st.just(lambda text, inner: "```py\n" + text + "\n```"),
        st.just(lambda text, inner: "    " + text),
        st.just(lambda text, inner: '[ref]: https://example.com/r "T"'),
        st.just(lambda text, inner: "***"),
        st.builds(
            lambda u, t: lambda text, inner: f'::: video {u} "{t}"\n{text}\n:::',
            st.sampled_from(["https://vimeo.com/76979871", "https://youtu.be/dQw4w9WgXcQ", "x"]),
            st.sampled_from(["A talk", "", "Q&A"]),
        ),
    ]
    if depth < 2:
        kinds += [
            st.just(lambda text, inner: "> " + inner.replace("\n", "\n> ")),
            st.sampled_from(["- ", "1. "]).map(
                lambda m: lambda text, inner: m + inner.replace("\n", "\n" + " " * len(m))
            ),
        ]
    return st.one_of(kinds)


@cache
def block(depth: int = 0) -> st.SearchStrategy[str]:
    """A block of inline text, or one holding blocks nested up to two deep."""
    kinds = _block_kinds(depth)

    @st.composite
    def one(draw: st.DrawFn) -> str:
        text = draw(inline())
        inner = draw(block(depth + 1)) if depth < 2 else ""
        return draw(kinds)(text, inner)

    return one()


ARTICLE = st.lists(block(), min_size=1, max_size=6).flatmap(
    lambda blocks: st.sampled_from(["\n\n", "\n"]).map(lambda sep: sep.join(blocks))
)
CHARACTERS = st.text(alphabet="ab *_`[]()!<>&#\\|:^\n -\t1.~=\"'é", max_size=80)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE, st.booleans())
@example("| a | b |\n|:--|--:|\n| sleep | c |\n*", False)  # '*' ends the table, as a list
@example("| a | b |\n|---|---|\n| c | d |\n> e\n- f | g", False)
@example("[sleep](javascript:alert(1))[[Alpha]]", False)  # a refused link, then a wiki link
@example("~~sleep~~~~sleep~~", False)  # two strikethroughs, four tildes between
@example("~~~\nsleep", False)  # a fence open to the end of a body without a last newline
@example("a `   ` b", False)  # a code span of spaces alone
@example("Water is H<sub>2</sub>O\n- a<br>b `<i>`\n\n<div>\n\\<p> [[A]] <b>", False)
def test_generated_articles(body: str, html: bool) -> None:
    same(body, html=html)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(CHARACTERS)
@example(">1\n-")  # a bare list marker after a quoted paragraph ends the quote
@example(">>a\n>*")
@example(">>\t\ta")  # a tab after nested quotes' markers
@example(">>-\t\ta")
@example("[^]:1")  # a footnote definition with no id
def test_generated_characters(body: str) -> None:
    same(body)


def test_generated_articles_mostly_take_the_compiled_path() -> None:
    taken = []

    @settings(
        max_examples=200,
        database=None,
        derandomize=True,  # a share of fixed examples: no run can draw a worse one
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(ARTICLE)
    def count(body: str) -> None:
        taken.append(same(body))

    count()
    assert sum(taken) > len(taken) // 5


@pytest.mark.parametrize(
    "body",
    [
        "Ask [@handle](@handle.md) or [us](@us).",  # no scheme, no '//': no host, no user
        "[a](x%20) and ![b](%20y.png) and [c](%09z.md)",  # spaces written as %20: kept
        "[r]\n\n[r]: files/a%20\n",
    ],
)
def test_takes_the_addresses_both_engines_write_alike(body: str) -> None:
    assert same(body)


SPACED_URL = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(["", "@", "x:", "X:", "HTTP:", "http:", "mailto:", "1:", "//", "https://"]),
        st.sampled_from(["", "@", "@@", "handle.md", "a@b", "%20", "&#32;", "&nbsp;", "&Tab;"]),
        st.sampled_from(["", "x", ".md", "/p", "#p", ":80"]),
        st.sampled_from(["", "%20", "%09", "%0A", "%C2%A0", "&#32;", "&#9;", "&#xa0;", "@"]),
    ),
)


@given(
    SPACED_URL,
    st.sampled_from(["[a]({})", "[a](<{}>)", "![a]({})", "[a](<{}> 'T')", "[r]\n\n[r]: {}"]),
    st.sampled_from(["", " <b>", " &amp;", " <https://e.org>", " [c](< d>)"]),
)
def test_addresses_near_the_empty_user_and_spaced_ends_are_the_same_on_both_paths(
    url: str, form: str, after: str
) -> None:
    """The looks at a URL that send a body to markdown-it-py (``_EMPTY_USER``, a space at
    an end) let through only URLs both engines write alike."""
    same(form.format(url) + after + "\n")


def declined_before_folding(body: str, html: bool) -> bool:
    """``fastdeclines.declined`` (then ``fastmarkup._declined``) as it was written before its
    looks were folded (at b047d45): each look over the whole body, ``^`` and ``$`` of
    ``re.MULTILINE`` for the lines; with U+0080 and U+0081, the swaps' marks since, and a
    ``|`` over a line of dashes (``_PIPE_OVER_DASHES``), declined since."""
    if any(c in body for c in "\x00\r\x80\x81\ue000\ue001\x0b\x0c\x1c\x1d\x1e\x1f"):
        return True
    if (html and "<" in body) or (not body.isascii() and OLD_SPACES.search(body)):
        return True
    if "<" in body and fastdeclines._SPACED_ANGLE.search(body):
        return True
    if "<!--" in body or ("]:" in body and FOOTNOTE_DEFINITION.search(body)):
        return True
    if ("[" in body and "`" in body and fastdeclines._may_panic(body)) or sum(  # since folded
        map(body.count, "[*_~")
    ) > 2_000:
        return True
    if fastdeclines._DEEP_LINE.search(body) or fastdeclines._DEEP_FIRST_LINE.match(body):
        return True
    if fastdeclines._PIPE_OVER_DASHES.search(body):
        return True
    if ">" in body and (OLD_BARE_MARKER_LINE.search(body) or OLD_QUOTES_THEN_TAB.search(body)):
        return True
    if "~~~~" in body or (not body.endswith("\n") and ("```" in body or "~~~" in body)):
        return True
    return "`" in body and bool(fastdeclines._BLANK_CODE_SPAN.search(body))


OLD_SPACES = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
OLD_BARE_MARKER_LINE = re.compile(r"^(?:[ \t]*>)*[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]*$", re.MULTILINE)
OLD_QUOTES_THEN_TAB = re.compile(r"^[ \t]*>[ \t]*>[^\n]*\t", re.MULTILINE)
PRESCANNED = st.builds(
    lambda parts, other, end: "".join(parts) + other + end,
    st.lists(
        st.sampled_from(
            [
                *"\n\t >-+*1.)[]`~<!:^_|#a\x00\r\x0b\x0c\x1c\x1f",
                *("> ", "- ", "12. ", "<!--", "[^c]:", "](", "]: <", "~~~~", "```", "~~~", "`   `"),
                *("> " * 25, "\n\n", "[" * 700, "_" * 700),
            ]
        ),
        max_size=6,  # few: a body declined by one look hides what the others decide
    ),
    st.sampled_from(
        ["", "é", "\x80", "\x81", "\x85", "\xa0", "\u2028", "\u3000", "\ue000", "\ue001"]
    ),
    st.sampled_from(["", "\n"]),
)


@given(st.one_of(PRESCANNED, CHARACTERS, ARTICLE), st.booleans())
@example("-\n>", False)  # a bare marker on the first line
@example(">\n1.", False)  # and on the last
@example(">>\ta", False)
@example("a~~~", False)
@example("a\xa0>", False)
@example("a~~~~\n", False)  # four tildes, and no fence open to the end
@example("\x1fé", False)  # an ASCII space Python strips, in a body beyond ASCII
def test_folded_looks_decline_what_the_looks_declined(body: str, html: bool) -> None:
    """The looks at a body's text, folded into fewer scans, decide as each on its own did."""
    assert fastdeclines.declined(body, html) == declined_before_folding(body, html)
    assert (render_compiled(body, html=html) is None) >= fastdeclines.declined(body, html)


@given(st.text(alphabet=" \t\n\x0b\x1c\xa0a-.,'\"!?*_()[]Zz09éß²", max_size=40))
def test_word_count_is_the_plugins(text: str) -> None:
    assert count_words(text) == basic_count(text)


LINK_URL = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(["", "http://", "https://", "HTTPS://", "//", "mailto:", "/", "../", "#"]),
        st.text(alphabet="a.-_/:#?%@[]\t\n Z09é", max_size=12),
        st.sampled_from(["", ".md", ".md#part", ".md#", "/a.md?x", ".MD"]),
    ),
)


def outcome(function: Callable[[str], object], url: str) -> object:
    """What ``function`` gives for ``url``, or the error it raises (an unclosed ``[``)."""
    try:
        return function(url)
    except ValueError as exc:
        return str(exc)


@given(LINK_URL)
@example("notes/a.md#part")
@example("https://e.org:99999/x")
@example("https://[::1/a.md")
def test_link_shapes_told_without_urlsplit_are_told_as_urlsplit_tells_them(url: str) -> None:
    """The compiled path tells an article link and a web address by their usual shapes,
    without ``urlsplit``: what it tells must be what the reference's functions tell."""
    assert outcome(fastmarkup._article_file, url) == outcome(markdown_file_target, url)
    if fastmarkup._WEB_PAGE.fullmatch(url):
        assert is_web_address(url)
        assert not is_site_path(url)
        assert split_problem(url) is None
        same(f"[a]({url}) and [b](<{url}>)")
    if fastmarkup._ARTICLE_FILE.fullmatch(url):
        same(f"[a]({url}) and [b](<{url}>)")


@pytest.mark.parametrize(
    "body",
    [
        "See [the leaflet](file:///C:/Users/me/leaflet.pdf) and (this).",
        "| a |\n|---|\n| [x](javascript:alert(1)) |",
        "## Head [x](vbscript:msgbox)\n\n<javascript:a>",
        "[r]: javascript:alert(1)\n\n[x][r]",
    ],
)
def test_links_markdown_refuses_are_the_same_errors_on_both_paths(body: str) -> None:
    assert same(body)
    assert render_compiled(body, first_line=7, path="content/a.md").problems  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("body", "url"),
    [
        ("See [the study](https://e.org:99999/s) and (this).", "https://e.org:99999/s"),
        ("<https://e.org:123456/x>\n\n[ok](https://e.org:8080/)", "https://e.org:123456/x"),
        ("See [the study](https://:8080/s).", "https://:8080/s"),
    ],
)
def test_a_web_link_whose_port_or_host_is_none_is_the_same_error_on_both_paths(
    body: str, url: str
) -> None:
    """It was published as written, an address no browser opens."""
    assert same(body)
    reference = render_body(MD[False], body, first_line=7, path="content/a.md")
    why = "there is no host name after '//'" if "//:" in url else "Port out of range 0-65535"
    assert [(p.message, p.line, p.hint) for p in reference.problems] == [
        (
            f"link '{url}' is no web address ({why})",
            7,
            "copy the full address again from the browser's address bar",
        )
    ]


@pytest.mark.parametrize("blank", ["", " ", "\t", "\u00a0", "\u3000", " \u00a0 "])
@pytest.mark.parametrize("text", ["", "|the text"])
def test_blank_wiki_link_brackets_are_one_problem_on_both_paths(blank: str, text: str) -> None:
    """``[[ ]]`` with any blank the rule strips (a no-break or an ideographic space too) is
    the problem that names no article, on the reference path and (declining it) the
    compiled one, where a no-break space gave 'never closed'."""
    body = f"Inside the [[{blank}{text}]] scope.\n"
    reference = render_body(MD[False], body, first_line=7, path="content/a.md")
    assert [(p.message, p.line) for p in reference.problems] == [(EMPTY_MESSAGE, 7)]
    assert not same(body)  # left to the reference path, which agrees with itself
