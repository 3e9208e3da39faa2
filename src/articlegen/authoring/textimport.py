"""Pasted plain text → ``ImportedArticle``: title, headings, lists, See Also, comments.

Text copied out of a web page keeps its words and loses its markup. The
structure is read back from the shapes that survive the copy: the first line
is the title, a short line standing alone is a heading, a line starting with
a bullet or a number is a list item, a ``See also: …`` line names related
articles, and a trailing ``Comments`` line means the page had comments.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from ..core.dates import MONTHS
from ..core.errors import SourceError
from ..core.limits import MAX_TITLE_CHARACTERS
from ..core.model import ImportedArticle, ImportedLink
from .mdtext import escape_block_start, escape_markdown, indent_item
from .textlocale import COMMENTS_WORDS, SEE_ALSO_WORDS, read_european_date
from .texttables import TABLE_NOTE, is_labelled, markdown_table, table_rows

HEADING_WORDS = 12
"""A standalone line of at most this many words, without closing punctuation, is a heading."""

_BULLET = re.compile(r"(\s*)([•◦▪▫‣⁃○●■□►▸➢*+\-–])\s+(\S.*)")
_NUMBERED = re.compile(r"(\s*)(\d{1,3})[.)]\s+(\S.*)")
_MARKDOWN_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?[^\s.,;:…。．])(?:[ \t]+#+)?")
"""A line that is a Markdown heading already (``## Sources``, pasted from a Markdown editor):
kept a heading of its level, not escaped into ``## \\## Sources``; its closing ``#``s, which
Markdown allows, dropped. Not one whose text ends as a sentence or clause does (``# not a
heading, … .``): a ``#`` before a sentence is text, escaped."""
_SECOND_LEVEL = "◦○▫□"
_LETTERED = re.compile(r"(\s+)([a-z]|[ivx]{2,4})[.)]\s+(\S.*)", re.IGNORECASE)
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
}
_SEE_ALSO_LINE = r"\s*(?:{})(?:\s*[:\-–—]\s*|\s*$)"
_SEE_ALSO_WORDS = r"see\s+also|related\s+(?:articles?|posts?|reading)"
SEE_ALSO = re.compile(_SEE_ALSO_LINE.format(_SEE_ALSO_WORDS), re.IGNORECASE)
"""The start of a See Also line; what follows it names the articles (nothing: a list follows)."""
_COMMENTS_LINE = (
    r"\s*(?:(?:\d+\s+)?(?:{})(?:\s*\(\d+\))?"
    r"|(?:leave|post|add|write)\s+a\s+(?:comment|reply)|join\s+the\s+discussion)\s*:?\s*"
)
_COMMENTS_WORDS = r"comments?|responses?|replies"
COMMENTS_FOOTER = re.compile(_COMMENTS_LINE.format(_COMMENTS_WORDS), re.IGNORECASE)
"""A line that is only a comments section's heading or button."""
_TEXT_SEE_ALSO = re.compile(
    _SEE_ALSO_LINE.format(f"{_SEE_ALSO_WORDS}|{SEE_ALSO_WORDS}"), re.IGNORECASE
)
_TEXT_COMMENTS_FOOTER = re.compile(
    _COMMENTS_LINE.format(f"{_COMMENTS_WORDS}|{COMMENTS_WORDS}"), re.IGNORECASE
)
"""Pasted text's See Also and comments lines, also in the other major European languages
(``Siehe auch:``, ``Kommentare``); a saved page's are read by ``SEE_ALSO`` and
``COMMENTS_FOOTER``, in English."""
_LEAD_IN = re.compile(r"([^:.!?*\[\]]{1,60}?):\s+(\S.*)")
_SMALL = "a an and as at but by for from in into nor of on or over per the to vs vs. via with"
_SMALL_WORDS = frozenset(_SMALL.split())
_DATE_LINE = re.compile(
    r"(?:(?:published|posted|updated|written|date)(?:\s+on)?\s*:?\s*)?"
    r"(?:(\d{4})-(\d{2})-(\d{2})"
    r"|([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"
    r"|(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4}))\.?",
    re.IGNORECASE,
)


def parse_text(text: str, path: str) -> ImportedArticle:
    """Read an article pasted as plain text; ``path`` names the source file in errors."""
    lines = _clean_lines(text)
    first = next((n for n, line in enumerate(lines) if line), None)
    if first is None:
        raise SourceError("the file is empty", path, 1, "paste the article's text into it")
    heading = _MARKDOWN_HEADING.fullmatch(lines[first].strip())  # '# Title' of a Markdown text
    title = " ".join((heading.group(2) if heading else lines[first]).split())
    check_title(title, path, first + 1, "put the article's title alone on the first line")
    rest = lines[first + 1 :]
    date = _take_date(rest)
    comments = _drop_comments_footer(rest)
    see_also = _take_see_also(rest)
    blocks = _blocks(rest, hard_wrapped=_is_hard_wrapped(rest))
    tables = [block.table for block in blocks if block.table]
    notes = (TABLE_NOTE,) if not all(map(is_labelled, tables)) else ()
    return ImportedArticle(
        title, render_blocks(blocks), tuple(see_also), comments, date, notes=notes
    )


def check_title(title: str, path: str, line: int | None, hint: str) -> None:
    """Refuse a title the front-matter would refuse, naming the source file."""
    if len(title) > MAX_TITLE_CHARACTERS:
        raise SourceError(
            f"the title is {len(title):,} characters long (at most {MAX_TITLE_CHARACTERS})",
            path,
            line,
            hint,
        )


def read_date(text: str) -> dt.date | None:
    """The day a short text such as ``May 14, 2024`` or ``Published 2024-05-14`` names."""
    match = _DATE_LINE.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    iso_y, iso_m, iso_d, m1, d1, y1, d2, m2, y2 = match.groups()
    month = int(iso_m) if iso_m else MONTHS.get((m1 or m2 or "").lower())
    try:
        return dt.date(int(iso_y or y1 or y2), month or 0, int(iso_d or d1 or d2))
    except ValueError:
        return None


def _read_any_date(text: str) -> dt.date | None:
    """The day a short text names, in English or day first in another major language."""
    return read_date(text) or read_european_date(text)


def _clean_lines(text: str) -> list[str]:
    """Lines without line-end or trailing spaces; no-break and zero-width spaces made plain,
    and tabs of the indent four spaces (the others may part a table's cells)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    lines = [line.rstrip() for line in text.split("\n")]
    return [line[: _indent(line)].replace("\t", "    ") + line.lstrip() for line in lines]


def _take_date(lines: list[str]) -> dt.date | None:
    """A date alone on one of the first lines after the title (removed when found)."""
    for index, line in enumerate(lines[:4]):
        if line and (day := _read_any_date(line)):
            del lines[index]
            return day
    return None


def _drop_comments_footer(lines: list[str]) -> bool:
    """Remove trailing comment-section lines; whether there were any."""
    found = False
    while lines and (not lines[-1] or _TEXT_COMMENTS_FOOTER.fullmatch(lines[-1])):
        found = found or bool(lines[-1])
        lines.pop()
    return found


def _take_see_also(lines: list[str]) -> list[ImportedLink]:
    """Remove every See Also line (and the list under a bare one), returning their items."""
    items: list[ImportedLink] = []
    index = 0
    while index < len(lines):
        match = _TEXT_SEE_ALSO.match(lines[index])
        if match is None:
            index += 1
            continue
        rest = lines[index][match.end() :].strip()
        del lines[index]
        if rest:
            items.append(ImportedLink(rest))
            continue
        while index < len(lines) and (not lines[index] or _item(lines[index])):
            if item := _item(lines[index]):
                items.append(ImportedLink(item.text))
            del lines[index]
    return items


@dataclass(slots=True)
class Block:
    """A paragraph, heading or list item being assembled."""

    text: str
    item: bool = False
    indent: int = 0
    number: int | None = None
    """For an item of a numbered list, its number."""
    heading: bool = False
    level: int | None = None
    """For a line that was a Markdown heading, its level (``#`` is 1)."""
    lettered: bool = False
    """For a lettered sub-item (``a.``, ``ii.``) under a numbered one."""
    table: list[list[str]] | None = None
    """For a table (tab-separated columns), its rows."""


def _item(line: str) -> Block | None:
    """The list item a line starts, if it starts one."""
    if match := _NUMBERED.fullmatch(line):
        return Block(match.group(3), True, len(match.group(1)), int(match.group(2)))
    if match := _BULLET.fullmatch(line):
        indent = len(match.group(1)) + (1 if match.group(2) in _SECOND_LEVEL else 0)
        return Block(match.group(3), True, indent)
    return None


def _sub_item(line: str, before: Block) -> Block | None:
    """The nested item a lettered line (``a.``, ``b)``, ``ii.``) starts where it is indented
    under a numbered item or follows another such: numbered by its letter (``c.`` is 3) or
    roman numeral, whichever continues the items before it. A letter out of that sequence
    (``B. Placeholder …`` under ``1. … led by Dr. Anna``, an initial) starts no item."""
    match = _LETTERED.fullmatch(line)
    if match is None or not before.item:
        return None
    indent, mark = len(match.group(1)), match.group(2).lower()
    if not (before.lettered and indent == before.indent) and not (
        before.number is not None and indent > before.indent
    ):
        return None
    numbers = {ord(mark) - ord("a") + 1} if len(mark) == 1 else set()
    numbers |= {_ROMAN[mark]} if mark in _ROMAN else set()
    following = before.number + 1 if before.lettered and before.number is not None else 1
    if following not in numbers:
        return None
    return Block(match.group(3), True, indent, following, lettered=True)


def _is_date_line(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` is a date written day first (``15. Januar 2024``), not an
    item numbered 15: the whole line a day, a month's name and a year, no English month's
    (``1. March 2024 …`` is an item), and no numbered line beside it (a run is a list)."""
    match = _NUMBERED.fullmatch(lines[index])
    if match is None or read_european_date(lines[index]) is None:
        return False
    if match.group(3).split()[0].rstrip(".").lower() in MONTHS:
        return False
    around = [line for line in lines[index + 1 :] if line][:1]
    around += [line for line in lines[:index] if line][-1:]
    return not any(_NUMBERED.fullmatch(line) for line in around)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Whether the text was wrapped at a fixed width (as e-mail is), so lines must be joined:
    three lines within 3/4 of the longest (at most 100 columns) each followed by text."""
    text_lines = [line for line in lines if line]
    if not text_lines:
        return False
    width = max(len(line) for line in text_lines)
    wrapped = sum(
        1
        for line, after in itertools.pairwise(lines)
        if len(line) >= 0.75 * width and after and _item(after) is None
    )
    return width <= 100 and wrapped >= 3


def _blocks(lines: list[str], *, hard_wrapped: bool) -> list[Block]:
    """Paragraphs, list items and tables; headings marked."""
    blocks: list[Block] = []
    joinable = False  # whether the next line may continue the last block
    index = 0
    while index < len(lines):
        line = lines[index].replace("\t", "    ")
        index += 1
        if not line:
            joinable = False
            continue
        if rows := table_rows(lines, index - 1):
            blocks.append(Block("", table=rows))
            index += len(rows) - 1
            joinable = False
            continue
        item = None if _is_date_line(lines, index - 1) else _item(line)
        item = item or (_sub_item(line, blocks[-1]) if blocks else None)
        heading = _MARKDOWN_HEADING.fullmatch(line.strip())
        if item is not None:
            blocks.append(item)
        elif heading:
            blocks.append(Block(heading.group(2), level=len(heading.group(1))))
            joinable = False  # a heading is one line: the next starts a block of its own
            continue
        elif joinable and (hard_wrapped or _indent(line) > blocks[-1].indent):
            blocks[-1].text += " " + line.strip()
        else:
            blocks.append(Block(line.strip()))
        joinable = True
    for index, block in enumerate(blocks):
        block.heading = block.level is not None or (
            not block.item
            and block.table is None
            and index + 1 < len(blocks)
            and _looks_like_heading(block)
        )
    return blocks


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _looks_like_heading(block: Block) -> bool:
    text = block.text
    words = text.split()
    if len(words) > HEADING_WORDS or len(text) > 100:
        return False
    if text.endswith(("?", "？")):
        return _title_case(words)
    return not text.endswith((".", ",", ";", ":", "!", "…", '"', "”", "。", "．", "！"))


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitals = sum(1 for w in significant if w[:1].isupper() or not w[:1].isalpha())
    return bool(significant) and capitals >= 0.75 * len(significant)


def render_blocks(blocks: list[Block]) -> str:
    """Markdown for the blocks: ``##`` headings, paragraphs, tight (nested) lists. Headings
    written in Markdown move together so that the top one is ``##`` (the page's title is its
    one ``#``), as an imported Markdown post's do; a deeper one stops at ``######``."""
    top = min((block.level for block in blocks if block.level), default=2)
    chunks: list[str] = []
    run: list[Block] = []
    for block in blocks:
        if block.item:
            run.append(block)
            continue
        if run:
            chunks.append(_render_list(run))
            run = []
        if block.table is not None:
            chunks.append(markdown_table(block.table))
            continue
        text = escape_block_start(escape_markdown(block.text, autolink=True))
        level = min(block.level - top + 2, 6) if block.level else 2
        chunks.append(f"{'#' * level} {text}" if block.heading else text)
    if run:
        chunks.append(_render_list(run))
    return "\n\n".join(chunks) + "\n" if chunks else ""


def _render_list(items: list[Block]) -> str:
    """One list; an item indented deeper than the one before is nested under it."""
    lines: list[str] = []
    levels: list[tuple[int, int]] = []  # (indent in the text, marker width) of the open items
    for item in items:
        while levels and levels[-1][0] >= item.indent:
            levels.pop()
        marker = f"{item.number}. " if item.number is not None else "- "
        lines.append(
            " " * sum(width for _, width in levels) + indent_item(marker, _item_text(item.text))
        )
        levels.append((item.indent, len(marker)))
    return "\n".join(lines)


def _item_text(text: str) -> str:
    """An item's text; a short lead-in before a colon (``Rapid results: …``) in bold."""
    match = _LEAD_IN.fullmatch(text)
    if match and len(match.group(1).split()) <= 6:
        lead, rest = (escape_markdown(part, autolink=True) for part in match.groups())
        return f"**{lead}:** {rest}"
    return escape_block_start(escape_markdown(text, autolink=True))
