"""Cross-links as a new author writes them, end to end: titles typed with a phone's or a word
processor's punctuation, and the "did you mean" of a link that names nothing."""

from __future__ import annotations

from tests.conftest import article, parse

TITLE = "Sleep and Men's Health: What's Normal?"
TYPED = "Sleep and Men\u2019s Health: What\u2019s Normal?"


def test_a_title_typed_with_curly_apostrophes_links_from_body_and_see_also(site, run_cli) -> None:
    root = site(
        {
            "sleep.md": article(TITLE),
            "walking.md": article("Walking", f"See [[{TYPED}]].", see_also=f'["{TYPED}"]'),
        }
    )
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 0, err
    page = parse(root / "public" / "walking" / "index.html")
    hrefs = [a.attributes["href"] for a in page.css("section.see-also a, a.internal")]
    assert hrefs == ["/sleep/", "/sleep/"]


def test_links_that_named_one_title_ignoring_case_still_build_beside_a_title_typed_alike(
    site, run_cli
) -> None:
    """Each link resolves as it did before titles were folded: ignoring case comes first."""
    body = "See [[don't stop]] and [[DON\u2019T STOP]] and [[Don't Stop]]."
    root = site(
        {
            "a.md": article("Don't Stop"),
            "b.md": article("Don\u2019t Stop"),
            "c.md": article("Walking", body, see_also='["don\'t stop"]'),
        }
    )
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 0, err
    page = parse(root / "public" / "c" / "index.html")
    hrefs = [a.attributes["href"] for a in page.css("section.see-also a, a.internal")]
    assert hrefs == ["/a/", "/b/", "/a/", "/a/"]  # the body's three, then See Also
    assert "title 'Don\u2019t Stop' differs only in their apostrophes" in err  # still alike


def test_a_hidden_difference_made_twice_is_said_once_with_its_count(site, run_cli) -> None:
    cyrillic = "K\u0435tamin\u0435 and Sleep"  # two Cyrillic IEs
    root = site(
        {
            "ketamine.md": article("Ketamine and Sleep"),
            "walking.md": article("Walking", f"See [[{cyrillic}]]."),
        }
    )
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 1
    assert [line for line in err.splitlines() if line.startswith("error: content/")] == [
        f"error: content/walking.md:6: link '{cyrillic}' matches no article or page (did you mean"
        " 'Ketamine and Sleep' (yours has U+0435 CYRILLIC SMALL LETTER IE where it has U+0065"
        " LATIN SMALL LETTER E, 2 times)?) — link by slug, by file (content/x.md) or by exact"
        " title"
    ]


def test_a_link_written_as_a_bare_slug_is_offered_the_article_it_names(site, run_cli) -> None:
    body = "Try [walking](walking), [on foot](walking/) or [a walk](walking.html)."
    root = site(
        {
            "walking.md": article("Walking"),
            "blood-pressure-basics.md": article(
                "Blood Pressure Basics", body, tags="[blood-pressure]"
            ),
        }
    )
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 1
    ways = (
        "link to content/walking.md as [text](walking.md), as [[walking]] or as [text](/walking/)"
    )
    from_page = (
        " — a path without a leading '/' is read from this article's address,"
        f" /blood-pressure-basics/, as a browser reads it: {ways}"
    )
    assert [line for line in err.splitlines() if line.startswith("error: content/")] == [
        f"error: content/blood-pressure-basics.md:7: link '{written}' leads to {path}, where this"
        f" site publishes no page or file (did you mean {offered}?){hint}"
        for written, path, offered, hint in [
            (
                "walking",
                "/blood-pressure-basics/walking",
                "'walking.md' or '[[walking]]' or '/walking/'",
                from_page,
            ),
            (
                "walking/",
                "/blood-pressure-basics/walking/",
                "'walking.md' or '[[walking]]' or '/walking/'",
                from_page,
            ),
            (
                "walking.html",
                "/walking.html",
                "'/walking/' or 'walking.md' or '[[walking]]'",
                " — a path to a file without a leading '/' is read from static/: put the file in"
                f" static/ (static/walking.html), or {ways}",
            ),
        ]
    ]


def test_a_file_name_misspelt_is_offered_the_static_file_before_any_article(site, run_cli) -> None:
    root = site(
        {
            "guides/walking.md": article("Walking"),
            "bp.md": article("Blood Pressure", "A [h](walkin.html)"),
        },
        files={"static/walking.html": "<p>Walking</p>"},
    )
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 1
    assert [line for line in err.splitlines() if line.startswith("error: content/")] == [
        "error: content/bp.md:6: link 'walkin.html' leads to /walkin.html, where this site"
        " publishes no page or file (did you mean '/walking.html' or '/walking/'?) — put the"
        " file in static/ (static/walkin.html) or fix the link (a file of static/ is written"
        " relative to static/, a page from the site's root with a leading '/')"
    ]


SLEEP_REFS = """\
---
title: "Sleep"
date: 2024-01-01
references:
  - id: cdc-sleep
    title: "How Much Sleep Do I Need?"
    url: https://www.cdc.gov/sleep/
  - id: nhlbi-sleep
    title: "Sleep Deprivation"
    url: https://www.nhlbi.nih.gov/health/sleep-deprivation
---

Adults need seven hours[^cdc], and lack of sleep[^sleep] harms the heart.
"""


def test_a_citation_cut_short_is_offered_the_id_it_begins(site, run_cli) -> None:
    root = site({"sleep.md": SLEEP_REFS})
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 1
    assert [line for line in err.splitlines() if line.startswith("error: content/")] == [
        "error: content/sleep.md:13: citation [^cdc] names no reference (did you mean"
        " 'cdc-sleep'?) — add it to 'references:' with 'id: cdc'",
        "error: content/sleep.md:13: citation [^sleep] names no reference (did you mean"
        " 'cdc-sleep' or 'nhlbi-sleep'?) — add it to 'references:' with 'id: sleep'",
    ]


def test_the_linking_page_is_not_offered_and_the_ways_keep_the_fragment(site, run_cli) -> None:
    """From a second review: /walkin/ was offered to the page at /walkin/ itself (named alike
    to 'walking'), and the ways to link dropped '#risks', which the link meant too."""
    root = site(
        {
            "walking.md": article("Walking", "## Risks\n\nText."),
            "walkin.md": article("Walkin", "See [a](walking) and [b](walking#risks)."),
        }
    )
    code, _out, err = run_cli("check", "--site", root)
    assert code == 1
    first, second = [line for line in err.splitlines() if line.startswith("error: content/")]
    assert "'/walkin/'" not in first and "(did you mean '/walking/' or 'walking.md' or" in first
    assert "[[walking#risks]]" in second and "[text](walking.md#risks)" in second
    assert "[text](/walking/#risks)" in second
