"""Asking servers about links: each answer a server may give, against a local server."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest

from articlegen.trust import linkfetch
from articlegen.trust.linkfetch import FetchSettings, LinkResult, Verdict, fetch_links, user_agent
from tests.linkserver import LinkServer, State, fail_dns, running_server

AGENT = user_agent("9.9.9", "https://blog.example.test/")
QUICK = FetchSettings(user_agent=AGENT, timeout=10, retries=2, backoff=0.01)
"""Tiny pauses; a timeout no answer of the local server comes near, however loaded the
machine (at 0.3 s, a stalled server thread turned answers into timeouts)."""


@pytest.fixture
def server() -> Iterator[LinkServer]:
    with running_server() as running:
        yield running


@pytest.fixture
def pauses(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The pauses the checker takes between tries, in order: what it asked for, which a
    loaded machine does not change (each is still taken, so the server sees it)."""
    taken: list[float] = []

    async def pause(seconds: float) -> None:
        taken.append(seconds)
        await asyncio.sleep(seconds)

    monkeypatch.setattr(linkfetch, "asyncio", SimpleNamespace(**{**vars(asyncio), "sleep": pause}))
    return taken


def fetch(urls: list[str], settings: FetchSettings = QUICK) -> dict[str, LinkResult]:
    results: dict[str, LinkResult] = {}
    fetch_links(urls, settings, lambda r: results.setdefault(r.url, r))
    return results


def one(server: LinkServer, path: str, settings: FetchSettings = QUICK) -> LinkResult:
    url = server.url(path)
    return fetch([url], settings)[url]


def test_a_page_that_answers_is_ok_asked_once_with_head_and_a_real_user_agent(
    server: LinkServer,
) -> None:
    before = time.time()
    result = one(server, "/ok")
    assert (result.verdict, result.detail, result.moved_to) == (Verdict.OK, "200 OK", None)
    assert before <= result.checked <= time.time()
    assert [(r.method, r.path) for r in server.state.requests] == [("HEAD", "/ok")]
    assert server.state.requests[0].user_agent == (
        "articlegen/9.9.9 (link check; +https://blog.example.test/)"
    )


@pytest.mark.parametrize(("path", "code"), [("/moved", "301"), ("/moved-308", "308")])
def test_a_permanent_redirect_is_moved_with_the_new_address(
    server: LinkServer, path: str, code: str
) -> None:
    result = one(server, path)
    assert result.verdict is Verdict.MOVED
    assert result.detail.startswith(code)
    assert result.moved_to == server.url("/ok")


def test_a_temporary_redirect_is_fine_and_a_moved_address_is_where_the_permanent_one_leads(
    server: LinkServer,
) -> None:
    assert one(server, "/temporary").verdict is Verdict.OK
    result = one(server, "/moved-then-temporary")
    assert (result.verdict, result.moved_to) == (Verdict.MOVED, server.url("/temporary"))


@pytest.mark.parametrize(("path", "detail"), [("/missing", "404 Not Found"), ("/gone", "410 Gone")])
def test_404_and_410_are_dead_confirmed_with_get_and_never_retried(
    server: LinkServer, path: str, detail: str
) -> None:
    result = one(server, path)
    assert (result.verdict, result.detail) == (Verdict.DEAD, detail)
    assert [(r.method, r.path) for r in server.state.requests] == [("HEAD", path), ("GET", path)]


def test_a_redirect_to_a_missing_page_is_dead_and_says_where_it_led(server: LinkServer) -> None:
    result = one(server, "/moved-to-gone")
    assert result.verdict is Verdict.DEAD
    assert result.detail == f"410 Gone (after a redirect to {server.url('/gone')})"


@pytest.mark.parametrize("status", [405, 403, 501, 404])
def test_a_server_refusing_head_is_asked_with_get(server: LinkServer, status: int) -> None:
    path = f"/no-head-{status}"
    assert one(server, path).verdict is Verdict.OK
    assert [r.method for r in server.state.requests] == ["HEAD", "GET"]


@pytest.mark.parametrize(
    ("path", "detail"),
    [("/busy", "429 Too Many Requests"), ("/broken", "500 Internal Server Error")],
)
def test_429_and_5xx_are_retried_then_a_warning(server: LinkServer, path: str, detail: str) -> None:
    result = one(server, path)
    assert (result.verdict, result.detail) == (Verdict.FAILED, f"{detail} (3 tries)")
    assert server.state.asked("HEAD") == [path] * 3
    assert server.state.asked("GET") == []


def test_retries_pause_longer_each_time_and_a_server_that_comes_back_is_ok(
    server: LinkServer, pauses: list[float]
) -> None:
    settings = FetchSettings(user_agent=AGENT, timeout=10, retries=3, backoff=0.1)
    started = time.monotonic()
    result = one(server, "/flaky", settings)
    waited = time.monotonic() - started
    assert (result.verdict, result.detail) == (Verdict.OK, "200 OK (3 tries)")
    assert server.state.asked() == ["/flaky"] * 3
    assert pauses == [0.1, 0.2]  # two pauses, the second twice the first
    assert waited >= 0.3  # and taken


def test_no_retries_means_one_request(server: LinkServer) -> None:
    settings = FetchSettings(user_agent=AGENT, timeout=10, retries=0, backoff=0.01)
    assert one(server, "/broken", settings).detail == "500 Internal Server Error"
    assert server.state.asked() == ["/broken"]


def test_retry_after_is_obeyed_up_to_a_limit(server: LinkServer, pauses: list[float]) -> None:
    settings = FetchSettings(
        user_agent=AGENT, timeout=10, retries=1, backoff=0.01, max_retry_after=2
    )
    started = time.monotonic()
    one(server, "/busy-for-a-second", settings)
    assert (pauses, time.monotonic() - started >= 1) == ([1.0], True)
    one(server, "/busy-for-an-hour", settings)  # past the limit: the usual short pause
    assert pauses == [1.0, 0.01]


def test_retry_after_may_be_an_http_date(server: LinkServer, pauses: list[float]) -> None:
    settings = FetchSettings(
        user_agent=AGENT, timeout=10, retries=1, backoff=0.01, max_retry_after=3
    )
    started = time.monotonic()
    one(server, "/busy-until-soon", settings)  # 1 to 2 s ahead, in whole seconds
    # waited until then: never more than the date asks (the limit is 3 s), and at least the
    # second or more left when the server wrote it, however late the answer was read
    assert (len(pauses), pauses[0] <= 2, time.monotonic() - started >= 0.9) == (1, True, True)
    one(server, "/busy-until-the-past", settings)  # nothing to wait for: the usual pause
    assert pauses[1:] == [0.01]
    assert server.state.asked() == ["/busy-until-soon"] * 2 + ["/busy-until-the-past"] * 2


def test_a_slow_server_times_out_as_a_warning(server: LinkServer) -> None:
    settings = FetchSettings(user_agent=AGENT, timeout=0.2, retries=1, backoff=0.01)
    result = one(server, "/slow", settings)
    assert (result.verdict, result.detail) == (Verdict.FAILED, "no answer within 0.2 s (2 tries)")


def test_a_reset_connection_is_a_warning(server: LinkServer) -> None:
    result = one(server, "/reset")
    assert result.verdict is Verdict.FAILED
    assert result.detail.startswith("the connection broke: ")
    assert result.detail.endswith("(3 tries)")
    assert server.state.asked() == ["/reset"] * 3


def test_a_refused_connection_is_a_warning() -> None:
    with socket.socket() as unused:  # a port nothing listens on once this closes
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    url = f"http://127.0.0.1:{port}/ok"
    result = fetch([url])[url]
    assert (result.verdict, result.detail) == (
        Verdict.FAILED,
        "cannot connect: Connection refused (3 tries)",
    )


def test_a_redirect_loop_is_a_warning(server: LinkServer) -> None:
    result = one(server, "/loop")
    assert (result.verdict, result.detail) == (Verdict.FAILED, "more than 10 redirects")


def test_forbidden_even_to_get_is_a_warning_not_an_error(server: LinkServer) -> None:
    result = one(server, "/forbidden")
    assert (result.verdict, result.detail) == (Verdict.FAILED, "answered 403 Forbidden")


def test_a_host_dns_does_not_know_is_dead_and_a_failed_lookup_a_warning(
    server: LinkServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_dns(monkeypatch, {"gone.test": socket.EAI_NONAME, "unlucky.test": socket.EAI_AGAIN})
    gone = f"http://gone.test:{server.port}/ok"
    unlucky = f"http://unlucky.test:{server.port}/ok"
    results = fetch([gone, unlucky])
    assert (results[gone].verdict, results[gone].detail) == (
        Verdict.DEAD,
        "its host gone.test does not exist (DNS)",
    )
    assert results[unlucky].verdict is Verdict.FAILED
    assert results[unlucky].detail.startswith("DNS lookup of unlucky.test failed")
    assert server.state.requests == []


def test_requests_to_one_host_are_limited_while_hosts_are_asked_at_once() -> None:
    # each server answers only once the other has been asked too (MEET_SECONDS at most):
    # a check that asked one host after the other would time out (no time is measured)
    settings = FetchSettings(user_agent=AGENT, timeout=5, retries=0, per_host=2, concurrency=16)
    states = State(), State()
    states[0].waits_for, states[1].waits_for = states[1], states[0]
    with running_server(states[0]) as first, running_server(states[1]) as second:
        urls = [
            *(first.url(f"/hold/{i}") for i in range(6)),
            *(second.url(f"/hold/{i}", host="localhost") for i in range(6)),
        ]
        results = fetch(urls, settings)
        assert {r.verdict for r in results.values()} == {Verdict.OK}
        assert first.state.most_in_flight == second.state.most_in_flight == 2


def test_one_host_name_is_one_host_whatever_its_port() -> None:
    settings = FetchSettings(user_agent=AGENT, timeout=2, per_host=2, concurrency=16)
    both = State()
    with running_server(both) as first, running_server(both) as second:
        fetch([s.url(f"/hold/{i}") for s in (first, second) for i in range(3)], settings)
    assert len(both.requests) == 6
    assert both.most_in_flight == 2  # 127.0.0.1 on two ports is one host


def test_one_at_a_time_per_host(server: LinkServer) -> None:
    settings = FetchSettings(user_agent=AGENT, timeout=2, per_host=1)
    fetch([server.url(f"/hold/{i}") for i in range(4)], settings)
    assert server.state.most_in_flight == 1


@pytest.mark.parametrize(
    ("odd", "why"),
    [
        ("http://127.0.0.1:notaport/x", "Port could not be cast to integer value"),
        ("http://127.0.0.1:99999/x", "Port out of range 0-65535"),
        ("http://xn--/x", "Malformed A-label"),
    ],
)
def test_every_address_gets_a_result_even_an_unusable_one(
    server: LinkServer, odd: str, why: str
) -> None:
    results = fetch([odd, server.url("/ok")])
    assert results[odd].verdict is Verdict.FAILED
    assert results[odd].detail.startswith("cannot be fetched: ")
    assert why in results[odd].detail
    assert results[server.url("/ok")].verdict is Verdict.OK


def test_it_works_where_an_event_loop_already_runs(server: LinkServer) -> None:
    """A notebook or a browser-driving test has a loop running in its thread (here a
    thread of the test's own, so that the test runs whatever the rest of the session did)."""
    found: dict[str, LinkResult] = {}

    async def inside_a_loop() -> None:
        found.update(fetch([server.url("/ok")]))

    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, inside_a_loop()).result()
    assert found[server.url("/ok")].verdict == Verdict.OK
