"""Work spread over processes: results in order, small jobs kept here, failures redone here."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from articlegen.core import workers
from articlegen.core.workers import WORKER_GC_THRESHOLDS, map_chunks, pooled, split


def tag_with_pid(items: list[int]) -> list[tuple[int, int]]:
    return [(item, os.getpid()) for item in items]


def fail_in_workers(parent: int, items: list[int]) -> list[int]:
    if os.getpid() != parent:
        raise ValueError("no pickling for you")
    return [item * 2 for item in items]


def fail_after_first_chunk(parent: int, items: list[int]) -> list[tuple[int, int]]:
    if os.getpid() != parent and items[0] != 0:
        raise ValueError("only the first chunk works in a worker")
    return [(item, os.getpid()) for item in items]


def gc_thresholds(items: list[int]) -> list[tuple[bool, tuple[int, int, int]]]:
    return [(gc.isenabled(), gc.get_threshold()) for _ in items]


def test_split_keeps_order_and_evens_out_sizes() -> None:
    chunks = split(list(range(10)), 4)
    assert chunks == [[0, 1, 2], [3, 4, 5], [6, 7], [8, 9]]


def test_many_items_run_in_workers_and_come_back_in_order() -> None:
    results = map_chunks(tag_with_pid, list(range(40)), jobs=2, min_items=10)
    assert [item for item, _ in results] == list(range(40))
    assert os.getpid() not in {pid for _, pid in results}


@pytest.mark.parametrize("jobs, count", [(1, 40), (2, 9)])
def test_one_job_or_few_items_stay_in_this_process(jobs: int, count: int) -> None:
    results = map_chunks(tag_with_pid, list(range(count)), jobs=jobs, min_items=10)
    assert {pid for _, pid in results} == {os.getpid()}


def test_nothing_to_do() -> None:
    assert map_chunks(tag_with_pid, [], jobs=2, min_items=0) == []


def test_a_failing_worker_has_the_job_redone_here() -> None:
    func = partial(fail_in_workers, os.getpid())
    assert map_chunks(func, list(range(20)), jobs=2, min_items=1) == [n * 2 for n in range(20)]


def test_pooled_results_come_in_order_as_their_chunks_come_back() -> None:
    results = pooled(tag_with_pid, list(range(40)), jobs=2)
    first = next(results)  # the first chunk is back: the rest may still be working
    assert first[0] == 0 and first[1] != os.getpid()
    assert [first[0], *(item for item, _ in results)] == list(range(40))


def test_a_worker_failing_half_way_has_only_the_rest_redone_here() -> None:
    """What was yielded stays yielded: the items after it are done here, each once."""
    parent = os.getpid()
    seen = list(pooled(partial(fail_after_first_chunk, parent), list(range(20)), jobs=2))
    assert [item for item, _ in seen] == list(range(20))
    in_worker = [item for item, pid in seen if pid != parent]
    assert in_worker and in_worker == list(range(len(in_worker))) and len(in_worker) < 20


def double_and_count(items: list[int], finished=None) -> list[int]:
    results = []
    for item in items:
        results.append(item * 2)
        if finished is not None:
            finished(1)
    return results


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_adds_up_to_the_total(jobs: int) -> None:
    reports: list[tuple[int, int]] = []
    results = map_chunks(
        double_and_count,
        list(range(30)),
        jobs=jobs,
        min_items=10,
        progress=lambda *r: reports.append(r),
    )
    assert results == [n * 2 for n in range(30)]
    assert reports[-1] == (30, 30)
    assert [done for done, _ in reports] == sorted({done for done, _ in reports})
    assert len(reports) == (30 if jobs == 1 else 8)  # per item here, per chunk from workers


def test_workers_collect_garbage_at_their_own_thresholds() -> None:
    """A command's collections (none automatic, seldom in the preview) are for its own
    process, not for the workers'."""
    before = gc.get_threshold()
    try:
        gc.set_threshold(*WORKER_GC_THRESHOLDS)
        expected = gc.get_threshold()  # as this Python's collector reads them back
        gc.set_threshold(50_000, 20, 20)
        seldom = set(map_chunks(gc_thresholds, list(range(20)), jobs=2, min_items=10))
        gc.disable()
        off = set(map_chunks(gc_thresholds, list(range(20)), jobs=2, min_items=10))
    finally:
        gc.enable()
        gc.set_threshold(*before)
    assert seldom == off == {(True, expected)}


EARLY_STOPS = """
import faulthandler
import sys
from articlegen.core.workers import pooled

def large(items, finished=None):
    return ["x" * 2_000_000 for _ in items]

def interrupted(done, total):
    raise KeyboardInterrupt  # Ctrl-C as the first results come back

if __name__ == "__main__":
    stops, limit = map(int, sys.argv[1:])
    for _ in range(stops):
        # a stop that hangs ends the script with every thread's stack printed
        faulthandler.dump_traceback_later(limit, exit=True)
        try:
            for _ in pooled(large, list(range(40)), jobs=2, progress=interrupted):
                pass
        except KeyboardInterrupt:
            pass
    faulthandler.cancel_dump_traceback_later()
    print("stopped every time")
"""
STOPS = 40
"""Early stops made: CPython's pool hung in about one in twelve."""
STOP_LIMIT = 30
"""Seconds one early stop may take (one takes 0.2 s of CPU time, and about 1 s, at most 4 s,
with five scripts side by side on two busy cores): past it, the stop is taken to hang."""


def test_a_pool_left_early_as_large_results_come_back_always_stops(tmp_path: Path) -> None:
    """CPython's pool can wait for ever when stopped while a worker sends a large result
    (about one early stop in twelve): forty of them, each stopping within seconds."""
    script = tmp_path / "early_stops.py"
    script.write_text(EARLY_STOPS)
    process = subprocess.run(
        [sys.executable, str(script), str(STOPS), str(STOP_LIMIT)],
        env={**os.environ, "PYTHONPATH": str(Path(workers.__file__).parents[2])},
        capture_output=True,
        text=True,
        timeout=STOPS * STOP_LIMIT + 60,  # the script's own limit comes first
        check=False,
    )
    assert (process.returncode, process.stdout) == (0, "stopped every time\n"), process.stderr
