"""The cross-link graph: resolve See Also and body links, both directions.

Works on plain records (``LinkSource``, ``LinkTarget``): no files, no
Markdown, no templates, so every rule here is tested with literal data.

A link target is tried, in order, as: an ``http://`` or ``https://`` address; a
file (``x.md``, ``../x.md``, ``content/x.md``); a slug; an exact title. Any other
text, colons and all, is never read as a URL scheme. Titles compare after NFC
normalisation and white space collapsing in stages (``lookalike.TITLE_STAGES``): exactly,
then ignoring case, then ignoring case and typographic apostrophes, quotes and dashes; the
first stage that finds any title answers, and finding several is an error. ``name#id``
points at an id of the page:
the whole text is tried first, so a title that itself holds ``#`` still links,
then the text before its last ``#``.
"""

from __future__ import annotations

import functools
import posixpath
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial

from ..content.publication import EXPIRED, SCHEDULED, WITHHELD_FIXES, said
from ..core.errors import LinkError, UnfoundLink, closest, completed, suggestion
from ..core.lookalike import TITLE_STAGES, fold
from ..core.memo import Memo
from ..core.model import LinkGraph, LinkRef, LinkSource, LinkTarget, ResolvedLink
from ..core.records import record
from ..core.slugs import is_slug, natural_order
from ..core.weburl import address_problem, is_web_address
from .ambiguouslinks import ambiguous_link
from .linkhints import not_found_hint, see_also_titled
from .seealsolists import listed_problem

CONTENT_PREFIX = "content/"
FIX_HINT = "link by slug, by file (content/x.md) or by exact title"


@dataclass(frozen=True, slots=True, eq=False)
class _Index:
    """Every way an author may name an article."""

    by_slug: dict[str, LinkTarget]
    by_path: dict[str, LinkTarget]
    """Key: the file relative to ``content/``, in NFC (macOS may store names decomposed)."""
    by_title: Callable[[], tuple[dict[str, list[LinkTarget]], ...]]
    """One dictionary per ``TITLE_STAGES`` stage, keyed by its key of the title: more than
    one article when titles are the same, differ only in case, or differ only in case and
    typographic punctuation (``’`` for ``'``). Made when first asked for (a link looked up
    by title, or failing): links by slug or file, and the menu's, never ask."""
    titles_unknown: bool
    """Some file's title could not be read (it failed to parse): a link that matches no
    article may name it, and is not reported until that file is fixed."""
    found: dict[tuple[str, str], tuple[list[LinkTarget], bool]] = field(default_factory=dict)
    """(name, the linking file's folder) → what ``_find`` found and whether it looked up a
    title: a site's articles name the same few hundred targets tens of thousands of times."""
    made: dict[tuple[str | None, str | None, str, str], ResolvedLink] = field(default_factory=dict)


@record
class Resolved:
    """One source's links resolved, and what was wrong."""

    see_also: tuple[ResolvedLink | None, ...]
    """Its See Also items, in order (None where one failed)."""
    inline: tuple[ResolvedLink | None, ...]
    """Its body links, in order (None where one failed)."""
    problems: tuple[LinkError, ...]
    """One per bad link."""
    by_title: bool
    """Whether any link was looked up by title (or failed, its error naming close titles):
    if not, every link named an article by file or slug, and titles changing elsewhere
    cannot change this."""


def build_link_graph(
    sources: Sequence[LinkSource],
    targets: Iterable[LinkTarget],
    *,
    drafts_visible: bool = False,
    memo: Memo[Resolved] | None = None,
) -> LinkGraph:
    """Resolve every link of ``sources`` against ``targets``; problems are collected, not
    raised. With a ``memo`` (``core.memo``), a source whose links are those of the last
    build keeps their resolution while the targets are the same but for titles its links
    did not look up (a preview's title edit)."""
    memo = memo or Memo()
    known = tuple(targets)
    named = memo.same("named", tuple((t.slug, t.path, t.draft, t.page, t.withheld) for t in known))
    titles = memo.same("titles", tuple(t.title for t in known))
    index = functools.cache(partial(_make_index, known))
    problems: list[LinkError] = []
    see_also: dict[str, tuple[ResolvedLink, ...]] = {}
    see_also_each: dict[str, tuple[ResolvedLink | None, ...]] = {}
    inline: dict[str, tuple[ResolvedLink | None, ...]] = {}
    incoming: dict[str, set[str]] = {}
    for source in sources:
        last = memo.kept(source.path)
        by_title = last is None or last.by_title
        resolved = memo(
            source.path,
            (source, named, titles if by_title else None, drafts_visible),
            partial(_resolve_source, source, index, drafts_visible),
        )
        problems += resolved.problems
        see_also_each[source.slug] = resolved.see_also
        see_also[source.slug] = _unique(resolved.see_also)
        inline[source.slug] = resolved.inline
        if not source.page:
            for link in (*resolved.see_also, *resolved.inline):
                if link is not None and link.slug is not None:
                    incoming.setdefault(link.slug, set()).add(source.slug)
    title_of = {t.slug: t.title or t.slug for t in known}
    # each linker's place made once, though it links to several: ``natural_order`` by title
    order = functools.cache(lambda slug: (natural_order(title_of.get(slug) or slug), slug))
    backlinks = {
        slug: tuple(sorted(linkers, key=order)) for slug, linkers in sorted(incoming.items())
    }
    return LinkGraph(see_also, inline, backlinks, tuple(problems), see_also_each)


def _resolve_source(
    source: LinkSource, index: Callable[[], _Index], drafts_visible: bool
) -> Resolved:
    """The See Also items and body links of one source, resolved, and what was wrong."""
    problems: list[LinkError] = []
    titles_used: list[bool] = []

    def resolve_all(refs: Sequence[LinkRef], kind: str) -> tuple[ResolvedLink | None, ...]:
        resolved: list[ResolvedLink | None] = []
        for ref in refs:
            try:
                resolved.append(
                    _resolve(ref, source, index(), drafts_visible, kind, titles_used=titles_used)
                )
            except LinkError as problem:
                problems.append(problem)
                resolved.append(None)
        return tuple(resolved)

    see_also = resolve_all(source.see_also, "see_also")
    inline = resolve_all(source.inline, "link")
    return Resolved(see_also, inline, tuple(problems), bool(titles_used or problems))


def resolve_links(
    refs: Sequence[LinkRef],
    path: str,
    targets: Iterable[LinkTarget],
    *,
    kind: str,
    drafts_visible: bool = False,
    fix_hint: str = FIX_HINT,
) -> tuple[tuple[ResolvedLink | None, ...], list[LinkError]]:
    """``refs`` written in ``path``, a file that is no article (``site.yaml``'s ``menu:``),
    resolved against ``targets`` by the rules of an article's links, and the problems (a
    file named by a ``refs`` item is relative to ``content/``); ``fix_hint`` says how to name
    a target, for a link that matches none."""
    index = _make_index(targets)
    source = LinkSource("", path)
    resolved: list[ResolvedLink | None] = []
    problems: list[LinkError] = []
    for ref in refs:
        try:
            resolved.append(_resolve(ref, source, index, drafts_visible, kind, fix_hint))
        except LinkError as problem:
            problems.append(problem)
            resolved.append(None)
    return tuple(resolved), problems


def _make_index(targets: Iterable[LinkTarget]) -> _Index:
    known = list(targets)
    by_slug = {target.slug: target for target in known}
    by_path = {_nfc(_content_relative(target.path)): target for target in known}
    titled = [target for target in known if target.title]
    stages = functools.cache(partial(_title_stages, titled))
    return _Index(by_slug, by_path, stages, len(titled) < len(known))


def _title_stages(titled: list[LinkTarget]) -> tuple[dict[str, list[LinkTarget]], ...]:
    """``_Index.by_title`` of the targets with a title: their titles' three keys each
    (normalized, case-folded) were a third of making an index that seldom needs them."""
    stages: tuple[dict[str, list[LinkTarget]], ...] = tuple({} for _ in TITLE_STAGES)
    for target in titled:
        for key, stage in zip(TITLE_STAGES, stages, strict=True):
            stage.setdefault(key(target.title), []).append(target)
    return stages


def _resolve(
    ref: LinkRef,
    source: LinkSource,
    index: _Index,
    drafts_visible: bool,
    kind: str,
    fix_hint: str = FIX_HINT,
    *,
    titles_used: list[bool] | None = None,
) -> ResolvedLink | None:
    """The article or web page ``ref`` names; None when it may name a file whose title could
    not be read (that file's own error is reported instead). ``titles_used`` gets an item
    when a title was looked up."""
    text, title = ref.target.strip(), ""
    if kind == "see_also" and "|" in text:
        text, title = see_also_titled(text, ref, source)
    if is_web_address(text):
        if problem := address_problem(text):  # printed into href as written
            what, hint = problem
            raise LinkError(f"{kind} {what}", source.path, ref.line, hint)
        return _made(index, None, text, "", title)
    name, fragment = text, ""
    found = _find(name, source.path, index, titles_used)
    if not found and "#" in text:
        name, _, fragment = text.rpartition("#")
        name = name.strip()
        found = _find(name, source.path, index, titles_used)
    if not found and not name:
        raise LinkError(
            f"{kind} '{ref.target}' names an id but no article",
            source.path,
            ref.line,
            "to link to an id of this page, write [text](#id); to another article's,"
            " [[Title#id]] or [[slug#id]]",
        )
    if not found and kind == "see_also" and (listed := _listed(ref, source, index)):
        raise listed
    if not found:
        if index.titles_unknown and not _is_path(name):
            return None
        what = "article" if kind == "see_also" else "article or page"
        offered = _suggest(name, index, source, kind)
        found_none = f"{kind} '{ref.target}' matches no {what}{offered}"
        hint = not_found_hint(text, name, kind, fix_hint)
        raise UnfoundLink(found_none, source.path, ref.line, hint, name, kind, fragment, offered)
    if len(found) > 1:
        raise ambiguous_link(ref, source, kind, found)
    (target,) = found
    if refused := _refusal(ref, source, target, kind, drafts_visible):
        raise refused
    return _made(index, target.slug, None, fragment)


def _made(
    index: _Index, slug: str | None, url: str | None, fragment: str, title: str = ""
) -> ResolvedLink:
    """The one ``ResolvedLink`` of these values in the graph: the build cache pickles one
    per target (2,000 in the bench corpus), not one per link (37,000), and unpickles them
    in every build that reuses the graph."""
    key = (slug, url, fragment, title)
    link = index.made.get(key)
    if link is None:
        link = index.made[key] = ResolvedLink(slug=slug, url=url, fragment=fragment, title=title)
    return link


def _listed(ref: LinkRef, source: LinkSource, index: _Index) -> LinkError | None:
    """The error for a see_also item that is a list YAML read as one text (``seealsolists``)."""
    return listed_problem(
        ref, source.path, lambda part: len(_find(part, source.path, index, None)) == 1
    )


def _refusal(
    ref: LinkRef, source: LinkSource, target: LinkTarget, kind: str, drafts_visible: bool
) -> LinkError | None:
    """Why ``ref`` may not link to the one article it names: itself, a page in See Also, a
    draft the build hides, or an article not (or no longer) published."""
    if target.slug == source.slug:
        itself = f"{kind} '{ref.target}' links the article to itself"
        return LinkError(itself, source.path, ref.line, "name another article, or remove the link")
    if target.page and kind == "see_also":
        return LinkError(
            f"{kind} '{ref.target}' names a page ({target.path}): See Also lists articles",
            source.path,
            ref.line,
            "link to the page in the text instead, [[" + target.slug + "]]",
        )
    if target.draft and not drafts_visible:
        return LinkError(
            f"{kind} '{ref.target}' links to a draft ({target.path})",
            source.path,
            ref.line,
            "publish the draft (draft: false), remove the link, or build with --drafts",
        )
    if target.withheld:
        ahead = target.withheld.startswith("expires")  # judged at a moment still to come
        return LinkError(
            f"{kind} '{ref.target}' links to an article that {said(target.withheld)} "
            f"({target.path}): the link would lead nowhere" + (" from then on" if ahead else ""),
            source.path,
            ref.line,
            WITHHELD_FIXES[EXPIRED]
            if target.withheld.startswith("expire")
            else WITHHELD_FIXES[SCHEDULED] + " (build with --future to see both)",
        )
    return None


def _find(
    name: str, source_path: str, index: _Index, titles_used: list[bool] | None = None
) -> list[LinkTarget]:
    """The articles ``name`` (stripped) names: by file, slug, then title, exactly, in any
    case, then in any case and typographic punctuation (``_by_title``; noted in
    ``titles_used``)."""
    key = (name, _folder(source_path))
    known = index.found.get(key)
    if known is None:
        known = index.found[key] = _lookup(name, source_path, index)
    if known[1] and titles_used is not None:
        titles_used.append(True)
    return known[0]


_folder = functools.lru_cache(maxsize=4096)(posixpath.dirname)
"""A file's folder, remembered: each of its links looks it up (30,000 in a build of 2,000
articles)."""


def _lookup(name: str, source_path: str, index: _Index) -> tuple[list[LinkTarget], bool]:
    """``_find``'s answer, worked out: the articles, and whether a title was looked up."""
    if _is_path(name):
        for path in _path_candidates(name, source_path):
            if path in index.by_path:
                return [index.by_path[path]], False
    if name in index.by_slug:
        return [index.by_slug[name]], False
    return _by_title(name, index), True


def _by_title(name: str, index: _Index) -> list[LinkTarget]:
    """The articles of the first ``TITLE_STAGES`` stage that finds any for ``name``: one,
    or several for the error that names them (titles the same, or differing only as that
    stage ignores). A narrower stage's one article is never lost to a wider stage's several."""
    for key, stage in zip(TITLE_STAGES, index.by_title(), strict=True):
        if found := stage.get(key(name)):
            return found
    return []


def _is_path(name: str) -> bool:
    """Whether ``name`` is written as a file: ``x.md``, ``../x.md``, ``content/x``."""
    return name.endswith(".md") or name.startswith(CONTENT_PREFIX)


def _path_candidates(name: str, source_path: str) -> list[str]:
    """``name`` read as a file: relative to the linking file, then to ``content/``."""
    file = _nfc(name if name.endswith(".md") else f"{name}.md")
    here = _nfc(posixpath.dirname(_content_relative(source_path)))  # macOS may decompose
    candidates = [posixpath.normpath(posixpath.join(here, file)), posixpath.normpath(file)]
    return [_content_relative(c.lstrip("/")) for c in candidates]


def _content_relative(path: str) -> str:
    return path[len(CONTENT_PREFIX) :] if path.startswith(CONTENT_PREFIX) else path


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _suggest(name: str, index: _Index, source: LinkSource, kind: str) -> str:
    """`` (did you mean …?)``: ``_suggest_file`` for a name written as a file, else the
    ``_near`` titles and slugs, each with how it differs where the two would look the same."""
    if _is_path(name):
        return _suggest_file(name, index, source, kind)
    return suggestion(list(_near(name, index, source.slug, kind).values())[:3], name)


def _near(name: str, index: _Index, linking: str, kind: str) -> dict[LinkTarget, str]:
    """The articles whose titles complete ``name``, then those of the closest titles and
    slugs, with the text offered (its slug if ``name`` is written as a slug, else its title,
    in its author's spelling); never the ``linking`` article, nor a page in See Also."""
    folded = fold(name)
    by_folded = index.by_title()[-1]
    near = dict.fromkeys([*completed(folded, by_folded), *closest(folded, by_folded)])
    titles = [(t.title, t) for m in near for t in by_folded[m]]
    slugs = [(m, index.by_slug[m]) for m in closest(name, index.by_slug)]
    by_target: dict[LinkTarget, str] = {}
    for text, target in [*slugs, *titles] if is_slug(name.strip()) else [*titles, *slugs]:
        if target.slug != linking and (kind != "see_also" or not target.page):
            by_target.setdefault(target, text)
    return by_target


def _suggest_file(name: str, index: _Index, source: LinkSource, kind: str) -> str:
    """The files whose name completes or comes close to the one ``name`` gives (relative to
    ``content/``, with the prefix if ``name`` has it); with none (a file renamed far), the
    ``_near`` articles: their titles, but their files (written as ``name`` is, else relative
    to the linking file) in a body link to ``x.md``, which may be ``[text](x.md)``."""
    stems = {
        path.removesuffix(".md"): path
        for path, t in index.by_path.items()
        if t.slug != source.slug and (kind != "see_also" or not t.page)
    }
    written = _nfc(_content_relative(name)).removesuffix(".md")
    near = dict.fromkeys([*completed(written, stems), *closest(written, stems)])
    prefix = CONTENT_PREFIX if name.startswith(CONTENT_PREFIX) else ""
    if offered := suggestion([prefix + stems[m] for m in near][:3], name):
        return offered
    found = _near(posixpath.basename(written), index, source.slug, kind)
    if kind == "link" and name.endswith(".md"):
        here = posixpath.dirname(source.path) or "."
        found = {t: t.path if prefix else posixpath.relpath(t.path, here) for t in found}
    return suggestion(list(found.values())[:3], name)


def _unique(links: Iterable[ResolvedLink | None]) -> tuple[ResolvedLink, ...]:
    """Each place once, as first listed (``ResolvedLink.place``)."""
    seen: dict[tuple[str | None, str | None, str], ResolvedLink] = {}
    for link in links:
        if link is not None:
            seen.setdefault(link.place, link)
    return tuple(seen.values())
