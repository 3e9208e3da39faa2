"""Warnings: printed, counted, and turned into errors by --strict (build and check)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, article, parse
from tests.helpers import snapshot

LINKED = {"a.md": article("Alpha", see_also="[b]"), "b.md": article("Beta")}
LONELY = article("Gamma")
WARNING = (
    "warning: content/c.md:2: 'Gamma' is not linked: it has no See Also and no article "
    "links to it — add 'see_also:' to it, or link to it from a related article"
)


@pytest.fixture
def warned(site):
    return site({**LINKED, "c.md": LONELY}, site_yaml=SITE_YAML + "warn_unlinked: true\n")


def test_unlinked_article_is_a_warning_and_the_build_succeeds(warned: Path, run_cli) -> None:
    code, out, err = run_cli("build", "--site", warned)
    assert code == 0
    assert err.splitlines() == [WARNING]
    assert "3 articles, " in out and ", 1 warning;" in out
    assert (warned / "public/c/index.html").is_file()


def test_no_warning_unless_site_yaml_asks(site, run_cli) -> None:
    root = site({**LINKED, "c.md": LONELY})
    code, out, err = run_cli("build", "--site", root, "--strict")
    assert (code, err) == (0, "")
    assert "warning" not in out


def test_strict_build_fails_and_keeps_the_previous_site(warned: Path, run_cli) -> None:
    assert run_cli("build", "--site", warned)[0] == 0
    before = snapshot(warned / "public")
    (warned / "content/d.md").write_text(article("Delta"), encoding="utf-8")
    code, _, err = run_cli("build", "--site", warned, "--strict")
    assert code == 1
    assert err.splitlines() == [
        WARNING.replace("warning:", "error:", 1),
        WARNING.replace("warning:", "error:", 1).replace("c.md", "d.md").replace("Gamma", "Delta"),
        "error: 2 errors; nothing was written, the previous output is untouched",
    ]
    assert snapshot(warned / "public") == before


def test_strict_check_fails_too(warned: Path, run_cli) -> None:
    code, _, err = run_cli("check", "--site", warned, "--strict")
    assert code == 1
    assert WARNING.replace("warning:", "error:", 1) in err
    assert not (warned / "public").exists()


def test_check_without_strict_prints_the_warning(warned: Path, run_cli) -> None:
    code, out, err = run_cli("check", "--site", warned)
    assert code == 0 and WARNING in err and "1 warning" in out


def test_strict_passes_when_every_article_is_linked(site, run_cli) -> None:
    root = site(LINKED, site_yaml=SITE_YAML + "warn_unlinked: true\n")
    assert run_cli("build", "--site", root, "--strict")[:3:2] == (0, "")


def test_drafts_are_not_reported_as_unlinked(site, run_cli) -> None:
    draft = article("Draft", draft="true")
    root = site({**LINKED, "d.md": draft}, site_yaml=SITE_YAML + "warn_unlinked: true\n")
    assert run_cli("build", "--site", root, "--drafts", "--strict")[0] == 0


def test_warn_unlinked_must_be_a_flag(site, run_cli) -> None:
    root = site(LINKED, site_yaml=SITE_YAML + "warn_unlinked: often\n")
    code, _, err = run_cli("build", "--site", root)
    assert code == 1
    assert (
        "error: site.yaml:5: 'warn_unlinked' must be true or false, found the text 'often'" in err
    )


REMOTE_IMAGE = (
    "content/a.md:8: image https://example.org/r.png is loaded from another host on every page "
    "load and has no size — copy it into static/, e.g. static/images/r.png, and write "
    "![…](images/r.png): then it comes from this site, with its width and height"
)


def test_remote_image_is_a_warning_and_strict_makes_it_an_error(site, run_cli) -> None:
    root = site({"a.md": article("Alpha", "Intro.\n\n![A chart](https://example.org/r.png)")})
    code, out, err = run_cli("build", "--site", root)
    assert (code, err.splitlines()) == (0, [f"warning: {REMOTE_IMAGE}"])
    assert ", 1 warning;" in out
    code, _, err = run_cli("check", "--site", root, "--strict")
    assert code == 1 and f"error: {REMOTE_IMAGE}" in err.splitlines()


def test_a_tag_with_a_comma_is_one_tag_and_a_warning(site, run_cli) -> None:
    """``tags: sleep, heart health``, as other blog tools take tags, is one YAML text."""
    text = '---\ntitle: "Alpha"\ndate: 2024-01-01\ntags: sleep, heart health\n---\nText.\n'
    root = site({"a.md": text})
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [
        "warning: content/a.md:4: tag 'sleep, heart health' holds a comma, so it is one tag"
        " — for several tags write a list: tags: [sleep, heart health]"
    ]
    assert (root / "public/tags/sleep-heart-health/index.html").is_file()
    code, _, _ = run_cli("check", "--site", root, "--strict")
    assert code == 1


def test_a_tag_made_of_two_items_indented_differently_is_a_warning(site, run_cli) -> None:
    """A list item indented further than the one above it is, to YAML, more words of that
    item: '- sleep' then '   - heart health' made one tag, 'sleep - heart health', with no
    message (from a new-user trial)."""
    text = (
        '---\ntitle: "Alpha"\ndate: 2024-01-01\ntags:\n  - sleep\n   - heart health\n'
        "  - men\n---\nText.\n"
    )
    root = site({"a.md": text})
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [
        "warning: content/a.md:4: tag 'sleep - heart health' holds ' - ', so it is one tag —"
        " if it was meant as several, start each '- ' of the list at the same indent:"
        " tags: [sleep, heart health]"
    ]
    code, _, _ = run_cli("check", "--site", root, "--strict")
    assert code == 1


def test_a_tag_read_from_two_lines_is_a_warning_at_its_line(site, run_cli) -> None:
    """YAML joins a plain text continued on the next line with a space: a comma or a '- '
    left out made one tag, 'sleep hygiene', with no word said. A tag on one line, and one
    the writer quoted, say nothing."""
    flow = "---\ntitle: A\ndate: 2024-01-01\ntags: [men's health, sleep\n  hygiene]\n---\nText.\n"
    block = (
        "---\ntitle: B\ndate: 2024-01-02\ntags:\n  - sleep hygiene\n  - heart\n    rate\n"
        '    variability\n  - "long\n    quoted"\n---\nText.\n'
    )
    root = site({"a.md": flow, "b.md": block})
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [
        "warning: content/a.md:4: tag 'sleep hygiene' is written over 2 lines, which YAML joins"
        " into one tag — if you meant 2 tags, 'sleep' and 'hygiene', write them as items of the"
        " list ([sleep, hygiene], or each after its own '- '); if you meant one tag, write it on"
        " one line",
        "warning: content/b.md:6: tag 'heart rate variability' is written over 3 lines, which"
        " YAML joins into one tag — if you meant 3 tags, 'heart', 'rate' and 'variability',"
        " write them as items of the list ([heart, rate, variability], or each after its own"
        " '- '); if you meant one tag, write it on one line",
    ]
    assert run_cli("check", "--site", root, "--strict")[0] == 1


def test_tags_written_differently_that_share_a_page_are_a_warning(site, run_cli) -> None:
    """``C++`` and ``C`` both make the URL ``c``: one page would list both, named as one."""
    header = '---\ntitle: "{}"\ndate: 2024-01-0{}\ntags: [{}]\n---\nText.\n'
    root = site(
        {
            "a.md": header.format("Alpha", 1, "C++"),
            "b.md": header.format("Beta", 2, "C, Sleep"),
            "c.md": header.format("Gamma", 3, "c, sleep"),  # the same tags: case is no matter
        }
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [
        "warning: content/b.md:4: tags 'C' and 'C++' share one page, https://example.test/tags/c/"
        " (both make the URL 'c') — if they are one tag, write it one way; if not,"
        " add a word to one so that its URL differs"
    ]
    listed = parse(root / "public/tags/c/index.html").css(".card-title a")
    assert sorted(a.text(strip=True) for a in listed) == ["Alpha", "Beta", "Gamma"]
    code, _, _ = run_cli("check", "--site", root, "--strict")
    assert code == 1


def test_two_tags_of_one_list_that_make_one_page_are_a_warning_at_the_second(site, run_cli) -> None:
    """``tags: [C, C#]``: one page, /tags/c/, the article listed once under 'C', 'C#' shown
    nowhere. A block list too, each item at its own line; ``Sleep, sleep`` is one tag. The
    page is named by its address, under the site's base path."""
    root = site(
        {
            "a.md": '---\ntitle: "Alpha"\ndate: 2024-01-01\ntags: [C, C#, Sleep, sleep]\n---\nT.\n',
            "b.md": '---\ntitle: "Beta"\ndate: 2024-01-02\ntags:\n  - Omega-3\n  - heart\n'
            "  - Omega 3\n---\nText.\n",
        },
        site_yaml=SITE_YAML.replace("example.test/", "example.test/blog/"),
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [
        "warning: content/a.md:4: tags 'C#' and 'C' of this list make one page,"
        " https://example.test/blog/tags/c/ (both make the URL 'c'), so 'C#' is left out — if"
        " they are one tag, remove 'C#'; if not, add a word to one so that its URL differs",
        "warning: content/b.md:7: tags 'Omega 3' and 'Omega-3' of this list make one page,"
        " https://example.test/blog/tags/omega-3/ (both make the URL 'omega-3'), so 'Omega 3'"
        " is left out — if they are one tag, remove 'Omega 3'; if not, add a word to one so"
        " that its URL differs",
    ]
    assert (root / "content/b.md").read_text().splitlines()[6] == "  - Omega 3"
    tags = parse(root / "public/a/index.html").css('meta[property="article:tag"]')
    assert [m.attributes["content"] for m in tags] == ["C", "Sleep"]
    code, _, _ = run_cli("check", "--site", root, "--strict")
    assert code == 1


def test_a_description_written_in_markdown_is_a_warning_giving_the_plain_text(
    site, run_cli
) -> None:
    """``description:`` is plain text in meta tags, cards and feeds: Markdown there would
    show its asterisks and brackets. Text that only looks alike (``<``, ``&``, ``5 * 3``,
    ``snake_case``, ``C#``) says nothing."""
    root = site(
        {
            "a.md": article("Alpha", description='"What *really* helps"'),
            "b.md": article(
                "Beta", description='"Read [the advice](https://www.nhs.uk/) and [[a|Alpha]]"'
            ),
            "c.md": article("Gamma", description='"HbA1c < 7% & 5 * 3 in snake_case for C#"'),
        }
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    said = "'description' is plain text, not Markdown: it is shown as written, in search" + (
        " results, share cards, the article's card and the feeds — write the text alone:"
    )
    assert err.splitlines() == [
        f"warning: content/a.md:3: {said} description: What really helps",
        f"warning: content/b.md:3: {said} description: Read the advice and Alpha",
    ]
    meta = parse(root / "public/a/index.html").css_first('meta[name="description"]')
    assert meta.attributes["content"] == "What *really* helps"  # published as written
    code, _, _ = run_cli("check", "--site", root, "--strict")
    assert code == 1


def test_a_citation_in_a_description_is_a_warning_giving_the_text_without_it(site, run_cli) -> None:
    """A ``[^id]`` citation in ``description:`` is shown as written ("About sleep[^a] and
    more.") in the meta description, cards and feeds, where the body shows a number: the
    warning gives the text without it, and its space."""
    references = """
  - id: a
    title: "Placeholder Source"
    url: https://example.org/sources/a"""
    root = site(
        {
            "a.md": article(
                "Alpha",
                "Sleep[^a].",
                description='"About sleep [^a] and more."',
                references=references,
            )
        }
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [
        "warning: content/a.md:3: 'description' is plain text, not Markdown: it is shown as"
        " written, in search results, share cards, the article's card and the feeds — write the"
        " text alone: description: About sleep and more."
    ]
    meta = parse(root / "public/a/index.html").css_first('meta[name="description"]')
    assert meta.attributes["content"] == "About sleep [^a] and more."  # published as written
    coded = article("Alpha", "Sleep[^a].", description='"Cite with `[^id]` or `[[x]]`."',
                    references=references)  # fmt: skip
    (root / "content/a.md").write_text(coded)
    code, _, err = run_cli("build", "--site", root)
    assert err.splitlines()[0].endswith(
        'write the text alone: description: "Cite with [^id] or [[x]]."'
    ), err  # code spans show what they hold: no citation or wiki link is read in one


def test_a_see_also_item_naming_an_article_listed_above_is_a_warning_at_its_line(
    site, run_cli
) -> None:
    """``see_also`` items naming one article twice (by title, then slug or file) were shown
    once without a word, where the second was most likely meant for another article. The
    same article with another #id is another link, and says nothing."""
    root = site(
        {
            "heart.md": article("Heart Health", "## Blood pressure\n\nText."),
            "a.md": article(
                "Alpha",
                see_also="\n  - Heart Health\n  - heart#blood-pressure\n  - content/heart.md",
            ),
            "b.md": article("Beta", see_also='[heart, "Heart Health"]'),
        }
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    hint = "remove this item, or name the article it was meant to be"
    assert err.splitlines() == [
        "warning: content/a.md:6: see_also 'content/heart.md' links to what 'Heart Health' on"
        f" line 4 does, so the See Also shows it once — {hint}",
        "warning: content/b.md:3: see_also 'Heart Health' links to what 'heart' before it does,"
        f" so the See Also shows it once — {hint}",
    ]
    cards = parse(root / "public/b/index.html").css(".see-also h3 a, .see-also .card a")
    assert len({a.attributes["href"] for a in cards}) == 1


def test_a_level_one_heading_in_the_text_is_a_warning_at_its_line(site, run_cli) -> None:
    """A pasted article often repeats its title as ``# Title``: the page would have two h1."""
    root = site({"a.md": article("Alpha", "# Alpha\n\nText.\n\n## A section\n\nMore.")})
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    (line,) = err.splitlines()
    assert line.startswith("warning: content/a.md:")
    assert "a level-1 heading (# …) in the text" in line
    number = int(line.split(":")[2])
    assert (root / "content/a.md").read_text().splitlines()[number - 1] == "# Alpha"
    assert len(parse(root / "public/a/index.html").css("h1")) == 2  # built, as warned
    code, _, _ = run_cli("check", "--site", root, "--strict")
    assert code == 1


def test_a_sources_heading_beside_references_is_a_warning_at_its_line(site, run_cli) -> None:
    """A writer's own '## References' list beside 'references:' gave the page two lists of
    sources (the writer's, unnumbered, and the one the build makes) without a word; an
    article without 'references:' keeps its own section unremarked."""
    references = "\n  - {id: a, title: A source, url: 'https://example.org/a'}"
    body = "Cited.[^a]\n\n## References:\n\n1. A source\n\nSources\n-------\n\nMore.\n"
    root = site(
        {
            "a.md": article("Alpha", body, references=references),
            "b.md": article("Beta", "Text.\n\n## References\n\n- https://example.org/b\n"),
        }
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    hint = (
        "remove this heading, and the list under it once each of its sources is an item of"
        " 'references:' (cited in the text as [^id])"
    )
    assert err.splitlines() == [
        f"warning: content/a.md:{line}: a heading '{text}' in the text: the page lists the"
        " article's 'references:' under a References heading of its own, after the text, so"
        f" it would show two lists of sources — {hint}"
        for line, text in ((10, "References:"), (14, "Sources"))
    ]
    lines = (root / "content/a.md").read_text().splitlines()
    assert (lines[9], lines[13]) == ("## References:", "Sources")
    assert [h.text().strip(" #") for h in parse(root / "public/a/index.html").css("h2")][:3] == [
        "References:",
        "Sources",
        "References",
    ]


def test_a_link_to_the_preview_is_a_warning_giving_the_path(site, run_cli) -> None:
    """An address copied from the preview's address bar (http://localhost:8000/beta/) was
    published as it is: each reader's browser looked on the reader's own computer."""
    body = "See [beta](http://localhost:8000/beta/#top) and <http://127.0.0.1:8000/>.\n"
    root = site(
        {
            "a.md": article("Alpha", body, see_also="['http://[::1]:8000/beta/|Beta']"),
            "b.md": article("Beta", "[c](https://localhost.example.org/) [d](http://10.0.0.1/)"),
        }
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    said = "leads to the reader's own computer, not to this site (an address of the preview,"
    hint = "which the build checks (or [[slug]] for an article)"
    assert err.splitlines() == [
        f"warning: content/a.md:3: see_also 'http://[::1]:8000/beta/|Beta' {said} copied from"
        f" its address bar?) — write the path alone, /beta/, {hint}",
        f"warning: content/a.md:7: link 'http://localhost:8000/beta/#top' {said} copied from"
        f" its address bar?) — write the path alone, /beta/#top, {hint}",
        f"warning: content/a.md:7: link 'http://127.0.0.1:8000/' {said} copied from its address"
        f" bar?) — write the path alone, /, {hint}",
    ]


def test_html_tags_shown_as_text_are_a_warning_at_their_line(site, run_cli) -> None:
    """Without ``allow_html``, ``H<sub>2</sub>O`` is published with its tags as text: a
    writer is told at each line holding tags; ``a < b``, autolinks and code say nothing, and
    a site allowing HTML is told nothing."""
    body = (
        "Intro with a < b, <5 mg and <https://example.com>.\n\n"
        "Aim for 150 minutes<br>a week. Water is H<sub>2</sub>O.\n\n"
        "Again: CO<sub>2</sub> and `<p>`.\n"
    )
    root = site({"a.md": article("Alpha", body)})
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [
        "warning: content/a.md:8: <br> and <sub> are shown as text, not as HTML: this site"
        " does not allow raw HTML (allow_html: false) — instead write a line ending in \\ for"
        " a line break, Unicode's sub- and superscript characters (H₂O, m²); or set markdown:"
        " {allow_html: true} in site.yaml",
        "warning: content/a.md:10: <sub> is shown as text, not as HTML: this site does not"
        " allow raw HTML (allow_html: false) — instead write Unicode's sub- and superscript"
        " characters (H₂O, m²); or set markdown: {allow_html: true} in site.yaml",
    ]
    assert (root / "content/a.md").read_text().splitlines()[7].startswith("Aim for")
    page = (root / "public/a/index.html").read_text()
    assert "minutes&lt;br&gt;a week. Water is H&lt;sub&gt;2&lt;/sub&gt;O." in page
    code, _, err = run_cli("build", "--site", root, "--strict")
    assert code == 1
    assert "error: content/a.md:8: <br> and <sub> are shown as text" in err
    site({}, site_yaml=SITE_YAML + "markdown: {allow_html: true}\n")  # the same site
    code, _, err = run_cli("build", "--site", root, "--strict")
    assert (code, err) == (0, "")
    assert "H<sub>2</sub>O" in (root / "public/a/index.html").read_text()


def test_a_line_break_tag_in_a_table_is_told_what_a_table_allows(site, run_cli) -> None:
    """A table's row is one line: 'a line ending in \\' cannot be written in its cell."""
    body = "| Dose | When |\n|---|---|\n| 5 mg<br>10 mg | morning |\n"
    root = site({"a.md": article("Alpha", body)})
    code, _, err = run_cli("build", "--site", root)
    assert (code, err.splitlines()) == (
        0,
        [
            "warning: content/a.md:8: <br> is shown as text, not as HTML: this site does not"
            " allow raw HTML (allow_html: false) — instead write the text over more rows or"
            " cells (a table's row is one line, so no Markdown line break, paragraph, list or"
            " heading fits in a cell); or set markdown: {allow_html: true} in site.yaml"
        ],
    )


def test_a_title_written_in_markdown_is_a_warning_giving_the_plain_text(site, run_cli) -> None:
    """``title:`` is plain text in the page's ``<h1>`` and ``<title>``, cards and feeds, as a
    description is: told by the same rule, so ``5*3``, ``C++``, ``Q&A`` say nothing."""
    root = site(
        {
            "a.md": article("Talking About *Low* Mood"),
            "b.md": article("5*3 = 15: C++, Q&A, Rock & Roll and A * B [Updated]"),
        }
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [
        "warning: content/a.md:2: 'title' is plain text, not Markdown: it is shown as written,"
        " in the page's heading, the browser's tab, search results and wherever it is listed"
        " — write the text alone: title: Talking About Low Mood"
    ]
    page = parse(root / "public/a/index.html")
    assert page.css_first("h1").text() == "Talking About *Low* Mood"  # published as written
    code, _, err = run_cli("build", "--site", root, "--strict")
    assert code == 1
    assert "error: content/a.md:2: 'title' is plain text, not Markdown" in err


SAME_TITLE = (
    "warning: content/bp-again.md:2: title 'Blood Pressure Basics' is also the title of"
    " content/blood-pressure-basics.md — readers see two entries alike on the home page, the"
    " archive and the feed; give one a title of its own"
)


@pytest.fixture
def same_titles(site):
    return site(
        {
            "blood-pressure-basics.md": article("Blood Pressure Basics", "First."),
            "bp-again.md": article("Blood Pressure Basics", "Second.", date="2024-02-01"),
        }
    )


def test_two_articles_with_one_title_are_a_warning_at_the_second(same_titles, run_cli) -> None:
    """They built without a word, the home page and the feed listing two entries alike; only
    a link by the title, written later, failed for naming both."""
    code, out, err = run_cli("build", "--site", same_titles)
    assert code == 0
    assert err.splitlines() == [SAME_TITLE]
    assert ", 1 warning;" in out
    home = parse(same_titles / "public/index.html").css(".card-title a")
    assert [a.text() for a in home] == ["Blood Pressure Basics"] * 2  # as it warns
    code, _, err = run_cli("check", "--site", same_titles, "--strict")
    assert code == 1 and SAME_TITLE.replace("warning:", "error:", 1) in err.splitlines()


def test_the_warning_agrees_with_the_error_of_a_link_by_that_title(same_titles, run_cli) -> None:
    (same_titles / "content/c.md").write_text(
        article("Gamma", "See [[Blood Pressure Basics]]."), encoding="utf-8"
    )
    code, _, err = run_cli("build", "--site", same_titles)
    assert code == 1  # the error, which the warning foretold
    assert err.splitlines()[0] == (
        "error: content/c.md:6: link 'Blood Pressure Basics' names 2 articles with the same"
        " title: content/blood-pressure-basics.md ('Blood Pressure Basics'), content/bp-again.md"
        " ('Blood Pressure Basics') — link by slug or by file instead, or give them different"
        " titles"
    )


def test_titles_alike_but_for_case_spacing_or_unicode_form_are_warned_too(site, run_cli) -> None:
    """Compared as links by title compare them: a link written in another case than both
    would name both."""
    root = site(
        {
            "a.md": article("Café  Culture", "First."),  # two spaces; é as one character
            "b.md": article("Cafe\u0301 culture", "Second."),  # e and a combining accent
            "c.md": article("Café Culture", "Third."),
        }
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    hint = (
        "readers see two entries alike on the home page, the archive and the feed; give one"
        " a title of its own"
    )
    assert err.splitlines() == [
        "warning: content/b.md:2: title 'Cafe\u0301 culture' differs only in case from"
        f" 'Café  Culture', the title of content/a.md — {hint}",
        f"warning: content/c.md:2: title 'Café Culture' is also the title of content/a.md — {hint}",
    ]


def test_a_draft_left_out_is_no_second_title_but_one_built_is(site, run_cli) -> None:
    root = site(
        {
            "a.md": article("Blood Pressure Basics"),
            "b.md": article("Blood Pressure Basics", draft="true"),
        }
    )
    assert run_cli("build", "--site", root, "--strict")[0] == 0
    code, _, err = run_cli("build", "--site", root, "--drafts")
    assert code == 0
    assert err.splitlines() == [
        "warning: content/b.md:2: title 'Blood Pressure Basics' is also the title of"
        " content/a.md — readers see two entries alike on the home page, the archive and the"
        " feed; give one a title of its own"
    ]


def test_a_page_titled_as_an_article_is_warned_of_its_links(site, run_cli) -> None:
    """A page is in no listing, but a link by the title would name both."""
    root = site(
        {"about.md": article("About"), "pages/about-us.md": "---\ntitle: About\n---\nUs.\n"}
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [
        "warning: content/pages/about-us.md:2: title 'About' is also the title of"
        " content/about.md — a link by this title ([[…]] or see_also) names both, which fails"
        " the build; give one a title of its own"
    ]
