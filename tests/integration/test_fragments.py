"""``#id`` links end to end: a good one builds and its anchor is on the target page; a broken
one fails at its file:line with the closest ids, in full builds and in rebuilds alike."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from articlegen.build import build_site, build_with_saved_cache
from articlegen.core.errors import BuildFailed
from articlegen.core.model import BuildOptions
from articlegen.incremental.cache import BuildCache
from tests.conftest import SITE_YAML, article, parse
from tests.helpers import failure_messages, snapshot

TARGET = article(
    "Sleep and Testosterone",
    "Intro.[^study]\n\n## Deep Sleep\n\nText.\n\n## Café\n\nMore.",
    references="\n  - id: study\n    title: An example study\n    url: https://example.org/study",
)
LINKER_BODY = (
    "Read [the deep part](sleep.md#deep-sleep) and [[Sleep and Testosterone#ref-1]].\n"
    "Also [[sleep#caf%C3%A9|coffee]], [[sleep#café]], [[sleep#cite-1|the citation]]\n"
    "and [back up](#top), [below](#my-notes).\n\n## My Notes\n\nEnd."
)
LINKER = article("Linker", LINKER_BODY, date="2024-02-01", see_also='["sleep#deep-sleep"]')


@pytest.fixture
def blog(site) -> Path:
    return site({"sleep.md": TARGET, "linker.md": LINKER})


def rewrite(root: Path, name: str, old: str, new: str) -> None:
    path = root / "content" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def fragment_hrefs(page: Path) -> list[str]:
    """Every ``#`` link of an article's body and See Also block, in page order."""
    tree = parse(page)
    return [
        str(node.attributes["href"])
        for node in tree.css(".body a[href*='#'], .see-also a[href*='#']")
        if "header-anchor" not in (node.attributes.get("class") or "")
    ]


def test_good_fragment_links_build_and_land_on_an_element_of_the_target(blog: Path) -> None:
    build_site(blog)
    out = blog / "public"
    hrefs = fragment_hrefs(out / "linker/index.html")
    assert len(hrefs) == 8
    for href in hrefs:
        parts = urlsplit(href)
        page = (
            out / parts.path.strip("/") / "index.html" if parts.path else out / "linker/index.html"
        )
        fragment = unquote(parts.fragment)
        if fragment == "top":  # HTML's own: the top of the page, no element needed
            continue
        assert parse(page).css_first(f'[id="{fragment}"]') is not None, href


def test_each_broken_fragment_fails_once_at_its_line_with_the_closest_ids(blog: Path) -> None:
    before = snapshot(blog / "public") if (blog / "public").exists() else {}
    rewrite(blog, "linker.md", "sleep.md#deep-sleep", "sleep.md#deep-slep")
    rewrite(blog, "linker.md", "(#my-notes)", "(#My-Notes)")
    rewrite(blog, "linker.md", '["sleep#deep-sleep"]', '["sleep#nothing-like-it"]')
    assert failure_messages(lambda: build_site(blog)) == [
        "content/linker.md:4: see_also 'sleep#nothing-like-it': content/sleep.md has no id "
        "'nothing-like-it' — use one of its ids (deep-sleep, café, cite-1, ref-1); a "
        "heading's id is shown by the # link beside it",
        "content/linker.md:7: link 'sleep.md#deep-slep': content/sleep.md has no id 'deep-slep' "
        "(did you mean 'deep-sleep'?) — ids are case-sensitive; a heading's id is shown by the "
        "# link beside it",
        "content/linker.md:9: link '#My-Notes': this article has no id 'My-Notes' (did you mean "
        "'my-notes' (it differs only in case)?) — ids are case-sensitive; a heading's id is "
        "shown by the # link beside it",
    ]
    assert not (blog / "public").exists() or snapshot(blog / "public") == before


def test_raw_html_ids_count_when_raw_html_is_on(site) -> None:
    target = article("Target", '<a name="legacy"></a>\n\n<div id="dosage-table">x</div>')
    linker = article("Other", "[a](target.md#dosage-table) [b](target.md#legacy)")
    trusted = SITE_YAML + "markdown: {allow_html: true}\n"
    root = site({"target.md": target, "other.md": linker}, site_yaml=trusted)
    build_site(root)
    page = parse(root / "public/target/index.html")
    assert page.css_first("#dosage-table") is not None
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")  # the HTML becomes text
    messages = failure_messages(lambda: build_site(root))
    assert [m.split(":")[0:2] for m in messages] == [["content/other.md", "6"]] * 2
    assert "has no id 'dosage-table'" in messages[0]


def test_a_link_to_a_theme_id_is_refused(site) -> None:
    root = site(
        {"a.md": article("A", "## Notes"), "b.md": article("B", "[x](a.md#see-also-title)")}
    )
    [message] = failure_messages(lambda: build_site(root))
    assert message.startswith("content/b.md:6: link 'a.md#see-also-title'")
    assert "is an id of the theme" in message


def test_a_heading_named_like_a_theme_id_is_suggested_by_its_own_id(site) -> None:
    """``## Main`` gets ``#main-section`` (``#main`` is the theme's): a link written
    ``#main`` is pointed at it, though the two are too far apart for a plain suggestion."""
    root = site({"a.md": article("A", "[start](#main)\n\n## Main\n\n## Notes")})
    [message] = failure_messages(lambda: build_site(root))
    assert message.startswith(
        "content/a.md:6: link '#main': this article has no id 'main' (did you mean "
        "'main-section'?) — '#main' is an id of the theme"
    )


@pytest.mark.parametrize("through_disk", [False, True], ids=["in-memory", "saved"])
def test_a_rebuild_where_only_the_target_lost_its_heading_fails_at_the_link(
    blog: Path, through_disk: bool
) -> None:
    """The linking file is unchanged and comes from the cache: the check still sees the
    target's new ids (in the preview's in-memory cache, with replanning, and on disk)."""
    cache = BuildCache()
    if through_disk:
        build_with_saved_cache(blog)
    else:
        build_site(blog, cache=cache)
    built = snapshot(blog / "public")
    rewrite(blog, "sleep.md", "## Deep Sleep", "## Deeper Sleep")

    def rebuild() -> object:
        return build_with_saved_cache(blog) if through_disk else build_site(blog, cache=cache)

    messages = failure_messages(rebuild)
    assert [m.split(" — ")[0] for m in messages] == [
        "content/linker.md:4: see_also 'sleep#deep-sleep': content/sleep.md has no id "
        "'deep-sleep' (did you mean 'deeper-sleep'?)",
        "content/linker.md:7: link 'sleep.md#deep-sleep': content/sleep.md has no id "
        "'deep-sleep' (did you mean 'deeper-sleep'?)",
    ]
    assert snapshot(blog / "public") == built
    rewrite(blog, "linker.md", "#deep-sleep", "#deeper-sleep")
    result = rebuild()
    assert getattr(result, "reused_bodies", None) == 1
    assert parse(blog / "public/sleep/index.html").css_first("#deeper-sleep") is not None


def test_check_reports_fragments_without_writing(blog: Path) -> None:
    rewrite(blog, "sleep.md", "## Café", "## Coffee")
    with pytest.raises(BuildFailed) as failed:
        build_site(blog, BuildOptions(write=False))
    assert [(e.path, e.line) for e in failed.value.errors] == [("content/linker.md", 8)] * 2


def test_a_link_into_a_file_that_fails_to_read_is_not_reported_on_top(blog: Path) -> None:
    rewrite(blog, "sleep.md", "date: 2024-01-01", "date: someday")
    messages = failure_messages(lambda: build_site(blog))
    assert messages and all(m.startswith("content/sleep.md:") for m in messages)


def test_files_sharing_a_slug_report_that_alone(site) -> None:
    root = site(
        {
            "a.md": article("A", "[x](c.md#nowhere)", slug="shared", see_also="[c#nowhere]"),
            "b.md": article("B", "Text.", slug="shared"),
            "c.md": article("C", "## Part"),
        }
    )
    messages = failure_messages(lambda: build_site(root))
    assert messages and all("slug 'shared'" in m for m in messages), messages


def test_a_file_that_fails_to_read_sharing_a_slug_reports_no_fragments(site) -> None:
    """The graph holds the broken file's links under the slug it shares (found by
    test_random_edits): its twin's links are not paired with them."""
    root = site(
        {
            "a.md": article("A", "[x](c.md#part)", slug="b", date="someday", see_also="[c]"),
            "b.md": article("B", "[y](c.md#part) [z](c.md#nowhere)", see_also='["c#part"]'),
            "c.md": article("C", "## Part"),
        }
    )
    messages = failure_messages(lambda: build_site(root))
    assert sorted(m.split(" — ")[0] for m in messages) == [
        "content/a.md:3: duplicate slug 'b': content/b.md has it too",  # a.md's slug: made it
        "content/a.md:4: 'date' is not a valid date: 'someday'",
    ]
