"""The frozen records passed between build stages.

Each stage is a pure function from some of these to others, which keeps the
stages testable alone, safe to run in parallel and easy to cache.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import field, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from .langtags import text_direction
from .problems import ArticlegenError, Diagnostic
from .records import record

Date = dt.date | dt.datetime


Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: a build telling its caller how far a long stage is
(``stage`` is e.g. ``rendering pages``); called often, so it must return quickly."""


@record
class CommentsConfig:
    """Which comment system to load, and whether articles get it by default."""

    provider: str | None = None
    """``giscus``, ``isso`` or ``remark42``; None when comments are not set up."""
    default: bool = False
    """Comments for articles whose front-matter does not say."""
    settings: Mapping[str, str] = field(default_factory=dict)
    """The provider's own block (``comments.giscus`` …), passed to the page as data."""


@record
class Logo:
    """The header's logo: where it is served from and its size, so the header never jumps."""

    url: str
    """Site URL of the file (base path included)."""
    width: int | None = None
    height: int | None = None
    """In CSS pixels; None for an SVG that states no size."""
    image: PlacedImage | None = None
    """The file placed with its copies in its own format (an ``<img>`` shows it, so none in
    WebP), made and published as a shown image's are: its metadata is never published."""


@record
class ThemeSettings:
    """``site.yaml`` ``theme:``: the accent colour, checked for contrast, as ``#rrggbb``."""

    accent: str = ""
    """On the light backgrounds; empty for the theme's own."""
    accent_dark: str = ""
    """On the dark backgrounds (``prefers-color-scheme: dark``); empty for the theme's own."""


@record
class Person:
    """An author or medical reviewer from ``site.yaml``; free-text authors have no id."""

    name: str
    """Full name, as shown in bylines."""
    id: str | None = None
    """Key in ``authors:`` or ``reviewers:``; the person page is ``authors/<id>/``."""
    credentials: str = ""
    """E.g. ``MD, psychiatrist``; shown after the name."""
    bio: str = ""
    """A short biography for the person page."""
    photo: str | None = None
    """A path under ``static/`` or an http(s) URL."""
    url: str | None = None
    """The person's own web page."""
    same_as: tuple[str, ...] = ()
    """Profile links (``sameAs``): registries, institutions, social profiles."""
    reviewer: bool = False
    """Listed under ``reviewers:`` (may review articles)."""
    lines: Mapping[str, int] = field(default_factory=dict)
    """File line of the id (key ``""``) and of each field, for messages."""


@record
class HeroImage:
    """An ``image:`` of an article's front-matter or of ``site.yaml``, as written and checked:
    the article's hero (under its title, on its card, in its share card), or the site's share
    image for articles without one."""

    src: str
    """Path of the file under ``static/`` (``images/x.jpg``), URL-encoded as written."""
    alt: str
    """What the image shows, for readers who cannot see it; empty for a decorative one."""
    caption: str | None = None
    """Shown under it, in its ``figcaption``."""
    credit: str | None = None
    """Who made it, or where a public-domain work comes from; shown after the caption."""
    line: int = 0
    """Line of its ``src:`` in the file, for the problems of its file."""


@record
class ImageVariant:
    """One responsive copy of a local raster image, made by the build from the original."""

    path: str
    """Where it is published, relative to the output folder (``images/x-480w.webp``); its
    suffix says its format."""
    width: int
    """Pixel width (never more than the original's)."""
    height: int
    """Pixel height, in the original's proportions."""


@record
class PlacedImage:
    """A local image as pages show it: where it is served from, its size, its variants."""

    url: str
    """Site URL of the file (base path included), still URL-encoded."""
    size: tuple[int, int] | None
    """``(width, height)`` in CSS pixels, upright; None for an SVG that states no size."""
    variants: tuple[ImageVariant, ...] = ()
    """Responsive copies, the original's format first, then WebP, each by width; empty for
    an image served as it is (SVG, GIF, a format browsers may not show)."""
    source: Path | None = None
    """The file under a static folder the variants are made from."""


@record
class Requirement:
    """A ``require:`` rule: articles with ``tag`` must set every one of ``fields``."""

    tag: str
    """Tag name as written in ``site.yaml``."""
    fields: tuple[str, ...]
    """Front-matter keys those articles must set."""
    line: int
    """Line of the rule in ``site.yaml``."""


@record
class MenuItem:
    """An entry of ``site.yaml`` ``menu:``, as written: resolved like any link at build time."""

    title: str
    """What the header navigation shows."""
    link: str
    """A page's or article's slug or file, or an http(s) address, verbatim."""
    line: int
    """Line of the entry's ``link:`` in ``site.yaml``, for its errors."""


@record
class NavLink:
    """An entry of the header navigation, resolved: the site's ``menu:`` or a built-in one."""

    title: str
    """What the navigation shows."""
    url: str
    """Site-relative (``about/``, ``about/#contact``) or absolute (``https://…``)."""
    page: str | None = None
    """Site-relative URL of the page it opens, without ``#id``; None for another site. The
    page at that URL marks the entry ``aria-current``."""


@record
class SiteConfig:
    """``site.yaml``, validated: a field for each key of ``schema.SITE``, in its order and with
    its default (``tests/unit/test_schema.py`` holds them to it), where the key's ``doc`` says
    what each is. A structured key fills the field its ``field`` names, with a record."""

    title: str
    base_url: str
    """Always ending in ``/``; may carry a path."""
    language: str = "en"
    description: str = ""
    image: HeroImage | None = None
    """The share image of articles without one of their own."""
    image_widths: tuple[int, ...] = (480, 960, 1600)
    """``images: {widths: […]}``: the widths of local raster images' variants, ascending."""
    author: str = ""
    output: str = "public"
    per_page: int = 10
    comments: CommentsConfig = field(default_factory=CommentsConfig)
    allow_html: bool = False
    """``markdown: {allow_html: true}``: raw HTML in Markdown passes through."""
    warn_unlinked: bool = False
    authors: Mapping[str, Person] = field(default_factory=dict)
    """By id; when present, ``author:`` values are ids."""
    reviewers: Mapping[str, Person] = field(default_factory=dict)
    """By id, for ``reviewed_by:``."""
    disclaimer: str = ""
    editorial_policy: str = ""
    review_interval_days: int = 365
    requirements: tuple[Requirement, ...] = ()
    """``require:`` rules, in file order."""
    search: bool = True
    timezone: str = "UTC"
    """``config`` checks that it names a zone."""
    link_cache_days: int = 7
    menu: tuple[MenuItem, ...] = ()
    """In file order."""
    menu_builtin: bool = True
    logo: str = ""
    """A path under ``static/``; ``build`` checks that the file is there."""
    theme: ThemeSettings = field(default_factory=ThemeSettings)
    lines: Mapping[str, int] = field(default_factory=dict)
    """File line of each key, nested keys dotted (``comments.giscus.repo_id``), for problems
    found after parsing."""

    @property
    def base_path(self) -> str:
        """The URL path of the site root (``/`` or ``/blog/``), for internal links."""
        return urlsplit(self.base_url).path or "/"

    @property
    def direction(self) -> str:
        """``rtl`` for a language written from right to left (``fa``, ``ar``, ``he``), else
        ``ltr``: the pages' ``<html dir>``."""
        return text_direction(self.language)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """``timezone`` as a zone (``zoneinfo`` keeps one object per name)."""
        return zoneinfo.ZoneInfo(self.timezone)


@record
class LinkRef:
    """A link as the author wrote it, before resolution."""

    target: str
    """Slug, path, title or URL, verbatim."""
    line: int
    """1-based line in the article file."""


@record
class Reference:
    """A numbered source of an article (an item of ``references:``)."""

    title: str
    """Title of the cited work."""
    url: str
    """Where readers can check it (http or https)."""
    id: str | None = None
    """Label for citing it in the body as ``[^id]``."""
    publisher: str | None = None
    """Journal, agency or site that published it."""
    date: Date | int | None = None
    """Publication date, or only its year (an int) when the source gives no more."""
    line: int = 0
    """File line of the item."""
    authors: str | None = None
    """Who wrote it, as one text in the source's own style (e.g. "Smith J, et al.")."""
    url_line: int = 0
    """File line of its ``url``, where ``check --links`` reports a dead one (0: unknown,
    ``line`` then)."""


@record
class Alias:
    """An old path an article keeps answering at, with a redirect page (``aliases:``)."""

    url: str
    """Site-relative, as ``urls.alias_url`` cleans it (``2019/05/old-post/``)."""
    line: int
    """Where it is written."""


@record
class FrontMatter:
    """An article's validated header: a field for each key of ``schema.FRONT_MATTER``, in its
    order and with its default (``tests/unit/test_schema.py`` holds them to it), where the
    key's ``doc`` says what each is. A key absent is its default: None where the site's
    setting or the article's own file name or body decides (``author``, ``slug``…)."""

    title: str
    slug: str | None = None
    date: Date | None = None
    """None only for drafts."""
    updated: Date | None = None
    description: str | None = None
    image: HeroImage | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    """Tag names as written."""
    see_also: tuple[LinkRef, ...] = ()
    """In the author's order."""
    comments: bool | None = None
    draft: bool = False
    expires: Date | None = None
    aliases: tuple[Alias, ...] = ()
    """Cleaned (``urls.alias_url``), in the author's order."""
    reviewed_by: str | None = None
    reviewed_on: dt.date | None = None
    references: tuple[Reference, ...] = ()
    """In the author's order."""
    disclaimer: str | Literal[False] | None = None
    """False: the article shows no disclaimer box (``disclaimer: false``)."""
    content_warning: str | None = None
    lines: Mapping[str, int] = field(default_factory=dict)
    """File line of each key, so later stages can point at it."""
    merged_tags: tuple[tuple[str, str, int], ...] = ()
    """Tags of the list left out as an earlier one makes the same page (``C#`` after
    ``C``), not only in case: (as written, the one kept, its line), for a warning."""
    split_tags: tuple[tuple[tuple[str, ...], int], ...] = ()
    """Tags YAML read from more than one line and joined with a space (``sleep`` then
    ``hygiene``): (the part on each line, the line it starts on), for a warning."""


@record
class Article:
    """One Markdown file, read and validated, not yet rendered."""

    source: str
    """Path relative to the site root, with ``/`` separators (``content/a.md``)."""
    slug: str
    """Final slug: its page lives at ``<slug>/``."""
    meta: FrontMatter
    """Validated front-matter."""
    body: str
    """Markdown after the front-matter."""
    body_line: int = 1
    """File line on which the body starts, to turn body line numbers into file lines."""
    page: bool = False
    """A page (a file under ``content/pages/``): at ``<slug>/`` like an article and linked
    like one, but in no listing, feed or index, and with no byline or review."""


@record
class TocEntry:
    """A heading, for the table of contents."""

    level: int
    """2 for ``##``, 3 for ``###``."""
    anchor: str
    """The heading's id."""
    text: str
    """Plain text of the heading."""


@record
class ImageRef:
    """An image in a body: a local one for the image stage to find and measure, or a remote one
    to warn about."""

    src: str
    """Address as written (URL-encoded): a local one is relative to the ``static/`` folder."""
    line: int
    """1-based line in the article file."""


class BodyHtml(str):
    """An article's finished body HTML, shown by its page and by every feed that lists it.

    A type of its own so that the build cache can key a page by this text's digest,
    computed once per build, instead of pickling the same kilobytes for each page and
    feed that holds it (``keys.page_key``); otherwise a plain string.
    """

    __slots__ = ()

    def __reduce__(self) -> tuple[type[BodyHtml], tuple[str]]:
        return BodyHtml, (str(self),)


class Card(dict[str, Any]):
    """An article as listings show it (title, URL, dates, description, tags), one object
    per article per build that every page listing the article holds: list pages, See
    Also and Linked from blocks, the See Also index. A type of its own, like
    ``BodyHtml``, so the build cache keys it once per build, not once per page.

    Read-only: every page holds the same one, so a template that changed it
    (``{% set _ = card.update(…) %}``) would change the pages rendered after, and the
    pages kept from earlier builds would not show it."""

    __slots__ = ()

    def _read_only(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError(
            "an article's card is shared by every page that lists it and cannot be changed: "
            "make a new dict from it instead ({**card, 'key': value} in Python, or "
            "dict(card, key=value) in a template)"
        )

    __setitem__ = __delitem__ = __ior__ = _read_only
    update = pop = popitem = clear = setdefault = _read_only

    def __reduce__(self) -> tuple[type[Card], tuple[dict[str, Any]]]:
        return Card, (dict(self),)


class CardItem(dict[str, Any]):
    """An article's ``Card`` with keys of one place that shows it added or replaced (a See
    Also item's ``url`` and ``external``, a See Also index entry's links): the card's keys,
    then ``extra``'s, as ``{**card, **extra}`` would have them. The build cache keys it as
    its card's digest and ``extra``, not key by key: the See Also index holds thousands.

    Made by ``CardItem.of``, with ``dict``'s own constructor: an ``__init__`` written in
    Python made each of the 55,000 a cold build of 2,000 articles makes cost twice as much
    (the call of a Python ``__init__`` from the type's call, with its keywords)."""

    __slots__ = ("card", "extra")
    card: Card
    """The card it extends."""
    extra: dict[str, Any]
    """What it adds or replaces."""

    @classmethod
    def of(cls, card: Card, **extra: Any) -> CardItem:
        """``card`` with ``extra``'s keys added or replaced."""
        item = cls(card)
        item.update(extra)
        item.card = card
        item.extra = extra
        return item


class CardList(list[Card]):
    """Cards as a page lists them (a listing's articles, an article's "Linked from"). The
    build cache keys it as its cards' digests together, where each card in a plain list
    is keyed as a value of its own: a build's pages list some 80,000 cards."""

    __slots__ = ()


@record
class RenderedBody:
    """Markdown turned into HTML, plus what rendering learned about it."""

    html: str
    """HTML with internal links left as placeholders for the link stage to fill."""
    toc: tuple[TocEntry, ...] = ()
    """Headings of level 2 and 3, in order; a ``[[link]]`` without text in one holds the
    placeholder of its title, until the body is finished (``render/bodies.py``)."""
    links: tuple[LinkRef, ...] = ()
    """Internal links found in the body; placeholder ``i`` stands for ``links[i]``."""
    summary: str = ""
    """First paragraph as plain text, cut near 160 characters; one with a ``[[link]]``
    without text holds the placeholder of its title, uncut (``bodies.description``)."""
    words: int = 0
    """Word count, for reading time."""
    images: tuple[ImageRef, ...] = ()
    """Local images; placeholders ``I``/``S`` number ``i`` stand for ``images[i]``."""
    videos: int = 0
    """Click-to-load video players in the body (the page then loads the player script)."""
    problems: tuple[ArticlegenError, ...] = ()
    """MarkupErrors: images without alt text, video blocks we cannot embed."""
    citations: tuple[LinkRef, ...] = ()
    """``[^id]`` citations in body order; placeholder ``C i`` stands for ``citations[i]``."""
    remote_images: tuple[ImageRef, ...] = ()
    """Images on other hosts (``https://…``), left as they are: fetched on every page load,
    with no size; each is worth a warning."""
    same_page_links: tuple[LinkRef, ...] = ()
    """Markdown links to a place on the article's own page (``[text](#id)``), ``#`` included
    and percent-encoded as in the HTML: ``fragments`` checks that the page has the id."""
    web_links: tuple[LinkRef, ...] = ()
    """Markdown links and autolinks to other sites (``http(s)://…``), in body order, for
    ``check --links`` (``weblinks``); wikilinks to a URL are in ``links``."""
    path_links: tuple[LinkRef, ...] = ()
    """Markdown links to a path of this site (``/files/a.pdf``, ``../other/``, ``files/a.pdf``:
    no scheme, no host, not only a ``#id``, not a ``.md`` file), as written (markdown-it's
    normalized URL), in body order; placeholder ``H i`` stands for ``path_links[i]``: each
    is resolved, checked against what the build publishes and written under the base path
    (``render/pathlinks.py``)."""
    title_lines: tuple[int, ...] = ()
    """File lines of level-1 headings (``# …``, or a line underlined with ``=``): the page's
    title is its one ``<h1>``, so each is worth a warning."""
    html_as_text: tuple[tuple[str, int, bool], ...] = ()
    """HTML's elements whose tags the body writes (``<sub>``, ``</p>``) on a site that allows
    no raw HTML, so that the page shows them as text: each name, lowercase, with each file
    line it is written on, once a line, in order, and whether that line is a table's row
    (where no Markdown line break fits) (``markup/tagsastext.py``); each line is worth a
    warning."""


@record
class CitationMark:
    """How one body citation renders: its reference's number and the anchors both ways."""

    number: int
    """1-based number of the cited reference."""
    anchor: str
    """Id of the citation itself, the reference's back-link target."""
    target: str
    """Id of the reference list item."""


@record
class NumberedReference:
    """A reference as listed under the article: numbered, with links back to its citations."""

    number: int
    """1-based: cited references first, in order of first citation, then the rest."""
    reference: Reference
    """The source."""
    anchor: str
    """Id of the list item."""
    backlinks: tuple[str, ...] = ()
    """Anchors of the citations of this reference, in body order."""


class NumberedReferences(tuple[NumberedReference, ...]):
    """An article's reference list, one object per article per build that the site
    (``Site.references``) and the article's page both hold. A type of its own, like
    ``Card``, so that the build cache digests it once per build (for the site's digest),
    not again for the page's key; otherwise a plain tuple."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type[NumberedReferences], tuple[tuple[NumberedReference, ...]]]:
        return NumberedReferences, (tuple(self),)


@record
class Credits:
    """Who wrote and who medically reviewed an article, and when the next review is due."""

    author: Person | None = None
    """The author (a registry person, or a free-text name), if any."""
    reviewer: Person | None = None
    """The medical reviewer, if reviewed."""
    reviewed_on: dt.date | None = None
    """Day of the review."""
    next_review: dt.date | None = None
    """``reviewed_on`` plus the site's review interval."""


NO_CREDITS = Credits()
"""The credits of an article ``Site.credits`` has none for: one record, not one made for
each look-up (``credits.get(slug, Credits())`` made one every time, found or not)."""


@record
class LinkSource:
    """What the link graph needs to know about one article: no files, no Markdown."""

    slug: str
    """The linking article."""
    path: str
    """Its file, for error messages."""
    see_also: tuple[LinkRef, ...] = ()
    """Front-matter cross-links."""
    inline: tuple[LinkRef, ...] = ()
    """Links found in the body."""
    page: bool = False
    """The linking file is a page: its links are checked, but it is no article's "Linked
    from" (an About page linking to many articles is not related to each)."""


@record
class LinkTarget:
    """An article as something one can link to."""

    slug: str
    """Its slug."""
    path: str
    """Its file, relative to the site root."""
    title: str
    """Its title; empty when the file failed to parse before its title could be read."""
    draft: bool = False
    """Drafts are not linkable unless drafts are built."""
    page: bool = False
    """A page (``Article.page``): linkable, but no See Also item, as See Also lists articles."""
    withheld: str | None = None
    """Why a published article may not link to it (``scheduled for …``, ``expired on …``)."""


@record
class ResolvedLink:
    """A link after resolution: to an article (``slug``) or to the web (``url``)."""

    slug: str | None = None
    """Target article, for internal links."""
    url: str | None = None
    """Absolute URL, for external links."""
    fragment: str = ""
    """``#section`` part of an internal link, without the ``#``."""
    title: str = ""
    """The title a See Also item gives a web page (``https://…|Title``); else none."""

    @property
    def place(self) -> tuple[str | None, str | None, str]:
        """Where it leads, whatever title it is shown by: two See Also items leading to one
        place are one card. Web addresses differing only in their scheme's or host's case,
        or by the ``/`` of a host's home, lead to one page."""
        if self.url is None:
            return (self.slug, None, self.fragment)
        parts = urlsplit(self.url)
        user, at, host = parts.netloc.rpartition("@")  # a user name and password keep case
        same = parts._replace(
            scheme=parts.scheme.lower(), netloc=user + at + host.lower(), path=parts.path or "/"
        )
        return (self.slug, same.geturl(), self.fragment)


@record
class LinkGraph:
    """Every cross-link in the site, both directions, and what was wrong."""

    see_also: Mapping[str, tuple[ResolvedLink, ...]]
    """Slug → its See Also list, front-matter order, duplicates collapsed."""
    inline: Mapping[str, tuple[ResolvedLink | None, ...]]
    """Slug → resolution of each body link (None where it failed)."""
    backlinks: Mapping[str, tuple[str, ...]]
    """Slug → slugs of articles linking to it (See Also or body), sorted."""
    problems: tuple[ArticlegenError, ...] = ()
    """LinkErrors, one per bad link."""
    see_also_each: Mapping[str, tuple[ResolvedLink | None, ...]] = field(
        default_factory=dict, compare=False
    )
    """Slug → resolution of each ``see_also`` item, in front-matter order, duplicates kept
    (None where it failed): item ``i`` is the article's ``see_also[i]``, so a check can
    name its line. Not compared: ``see_also`` holds all that pages show of it."""


@record
class Suggestion:
    """An article worth adding to another's See Also, with its score and why
    (``suggestions``)."""

    slug: str
    """The article to link."""
    score: float
    """Higher is better: text similarity plus the weights of the other reasons, rounded."""
    tags: tuple[str, ...] = ()
    """Tags both carry, as the linking article writes them."""
    words: tuple[str, ...] = ()
    """The words (and pairs of words) the two share that weigh most, as the linking
    article writes them."""
    in_text: bool = False
    """The linking article's body already links to it."""
    links_here: bool = False
    """It links to the linking article."""


@record
class Tag:
    """A tag and the articles that carry it."""

    name: str
    """As first written by an author."""
    slug: str
    """URL form: ``tags/<slug>/``."""
    articles: tuple[str, ...]
    """Slugs, newest first."""


@record
class Site:
    """Everything the page templates need, assembled once."""

    config: SiteConfig
    """Validated ``site.yaml``."""
    articles: tuple[Article, ...]
    """Newest first."""
    bodies: Mapping[str, RenderedBody]
    """Slug → rendered body, links filled in."""
    graph: LinkGraph
    """Cross-links."""
    tags: tuple[Tag, ...]
    """Sorted by tag slug."""
    by_slug: Mapping[str, Article]
    """Slug → article."""
    descriptions: Mapping[str, str]
    """Slug → description: front-matter's, or the body's first paragraph."""
    credits: Mapping[str, Credits] = field(default_factory=dict)
    """Slug → author and reviewer."""
    references: Mapping[str, tuple[NumberedReference, ...]] = field(default_factory=dict)
    """Slug → its numbered reference list."""
    policy_url: str | None = None
    """Site-relative or absolute URL of the editorial policy, when ``site.yaml`` names one."""
    policy_slug: str | None = None
    """The article that is the editorial policy, if it is one (it gets no review line)."""
    pages: tuple[Article, ...] = ()
    """The pages (``content/pages/``), by slug; ``articles`` holds none of them, while
    ``bodies``, ``by_slug`` and ``descriptions`` hold both."""
    menu: tuple[NavLink, ...] = ()
    """``site.yaml`` ``menu:``, resolved (the built-in entries are added by ``pages``)."""
    withheld: Mapping[str, str] = field(default_factory=dict)
    """Slug → why an article shown anyway is not public yet or any more (``scheduled for
    …``): the preview and ``--future`` show scheduled articles with this as a banner."""
    suggested: Mapping[str, Suggestion] = field(default_factory=dict)
    """Slug → the best link to add to its See Also, for each article with no See Also or
    no Linked from that has one (the See Also index shows it)."""
    images: Mapping[str, PlacedImage] = field(default_factory=dict)
    """Slug → its hero image (front-matter ``image:``), placed, for each that has one."""
    share_image: PlacedImage | None = None
    """``site.yaml`` ``image:``, placed: the share image of articles without their own."""
    logo: Logo | None = None
    """``site.yaml`` ``logo:``, found under ``static/`` and measured."""
    built_on: dt.date | None = None
    """The day the build publishes as, in the site's time zone: the ``updated`` date of a
    site feed no dated article gives one (``feeds.feed_updated``); None: today's."""


@record
class PlannedSite:
    """A build's site and the plans made from it, kept by an in-memory build cache (the
    preview's) so that the next build can plan again only what changed (``replan``)."""

    site: Site
    """The site the plans were made from."""
    search: bool
    """Whether they include the search page."""
    plans: tuple[PagePlan, ...]
    """Every page and feed, in build order."""
    fingerprint: bytes | None = None
    """Digest of what of ``site`` the pages show besides the articles' bodies, once taken
    (``replan``)."""


@record
class RenderedPage:
    """One output file, in memory."""

    url: str
    """Site-relative URL (``ketamine/``), used for the sitemap and link checks."""
    out_path: str
    """Path inside the output folder, ``/``-separated (``ketamine/index.html``)."""
    data: bytes | None
    """The file's bytes; None when the build reuses the file already in the output folder
    (the build cache checked that everything shaping it is unchanged), and in what a
    build that writes returns (``BuildResult.pages``: the bytes are in the file)."""


@record
class FirstPages:
    """Pages a build's caller wants before the rest (the preview: those a browser shows)."""

    paths: frozenset[str]
    """Their output paths (``a/index.html``)."""
    publish: Callable[[list[RenderedPage]], None]
    """Called once with those of them rendered afresh, before any other page is keyed or
    rendered: so before the build may still fail (a template only another page uses, a
    static file in a page's place), and the caller must then undo what it did with them."""


@record
class PagePlan:
    """A page before rendering: its template and the full context that shapes it.

    Rendering is a pure function of the plan, the templates and the code, which
    is what lets the build cache skip pages whose plan did not change.
    """

    url: str
    """Site-relative URL (``ketamine/``)."""
    out_path: str
    """Path inside the output folder (``ketamine/index.html``)."""
    template: str
    """Template name (``article.html``)."""
    context: Mapping[str, Any]
    """Every variable the template sees. Plain data, so its ``repr`` identifies it."""


PUBLISHED_HIDDEN = frozenset({".well-known"})
"""Hidden folders of ``static/`` that a site publishes (and the preview serves) all the same:
RFC 8615's ``/.well-known/`` (security.txt, …). Other hidden names are never published."""
REPORT_FORMATS = ("table", "csv", "json")
"""Output formats of ``articlegen report`` (here so the CLI can offer them without loading
the report)."""
SUGGEST_FORMATS = ("table", "json")
"""Output formats of ``articlegen suggest``, likewise."""
SUGGEST_LIMIT = 3
"""Suggestions per article ``articlegen suggest`` shows (and ``--write`` adds) unless
``--limit`` says: a See Also block of a few links."""


@record
class BuildOptions:
    """What the caller asks of a build."""

    drafts: bool = False
    """Include drafts."""
    output: Path | None = None
    """Output folder; None means ``site.yaml``'s ``output``."""
    base_url: str | None = None
    """Override ``site.yaml``'s ``base_url`` (e.g. for a preview host)."""
    strict: bool = False
    """Warnings fail the build."""
    write: bool = True
    """False for ``check``: validate and render everything, write nothing."""
    check_output: bool = False
    """Without ``write``: judge the output folder as a build would, whether it may be
    replaced (``check`` does; a preview or report, which never writes it, does not). Its
    location is judged in every build."""
    today: dt.date | None = None
    """The day review dates are judged against; None means the day of ``now``, or of the
    clock, in the site's time zone (``publication.build_day``). Without
    ``now``, the build also publishes as at the end of this day (see ``now``)."""
    now: dt.datetime | None = None
    """The moment (time-zone aware) that decides which articles are scheduled (dated
    later) or expired (``expires:`` passed): None means the end of ``today`` in the site's
    time zone when ``today`` is given, else the clock."""
    future: bool = False
    """Include scheduled articles, each with a banner saying when it publishes."""
    expired: bool = False
    """Include expired articles too, with a banner (``report`` lists every article)."""
    as_of: bool = False
    """A report as of ``today`` (``report``): it publishes nothing, so an ``updated`` or
    ``reviewed_on`` after that day is an error only if it is after the clock's day too."""
    jobs: int | None = None
    """Worker processes for rendering (and threads for images' copies); None means one per
    CPU for Markdown and images and this process for pages (``templates.DEFAULT_PAGE_JOBS``),
    1 means this process's one thread only. Never shapes the output."""
    preview: bool = False
    """A preview for the author (``serve``): the settings a published site needs (see
    ``readiness``) are judged as ``site.yaml`` writes them, not with ``base_url`` (the
    preview's own address), and links to what only the preview shows are warned about."""

    def strict_errors(
        self, warnings: list[Diagnostic]
    ) -> tuple[list[ArticlegenError], BuildOptions]:
        """``--strict``'s errors, ``warnings`` made errors, and the options the build goes on
        with: with any, it writes nothing but judges the output folder as it would have, and
        fails once the later checks have spoken too (``build.build_site``)."""
        if not self.strict or not warnings:
            return [], self
        check = self.write or self.check_output
        return [w.as_error() for w in warnings], replace(self, write=False, check_output=check)


@record
class BuildResult:
    """What a build did."""

    output: Path | None
    """Where the site now is (None when nothing was written)."""
    articles: int
    """Articles built."""
    pages: tuple[RenderedPage, ...]
    """Every generated file (static files excluded). A build that writes keeps none's
    bytes (``data`` is None: each was written as it was rendered, and is in ``output``);
    one that does not (the preview, ``check``) keeps them all."""
    diagnostics: tuple[Diagnostic, ...]
    """Warnings, sorted by file and line; empty under ``strict``."""
    seconds: float
    """Wall time."""
    site: Site | None = None
    """The assembled site, for reports."""
    notes: tuple[str, ...] = ()
    """Things the author should know that are not problems (e.g. built without search)."""
    said_once: tuple[str, ...] = ()
    """Notes on what this build did itself (files it removed), printed after ``notes`` but
    kept out of the receipt: a build that finds nothing changed did none of it. Printed with
    ``--quiet`` too, which leaves out the other notes: said once, they are not routine."""
    reused_bodies: int = 0
    """Article bodies taken from the build cache instead of parsed and rendered."""
    rendered: frozenset[str] = frozenset()
    """Output paths of the files this build rendered (feeds always); every other page was
    reused from the build cache unchanged."""
    changes_at: dt.datetime | None = None
    """When an article next publishes or expires, or an undated site's feeds take the next
    day (naive UTC; ``publication``): from then on the same sources make another site, so a
    build's receipt is not trusted beyond it."""
    variants: tuple[tuple[Path, str], ...] = ()
    """Image variants as (file in the build cache, output path), published like static
    files; made only by a build that writes or previews."""
    statics: frozenset[str] = frozenset()
    """Output paths of the static files it publishes, the theme's and ``static/``'s (an
    image's original among them): the preview tells a stylesheet edited in place from one
    added or removed, and an editor's vanished temp file from a removed one."""


@record
class ImportedLink:
    """A See Also item of an imported page, before it is matched to an article."""

    text: str
    """What the page shows; from plain text it may name several titles, comma-separated."""
    href: str | None = None
    """The link's address, when the page had a link."""
    same_site: bool = False
    """The link pointed into the page's own site: to an article, never to keep as a web link."""


@record
class ImportedArticle:
    """An article read from pasted text or a saved web page, not yet written to ``content/``."""

    title: str
    """The title, one line."""
    body: str
    """The body as Markdown, without the title, the See Also line and the comments footer."""
    see_also: tuple[ImportedLink, ...] = ()
    """See Also items, in page order."""
    comments: bool = False
    """The page had a comments section."""
    date: Date | None = None
    """Publication day (or moment, with its offset, from a blog export), when stated."""
    description: str | None = None
    """The page's own summary (HTML ``meta description``, a post's excerpt)."""
    tags: tuple[str, ...] = ()
    """The page's own tags (HTML ``article:tag``; a blog's categories and tags)."""
    image: str | None = None
    """Its hero image's address as the old blog gives it (Jekyll's ``image:``), to be found."""
    image_alt: str | None = None
    """That image's alt text, when the old blog gives one."""
    slug: str | None = None
    """The last segment of the page's own address, to keep its URL."""
    address: str | None = None
    """The page's own address, to tell links into its old site from links elsewhere."""
    updated: Date | None = None
    """When a blog post was last changed, as its export states it."""
    author: str | None = None
    """The author's name (or, once matched, id) as the old blog gives it."""
    aliases: tuple[str, ...] = ()
    """The post's old site paths (``/2019/05/old-post/``), each to redirect to the new page."""
    draft: bool = False
    """The old blog had not published it (a Jekyll or Hugo draft)."""
    notes: tuple[str, ...] = ()
    """What the reader of the source could not convert, for the author to look at."""
    note_lines: tuple[tuple[str, int], ...] = ()
    """A note → the line of the post's own file it is about, where that is known."""
    page: bool = False
    """A page of the old blog (its About), to become a page here, not an article."""
