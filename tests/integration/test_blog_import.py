"""``articlegen import`` of whole blogs: a WordPress export, a Jekyll site, a Hugo folder."""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, article, parse, write_tree
from tests.helpers import internal_link_problems, snapshot
from tests.integration.test_build import GISCUS

FIXTURES = Path(__file__).parents[1] / "fixtures" / "blogs"
EXPORT = FIXTURES / "wordpress" / "export.xml"
JEKYLL = FIXTURES / "jekyll"
HUGO = FIXTURES / "hugo"


@pytest.fixture
def blog(site) -> Path:
    return site({"welcome.md": article("Welcome")}, site_yaml=GISCUS)


def _header(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n---\n")[0].splitlines()


def test_a_wordpress_export_becomes_articles(blog: Path, run_cli) -> None:
    code, out, err = run_cli("import", EXPORT, "--site", blog)
    assert code == 0, err
    assert out.splitlines() == [
        f"imported {EXPORT}: post 10 'Morning Walks and Blood Pressure' as content/morning-walks.md",
        f"imported {EXPORT}: post 11 'Sleep and Recovery' as content/sleep-and-recovery.md",
        f"imported {EXPORT}: page 2 'About' as content/pages/about.md",
        f"left out of {EXPORT}: draft 1, private 1, attachment 1, nav menu item 1, revision 1",
    ]
    assert _header(blog / "content/morning-walks.md") == [
        "---",
        'title: "Morning Walks and Blood Pressure"',
        "date: 2019-05-14T09:30:00+02:00",
        "updated: 2019-06-01T18:00:00+02:00",
        'description: "Why a short walk each morning matters."',
        'tags: ["Fitness", "Blood Pressure"]',  # author: the site's own, so not written
        "comments: true",
        "aliases:",
        '  - "/2019/05/14/morning-walks/"',
    ]
    assert _header(blog / "content/pages/about.md") == [
        "---",
        'title: "About"',
        "date: 2019-01-01T12:00:00+00:00",
    ]  # a page: no author; its old address /about/ is its new one, so no alias
    body = (blog / "content/morning-walks.md").read_text(encoding="utf-8")
    assert "[[sleep-and-recovery|how sleep helps recovery]]" in body
    assert "[[about|about this blog]]" in body
    assert "shortcodes kept as text: [gallery]" in err
    assert "images left on the old site (1)" in err
    assert (
        "  https://old.example.org/wp-content/uploads/2019/05/walk.png → "
        "static/wp-content/uploads/2019/05/walk.png" in err.splitlines()
    )


def test_a_post_at_its_new_address_needs_no_alias_and_is_recognised_again(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    export = tmp_path / "export.xml"
    export.write_text(
        EXPORT.read_text(encoding="utf-8").replace(
            "/2020/01/03/sleep-and-recovery/", "/sleep-and-recovery/"
        ),
        encoding="utf-8",
    )
    assert run_cli("import", export, "--site", blog)[0] == 0
    assert "aliases:" not in (blog / "content/sleep-and-recovery.md").read_text(encoding="utf-8")
    code, out, _ = run_cli("import", export, "--site", blog)
    assert code == 0
    assert (
        f"skipped {export}: post 11 'Sleep and Recovery': already imported as "
        "content/sleep-and-recovery.md (its old address /sleep-and-recovery/; --overwrite "
        "writes it again)" in out.splitlines()
    )


def test_dry_run_prints_the_table_and_writes_nothing(blog: Path, run_cli) -> None:
    before = snapshot(blog)
    code, out, _ = run_cli("import", EXPORT, JEKYLL, "--site", blog, "--dry-run")
    assert code == 0
    assert snapshot(blog) == before
    rows = [re.split(r"\s{2,}", line) for line in out.splitlines()[:7]]
    assert rows == [
        ["old address", "new file", "title", "warnings"],
        ["/2019/05/14/morning-walks/", "content/morning-walks.md", "Morning Walks and Blood Pressure", "1"],
        ["/2020/01/03/sleep-and-recovery/", "content/sleep-and-recovery.md", "Sleep and Recovery", "0"],
        ["/about/", "content/pages/about.md", "About", "0"],
        ["/fitness/2019/05/morning-walks/", "content/morning-walks-2.md", "Morning Walks and Blood Pressure", "1"],
        ["/sleep/", "content/sleep-and-recovery-2.md", "Sleep and Recovery", "1"],
        ["/news/2021/03/clinic-news/", "content/clinic-news.md", "Clinic News", "0"],
    ]  # fmt: skip
    assert out.splitlines()[-1] == "dry run: nothing was written"
    assert "would copy 1 file into static/" in out


def test_running_again_skips_what_is_there_and_overwrite_writes_it_again(
    blog: Path, run_cli
) -> None:
    assert run_cli("import", HUGO, "--site", blog)[0] == 0
    after_first = snapshot(blog)
    code, out, _ = run_cli("import", HUGO, "--site", blog)
    assert code == 0
    assert snapshot(blog) == after_first
    skipped = [line for line in out.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 3
    assert skipped[0] == (
        f"skipped {HUGO / 'content/about/index.md'}: already imported as content/pages/about.md "
        "(its old address /about-us/; --overwrite writes it again)"
    )
    walks = blog / "content/morning-walks.md"
    walks.write_text(walks.read_text(encoding="utf-8") + "An edit.\n", encoding="utf-8")
    code, out, _ = run_cli("import", HUGO, "--site", blog, "--overwrite")
    assert code == 0
    assert f"replaced {HUGO / 'content/posts/morning-walks.md'} as content/morning-walks.md" in out
    assert snapshot(blog) == after_first


def test_jekyll_and_hugo_images_are_copied_under_their_old_paths(blog: Path, run_cli) -> None:
    code, out, _ = run_cli("import", JEKYLL, HUGO, "--site", blog)
    assert code == 0
    for path, source in [
        ("static/assets/images/walk.png", JEKYLL / "assets/images/walk.png"),
        ("static/images/walk.png", HUGO / "static/images/walk.png"),
        ("static/2020/01/sleep-recovery/bedroom.png", HUGO / "content/posts/sleep-and-recovery/bedroom.png"),
    ]:  # fmt: skip
        assert (blog / path).read_bytes() == source.read_bytes()
    assert "copied 3 files into static/" in out
    sleep = (blog / "content/sleep-recovery.md").read_text(encoding="utf-8")
    assert "![A dark bedroom](</2020/01/sleep-recovery/bedroom.png>)" in sleep
    assert "[[morning-walks-2|the walking post]]" in sleep


def test_a_hugo_bundle_named_in_its_language_brings_its_files(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    """A bundle whose page is ``index.en.md`` in the default language's contentDir was no
    bundle: its page became the article 'index-en', its picture was left on the old site
    and the Markdown file beside it became an article of its own."""
    write_tree(
        tmp_path,
        """
        -- hugo/hugo.toml --
        baseURL = "https://old.example/"
        [permalinks]
        posts = "/:year/:slug/"
        [languages.en]
        contentDir = "content/en"
        [languages.fr]
        contentDir = "content/fr"
        -- hugo/content/en/posts/walks/index.en.md --
        ---
        title: Walks
        date: 2020-01-01
        tags: [walking]
        ---
        A walk.

        ![A path in a wood](photo.png)
        -- hugo/content/en/posts/walks/notes.md --
        ---
        title: Notes
        ---
        A page resource its theme shows.
        """,
    )
    photo = tmp_path / "hugo/content/en/posts/walks/photo.png"
    photo.write_bytes((HUGO / "content/posts/sleep-and-recovery/bedroom.png").read_bytes())
    code, out, err = run_cli("import", tmp_path / "hugo", "--site", blog)
    assert code == 0, err
    assert "copied 1 file into static/" in out
    assert (blog / "static/2020/walks/photo.png").read_bytes() == photo.read_bytes()
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    page = parse(blog / "public/walks/index.html")
    assert page.css_first("h1").text() == "Walks"
    (image,) = page.css(".body img")
    assert image.attributes["src"].startswith("/2020/walks/photo")
    assert image.attributes["alt"] == "A path in a wood"
    assert not (blog / "content/notes.md").exists()
    assert not (blog / "public/notes").exists()


def test_an_alias_another_post_of_the_import_has_is_left_out(blog: Path, run_cli) -> None:
    code, _, err = run_cli("import", JEKYLL, HUGO, "--site", blog)
    assert code == 0
    assert '"/walking/"' not in (blog / "content/morning-walks-2.md").read_text(encoding="utf-8")
    assert "its old address /walking/ is also" in err


def test_add_authors_registers_new_people(site, run_cli) -> None:
    yaml = GISCUS.replace('author: "Example Author"\n', "") + (
        "authors:\n  example-editor:\n    name: Example Editor\n"
    )
    root = site({}, site_yaml=yaml)
    code, out, err = run_cli("import", HUGO, "--site", root)
    assert code == 0
    assert "# author: \"Example Author\"  # not in site.yaml 'authors:'" in _header(
        root / "content/sleep-recovery.md"
    )
    assert "is not in site.yaml 'authors:'" in err
    shutil.rmtree(root / "content")
    code, out, err = run_cli("import", HUGO, "--site", root, "--add-authors")
    assert code == 0, err
    assert 'author: "example-author"' in _header(root / "content/sleep-recovery.md")
    assert "added 'example-author' to site.yaml 'authors:'" in out
    assert (
        (root / "site.yaml")
        .read_text(encoding="utf-8")
        .endswith(
            "authors:\n  example-editor:\n    name: Example Editor\n"
            '  example-author:\n    name: "Example Author"\n'
        )
    )


def test_add_authors_refuses_to_start_a_registry_over_names(blog: Path, run_cli) -> None:
    code, out, err = run_cli("import", HUGO, "--site", blog, "--add-authors")
    assert (code, out) == (1, "")
    assert "--add-authors would start 'authors:' in site.yaml" in err
    assert not (blog / "content/sleep-recovery.md").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "wordpress", JEKYLL], "a folder, not a WordPress export"),
        (["--from", "jekyll", EXPORT], "a file, not a Jekyll site folder"),
        ([FIXTURES], f"a folder holding a blog in {HUGO}, not a blog itself"),
        ([FIXTURES / "wordpress"], "a folder that is neither a Jekyll site"),
    ],
)
def test_sources_of_the_wrong_kind_are_clear_errors(
    blog: Path, run_cli, args: list[object], message: str
) -> None:
    before = snapshot(blog)
    code, out, err = run_cli("import", *args, "--site", blog)
    assert (code, out) == (1, "")
    assert message in err and err.endswith("error: 1 error; nothing was imported\n")
    assert snapshot(blog) == before


def test_a_folder_of_saved_pages_is_told_to_give_the_pages(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved/page.html").write_text("<h1>Placeholder</h1>", encoding="utf-8")
    code, out, err = run_cli("import", tmp_path / "saved", "--site", blog)
    assert (code, out) == (1, "")
    assert f"give the pages themselves: {tmp_path / 'saved'}/*.html" in err
    assert "--from jekyll" not in err


def test_imported_blogs_build_and_their_old_addresses_redirect(blog: Path, run_cli) -> None:
    code, _, err = run_cli("import", EXPORT, JEKYLL, HUGO, "--site", blog)
    assert code == 0, err
    code, _, err = run_cli("build", "--site", blog, "--base-url", "https://new.example/")
    assert code == 0, err
    redirects = (blog / "public/_redirects").read_text(encoding="utf-8").splitlines()
    assert "/2019/05/14/morning-walks/ /morning-walks/ 301" in redirects
    assert "/sleep/ /sleep-and-recovery-2/ 301" in redirects
    assert not any(line.startswith("/about/ ") for line in redirects)  # the page is there
    old = parse(blog / "public/2020/01/sleep-recovery/index.html")
    refresh = old.css_first('meta[http-equiv="refresh"]').attributes.get("content")
    assert refresh == "0; url=https://new.example/sleep-recovery/"
    assert internal_link_problems(blog / "public") == []
    page = parse(blog / "public/sleep-and-recovery/index.html")
    links = {a.text(deep=True): a.attributes.get("href") for a in page.css(".body a")}
    assert links["the walking post"].endswith("/morning-walks/#why-mornings")
    image = parse(blog / "public/sleep-recovery/index.html").css_first(".body img")
    assert image.attributes.get("src").endswith("/2020/01/sleep-recovery/bedroom.png")


def test_an_image_of_a_jekyll_site_served_under_a_baseurl_is_found_and_copied(
    blog: Path, run_cli, tmp_path
) -> None:
    old = tmp_path / "old"
    (old / "_posts").mkdir(parents=True)
    (old / "assets/img").mkdir(parents=True)
    (old / "_config.yml").write_text("baseurl: /blog\n")
    shutil.copyfile(JEKYLL / "assets/images/walk.png", old / "assets/img/run.png")
    (old / "_posts/2020-01-01-runs.md").write_text(
        "---\ntitle: Runs\n---\nText.\n\n![A run]({{ site.baseurl }}/assets/img/run.png)\n"
    )
    code, out, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert "copied 1 file into static/" in out and "not found" not in err
    code, _, err = run_cli("check", "--site", blog)
    assert code == 0, err


def test_a_link_to_an_old_page_not_imported_is_named_and_said_what_became_of_it(
    blog: Path, run_cli, tmp_path
) -> None:
    old = tmp_path / "old"
    (old / "_posts").mkdir(parents=True)
    (old / "_config.yml").write_text('url: "https://old.example.org"\n')
    (old / "_posts/2020-01-01-runs.md").write_text(
        "---\ntitle: Runs\n---\nSee [health](/category/health/).\n"
    )
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert (
        "match no imported post (/category/health/): they now point to the old site by its full"
        " address" in err
    )
    assert (
        "[health](<https://old.example.org/category/health/>)"
        in (blog / "content/runs.md").read_text()
    )


def test_a_link_to_an_old_page_not_imported_stays_text_where_the_old_address_is_unknown(
    blog: Path, run_cli, tmp_path
) -> None:
    """Without the old site's address, the path of a page not imported would lead nowhere
    here, which the build refuses: the import keeps its text, and the link in a comment."""
    old = tmp_path / "old"
    (old / "_posts").mkdir(parents=True)
    (old / "_config.yml").write_text("title: Old\n")
    (old / "_posts/2020-01-01-runs.md").write_text(
        "---\ntitle: Runs\n---\nSee [the `health` page](/category/health/) and [more][m].\n\n"
        "```\n[code](/code/)\n```\n\n[m]: /more/\n"
    )
    code, out, err = run_cli("import", old, "--site", blog, "--dry-run")
    assert code == 0, err
    assert "content/runs.md:8: link [more][m] leads to a page of the old site" in err
    assert "dry run: nothing was written" in out and not (blog / "content/runs.md").exists()
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert (
        "content/runs.md:8: link [the `health` page](/category/health/) leads to a page of the"
        " old site that was not imported, and the source gives no address of the old site" in err
    )
    assert "content/runs.md:14: link [m]: /more/ leads to" in err
    assert "to link it again, write the link of the comment in place of its text" in err
    assert "match no imported post" not in err
    written = (blog / "content/runs.md").read_text()
    assert (
        "See the `health` page<!-- not on this site: [the `health` page](/category/health/) -->"
        " and more<!-- not on this site: [more][m] -->." in written
    )
    assert "[code](/code/)\n```" in written
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    page = parse(blog / "public/runs/index.html")
    paragraph = next(p for p in page.css("article p") if p.text().startswith("See"))
    assert paragraph.text() == "See the health page and more."
    assert not paragraph.css("a") and "/more/" not in page.html


SEARCH_POST = (
    "---\ntitle: Runs\n---\nFind [runs](/blog/search/), [zinc](https://old.example.org/blog/search"
    "?q=zinc+dose), [sleep](/blog/?s=sleep%20apnea) and [fish][f].\n\n[f]: </blog/search.html?query=fish>\n"
)


@pytest.mark.parametrize("search", [True, False])
def test_a_link_to_the_old_sites_search_page_leads_to_this_sites(
    site, run_cli, tmp_path, search: bool
) -> None:
    blog = site({}, site_yaml=SITE_YAML + ("" if search else "search: false\n"))
    old = tmp_path / "old"
    (old / "_posts").mkdir(parents=True)
    (old / "_config.yml").write_text('url: "https://old.example.org"\nbaseurl: /blog\n')
    (old / "_posts/2020-01-01-runs.md").write_text(SEARCH_POST)
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert ("match no imported post" in err) is not search
    assert "is shown as text" not in err  # </search/> is no HTML tag
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    links = parse(blog / "public/runs/index.html").css("article p a")
    found = {a.text(strip=True): a.attributes["href"] for a in links}
    if search:
        assert found == {
            "runs": "/search/",
            "zinc": "/search/?q=zinc+dose",
            "sleep": "/search/?q=sleep+apnea",
            "fish": "/search/?q=fish",
        }
    else:  # none here: on the old site, as another page not imported is
        assert found["runs"] == "https://old.example.org/blog/search/"
        assert found["sleep"] == "https://old.example.org/blog/?s=sleep%20apnea"


def test_a_jekyll_page_becomes_a_page_that_redirects_from_its_old_address(
    blog: Path, run_cli, tmp_path
) -> None:
    old = shutil.copytree(JEKYLL, tmp_path / "old")
    (old / "about.md").write_text("---\ntitle: About us\npermalink: /about-us/\n---\nWho.\n")
    (old / "contact.md").write_text("---\ntitle: Contact\n---\nWrite.\n")  # at /contact/
    code, out, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert f"imported {old / 'about.md'} as content/pages/about.md" in out.splitlines()
    assert "gives no date" not in err  # a page needs none
    assert _header(blog / "content/pages/about.md") == [
        "---", 'title: "About us"', "aliases:", '  - "/about-us/"'
    ]  # fmt: skip
    # the site's permalinks end in "/", so Jekyll wrote contact.md at /contact/, as here
    assert _header(blog / "content/pages/contact.md") == ["---", 'title: "Contact"']
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    redirects = (blog / "public/_redirects").read_text(encoding="utf-8").splitlines()
    assert "/about-us/ /about/ 301" in redirects
    moved = parse(blog / "public/about-us/index.html")
    assert moved.css_first("link[rel=canonical]").attributes["href"].endswith("/about/")
    page = parse(blog / "public/about/index.html")
    assert page.css_first("h1").text(strip=True) == "About us"


def test_display_math_of_a_markdown_post_becomes_a_tex_block_with_a_warning(
    site, run_cli, tmp_path
) -> None:
    """'$$…$$' was kept as text read as Markdown ('a_1 * b_2' lost its marks to emphasis),
    without a word, where a saved web page's math is kept as TeX with a warning."""
    source = tmp_path / "old" / "content"
    source.mkdir(parents=True)
    text = (
        "---\ntitle: A\ndate: 2020-01-01\n---\nIt costs $5 and $10.\n\n"
        "$$\na_1 * b_2\n$$\n\nInline $$x^2$$ stays.\n"
    )
    (source / "a.md").write_text(text)
    root = site({})
    code, _, err = run_cli("import", source, "--site", root)
    assert code == 0, err
    written = (root / "content/a.md").read_text(encoding="utf-8")
    assert "It costs $5 and $10.\n\n```tex\na_1 * b_2\n```\n\nInline $$x^2$$ stays." in written
    assert (
        "warning: content/a.md: its math between '$$' is TeX, which articlegen does not draw: "
        "a formula on lines of its own kept as a ```tex block; any within a line shown as text "
        "(write it as `code`, or in words); check each reads as meant"
    ) in err
    assert err.count("warning:") == 1 and "a.md:7\n" in err
    code, _, err = run_cli("build", "--site", root)
    assert code == 0, err


def test_raw_html_in_markdown_posts_is_a_warning_unless_allowed(site, run_cli, tmp_path) -> None:
    source = tmp_path / "old" / "content"
    source.mkdir(parents=True)
    text = "---\ntitle: A\ndate: 2020-01-01\n---\nH<sub>2</sub>O<br>\n<kbd>x</kbd>\n\nAt <your-email>\n"
    (source / "a.md").write_text(text)
    root = site({})
    code, _, err = run_cli("import", source, "--site", root)
    assert code == 0
    assert "its HTML (<kbd> at line 6) is shown as text" in err and "a.md:6" in err
    assert "its words in angle brackets (<your-email> at line 8) are no HTML" in err
    assert "H₂O\\\n<kbd>x</kbd>" in (root / "content/a.md").read_text(encoding="utf-8")
    allowing = site({}, site_yaml=GISCUS + "markdown:\n  allow_html: true\n")
    (allowing / "content/a.md").unlink()
    code, _, err = run_cli("import", source, "--site", allowing)
    assert code == 0 and "shown as text" not in err


def test_colon_lines_that_open_no_video_are_escaped_so_the_site_builds(
    site, run_cli, tmp_path
) -> None:
    """A ':::' line opening no video block is an error of the build (the page would show it
    as text): a post's, which the old site showed as text, is written '\\:::', with a
    warning, and the site builds, code left as it is."""
    source = tmp_path / "old" / "content"
    source.mkdir(parents=True)
    body = "::: tip\nDrink water.\n:::\n\n```\n::: code\n```\n"
    (source / "a.md").write_text(f"---\ntitle: A\ndate: 2020-01-01\n---\n{body}")
    root = site({})
    code, _, err = run_cli("import", source, "--site", root)
    assert code == 0
    assert (
        "warning: content/a.md:6: 2 ':::' lines written '\\:::' so the page shows them as text,"
        " as the old site did, where the build would refuse them as blocks it does not have:"
        " line 6 '::: tip'; line 8 ':::'"
    ) in err
    written = (root / "content/a.md").read_text(encoding="utf-8")
    assert written.endswith("\\::: tip\nDrink water.\n\\:::\n\n```\n::: code\n```\n")
    assert run_cli("check", "--site", root)[0] == 0


def test_links_with_no_address_are_kept_as_text_so_the_site_builds(site, run_cli, tmp_path) -> None:
    """A link with no address is an error of the build (it leads back to its own page): a
    post's, which the old site published so, is written as its text, with a warning at its
    line, and the site builds."""
    source = tmp_path / "old" / "content"
    source.mkdir(parents=True)
    body = "See [the study]() and [that][x].\n\n[x]: <>\n"
    (source / "a.md").write_text(f"---\ntitle: A\ndate: 2020-01-01\n---\n{body}")
    root = site({})
    code, _, err = run_cli("import", source, "--site", root)
    assert code == 0
    assert (
        "warning: content/a.md:6: 2 links with no address kept as their text: on the old site"
        " each led back to its own page, and the build refuses a link with no address:"
        " line 6 'the study'; line 6 'that'"
    ) in err
    assert "See the study and that." in (root / "content/a.md").read_text(encoding="utf-8")
    assert run_cli("check", "--site", root)[0] == 0


@pytest.fixture
def image_server(tmp_path: Path) -> Iterator[str]:
    """An HTTP server on this machine serving a PNG, a web page and nothing else."""
    folder = tmp_path / "web"
    (folder / "wp-content/uploads").mkdir(parents=True)
    shutil.copyfile(JEKYLL / "assets/images/walk.png", folder / "wp-content/uploads/walk.png")
    (folder / "page.html").write_text("<p>not an image</p>", encoding="utf-8")
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_download_images_fetches_them_into_static(
    blog: Path, run_cli, image_server: str, tmp_path: Path
) -> None:
    export = tmp_path / "export.xml"
    content = (
        f'<img src="{image_server}/wp-content/uploads/walk.png" alt="A walk">'
        f'<img src="{image_server}/page.html" alt="A page">'
        f'<img src="{image_server}/missing.png" alt="Gone">'
    )
    export.write_text(
        EXPORT.read_text(encoding="utf-8")
        .replace("https://old.example.org", image_server)
        .replace("Classic editor text, no tags.", content),
        encoding="utf-8",
    )
    code, _, _ = run_cli("import", export, "--site", blog, "--dry-run", "--download-images")
    assert code == 0 and not (blog / "static/wp-content").exists()
    code, _, err = run_cli("import", export, "--site", blog, "--download-images")
    assert code == 0, err
    copied = blog / "static/wp-content/uploads/walk.png"
    assert copied.read_bytes() == (JEKYLL / "assets/images/walk.png").read_bytes()
    body = (blog / "content/sleep-and-recovery.md").read_text(encoding="utf-8")
    assert "![A walk](</wp-content/uploads/walk.png>)" in body
    assert f"![A page](<{image_server}/page.html>)" in body
    assert (
        f"warning: {image_server}/page.html: image not downloaded: the address answers with text/html"
        in err
    )
    assert (
        f"warning: {image_server}/missing.png: image not downloaded: the server answers 404" in err
    )


class SizedHandler(QuietHandler):
    """Serves ``photo.png:large`` as a PNG, as Twitter's image host serves its sizes."""

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return super().guess_type(str(path).rsplit(":", 1)[0])


def test_an_image_address_with_a_size_after_its_name_is_saved_without_it(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    web = tmp_path / "web"
    (web / "media").mkdir(parents=True)
    shutil.copyfile(JEKYLL / "assets/images/walk.png", web / "media/Ab-1.png:large")
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(SizedHandler, directory=str(web))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}/media/Ab-1.png:large"
    old = tmp_path / "old"
    (old / "_posts").mkdir(parents=True)
    (old / "_config.yml").write_text("title: Old\n")
    (old / "_posts/2020-01-01-runs.md").write_text(f"---\ntitle: Runs\n---\n![A run]({address})\n")
    try:
        code, _, err = run_cli("import", old, "--site", blog, "--download-images")
    finally:
        server.shutdown()
        server.server_close()
    assert code == 0, err
    saved = blog / "static/127.0.0.1/media/Ab-1.png"
    assert saved.read_bytes() == (JEKYLL / "assets/images/walk.png").read_bytes()
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    image = parse(blog / "public/runs/index.html").css_first("article img")
    assert image.attributes["alt"] == "A run"
    assert image.attributes["src"].endswith("/127.0.0.1/media/Ab-1.png")


def test_old_addresses_the_build_cannot_redirect_are_left_out(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    export = tmp_path / "export.xml"
    export.write_text(
        EXPORT.read_text(encoding="utf-8")
        .replace("/2019/05/14/morning-walks/</link>", "/search/</link>")
        .replace("/2020/01/03/sleep-and-recovery/</link>", "/sleep.php</link>")
        .replace("/about/</link>", "/.git/about/</link>"),
        encoding="utf-8",
    )
    code, _, err = run_cli("import", export, "--site", blog)
    assert code == 0, err
    assert "aliases:" not in (blog / "content/morning-walks.md").read_text(encoding="utf-8")
    assert "its old address /search/ is an address the site uses for its own pages" in err
    assert "its old address /sleep.php ends in 'sleep.php'" in err
    assert "its old address /.git/about/ would put a folder named .git in the output" in err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err


def test_an_old_address_that_is_the_new_one_but_for_case_gets_no_alias(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    write_tree(
        tmp_path,
        """
        -- jekyll/_config.yml --
        permalink: /:title/
        -- jekyll/Contact.MD --
        ---
        title: Contact
        ---
        Write to us.
        -- jekyll/_posts/2020-01-01-FAQ.md --
        ---
        title: Questions
        ---
        Asked often.
        -- hugo/content/posts/walks.md --
        ---
        title: Walks
        date: 2020-02-02
        url: /Walks/
        ---
        Walk.
        """,
    )
    code, _, err = run_cli("import", tmp_path / "jekyll", tmp_path / "hugo", "--site", blog)
    assert code == 0, err
    for name in ("pages/contact.md", "faq.md", "walks.md"):
        assert "aliases:" not in (blog / "content" / name).read_text(encoding="utf-8")
    assert "its old address /Contact/ is its new address but for upper and lower case" in err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    code, out, err = run_cli("import", tmp_path / "jekyll", "--site", blog)
    assert code == 0, err
    assert "already imported as content/pages/contact.md (its old address /Contact/" in out
    assert "already imported as content/faq.md" in out
    assert not (blog / "content/pages/contact-2.md").exists()


def test_imported_markdown_headings_start_at_level_two_so_check_strict_passes(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    write_tree(
        tmp_path,
        """
        -- jekyll/_config.yml --
        permalink: pretty
        -- jekyll/_posts/2020-01-01-rest.md --
        ---
        title: Rest
        ---
        # Rest

        Sleep well.

        Why it matters
        --------------

        ```sh
        # not a heading
        ```
        -- hugo/posts/walk.md --
        ---
        title: Walk
        date: 2020-02-02
        ---
        # Walk

        Walk daily.

        ## How far
        """,
    )
    code, _, err = run_cli("import", tmp_path / "jekyll", tmp_path / "hugo", "--site", blog)
    assert code == 0, err
    code, _, err = run_cli("check", "--strict", "--site", blog)
    assert code == 0, err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    rest = parse(blog / "public/rest/index.html")
    assert len(rest.css("h1")) == 1  # the title, as the body's headings are below it
    assert [h.tag for h in rest.css(".body h1, .body h2, .body h3")] == ["h2", "h3"]
    assert rest.css_first(".body pre").text().strip() == "# not a heading"
    walk = parse(blog / "public/walk/index.html")
    headings = [(h.tag, h.text(deep=False, strip=True)) for h in walk.css(".body h2, .body h3")]
    assert headings == [("h2", "Walk"), ("h3", "How far")]


def test_a_liquid_link_to_a_jekyll_page_becomes_a_link_to_the_imported_page(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    write_tree(
        tmp_path,
        """
        -- _config.yml --
        include: [_pages]
        -- _posts/2020-01-01-rest.md --
        ---
        title: Rest
        ---
        See [who we are]({% link _pages/about.md %}) and [setup]({% link docs/setup.md %}).
        -- _pages/about.md --
        ---
        title: About us
        permalink: /about/
        ---
        Who.
        -- docs/setup.md --
        ---
        title: Setup
        ---
        How.
        """,
    )
    code, _, err = run_cli("import", tmp_path, "--site", blog)
    assert code == 0, err
    body = (blog / "content/rest.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    assert body.strip() == "See [[about|who we are]] and [[setup|setup]]."
    assert "old site" not in err


def test_hugo_pages_and_merged_headings_are_said_file_by_file(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    """A dated file at the top of a Hugo site beside its posts' sections, and one in pages/,
    become pages, and the first says why; headings whose levels 5 and 6 merge are a warning
    naming the file. The site then builds with every one of them."""
    write_tree(
        tmp_path,
        """
        -- hugo/hugo.toml --
        baseURL = "https://old.example.org/"
        -- hugo/content/posts/walk.md --
        ---
        title: Walk
        date: 2020-02-02
        ---
        # Walk

        ##### Shoes

        ###### Laces
        -- hugo/content/news.md --
        ---
        title: News
        date: 2021-03-04
        ---
        What is new.
        -- hugo/content/pages/about.md --
        ---
        title: About
        ---
        Who we are.
        """,
    )
    code, out, err = run_cli("import", tmp_path / "hugo", "--site", blog)
    assert code == 0, err
    assert "imported " + str(tmp_path / "hugo/content/news.md") + " as content/pages/news.md" in out
    assert "as content/pages/about.md" in out and "as content/walk.md" in out
    warnings = [line for line in err.splitlines() if line.startswith("warning: ")]
    assert any(
        line.startswith("warning: content/pages/news.md: it has a date but is at the top of")
        and "move its file out of content/pages/ into content/" in line
        for line in warnings
    ), err
    assert any(
        line.startswith("warning: content/walk.md: its headings move down 1 level")
        and "levels 5 and 6 all become ######" in line
        for line in warnings
    ), err
    assert not any("about.md" in line for line in warnings)
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    walk = parse(blog / "public/walk/index.html")
    assert [h.tag for h in walk.css(".body h2, .body h6")] == ["h2", "h6", "h6"]
    assert parse(blog / "public/news/index.html").css_first("h1").text(strip=True) == "News"


def test_tags_written_as_one_text_with_commas_pass_check_strict(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    write_tree(
        tmp_path,
        """
        -- hugo/posts/flame.md --
        ---
        title: Flamegraphs
        date: 2021-01-22
        keywords: "Rust, Benchmarking"
        ---
        Profiling.
        """,
    )
    code, _, err = run_cli("import", tmp_path / "hugo", "--site", blog)
    assert code == 0, err
    code, _, err = run_cli("check", "--strict", "--site", blog)
    assert code == 0, err
    run_cli("build", "--site", blog)
    tags = parse(blog / "public/flame/index.html").css("article a[href^='/tags/']")
    assert [a.text(strip=True) for a in tags] == ["Rust", "Benchmarking"]


def test_files_a_jekyll_site_renders_are_not_copied_as_static_files(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    """A link to a file with front matter (the 404 page, a feed template) copied its Liquid
    source into static/, where the 404.html failed the first build."""
    write_tree(
        tmp_path,
        """
        -- jekyll/_config.yml --
        url: https://old.example
        permalink: pretty
        -- jekyll/404.html --
        ---
        layout: default
        ---
        <p>Not here. <a href="{{ site.baseurl }}/">Home</a></p>
        -- jekyll/atom.xml --
        ---
        layout: null
        ---
        <feed>{% for post in site.posts %}{% endfor %}</feed>
        -- jekyll/files/notes.txt --
        Plain notes, served as they are.
        -- jekyll/_posts/2020-01-01-rest.md --
        ---
        title: Rest
        ---
        See [the 404 page](/404.html), [the feed](/atom.xml) and [the notes](/files/notes.txt).
        """,
    )
    code, _, err = run_cli("import", tmp_path / "jekyll", "--site", blog)
    assert code == 0, err
    assert sorted(p.name for p in (blog / "static").rglob("*") if p.is_file()) == ["notes.txt"]
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    links = parse(blog / "public/rest/index.html").css(".body a")
    assert [a.attributes["href"] for a in links] == [
        "https://old.example/404.html",
        "https://old.example/atom.xml",
        "/files/notes.txt",
    ]


def test_a_jekyll_post_with_a_key_written_twice_is_imported_with_a_warning(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    write_tree(
        tmp_path,
        """
        -- jekyll/_config.yml --
        permalink: pretty
        -- jekyll/_posts/2020-01-01-rest.md --
        ---
        title: Draft Title
        description: Rest well.
        title: Rest and Recovery
        ---
        Sleep well.
        """,
    )
    code, _, err = run_cli("import", tmp_path / "jekyll", "--site", blog)
    assert code == 0, err
    post = tmp_path / "jekyll/_posts/2020-01-01-rest.md"
    assert (
        f"warning: content/rest.md: {post}:4: duplicate key 'title' (first set on line 2): "
        "the last value is kept, as Jekyll keeps it" in err
    )
    assert _header(blog / "content/rest.md")[1] == 'title: "Rest and Recovery"'
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    assert parse(blog / "public/rest/index.html").css_first("h1").text() == "Rest and Recovery"


def test_a_posts_html_anchors_become_heading_ids_its_links_land_on(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    """``<a name="x"></a>`` showed as text, and links to ``#x`` failed the build: the anchor
    gives way to its heading's id, and the links lead there."""
    write_tree(
        tmp_path,
        """
        -- jekyll/_config.yml --
        permalink: pretty
        -- jekyll/_posts/2020-01-01-rest.md --
        ---
        title: Rest
        ---
        Jump to [the dose](#dose) or [the note](#note).

        <a name="dose"></a>
        ## How Much

        Take it. <a name="note"></a>Then rest.
        """,
    )
    code, _, err = run_cli("import", tmp_path / "jekyll", "--site", blog)
    assert code == 0, err
    assert "its HTML anchor 'note' is at no heading" in err
    assert "shown as text" not in err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    body = parse(blog / "public/rest/index.html").css_first(".body")
    assert "<a" not in body.text() and "name=" not in body.text()
    assert [a.attributes["href"] for a in body.css("p a")] == ["#how-much", "#how-much"]
    assert body.css_first("h2").attributes["id"] == "how-much"


def test_a_jekyll_header_image_becomes_the_articles_hero_image(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    """``image:`` (a path, or jekyll-seo-tag's mapping with ``path`` and ``alt``) is copied
    into static/ and written as the hero image; one only on the web is left as a comment."""
    write_tree(
        tmp_path,
        """
        -- jekyll/_config.yml --
        baseurl: /blog
        -- jekyll/_posts/2020-01-01-walk.md --
        ---
        title: Walk
        image: /assets/images/walk.svg
        ---
        Walk daily.
        -- jekyll/_posts/2020-01-02-seo.md --
        ---
        title: Sleep
        image:
          path: assets/images/sleep.svg
          alt: A moon over a bed
        ---
        Sleep well.
        -- jekyll/_posts/2020-01-03-far.md --
        ---
        title: Far
        image: https://cdn.example.com/far.jpg
        ---
        Far away.
        """,
    )
    svg = "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='30'/>"
    (tmp_path / "jekyll/assets/images").mkdir(parents=True)
    for name in ("walk", "sleep"):
        (tmp_path / f"jekyll/assets/images/{name}.svg").write_text(svg, encoding="utf-8")
    code, out, err = run_cli("import", tmp_path / "jekyll", "--site", blog)
    assert code == 0, err
    assert "copied 2 files into static/" in out
    assert _header(blog / "content/walk.md")[3:6] == [
        "image:",
        '  src: "assets/images/walk.svg"',
        '  alt: ""  # the old blog gives none: describe the image',
    ]
    assert "warning: content/walk.md:6: its image has no alt text" in err
    assert "content/far.md:4: its image https://cdn.example.com/far.jpg is not in the source" in err
    assert '# image: "https://cdn.example.com/far.jpg"  # not in static/ yet' in _header(
        blog / "content/far.md"
    )
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    hero = parse(blog / "public/seo/index.html").css_first("figure.hero img")
    assert (hero.attributes["src"], hero.attributes["alt"]) == (
        "/assets/images/sleep.svg",
        "A moon over a bed",
    )
    assert (
        parse(blog / "public/walk/index.html").css_first("figure.hero img").attributes["alt"] == ""
    )
    assert parse(blog / "public/far/index.html").css_first("figure.hero") is None


def test_links_from_another_post_to_an_anchor_land_on_its_heading(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    """A link from another post to ``old-post.html#dose`` (by address, file or
    ``{% post_url %}``) became ``[[rest#dose]]``, which failed the build: only a post's own
    links were led to the heading ids its anchors became."""
    write_tree(
        tmp_path,
        """
        -- jekyll/_config.yml --
        permalink: date
        -- jekyll/_posts/2020-01-01-rest.md --
        ---
        title: Rest
        ---
        <a name="intro"></a>Rest well.

        <a name="dose"></a>
        <a name="amount"></a>
        ## How Much

        Take it. <a name="note"></a>Then rest.
        -- jekyll/_posts/2020-02-01-sleep.md --
        ---
        title: Sleep
        ---
        See [the dose](/2020/01/01/rest.html#dose), [the amount](2020-01-01-rest.md#amount
        "Amount"), [the note]({% post_url 2020-01-01-rest %}#note), [the start][s],
        [the heading](/2020/01/01/rest.html#how-much) and [the replies](/2020/01/01/rest.html#comments).

        [s]: /2020/01/01/rest.html#intro
        """,
    )
    code, _, err = run_cli("import", tmp_path / "jekyll", "--site", blog)
    assert code == 0, err
    assert "its link to rest#note leads to #how-much, the heading of the section" in err
    assert "its link to rest#intro leads to the top of that article" in err
    assert "its link to rest#comments leads to the top of that article: it has no " in err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    links = parse(blog / "public/sleep/index.html").css(".body p a")
    assert [a.attributes["href"] for a in links] == [
        "/rest/#how-much",
        "/rest/#how-much",
        "/rest/#how-much",
        "/rest/",
        "/rest/#how-much",
        "/rest/",
    ]
    assert parse(blog / "public/rest/index.html").css_first(".body h2").attributes["id"] == (
        "how-much"
    )


def test_a_wordpress_posts_anchors_and_heading_ids_stay_link_targets(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    """An HTML post's ``<a name>`` anchor was dropped and its links to ``#x`` kept as plain
    text, while another post's link to ``old-post/#x`` became ``[[slug#x]]``, failing the
    build. They now go the way a Markdown post's anchors go."""
    export = EXPORT.read_text(encoding="utf-8")
    export = export.replace(
        "<p>A brisk walk before breakfast is",
        '<p>Jump to <a href="#tip">the tip</a>, <a href="#h-why">why</a> or '
        '<a href="#respond">a reply</a>.</p>\n<h2 id="h-why">Why</h2>\n'
        '<p><a name="tip"></a>A brisk walk before breakfast is',
    ).replace("/morning-walks/#why-mornings", "/morning-walks/#tip")
    (tmp_path / "export.xml").write_text(export, encoding="utf-8")
    code, _, err = run_cli("import", tmp_path / "export.xml", "--site", blog)
    assert code == 0, err
    assert "its link to morning-walks#tip leads to #why, the heading of the section" in err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    walks = parse(blog / "public/morning-walks/index.html").css_first(".body")
    assert [a.attributes["href"] for a in walks.css_first("p").css("a")] == ["#why", "#why"]
    assert walks.css_first("p").text() == "Jump to the tip, why or a reply."
    assert "name=" not in walks.text()
    sleep = parse(blog / "public/sleep-and-recovery/index.html").css(".body a")
    assert "/morning-walks/#why" in [a.attributes["href"] for a in sleep]


IDS_POST = """\
---
title: Ids
---
<p>See <a href="#dose">the dose</a>, <a href="#risks">the risks</a> and <a href="#n1">note 1</a>.</p>
<h2>Amounts</h2>
<p id="dose">Placeholder amount.</p>
<div id="risks"><h2>Risks</h2><p>Placeholder risks.</p></div>
<p id="unlinked">Placeholder text no link names.</p>
<ol><li id="n1">A placeholder note.</li></ol>
"""


@pytest.mark.parametrize("allow_html", [False, True])
def test_an_html_posts_block_with_an_id_its_links_name_stays_their_target(
    site, run_cli, tmp_path: Path, allow_html: bool
) -> None:
    """``<p id="dose">`` and ``<li id="n1">`` were dropped with their ids, and the post's
    links to them kept as plain text. They now go the way an ``<a name>`` anchor goes: kept
    where the site allows HTML, else led to the heading at them or of their section."""
    blog = site({}, site_yaml=SITE_YAML + ("markdown:\n  allow_html: true\n" * allow_html))
    (tmp_path / "old/_posts").mkdir(parents=True)
    (tmp_path / "old/_config.yml").write_text("title: Old\n")
    (tmp_path / "old/_posts/2020-01-01-ids.html").write_text(IDS_POST)
    code, _, said = run_cli("import", tmp_path / "old", "--site", blog)
    assert code == 0, said
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    body = parse(blog / "public/ids/index.html").css_first(".body")
    hrefs = [a.attributes["href"] for a in body.css_first("p").css("a")]
    if allow_html:
        assert hrefs == ["#dose", "#risks", "#n1"]
        names = {a.attributes["name"]: a.parent.tag for a in body.css("a[name]")}
        assert names == {"dose": "p", "risks": "p", "n1": "li"}  # "unlinked": no link names it
    else:
        assert hrefs == ["#amounts", "#risks", "#risks"]  # their heading, or their section's
        assert body.css("a[name]") == []
        assert "its HTML anchor 'n1' is at no heading" in said
        assert "'risks' is at no heading" not in said and "unlinked" not in said


def test_bidi_controls_in_a_posts_header_are_removed_with_a_warning(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    """A bidi control in an old post's title, description or tag stopped the whole import
    with the build's error; the import now removes them from the values it writes, naming
    the source file, and the site builds."""
    write_tree(
        tmp_path,
        """
        -- jekyll/_config.yml --
        permalink: pretty
        -- jekyll/_posts/2020-01-01-rest.md --
        ---
        title: "Rest \\u202eand\\u202c Recovery"
        description: "Plain \u2066text\u2069"
        tags: [sleep, "heart\u202a"]
        ---
        Rest well.
        """,
    )
    code, _, err = run_cli("import", tmp_path / "jekyll", "--site", blog)
    assert code == 0, err
    source = tmp_path / "jekyll/_posts/2020-01-01-rest.md"
    assert (
        "warning: content/rest.md: its 'title', 'description', 'tags' held invisible bidi "
        "controls" in err
    )
    assert f"from {source}" in err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    page = parse(blog / "public/rest/index.html")
    assert page.css_first("h1").text() == "Rest and Recovery"
    assert page.css_first('meta[name="description"]').attributes["content"] == "Plain text"
    assert (blog / "public/tags/heart/index.html").is_file()


def test_warnings_about_a_markdown_post_name_the_line_of_its_own_file(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    """A warning about a Liquid tag kept as text, a bidi control removed, an anchor at no
    heading or a link to one named the post's file but not the line: it now names
    ``file:line`` where what it is about is written there, and the file alone for a
    WordPress post, which has no file of its own."""
    write_tree(
        tmp_path,
        """
        -- jekyll/_config.yml --
        permalink: pretty
        -- jekyll/_posts/2020-01-01-rest.md --
        ---
        title: Rest
        description: "Plain \\u2066text\\u2069"
        ---
        Rest well.

        {% include note.html %}

        ## How Much

        Take it. <a name="note"></a>Then rest.
        -- jekyll/_posts/2020-02-01-sleep.md --
        ---
        title: Sleep
        ---
        Sleep well.

        See [the note]({% post_url 2020-01-01-rest %}#note).
        """,
    )
    code, _, err = run_cli("import", tmp_path / "jekyll", EXPORT, "--site", blog)
    assert code == 0, err
    rest = tmp_path / "jekyll/_posts/2020-01-01-rest.md"
    sleep = tmp_path / "jekyll/_posts/2020-02-01-sleep.md"
    lines = err.splitlines()

    def about(start: str) -> str:
        (line,) = [line for line in lines if line.startswith(start)]
        return line

    assert about("warning: content/rest.md: its 'description' held").endswith(f"from {rest}:3")
    assert about("warning: content/rest.md: its HTML anchor 'note'").endswith(f"from {rest}:11")
    assert about("warning: content/sleep.md: its link to rest#note").endswith(f"from {sleep}:6")
    assert about(f"warning: {tmp_path / 'jekyll'}: Liquid tag {{% include %}}").endswith(
        f"in 1 post ({rest}:7): replace it with Markdown"
    )
    shortcodes = about("warning: content/morning-walks.md: shortcodes kept as text")
    assert shortcodes.endswith(f"from {EXPORT}: post 10 'Morning Walks and Blood Pressure'")
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    link = parse(blog / "public/sleep/index.html").css_first(".body p a")
    assert link.attributes["href"] == "/rest/#how-much"


def test_warnings_about_a_jekyll_date_name_the_line_of_its_key(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    """A warning about a ``date:`` Jekyll read with a zone's name it ignores, or one that is
    no date, named the post's file but not the line: it now names the line of its key in
    the post's (or page's) header, the last of a key written twice, as Jekyll keeps that
    one; a value from ``_config.yml``'s ``defaults:`` is in no line of the post."""
    write_tree(
        tmp_path,
        """
        -- jekyll/_config.yml --
        timezone: Europe/Berlin
        defaults:
          - scope: {path: "_posts/2020-02"}
            values: {last_modified_at: "some day"}
        -- jekyll/_posts/2020-01-01-rest.md --
        ---
        title: Rest
        layout: post
        date: 2020-01-01 10:00:00 NZDT
        tags: [sleep]
        last_modified_at: "the fourth"
        ---
        Rest well.
        -- jekyll/_posts/2020-02-01-sleep.md --
        ---
        title: Sleep
        date: 2020-02-01
        "date": 2020-02-01 09:00 NZST
        ---
        Sleep well.
        -- jekyll/about.md --
        ---
        title: About
        date: the first of May
        ---
        About this blog.
        """,
    )
    code, _, err = run_cli("import", tmp_path / "jekyll", "--site", blog)
    assert code == 0, err
    rest = tmp_path / "jekyll/_posts/2020-01-01-rest.md"
    sleep = tmp_path / "jekyll/_posts/2020-02-01-sleep.md"
    about = tmp_path / "jekyll/about.md"
    lines = err.splitlines()

    def ends(start: str) -> str:
        (line,) = [line for line in lines if line.startswith(start)]
        return line.rsplit(" — from ", 1)[1]

    assert ends("warning: content/rest.md: 'date' '2020-01-01 10:00:00 NZDT'") == f"{rest}:4"
    assert ends("warning: content/rest.md: 'last_modified_at' is no date") == f"{rest}:6"
    assert ends("warning: content/sleep.md: 'date' '2020-02-01 09:00 NZST'") == f"{sleep}:4"
    assert ends("warning: content/sleep.md: 'last_modified_at' is no date") == str(sleep)
    assert ends("warning: content/pages/about.md: 'date' is no date") == f"{about}:3"


def test_links_to_anchors_of_a_post_imported_in_an_earlier_run_are_led_there(
    blog: Path, run_cli, tmp_path: Path
) -> None:
    """A link from a new post to ``old-post.html#x`` of a post an earlier import made an
    article became ``[[rest#x]]`` as it was written, and the build refused the ids that
    article has no heading for: they are now led as a link within one import is."""
    write_tree(
        tmp_path,
        """
        -- first/_config.yml --
        permalink: date
        -- first/_posts/2020-01-01-rest.md --
        ---
        title: Rest
        ---
        Rest well.

        <a name="dose"></a>
        ## How Much

        Take it.
        -- second/_config.yml --
        permalink: date
        -- second/_posts/2020-02-01-sleep.md --
        ---
        title: Sleep
        ---
        Sleep well.

        See [the amount](/2020/01/01/rest.html#how-much), [the dose][d] and
        [the replies](/2020/01/01/rest.html#comments).

        [d]: /2020/01/01/rest.html#dose
        """,
    )
    code, _, err = run_cli("import", tmp_path / "first", "--site", blog)
    assert code == 0, err
    code, _, err = run_cli("import", tmp_path / "second", "--site", blog)
    assert code == 0, err
    sleep = tmp_path / "second/_posts/2020-02-01-sleep.md"
    warnings = sorted(line for line in err.splitlines() if "its link to rest#" in line)
    assert warnings == [
        f"warning: content/sleep.md: its link to rest#{name} leads to the top of that article: "
        f"it has no heading or anchor '{name}' (an id the old site's theme made, such as "
        f"#comments, has none here) — from {sleep}:{line}"
        for name, line in (("comments", 7), ("dose", 9))
    ]
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    links = parse(blog / "public/sleep/index.html").css(".body p a")
    assert [a.attributes["href"] for a in links] == ["/rest/#how-much", "/rest/", "/rest/"]
    assert parse(blog / "public/rest/index.html").css_first(".body h2").attributes["id"] == (
        "how-much"
    )


def test_a_link_between_posts_in_a_table_cell_is_imported_so_that_it_builds(
    blog: Path, run_cli, tmp_path
) -> None:
    """Written [[slug|text]], its '|' ended the cell: the page showed '[[sleep' as text (the
    build now refuses it), so in a table row the link is written [text](slug.md)."""
    old = tmp_path / "old"
    (old / "_posts").mkdir(parents=True)
    (old / "_posts/2020-01-01-sleep.md").write_text("---\ntitle: Sleep\n---\nText.\n")
    (old / "_posts/2020-01-02-runs.md").write_text(
        "---\ntitle: Runs\n---\nSee [sleep]({% post_url 2020-01-01-sleep %}).\n\n"
        "| Topic | Read |\n|---|---|\n| Rest | [the sleep post]({% post_url 2020-01-01-sleep %}) |\n"
    )
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert "never closed" not in err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    page = parse(blog / "public" / "runs" / "index.html")
    cells = [(td.text(), [a.attributes["href"] for a in td.css("a")]) for td in page.css("td")]
    assert cells == [("Rest", []), ("the sleep post", ["/sleep/"])]
    assert [a.attributes["href"] for a in page.css(".body p a.internal")] == ["/sleep/"]


def test_a_jekyll_posts_links_to_itself_images_in_links_and_reference_images_build(
    blog: Path, run_cli, tmp_path
) -> None:
    """From real blogs: a page linking to its own old address ('[x](/join#blog)', '[x](/join)')
    became [[join#blog|x]], which the build refuses as a link to itself; an image inside a
    link's text ('[![a](/i.png)](/gen/?w=5)') and an image named by a reference definition
    ('![a][logo]' with '[logo]: /i.png') were not copied into static/, so the build failed on
    a missing file; and the made-full address of a link to a page not imported lost its
    query ('/gen/?w=5' became 'https://old.example.org/gen/')."""
    old = tmp_path / "old"
    png = FIXTURES / "jekyll" / "assets" / "images" / "walk.png"
    write_tree(
        old,
        """\
        -- _config.yml --
        url: "https://old.example.org"
        -- join.md --
        ---
        title: Join Us
        permalink: /join/
        ---
        Read [the blog part](/join#blog) or [this page](/join/) again.

        [![A generated picture](/assets/pic.png)](/gen/?w=5&h=6)

        ![The logo][logo]

        ## Blog

        Text.

        [logo]: /assets/logo.png "Our logo"
        """,
    )
    (old / "_posts").mkdir()
    (old / "_posts/2020-01-01-rest.md").write_text("---\ntitle: Rest\n---\nText.\n")
    for name in ("pic.png", "logo.png"):
        (old / "assets").mkdir(exist_ok=True)
        shutil.copy(png, old / "assets" / name)
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    page = parse(blog / "public" / "join" / "index.html")
    hrefs = [a.attributes["href"] for a in page.css(".body a")]
    assert hrefs[:3] == ["#blog", "#top", "https://old.example.org/gen/?w=5&h=6"]
    sources = {img.attributes.get("src") for img in page.css(".body img")}
    assert {"/assets/pic.png", "/assets/logo.png"} <= sources
    assert (blog / "static" / "assets" / "pic.png").is_file()
    assert (blog / "static" / "assets" / "logo.png").is_file()


def test_double_brackets_a_post_shows_as_text_stay_text(blog: Path, run_cli, tmp_path) -> None:
    """A Jekyll or Hugo site shows ``[[ ]]`` as written; imported as it was, the build read
    a wiki link there (one naming nothing, or no article) and the imported blog failed to
    build. Code keeps its brackets as they are, and links the import makes still work."""
    old = tmp_path / "old"
    (old / "_posts").mkdir(parents=True)
    (old / "_config.yml").write_text("title: Old\n")
    (old / "_posts/2020-01-01-brackets.md").write_text(
        "---\ntitle: Brackets\n---\nThe [[ ]] scope and [[John Clair]], as sampled; the "
        "[other post]({% post_url 2020-01-02-other %}).\n\n    rows = [[1, 2]]\n\nA `[[x]]`.\n"
    )
    (old / "_posts/2020-01-02-other.md").write_text("---\ntitle: Other\n---\nText.\n")
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    body = parse(blog / "public/brackets/index.html").css_first("div.body")
    first = body.css_first("p")
    assert first.text() == "The [[ ]] scope and [[John Clair]], as sampled; the other post."
    assert [a.attributes["href"] for a in first.css("a")] == ["/other/"]
    assert body.css_first("pre code").text() == "rows = [[1, 2]]\n"
    assert body.css("p")[1].css_first("code").text() == "[[x]]"


def test_kramdown_attribute_lists_are_taken_out_and_heading_ids_kept(
    blog: Path, run_cli, tmp_path
) -> None:
    """kramdown reads ``{: .message}``, ``{:toc}`` and ``## Dose guide {#dose}``, which this
    site's Markdown does not: imported as written, the pages showed them as text, and a link
    to ``#dose`` (from the post or another) failed the build, the heading's id being another."""
    old = tmp_path / "old"
    (old / "_posts").mkdir(parents=True)
    (old / "_config.yml").write_text("title: Old\n")
    (old / "_posts/2020-01-02-dosing.md").write_text(
        "---\ntitle: Dosing\n---\n* TOC\n{:toc}\n\n**Howdy!** A message.\n{: .message }\n\n"
        '## Dose guide {#dose}\n\nTake [the dose](#dose){: target="_blank"} as said.\n\n'
        "```\n{: .kept}\n```\n"
    )
    (old / "_posts/2020-01-03-other.md").write_text(
        "---\ntitle: Other\n---\nSee [the amount]({% post_url 2020-01-02-dosing %}#dose).\n"
    )
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert (
        'warning: content/dosing.md: its attribute lists ({: .message }, {: target="_blank"}) '
        "were removed, as the page would show them as text" in err
    )
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    body = parse(blog / "public/dosing/index.html").css_first("div.body")
    assert [p.text() for p in body.css("p")] == ["Howdy! A message.", "Take the dose as said."]
    assert not body.css("ul")  # the item kramdown replaced with its table of contents
    heading = body.css_first("h2")
    assert heading.attributes["id"] == "dose-guide" and "{" not in heading.text()
    assert body.css_first("p a").attributes["href"] == "#dose-guide"
    assert body.css_first("pre code").text() == "{: .kept}\n"
    other = parse(blog / "public/other/index.html").css_first("div.body a.internal")
    assert other.attributes["href"] == "/dosing/#dose-guide"


def _jekyll(tmp_path: Path, posts: dict[str, str]) -> Path:
    """An old Jekyll site with ``posts`` (file name → text) in ``_posts/``."""
    old = tmp_path / "old"
    (old / "_posts").mkdir(parents=True)
    (old / "_config.yml").write_text("title: Old\n")
    for name, text in posts.items():
        (old / "_posts" / name).write_text(text)
    return old


def test_wiki_links_naming_an_article_stay_links(blog: Path, run_cli, tmp_path) -> None:
    """A site with a wiki-link plugin (a digital garden) linked ``[[Other]]``: the import
    keeps each ``[[…]]`` naming an imported post or an article of the site, read by the
    build's rules (title in any case, slug, ``|text``), and escapes only the others, those
    never closed (``M = [[1,2],[3,4]]``, ``[[a]``) and one naming the post itself (which the
    build refuses) too, saying how many and where; an escaped
    backslash before brackets (``\\\\[[x]]``) leaves them brackets."""
    old = _jekyll(
        tmp_path,
        {
            "2020-01-01-a.md": "---\ntitle: A\n---\nSee [[Other]] and [[other|the other note]]"
            " and [[welcome]].\n\nThe [[ ]] scope, [[John Clair]], [[A]] and \\\\[[bs]].\n\n"
            "M = [[1,2],[3,4]] and [[a] end.\n",
            "2020-01-02-other.md": "---\ntitle: Other\n---\nText.\n",
        },
    )
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    (warning,) = [line for line in err.splitlines() if "double brackets" in line]
    assert warning.startswith("warning: content/a.md:")
    lines = (blog / "content/a.md").read_text().splitlines()
    first = int(warning.split(":")[2])
    assert lines[first - 1] == "The \\[[ ]] scope, \\[[John Clair]], \\[[A]] and \\\\\\[[bs]]."
    assert lines[first + 1] == "M = \\[[1,2],[3,4]] and \\[[a] end."
    assert "6 double brackets" in warning
    assert f"line {first} '[[John Clair]]' names no article" in warning
    assert f"line {first} '[[A]]' links the post to itself" in warning
    assert "; and 2 more" in warning  # [[1,2],[3,4]] and [[a], named past the first four
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    body = parse(blog / "public/a/index.html").css_first("div.body")
    linking, shown, closed = body.css("p")
    assert [(a.text(), a.attributes["href"]) for a in linking.css("a")] == [
        ("Other", "/other/"),
        ("the other note", "/other/"),
        ("Welcome", "/welcome/"),
    ]
    assert shown.text() == "The [[ ]] scope, [[John Clair]], [[A]] and \\[[bs]]."
    assert closed.text() == "M = [[1,2],[3,4]] and [[a] end."


def test_double_brackets_in_html_the_site_lets_through_are_left(site, run_cli, tmp_path) -> None:
    """With HTML let through, the build reads no wiki link in an HTML block or a comment:
    the import leaves the brackets there as written, and warns of nothing."""
    blog = site(
        {"welcome.md": article("Welcome")}, site_yaml=GISCUS + "markdown: {allow_html: true}\n"
    )
    written = '<div class="x">\n[[inside html]]\n</div>\n\nText <!-- [[comment]] --> here.\n'
    old = _jekyll(tmp_path, {"2020-01-01-a.md": "---\ntitle: A\n---\n" + written})
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert "double brackets" not in err
    assert (blog / "content/a.md").read_text().endswith("\n\n" + written)
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    body = parse(blog / "public/a/index.html").css_first("div.body")
    assert body.css_first("div.x").text().strip() == "[[inside html]]"


@pytest.mark.parametrize("allow_html", [False, True])
def test_an_id_under_a_code_block_leaves_the_code_closed(
    site, run_cli, tmp_path, allow_html: bool
) -> None:
    """kramdown's ``{: #listing}`` under a fenced or an indented code block: its anchor goes
    on a line of its own before the block, where it went on the closing fence (which then
    closed nothing: the rest of the post became code) or into the code. The text after each
    block is a paragraph, and its link to the id leads to an id the page has."""
    extra = "markdown: {allow_html: true}\n" if allow_html else ""
    blog = site({"welcome.md": article("Welcome")}, site_yaml=GISCUS + extra)
    old = _jekyll(
        tmp_path,
        {
            "2020-01-01-a.md": "---\ntitle: A\n---\nIntro.\n\n```ruby\nputs 1\n```\n"
            "{: #listing}\n\nAfter the code, see [listing](#listing).\n\n    indented = 1\n"
            "{: #ind}\n\nSee [ind](#ind).\n"
        },
    )
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    page = parse(blog / "public/a/index.html")
    body = page.css_first("div.body")
    assert [pre.text() for pre in body.css("pre code")] == ["puts 1\n", "indented = 1\n"]
    paragraphs = [p.text() for p in body.css("p") if p.text().strip()]
    assert paragraphs == ["Intro.", "After the code, see listing.", "See ind."]
    ids = {node.attributes["id"] for node in page.css("[id]")} | {"top"}  # HTML: the top
    hrefs = [a.attributes["href"] for a in body.css("p a[href]")]
    assert len(hrefs) == 2 and all(href.removeprefix("#") in ids for href in hrefs)
    if allow_html:
        assert hrefs == ["#listing", "#ind"]


def test_comments_without_a_provider_are_one_warning_for_all_posts(
    site, run_cli, tmp_path: Path
) -> None:
    """Every post of a blog may have had comments: one warning says so, with their number,
    not one line per post (the one post alone keeps its own, at its line: test_import)."""
    items = "".join(
        f"<item><title>Post {n}</title><link>https://old.example.org/p{n}/</link>"
        f"<wp:post_name>p{n}</wp:post_name><wp:status>publish</wp:status>"
        f"<wp:post_type>post</wp:post_type><wp:comment_status>open</wp:comment_status>"
        f"<content:encoded>Text {n}.</content:encoded></item>"
        for n in range(1, 5)
    )
    export = tmp_path / "blog.xml"
    export.write_text(
        '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        f"<link>https://old.example.org</link>{items}</channel></rss>",
        encoding="utf-8",
    )
    root = site({})
    code, _, err = run_cli("import", export, "--site", root)
    assert code == 0, err
    assert [line for line in err.splitlines() if "comments" in line] == [
        "warning: 4 imported articles had comments (content/p1.md, content/p2.md, content/p3.md"
        " and 1 more), but site.yaml sets up no comments provider — set up 'comments:' in"
        " site.yaml, then remove the '# ' before 'comments: true' in each"
    ]
    assert "# comments: true" in (root / "content/p4.md").read_text(encoding="utf-8")


def test_a_hugo_figure_whose_caption_holds_a_link_builds_with_the_link_kept(
    blog: Path, run_cli, tmp_path
) -> None:
    """Hugo reads a figure's caption as Markdown: made the alt text as written, its link's
    brackets broke the image (its address became the link's, the file was not copied, the
    page showed stray text); with an ``alt``, the caption showed ``[text](url)`` as text."""
    old = tmp_path / "old"
    png = FIXTURES / "jekyll" / "assets" / "images" / "walk.png"
    write_tree(
        old,
        """\
        -- hugo.toml --
        baseURL = "https://old.example.org/"
        -- content/posts/walks/index.md --
        ---
        title: Walks
        date: 2020-01-01
        ---
        {{< figure src="chart.png" caption="Steps a day (from [the study](https://example.org/s))" >}}

        {{< figure src="chart.png" alt="A *bar* chart" caption="See [the study](https://example.org/s)" >}}
        """,
    )
    shutil.copy(png, old / "content/posts/walks/chart.png")
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    assert (blog / "static/posts/walks/chart.png").is_file()
    body = parse(blog / "public/walks/index.html").css_first("div.body")
    assert [img.attributes["alt"] for img in body.css("img")] == [
        "Steps a day (from the study)",
        "A *bar* chart",
    ]
    captions = [p for p in body.css("p") if p.css_first("em")]
    assert [p.text() for p in captions] == ["Steps a day (from the study)", "See the study"]
    assert [p.css_first("a").attributes["href"] for p in captions] == ["https://example.org/s"] * 2


def test_html_images_and_figures_of_markdown_posts_become_images_whose_files_are_copied(
    blog: Path, run_cli, tmp_path
) -> None:
    """Old blogs write figures in HTML inside Markdown: kept so, the page showed the tags
    as text and their files were not copied, as a Markdown image's are. The HTML left is
    named at its line."""
    old = _jekyll(
        tmp_path,
        {
            "2020-01-01-walks.md": """---\ntitle: Walks\n---\nIntro.

<figure>
  <img src="/images/chart.png" alt="Steps chart">
  <figcaption>Steps, from <a href="https://example.org/s">the study</a></figcaption>
</figure>

<div class="gallery">
<a href="/images/big.png" title="Larger"><img src="/images/small.png" alt="A park"></a>
</div>

Inline <img src="/images/icon.png" alt="an icon"> and <kbd>x</kbd>.
"""
        },
    )
    png = FIXTURES / "jekyll" / "assets" / "images" / "walk.png"
    (old / "images").mkdir()
    for name in ("chart.png", "big.png", "small.png", "icon.png"):
        shutil.copy(png, old / "images" / name)
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert "its HTML (<kbd> at line 15) is shown as text" in err
    assert "<figure>" not in err and "<img>" not in err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    for name in ("chart.png", "big.png", "small.png", "icon.png"):
        assert (blog / "static/images" / name).is_file()
    body = parse(blog / "public/walks/index.html").css_first("div.body")
    assert [img.attributes["alt"] for img in body.css("img")] == [
        "Steps chart",
        "A park",
        "an icon",
    ]
    caption = next(p for p in body.css("p") if p.css_first("em"))
    assert caption.text() == "Steps, from the study"
    assert caption.css_first("a").attributes["href"] == "https://example.org/s"
    assert body.css_first('a[href="/images/big.png"] img') is not None
    assert not re.search("<(img|figure|div|a)", body.text())  # only the <kbd> left as text


def test_images_without_alt_text_or_file_are_imported_so_that_the_site_builds(
    blog: Path, run_cli, tmp_path
) -> None:
    """The import wrote ``![](walk.png)`` and the path of an image it did not have, both of
    which the build refuses: the imported blog did not build."""
    old = _jekyll(
        tmp_path,
        {"2020-01-01-walks.md": "---\ntitle: Walks\n---\n![](/images/a.png)\n\n![Gone](/b.png)\n"},
    )
    (old / "images").mkdir()
    shutil.copy(FIXTURES / "jekyll" / "assets" / "images" / "walk.png", old / "images/a.png")
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert "warning: content/walks.md:8: image '/images/a.png' has no alt text" in err
    assert "warning: content/walks.md:10: image '/b.png' is not in the source" in err
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    body = parse(blog / "public/walks/index.html").css_first("div.body")
    assert [img.attributes["alt"] for img in body.css("img")] == [""]


def test_a_relative_image_the_source_lacks_is_a_comment_at_its_old_path(
    blog: Path, run_cli, tmp_path
) -> None:
    """An image relative to the post's old address (``../images/gone.png``) whose file the
    source lacks was left as written, a path the build refused (none inside static/): the
    import said nothing and the imported blog did not build."""
    old = _jekyll(
        tmp_path,
        {"2020-01-01-walks.md": "---\ntitle: Walks\n---\nSee:\n\n![Gone](../images/gone.png)\n"},
    )
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert "warning: content/walks.md:10: image '/2020/01/images/gone.png' is not in" in err
    body = (blog / "content/walks.md").read_text(encoding="utf-8")
    assert "<!-- not in static/ yet: ![Gone](</2020/01/images/gone.png>) -->" in body
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err


def test_a_link_within_a_post_to_a_place_it_has_not_is_led_to_its_top(
    blog: Path, run_cli, tmp_path
) -> None:
    """A post's table of contents named places its text never marked: the old page showed
    no error, the import said nothing, and the build refused each link."""
    old = _jekyll(
        tmp_path,
        {"2020-01-01-walks.md": "---\ntitle: Walks\n---\n- [Why](#why_it_matters)\n\n## Why\n"},
    )
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    warning = next(line for line in err.splitlines() if "#why_it_matters" in line)
    assert warning.startswith("warning: content/walks.md: its link to #why_it_matters leads")
    assert warning.endswith("_posts/2020-01-01-walks.md:4")  # the line in the old post
    assert "- [Why](#top)" in (blog / "content/walks.md").read_text(encoding="utf-8")
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err


def test_a_jekyll_image_whose_address_holds_a_space_is_copied(
    blog: Path, run_cli, tmp_path
) -> None:
    """kramdown read ``![Flow](/images/flow chart.png)`` whole: the import left it as
    written, and the build refused it (Markdown here ends an address at a space)."""
    old = _jekyll(
        tmp_path,
        {"2020-01-01-walks.md": "---\ntitle: Walks\n---\n![Flow](/images/flow chart.png)\n"},
    )
    (old / "images").mkdir()
    shutil.copy(
        FIXTURES / "jekyll" / "assets" / "images" / "walk.png", old / "images/flow chart.png"
    )
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert "![Flow](</images/flow chart.png>)" in (blog / "content/walks.md").read_text("utf-8")
    assert (blog / "static/images/flow chart.png").is_file()
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err


def test_a_jekyll_themes_figure_and_video_includes_become_an_image_and_a_video(
    blog: Path, run_cli, tmp_path
) -> None:
    """Minimal Mistakes' '{% include figure image_path=… %}' was kept as text, with a warning:
    the page showed the tag where the image was, and the image was not copied."""
    post = (
        '---\ntitle: Walks\n---\nWalk.\n\n{% include figure image_path="/images/a.png" '
        'alt="A path" caption="Near <a href=\'https://example.com/\'>the park</a>" %}\n\n'
        '{% include video id="abcdefghijk" provider="youtube" %}\n'
    )
    old = _jekyll(tmp_path, {"2020-01-01-walks.md": post})
    (old / "images").mkdir()
    shutil.copy(FIXTURES / "jekyll" / "assets" / "images" / "walk.png", old / "images/a.png")
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert "{% include %}" not in err
    body = (blog / "content/walks.md").read_text("utf-8").split("---\n")[-1]
    assert body == (
        "\nWalk.\n\n![A path](</images/a.png>)\n\n*Near [the park](<https://example.com/>)*\n\n"
        '::: video https://www.youtube.com/watch?v=abcdefghijk "Video"\n:::\n'
    )
    assert (blog / "static/images/a.png").is_file()
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err


def test_images_named_alike_but_for_their_suffix_are_copied_apart(
    blog: Path, run_cli, tmp_path
) -> None:
    """An old blog served '/images/chart.jpg' and '/images/chart.png': copied as they were,
    both images' responsive copies (chart-480w.webp…) had one address, and the build refused
    the imported site."""
    from PIL import Image

    old = _jekyll(
        tmp_path,
        {
            "2020-01-01-walks.md": (
                "---\ntitle: Walks\n---\n![A chart](/images/chart.jpg)\n\n"
                "![The chart](/images/chart.png)\n\n[c]: /images/chart.png\n"
            )
        },
    )
    (old / "images").mkdir()
    for name in ("chart.jpg", "chart.png"):
        Image.new("RGB", (1000, 500), (200, 80, 40)).save(old / "images" / name)
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert "chart.png: copied as static/images/chart-png.png" in err
    body = (blog / "content/walks.md").read_text("utf-8")
    assert "![A chart](</images/chart.jpg>)\n\n![The chart](</images/chart-png.png>)" in body
    assert "[c]: </images/chart-png.png>" in body
    assert (blog / "static/images/chart.jpg").is_file()
    assert not (blog / "static/images/chart.png").exists()
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err


def test_jekylls_site_address_left_in_a_hugo_post_is_the_sites_root(
    blog: Path, run_cli, tmp_path
) -> None:
    """A post moved from Jekyll to Hugo kept ``{{ site.url }}`` before its images' paths,
    which Hugo showed as written: the build refused the address for its spaces."""
    old = tmp_path / "old"
    write_tree(
        old,
        """\
        -- hugo.toml --
        baseURL = "https://old.example.org/"
        -- content/posts/walks.md --
        ---
        title: Walks
        date: 2020-01-01
        ---
        ![A chart]({{ site.url }}/assets/chart.png) and [the notes]({{site.baseurl}}/notes.txt).

        `{{ site.url }}` in code stays.
        """,
    )
    (old / "static/assets").mkdir(parents=True)
    shutil.copy(
        FIXTURES / "jekyll" / "assets" / "images" / "walk.png", old / "static/assets/chart.png"
    )
    (old / "static/notes.txt").write_text("Notes.\n", encoding="utf-8")
    code, _, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    assert "Jekyll's '{{ site.url }}' left in it" in err
    text = (blog / "content/walks.md").read_text(encoding="utf-8")
    assert "![A chart](</assets/chart.png>) and [the notes](</notes.txt>)." in text
    assert "`{{ site.url }}` in code stays." in text
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
