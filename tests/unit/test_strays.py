"""Markdown files with an article's header outside content/: each folder's are named in one
note, since the build reads content/ alone and they went missing without a word."""

from __future__ import annotations

from pathlib import Path

from articlegen.content.strays import no_content_problems, stray_notes
from tests.conftest import write_tree

ARTICLE = "---\ntitle: Walking\ndate: 2024-06-01\n---\nText.\n"


def test_articles_at_the_root_beside_content_and_in_static_are_each_noted(tmp_path) -> None:
    write_tree(
        tmp_path,
        f"-- walking.md --\n{ARTICLE}"
        f"-- posts/a.md --\n{ARTICLE}-- posts/b.md --\n{ARTICLE}"
        f"-- static/c.md --\n{ARTICLE}",
    )
    assert stray_notes(tmp_path, tmp_path / "public") == [
        "walking.md: an article outside content/, so it is not built — move it into content/",
        "posts/a.md, posts/b.md: articles outside content/, so they are not built — move them"
        " into content/",
        "static/c.md: an article outside content/, so it is published as a raw file, not built"
        " — move it into content/",
    ]


def test_files_that_are_no_article_and_folders_read_or_made_by_the_build_are_left_alone(
    tmp_path: Path,
) -> None:
    write_tree(
        tmp_path,
        "-- README.md --\n# My blog\n"
        "-- docs/notes.md --\n---\nlayout: x\n---\nno title\n"
        f"-- content/a.md --\n{ARTICLE}-- templates/t.md --\n{ARTICLE}"
        f"-- public/p.md --\n{ARTICLE}-- .git/g.md --\n{ARTICLE}"
        f"-- posts/deeper/d.md --\n{ARTICLE}",
    )
    assert stray_notes(tmp_path, tmp_path / "public") == []


def test_many_strays_of_a_folder_are_one_note_naming_three(tmp_path: Path) -> None:
    write_tree(tmp_path, "".join(f"-- _posts/2019-0{n}-01-x.md --\n{ARTICLE}" for n in range(1, 6)))
    [note] = stray_notes(tmp_path, tmp_path / "public")
    assert note.startswith(
        "_posts/2019-01-01-x.md, _posts/2019-02-01-x.md, _posts/2019-03-01-x.md and 2 more:"
    )
    assert note.endswith(
        "move them into content/ ('articlegen import .' converts a Jekyll site's posts and pages)"
    )


def test_a_build_says_where_an_article_outside_content_is(tmp_path: Path, run_cli) -> None:
    assert run_cli("init", tmp_path / "blog")[0] == 0
    write_tree(tmp_path / "blog", f"-- posts/walking.md --\n{ARTICLE}")
    code, _, err = run_cli("check", "--site", tmp_path / "blog")
    assert code == 0
    assert "note: posts/walking.md: an article outside content/, so it is not built" in err


def test_with_no_content_folder_articles_beside_it_are_an_error(tmp_path: Path, run_cli) -> None:
    """Content/ for content/ (or posts/): the build wrote a site of no article, exit code 0,
    taking the pages of the last build's articles out of public/, and a note said why."""
    assert run_cli("init", tmp_path / "blog")[0] == 0
    blog = tmp_path / "blog"
    assert run_cli("build", "--site", blog, "-q")[0] == 0
    (blog / "content").rename(blog / "Content")
    code, _, err = run_cli("build", "--site", blog)
    assert code == 1
    assert (
        "error: Content: the site has no content/ folder, where the build reads articles, so it"
        " would build none, though this folder holds 1 article (Content/welcome.md) — rename"
        " Content/ to content/ (folder names are case-sensitive)"
    ) in err.splitlines()
    assert (blog / "public/welcome/index.html").is_file()
    (blog / "Content").rename(blog / "posts")
    (blog / "posts/sleep.md").write_text((blog / "posts/welcome.md").read_text())
    assert (
        "holds 2 articles (posts/sleep.md, posts/welcome.md) — move the articles into content/"
    ) in run_cli("check", "--site", blog)[2]
    (blog / "posts").rename(blog / "content")
    assert run_cli("check", "--site", blog)[0] == 0


def test_with_no_content_folder_markdown_files_of_static_are_a_note(tmp_path: Path) -> None:
    """static/ is published as files (a Markdown checklist to download): with content/ or
    without, its files with a header are a note, not an error that keeps the site unbuilt."""
    (tmp_path / "static").mkdir()
    (tmp_path / "static/checklist.md").write_text("---\ntitle: Checklist\n---\n\nSleep.\n")
    assert no_content_problems(tmp_path) == []
    assert len(stray_notes(tmp_path, tmp_path / "public")) == 1
