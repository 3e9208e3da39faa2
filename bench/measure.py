"""Run a command and measure it: wall time, CPU time and the peak memory of its process tree.

Memory is sampled (every ``interval`` seconds) from ``/proc`` as the sum of the
proportional set size (PSS) of the process and all its descendants: worker
processes forked from the build share their parent's unchanged pages, and PSS
counts each shared page once in total instead of once per process, as the
resident set size (RSS) would. Where PSS cannot be read, RSS is summed instead.
Sampling can miss a peak shorter than the interval. CPU time is user + system
time of the process and every descendant it waited for.
"""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

INTERVAL = 0.01
"""Seconds between two memory samples."""


@dataclass(frozen=True, slots=True)
class Measurement:
    """What one run of a command cost."""

    wall: float
    """Seconds from start to exit, start-up included."""
    cpu: float
    """User + system seconds of the process tree."""
    peak: int
    """Highest sampled memory of the process tree, in bytes (0 if /proc is not readable)."""
    code: int
    """Exit code."""
    output: str
    """What it printed (stdout, then stderr), for reporting a failure."""


def measure(
    argv: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    interval: float = INTERVAL,
) -> Measurement:
    """Run ``argv`` to its end and return its wall time, CPU time, peak memory and exit code."""
    with tempfile.TemporaryFile() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        done = threading.Event()
        sampler = _Sampler(process.pid, interval, done)
        sampler.start()
        _, status, _ = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measurement(wall, cpu, sampler.peak, process.returncode, output)


class _Sampler(threading.Thread):
    """Polls the memory of a process tree until ``done`` is set; keeps the highest sum."""

    def __init__(self, pid: int, interval: float, done: threading.Event) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.done = pid, interval, done
        self.peak = 0

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, tree_memory(self.pid))
            self.done.wait(self.interval)


def tree_memory(pid: int) -> int:
    """Bytes of memory used now by ``pid`` and its descendants (PSS, else RSS), each
    memory map once. A child started with ``vfork`` (as ``subprocess`` starts programs:
    the build starts Pagefind once a shard) runs in its parent's memory until it execs,
    and reads as a copy of it: summed twice, a 1 GB build sampled at that moment read 2 GB.
    Two processes whose ``smaps_rollup`` read the same are that one map."""
    seen: set[str] = set()
    total = 0
    for process in descendants(pid):
        rollup = _read(process, "smaps_rollup")
        if rollup is not None:
            if rollup in seen:
                continue
            seen.add(rollup)
        total += process_memory(process)
    return total


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it, from ``/proc/PID/task/TID/children``."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                text = Path(f"/proc/{current}/task/{task}/children").read_text()
            except OSError:
                continue
            queue += [int(child) for child in text.split()]
    return found


def process_memory(pid: int) -> int:
    """Bytes of one process: its PSS from ``smaps_rollup``, else its RSS, else 0 (it exited)."""
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        text = _read(pid, name)
        if text is None:
            continue
        for line in text.splitlines():
            if line.startswith(key):
                return int(line.split()[1]) * 1024
    return 0


def _read(pid: int, name: str) -> str | None:
    try:
        return Path(f"/proc/{pid}/{name}").read_text()
    except OSError:
        return None


def memory_kind() -> str:
    """``PSS`` or ``RSS``: what the memory figures on this system are sums of."""
    try:
        return "PSS" if "Pss:" in Path("/proc/self/smaps_rollup").read_text() else "RSS"
    except OSError:
        return "RSS"


class SetAside:
    """A folder that what a cold build must not find is moved into, each under a number of
    its own, to be deleted once nothing is timed.

    Not deleted before the build: on ext4 without a journal (this benchmark's machine: the
    kernel's profile shows its ``recently_deleted`` check, made only then), the kernel does
    not reuse the inode of a file deleted in the last minute (six while its inode table
    block is unwritten), and finds each new file's inode by stepping over every such one.
    articlegen's cold build of 2,000 articles (5,700 files and folders) spent 3.6 s of
    system time right after the last one's output was deleted, against 0.6 s after it was
    moved aside, and Hugo's grew from 1.0 to 3.6 s over three builds: a cold build measured
    after deleting would time what went before it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def __call__(self, path: Path) -> None:
        """Move ``path`` (a file or a folder; nothing if missing) into the set-aside folder."""
        if not (path.exists() or path.is_symlink()):
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count += 1
        path.rename(self.folder / f"{self.count}-{path.name}")
