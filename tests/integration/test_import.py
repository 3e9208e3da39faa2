"""``articlegen import``: the pasted seed article and saved pages become articles that build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from articlegen.authoring.importer import import_articles
from articlegen.core.errors import BuildFailed
from tests.conftest import article, parse
from tests.integration.test_build import GISCUS

SEED = Path(__file__).parents[1] / "fixtures" / "ketamine-mental-fitness.txt"
"""A copy of the blog owner's pasted article (kept here, in tests/fixtures/)."""
IV_TITLE = "Intravenous vs. Intramuscular Ketamine Treatments, How They Work"
SEED_SLUG = "ketamine-mental-fitness"


@pytest.fixture
def blog(site):
    """A site with comments set up and the articles the seed's See Also names."""
    return site(
        {
            "iv-vs-im-ketamine.md": article(IV_TITLE),
            "sleep.md": article("Sleep and Testosterone"),
            "a-draft.md": "---\ntitle: Draft Notes\ndraft: true\n---\nLater.\n",
        },
        site_yaml=GISCUS,
    )


def test_the_seed_imports_and_builds(blog: Path, run_cli) -> None:
    code, out, err = run_cli("import", SEED, "--site", blog, "--date", "2024-05-14")
    assert (code, err) == (0, "")
    assert out == f"imported {SEED} as content/{SEED_SLUG}.md\n"
    head = (blog / f"content/{SEED_SLUG}.md").read_text(encoding="utf-8").split("\n---\n")[0]
    assert head.splitlines() == [
        "---",
        'title: "Ketamine: The New Frontier in Mental Fitness for Health-Conscious Men"',
        "date: 2024-05-14",
        "see_also:",
        f'  - "iv-vs-im-ketamine"  # {IV_TITLE}',
        "comments: true",
    ]
    code, _, err = run_cli("build", "--site", blog, "--strict")
    assert code == 0, err
    page = parse(blog / f"public/{SEED_SLUG}/index.html")
    assert page.css_first("h1").text() == (
        "Ketamine: The New Frontier in Mental Fitness for Health-Conscious Men"
    )
    headings = [h.text(deep=True).rstrip("#").strip() for h in page.css(".body h2")]
    assert headings == [
        "The Rise of Ketamine in the Fitness World",
        "Mechanism of Action: A Workout for Your Neurotransmitters",
        "Benefits for the Fitness-Oriented Man",
        "Integration with Existing Fitness Regimens",
        "Navigating the Risks",
        "Finding the Right 'Gym' for Ketamine Therapy",
        "Conclusion",
    ]
    assert page.css_first("section.comments") is not None  # comments: true
    lists = page.css(".body ul")
    assert [len(ul.css("li")) for ul in lists] == [3, 2, 3, 3]
    first = lists[0].css_first("li")
    assert first.css_first("strong").text() == "Rapid Results:"
    assert first.text(deep=True).startswith("Rapid Results: Just as you might crave quick gains")
    see_also = page.css(".see-also a")
    assert [(a.attributes["href"], a.text(deep=True).strip()) for a in see_also][:1] == [
        ("/iv-vs-im-ketamine/", IV_TITLE)
    ]
    body_text = page.css_first(".body").text(deep=True)
    assert "See Also:" not in body_text and "•" not in body_text
    linked_from = parse(blog / "public/iv-vs-im-ketamine/index.html").css(".linked-from a")
    assert [a.attributes["href"] for a in linked_from] == [f"/{SEED_SLUG}/"]


def test_refuses_to_overwrite_and_writes_nothing_on_error(blog: Path, run_cli, tmp_path) -> None:
    assert run_cli("import", SEED, "--site", blog)[0] == 0
    before = (blog / f"content/{SEED_SLUG}.md").read_bytes()
    other = tmp_path / "other.txt"
    other.write_text("Another Article\n\nText.\n", encoding="utf-8")
    code, out, err = run_cli("import", other, SEED, "--site", blog)
    assert (code, out) == (1, "")
    assert err == (
        f"error: {SEED}: not imported: content/{SEED_SLUG}.md already exists"
        " — import never overwrites: rename the source file to import it under another slug,"
        " or remove the existing article first\n"
        "error: 1 error; nothing was imported\n"
    )
    assert (blog / f"content/{SEED_SLUG}.md").read_bytes() == before
    assert not (blog / "content/other.md").exists()


def test_a_title_or_slug_that_is_taken_is_refused(blog: Path, tmp_path) -> None:
    sources = {
        "a.txt": "Fresh Title",
        "b/a.txt": "Other Title",
        "copy.txt": IV_TITLE,
        "sleep.html": "<h1>Sleeping Well</h1><p>Text.</p>",
        "tags.txt": "Tags Explained",
    }
    for name, text in sources.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(f"{text}\n\nText.\n", encoding="utf-8")
    paths = [tmp_path / name for name in sources]
    with pytest.raises(BuildFailed) as failed:
        import_articles(blog, paths, today=dt.date(2024, 1, 1))
    assert [(e.path, e.message) for e in failed.value.errors] == [
        (
            str(tmp_path / "b/a.txt"),
            f"not imported: {tmp_path / 'a.txt'} (in this import) already has the slug 'a'",
        ),
        (
            str(tmp_path / "copy.txt"),
            f"not imported: content/iv-vs-im-ketamine.md already has the title '{IV_TITLE}'",
        ),
        (str(tmp_path / "sleep.html"), "not imported: content/sleep.md already exists"),
        (
            str(tmp_path / "tags.txt"),
            "not imported: the slug 'tags' is reserved for the site's own pages",
        ),
    ]
    assert sorted(p.name for p in (blog / "content").iterdir()) == [
        "a-draft.md",
        "iv-vs-im-ketamine.md",
        "sleep.md",
    ]


def test_unresolved_see_also_is_a_comment_and_a_warning_and_the_site_builds(
    blog: Path, run_cli, tmp_path
) -> None:
    pasted = tmp_path / "hormones.txt"
    pasted.write_text(
        "Hormones 101\n\nText.\n\nSee also: Sleep and Testosterone, Not Written Yet, Draft Notes\n",
        encoding="utf-8",
    )
    code, _, err = run_cli("import", pasted, "--site", blog)
    assert code == 0
    today = dt.date.today().isoformat()
    assert err.splitlines() == [
        f"warning: content/hormones.md:3: the source gives no date, so 'date' is the day of the"
        f" import ({today}) — change it to the day the article first appeared, or import with"
        " --date",
        "warning: content/hormones.md:7: See Also 'Not Written Yet' matches no article, so it is"
        " left as a comment — write or import that article, then remove the '# ' before its line"
        " under 'see_also:'",
        "warning: content/hormones.md:8: See Also 'Draft Notes' is a draft (a-draft), so it is"
        " left as a comment — write or import that article, then remove the '# ' before its line"
        " under 'see_also:'",
    ]
    lines = (blog / "content/hormones.md").read_text(encoding="utf-8").splitlines()
    assert lines[2:8] == [
        f"date: {today}  # the day of the import: the source gives none",
        "see_also:",
        '  - "sleep"  # Sleep and Testosterone',
        "  # No article matches these yet: remove the '# ' once it exists.",
        '  # - "Not Written Yet"',
        '  # - "Draft Notes"',
    ]
    assert run_cli("build", "--site", blog)[0] == 0
    links = parse(blog / "public/hormones/index.html").css(".see-also a")
    assert [a.attributes["href"] for a in links] == ["/sleep/"]


def test_articles_of_one_batch_link_to_each_other(blog: Path, run_cli, tmp_path) -> None:
    (tmp_path / "one.txt").write_text("First Part\n\nText.\n\nSee also: Second Part\n")
    (tmp_path / "two.txt").write_text("Second Part\n\nText.\n\nSee also: First Part\n")
    code, out, _ = run_cli(
        "import", tmp_path / "one.txt", tmp_path / "two.txt", "--site", blog, "--date", "2024-02-02"
    )
    assert code == 0 and out.count("imported ") == 2
    assert run_cli("build", "--site", blog, "--strict")[0] == 0
    link = parse(blog / "public/one/index.html").css_first(".see-also a")
    assert link.attributes["href"] == "/two/"


def test_a_saved_web_page_imports_and_builds(blog: Path, run_cli, tmp_path) -> None:
    page = tmp_path / "Saved Page.html"
    page.write_bytes(
        (
            '<!DOCTYPE html><html><head><meta charset="windows-1252">'
            '<link rel="canonical" href="https://old.example.org/2023/caf\xe9-and-sleep/">'
            '<meta property="article:published_time" content="2023-03-04"></head><body>'
            "<nav>Menu</nav><article><h1>Caf\xe9 and Sleep</h1><p>Coffee \u2013 late.</p>"
            '<p>Read <a href="../../sleep/">the notes</a> and <a href="/gone/">this</a>.</p>'
            "<h2>Why</h2><ul><li>One</li><li>Two</li></ul>"
            '<p>See also: <a href="/sleep/">Sleep</a></p></article>'
            '<div id="comments">3 comments</div></body></html>'
        ).encode("cp1252")
    )
    code, out, err = run_cli("import", page, "--site", blog)
    assert (code, err) == (0, "")
    assert out == f"imported {page} as content/cafe-and-sleep.md\n"
    assert run_cli("build", "--site", blog, "--strict")[0] == 0
    built = parse(blog / "public/cafe-and-sleep/index.html")
    assert built.css_first("h1").text() == "Café and Sleep"
    assert built.css_first(".body p").text() == "Coffee – late."
    assert [li.text() for li in built.css(".body ul li")] == ["One", "Two"]
    links = [(a.attributes["href"], a.text()) for a in built.css(".body p a")]
    assert links == [("/sleep/", "the notes"), ("https://old.example.org/gone/", "this")]
    assert built.css_first(".see-also a").attributes["href"] == "/sleep/"
    assert built.css_first("time").attributes["datetime"].startswith("2023-03-04")


def test_without_a_comments_provider_comments_stay_a_comment(site, run_cli) -> None:
    root = site({})
    code, _, err = run_cli("import", SEED, "--site", root, "--date", "2024-05-14")
    assert code == 0
    assert err.splitlines()[-1] == (
        f"warning: content/{SEED_SLUG}.md:7: the page had comments, but site.yaml sets up no"
        " comments provider — set up 'comments:' in site.yaml, then remove the '# ' before"
        " 'comments: true'"
    )
    assert run_cli("build", "--site", root)[0] == 0


def test_an_unmatched_see_also_item_is_valid_yaml_once_uncommented(site, run_cli) -> None:
    """The seed's See Also names an article the site does not have yet: the import writes the
    key with the item commented under it, and removing the '# ' is all it takes later."""
    root = site({})
    assert run_cli("import", SEED, "--site", root, "--date", "2024-05-14")[0] == 0
    path = root / f"content/{SEED_SLUG}.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[3:6] == [
        "see_also:",
        "  # No article matches these yet: remove the '# ' once it exists.",
        f'  # - "{IV_TITLE}"',
    ]
    assert run_cli("build", "--site", root, "--drafts")[0] == 0
    (root / "content/iv.md").write_text(article(IV_TITLE), encoding="utf-8")
    path.write_text(
        path.read_text(encoding="utf-8").replace(f'  # - "{IV_TITLE}"', f'  - "{IV_TITLE}"'),
        encoding="utf-8",
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0, err
    links = parse(root / f"public/{SEED_SLUG}/index.html").css(".see-also a")
    assert [a.attributes["href"] for a in links] == ["/iv/"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "notes.md",
            b"# Notes\n",
            "notes.md: this is already Markdown — add a front-matter and copy it into content/;"
            " import takes .txt or .html files, or a whole Jekyll or Hugo folder",
        ),
        (  # an article of another site: 'add a front-matter' told it to add a second one
            "sleep.md",
            b"---\ntitle: Sleep\n---\n\nText.\n",
            "sleep.md: this is already Markdown, with a front-matter — copy it into content/ as"
            " it is (the build names any key to change); import takes .txt or .html files, or a"
            " whole Jekyll or Hugo folder",
        ),
        (
            "latin1.txt",
            "Caf\xe9\n".encode("latin-1"),
            "latin1.txt:1: not UTF-8 text: byte 0xe9 at offset 3"
            " — save the file as UTF-8 in your editor",
        ),
        ("empty.txt", b"", "empty.txt:1: the file is empty — paste the article's text into it"),
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "photo.txt: not a text file: binary data (a NUL byte at offset 8) — import takes"
            " pasted text (.txt) or a saved web page (.html): save a Word document or PDF as one"
            " of these first",
        ),
        (
            "paper.html",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
            "paper.html: not a text file: binary data (a PDF) — import takes pasted text (.txt)"
            " or a saved web page (.html): save a Word document or PDF as one of these first",
        ),
        (
            "pasted.txt",
            b"A Title\n\nSome \x08text.\n",
            "pasted.txt:3: control character U+0008 at column 6"
            " — remove the control character (U+0008)",
        ),
    ],
)
def test_unusable_sources(blog: Path, run_cli, tmp_path, monkeypatch, name, data, message) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_bytes(data)
    code, out, err = run_cli("import", name, "--site", blog)
    assert (code, out) == (1, "")
    assert err == f"error: {message}\nerror: 1 error; nothing was imported\n"


def test_missing_file_and_missing_site(blog: Path, run_cli, tmp_path) -> None:
    code, _, err = run_cli("import", tmp_path / "nope.txt", "--site", blog)
    assert code == 1
    assert err.startswith(f"error: {tmp_path / 'nope.txt'}: cannot read the file: No such file")
    code, _, err = run_cli("import", SEED, "--site", tmp_path)
    assert code == 1
    assert err == (  # tmp_path holds the site: the error names it
        f"error: site.yaml: no site.yaml in {tmp_path}"
        f" — the site is the folder {blog}: cd there first, or pass --site {blog}\n"
    )
    code, _, err = run_cli("import", SEED, "--site", tmp_path / "nowhere")
    assert code == 1
    assert err == (
        f"error: site.yaml: there is no folder {tmp_path / 'nowhere'}"
        " — check the path given with --site\n"
    )


def test_utf16_text_from_a_windows_editor(blog: Path, run_cli, tmp_path) -> None:
    pasted = tmp_path / "windows.txt"
    pasted.write_bytes("Windows Notes\r\n\r\nText \u2013 here.\r\n".encode("utf-16"))
    assert run_cli("import", pasted, "--site", blog, "--date", "2024-01-01")[0] == 0
    assert (
        (blog / "content/windows.md")
        .read_text(encoding="utf-8")
        .endswith("\n\nText \u2013 here.\n")
    )


def test_a_saved_pages_date_line_is_left_out_of_the_body(blog: Path, run_cli, tmp_path) -> None:
    """The old theme's ``<time>`` under the title was written as the body's first paragraph,
    so the built page showed the date twice: in the header, and again in the text."""
    page = tmp_path / "rest.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><article>'
        '<h1>Rest Days</h1><div class="post-meta"><time datetime="2023-03-04">March 4, 2023'
        "</time></div><p>Plan a rest day.</p><p>Then <time>May 1, 2023</time> came.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    code, _, err = run_cli("import", page, "--site", blog)
    assert (code, err) == (0, "")
    assert run_cli("build", "--site", blog, "--strict")[0] == 0
    built = parse(blog / "public/rest/index.html")
    assert [p.text() for p in built.css(".body p")] == [
        "Plan a rest day.",
        "Then May 1, 2023 came.",
    ]
    assert built.css_first("time").attributes["datetime"].startswith("2023-03-04")


def test_a_slug_taken_from_the_title_drops_apostrophes_inside_words(
    blog: Path, run_cli, tmp_path
) -> None:
    """With no address and a file name that makes no slug, the title names the file as
    ``articlegen new`` names one: 'whats-normal', not 'what-s-normal'."""
    page = tmp_path / "¿？.html"
    page.write_text(
        "<html><body><article><h1>Heart Rate: What's Normal?</h1><p>Text.</p></article>"
        "</body></html>",
        encoding="utf-8",
    )
    code, out, err = run_cli("import", page, "--site", blog, "--date", "2024-05-14")
    assert code == 0, err
    assert out == f"imported {page} as content/heart-rate-whats-normal.md\n"


def test_an_unmatched_see_also_line_is_cut_into_its_titles(site, run_cli, tmp_path) -> None:
    """``See Also: A, B`` naming no article yet is written as two commented items, and
    uncommenting them passes the check once both articles exist."""
    root = site({})
    pasted = tmp_path / "salad.txt"
    pasted.write_text("Salad Notes\n\nText.\n\nSee Also: Greek Salad, Pea Puree\n", "utf-8")
    assert run_cli("import", pasted, "--site", root, "--date", "2024-05-14")[0] == 0
    path = root / "content/salad.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[3:7] == [
        "see_also:",
        "  # No article matches these yet: remove the '# ' once it exists.",
        '  # - "Greek Salad"',
        '  # - "Pea Puree"',
    ]
    (root / "content/greek.md").write_text(article("Greek Salad"), encoding="utf-8")
    (root / "content/pea.md").write_text(article("Pea Puree"), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("  # - ", "  - "), "utf-8")
    code, _, err = run_cli("check", "--site", root)
    assert code == 0, err


def test_a_slug_from_the_page_address_is_not_said_to_follow_the_file_name(
    blog: Path, run_cli, tmp_path
) -> None:
    page = tmp_path / "saved-copy.html"
    page.write_text(
        '<html><head><link rel="canonical" href="https://old.example.org/sleep/"></head>'
        "<body><h1>Placeholder Title</h1><p>Placeholder text.</p></body></html>",
        encoding="utf-8",
    )
    code, out, err = run_cli("import", page, "--site", blog)
    assert (code, out) == (1, "")
    assert "content/sleep.md already exists" in err
    assert "comes from the page's own address (https://old.example.org/sleep/)" in err
    assert "rename the source file" not in err


def test_pages_without_an_address_link_to_each_other_by_their_paths(
    blog: Path, run_cli, tmp_path
) -> None:
    first, second = tmp_path / "first-page.html", tmp_path / "second-page.html"
    first.write_text(
        "<html><body><main><h1>First Placeholder</h1>\n<p>See "
        '<a href="/2020/second-page.html">the second</a>.</p>\n<p>And '
        '<a href="/about/">about</a>.</p>\n<p><a href="first-page.html">Top</a>, <a href="'
        'first-page.html#tips">tips</a>.</p></main></body></html>',
        encoding="utf-8",
    )
    second.write_text(
        '<html><body><main><h1>Second Placeholder</h1><p>Back to <a href="/first-page/">the'
        ' first</a>.</p>\n<p>Also <a href="../2020/first-page.html">the first again</a>'
        ' and\n<a href="guide.pdf">the guide</a>.</p></main></body></html>',
        encoding="utf-8",
    )
    code, _, err = run_cli("import", first, second, "--site", blog, "--date", "2024-05-14")
    assert code == 0, err
    assert "See [the second](second-page.md).\n\nAnd about.\n\n[Top](#), [tips](#tips).\n" in (
        blog / "content/first-page.md"
    ).read_text(encoding="utf-8")  # a link to the page itself is one within it
    second_text = (blog / "content/second-page.md").read_text(encoding="utf-8")
    assert "Back to [the first](first-page.md)." in second_text
    assert "Also [the first again](first-page.md) and the guide." in second_text
    assert "the link 'about' to /about/ is kept as text" in err
    assert f"from {first}:3" in err
    assert "the link 'the guide' to /guide.pdf is kept as text" in err
    assert f"from {second}:3" in err


def test_a_refresh_to_an_unparsable_address_is_an_error_not_a_traceback(
    blog: Path, tmp_path, run_cli
) -> None:
    stub = tmp_path / "stub.html"
    stub.write_text(
        '<link rel="canonical" href="https://example.org/a/">'
        '<meta http-equiv="refresh" content="0; url=http://[broken/"><p>Redirecting…</p>',
        encoding="utf-8",
    )
    good = tmp_path / "good.html"
    good.write_text("<h1>Placeholder Good</h1><p>Placeholder text.</p>", encoding="utf-8")
    code, out, err = run_cli("import", stub, good, "--site", blog, "--date", "2024-05-14")
    assert code == 1
    assert "the page is a redirect to http://[broken/, not an article" in err
    assert "Traceback" not in out + err
    assert not (blog / "content/good.md").exists()  # all files of one command, or none


def test_addresses_python_cannot_read_are_no_traceback(blog: Path, run_cli, tmp_path) -> None:
    """``http://[x/`` is no address ``urlsplit`` reads (it raises): a link to one keeps its
    text, and neither a back-link's, a link's nor an image's check stops the import."""
    page = tmp_path / "broken.html"
    page.write_text(
        "<html><body><article><h1>Placeholder Page</h1><p>Placeholder text.</p>"
        '<p><a href="http://[broken/">Home</a></p>'
        '<p>See <a href="http://[other/x">this</a> and <img src="http://[img/a.png" alt="x">.'
        "</p></article></body></html>",
        encoding="utf-8",
    )
    code, _, err = run_cli("import", page, "--site", blog, "--date", "2024-05-14")
    assert code == 0 and "Traceback" not in err, err
    body = (blog / "content/broken.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body == "\nPlaceholder text.\n\nHome\n\nSee this and ![x](<http://[img/a.png>).\n"
