"""Slugs: the URL-safe names of articles and tags (lowercase a-z, 0-9 and '-')."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import PurePath
from urllib.parse import unquote, urlsplit

from slugify import slugify as _transliterate
from text_unidecode import unidecode

SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SLUG_MAX = 100
"""Longest slug: it names a folder and a URL segment, and file systems stop at 255 bytes."""
SUGGESTED_SLUG_LENGTH = 60
"""Slugs made from a title for a new file are cut (between words) to about this length."""


@lru_cache(maxsize=4096)
def slugify(text: str, max_length: int | None = None) -> str:
    """Lowercase ASCII words joined by '-', every letter transliterated (python-slugify
    with text-unidecode): 'Café' gives 'cafe', 'Straße' 'strasse', 'Москва' 'moskva'; a
    letter dropped instead would leave 'Łódź' as 'odz' and a Cyrillic title with no slug.

    The backend is named: left to choose, python-slugify prefers Unidecode where it happens
    to be installed, and URLs would depend on the machine. HTML entities are not decoded: a
    title shows ``&amp;`` as written, so its slug does too.
    With ``max_length``, whole words are dropped from the end until it fits.

    Remembered: python-slugify takes some 30 µs a call, and each article's page and header
    slug the same few tags again. A text that is a slug already (a file's name, a tag) is
    its own: python-slugify gives it back as it is (``_transliterated``), so it is not asked.
    """
    fits = max_length is None or len(text) <= max_length
    if fits and is_slug(text):
        return text
    slug = _transliterated(text)
    if max_length is None or len(slug) <= max_length:
        return slug
    cut = slug.rfind("-", 0, max_length + 1)
    return slug[: cut if cut > 0 else max_length].strip("-")


def _transliterated(text: str) -> str:
    """``text`` as python-slugify makes a slug of it, with the backend named (``slugify``)."""
    slug: str = _transliterate(
        text, entities=False, decimal=False, hexadecimal=False, backend="text-unidecode"
    )
    return slug


APOSTROPHES = "'\u2018\u2019\u02bc"
"""The apostrophes ``title_slug`` drops inside a word: ASCII, typographic (’, and ‘ as
typed for it) and the modifier letter ʼ."""
_APOSTROPHE = re.compile(f"[{APOSTROPHES}]")


def title_slug(title: str, max_length: int | None = None) -> str:
    """The slug a new file's name takes from its title: ``slugify``'s, but an apostrophe
    between two letters is dropped rather than made a '-', so "What's Normal?" gives
    'whats-normal', as other blog tools name it, not 'what-s-normal'. Next to a digit it
    stays a separator: 5'10" is five feet ten, which '510' would misread. Only for names
    not yet published: tags, heading anchors and the other addresses keep ``slugify``'s,
    since a change there would move a site's existing pages."""
    return slugify(_APOSTROPHE.sub(_dropped_between_letters, title), max_length)


def _dropped_between_letters(match: re.Match[str]) -> str:
    """Nothing for an apostrophe between two letters (of any script: ``str.isalpha``, so
    not a digit or '_', which ``\\w`` would take), else a space, a separator: python-slugify
    makes an ASCII ' one, but drops a typographic one (5’10” gave '510')."""
    text, at = match.string, match.start()
    inside = 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()
    return "" if inside else " "


def sort_key(text: str) -> str:
    """``text`` for alphabetical order: case and accents folded so 'Éclair' sorts with the
    e's, not after 'z', and Latin letters with no accent to drop spelt out as ``slugify``
    does ('Łódź' with the l's, 'Ærø' with the a's); other scripts (Greek, Cyrillic…) are
    kept, so they sort after the Latin alphabet rather than inside it. ASCII text, which
    folding and decomposing leave as it is but for its case, is lowercased alone."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(_latin_ascii(c) for c in decomposed if not unicodedata.combining(c))


NaturalKey = tuple[tuple[str | tuple[int, str], ...], str]
"""``natural_order``'s key: the folded text cut into text and numbers, then the text."""
_DIGITS = re.compile(r"([0-9]+)")


def natural_order(text: str) -> NaturalKey:
    """The order a reader looks a title, a name or a tag up in, shared by every list sorted
    by one: ``sort_key``'s (case and accents folded) with the numbers in it by value, as a
    reader counts: "2 tips" before "10 tips", "Vitamin B6" before "vitamin B12". The text as
    written comes after, so that texts folding alike ("Zinc", "zinc"; "b02", "b2") keep one
    order: with the caller's own last word (an address, an id), a total order."""
    return by_number(sort_key(text)), text


def by_number(key: str) -> tuple[str | tuple[int, str], ...]:
    """``key`` (folded) cut into text and numbers, each number as its count of digits and
    its digits, leading zeros dropped: that pair orders numbers by value with no limit on
    their size (``int`` refuses more than 4,300 digits). Text and numbers alternate from
    the start (text first, maybe empty), so each place compares text with text, a number
    with a number."""
    parts = _DIGITS.split(key)
    return tuple(
        (len(part.lstrip("0")), part.lstrip("0")) if i % 2 else part for i, part in enumerate(parts)
    )


def _latin_ascii(char: str) -> str:
    """A Latin letter outside ASCII (ł, æ, ø, đ…) as ASCII letters; any other character
    as it is."""
    if char.isascii() or not unicodedata.name(char, "").startswith("LATIN "):
        return char
    return unidecode(char).lower() or char


def is_slug(text: str) -> bool:
    """Whether ``text`` is already a valid slug."""
    return SLUG_RE.fullmatch(text) is not None


def file_slug(path: str) -> str:
    """The slug of a file's name without its suffix: ``slugify`` of ``Path(path).stem``,
    ``path`` ``/``-separated. A ``*.md`` name that is a slug already (``sleep-basics.md``,
    nearly every article's) is its own slug and stem, taken without making a ``Path``: 0.7 µs
    a name where ``slugify(Path(path).stem)`` took 3."""
    name = path.rpartition("/")[2]
    if name.endswith(".md") and is_slug(stem := name[:-3]):
        return stem
    return slugify(PurePath(path).stem)


def url_slug(url: str | None) -> str:
    """The slug a page address ends in: ``…/2024/low-t/`` and ``…/low-t.html`` give ``low-t``;
    a percent-encoded segment is decoded first (``/%C5%81%C3%B3d%C5%BA/`` is ``Łódź``, so
    ``lodz``), as a browser shows it."""
    segments = [unquote(s) for s in urlsplit(url or "").path.split("/") if s]
    if segments and segments[-1].rsplit(".", 1)[0].lower() == "index":
        segments.pop()
    return slugify(re.sub(r"\.(?:html?|php|aspx?)$", "", segments[-1])) if segments else ""


_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)]
)
DEVICE_NAMES_SHOWN = "CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9"
"""The names Windows keeps for devices, in any case and with any ending (``con.md``,
``CON.txt``): no file or folder there may have one, so a repository holding one cannot be
checked out on Windows."""


def is_device_name(name: str) -> bool:
    """Whether the file or folder name ``name`` is one Windows keeps for a device: its part
    before the first dot, trailing spaces dropped, as Windows compares it."""
    return name.partition(".")[0].rstrip(" ").casefold() in _DEVICE_NAMES
