"""server.py: request paths never leave the served folder; files get the right type."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from articlegen.serve import server
from articlegen.serve.livereload import LiveSite, PreviewSite
from articlegen.serve.server import content_type, find, open_server, request_key, resolve_inside
from tests.serving import fetch


@pytest.mark.parametrize(
    ("target", "key"),
    [
        ("/", "index.html"),
        ("/ketamine/", "ketamine/index.html"),
        ("/ketamine/index.html", "ketamine/index.html"),
        ("/tags/sleep/page/2/", "tags/sleep/page/2/index.html"),
        ("/assets/style.css?v=3", "assets/style.css"),
        ("/ketamine/#risks", "ketamine/index.html"),
        ("/caf%C3%A9/", "café/index.html"),
        ("/a%20b.txt", "a b.txt"),
        ("/ketamine", "ketamine"),
        ("http://127.0.0.1:8000/ketamine/", "ketamine/index.html"),
        ("/.well-known/security.txt", ".well-known/security.txt"),
    ],
)
def test_request_key(target: str, key: str) -> None:
    assert request_key(target) == key


@pytest.mark.parametrize(
    "target",
    [
        "/../etc/passwd",
        "/a/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/etc/passwd",
        "/a/%2e%2e/b",
        "/..%2fetc%2fpasswd",
        "/.%2e/etc/passwd",
        "/./index.html",
        "//etc/passwd",
        "/a//b",
        "/%2fetc%2fpasswd",
        "/..\\etc\\passwd",
        "/a%5c..%5cb",
        "/a%00.html",
        "/.git/config",
        "/static/.env",
        "/.well-known/.env",
        "/.well-known/../site.yaml",
        "/%ff%fe",
        "etc/passwd",
        "*",
    ],
)
def test_request_key_refuses_leaving_the_site(target: str) -> None:
    assert request_key(target) is None


def test_resolve_inside(tmp_path: Path) -> None:
    root = tmp_path / "static"
    (root / "img").mkdir(parents=True)
    (root / "img/a.png").write_bytes(b"png")
    assert resolve_inside(root, "img/a.png") == (root / "img/a.png").resolve()
    assert resolve_inside(root, "img/missing.png") is None
    assert resolve_inside(root, "img") is None  # a folder: no listings


def test_symlinks_out_of_the_root_are_refused(tmp_path: Path) -> None:
    root = tmp_path / "static"
    root.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    os.symlink(secret, root / "leak.txt")
    os.symlink(tmp_path, root / "up")
    assert resolve_inside(root, "leak.txt") is None
    assert resolve_inside(root, "up/secret.txt") is None


def test_symlinks_inside_the_root_are_followed(tmp_path: Path) -> None:
    root = tmp_path / "static"
    (root / "real").mkdir(parents=True)
    (root / "real/a.css").write_text("a{}")
    os.symlink(root / "real", root / "alias")
    assert resolve_inside(root, "alias/a.css") == (root / "real/a.css").resolve()


def test_generated_pages_first_then_later_static_folders_win(tmp_path: Path) -> None:
    theme, site = tmp_path / "theme", tmp_path / "site"
    for folder in (theme, site):
        (folder / "assets").mkdir(parents=True)
        (folder / "assets/style.css").write_text(folder.name)
    (theme / "assets/only-theme.js").write_text("theme")
    snapshot = PreviewSite({"index.html": b"home"}, (theme, site))
    assert find(snapshot, "index.html") == b"home"
    assert find(snapshot, "assets/style.css") == (site / "assets/style.css").resolve()
    assert find(snapshot, "assets/only-theme.js") == (theme / "assets/only-theme.js").resolve()
    assert find(snapshot, "nothing.html") is None


@pytest.mark.parametrize("name", ["~draft.txt", "#notes.txt#", "#old/a.txt", "~old/b.css"])
def test_static_files_a_build_leaves_out_are_not_served(tmp_path: Path, name: str) -> None:
    """The build skips names of static/ starting with '#' or '~' (core/layout.is_skipped),
    and the preview served them: what it serves must be what a build publishes."""
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text("not published")
    (tmp_path / "a~b.txt").write_text("published: '~' inside a name")
    snapshot = PreviewSite({}, (tmp_path,))
    assert find(snapshot, name) is None
    assert find(snapshot, "a~b.txt") == (tmp_path / "a~b.txt").resolve()


def test_static_files_under_a_linked_folder_are_not_served(tmp_path: Path) -> None:
    """The build's static copy does not go into a folder that is a symbolic link
    (docs/output.md), so /pics/a.png is published nowhere: the preview served it. A linked
    file is published, and the theme's file at that path is what a build publishes."""
    theme, site = tmp_path / "theme", tmp_path / "static"
    (site / "images/deep").mkdir(parents=True)
    (site / "images/a.png").write_text("image")
    (site / "images/deep/b.png").write_text("deeper")
    (site / "pics").symlink_to("images")
    (site / "more").mkdir()
    (site / "more/deep").symlink_to("../images/deep")
    (site / "b.png").symlink_to("images/deep/b.png")
    (theme / "pics").mkdir(parents=True)
    (theme / "pics/t.png").write_text("theme")
    (site / "images/t.png").write_text("the site's, under its link")
    snapshot = PreviewSite({}, (theme, site))
    assert find(snapshot, "pics/a.png") is None
    assert find(snapshot, "more/deep/b.png") is None
    assert find(snapshot, "images/a.png") == (site / "images/a.png").resolve()
    assert find(snapshot, "b.png") == (site / "images/deep/b.png").resolve()
    assert find(snapshot, "pics/t.png") == (theme / "pics/t.png").resolve()


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("index.html", "text/html; charset=utf-8"),
        ("assets/style.css", "text/css; charset=utf-8"),
        ("assets/comments.js", "text/javascript; charset=utf-8"),
        ("feed.xml", "application/xml; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("img/a.png", "image/png"),
        ("img/a.svg", "image/svg+xml"),
        ("fonts/a.woff2", "font/woff2"),
        ("files/blob", "application/octet-stream"),
    ],
)
def test_content_type(key: str, kind: str) -> None:
    assert content_type(key) == kind


def test_a_page_found_as_a_rebuild_ends_is_told_to_reload(monkeypatch) -> None:
    """A request found its page in the last build, and the rebuild ended before the page was
    stamped with the build it is of (a loaded machine): stamped with the new build's, it
    made its browser connect as up to date, never told to reload to the new page."""
    pages = (b"<body>old</body>", b"<body>new</body>")
    builds = iter([PreviewSite({"a/index.html": page}) for page in pages])
    live = LiveSite(lambda: next(builds), log=lambda line: None)
    live.refresh()
    real_find = server.find

    def find_as_the_rebuild_ends(site: PreviewSite, key: str) -> object:
        found = real_find(site, key)
        live.refresh()
        return found

    monkeypatch.setattr(server, "find", find_as_the_rebuild_ends)
    http = open_server("127.0.0.1", 0, live, log=lambda line: None)
    threading.Thread(target=http.serve_forever, daemon=True).start()
    try:
        response = fetch(http.url, "/a/")
    finally:
        http.shutdown()
        http.server_close()
    assert response.body.startswith(b"<body>old")  # the last build's page, as found
    script = response.html().css_first("script").attributes
    client = live.connect("a/index.html", script["data-since"] or "", script["data-server"] or "")
    assert client.next(0.01).startswith("event: reload\n")
