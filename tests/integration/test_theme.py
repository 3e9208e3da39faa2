"""The theme's promises to readers and to search engines, read from the built HTML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from articlegen.build import build_site
from tests.conftest import SITE_YAML, article, parse

FOUR_HEADINGS = (
    "Intro.\n\n## One\n\nA.\n\n## Two\n\nB.\n\n### Two point one\n\nC.\n\n## Three\n\nD."
)
THREE_HEADINGS = "Intro.\n\n## One\n\nA.\n\n## Two\n\nB.\n\n## Three\n\nC."
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def public(site) -> Path:
    root = site(
        {
            "long.md": article(
                "Long Read",
                FOUR_HEADINGS,
                date="2024-03-01",
                updated="2024-04-02",
                tags="[sleep, Recovery]",
                description="'A long read.'",
            ),
            "short.md": article("Short Read", THREE_HEADINGS, date="2023-05-01", tags="[sleep]"),
            "oldest.md": article("Oldest Read", "Text.", date="2022-01-01"),
        },
        site_yaml=SITE_YAML + "per_page: 2\n",
    )
    build_site(root)
    return root / "public"


def meta(page, key: str) -> str | None:
    node = page.css_first(f"meta[property='{key}'], meta[name='{key}']")
    return None if node is None else node.attributes["content"]


def test_article_head_names_the_page_for_search_engines_and_link_previews(public: Path) -> None:
    page = parse(public / "long/index.html")
    assert page.css_first("html").attributes["lang"] == "en"
    assert page.css_first("title").text() == "Long Read · Example Site"
    assert meta(page, "description") == "A long read."
    canonical = "https://example.test/long/"
    assert page.css_first("link[rel=canonical]").attributes["href"] == canonical
    assert meta(page, "og:title") == meta(page, "twitter:title") == "Long Read"
    assert meta(page, "og:description") == meta(page, "twitter:description") == "A long read."
    assert (meta(page, "og:type"), meta(page, "og:url")) == ("article", canonical)
    assert meta(page, "twitter:card") == "summary"
    assert meta(page, "article:published_time") == "2024-03-01"
    assert meta(page, "article:modified_time") == "2024-04-02"
    assert [m.attributes["content"] for m in page.css("meta[property='article:tag']")] == [
        "sleep",
        "Recovery",
    ]


def test_article_shows_dates_reading_time_and_tags(public: Path) -> None:
    header = parse(public / "long/index.html").css_first("article header")
    times = {t.attributes["datetime"]: t.text() for t in header.css("time")}
    assert times == {"2024-03-01": "1 March 2024", "2024-04-02": "2 April 2024"}
    assert "1 min read" in header.css_first(".meta").text()
    assert [a.attributes["href"] for a in header.css(".tags a")] == [
        "/tags/sleep/",
        "/tags/recovery/",
    ]


def test_contents_appear_from_four_headings_and_every_heading_has_an_anchor(public: Path) -> None:
    long = parse(public / "long/index.html")
    toc = [a.attributes["href"] for a in long.css(".toc a")]
    assert toc == ["#one", "#two", "#two-point-one", "#three"]
    for target in toc:
        heading = long.css_first(f"[id='{target[1:]}']")
        assert heading.css_first("a.header-anchor").attributes["href"] == target
    short = parse(public / "short/index.html")
    assert short.css_first(".toc") is None
    assert len(short.css(".body h2 a.header-anchor")) == 3


def test_contents_nest_a_subsection_in_its_section(site) -> None:
    """A ``###`` entry was an item of the same flat list, only indented: the sections read
    1, 2, 3, 4 with "Two point one" as 3 and "Three" as 4, and a screen reader heard one
    level. It is a list inside its section's item, numbered anew; a ``###`` before any
    ``##`` stays at the top."""
    body = "### Before\n\nA.\n\n" + FOUR_HEADINGS + "\n\n### Three point one\n\nE."
    public = site({"a.md": article("Nested", body)}) / "public"
    build_site(public.parent)
    toc = parse(public / "a/index.html").css_first("nav.toc > ol")
    top = [li for li in toc.iter() if li.tag == "li"]
    assert [li.css_first("a").text() for li in top] == ["Before", "One", "Two", "Three"]
    inner = [[a.text() for ol in li.iter() if ol.tag == "ol" for a in ol.css("a")] for li in top]
    assert inner == [[], [], ["Two point one"], ["Three point one"]]


def test_contents_show_the_title_a_headings_wiki_link_shows(site) -> None:
    """An entry showed the slug written in the heading, '[[beta]]', as 'Why beta matters',
    under a heading reading 'Why Beta & Co matters'; its id keeps the slug."""
    body = "## Why [[beta]] matters\n\nA.\n\n## Two\n\n## Three [[beta|B]]\n\n## Four"
    public = (
        site({"a.md": article("Headings", body), "b.md": article("Beta & Co", slug="beta")})
        / "public"
    )
    build_site(public.parent)
    page = parse(public / "a/index.html")
    entries = [(a.attributes["href"], a.text()) for a in page.css("nav.toc a")]
    assert entries == [
        ("#why-beta-matters", "Why Beta & Co matters"),
        ("#two", "Two"),
        ("#three-b", "Three B"),
        ("#four", "Four"),
    ]
    assert page.css_first("h2#why-beta-matters").text().startswith("Why Beta & Co matters")


def test_each_headings_link_is_named_by_the_heading_it_leads_to(site) -> None:
    """Every heading's '#' link was named 'Link to this section', so a screen reader's list
    of links read that name once per heading, with no way to tell where each leads. Each is
    named by its heading's text, as its contents entry reads it (a [[link]]'s title filled
    in); the headings and the entries read as before."""
    body = "## Why [[beta]] matters\n\nA.\n\n## Doses & `mg`\n\n### Per day\n\n## Four"
    public = (
        site({"a.md": article("Headings", body), "b.md": article("Beta & Co", slug="beta")})
        / "public"
    )
    build_site(public.parent)
    page = parse(public / "a/index.html")
    texts = ["Why Beta & Co matters", "Doses & mg", "Per day", "Four"]
    labels = [a.attributes["aria-label"] for a in page.css(".body a.header-anchor")]
    assert labels == [f"Link to section: {text}" for text in texts]
    assert [a.text() for a in page.css("nav.toc a")] == texts
    headings = page.css(".body h2, .body h3")
    assert [h.text() for h in headings] == [f"{text} #" for text in texts]


def test_a_description_shows_the_title_a_wiki_link_in_the_first_paragraph_shows(site) -> None:
    """Made from the first paragraph, it said 'Read beta first.' (the slug as written) on
    the card, in the meta description and in the feed, where the page reads the title."""
    root = site(
        {
            "a.md": article("Alpha", "Read [[beta]] and [[beta|the beta note]] first."),
            "b.md": article("Beta & Co", slug="beta", date="2023-01-01"),
        }
    )
    build_site(root)
    said = "Read Beta & Co and the beta note first."
    page = parse(root / "public/a/index.html")
    assert page.css_first('meta[name="description"]').attributes["content"] == said
    cards = parse(root / "public/index.html").css(".card-description")
    assert cards[0].text() == said  # Alpha, the newest
    feed = ET.parse(root / "public/feed.xml").getroot()
    summaries = [e.findtext("{http://www.w3.org/2005/Atom}summary") for e in feed]
    assert said in summaries


def test_previous_and_next_follow_the_dates(public: Path) -> None:
    def links(slug: str) -> dict[str, str]:
        nav = parse(public / slug / "index.html").css(".prev-next a")
        return {a.attributes["rel"]: a.attributes["href"] for a in nav}

    assert links("long") == {"prev": "/short/"}
    assert links("short") == {"prev": "/oldest/", "next": "/long/"}
    assert links("oldest") == {"next": "/short/"}


def test_home_paginates_summaries(public: Path) -> None:
    first = parse(public / "index.html")
    assert [a.text() for a in first.css(".card h2 a")] == ["Long Read", "Short Read"]
    assert first.css_first(".card p:not(.meta)").text() == "A long read."
    assert first.css_first(".pagination a[rel=next]").attributes["href"] == "/page/2/"
    second = parse(public / "page/2/index.html")
    assert [a.text() for a in second.css(".card h2 a")] == ["Oldest Read"]
    assert second.css_first("title").text() == "Page 2 · Example Site"


def test_archive_groups_by_year_newest_first(public: Path) -> None:
    page = parse(public / "archive/index.html")
    years = [
        (s.css_first("h2").text(), [a.text() for a in s.css("a")]) for s in page.css("main section")
    ]
    assert years == [("2024", ["Long Read"]), ("2023", ["Short Read"]), ("2022", ["Oldest Read"])]


def test_tags_overview_and_tag_pages_with_their_own_feed(public: Path) -> None:
    overview = parse(public / "tags/index.html")
    assert [li.text(deep=True).split() for li in overview.css(".tag-list li")] == [
        ["Recovery", "1", "article"],
        ["sleep", "2", "articles"],
    ]
    page = parse(public / "tags/sleep/index.html")
    feeds = {
        link.attributes["href"]: link.attributes["title"]
        for link in page.css("link[rel=alternate][type='application/atom+xml']")
    }
    assert feeds == {"/feed.xml": "Example Site", "/tags/sleep/feed.xml": "Example Site: sleep"}
    assert page.css_first("main a[href='/tags/sleep/feed.xml']") is not None
    assert meta(page, "description") == "Articles tagged “sleep” on Example Site."
    assert (public / "tags/sleep/feed.xml").is_file()


@pytest.mark.parametrize(
    ("feed", "page"),
    [
        ("feed.xml", "https://example.test/"),
        ("tags/sleep/feed.xml", "https://example.test/tags/sleep/"),
        ("tags/recovery/feed.xml", "https://example.test/tags/recovery/"),
    ],
)
def test_each_feed_links_the_page_it_mirrors(public: Path, feed: str, page: str) -> None:
    root = ET.parse(public / feed).getroot()
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {"self": f"https://example.test/{feed}", "alternate": page}


def test_every_page_links_the_site_feed(public: Path) -> None:
    for path in ["index.html", "long/index.html", "archive/index.html", "404.html"]:
        feeds = parse(public / path).css("link[rel=alternate]")
        assert "/feed.xml" in [f.attributes["href"] for f in feeds], path


def test_not_found_page_is_never_indexed_and_claims_no_address(public: Path) -> None:
    page = parse(public / "404.html")
    assert meta(page, "robots") == "noindex"
    assert page.css("link[rel=canonical]") == [] and meta(page, "og:url") is None
    assert meta(parse(public / "long/index.html"), "robots") is None


def test_sitemap_dates_articles_and_the_listings_that_show_them(public: Path) -> None:
    urlset = ET.parse(public / "sitemap.xml").getroot()
    lastmod = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in urlset}
    base = "https://example.test/"
    assert lastmod[base + "long/"] == "2024-04-02T00:00:00Z"  # updated wins over date
    assert lastmod[base + "short/"] == "2023-05-01T00:00:00Z"
    assert lastmod[base] == lastmod[base + "tags/sleep/"] == "2024-04-02T00:00:00Z"
    assert lastmod[base + "tags/recovery/"] == "2024-04-02T00:00:00Z"
    assert lastmod[base + "page/2/"] is None  # what a later page shows shifts; no promise
    robots = (public / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.test/sitemap.xml" in robots.splitlines()


def test_reading_aids_need_no_script(public: Path) -> None:
    page = parse(public / "long/index.html")
    assert page.css_first("body > a.skip-link").attributes["href"] == "#main"
    assert page.css_first("main#main") is not None
    scripts = page.css("script:not([type='application/ld+json'])")  # no comments, no video:
    assert [s.attributes.get("src") for s in scripts] == ["/assets/menu.js"]  # the menu's state


CLASHING_HEADINGS = """\
Intro with a citation[^one] and another[^one].

## Main

A.[^two]

## Comments

B.

### Comments title

C.

## Toc title

D.

## References title

## See also title

## Linked from title

## Disclaimer title

## Ref

## Ref

## Cite 1
"""


def test_headings_never_take_the_page_s_own_ids(site) -> None:
    root = site(
        {
            "clash.md": article(
                "Clashing Headings",
                CLASHING_HEADINGS,
                comments="true",
                see_also="[other]",
                references="""
  - id: one
    title: "Source One"
    url: https://example.org/one
  - id: two
    title: "Source Two"
    url: https://example.org/two""",
            ),
            "other.md": article("Other", "Back to [[Clashing Headings]]."),
        },
        site_yaml=SITE_YAML
        + 'disclaimer: "General information only."\n'
        + "comments:\n  provider: giscus\n"
        + "  giscus: {repo: example/repo, repo_id: R_x, category: C, category_id: DIC_x}\n",
    )
    build_site(root)
    page = parse(root / "public/clash/index.html")
    ids = [node.attributes["id"] for node in page.css("[id]")]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert {"main", "comments", "toc-title", "references-title", "see-also-title"} <= set(ids)
    assert {"linked-from-title", "disclaimer-title", "ref-1", "cite-1", "cite-1-2"} <= set(ids)
    target = page.css_first("a.skip-link").attributes["href"]
    assert page.css_first(target).tag == "main"
    assert page.css_first("h2#main-section").text(deep=False).strip() == "Main"
    toc = [a.attributes["href"] for a in page.css(".toc a")]
    assert toc[:3] == ["#main-section", "#comments-section", "#comments-title-section"]
    assert all(page.css_first(href).tag in ("h2", "h3") for href in toc)


def test_a_site_in_a_right_to_left_language_is_laid_out_from_the_right(site) -> None:
    """A Persian blog (language: fa, from an imported Jekyll site) was written <html lang="fa">
    alone, so browsers laid it out from the left: each line's punctuation and the lists'
    bullets at the wrong end. Its pages, redirects included, now say dir="rtl"; a language
    written from the left (and Uyghur in Latin letters) gets no dir, as before."""
    root = site(
        {"a.md": article("مقاله", "متن.", aliases="[/old/]")},
        site_yaml=SITE_YAML + "language: fa\n",
    )
    build_site(root)
    for page in ("a/index.html", "index.html", "tags/index.html", "old/index.html"):
        html = parse(root / "public" / page).css_first("html")
        assert (html.attributes.get("lang"), html.attributes.get("dir")) == ("fa", "rtl"), page
    for language in ("en", "ug-Latn"):
        (root / "site.yaml").write_text(SITE_YAML + f"language: {language}\n", encoding="utf-8")
        build_site(root)
        html = parse(root / "public" / "a/index.html").css_first("html")
        assert "dir" not in html.attributes


def test_an_article_with_many_tags_shows_eight_and_folds_the_rest(site) -> None:
    """Eleven tags or more: the first eight in the author's order, the rest in a "more tags"
    <details>; ten or fewer all show. Every tag stays in the page's search metadata."""
    names = [f"Topic {number}" for number in range(1, 12)]
    root = site(
        {
            "many.md": article("Many", tags=f"[{', '.join(names)}]"),
            "ten.md": article("Ten", tags=f"[{', '.join(names[:10])}]"),
        }
    )
    build_site(root)
    many = parse(root / "public/many/index.html")
    first, rest = many.css("header ul.tags")
    assert [a.text() for a in first.css("a")] == names[:8]
    assert many.css_first("details.more-tags > summary").text() == "3 more tags"
    assert [a.text() for a in rest.css("a")] == names[8:]
    assert rest.attributes["aria-label"] == "More tags"
    assert first.attributes["data-pagefind-meta"] == "tags:" + ", ".join(names)
    ten = parse(root / "public/ten/index.html")
    assert [a.text() for a in ten.css("header ul.tags a")] == names[:10]
    assert ten.css("details.more-tags") == []
