"""The published site as readers get it: this repository's blog built in a temporary folder,
served from 127.0.0.1 the way a static host serves it. Used by tests/browser/ and bench/."""

from __future__ import annotations

import gzip
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from articlegen.build import build_site
from articlegen.core.model import BuildOptions

REPO = Path(__file__).resolve().parents[1]
BLOG_PARTS = ("site.yaml", "content", "templates", "static")
"""What makes up the blog in this repository (the rest is the generator)."""
CACHE_CONTROL = "public, max-age=600"
"""What GitHub Pages sends with every file."""
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


def build_repo_blog(folder: Path) -> Path:
    """Copy this repository's blog into ``folder``, build it there and return the output."""
    for name in BLOG_PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        elif source.is_file():
            shutil.copy2(source, folder / name)
    output = folder / "public"
    build_site(folder, BuildOptions(output=output))
    return output


def html_pages(folder: Path) -> list[str]:
    """Site-relative URLs of every HTML page in a built site (``a/`` for ``a/index.html``)."""
    return sorted(
        p.relative_to(folder).as_posix().removesuffix("index.html")
        for p in folder.rglob("*.html")
        if "pagefind" not in p.relative_to(folder).parts
    )


def page_file(folder: Path, url: str) -> Path:
    """The file behind a site-relative URL from ``html_pages``."""
    return folder / (url if url.endswith(".html") else url + "index.html")


@contextmanager
def static_host(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1 → ``http://127.0.0.1:PORT/``: folders as
    their index.html, text gzip-compressed and every file cacheable, as static hosts do."""

    class Handler(_StaticHandler):
        root = folder

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class _StaticHandler(SimpleHTTPRequestHandler):
    root: Path

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, directory=str(self.root), **kwargs)  # type: ignore[arg-type]

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        accepts = self.headers.get("Accept-Encoding", "")
        if path.suffix in COMPRESSED and path.is_file() and "gzip" in accepts:
            self._send_compressed(path)
        else:
            super().do_GET()

    def _send_compressed(self, path: Path) -> None:
        data = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Last-Modified", formatdate(os.stat(path).st_mtime, usegmt=True))
        self.end_headers()
        self.wfile.write(data)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass
