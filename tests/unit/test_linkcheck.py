"""check_links: the site's web addresses asked for (or taken from the cache) and reported at
every place, against a local server."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from articlegen.core.model import Article, FrontMatter, LinkRef, Reference, RenderedBody
from articlegen.trust.linkcache import DAY
from articlegen.trust.linkcheck import STAGE, check_links
from articlegen.trust.linkfetch import FetchSettings, Verdict
from tests.linkserver import LinkServer, fail_dns, running_server

SETTINGS = FetchSettings(user_agent="articlegen-tests", timeout=10, retries=1, backoff=0.01)
"""Tiny pauses; a timeout no answer of the local server comes near on a loaded machine."""


@pytest.fixture
def server() -> Iterator[LinkServer]:
    with running_server() as running:
        yield running


def site(server: LinkServer) -> tuple[list[Article], dict[str, RenderedBody]]:
    """Two articles citing the local server: a reference, a See Also item and body links."""
    a = Article(
        "content/a.md",
        "a",
        FrontMatter(
            title="A",
            date=None,
            references=(Reference("Gone", server.url("/missing"), line=5),),
            see_also=(LinkRef(server.url("/moved"), 8),),
        ),
        "",
    )
    b = Article("content/b.md", "b", FrontMatter(title="B", date=None), "")
    bodies = {
        "a": RenderedBody("", web_links=(LinkRef(server.url("/ok"), 12),)),
        "b": RenderedBody(
            "",
            web_links=(
                LinkRef(server.url("/missing#part"), 3),
                LinkRef(server.url("/broken"), 4),
                LinkRef(server.url("/missing"), 9),
            ),
        ),
    }
    return [a, b], bodies


def test_dead_links_are_errors_at_every_place_moved_and_failing_ones_warnings(
    server: LinkServer, tmp_path: Path
) -> None:
    articles, bodies = site(server)
    report = check_links(articles, bodies, tmp_path / "links.json", SETTINGS, max_age_days=7)
    missing, moved, broken = server.url("/missing"), server.url("/moved"), server.url("/broken")
    assert [str(e) for e in report.errors] == [
        f"content/a.md:5: reference {missing} is dead: 404 Not Found (also at content/b.md:3"
        " (link), content/b.md:9 (link)) — find where the page went (the publisher's site, its"
        " DOI) and write that address, or cite an archived copy of it"
    ]
    assert [str(w) for w in report.warnings] == [
        f"content/a.md:8: see_also {moved} has moved for good (301 Moved Permanently) to"
        f" {server.url('/ok')} — write the new address",
        f"content/b.md:4: link {broken} could not be checked: 500 Internal Server Error"
        " (2 tries) — it may be a passing failure: check it again later, or open it in a browser",
    ]
    assert (report.addresses, report.asked) == (4, 4)
    assert report.counts == {Verdict.OK: 1, Verdict.MOVED: 1, Verdict.DEAD: 1, Verdict.FAILED: 1}
    # /moved is followed to /ok; /missing is asked once, whatever its places and fragments
    assert sorted(server.state.asked("HEAD")) == [
        "/broken",
        "/broken",
        "/missing",
        "/moved",
        "/ok",
        "/ok",
    ]


def test_good_answers_are_reused_until_old_and_the_rest_asked_again(
    server: LinkServer, tmp_path: Path
) -> None:
    articles, bodies = site(server)
    cache = tmp_path / "links.json"
    check_links(articles, bodies, cache, SETTINGS, max_age_days=7)
    server.state.requests.clear()

    again = check_links(articles, bodies, cache, SETTINGS, max_age_days=7)
    assert (again.addresses, again.asked) == (4, 2)  # /ok and /moved from the cache
    assert sorted(set(server.state.asked())) == ["/broken", "/missing"]
    assert [w.message.split(" ")[0] for w in again.warnings] == ["see_also", "link"]
    assert len(again.errors) == 1

    data = json.loads(cache.read_text(encoding="utf-8"))
    for item in data["links"]:
        item["checked"] -= 7 * DAY  # a week has passed
    cache.write_text(json.dumps(data), encoding="utf-8")
    server.state.requests.clear()
    old = check_links(articles, bodies, cache, SETTINGS, max_age_days=7)
    assert old.asked == 4
    assert "/ok" in server.state.asked()


def test_refresh_asks_for_everything_and_saves_the_new_answers(
    server: LinkServer, tmp_path: Path
) -> None:
    articles, bodies = site(server)
    cache = tmp_path / "links.json"
    check_links(articles, bodies, cache, SETTINGS, max_age_days=7)
    stamps = {i["url"]: i["checked"] for i in json.loads(cache.read_text())["links"]}
    server.state.requests.clear()
    report = check_links(articles, bodies, cache, SETTINGS, max_age_days=7, refresh=True)
    assert report.asked == 4
    assert "/ok" in server.state.asked()
    newer = {i["url"]: i["checked"] for i in json.loads(cache.read_text())["links"]}
    assert newer.keys() == stamps.keys() and all(newer[u] > stamps[u] for u in stamps)


def test_progress_counts_the_addresses_asked(server: LinkServer, tmp_path: Path) -> None:
    articles, bodies = site(server)
    heard: list[tuple[str, int, int]] = []
    check_links(
        articles,
        bodies,
        tmp_path / "links.json",
        SETTINGS,
        max_age_days=7,
        progress=lambda *report: heard.append(report),
    )
    assert sorted(heard) == [(STAGE, done, 4) for done in range(1, 5)]


def test_a_cache_that_cannot_be_saved_is_a_warning_and_the_check_still_reports(
    server: LinkServer, tmp_path: Path
) -> None:
    articles, bodies = site(server)
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", encoding="utf-8")
    report = check_links(articles, bodies, blocker / "links.json", SETTINGS, max_age_days=7)
    assert len(report.errors) == 1
    assert report.warnings[-1].message.startswith("cannot save the link cache")


def test_a_site_without_web_links_asks_nothing(tmp_path: Path) -> None:
    article = Article("content/a.md", "a", FrontMatter(title="A", date=None), "")
    report = check_links(
        [article], {"a": RenderedBody("")}, tmp_path / "links.json", SETTINGS, max_age_days=7
    )
    assert (report.errors, report.warnings, report.addresses, report.asked) == ((), (), 0, 0)


def links_to(*urls: str) -> tuple[list[Article], dict[str, RenderedBody]]:
    article = Article("content/a.md", "a", FrontMatter(title="A", date=None), "")
    body = RenderedBody("", web_links=tuple(LinkRef(url, n) for n, url in enumerate(urls, 3)))
    return [article], {"a": body}


def test_when_no_host_at_all_resolves_the_links_are_unchecked_not_dead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An offline machine's resolver says of every name that it does not exist."""
    fail_dns(monkeypatch, {"one.test": socket.EAI_NONAME, "two.test": socket.EAI_NONAME})
    articles, bodies = links_to("http://one.test/a", "http://two.test/b")
    report = check_links(articles, bodies, tmp_path / "links.json", SETTINGS, max_age_days=7)
    assert report.errors == ()
    assert [w.line for w in report.warnings] == [3, 4]
    assert all("no working DNS (offline?)" in w.message for w in report.warnings)


def test_one_unknown_host_among_working_ones_is_still_dead(
    server: LinkServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_dns(monkeypatch, {"gone.test": socket.EAI_NONAME})
    articles, bodies = links_to("http://gone.test/a", server.url("/ok"))
    report = check_links(articles, bodies, tmp_path / "links.json", SETTINGS, max_age_days=7)
    (error,) = report.errors
    assert "does not exist (DNS)" in error.message
