"""``new``, ``import`` and ``init``: the commands that write new files for authors (an
article or page, imported posts, a whole site) and say what they wrote. Each loads its
authoring module only when it runs: builds need no scaffolding or HTML parser."""

from __future__ import annotations

import argparse
import datetime as dt
import shlex
from pathlib import Path

from ..core.errors import ArticlegenError, BuildFailed
from .arguments import Commands, day, site_argument
from .printing import EXIT_ERRORS, EXIT_OK, fail, print_error, shown, stderr


def add_new(commands: Commands) -> None:
    new = commands.add_parser("new", help="create content/<slug>.md for a new article")
    new.add_argument("title", help="the article's title")
    new.add_argument(
        "--page",
        action="store_true",
        help="a page instead (content/pages/<slug>.md: About, Contact…), on no list or feed",
    )
    site_argument(new)
    new.set_defaults(run=_new)


def add_import(commands: Commands) -> None:
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
    site_argument(imports)
    imports.add_argument(
        "--from",
        dest="kind",
        choices=("wordpress", "jekyll", "hugo", "text", "html"),
        help="what the sources are (default: told from each source)",
    )
    imports.add_argument(
        "--date",
        type=day,
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


def add_init(commands: Commands) -> None:
    init = commands.add_parser("init", help="start a new site in a folder")
    init.add_argument("folder", type=Path, nargs="?", help="folder to start it in (as --site)")
    init.add_argument("--site", type=Path, default=Path("."), help="folder (default: here)")
    init.add_argument("--title", default="My health blog", help="the site's title")
    init.add_argument(
        "--force",
        action="store_true",
        help="start it in a folder that holds other files too (none is overwritten)",
    )
    init.set_defaults(run=_init)


def _new(args: argparse.Namespace) -> int:
    from ..authoring.scaffold import new_article  # here, not at the top: builds need no scaffolding

    path = new_article(args.site.absolute(), args.title, page=args.page)
    print(f"created {shown(path, args.site)} (a draft: set 'draft: false' to publish it)")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    # here, not at the top: builds need no HTML or XML parser
    from ..authoring.importer import ImportOptions, import_sources
    from ..authoring.importreport import OUT, import_lines

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
        print_error(failed)
        fail(f"{failed.message}; nothing was imported")
        return EXIT_ERRORS
    for stream, line in import_lines(report, site):
        if stream == OUT:
            print(line)
        else:
            stderr(line)
    return EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from ..authoring.scaffold import init_site, shown_from_here  # here: builds need no scaffolding

    if args.folder is not None and args.site != Path("."):
        raise ArticlegenError(
            f"two folders given: {args.folder} and --site {args.site}", hint="give one of them"
        )
    folder = args.folder if args.folder is not None else args.site
    site = init_site(folder, args.title, force=args.force)
    for path in site.written:
        print(f"created {shown_from_here(path)}{'/' if path.is_dir() else ''}")
    for path in site.kept:
        print(f"kept {shown_from_here(path)}, which was there already")
    for note in site.notes:
        stderr(f"note: {note}")
    here = shown_from_here(folder)
    print("\nNext:")
    if here != ".":
        print(f"  cd {shlex.quote(here)}")
    print("  articlegen serve     # preview it at http://127.0.0.1:8000/ as you edit")
    print("  edit site.yaml       # the blog's title, address (base_url) and description")
    return EXIT_OK
