"""The Pagefind index and the search page, with Pagefind present, absent, off, or failing."""

from __future__ import annotations

import gzip
import json
import stat
from pathlib import Path

import pytest

from articlegen import build
from articlegen.core.programs import find_pagefind
from articlegen.output.pagefindindex import SIGNATURE
from articlegen.output.search import MISSING_NOTE
from tests.browser.conftest import need
from tests.conftest import SITE_YAML, article, parse
from tests.helpers import snapshot
from tests.integration.test_images import add_image

ARTICLES = {
    "a.md": article("Ketamine Basics", "Ketamine blocks NMDA receptors.", tags="[ketamine]"),
    "b.md": article("Sleep", "Sleep matters.", see_also="[a]"),
}


@pytest.fixture
def pagefind_installed() -> None:
    """Skip without Pagefind on a developer's machine; fail where the browser tools must be."""
    need(
        find_pagefind() is not None,
        "Pagefind is not installed: pip install -e '.[dev]'",
    )


needs_pagefind = pytest.mark.usefixtures("pagefind_installed")


def nav_links(page: Path) -> list[str]:
    return [a.text() for a in parse(page).css(".site-header nav a")]


@needs_pagefind
def test_build_writes_the_index_of_the_articles_only_and_a_search_page(site, run_cli) -> None:
    root = site(ARTICLES)
    code, _, err = run_cli("build", "--site", root)
    assert code == 0 and "note:" not in err
    public = root / "public"
    entry = json.loads((public / "pagefind" / "pagefind-entry.json").read_text())
    assert sum(language["page_count"] for language in entry["languages"].values()) == 2
    assert (public / "pagefind" / "pagefind.js").is_file()
    page = parse(public / "search" / "index.html")
    form = page.css_first("form[role=search]")
    assert form.attributes["action"] == "/search/"
    assert page.css_first("label[for=search-input]") is not None
    script = page.css_first("script[src='/assets/search.js']")
    assert script.attributes["data-index"] == "/pagefind/pagefind.js"
    assert "Search" in nav_links(public / "index.html")
    assert parse(public / "a" / "index.html").css("article[data-pagefind-body]")
    assert not parse(public / "index.html").css("[data-pagefind-body]")


@needs_pagefind
def test_the_not_found_page_has_the_search_box_when_the_site_has_search(site, run_cli) -> None:
    """A reader who followed a dead link can search from the 404 page: the search page's own
    box, sending the words to it as ?q=; a site built with search off has none."""
    root = site(ARTICLES)
    assert run_cli("build", "--site", root)[0] == 0
    missing = parse(root / "public" / "404.html")
    form = missing.css_first("main form[role=search]")
    assert form is not None and form.attributes["action"] == "/search/"
    assert form.css_first("input[type=search]").attributes["name"] == "q"
    assert missing.css_first("label[for=search-input]").text() == "Search the articles"
    (root / "site.yaml").write_text((root / "site.yaml").read_text() + "search: false\n")
    assert run_cli("build", "--site", root)[0] == 0
    assert parse(root / "public" / "404.html").css_first("form[role=search]") is None


@needs_pagefind
def test_index_is_part_of_the_byte_identical_output(site, run_cli, tmp_path: Path) -> None:
    root = site(ARTICLES)
    assert run_cli("build", "--site", root, "--output", tmp_path / "one")[0] == 0
    assert run_cli("build", "--site", root, "--output", tmp_path / "two")[0] == 0
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_without_pagefind_the_site_builds_without_search_and_says_so_once(
    site, run_cli, monkeypatch
) -> None:
    monkeypatch.setattr(build, "find_pagefind", lambda: None)
    root = site(ARTICLES)
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines().count(f"note: {MISSING_NOTE}") == 1
    assert not (root / "public" / "search").exists()
    assert not (root / "public" / "pagefind").exists()
    assert "Search" not in nav_links(root / "public" / "index.html")


def test_check_builds_no_index_so_says_nothing_of_pagefind(site, run_cli, monkeypatch) -> None:
    monkeypatch.setattr(build, "find_pagefind", lambda: None)
    root = site(ARTICLES)
    code, out, err = run_cli("check", "--site", root)
    assert code == 0 and out.endswith("; no output written\n")
    assert "Pagefind" not in err and "note:" not in err


def test_search_false_turns_it_off_without_a_note(site, run_cli) -> None:
    root = site(ARTICLES, site_yaml=SITE_YAML + "search: false\n")
    code, _, err = run_cli("build", "--site", root)
    assert (code, err) == (0, "")
    assert not (root / "public" / "search").exists()
    assert not (root / "public" / "pagefind").exists()


def test_a_failing_index_keeps_the_previous_site(site, run_cli, monkeypatch, tmp_path) -> None:
    root = site(ARTICLES, site_yaml=SITE_YAML + "search: false\n")
    assert run_cli("build", "--site", root)[0] == 0
    before = snapshot(root / "public")
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'Error: disk on fire' >&2\nexit 2\n", encoding="utf-8")
    broken.chmod(broken.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(build, "find_pagefind", lambda: broken)
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    code, _, err = run_cli("build", "--site", root)
    assert code == 1 and "Traceback" not in err
    assert (
        "error: the search index failed (Pagefind exit code 2): Error: disk on fire — "
        "set 'search: false' in site.yaml to build without search"
    ) in err
    assert snapshot(root / "public") == before
    assert not [p for p in root.iterdir() if ".staging" in p.name]


@needs_pagefind
def test_a_static_file_where_the_index_goes_is_an_error_not_lost(site, run_cli) -> None:
    root = site(ARTICLES)
    (root / "static" / "pagefind").mkdir(parents=True)
    (root / "static" / "pagefind" / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = run_cli("build", "--site", root)
    assert code == 1 and "Traceback" not in err
    assert (
        "error: static/pagefind/notes.txt: would be published in pagefind/, where the search "
        "index goes — move it out of a 'pagefind' folder, or set 'search: false'"
    ) in err
    assert not (root / "public").exists()
    (root / "site.yaml").write_text(SITE_YAML + "search: false\n", encoding="utf-8")
    assert run_cli("build", "--site", root)[0] == 0
    assert (root / "public" / "pagefind" / "notes.txt").read_text(encoding="utf-8") == "mine"


@needs_pagefind
@pytest.mark.parametrize("args", [("check",), ("check", "--strict"), ("build", "--strict")])
def test_check_and_strict_say_a_static_file_where_the_index_goes_in_one_run(
    site, run_cli, args: tuple[str, ...]
) -> None:
    """Telling needs no writing: ``check`` says it, and ``--strict`` with its warnings."""
    alone = {"c.md": article("Alone", "Nothing links here.")}
    root = site(ARTICLES | alone, site_yaml=SITE_YAML + "warn_unlinked: true\n")
    (root / "static" / "pagefind").mkdir(parents=True)
    (root / "static" / "pagefind" / "x.js").write_text("mine", encoding="utf-8")
    code, _, err = run_cli(*args, "--site", root)
    assert code == 1
    assert "error: static/pagefind/x.js: would be published in pagefind/, where" in err
    assert ("error: content/c.md" in err) == ("--strict" in args)  # unlinked: a warning
    assert not (root / "public").exists()


@needs_pagefind
def test_a_static_html_file_is_published_as_it_is_and_not_indexed(
    site, run_cli, tmp_path: Path
) -> None:
    """A page kept from an old site (in ``static/``) may carry Pagefind's own attribute: the
    index holds the articles and pages, one each, which is what its page count is checked
    against."""
    root = site(ARTICLES)
    old = "<html><body><main data-pagefind-body><p>Old zinc notes.</p></main></body></html>\n"
    (root / "static" / "old").mkdir(parents=True)
    (root / "static" / "old" / "notes.html").write_text(old, encoding="utf-8")
    code, _, err = run_cli("build", "--site", root)
    assert (code, err) == (0, "")
    public = root / "public"
    assert (public / "old" / "notes.html").read_text(encoding="utf-8") == old
    entry = json.loads((public / "pagefind" / "pagefind-entry.json").read_text())
    assert sum(language["page_count"] for language in entry["languages"].values()) == 2
    assert run_cli("build", "--site", root, "--output", tmp_path / "again")[0] == 0
    assert snapshot(public) == snapshot(tmp_path / "again")


@needs_pagefind
def test_the_byline_and_the_disclaimer_are_not_indexed_so_they_match_no_article(
    site, run_cli
) -> None:
    """Every article has a byline (date, author, review status, reading time) and the site's
    disclaimer: indexed, a search for "clinician" or "December" listed every article, each
    with an excerpt of that boilerplate. Only the article's own words are indexed."""
    site_yaml = SITE_YAML + 'disclaimer: "Not medical advice: ask a clinician."\n'
    root = site(
        {
            "a.md": article("Zinc", "Zinc supports the immune system.", date="2024-12-02"),
            "b.md": article("Rest", "Rest days help.", date="2024-12-03", updated="2024-12-09"),
            "pages/about.md": '---\ntitle: "About"\nupdated: 2024-12-04\n---\n\nWho we are.\n',
        },
        site_yaml=site_yaml,
    )
    code, _, err = run_cli("build", "--site", root)
    assert (code, err) == (0, "")
    indexed = {page["url"]: page["content"] for page in fragments(root / "public" / "pagefind")}
    assert set(indexed) == {"/a/", "/b/", "/about/"}
    assert "Zinc supports the immune system." in indexed["/a/"]
    assert "Rest days help." in indexed["/b/"]
    assert "Who we are." in indexed["/about/"]
    for url, content in indexed.items():
        for boilerplate in ("clinician", "December", "min read", "Example Author", "updated"):
            assert boilerplate not in content, (url, boilerplate)


def fragments(index: Path) -> list[dict[str, str]]:
    """What Pagefind holds of each page: its fragment's JSON (URL, indexed text)."""
    found = []
    for path in sorted((index / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        found.append(json.loads(data[len(SIGNATURE) :]))
    return found


@needs_pagefind
def test_a_headings_link_to_itself_is_not_indexed_so_excerpts_show_no_hash(site, run_cli) -> None:
    """Each level 2 and 3 heading ends with a "#" link to itself: indexed, every excerpt
    across a heading read "The risks # Ketamine can…"."""
    body = (
        "Zinc basics.\n\n## The risks\n\nToo much zinc upsets the stomach.\n\n### Doses\n\nSmall."
    )
    root = site({"a.md": article("Zinc", body)})
    assert run_cli("build", "--site", root)[0] == 0
    page = parse(root / "public" / "a" / "index.html")
    assert [a.text() for a in page.css("h2 .header-anchor, h3 .header-anchor")] == ["#", "#"]
    (indexed,) = fragments(root / "public" / "pagefind")
    assert "The risks" in indexed["content"] and "Doses" in indexed["content"]
    assert "#" not in indexed["content"]
    assert "Link to section" not in indexed["content"]  # the links' names, not indexed either


@needs_pagefind
def test_the_title_and_tags_are_metadata_not_text_so_excerpts_start_with_the_body(
    site, run_cli
) -> None:
    """The title and the tag list were indexed as text, so every excerpt near the top of an
    article read "Zinc Basics. minerals. immunity. Zinc supports…". They are metadata now:
    searched (the title with a boost), shown as the result's title, not in its excerpt."""
    about = '---\ntitle: "About These Notes"\nupdated: 2024-12-04\n---\n\nWho we are.\n'
    root = site(
        {
            "a.md": article(
                "Zinc Basics", "Zinc supports the immune system.", tags="[minerals, immunity]"
            ),
            "pages/about.md": about,
        }
    )
    assert run_cli("build", "--site", root)[0] == 0
    indexed = {page["url"]: page for page in fragments(root / "public" / "pagefind")}
    assert indexed["/a/"]["content"] == "Zinc supports the immune system."
    assert indexed["/a/"]["meta"]["title"] == "Zinc Basics"
    assert indexed["/a/"]["meta"]["tags"] == "minerals, immunity"
    assert indexed["/about/"]["content"] == "Who we are."
    assert indexed["/about/"]["meta"]["title"] == "About These Notes"


@needs_pagefind
def test_a_heading_ends_its_sentence_in_excerpts_before_its_own_link(site, run_cli) -> None:
    """The space before a heading's "#" link, left when the link was left out, kept Pagefind
    from ending the heading as a sentence: excerpts read "What sleep apnea is In obstructive
    sleep apnea…". It ends with a full stop as a heading without the link does; a heading
    ending in its own punctuation keeps it."""
    body = "Zinc basics.\n\n## The risks\n\nToo much zinc hurts.\n\n### Is it safe?\n\nMostly."
    root = site({"a.md": article("Zinc", body)})
    assert run_cli("build", "--site", root)[0] == 0
    page = parse(root / "public" / "a" / "index.html")
    assert [h.text(deep=True) for h in page.css("h2:not(#toc-title), h3")] == [
        "The risks #",
        "Is it safe? #",
    ]  # the page keeps its space before the link
    (indexed,) = fragments(root / "public" / "pagefind")
    assert indexed["content"] == "Zinc basics. The risks. Too much zinc hurts. Is it safe? Mostly."


@needs_pagefind
def test_a_references_links_back_to_its_citations_are_not_indexed(site, run_cli) -> None:
    """A reference's links back to where it is cited ("↩", or "↩ 1 2 3" for three) were
    indexed as text, so excerpts across the references read "…Statistics Report, 2020. ↩123
    US Preventive Services Task Force…". The references themselves are still indexed."""
    references = """
  - id: cdc
    title: "Prevalence of Prediabetes"
    url: https://example.org/sources/cdc
    publisher: "Example Agency"
    date: 2020-05-01
  - id: trial
    title: "A Prevention Trial"
    url: https://example.org/sources/trial"""
    body = "Common[^cdc]. Preventable[^trial], often[^cdc]; see the trial[^trial][^cdc]."
    root = site({"a.md": article("Zinc", body, references=references)})
    assert run_cli("build", "--site", root)[0] == 0
    page = parse(root / "public" / "a" / "index.html")
    assert [a.text() for a in page.css(".references a.backlink")] == ["1", "2", "3", "1", "2"]
    (indexed,) = fragments(root / "public" / "pagefind")
    text = indexed["content"]
    assert "↩" not in text and "Back to citation" not in text
    assert "Prevalence of Prediabetes. Example Agency, 1 May 2020. A Prevention Trial." in text


@needs_pagefind
def test_citation_numbers_are_not_indexed_so_excerpts_read_as_the_text(site, run_cli) -> None:
    """A citation's number ([1]) was indexed as text, so excerpts read "Common [1].
    Preventable [2], often [1]; see the trial [2] [1].": the page keeps them, the index
    does not."""
    references = """
  - id: one
    title: "Placeholder Source One"
    url: https://example.org/sources/one
  - id: two
    title: "Placeholder Source Two"
    url: https://example.org/sources/two"""
    body = (
        "Common[^one]. Preventable [^two], often [^one]; see the trial [^two] [^one].\n\n"
        "More (see [^two]) and[^one]then, as [^two]said.\n"
    )
    root = site({"a.md": article("Zinc", body, references=references)})
    assert run_cli("build", "--site", root)[0] == 0
    page = parse(root / "public" / "a" / "index.html")
    shown = [s.text() for s in page.css(".body sup.citation")]
    assert shown == ["[1]", "[2]", "[1]", "[2]", "[1]", "[2]", "[1]", "[2]"]
    (indexed,) = fragments(root / "public" / "pagefind")
    assert indexed["content"].startswith(
        "Common. Preventable, often; see the trial. More (see) andthen, as said."
    )


@needs_pagefind
def test_an_article_or_page_of_a_picture_alone_is_found_by_its_title(site, run_cli) -> None:
    """With the title metadata only, an article or page whose body is a picture alone had
    no text, and Pagefind leaves such a page out: the build failed ("the search index holds
    0 pages, expected 2"). Its title is its text then, as the one thing to show."""
    picture = "![A zinc chart](images/z.png)"
    page = f'---\ntitle: "Zinc Chart Page"\n---\n\n{picture}\n'
    root = site({"a.md": article("Zinc Chart", picture), "pages/chart.md": page})
    add_image(root, "images/z.png", (600, 400))
    code, _, err = run_cli("build", "--site", root)
    assert (code, err) == (0, "")
    indexed = {page["url"]: page for page in fragments(root / "public" / "pagefind")}
    assert indexed["/a/"]["content"] == "Zinc Chart."
    assert indexed["/chart/"]["content"] == "Zinc Chart Page."
    assert indexed["/a/"]["meta"]["title"] == "Zinc Chart"


@needs_pagefind
def test_an_image_s_credit_is_not_indexed_its_caption_is(site, run_cli) -> None:
    """The credit under an article's picture ("Image: Diagram drawn for …") was indexed, so
    an excerpt of the article's first lines read "…as in the table below. Image: Diagram
    drawn for Men's …" and a search for "image" listed every article with a credit. The
    caption is indexed."""
    image = '{src: images/z.png, alt: "A zinc chart", caption: "Zinc by age.", credit: "Jo Doe"}'
    root = site({"a.md": article("Zinc", "Zinc matters.", image=image)})
    add_image(root, "images/z.png", (600, 400))
    assert run_cli("build", "--site", root)[0] == 0
    page = parse(root / "public" / "a" / "index.html")
    assert page.css_first(".hero figcaption").text(deep=True) == "Zinc by age. Image: Jo Doe"
    (indexed,) = fragments(root / "public" / "pagefind")
    assert indexed["content"] == "Zinc by age. Zinc matters."
