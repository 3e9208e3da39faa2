"""Web addresses written by authors (sources, people's pages, links): which text is one, and
what makes one unusable."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from .errors import MarkupError
from .model import LinkRef

NOT_IN_URLS = frozenset('"<>\\^`{|}')
"""ASCII characters RFC 3986 leaves out of URLs: in an HTML attribute a quote or ``<`` would
end it (every URL is escaped anyway), and a page holding one fails the Nu Html Checker."""
_SPACE = re.compile(r"\s")
r"""Any white space: Python's ``\s`` in a text pattern is what ``str.isspace`` is true for."""


_PLAIN_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,4})?(?:[/?#][!#-;=?-\[\]_a-z~]*)?")
"""An address that ``address_problem`` passes, as most are written: a lower-case scheme,
a host of letters, digits, dots and hyphens, then printable ASCII but for ``NOT_IN_URLS``.
One match tells so five times as fast as splitting the address (``urlsplit``)."""


def address_problem(url: str) -> tuple[str, str] | None:
    """What is wrong with ``url`` as a link to a public page (to follow the name of the
    field in a message) and how to fix it; None if nothing. It must be an absolute http(s)
    address with a host and no whitespace, which browsers would cut or guess at."""
    return None if _PLAIN_ADDRESS.fullmatch(url) else _unplain_address_problem(url)


def _unplain_address_problem(url: str) -> tuple[str, str] | None:
    """``address_problem`` of an address ``_PLAIN_ADDRESS`` does not match."""
    if not is_web_address(url) and (whole := full_address(url)):  # doi:10.1000/x, PMID: 1
        return (f"must be an http(s) address, found '{url}'", f"write it whole: {whole}")
    if _SPACE.search(url):
        return (
            f"contains a space: '{url}'",
            "copy the address again from the browser's address bar (a space inside one is "
            "written %20)",
        )
    if unsplittable := split_problem(url):
        return (
            f"is no web address ({unsplittable}): '{url}'",
            "copy the full address again, starting with https://",
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        retyped = scheme_retyped(url)
        return (
            f"must be an http(s) address, found '{url}'",
            f"its start is mistyped: write {retyped}"
            if retyped
            else "copy the full address, starting with https://",
        )
    if bad := sorted(set(url) & NOT_IN_URLS):
        return (
            f"holds {' '.join(repr(c) for c in bad)}, which no web address can hold: '{url}'",
            "copy the address again from the browser's address bar, which writes such a "
            "character as % and its code (a quote is %22)",
        )
    return None


_MISTYPED_SCHEME = re.compile(
    r"h{0,2}t{1,3}p{1,2}(s?)(?:\s*[:;]\s*(?:/{0,3}|\\{1,3})|/{1,3}|\\{1,3})([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[:/?#]\S*)?)",
    re.IGNORECASE,
)
"""An address whose ``https://`` is mistyped: a letter left out or doubled (``htps://``,
``hhttps://``), its colon or a slash lost (``https//``, ``http:/``), a semicolon for the
colon, backslashes for the slashes (after the colon or without it: ``https:\\\\``,
``https\\\\``); then a dotted host."""


def scheme_retyped(url: str) -> str | None:
    """``url`` with a mistyped ``https://`` (or ``http://``) written right, or None when it
    is not so mistyped (or not mistyped at all)."""
    if (typed := _MISTYPED_SCHEME.fullmatch(url.strip())) is None:
        return None
    retyped = f"http{typed[1].lower()}://{typed[2]}"
    return None if retyped == url else retyped


def split_problem(url: str) -> str | None:
    """Why ``url`` cannot be taken apart, in urllib's words: a host in brackets that is no
    IPv6 address (``https://[::1``), a port that is no number from 0 to 65535
    (``https://example.org:99999/``, which every browser refuses and ``check --links`` could
    not ask), or a port or user with no host before it (``https://:8080/``); None if it
    can. An address with nothing after ``//`` is left to the callers' own messages."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading the port is what checks it
    except ValueError as exc:
        return str(exc)
    if parts.netloc and not parts.hostname:
        return "there is no host name after '//'"
    return None


def unsplittable_links(links: Iterable[LinkRef], path: str | None) -> list[MarkupError]:
    """An error for each web link of a body (``[text](https://…)``, ``<https://…>``) that
    ``split_problem`` refuses: a port no browser opens (``https://e.org:99999/``) was
    published as written, and ``check --links`` called it a passing failure."""
    return [
        MarkupError(
            f"link '{link.target}' is no web address ({problem})",
            path,
            link.line,
            "copy the full address again from the browser's address bar",
        )
        for link in links
        if (problem := split_problem(link.target))
    ]


_DOI = re.compile(r"(?:doi:?\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)", re.IGNORECASE)
"""A DOI as citations write it (``doi:10.1000/xyz``, ``DOI: 10.1000/xyz``, ``10.1000/xyz``)."""
_PMID = re.compile(r"pmid:?\s*(\d{1,9})", re.IGNORECASE)
"""A PubMed id as citations write it (``PMID: 12345678``)."""


def full_address(written: str) -> str | None:
    """The web address that a source written another way stands for: a DOI at its resolver
    (``https://doi.org/10.1000/xyz``), a PubMed id at PubMed, an address without its scheme
    with ``https://``; None for anything else."""
    text = written.strip()
    if doi := _DOI.fullmatch(text):
        return f"https://doi.org/{doi.group(1)}"
    if pmid := _PMID.fullmatch(text):
        return f"https://pubmed.ncbi.nlm.nih.gov/{pmid.group(1)}/"
    return f"https://{text}" if lacks_scheme(text) else None


_BARE_ADDRESS = re.compile(r"(?:www\.[^\s/.]+\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)+/\S*)", re.IGNORECASE)
"""A web address written without its scheme, as a browser's address bar shows it:
``www.nih.gov``, or a dotted host and a path (``nimh.nih.gov/health``)."""


def lacks_scheme(text: str) -> bool:
    """Whether ``text`` is a web address without ``https://`` (then a link reads it as the
    title or slug of an article, and finds none)."""
    return _BARE_ADDRESS.fullmatch(text.strip()) is not None


def labelled_address(text: str) -> tuple[str, str] | None:
    """``(address, title)`` of a See Also item written ``https://…|Title``, as a wiki link
    gives its text after a ``|``: a card can show a web page by no title of its own, only
    by its host, which tells a reader little. None when the text before the first ``|`` is
    no web address (an address holds a ``|`` only percent-encoded), and when a one-word
    text follows an address's query or fragment: ``…/search?q=sleep|apnea`` is an address
    pasted with its ``|`` as written, whose error says to encode it, not a card titled
    ``apnea`` leading to a search for ``sleep``."""
    address, bar, title = text.partition("|")
    if not bar or not is_web_address(address := address.strip()):
        return None
    words = title.split()
    if "|" in title or (len(words) < 2 and ("?" in address or "#" in address)):
        return None  # a '|' of the address's own (?q=a|b|c d): its error says to encode it
    return address, " ".join(words)


def is_web_address(text: str) -> bool:
    """Whether ``text`` is an ``http://`` or ``https://`` address (in any case) with a host:
    a page on the web. No other scheme is (``mailto:``, ``ftp:``, ``javascript:``)."""
    if ":" not in text:  # no scheme: most links name an article, and are told so quickly
        return False
    try:
        parts = urlsplit(text)  # lowercases the scheme
    except ValueError:  # an unclosed IPv6 bracket: "https://[::1"
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)
