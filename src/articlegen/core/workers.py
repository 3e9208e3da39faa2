"""Spread independent work over processes: whole chunks of items out, results back in order.

Workers get whole units of work (an article to read, parse and render; a page to
render), because shipping text between processes costs more than the work it
would save. Small jobs stay in this process: a worker costs more to start than
a few items take, and ``multiprocessing`` is imported only when a pool starts, so a
build that stays here (``--jobs 1``, a small site) does not load its dozen modules.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import multiprocessing.context
    import multiprocessing.pool
    import multiprocessing.process

Item = TypeVar("Item")
Result = TypeVar("Result")
CHUNKS_PER_WORKER = 4
"""Chunks per worker: enough to even out uneven items, few enough to keep overhead low."""
MAX_CHUNK = 100
"""Items per chunk at most: a worker holds its chunk's results, and pickles them, before
handing them back, so chunks that grew with the site (1,250 articles each for 10,000 on
two workers) made the workers' peak memory grow with it (several hundred MB each)."""
WORKER_GC_THRESHOLDS = (700, 10, 10)
"""The cyclic collector's thresholds in a worker, its automatic passes on, whatever its
parent set (a command runs without them, the preview with fewer): Python 3.11's defaults.
A worker's garbage is the parse of one article after another, and collecting it often
keeps each worker small (17 MB less peak at 1,000 articles) at no cost in time."""


def default_jobs() -> int:
    """One worker per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def map_chunks(
    func: Callable[..., list[Result]],
    items: Sequence[Item],
    *,
    jobs: int | None,
    min_items: int,
    chunks_per_worker: int = CHUNKS_PER_WORKER,
    progress: Callable[[int, int], None] | None = None,
) -> list[Result]:
    """``func`` over chunks of ``items``, results concatenated in order.

    Runs in this process when ``jobs`` is 1 or there are fewer than ``min_items``
    items. ``func`` must be picklable (a module-level function or a
    ``functools.partial`` of one). If a worker fails, what is left of the job is
    redone here, so an error is raised with its full cause chain, as without workers.
    Ctrl-C stops the workers at once and raises ``KeyboardInterrupt`` here.

    ``progress(done, total)`` is called as items finish: per chunk from workers, and
    per item here, where ``func`` gets a second argument to call with each count it
    finished (so with ``progress``, ``func(items, finished)`` must accept it).
    """
    if not items:
        return []
    if not in_workers(jobs, len(items), min_items):
        return _here(func, items, _counter(progress, len(items)) if progress else None)
    return list(pooled(func, items, jobs=jobs, chunks_per_worker=chunks_per_worker,
                       progress=progress))  # fmt: skip


def pooled(
    func: Callable[..., list[Result]],
    items: Sequence[Item],
    *,
    jobs: int | None,
    chunks_per_worker: int = CHUNKS_PER_WORKER,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Result]:
    """``func`` over chunks of ``items`` in worker processes (``map_chunks`` without its
    choice of staying here), each result yielded in order as its chunk comes back: a caller
    that lets each result go holds one chunk's at a time, not all of them. If a worker
    fails, the items not yet yielded are done here (``map_chunks``); a caller that stops
    reading stops the workers."""
    if not items:
        return
    jobs = default_jobs() if jobs is None else jobs
    wanted = max(jobs * chunks_per_worker, -(-len(items) // MAX_CHUNK))
    chunks = split(items, min(len(items), wanted))
    finished = _counter(progress, len(items))
    done = 0  # items yielded
    try:
        with _running_pool(min(jobs, len(chunks))) as pool:
            for chunk in pool.imap(func, chunks, chunksize=1):
                finished(len(chunk))
                done += len(chunk)
                yield from chunk
    except Exception:  # redone here, where the error keeps its whole story
        yield from _here(func, items[done:], finished if progress else None)


def in_workers(jobs: int | None, count: int, min_items: int) -> bool:
    """Whether ``map_chunks`` would send ``count`` items to worker processes."""
    jobs = default_jobs() if jobs is None else jobs
    return jobs > 1 and count >= max(min_items, 2)


def _here(
    func: Callable[..., list[Result]],
    items: Sequence[Item],
    finished: Callable[[int], None] | None,
) -> list[Result]:
    """``func`` over all ``items`` in this process, telling ``finished`` (if any: a
    ``_counter``) of each one done."""
    return func(list(items)) if finished is None else func(list(items), finished)


def _counter(progress: Callable[[int, int], None] | None, total: int) -> Callable[[int], None]:
    """A function that adds up finished items and reports ``(done, total)`` to ``progress``."""
    done = 0

    def finished(count: int = 1) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    return finished


def split(items: Sequence[Item], count: int) -> list[list[Item]]:
    """``items`` in ``count`` contiguous chunks of nearly equal size."""
    size, extra = divmod(len(items), count)
    chunks, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        chunks.append(list(items[start:end]))
        start = end
    return chunks


def _start_pool(processes: int) -> multiprocessing.pool.Pool:
    """Workers that ignore Ctrl-C. It reaches the whole process group, and the parent
    stops the workers itself (leaving the pool terminates them), so they must not print
    a traceback each; SIGINT stays blocked until a worker has set it aside."""
    masked = hasattr(signal, "pthread_sigmask")
    if masked:
        before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    # Forked workers share the parent's memory until they write to it, and the cyclic
    # garbage collector writes to every object it visits: frozen, the parent's objects
    # are never visited in a worker, so they stay shared (a sixth less peak memory).
    gc.freeze()
    try:
        return _context().Pool(processes, initializer=_start_worker)
    finally:
        gc.unfreeze()
        if masked:
            signal.pthread_sigmask(signal.SIG_SETMASK, before)


STOP_SECONDS = 1.0
"""How long stopping a pool may take before its workers are killed (``_stop``): a pool
stops in a tenth of a second, unless it never would; killing workers it was stopping
anyway costs nothing, so the wait can be short."""


@contextlib.contextmanager
def _running_pool(processes: int) -> Iterator[multiprocessing.pool.Pool]:
    """A pool of ``processes`` workers, stopped on leaving the block (``_stop``), however
    it is left: results all read, an error, a Ctrl-C, a caller that stopped reading."""
    import multiprocessing  # here: a build that starts no pool never loads it

    before = set(multiprocessing.active_children())
    pool = _start_pool(processes)
    workers = [child for child in multiprocessing.active_children() if child not in before]
    try:
        yield pool
    finally:
        _stop(pool, workers)


def _stop(
    pool: multiprocessing.pool.Pool, workers: list[multiprocessing.process.BaseProcess]
) -> None:
    """``pool.terminate()``, given ``STOP_SECONDS``; then its ``workers`` are killed and the
    pool left to its daemon threads. Left early (a Ctrl-C as results come back), CPython's
    pool can wait for ever: its reader of results has stopped while a worker, holding the
    results queue's lock, is blocked writing a large result into the full pipe, and
    ``terminate`` waits for that lock (one early stop in about twelve, measured)."""
    ender = threading.Thread(target=pool.terminate, name="pool-stop", daemon=True)
    ender.start()
    ender.join(STOP_SECONDS)
    if ender.is_alive():
        for worker in workers:
            worker.kill()
        for worker in workers:
            worker.join(STOP_SECONDS)


def _start_worker() -> None:
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    gc.enable()  # forked from a command that runs with automatic collection off
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` (no start-up cost) from a single-threaded process; ``spawn`` otherwise,
    since forking a process with threads (a dev server's) can deadlock the child."""
    import multiprocessing  # loaded by _running_pool already; here for its name

    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
