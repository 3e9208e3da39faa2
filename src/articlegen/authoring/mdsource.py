"""What Jekyll and Hugo posts share: a front-matter over Markdown, and template tags in it.

Both write a YAML header between ``---`` lines (Hugo also TOML between ``+++``, or
JSON), with keys that mostly mean what ours mean under other names; both let a post
call the template engine (Liquid's ``{% … %}`` and ``{{ … }}``, Hugo's shortcodes
``{{< … >}}``). This module reads the header, maps the shared keys, counts the others,
and keeps template tags nothing here can convert as visible text, escaped so that
Markdown shows them as written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.characters import decode_source
from ..core.dates import parse_date
from ..core.errors import ArticlegenError, SourceError
from ..core.limits import read_regular_file
from ..core.model import Date
from ..core.yamldoc import load_mapping
from ..markup.embeds import parse_video
from .blogsource import Blog
from .mdcode import outside_code_blocks
from .mdtext import escape_markdown, fenced, note_mark, with_notes

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
"""Post files read as Markdown; ``.html`` posts are converted with the HTML importer."""

_YAML_HEADER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.S | re.M)
_TOML_HEADER = re.compile(r"\A(?:\ufeff)?\+\+\+[ \t]*\n(.*?)^\+\+\+[ \t]*$\n?", re.S | re.M)
_FENCE = re.compile(
    r"^([ \t]{0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?[ \t]{0,3}\2[`~]*[ \t]*$|\Z)", re.S | re.M
)
_MORE = re.compile(r"^[ \t]*<!--\s*more\s*-->[ \t]*\n?", re.M)
_CODE_SPAN = re.compile(r"(`+)(?!`)(?:[^\n]|\n(?![ \t]*\n))+?(?<!`)\1(?!`)")
"""A code span: a run of backticks closed by a run as long within its paragraph (over lines,
but no blank one), as CommonMark reads it: a run nothing closes there is text, and a link or
image after it is found, not held as code up to a backtick paragraphs further on."""
HELD = "\x00"
"""Marks where ``code_spans_held`` holds a code span: no text holds it."""
_HELD_MARK = re.compile("\x00(\\d+)\x00")

TITLE_KEYS = ("title",)
DESCRIPTION_KEYS = ("description", "summary", "excerpt", "subtitle")
TAG_KEYS = ("categories", "category", "tags", "tag", "keywords")
AUTHOR_KEYS = ("author", "authors")
UPDATED_KEYS = ("lastmod", "last_modified_at", "updated", "modified")
SHARED_KEYS = frozenset(
    TITLE_KEYS + DESCRIPTION_KEYS + TAG_KEYS + AUTHOR_KEYS + UPDATED_KEYS + ("date", "comments")
)
"""Keys both readers map to ours; each reader adds its own (``slug``, ``permalink``…)."""


@dataclass(frozen=True, slots=True)
class MarkdownSource:
    """A post file split into its header's values and its body."""

    fields: dict[str, Any]
    body: str
    notes: tuple[str, ...] = ()
    """What reading the header let pass that the author should know (a key written twice)."""


@dataclass(frozen=True, slots=True)
class Shared:
    """The values of the keys Jekyll and Hugo share, in our terms."""

    title: str | None
    date: Date | None
    updated: Date | None
    description: str | None
    tags: tuple[str, ...]
    author: str | None
    comments: bool
    notes: tuple[str, ...]


def read_markdown_source(path: Path, display: str, *, last_wins: bool = False) -> MarkdownSource:
    """A post file's header (YAML, TOML or JSON) and body; a header that cannot be read is
    an error naming the file and line. With ``last_wins`` (Jekyll's, read by Ruby's YAML),
    a YAML key written twice keeps its last value, with a note naming file, line and key,
    and a merge key (``<<: *defaults``) adds its mapping's keys; without it, each is an error
    (Hugo's Go YAML refuses a key written twice; a merge key is left to be written out)."""
    text = decode_source(read_regular_file(path, display, SourceError), display, SourceError)
    text = text.replace("\r\n", "\n")
    if match := _YAML_HEADER.match(text):
        repeated: list[ArticlegenError] | None = [] if last_wins else None
        header = match.group(1)
        entries, problems = load_mapping(
            header, display, SourceError, first_line=2, duplicates=repeated, merges=last_wins
        )
        if problems:
            raise problems[0]
        notes = tuple(dict.fromkeys(_last_wins_note(problem) for problem in repeated or ()))
        fields = {k: e.value for k, e in entries.items()}
        return MarkdownSource(fields, text[match.end() :], notes)
    if match := _TOML_HEADER.match(text):
        try:
            fields = tomllib.loads(match.group(1))
        except tomllib.TOMLDecodeError as exc:
            raise SourceError(
                f"the TOML front-matter cannot be read: {exc}",
                display,
                hint="fix the header between the '+++' lines",
            ) from exc
        return MarkdownSource(fields, text[match.end() :])
    if text.lstrip().startswith("{"):
        decoder = json.JSONDecoder()
        start = len(text) - len(text.lstrip())
        try:
            fields, end = decoder.raw_decode(text, start)
        except ValueError as exc:
            raise SourceError(
                f"the JSON front-matter cannot be read: {exc}",
                display,
                hint="fix the header's JSON object",
            ) from exc
        if isinstance(fields, dict):
            return MarkdownSource(fields, text[end:].lstrip("\n"))
    return MarkdownSource({}, text)


def _last_wins_note(repeated: ArticlegenError) -> str:
    """The note for a header key written twice, which Jekyll reads as its last value."""
    return (
        f"{repeated.location()}: {repeated.message}: the last value is kept, as "
        "Jekyll keeps it; check that it is the one meant"
    )


JEKYLL_WORD_KEYS = frozenset(("categories", "tags"))
"""The keys whose text Jekyll splits at spaces (``tags: heart salt`` is two tags); its
singular ``category`` and ``tag`` are one each, and Hugo keeps a text whole as one term."""


def shared_fields(fields: dict[str, Any], words: frozenset[str] = frozenset()) -> Shared:
    """The shared keys of a header in our terms; what cannot be used is a note. ``words``:
    the tag keys whose text is a list of words (``JEKYLL_WORD_KEYS``)."""
    notes: list[str] = []
    title = _first_text(fields, TITLE_KEYS)
    date = date_value(fields.get("date"), "date", notes)
    updated = None
    for key in UPDATED_KEYS:
        if key in fields:
            updated = date_value(fields[key], key, notes)
            break
    authors = [a for key in AUTHOR_KEYS for a in text_list(fields.get(key))]
    if len(authors) > 1:
        notes.append(f"it names {len(authors)} authors; only the first, {authors[0]}, is kept")
    tags: dict[str, str] = {}
    for key in TAG_KEYS:
        for tag in _tag_list(fields.get(key), words=key in words):
            tags.setdefault(tag.casefold(), tag)
    comments = fields.get("comments")
    return Shared(
        title=title,
        date=date,
        updated=updated if updated and date and _later(updated, date) else None,
        description=_first_text(fields, DESCRIPTION_KEYS),
        tags=tuple(tags.values()),
        author=authors[0] if authors else None,
        comments=comments is True,
        notes=tuple(notes),
    )


def lowercase_keys(fields: dict[str, Any]) -> dict[str, Any]:
    """A Hugo header's keys in lower case, as Hugo reads them: ``Title:`` and ``Date:``
    (common in sites moved from Pelican) are its ``title`` and ``date``, where they were read
    as unknown keys, leaving the post untitled and dated the day of the import. A key
    written in lower case wins over another spelling of it."""
    lowered: dict[str, Any] = {}
    for key, value in fields.items():
        name = key.lower() if isinstance(key, str) else key
        if name not in lowered or key == name:
            lowered[name] = value
    return lowered


def count_unknown(fields: dict[str, Any], known: Iterable[str], counter: Counter[str]) -> None:
    """Count each header key that no mapping reads, for one note per key."""
    known_set = set(known)
    counter.update(key for key in fields if key not in known_set)


def unknown_notes(counter: Counter[str], blog: Blog) -> None:
    """One note per unknown key, with how many posts use it."""
    for key, count in sorted(counter.items()):
        posts = "post" if count == 1 else "posts"
        blog.notes.append(
            f"front-matter key '{key}' ({count} {posts}) has no equivalent here and was left out"
        )


def date_value(value: Any, key: str, notes: list[str]) -> Date | None:
    """A header's date (text in any form ``dates`` reads, or TOML's own date types)."""
    if isinstance(value, dt.datetime | dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return parse_date(value)
        except ValueError as exc:
            notes.append(f"'{key}' {exc}; it was left out")
    return None


def text_list(value: Any, *, words: bool = False) -> list[str]:
    """A header value as a list of texts: a list's texts, or one text (Jekyll splits a
    ``categories: a b`` text at spaces, hence ``words``)."""
    if isinstance(value, str):
        return value.split() if words else ([value.strip()] if value.strip() else [])
    if isinstance(value, list):
        return [str(item).strip() for item in value if str(item).strip()]
    return []


def tagged(fields: dict[str, Any], keys: tuple[str, ...] = ("tags", "categories")) -> bool:
    """Whether a header names tags or categories, which make a page read like a post (a
    Hugo page, a Jekyll collection's document)."""
    return any(text_list(fields.get(key)) for key in keys)


def _tag_list(value: Any, *, words: bool) -> list[str]:
    """A header's tags: ``text_list``'s, each split at its commas. A comma lists several
    (``keywords: "Rust, Sleep"``, as HTML's meta keywords are written, or ``tags: "a, b"``):
    kept whole, it made one tag the build warns about, an error for the publish workflow's
    ``--strict``."""
    listed = text_list(value, words=words)
    return [part.strip() for tag in listed for part in tag.split(",") if part.strip()]


def _first_text(fields: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _later(updated: Date, date: Date) -> bool:
    """Whether ``updated`` is after ``date`` (as days, when either is only a day)."""
    if (
        isinstance(updated, dt.datetime)
        and isinstance(date, dt.datetime)
        and (updated.tzinfo is None) == (date.tzinfo is None)
    ):
        return updated > date
    day = updated.date() if isinstance(updated, dt.datetime) else updated
    return day > (date.date() if isinstance(date, dt.datetime) else date)


def outside_code(body: str, change: Callable[[str], str]) -> str:
    """``body`` with ``change`` applied to its text outside code blocks (fenced or indented)
    and code spans, where template tags are shown as written anyway."""
    return outside_code_blocks(
        body, lambda run: between(_FENCE, run, lambda part: between(_CODE_SPAN, part, change))
    )


def code_spans_held(body: str, change: Callable[[str], str]) -> str:
    """``outside_code``, but ``change`` sees the text between code blocks whole, each code
    span in it held as a mark (``HELD``, a number, ``HELD``) and put back after: a link whose
    text holds a code span (``[the `sleep` post](/sleep/)``) is one piece to it, where
    ``outside_code`` would cut it in two at the span."""
    return outside_code_blocks(
        body, lambda run: between(_FENCE, run, lambda part: spans_held(part, change))
    )


def spans_held(text: str, change: Callable[[str], str]) -> str:
    """``change`` applied to ``text`` (a line, or text outside code blocks) with its code
    spans held as ``code_spans_held`` holds them."""
    held, put_back = _held(text)
    return put_back(change(held))


def _held(text: str) -> tuple[str, Callable[[str], str]]:
    """``text`` with each code span held as a mark, and what puts them back into a text made
    from it (a text holding a mark already is left as it is)."""
    spans: list[str] = []

    def hold(match: re.Match[str]) -> str:
        spans.append(match.group(0))
        return f"{HELD}{len(spans) - 1}{HELD}"

    held = _CODE_SPAN.sub(hold, text) if HELD not in text else text
    if not spans:
        return held, lambda changed: changed
    return held, lambda changed: _HELD_MARK.sub(lambda m: spans[int(m.group(1))], changed)


def between(pattern: re.Pattern[str], text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to each stretch between ``pattern``'s matches, the
    matches kept as written (fenced blocks, code spans)."""
    out: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        out += [change(text[position : match.start()]), match.group(0)]
        position = match.end()
    out.append(change(text[position:]))
    return "".join(out)


def tidy(body: str) -> str:
    """A converted body without the summary divider (``<!--more-->``), blank lines at its
    ends or runs of them between blocks (code keeps its own)."""

    def change(part: str) -> str:
        return re.sub(r"\n{3,}", "\n\n", _MORE.sub("", part))

    return outside_code(body, change).strip("\n") + "\n"


_FOOTNOTE_DEFINITION = re.compile(
    r"^\[\^([^\]\s]+)\]:[ \t]*(.*(?:\n(?:[ \t]+\S.*|[ \t]*$))*)", re.M
)
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
"""A footnote's mark, once its definitions (which start a line) are taken out: one followed
by ``:`` within a line (``this issue[^a]:``) is a mark too."""


def _as_text(mark: re.Match[str]) -> str:
    """``[^1]`` escaped so that it is text, not a citation."""
    return f"\\[^{escape_markdown(mark.group(1))}\\]"


def footnotes_as_notes(body: str) -> tuple[str, bool]:
    """Markdown footnotes (``[^1]`` and ``[^1]: text``) as links to a ``## Notes`` list at the
    end: here ``[^id]`` cites an entry of ``references:``, which a footnote is not. A mark
    whose footnote the post lacks, which Hugo and Jekyll showed as text, is escaped to stay
    text (as a citation it failed the first build). Returns the body and whether it had
    any footnotes."""
    notes: list[tuple[str, str]] = []

    def definitions(part: str) -> str:
        held, put_back = _held(part)  # a definition may hold code spans: its text is whole

        def definition(match: re.Match[str]) -> str:
            notes.append((match.group(1), put_back(" ".join(match.group(2).split()))))
            return ""

        return put_back(_FOOTNOTE_DEFINITION.sub(definition, held))

    # A definition's next paragraphs are indented four spaces (kramdown, Goldmark), which
    # the site's parser reads as a code block: only fences and spans hold no definition.
    taken = between(_FENCE, body, definitions)
    changed = outside_code(taken, lambda part: _FOOTNOTE.sub(lambda m: note_mark(m.group(1)), part))
    if not notes:  # marks without footnotes: text on the old site, as they stay here
        return outside_code(body, lambda part: _FOOTNOTE.sub(_as_text, part)), False
    return with_notes(changed, notes), True


_LISTING_WORDS = frozenset(("archive", "archives", "search", "tag", "tags", "category",
                            "categories", "taxonomy", "terms", "term", "home", "posts", "blog",
                            "list", "paginate", "pagination"))  # fmt: skip
"""Words of the layouts themes give their listing pages (Minimal Mistakes' ``archive`` and
``archive-taxonomy``, Chirpy's ``archives``, PaperMod's ``search``…)."""


def theme_listing(fields: dict[str, Any], body: str) -> str | None:
    """Why one of a site's own pages is its theme's and is left out, if it is: its layout
    lists posts, tags or search results (the theme here has its own), or it has no text
    (all it showed came from its layout)."""
    layout = str(fields.get("layout") or "").casefold()
    if _LISTING_WORDS.intersection(re.split(r"[-_./ ]+", layout)):
        return "listing, archive or search page (the theme's here)"
    if not body.strip():
        return "page without text (its layout made it)"
    return None


def kept_as_text(tag: str) -> str:
    """A template tag as Markdown that shows it exactly as written."""
    return escape_markdown(tag)


def code_block(code: str, language: str) -> str:
    """A highlight tag's code as a fenced block, on lines of its own."""
    return "\n\n" + fenced(code.strip("\n"), language) + "\n\n"


def video_block(url: str) -> str | None:
    """A video shortcode as the site's own video block; None when the site's player could
    not take the address (no video id in it)."""
    try:
        parse_video(url, "Video")
    except ValueError:
        return None
    return f'\n\n::: video {url} "Video"\n:::\n\n'


def kept_note(kind: str, name: str, posts: list[str]) -> str:
    """The one note for a kind of template tag, naming the posts that hold it."""
    shown = ", ".join(posts[:3]) + (f" and {len(posts) - 3} more" if len(posts) > 3 else "")
    return (
        f"{kind} {name} kept as text in {len(posts)} post{'s' if len(posts) != 1 else ''} "
        f"({shown}): replace it with Markdown"
    )
