"""aliases: a redirect page at each old path, one _redirects file, and every collision an
error naming both places."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SITE_YAML, article, parse
from tests.helpers import snapshot


def aliased(title: str, *aliases: str, date: str = "2024-01-01") -> str:
    listed = "".join(f"  - {alias}\n" for alias in aliases)
    return f'---\ntitle: "{title}"\ndate: {date}\naliases:\n{listed}---\nText.\n'


def test_each_alias_is_a_redirect_page_and_a_redirects_line(site, run_cli) -> None:
    root = site(
        {"new-name.md": aliased("New Name", "/2019/05/old-post/", "/old.html")},
        SITE_YAML.replace("https://example.test/", "https://example.test/blog/"),
    )
    assert run_cli("build", "--site", root)[0] == 0
    out = root / "public"
    target = "https://example.test/blog/new-name/"
    for page in (out / "2019/05/old-post/index.html", out / "old.html"):
        tree = parse(page)
        refresh = tree.css_first('meta[http-equiv="refresh"]')
        assert refresh is not None and refresh.attributes["content"] == f"0; url={target}"
        assert tree.css_first('link[rel="canonical"]').attributes["href"] == target
        assert tree.css_first('meta[name="robots"]').attributes["content"] == "noindex"
        assert tree.css_first("a").attributes["href"] == target
    assert (out / "_redirects").read_text(encoding="utf-8").splitlines() == [
        "/blog/2019/05/old-post/ /blog/new-name/ 301",
        "/blog/old.html /blog/new-name/ 301",
    ]
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert "old-post" not in sitemap and "old.html" not in sitemap
    assert "old-post" not in feed


def test_no_aliases_no_redirects_file(site, run_cli) -> None:
    root = site({"a.md": article("A")})
    assert run_cli("build", "--site", root)[0] == 0
    assert not (root / "public" / "_redirects").exists()


def test_a_query_alias_is_an_error_that_says_why(site, run_cli) -> None:
    root = site({"a.md": aliased("A", "/?p=123")})
    code, _, err = run_cli("check", "--site", root)
    assert code == 1
    assert "content/a.md:5: alias '/?p=123' has a query" in err
    assert "Traceback" not in err


def test_an_address_alias_suggests_its_path(site, run_cli) -> None:
    root = site({"a.md": aliased("A", "https://old.example/2019/post/")})
    code, _, err = run_cli("check", "--site", root)
    assert code == 1
    assert "is an address, not a path on this site" in err
    assert "write /2019/post/" in err


def test_collisions_name_both_files_and_lines(site, run_cli) -> None:
    root = site(
        {
            "a.md": aliased("A", "/b/", "/old/", "/tags/x/", "/a/"),
            "b.md": aliased("B", "/old/index.html"),
        }
    )
    code, _, err = run_cli("check", "--site", root)
    assert code == 1
    assert "content/a.md:5: alias '/b/' is the address of the article content/b.md" in err
    assert "content/a.md:7: alias '/tags/x/' is an address the site uses for its own pages" in err
    assert "content/a.md:8: alias '/a/' is this article's own address" in err
    assert "content/b.md:5: alias '/old/index.html' is already an alias of content/a.md:6" in err


def test_aliases_at_names_the_output_folder_keeps_are_errors(site, run_cli) -> None:
    """'/.git/' built a site whose output every later build and clean refused as a git
    repository; '/.articlegen-output/' failed the build writing it, saying to check the
    disk's free space, at no line."""
    root = site({"a.md": article("A"), "b.md": aliased("B", "/old/")})
    assert run_cli("build", "--site", root)[0] == 0
    before = snapshot(root / "public")
    (root / "content/b.md").write_text(aliased("B", "/.git/", "/old/.Git/x/"))
    git = (
        "would put a folder named .git in the output, which every later build and "
        "'articlegen clean' would take for a git repository and refuse"
    )
    code, _, err = run_cli("build", "--site", root)
    assert (code, err.splitlines()[:2]) == (
        1,
        [
            f"error: content/b.md:5: alias '/.git/' {git} — remove the alias, or give the old"
            " path exactly as it was",
            f"error: content/b.md:6: alias '/old/.Git/x/' {git} — remove the alias, or give the"
            " old path exactly as it was",
        ],
    )
    for kept in (".articlegen-output", ".Articlegen-Files"):
        (root / "content/b.md").write_text(aliased("B", f"/{kept}/"))
        code, _, err = run_cli("build", "--site", root)
        assert (code, err.splitlines()[0]) == (
            1,
            f"error: content/b.md:5: alias '/{kept}/' is where every build writes "
            ".articlegen-output and .articlegen-files — remove the alias, or give the old path "
            "exactly as it was",
        )
    assert snapshot(root / "public") == before
    assert not (root / "public/.git").exists()


def test_paths_that_differ_only_in_case_collide(site, run_cli) -> None:
    """On macOS's or Windows's disk /Old/ and /old/ are one folder: the site must not
    depend on where it is built."""
    root = site({"a.md": aliased("A", "/B/", "/Old/"), "b.md": aliased("B", "/old/")})
    code, _, err = run_cli("check", "--site", root)
    assert code == 1
    case_only = (
        " but for upper and lower case, which a disk that ignores case (macOS's, Windows's)"
        " holds as one file"
    )
    assert (
        f"content/a.md:5: alias '/B/' is the address of the article content/b.md{case_only}" in err
    )
    assert f"content/b.md:5: alias '/old/' is already an alias of content/a.md:6{case_only}" in err


def test_a_static_file_at_an_alias_is_reported_at_the_alias(site, run_cli) -> None:
    root = site({"a.md": aliased("A", "/old/")})
    (root / "static/old").mkdir(parents=True)
    (root / "static/old/index.html").write_text("kept by hand", encoding="utf-8")
    code, _, err = run_cli("build", "--site", root)
    assert code == 1
    assert err.splitlines()[0] == (
        "error: static/old/index.html: this static file would be published as old/index.html,"
        " which is the redirect page of the alias '/old/' at content/a.md:5"
        " — rename or move the static file, or remove the alias"
    )
    assert not (root / "public").exists()


def test_a_moved_article_keeps_its_old_address(site, run_cli) -> None:
    """Rename the slug, keep the old one as an alias: old links land on the new page."""
    root = site({"post.md": article("Post")})
    assert run_cli("build", "--site", root)[0] == 0
    old = root / "public" / "post" / "index.html"
    assert parse(old).css_first("h1").text() == "Post"
    text = (root / "content" / "post.md").read_text(encoding="utf-8")
    moved = text.replace('title: "Post"', 'title: "Post"\nslug: better-name\naliases: [/post/]')
    (root / "content" / "post.md").write_text(moved, encoding="utf-8")
    assert run_cli("build", "--site", root)[0] == 0
    refresh = parse(old).css_first('meta[http-equiv="refresh"]')
    assert refresh.attributes["content"] == "0; url=https://example.test/better-name/"
    assert (root / "public" / "better-name" / "index.html").is_file()


def test_alias_pages_are_written_in_the_preview_too(site) -> None:
    from articlegen.build import build_site
    from articlegen.core.model import BuildOptions

    root: Path = site({"a.md": aliased("A", "/old/")})
    result = build_site(root, BuildOptions(write=False))
    assert {page.out_path for page in result.pages} >= {"old/index.html", "_redirects"}


def test_paths_no_file_can_hold_are_errors_at_their_line(site, run_cli) -> None:
    root = site({"a.md": aliased("A", "/nul%00x/", "/a%2Fb/", "/" + "x" * 300 + "/")})
    code, _, err = run_cli("check", "--site", root)
    assert code == 1 and "Traceback" not in err
    assert "content/a.md:5: alias '/nul%00x/' holds a control character" in err


def test_aliases_through_files_of_the_site_or_of_each_other_are_errors(site, run_cli) -> None:
    root = site(
        {
            "a.md": aliased("A", "/feed.xml/", "/z.html", "/z.html/y/"),
            "b.md": aliased("B", "/w/v/", "/w.html/x/"),
        }
    )
    code, _, err = run_cli("check", "--site", root)
    assert code == 1 and "Traceback" not in err
    assert "content/a.md:5: alias '/feed.xml/' is an address the site uses" in err
    assert "content/a.md:7: alias '/z.html/y/' needs a folder where content/a.md:6 has" in err


def test_a_scheduled_article_claims_its_aliases_before_it_publishes(site, run_cli) -> None:
    root = site(
        {
            "later.md": aliased("Later", "/old/", date="2999-01-01"),
            "now.md": aliased("Now", "/old/", "/later/"),
        }
    )
    code, _, err = run_cli("check", "--site", root)
    assert code == 1
    assert "alias '/old/' is already an alias of content/now.md:5" in err
    assert "alias '/later/' is the address of the article content/later.md" in err
