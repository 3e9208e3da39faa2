"""A site not yet ready to publish says so: a sample address, no description, placeholder
comment ids are each one warning naming its site.yaml line (errors under --strict); a build
that left drafts out says how many. The preview's console prints them after each build."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.serve.preview import Preview
from tests.conftest import article, parse
from tests.helpers import snapshot
from tests.published import build_repo_blog
from tests.serving import wait_until

UNREADY_YAML = """\
title: "Example Site"
base_url: "https://example.org/"
description: ""
"""
BASE_URL_WARNING = (
    "warning: site.yaml:2: 'base_url' is https://example.org/, a reserved example address no "
    "real site has, so canonical links, feeds and the sitemap would point nowhere — set "
    "base_url to the blog's "
    "address, or build with --base-url (the publish workflow passes the GitHub Pages address)"
)
DESCRIPTION_WARNING = (
    "warning: site.yaml:3: 'description' is empty: search results and link previews show it "
    "for the home page and the feeds — write one or two sentences about the blog: "
    'description: "…"'
)


@pytest.fixture
def unready(site) -> Path:
    articles = {name: article(name.title()) for name in ("a.md", "b.md", "c.md")}
    return site(articles, site_yaml=UNREADY_YAML)


def test_each_unready_setting_warns_once_with_its_line(unready: Path, run_cli) -> None:
    code, out, err = run_cli("build", "--site", unready)
    assert code == 0
    assert err.splitlines() == [BASE_URL_WARNING, DESCRIPTION_WARNING]
    assert out.startswith("3 articles, ") and ", 2 warnings;" in out


def test_strict_makes_them_errors_and_keeps_the_previous_site(unready: Path, run_cli) -> None:
    assert run_cli("build", "--site", unready)[0] == 0
    before = snapshot(unready / "public")
    code, _, err = run_cli("build", "--site", unready, "--strict")
    assert code == 1
    assert err.splitlines() == [
        BASE_URL_WARNING.replace("warning:", "error:", 1),
        DESCRIPTION_WARNING.replace("warning:", "error:", 1),
        "error: 2 errors; nothing was written, the previous output is untouched",
    ]
    assert snapshot(unready / "public") == before
    assert run_cli("check", "--site", unready, "--strict")[0] == 1


def test_a_base_url_option_stands_in_for_the_sample_address(unready: Path, run_cli) -> None:
    for command in ("build", "check"):
        code, _, err = run_cli(command, "--site", unready, "--base-url", "https://a.test/")
        assert (code, err.splitlines()) == (0, [DESCRIPTION_WARNING])


def test_the_preview_prints_them_after_each_build_as_build_does(unready: Path, run_cli) -> None:
    """The preview serves at its own address, but site.yaml's settings are what ``build``
    publishes: its console says what ``build`` prints, after every build, and stops once
    the setting is fixed."""
    printed = run_cli("build", "--site", unready)[2].splitlines()
    logged: list[str] = []
    with Preview(unready, port=0, log=logged.append, quiet=0.05) as running:
        assert [line for line in logged if line.startswith("warning:")] == printed
        assert running.result is not None and len(running.result.diagnostics) == 2
        first = len(logged)
        yaml = unready / "site.yaml"
        yaml.write_text(UNREADY_YAML.replace('""', '"About men\'s health."'), encoding="utf-8")
        wait_until(lambda: any(" built " in line for line in logged[first:]))
        assert [line for line in logged[first:] if line.startswith("warning:")] == [
            BASE_URL_WARNING
        ]


TWO_DRAFTS = "note: 2 drafts skipped (content/b.md, content/c.md); --drafts to include"


def test_a_build_that_skips_drafts_says_how_many_and_which(site, run_cli) -> None:
    root = site(
        {
            "a.md": article("Alpha"),
            "b.md": article("Beta", draft="true"),
            "c.md": article("Gamma", draft="true"),
        }
    )
    code, out, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [TWO_DRAFTS]
    assert out.startswith("1 article, ")
    code, out, err = run_cli("check", "--site", root)
    assert err.splitlines() == [TWO_DRAFTS]
    code, out, err = run_cli("build", "--site", root, "--drafts")
    assert (code, err) == (0, "")
    assert out.startswith("3 articles, ")
    (root / "content/c.md").unlink()
    code, out, err = run_cli("build", "--site", root)
    assert err.splitlines() == ["note: 1 draft skipped (content/b.md); --drafts to include"]


def test_past_three_drafts_the_rest_are_counted(site, run_cli) -> None:
    drafts = {f"d{i}.md": article(f"Draft {i}", draft="true") for i in range(5)}
    root = site(
        {"a.md": article("Alpha"), "pages/wip.md": "---\ntitle: Wip\ndraft: true\n---\n", **drafts}
    )
    code, _, err = run_cli("check", "--site", root)
    assert (code, err.splitlines()) == (
        0,
        [
            "note: 6 drafts skipped (content/d0.md, content/d1.md, content/d2.md and 3 more);"
            " --drafts to include"
        ],
    )


def test_the_demo_blog_has_comments_off_until_giscus_is_set_up(tmp_path: Path, run_cli) -> None:
    output = build_repo_blog(tmp_path)
    for page in output.rglob("*.html"):
        assert parse(page).css_first(".comments") is None, page
    # The documented giscus block, uncommented as its comment says, is valid and its
    # placeholders are warnings: they would be errors in the strict publish workflow.
    text = (tmp_path / "site.yaml").read_text(encoding="utf-8")
    start = text.index("# comments:")
    block = "\n".join(line.removeprefix("# ") for line in text[start:].splitlines())
    (tmp_path / "site.yaml").write_text(text[:start] + block + "\n", encoding="utf-8")
    code, _, err = run_cli("check", "--site", tmp_path, "--base-url", "https://a.test/")
    assert code == 0
    assert [line.split("'")[1] for line in err.splitlines()] == [
        "comments.giscus.repo",
        "comments.giscus.repo_id",
        "comments.giscus.category_id",
    ]


def published(path: Path) -> None:
    """The draft ``new`` wrote, published as a writer who forgot its text would."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("draft: true", "draft: false"), encoding="utf-8")


def test_an_article_published_with_the_placeholder_new_wrote_is_a_warning(site, run_cli) -> None:
    """``draft: false`` set, the paragraph ``new`` wrote was published as the article's text
    and its summary, without a word."""
    root = site({"a.md": article("Alpha")})
    assert run_cli("new", "Heart Attack Warning Signs", "--site", root)[0] == 0
    source = root / "content/heart-attack-warning-signs.md"
    code, _, err = run_cli("build", "--site", root)
    assert (code, err) == (0, "note: 1 draft skipped (content/heart-attack-warning-signs.md);"
                               " --drafts to include\n")  # fmt: skip
    published(source)
    code, out, err = run_cli("build", "--site", root)
    assert code == 0 and ", 1 warning;" in out
    (line,) = err.splitlines()
    assert line == (
        "warning: content/heart-attack-warning-signs.md:13: 'Write the first paragraph here: …'"
        " is the placeholder 'articlegen new' wrote: readers would get it as the article's first"
        " paragraph and its summary — write your own first paragraph in its place, or keep"
        " 'draft: true' until the article is written"
    )
    lines = source.read_text(encoding="utf-8").splitlines()
    assert lines[12].startswith("Write the first paragraph here:")
    page = parse(root / "public/heart-attack-warning-signs/index.html")
    shown = page.css_first(".body p").text()
    assert shown == lines[12]  # published as warned
    assert page.css_first("meta[name=description]").attributes["content"] == shown
    assert run_cli("check", "--site", root, "--strict")[0] == 1
    source.write_text("\n".join([*lines[:12], "Chest pain is the sign most know."]) + "\n")
    assert run_cli("build", "--site", root, "--strict")[:3:2] == (0, "")


def test_a_page_published_with_the_placeholder_new_wrote_is_a_warning(site, run_cli) -> None:
    root = site({"a.md": article("Alpha")})
    assert run_cli("new", "About Us", "--page", "--site", root)[0] == 0
    published(root / "content/pages/about-us.md")
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [
        "warning: content/pages/about-us.md:6: 'Write the first paragraph here: …' is the"
        " placeholder 'articlegen new' wrote: readers would get it as the page's first paragraph"
        " and its summary — write your own first paragraph in its place, or keep 'draft: true'"
        " until the page is written"
    ]


def test_an_article_published_with_no_text_is_a_warning(site, run_cli) -> None:
    """A header alone, published, was a page holding its title, byline and disclaimer and
    nothing else, without a word; a draft may have no text yet."""
    root = site(
        {
            "a.md": "---\ntitle: Only a Header\ndate: 2024-01-01\n---\n\n  \n",
            "b.md": article("Later", "", draft="true"),
            "pages/c.md": "---\ntitle: About\n---\n",
        }
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [
        f"warning: content/{name}:2: the {kind} has no text under its header: readers would get"
        f" a page holding its title alone — write its text under the header, or keep 'draft:"
        f" true' until the {kind} is written"
        for name, kind in (("a.md", "article"), ("pages/c.md", "page"))
    ] + ["note: 1 draft skipped (content/b.md); --drafts to include"]
    assert run_cli("check", "--site", root, "--strict")[0] == 1


WELCOME_WARNING = (
    "warning: content/welcome.md:7: this is the sample article 'articlegen init' wrote,"
    " unchanged: readers would get it as one of this blog's articles — write your own text in"
    " it, delete the file once you have written an article of your own, or keep it out of the"
    " site with 'draft: true'"
)


def test_the_sample_article_init_wrote_is_a_warning_until_it_is_edited(
    tmp_path: Path, run_cli
) -> None:
    root = tmp_path / "blog"
    assert run_cli("init", root)[0] == 0
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines()[0] == WELCOME_WARNING
    welcome = parse(root / "public/welcome/index.html").css_first(".body p").text()
    assert welcome.startswith("This is the first article of your blog.")  # published as warned
    source = root / "content/welcome.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("## Publishing", "## Publishing my blog"), encoding="utf-8")
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert [line.split(":")[1] for line in err.splitlines()] == [" site.yaml", " site.yaml"]
