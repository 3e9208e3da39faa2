"""The site's URL scheme: where each kind of page lives, relative to the site's root.

Pages, feeds, JSON-LD and the editorial policy all name pages by these functions, so a
URL is decided in one place and below every room that links to a page.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from .layout import OUTPUT_FILES, OUTPUT_MARKER
from .model import ResolvedLink

RESERVED_SLUGS = frozenset(
    {"page", "tags", "see-also", "archive", "authors", "search", "assets", "pagefind"}
)
"""First path segments the generator uses for its own pages."""


_PATH_SAFE = "/%:@!$&'()*+,;=~"
"""What a URL's path keeps as written when it is percent-encoded: its delimiters, and the
``%`` of an escape already made (``quote`` keeps letters, digits and ``_.-~``)."""


def encoded_url(url: str) -> str:
    """``url`` with every character of its path a URL may not hold as it is (a letter
    outside ASCII: ``/blög/`` → ``/bl%C3%B6g/``) percent-encoded as UTF-8, escapes already
    made kept. Every address the site prints starts with its base URL, and a sitemap's
    ``<loc>`` and ``robots.txt``'s ``Sitemap:`` must be such URLs (sitemaps.org)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=quote(parts.path, safe=_PATH_SAFE)))


def article_url(slug: str) -> str:
    """Site-relative URL of an article."""
    return f"{slug}/"


def person_url(person_id: str) -> str:
    """Site-relative URL of an author's or reviewer's page."""
    return f"authors/{person_id}/"


def tag_url(tag_slug: str, page: int = 1) -> str:
    """Site-relative URL of a tag's page ``page``."""
    return f"tags/{tag_slug}/" + (f"page/{page}/" if page > 1 else "")


def tag_feed_url(tag_slug: str) -> str:
    """Site-relative URL of a tag's Atom feed."""
    return f"tags/{tag_slug}/feed.xml"


def home_url(page: int = 1) -> str:
    """Site-relative URL of home page ``page``."""
    return f"page/{page}/" if page > 1 else ""


SEARCH_URL = "search/"
"""Site-relative URL of the search page (planned only when the search index will exist)."""


def link_url(link: ResolvedLink) -> str:
    """Site-relative (internal) or absolute (external) URL of a resolved link."""
    if link.url is not None:
        return link.url
    assert link.slug is not None
    return article_url(link.slug) + (f"#{link.fragment}" if link.fragment else "")


ROOT_FILES = frozenset(
    {"index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "_redirects"}
)
"""Files the generator writes at the site's root."""


def kept_name_problem(out_path: str) -> str | None:
    """Why a redirect page at ``out_path`` (an alias's, as ``page_file`` gives it) would
    break the output folder, if it would: at ``.articlegen-output`` or ``.articlegen-files``
    it is where the build writes its mark or its record of the files it wrote (the build
    failed writing the site, saying to check the disk space), and a ``.git`` folder in the
    output makes every later build and ``clean`` refuse the folder as a git repository.
    Compared ignoring case, as a disk that ignores case would."""
    parts = out_path.casefold().split("/")
    if parts[0] in (OUTPUT_MARKER, OUTPUT_FILES):
        return f"is where every build writes {OUTPUT_MARKER} and {OUTPUT_FILES}"
    if ".git" in parts:
        return (
            "would put a folder named .git in the output, which every later build and "
            "'articlegen clean' would take for a git repository and refuse"
        )
    return None


_PAGE_SUFFIXES = (".html", ".htm")
_UNUSABLE = re.compile("[\x00-\x1f\x7f]")
_LONGEST_NAME = 255
"""Bytes in one file name on common file systems (ext4, APFS, NTFS in UTF-16 units)."""
_LONGEST_PATH = 1024
"""Bytes in a whole alias path: far beyond any permalink, and with the output folder's own
path under the 4,096 bytes Linux and macOS take in one path (a longer one failed the write)."""


class AliasError(ValueError):
    """An alias no static file can serve; ``fix`` is the form to write instead, if any."""

    def __init__(self, problem: str, fix: str | None = None) -> None:
        super().__init__(problem)
        self.fix = fix


def alias_url(written: str) -> str:
    """The site-relative URL of an old path an article keeps answering at (``aliases:``):
    ``/2019/05/old-post/`` → ``2019/05/old-post/``, ``/old.html`` as it is, a path with
    no file suffix as a folder (``/old-post`` → ``old-post/``). ``AliasError`` for what a
    static host cannot serve from a file: an address with a scheme or host, a query, a
    fragment, ``..`` or ``.`` segments, or a file that is not a page (``.php``)."""
    text = written.strip()
    parts = urlsplit(text)
    if parts.scheme or parts.netloc or text.startswith("//"):
        raise AliasError("is an address, not a path on this site", _fixed(parts.path))
    if parts.query:
        raise AliasError(
            "has a query (?…), which static files cannot answer to: a host serves the same "
            "file whatever the query; give the post's permalink path instead"
        )
    if parts.fragment:
        raise AliasError("has a #fragment, which never reaches the server", _fixed(parts.path))
    segments = [s for s in parts.path.split("/") if s]
    if any(unquote(s) in (".", "..") for s in segments):
        raise AliasError("has '.' or '..' segments", _fixed(posixpath.normpath(parts.path)))
    if not segments:
        raise AliasError("is the site's home page, which cannot be redirected")
    decoded = [unquote(s) for s in segments]
    if any(_UNUSABLE.search(s) or "/" in s for s in decoded):
        raise AliasError(
            "holds a control character or an encoded '/' (%2F), which no file name can hold"
        )
    if any(len(s.encode("utf-8", "surrogatepass")) > _LONGEST_NAME for s in decoded):
        raise AliasError(f"has a part longer than {_LONGEST_NAME} bytes, too long for a file name")
    if len("/".join(decoded).encode("utf-8", "surrogatepass")) > _LONGEST_PATH:
        raise AliasError(f"is longer than {_LONGEST_PATH:,} bytes, too long for a path of files")
    last = segments[-1]
    is_file = "." in last and not parts.path.endswith("/")
    if is_file and not last.lower().endswith(_PAGE_SUFFIXES):
        raise AliasError(
            f"ends in '{last}', a file that a static host would not serve as a page: write it "
            "as a folder with a trailing '/', or redirect it on the host instead"
        )
    path = "/".join(decoded)
    return path if is_file else path + "/"


def _fixed(path: str) -> str | None:
    """The clean form of ``path`` to suggest, if one is left."""
    segments = [s for s in path.split("/") if s and s not in (".", "..")]
    if not segments:
        return None
    folder = path.endswith("/") or "." not in segments[-1]
    return "/" + "/".join(segments) + ("/" if folder else "")


def page_file(url: str) -> str:
    """The file the page at ``url`` (site-relative: an ``alias_url``, an ``article_url``,
    the home page's ``""``) is written to: a folder's ``index.html``, or the file named (an
    alias's ``old.html`` or ``old.htm``, ``404.html``)."""
    return url + "index.html" if not url or url.endswith("/") else url
