"""Publishing a built site: written into its output folder whole, indexed for search before
the swap, and the written files stamped in the build cache."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path

from ..content.staticfiles import StaticFile, collision_problems
from ..core.errors import ArticlegenError, InterruptedAfterWrite, OutputError
from ..core.layout import CACHE_DIR
from ..core.model import BuildOptions, Progress, RenderedPage, Site
from ..core.problems import Diagnostic
from ..core.progress import for_stage, report_progress
from ..core.urls import article_url
from ..incremental.cache import BuildCache
from ..incremental.cachefile import SEARCH_STATE, SPARE_OUTPUT
from ..incremental.rendering import SitePages
from ..render.feeds import unlisted_slugs
from .outputrecord import own_in_output
from .replaced import replaced_files, replaced_notes
from .search import INDEX_FOLDER, index_site, path_order
from .searchstate import SearchStore
from .write import recover, write_site


def publish_site(
    pages: SitePages,
    statics: list[StaticFile],
    output: Path,
    root: Path,
    cache: BuildCache | None,
    searched: tuple[Path, int, Collection[str]] | None,
    progress: Progress | None,
    made: Callable[[], object],
    options: BuildOptions,
) -> tuple[list[Diagnostic], list[str]]:
    """Write the site (indexed for search with ``searched``, Pagefind, the number of
    article pages and the output paths of those left out of the index, the drafts' and
    scheduled articles' pages of a ``--drafts`` or ``--future`` build, when Pagefind is
    there), staging into the cache's spare when there is a cache, and stamp the written
    files in the cache. Each page is written as it is
    rendered ("rendering pages"), then the rest of the files ("writing files"), once
    ``made()`` has returned: it waits for what static files are still being made (the
    images' copies). The files someone put into the output folder by hand stay there, each
    a warning given back (``outputrecord``); with ``options.strict``, an error before
    anything is written. A folder without the record is replaced whole: the files that
    goes with are named in a note given back (``replaced``). A build that does not write
    but checks the output folder (``check``) only gives those warnings, or errors, and
    that note, as the build would."""
    paths = [page.out_path for page in pages.headers]
    index = INDEX_FOLDER if searched else None
    building = [*paths, *(name for _, name in statics)]
    removing = partial(replaced_files, output, building, index, root)
    if not options.write:
        kept = own_in_output(output, paths, statics, index, root, options.strict)[1]
        return kept, replaced_notes(removing(), output, root, spare=None, built=False)
    recover(output)
    removed = removing()  # the folder as the last build left it, put back after a kill
    searching = for_stage(progress, "indexing for search")
    folder = root / CACHE_DIR
    store = SearchStore(folder / SEARCH_STATE, folder) if cache is not None else None
    key = f"{cache.code if cache is not None else ''}|{_identity(searched[0])}" if searched else ""
    html = path_order(paths)  # the pages built, one per article and page: not static/'s
    indexer = None
    if searched:
        pagefind, expected, unsearched = searched
        html = [path for path in html if path not in unsearched]
        indexer = partial(_index, pagefind, expected, searching, output, store, key, html)
    rest = partial(_after, made, for_stage(progress, "writing files"))
    spare = folder / SPARE_OUTPUT if cache is not None else None
    own, kept = own_in_output(output, paths, statics, index, root, options.strict)
    write_site(
        paths, _then(pages.pages, rest), statics, output, before_swap=indexer, spare=spare,
        keep=index, own=own,
    )  # fmt: skip
    if cache is not None:
        with after_writing(output):
            cache.record_output(output)
    return kept, replaced_notes(removed, output, root, spare=spare, built=True)


def indexed_pages(
    site: Site, pagefind: Path | None, articles: int
) -> tuple[Path, int, frozenset[str]] | None:
    """What ``publish_site`` indexes for search, with Pagefind (None: no search): Pagefind,
    the number of the ``articles`` pages it should find, and the output paths of the pages
    it leaves out (the unlisted articles': a draft's or a scheduled one's, which a
    ``--drafts`` or ``--future`` build shows but does not offer to searches)."""
    if pagefind is None:
        return None
    hidden = frozenset(article_url(slug) + "index.html" for slug in unlisted_slugs(site))
    return pagefind, articles - len(hidden), hidden


def unpublishable(
    pages: Iterable[RenderedPage],
    statics: list[StaticFile],
    root: Path,
    aliases: Mapping[str, str],
    searched: tuple[Path, int, Collection[str]] | None,
) -> list[ArticlegenError]:
    """What would keep files of the site from being published, told without writing (so
    ``check`` says it too, and ``--strict`` in the same report as its warnings): a static
    file at a page's address (``collision_problems``), and, when the site is ``searched``
    (``indexed_pages``), one in the search index's folder, which the index is made whole."""
    return [
        *collision_problems(pages, statics, root, aliases),
        *(
            OutputError(
                f"{source.relative_to(root) if source.is_relative_to(root) else source}: would"
                f" be published in {INDEX_FOLDER}/, where the search index goes",
                hint=f"move it out of a '{INDEX_FOLDER}' folder, or set 'search: false' in "
                "site.yaml to build without search",
            )
            for source, relative in statics
            if searched and relative.split("/")[0] == INDEX_FOLDER
        ),
    ]


def _after(made: Callable[[], object], progress: Callable[[int, int], None] | None) -> None:
    """Once the pages are written: the static files made, and the next stage begun."""
    made()
    report_progress(progress, 0, 0)


def _then(pages: Iterator[RenderedPage], after: Callable[[], None]) -> Iterator[RenderedPage]:
    """``pages``, and ``after()`` once the last has been read."""
    yield from pages
    after()


def _index(
    pagefind: Path,
    articles: int,
    progress: Callable[[int, int], None] | None,
    live: Path,
    store: SearchStore | None,
    key: str,
    html: list[str],
    folder: Path,
) -> None:
    """The search index of the staged site (one page per article; ``html`` the ``.html``
    files of its built pages, those of ``static/`` left out), its shards reported as
    the steps of a stage. The pages' plans are let go by now, but reference cycles that
    rendering left still hold parts of them (a Jinja macro keeps the context it was
    rendered in, and a page's context with it): collected first, the youngest generation
    only (milliseconds), so that Pagefind's memory does not add to theirs."""
    gc.collect(0)
    report_progress(progress, 0, 1)
    index_site(
        folder, pagefind, expected_pages=articles, live=live, store=store, key=key,
        progress=progress, html=html,
    )  # fmt: skip
    report_progress(progress, 1, 1)


def _identity(program: Path) -> str:
    """The Pagefind program as it is now (its path, size and time): kept shards were made
    by the same one, or are made again."""
    try:
        found = program.stat()
    except OSError:
        return str(program)
    return f"{program}|{found.st_size}|{found.st_mtime_ns}"


@contextlib.contextmanager
def after_writing(output: Path | None) -> Iterator[None]:
    """A Ctrl-C in the block, once ``output`` (if any) holds the new site, is
    ``InterruptedAfterWrite``: the site is published, only the bookkeeping was cut short."""
    try:
        yield
    except KeyboardInterrupt as stop:
        if output is None or isinstance(stop, InterruptedAfterWrite):
            raise
        raise InterruptedAfterWrite(str(output)) from stop
