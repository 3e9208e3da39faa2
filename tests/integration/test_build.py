"""End-to-end: inline sites → build → parse the HTML and assert on what readers get."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.conftest import SITE_YAML, article, parse
from tests.helpers import internal_link_problems, snapshot

GISCUS = SITE_YAML + (
    "comments:\n  provider: giscus\n  giscus: {repo: o/n, repo_id: R1, category: C, category_id: C1}\n"
)


@pytest.fixture
def blog(site):
    return site(
        {
            "ketamine.md": article(
                "Ketamine and Mood",
                "Ketamine blocks NMDA receptors. Read [[iv-vs-im|the treatment guide]].\n\n## Risks\n\nSome.",
                date="2024-05-14",
                tags="[ketamine, Depression]",
                see_also="[iv-vs-im, 'Esketamine Spray', https://www.nimh.nih.gov/]",
                comments="true",
            ),
            "iv-vs-im.md": article(
                "IV vs IM",
                "How they differ.",
                date="2024-06-01",
                tags="[ketamine]",
                see_also="[ketamine]",
            ),
            "esketamine.md": article(
                "Esketamine Spray",
                "A nasal spray.",
                date="2024-07-01",
                description="'About the spray.'",
            ),
            "lonely.md": article("Lonely Article", "Nobody links here.", date="2023-01-01"),
            "draft.md": article("Work in progress", "Draft text.", draft="true", date="2024-08-01"),
        },
        site_yaml=GISCUS,
    )


def test_every_page_exists(blog: Path) -> None:
    result = build_site(blog)
    out = blog / "public"
    for path in [
        "index.html",
        "ketamine/index.html",
        "iv-vs-im/index.html",
        "esketamine/index.html",
        "lonely/index.html",
        "tags/index.html",
        "tags/ketamine/index.html",
        "tags/depression/index.html",
        "see-also/index.html",
        "archive/index.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "assets/style.css",
        "assets/comments.js",
    ]:
        assert (out / path).is_file(), path
    assert not (out / "draft").exists()
    assert result.articles == 4


def test_see_also_and_linked_from(blog: Path) -> None:
    build_site(blog)
    page = parse(blog / "public/ketamine/index.html")
    items = page.css("section.see-also li")
    assert [li.css_first("a").text() for li in items] == [
        "IV vs IM",
        "Esketamine Spray",
        "www.nimh.nih.gov",
    ]
    assert [li.css_first("a").attributes["href"] for li in items] == [
        "/iv-vs-im/",
        "/esketamine/",
        "https://www.nimh.nih.gov/",
    ]
    assert items[1].css_first("p").text() == "About the spray."
    assert items[0].css_first("p").text() == "How they differ."
    linked = parse(blog / "public/iv-vs-im/index.html").css("section.linked-from a")
    assert [a.text() for a in linked] == ["Ketamine and Mood"]
    esk = parse(blog / "public/esketamine/index.html")
    assert esk.css("section.see-also") == []
    assert [a.text() for a in esk.css("section.linked-from a")] == ["Ketamine and Mood"]


def test_body_wikilink_is_resolved(blog: Path) -> None:
    build_site(blog)
    link = parse(blog / "public/ketamine/index.html").css_first(".body a.internal")
    assert (link.attributes["href"], link.text()) == ("/iv-vs-im/", "the treatment guide")


def _entry_slug(entry) -> str:
    """The slug of a See Also index entry, from its id ``entry-<slug>``."""
    entry_id: str = entry.attributes["id"]
    assert entry_id.startswith("entry-")
    return entry_id.removeprefix("entry-")


def test_see_also_index_lists_the_graph_and_the_gaps(blog: Path) -> None:
    build_site(blog)
    index = parse(blog / "public/see-also/index.html")
    entries = {_entry_slug(li): li for li in index.css("ul.link-index > li")}
    assert list(entries) == ["esketamine", "iv-vs-im", "ketamine", "lonely"]
    ket = entries["ketamine"]
    assert [a.text() for a in ket.css(".links-out a")] == [
        "IV vs IM",
        "Esketamine Spray",
        "www.nimh.nih.gov",
    ]
    assert [a.text() for a in ket.css(".links-in a")] == ["IV vs IM"]
    unlinked = index.css_first("section.index-unlinked")
    assert unlinked.css_first("h2").text() == "Not yet linked"
    assert [_entry_slug(li) for li in unlinked.css("ul.link-index > li")] == ["lonely"]
    counts = [c.text() for c in ket.css(".count")]
    assert counts == ["3", "1"]  # links out, links in
    initials = [h.text() for h in index.css("section.index-group:not(.index-unlinked) > h2")]
    assert initials == ["E", "I", "K"]


def test_see_also_index_counts_body_links_going_out(blog: Path) -> None:
    """Body links count both ways: an article linked only in its text is no gap."""
    (blog / "content/gamma.md").write_text(article("Gamma", "See [[lonely]].\n\n## Part\n\nMore."))
    (blog / "content/body-only.md").write_text(
        article("Body Only", "[[gamma|the G]], [[Esketamine Spray]], [[gamma#part]].")
    )
    build_site(blog)
    index = parse(blog / "public/see-also/index.html")
    entries = {_entry_slug(li): li for li in index.css("ul.link-index > li")}
    assert list(entries) == ["body-only", "esketamine", "gamma", "iv-vs-im", "ketamine", "lonely"]
    body_only = entries["body-only"]
    assert body_only.css(".not-linked") == [body_only.css_first(".links-in .not-linked")]
    assert [li.text() for li in body_only.css(".links-out li")] == [
        "Gamma (in the text)",
        "Esketamine Spray (in the text)",
    ]
    assert [a.attributes["href"] for a in body_only.css(".links-out a")] == [
        "/gamma/",
        "/esketamine/",
    ]
    assert [a.text() for a in entries["gamma"].css(".links-in a")] == ["Body Only"]
    assert [li.text() for li in entries["gamma"].css(".links-out li")] == [
        "Lonely Article (in the text)"
    ]
    assert [a.text() for a in entries["lonely"].css(".links-in a")] == ["Gamma"]
    ket_out = [li.text() for li in entries["ketamine"].css(".links-out li")]
    assert ket_out == ["IV vs IM", "Esketamine Spray", "www.nimh.nih.gov"]


def test_see_also_index_sorts_accented_titles_with_their_letter(blog: Path) -> None:
    (blog / "content/eclair.md").write_text(article("Éclair", "Text."))
    (blog / "content/zeta.md").write_text(article("zeta", "Text."))
    build_site(blog)
    index = parse(blog / "public/see-also/index.html")
    # linked articles by initial, then the unlinked ones: Éclair with the e's in both
    assert [_entry_slug(li) for li in index.css("ul.link-index > li")] == [
        "esketamine",
        "iv-vs-im",
        "ketamine",
        "eclair",
        "lonely",
        "zeta",
    ]


def test_letters_outside_ascii_are_spelt_out_in_urls(site) -> None:
    root = site(
        {
            "Straße.md": article("Straße", tags="[Łódź, Москва]"),
            "ærø.md": article("Ærø", see_also="[Ελλάδα]"),
            "ελλάδα.md": article("Ελλάδα"),
        }
    )
    build_site(root)
    out = root / "public"
    for folder in ("strasse", "aero", "ellada", "tags/lodz", "tags/moskva"):
        assert (out / folder / "index.html").is_file()
    tags = parse(out / "strasse/index.html").css("ul.tags a")
    assert {a.text(): a.attributes["href"] for a in tags} == {
        "Łódź": "/tags/lodz/",
        "Москва": "/tags/moskva/",
    }
    see_also = parse(out / "aero/index.html").css_first("a[href='/ellada/']")
    assert see_also is not None and see_also.text() == "Ελλάδα"


def test_comments_only_where_enabled_and_no_provider_script_on_load(blog: Path) -> None:
    build_site(blog)
    ket = parse(blog / "public/ketamine/index.html")
    button = ket.css_first("section.comments button.show-comments")
    assert button.attributes["data-provider"] == "giscus"
    assert all("giscus.app" not in (s.attributes.get("src") or "") for s in ket.css("script"))
    assert parse(blog / "public/iv-vs-im/index.html").css("section.comments") == []


def test_comments_default_from_site_yaml(site) -> None:
    root = site(
        {"a.md": article("A"), "b.md": article("B", comments="false")},
        site_yaml=GISCUS.replace("  provider: giscus", "  provider: giscus\n  default: true"),
    )
    build_site(root)
    assert parse(root / "public/a/index.html").css("section.comments")
    assert not parse(root / "public/b/index.html").css("section.comments")


def test_every_internal_link_resolves(blog: Path) -> None:
    build_site(blog)
    assert internal_link_problems(blog / "public") == []


def test_sub_path_base_url(blog: Path) -> None:
    yaml = (
        (blog / "site.yaml")
        .read_text()
        .replace("https://example.test/", "https://example.test/blog/")
    )
    (blog / "site.yaml").write_text(yaml)
    build_site(blog)
    out = blog / "public"
    assert internal_link_problems(out, "/blog/") == []
    home = parse(out / "index.html")
    assert home.css_first("a.site-title").attributes["href"] == "/blog/"
    assert home.css_first("link[rel=canonical]").attributes["href"] == "https://example.test/blog/"
    assert (out / "robots.txt").read_text() == (
        "User-agent: *\nAllow: /blog/\n\nSitemap: https://example.test/blog/sitemap.xml\n"
    )


def test_two_builds_are_byte_identical(blog: Path, tmp_path: Path) -> None:
    build_site(blog, BuildOptions(output=tmp_path / "one"))
    build_site(blog, BuildOptions(output=tmp_path / "two"))
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_builds_in_other_processes_hash_seeds_and_time_zones_are_byte_identical(
    blog: Path, tmp_path: Path
) -> None:
    """Set order (PYTHONHASHSEED) and the machine's zone (TZ) must not reach the output."""
    (blog / "content/late.md").write_text(
        article("Late Night", "Text.", date="2024-05-14T23:30:00", tags="[sleep, mood, zz, aa]")
    )
    (blog / "content/zoned.md").write_text(
        article("Zoned", "Text.", date="2024-05-14T01:00:00+09:00", tags="[mood, sleep]")
    )
    command = [sys.executable, "-m", "articlegen", "build", "--site", blog, "--no-cache"]
    for name, seed, zone in [("one", "1", "UTC"), ("two", "4242", "Pacific/Kiritimati")]:
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone}
        done = subprocess.run(
            [*command, "--output", tmp_path / name, "--today", "2024-09-01"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    one = snapshot(tmp_path / "one")
    assert {"late/index.html", "zoned/index.html", "feed.xml", "tags/mood/index.html"} <= set(one)
    assert one == snapshot(tmp_path / "two")


def test_home_is_newest_first_and_paginated(site) -> None:
    articles = {f"a{i}.md": article(f"Article {i}", date=f"2024-01-{i + 1:02d}") for i in range(5)}
    root = site(articles, site_yaml=SITE_YAML + "per_page: 2\n")
    build_site(root)
    out = root / "public"
    titles = [a.text() for a in parse(out / "index.html").css("article.card h2 a")]
    assert titles == ["Article 4", "Article 3"]
    assert [a.text() for a in parse(out / "page/3/index.html").css("article.card h2 a")] == [
        "Article 0"
    ]
    nav = parse(out / "page/2/index.html").css_first("nav.pagination")
    assert nav.css_first("a[rel=prev]").attributes["href"] == "/"
    assert nav.css_first("a[rel=next]").attributes["href"] == "/page/3/"


def test_tag_pages_list_their_articles(blog: Path) -> None:
    build_site(blog)
    titles = [
        a.text() for a in parse(blog / "public/tags/ketamine/index.html").css("article.card h2 a")
    ]
    assert titles == ["IV vs IM", "Ketamine and Mood"]
    tags = parse(blog / "public/tags/index.html").css("ul.tag-list a")
    assert [a.css_first(".tag-name").text() for a in tags] == ["Depression", "ketamine"]
    assert [" ".join(a.text().split()) for a in tags] == [
        "Depression 1 article",
        "ketamine 2 articles",
    ]


def test_drafts_flag_builds_drafts_with_a_banner(blog: Path) -> None:
    build_site(blog, BuildOptions(drafts=True))
    page = parse(blog / "public/draft/index.html")
    assert page.css_first(".draft-banner").text().startswith("Draft")


def test_feed_and_sitemap_are_well_formed(blog: Path) -> None:
    build_site(blog)
    feed = ET.parse(blog / "public/feed.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert (
        next(e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns))
        == "Esketamine Spray"
    )
    urls = ET.parse(blog / "public/sitemap.xml").getroot()
    locs = [u.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc") for u in urls]
    assert "https://example.test/ketamine/" in locs and "https://example.org/404.html" not in locs
    assert "Sitemap: https://example.test/sitemap.xml" in (blog / "public/robots.txt").read_text()


def test_an_article_with_nothing_to_describe_it_has_no_empty_description(site) -> None:
    """A header and no body gave JSON-LD ``"description": ""`` and ``<summary/>``: the
    key and the element are left out (both optional), content and the rest kept."""
    root = site(
        {"a.md": article("Header Only", body=""), "b.md": article("Full", date="2024-02-01")}
    )
    build_site(root)
    graph = json.loads(
        parse(root / "public/a/index.html").css_first("script[type='application/ld+json']").text()
    )["@graph"]
    assert "description" not in graph[0] and graph[0]["headline"] == "Header Only"
    full = parse(root / "public/b/index.html").css_first("script[type='application/ld+json']")
    assert json.loads(full.text())["@graph"][0]["description"] == "Some text."
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = {
        e.findtext("a:title", namespaces=ns): e
        for e in ET.parse(root / "public/feed.xml").getroot().findall("a:entry", ns)
    }
    assert entries["Header Only"].find("a:summary", ns) is None
    assert entries["Header Only"].find("a:content", ns) is not None
    assert entries["Full"].findtext("a:summary", namespaces=ns) == "Some text."


def test_a_cited_first_sentence_is_described_without_a_space_before_its_full_stop(site) -> None:
    """'two numbers [^bp].' was described as 'two numbers .' on the page's meta description,
    its card on the home page and its feed summary."""
    references = "\n  - {id: bp, title: Example source, url: 'https://example.org/bp'}"
    root = site(
        {"bp.md": article("BP", "Blood pressure is two numbers [^bp].", references=references)}
    )
    build_site(root)
    said = "Blood pressure is two numbers."
    page = parse(root / "public/bp/index.html")
    assert page.css_first("meta[name='description']").attributes["content"] == said
    card = parse(root / "public/index.html").css_first(".card-description")
    assert card is not None and card.text() == said
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(root / "public/feed.xml").getroot()
    assert feed.findtext("a:entry/a:summary", namespaces=ns) == said


def test_site_templates_and_static_override_the_theme(site) -> None:
    root = site(
        {"a.md": article("A")},
        files={
            "templates/404.html": '{% extends "base.html" %}{% block main %}<h1>Lost</h1>{% endblock %}',
            "static/assets/style.css": "body{}",
            "static/favicon.ico": "icon",
        },
    )
    build_site(root)
    assert parse(root / "public/404.html").css_first("h1").text() == "Lost"
    assert (root / "public/assets/style.css").read_text() == "body{}"
    assert (root / "public/favicon.ico").read_text() == "icon"
    assert (root / "public/assets/comments.js").is_file()


def test_hidden_and_editor_files_in_static_are_not_published(site) -> None:
    """The repo keeps empty templates/ and static/ with a .gitkeep: neither may leak or break."""
    root = site(
        {"a.md": article("A")},
        files={
            "templates/.gitkeep": "",
            "static/.gitkeep": "",
            "static/docs/.secret": "x",
            "static/.git/config": "x",
            "static/#notes.txt#": "x",
            "static/~lock.txt": "x",
            "static/docs/guide.txt": "kept",
            "static/.well-known/security.txt": "Contact: mailto:security@example.org\n",
            "static/.well-known/.draft": "x",
        },
    )
    build_site(root)
    out = root / "public"
    published = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert "docs/guide.txt" in published
    assert ".well-known/security.txt" in published  # RFC 8615: published though hidden
    hidden = [p for p in published if any(part[0] in ".#~" for part in p.split("/"))]
    # and the mark of an output articlegen made, and its record (layout.OUTPUT_MARKER, _FILES)
    assert sorted(hidden) == [".articlegen-files", ".articlegen-output", ".well-known/security.txt"]


def test_json_ld_cannot_break_out_of_its_script(site) -> None:
    root = site({"a.md": article("Evil </script><script>alert(1)</script>")})
    build_site(root)
    page = parse(root / "public/a/index.html")
    scripts = page.css("script:not([src])")  # the theme's menu.js aside
    assert len(scripts) == 1 and scripts[0].attributes["type"] == "application/ld+json"
    assert page.css_first("h1").text() == "Evil </script><script>alert(1)</script>"


def test_html_comments_in_an_article_reach_no_page_or_feed(site) -> None:
    note = "TODO ask Example Reviewer about the dose"
    root = site(
        {
            "zinc.md": article(
                "Zinc",
                f"<!-- {note} -->\n\nZinc helps some men <!-- {note} -->when they are low.",
            )
        }
    )
    build_site(root)
    out = root / "public"
    page = parse(out / "zinc" / "index.html")
    assert page.css_first("article .body p").text() == "Zinc helps some men when they are low."
    published = [
        p.read_text(encoding="utf-8") for p in out.rglob("*") if p.suffix in (".html", ".xml")
    ]
    assert not [text for text in published if "TODO" in text]
