"""``articlegen check --links`` end to end: a site on disk whose articles cite pages of a
local server (never the internet), checked through the command."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from articlegen.core.layout import CACHE_DIR
from articlegen.incremental.cachefile import LINKS
from tests.conftest import SITE_YAML, article
from tests.linkserver import LinkServer, fail_dns, name_the_servers, running_server
from tests.serving import wait_until

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def server() -> Iterator[LinkServer]:
    with running_server() as running:
        yield running


def make_site(site: Callable[..., Path], server: LinkServer) -> Path:
    """Two articles: a cited reference, a See Also item and body links, all to the server."""
    a = f"""---
title: "A"
date: 2024-01-01
references:
  - id: s0
    title: "A study"
    url: {server.url("/missing")}
see_also:
  - {server.url("/moved")}
---
A finding[^s0].

More in [the guide]({server.url("/ok")}) and
<{server.url("/gone")}>.
"""
    b = article(
        "B",
        f"Also [this]({server.url('/missing')}) and [that](http://gone.test:{server.port}/x).",
    )
    return site({"a.md": a, "b.md": b})


def line_of(root: Path, name: str, text: str) -> int:
    lines = (root / "content" / name).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def the_checks(err: str) -> list[str]:
    """The lines of ``err`` but the build's warning (an error with ``--strict``) that a link
    leads to this computer: every link here does, to the test's server standing in for the
    web, and ``render/locallinks.py``'s own tests check that warning."""
    return [line for line in err.splitlines() if "leads to the reader's own computer" not in line]


def test_dead_links_fail_the_check_at_every_file_and_line(
    site: Callable[..., Path], server: LinkServer, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_dns(monkeypatch, {"gone.test": socket.EAI_NONAME})
    root = make_site(site, server)
    code, out, err = run_cli("check", "--site", root, "--links")
    assert code == 1
    missing_at = (line_of(root, "a.md", "/missing"), line_of(root, "b.md", "/missing"))
    gone_at = line_of(root, "a.md", "/gone")
    moved_at = line_of(root, "a.md", "/moved")
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: content/a.md:{missing_at[0]}: reference {server.url('/missing')} is dead: 404 Not"
        f" Found (also at content/b.md:{missing_at[1]} (link)) — find where the page went (the"
        " publisher's site, its DOI) and write that address, or cite an archived copy of it",
        f"error: content/a.md:{gone_at}: link {server.url('/gone')} is dead: 410 Gone — find"
        " where the page went (the publisher's site, its DOI) and write that address, or cite an"
        " archived copy of it",
        f"error: content/b.md:{line_of(root, 'b.md', 'gone.test')}: link"
        f" http://gone.test:{server.port}/x is dead: its host gone.test does not exist (DNS) —"
        " find where the page went (the publisher's site, its DOI) and write that address, or"
        " cite an archived copy of it",
    ]
    assert (
        f"warning: content/a.md:{moved_at}: see_also {server.url('/moved')} has moved for good"
        f" (301 Moved Permanently) to {server.url('/ok')} — write the new address"
    ) in err.splitlines()
    assert "Traceback" not in err
    summary = out.splitlines()[-1]
    assert summary.startswith(
        "5 web links: 3 dead, 1 moved, 0 could not be checked (0 from the link cache); checked in "
    )
    assert out.splitlines()[0].startswith("2 articles, ")  # the usual check came first
    agents = {r.user_agent for r in server.state.requests}
    assert agents == {"articlegen/0.1.0 (link check; +https://example.test/)"}


def test_the_link_cache_spares_the_servers_until_refreshed(
    site: Callable[..., Path], server: LinkServer, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    fail_dns(monkeypatch, {"gone.test": socket.EAI_NONAME})
    root = make_site(site, server)
    run_cli("check", "--site", root, "--links")
    saved = json.loads((root / CACHE_DIR / LINKS).read_text(encoding="utf-8"))
    assert sorted(item["url"] for item in saved["links"]) == [
        server.url("/moved"),
        server.url("/ok"),
    ]
    server.state.requests.clear()

    code, out, err = run_cli("check", "--site", root, "--links")
    assert code == 1
    assert "(2 from the link cache)" in out.splitlines()[-1]
    assert sorted(set(server.state.asked())) == ["/gone", "/missing"]  # the dead, asked again
    assert f"has moved for good (301 Moved Permanently) to {server.url('/ok')}" in err

    server.state.requests.clear()
    code, out, _ = run_cli("check", "--site", root, "--no-link-cache")  # implies --links
    assert code == 1
    assert "(0 from the link cache)" in out.splitlines()[-1]
    assert sorted(set(server.state.asked())) == ["/gone", "/missing", "/moved", "/ok"]


def test_link_cache_days_sets_how_long_answers_are_trusted(
    site: Callable[..., Path], server: LinkServer, run_cli: Run
) -> None:
    body = f"See [it]({server.url('/ok')})."
    root = site({"a.md": article("A", body)}, site_yaml=SITE_YAML + "link_cache_days: 0\n")
    assert run_cli("check", "--site", root, "--links")[0] == 0
    assert run_cli("check", "--site", root, "--links")[0] == 0
    assert server.state.asked() == ["/ok", "/ok"]


def test_a_bad_link_cache_days_is_an_error_at_its_line(
    site: Callable[..., Path], run_cli: Run
) -> None:
    root = site({"a.md": article("A")}, site_yaml=SITE_YAML + "link_cache_days: -1\n")
    code, _, err = run_cli("check", "--site", root, "--links")
    assert code == 1
    assert err.splitlines()[0] == (
        "error: site.yaml:5: 'link_cache_days' must be at least 0 and at most 365, found -1"
        " — e.g. link_cache_days: 7 (0 asks for every link on every check)"
    )


def test_a_site_whose_links_are_alive_passes_and_strict_fails_on_a_move(
    site: Callable[..., Path], server: LinkServer, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    name_the_servers(monkeypatch, "links.test")  # not 127.0.0.1, which --strict stops at
    body = f"See [it]({server.url('/ok', 'links.test')}) and [this]({server.url('/temporary', 'links.test')})."
    root = site({"a.md": article("A", body)})
    code, out, err = run_cli("check", "--site", root, "--links")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1].startswith("2 web links: 0 dead, 0 moved, 0 could not be checked")

    root = site({"a.md": article("A", f"Moved: <{server.url('/moved-308', 'links.test')}>.")})
    code, _, err = run_cli("check", "--site", root, "--links")
    (moved,) = err.splitlines()
    assert code == 0 and moved.startswith("warning: content/a.md:6: link ")
    code, _, err = run_cli("check", "--site", root, "--links", "--strict")
    (moved,) = err.splitlines()
    assert code == 1 and moved.startswith("error: content/a.md:6: link ")
    assert "has moved for good (308 Permanent Redirect)" in moved


def test_check_without_links_asks_no_server(
    site: Callable[..., Path], server: LinkServer, run_cli: Run
) -> None:
    root = make_site(site, server)
    code, out, _ = run_cli("check", "--site", root)
    assert code == 0 and "web link" not in out
    assert server.state.requests == []
    assert not (root / CACHE_DIR / LINKS).exists()


def test_clean_deletes_the_link_cache(
    site: Callable[..., Path], server: LinkServer, run_cli: Run
) -> None:
    root = site({"a.md": article("A", f"<{server.url('/ok')}>")})
    run_cli("check", "--site", root, "--links")
    assert (root / CACHE_DIR / LINKS).is_file()
    assert run_cli("clean", "--site", root)[0] == 0
    assert not (root / CACHE_DIR).exists()


def test_ctrl_c_stops_cleanly_and_keeps_the_answers_so_far(
    site: Callable[..., Path], server: LinkServer
) -> None:
    body = f"<{server.url('/ok')}> and <{server.url('/busy-then-held')}>"
    root = site({"a.md": article("A", body)})
    environ = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "articlegen", "check", "--site", str(root), "--links"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**environ, "NO_COLOR": "1"},
    )
    try:
        # /ok was answered a retry's pause (1 s) before /busy-then-held is asked again, and
        # that retry is held unanswered until the check is stopped. Generous: the command
        # starts, builds the site and asks in a process of its own, which took 19-29 s under
        # a whole test run and two busy loops (it ends as soon as the retry is asked)
        wait_until(lambda: server.state.asked().count("/busy-then-held") == 2, timeout=120)
        assert "/ok" in server.state.answered
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
    finally:
        process.kill()
        server.state.let_go.set()
    assert process.returncode == 130
    assert out.startswith("1 article, ")  # the check itself had finished
    assert err.splitlines()[-1] == (
        f"error: interrupted; the answers so far are kept in {CACHE_DIR}/{LINKS}"
    )
    assert "Traceback" not in err
    saved = json.loads((root / CACHE_DIR / LINKS).read_text(encoding="utf-8"))
    assert [item["url"] for item in saved["links"]] == [server.url("/ok")]


def test_pages_and_the_menu_are_checked_too(
    site: Callable[..., Path], server: LinkServer, run_cli: Run
) -> None:
    menu = f'menu:\n  - {{title: Shop, link: "{server.url("/missing")}"}}\n'
    contact = f'---\ntitle: "Contact"\n---\nWrite to us via <{server.url("/gone")}>.\n'
    root = site({"a.md": article("A"), "pages/contact.md": contact}, site_yaml=SITE_YAML + menu)
    code, _, err = run_cli("check", "--site", root, "--links")
    assert code == 1
    assert [line.split(" is dead")[0] for line in the_checks(err)] == [
        f"error: site.yaml:6: menu {server.url('/missing')}",
        f"error: content/pages/contact.md:4: link {server.url('/gone')}",
    ]
