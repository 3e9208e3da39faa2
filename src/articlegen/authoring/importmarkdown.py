"""An imported post as the Markdown file articlegen reads: its front-matter written key by
key (quoted, commented where the author should look), and what its body still holds that
needs the author's hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

from ..content.articles import parse_article
from ..content.images import place_images, static_path
from ..core.errors import ArticlegenError, Diagnostic
from ..core.layout import CONTENT_DIR, PAGES_DIR, STATIC_DIR
from ..core.model import ImportedArticle, SiteConfig
from ..core.slugs import slugify
from ..markup.markdown import make_markdown, render_body
from .blogsource import Blog, Post
from .seealsomatch import NO_MATCH, Catalogue, Resolved, resolve_see_also, separate_titles
from .siteauthors import AuthorChoice
from .sourcelines import located

_ALIASES = re.compile(r"^aliases:\n(?:  - .*\n)+", re.MULTILINE)


@dataclasses.dataclass(slots=True)
class ImportPlan:
    """One post to import: where it comes from, the file it becomes, what to tell about it."""

    blog: Blog
    post: Post
    slug: str
    replaces: str | None = None
    """The existing file written over (``--overwrite``)."""
    notes: list[str] = dataclasses.field(default_factory=list)
    note_lines: dict[str, int] = dataclasses.field(default_factory=dict)
    """A note of ``notes`` → the line of the post's own file it is about, where known."""
    old: str | None = None
    """The post's address on the old site, whether or not it needs a redirect."""
    hero: str | None = None
    """Its hero image's ``static/`` path, once found in the source or fetched."""

    def __post_init__(self) -> None:
        self.old = (self.post.article.aliases or (None,))[0]

    @property
    def display(self) -> str:
        if self.replaces:
            return self.replaces
        return (
            f"{PAGES_DIR}{self.slug}.md" if self.article.page else f"{CONTENT_DIR}/{self.slug}.md"
        )

    @property
    def article(self) -> ImportedArticle:
        return self.post.article


def compose_article(
    plan: ImportPlan,
    body: str,
    author: AuthorChoice,
    catalogue: Catalogue,
    config: SiteConfig,
    day: dt.date,
    dated: bool,
) -> tuple[str, tuple[Diagnostic, ...]]:
    """The new file's text, and warnings about what it could not settle."""
    article = plan.article
    lines = ["---", f"title: {_quoted(article.title)}"]
    lines_of = dict(article.note_lines) | plan.note_lines
    warnings: list[Diagnostic] = [
        Diagnostic(note, plan.display, hint=f"from {located(plan.post.origin, lines_of.get(note))}")
        for note in [*article.notes, *plan.notes]
    ]
    if article.date or dated:
        lines.append(f"date: {(article.date or day).isoformat()}")
    elif not article.page:  # a page needs no date
        lines.append(f"date: {day.isoformat()}  # the day of the import: the source gives none")
        warnings.append(
            Diagnostic(
                f"the source gives no date, so 'date' is the day of the import ({day})",
                plan.display,
                len(lines),
                "change it to the day the article first appeared, or import with --date",
            )
        )
    if article.updated:
        lines.append(f"updated: {article.updated.isoformat()}")
    if article.description:
        lines.append(f"description: {_quoted(article.description)}")
    if not article.page:
        lines += _article_keys(plan, author, catalogue, config, len(lines), warnings)
    elif dropped := [key for key in ("image", "tags", "comments") if getattr(article, key)]:
        warnings.append(
            Diagnostic(
                f"its {' and '.join(dropped)} are left out: a page has none",
                plan.display,
                hint="to keep them, move the file out of content/pages/ to make it an article",
            )
        )
    if article.aliases:
        lines.append("aliases:")
        lines += [f"  - {_quoted(alias)}" for alias in article.aliases]
    if article.draft:
        lines.append("draft: true")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body, tuple(warnings)


def _article_keys(
    plan: ImportPlan,
    author: AuthorChoice,
    catalogue: Catalogue,
    config: SiteConfig,
    before: int,
    warnings: list[Diagnostic],
) -> list[str]:
    """The keys only an article takes (a page has no byline, tags, See Also or comments);
    ``before`` is the number of header lines above them."""
    article = plan.article
    lines: list[str] = _image_lines(plan, before, warnings) if article.image else []
    if author.value and author.commented:
        lines.append(f"# author: {_quoted(author.value)}  # not in site.yaml 'authors:'")
        warnings.append(
            Diagnostic(
                f"the author '{author.value}' is not in site.yaml 'authors:', so 'author' is "
                "left as a comment",
                plan.display,
                before + len(lines),
                "add them to 'authors:' (or import with --add-authors), then write their id "
                "as 'author:'",
            )
        )
    elif author.value:
        lines.append(f"author: {_quoted(author.value)}")
    tags = [tag for tag in article.tags if slugify(tag)]
    if tags:
        lines.append("tags: [" + ", ".join(_quoted(tag) for tag in tags) + "]")
    links = resolve_see_also(article.see_also, catalogue, plan.slug)
    lines += _see_also_lines(links, plan.display, before + len(lines), warnings)
    if article.comments:
        lines.append(_comments_line(config, plan.display, before + len(lines) + 1, warnings))
    return lines


def _image_lines(plan: ImportPlan, before: int, warnings: list[Diagnostic]) -> list[str]:
    """``image:`` with the hero image found here (its alt text left decorative, with a
    warning, where the old blog gives none), or a comment where it is not here yet: the
    build takes only a file of ``static/``."""
    article = plan.article
    if plan.hero is None:
        warnings.append(
            Diagnostic(
                f"its image {article.image} is not in the source, so 'image' is left as a comment",
                plan.display,
                before + 1,
                "save it into static/ (see the note on images left on the old site, or "
                "import with --download-images), then write 'image:' with its 'src' and 'alt'",
            )
        )
        return [f"# image: {_quoted(article.image or '')}  # not in static/ yet"]
    lines = ["image:", f"  src: {_quoted(plan.hero)}"]
    if article.image_alt is not None:
        return [*lines, f"  alt: {_quoted(article.image_alt)}"]
    warnings.append(
        Diagnostic(
            'its image has no alt text, so it is marked decorative (alt: "")',
            plan.display,
            before + 3,
            "write what the image shows as its 'alt', unless it is only decoration",
        )
    )
    return [*lines, '  alt: ""  # the old blog gives none: describe the image']


def _see_also_lines(
    links: list[Resolved], display: str, before: int, warnings: list[Diagnostic]
) -> list[str]:
    """``see_also:`` with the items that resolved, then the others commented out under it, so
    that removing the ``# `` of one (once its article exists) leaves valid YAML; a key with
    every item commented out is an empty list to the build. A run matching no article is cut at
    its separators (``Greek Salad, Pea Purée`` is two items), since no title tells where."""
    if not links:
        return []
    lines = ["see_also:"]
    lines += [f"  - {_quoted(link.target)}  # {link.text}" for link in links if link.target]
    missing = [
        Resolved(title, reason=link.reason)
        for link in links
        if not link.target
        for title in (separate_titles(link.text) if link.reason == NO_MATCH else [link.text])
    ]
    if missing:
        lines.append("  # No article matches these yet: remove the '# ' once it exists.")
    for link in missing:
        lines.append(f"  # - {_quoted(link.text)}")
        warnings.append(
            Diagnostic(
                f"See Also '{link.text}' {link.reason}, so it is left as a comment",
                display,
                before + len(lines),
                "write or import that article, then remove the '# ' before its line under "
                "'see_also:'",
            )
        )
    return lines


def _comments_line(config: SiteConfig, display: str, line: int, warnings: list[Diagnostic]) -> str:
    """``comments: true``, or a comment saying so when the site has no comment system."""
    if config.comments.provider is not None:
        return "comments: true"
    warnings.append(Diagnostic(_NO_PROVIDER, display, line, _SET_UP_COMMENTS))
    return "# comments: true  # the page had comments"


_NO_PROVIDER = "the page had comments, but site.yaml sets up no comments provider"
_SET_UP_COMMENTS = "set up 'comments:' in site.yaml, then remove the '# ' before 'comments: true'"


def comments_once(
    warnings: list[tuple[Diagnostic, ...]],
) -> tuple[list[tuple[Diagnostic, ...]], Diagnostic | None]:
    """Each article's ``warnings`` without the one that its comments need a provider, and
    that one said once for them all, with their number and the first files: a blog's every
    post had comments, and the same line for each hid the other warnings. With one such
    article, its own warning stays, at its line."""
    files = [w.path or "" for each in warnings for w in each if w.message == _NO_PROVIDER]
    if len(files) < 2:
        return warnings, None
    kept = [tuple(w for w in each if w.message != _NO_PROVIDER) for each in warnings]
    shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
    return kept, Diagnostic(
        f"{len(files)} imported articles had comments ({shown}), but site.yaml sets up no "
        "comments provider",
        hint=_SET_UP_COMMENTS + " in each",
    )


def body_warnings(
    root: Path, display: str, text: str, config: SiteConfig, copied: set[str]
) -> tuple[Diagnostic, ...]:
    """What the build would refuse in the new body (images without alt text or file); the
    images this import copies into ``static/`` count as there."""
    # The header is checked without 'aliases:' (commented out, so lines stay where they are):
    # they are checked by the build that serves them, and were made from clean paths.
    checked = _ALIASES.sub(lambda match: _commented(match.group(0)), text)
    article = parse_article(checked, display, config.zone)
    body = render_body(make_markdown(), article.body, first_line=article.body_line, path=display)
    refs = [ref for ref in body.images if static_path(ref.src) not in copied]
    _, missing = place_images(refs, [root / STATIC_DIR], "/", display)
    return tuple(
        Diagnostic(p.message, p.path, p.line, p.hint)
        for p in [*body.problems, *missing]
        if isinstance(p, ArticlegenError)
    )


def _commented(block: str) -> str:
    return "".join("#" + line for line in block.splitlines(keepends=True))


def _quoted(text: str) -> str:
    """A YAML double-quoted string (JSON's syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)
