"""Web addresses written by authors (sources, people's pages): what makes one unusable."""

from __future__ import annotations

from urllib.parse import urlsplit


def address_problem(url: str) -> tuple[str, str] | None:
    """What is wrong with ``url`` as a link to a public page (to follow the name of the
    field in a message) and how to fix it; None if nothing. It must be an absolute http(s)
    address with a host and no whitespace, which browsers would cut or guess at."""
    if any(character.isspace() for character in url):
        return (
            f"contains a space: '{url}'",
            "copy the address again from the browser's address bar (a space inside one is "
            "written %20)",
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return (
            f"must be an http(s) address, found '{url}'",
            "copy the full address, starting with https://",
        )
    return None
