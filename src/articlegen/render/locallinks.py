"""Links to the writer's own computer (``http://localhost:8000/walking/``,
``http://127.0.0.1:8000/…``), as the preview's address bar shows a page: copied into an
article, each reader's browser would look on the reader's own computer, and find nothing.
A warning at its line gives the path to write, which the build checks.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from ..core.errors import Diagnostic
from ..core.model import Article, LinkRef, RenderedBody
from ..core.weburl import is_web_address


def local_link_warnings(
    articles: Iterable[Article], bodies: Mapping[str, RenderedBody]
) -> list[Diagnostic]:
    """A warning for each web link of an article's text, and each See Also address, whose
    host is this computer (``localhost``, a loopback or unspecified address)."""
    warnings = []
    for article in articles:
        see_also = [ref for ref in article.meta.see_also if is_web_address(ref.target)]
        for kind, refs in (("see_also", see_also), ("link", bodies[article.slug].web_links)):
            warnings += [
                _warning(kind, ref, path, article.source)
                for ref in refs
                if (path := _local_path(ref.target)) is not None
            ]
    return warnings


def _local_path(url: str) -> str | None:
    """The path (query and fragment kept) of ``url`` if its host is this computer; else
    None. A ``localhost`` host (or a name under it) and a loopback or unspecified address
    are."""
    if (
        "localhost" not in url.lower()
        and "127." not in url
        and "[" not in url
        and "0.0.0.0" not in url
    ):
        return None  # nearly every address: no parsing
    try:
        parts = urlsplit(url.split("|", 1)[0])
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    if host != "localhost" and not host.endswith(".localhost"):
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return None
        if not (address.is_loopback or address.is_unspecified):
            return None
    path = parts.path or "/"
    return (
        path
        + (f"?{parts.query}" if parts.query else "")
        + (f"#{parts.fragment}" if parts.fragment else "")
    )


def _warning(kind: str, ref: LinkRef, path: str, source: str) -> Diagnostic:
    return Diagnostic(
        f"{kind} '{ref.target}' leads to the reader's own computer, not to this site"
        " (an address of the preview, copied from its address bar?)",
        source,
        ref.line,
        f"write the path alone, {path}, which the build checks (or [[slug]] for an article)",
    )
