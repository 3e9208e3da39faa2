"""When this process started, so that a command's summary prints the wall time the user
waited, start-up included.

A build's own timer misses what comes before it: starting Python and importing the
build stages, which on a small site is most of the wait (0.27 s printed where the
command took 0.85 s). On Linux the kernel records when each process started; elsewhere
the clock starts when articlegen is first imported, which misses only Python's own
start-up.
"""

from __future__ import annotations

import os
import time

_IMPORTED = time.perf_counter()


def process_started() -> float:
    """The start of this process on the ``time.perf_counter()`` clock (to within the
    kernel's tick, 1/100 s), or the import of articlegen where that is unknown."""
    since = _seconds_since_start()
    return _IMPORTED if since is None else min(_IMPORTED, time.perf_counter() - since)


def _seconds_since_start() -> float | None:
    """Seconds since this process started, from ``/proc/self/stat`` (Linux); None elsewhere."""
    try:
        with open("/proc/self/stat", "rb") as stat:
            fields = stat.read().rpartition(b")")[2].split()
        ticks = int(fields[19])  # field 22, starttime: clock ticks from boot to the start
        since = time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, AttributeError, ValueError, IndexError):
        return None
    return since if since >= 0 else None
