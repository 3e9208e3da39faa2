"""Render the site's HTML pages with Jinja: the theme's templates, overridden by the site's.

Autoescape is on and undefined names fail, so a template typo stops the build
with the template's file and line instead of publishing a blank.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from .errors import TemplateError
from .jsonld import article_json_ld
from .model import Article, Credits, Date, RenderedPage, Site
from .people import contributions
from .site import article_url, home_url, link_url, paginate, person_url, tag_url
from .slugs import slugify

THEME_TEMPLATES = Path(__file__).parent / "theme" / "templates"
WORDS_PER_MINUTE = 200
TOC_MIN_HEADINGS = 4


def make_environment(site_templates: Path | None) -> jinja2.Environment:
    """Site templates first, then the built-in theme's."""
    folders = [str(p) for p in (site_templates, THEME_TEMPLATES) if p is not None and p.is_dir()]
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["isodate"] = _isodate
    env.filters["humandate"] = _humandate
    env.filters["tojson_ld"] = to_json_ld
    return env


def render_pages(
    site: Site, env: jinja2.Environment, root: Path | None = None, *, search: bool = False
) -> list[RenderedPage]:
    """Every HTML page (``search/`` only when an index will exist); raises ``TemplateError``."""
    render = _Renderer(site, env, root, search)
    pages = [
        *render.home_pages(),
        *render.article_pages(),
        *render.tag_pages(),
        *render.person_pages(),
    ]
    pages.append(render.page("tags/", "tags.html", title="Tags", tags=render.tag_cards()))
    pages.append(
        render.page(
            "see-also/", "see_also.html", title="See Also index", entries=render.index_entries()
        )
    )
    pages.append(render.page("archive/", "archive.html", title="Archive", years=render.years()))
    pages.append(render.page("404.html", "404.html", title="Page not found"))
    if search:
        pages.append(render.page("search/", "search.html", title="Search"))
    return pages


class _Renderer:
    """Turns the ``Site`` into template contexts; one per build."""

    def __init__(
        self, site: Site, env: jinja2.Environment, root: Path | None, search: bool
    ) -> None:
        self.site = site
        self.env = env
        self.root = root
        self.cards = {a.slug: self.card(a) for a in site.articles}
        base_path = site.config.base_path
        self.globals = {
            "site": site.config,
            "url": lambda rel="": base_path + rel if "://" not in rel else rel,
            "abs_url": lambda rel="": site.config.base_url + rel,
            "person_url": person_url,
            "tags_count": len(site.tags),
            "search": search,
        }

    def page(self, url: str, template: str, **context: Any) -> RenderedPage:
        out_path = url if url.endswith(".html") else url + "index.html"
        context.setdefault("canonical", self.site.config.base_url + url)
        context.setdefault("description", self.site.config.description)
        with _template_errors(self.root):
            html = self.env.get_template(template).render(**self.globals, page_url=url, **context)
        return RenderedPage(url, out_path, html.encode("utf-8"))

    def card(self, article: Article) -> dict[str, Any]:
        meta = article.meta
        body = self.site.bodies[article.slug]
        credits = self.site.credits.get(article.slug, Credits())
        return {
            "slug": article.slug,
            "title": meta.title,
            "url": article_url(article.slug),
            "date": meta.date,
            "updated": meta.updated,
            "description": self.site.descriptions[article.slug],
            "author": credits.author.name if credits.author else "",
            "tags": [{"name": t, "url": tag_url(slugify(t))} for t in meta.tags],
            "reading_minutes": max(1, math.ceil(body.words / WORDS_PER_MINUTE)),
            "draft": meta.draft,
        }

    def home_pages(self) -> Iterator[RenderedPage]:
        slugs = [a.slug for a in self.site.articles]
        yield from self.listing(slugs, home_url, title=self.site.config.title, heading=None)

    def tag_pages(self) -> Iterator[RenderedPage]:
        for tag in self.site.tags:
            yield from self.listing(
                tag.articles,
                lambda n, t=tag.slug: tag_url(t, n),
                title=f"Tagged “{tag.name}”",
                heading=tag.name,
            )

    def listing(
        self, slugs: Sequence[str], url_of: Callable[[int], str], *, title: str, heading: str | None
    ) -> Iterator[RenderedPage]:
        pages = paginate(slugs, self.site.config.per_page)
        for number, chunk in enumerate(pages, start=1):
            pagination = {
                "page": number,
                "pages": len(pages),
                "prev": url_of(number - 1) if number > 1 else None,
                "next": url_of(number + 1) if number < len(pages) else None,
            }
            page_title = title if number == 1 else f"{title} (page {number})"
            yield self.page(
                url_of(number),
                "list.html",
                title=page_title,
                heading=heading,
                articles=[self.cards[s] for s in chunk],
                pagination=pagination,
            )

    def article_pages(self) -> Iterator[RenderedPage]:
        articles = self.site.articles
        for position, article in enumerate(articles):
            newer = articles[position - 1] if position > 0 else None
            older = articles[position + 1] if position + 1 < len(articles) else None
            yield self.article_page(article, newer, older)

    def article_page(
        self, article: Article, newer: Article | None, older: Article | None
    ) -> RenderedPage:
        body = self.site.bodies[article.slug]
        card = self.cards[article.slug]
        return self.page(
            card["url"],
            "article.html",
            title=article.meta.title,
            description=card["description"],
            article=card,
            body=body.html,
            toc=body.toc if len(body.toc) >= TOC_MIN_HEADINGS else (),
            videos=body.videos > 0,
            see_also=self.see_also(article.slug),
            linked_from=[self.cards[s] for s in self.site.graph.backlinks.get(article.slug, ())],
            comments=self.comments(article),
            newer=self.cards[newer.slug] if newer else None,
            older=self.cards[older.slug] if older else None,
            json_ld=article_json_ld(self.site, article),
            credits=self.site.credits.get(article.slug, Credits()),
            medical=article.slug != self.site.policy_slug,
            references=self.site.references.get(article.slug, ()),
            disclaimer=article.meta.disclaimer or self.site.config.disclaimer,
            content_warning=article.meta.content_warning,
            policy_url=self.site.policy_url,
        )

    def person_pages(self) -> Iterator[RenderedPage]:
        people = contributions(self.site.config, self.site.articles, self.site.credits)
        if not people:
            return
        entries = [
            {
                "person": c.person,
                "written": [self.cards[s] for s in c.written],
                "reviewed": [self.cards[s] for s in c.reviewed],
            }
            for c in people
        ]
        for entry in entries:
            person = entry["person"]
            summary = person.bio or ", ".join(filter(None, (person.name, person.credentials)))
            yield self.page(
                person_url(person.id or ""),
                "person.html",
                title=person.name,
                description=summary,
                **entry,
            )
        yield self.page("authors/", "people.html", title="Authors and reviewers", people=entries)

    def see_also(self, slug: str) -> list[dict[str, Any]]:
        items = []
        for link in self.site.graph.see_also.get(slug, ()):
            if link.slug is None:
                host = urlsplit(link.url or "").hostname or ""
                items.append({"title": host, "url": link.url, "description": "", "external": True})
            else:
                target = self.cards[link.slug]
                items.append({**target, "url": link_url(link), "external": False})
        return items

    def comments(self, article: Article) -> dict[str, str] | None:
        config = self.site.config.comments
        wanted = article.meta.comments if article.meta.comments is not None else config.default
        if not wanted or config.provider is None:
            return None
        settings = {
            **config.settings,
            "page_url": self.site.config.base_url + article_url(article.slug),
        }
        return {"provider": config.provider, "settings": json.dumps(settings, sort_keys=True)}

    def tag_cards(self) -> list[dict[str, Any]]:
        return [
            {"name": t.name, "url": tag_url(t.slug), "count": len(t.articles)}
            for t in self.site.tags
        ]

    def index_entries(self) -> list[dict[str, Any]]:
        graph = self.site.graph
        entries = []
        for article in sorted(self.site.articles, key=lambda a: (a.meta.title.casefold(), a.slug)):
            outgoing = self.see_also(article.slug)
            incoming = [self.cards[s] for s in graph.backlinks.get(article.slug, ())]
            entries.append({**self.cards[article.slug], "outgoing": outgoing, "incoming": incoming})
        return entries

    def years(self) -> list[dict[str, Any]]:
        years: dict[str, list[dict[str, Any]]] = {}
        for article in self.site.articles:
            year = str(article.meta.date.year) if article.meta.date else "Drafts"
            years.setdefault(year, []).append(self.cards[article.slug])
        return [{"year": year, "articles": cards} for year, cards in years.items()]


def to_json_ld(data: Any) -> Markup:
    """JSON for a ``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _isodate(value: Date) -> str:
    return value.isoformat()


def _humandate(value: Date) -> str:
    day = value.date() if isinstance(value, dt.datetime) else value
    return f"{day.day} {day:%B %Y}"


class _template_errors:
    """Turn an exception raised inside a template into ``TemplateError(file, line)``."""

    def __init__(self, root: Path | None) -> None:
        self.root = root

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool:
        if exc is None or not isinstance(exc, Exception) or isinstance(exc, TemplateError):
            return False
        if isinstance(exc, jinja2.TemplateSyntaxError):
            raise TemplateError(
                f"template syntax error: {exc.message}", self._display(exc.filename), exc.lineno
            ) from exc
        if isinstance(exc, jinja2.TemplateNotFound):
            raise TemplateError(
                f"template not found: {exc.name}", hint="add it to templates/"
            ) from exc
        where = _template_frame(tb)
        if where is None:
            return False
        filename, line = where
        message = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
        raise TemplateError(f"template error: {message}", self._display(filename), line) from exc

    def _display(self, filename: str | None) -> str | None:
        if filename is None:
            return None
        path = Path(filename)
        if self.root is not None and path.is_relative_to(self.root):
            return path.relative_to(self.root).as_posix()
        if path.is_relative_to(THEME_TEMPLATES):
            return "(built-in theme) templates/" + path.relative_to(THEME_TEMPLATES).as_posix()
        return filename


def _template_frame(tb: TracebackType | None) -> tuple[str, int] | None:
    """The innermost traceback frame that is a template (Jinja rewrites them to the source)."""
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".j2", ".jinja")) or "/templates/" in filename:
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
