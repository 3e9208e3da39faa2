"""The See Also index of a large site (``see_also.html``): 120 articles stay findable, grouped
by initial, each with its counts, and the unlinked ones apart; past 200 articles, a page per
initial."""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from pathlib import Path

from articlegen.build import build_site, build_with_saved_cache
from articlegen.render.seealsoindex import ENTRIES_PER_PAGE, ONE_PAGE_AT_MOST
from tests.conftest import article, parse
from tests.helpers import internal_link_problems, same_as_clean

LETTERS = string.ascii_uppercase[:20]  # A … T
PER_LETTER = 6


def test_a_hundred_and_twenty_articles_read_as_groups_counts_and_gaps(site) -> None:
    """Each article links to the next two of its letter; the last of each letter links
    nowhere and is linked from the two before it; the articles 'Zulu N' link nowhere and
    nothing links to them: they are the not-yet-linked section, in title order."""
    files: dict[str, str] = {}
    for letter in LETTERS:
        slugs = [f"{letter.lower()}-{n}" for n in range(PER_LETTER)]
        for n, slug in enumerate(slugs):
            targets = slugs[n + 1 : n + 3]
            see_also = f"[{', '.join(targets)}]" if targets else "[]"
            files[f"{slug}.md"] = article(f"{letter} Topic {n}", "Text.", see_also=see_also)
    for n in range(PER_LETTER):
        files[f"zulu-{n}.md"] = article(f"Zulu {n}", "Text.")
    root: Path = site(files)
    build_site(root)
    index = parse(root / "public/see-also/index.html")

    assert index.css_first("main p.meta").text() == "126 articles, 6 not yet linked."
    groups = index.css("section.index-group:not(.index-unlinked)")
    assert [g.css_first("h2").text() for g in groups] == list(LETTERS)
    assert all(len(g.css("ul.link-index > li")) == PER_LETTER for g in groups)
    jumps = index.css("nav.index-jump a")
    ids = {node.attributes["id"] for node in index.css("[id]")}
    assert [a.text() for a in jumps] == [*LETTERS, "Not yet linked"]
    assert all(a.attributes["href"][1:] in ids for a in jumps)

    middle = index.css_first("li#entry-c-2")
    assert [c.text() for c in middle.css(".count")] == ["2", "2"]  # out, in
    assert [a.text() for a in middle.css(".links-out a")] == ["C Topic 3", "C Topic 4"]
    assert [a.text() for a in middle.css(".links-in a")] == ["C Topic 0", "C Topic 1"]
    last = index.css_first("li#entry-c-5")
    assert [c.text() for c in last.css(".count")] == ["0", "2"]
    assert last.css_first(".links-out .not-linked").text() == "nothing yet"

    unlinked = index.css_first("section.index-unlinked")
    assert [h.text() for h in unlinked.css("li h3")] == [f"Zulu {n}" for n in range(PER_LETTER)]
    assert not {f"entry-zulu-{n}" for n in range(PER_LETTER)} & {
        li.attributes["id"] for g in groups for li in g.css("ul.link-index > li")
    }


def test_a_title_in_quotes_is_filed_under_its_first_letter(site) -> None:
    """“Zinc” and ¿Qué? went under '#', after Z: they are under Z and Q, in order."""
    files = {
        "quoted.md": article("“Zinc” and immunity", "Text.", see_also="[zinc]"),
        "zinc.md": article("Zinc", "Text.", see_also="[que]"),
        "que.md": article("¿Qué es la PrEP?", "Text.", see_also="[apple]"),
        "apple.md": article("Apple", "Text.", see_also="[quoted]"),
    }
    root: Path = site(files)
    build_site(root)
    index = parse(root / "public/see-also/index.html")
    groups = index.css("section.index-group:not(.index-unlinked)")
    assert [(g.css_first("h2").text(), [h.text() for h in g.css("li h3")]) for g in groups] == [
        ("A", ["Apple"]),
        ("Q", ["¿Qué es la PrEP?"]),
        ("Z", ["Zinc", "“Zinc” and immunity"]),
    ]


def test_an_article_whose_slug_is_a_theme_id_leaves_every_id_on_the_index_unique(site) -> None:
    """An entry's id is its slug behind ``entry-``: an article with ``slug: main`` must not
    give the index a second ``id="main"``, which the skip link would then target."""
    files = {
        "a.md": article("Alpha", "Text.", slug="main", see_also="[search-input]"),
        "b.md": article("Beta", "Text.", slug="search-input"),
        "c.md": article("Gamma", "Text.", slug="unlinked"),
    }
    root: Path = site(files)
    build_site(root)
    index = parse(root / "public/see-also/index.html")

    ids = [node.attributes["id"] for node in index.css("[id]")]
    assert len(ids) == len(set(ids))
    assert index.css_first("#main").tag == "main"
    entries = index.css("ul.link-index > li")
    assert {li.attributes["id"] for li in entries} == {
        "entry-main",
        "entry-search-input",
        "entry-unlinked",
    }


def large_site(count: int) -> dict[str, str]:
    """``count`` articles: all but 5 titled S…, each linking to the next, 5 titled A… linking
    to the first, and the last five (titled Z…) linked nowhere."""
    files: dict[str, str] = {}
    for n in range(count - 10):
        files[f"s-{n:03}.md"] = article(f"S Topic {n:03}", "Text.", see_also=f"[s-{n + 1:03}]")
    files[f"s-{count - 10:03}.md"] = article(f"S Topic {count - 10:03}", "Text.")
    for n in range(5):
        files[f"a-{n}.md"] = article(f"A Topic {n}", "Text.", see_also="[s-000]")
    for n in range(4):
        files[f"z-{n}.md"] = article(f"Zulu {n}", "Text.")
    return files


def test_past_two_hundred_articles_each_initial_has_pages_of_its_own(site) -> None:
    """A phone need not load every article's links at once: ``/see-also/`` keeps the counts
    and the row of initials, each initial and the not-yet-linked articles are pages of their
    own, an initial with more entries than a page holds goes on in more pages, and every
    article is on exactly one of them."""
    count = ONE_PAGE_AT_MOST + 30
    assert count - 9 > ENTRIES_PER_PAGE  # the S's need a second page
    root: Path = site(large_site(count))
    build_site(root)
    out = root / "public"
    hub = parse(out / "see-also/index.html")

    assert hub.css_first("main p.meta").text() == (
        f"{count} articles, 4 not yet linked; each letter has a page of its own."
    )
    assert hub.css("ul.link-index > li") == []
    jumps = [(a.text(), a.attributes["href"]) for a in hub.css("nav.index-jump a")]
    assert jumps == [
        ("A", "/see-also/a/"),
        ("S", "/see-also/s/"),
        ("Not yet linked", "/see-also/unlinked/"),
    ]
    listed: dict[str, list[str]] = {}
    pages: list[str] = []
    for label, first in jumps:
        url: str | None = first
        while url is not None:
            pages.append(url)
            page = parse(out / url.lstrip("/") / "index.html")
            listed.setdefault(label, []).extend(
                li.attributes["id"] for li in page.css("ul.link-index > li")
            )
            assert [a.text() for a in page.css("nav.index-jump a[aria-current=page]")] == [label]
            after = page.css_first("nav.pagination a[rel=next]")
            url = after.attributes["href"] if after is not None else None
    every = [entry for entries in listed.values() for entry in entries]
    assert sorted(every) == sorted(f"entry-{name[:-3]}" for name in large_site(count))
    assert len(every) == count
    assert [len(entries) for entries in listed.values()] == [5, count - 9, 4]

    first, second = (
        parse(out / "see-also/s/index.html"),
        parse(out / "see-also/s/page/2/index.html"),
    )
    assert first.css_first("h1").text() == "See Also index: S"
    assert len(first.css("ul.link-index > li")) == ENTRIES_PER_PAGE
    assert second.css_first("nav.pagination a[rel=prev]").attributes["href"] == "/see-also/s/"
    assert second.css_first("title").text().startswith("See Also index: S (page 2)")
    assert internal_link_problems(out) == []
    locs = {node.text for node in ET.parse(out / "sitemap.xml").iter() if node.tag.endswith("loc")}
    assert {f"https://example.test{url}" for url in pages} <= locs


def test_the_index_splits_and_joins_again_as_a_site_grows_and_shrinks(site, tmp_path) -> None:
    """Crossing the size where the index splits, an incremental build makes the pages a clean
    build makes, and removes those no longer made."""
    files = large_site(ONE_PAGE_AT_MOST)
    root: Path = site(files)
    build_with_saved_cache(root)
    assert not (root / "public/see-also/s").exists()
    extra = root / "content/a-extra.md"
    extra.write_text(article("A Topic Extra", "Text.", see_also="[s-000]"), encoding="utf-8")
    build_with_saved_cache(root)
    assert (root / "public/see-also/s/index.html").is_file()
    same_as_clean(root, tmp_path, "clean-split")
    extra.unlink()
    build_with_saved_cache(root)
    assert not (root / "public/see-also/s").exists()
    same_as_clean(root, tmp_path, "clean-joined")


OLD_SEE_ALSO = """{% extends "base.html" %}
{% block main %}
<h1>See Also index</h1>
<p class="meta">{{ total }} articles{% if unlinked %}, {{ unlinked | length }} not yet linked{% endif %}.</p>
{% for group in groups %}<h2>{{ group.initial }}</h2>
{% for entry in group.entries %}{{ partial("_index_entry.html", entry=entry, url=url, linked=true) }}{% endfor %}
{% endfor %}
{% endblock %}
"""


def test_a_sites_own_index_template_for_one_page_is_warned_of_once_the_index_splits(
    site,
) -> None:
    """A site's own ``see_also.html`` written for the one-page index (``groups``, ``unlinked``,
    ``total``) gets empty lists on a split ``/see-also/``: it listed no article and linked to
    no initial's page, silently. Past 200 articles the build warns at the template; at 200,
    or once it reads ``jump``, it does not."""
    files = large_site(ONE_PAGE_AT_MOST + 1)
    root: Path = site(files, files={"templates/see_also.html": OLD_SEE_ALSO})
    result = build_site(root)
    warned = [d for d in result.diagnostics if d.path == "templates/see_also.html"]
    assert len(warned) == 1 and "'jump'" in warned[0].message and warned[0].line == 1
    hub = parse(root / "public/see-also/index.html")
    assert not hub.css("main a[href*='/see-also/s/']")  # what the warning is about

    (root / "templates/see_also.html").write_text(
        OLD_SEE_ALSO.replace(
            "{% for group", "{% for item in jump %}{{ item.url }}{% endfor %}{% for group", 1
        ),
        encoding="utf-8",
    )
    result = build_site(root)
    assert not [d for d in result.diagnostics if d.path == "templates/see_also.html"]

    (root / "templates/see_also.html").write_text(OLD_SEE_ALSO, encoding="utf-8")
    (root / "content/z-0.md").unlink()
    result = build_site(root)
    assert not [d for d in result.diagnostics if d.path == "templates/see_also.html"]
