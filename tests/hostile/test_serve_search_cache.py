"""Attacks on the search index, the escaping of site.yaml values, the build cache, the
preview server and error reporting (issue 18, findings 3, 4, 7, 8, 14 and 15's grouping).

Each build attack runs on a site built once successfully, and asserts exit code 1, no
traceback, the message, and the previous output byte for byte."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from articlegen import build
from articlegen.search import find_pagefind
from tests.conftest import article
from tests.helpers import fake_pagefind, snapshot

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
        "error: the search index holds 1 pages, expected 2 (one per article)",
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

    def full(path: Path, data: bytes) -> int:
        if "pagefind" in path.parts:
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
