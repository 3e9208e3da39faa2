"""What ``check --links`` learned about each address, kept between runs so that a daily check
asks each server at most once a week (``link_cache_days``).

Only good news is kept: an address that answered (``ok``) or that moved for good
(``moved``, whose warning is then repeated without asking). A dead address or one that
could not be checked is asked again on every run, so an outage that has passed is
forgotten at once and a failing CI run is never based on an old answer.

The file is JSON, written whole to a temporary file and renamed over the old one, so a run
cut short leaves the last complete file. A file that cannot be read or is not what this
module writes is ignored: the links are simply asked again.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..core.errors import OutputError
from .linkfetch import LinkResult, Verdict

FORMAT = 1
"""The layout of the file; a file of another layout is ignored."""
KEPT = frozenset({Verdict.OK, Verdict.MOVED})
"""The verdicts the cache keeps and reuses."""
DAY = 86_400.0


def load_results(path: Path) -> dict[str, LinkResult]:
    """Address → result saved in ``path``; empty when there is none or it is unusable."""
    try:
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        results = [_result(item) for item in data["links"]]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {result.url: result for result in results if result.verdict in KEPT}


def fresh(result: LinkResult, now: float, max_age_days: int) -> bool:
    """Whether ``result`` is recent enough to stand for asking again (never one stamped in
    the future: a clock set wrong would keep it for good)."""
    return 0 <= now - result.checked < max_age_days * DAY


def save_results(path: Path, results: Iterable[LinkResult]) -> None:
    """Write the results worth keeping into ``path``, replacing it whole; ``OutputError``
    if it cannot be written."""
    kept = [_item(r) for r in sorted(results, key=lambda r: r.url) if r.verdict in KEPT]
    text = json.dumps({"format": FORMAT, "links": kept}, indent=1, ensure_ascii=False)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as file:
            temporary = Path(file.name)
            file.write(text + "\n")
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise OutputError(
            f"cannot save the link cache {path}: {error.strerror or error}",
            hint="check free disk space and write permission; the next check asks every "
            "address again",
        ) from error


def _item(result: LinkResult) -> dict[str, object]:
    return {
        "url": result.url,
        "verdict": result.verdict.value,
        "detail": result.detail,
        "moved_to": result.moved_to,
        "checked": result.checked,
    }


def _result(item: object) -> LinkResult:
    """An item of the file as a result; ``TypeError`` or ``ValueError`` if it is not one."""
    if not isinstance(item, dict):
        raise TypeError(item)
    url, detail, moved_to, checked = item["url"], item["detail"], item["moved_to"], item["checked"]
    if not (
        isinstance(url, str)
        and isinstance(detail, str)
        and (moved_to is None or isinstance(moved_to, str))
        and isinstance(checked, int | float)
        and not isinstance(checked, bool)
    ):
        raise TypeError(item)
    return LinkResult(url, Verdict(item["verdict"]), detail, moved_to, float(checked))
