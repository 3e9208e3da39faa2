"""Which article bodies the compiled path leaves to markdown-it-py by their text alone,
before parsing: ``fastmarkup``'s first look at a body.

Each look is a scan in C, the costlier ones only after a cheaper one finds what they need.
What the compiled engine would parse, but not as markdown-it-py does, is told here when the
text shows it cheaply, otherwise after parsing, on the tree (``fastmarkup._Render``);
tests/unit/test_fastmarkup.py compares both paths on every body either takes.
"""

from __future__ import annotations

import re
from unicodedata import category

from ..core.limits import MAX_NESTING
from .comments import OPENER as COMMENT_OPENER
from .footnotes import MAY_DEFINE as FOOTNOTE_DEFINITION

_ASCII_UNSUPPORTED = ("\x00", "\r", "\x0b", "\x0c", *"\x1c\x1d\x1e\x1f")
"""Characters markdown-it-py normalizes before parsing (NUL would forge a placeholder), and
the ASCII ones Python's ``str.strip`` takes for spaces (see ``_UNSUPPORTED_CHARACTERS``):
in an ASCII body, looked for one by one, each a scan in C (a character class in a regular
expression cost 35 µs an article, a tenth of this path)."""
_UNSUPPORTED_CHARACTERS = re.compile(
    "[\x00\r\x0b\x0c\x1c-\x1f\x80\x81\x85\xa0"
    "\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ue000\ue001]"
)
"""In a body that is not all ASCII, in one pass: ``_ASCII_UNSUPPORTED``; U+0080 and U+0081,
which mark swapped syntax in ``fastmarkup``, and the two private-use characters that did
before, still left to markdown-it-py (no body holding one was compared on both paths); and
the spaces beyond ASCII (a no-break space, ``\u2028``…), which markdown-it-py strips from
the ends of a paragraph, a heading, a list item or a table cell (``str.strip``) and reads as
spaces around emphasis, markdown-it-pyrs does neither."""
_BY_DELIMITER = re.compile(r"[*_~]([^\x00-\x7f\w])")
"""A character beyond ASCII, not a letter or a digit, right after a ``*``, ``_`` or ``~``
(before one: searched in the body reversed, so that each search opens with that small
class, which ``re`` skips to; no symbol is a word character, in any version of Unicode)."""
_SPACED_ANGLE = re.compile(r"\](?::|\()[ \t]*(?:\n[ \t]*)?<[ \t]")
"""A destination in ``<>`` opening with a space or a tab (``[o]: <\tfile:///x>``):
markdown-it-py strips it before refusing a ``file:`` or ``javascript:`` address, so a
definition it refuses markdown-it-pyrs may take."""
DEFINITION_MARK = re.compile(r"\]:")
"""What a reference definition (or a footnote's) holds. Searched for by ``re`` rather than
``str``'s ``in`` (as ``fastmarkup``'s other strings are), which tries the whole string at
each character where ``re`` tries only where its first character is: 2 µs a bench body
against 6."""
_PIPE_OVER_DASHES = re.compile(
    r"\|[^\n]*+\n(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t:-]*-[ \t:-]*$",
    re.MULTILINE,
)
"""A line holding a ``|`` over one of dashes without a ``|`` (``- a|`` or ``> a|`` over
``---``): markdown-it-py may read a table of one column there, where markdown-it-pyrs reads
a list or a quote, then a rule."""
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_FENCE_MARK = re.compile("```|~~~")
_FENCE_LINE = re.compile(
    r"(?:[ ]{0,3}(?:>[ ]?|[-*+][ ]|1[.)][ ]))*+[ ]{0,3}(?:`{3,}+[^`\n\[]*+|~{3,}+[^\n\[]*+)"
)
"""A fence's line, in block quotes and list items, without a ``[``: never inline text with
other lines (a fence interrupts a paragraph), at most a table row on its own."""
_PAIRED = re.compile(r"[^`]*+(?:(?>(`++)(?:[^`|\n]++|(?!\1(?!`))`++)*+\1(?!`))[^`]*+)*+")
"""Text whose backtick runs pair up as code spans do (each with the first later run of its
length), never across a line break or a ``|``, matched whole."""
_ANGLED_TICK = re.compile(r"<[^<>\n`]*+`[^<>\n]*+>")
"""A backtick in ``<>``, where an autolink may hold it."""
_DESTINATION = r"[^ \t\n`()<>\\]*+(?:\([^ \t\n`()<>\\]*+\)[^ \t\n`()<>\\]*+)*+"
_TITLE = r"""(?:[ \t]+(?:"[^"`\\\n]*+"|'[^'`\\\n]*+'))?"""
_OTHER_LINK_TAIL = re.compile(rf"\]\((?![ \t]*{_DESTINATION}{_TITLE}[ \t]*\))")
"""A ``](`` not followed by a destination and title that surely hold no backtick."""

DEPTH = MAX_NESTING // 2
"""Nesting, block or inline, past which markdown-it-py's limits might act: left to it."""
_DEEP_PREFIX = f"[ \t>*+\\-\\d.)]{{{DEPTH}}}"
_DEEP_LINE = re.compile("\n" + _DEEP_PREFIX)
_DEEP_FIRST_LINE = re.compile(_DEEP_PREFIX)
"""A line starting with ``DEPTH`` characters that could each open or indent a block quote
or list: markdown-it-pyrs has no nesting limit and recurses once per level, so a few
thousand levels (a 20 KB line of ``> ``; fewer on a thread's smaller stack) overflow the
stack and kill the process. Each level takes at least one such character on the line that
opens it (a tab at most two levels), so a body without such a line nests under 2 x
``DEPTH`` levels; one with it is left to markdown-it-py, whose limit makes it an error.
Searched after a newline, then at the start: a literal first char keeps the scan fast."""
_BARE_MARKER = r"(?:[ \t]*>)*[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]*(?=\n|\Z)"
_BARE_MARKER_LINE = re.compile("\n" + _BARE_MARKER)
_BARE_MARKER_FIRST_LINE = re.compile(_BARE_MARKER)
"""A line holding a list marker and nothing else (after any ``>``): after a quoted
paragraph markdown-it-py ends the quote there and opens an empty list item, markdown-it-pyrs
reads the line on as the paragraph's (``>1`` over ``-``). Looked for only in a body with a
``>``; rare in an article, so such a body is left to markdown-it-py whatever comes before.
Searched after a newline, then at the start, as ``_DEEP_LINE``: ``^`` in ``re.MULTILINE``
is tried at every character, 60 µs a bench body against 10."""
_QUOTED_PREFIX = re.compile(r"[ \t]*(?:(?:[*+-]|\d{1,9}[.)])[ \t]+)*>")
_ORDERED_NOT_AT_1 = re.compile(r"[ \t>]*(?!0*1[.)])\d{1,9}[.)](?=[ \t\n]|\Z)")
"""A line opening an ordered list at another number than 1 (``2.``, ``10)``) under a line of
a block quote (``> a``, ``- > a``: a ``>`` in its ``_QUOTED_PREFIX``): markdown-it-py ends
the quote there and starts the list, markdown-it-pyrs reads the line on into the quoted
paragraph."""
_NOT_BLANK = re.compile(r"[ \t]*[^ \t\n]")
_QUOTES_THEN_TAB = re.compile(r"^[ \t]*>[ \t]*>[^\n]*\t", re.MULTILINE)
"""A line opening two or more block quotes with a tab after their markers: the two engines
expand such a tab to different columns (``>>`` and two tabs, ``>>-`` and two tabs). Looked
for only in a body with a ``>`` and a tab."""
_BLANK_CODE_SPAN = re.compile("`[ \n]{3,}`")
"""A code span of spaces alone (or spaces and a line break), three or more: markdown-it-py
keeps them all, markdown-it-pyrs takes one off each end."""
_SPAN_DELIMITERS = ("[", "*", "_")  # and "~", counted apart
_MAX_SPAN_DELIMITERS = 2_000
"""Inline spans nest only by these characters, one or more a level (links and images
``[``, emphasis ``*`` ``_``, strikethrough ``~``), and markdown-it-pyrs recurses once per
level there too (``![`` nested 5,000 deep overflows a 512 KB thread stack). A body with
more of them in all, which no article of the bench corpus nears (under 150), is left to
markdown-it-py: counted one by one, each a scan in C."""


def declined(body: str, html: bool) -> bool:
    """Whether the text of ``body`` shows syntax the compiled path does not reproduce. Each
    look is a scan in C, and the costlier ones only follow a cheaper one that finds what
    they need (a ``<``, a ``>``, a tab, four ``~``): 0.05 ms a bench body."""
    if body.isascii():
        if any(character in body for character in _ASCII_UNSUPPORTED):
            return True
    elif _UNSUPPORTED_CHARACTERS.search(body) or _symbol_by_delimiter(body):
        return True
    # raw HTML, an HTML comment (left out by a plugin of ours: comments.py), a <> destination
    if "<" in body and (html or COMMENT_OPENER in body or _SPACED_ANGLE.search(body)):
        return True
    # a footnote definition, a problem markdown.py finds (footnotes.py); its pattern, tried
    # at every character, only where there can be one
    if DEFINITION_MARK.search(body) and FOOTNOTE_DEFINITION.search(body):
        return True
    if "`" in body and "[" in body and _may_panic(body):
        return True
    if "|" in body and _PIPE_OVER_DASHES.search(body):
        return True
    if _DEEP_LINE.search(body) or _DEEP_FIRST_LINE.match(body):
        return True
    tildes = body.count("~") if "~" in body else 0  # most have none: one scan, not two
    if tildes + sum(map(body.count, _SPAN_DELIMITERS)) > _MAX_SPAN_DELIMITERS:
        return True
    if ">" in body and (
        _BARE_MARKER_LINE.search(body)
        or _BARE_MARKER_FIRST_LINE.match(body)
        or ("\t" in body and _QUOTES_THEN_TAB.search(body))
        or _quote_then_ordered(body)
    ):
        return True
    if tildes > 3 and "~~~~" in body:  # markdown-it-pyrs reads ~~a~~~~b~~ as one, not two
        return True
    if not body.endswith("\n") and ("```" in body or (tildes > 2 and "~~~" in body)):
        return True  # a fence left open to the end: markdown-it-pyrs adds a line break to it
    return "`" in body and bool(_BLANK_CODE_SPAN.search(body))


def _symbol_by_delimiter(body: str) -> bool:
    """Whether a symbol beyond ASCII (``−``, ``€``, ``©``, ``→``, an emoji: Unicode's
    categories S) stands by a ``*``, ``_`` or ``~``: markdown-it-py counts symbols as
    punctuation when it tells whether a run of them may open or close emphasis or
    strikethrough (as CommonMark 0.31 does), markdown-it-pyrs only punctuation (``*−*a`` is
    emphasis to it alone). Each character found is told by ``unicodedata``, markdown-it-py's
    own table (``isPunctChar``): two scans, in a body beyond ASCII only."""
    return any(
        category(found).startswith("S")
        for text in (body, body[::-1])
        for found in _BY_DELIMITER.findall(text)
    )


def _quote_then_ordered(body: str) -> bool:
    """Whether a line of ``_ORDERED_NOT_AT_1`` follows a quoted one, or lines after one
    (read on lazily), with no blank line between: looked for from each ``>`` (two in a
    bench body, of 8 KB), to the next blank line, where the next ``>`` is looked for."""
    at = body.find(">")
    while at >= 0:
        start, line = body.rfind("\n", 0, at) + 1, body.find("\n", at) + 1
        if not line:
            return False
        if _QUOTED_PREFIX.fullmatch(body, start, at + 1):
            while _NOT_BLANK.match(body, line):
                if _ORDERED_NOT_AT_1.match(body, line):
                    return True
                line = body.find("\n", line) + 1
                if not line:
                    return False
        at = body.find(">", line)
    return False


def _may_panic(body: str) -> bool:
    """Whether markdown-it-pyrs 0.4 might panic on ``body`` (and print a backtrace).

    Its code span rule, per inline text (a paragraph, a heading, a table cell), records the
    length of each run of backticks a failed search passes (a run that finds no run of its
    own length before the text's end), then sets a flag; with the flag set, it reads that
    record at a run's length unchecked. A link's label is scanned (from its ``[`` to its
    ``]``) then parsed again, so a run in it can be tried twice, the second time with the
    flag set by the first and its own length unrecorded: ``[a `b`` panics, ``[a ``b` c``
    too. Where every run the rule tries finds its closer, the flag is never set and nothing
    panics. That is made sure of in each run of lines between blank lines (no inline text
    spans a blank line) holding both a ``[`` and a backtick:

    - each line's runs pair up as code spans do (each with the first later run of exactly
      its length), no pair across a ``|``. An inline text starts at a line's start or after
      a ``|`` (a block's markers before it hold no backtick) and may end at any line's end
      or ``|``; the rule tries runs in that same greedy pairing as it parses a text from
      its start, and as it scans and parses a label from a ``[`` it reached, which is
      outside any pair (a ``[`` in a code span is never reached): every run it tries opens
      a pair that closes before the text, or the label, ends;
    - a fence's line (``_FENCE_LINE``) is left out: a fence interrupts a paragraph, so the
      line is code, or a table row alone (without a ``[``), never inline text with others;
    - no backtick that the parser steps over without trying it (its searches still count
      it), which would shift the pairing: an escaped one, one in ``<>`` (an autolink), one
      in or after a ``](`` not followed by a simple destination and title without one
      (``_OTHER_LINK_TAIL``).

    More is declined than would panic (a code span over two lines, a backtick in a fence's
    code, a run left as text), never less: the engine is called on generated bodies in
    tests/unit/test_fastmarkup.py. A body without both characters, as every bench body, is
    not looked at; the whole body is tried at once first, then each run of lines."""
    text = _without_fence_lines(body)
    if _PAIRED.fullmatch(text) and not _steps_over_a_backtick(text):
        return False  # most: at once, as a whole
    return any(
        "[" in chunk
        and "`" in chunk
        and (not _PAIRED.fullmatch(chunk) or _steps_over_a_backtick(chunk))
        for chunk in _BLANK_LINE.split(text)
    )


def _without_fence_lines(body: str) -> str:
    """``body`` with each fence's line (``_FENCE_LINE``) made ``.``: a line neither blank
    nor inline text, found from each run of three backticks or tildes (a few a body)."""
    if "```" not in body and "~~~" not in body:
        return body
    parts: list[str] = []
    kept = 0
    for mark in _FENCE_MARK.finditer(body):
        if mark.start() < kept:
            continue
        start = body.rfind("\n", 0, mark.start()) + 1
        end = body.find("\n", mark.start())
        end = len(body) if end < 0 else end
        if _FENCE_LINE.fullmatch(body, start, end):
            parts += [body[kept:start], "."]
            kept = end
    return "".join(parts) + body[kept:] if parts else body


def _steps_over_a_backtick(text: str) -> bool:
    """Whether the inline parser may step over a backtick in ``text`` without trying it:
    an escaped one, one in an autolink, one in or after a link's ``(`` that does not
    surely hold none."""
    if "\\`" in text or ("<" in text and _ANGLED_TICK.search(text)):
        return True
    link = _OTHER_LINK_TAIL.search(text)
    return link is not None and text.find("`", link.end()) >= 0
