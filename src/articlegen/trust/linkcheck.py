"""``articlegen check --links``: whether the sources and pages a site points readers to are
still there, reported at every place each one is written.

A health article's trust rests on its references, and their addresses rot. This ties the
parts together: the site's web addresses and their places (``weblinks``), the results of
earlier runs still fresh enough to trust (``linkcache``), asking the servers for the rest
(``linkfetch``), and the answers as the errors and warnings every other check prints. A
dead address (404, 410, a host that does not exist) is an error at its first place, the
others listed in the message; a moved one (301, 308) or one that could not be checked
(timeout, cut connection, 429, 5xx) is a warning.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from ..core.errors import ArticlegenError, Diagnostic, LinkError, OutputError
from ..core.model import Article, MenuItem, Progress, RenderedBody
from .linkcache import fresh, load_results, save_results
from .linkfetch import NO_SUCH_HOST, FetchSettings, LinkResult, Verdict, fetch_links
from .weblinks import Place, web_links

STAGE = "checking links"
"""The stage name progress reports carry."""


@dataclass(frozen=True, slots=True)
class LinkReport:
    """What a link check found."""

    errors: tuple[ArticlegenError, ...]
    """Dead addresses, one per address, in file order."""
    warnings: tuple[Diagnostic, ...]
    """Moved addresses and those that could not be checked, and a cache that could not be
    saved."""
    addresses: int
    """Different addresses checked."""
    asked: int
    """Of those, how many were asked for this time (the rest came from the link cache)."""
    counts: Mapping[Verdict, int]
    """How many addresses came to each verdict."""


def check_links(
    articles: Iterable[Article],
    bodies: Mapping[str, RenderedBody],
    cache_file: Path,
    settings: FetchSettings,
    *,
    max_age_days: int,
    menu: Iterable[MenuItem] = (),
    refresh: bool = False,
    progress: Progress | None = None,
) -> LinkReport:
    """Check every web address of ``articles`` (pages too) and of the ``site.yaml``
    ``menu``; results younger than ``max_age_days`` in ``cache_file`` are reused unless
    ``refresh``. The cache is saved with whatever was found, even when a Ctrl-C cuts the
    check short."""
    places = web_links(articles, bodies, menu)
    now = time.time()
    saved = {} if refresh else load_results(cache_file)
    results = {
        url: saved[url] for url in places if url in saved and fresh(saved[url], now, max_age_days)
    }
    reused = len(results)
    asking = [url for url in places if url not in results]

    def found(result: LinkResult) -> None:
        results[result.url] = result
        if progress is not None:
            progress(STAGE, len(results) - reused, len(asking))

    unsaved: list[Diagnostic] = []
    try:
        if asking:
            fetch_links(asking, settings, found)
    finally:
        try:
            save_results(cache_file, results.values())
        except OutputError as error:
            unsaved.append(Diagnostic(error.message, hint=error.hint))
    offline = _looks_offline([results[url] for url in asking if url in results])
    for url in offline:
        results[url] = replace(results[url], verdict=Verdict.FAILED, detail=OFFLINE)
    errors: list[ArticlegenError] = []
    warnings: list[Diagnostic] = []
    for url, at in places.items():
        verdict = results[url].verdict
        if verdict is Verdict.DEAD:
            errors.append(_dead(results[url], at))
        elif verdict is not Verdict.OK:
            warnings.append(_warning(results[url], at))
    counts = {v: sum(r.verdict is v for r in results.values()) for v in Verdict}
    return LinkReport(tuple(errors), (*warnings, *unsaved), len(places), len(asking), counts)


OFFLINE = (
    "its host could not be looked up, and neither could any other: this machine seems to "
    "have no working DNS (offline?)"
)


def _looks_offline(asked: list[LinkResult]) -> list[str]:
    """The addresses asked, when DNS said of every one, on two hosts or more, that its host
    does not exist: a resolver that knows no name at all (no network, a captive portal)
    says so of every host, and real pages are then no more dead than they were."""
    hosts = {urlsplit(result.url).hostname for result in asked}
    every_unknown = all(
        r.verdict is Verdict.DEAD and r.detail.endswith(NO_SUCH_HOST) for r in asked
    )
    return [r.url for r in asked] if asked and every_unknown and len(hosts) >= 2 else []


def _dead(result: LinkResult, places: tuple[Place, ...]) -> LinkError:
    first = places[0]
    return LinkError(
        f"{first.kind} {result.url} is dead: {result.detail}{_also(places)}",
        first.path,
        first.line,
        "find where the page went (the publisher's site, its DOI) and write that address, "
        "or cite an archived copy of it",
    )


def _warning(result: LinkResult, places: tuple[Place, ...]) -> Diagnostic:
    first = places[0]
    if result.verdict is Verdict.MOVED:
        message = f"{first.kind} {result.url} has moved for good ({result.detail}) to"
        message += f" {result.moved_to}"
        hint = "write the new address"
    else:
        message = f"{first.kind} {result.url} could not be checked: {result.detail}"
        hint = "it may be a passing failure: check it again later, or open it in a browser"
    return Diagnostic(message + _also(places), first.path, first.line, hint)


def _also(places: tuple[Place, ...]) -> str:
    """`` (also at content/b.md:4 (link), …)``: every further place, none left out, so that
    each can be fixed from one run's output."""
    if len(places) < 2:
        return ""
    listed = ", ".join(f"{p.path}:{p.line} ({p.kind})" for p in places[1:])
    return f" (also at {listed})"
