"""Reading only regular files of a sane size, refused by type before they are opened."""

from __future__ import annotations

import io
import os
import socket
from pathlib import Path

import pytest

from articlegen.core.errors import FrontMatterError
from articlegen.core.limits import (
    MAX_HEADER_BYTES,
    _read_upto,
    header_problem,
    read_regular_file,
)


def read(path: Path, limit: int = 100) -> str:
    with pytest.raises(FrontMatterError) as raised:
        read_regular_file(path, "content/x.md", FrontMatterError, limit)
    return str(raised.value)


def test_a_regular_file_up_to_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(b"a" * 100)
    assert read_regular_file(path, "content/x.md", FrontMatterError, 100) == b"a" * 100


def test_a_file_that_grew_after_it_was_opened_is_read_whole_up_to_the_limit() -> None:
    # Read for its size first: what it gained after is read too, and past the limit one
    # byte more than the limit shows that it is over.
    assert _read_upto(io.BytesIO(b"a" * 60).read, 10, 100) == b"a" * 60
    assert _read_upto(io.BytesIO(b"a" * 300).read, 10, 100) == b"a" * 101
    assert _read_upto(io.BytesIO(b"a" * 10).read, 10, 100) == b"a" * 10
    assert _read_upto(io.BytesIO(b"a" * 8).read, 10, 100) == b"a" * 8  # shrank
    trickle = io.BytesIO(b"a" * 60)  # each read gives at most 7 bytes, as a read may
    assert _read_upto(lambda count: trickle.read(min(count, 7)), 60, 100) == b"a" * 60


def test_a_file_that_tells_no_size_is_read_whole(tmp_path: Path) -> None:
    version = Path("/proc/version")
    if not version.is_file() or version.stat().st_size:
        pytest.skip("needs a file that gives its size as 0, as Linux's /proc does")
    data = read_regular_file(version, "content/x.md", FrontMatterError)
    assert data and data == version.read_bytes()


def test_a_file_that_grew_past_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(b"a" * 3000)
    real_fstat = os.fstat

    def earlier(fd: int) -> os.stat_result:  # the size it had before it grew
        info = list(real_fstat(fd))
        info[6] = 10  # st_size
        return os.stat_result(info)

    monkeypatch.setattr(os, "fstat", earlier)
    assert read(path, 2048) == (
        "content/x.md: the file is 2,049 bytes, more than the limit of 2,048 bytes"
        " — split it into several files"
    )


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(b"a" * 3000)
    assert read(path, 2048) == (
        "content/x.md: the file is 3 KiB, more than the limit of 2 KiB"
        " — split it into several files"
    )


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.md")
    assert read(tmp_path / "x.md") == (
        "content/x.md: not a regular file but a named pipe (FIFO) — only ordinary files can be "
        "read: remove it, or move it out of the site"
    )


def test_a_link_to_a_named_pipe_is_refused_too(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    os.symlink("pipe", tmp_path / "x.md")
    assert "not a regular file but a named pipe" in read(tmp_path / "x.md")


def test_sockets_devices_and_folders_are_refused(tmp_path: Path) -> None:
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "x.md"))
    listener.close()
    assert "not a regular file but a socket" in read(tmp_path / "x.md")
    assert "not a regular file but a character device" in read(Path("/dev/null"))
    assert "not a regular file but a folder" in read(tmp_path)


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    assert read(tmp_path / "gone.md") == (
        "content/x.md: cannot read the file: No such file or directory"
    )


def test_a_header_over_the_limit_is_refused_at_its_line() -> None:
    header_problem("a" * MAX_HEADER_BYTES, "content/x.md", 1, FrontMatterError)
    with pytest.raises(FrontMatterError) as raised:
        header_problem("é" * (MAX_HEADER_BYTES // 2 + 1), "content/x.md", 1, FrontMatterError)
    assert str(raised.value) == (
        "content/x.md:1: the header is 1,048,578 bytes, more than the limit of 1,048,576 bytes"
        " — move long text into the body of the article"
    )
