"""Match an imported page's See Also items to the site's articles by title, slug or address.

A pasted ``See Also: A, B`` line is ambiguous, since titles may hold commas
themselves (``Intravenous vs. Intramuscular Ketamine Treatments, How They
Work``). The line is cut at its separators into the known titles that cover
most of it; what is left stays as the author wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from ..core.lookalike import fold
from ..core.model import ImportedLink
from ..core.slugs import slugify, url_slug
from .blogsource import site_host

_PAGE_LINK = re.compile(r"\]\(<(https?://[^<>\s]+)>\)")
"""A link as the HTML importer writes it: ``[text](<https://…>)``."""

NO_MATCH = "matches no article"
"""Why an item has no target when no article has its title, slug or address."""

_SUBTITLE = "how why what when where who which explained part and or vs vs. revisited"
_SUBTITLE_WORDS = frozenset(_SUBTITLE.split())
"""Words a title's part after a comma often starts with (``Ketamine, How It Works``)."""

MAX_PIECES = 8
"""A title spans at most this many comma-separated pieces of a See Also line."""


@dataclass(frozen=True, slots=True)
class Linkable:
    """An article one can link to."""

    slug: str
    title: str
    draft: bool = False
    file: str = ""
    """Its file, relative to ``content/``."""


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Articles by every key a See Also item may match: slug, and title made a slug."""

    by_key: dict[str, Linkable]
    by_folded: dict[str, Linkable]
    """Key: the title made a slug after ``fold``, tried when ``by_key`` has none."""

    @staticmethod
    def of(entries: Iterable[tuple[str, str, bool, str]]) -> Catalogue:
        """From ``(slug, title, draft, file)`` records; a slug wins over an equal title key."""
        listed = [Linkable(*entry) for entry in entries]
        keys = {slugify(e.title): e for e in listed if slugify(e.title)}
        folded = {slugify(fold(e.title)): e for e in listed if slugify(fold(e.title))}
        return Catalogue(keys | {e.slug: e for e in listed}, folded)

    def find(self, text: str) -> Linkable | None:
        """The article ``text`` names, ignoring case, punctuation and accents; failing that,
        with typographic apostrophes made ASCII first (``fold``), as the build's links match
        titles in stages: python-slugify makes a ' a separator but drops a ’ (``Men's`` is
        ``men-s``, ``Men’s`` ``mens``), and ``Don't`` and ``Don’t`` each keep their own."""
        if not text:
            return None
        return self.by_key.get(slugify(text)) or self.by_folded.get(slugify(fold(text)))


@dataclass(frozen=True, slots=True)
class Resolved:
    """A See Also item after matching: a target (a slug or a URL) or the reason there is none."""

    text: str
    """The item as the page wrote it."""
    target: str | None = None
    """Slug of the article, or the web address the page linked to."""
    reason: str = ""
    """Why there is no target."""


def resolve_see_also(
    items: Sequence[ImportedLink], catalogue: Catalogue, own_slug: str
) -> list[Resolved]:
    """Each item matched to an article where possible, in page order, each target once."""
    resolved: list[Resolved] = []
    for item in items:
        if item.href is None:
            for text, entry in split_titles(item.text, catalogue):
                resolved.append(_link(text, entry, own_slug))
            continue
        entry = catalogue.find(item.text) or catalogue.find(url_slug(item.href))
        if entry is None and not item.same_site and urlsplit(item.href).scheme in ("http", "https"):
            resolved.append(Resolved(item.text, item.href))
        else:
            resolved.append(_link(item.text, entry, own_slug))
    seen: set[str] = set()
    unique = []
    for link in resolved:
        if link.target is None or link.target not in seen:
            unique.append(link)
            seen.add(link.target or "")
    return unique


def _link(text: str, entry: Linkable | None, own_slug: str) -> Resolved:
    if entry is None:
        return Resolved(text, reason=NO_MATCH)
    if entry.slug == own_slug:
        return Resolved(text, reason="is the article itself")
    if entry.draft:
        return Resolved(text, reason=f"is a draft ({entry.slug})")
    return Resolved(entry.title, entry.slug)


def split_titles(text: str, catalogue: Catalogue) -> list[tuple[str, Linkable | None]]:
    """``text`` cut at separators into known titles where it can be; unknown runs kept whole."""
    pieces = _pieces(text)
    count = len(pieces)
    # best[i]: (titles found, segments) for pieces[i:], a segment being (start, end, entry)
    best: list[tuple[int, list[tuple[int, int, Linkable | None]]]] = [(0, [])] * (count + 1)
    for i in range(count - 1, -1, -1):
        found, rest = best[i + 1]
        choice = (found, [(i, i + 1, None), *rest])
        for j in range(i + 1, min(count, i + MAX_PIECES) + 1):
            entry = catalogue.find(text[pieces[i][0] : pieces[j - 1][1]])
            if entry is not None and best[j][0] + 1 > choice[0]:
                choice = (best[j][0] + 1, [(i, j, entry), *best[j][1]])
        best[i] = choice
    return _merge_unknown(text, pieces, best[0][1])


def separate_titles(text: str) -> list[str]:
    """``text`` cut at its separators (``,``, ``;``, ``|``, ``•``, ``·``, a spaced dash) into
    the titles it seems to name, where no article tells: a part starting in lower case or
    with a subtitle's word (``…, How They Work``, ``…, Explained``) stays with the one before,
    and a series ending in ``, and …`` or ``, or …`` (``Vitamin D, Calcium, and Bone Health``)
    is one title, back to the first of its parts apart by commas."""
    spans: list[tuple[int, int]] = []
    for start, end in _pieces(text):
        word = text[start:end].split(maxsplit=1)[0]
        if spans and word in ("and", "or") and text[spans[-1][1] : start].strip() == ",":
            while len(spans) > 1 and text[spans[-2][1] : spans[-1][0]].strip() == ",":
                spans[-2:] = [(spans[-2][0], spans[-1][1])]
        if spans and (word[:1].islower() or word.lower().rstrip(":") in _SUBTITLE_WORDS):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [text[start:end] for start, end in spans]


def _pieces(text: str) -> list[tuple[int, int]]:
    """Where the parts of ``text`` between separators start and end, trimmed of spaces."""
    pieces = [(m.start(), m.end()) for m in re.finditer(r"[^,;|•·]+", text) if m.group().strip()]
    return _split_dashes(text, pieces)


def _split_dashes(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces also cut at spaced dashes (``A – B``), trimmed of spaces."""
    cut: list[tuple[int, int]] = []
    for start, end in pieces:
        position = start
        for match in re.finditer(r"\s[–—-]\s", text[start:end]):
            cut.append((position, start + match.start()))
            position = start + match.end()
        cut.append((position, end))
    return [_trim(text, s, e) for s, e in cut if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _merge_unknown(
    text: str, pieces: list[tuple[int, int]], segments: list[tuple[int, int, Linkable | None]]
) -> list[tuple[str, Linkable | None]]:
    """Consecutive unknown pieces joined again, with the separators the author wrote."""
    merged: list[tuple[int, int, Linkable | None]] = []
    for start, end, entry in segments:
        if entry is None and merged and merged[-1][2] is None:
            merged[-1] = (merged[-1][0], end, None)
        else:
            merged.append((start, end, entry))
    return [(text[pieces[s][0] : pieces[e - 1][1]], entry) for s, e, entry in merged]


def link_articles(
    body: str, address: str | None, catalogue: Catalogue, own: str | None = None
) -> str:
    """Links of an imported page into its old site, made links to the articles they name.

    ``address`` is the page's own address; a link to the same host whose last path part
    names a published article becomes ``[text](file.md)``, which the build checks. One
    naming the page itself (``own``, its slug), which the build refuses as a link of an
    article to itself, becomes a link within the page: ``(#id)``, or ``(#)``, its top.
    """
    host = site_host(address)
    if not host:
        return body

    def relink(match: re.Match[str]) -> str:
        url = match.group(1)
        entry = catalogue.find(url_slug(url)) if site_host(url) == host else None
        if entry is None:
            return match.group(0)
        # the host was read: so is the rest; a bracket or space stays out of the Markdown
        fragment = quote(urlsplit(url).fragment, safe="!$&'*+,;=:@/?%-._~")
        if own is not None and entry.slug == own:
            return f"](#{fragment})"
        if entry.draft or not entry.file:
            return match.group(0)
        return f"]({entry.file}{'#' + fragment if fragment else ''})"

    return _PAGE_LINK.sub(relink, body)
