"""Site-wide checks on the articles to publish: slugs the site's own pages use, comments
with no provider, and the warnings that do not stop a build (``--strict`` makes them errors)."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Mapping

from ..content.articles import index_file_hint
from ..content.images import remote_image_warnings
from ..content.publication import WITHHELD_FIXES, Withheld, said
from ..content.readiness import scaffold_warnings
from ..core.errors import ArticlegenError, Diagnostic, FrontMatterError
from ..core.lookalike import collapse, fold, how_alike
from ..core.model import Article, LinkGraph, LinkRef, RenderedBody, SiteConfig
from ..core.slugs import DEVICE_NAMES_SHOWN, is_device_name
from ..core.urls import RESERVED_SLUGS
from ..core.yamlspans import as_scalar
from ..markup.summary import markdown_shown
from ..markup.tagsastext import tags_as_text_warnings
from .locallinks import local_link_warnings
from .ownreferences import own_references_warnings
from .tagchecks import tag_warnings


def reserved_slug_problems(articles: Iterable[Article]) -> list[ArticlegenError]:
    """Articles whose slug would collide with a generated page."""
    return [
        FrontMatterError(
            f"slug '{a.slug}' is reserved for the site's own pages",
            a.source,
            a.meta.lines.get("slug", 1),
            "choose another 'slug:' (reserved: " + ", ".join(sorted(RESERVED_SLUGS)) + ")",
        )
        for a in articles
        if a.slug in RESERVED_SLUGS
    ]


def comment_problems(config: SiteConfig, articles: Iterable[Article]) -> list[ArticlegenError]:
    """Articles asking for comments on a site with no comment provider."""
    if config.comments.provider is not None:
        return []
    return [
        FrontMatterError(
            "comments: true, but site.yaml sets up no comments provider",
            a.source,
            a.meta.lines.get("comments", 1),
            "add comments.provider (giscus, isso or remark42) to site.yaml, or set comments: false",
        )
        for a in articles
        if a.meta.comments
    ]


def unlinked_warnings(articles: Iterable[Article], graph: LinkGraph) -> list[Diagnostic]:
    """Published articles with no See Also and no Linked from: readers cannot reach them
    from other articles (``warn_unlinked: true`` in site.yaml asks for this). Pages are
    reached from the menu, and links from a page make no article "linked"."""
    return [
        Diagnostic(
            f"'{a.meta.title}' is not linked: it has no See Also and no article links to it",
            a.source,
            a.meta.lines.get("title", 1),
            "add 'see_also:' to it, or link to it from a related article",
        )
        for a in articles
        if not a.page
        and not a.meta.draft
        and not graph.see_also.get(a.slug)
        and not graph.backlinks.get(a.slug)
    ]


def site_warnings(
    config: SiteConfig,
    articles: list[Article],
    graph: LinkGraph,
    bodies: Mapping[str, RenderedBody],
    *,
    shown: Mapping[str, Withheld] | None = None,
) -> list[Diagnostic]:
    """Everything worth a look that does not stop the build (``--strict`` makes them errors);
    in a preview (``shown``: what it shows that the build's moment withholds), also what
    only the published site would refuse."""
    warnings = [
        w for a in articles for w in remote_image_warnings(bodies[a.slug].remote_images, a.source)
    ]
    warnings += tag_warnings(articles, config.base_url)
    warnings += title_markup_warnings(articles)
    warnings += description_markup_warnings(articles)
    warnings += repeated_see_also_warnings(articles, graph)
    warnings += see_also_title_markup_warnings(articles, graph)
    warnings += index_file_warnings(articles)
    warnings += device_name_warnings(articles)
    warnings += same_title_warnings(articles)
    warnings += scaffold_warnings(articles)
    warnings += title_heading_warnings(articles, bodies)
    warnings += own_references_warnings(articles, bodies)
    warnings += local_link_warnings(articles, bodies)
    warnings += [
        w for a in articles for w in tags_as_text_warnings(bodies[a.slug].html_as_text, a.source)
    ]
    if config.warn_unlinked:
        warnings += unlinked_warnings(articles, graph)
    if shown is not None:
        warnings += preview_link_warnings(articles, graph, bodies, shown, config.zone)
    return warnings


def preview_link_warnings(
    articles: Iterable[Article],
    graph: LinkGraph,
    bodies: Mapping[str, RenderedBody],
    shown: Mapping[str, Withheld],
    zone: zoneinfo.ZoneInfo,
) -> list[Diagnostic]:
    """A published article's See Also or body links to an article the preview shows and the
    published site leaves out: a draft, or one its moment withholds (``shown``: scheduled or
    expired, shown by the preview all the same). They work there, but the published site's
    build fails at each such link, which the writer would learn only when the site is
    pushed."""
    left_out = {a.slug: (f"a draft ({a.source})", _DRAFT_FIX) for a in articles if a.meta.draft}
    for slug, held in shown.items():
        what = f"an article that {said(held.describe(zone))} ({held.article.source})"
        left_out[slug] = (what, _PREVIEW_SHOWS_IT + WITHHELD_FIXES[held.state])
    if not left_out:
        return []
    warnings = []
    for a in articles:
        if a.slug in left_out:  # not published either: its links are no published page's
            continue
        see_also = zip(a.meta.see_also, graph.see_also_each.get(a.slug, ()), strict=False)
        inline = zip(bodies[a.slug].links, graph.inline.get(a.slug, ()), strict=False)
        for kind, pairs in (("see_also", see_also), ("link", inline)):
            for ref, link in pairs:
                if link is not None and link.slug in left_out:
                    what, hint = left_out[link.slug]
                    message = f"{kind} '{ref.target}' links to {what}"
                    warnings.append(Diagnostic(message, a.source, ref.line, hint))
    return warnings


_DRAFT_FIX = (
    "the preview shows drafts, but the published site leaves them out and its build fails"
    " at this link: publish the draft (draft: false), or remove the link"
)
_PREVIEW_SHOWS_IT = (
    "the preview shows it, but the published site leaves it out and its build fails at this link: "
)


def title_heading_warnings(
    articles: Iterable[Article], bodies: Mapping[str, RenderedBody]
) -> list[Diagnostic]:
    """A level-1 heading in the text (``# …``, often the title written again, as a pasted
    or imported article has it): the page shows its title as its one ``<h1>``, and a second
    one tells screen readers and search engines of two pages in one."""
    return [
        Diagnostic(
            "a level-1 heading (# …) in the text: the title above it is the page's one",
            article.source,
            line,
            "remove it if it repeats the title; else make it a section heading, ## …",
        )
        for article in articles
        for line in bodies[article.slug].title_lines
    ]


def description_markup_warnings(articles: Iterable[Article]) -> list[Diagnostic]:
    """A ``description:`` written in Markdown (``What *really* helps``, a ``[link](url)``):
    it is plain text, shown as written in the meta description, search results, cards and
    feeds, asterisks and brackets and all. At its line, with the text to write instead."""
    shown_in = "search results, share cards, the article's card and the feeds"
    return _markup_warnings(articles, "description", shown_in)


def title_markup_warnings(articles: Iterable[Article]) -> list[Diagnostic]:
    """A ``title:`` written in Markdown (``Talking About *Low* Mood``): it is plain text too,
    shown as written in the page's heading and ``<title>``, and wherever the article is
    listed or linked. Told by the description's rule (``markdown_shown``), so that the two
    keys agree: ``5*3``, ``C++``, ``Q&A``, ``[Updated]`` say nothing."""
    shown_in = "the page's heading, the browser's tab, search results and wherever it is listed"
    return _markup_warnings(articles, "title", shown_in)


def _markup_warnings(articles: Iterable[Article], key: str, shown_in: str) -> list[Diagnostic]:
    """A warning per article whose front-matter ``key`` (a text) Markdown would show
    otherwise than written, though it is shown as written ``shown_in`` those places: at the
    key's line, giving what Markdown would show as the text to write."""
    warnings = []
    for article in articles:
        text = getattr(article.meta, key)
        if text is not None and (shown := markdown_shown(text)) is not None:
            warnings.append(
                Diagnostic(
                    f"'{key}' is plain text, not Markdown: it is shown as written, in {shown_in}",
                    article.source,
                    article.meta.lines.get(key),
                    f"write the text alone: {key}: {as_scalar(shown)}",
                )
            )
    return warnings


def repeated_see_also_warnings(articles: Iterable[Article], graph: LinkGraph) -> list[Diagnostic]:
    """A ``see_also`` item naming what an item above it names already (by slug, title or
    file: ``[Heart Health, heart]``): the article's See Also shows it once, so the second
    was most likely meant to be another article. At the second's line."""
    warnings = []
    for a in articles:
        first: dict[tuple[str | None, str | None, str], LinkRef] = {}
        for ref, link in zip(a.meta.see_also, graph.see_also_each.get(a.slug, ()), strict=False):
            if link is None or (earlier := first.setdefault(link.place, ref)) is ref:
                continue
            where = "before it" if earlier.line == ref.line else f"on line {earlier.line}"
            warnings.append(
                Diagnostic(
                    f"see_also '{ref.target}' links to what '{earlier.target}' {where} does,"
                    " so the See Also shows it once",
                    a.source,
                    ref.line,
                    "remove this item, or name the article it was meant to be",
                )
            )
    return warnings


def see_also_title_markup_warnings(
    articles: Iterable[Article], graph: LinkGraph
) -> list[Diagnostic]:
    """A web See Also item's title written in Markdown (``https://…|The *CDC* on sleep``):
    the card shows it as written, as it does a ``title:``, which is told by the same rule."""
    warnings = []
    for a in articles:
        for ref, link in zip(a.meta.see_also, graph.see_also_each.get(a.slug, ()), strict=False):
            if link is None or not link.title or (shown := markdown_shown(link.title)) is None:
                continue
            warnings.append(
                Diagnostic(
                    f"see_also '{ref.target}' titles its card in Markdown, which the card "
                    "shows as written",
                    a.source,
                    ref.line,
                    f"write the text alone: {link.url}|{shown}"
                    if shown.strip()
                    else f"write the title as plain text after the '|', or leave both out:"
                    f" {link.url}",
                )
            )
    return warnings


def index_file_warnings(articles: Iterable[Article]) -> list[Diagnostic]:
    """A lone ``index.md`` is published at ``/index/``: its name is its slug, as any file's
    is, where the author most likely meant its folder's address (two of them are already an
    error, as two files of one slug are)."""
    return [
        Diagnostic(
            f"'{a.meta.title}' is published at /index/, its file being named index.md",
            a.source,
            1,
            hint,
        )
        for a in articles
        if (hint := index_file_hint(a)) is not None
    ]


def device_name_warnings(articles: Iterable[Article]) -> list[Diagnostic]:
    """An article whose file name (``con.md``) or slug (its page's folder, ``con/``) Windows
    keeps for a device: the build runs here, but a writer on Windows could not check the
    repository out, or a Windows machine write the site."""
    warnings = []
    for a in articles:
        name = a.source.rpartition("/")[2]
        if is_device_name(name):
            what, line, hint = f"the file name '{name}'", 1, "rename the file to a longer name"
            harm = "a repository holding it cannot be checked out on Windows"
        elif is_device_name(a.slug):
            what, line = f"the slug '{a.slug}'", a.meta.lines.get("slug", 1)
            hint = "choose another 'slug:'" if a.meta.slug else "rename the file to a longer name"
            harm = f"a build on Windows cannot write its page's folder, {a.slug}/"
        else:
            continue
        message = f"{what} is a name Windows keeps for a device ({DEVICE_NAMES_SHOWN}): {harm}"
        warnings.append(Diagnostic(message, a.source, line, hint))
    return warnings


def same_title_warnings(articles: Iterable[Article]) -> list[Diagnostic]:
    """An article or page titled as one before it, compared as a reader sees titles
    (``lookalike.fold``, the widest of the stages links match titles in: case, spacing,
    Unicode form and typed punctuation aside): two entries alike in the listings and the
    feed, where readers cannot tell which is which, and a link by that title (``[[…]]``,
    See Also) fails the build for naming both, unless it is written exactly as one of them
    (or, where they differ in punctuation, as one of them in another case). A warning, at
    the later file's title line, naming the first: the site builds as before until such a
    link is written. One dictionary pass over the articles to build (drafts only when
    built)."""
    first: dict[str, Article] = {}
    warnings = []
    for article in articles:
        other = first.setdefault(fold(article.meta.title), article)
        if other is article:
            continue
        title, theirs = article.meta.title, other.meta.title
        what = (
            "is also the title of"
            if collapse(title) == collapse(theirs)
            else f"differs only {how_alike((title, theirs))} from '{theirs}', the title of"
        )
        warnings.append(
            Diagnostic(
                f"title '{title}' {what} {other.source}",
                article.source,
                article.meta.lines.get("title", 1),
                _SAME_TITLE_ARTICLE
                if not (article.page or other.page)
                else _SAME_TITLE_PAGE
                if collapse(title) == collapse(theirs)
                else _ALIKE_TITLE_PAGE,
            )
        )
    return warnings


_SAME_TITLE_ARTICLE = (
    "readers see two entries alike on the home page, the archive and the feed; give one a"
    " title of its own"
)
_SAME_TITLE_PAGE = (
    "a link by this title ([[…]] or see_also) names both, which fails the build; give one a"
    " title of its own"
)
_ALIKE_TITLE_PAGE = (
    "a link by this title ([[…]] or see_also) not written exactly as one of them may name"
    " both, which fails the build; give one a title of its own"
)
