"""Body links to paths of the site, end to end: a file of ``static/`` linked as an image is
named, links to any page the build publishes, each written under the base path, and a link
to nothing an error of ``build``, ``check``, ``check --links``, an incremental build and
the preview alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.incremental.cache import BuildCache
from articlegen.serve.preview import Preview
from tests.conftest import SITE_YAML, article, parse
from tests.helpers import failure_messages, internal_link_problems, snapshot
from tests.serving import EventStream, fetch

PROJECT_SITE = "https://owner.github.io/repo/"
SITE = (
    SITE_YAML
    + 'per_page: 1\nauthors:\n  example-author:\n    name: "Example Author"\n'
    + "author: example-author\n"
).replace('author: "Example Author"\n', "")
HEART = (
    "Get [the guide](files/guide.pdf) and [root one](/files/guide.pdf?v=2#page=3).\n\n"
    "See [heart](../heart-health/) and [the guide again](</files/my notes.pdf>).\n\n"
    "Code keeps `[x](/nowhere/)` as written."
)
EVERY_PAGE = (
    "[home](/) [tag](/tags/heart/) [tag page 2](/tags/heart/page/2/) [tags](/tags/) "
    "[see also](/see-also/) [archive](/archive/) [search](/search/) [404](/404.html) "
    "[feed](/feed.xml) [tag feed](/tags/heart/feed.xml) [sitemap](/sitemap.xml) "
    "[old](/old-heart/) [author](/authors/example-author/) [css](/assets/style.css) "
    "[image](images/dot.svg) [page 2](/page/2/) [about](../about/) [no slash](/heart-health)"
)


@pytest.fixture
def blog(site) -> Path:
    return site(
        {
            "heart-health.md": article(
                "Heart Health", HEART, tags="[heart]", aliases="[/old-heart/]"
            ),
            "sleep.md": article("Sleep", EVERY_PAGE, tags="[heart]", date="2024-02-01"),
            "pages/about.md": article("About", "About [heart](/heart-health/)."),
        },
        site_yaml=SITE,
        files={
            "static/files/guide.pdf": "%PDF-1.4\n",
            "static/files/my notes.pdf": "%PDF-1.4\n",
            "static/images/dot.svg": "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>",
        },
    )


def hrefs(page: Path) -> list[str]:
    return [a.attributes["href"] or "" for a in parse(page).css(".body a")]


def test_links_to_files_and_pages_are_written_under_the_base_path(blog: Path) -> None:
    build_site(blog, BuildOptions(jobs=1, base_url=PROJECT_SITE))
    out = blog / "public"
    assert hrefs(out / "heart-health/index.html") == [
        "/repo/files/guide.pdf",
        "/repo/files/guide.pdf?v=2#page=3",
        "/repo/heart-health/",
        "/repo/files/my%20notes.pdf",
    ]
    code = parse(out / "heart-health/index.html").css_first(".body code").text()
    assert code == "[x](/nowhere/)"
    assert (out / "files/guide.pdf").is_file()
    assert hrefs(out / "about/index.html") == ["/repo/heart-health/"]
    every = hrefs(out / "sleep/index.html")
    assert every[:3] == ["/repo/", "/repo/tags/heart/", "/repo/tags/heart/page/2/"]
    assert "/repo/images/dot.svg" in every and "/repo/heart-health" in every
    assert all(href.startswith("/repo/") for href in every)
    assert internal_link_problems(out, "/repo/") == []


def test_a_link_already_under_the_base_path_is_not_prefixed_twice(blog: Path) -> None:
    source = blog / "content/heart-health.md"
    source.write_text(source.read_text().replace("(/files/guide", "(/repo/files/guide"))
    build_site(blog, BuildOptions(jobs=1, base_url=PROJECT_SITE))
    assert hrefs(blog / "public/heart-health/index.html")[1] == "/repo/files/guide.pdf?v=2#page=3"


BROKEN = (
    "Get [the guide](files/guide.pdf) and [the missing one](files/missing.pdf) and "
    "[root one](/files/guide.pdf).\n\n"
    "See [the guide](/guides/sleep/) and [heart](../heart-health/) and [x](heart-health)."
)


def broken_site(site) -> Path:
    return site(
        {"heart-health.md": article("Heart Health", BROKEN)},
        files={"static/files/guide.pdf": "%PDF-1.4\n"},
    )


def test_a_link_to_nothing_fails_the_build_at_its_line(site, run_cli) -> None:
    root = broken_site(site)
    code, _, err = run_cli("build", "--site", root)
    assert code == 1
    assert not (root / "public").exists()
    lines = [line for line in err.splitlines() if line.startswith("error: content/")]
    assert lines[0].startswith(
        "error: content/heart-health.md:6: link 'files/missing.pdf' leads to "
        "/files/missing.pdf, where this site publishes no page or file (did you mean "
        "'/files/guide.pdf'?) — put the file in static/ (static/files/missing.pdf)"
    )
    assert lines[1].startswith(
        "error: content/heart-health.md:8: link '/guides/sleep/' leads to /guides/sleep/,"
    )
    assert "full address, https://example.test/guides/sleep/" in lines[1]
    assert lines[2].startswith(
        "error: content/heart-health.md:8: link 'heart-health' leads to "
        "/heart-health/heart-health, where this site publishes no page or file (did you mean "
        "'/heart-health/'?)"
    )
    assert len(lines) == 3
    assert "error: 3 errors; nothing was written" in err


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("sleep.markdown#deep", "sleep.md#deep"),
        ("/sleep.markdown", "/sleep.md"),
        ("sleep.MD", "sleep.md"),
    ],
)
def test_a_link_to_a_markdown_file_named_otherwise_says_to_link_its_md_file(
    site, run_cli, written: str, meant: str
) -> None:
    """A writer from Jekyll links a post's file as Jekyll names it: the hint said to put
    that file in static/, where it would be published as a raw file, not the article."""
    body = f"See [sleep]({written}).\n\n## Deep\n"
    root = site({"heart.md": article("Heart", body), "sleep.md": article("Sleep", "## Deep\n")})
    code, _, err = run_cli("build", "--site", root)
    assert code == 1
    (line,) = [line for line in err.splitlines() if line.startswith("error: content/")]
    assert line.startswith(f"error: content/heart.md:6: link '{written}' leads to ")
    assert line.endswith(f" — an article is linked by its file ending in '.md': write {meant}")
    (root / "content/heart.md").write_text(article("Heart", body.replace(written, meant)))
    code, _, err = run_cli("build", "--site", root)
    assert code == 0, err
    link = parse(root / "public/heart/index.html").css_first("div.body a")
    assert link.attributes["href"] == "/sleep/" + meant.partition(".md")[2]


def test_they_are_reported_with_the_other_errors_of_the_same_build(site, run_cli) -> None:
    """They were checked only once every page was planned, after every other check had
    passed: a front-matter error elsewhere hid them until the next build."""
    root = site(
        {
            "bad.md": article("Bad", date="2024-02-30", tags="[rare]"),
            "links.md": article(
                "Links",
                "See [gone](/gone/), [the guide](files/missing.pdf) and [no post](missing.md)."
                "\n\nBut [bad](/bad/), [rare](/tags/rare/) and [home](/) are there.",
            ),
        }
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 1
    lines = [line.split(" — ")[0] for line in err.splitlines() if line.startswith("error: ")]
    assert [line.split(":")[1:3] for line in lines[:-1]] == [
        [" content/bad.md", "3"],
        [" content/links.md", "6"],
        [" content/links.md", "6"],
        [" content/links.md", "6"],
    ]
    assert "'date' is not a real date" in lines[0]
    assert "link 'missing.md' matches no article or page" in lines[1]
    assert "link '/gone/' leads to /gone/, where this site publishes no page or file" in lines[2]
    assert "link 'files/missing.pdf' leads to /files/missing.pdf" in lines[3]
    assert lines[-1] == "error: 4 errors; nothing was written"


def test_a_link_to_an_old_address_of_a_file_that_failed_to_load_is_no_error(site, run_cli) -> None:
    """A damaged file's own address counted as published, but not its ``aliases``: a link
    to one was reported as leading nowhere (with a 'did you mean'), though it works as
    soon as that file's own error is fixed."""
    root = site(
        {
            "bad.md": article("Bad", date="2024-02-30", aliases='["/old-bad/", "/older.html"]'),
            "links.md": article(
                "Links", "See [old](/old-bad/), [older](/older.html), [gone](/gone/)."
            ),
        }
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 1
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3, err
    assert "'date' is not a real date" in errors[0]
    assert "link '/gone/' leads to /gone/" in errors[1]
    assert errors[-1] == "error: 2 errors; nothing was written"


@pytest.mark.parametrize("command", [["check"], ["check", "--links"]])
def test_check_reports_them_too(site, run_cli, command: list[str]) -> None:
    root = broken_site(site)
    code, _, err = run_cli(*command, "--site", root)
    assert code == 1
    assert err.count("where this site publishes no page or file") == 3


def test_a_link_to_a_page_left_out_is_an_error(site) -> None:
    root = site(
        {
            "a.md": article("A", "See [draft](/b/)."),
            "b.md": article("B", draft="true"),
        }
    )
    assert failure_messages(lambda: build_site(root, BuildOptions(jobs=1))) == [
        "content/a.md:6: link '/b/' leads to /b/, where this site publishes no page or file "
        "(did you mean '/a/'?) — fix the link (a file of static/ is written relative to "
        "static/, a page from the site's root with a leading '/'); something on this host "
        "that this site does not publish cannot be checked: link to it by its full address, "
        "https://example.test/b/"
    ]
    build_site(root, BuildOptions(jobs=1, drafts=True))


def test_an_incremental_build_checks_as_a_clean_one(blog: Path, tmp_path: Path) -> None:
    cache = BuildCache()
    build_site(blog, BuildOptions(jobs=1), cache=cache)
    (blog / "static/files/guide.pdf").unlink()  # no article changed
    messages = failure_messages(lambda: build_site(blog, BuildOptions(jobs=1), cache=cache))
    assert [m.split(",")[0] for m in messages] == [
        "content/heart-health.md:8: link 'files/guide.pdf' leads to /files/guide.pdf",
        "content/heart-health.md:8: link '/files/guide.pdf?v=2#page=3' leads to /files/guide.pdf",
    ]
    (blog / "static/files/guide.pdf").write_text("%PDF-1.4\n")
    source = blog / "content/sleep.md"
    source.write_text(source.read_text().replace("[tags](/tags/)", "[tags](/tagz/)"))
    assert len(failure_messages(lambda: build_site(blog, BuildOptions(jobs=1), cache=cache))) == 1
    source.write_text(source.read_text().replace("(/tagz/)", "(/tags/)"))
    build_site(blog, BuildOptions(jobs=1), cache=cache)
    build_site(blog, BuildOptions(jobs=1, output=tmp_path / "clean"))
    assert snapshot(blog / "public") == snapshot(tmp_path / "clean")


def test_the_preview_reports_a_link_to_nothing_and_recovers(blog: Path) -> None:
    with Preview(blog, port=0, log=lambda line: None, quiet=0.05) as running:
        page = fetch(running.url, "/heart-health/").html()
        assert page.css_first(".body a").attributes["href"] == "/files/guide.pdf"
        stream = EventStream(running.url, fetch(running.url, "/heart-health/"))
        source = blog / "content/heart-health.md"
        good = source.read_text()
        source.write_text(good.replace("(../heart-health/)", "(../heart-healt/)"))
        lines = stream.wait_for("failed")
        assert isinstance(lines, list)
        assert lines[0].startswith(
            "error: content/heart-health.md:10: link '../heart-healt/' leads to /heart-healt/"
        )
        # the preview's own address is no address to link to: the hint offers none
        assert running.url.rstrip("/") not in lines[0] and "full address" not in lines[0]
        assert lines[0].endswith("(a file of static/ is written relative to static/, a page "
                                 "from the site's root with a leading '/')")  # fmt: skip
        source.write_text(good)
        stream.wait_for("clear", "reload")
    assert not (blog / "public").exists()


def test_an_id_on_an_articles_address_is_checked(site) -> None:
    root = site(
        {
            "a.md": article("A", "See [risks](/b/#risks) and [bad](../b/#risk)."),
            "b.md": article("B", "## Risks\n\nText."),
        }
    )
    assert failure_messages(lambda: build_site(root, BuildOptions(jobs=1))) == [
        "content/a.md:6: link '../b/#risk': content/b.md has no id 'risk' (did you mean "
        "'risks'?) — ids are case-sensitive; a heading's id is shown by the # link beside it"
    ]


def test_the_search_page_counts_without_pagefind(blog: Path, monkeypatch) -> None:
    monkeypatch.setattr("articlegen.build.find_pagefind", lambda: None)
    result = build_site(blog, BuildOptions(jobs=1, write=False))
    assert "search/index.html" not in {page.out_path for page in result.pages}


def test_a_full_address_is_offered_only_beside_the_site_s_base_path(site) -> None:
    """Beside a site at ``/blog/``, a link from the host's root is offered its full address
    as written there; one under ``/blog/`` or relative is the site's own place, where an
    address written whole would go unchecked, and is offered none."""
    root = site(
        {
            "a.md": article(
                "A", "See [shop](/shop/#hours), [old](/blog/old-page/) and [b](b-page?x=1)."
            )
        },
        site_yaml=SITE_YAML.replace("https://example.test/", "https://example.test/blog/"),
    )
    messages = failure_messages(lambda: build_site(root, BuildOptions(jobs=1)))
    assert [message.partition("full address, ")[2] for message in messages] == [
        "https://example.test/shop/#hours",
        "",
        "",
    ]


def test_a_site_at_an_example_address_is_offered_no_full_address_on_it(site) -> None:
    """``init``'s base_url, https://example.org/, is no host a page can be on: a path that
    leads nowhere there is rather an old site's (a blog's, imported), to link to there."""
    root = site(
        {"a.md": article("A", "See [the graph](/scatter.fm/).")},
        site_yaml=SITE_YAML.replace("https://example.test/", "https://example.org/"),
    )
    assert failure_messages(lambda: build_site(root, BuildOptions(jobs=1))) == [
        "content/a.md:6: link '/scatter.fm/' leads to /scatter.fm/, where this site publishes"
        " no page or file — fix the link (a file of static/ is written relative to static/, a"
        " page from the site's root with a leading '/'); a page of another site (an old"
        " blog's, say) is linked by its full address there"
    ]
