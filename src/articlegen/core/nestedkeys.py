"""The keys of the records nested in the site's files, one table per record, written once.

``core.schema`` holds the top-level keys of an article's front-matter and of ``site.yaml``;
some of their values are records of their own: an item of ``references:``, a person of
``authors:`` or ``reviewers:``, an entry of ``menu:``, a ``require:`` rule, the
``comments:`` block and its provider's settings, the ``markdown:``, ``images:`` and
``theme:`` blocks, an ``image:``. Each has its table
here, and what the readers need of it comes from the table: which keys exist ("did you
mean"), which are required (the "has no 'title'" errors), which hold text. The docs' tables of
these keys are generated from them (``python -m tests.schemadocs --update``), and
``tests/unit/test_schema.py`` holds each record (``model.Reference``, ``model.Person``…) to its
table: the same fields, a default exactly where the key may be left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True, slots=True)
class NestedKey:
    """One key of a nested record, as its reader, its record and the docs need it."""

    name: str
    """The key as written in the file."""
    type: str
    """What its value must be, in the words of the docs' type column."""
    doc: str
    """What it is and does, for authors: the last column of the docs' table (Markdown)."""
    required: bool = False
    """A record without the key is an error."""
    required_in: str = ""
    """The one section where the key is required although it is optional elsewhere
    (``credentials``: in ``reviewers``)."""
    text: bool = True
    """Its value is one text (checked as such by its reader); False for lists, flags and
    blocks."""
    default: object = None
    """The value its record's field holds when the key is absent."""
    field: str = ""
    """The record's field it fills, where that is not the key's name (``sameAs`` →
    ``same_as``)."""

    @property
    def field_name(self) -> str:
        """The record's field the key fills."""
        return self.field or self.name


ADDRESS = "http(s) address"
"""The type of a key holding one web address: its reader checks it is one."""


def key_names(table: Sequence[NestedKey]) -> tuple[str, ...]:
    """The keys of ``table``, in its order: what an unknown key is checked against."""
    return tuple(key.name for key in table)


def required_keys(table: Sequence[NestedKey], section: str = "") -> tuple[str, ...]:
    """The keys a record of ``table`` must set, in its order; in ``section`` those required
    only there too."""
    return tuple(
        key.name for key in table if key.required or (section and key.required_in == section)
    )


def text_keys(table: Sequence[NestedKey]) -> tuple[str, ...]:
    """The keys of ``table`` whose value is one text."""
    return tuple(key.name for key in table if key.text)


REFERENCE: tuple[NestedKey, ...] = (
    NestedKey(
        name="id",
        type="id",
        doc="a label to cite it by in the body, `[^id]`: lowercase a-z, 0-9 and `-`; needed only"
        " to cite it",
    ),
    NestedKey(name="title", type="text", required=True, doc="the cited work's title"),
    NestedKey(
        name="url",
        type=ADDRESS,
        required=True,
        doc="where readers can check it: an http:// or https:// address, no spaces or quotes",
    ),
    NestedKey(
        name="authors",
        type="text",
        doc='who wrote it, as one text in the source\'s own style (`"Smith J, et al."`)',
    ),
    NestedKey(name="publisher", type="text", doc="the journal, agency or site that published it"),
    NestedKey(
        name="date",
        type="year or date",
        text=False,
        doc="when it was published: the year alone (`2023`), or a date as an article's `date`",
    ),
)
"""An item of an article's ``references:`` (``model.Reference``)."""

PERSON: tuple[NestedKey, ...] = (
    NestedKey(name="name", type="text", required=True, doc="the full name, as bylines show it"),
    NestedKey(
        name="credentials",
        type="text",
        required_in="reviewers",
        default="",
        doc="qualifications shown after the name (`MD, psychiatrist`)",
    ),
    NestedKey(name="bio", type="text", default="", doc="a short biography for the person's page"),
    NestedKey(
        name="photo",
        type="file or http(s) address",
        doc="a file under `static/`, or an http:// or https:// address",
    ),
    NestedKey(name="url", type=ADDRESS, doc="the person's own web page"),
    NestedKey(
        name="sameAs",
        type="list of http(s) addresses",
        text=False,
        default=(),
        field="same_as",
        doc="profile pages (registries, institutions, social profiles); one address alone is a"
        " list of one",
    ),
)
"""A person of ``site.yaml`` ``authors:`` or ``reviewers:``, under their id (``model.Person``)."""

MENU_ENTRY: tuple[NestedKey, ...] = (
    NestedKey(name="title", type="text", required=True, doc="what the header navigation shows"),
    NestedKey(
        name="link",
        type="text",
        required=True,
        doc="a page's or article's slug or file, its exact title, or an http(s) address; checked"
        " like any link",
    ),
)
"""An entry of ``site.yaml`` ``menu:`` (``model.MenuItem``)."""

MENU_ENTRY_HINT = "write each entry as '- {title: About, link: about}'"
"""How a ``menu:`` entry is written, for the errors of one that is not."""

REQUIREMENT: tuple[NestedKey, ...] = (
    NestedKey(
        name="tag", type="text", required=True, doc="the tag the rule is for, as articles write it"
    ),
    NestedKey(
        name="fields",
        type="list of front-matter keys",
        required=True,
        text=False,
        doc="the front-matter keys an article with the tag must set; one key alone is a list of"
        " one",
    ),
)
"""A rule of ``site.yaml`` ``require:`` (``model.Requirement``)."""

COMMENT_PROVIDERS: dict[str, tuple[NestedKey, ...]] = {
    "giscus": (
        NestedKey(
            name="repo",
            type="text",
            required=True,
            doc="the GitHub repository whose Discussions hold the comments, `owner/name`",
        ),
        NestedKey(name="repo_id", type="text", required=True, doc="its id, as giscus.app shows it"),
        NestedKey(
            name="category",
            type="text",
            required=True,
            doc="the Discussions category comments go into",
        ),
        NestedKey(
            name="category_id", type="text", required=True, doc="its id, as giscus.app shows it"
        ),
    ),
    "isso": (
        NestedKey(name="url", type=ADDRESS, required=True, doc="the address of the Isso server"),
    ),
    "remark42": (
        NestedKey(
            name="host", type=ADDRESS, required=True, doc="the address of the Remark42 server"
        ),
        NestedKey(name="site_id", type="text", required=True, doc="the site's id on that server"),
    ),
}
"""Each comment provider's block in ``comments:`` (``comments.giscus`` …), its settings passed
to the page as they are (``model.CommentsConfig.settings``)."""

COMMENTS: tuple[NestedKey, ...] = (
    NestedKey(
        name="provider",
        type="one of " + ", ".join(COMMENT_PROVIDERS),
        doc="the comment system; without one, no article has comments",
    ),
    NestedKey(
        name="default",
        type="true or false",
        text=False,
        default=False,
        doc="whether an article whose front-matter says nothing shows comments",
    ),
    *(
        NestedKey(
            name=name,
            type="mapping",
            text=False,
            field="settings",
            doc=f"the settings of {name}, needed when it is the `provider`: "
            + ", ".join(f"`{key.name}`" for key in settings),
        )
        for name, settings in COMMENT_PROVIDERS.items()
    ),
)
"""``site.yaml`` ``comments:`` (``model.CommentsConfig``)."""

MARKDOWN: tuple[NestedKey, ...] = (
    NestedKey(
        name="allow_html",
        type="true or false",
        text=False,
        default=False,
        doc="pass raw HTML in articles through; otherwise it is shown as text, and each line"
        " holding an HTML tag is a warning",
    ),
)
"""``site.yaml`` ``markdown:``, whose one key fills ``model.SiteConfig.allow_html``."""

HERO_IMAGE: tuple[NestedKey, ...] = (
    NestedKey(
        name="src",
        type="path",
        required=True,
        doc="the image file, relative to `static/` (`images/photo.jpg`): a file of this site,"
        " not an address",
    ),
    NestedKey(
        name="alt",
        type="text",
        required=True,
        doc='what the image shows, for readers who cannot see it; `""` marks a decorative one',
    ),
    NestedKey(name="caption", type="text", doc="shown under the image"),
    NestedKey(
        name="credit",
        type="text",
        doc="who made it, or where a public-domain work comes from; shown after the caption",
    ),
)
"""An ``image:`` of an article's front-matter or of ``site.yaml`` (``model.HeroImage``)."""

IMAGES: tuple[NestedKey, ...] = (
    NestedKey(
        name="widths",
        type="list of whole numbers",
        text=False,
        default=(480, 960, 1600),
        field="image_widths",
        doc="the pixel widths (1 to 8000) of local images' responsive copies: each image gets"
        " those narrower than itself, and its own width",
    ),
)
"""``site.yaml`` ``images:``, whose one key fills ``model.SiteConfig.image_widths``."""

THEME: tuple[NestedKey, ...] = (
    NestedKey(
        name="accent",
        type="colour",
        default="",
        doc="the colour of links, the header's top stripe and the highlights (`#rrggbb`, `#rgb`"
        " or `rgb(…)`); it must reach WCAG AA contrast (4.5:1) on the theme's light backgrounds",
    ),
    NestedKey(
        name="accent_dark",
        type="colour",
        default="",
        doc="the accent under `prefers-color-scheme: dark`, checked the same way on the dark"
        " backgrounds; without it, the accent lightened until it passes",
    ),
)
"""``site.yaml`` ``theme:`` (``content.theme.ThemeSettings``)."""

SITE_SECTIONS = {
    "theme": key_names(THEME),
    "images": key_names(IMAGES),
    "image": key_names(HERO_IMAGE),
    "comments": key_names(COMMENTS),
    "markdown": key_names(MARKDOWN),
}
"""``site.yaml``'s mappings and their keys: one of their keys written at the top
(``accent:``) is an error that points it under its mapping (``theme:``)."""
FRONT_MATTER_SECTIONS = {"image": key_names(HERO_IMAGE)}
"""The same for an article's front-matter: ``alt:`` at the top belongs under ``image:``."""
VALUE_KEYS = {"image": "src"}
"""The key of a mapping that holds what other tools write as the mapping's one value
(``image: hero.jpg``), for the fix of a key indented under such a line: ``src: hero.jpg``."""
