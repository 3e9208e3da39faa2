"""One Pagefind service for several indexes, and indexes made in a thread of their own."""

from __future__ import annotations

import signal
import tempfile
import threading
import time
from pathlib import Path

import pytest

from articlegen.core.errors import OutputError
from articlegen.output.pagefindrun import PagefindService, pagefind_service, run_pagefind
from tests.unit.test_search import pagefind, write_pages  # noqa: F401


def pages_of(numbers: range) -> list[str]:
    return [f"p{number:02d}/index.html" for number in numbers]


def test_one_service_makes_each_index_as_a_run_of_its_own_would(
    tmp_path: Path,
    pagefind: Path,  # noqa: F811 - the fixture imported above
) -> None:
    write_pages(tmp_path, range(6))
    lists = [pages_of(range(3)), pages_of(range(3, 6)), [], pages_of(range(2, 5))]
    with pagefind_service(pagefind, tmp_path) as service:
        one_by_one = [service.index(pages) for pages in lists]
        with service.indexes(lists) as made:
            threaded = list(made)
    assert one_by_one == threaded == [run_pagefind(pagefind, tmp_path, p) for p in lists]


def test_a_failing_index_in_the_thread_is_raised_where_it_is_taken(
    tmp_path: Path,
    pagefind: Path,  # noqa: F811 - the fixture imported above
) -> None:
    write_pages(tmp_path, range(2))
    lists = [pages_of(range(2)), ["missing/index.html"]]
    with pagefind_service(pagefind, tmp_path) as service, service.indexes(lists) as made:
        taken = iter(made)
        assert "pagefind-entry.json" in next(taken)
        with pytest.raises(OutputError, match=r"cannot read missing/index\.html"):
            next(taken)


def test_leaving_early_stops_the_thread_after_the_index_it_is_making(
    tmp_path: Path,
    pagefind: Path,  # noqa: F811 - the fixture imported above
) -> None:
    write_pages(tmp_path, range(4))
    lists = [pages_of(range(4))] * 6
    with pagefind_service(pagefind, tmp_path) as service:
        with service.indexes(lists) as made:
            next(iter(made))
        assert not [t for t in threading.enumerate() if t.name == "pagefind-indexes"]
        assert service.index(pages_of(range(1))) == run_pagefind(
            pagefind, tmp_path, pages_of(range(1))
        )


def test_a_ctrl_c_while_indexes_are_made_stops_the_thread_and_pagefind_at_once(
    tmp_path: Path,
    pagefind: Path,  # noqa: F811 - the fixture imported above
) -> None:
    write_pages(tmp_path, range(20))
    lists = [pages_of(range(20))] * 50
    with (
        pytest.raises(KeyboardInterrupt),
        pagefind_service(pagefind, tmp_path) as service,
        service.indexes(lists) as made,
    ):
        next(iter(made))
        raise KeyboardInterrupt
    assert not [t for t in threading.enumerate() if t.name == "pagefind-indexes"]
    assert service.process is not None and service.process.returncode == -signal.SIGKILL


class _SlowPipe:
    """A pipe whose close takes a while and counts the threads closing it at once."""

    def __init__(self) -> None:
        self.closing, self.most = 0, 0
        self.lock = threading.Lock()

    def close(self) -> None:
        with self.lock:
            self.closing += 1
            self.most = max(self.most, self.closing)
        time.sleep(0.05)
        with self.lock:
            self.closing -= 1


class _KilledProcess:
    """A process already stopped, its pipes slow to close."""

    returncode = -signal.SIGKILL

    def __init__(self) -> None:
        self.stdin, self.stdout = _SlowPipe(), _SlowPipe()

    def wait(self, timeout: float | None = None) -> int:
        return self.returncode


def test_two_threads_stopping_the_service_close_its_pipes_one_at_a_time(
    tmp_path: Path,
) -> None:
    # A Ctrl-C's stop and the index thread's failure once closed the requests' pipe at
    # once: Python's buffered writer then flushed a buffer the other close had freed.
    with tempfile.TemporaryFile() as stderr:
        service = PagefindService(Path("pagefind"), tmp_path, stderr)
        process = _KilledProcess()
        service.process = process  # type: ignore[assignment]
        stops = [threading.Thread(target=service.stop, kwargs={"at_once": True}) for _ in "ab"]
        for stop in stops:
            stop.start()
        for stop in stops:
            stop.join()
    assert process.stdin.most == process.stdout.most == 1
