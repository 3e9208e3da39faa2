"""Running Pagefind: the pages of a site handed to its service mode, the index taken back.

Two things are not left to Pagefind:

* **The order of the pages.** Run as ``pagefind --site``, it numbers pages in the
  order the file system lists them, which differs between file systems (tmpfs lists
  newest first, ext4 by a per-disk hash): the same site gave different index bytes.
  So the pages are handed to Pagefind's service mode one by one, in the order given.
* **Writing the index.** Pagefind ignores failed writes: on a full disk it exited 0
  leaving zero-byte index files (and, as a service, answers before its writes are
  done). So it hands the index over and the caller writes it, where a full disk is
  an error like any other.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import queue
import re
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO

from ..core.errors import OutputError

INSTALL_HINT = "pip install 'articlegen[search]'"
OFF_HINT = "set 'search: false' in site.yaml to build without search"
_TIMEOUT_SECONDS = 300
EXCLUDED = (".header-anchor",)
"""Left out of the index as ``data-pagefind-ignore`` blocks are: a heading's "#" link to
itself, which Pagefind read as text, so excerpts showed "The risks # Ketamine can…"."""
_INDEX_CONFIG = {"exclude_selectors": list(EXCLUDED)}
_BEFORE_ANCHOR = re.compile(r"[ \t\n]+(?=<a class=\"header-anchor\")")
"""The space before a heading's "#" link, which Pagefind is given the page without: left
there once the link is left out, it kept Pagefind from ending the heading with a full
stop, so excerpts read "What sleep apnea is In obstructive…". The page keeps it (a screen
reader reads the heading's text and its link's name apart)."""


_CITATION = re.compile(
    r'(\s*)<sup class="citation" id="[^"<>]*"><a href="[^"<>]*" role="doc-noteref">\[[0-9]+\]'
    r"</a></sup>(\w?)"
)
"""A citation's number as ``markup.placeholders`` writes it, which Pagefind is given the page
without: indexed, excerpts read "Adults need sleep [1]. Also [2] [3].", and left out as an
excluded selector, "Adults need sleep . Also .", Pagefind putting a space in its place. The
space before it goes too (``_uncited``), unless a word follows at once."""


def _uncited(found: re.Match[str]) -> str:
    """A citation's number taken out, and the space before it unless a word follows at once
    ("sleep [1]. Also" → "sleep. Also"; "sleep [1]more" → "sleep more")."""
    space, word = found.groups()
    return space + word if word else ""


def run_pagefind(pagefind: Path, folder: Path, pages: Sequence[str]) -> dict[str, bytes]:
    """The index of ``pages`` (paths under ``folder``, indexed in that order) made by
    ``pagefind --service``: path in the index folder → bytes; ``OutputError`` if it fails."""
    with pagefind_service(pagefind, folder) as service:
        return service.index(pages)


@contextlib.contextmanager
def pagefind_service(pagefind: Path, folder: Path) -> Iterator[PagefindService]:
    """A Pagefind service for indexes of pages under ``folder``, one after another in one
    process, started by the first: Pagefind takes 15 ms to start and 50 ms to index a
    shard of 16 pages, so a build's shards share one. At the end the process is stopped
    and reaped (its exit code, if not 0, an ``OutputError``)."""
    with tempfile.TemporaryFile() as stderr:
        service = PagefindService(pagefind, folder, stderr)
        try:
            yield service
        except BaseException:
            service.stop()
            raise
        service.close()


class PagefindService:
    """One ``pagefind --service`` process (its errors written to ``stderr``) and the
    answers it has given so far.

    The service reads base64 JSON requests, each ended by a comma, and answers each in the
    same form, in order. The ``pagefind`` Python package speaks this too, but it sleeps
    0.1 s before reading each answer (17 minutes for 10,000 pages); here a thread writes
    the requests while this one reads the answers as they come.
    """

    def __init__(self, pagefind: Path, folder: Path, stderr: IO[bytes]) -> None:
        self.pagefind, self.folder, self.stderr = pagefind, folder, stderr
        self.process: subprocess.Popen[bytes] | None = None
        self.answers: Iterator[dict[str, object]] = iter(())
        self.sent = 0
        """Requests sent so far (each numbered)."""
        self.deleting = False
        """Whether the answer to the last index's deletion is still to be read."""
        self.ending = threading.Lock()
        """Held while the process's pipes are closed: a Ctrl-C's stop in the caller's thread
        and the index thread's failure closed them at once, and Python's buffered writer,
        its flush failed on the killed process, then flushed the buffer the other had freed
        (a ``ValueError`` out of ``close``)."""

    def index(self, pages: Sequence[str]) -> dict[str, bytes]:
        """The index of ``pages`` (indexed in that order), then forgotten by Pagefind."""
        process = self.process or self._start()
        timed_out = threading.Event()

        def stop() -> None:
            timed_out.set()
            process.kill()

        timer = threading.Timer(_TIMEOUT_SECONDS, stop)
        timer.daemon = True  # never what keeps the interpreter from exiting after a Ctrl-C
        try:
            timer.start()  # in the try: a Ctrl-C while it starts still cancels it
            files, problem = _Conversation(self, pages).run()
        finally:
            timer.cancel()
        if timed_out.is_set():
            files, problem = None, f"Pagefind took over {_TIMEOUT_SECONDS} s and was stopped"
        if files is None:
            self._fail(problem)
        assert files is not None
        return files

    def indexes(self, page_lists: Sequence[Sequence[str]]) -> Indexes:
        """The index of each of ``page_lists``, in order, made in a thread of their own:
        the caller works on each (reads it, keeps it) while Pagefind makes the next, or
        while Pagefind makes the first, on what needs no index. Use it in a ``with``."""
        return Indexes(self, page_lists)

    def close(self) -> None:
        """End the service (it stops at the end of its input); ``OutputError`` if it
        exits with an error."""
        if self.process is not None and self.process.returncode is None:
            self._finish()
            if self.process.returncode:
                self._fail(None)
        self.stop()

    def stop(self, *, at_once: bool = False) -> None:
        """Stop the service, if running (``at_once``: killed, not let finish what it was
        asked), and wait for it."""
        if self.process is not None:
            if at_once and self.process.returncode is None:
                self.process.kill()
            self._finish()

    def _start(self) -> subprocess.Popen[bytes]:
        try:
            self.process = subprocess.Popen(
                [str(self.pagefind), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.stderr,
            )
        except OSError as exc:
            raise OutputError(
                f"cannot build the search index: {exc}", hint=f"reinstall Pagefind ({INSTALL_HINT})"
            ) from exc
        assert self.process.stdout is not None
        self.answers = _answers(self.process.stdout)
        return self.process

    def _fail(self, problem: str | None) -> None:
        """Raise the ``OutputError`` of an index that failed: ``problem``, else what the
        stopped program said last, with its exit code."""
        assert self.process is not None
        self._finish()
        code = self.process.returncode
        said = f" (Pagefind exit code {code})" if code else ""
        detail = problem or _last_line(self.stderr) or "Pagefind stopped before writing it"
        self.stop()
        raise OutputError(f"the search index failed{said}: {detail}", hint=OFF_HINT)

    def end_requests(self) -> None:
        """Close the requests' pipe, which ends the service once it has read them."""
        assert self.process is not None and self.process.stdin is not None
        with self.ending, contextlib.suppress(OSError):
            self.process.stdin.close()

    def _finish(self) -> None:
        """End the service (it stops at the end of its input) and wait for it."""
        assert self.process is not None
        self.end_requests()
        with self.ending:
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            if self.process.stdout is not None:
                self.process.stdout.close()


class Indexes:
    """Indexes being made by a service in a thread, one after another, taken in order by
    iterating; at most two made ahead. Leaving the ``with`` stops the thread after the
    index it is making (Pagefind is not asked for two at a time), and a failure in the
    thread (an ``OutputError``) is raised where its index is taken."""

    def __init__(self, service: PagefindService, page_lists: Sequence[Sequence[str]]) -> None:
        self.made: queue.Queue[tuple[dict[str, bytes] | None, BaseException | None]]
        self.made = queue.Queue(maxsize=2)
        self.service, self.stopping = service, threading.Event()
        self.left = len(page_lists)
        self.thread = threading.Thread(
            target=self._make, args=(service, page_lists), name="pagefind-indexes", daemon=True
        )
        self.thread.start()

    def __enter__(self) -> Indexes:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stopping.set()
        if error is not None and not isinstance(error, Exception):  # a Ctrl-C: at once
            self.service.stop(at_once=True)
        with contextlib.suppress(queue.Empty):  # a thread waiting for room: let it see the stop
            while True:
                self.made.get_nowait()
        self.thread.join()

    def __iter__(self) -> Iterator[dict[str, bytes]]:
        while self.left:
            files, error = self.made.get()
            self.left -= 1
            if error is not None:
                self.left = 0
                raise error
            assert files is not None
            yield files

    def _make(self, service: PagefindService, page_lists: Sequence[Sequence[str]]) -> None:
        try:
            for pages in page_lists:
                if self.stopping.is_set():
                    return
                self._hand((service.index(pages), None))
        except BaseException as error:  # raised in the caller's thread, where it is taken
            self._hand((None, error))

    def _hand(self, made: tuple[dict[str, bytes] | None, BaseException | None]) -> None:
        while not self.stopping.is_set():
            with contextlib.suppress(queue.Full):
                self.made.put(made, timeout=0.05)
                return


class _Conversation:
    """The requests of one index and their answers: ``run()`` sends them and returns the
    index's files, or None and what went wrong (None: ask its exit code)."""

    def __init__(self, service: PagefindService, pages: Sequence[str]):
        assert service.process is not None and service.process.stdin is not None
        self.service, self.requests = service, service.process.stdin
        self.folder, self.pages = service.folder, pages
        self.unsent: str | None = None
        """Why the requests stopped short (a page that could not be read)."""

    def run(self) -> tuple[dict[str, bytes] | None, str | None]:
        if not self._send({"type": "NewIndex", "config": _INDEX_CONFIG}):
            return None, None  # the program is gone: its exit code and last words say why
        if self.service.deleting:
            deleted = next(self.service.answers, None)
            if deleted is None or deleted.get("type") != "DeleteIndex":
                return None, _said(deleted)
            self.service.deleting = False
        first = next(self.service.answers, None)
        if first is None or first.get("type") != "NewIndex":
            return None, _said(first)
        index_id = first["index_id"]
        writer = threading.Thread(
            target=self._send_pages, args=(index_id,), name="pagefind", daemon=True
        )
        writer.start()
        for number, answer in enumerate(self.service.answers):
            if answer.get("type") == "Error":
                return None, _said(answer, self.pages[number] if number < len(self.pages) else None)
            if answer.get("type") == "GetFiles":
                writer.join()
                self.service.deleting = self._send({"type": "DeleteIndex", "index_id": index_id})
                return _index_files(answer)
        writer.join()
        return None, self.unsent

    def _send_pages(self, index_id: object) -> None:
        """Every page, then the request for the index; on a page that cannot be read,
        the end of the requests, which stops the service."""
        for relative in self.pages:
            try:
                contents = (self.folder / relative).read_text(encoding="utf-8", errors="replace")
                contents = _CITATION.sub(_uncited, _BEFORE_ANCHOR.sub("", contents))
            except OSError as exc:
                self.unsent = f"cannot read {relative}: {exc.strerror or exc}"
                self.service.end_requests()
                return
            page = {"type": "AddFile", "index_id": index_id, "file_path": relative, "url": None}
            if not self._send({**page, "file_contents": contents}):
                return
        self._send({"type": "GetFiles", "index_id": index_id})

    def _send(self, payload: dict[str, object]) -> bool:
        """One request; False if Pagefind is no longer there to read it."""
        self.service.sent += 1  # one thread at a time: pages only while no other request
        number = self.service.sent
        message = json.dumps({"message_id": number, "payload": payload}).encode("utf-8")
        try:
            self.requests.write(base64.b64encode(message) + b",")
            self.requests.flush()
        except (OSError, ValueError):  # a closed pipe, or closed by us
            return False
        return True


def _answers(stream: IO[bytes]) -> Iterator[dict[str, object]]:
    """The payload of each answer Pagefind writes, until it stops or writes garbage."""
    parts: list[bytes] = []  # of an answer not yet ended: the index is one of megabytes
    while chunk := stream.read1(1 << 16):  # type: ignore[attr-defined]
        *ends, rest = chunk.split(b",")
        for end in ends:
            message, parts = b"".join([*parts, end]), []
            try:
                payload = json.loads(base64.b64decode(message, validate=True))["payload"]
            except (binascii.Error, ValueError, TypeError, KeyError):
                return
            yield payload
        if rest:
            parts.append(rest)


def _index_files(answer: dict[str, object]) -> tuple[dict[str, bytes] | None, str | None]:
    """The files of a ``GetFiles`` answer, each path checked to stay in the index folder."""
    files = {}
    try:
        for each in answer["files"]:  # type: ignore[attr-defined]
            path = PurePosixPath(each["path"])
            if path.is_absolute() or ".." in path.parts or not path.parts:
                return None, f"Pagefind named a file outside its folder: {each['path']}"
            files[path.as_posix()] = base64.b64decode(each["content"], validate=True)
    except (binascii.Error, ValueError, TypeError, KeyError):
        return None, "Pagefind's answer is not an index"
    return files, None


def _said(answer: dict[str, object] | None, page: str | None = None) -> str | None:
    """What an unexpected answer says, naming the page it was about."""
    if answer is None:
        return None
    message = str(answer.get("message", answer))
    return f"{page}: {message}" if page else f"Pagefind answered: {message}"


def _last_line(stream: IO[bytes]) -> str:
    stream.seek(0)
    lines = stream.read().decode("utf-8", errors="replace").strip().splitlines()
    return lines[-1] if lines else ""
