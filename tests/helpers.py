"""Assertions on built sites shared by the end-to-end tests."""

from __future__ import annotations

import gzip
import hashlib
import stat
import struct
import sys
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen.build import build_site
from articlegen.core.errors import ArticlegenError, BuildFailed, SourceError
from articlegen.core.model import BuildOptions, ImportedArticle, RenderedBody
from articlegen.markup.markdown import make_markdown, render_body

NOTHING_WRITTEN = "error: 1 error; nothing was written, the previous output is untouched\n"
"""The last line a failed build prints after its one error."""
CHECK_FAILED = "error: 1 error; no output written\n"
"""The last line a failed check (which never writes) prints after its one error."""


def failure_summary(command: str, previous: bool = True) -> str:
    """The last line ``build`` or ``check`` prints after its one error; a build says the
    previous output is untouched only if there was one (``previous``)."""
    if command == "check":
        return CHECK_FAILED
    return NOTHING_WRITTEN if previous else "error: 1 error; nothing was written\n"


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path → sha256 of every file under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def same_as_clean(root: Path, tmp_path: Path, name: str = "clean") -> dict[str, str]:
    """Assert that ``root``'s output, made by builds that reused what they could, is what a
    clean build (no cache: every page planned and rendered) makes; its snapshot."""
    clean = tmp_path / name
    build_site(root, BuildOptions(output=clean))
    made = snapshot(clean)
    assert snapshot(root / "public") == made
    return made


def internal_link_problems(output: Path, base_path: str = "/") -> list[str]:
    """Every ``href``/``src`` in the output that points inside the site but to no file."""
    problems = []
    for page in sorted(output.rglob("*.html")):
        tree = HTMLParser(page.read_text(encoding="utf-8"))
        for node in tree.css("[href], [src]"):
            ref = node.attributes.get("href") or node.attributes.get("src") or ""
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            if parts.path.startswith("/"):
                if not parts.path.startswith(base_path):
                    problems.append(f"{page}: {ref} is outside {base_path}")
                    continue
                target = output / unquote(parts.path[len(base_path) :])
            else:
                target = page.parent / unquote(parts.path)
            if target.is_dir() or str(target).endswith("/"):
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{page.relative_to(output)}: {ref}")
    return problems


def failure_messages(run: Callable[[], object]) -> list[str]:
    """The messages of every error ``run()`` raises (one error, or a BuildFailed of many)."""
    try:
        run()
    except BuildFailed as failed:
        return [str(e) for e in failed.errors]
    except ArticlegenError as error:
        return [str(error)]
    raise AssertionError("expected an error")


def rendered_import(
    parse: Callable[[str, str], ImportedArticle], source: str
) -> tuple[ImportedArticle, RenderedBody] | None:
    """``source`` imported with ``parse`` and its body rendered as the build renders it (title
    checked first); None when the importer refuses the source with a clean error."""
    try:
        article = parse(source, "source")
    except SourceError:
        return None
    assert article.title and len(article.title) <= 200 and "\n" not in article.title
    return article, render_body(make_markdown(), article.body)


_FAKE_PAGEFIND = """\
import base64, json, sys

FILES = {files!r}


def answer(number, payload):
    message = json.dumps({{"message_id": number, "payload": payload}}).encode()
    sys.stdout.write(base64.b64encode(message).decode() + ",")
    sys.stdout.flush()


pending = b""
while chunk := sys.stdin.buffer.read1(65536):
    pending += chunk
    *whole, pending = pending.split(b",")
    for message in whole:
        request = json.loads(base64.b64decode(message))
        number, payload = request["message_id"], request["payload"]
        if payload["type"] == "NewIndex":
            answer(number, {{"type": "NewIndex", "index_id": 0}})
        elif payload["type"] == "AddFile":
            url = "/" + payload["file_path"].removesuffix("index.html")
            answer(number, {{"type": "IndexedFile", "page_word_count": 1, "page_url": url,
                            "page_meta": {{}}}})
        elif payload["type"] == "DeleteIndex":
            answer(number, {{"type": "DeleteIndex"}})
        elif payload["type"] == "GetFiles":
            files = [
                {{"path": name, "content": base64.b64encode(data).decode()}}
                for name, data in FILES.items()
            ]
            answer(number, {{"type": "GetFiles", "files": files}})
"""


def fake_pagefind(folder: Path, files: Mapping[str, bytes]) -> Path:
    """A program in ``folder`` that answers Pagefind's service requests as Pagefind does,
    exits 0, and hands over ``files`` (path in the index folder → bytes) as "the index":
    what a full disk or a broken Pagefind leaves, for the index checks to catch."""
    program = folder / "pagefind"
    program.write_text(
        f"#!{sys.executable}\n" + _FAKE_PAGEFIND.format(files=dict(files)), encoding="utf-8"
    )
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    return program


def png_header(width: int, height: int) -> bytes:
    """A PNG that is only a header claiming ``width`` × ``height`` pixels (no pixel data)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def pagefind_cbor(data: bytes) -> list:
    """A file of a Pagefind index (gzipped ``pagefind_dcd`` + CBOR) decoded whole: its
    arrays as lists, texts as str, integers as int."""
    raw = gzip.decompress(data)
    assert raw.startswith(b"pagefind_dcd")
    value, end = _cbor_item(raw, len(b"pagefind_dcd"))
    assert end == len(raw)
    return value


def _cbor_item(data: bytes, i: int) -> tuple[object, int]:
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info >= 24:
        size = 1 << (info - 24)
        info, i = int.from_bytes(data[i : i + size], "big"), i + size
    if major == 0:
        return info, i
    if major == 1:
        return -1 - info, i
    if major == 3:
        return data[i : i + info].decode(), i + info
    assert major == 4, major
    items = []
    for _ in range(info):
        item, i = _cbor_item(data, i)
        items.append(item)
    return items, i
