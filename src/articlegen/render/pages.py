"""Plan the site's HTML pages: which pages exist, which template each uses and the whole
context it sees (``PagePlan``). ``templates`` renders them.

A plan holds plain data only, so rendering is a pure function of the plan and the
templates: the build cache skips pages whose plan and templates did not change.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from ..core.dates import local_day
from ..core.model import NO_CREDITS, Article, Card, CardItem, CardList, Credits, PagePlan, Site
from ..core.slugs import slugify
from ..core.urls import (
    SEARCH_URL,
    article_url,
    home_url,
    link_url,
    page_file,
    person_url,
    tag_feed_url,
    tag_url,
)
from ..trust.people import contributions
from .bodies import unfinished
from .feeds import unlisted_tags
from .jsonld import article_json_ld
from .menu import navigation
from .pictures import logo_srcset, share_image, shown_image
from .redirects import aliased
from .seealsoindex import index_entries, index_pages
from .site import paginate
from .urlmaker import UrlMaker

WORDS_PER_MINUTE = 200
TOC_MIN_HEADINGS = 4


def plan_pages(site: Site, *, search: bool = False) -> list[PagePlan]:
    """Every HTML page of the site (``search/`` only when an index will exist) as a template
    and its full context, not yet rendered: the build cache compares plans to skip pages
    whose inputs did not change."""
    plan = _Planner(site, search)
    return [*plan.home_pages(), *plan.article_pages(), *plan.page_pages(), *plan.other_pages()]


def plan_other_pages(
    site: Site, *, search: bool = False, showing: Collection[str] | None = None
) -> list[PagePlan]:
    """Every HTML page ``plan_pages`` plans but the articles' and pages' own: the listings,
    tags, people, redirects, indexes, 404 and search pages. With ``showing``, only those
    that show something of one of those articles: its card (title, date, reading time…)
    or, for a redirect, its title."""
    plan = _Planner(site, search)
    return [*plan.home_pages(showing), *plan.other_pages(showing)]


def reading_minutes(words: int) -> int:
    """The reading time shown for an article of ``words`` words."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def plan_article_pages(
    site: Site, slugs: Collection[str], *, search: bool = False
) -> list[PagePlan]:
    """The pages of the articles and pages ``slugs`` alone, as ``plan_pages`` plans them."""
    plan = _Planner(site, search)
    return [*plan.article_pages(only=slugs), *plan.page_pages(only=slugs)]


class _Cards(dict[str, Card]):
    """Slug → the card of that article or page, each made when first asked for (then the
    same object every plan shares): re-planning one article's page needs a few cards, not
    every article's."""

    def __init__(self, make: Callable[[Article], Card], articles: Iterable[Article]) -> None:
        super().__init__()
        self._make = make
        self._articles = {article.slug: article for article in articles}

    def __missing__(self, slug: str) -> Card:
        card = self[slug] = self._make(self._articles[slug])
        return card

    def listed(self, slugs: Iterable[str]) -> CardList:
        """The cards of ``slugs``, in order."""
        return CardList(map(self.__getitem__, slugs))


class _Planner:
    """Turns the ``Site`` into page plans (template contexts); one per build."""

    def __init__(self, site: Site, search: bool) -> None:
        self.site = site
        self.tag_names = {tag.slug: tag.name for tag in site.tags}
        self.search = search
        self.cards = _Cards(self.card, (*site.articles, *site.pages))
        self.site_feed = {"title": site.config.title, "url": "feed.xml"}
        self.globals = {
            "site": site.config,
            "url": UrlMaker(site.config.base_path),
            "abs_url": UrlMaker(site.config.base_url, keep_absolute=False),
            "person_url": person_url,
            "tags_count": len(site.tags),
            "search": search,
            "menu": navigation(site.config, site.menu, search=search),
            "logo": site.logo,
            "logo_srcset": logo_srcset(site.logo, site.config.base_path),
        }
        config = site.config
        self.share = (
            share_image(site.share_image, config.image, config.base_url)
            if site.share_image is not None and config.image is not None
            else None
        )

    def page(self, url: str, template: str, **context: Any) -> PagePlan:
        out_path = page_file(url)  # an alias's old.htm too, not old.htmindex.html
        context.setdefault("canonical", self.site.config.base_url + url)
        context.setdefault("description", self.site.config.description)
        context.setdefault("feeds", [self.site_feed])
        context.setdefault("share", self.share)
        return PagePlan(url, out_path, template, {**self.globals, "page_url": url, **context})

    def card(self, article: Article) -> Card:
        meta = article.meta
        body = unfinished(self.site.bodies, article.slug)
        credits = self.site.credits.get(article.slug, NO_CREDITS)
        return Card(
            {
                "slug": article.slug,
                "title": meta.title,
                "url": article_url(article.slug),
                "date": meta.date,
                "updated": meta.updated,
                "description": self.site.descriptions[article.slug],
                "author": credits.author.name if credits.author else "",
                "tags": [self.tag_link(t) for t in meta.tags],
                "reading_minutes": reading_minutes(body.words),
                "draft": meta.draft,
                "withheld": self.site.withheld.get(article.slug),
                "review": self.review(article, credits),
                "image": self.hero(article),
            }
        )

    def hero(self, article: Article) -> dict[str, Any] | None:
        """The article's ``image:`` as pages show it (``pictures.picture``), if it has one."""
        placed, image = self.site.images.get(article.slug), article.meta.image
        if placed is None or image is None:
            return None
        return shown_image(placed, image, self.site.config.base_path)

    def article_share(self, article: Article) -> dict[str, Any] | None:
        """The share card's image of an article: its own, or else the site's."""
        placed, image, config = (
            self.site.images.get(article.slug),
            article.meta.image,
            self.site.config,
        )
        own = (
            share_image(placed, image, config.base_url)
            if placed is not None and image is not None
            else None
        )
        return own or self.share

    def tag_link(self, written: str) -> dict[str, str]:
        """A tag as cards and pages link it: by the name its tag page has (the first
        spelling seen), so one tag reads the same everywhere."""
        slug = slugify(written)
        return {"name": self.tag_names.get(slug, written), "url": tag_url(slug)}

    def review(self, article: Article, credits: Credits) -> dict[str, Any] | None:
        """The medical review a card shows: the day of the review, or that there is none
        yet; None for what is no medical article (a page, the editorial policy)."""
        if article.page or article.slug == self.site.policy_slug:
            return None
        return {"reviewed": credits.reviewer is not None, "on": credits.reviewed_on}

    def other_pages(self, showing: Collection[str] | None = None) -> Iterator[PagePlan]:
        """The pages after the articles' and pages' own, in build order (``plan_pages``);
        with ``showing``, those showing one of those articles (``plan_other_pages``): the
        tags index, the 404 and the search page show none."""
        yield from self.tag_pages(showing)
        yield from self.person_pages(showing)
        yield from self.redirect_pages(showing)
        if showing is None:
            yield self.page("tags/", "tags.html", title="Tags", tags=self.tag_cards())
        yield from index_pages(index_entries(self.site, self.cards, self.see_also), self.page)
        yield self.page("archive/", "archive.html", title="Archive", years=self.years())
        if showing is None:
            # The host serves 404.html at whatever address was asked for: it has no canonical
            # one.
            yield self.page("404.html", "404.html", title="Page not found", canonical=None)
            if self.search:
                yield self.page(SEARCH_URL, "search.html", title="Search")

    def redirect_pages(self, showing: Collection[str] | None = None) -> Iterator[PagePlan]:
        """A page at each alias that sends readers on to its article (and shows its title)."""
        for alias, article in aliased((*self.site.articles, *self.site.pages)):
            if showing is not None and article.slug not in showing:
                continue
            target = self.site.config.base_url + article_url(article.slug)
            yield self.page(alias.url, "redirect.html", title=article.meta.title, canonical=target)

    def home_pages(self, showing: Collection[str] | None = None) -> Iterator[PagePlan]:
        slugs, title = [a.slug for a in self.site.articles], self.site.config.title
        yield from self.listing(
            slugs, home_url, title=title, heading=None, showing=showing, unlisted=False
        )

    def tag_pages(self, showing: Collection[str] | None = None) -> Iterator[PagePlan]:
        """Each tag's pages; those of a tag only unlisted articles have (``unlisted_tags``)
        say ``noindex``. When which those are changes, the site is planned again whole
        (``replan.shown_digest`` compares them)."""
        hidden = set(unlisted_tags(self.site))
        for tag in self.site.tags:
            feed = {"title": f"{self.site.config.title}: {tag.name}", "url": tag_feed_url(tag.slug)}
            yield from self.listing(
                tag.articles,
                partial(tag_url, tag.slug),
                showing=showing,
                unlisted=tag.slug in hidden,
                title=f"Tagged “{tag.name}”",
                heading=tag.name,
                description=f"Articles tagged “{tag.name}” on {self.site.config.title}.",
                feeds=[self.site_feed, feed],
                tag_feed=feed,
            )

    def listing(
        self,
        slugs: Sequence[str],
        url_of: Callable[[int], str],
        *,
        title: str,
        heading: str | None,
        showing: Collection[str] | None = None,
        **context: Any,
    ) -> Iterator[PagePlan]:
        """The pages listing ``slugs``; with ``showing``, those listing one of them."""
        pages = paginate(slugs, self.site.config.per_page)
        for number, chunk in enumerate(pages, start=1):
            if showing is not None and not any(slug in showing for slug in chunk):
                continue
            pagination = {
                "page": number,
                "pages": len(pages),
                "prev": url_of(number - 1) if number > 1 else None,
                "next": url_of(number + 1) if number < len(pages) else None,
            }
            page_title = title if number == 1 else f"{title} (page {number})"
            if number > 1 and title == self.site.config.title:
                page_title = f"Page {number}"  # the <title> adds the site's name itself
            yield self.page(
                url_of(number),
                "list.html",
                title=page_title,
                heading=heading,
                articles=self.cards.listed(chunk),
                pagination=pagination,
                **context,
            )

    def article_pages(self, only: Collection[str] | None = None) -> Iterator[PagePlan]:
        """Every article's page, or those of the slugs in ``only``."""
        articles = self.site.articles
        for position, article in enumerate(articles):
            if only is not None and article.slug not in only:
                continue
            newer = articles[position - 1] if position > 0 else None
            older = articles[position + 1] if position + 1 < len(articles) else None
            yield self.article_page(article, newer, older)

    def article_page(
        self, article: Article, newer: Article | None, older: Article | None
    ) -> PagePlan:
        body = self.site.bodies[article.slug]
        card = self.cards[article.slug]
        return self.page(
            card["url"],
            "article.html",
            title=article.meta.title,
            description=card["description"],
            article=card,
            body=body.html,
            wordless=body.words == 0,
            toc=body.toc if len(body.toc) >= TOC_MIN_HEADINGS else (),
            videos=body.videos > 0,
            see_also=self.see_also(article.slug),
            linked_from=self.cards.listed(self.site.graph.backlinks.get(article.slug, ())),
            comments=self.comments(article),
            newer=self.cards[newer.slug] if newer else None,
            older=self.cards[older.slug] if older else None,
            json_ld=article_json_ld(self.site, article),
            credits=self.site.credits.get(article.slug, NO_CREDITS),
            medical=article.slug != self.site.policy_slug,
            references=self.site.references.get(article.slug, ()),
            content_warning=article.meta.content_warning,
            **self.disclaimer(article),
            share=self.article_share(article),
        )

    def disclaimer(self, article: Article) -> dict[str, str | None]:
        """The disclaimer box's text (the article's, else the site's) and policy link; none
        of either for ``disclaimer: false`` (a site's own ``article.html`` shows either)."""
        own, policy = article.meta.disclaimer, self.site.policy_url
        if own is False:
            return {"disclaimer": "", "policy_url": None}
        return {"disclaimer": own or self.site.config.disclaimer, "policy_url": policy}

    def page_pages(self, only: Collection[str] | None = None) -> Iterator[PagePlan]:
        """Every page's page (``content/pages/``), or those of the slugs in ``only``."""
        for page in self.site.pages:
            if only is None or page.slug in only:
                yield self.page_page(page)

    def page_page(self, page: Article) -> PagePlan:
        """A page: its body under its title, and nothing an article adds around it."""
        body, card = self.site.bodies[page.slug], self.cards[page.slug]
        return self.page(
            card["url"],
            "page.html",
            title=page.meta.title,
            description=card["description"],
            page=card,
            body=body.html,
            wordless=body.words == 0,
            toc=body.toc if len(body.toc) >= TOC_MIN_HEADINGS else (),
            videos=body.videos > 0,
        )

    def person_pages(self, showing: Collection[str] | None = None) -> Iterator[PagePlan]:
        """Each author's and reviewer's page, and the page of them all; with ``showing``,
        those listing one of those articles."""
        people = contributions(self.site.config, self.site.articles, self.site.credits)
        listed = [{*c.written, *c.reviewed} for c in people]
        if not people or (showing is not None and not any(s.intersection(showing) for s in listed)):
            return
        entries = [
            {
                "person": c.person,
                "written": self.cards.listed(c.written),
                "reviewed": self.cards.listed(c.reviewed),
            }
            for c in people
        ]
        for contribution, entry, slugs in zip(people, entries, listed, strict=True):
            if showing is not None and not slugs.intersection(showing):
                continue
            person = contribution.person
            summary = person.bio or ", ".join(filter(None, (person.name, person.credentials)))
            yield self.page(
                person_url(person.id or ""),
                "person.html",
                title=person.name,
                description=summary,
                **entry,
            )
        yield self.page("authors/", "people.html", title="Authors and reviewers", people=entries)

    def see_also(self, slug: str, **extra: Any) -> list[dict[str, Any]]:
        """The See Also items of ``slug``'s page, each with ``extra``'s keys last."""
        items = []
        for link in self.site.graph.see_also.get(slug, ()):
            if link.slug is None:
                host = urlsplit(link.url or "").hostname or ""
                items.append(
                    {  # titled by the item (``url|Title``), the host beneath; else the host
                        "title": link.title or host,
                        "url": link.url,
                        "description": host if link.title else "",
                        "external": True,
                        "image": None,
                        **extra,
                    }
                )
            else:
                target = self.cards[link.slug]
                items.append(CardItem.of(target, url=link_url(link), external=False, **extra))
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

    def years(self) -> list[dict[str, Any]]:
        """The archive's groups: each article under the year of the day its page shows (in
        the site's zone), not the year the date was written in."""
        years: dict[str, CardList] = {}
        zone = self.site.config.zone
        for article in self.site.articles:
            date = article.meta.date
            year = str(local_day(date, zone).year) if date else "Drafts"
            years.setdefault(year, CardList()).append(self.cards[article.slug])
        return [{"year": year, "articles": cards} for year, cards in years.items()]
