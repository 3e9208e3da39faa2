"""What a reader of a whole old blog (WordPress, Jekyll, Hugo) hands to the importer.

Each format has its own reader module; they all return a ``Blog``: the posts as
``ImportedArticle`` records whose bodies are Markdown and whose ``aliases`` are
the paths the old site served them at, plus what was skipped and where the old
site's files are, so that links and images can be resolved the same way for all.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from unicodedata import normalize
from urllib.parse import unquote, urlsplit

from ..core.model import ImportedArticle

FORMATS = ("wordpress", "jekyll", "hugo", "text", "html")
"""What ``--from`` accepts: the three blog formats, and single pasted or saved articles."""


@dataclass(frozen=True, slots=True)
class Post:
    """One post of an old blog, read and converted."""

    origin: str
    """How messages name it: its file, or the export and the post's title."""
    article: ImportedArticle
    """The post; ``aliases[0]``, when there is one, is its address on the old site."""
    file: Path | None = None
    """Its own file, against which relative links to other posts' files are resolved."""


@dataclass(slots=True)
class Blog:
    """Everything a reader found in one source."""

    kind: str
    """One of ``FORMATS``."""
    source: Path
    """The file or folder given to ``import``."""
    site_url: str | None = None
    """The old site's address (``https://old.example/blog/``): links to it are internal."""
    posts: list[Post] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    """Items left out, by reason (``draft``, ``attachment``…)."""
    notes: list[str] = field(default_factory=list)
    """Warnings about the whole source (unknown keys, template tags kept as text)."""
    static_roots: list[Path] = field(default_factory=list)
    """Folders that were the old site's root, where a root-relative image may be found."""
    base_path: str = "/"
    """The path the old site was served under (Jekyll's ``baseurl``: ``/blog/``), which a
    root-relative address of one of its files starts with and its folders do not."""
    files: dict[str, Path] = field(default_factory=dict)
    """Old site path → file, for files served beside a post (Hugo page bundles)."""
    served_as_is: Callable[[Path], bool] | None = None
    """Whether a file under ``static_roots`` is one the old site served as it is, so that a
    link to it copies it into ``static/`` (None: every file is). A Jekyll site renders its
    files with front matter (a ``404.html``, a feed's ``atom.xml``): their sources are none."""


def site_path(url: str) -> str | None:
    """The path part of an old address (``/2019/05/post/``); None when the address is a query
    (``/?p=123``) or names no path, which static files cannot serve."""
    parts = urlsplit(url)
    if parts.query or not parts.path.startswith("/"):
        return None
    return clean_path(parts.path)


def clean_path(path: str) -> str:
    """``path`` percent-decoded, with ``//``, ``.`` and ``..`` resolved, a trailing ``/`` kept."""
    decoded = unquote(path)
    normal = posixpath.normpath("/" + decoded.lstrip("/"))
    normal = "/" + normal.lstrip("/")
    if decoded.endswith("/") and normal != "/":
        normal += "/"
    return normal


def path_under(url: str, site_url: str | None) -> str | None:
    """The old site path a link points to: ``url`` relative to nothing (``/x/``), or an
    absolute address on the old site's host (and under its base path); else None."""
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    if parts.netloc:
        if site_url is None or site_host(url) != site_host(site_url):
            return None
        base = urlsplit(site_url).path.rstrip("/")
        path = parts.path or "/"
        if base and not (path == base or path.startswith(base + "/")):
            return None
        return clean_path(path)
    if not parts.path.startswith("/"):
        return None
    return clean_path(parts.path)


_BARE_HOST = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}\.?(?::\d+)?(?:/\S*)?")
"""A host with a dot and a top-level name of letters (``www.example.co.uk``, ``bücher.de/blog``),
written without a scheme: no path (``/blog``) nor ``localhost:4000``."""


def site_address(url: object) -> tuple[str | None, bool]:
    """The old site's address a configuration's ``url`` gives, and whether ``https://`` was
    put in front of it: a bare host (``url: www.example.co.uk``) names the site as a browser
    reads it typed in, so links to pages not imported still lead there."""
    if not isinstance(url, str):
        return None, False
    if url.startswith(("http://", "https://")):
        return url, False
    if _BARE_HOST.fullmatch(url.strip()):
        return "https://" + url.strip(), True
    return None, False


def serve_loose_files(blog: Blog, content: Path, loose: list[Path]) -> None:
    """Files of a Hugo ``content/`` folder outside any page bundle (``posts/images/a.png``),
    which Hugo publishes under the path they have there, as resources of their section: a
    post showing ``/posts/images/a.png`` finds it, as on the old site. A page bundle's own
    files are already in ``blog.files``, beside their page's address."""
    bundled = set(blog.files.values())
    for file in loose:
        if file not in bundled:
            blog.files.setdefault(clean_path(file.relative_to(content).as_posix()), file)


def site_host(url: str | None) -> str:
    """The host ``url`` names, as the one site it is: without ``www.`` or a final dot, and
    in its ASCII form where it is written beyond ASCII (``🚀-science.com`` and
    ``xn---science-7f85g.com`` are one host; WordPress writes either in one export), so that
    a link into the old site is known by any of its spellings. The ASCII form is the one
    browsers resolve (UTS 46 without its transitional mappings): compatibility forms folded
    (fullwidth letters, the ideographic full stop), each label beyond ASCII in punycode, and
    ``ß`` and ``ς`` kept, as Python's IDNA 2003 codec does not (it makes ``faß.de``, another
    domain, ``fass.de``)."""
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:  # an address Python cannot read ("http://[x/"): no host of a site
        return ""
    if not host.isascii():
        host = normalize("NFKC", host).lower().replace("\u3002", ".")
        host = ".".join(_ascii_label(label) for label in host.split("."))
    return host.rstrip(".").removeprefix("www.")


def _ascii_label(label: str) -> str:
    return label if label.isascii() else f"xn--{label.encode('punycode').decode('ascii')}"


def tally(counter: Counter[str]) -> str:
    """``attachment 12, draft 3``: a counter as one line, largest first."""
    return ", ".join(f"{name} {n}" for name, n in counter.most_common())
