"""The incremental build cache: what earlier builds learned, so the next redoes only what changed.

Python API. The CLI does exactly this; a dev server keeps one ``BuildCache`` in
memory between rebuilds instead of loading and saving it::

    from articlegen.build import build_site
    from articlegen.incremental.cachefile import CACHE_DIR, load_cache, save_cache

    cache = load_cache(site / CACHE_DIR)            # empty if missing, stale or corrupt
    result = build_site(site, options, cache=cache)  # reads and updates it in place
    save_cache(cache, site / CACHE_DIR)

``build_site(root, options)`` without a cache builds from scratch and keeps nothing.

What it holds, and what each entry is keyed on:

* Per content file, the parsed ``Article``, keyed by a digest of the file's path
  and bytes and of the generator's code; and its rendered body, keyed by that
  digest plus the markup settings. An unchanged file is neither parsed nor rendered.
* Per output page, a digest of everything that shapes it: the generator's code,
  its template and every template that one uses, and the page's whole context
  (``PagePlan``: its article, the titles and descriptions of linked articles, the
  site settings…). A page whose digest is unchanged is not rendered again: its
  bytes come from memory (kept by a build that writes nothing, as the preview's),
  or the output stage hard-links the file already in the output folder, once its
  stamp (device, inode, size, modification and change time) shows it is the very
  file this cache saw written.

A cache kept in memory (the preview's) also keeps the last build's site and page
plans: when only articles' bodies changed, the other pages keep their plans and, with
them, their keys (``replan``). A cache saved for the next process keeps a record of them
instead (``planrecord``): the next build plans only the pages a change reaches.

A page context that cannot be pickled (it holds a closure or a lambda) has no key,
so that page is rendered every build. Template helpers should therefore be values
(``urlmaker.UrlMaker``), plain functions or Jinja filters, and anything a template
shows must be in its context.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from ..core.dates import DEFAULT_ZONE
from ..core.layout import PACKAGE
from ..core.model import (
    Article,
    FirstPages,
    PagePlan,
    PlannedSite,
    RenderedBody,
    RenderedPage,
)
from ..core.records import record
from ..render.partials import Partials
from .keys import SharedDigests, page_key
from .planrecord import PlanRecord
from .stagememos import StageMemos
from .stamps import FileStamp, SourceStamp, file_stamp

FORMAT = "6"
"""Version of the cache's records; part of the code fingerprint."""
_LIBRARIES = (
    "markdown-it-py",
    "markdown-it-pyrs",
    "mdit-py-plugins",
    "Jinja2",
    "MarkupSafe",
    "PyYAML",
    "Pillow",
    "selectolax",
    "python-slugify",
    "text-unidecode",
    "tzdata",
    "snowballstemmer",
    "stop-words",
)
"""Distributions whose release shapes the output; their versions join the code fingerprint.
A version, not a module's source: text-unidecode's table, tzdata's zone rules and the
stop-words list are data files that no ``__init__.py`` would show changing (stems and
stop words rank the See Also index's suggestions)."""


@record
class SourceEntry:
    """One content file as last seen: its digest, its article and (if rendered) its body."""

    digest: bytes
    """``source_digest`` of the file's path and bytes."""
    article: Article
    """The parsed article."""
    body_key: bytes | None = None
    """``body_key`` the body was rendered under; None when it was not rendered (a draft)."""
    body: RenderedBody | None = None
    """The rendered body, internal links and images still placeholders."""
    stamp: SourceStamp | None = None
    """``source_stamp`` of the file, taken before it was read; None if it was racy."""
    zone: str = DEFAULT_ZONE
    """The time zone the article's dates were read in (``site.yaml`` ``timezone:``): a
    date-time without an offset means another moment in another zone."""


@record
class PageEntry:
    """One output page as last built."""

    key: bytes
    """``page_key`` of its plan."""
    stamp: FileStamp | None = None
    """``file_stamp`` of the file written for it, if one was written."""
    data: bytes | None = None
    """Its bytes, kept by a build that writes nothing (the preview's); never saved."""


class KeptPageChanged(Exception):
    """A page kept unplanned (``render_pages``'s ``kept``) cannot be reused after all: its
    file in the output changed since ``reusable`` looked (another program wrote there).
    Raised before any page is rendered, so the caller can plan every page and start again."""


class BuildCache:
    """What earlier builds learned. Owned by its caller; ``build_site`` updates it in place."""

    def __init__(self, code: str | None = None) -> None:
        self.code = code if code is not None else code_fingerprint()
        """Digest of the generator's code and libraries; part of every key."""
        self.sources: dict[str, SourceEntry] = {}
        """Content file (``content/a.md``) → what it gave last time."""
        self.pages: dict[str, PageEntry] = {}
        """Output path (``a/index.html``) → how it was built last time."""
        self.output: str | None = None
        """The output folder that page stamps refer to."""
        self.planned: PlannedSite | None = None
        """The last build's site and page plans (``replan``); kept in memory only."""
        self.plan_keys: dict[str, tuple[PagePlan, str, bytes | None]] = {}
        """Output path → (the plan last keyed for it, its template's digest, its key), so a
        plan the next build keeps (the very same object) is not keyed again."""
        self.keep_in_memory = True
        """Whether builds keep what only a next build of this cache in this process can use:
        plans (``planned``, ``plan_keys``) and ``partials``. Off for a cache saved for the
        next process (``build_with_saved_cache``), whose plans then go before Pagefind runs."""
        self.templates: dict[str, bytes] = {}
        """Compiled templates (``templates.compile_templates``), which the cache file saves
        too. Each is checked against its template's source before use, so a changed one is
        compiled again."""
        self.memos = StageMemos()
        """Per-article results of the last build's checks and linking; kept in memory only."""
        self.partials = Partials()
        """What templates' ``partial(…)`` calls rendered (``render/partials.py``), by their
        values' digests; kept in memory only."""
        self.saved: dict[str, SourceEntry] = {}
        """For ``cachefile``: each source record the saved file holds."""
        self.saved_records: dict[str, bytes] = {}
        """For ``cachefile``: table → checksum of the one record the saved file holds in it."""
        self.saved_objects: dict[str, object] = {}
        """For ``cachefile``: table → the value that record was saved from or loaded into."""
        self.plan_record: PlanRecord | None = None
        """The last build's page plans as the next process compares them (``planrecord``):
        saved with the pages' keys, and replaced with them once every page is taken in."""
        self.next_record: PlanRecord | None = None
        """This build's ``plan_record``, until its pages are all taken in."""

    def render_pages(
        self,
        plans: Sequence[PagePlan],
        render: Callable[[list[PagePlan]], Iterable[RenderedPage]],
        *,
        templates: Mapping[str, str],
        output: Path | None,
        first: FirstPages | None = None,
        kept: frozenset[str] = frozenset(),
        shared: SharedDigests | None = None,
    ) -> tuple[Iterator[RenderedPage], frozenset[str]]:
        """Every page of ``plans``, rendering (with ``render``) only those whose key changed.

        ``templates``: template name → digest (``templates.template_fingerprints``).
        ``output``: the folder unchanged files may be hard-linked from (None when nothing is
        written). ``first``: pages keyed, rendered and published at once, before the others
        are keyed. ``kept``: output paths of pages left unplanned (``planrecord``), keyed by
        their last key, which must be reusable. ``shared``: the build's digests (``SharedDigests``).
        Returns the pages, the others each rendered
        as it is read, and the output paths of those rendered; the cache takes the pages in
        once all are read, bytes only if ``output`` is None (a build failing half-way leaves
        it as it was)."""
        shared = shared if shared is not None else SharedDigests()
        wanted = first.paths if first is not None else frozenset()
        keys: list[bytes | None] = [None] * len(plans)
        found: list[RenderedPage | None] = [None] * len(plans)
        early: frozenset[str] = frozenset()
        for now in (True, False):
            for i, plan in enumerate(plans):
                if (plan.out_path in wanted) is now:
                    keys[i] = (
                        self.pages[plan.out_path].key
                        if plan.out_path in kept
                        else self._key(plan, templates.get(plan.template, ""), shared)
                    )
                    found[i] = self._reuse(plan, keys[i], output)
            if now and first is not None:
                early = _render_first(plans, found, render, first)
        todo = [plan for plan, page in zip(plans, found, strict=True) if page is None]
        if any(plan.out_path in kept for plan in todo):
            raise KeptPageChanged
        pages = self._taken_in(plans, keys, found, iter(render(todo)), templates, output is None)
        return pages, frozenset(plan.out_path for plan in todo) | early

    def _taken_in(
        self, plans: Sequence[PagePlan], keys: list[bytes | None],
        found: list[RenderedPage | None], fresh: Iterator[RenderedPage],
        templates: Mapping[str, str], keep_bytes: bool,
    ) -> Iterator[RenderedPage]:  # fmt: skip
        """Each page, the ``found`` one or the next ``fresh`` one, recorded in the cache
        (with its bytes if ``keep_bytes``) once the last has been read."""
        entries: dict[str, PageEntry] = {}
        for key, page in zip(keys, found, strict=True):
            page = page if page is not None else next(fresh)
            if key is not None:
                stamp = self._old_stamp(page.out_path, key)
                entries[page.out_path] = PageEntry(key, stamp, page.data if keep_bytes else None)
            yield page
        self.pages = entries
        self.plan_record, self.next_record = self.next_record, None
        self.plan_keys = {
            plan.out_path: (plan, templates.get(plan.template, ""), key)
            for plan, key in zip(plans, keys, strict=True)
            if self.keep_in_memory
        }

    def _key(self, plan: PagePlan, template: str, shared: SharedDigests) -> bytes | None:
        """``page_key`` of ``plan``; the last build's, if it keyed this very plan object
        (plans are never changed once made) under the same template digest."""
        known = self.plan_keys.get(plan.out_path)
        if known is not None and known[0] is plan and known[1] == template:
            return known[2]
        return page_key(plan, self.code, template, shared)

    def record_output(self, output: Path) -> None:
        """FileStamp every page entry with the file now in ``output``: the build wrote it."""
        self.output = folder = str(output)
        self.pages = {  # plain strings, made at once: a build writes thousands of pages
            path: PageEntry(entry.key, file_stamp(f"{folder}/{path}"), entry.data)
            for path, entry in self.pages.items()
        }

    def _reuse(self, plan: PagePlan, key: bytes | None, output: Path | None) -> RenderedPage | None:
        entry = self.pages.get(plan.out_path)
        if key is None or entry is None or entry.key != key:
            return None
        if entry.data is not None:
            return RenderedPage(plan.url, plan.out_path, entry.data)
        if (
            output is not None
            and self.output == str(output)
            and entry.stamp is not None
            and entry.stamp == file_stamp(os.path.join(output, plan.out_path))
        ):
            return RenderedPage(plan.url, plan.out_path, None)
        return None

    def reusable(self, out_paths: Iterable[str], output: Path | None) -> bool:
        """Whether each page at ``out_paths`` can be reused as last built, by its last key."""
        for path in out_paths:
            entry = self.pages.get(path)
            page = PagePlan(path, path, "", {})
            if entry is None or self._reuse(page, entry.key, output) is None:
                return False
        return True

    def _old_stamp(self, out_path: str, key: bytes) -> FileStamp | None:
        entry = self.pages.get(out_path)
        return entry.stamp if entry is not None and entry.key == key else None


def _render_first(
    plans: Sequence[PagePlan],
    found: list[RenderedPage | None],
    render: Callable[[list[PagePlan]], Iterable[RenderedPage]],
    first: FirstPages,
) -> frozenset[str]:
    """Render the pages ``first`` names that ``found`` lacks into it and publish them; their
    output paths."""
    early = [i for i, plan in enumerate(plans) if plan.out_path in first.paths]
    early = [i for i in early if found[i] is None]
    fresh = list(render([plans[i] for i in early]))
    for i, page in zip(early, fresh, strict=True):
        found[i] = page
    if fresh:
        first.publish(fresh)
    return frozenset(page.out_path for page in fresh)


def code_fingerprint() -> str:
    """A digest of this package's modules, of the libraries that shape its output and of
    Python's version: after an upgrade or any code change, nothing old is reused."""
    digest = hashlib.sha256()  # OpenSSL's: the processor's SHA instructions (``keys.digest_of``)
    digest.update(f"{FORMAT}\0{sys.version}\0".encode())
    for name, path in _modules():
        with open(path, "rb") as file:
            digest.update(name.encode() + b"\0" + file.read())
    installed = _installed()
    for name in _LIBRARIES:
        version = installed.get(_project(name)) or _version(name)
        digest.update((f"{name}=={version}" if version else f"{name} absent").encode() + b"\0")
    return digest.hexdigest()[:32]


def _modules() -> list[tuple[str, str]]:
    """Each module of the package, as (its path in the package, ``/``-separated; its path),
    sorted: listed by ``os.walk`` as strings, where ``Path.rglob``, a ``Path`` for each and
    ``relative_to`` cost more than reading the modules (with SHA-256 for BLAKE2b, the
    fingerprint every build takes 7.7 -> 4.7 ms)."""
    top = str(PACKAGE)
    found = []
    for folder, _, names in os.walk(top):
        inside = os.path.relpath(folder, top).replace(os.sep, "/")
        for name in names:
            if name.endswith(".py"):
                found.append((name if inside == "." else f"{inside}/{name}", f"{folder}/{name}"))
    return sorted(found)


def _installed() -> dict[str, str]:
    """Project (``_project``) → version, of each ``name-version.dist-info`` folder on
    ``sys.path``, the first of each as ``importlib.metadata`` finds it: reading the names
    costs a listing of each folder, where importing ``importlib.metadata`` to ask it cost
    about 10 ms a build."""
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            project, _, version = entry.removesuffix(".dist-info").partition("-")
            if entry.endswith(".dist-info") and version:
                found.setdefault(_project(project), version)
    return found


def _project(name: str) -> str:
    """A project's name as folder names write it (PEP 503 normalised, ``_`` for ``-``)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _version(name: str) -> str | None:
    """The version ``importlib.metadata`` finds, for a library installed otherwise (an
    ``.egg-info``); None when it is not installed (tzdata, where the system has zone data)."""
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
