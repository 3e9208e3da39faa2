"""``check --links``: every web address of the checked site asked for (or taken from the link
cache), and the answer printed: dead ones are errors, moved and unanswered ones warnings.
Kept apart from ``building`` because it is the one command that goes on the network."""

from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..core.console import counted
from ..core.errors import BuildFailed, warning_lines
from ..core.layout import CACHE_DIR
from ..core.model import BuildResult
from ..core.progress import progress_line
from ..incremental.cachefile import LINKS
from .printing import EXIT_ERRORS, EXIT_OK, print_error, stderr, wall


def check_web_links(args: argparse.Namespace, result: BuildResult) -> int:
    """The web links of ``result``'s site checked, printed; the exit code."""
    from ..trust.linkcheck import check_links
    from ..trust.linkfetch import FetchSettings, Verdict, user_agent

    site = result.site
    assert site is not None  # a check that got here assembled its site
    args.unfinished = f"the answers so far are kept in {CACHE_DIR}/{LINKS}"
    settings = FetchSettings(user_agent=user_agent(__version__, site.config.base_url))
    with progress_line(sys.stderr, quiet=False) as progress:
        report = check_links(
            [*site.articles, *site.pages],
            site.bodies,
            args.site / CACHE_DIR / LINKS,
            settings,
            max_age_days=site.config.link_cache_days,
            menu=site.config.menu,
            refresh=args.no_link_cache,
            progress=progress,
        )
    errors = [*report.errors, *(w.as_error() for w in report.warnings if args.strict)]
    for line in warning_lines(() if args.strict else report.warnings):
        stderr(line)
    if errors:
        print_error(BuildFailed(errors))
    counts = report.counts
    found = [
        f"{counts[Verdict.DEAD]:,} dead",
        f"{counts[Verdict.MOVED]:,} moved",
        f"{counts[Verdict.FAILED]:,} could not be checked",
    ]
    reused = report.addresses - report.asked
    print(
        f"{counted(report.addresses, 'web link')}: {', '.join(found)}"
        f" ({reused:,} from the link cache); checked in {wall(args)}"
    )
    return EXIT_ERRORS if errors else EXIT_OK
