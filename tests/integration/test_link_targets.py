"""Links by exact title end to end: this blog's own articles, and no cascades from one broken
file to the files linking to it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, article, parse

REPO = Path(__file__).parents[2]
FIRST = "Ketamine: The New Frontier in Mental Fitness for Health-Conscious Men"
"""The title of this blog's first article (content/ketamine-mental-fitness.md)."""


def test_this_blogs_first_article_links_by_its_full_colon_title(tmp_path: Path, run_cli) -> None:
    root = tmp_path / "blog"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "static", root / "static")  # site.yaml's share image
    trd = root / "content" / "treatment-resistant-depression.md"
    text = trd.read_text(encoding="utf-8")
    assert "  - ketamine-mental-fitness\n" in text
    assert "[[ketamine-mental-fitness|our ketamine overview]]" in text
    text = text.replace("  - ketamine-mental-fitness\n", f'  - "{FIRST}"\n').replace(
        "[[ketamine-mental-fitness|our ketamine overview]]",
        f"[[{FIRST}|our ketamine overview]], [[{FIRST}]] and [the overview](ketamine-mental-fitness.md)",
    )
    trd.write_text(text, encoding="utf-8")

    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 0, err

    page = parse(root / "public" / "treatment-resistant-depression" / "index.html")
    see_also = [(a.attributes["href"], a.text()) for a in page.css("section.see-also a")]
    assert ("/ketamine-mental-fitness/", FIRST) in see_also
    body = [(a.attributes["href"], a.text()) for a in page.css("a.internal")]
    for link in [
        ("/ketamine-mental-fitness/", "our ketamine overview"),
        ("/ketamine-mental-fitness/", FIRST),
        ("/ketamine-mental-fitness/", "the overview"),
    ]:
        assert link in body
    target = parse(root / "public" / "ketamine-mental-fitness" / "index.html")
    linkers = [a.attributes["href"] for a in target.css("section.linked-from a")]
    assert "/treatment-resistant-depression/" in linkers


TITLE = "Sleep Apnea: What Men Should Know?"
APNEA = f"""\
---
title: "{TITLE}"
slug: sleep-apnea
date: 2024-03-01
updated: 2024-04-01
description: "Snoring, tiredness and what helps."
author: "Example Author"
tags: [sleep, apnea]
see_also: [linker]
comments: false
draft: false
reviewed_by: example-reviewer
reviewed_on: 2024-03-05
references:
  - id: s1
    title: "A source"
    url: https://example.org/source
disclaimer: "Not advice."
content_warning: "Mentions breathing problems."
---
Body text[^s1].
"""
LINKER = f"""\
---
title: Linker
date: 2024-01-01
see_also: ["{TITLE}", sleep-apnea, apnea.md]
---
See [[{TITLE}]], [[sleep-apnea|the slug]] and [the file](apnea.md).
"""
REVIEWERS = 'reviewers:\n  example-reviewer: {name: "Example Reviewer", credentials: "MD"}\n'
BREAKS = {
    "title empty": ('title: "Sleep', 'title: ""\n#"Sleep'),
    "title not text": (f'title: "{TITLE}"', "title: 5"),
    "title yaml error": (f'title: "{TITLE}"', f'title: "{TITLE}'),
    "slug": ("slug: sleep-apnea", "slug: Sleep Apnea"),
    "date": ("date: 2024-03-01", "date: 2024-02-30"),
    "date yaml error": ("date: 2024-03-01", "date: [2024-03-01"),
    "updated": ("updated: 2024-04-01", "updated: 2023-04-01"),
    "description": ('description: "Snoring', 'description: ["Snoring'),
    "author": ('author: "Example Author"', "author: 5"),
    "tags": ("tags: [sleep, apnea]", "tags: 5"),
    "see_also": ("see_also: [linker]", "see_also: {linker: 1}"),
    "comments": ("comments: false", "comments: maybe"),
    "draft": ("draft: false", "draft: maybe"),
    "reviewed_by": ("reviewed_by: example-reviewer", "reviewed_by: Example Reviewer"),
    "reviewed_on": ("reviewed_on: 2024-03-05", "reviewed_on: 2024-13-05"),
    "references": ("    url: https://example.org/source", "    url: nowhere"),
    "references yaml error": ("  - id: s1", "  - id: [s1"),
    "disclaimer": ('disclaimer: "Not advice."', "disclaimer: {a: 1}"),
    "content_warning": ('content_warning: "Mentions', 'content_warning: ["Mentions'),
    "unknown key": ("draft: false", "draft: false\ndraftt: true"),
    "duplicate key": ("draft: false", "draft: false\ndraft: false"),
    "tab indent": ("  - id: s1", "\t- id: s1"),
}


def test_the_unbroken_site_builds(site, run_cli) -> None:
    root = site({"apnea.md": APNEA, "linker.md": LINKER}, site_yaml=SITE_YAML + REVIEWERS)
    code, _out, err = run_cli("build", "--site", root)
    assert code == 0, err


@pytest.mark.parametrize("field", BREAKS)
def test_a_broken_field_is_reported_once_and_never_at_the_files_linking_to_it(
    site, run_cli, field: str
) -> None:
    good, bad = BREAKS[field]
    assert APNEA.count(good) == 1
    broken = APNEA.replace(good, bad)
    root = site({"apnea.md": broken, "linker.md": LINKER}, site_yaml=SITE_YAML + REVIEWERS)
    code, _out, err = run_cli("build", "--site", root)
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error: content/")]
    assert errors, err
    assert all(line.startswith("error: content/apnea.md") for line in errors), err


SITES = Path(__file__).parents[1] / "fixtures" / "sites"


def test_a_site_of_colon_hash_quote_and_decomposed_titles_builds(tmp_path: Path, run_cli) -> None:
    root = shutil.copytree(SITES / "exact-titles", tmp_path / "site")
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 0, err

    def links(slug: str) -> list[str]:
        page = parse(root / "public" / slug / "index.html")
        return [a.attributes["href"] for a in page.css("section.see-also a, a.internal")]

    assert links("ketamine-primer") == [
        "/dosing/",  # body first: [[IV/IM Dosing: What "Loading" Means|…]]
        "/sleep-first/",
        "/testosterone/",  # [text](testosterone.md)
        "/testosterone/",  # then See Also
        "/sleep-first/",
        "/cafe/",  # a composed link to a decomposed title
    ]
    assert links("testosterone") == ["/apnea/", "/ketamine-primer/", "/apnea-caps/", "/apnea/"]
    assert links("sleep-first") == [
        "/creme-protein/",
        "/ketamine-primer/",
        "/ketamine-primer/#risks",  # [[Title#id|text]]
        "/dosing/",
    ]
    assert links("creme-protein") == ["/sleep-first/#why-first"]  # a title holding '#', then #id
    assert parse(root / "public/ketamine-primer/index.html").css_first("h2#risks") is not None
    assert parse(root / "public/sleep-first/index.html").css_first("h2#why-first") is not None
    assert parse(root / "public/cafe/index.html").css_first(".body a[href='#salt']") is not None
    assert parse(root / "public/cafe/index.html").css_first("h2#salt") is not None
    assert links("apnea") == ["/apnea-caps/"] and links("apnea-caps") == ["/apnea/"]

    # every date form the site uses: the page shows the day in the site's zone (Europe/Berlin),
    # its datetime the instant as written
    def shown(slug: str) -> tuple[str, str]:
        time = parse(root / "public" / slug / "index.html").css_first("header p.meta time")
        return time.text(), time.attributes["datetime"]

    assert shown("testosterone") == ("16 May 2024", "2024-05-15T23:30:00-02:00")
    assert shown("apnea-caps") == ("20 May 2024", "2024-05-20T07:15:00+02:00")
    assert shown("ketamine-primer") == ("14 May 2024", "2024-05-14T09:30:00.500+05:30")
    assert shown("creme-protein") == ("21 May 2024", "2024-05-21T02:12:52+02:00")
    assert shown("sleep-first") == ("16 May 2024", "2024-05-16T08:00:00-04:00")
    assert shown("dosing") == ("17 May 2024", "2024-05-17T10:00:00+02:00")
    assert shown("cafe") == ("18 May 2024", "2024-05-18T06:00:00Z")
    assert shown("apnea") == ("19 May 2024", "2024-05-19")


def test_its_broken_twin_fails_once_per_defect_at_the_right_line(tmp_path: Path, run_cli) -> None:
    root = shutil.copytree(SITES / "exact-titles-broken", tmp_path / "site")
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 1
    assert [line for line in err.splitlines() if line.startswith("error: ")] == [
        "error: content/apnea-caps.md:3: 'date' is not a real date: '2024-05-20 25:00'"
        " (hour must be in 0..23) — write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]]"
        " (T or a space before the time), the time with an optional offset Z, +HH:MM, +HHMM"
        " or +HH, e.g. 2024-05-14, 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200",
        "error: content/apnea.md:4: see_also 'javascript:alert(1)' matches no article"
        " — link by slug, by file (content/x.md) or by exact title",
        "error: content/cafe.md:6: link '#sodium': this article has no id 'sodium'"
        " — use one of its ids (salt); a heading's id is shown by the # link beside it",
        "error: content/creme-protein.md:4: see_also 'Sleep #1: Why It Comes First#why-frist':"
        " content/sleep-first.md has no id 'why-frist' (did you mean 'why-first'?)"
        " — ids are case-sensitive; a heading's id is shown by the # link beside it",
        "error: content/dosing.md:3: invalid YAML: the '[' opened on this line is never closed"
        " — end the value with ']'",
        "error: content/ketamine-primer.md:5: see_also 'Is Testosterone Therapy Safe' matches no"
        " article (did you mean 'Is Testosterone Therapy Safe?'?)"
        " — link by slug, by file (content/x.md) or by exact title",
        "error: content/sleep-first.md:6: link 'Ket\u0430mine: A Primer for Men' matches no"
        " article or page (did you mean 'Ketamine: A Primer for Men' (yours has U+0430 CYRILLIC SMALL"
        " LETTER A where it has U+0061 LATIN SMALL LETTER A)?)"
        " — link by slug, by file (content/x.md) or by exact title",
        "error: content/testosterone.md:4: see_also 'sleep apnea' matches 2 titles that differ"
        " only in case, none exactly: content/apnea-caps.md ('SLEEP APNEA'), content/apnea.md"
        " ('Sleep Apnea') — write the title with the case of the one you mean, or link by slug"
        " or by file",
        "error: 8 errors; nothing was written",  # its first build: there is no output yet
    ]


def test_a_web_see_also_item_can_title_its_card(site, run_cli) -> None:
    """``https://…|Title`` shows the title, with the host beneath; an address alone shows its
    host, as before. The See Also index lists the titled link by its title too."""
    heart = "https://www.heart.org/en/health-topics/high-blood-pressure"
    see_also = (
        f'\n  - "{heart}|High blood pressure: the basics (American Heart Association)"'
        "\n  - https://www.cdc.gov/high-blood-pressure/"
    )
    root = site({"bp.md": article("Blood Pressure", see_also=see_also), "b.md": article("B")})
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 0, err
    page = parse(root / "public" / "bp" / "index.html")
    cards = [
        (card.css_first("a").attributes["href"], card.css_first("a").text(), _text(card, "p"))
        for card in page.css("section.see-also li")
    ]
    assert cards == [
        (heart, "High blood pressure: the basics (American Heart Association)", "www.heart.org"),
        ("https://www.cdc.gov/high-blood-pressure/", "www.cdc.gov", "Another site"),
    ]
    index = parse(root / "public" / "see-also" / "index.html")
    assert "High blood pressure: the basics (American Heart Association)" in [
        a.text() for a in index.css("#entry-bp .links-out a")
    ]


def _text(node, selector: str) -> str:
    found = node.css_first(selector)
    return found.text() if found is not None else ""


def _web_cards(site, run_cli, see_also: str) -> tuple[str, list[tuple[str, str]]]:
    """Build a site whose article ``a`` has ``see_also`` (YAML after the key): what the build
    printed, and the (address, text) of each See Also card of ``a``'s page."""
    root = site({"a.md": article("Sleep", see_also=see_also), "b.md": article("B")})
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 0, err
    cards = parse(root / "public" / "a" / "index.html").css("section.see-also li a")
    return err, [(a.attributes["href"], a.text()) for a in cards]


def test_one_web_address_titled_twice_is_one_card_and_a_warning(site, run_cli) -> None:
    """An item is where it leads, whatever title it gives: the first shows, the second is
    the repeated item's warning, as for an article named twice."""
    see_also = "\n  - https://www.cdc.gov/sleep|CDC on sleep\n  - https://www.cdc.gov/sleep"
    err, cards = _web_cards(site, run_cli, see_also)
    assert "a.md:5: see_also 'https://www.cdc.gov/sleep' links to what" in err
    assert cards == [("https://www.cdc.gov/sleep", "CDC on sleep")]


def test_an_article_see_also_item_with_a_title_is_told_only_web_addresses_take_one(
    site, run_cli
) -> None:
    """``welcome|The welcome page``, as a wiki link is written: the card shows the article's
    own title; an address without its scheme is still told to write it whole."""
    see_also = "\n  - b|The B article\n  - www.heart.org/bp|AHA"
    root = site({"a.md": article("A", see_also=see_also), "b.md": article("B")})
    code, _out, err = run_cli("check", "--site", root)
    assert code == 1
    assert (
        "a.md:4: see_also 'b|The B article' matches no article — only a web address takes a"
        " title after '|' (https://…|Title): an article's card shows the article's own title,"
        " so write 'b' alone"
    ) in err
    assert "a.md:5: see_also 'www.heart.org/bp|AHA' matches no article" in err
    assert "write the whole address: https://www.heart.org/bp|AHA" in err


@pytest.mark.parametrize(
    "item",
    [
        "https://www.nhs.uk/page?id=3|NHS",
        "https://x.org/c#top|Overview",
        "https://x.org/d?q=a|b|c d",
    ],
)
def test_a_bar_that_may_be_the_addresss_own_is_an_error_saying_both_fixes(
    site, run_cli, item: str
) -> None:
    """A one-word title after a query or fragment, or a second bar: the writer may have meant
    a title or an address holding '|', and no card is made of a guess."""
    root = site({"a.md": article("A", see_also=f'\n  - "{item}"'), "b.md": article("B")})
    code, _out, err = run_cli("check", "--site", root)
    assert code == 1
    assert f"a.md:4: see_also '{item}' holds a '|' that may be the address's own" in err
    assert "with two words or more and no '|'" in err and "%7C" in err


def test_addresses_differing_in_the_host_s_case_are_one_card(site, run_cli) -> None:
    """A host or scheme written in capitals, or a home page without its '/', is the same
    page: one card and the repeated item's warning."""
    see_also = (
        "\n  - HTTPS://WWW.CDC.gov/sleep|CDC on sleep\n  - https://www.cdc.gov/sleep"
        "\n  - https://www.nih.gov|NIH home\n  - https://www.NIH.gov/"
    )
    err, cards = _web_cards(site, run_cli, see_also)
    assert "a.md:5: see_also 'https://www.cdc.gov/sleep' links to what" in err
    assert "a.md:7: see_also 'https://www.NIH.gov/' links to what" in err
    assert cards == [
        ("HTTPS://WWW.CDC.gov/sleep", "CDC on sleep"),
        ("https://www.nih.gov", "NIH home"),
    ]


@pytest.mark.parametrize(
    "item", ["https://|Nothing", "https://|Two words", "http:|A title", "https://?|A title"]
)
def test_a_title_after_no_address_says_the_address_is_missing(site, run_cli, item) -> None:
    root = site({"a.md": article("A", see_also=f'\n  - "{item}"'), "b.md": article("B")})
    code, _out, err = run_cli("check", "--site", root)
    assert code == 1
    assert f"a.md:4: see_also '{item}' has no web address before its '|'" in err
    assert "write the page's whole address before the '|'" in err


def test_the_example_address_of_a_title_with_a_bar_is_no_error_itself(site, run_cli) -> None:
    root = site({"a.md": article("A", see_also='\n  - "https://|a|b"'), "b.md": article("B")})
    _code, _out, err = run_cli("check", "--site", root)
    assert "(https://example.org/page|Title)" in err


def test_credentials_in_web_addresses_keep_their_case(site, run_cli) -> None:
    see_also = '\n  - "https://Ann:Pw@cdc.gov/x|One card"\n  - "https://ann:pw@cdc.gov/x|Another"'
    err, cards = _web_cards(site, run_cli, see_also)
    assert "links to what" not in err
    assert [text for _, text in cards] == ["One card", "Another"]


def test_a_web_card_s_title_in_markdown_is_a_warning(site, run_cli) -> None:
    """Told as a ``title:`` in Markdown is; a title Markdown shows as written says nothing."""
    see_also = (
        '\n  - "https://www.cdc.gov/sleep|The *CDC* on sleep"'
        '\n  - "https://www.nih.gov/|NIH: Q&A on 5*3 things"'
    )
    err, cards = _web_cards(site, run_cli, see_also)
    assert (
        "a.md:4: see_also 'https://www.cdc.gov/sleep|The *CDC* on sleep' titles its card in"
        " Markdown, which the card shows as written — write the text alone:"
        " https://www.cdc.gov/sleep|The CDC on sleep"
    ) in err
    assert "a.md:5" not in err
    assert cards[0][1] == "The *CDC* on sleep"


def test_a_web_card_s_title_of_markup_alone_is_told_to_write_text(site, run_cli) -> None:
    root = site({"a.md": article("A", see_also='\n  - "https://a.example/6|<b></b>"')})
    _code, _out, err = run_cli("check", "--site", root)
    assert (
        "titles its card in Markdown, which the card shows as written — write the title as"
        " plain text after the '|', or leave both out: https://a.example/6"
    ) in err


@pytest.mark.parametrize(
    ("item", "retyped"),
    [
        ("https:example.org/page|Two words", "https://example.org/page|Two words"),
        ("htps://www.cdc.gov/sleep|CDC on sleep", "https://www.cdc.gov/sleep|CDC on sleep"),
    ],
)
def test_a_titled_web_item_with_its_start_mistyped_is_given_it_retyped(
    site, run_cli, item: str, retyped: str
) -> None:
    root = site({"a.md": article("A", see_also=f'\n  - "{item}"'), "b.md": article("B")})
    code, _out, err = run_cli("check", "--site", root)
    assert code == 1
    assert (
        f"a.md:4: see_also '{item}' matches no article — its start is mistyped: write {retyped}"
        in err
    )
