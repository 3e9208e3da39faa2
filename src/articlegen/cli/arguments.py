"""Options several commands share (``--site``, ``--today``/``--now``, ``--future``, ``--jobs``,
``--no-cache``), written once so they read the same everywhere, and the value types argparse
checks: a bad value gets the usage line and exit code 2, not an error deep in the library."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from typing import TypeAlias

from ..core.layout import CACHE_DIR
from ..core.workers import default_jobs

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What each command's parser is added to (``add_subparsers``)."""


def site_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site", type=Path, default=Path("."), help="site folder holding site.yaml (default: here)"
    )


def today_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=day,
        help="judge review dates, and publish, as of this day, YYYY-MM-DD (default: the day of "
        "--now, or today, in the site's time zone)",
    )
    parser.add_argument(
        "--now",
        type=_moment,
        help="publish as of this moment, e.g. 2027-01-05T09:00+01:00 (default: the clock)",
    )


def future_argument(parser: argparse.ArgumentParser, verb: str) -> None:
    parser.add_argument(
        "--future", action="store_true", help=f"{verb} scheduled articles (dated after now)"
    )


def speed_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=job_count,
        metavar="N",
        help="worker processes for rendering (default: one per CPU for Markdown, none for pages)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=f"ignore the build cache ({CACHE_DIR}/): render everything, save nothing",
    )


_DAY_ALONE = re.compile(r"\d{4}-\d{2}-\d{2}(?:Z|[+-]\d{2}(?::?\d{2})?)?", re.IGNORECASE)
"""A ``--now`` of a day and no time of day, with an offset or not (``2026-12-08+00:00``,
which Python 3.11 reads as a naive midnight, dropping the offset)."""


def _moment(text: str) -> dt.datetime:
    if _DAY_ALONE.fullmatch(text):  # the naive error's fix, 2026-12-08+00:00, was one too
        offset = text[10:].upper() or "+00:00"  # the writer's own, where given
        raise argparse.ArgumentTypeError(
            f"{text!r} is a day, with no time of day: give the time and its offset too, e.g."
            f" {text[:10]}T00:00{offset}, or give the day alone as --today {text[:10]}"
        )
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date and time: {text!r} (use YYYY-MM-DDTHH:MM+HH:MM)"
        ) from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} has no time-zone offset: add one, e.g. {text}+00:00 or {text}Z"
        )
    return moment


def day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def port(text: str) -> int:
    """A TCP port, or 0 for one the system picks: checked here, where argparse gives the
    usage line and exit code 2, not deep in the socket library as an OverflowError."""
    value = int(text) if text.isascii() and text.isdigit() and len(text) <= 5 else -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(
            f"expected a port from 1 to 65535 (or 0 for any free one), got {text!r}"
        )
    return value


JOBS_PER_CPU = 4
"""Most worker processes ``--jobs`` may start per CPU: each is a Python process of its own
(docs/commands.md: workers cost 100-280 MB more on 2,000 articles), and past the CPUs more
only wait their turn; ``--jobs 10000`` on a large site started thousands."""


def job_count(text: str) -> int:
    """``--jobs``: a whole number from 1 to ``JOBS_PER_CPU`` per CPU this process may use."""
    jobs = positive(text)
    most = JOBS_PER_CPU * default_jobs()
    if jobs > most:
        raise argparse.ArgumentTypeError(
            f"at most {most} ({JOBS_PER_CPU} per CPU of this machine), got {text!r}: more "
            "processes only wait their turn and use memory"
        )
    return jobs


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value
