"""Article bodies rendered by markdown-it-pyrs, a compiled port of markdown-it, wherever that
gives byte for byte the record ``markdown.render_body`` gives.

Markdown is most of a cold build's time. markdown-it-pyrs parses CommonMark, tables and
strikethrough as markdown-it-py does, and renders them alike, some twenty times faster; but
it runs no Python plugin, so this module does what ours do around it:

- ``[[wiki links]]`` and ``[^id]`` citations are swapped, before parsing, for the opaque
  text ``[`` U+0080 number U+0081 ``]``: its first and last characters are the original's,
  so emphasis and brackets around it read alike, and nothing inside is left for other
  syntax to see, just as markdown-it-py's own token for it hides its inside. The marks are
  control characters beyond ASCII (no body this path takes holds one), which a link's
  destination or an autolink may hold as it may the original's characters (ASCII ones it
  may not), and Latin-1: a body's swapped text, its HTML and its tree's texts stay one byte
  a character (private-use marks made them two) for the engine's conversions and every
  scan of them here;
- ``::: video`` blocks cut the body into pieces, each parsed on its own;
- the syntax tree gives what rendering learns (links and images with markdown-it-py's line
  numbers, heading ids, summary, word count), and the HTML's tags are rewritten, in document
  order, from it: heading anchors, internal links, images, scroll boxes (``fasttags``).

markdown-it-py stays the reference engine and the place to extend the syntax. An article
using anything this does not reproduce exactly (raw HTML, an HTML comment, a wiki link in
code or in a link's text, a reference definition beside a video block, nesting near the
limits, a no-break space...) gets None
here and takes that path; so does every article when the parser given has rules other than
``make_markdown``'s (someone added a plugin), or when no wheel of markdown-it-pyrs was
installed. The conditions are checked cheaply on the text before parsing (``fastdeclines``)
and on the tree after; tests/unit/test_fastmarkup.py renders every fixture, the bench
corpus, this blog's content and generated Markdown both ways and compares the whole records.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import filterfalse, repeat
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt

from ..core.errors import ArticlegenError
from ..core.limits import MAX_TABLE_COLUMNS
from ..core.model import ImageRef, LinkRef, RenderedBody, TocEntry
from ..core.weburl import is_web_address, unsplittable_links
from .anchors import LEVELS, heading_slug, unique_id
from .embeds import Video, figure_close, figure_open, video_from_params, video_problem
from .fastdeclines import DEFINITION_MARK, DEPTH, declined
from .fasttags import Tags
from .markdown import (
    CITATION,
    DECORATIVE_ALT,
    body_lines,
    citation_html,
    image_html,
    is_local,
    is_remote,
    is_site_path,
    line_written,
    make_markdown,
    markdown_file_target,
    missing_alt,
    render_body,
)
from .placeholders import Slot, escape, placeholder
from .rawhtml import address_problem, refused_link_problems
from .summary import CITED, plain, summary_text, uncited
from .tagsastext import Found, each_once, shown_tags
from .wikilinks import WIKILINK, wikilink_html

try:
    from markdown_it_pyrs import MarkdownIt as CompiledMarkdown
except ImportError:  # no wheel for this platform: markdown-it-py renders every body
    CompiledMarkdown = None  # type: ignore[assignment,misc]

AVAILABLE = CompiledMarkdown is not None
MISSING_NOTE = (
    "markdown-it-pyrs is not installed (no wheel for this platform?): Markdown is rendered "
    "by markdown-it-py alone, with the same output, more slowly"
)
_RULES: tuple[Any, ...] = (
    *("blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph"),
    *("reference", "autolink", "backticks", "emphasis", "entity", "escape", "image", "link"),
    *("newline", "table", "strikethrough"),
)
"""``make_markdown``'s syntax without raw HTML: the only bodies rendered here have none."""

_SWAPPED = re.compile("\\[\x80(\\d+)[\"'()]*\x81\\]")
"""A swapped wiki link or citation, keeping the quotes and parentheses it had (in order):
a link destination or title opened before that one of them would close in markdown-it-py
then closes in markdown-it-pyrs too, breaking the swap, and the body goes to markdown-it-py."""
_INLINE_SYNTAX = re.compile(f"{WIKILINK.pattern}|{CITATION.pattern}")
_CLOSES_OTHER_SYNTAX = re.compile("[`<>\\\\\t\\[]")
"""Inside a wiki link or citation, characters that could end a code span or an autolink
opened before it: markdown-it-py would then not read it as ours."""
_NOT_KEPT = re.compile("[^()\"']+")
_OPENER = re.compile(r"\[[\[^]")
"""Where a wiki link or a citation may open: searched as ``DEFINITION_MARK`` is, 0.3 µs a
bench body against 1.8 for ``"[[" in text or "[^" in text``."""
_WIKI_OPENER = re.compile(r"\[\[")
_COLONS = re.compile(":::")
_LEFT_OVER_UNDERSCORES = re.compile(r"(?<![^\W_])_+(?=[^\s_]).*?(?<=[^\s_])_")
"""Underscores left as text that could open and close emphasis: markdown-it-py reads an
emphasis there, and markdown-it-pyrs does not after an underscore inside a word within a
``*`` span (``*a_b_ c* _e_``); text it read alike holds none such but for rarer nestings,
which the other path renders as well."""
_DELIMITER_ROW = re.compile(
    r"^(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t|:-]*-[ \t|:-]*$", re.MULTILINE
)
"""A line that could make a table of the lines around, also inside block quotes and list
items: a ``|`` in a wiki link splits cells."""
_BLOCK_OPENER = re.compile(rb"[ \t]*(?:[*+>#<-]|\d{1,9}[.)]|```|~~~)|[ ]{4}|[ ]{0,3}\t")
"""The start of a line that might open a block of its own in markdown-it-py (a list item, a
quote, a heading, HTML, a fence, a rule, or indented code) when it follows a table's rows:
a marker counts whatever follows it, as a row rarely starts without its ``|``."""
_TITLED = re.compile("\x00W(\\d+)\x00")
"""A wiki link without text in a heading's plain text, by its swap's number (NUL is in no
body this path takes): the placeholder of its title once its link is numbered."""
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
_COLON_LINE = re.compile(r"^ {0,3}:::", re.MULTILINE)
_FENCE_LINE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)
_VIDEO_OPENER = re.compile(r"::: video(?: .*)?")
_VIDEO_CLOSER = re.compile(r":::[ \t]*")
_HOST_ENCODED = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)[^?#]*%")
"""A URL with a scheme and a ``%``: markdown-it-py writes a non-ASCII host in punycode."""
_EMPTY_USER = re.compile(r"(?:[A-Za-z0-9.+-]+:(?://)?|//)@")
"""An address whose host opens with ``@`` (``http://@b``, ``mailto:@``, ``//@b``):
markdown-it-py drops the ``@`` of the empty user name, markdown-it-pyrs keeps it. Without a
scheme or ``//`` (``@handle.md``) there is no host, and both keep it."""
_DOUBLE_COLON_HOST = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?//[^/?#]*::")
"""A host and port holding ``::`` (``http://::1``, ``https://h::``), IPv6 without brackets:
markdown-it-py writes one colon less, markdown-it-pyrs keeps them."""
_ARTICLE_FILE = re.compile(r"[\w.-][\w./-]*\.md(?:#[\w.-]+)?", re.ASCII)
"""A link to an article as most are written (``other.md``, ``../notes/a.md#part``): no
scheme, host, query, escape or character ``urlsplit`` strips, so ``markdown_file_target``
gives it back as it is."""
_WEB_PAGE = re.compile(r"https?://[A-Za-z0-9.-]+(?:[/?#]\S*)?")
"""A web address as most are written: ``urlsplit`` finds its scheme and a host without a
port, so it is no article file or site path, ``is_web_address`` holds and
``split_problem`` finds nothing."""
_ASCII_PUNCTUATION = string.punctuation.encode()
_SPACES_ONLY_TEXT_SPLITS = ("\x1c", "\x1d", "\x1e", "\x1f")
"""ASCII characters ``str.split`` splits at and ``bytes.split`` does not."""
_CONTAINERS = frozenset(
    {"bullet_list", "ordered_list", "list_item", "blockquote", "table", "thead", "tbody", "trow"}
)
_SPANS = frozenset({"em", "strong", "strikethrough", "link", "autolink"})
_DELIMITED = frozenset({"em", "strong", "strikethrough"})
_MISREADABLE = frozenset({"fence", "definition", "lheading", "heading"})
_QUOTING = frozenset({"blockquote", "bullet_list", "ordered_list"})
"""Blocks ``_Render._misread`` looks at, and those it looks after (ending with a quote)."""
_INLINE = _SPANS | {"text", "text_special", "code_inline", "softbreak", "hardbreak", "image"}


def count_words(text: str) -> int:
    """``mdit_py_plugins.wordcount.basic_count``: the words that are letters between ASCII
    punctuation. Counted by ``map`` rather than a Python loop, and an ASCII text as bytes
    (whose methods need no Unicode tables); only the words that are not letters alone (one
    in five) are stripped of punctuation first: 0.12 ms a body of the bench corpus, against
    0.16 ms stripping every word and 0.4 ms by a regular expression."""
    if text.isascii() and not any(c in text for c in _SPACES_ONLY_TEXT_SPLITS):
        words = text.encode().split()
        others = list(filterfalse(bytes.isalpha, words))
        stripped = map(bytes.strip, others, repeat(_ASCII_PUNCTUATION))
        return len(words) - len(others) + sum(map(bytes.isalpha, stripped))
    return sum(map(str.isalpha, map(str.strip, text.split(), repeat(string.punctuation))))


class _Unsupported(Exception):
    """This body uses something the compiled path does not reproduce exactly."""


def compiled_available() -> bool:
    """Whether the compiled engine is installed; without it, builds say so once (build.py)."""
    return AVAILABLE


def render_markdown(
    md: MarkdownIt, body: str, *, first_line: int = 1, path: str | None = None
) -> RenderedBody:
    """``markdown.render_body(md, body, ...)``, from the compiled engine where it gives the same."""
    if AVAILABLE and is_stock(md):
        fast = render_compiled(body, first_line=first_line, path=path, html=md.options["html"])
        if fast is not None:
            return fast
    return render_body(md, body, first_line=first_line, path=path)


def is_stock(md: MarkdownIt) -> bool:
    """Whether ``md`` has exactly the rules and options ``make_markdown`` gives it: the only
    parser whose output the compiled path reproduces."""
    return _signature(md) == _stock_signature(bool(md.options["html"]))


@cache
def _stock_signature(html: bool) -> tuple[object, ...]:
    return _signature(make_markdown(allow_html=html))


def _signature(md: MarkdownIt) -> tuple[object, ...]:
    """The parser's classes, options and rules by name (a plugin's closures are new
    functions in each parser, but keep their names)."""
    chains = (md.core.ruler, md.block.ruler, md.inline.ruler, md.inline.ruler2)
    rules = tuple(tuple(map(_name, chain.getRules(""))) for chain in chains)
    rules_of = getattr(md.renderer, "rules", {})
    renderer = tuple(sorted((kind, _name(rule)) for kind, rule in rules_of.items()))
    options = tuple(sorted((key, repr(value)) for key, value in md.options.items()))
    return type(md.block), type(md.renderer), rules, renderer, options


def _name(function: Callable[..., Any]) -> str:
    return f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', '')}"


@cache
def _engine() -> CompiledMarkdown:
    return CompiledMarkdown("zero").enable_many(list(_RULES))


def render_compiled(
    body: str, *, first_line: int = 1, path: str | None = None, html: bool = False
) -> RenderedBody | None:
    """The record ``markdown.render_body`` gives for ``body`` with a stock parser (``html``:
    raw HTML allowed), or None if this path cannot give exactly that one."""
    if not AVAILABLE or declined(body, html):
        return None
    try:
        return _Render(body, first_line, path).record()
    except _Unsupported:
        return None


class _Piece:
    """A part of the body parsed on its own: the body's lines outside video blocks, or the
    inside of one (``video``: the text after its ``:::``)."""

    def __init__(self, line: int, text: str, video: str | None, swaps: list[re.Match[str]]):
        self.line = line
        self.video = video
        self.text = _swap(text, swaps)
        self.read_to = self.lines_before = 0  # how many line breaks ``data`` has before
        self.player: Video | None = None
        engine = _engine()
        try:
            self.html: str = engine.render(self.text)
            self.tree: Any = engine.tree(self.text)
        except BaseException as exc:  # pyo3 raises a Rust panic as a BaseException
            if type(exc).__name__ != "PanicException":
                raise
            raise _Unsupported from None
        # after the engine: a text beyond ASCII (most, with swaps) keeps the UTF-8 that pyo3
        # made of it, which encode() copies (4 µs a bench body to encode it anew before)
        self.data = self.text.encode()

    def line_of(self, node: Any) -> int:
        """The 0-based body line a node starts on. The walk asks in document order, so the
        line breaks are counted on from the last node's start (in C), not listed first."""
        srcmap = node.srcmap  # each read makes a new tuple
        if srcmap is None:
            raise _Unsupported
        start = srcmap[0]
        if start < self.read_to:  # behind the last one: counted again from the start
            self.read_to = self.lines_before = 0
        self.lines_before += self.data.count(b"\n", self.read_to, start)
        self.read_to = start
        return self.line + self.lines_before


def _swap(text: str, swaps: list[re.Match[str]]) -> str:
    """``text`` with each wiki link and citation in it swapped for ``[`` U+0080 n U+0081
    ``]``, n its number in ``swaps`` (where its match is appended)."""
    if not _OPENER.search(text):  # neither syntax: no search needed
        return text
    parts: list[str] = []
    position = 0
    # a bracket before, not ours, may make a reference link of it
    definitions = bool(DEFINITION_MARK.search(text))
    for match in _INLINE_SYNTAX.finditer(text):
        start, end = match.span()
        inside = match.group(0)[2 : -1 if match.group(3) is not None else -2]
        before = text[start - 1] if start else ""
        if (
            _CLOSES_OTHER_SYNTAX.search(inside)
            or not inside.split("|", 1)[0].strip()  # [[ ]]: a problem wikilinks.py finds
            or before == "\\"
            or (definitions and before in ("[", "]") and start != position)
            or ("|" in inside and _in_table(text, start, end))
        ):
            raise _Unsupported
        parts += [text[position:start], f"[\x80{len(swaps)}{_NOT_KEPT.sub('', inside)}\x81]"]
        swaps.append(match)
        position = end
    swapped = "".join(parts) + text[position:] if parts else text
    if _WIKI_OPENER.search(swapped):  # one that starts no wiki link: a problem markdown.py finds
        raise _Unsupported  # (wikilinks.py); or one in code, which it leaves alone
    return swapped


def _in_table(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is in a run of lines, between blank lines, with a line
    that could make a table of it: markdown-it-py splits its cells before reading links."""
    first = _after_blank_line(text, start)
    blank_after = _BLANK_LINE.search(text, end)
    last = blank_after.start() if blank_after else len(text)
    if text.find("\n", first + 1, last) < 0:  # one line, the link's (with its ``[``): no row
        return False  # of the table, and no search (most, in a paragraph on one line)
    return bool(_DELIMITER_ROW.search(text, first, last))


def _after_blank_line(text: str, start: int) -> int:
    """Where the last ``_BLANK_LINE`` ending before ``start`` ends (at the line break after
    it), or 0: looked for line by line back from ``start``, not matched from the body's
    start on (which took 5 µs a wiki link with a text, most of ``_swap``'s time)."""
    end = text.rfind("\n", 0, start)
    while end > 0:
        before = text.rfind("\n", 0, end)
        if before < 0:
            return 0
        if not text[before + 1 : end].strip(" \t"):
            return end
        end = before
    return 0


def _pieces(body: str) -> Iterator[tuple[int, str, str | None]]:
    """``(first line, text, video)`` of the parts of ``body`` parsed on their own: video
    blocks written simply (``::: video …`` after a blank line, ``:::`` alone to close), the
    only ones split out here, in a body with no fence or reference definition that could
    hold or reach across one."""
    if not _COLONS.search(body):  # most bodies: spares the searches below
        yield 0, body, None
        return
    marks = _colon_lines(body)  # each block's opener and closer, in turn
    fenced = ("```" in body or "~~~" in body) and _FENCE_LINE.search(body)
    if len(marks) % 2 or DEFINITION_MARK.search(body) or fenced:
        raise _Unsupported
    lines = body.split("\n")
    start = 0
    for index, close in zip(marks[::2], marks[1::2], strict=True):
        opener = lines[index]
        after_blank = index == 0 or not lines[index - 1].strip(" \t")
        if not (_VIDEO_OPENER.fullmatch(opener) and after_blank):
            raise _Unsupported
        if not _VIDEO_CLOSER.fullmatch(lines[close]):
            raise _Unsupported
        yield start, "".join(line + "\n" for line in lines[start:index]), None
        yield index + 1, "".join(line + "\n" for line in lines[index + 1 : close]), opener[3:]
        start = close + 1
    yield start, "\n".join(lines[start:]), None


def _colon_lines(body: str) -> list[int]:
    """The numbers of ``body``'s lines that hold ``:::``, each of which must open with it
    (``_COLON_LINE``): after something else on its line, it may be a video block inside a
    block quote or a list item, which the plugin reads there and ``_pieces`` does not cut
    out. Found from each ``:::``, with no search of every line."""
    numbers: list[int] = []
    number = start = 0
    found = body.find(":::")
    while found >= 0:
        line_start = body.rfind("\n", 0, found) + 1
        if not _COLON_LINE.match(body, line_start):
            raise _Unsupported
        number += body.count("\n", start, line_start)
        numbers.append(number)
        start = line_start
        end = body.find("\n", found)
        found = body.find(":::", end) if end >= 0 else -1
    return numbers


class _Render:
    """One body through the compiled engine: the tree walked in markdown-it-py's token order,
    gathering what its rules and ``markdown``'s collectors gather, then the HTML rewritten."""

    def __init__(self, body: str, first_line: int, path: str | None) -> None:
        self.first_line, self.path, self.body = first_line, path, body
        self.lines: list[str] = []  # body_lines(body), once a text needs them
        self.spaced = "<" in body or "&" in body  # so a URL may open or end with a space
        self.swaps: list[re.Match[str]] = []
        self.pieces = [_Piece(*part, self.swaps) for part in _pieces(body)]
        self.links: list[LinkRef] = []
        self.citations: list[LinkRef] = []
        self.same_page: list[LinkRef] = []
        self.web: list[LinkRef] = []
        self.unsplit: list[LinkRef] = []  # the web links not of ``_WEB_PAGE``'s shape
        self.paths: list[LinkRef] = []
        self.images: list[ImageRef] = []
        self.remote: list[ImageRef] = []
        self.video_problems: list[ArticlegenError] = []
        self.image_problems: list[ArticlegenError] = []
        self.link_problems: list[ArticlegenError] = []  # links markdown-it left as text
        self.headings: list[tuple[int, str, str]] = []  # level, slug, text
        self.link_numbers: dict[int, int] = {}  # a wiki link's swap number → its link index
        self.title_lines: list[int] = []  # each level-1 heading's file line
        self.shown_tags: list[Found] = []  # tags shown as text (none with HTML on)
        self.in_cell = False  # walking a table's cell
        self.summary: str | None = None
        self.images_summary: str | None = None  # the first paragraph's, of images alone
        self.texts: list[str] = []  # each text token's (a swap a space), for the word count
        self.videos = 0
        self.swapped: dict[int, str] = {}  # swap number → its HTML
        self.piece = self.pieces[0]  # the one walked
        self.anchors: list[str] = []  # an <a> tag for each link, in order
        self.imgs: list[str] = []  # an <img> tag for each image, in order

    def record(self) -> RenderedBody:
        html = []
        for piece in self.pieces:
            self.piece = piece
            if piece.video is not None:
                self._video(piece)
            self._blocks(piece.tree.children, 0, piece.video is None)
        if sorted(self.swapped) != list(range(len(self.swaps))):
            raise _Unsupported  # one was read as something else: code, a link's text or URL
        slugs = [slug for _, slug, _ in self.headings]
        taken: set[str] = set()
        natural = frozenset(slugs)
        ids = [unique_id(slug, taken, natural) for slug in slugs]
        named = [(anchor, text) for anchor, (_, _, text) in zip(ids, self.headings, strict=True)]
        tags = Tags(self.anchors, self.imgs, named, self.swapped)
        for piece in self.pieces:
            inner = tags.rewrite(piece.html)
            if inner is None:
                raise _Unsupported
            if piece.video is None:
                html.append(inner)
            else:
                caption = bool(piece.tree.children)
                html += [figure_open(piece.player, caption), inner, figure_close(caption)]
        if not tags.finished():
            raise _Unsupported
        return RenderedBody(
            html="".join(html),
            toc=tuple(
                TocEntry(level, anchor, text)
                for (level, _, text), anchor in zip(self.headings, ids, strict=True)
            ),
            links=tuple(self.links),
            summary=self.summary or self.images_summary or "",
            words=count_words(" ".join(self.texts)),
            images=tuple(self.images),
            videos=self.videos,
            problems=(
                *self.video_problems,
                *self.image_problems,
                *self.link_problems,
                *unsplittable_links(self.unsplit, self.path),
            ),
            citations=tuple(self.citations),
            remote_images=tuple(self.remote),
            same_page_links=tuple(self.same_page),
            web_links=tuple(self.web),
            path_links=tuple(self.paths),
            title_lines=tuple(self.title_lines),
            html_as_text=each_once(self.shown_tags),
        )

    def _video(self, piece: _Piece) -> None:
        """``embeds``' core rule for one block."""
        assert piece.video is not None
        self.videos += 1
        try:
            piece.player = video_from_params(piece.video)
        except ValueError as exc:
            line = self.first_line + piece.line - 1
            self.video_problems.append(video_problem(exc, self.path, line))

    def _header_has_pipe(self, table: Any) -> bool:
        """Whether a table's first line holds a ``|``: markdown-it-py reads no table without
        one (``1`` over ``:-`` is a paragraph there), markdown-it-pyrs does."""
        if table.srcmap is None:
            raise _Unsupported
        data, start = self.piece.data, table.srcmap[0]
        end = data.find(b"\n", start)
        return b"|" in data[start : end if end >= 0 else len(data)]

    def _follows_text(self, node: Any) -> bool:
        """Whether the line before a block's first holds text."""
        if node.srcmap is None:
            raise _Unsupported
        data, start = self.piece.data, node.srcmap[0]
        end = data.rfind(b"\n", 0, start)
        return end > 0 and bool(data[data.rfind(b"\n", 0, end) + 1 : end].strip(b" \t"))

    def _row_opens_block(self, table: Any) -> bool:
        """Whether a body row's line could open another block (``*``, ``- a | b``, ``>``,
        ``#``, a fence, HTML, a rule, or an indent of four): markdown-it-py ends the table
        there, markdown-it-pyrs keeps it as a row."""
        data = self.piece.data
        for part in table.children:
            for row in part.children if part.name == "tbody" else ():
                if row.srcmap is None:
                    raise _Unsupported
                start = data.rfind(b"\n", 0, row.srcmap[0]) + 1
                if _BLOCK_OPENER.match(data, start):
                    return True
        return False

    def _misread(self, node: Any, name: str, after: str, previous: Any) -> bool:
        """Whether markdown-it-pyrs reads a block otherwise than markdown-it-py, after one
        named ``after`` (``previous``; "inline": a tight item's paragraph, "": none)."""
        if name == "fence":  # markdown-it-py writes no line break before a fence after a
            return after == "inline"  # paragraph it hides, markdown-it-pyrs does
        if name == "definition":  # it interrupts no paragraph in markdown-it-py
            return after not in ("", "definition") and self._follows_text(node)
        if name == "lheading":  # | x | over ---: a table of one column to markdown-it-py
            return node.meta["level"] == 2 and b"|" in self._source(node)
        if name == "heading":  # # x | over ---: a table of one column to markdown-it-py too
            return b"|" in self._source(node) and self._over_delimiter_row(node)
        if name in ("table", "paragraph"):  # lines markdown-it-py reads on, lazily, into a
            return _ends_quoted(previous) and self._follows_text(node)  # quoted paragraph
        return False

    def _over_delimiter_row(self, node: Any) -> bool:
        """Whether the line after a block's first could be a table's delimiter row."""
        data, start = self.piece.data, node.srcmap[0]
        after = data.find(b"\n", start) + 1
        if not after:
            return False
        end = data.find(b"\n", after)
        return bool(_DELIMITER_ROW.match(data[after : end if end >= 0 else None].decode()))

    def _source(self, node: Any) -> bytes:
        """The text of a block node, with the lines it spans."""
        if node.srcmap is None:
            raise _Unsupported
        return self.piece.data[node.srcmap[0] : node.srcmap[1]]

    def _blocks(self, nodes: Sequence[Any], depth: int, top: bool) -> None:
        """Block nodes in order; a tight list item's paragraphs are bare runs of inline nodes."""
        if depth > DEPTH:
            raise _Unsupported
        run: list[Any] = []
        previous: Any = None  # the block before this one among these nodes
        after = ""  # its name ("inline": a tight item's paragraph, bare inline nodes)
        for node in nodes:
            name = node.name
            if name in _INLINE:
                run.append(node)
                continue
            if run:
                self._inline_block(run, _run_start(run[0]))
                run, after = [], "inline"
            if (name in _MISREADABLE or after in _QUOTING) and self._misread(
                node, name, after, previous
            ):
                raise _Unsupported
            previous, after = node, name
            if name == "paragraph":
                if top and self.summary is None:  # markdown._summary: the first with text
                    self._summary(node)
                else:
                    self._inline_block(node.children, node)
            elif name in ("heading", "lheading"):
                level = node.meta["level"]
                if level == 1:
                    self.title_lines.append(self.first_line + self.piece.line_of(node))
                if f"h{level}" in LEVELS:
                    self._heading(node, level)
                else:
                    self._inline_block(node.children, node)
            elif name == "tcell":
                self.in_cell = True
                self._inline_block(node.children, node)
                self.in_cell = False
            elif name == "table" and (
                len(node.meta["alignments"]) > MAX_TABLE_COLUMNS // 2
                or not self._header_has_pipe(node)
                or self._row_opens_block(node)
            ):
                raise _Unsupported  # markdown-it-py's limit could refuse it, or its rules
            elif name == "blockquote" and all(c.name == "definition" for c in node.children):
                raise _Unsupported  # markdown-it-pyrs writes no line break in an empty one
            elif name in _CONTAINERS:
                self._blocks(node.children, depth + 1, False)
            elif name not in ("fence", "code_block", "hr", "definition"):
                raise _Unsupported
        if run:
            self._inline_block(run, _run_start(run[0]))

    def _heading(self, node: Any, level: int) -> None:
        """A heading of the contents: its slug and plain text, then its links numbered and
        its words counted. Most are one text without a swap, whose three readings (title,
        plain text, inline walk) are that text: read from the tree once, not three times."""
        children = node.children
        only = children[0] if len(children) == 1 else None
        if (
            only is not None
            and only.name == "text"
            and "\x80" not in (text := only.meta["content"])
        ):
            slug = heading_slug(uncited(text))  # what _title gives
            self._text(text, self.first_line + self.piece.line_of(node), False)
            text = plain(text)  # what _plain gives
        else:
            slug = heading_slug(self._title(children))
            text = self._plain(children, titles=True)
            self._inline_block(children, node)  # numbers its links: then fill
        self.headings.append((level, slug, self._titles_slotted(text)))

    def _summary(self, paragraph: Any) -> None:
        """A top-level paragraph before the body has a summary: the summary if it has words,
        else the summary of images alone, if none was found before. Only these paragraphs
        need their plain text: the others are walked for their links and words alone."""
        children = paragraph.children
        text = self._plain(children, titles=True)
        worded = bool(text) and (  # the same text but images' labels, if it has images
            b"![" not in self._source(paragraph) or bool(self._plain(children, images=False))
        )
        self._inline_block(children, paragraph)  # numbers its links: then fill
        text = summary_text(self._titles_slotted(text))
        if worded:
            self.summary = text
        elif self.images_summary is None:
            self.images_summary = text

    def _inline_block(self, nodes: Sequence[Any], first: Any) -> None:
        """One inline token's children, on the lines markdown-it-py gives them: its block's
        first line (``first``'s: the block's, or ``_run_start``'s), plus one for each line
        break before."""
        if nodes:
            self._inline(nodes, self.first_line + self.piece.line_of(first), 0, False)

    def _inline(self, nodes: Sequence[Any], line: int, depth: int, linked: bool) -> int:
        """Inline nodes in markdown-it-py's order (children of spans follow them, an image's
        do not; ``linked``: in a link's text); returns the line after them."""
        if depth > DEPTH:
            raise _Unsupported
        run = ""  # adjacent text: markdown-it-py joins it into one token
        for node in nodes:
            name = node.name
            if name == "text" or name == "text_special":
                run += node.meta["content"]
                continue
            if run:
                self._text(run, line, linked)
                run = ""
            if name in ("softbreak", "hardbreak"):
                line += 1
            elif name == "link":
                self._link(node.meta, line)
                line = self._inline(node.children, line, depth + 1, True)
            elif name == "autolink":
                self._autolink(node, line)
                line = self._inline(node.children, line, depth + 1, True)
            elif name in _SPANS:
                line = self._inline(node.children, line, depth + 1, linked)
            elif name == "image":
                self._image(node, line)
            elif name != "code_inline":
                raise _Unsupported
        if run:
            self._text(run, line, linked)
        return line

    def _text(self, text: str, line: int, linked: bool) -> None:
        """A text token's words, and the wiki links and citations swapped into it (in a
        link's text, markdown-it-py would have read no link). Links Markdown left as text
        are looked for in each text between those, the text tokens markdown-it-py has. The
        word count takes the texts between too, as if each swap were a space. Only a text
        holding ``](``, ``<`` or ``]:`` can hold such a link (each of
        ``rawhtml._REFUSED_CANDIDATE``'s does) or a tag: one with a ``:`` alone, as most
        bench bodies have (``Remember:``), is only counted."""
        if "_" in text and _LEFT_OVER_UNDERSCORES.search(text):
            raise _Unsupported  # an emphasis markdown-it-pyrs missed (after a*a_b_ c*)
        if "](" not in text and "]:" not in text and "<" not in text and "\x80" not in text:
            self.texts.append(text)
            return  # most: no link left as text (``refused_link_problems``), no tag, no swap
        swapped = "\x80" in text
        parts = _SWAPPED.split(text) if swapped else [text]  # [1::2]: the swaps' numbers
        self.texts.append(" ".join(parts[::2]) if swapped else text)
        if "](" in text or "]:" in text or "<" in text:
            source = None
            if "](" in text or "<" in text:
                self.lines = self.lines or body_lines(self.body)
                source = line_written(self.lines, line - self.first_line)
            for between in parts[::2]:
                self.link_problems += refused_link_problems(between, line, self.path, source)
                found = shown_tags(between, source)
                self.shown_tags += [(name, line, self.in_cell) for name in found]
        if not swapped:
            return
        if linked:
            raise _Unsupported
        for number in map(int, parts[1::2]):
            match = self.swaps[number]
            if match.group(3) is not None:
                self.swapped[number] = citation_html(len(self.citations))
                self.citations.append(LinkRef(match.group(3), line))
            else:
                target, text = match.group(1).strip(), (match.group(2) or "").strip()
                self.swapped[number] = wikilink_html(len(self.links), text)
                self.link_numbers[number] = len(self.links)
                self.links.append(LinkRef(target, line))

    def _link(self, meta: dict[str, Any], line: int) -> None:
        """``markdown``'s link collectors for one link: internal, path, same-page, web or
        other."""
        url, title = self._checked_url(meta["url"]), meta.get("title") or ""
        if problem := address_problem(url, False, self.path, line):
            self.image_problems.append(problem)  # in document order with images', as there
        title_attr = f' title="{escape(title)}"' if title else ""
        web = bool(_WEB_PAGE.fullmatch(url))
        target = None if web else _article_file(url)
        if target:
            self.anchors.append(
                f'<a href="{placeholder(Slot.LINK_HREF, len(self.links))}"{title_attr} '
                'class="internal">'
            )
            self.links.append(LinkRef(target, line))
            return
        if not web and is_site_path(url):
            self.anchors.append(
                f'<a href="{placeholder(Slot.PATH_HREF, len(self.paths))}"{title_attr}>'
            )
            self.paths.append(LinkRef(url, line))
            return
        self.anchors.append(f'<a href="{escape(url)}"{title_attr}>')
        if url.startswith("#"):
            self.same_page.append(LinkRef(url, line))
        if web or is_web_address(url):
            self._web_link(LinkRef(url, line), web)

    def _autolink(self, node: Any, line: int) -> None:
        """``<https://…>``: markdown-it-py shows the address decoded, as this does not."""
        url = self._checked_url(node.meta["url"])
        shown = "".join(child.meta.get("content", "") for child in node.children)
        if "%" in shown or "xn--" in shown or not shown.isascii():
            raise _Unsupported
        self.anchors.append(f'<a href="{escape(url)}">')
        if is_web_address(url):
            self._web_link(LinkRef(url, line), bool(_WEB_PAGE.fullmatch(url)))

    def _web_link(self, link: LinkRef, usual: bool) -> None:
        """A web link; ``usual``: of ``_WEB_PAGE``'s shape, which ``urlsplit`` always splits,
        so no ``unsplittable_links`` error to look for (told once, when the link is read)."""
        self.web.append(link)
        if not usual:
            self.unsplit.append(link)

    def _image(self, node: Any, line: int) -> None:
        """``markdown``'s image collector and renderer for one image."""
        url, title = self._checked_url(node.meta["url"]), node.meta.get("title") or ""
        alt = self._plain(node.children)
        if not alt:
            self.image_problems.append(missing_alt(url, self.path, line))
        if problem := address_problem(url, True, self.path, line):
            self.image_problems.append(problem)
        index = None
        if is_remote(url):
            self.remote.append(ImageRef(url, line))
        elif is_local(url):
            index = len(self.images)
            self.images.append(ImageRef(url, line))
        self.imgs.append(image_html(index, url, "" if alt == DECORATIVE_ALT else alt, title))

    def _checked_url(self, url: str) -> str:
        """A link's or image's URL, if markdown-it-py writes it the same."""
        if "%" in url and _HOST_ENCODED.match(url):
            raise _Unsupported
        if self.spaced and "%" in url and (written := unquote(url)) != written.strip():
            raise _Unsupported  # markdown-it-py strips the spaces of <x >, of x&#32; (not x%20)
        if "@" in url and _EMPTY_USER.match(url):
            raise _Unsupported
        if "::" in url and _DOUBLE_COLON_HOST.match(url):
            raise _Unsupported
        return url

    def _title(self, nodes: Sequence[Any], depth: int = 0) -> str:
        """``anchors._title``: text, inline code and a wiki link's text as written."""
        if depth > DEPTH:
            raise _Unsupported  # emphasis nested thousands deep: Python's recursion limit
        parts = []
        for node in nodes:
            if node.name in ("text", "text_special"):
                parts.append(_unswapped(node.meta["content"], self._shown_plain))
            elif node.name == "code_inline" or node.name in _SPANS:
                parts.append(self._title(node.children, depth + 1))
        return uncited("".join(parts)) if depth == 0 else "".join(parts)

    def _plain(self, nodes: Sequence[Any], *, images: bool = True, titles: bool = False) -> str:
        """``markdown._plain_text``: text, inline code, a wiki link's text, an image's label;
        with ``titles``, a wiki link without text as ``_TITLED`` marks it by its swap."""
        return plain(self._plain_parts(nodes, images=images, titles=titles))

    def _plain_parts(
        self, nodes: Sequence[Any], depth: int = 0, *, images: bool = True, titles: bool = False
    ) -> str:
        if depth > DEPTH:
            raise _Unsupported  # emphasis nested thousands deep: Python's recursion limit
        parts = []
        shown = self._shown_titled if titles else self._shown_plain
        for node in nodes:
            name = node.name
            if name in ("text", "text_special"):
                parts.append(_unswapped(node.meta["content"], shown))
            elif name in ("softbreak", "hardbreak"):
                parts.append(" ")
            elif name == "code_inline" or name in _SPANS:
                parts.append(
                    self._plain_parts(node.children, depth + 1, images=images, titles=titles)
                )
            elif name == "image" and images:
                parts.append(self._label(node))
        return "".join(parts)

    def _shown(self, swapped: re.Match[str]) -> str:
        """The text markdown-it-py's token for a wiki link (or citation) holds."""
        match = self.swaps[int(swapped.group(1))]
        if match.group(3) is not None:
            return ""
        return (match.group(2) or "").strip() or match.group(1).strip()

    def _shown_plain(self, swapped: re.Match[str]) -> str:
        """``_shown``, but a citation marked as ``summary.plain`` takes it out."""
        cited = self.swaps[int(swapped.group(1))].group(3) is not None
        return CITED if cited else self._shown(swapped)

    def _shown_titled(self, swapped: re.Match[str]) -> str:
        """``_shown``, but a wiki link without text marked by its swap's number, for
        ``_title_slot`` to make the placeholder of the title it shows once it is numbered."""
        match = self.swaps[int(swapped.group(1))]
        if match.group(3) is None and not (match.group(2) or "").strip():
            return f"\x00W{swapped.group(1)}\x00"
        return self._shown_plain(swapped)

    def _titles_slotted(self, text: str) -> str:
        """``text`` with each wiki link without text marked by ``_shown_titled`` made the
        placeholder of its title (most texts have none: no search)."""
        return _TITLED.sub(self._title_slot, text) if "\x00" in text else text

    def _title_slot(self, marked: re.Match[str]) -> str:
        number = self.link_numbers.get(int(marked.group(1)))
        if number is None:  # swapped inside a code span: markdown-it-py reads no link there
            raise _Unsupported
        return placeholder(Slot.LINK_TEXT, number)

    def _label(self, image: Any) -> str:
        """An image's label as written (its token's content), when the tree shows it whole:
        on one line, from ``![`` to the ``]`` after its last child."""
        data, (start, _) = self.piece.data, image.srcmap
        end = image.children[-1].srcmap[1] if image.children else start + 2
        label = data[start + 2 : end].decode()
        if data[start : start + 2] != b"![" or data[end : end + 1] != b"]" or "\n" in label:
            raise _Unsupported
        if _SWAPPED.search(label):
            raise _Unsupported
        return label


def _unswapped(text: str, shown: Callable[[re.Match[str]], str]) -> str:
    """``text`` with each swap in it made what ``shown`` gives for it (most texts have none:
    no search)."""
    return _SWAPPED.sub(shown, text) if "\x80" in text else text


def _run_start(node: Any) -> Any:
    """The node a tight item's run of inline nodes (``node`` its first) is counted on from:
    that one, or, for emphasis or strikethrough, its first child: the span's own start is
    off by the indents of the lines it spans, in a list item or a quote. A paragraph, a
    heading or a cell is counted on from its own start, without this look at its first
    child's name (a read of the tree's node: one a block)."""
    while node.name in _DELIMITED and node.children:
        node = node.children[0]  # on the opener's line: no space may follow one
    return node


def _ends_quoted(block: Any) -> bool:
    """Whether a block is a block quote, or a list whose last item ends with one."""
    while block is not None and block.name in ("bullet_list", "ordered_list", "list_item"):
        block = block.children[-1] if block.children else None
    return block is not None and block.name == "blockquote"


def _article_file(url: str) -> str | None:
    """``markdown_file_target``, the common shape told without ``urlsplit`` (6 µs a link)."""
    return url if _ARTICLE_FILE.fullmatch(url) else markdown_file_target(url)
