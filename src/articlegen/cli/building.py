"""``build``, ``check`` and ``clean``: the commands that run a build over the site, or remove
what builds leave. A build that finds nothing changed since the last one prints that
build's receipt instead of building."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.console import counted
from ..core.errors import ArticlegenError, BuildFailed, ConfigError, OutputError, TemplateError
from ..core.layout import CACHE_DIR, DEFAULT_OUTPUT
from ..core.model import BuildOptions, BuildResult
from ..core.problems import one_line
from ..core.progress import progress_line
from ..incremental.cachefile import LINKS, clear_cache
from ..incremental.freshness import Receipt, Snapshot, fresh_receipt, take_snapshot
from .arguments import Commands, future_argument, site_argument, speed_arguments, today_argument
from .linkreport import check_web_links
from .printing import EXIT_OK, print_notes, print_warnings, shown, stderr, summary, wall

if TYPE_CHECKING:  # the output modules load with the command that needs them
    from ..output.outputrecord import OwnFiles


def add_build(commands: Commands) -> None:
    build = commands.add_parser("build", help="build the site into the output folder")
    site_argument(build)
    build.add_argument("--output", type=Path, help="output folder (default: site.yaml 'output')")
    build.add_argument("--drafts", action="store_true", help="include draft articles")
    build.add_argument("--base-url", help="override site.yaml 'base_url'")
    build.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only errors, warnings and the note naming files of yours the build removed:"
        " no other note, no summary",
    )
    future_argument(build, "include")
    today_argument(build)
    speed_arguments(build)
    build.set_defaults(run=_build)


def add_check(commands: Commands) -> None:
    check = commands.add_parser("check", help="validate everything a build would, write nothing")
    site_argument(check)
    check.add_argument("--drafts", action="store_true", help="check drafts too")
    check.add_argument("--base-url", help="override site.yaml 'base_url'")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    future_argument(check, "check")
    today_argument(check)
    speed_arguments(check)
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
    check.set_defaults(run=_check, unfinished="no output written")


def add_clean(commands: Commands) -> None:
    clean = commands.add_parser(
        "clean",
        help=f"delete the build cache ({CACHE_DIR}/) and what builds wrote to the output folder,"
        " keeping your own files there",
    )
    site_argument(clean)
    clean.add_argument("--output", type=Path, help="output folder (default: site.yaml 'output')")
    clean.set_defaults(run=_clean)


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
    try:
        result = cached_build(args, options, snapshot)
    except BaseException:  # errors, Ctrl-C however Python wraps it: the output is as it was
        if not _has_output(args):
            args.unfinished = "nothing was written"  # with no previous output known to keep
        raise
    print_warnings(result)
    print_notes(result, quiet=args.quiet)
    if not args.quiet:
        print(summary(result, f"built into {shown(result.output, args.site)}", args))
    return EXIT_OK


def _has_output(args: argparse.Namespace) -> bool:
    """Whether the folder this build writes is there already, so that a failed build says
    that the previous output is untouched only when there is one. Where site.yaml cannot
    tell which folder that is (the build then reports why), the usual one is looked for."""
    from ..content.config import load_config
    from ..output.destination import destination

    try:
        found = destination(args.site, load_config(args.site), args.output).path
    except ArticlegenError:
        found = args.output or args.site / DEFAULT_OUTPUT
    return os.path.exists(found)  # False, not OSError, for a name too long or a link loop


def _print_receipt(receipt: Receipt, args: argparse.Namespace) -> None:
    """What the last build said, for a build that found nothing changed since."""
    for warning in receipt.warnings:
        stderr(f"warning: {warning}")
    if args.quiet:
        return
    for note in receipt.notes:
        stderr(f"note: {note}")
    counts = f"{counted(receipt.articles, 'article')}, {counted(receipt.pages, 'page')}"
    if receipt.warnings:
        counts += f", {counted(len(receipt.warnings), 'warning')}"
    where = shown(Path(receipt.output), args.site)
    print(f"{counts}; nothing changed, {where} is up to date (checked in {wall(args)})")


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
    result = cached_build(args, options)
    print_warnings(result)
    print_notes(result)
    # "no output": the build cache is still kept, so that the next build is faster
    print(summary(result, "checked", args) + "; no output written")
    if args.links or args.no_link_cache:
        return check_web_links(args, result)
    return EXIT_OK


def cached_build(
    args: argparse.Namespace, options: BuildOptions, snapshot: Snapshot | None = None
) -> BuildResult:
    """A build with the site's saved cache (unless ``--no-cache``), and a progress line on
    a terminal for builds that last; ``snapshot``: its inputs' stamps, if already taken."""
    from ..build import build_site, build_with_saved_cache

    with progress_line(sys.stderr, quiet=getattr(args, "quiet", False)) as progress:
        try:
            if args.no_cache:
                return build_site(args.site, options, progress=progress)
            return build_with_saved_cache(
                args.site,
                options,
                progress=progress,
                snapshot=snapshot,
                heard=not getattr(args, "quiet", False),
            )
        except (ConfigError, OutputError, TemplateError) as error:  # ended as many are
            raise BuildFailed([error]) from error


def _kept(own: OwnFiles, folder: str) -> str:
    """``3 files (public/a, …) and 1 folder (public/uploads)``, as ``clean`` names them."""
    parts = []
    for names, what in ((own.files, "file"), (own.folders, "folder")):
        if names:
            named = ", ".join(one_line(f"{folder}/{name}") for name in names[:3])
            more = ", …" if len(names) > 3 else ""
            parts.append(f"{counted(len(names), what)} ({named}{more})")
    return " and ".join(parts)


def _clean(args: argparse.Namespace) -> int:
    from ..content.config import load_config
    from ..output.destination import destination
    from ..output.outputrecord import shown_folder
    from ..output.write import remove_output

    root = args.site.absolute()
    dest = destination(root, load_config(root), args.output)
    removed = []
    cleaned = remove_output(dest, root)
    folder = shown_folder(dest.path, root)
    kept = cleaned.kept if cleaned is not None else None
    if cleaned is not None and cleaned.removed:
        removed.append(f"the files builds wrote in {folder}/" if kept else folder + "/")
    if clear_cache(root / CACHE_DIR):
        removed.append(CACHE_DIR + "/")
    print(f"removed {' and '.join(removed)}" if removed else "nothing to remove")
    if kept:
        print(f"kept {_kept(kept, folder)} no build made, which the next build keeps too")
    return EXIT_OK
