"""``articlegen suggest``: the table, JSON, the default articles, --write, and bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from articlegen.build import build_site
from tests.conftest import article, parse
from tests.helpers import NOTHING_WRITTEN, snapshot

BLOG = Path(__file__).parents[2]


@pytest.fixture
def blog(site) -> Path:
    return site(
        {
            "sleep.md": article(
                "Sleep and Cortisol",
                "Cortisol falls during deep sleep and peaks at dawn; cortisol then drops.",
                tags="[sleep, hormones]",
                description="'How sleep and cortisol move together.'",
            ),
            "night.md": article(
                "Night Shifts",
                "Night shifts cut deep sleep and keep cortisol high. See [[Testosterone]].",
                tags="[sleep]",
                see_also="[sleep]  # the basics first",
                date="2024-02-01",
            ),
            "testosterone.md": article(
                "Testosterone",
                "Testosterone is made in deep sleep; cortisol works against it.",
                tags="[hormones, sleep]",
                see_also="[night]",
            ),
            "teeth.md": article("Teeth", "Brush twice a day.", tags="[dental]"),
            "draft.md": article(
                "Hormones at Night", "Deep sleep, cortisol, testosterone.", draft="true"
            ),
        }
    )


def test_table_names_each_suggestion_its_score_and_why(blog: Path, run_cli) -> None:
    code, out, err = run_cli("suggest", "--site", blog, "night")
    assert (code, err) == (0, "")
    header, *rows = out.splitlines()
    assert header.split() == ["article", "score", "suggestion", "why"]
    assert [row.split()[:3] for row in rows] == [["night", rows[0].split()[1], "testosterone"]]
    assert rows[0].endswith(
        "shared tags: sleep; similar words: Testosterone, cortisol, deep sleep;"
        " linked in the text; links here"
    )


def test_json_has_every_reason_apart(blog: Path, run_cli) -> None:
    code, out, _ = run_cli("suggest", "--site", blog, "--format", "json", "sleep", "night")
    assert code == 0
    found = json.loads(out)
    assert [(a["slug"], a["file"]) for a in found] == [
        ("sleep", "content/sleep.md"),
        ("night", "content/night.md"),
    ]
    best = found[0]["suggestions"][0]
    assert {k: best[k] for k in ("slug", "title", "shared_tags", "links_here")} == {
        "slug": "testosterone",
        "title": "Testosterone",
        "shared_tags": ["sleep", "hormones"],
        "links_here": False,
    }
    assert best["why"].startswith("shared tags: sleep, hormones; similar words: ")
    assert all(s["slug"] not in ("sleep", "draft") for s in found[0]["suggestions"])


def test_by_default_the_articles_with_no_see_also_or_no_linked_from(blog: Path, run_cli) -> None:
    code, out, _ = run_cli("suggest", "--site", blog, "--format", "json")
    assert code == 0
    # sleep and teeth have no See Also; teeth and testosterone… are linked from; by title
    assert [a["slug"] for a in json.loads(out)] == ["sleep", "teeth"]


def test_limit(blog: Path, run_cli) -> None:
    code, out, _ = run_cli("suggest", "--site", blog, "--format", "json", "--limit", "1", "sleep")
    assert code == 0 and len(json.loads(out)[0]["suggestions"]) == 1
    with pytest.raises(SystemExit) as exited:
        run_cli("suggest", "--site", blog, "--limit", "0")
    assert exited.value.code == 2


def test_an_article_with_nothing_to_suggest_says_so(blog: Path, run_cli) -> None:
    code, out, _ = run_cli("suggest", "--site", blog, "teeth")
    assert code == 0
    assert out.splitlines()[1].split() == ["teeth", "-", *_NONE.split()]


_NONE = "(none: no other article shares enough tags, words or links)"


def test_an_article_whose_see_also_lists_every_article_alike_is_told_so(site, run_cli) -> None:
    """Walking's See Also lists Exercise, the one article sharing its tag and words: it
    was told it shared no tags, words or links with any article."""
    root = site(
        {
            "walking.md": article(
                "Walking", "Walking is exercise.", tags="[exercise]", see_also="[exercise]"
            ),
            "exercise.md": article("Exercise", "Exercise and walking.", tags="[exercise]"),
            "teeth.md": article("Teeth", "Brush twice a day.", tags="[dental]"),
        }
    )
    code, out, _ = run_cli("suggest", "--site", root, "walking")
    assert code == 0
    assert out.splitlines()[1].split() == [
        "walking",
        "-",
        *_NONE.replace(":", " beyond its See Also:", 1).split(),
    ]


def test_write_adds_the_suggestions_and_changes_nothing_else(blog: Path, run_cli) -> None:
    before = {p.name: p.read_text() for p in (blog / "content").iterdir()}
    code, out, _ = run_cli("suggest", "--site", blog, "--write", "--limit", "2", "sleep", "night")
    assert code == 0
    assert out.splitlines()[-2:] == [
        "added to the see_also of content/sleep.md: testosterone, night",
        "added to the see_also of content/night.md: testosterone",
    ]
    after = {p.name: p.read_text() for p in (blog / "content").iterdir()}
    assert after["sleep.md"] == before["sleep.md"].replace(
        "tags: [sleep, hormones]\n",
        "tags: [sleep, hormones]\nsee_also:\n  - testosterone\n  - night\n",
    )
    assert after["night.md"] == before["night.md"].replace(
        "see_also: [sleep]  # the basics", "see_also: [sleep, testosterone]  # the basics"
    )
    assert {k: v for k, v in after.items() if k not in ("sleep.md", "night.md")} == {
        k: v for k, v in before.items() if k not in ("sleep.md", "night.md")
    }
    build_site(blog)
    page = parse(blog / "public/sleep/index.html")
    assert [a.text() for a in page.css("section.see-also a")] == ["Testosterone", "Night Shifts"]
    code, out, _ = run_cli("suggest", "--site", blog, "--format", "json", "sleep")
    assert [s["slug"] for s in json.loads(out)[0]["suggestions"]] == []


def test_write_with_json_keeps_stdout_json(blog: Path, run_cli) -> None:
    code, out, err = run_cli("suggest", "--site", blog, "--format", "json", "--write", "sleep")
    assert code == 0
    assert json.loads(out)[0]["slug"] == "sleep"
    assert err.startswith("added to the see_also of content/sleep.md: testosterone")


def test_a_file_that_cannot_be_edited_safely_stops_every_write(blog: Path, run_cli) -> None:
    (blog / "content/sleep.md").write_text(
        article(
            "Sleep and Cortisol",
            "Cortisol in deep sleep.",
            tags="[sleep, hormones]",
            see_also=">\n  night",
        )
    )
    before = snapshot(blog / "content")
    code, _, err = run_cli("suggest", "--site", blog, "--write", "sleep", "teeth", "testosterone")
    assert code == 1
    assert "error: content/sleep.md:4: cannot add to 'see_also' safely" in err
    assert err.endswith("error: 1 error; no file was changed\n")
    assert snapshot(blog / "content") == before


def test_unknown_or_draft_slugs_are_errors(blog: Path, run_cli) -> None:
    code, out, err = run_cli("suggest", "--site", blog, "slep", "draft")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "error: no published article has the slug, file or title 'slep' (did you mean 'sleep'?)"
        " — name articles by slug (the file name without .md, or its 'slug:'), by file or by"
        " exact title",
        "error: 'draft' is content/draft.md, which is not a published article (a draft, a page,"
        " or an article scheduled or expired) — suggestions are made for published articles:"
        " publish it first, or name another",
        "error: 2 errors; no suggestions were made",
    ]


def test_an_article_is_named_by_file_or_title_as_see_also_names_it(
    blog: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file (from the working folder, the site or content/, as a shell completes it) or
    an exact title names the article as its slug does; a draft's file says it is one."""
    code, by_slug, _ = run_cli("suggest", "--site", blog, "night")
    assert code == 0
    for name in ("content/night.md", "night.md", "Night Shifts", str(blog / "content/night.md")):
        assert run_cli("suggest", "--site", blog, name) == (0, by_slug, "")
    monkeypatch.chdir(blog / "content")
    assert run_cli("suggest", "--site", "..", "night.md") == (0, by_slug, "")
    code, out, err = run_cli("suggest", "--site", "..", "draft.md")
    assert (code, out) == (1, "")
    assert err.startswith("error: 'draft.md' is content/draft.md, which is not a published")


def test_a_name_resolves_as_a_see_also_item_does(blog: Path, run_cli) -> None:
    """A file whose 'slug:' is not its name, by that name or its folder path without .md; a
    title in another case and spacing: each names its published article, as a See Also
    item does, where 'old-name' was called not published; a title two articles share is the
    error naming both, not 'no published article'."""
    (blog / "content/men").mkdir()
    (blog / "content/men/old-name.md").write_text(
        article("Heart Health", "The heart and deep sleep.", slug="heart", tags="[sleep]")
    )
    code, by_slug, _ = run_cli("suggest", "--site", blog, "heart")
    assert code == 0
    for name in ("men/old-name", "content/men/old-name.md", "heart health", "Heart   Health"):
        assert run_cli("suggest", "--site", blog, name) == (0, by_slug, "")
    (blog / "content/teeth.md").write_text(article("Heart Health", "Brush twice a day."))
    code, out, err = run_cli("suggest", "--site", blog, "heart health")
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == (
        "error: article 'heart health' names 2 articles with the same title:"
        " content/men/old-name.md ('Heart Health'), content/teeth.md ('Heart Health') — link by"
        " slug or by file instead, or give them different titles"
    )


def test_a_site_with_errors_suggests_nothing(blog: Path, run_cli) -> None:
    (blog / "content/bad.md").write_text(article("Bad", "See [[nowhere]]."))
    code, out, err = run_cli("suggest", "--site", blog)
    assert (code, out) == (1, "")
    assert "'nowhere' matches no article" in err
    assert err.endswith("error: 1 error; no suggestions were made\n")
    assert NOTHING_WRITTEN not in err


def test_this_blog_round_trips_through_write(tmp_path: Path, run_cli) -> None:
    """Every article of this repository's blog, given suggestions and written, still builds
    and reads as before with more See Also (the text edits are tested line by line in
    tests/unit/test_seealsoedit.py)."""
    copy = tmp_path / "blog"
    copy.mkdir()
    for name in ("site.yaml", "content", "static"):
        source = BLOG / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
        elif source.exists():
            shutil.copy2(source, copy / name)
    slugs = [p.stem for p in sorted((copy / "content").glob("*.md"))]
    code, _, err = run_cli("suggest", "--site", copy, "--write", "--limit", "5", *slugs)
    assert code == 0, err
    assert build_site(copy).articles == len(slugs)


def test_a_page_is_neither_suggested_nor_suggested_for(blog: Path, run_cli) -> None:
    (blog / "content/pages").mkdir()
    (blog / "content/pages/about.md").write_text(
        '---\ntitle: "About Sleep and Cortisol"\n---\n\nDeep sleep, cortisol, testosterone.\n'
    )
    code, out, _ = run_cli("suggest", "--site", blog, "--format", "json", "--limit", "9", "sleep")
    assert code == 0
    assert "about" not in [s["slug"] for s in json.loads(out)[0]["suggestions"]]
    code, _, err = run_cli("suggest", "--site", blog, "about")
    assert code == 1 and "no published article has the slug, file or title 'about'" in err
