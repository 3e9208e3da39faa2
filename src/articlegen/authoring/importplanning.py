"""Where each imported post goes, planned before anything is written: a slug of its own
(``slug-2`` where its own is taken), posts imported before (an article has their old
address) skipped or planned over that article, and which old addresses keep a redirect
(one an article already answers at, or a static host cannot serve, does not)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..content.articles import find_sources, load_articles, readable_article
from ..content.frontmatter import split_front_matter
from ..core.errors import ArticlegenError, SourceError
from ..core.layout import CONTENT_DIR
from ..core.lookalike import fold
from ..core.model import Article, ImportedArticle, SiteConfig
from ..core.slugs import SUGGESTED_SLUG_LENGTH, slugify, title_slug
from ..core.urls import (
    RESERVED_SLUGS,
    ROOT_FILES,
    AliasError,
    alias_url,
    article_url,
    kept_name_problem,
    page_file,
)
from ..core.yamldoc import load_mapping
from .blogsource import Blog, Post
from .importmarkdown import ImportPlan
from .importreport import AlreadyThere, ImportReport
from .importsources import BLOG_FORMATS


def site_articles(root: Path, config: SiteConfig) -> list[Article]:
    """The site's articles, with what can be read of those that do not load (their problems
    are the build's to report): an article imported before is one, while the build does not
    know its 'aliases:'."""
    loaded, _ = load_articles(root, config.zone)
    known = {(root / article.source).resolve() for article in loaded}
    rest = [
        found
        for path in find_sources(root)
        if path.resolve() not in known and (found := readable_article(root, path, config.zone))
    ]
    return loaded + rest


def existing_aliases(root: Path, existing: list[Article]) -> dict[str, tuple[str, str]]:
    """Old address → ``(slug, file)`` of each article (or page) that already has it: in
    ``aliases:``, read from the file itself, so that an import is recognised whether or not
    the build reads the key, or as its own address ``/<slug>/`` (a post whose old address is
    the new one, as WordPress's ``/%postname%/`` permalinks make, needs no alias)."""
    found: dict[str, tuple[str, str]] = {}
    for article in existing:
        found.setdefault(f"/{article.slug}/", (article.slug, article.source))
        try:
            text = (root / article.source).read_text(encoding="utf-8")
            header, first, _, _ = split_front_matter(text, article.source)
            entries, _ = load_mapping(header, article.source, SourceError, first_line=first)
        except (ArticlegenError, OSError, UnicodeDecodeError):
            continue
        aliases = entries.get("aliases")
        for alias in aliases.value if aliases and isinstance(aliases.value, list) else []:
            if isinstance(alias, str):
                found.setdefault(alias, (article.slug, article.source))
    return found


def plan_posts(
    root: Path,
    blogs: list[Blog],
    existing: list[Article],
    old_paths: dict[str, tuple[str, str]],
    overwrite: bool,
    report: ImportReport,
    problems: list[ArticlegenError],
) -> list[ImportPlan]:
    """A slug for each post; posts imported before (an article has their old address, in
    any case: ``/Contact/`` is ``/contact/``'s, which dropped it as its own) skipped, or
    planned over that article with ``overwrite``; problems for single articles whose slug
    or title is taken."""
    slugs = {a.slug: a.source for a in existing}
    known = {path.casefold(): found for path, found in old_paths.items()}  # as the build does
    titles = {fold(a.meta.title): a.source for a in existing}
    claimed: dict[str, str] = {}
    plans = []
    for blog in blogs:
        for post in blog.posts:
            old = next((a for a in post.article.aliases if a.casefold() in known), None)
            before = known[old.casefold()] if old is not None else None
            if old is not None and before is not None and not overwrite:
                report.already.append(AlreadyThere(post.origin, old, before[1]))
                continue
            if before is not None:
                plan = ImportPlan(blog, post, before[0], replaces=before[1])
            elif blog.kind in BLOG_FORMATS:
                plan = _free_slug(root, blog, post, slugs)
            else:
                plan = ImportPlan(blog, post, _slug(blog.source, post.article))
                if problem := _taken(root, plan, slugs, titles):
                    problems.append(problem)
                    continue
            _claim_aliases(plan, claimed)
            slugs[plan.slug] = f"{post.origin} (in this import)"
            titles[fold(post.article.title)] = f"{post.origin} (in this import)"
            plans.append(plan)
    return plans


def _claim_aliases(plan: ImportPlan, claimed: dict[str, str]) -> None:
    """Keep the post's old addresses that no earlier post of this import has taken: one
    address can redirect to one article only."""
    kept = []
    for alias in plan.article.aliases:
        key = alias.casefold()  # the build holds two that differ only in case as one
        if key in claimed:
            plan.notes.append(f"its old address {alias} is also {claimed[key]}'s: left out here")
        else:
            claimed[key] = plan.post.origin
            kept.append(alias)
    if len(kept) < len(plan.article.aliases):
        plan.post = dataclasses.replace(
            plan.post, article=dataclasses.replace(plan.article, aliases=tuple(kept))
        )


def keep_servable_aliases(plans: list[ImportPlan], slugs: set[str]) -> None:
    """Keep the old addresses the build can redirect: not one a static host cannot serve a
    page at (a query, a ``.php`` file), an address the site uses for its own pages, or an
    article's (``slugs``: the site's and this import's), where the article itself answers.
    Addresses are compared as the build compares them, ignoring case (``/Contact/`` is
    ``/contact/`` on a disk that ignores case), so none is kept that the build refuses."""
    every = slugs | {p.slug for p in plans}
    taken = {page_file(article_url(slug)).casefold() for slug in every}
    for plan in plans:
        own = page_file(article_url(plan.slug))
        kept = []
        for alias in plan.article.aliases:
            try:
                out_path = page_file(alias_url(alias))
            except AliasError as problem:
                plan.notes.append(f"its old address {alias} {problem}: it gets no redirect")
                continue
            if out_path == own:
                continue  # the post answers at its old address itself
            key = out_path.casefold()
            if key == own.casefold():
                why = "is its new address but for upper and lower case, which a disk that"
                why += " ignores case holds as one"
            elif reserved := kept_name_problem(out_path):
                why = reserved
            elif key.split("/")[0] in RESERVED_SLUGS or key in ROOT_FILES:
                why = "is an address the site uses for its own pages"
            elif key in taken:
                why = "is the address of another article"
            else:
                kept.append(alias)
                continue
            plan.notes.append(f"its old address {alias} {why}: it gets no redirect")
        if len(kept) < len(plan.article.aliases):
            plan.post = dataclasses.replace(
                plan.post, article=dataclasses.replace(plan.article, aliases=tuple(kept))
            )


def _free_slug(root: Path, blog: Blog, post: Post, slugs: dict[str, str]) -> ImportPlan:
    """A blog post's plan under its own slug, or (when an article or reserved name has it)
    the first free ``slug-2``, ``slug-3``…, with a note: its old address still redirects."""
    article = post.article
    base = (
        slugify(article.slug or "", SUGGESTED_SLUG_LENGTH)
        or title_slug(article.title, SUGGESTED_SLUG_LENGTH)
        or "article"
    )
    slug, number = base, 2
    while slug in slugs or slug in RESERVED_SLUGS or (root / CONTENT_DIR / f"{slug}.md").exists():
        slug, number = f"{base}-{number}", number + 1
    plan = ImportPlan(blog, post, slug)
    if slug != base:
        taken = slugs.get(base, "the site's own pages" if base in RESERVED_SLUGS else "a file")
        plan.notes.append(f"its slug '{base}' is taken by {taken}, so it is '{slug}'")
    return plan


def _slug(source: Path, article: ImportedArticle) -> str:
    """From the page's own address, else the file name, else the title: a new name, made
    as ``new`` makes one ('whats-normal', not 'what-s-normal')."""
    stem = source.parent.name if source.stem.lower() == "index" else source.stem
    for name in (article.slug, stem):
        if slug := slugify(name or "", SUGGESTED_SLUG_LENGTH):
            return slug
    return title_slug(article.title, SUGGESTED_SLUG_LENGTH) or "article"


def _taken(
    root: Path, plan: ImportPlan, slugs: dict[str, str], titles: dict[str, str]
) -> SourceError | None:
    """The error if the new file, its slug or its title is already there."""
    title = plan.article.title
    if (root / plan.display).exists() or (root / plan.display).is_symlink():
        what = f"{plan.display} already exists"
    elif plan.slug in slugs:
        what = f"{slugs[plan.slug]} already has the slug '{plan.slug}'"
    elif fold(title) in titles:
        what = f"{titles[fold(title)]} already has the title '{title}'"
    elif plan.slug in RESERVED_SLUGS:
        what = f"the slug '{plan.slug}' is reserved for the site's own pages"
    else:
        return None
    return SourceError(f"not imported: {what}", str(plan.blog.source), hint=_taken_hint(plan))


def _taken_hint(plan: ImportPlan) -> str:
    """What would import it: another source file name gives another slug only when the slug
    came from it, not from the page's own address or its title."""
    article = plan.article
    if article.address and slugify(article.slug or "", SUGGESTED_SLUG_LENGTH) == plan.slug:
        return (
            f"import never overwrites, and the slug '{plan.slug}' comes from the page's own "
            f"address ({article.address}), so renaming the source file does not change it: "
            "remove or rename the existing article first"
        )
    return (
        "import never overwrites: rename the source file to import it under another slug,"
        " or remove the existing article first"
    )
