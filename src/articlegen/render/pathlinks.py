"""Markdown links to paths of this site (``[the guide](files/guide.pdf)``,
``[sleep](/guides/sleep/)``, ``[heart](../heart-health/)``): where each leads, its URL under
the site's base path, and whether the build publishes anything there.

A path a browser would resolve against the article's page (``files/guide.pdf`` on
``/heart-health/``) rarely means what the author meant: files of ``static/`` are written
relative to ``static/``, as images are. So a relative link to a file (its last part has a
suffix: ``files/guide.pdf``) is read relative to ``static/``; any other relative link
(``heart-health``, ``../sleep/``) resolves against the article's own URL, as a browser
would; a root-relative one (``/x/``) is a path from the site's root, with the base path
taken off if it was written with it. Every link is then written root-relative under the base
path (a GitHub Pages project site's ``/repo/``), like images and ``[[…]]`` links, and checked
once every page is planned: a link to an address the build does not publish is an error.

Only set look-ups: the addresses a build publishes are gathered once, from the page plans
and the static files listed, never from the file system.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from urllib.parse import unquote, urljoin, urlsplit

from ..content.images import static_path
from ..content.misnamed import OTHER_MARKDOWN
from ..content.readiness import is_example_address
from ..core.errors import ArticlegenError, LinkError, closest, suggestion
from ..core.layout import STATIC_DIR
from ..core.model import Article, LinkRef, PlacedImage, RenderedBody, RenderedPage
from ..core.records import record
from ..core.urls import SEARCH_URL, article_url
from ..core.weburl import lacks_scheme
from .fragments import FragmentLink

_NO_COLON = re.compile(r"(https?):?/{0,2}(?=[^/])(?P<rest>.+)", re.IGNORECASE)
"""An address whose scheme lost its colon or a slash (``https//x``, ``https:/x``)."""
_ORIGIN = "https://site.invalid/"
"""An origin to resolve paths against: only the path of the result is kept."""


@record
class SitePath:
    """Where a path link leads: a path from the site's root and what followed it."""

    path: str
    """The site path, URL-encoded as written, without the leading ``/`` (``""``: home)."""
    rest: str
    """The ``?query`` and ``#fragment`` as written, kept in the URL."""

    def href(self, base_path: str) -> str:
        """The link's URL under the site's base path (``/repo/files/a.pdf#p=2``)."""
        return base_path + self.path + self.rest

    @property
    def fragment(self) -> str:
        """The part after ``#``, as written (``""`` when there is none)."""
        return self.rest.partition("#")[2]

    @property
    def decoded(self) -> str:
        """The path as output files are named: ``my file.pdf`` for ``my%20file.pdf``."""
        return unquote(self.path)


def resolve_path(written: str, page_url: str, base_path: str) -> SitePath:
    """Where the link ``written`` on the page at ``page_url`` (site-relative, ``a/``) leads."""
    parts = urlsplit(written)
    rest = (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else ""
    )
    path, read = parts.path, _read_from(parts.path)
    if read == _ROOT and base_path != "/" and (path + "/").startswith(base_path):
        path = path[len(base_path) - 1 :] or "/"
    resolved = urlsplit(urljoin(_ORIGIN + (page_url if read == _PAGE else ""), path)).path
    return SitePath(resolved.lstrip("/"), rest)


_ROOT, _STATIC, _PAGE = "root", "static", "page"


def _read_from(path: str) -> str:
    """What the link path ``path`` is read from: the site's root (``/x/``), ``static/`` (a
    relative file, named as an image is) or the linking page's address (any other)."""
    if path.startswith("/"):
        return _ROOT
    return _STATIC if _is_file(path) and static_path(path) is not None else _PAGE


def _is_file(path: str) -> bool:
    """Whether ``path`` names a file, not a folder or a page's address: its last part has a
    suffix (``guide.pdf``, not ``heart-health`` or ``sleep/``)."""
    last = path.rsplit("/", 1)[-1]
    return "." in last.lstrip(".")


def path_hrefs(refs: Sequence[LinkRef], page_url: str, base_path: str) -> list[str]:
    """The URL of each path link of one body, in order, for its placeholders."""
    return [resolve_path(ref.target, page_url, base_path).href(base_path) for ref in refs]


def path_fragments(
    articles: Sequence[Article], bodies: Mapping[str, RenderedBody], base_path: str
) -> Iterator[FragmentLink]:
    """The path links of ``articles`` that lead to an article's or page's address and name
    an ``#id`` (``/sleep/#deep-sleep``), to be checked as ``[[sleep#deep-sleep]]`` is
    (``fragments``). Files sharing a slug are left out: that is an error of its own."""
    count = Counter(article.slug for article in articles)
    for article in articles:
        if count[article.slug] > 1:
            continue
        for ref in bodies[article.slug].path_links:
            target = resolve_path(ref.target, article_url(article.slug), base_path)
            slug = target.decoded.removesuffix("index.html").rstrip("/")
            if target.fragment and count[slug] == 1:
                yield FragmentLink(
                    "link", ref.target, article.source, ref.line, slug, target.fragment
                )


def published_addresses(
    pages: Iterable[RenderedPage],
    statics: Iterable[str],
    images: Iterable[PlacedImage] = (),
    *,
    search: bool = False,
) -> frozenset[str]:
    """Every address the build publishes, as output names: each page's address and file,
    each static file's name, and each of ``images``' copies by its planned name (so that
    ``check``, which makes none, finds what a build does). With ``search`` on, the search
    page counts though Pagefind is not installed here (a build without it says so): the
    publish workflow's build has it."""
    every: set[str] = set(statics)
    every.update(copy.path for image in images for copy in image.variants)
    if search:
        every.add(SEARCH_URL)
    for page in pages:
        every.add(page.url)
        every.add(page.out_path)
    return frozenset(every)


def leads_somewhere(target: SitePath, addresses: AbstractSet[str]) -> bool:
    """Whether the build publishes something at ``target``: a file, or a folder's
    ``index.html`` (``/a`` and ``/a/`` both lead to ``a/index.html``, as static hosts serve
    it)."""
    name = target.decoded
    return name in addresses or f"{name.rstrip('/')}/index.html".lstrip("/") in addresses


def path_link_problems(
    articles: Sequence[Article],
    bodies: Mapping[str, RenderedBody],
    addresses: AbstractSet[str],
    base_url: str,
    base_path: str,
    *,
    unsure: tuple[str, ...] = (),
) -> list[ArticlegenError]:
    """A ``LinkError`` for each path link of ``articles`` that leads to nothing in
    ``addresses`` (``published_addresses``), at its file and line, naming the closest
    addresses that exist, and the full address under ``base_url`` to link to what its host
    has beside the site (none when ``base_url`` is empty: the preview's). Links to paths
    starting with one of ``unsure`` are not judged (``addresses`` may lack pages there: of
    files that failed to load)."""
    problems: list[ArticlegenError] = []
    near = _Near(addresses, articles)
    for article in articles:
        page = article_url(article.slug)
        for ref in bodies[article.slug].path_links:
            target = resolve_path(ref.target, page, base_path)
            if not target.decoded.startswith(unsure) and not leads_somewhere(target, addresses):
                problems.append(_nowhere(ref, target, (article.source, page), near, base_url))
    return problems


def _nowhere(
    ref: LinkRef, target: SitePath, linking: tuple[str, str], near: _Near, base_url: str
) -> LinkError:
    """The error of a link that leads nowhere (``linking``: the file and address of the
    article it is in), with the closest addresses and, where its last part names an article
    (``_Near.article``), that article's ways to be linked; and how to link to it, or to
    what is on the same host but not of this site."""
    source, page = linking
    shown = "/" + target.decoded
    is_file = "." in shown.rsplit("/", 1)[-1]
    fix = (
        f"put the file in static/ (static/{target.decoded}) or fix the link"
        if is_file
        else "fix the link"
    )
    inside = target.decoded.removeprefix(f"{STATIC_DIR}/")  # static/files/a.pdf, as on disk
    if inside != target.decoded:
        there = "" if inside in near.addresses else f", and put the file at static/{inside}"
        fix = f"a file of static/ is linked without 'static/': write /{inside}{there}"
    web = _web_address(ref.target)
    meant = None if web else near.article(target, source, exact=is_file)
    hint = (
        f"a web address starts with https://: write it whole, {web}"
        if web
        else f"an article is linked by its file ending in '.md': write {article}"
        if (article := _as_article_file(ref.target))
        else _article_hint(meant, ref.target, (source, page), target, base_url)
        if meant
        else f"{fix} (a file of static/ is written relative to static/, a page from the "
        "site's root with a leading '/')" + _elsewhere(ref.target, target, base_url)
    )
    offered = near(shown)
    if meant:  # beside it, only addresses named alike: not the linking page's section's,
        named = _last_part(target.decoded)  # nor the linking page itself
        offered = [a for a in offered if a != f"/{page}" and closest(named, [_last_part(a)])]
        offered += _ways_to_link(meant, source, target.fragment)
    return LinkError(
        f"link '{ref.target}' leads to {shown}, where this site publishes no page or file"
        + suggestion(offered, shown),
        source,
        ref.line,
        hint,
    )


def _article_hint(
    meant: Article, written: str, linking: tuple[str, str], target: SitePath, base_url: str
) -> str:
    """How ``written`` was read, and how to link to the article ``meant`` instead (or, for a
    file's name, to put the file where it leads): a path without a leading '/' is read from
    ``static/`` (a file) or from the linking article's address, which the author rarely
    means; one from the site's root may name something on its host beside the site."""
    file, slug, address = _ways_to_link(meant, linking[0], target.fragment)
    ways = f"link to {meant.source} as [text]({file}), as {slug} or as [text]({address})"
    if _INDEX_PAGE.search(target.decoded):  # a folder's page: the article, likelier
        ways = f"{ways}; or put the file in static/ (static/{target.decoded})"
    elif _is_file(target.decoded):
        ways = f"put the file in static/ (static/{target.decoded}), or {ways}"
    read = _read_from(urlsplit(written).path)
    if read == _STATIC:
        return f"a path to a file without a leading '/' is read from static/: {ways}"
    if read == _PAGE:
        return (
            f"a path without a leading '/' is read from this article's address, /{linking[1]},"
            f" as a browser reads it: {ways}"
        )
    return f"a path with a leading '/' is read from the site's root: {ways}" + _elsewhere(
        written, target, base_url
    )


def _ways_to_link(article: Article, source: str, fragment: str = "") -> list[str]:
    """``article`` as a link in ``source`` may name it: its file (relative to ``source``),
    its slug in double brackets, its address from the site's root; each with the link's
    ``#fragment``, which the link meant too."""
    file = posixpath.relpath(article.source, posixpath.dirname(source) or ".")
    end = f"#{fragment}" if fragment else ""
    return [file + end, f"[[{article.slug}{end}]]", "/" + article_url(article.slug) + end]


def _as_article_file(written: str) -> str | None:
    """A link to a Markdown file named otherwise than ``*.md`` (``walking.markdown``, as
    Jekyll names posts, ``walking.MD``), written as the article link it means, ``walking.md``
    (its ``#id`` kept); else None."""
    path = re.split("[#?]", written, maxsplit=1)[0]
    rest = written[len(path) :]
    stem, dot, suffix = path.rpartition(".")
    if not dot or "/" in suffix or suffix == "md" or f".{suffix.lower()}" not in OTHER_MARKDOWN:
        return None
    return f"{stem}.md{rest}"


def _web_address(written: str) -> str | None:
    """The web address a link that leads nowhere on the site names, where it is one without
    its scheme (``www.cdc.gov/sleep``, ``nimh.nih.gov/health``) or with a scheme missing its
    colon or a slash (``https//www.nih.gov/``); else None."""
    if lacks_scheme(written):
        return "https://" + written.strip()
    if (broken := _NO_COLON.fullmatch(written.strip())) and lacks_scheme(broken["rest"]):
        return f"{broken.group(1).lower()}://{broken['rest']}"
    return None


def _elsewhere(written: str, target: SitePath, base_url: str) -> str:
    """How to link to what is on the site's host but not of the site, by its full address
    there: for a path from the host's root, taken as written (``/shop/`` beside a site at
    ``/blog/``). None for one under a base path (``/blog/old/``) or relative: that is the
    site's own place, where an address written whole would go unchecked; and none without
    a ``base_url`` (the preview's own address is none to link to). On a ``base_url`` still
    an example's (``init``'s ``example.org``) the path is rather another site's (an old
    blog's, a link ``import`` could not make whole): its full address there is asked for."""
    path = urlsplit(written).path
    base_path = urlsplit(base_url).path or "/"
    if not base_url or _read_from(path) != _ROOT:
        return ""
    if base_path != "/" and (path + "/").startswith(base_path.rstrip("/") + "/"):
        return ""
    if is_example_address(base_url):
        return "; a page of another site (an old blog's, say) is linked by its full address there"
    full = urljoin(base_url, path + target.rest)
    return (
        "; something on this host that this site does not publish cannot be checked: link "
        f"to it by its full address, {full}"
    )


class _Near:
    """The closest published addresses to a missing one, each asked once: ``closest``
    compares with every address, listed only when a link leads nowhere; and the article
    a missing path's last part names."""

    def __init__(self, addresses: AbstractSet[str], articles: Sequence[Article]) -> None:
        self.addresses = addresses
        self.articles = articles
        self.candidates: list[str] | None = None
        self.found: dict[str, list[str]] = {}
        self.by_slug: dict[str, Article] | None = None

    def __call__(self, shown: str) -> list[str]:
        if self.candidates is None:
            self.candidates = sorted({"/" + a.removesuffix("index.html") for a in self.addresses})
        if shown not in self.found:
            self.found[shown] = closest(shown, self.candidates)
        return self.found[shown]

    def article(self, target: SitePath, source: str, *, exact: bool) -> Article | None:
        """The published article (not ``source``'s) whose slug the last part of ``target``
        is, ignoring a ``.html`` suffix and case, or, unless ``exact``, comes closest to:
        ``[walking](walking)`` on ``/blood-pressure-basics/`` leads to
        ``/blood-pressure-basics/walking``, meant as the article ``walking``. A file's name
        (``walkin.html``, ``exact``) is likelier a file of ``static/`` misspelt, which the
        closest addresses offer."""
        if self.by_slug is None:
            published = (a for a in self.articles if article_url(a.slug) in self.addresses)
            self.by_slug = {a.slug: a for a in published}
        stem = _last_part(target.decoded)
        if not stem or "." in stem:  # no name, or a file's (guide.pdf): a slug has no dot
            return None
        slugs = [slug for slug, a in self.by_slug.items() if a.source != source]
        found = [stem] if stem in slugs else [] if exact else closest(stem, slugs)
        return self.by_slug[found[0]] if found else None


def _last_part(path: str) -> str:
    """The name a path ends in, as an article's slug would be written there: without a
    folder's index page, a trailing ``/`` or a ``.html`` suffix, in lower case (``walking``
    for ``guides/Walking/index.html`` or ``../walking/index.htm``)."""
    last = _INDEX_PAGE.sub("", path).rstrip("/").rpartition("/")[2]
    return _HTML_SUFFIX.sub("", last).lower()


_HTML_SUFFIX = re.compile(r"\.html?$", re.IGNORECASE)
"""A page's suffix a link to an article may carry (``walking.html``, as an old site named it)."""
_INDEX_PAGE = re.compile(r"(?:^|(?<=/))(?:index|default)\.(?:html?|php|aspx?)$", re.IGNORECASE)
"""A folder's index page, as servers name it, which a link to a folder may end in."""
