"""The keys each of the site's file formats accepts: one table per format, written once.

``FRONT_MATTER`` (an article's header) and ``SITE`` (``site.yaml``) each list every key in
order with its type, requiredness, default and documentation. The readers take from them
which keys exist, what each must be and what fixes a missing one (``content.frontmatter``,
``content.config``), the editorial rules which keys an article may be required to set
(``trust.editorial``), and the key tables of docs/writing.md and docs/site-yaml.md are
generated from them (``python -m tests.schemadocs --update``). The records the readers fill,
``model.FrontMatter`` and ``model.SiteConfig``, keep their typed fields, which
``tests/unit/test_schema.py`` holds to these tables: same names, same defaults, a field
without a default exactly where the key is always required.

The tables live in ``core`` because the trust rules check front-matter keys and ``trust`` is
below ``content``; so a front-matter key names its check (``Check``), and
``content.fieldchecks`` holds the function for each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .nestedkeys import MENU_ENTRY_HINT

Check = Literal[
    "title",
    "text",
    "text_or_false",
    "slug",
    "id",
    "date",
    "day",
    "flag",
    "tags",
    "links",
    "aliases",
    "references",
    "image",
]
"""How a front-matter value is read and checked; ``content.fieldchecks`` has one function per
name, and ``CHECK_TYPES`` says what each accepts, for the docs."""

CHECK_TYPES: dict[Check, str] = {
    "title": "text",
    "text": "text",
    "text_or_false": "text or false",
    "slug": "slug",
    "id": "id",
    "date": "date or time",
    "day": "date",
    "flag": "true or false",
    "tags": "list of text",
    "links": "list of links",
    "aliases": "list of paths",
    "references": "list of sources",
    "image": "image",
}
"""The type column of the docs' front-matter table, by check."""

YAML_TYPES: dict[type, str] = {
    str: "text",
    bool: "true or false",
    int: "whole number",
    list: "list",
    dict: "mapping",
}
"""The type column of the docs' ``site.yaml`` table, by the value's YAML type."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Key:
    """What one key of a file format is, as the reader, its record and its docs need it."""

    name: str
    """The key as written in the file."""
    doc: str
    """What it is and does, for authors: the last column of the docs' table (Markdown)."""
    example: str
    """Its value in the docs' example file, as YAML (lines after the first indented)."""
    required: bool = False
    """A file without the key is an error (unless ``unless`` is true)."""
    unless: str = ""
    """A true/false key whose being true lifts ``required`` (``date`` of a ``draft``)."""
    default: object = None
    """The value its record holds when the key is absent (the record's field default)."""
    default_doc: str = ""
    """What an absent key means, in words, when ``default`` alone would not say."""
    fix: str = "…"
    """The value a hint to add the missing key writes (``add 'date: YYYY-MM-DD'``)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class FrontMatterKey(Key):
    """A key of an article's front-matter."""

    check: Check
    """How its value is read and checked."""
    page: bool = True
    """A page's header (a file under ``content/pages/``) takes it too."""
    article_only: str = ""
    """For a key pages do not take: what a page lacks, which the error for the key in a
    page's header says (``tags``: "is on no tag page"); without it, the key is unknown
    there."""
    page_optional: bool = False
    """A required key a page may leave out (``date``: a page needs none)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class SiteKey(Key):
    """A key of ``site.yaml``."""

    type: type
    """The YAML type its value must have (``bool`` is no ``int`` here)."""
    hint: str | None = None
    """How to fix a value of the wrong type, where the message alone won't show the shape."""
    nonempty: bool = False
    """Text that may not be empty or blank."""
    field: str = ""
    """The ``SiteConfig`` field a structured key is parsed into, a record or a collection of
    records of its own (``comments``, ``require`` → ``requirements``); empty for a key whose
    value is copied as it is into the field of its name."""

    @property
    def structured(self) -> bool:
        """Parsed into a record of its own rather than copied as a value."""
        return bool(self.field)


FRONT_MATTER: tuple[FrontMatterKey, ...] = (
    FrontMatterKey(
        name="title",
        check="title",
        required=True,
        doc="the article's title, on one line, at most 200 characters: plain text, shown as"
        " written (Markdown in it is a warning)",
        example='"Intravenous vs. Intramuscular Ketamine Treatments, How They Work"',
    ),
    FrontMatterKey(
        name="slug",
        check="slug",
        default_doc="the file name as a slug",
        doc="its page's address, `/<slug>/` (see Slugs below)",
        example="iv-vs-im-ketamine",
    ),
    FrontMatterKey(
        name="date",
        check="date",
        required=True,
        unless="draft",
        page_optional=True,
        fix="YYYY-MM-DD",
        doc="when it was published: a day or a time (see Dates below)",
        example="2024-06-01",
    ),
    FrontMatterKey(
        name="updated",
        check="date",
        doc="its last substantive update, not before `date` nor after today; the same forms",
        example="2024-07-01",
    ),
    FrontMatterKey(
        name="description",
        check="text",
        default_doc="the first paragraph with text (not one of images alone; a `[[link]]` in "
        "it as the page shows it), cut near 160 characters",
        doc="its summary in lists, feeds and search results: plain text, shown as written"
        " (Markdown in it is a warning)",
        example='"…"',
    ),
    FrontMatterKey(
        name="image",
        page=False,
        article_only="has no hero image (put the image in its text)",
        check="image",
        default_doc="none; its share card shows `site.yaml` `image`",
        doc="its hero image, shown under the title, on its card and when it is shared (see"
        " Images below)",
        example="""
  src: images/walking.jpg          # required; a file under static/
  alt: "…"                         # required; "" for a decorative image
  caption: "…"                     # optional
  credit: "…"                      # optional; who made it, or its public-domain source""",
    ),
    FrontMatterKey(
        name="author",
        page=False,
        article_only="has no byline",
        check="text",
        default_doc="`site.yaml` `author`",
        doc="who wrote it (an id from `site.yaml` `authors:`, if it has them)",
        example='"…"',
    ),
    FrontMatterKey(
        name="tags",
        page=False,
        article_only="is on no tag page",
        check="tags",
        default=(),
        doc="each tag lists the article on its page, `/tags/<slug>/`; one text alone is a list"
        " of one; tags of one slug (`Health`, `health`) are one tag, listed as first written;"
        " `/tags/` lists them by slug, a number in one by its value (`Vitamin B6` before"
        " `Vitamin B12`)",
        example="[ketamine, depression]",
    ),
    FrontMatterKey(
        name="see_also",
        page=False,
        article_only="has no See Also block (link to articles in its text)",
        check="links",
        default=(),
        doc="related articles, each a slug, a file under `content/`, an exact title, or an"
        " https:// URL, which may give its card a title (see Links between articles)",
        example="\n  - ketamine-mental-fitness",
    ),
    FrontMatterKey(
        name="comments",
        page=False,
        article_only="has no comments",
        check="flag",
        default_doc="`site.yaml` `comments.default`",
        doc="whether the article shows comments",
        example="true",
    ),
    FrontMatterKey(
        name="draft",
        check="flag",
        default=False,
        doc="drafts are left out unless `--drafts`",
        example="false",
    ),
    FrontMatterKey(
        name="expires",
        check="date",
        page=False,
        default_doc="never",
        doc="when it is taken down, after `date`; the same forms (see Scheduling below)",
        example="2025-06-01",
    ),
    FrontMatterKey(
        name="aliases",
        check="aliases",
        default=(),
        doc="old paths that redirect here (see Old addresses below)",
        example="[/2019/05/old-post/]",
    ),
    FrontMatterKey(
        name="reviewed_by",
        page=False,
        article_only="has no medical review line",
        check="text",
        doc="the medical reviewer, an id from `site.yaml` `reviewers:`; set with `reviewed_on`",
        example="example-reviewer",
    ),
    FrontMatterKey(
        name="reviewed_on",
        page=False,
        article_only="has no medical review line",
        check="day",
        fix="YYYY-MM-DD",
        doc="the day of the review, not before `date`; set with `reviewed_by`",
        example="2024-06-10",
    ),
    FrontMatterKey(
        name="references",
        page=False,
        article_only="has no reference list",
        check="references",
        default=(),
        doc="the sources, cited in the body as `[^id]` ([Medical review and references](trust.md))",
        example="""
  - id: smith-2023           # optional; needed only to cite it
    title: "…"               # required
    url: https://…           # required; http(s), no spaces or quotes
    authors: "Smith J, et al."  # optional; one text, as the source writes it
    publisher: "…"           # optional; the journal, agency or site
    date: 2023-01-31         # optional; the year alone (date: 2023), or as an article's date""",
    ),
    FrontMatterKey(
        name="disclaimer",
        page=False,
        article_only="shows no medical disclaimer",
        check="text_or_false",
        default_doc="`site.yaml` `disclaimer`",
        doc="this article's medical disclaimer, in place of the site's; `false` shows no"
        " disclaimer box (see [Medical review and references](trust.md))",
        example='"…"',
    ),
    FrontMatterKey(
        name="content_warning",
        page=False,
        article_only="shows no content warning",
        check="text",
        doc="a warning shown above the article's body, and first in its feed entry",
        example='"…"',
    ),
)
"""Every front-matter key, in the order the docs list them."""

FRONT_MATTER_KEYS = tuple(key.name for key in FRONT_MATTER)
"""The names of the front-matter keys, for "did you mean" and the ``require:`` rules."""

PAGE_KEYS = tuple(key.name for key in FRONT_MATTER if key.page)
"""The keys a page (a file under ``content/pages/``) accepts: what names it, finds it and
dates it. The rest of ``FRONT_MATTER_KEYS`` shape what only an article shows (byline,
review, tags, See Also, references, disclaimer, comments); ``date`` is optional."""

IMAGE_FORM = "write 'image: {src: images/photo.jpg, alt: \"what it shows\"}'"
"""How an ``image:`` is written, for the errors of one that is not."""

SITE: tuple[SiteKey, ...] = (
    SiteKey(
        name="title",
        type=str,
        required=True,
        nonempty=True,
        doc="the site's name, shown in the header and feeds",
        example='"Men\'s Health Notes"',
    ),
    SiteKey(
        name="base_url",
        type=str,
        required=True,
        doc="the absolute address of the site's root folder; may have a path, e.g."
        " `https://example.org/blog/`",
        example='"https://example.org/"',
    ),
    SiteKey(
        name="language",
        type=str,
        default="en",
        doc="the BCP 47 language tag of the pages and feeds: `en`, `en-GB`, `pt-BR` (not `en_US`);"
        " a language written from right to left (`fa`, `ar`, `he`, `ur`, or a script such as"
        ' `az-Arab`) lays the pages out from the right (`<html dir="rtl">`)',
        example="en",
    ),
    SiteKey(
        name="description",
        type=str,
        default="",
        doc="one sentence about the site, for the home page, feeds and search results",
        example='"…"',
    ),
    SiteKey(
        name="image",
        type=dict,
        field="image",
        hint=IMAGE_FORM,
        default_doc="none: articles without an image are shared without one",
        doc="the share image of articles without an `image:` of their own: the same keys as"
        " an article's `image:` (at least 1200×630 pixels shows large)",
        example="""
  src: images/share.png
  alt: "…\"""",
    ),
    SiteKey(
        name="images",
        type=dict,
        field="image_widths",
        hint="write 'images: {widths: [480, 960, 1600]}'",
        default_doc="`widths: [480, 960, 1600]`",
        doc="`widths`: the pixel widths of each local JPEG, PNG or WebP image's responsive"
        " copies (none wider than the original)",
        example="\n  widths: [480, 960, 1600]",
    ),
    SiteKey(
        name="author",
        type=str,
        default="",
        doc="the author of articles that name none (an id from `authors:`, once that exists)",
        example="example-author",
    ),
    SiteKey(
        name="output",
        type=str,
        default="public",
        nonempty=True,
        doc="the output folder, rebuilt by each build, which keeps files put there by hand"
        " ([Output](output.md))",
        example="public",
    ),
    SiteKey(
        name="per_page",
        type=int,
        default=10,
        doc="articles per home or tag page, at least 1",
        example="10",
    ),
    SiteKey(
        name="comments",
        type=dict,
        field="comments",
        default_doc="no comments",
        doc="the comment system: its `provider`, the `default` for articles that don't say,"
        " and the provider's own settings",
        example="""
  provider: giscus                 # giscus | isso | remark42
  default: false                   # for articles that don't say
  giscus: {repo: owner/name, repo_id: "…", category: "…", category_id: "…"}
  # isso: {url: "https://comments.example.org/"}
  # remark42: {host: "https://remark42.example.org", site_id: "…"}""",
    ),
    SiteKey(
        name="markdown",
        type=dict,
        field="allow_html",
        default_doc="`allow_html: false`",
        doc="`allow_html: true` passes raw HTML in articles through; otherwise it is shown as"
        " text, and each line holding an HTML tag is a warning",
        example="\n  allow_html: false",
    ),
    SiteKey(
        name="warn_unlinked",
        type=bool,
        default=False,
        doc="warn about articles with no See Also and no Linked from",
        example="false",
    ),
    SiteKey(
        name="authors",
        type=dict,
        field="authors",
        hint="indent each person under an id: 'jane-doe:', then 'name: …' under that",
        default_doc="none: `author:` values are names",
        doc="the authors, by id; each id gets a page at `/authors/<id>/`",
        example="""
  example-author:                  # id: lowercase a-z, 0-9 and '-'
    name: "Example Author"         # required
    credentials: "MPH"             # optional for authors
    bio: "…"
    photo: people/author.jpg       # a file under static/, or an https:// address
    url: https://example.org/about
    sameAs: [https://example.org/profile]   # profile pages (one URL alone is a list of one)""",
    ),
    SiteKey(
        name="reviewers",
        type=dict,
        field="reviewers",
        hint="indent each person under an id: 'example-reviewer:', then 'name: …' and "
        "'credentials: …' under that",
        default_doc="none",
        doc="the medical reviewers, by id: the keys of `authors:`, credentials required",
        example="""
  example-reviewer:
    name: "Example Reviewer"
    credentials: "MD, psychiatrist\"""",
    ),
    SiteKey(
        name="disclaimer",
        type=str,
        default="",
        nonempty=True,
        hint="put the text in quotes",
        doc='shown in a "Medical disclaimer" box on every article whose header does not'
        " say `disclaimer: false`",
        example='"…"',
    ),
    SiteKey(
        name="editorial_policy",
        type=str,
        default="",
        nonempty=True,
        hint="give an https:// address, or the slug or file (content/pages/x.md) of "
        "a page or an article",
        doc="how articles are written and reviewed: an https:// address, or the slug or file"
        " of a page or article",
        example="pages/policy.md",
    ),
    SiteKey(
        name="review_interval_days",
        type=int,
        default=365,
        hint="e.g. review_interval_days: 365",
        doc="days after `reviewed_on` until a review is due again, 1 to 3650",
        example="365",
    ),
    SiteKey(
        name="require",
        type=list,
        field="requirements",
        hint="write each rule as '- {tag: medication, fields: [content_warning, references]}'",
        default_doc="none",
        doc="the fields an article with the tag must set",
        example="\n  - {tag: medication, fields: [content_warning, references]}",
    ),
    SiteKey(
        name="search",
        type=bool,
        default=True,
        doc="build the search index and `/search/` (needs Pagefind)",
        example="true",
    ),
    SiteKey(
        name="timezone",
        type=str,
        default="UTC",
        hint="an IANA name, e.g. timezone: Europe/Berlin",
        doc="an IANA name: the zone of times written without an offset, and of the days pages show",
        example="Europe/Berlin",
    ),
    SiteKey(
        name="link_cache_days",
        type=int,
        default=7,
        hint="e.g. link_cache_days: 7",
        doc="days `check --links` trusts an address's earlier good answer before asking"
        " again, 0 to 365 (0: every time)",
        example="7",
    ),
    SiteKey(
        name="menu",
        type=list,
        field="menu",
        hint=MENU_ENTRY_HINT,
        default_doc="none",
        doc="the header navigation's own entries, in order; each `link` a page's or article's"
        " slug or file, or an https:// URL (see Menu below)",
        example="""
  - {title: About, link: about}
  - {title: Editorial policy, link: content/pages/policy.md}
  - {title: Source code, link: "https://example.org/code"}""",
    ),
    SiteKey(
        name="menu_builtin",
        type=bool,
        default=True,
        doc="follow `menu:` with the built-in entries: Archive, Tags, See Also index, Search, Feed",
        example="true",
    ),
    SiteKey(
        name="logo",
        type=str,
        default="",
        nonempty=True,
        hint="give the path of an image under static/, e.g. logo: images/logo.svg",
        default_doc="none: the header shows the site's title as text",
        doc="an image under `static/` (SVG or raster) shown in the header in place of the"
        " title, which becomes its alt text",
        example="images/logo.svg",
    ),
    SiteKey(
        name="theme",
        type=dict,
        field="theme",
        hint="indent 'accent: \"#0b6e4f\"' under 'theme:'",
        default_doc="the built-in colours",
        doc="`accent`: the colour of links and highlights (`#rrggbb`, `#rgb` or `rgb(…)`),"
        " which must reach WCAG AA contrast (4.5:1) on the theme's light backgrounds;"
        " `accent_dark`: the same on the dark backgrounds (default: the accent, lightened"
        " until it does)",
        example="""
  accent: "#0b6e4f"
  accent_dark: "#6fcf9f\"""",
    ),
)
"""Every ``site.yaml`` key, in the order the docs list them."""

SITE_KEYS = tuple(key.name for key in SITE)
"""The names of the ``site.yaml`` keys."""
