"""The See Also index of a large site (``see_also.html``): 120 articles stay findable, grouped
by initial, each with its counts, and the unlinked ones apart."""

from __future__ import annotations

import string
from pathlib import Path

from articlegen.build import build_site
from tests.conftest import article, parse

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
