"""The ``articlegen`` command: parse arguments, call the library, print, pick the exit code."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import shlex
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__
from .core.console import counted, say
from .core.errors import (
    ArticlegenError,
    BuildFailed,
    InterruptedAfterWrite,
    OutputError,
    TemplateError,
    report_lines,
    warning_lines,
)
from .core.layout import CACHE_DIR
from .core.model import (
    REPORT_FORMATS,
    SUGGEST_FORMATS,
    SUGGEST_LIMIT,
    BuildOptions,
    BuildResult,
)
from .core.progress import progress_line
from .core.wallclock import process_started
from .incremental.cachefile import LINKS, clear_cache
from .incremental.freshness import Receipt, Snapshot, fresh_receipt, take_snapshot

# The build stages are imported where they are used: a rebuild with nothing to do
# (freshness.fresh_receipt) then costs a walk over the site, not the import of them all.

EXIT_OK, EXIT_ERRORS, EXIT_INTERRUPTED = 0, 1, 130


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 1 input errors, 2 usage, 130 Ctrl-C).

    Without ``argv`` this process is the command (``sys.argv``), so the wall time its
    summary prints starts with the process; with ``argv`` (tests, embedding), with the call."""
    started = process_started() if argv is None else time.perf_counter()
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):  # bare 'articlegen': help, as pip, cargo and docker print
        parser.print_help()
        return EXIT_OK
    args.started = started
    try:
        with _fewer_collections():
            status: int = args.run(args)
            return status
    except BuildFailed as failed:
        _print_error(failed)
        _fail(f"{failed.message}; {args.unfinished or _NOTHING_WRITTEN}")
        return EXIT_ERRORS
    except ArticlegenError as error:
        _print_error(error)
        return EXIT_ERRORS
    except InterruptedAfterWrite as stop:
        _fail(
            f"interrupted after the new site was written to {stop.output}; the build cache"
            " was not saved, so the next build does more work"
        )
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        _fail(f"interrupted; {args.unfinished or _UNTOUCHED}")
        return EXIT_INTERRUPTED


GC_THRESHOLDS = (50_000, 20, 20)
"""Cyclic garbage collection in this process, run far less often than Python's default
(700, 10, 10); worker processes keep the default (``workers.WORKER_GC_THRESHOLDS``)."""


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """The command with ``GC_THRESHOLDS``. A build makes millions of small objects that
    reference counting frees alone, and at the default thresholds the collector walked
    every object loaded from the build cache again and again: a fifth of a rebuild of
    10,000 articles (bench/run.py). Collections still happen, so a preview left running
    all day does not grow; the thresholds are restored after, for callers of ``main``."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


_UNTOUCHED = "the previous output is untouched"
_NOTHING_WRITTEN = "nothing was written, " + _UNTOUCHED
"""What a failed build leaves, for the last error line. A command that writes nothing
sets ``unfinished`` to what it says instead."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="articlegen", description="Build a health article blog from Markdown."
    )
    parser.add_argument("-V", "--version", action="version", version=f"%(prog)s {__version__}")
    parser.set_defaults(unfinished=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    build = commands.add_parser("build", help="build the site into the output folder")
    _site_argument(build)
    build.add_argument("--output", type=Path, help="output folder (default: site.yaml 'output')")
    build.add_argument("--drafts", action="store_true", help="include draft articles")
    build.add_argument("--base-url", help="override site.yaml 'base_url'")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument(
        "--quiet", action="store_true", help="print only errors and warnings: no notes, no summary"
    )
    _future_argument(build, "include")
    _today_argument(build)
    _speed_arguments(build)
    build.set_defaults(run=_build)

    check = commands.add_parser("check", help="validate everything a build would, write nothing")
    _site_argument(check)
    check.add_argument("--drafts", action="store_true", help="check drafts too")
    check.add_argument("--base-url", help="override site.yaml 'base_url'")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    _future_argument(check, "check")
    _today_argument(check)
    _speed_arguments(check)
    check.add_argument(
        "--links",
        action="store_true",
        help="also fetch every web address the articles link to and report dead and moved ones",
    )
    check.add_argument(
        "--no-link-cache",
        action="store_true",
        help=f"ask for every web address again, ignoring earlier answers ({CACHE_DIR}/{LINKS});"
        " implies --links",
    )
    check.set_defaults(run=_check)

    report = commands.add_parser(
        "report", help="list every article's author, medical review, sources and status"
    )
    _site_argument(report)
    report.add_argument("--drafts", action="store_true", help="include drafts")
    report.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        default="table",
        help="output format (default: %(default)s)",
    )
    _today_argument(report)
    report.set_defaults(run=_report, unfinished="no report was made")

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
        metavar="SLUG",
        help="articles to suggest for (default: those with no See Also or no Linked from)",
    )
    _site_argument(suggest)
    suggest.add_argument(
        "--limit",
        type=_positive,
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

    clean = commands.add_parser(
        "clean", help=f"delete the output folder and the build cache ({CACHE_DIR}/)"
    )
    _site_argument(clean)
    clean.add_argument("--output", type=Path, help="output folder (default: site.yaml 'output')")
    clean.set_defaults(run=_clean)

    serve = commands.add_parser(
        "serve", help="preview the site, rebuilding and reloading as you edit"
    )
    _site_argument(serve)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--port",
        type=_port,
        default=8000,
        help="port, 1-65535 (default: %(default)s; next free one if taken; 0: any free one)",
    )
    serve.add_argument(
        "--drafts",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="show draft articles, with a Draft banner (default: on)",
    )
    serve.add_argument(
        "--future",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="show scheduled articles, with a banner saying when they publish (default: on)",
    )
    serve.set_defaults(run=_serve)

    new = commands.add_parser("new", help="create content/<slug>.md for a new article")
    new.add_argument("title", help="the article's title")
    new.add_argument(
        "--page",
        action="store_true",
        help="a page instead (content/pages/<slug>.md: About, Contact…), on no list or feed",
    )
    _site_argument(new)
    new.set_defaults(run=_new)

    imports = commands.add_parser(
        "import",
        help="turn pasted text, saved web pages or a whole old blog (WordPress, Jekyll, Hugo) "
        "into articles",
    )
    imports.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="SOURCE",
        help="a .txt (pasted text) or .html file, a WordPress export (.xml), a Jekyll site "
        "folder or a Hugo site or content folder",
    )
    _site_argument(imports)
    imports.add_argument(
        "--from",
        dest="kind",
        choices=("wordpress", "jekyll", "hugo", "text", "html"),
        help="what the sources are (default: told from each source)",
    )
    imports.add_argument(
        "--date",
        type=_day,
        help="publication date, YYYY-MM-DD, for sources that state none (default: today)",
    )
    imports.add_argument(
        "--dry-run",
        action="store_true",
        help="print what would be imported (old address, new file, title, warnings); write nothing",
    )
    imports.add_argument(
        "--overwrite",
        action="store_true",
        help="write again the articles imported before (same old address) instead of skipping them",
    )
    imports.add_argument(
        "--download-images",
        action="store_true",
        help="fetch the images posts load from the web into static/ (default: list them)",
    )
    imports.add_argument(
        "--add-authors",
        action="store_true",
        help="add authors site.yaml does not know to its 'authors:' (default: keep their names)",
    )
    imports.set_defaults(run=_import)

    init = commands.add_parser("init", help="start a new site in a folder")
    init.add_argument("folder", type=Path, nargs="?", help="folder to start it in (as --site)")
    init.add_argument("--site", type=Path, default=Path("."), help="folder (default: here)")
    init.add_argument("--title", default="My health blog", help="the site's title")
    init.set_defaults(run=_init)
    return parser


def _site_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site", type=Path, default=Path("."), help="site folder holding site.yaml (default: here)"
    )


def _today_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=_day,
        help="judge review dates, and publish, as of this day, YYYY-MM-DD (default: the system "
        "date)",
    )
    parser.add_argument(
        "--now",
        type=_moment,
        help="publish as of this moment, e.g. 2027-01-05T09:00+01:00 (default: the clock)",
    )


def _future_argument(parser: argparse.ArgumentParser, verb: str) -> None:
    parser.add_argument(
        "--future", action="store_true", help=f"{verb} scheduled articles (dated after now)"
    )


def _moment(text: str) -> dt.datetime:
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


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def _speed_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="worker processes for rendering (default: one per CPU)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=f"ignore the build cache ({CACHE_DIR}/): render everything, save nothing",
    )


def _port(text: str) -> int:
    """A TCP port, or 0 for one the system picks: checked here, where argparse gives the
    usage line and exit code 2, not deep in the socket library as an OverflowError."""
    value = int(text) if text.isascii() and text.isdigit() and len(text) <= 5 else -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(
            f"expected a port from 1 to 65535 (or 0 for any free one), got {text!r}"
        )
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def _build(args: argparse.Namespace) -> int:
    options = BuildOptions(
        drafts=args.drafts,
        output=args.output,
        base_url=args.base_url,
        strict=args.strict,
        today=args.today,
        now=args.now,
        future=args.future,
        jobs=args.jobs,
    )
    snapshot = None if args.no_cache else take_snapshot(args.site, options)
    receipt = fresh_receipt(args.site, snapshot) if snapshot is not None else None
    if receipt is not None:
        _print_receipt(receipt, args)
        return EXIT_OK
    result = _cached_build(args, options, snapshot)
    _print_warnings(result)
    if not args.quiet:
        _print_notes(result)
        print(_summary(result, f"built into {_shown(result.output, args.site)}", args))
    return EXIT_OK


def _print_receipt(receipt: Receipt, args: argparse.Namespace) -> None:
    """What the last build said, for a build that found nothing changed since."""
    for warning in receipt.warnings:
        _stderr(f"warning: {warning}")
    if args.quiet:
        return
    for note in receipt.notes:
        _stderr(f"note: {note}")
    counts = f"{counted(receipt.articles, 'article')}, {counted(receipt.pages, 'page')}"
    if receipt.warnings:
        counts += f", {counted(len(receipt.warnings), 'warning')}"
    shown = _shown(Path(receipt.output), args.site)
    print(f"{counts}; nothing changed, {shown} is up to date (checked in {_wall(args)})")


def _check(args: argparse.Namespace) -> int:
    options = BuildOptions(
        drafts=args.drafts,
        base_url=args.base_url,
        strict=args.strict,
        write=False,
        check_output=True,
        today=args.today,
        now=args.now,
        future=args.future,
        jobs=args.jobs,
    )
    result = _cached_build(args, options)
    _print_warnings(result)
    _print_notes(result)
    # "no output": the build cache is still kept, so that the next build is faster
    print(_summary(result, "checked", args) + "; no output written")
    if args.links or args.no_link_cache:
        return _check_links(args, result)
    return EXIT_OK


def _check_links(args: argparse.Namespace, result: BuildResult) -> int:
    """``check --links``: every web address of the checked site asked for (or taken from
    the link cache); dead ones are errors, moved and unanswered ones warnings."""
    from .trust.linkcheck import check_links
    from .trust.linkfetch import FetchSettings, Verdict, user_agent

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
        _stderr(line)
    if errors:
        _print_error(BuildFailed(errors))
    counts = report.counts
    found = [
        f"{counts[Verdict.DEAD]:,} dead",
        f"{counts[Verdict.MOVED]:,} moved",
        f"{counts[Verdict.FAILED]:,} could not be checked",
    ]
    reused = report.addresses - report.asked
    print(
        f"{counted(report.addresses, 'web link')}: {', '.join(found)}"
        f" ({reused:,} from the link cache); checked in {_wall(args)}"
    )
    return EXIT_ERRORS if errors else EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from .build import build_site
    from .trust.report import format_report, report_rows

    today = args.today or dt.date.today()
    options = BuildOptions(
        drafts=args.drafts, write=False, today=today, now=args.now, future=True, expired=True
    )
    result = build_site(args.site, options)
    assert result.site is not None
    sys.stdout.write(format_report(report_rows(result.site, today), args.format))
    return EXIT_OK


def _suggest(args: argparse.Namespace) -> int:
    from .authoring.suggest import format_suggestions, suggested, write_suggestions

    result = _cached_build(args, BuildOptions(write=False))
    assert result.site is not None
    found = suggested(result.site, args.slugs, limit=args.limit)
    sys.stdout.write(format_suggestions(found, result.site, args.format))
    if args.write:
        args.unfinished = "no file was changed"
        for each in write_suggestions(args.site.absolute(), found):
            added = ", ".join(s.slug for s in each.suggestions)
            line = f"added to the see_also of {each.article.source}: {added}"
            print(line, file=sys.stderr if args.format == "json" else sys.stdout)
    return EXIT_OK


def _cached_build(
    args: argparse.Namespace, options: BuildOptions, snapshot: Snapshot | None = None
) -> BuildResult:
    """A build with the site's saved cache (unless ``--no-cache``), and a progress line on
    a terminal for builds that last; ``snapshot``: its inputs' stamps, if already taken."""
    from .build import build_site, build_with_saved_cache

    with progress_line(sys.stderr, quiet=getattr(args, "quiet", False)) as progress:
        try:
            if args.no_cache:
                return build_site(args.site, options, progress=progress)
            return build_with_saved_cache(args.site, options, progress=progress, snapshot=snapshot)
        except (OutputError, TemplateError) as error:  # found mid-way: ended as many are
            raise BuildFailed([error]) from error


def _clean(args: argparse.Namespace) -> int:
    from .content.config import load_config
    from .output.destination import destination
    from .output.write import remove_output

    root = args.site.absolute()
    dest = destination(root, load_config(root), args.output)
    removed = []
    if remove_output(dest, root):
        removed.append(_shown(dest.path, args.site) + "/")
    if clear_cache(root / CACHE_DIR):
        removed.append(CACHE_DIR + "/")
    print(f"removed {' and '.join(removed)}" if removed else "nothing to remove")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    """Preview until Ctrl-C, which is how a preview ends: "stopped", whenever it comes (while
    loading, during the first build, or serving). Nothing about an output folder is said:
    a preview writes none."""
    preview = None
    try:
        from .serve.preview import Preview  # here, not at the top: builds need no server or watcher

        preview = Preview(
            args.site,
            host=args.host,
            port=args.port,
            drafts=args.drafts,
            future=args.future,
            log=_log,
        )
        preview.start()
        drafts = "drafts shown" if args.drafts else "drafts hidden"
        future = "scheduled shown" if args.future else "scheduled hidden"
        print(
            f"serving {preview.url} ({drafts}, {future}); watching for changes, Ctrl-C to stop",
            flush=True,
        )
        preview.serve_forever()
    except KeyboardInterrupt:
        print("stopped", flush=True)
    finally:
        if preview is not None:
            preview.stop()
    return EXIT_OK


def _log(line: str) -> None:
    """The preview's console: its build errors and warnings coloured as a build's are."""
    say(line, sys.stdout)


def _new(args: argparse.Namespace) -> int:
    from .authoring.scaffold import new_article  # here, not at the top: builds need no scaffolding

    path = new_article(args.site.absolute(), args.title, page=args.page)
    print(f"created {_shown(path, args.site)} (a draft: set 'draft: false' to publish it)")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    # here, not at the top: builds need no HTML or XML parser
    from .authoring.importer import ImportOptions, import_sources
    from .authoring.importreport import OUT, import_lines

    site = args.site.absolute()
    options = ImportOptions(
        kind=args.kind,
        date=args.date,
        dry_run=args.dry_run,
        overwrite=args.overwrite,
        add_authors=args.add_authors,
        download_images=args.download_images,
    )
    try:
        report = import_sources(site, args.files, today=dt.date.today(), options=options)
    except BuildFailed as failed:
        _print_error(failed)
        _fail(f"{failed.message}; nothing was imported")
        return EXIT_ERRORS
    for stream, line in import_lines(report, site):
        if stream == OUT:
            print(line)
        else:
            _stderr(line)
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from .authoring.scaffold import init_site, shown_from_here  # here: builds need no scaffolding

    if args.folder is not None and args.site != Path("."):
        raise ArticlegenError(
            f"two folders given: {args.folder} and --site {args.site}", hint="give one of them"
        )
    folder = args.folder if args.folder is not None else args.site
    site = init_site(folder, args.title)
    for path in site.written:
        print(f"created {shown_from_here(path)}{'/' if path.is_dir() else ''}")
    for path in site.kept:
        print(f"kept {shown_from_here(path)}, which was there already")
    here = shown_from_here(folder)
    print("\nNext:")
    if here != ".":
        print(f"  cd {shlex.quote(here)}")
    print("  articlegen serve     # preview it at http://127.0.0.1:8000/ as you edit")
    print("  edit site.yaml       # the blog's title, address (base_url) and description")
    return EXIT_OK


def _summary(result: BuildResult, what: str, args: argparse.Namespace) -> str:
    counts = f"{counted(result.articles, 'article')}, {counted(len(result.pages), 'page')}"
    if len(result.rendered) < len(result.pages):
        counts += f" ({len(result.rendered):,} rendered, the rest unchanged)"
    if result.diagnostics:
        counts += f", {counted(len(result.diagnostics), 'warning')}"
    return f"{counts}; {what} in {_wall(args)}"


def _wall(args: argparse.Namespace) -> str:
    """The wall time of the command so far, start-up included: what the user waited."""
    return f"{time.perf_counter() - args.started:.2f} s"


def _print_notes(result: BuildResult) -> None:
    for note in result.notes:
        _stderr(f"note: {note}")


def _print_warnings(result: BuildResult) -> None:
    for line in warning_lines(result.diagnostics):
        _stderr(line)


def _print_error(error: ArticlegenError) -> None:
    for line in report_lines(error):
        _stderr(line)


def _fail(message: str) -> None:
    _stderr(f"error: {message}")


def _stderr(line: str) -> None:
    """An error, warning or note line, on standard error, its label coloured on a terminal."""
    say(line, sys.stderr)


def _shown(path: Path | None, site: Path) -> str:
    if path is None:
        return "-"
    try:
        return (
            path.absolute().relative_to(site.absolute()).as_posix() + "/"
            if path.is_dir()
            else path.absolute().relative_to(site.absolute()).as_posix()
        )
    except ValueError:
        return str(path)
