"""Images that imported posts load from the web, fetched on request (``--download-images``).

Off by default: an import reads local files only, and lists the images left on the web.
When asked, each is fetched once over HTTP(S) into a scratch folder, so that the import
can copy it into ``static/`` with the rest, all or nothing. What is not an image, is too
large or does not come is a warning, and that image stays on the web.
"""

from __future__ import annotations

import hashlib
import http.client
import urllib.error
import urllib.request
from importlib.metadata import version
from pathlib import Path

from ..core.errors import Diagnostic

MAX_IMAGE_BYTES = 50 * 1024 * 1024
"""The largest image fetched: larger than any photograph a web page shows."""
TIMEOUT_SECONDS = 30
"""How long one image may take to start coming, and between its parts."""


def fetch_images(remote: dict[str, str], scratch: Path) -> tuple[dict[str, Path], list[Diagnostic]]:
    """``static/`` path → fetched file for each image address in ``remote`` (address →
    ``static/`` path) that came; a warning for each that did not."""
    fetched: dict[str, Path] = {}
    problems: list[Diagnostic] = []
    for url, path in remote.items():
        if path in fetched:
            continue
        try:
            data = _fetch(url)
        except _NotFetched as failure:
            problems.append(
                Diagnostic(
                    f"image not downloaded: {failure}",
                    url,
                    hint=f"save it yourself as static/{path}, or leave it on the web",
                )
            )
            continue
        file = scratch / hashlib.sha256(url.encode("utf-8")).hexdigest()
        file.write_bytes(data)
        fetched[path] = file
    return fetched, problems


class _NotFetched(Exception):
    """Why one image could not be fetched."""


def _fetch(url: str) -> bytes:
    request = urllib.request.Request(
        url, headers={"User-Agent": f"articlegen/{version('articlegen')} (import)"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            kind = response.headers.get_content_type()
            if not kind.startswith("image/"):
                raise _NotFetched(f"the address answers with {kind}, not an image")
            data: bytes = response.read(MAX_IMAGE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise _NotFetched(f"the server answers {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise _NotFetched(f"cannot fetch it ({reason})") from exc
    if len(data) > MAX_IMAGE_BYTES:
        raise _NotFetched(f"larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MiB")
    return data
