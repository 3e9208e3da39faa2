"""Attacks on the search index, the escaping of site.yaml values, the build cache, the
preview server and error reporting (issue 18, findings 3, 4, 7, 8, 14 and 15's grouping).

Each build attack runs on a site built once successfully, and asserts exit code 1, no
traceback, the message, and the previous output byte for byte."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import socket
import sqlite3
import struct
import tempfile
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen import build
from articlegen.content import config
from articlegen.core.layout import CACHE_DIR
from articlegen.core.programs import find_pagefind
from articlegen.incremental import cachefile
from articlegen.incremental.cacherecords import pack_source, unpack_sources
from articlegen.serve.livereload import LiveSite, PreviewSite
from articlegen.serve.preview import Preview
from articlegen.serve.server import open_server
from tests.conftest import article
from tests.helpers import fake_pagefind, snapshot
from tests.serving import fetch, wait_until

ARTICLES = {
    "a.md": article("Zinc Basics", "Zinc is a trace mineral.", tags="[zinc]"),
    "b.md": article("Sleep", "Sleep matters.", see_also="[a]"),
}


def failed_build(root: Path, run_cli: Callable[..., tuple[int, str, str]], *argv: object) -> str:
    """Build ``root`` (already built once); the error output, checked to be a clean failure
    that left the output folder's files as they were."""
    before = snapshot(root / "public")
    code, _, err = run_cli("build", "--site", root, *argv)
    assert code == 1, err
    assert "Traceback" not in err
    assert snapshot(root / "public") == before
    assert not [p for p in root.iterdir() if ".staging" in p.name]
    return err


def _entry(pages: int) -> bytes:
    return json.dumps({"version": "1.5.2", "languages": {"en": {"page_count": pages}}}).encode()


SEARCH_ATTACKS = {
    "zero-byte index files": (
        {"pagefind-entry.json": b"", "pagefind.js": b"", "index/en_1.pf_index": b""},
        "error: the search index is incomplete: empty files: index/en_1.pf_index, "
        "pagefind-entry.json, pagefind.js — check free disk space",
    ),
    "index short of a page": (
        {"pagefind-entry.json": _entry(1), "pagefind.js": b"x"},
        "error: the search index holds 1 pages, expected 2 (one per article and page)",
    ),
    "index without its entry file": (
        {"pagefind.js": b"x"},
        "error: the search index is incomplete: pagefind-entry.json is missing",
    ),
    "entry file that is not JSON": (
        {"pagefind-entry.json": b"\x00\x01garbage", "pagefind.js": b"x"},
        "error: the search index is unreadable: pagefind/pagefind-entry.json:",
    ),
}


@pytest.mark.parametrize(
    ("files", "message"), list(SEARCH_ATTACKS.values()), ids=list(SEARCH_ATTACKS)
)
def test_a_broken_search_index_fails_the_build_and_keeps_the_site(
    site, run_cli, monkeypatch, tmp_path, files: dict[str, bytes], message: str
) -> None:
    root = site(ARTICLES)
    assert run_cli("build", "--site", root)[0] == 0
    fake = fake_pagefind(tmp_path, files)
    monkeypatch.setattr(build, "find_pagefind", lambda: fake)
    (root / "content" / "a.md").write_text(article("Zinc Basics", "Changed text."))
    err = failed_build(root, run_cli)
    assert message in err


def test_a_full_disk_while_the_index_is_written_fails_the_build(site, run_cli, monkeypatch) -> None:
    root = site(ARTICLES)
    assert run_cli("build", "--site", root)[0] == 0
    write_bytes = Path.write_bytes

    def full(path: Path, data: bytes) -> int:  # the index, and the search state it is kept in
        if "pagefind" in path.parts or "search" in path.parts:
            raise OSError(28, "No space left on device")
        return write_bytes(path, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    (root / "content" / "a.md").write_text(article("Zinc Basics", "Changed text."))
    err = failed_build(root, run_cli)
    assert "error: cannot write the site to " in err
    assert "No space left on device — check free disk space" in err


def test_the_same_site_built_on_two_file_systems_is_the_same_bytes(
    site, run_cli, tmp_path: Path
) -> None:
    """Pagefind numbered pages in the order the file system lists them: tmpfs (newest first)
    and ext4 (by hash) gave different index bytes. Without /dev/shm, two disk folders."""
    if find_pagefind() is None:
        pytest.skip("Pagefind is not installed")
    many = {f"p{n:02d}.md": article(f"Topic {n}", f"Zinc and sleep, note {n}.") for n in range(30)}
    root = site(many)
    shm = Path("/dev/shm")
    other = Path(tempfile.mkdtemp(dir=shm)) if os.access(shm, os.W_OK) else tmp_path / "other"
    try:
        disk = tmp_path / "disk"
        assert run_cli("build", "--site", root, "--no-cache", "--output", disk)[0] == 0
        assert run_cli("build", "--site", root, "--no-cache", "--output", other / "out")[0] == 0
        assert snapshot(disk) == snapshot(other / "out")
    finally:
        shutil.rmtree(other, ignore_errors=True)


# --- The preview (finding 14) -------------------------------------------------------------


@pytest.fixture
def preview(site) -> Iterator[Preview]:
    root = site(ARTICLES, files={"static/big.bin": "x" * 8_000_000})
    with Preview(root, port=0, log=lambda line: None, quiet=0.05) as running:
        yield running


def request_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if "process_request_thread" in t.name]


BAD_EVENT_QUERIES = {
    "superscript two": ("since=%C2%B2&page=/a/&server=x", "'since' must be 1 to 18 ASCII digits"),
    "arabic-indic three": ("since=%D9%A3&page=/a/", "'since' must be 1 to 18 ASCII digits"),
    "5000 digits": ("since=" + "9" * 5000, "'since' must be 1 to 18 ASCII digits"),
    "negative": ("since=-1", "'since' must be 1 to 18 ASCII digits"),
    "page leaving the site": ("since=1&page=/../etc/passwd", "'page' must be a path inside"),
    "page with a NUL": ("since=1&page=/a%00b", "'page' must be a path inside"),
    "too many parameters": ("&".join(f"p{n}=1" for n in range(50)), "expected at most"),
    "not UTF-8": ("since=1&page=/%FF", "expected at most the parameters"),
    "huge server id": ("since=1&server=" + "a" * 500, "'server' must be the id"),
}


@pytest.mark.parametrize(
    ("query", "message"), list(BAD_EVENT_QUERIES.values()), ids=list(BAD_EVENT_QUERIES)
)
def test_a_malformed_event_stream_request_is_a_400_and_leaks_no_client(
    preview: Preview, capfd, query: str, message: str
) -> None:
    answer = fetch(preview.url, f"/__articlegen/events?{query}")
    assert answer.status == 400
    assert message in answer.body.decode("utf-8")
    assert fetch(preview.url, "/a/").status == 200  # still serving
    wait_until(lambda: not request_threads())
    assert not preview.live._clients
    assert "Traceback" not in capfd.readouterr().err


def test_clients_that_hang_up_mid_response_print_no_traceback(preview: Preview, capfd) -> None:
    parts = urlsplit(preview.url)
    for _ in range(20):
        with socket.create_connection((parts.hostname, parts.port), timeout=10) as client:
            client.sendall(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
            client.recv(1024)  # the server is writing the 8 MB now
            # Close with a reset (linger 0), as a browser's cancelled load can.
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    wait_until(lambda: not request_threads())
    assert fetch(preview.url, "/a/").status == 200
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize(
    "path",
    ["/" + "a" * 300, "/a" * 3000, "/" + "a" * 300 + "/"],
    ids=["long name", "deep", "folder"],
)
def test_a_path_the_file_system_cannot_hold_is_a_404_not_a_traceback(
    preview: Preview, capfd, path: str
) -> None:
    """A name past 255 bytes, or a path past 4096, made stat() raise ENAMETOOLONG while the
    static folders were searched: a traceback on the console and no answer at all."""
    assert fetch(preview.url, path).status == 404
    assert fetch(preview.url, "/a/").status == 200
    assert "Traceback" not in capfd.readouterr().err


def test_the_listen_backlog_holds_a_browsers_burst() -> None:
    """A server that is not accepting yet: the kernel holds at most the backlog's worth of
    connections; with socketserver's 5, the 7th connect waited for a SYN retry (1 s, 3 s…)."""
    server = open_server("127.0.0.1", 0, LiveSite(PreviewSite, log=lambda line: None))
    clients = []
    try:
        for _ in range(200):
            clients.append(socket.create_connection(server.server_address[:2], timeout=0.5))
    finally:
        for client in clients:
            client.close()
        server.server_close()
    assert len(clients) == 200


@pytest.mark.parametrize("port", ["99999", "65536", "-1", "²", "80x", "1" * 5000])
def test_an_impossible_port_is_a_usage_error(run_cli, site, port: str) -> None:
    with pytest.raises(SystemExit) as exited:
        run_cli("serve", "--site", site(ARTICLES), "--port", port)
    assert exited.value.code == 2


# --- Every site.yaml value escaped (finding 7) --------------------------------------------

HOSTILE = "x\"'><script>alert(1)</script><img src=y onerror=alert(2)>"
HOSTILE_URL = "https://example.org/p'onmouseover='alert(3)'q"
"""A URL may hold ``'``; one with ``"`` is refused (``test_a_web_address_with_a_quote_…``)."""


def _yaml(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid YAML double-quoted scalar


def hostile_site_yaml(base_url: str = "https://example.org/") -> str:
    """Every string site.yaml takes, holding quotes and angle brackets (URLs: a quote)."""
    q, u = _yaml(HOSTILE), _yaml(HOSTILE_URL)
    return f"""\
title: {q}
base_url: {_yaml(base_url)}
description: {q}
author: example-author
disclaimer: {q}
editorial_policy: {u}
comments:
  provider: giscus
  default: true
  giscus: {{repo: {q}, repo_id: {q}, category: {q}, category_id: {q}}}
authors:
  example-author:
    name: {q}
    credentials: {q}
    bio: {q}
    url: {u}
    photo: {u}
    sameAs: [{u}]
reviewers:
  example-reviewer:
    name: {q}
    credentials: {q}
    bio: {q}
    url: {u}
    photo: {u}
"""


HOSTILE_ARTICLES = {
    "a.md": article(
        "Zinc Basics",
        "Zinc text[^one].\n\n![A chart](images/chart.svg)\n",
        reviewed_by="example-reviewer",
        reviewed_on="2024-02-01",
        references=f"\n  - id: one\n    title: {_yaml(HOSTILE)}\n    url: {_yaml(HOSTILE_URL)}",
    ),
    "b.md": article("Sleep", "Sleep matters.", see_also="[a]"),
}
CHART = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='3'/>"


def injected(output: Path) -> list[str]:
    """Every ``on*`` attribute, ``javascript:`` URL and element the payload would add, on
    every page; and every feed or sitemap that does not parse."""
    found = []
    for page in sorted(output.rglob("*.html")):
        tree = HTMLParser(page.read_text(encoding="utf-8"))
        name = page.relative_to(output).as_posix()
        for node in tree.css("*"):
            for attribute, value in node.attributes.items():
                if attribute.lower().startswith("on"):
                    found.append(f"{name}: <{node.tag} {attribute}>")
                if (value or "").strip().lower().startswith("javascript:"):
                    found.append(f"{name}: <{node.tag} {attribute}={value}>")
        found += [
            f"{name}: <img src=y>" for img in tree.css("img") if img.attributes.get("src") == "y"
        ]
        for script in tree.css("script:not([src]):not([type='application/ld+json'])"):
            found.append(f"{name}: inline <script> {script.text()[:40]}")
    for feed in [*output.rglob("*.xml")]:
        try:
            ET.parse(feed)
        except ET.ParseError as exc:
            found.append(f"{feed.relative_to(output)}: {exc}")
    return found


def test_every_site_yaml_string_is_escaped_on_every_page(site, run_cli) -> None:
    root = site(
        HOSTILE_ARTICLES, site_yaml=hostile_site_yaml(), files={"static/images/chart.svg": CHART}
    )
    code, _, err = run_cli("build", "--site", root, "--drafts")
    assert code == 0, err
    assert injected(root / "public") == []
    title = HTMLParser((root / "public/index.html").read_text()).css_first("title").text()
    assert HOSTILE in title  # the text is kept, as text


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        ("    url: " + _yaml(HOSTILE_URL), '    url: "https://example.org/p\\"q"', "'authors"),
        (
            "editorial_policy: " + _yaml(HOSTILE_URL),
            'editorial_policy: "https://a.org/\\"q"',
            "'ed",
        ),
    ],
    ids=["person", "editorial-policy"],
)
def test_a_web_address_with_a_quote_is_refused_at_its_line(
    site, run_cli, old: str, new: str, error: str
) -> None:
    """A ``"`` in a web address was escaped into every href, which no browser reads as the
    page meant and the Nu Html Checker refuses: the address was pasted wrong."""
    root = site(ARTICLES)
    assert run_cli("build", "--site", root)[0] == 0
    text = hostile_site_yaml()
    assert old in text
    (root / "site.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    err = failed_build(root, run_cli)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row == old)
    assert f"error: site.yaml:{line}: {error}" in err
    assert "which no web address can hold" in err


@pytest.mark.parametrize(
    "base_url",
    [
        'https://example.org/x"onerror="alert(document.domain)"y/',
        "https://example.org/<script>/",
        "https://example.org/a b/",
        "https://example.org/?q=<x>",
    ],
)
def test_a_base_url_a_url_cannot_hold_is_refused_with_its_line(
    site, run_cli, base_url: str
) -> None:
    root = site(ARTICLES)
    assert run_cli("build", "--site", root)[0] == 0
    (root / "site.yaml").write_text(hostile_site_yaml(base_url), encoding="utf-8")
    err = failed_build(root, run_cli)
    assert "error: site.yaml:2: 'base_url' " in err
    (root / "site.yaml").write_text(hostile_site_yaml(), encoding="utf-8")
    err = failed_build(root, run_cli, "--base-url", base_url)
    assert "error: --base-url " in err


def test_a_base_url_that_got_past_validation_is_escaped_anyway(site, run_cli, monkeypatch) -> None:
    """Defence in depth: the image URLs built from the base path went into the HTML as they
    were, so this base URL gave a live onerror on every local image. Past the check and the
    percent-encoding of its path (``encoded_url``, which would make each quote %22)."""
    monkeypatch.setattr(config, "base_url_problem", lambda url, written="": None)
    monkeypatch.setattr(config, "encoded_url", lambda url: url)
    base_url = 'https://example.org/x"onerror="alert(document.domain)"y/'
    root = site(
        HOSTILE_ARTICLES,
        site_yaml=hostile_site_yaml(base_url),
        files={"static/images/chart.svg": CHART},
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0, err
    assert injected(root / "public") == []
    image = HTMLParser((root / "public/a/index.html").read_text()).css_first("img[alt='A chart']")
    assert image.attributes["src"] == '/x"onerror="alert(document.domain)"y/images/chart.svg'


# --- The build cache (finding 8) ----------------------------------------------------------

FORGERIES = {
    "plain checksum, as the cache used to check": lambda data: hashlib.blake2b(
        data, digest_size=16
    ).digest(),
    "another site's key": lambda data: cachefile._checksum(data, b"another site's key".ljust(32)),
}


@pytest.mark.parametrize("mac", list(FORGERIES.values()), ids=list(FORGERIES))
def test_a_forged_cache_record_is_ignored_and_the_page_rebuilt(
    site, run_cli, tmp_path: Path, mac
) -> None:
    root = site(ARTICLES)
    assert run_cli("build", "--site", root)[0] == 0
    database = root / CACHE_DIR / cachefile.DATABASE
    with contextlib.closing(sqlite3.connect(database)) as db, db:
        (data,) = db.execute("SELECT data FROM sources WHERE path = 'content/a.md'").fetchone()
        (entry,) = unpack_sources([data], {})
        script = "<p>Zinc is a trace mineral.</p><script>alert(document.cookie)</script>"
        forged = dataclasses.replace(entry, body=dataclasses.replace(entry.body, html=script))
        data = pack_source(forged)
        db.execute(
            "UPDATE sources SET checksum = ?, data = ? WHERE path = 'content/a.md'",
            (mac(data), data),
        )
    (root / "content" / "b.md").write_text(article("Sleep", "Sleep matters a lot."))
    code, _, err = run_cli("build", "--site", root)
    assert code == 0 and "Traceback" not in err
    page = HTMLParser((root / "public/a/index.html").read_text(encoding="utf-8"))
    assert not [s for s in page.css("script") if "alert" in s.text()]
    assert run_cli("build", "--site", root, "--no-cache", "--output", tmp_path / "clean")[0] == 0
    assert snapshot(root / "public") == snapshot(tmp_path / "clean")


# --- One problem repeated (finding 15, grouping) -------------------------------------------

FLOODS = {
    "one undefined citation used 5,000 times": (
        "".join(f"Claim {n}[^nope].\n" for n in range(5000)),
        "citation [^nope] names no reference",
    ),
    "one missing image used 5,000 times": (
        "".join("![A chart](images/none.png)\n\n" for _ in range(5000)),
        "image file not found: static/images/none.png",
    ),
}


@pytest.mark.parametrize(("body", "message"), list(FLOODS.values()), ids=list(FLOODS))
def test_one_problem_repeated_thousands_of_times_is_one_line(
    site, run_cli, body: str, message: str
) -> None:
    root = site(ARTICLES)
    assert run_cli("build", "--site", root)[0] == 0
    (root / "content" / "a.md").write_text(article("Zinc Basics", body), encoding="utf-8")
    err = failed_build(root, run_cli)
    lines = err.splitlines()
    assert len(lines) == 2, lines[:5]
    assert lines[0].startswith("error: content/a.md:") and message in lines[0]
    assert (
        lines[0].endswith(" and 4,996 more)") and "(5,000 times; also at content/a.md:" in lines[0]
    )
    assert lines[1] == "error: 5,000 errors; nothing was written, the previous output is untouched"
