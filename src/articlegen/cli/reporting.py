"""``report`` and ``suggest``: tables about the articles of a site checked as a build would
(who wrote and reviewed them; the See Also links worth adding), as text, CSV or JSON."""

from __future__ import annotations

import argparse
import sys

from ..core.model import REPORT_FORMATS, SUGGEST_FORMATS, SUGGEST_LIMIT, BuildOptions
from .arguments import Commands, positive, site_argument, today_argument
from .building import cached_build
from .printing import EXIT_OK


def add_report(commands: Commands) -> None:
    report = commands.add_parser(
        "report", help="list every article's author, medical review, sources and status"
    )
    site_argument(report)
    report.add_argument("--drafts", action="store_true", help="include drafts")
    report.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        default="table",
        help="output format (default: %(default)s)",
    )
    today_argument(report)
    report.set_defaults(run=_report, unfinished="no report was made")


def add_suggest(commands: Commands) -> None:
    suggest = commands.add_parser(
        "suggest",
        help="suggest See Also links worth adding (--write adds them)",
        description="For each article (by default, those with no See Also or nothing linking"
        " to them), the published articles most worth adding to its See Also, with a score and"
        " why: shared tags, similar words, links in the text.",
    )
    suggest.add_argument(
        "slugs",
        nargs="*",
        metavar="ARTICLE",
        help="articles to suggest for, each a slug, a file or an exact title (default: those"
        " with no See Also or no Linked from)",
    )
    site_argument(suggest)
    suggest.add_argument(
        "--limit",
        type=positive,
        default=SUGGEST_LIMIT,
        metavar="N",
        help="suggestions per article (default: %(default)s)",
    )
    suggest.add_argument(
        "--format",
        choices=SUGGEST_FORMATS,
        default="table",
        help="output format (default: %(default)s)",
    )
    suggest.add_argument(
        "--write",
        action="store_true",
        help="add the suggestions shown to each article's see_also, changing nothing else",
    )
    suggest.set_defaults(run=_suggest, no_cache=False, unfinished="no suggestions were made")


def _report(args: argparse.Namespace) -> int:
    from ..build import build_site
    from ..content.publication import build_day
    from ..trust.report import format_report, report_rows

    options = BuildOptions(
        drafts=args.drafts,
        write=False,
        today=args.today,
        now=args.now,
        future=True,
        expired=True,
        as_of=True,
    )
    result = build_site(args.site, options)
    assert result.site is not None
    today = build_day(options, result.site.config.zone)
    sys.stdout.write(format_report(report_rows(result.site, today), args.format))
    return EXIT_OK


def _suggest(args: argparse.Namespace) -> int:
    from ..authoring.suggest import format_suggestions, suggested, write_suggestions

    result = cached_build(args, BuildOptions(write=False))
    assert result.site is not None
    found = suggested(result.site, args.slugs, limit=args.limit, root=args.site)
    sys.stdout.write(format_suggestions(found, result.site, args.format))
    if args.write:
        args.unfinished = "no file was changed"
        for each in write_suggestions(args.site.absolute(), found):
            added = ", ".join(s.slug for s in each.suggestions)
            line = f"added to the see_also of {each.article.source}: {added}"
            print(line, file=sys.stderr if args.format == "json" else sys.stdout)
    return EXIT_OK
