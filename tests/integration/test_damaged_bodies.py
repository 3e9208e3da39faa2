"""A file whose front-matter fails hides none of its body's problems, nor the site's.

A header error (a bad date, invalid YAML, a missing title) used to leave the body half
checked: its image files, its links to paths and ``#id``s and (lost on the way) its
Markdown's own problems waited for the header to be fixed, so a writer fixed it, built
again, and only then learned of the body's problems. And a failing build's pages, planned
for the addresses its path links are checked against, could not be planned while a page
showed such a file (linking to it, or linked from it): no path link of the site was
checked. Each case builds a real site with the command and reads what it prints: every
problem once, at its line, exit 1, nothing written.
"""

from __future__ import annotations

from pathlib import Path

from articlegen.core.console import counted
from tests.conftest import article
from tests.helpers import snapshot

GOOD = {"a.md": article("Alpha", "## Start\n\nText.")}
BODY = (
    "Body with a [[missing-article]] link and ![](missing.png).\n"
    "\n"
    "[a path](/nowhere/), [[Alpha#no-such]] and [[Alpha#start]].\n"
)
DATE = (
    "error: content/bad.md:3: 'date' is not a real date: '2024-13-45' (month must be in 1..12)"
    " — write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]] (T or a space before the time),"
    " the time with an optional offset Z, +HH:MM, +HHMM or +HH, e.g. 2024-05-14,"
    " 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200"
)
SEE_ALSO = (
    "error: content/bad.md:4: see_also 'nowhere-at-all' matches no article"
    " — link by slug, by file (content/x.md) or by exact title"
)
BODY_ERRORS = [
    "error: content/bad.md:7: image 'missing.png' has no alt text — describe it,"
    ' ![what it shows](missing.png), or write ![""](missing.png) if it is only decoration',
    "error: content/bad.md:7: image file not found: static/missing.png — put the file in the"
    " site's static/ folder, or fix the path",
    "error: content/bad.md:7: link 'missing-article' matches no article or page"
    " — link by slug, by file (content/x.md) or by exact title",
    "error: content/bad.md:9: link 'Alpha#no-such': content/a.md has no id 'no-such'"
    " — use one of its ids (start); a heading's id is shown by the # link beside it",
    "error: content/bad.md:9: link '/nowhere/' leads to /nowhere/, where this site publishes"
    " no page or file — fix the link (a file of static/ is written relative to static/, a page"
    " from the site's root with a leading '/'); something on this host that this site does"
    " not publish cannot be checked: link to it by its full address,"
    " https://example.test/nowhere/",
]


def errors(err: str) -> list[str]:
    """The error lines about files, the summary left out."""
    return [line for line in err.splitlines() if line.startswith("error: content/")]


def fails(root: Path, run_cli, command: str = "build", *options: str) -> list[str]:
    """Run ``command``; it fails with exit 1, writes nothing, and its count line counts
    each error line once."""
    before = snapshot(root / "public") if (root / "public").exists() else None
    code, _, err = run_cli(command, "--site", root, *options)
    assert code == 1, err
    assert "Traceback" not in err
    assert (snapshot(root / "public") if (root / "public").exists() else None) == before
    found = errors(err)
    assert err.splitlines()[-1].startswith(f"error: {counted(len(found), 'error')};"), err
    return found


def bad(header: str, body: str = BODY) -> str:
    return f"---\n{header}---\n\n{body}"


def test_a_bad_date_hides_none_of_the_bodys_problems(site, run_cli) -> None:
    """The brief's case: the date, the see_also and the body's link used to be all; the
    image's alt text and file, the path link and the ``#id`` came only once the date was
    fixed. Fixing the date now leaves exactly the others."""
    header = "title: Bad\ndate: 2024-13-45\nsee_also: [nowhere-at-all]\n"
    root = site({**GOOD, "bad.md": bad(header)})
    assert fails(root, run_cli, "check") == [DATE, SEE_ALSO, *BODY_ERRORS]
    (root / "content/bad.md").write_text(bad(header.replace("13-45", "12-05")))
    assert fails(root, run_cli, "check") == [SEE_ALSO, *BODY_ERRORS]


def test_invalid_yaml_hides_none_of_the_bodys_problems(site, run_cli) -> None:
    """A header that is no YAML: its title is unknown, so a link that matches no article
    may name it and is not judged; every other problem of the body is."""
    text = bad("title: [unclosed\n", "Text [[missing-two]] ![x](gone.png) [p](/nowhere/)\n")
    root = site({**GOOD, "bad.md": text})
    assert fails(root, run_cli) == [
        "error: content/bad.md:2: invalid YAML: the '[' opened on this line is never closed"
        " — end the value with ']'",
        "error: content/bad.md:5: image file not found: static/gone.png — put the file in the"
        " site's static/ folder, or fix the path",
        "error: content/bad.md:5: link '/nowhere/' leads to /nowhere/, where this site"
        " publishes no page or file — fix the link (a file of static/ is written relative to"
        " static/, a page from the site's root with a leading '/'); something on this host"
        " that this site does not publish cannot be checked: link to it by its full address,"
        " https://example.test/nowhere/",
    ]


def test_the_markdowns_own_problems_of_a_damaged_body_are_said_once(site, run_cli) -> None:
    """A body's own problems (a video without its title here) were dropped on the way out of
    the reading stage for a file whose header failed."""
    body = "Text.\n\n::: video https://www.youtube.com/watch?v=abc\n:::\n"
    root = site({**GOOD, "bad.md": bad("date: 2024-01-01\n", body)})
    assert fails(root, run_cli) == [
        "error: content/bad.md:1: missing required key 'title' — add 'title: …'",
        "error: content/bad.md:7: video: the video has no title (readers see it before they"
        ' click) — write ::: video https://www.youtube.com/watch?v=… "Title"',
    ]


def test_a_damaged_file_linking_to_an_article_hides_no_path_link_errors(site, run_cli) -> None:
    """Planning the pages a path link is checked against failed when a file whose header
    failed linked to an article (its page lists those linking to it, by their cards): every
    path link of the site went unchecked, the good articles' too."""
    good = article("Beta", "[gone](/gone/)")
    root = site(
        {
            **GOOD,
            "b.md": good,
            "bad.md": bad("title: Bad\ndate: 2024-01-01\ntags: 5\n", "[[Alpha]]\n"),
        }
    )
    assert fails(root, run_cli) == [
        "error: content/b.md:6: link '/gone/' leads to /gone/, where this site publishes no"
        " page or file — fix the link (a file of static/ is written relative to static/, a"
        " page from the site's root with a leading '/'); something on this host that this"
        " site does not publish cannot be checked: link to it by its full address,"
        " https://example.test/gone/",
        "error: content/bad.md:4: 'tags' must be a list — write tags: [first, second]",
    ]


def test_an_article_linking_to_a_damaged_file_hides_no_path_link_errors(site, run_cli) -> None:
    """The same, for a good article linking to the file whose header failed: its page
    shows the linked article's card and title, which that file has not."""
    good = article("Beta", "[[bad]] [gone](/gone/)", see_also="[bad]")
    root = site({**GOOD, "b.md": good, "bad.md": bad("title: Bad\ndate: 2024-01-01\ntags: 5\n")})
    assert fails(root, run_cli) == [
        "error: content/b.md:7: link '/gone/' leads to /gone/, where this site publishes no"
        " page or file — fix the link (a file of static/ is written relative to static/, a"
        " page from the site's root with a leading '/'); something on this host that this"
        " site does not publish cannot be checked: link to it by its full address,"
        " https://example.test/gone/",
        "error: content/bad.md:4: 'tags' must be a list — write tags: [first, second]",
        *BODY_ERRORS,
    ]


def test_what_needs_the_header_waits_for_it(site, run_cli) -> None:
    """A citation is numbered by the article's ``references:``: with the header unread, it
    is not judged (no false error); once the header reads, the missing reference is said."""
    root = site({**GOOD, "bad.md": bad("title: [unclosed\n", "A claim.[^smith]\n")})
    assert fails(root, run_cli) == [
        "error: content/bad.md:2: invalid YAML: the '[' opened on this line is never closed"
        " — end the value with ']'",
    ]
    (root / "content/bad.md").write_text(
        bad("title: Bad\ndate: 2024-01-01\n", "A claim.[^smith]\n")
    )
    assert fails(root, run_cli) == [
        "error: content/bad.md:6: citation [^smith] names no reference"
        " — add a 'references:' list with an item 'id: smith'",
    ]


def test_a_damaged_header_image_is_checked_too(site, run_cli) -> None:
    """An ``image:`` valid on its own, in a header with another error, is placed: its
    missing file is said with the header's error, not after it."""
    header = "title: Bad\ndate: 2024-13-45\nimage: {src: hero.png, alt: A hero}\n"
    root = site({**GOOD, "bad.md": bad(header, "Text.\n")})
    assert fails(root, run_cli) == [
        DATE,
        "error: content/bad.md:4: image file not found: static/hero.png — put the file in the"
        " site's static/ folder, or fix the path",
    ]


def test_fixing_the_header_after_a_failed_build_builds_the_article(site, run_cli) -> None:
    """The build cache keeps no file with errors as good: a failed build, then the header
    fixed (the body's problems still there), then the body fixed, builds the page right."""
    root = site(GOOD)
    code, _, err = run_cli("build", "--site", root)
    assert code == 0, err
    header = "title: Bad\ndate: 2024-13-45\n"
    (root / "content/bad.md").write_text(bad(header, "See ![](pic.svg).\n"))
    assert len(fails(root, run_cli)) == 3
    (root / "content/bad.md").write_text(
        bad("title: Bad\ndate: 2024-12-05\n", "See ![](pic.svg).\n")
    )
    assert len(fails(root, run_cli)) == 2
    (root / "static").mkdir()
    (root / "static/pic.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"/>'
    )
    (root / "content/bad.md").write_text(
        bad("title: Bad\ndate: 2024-12-05\n", 'See ![""](pic.svg).\n')
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 0, err
    assert 'alt=""' in (root / "public/bad/index.html").read_text()


def test_strict_says_a_damaged_bodys_warnings_with_its_header_error(site, run_cli) -> None:
    """``--strict`` makes warnings errors: an image of another host in a body whose header
    failed is one of them, in the same report."""
    text = bad("title: Bad\ndate: 2024-13-45\n", "![x](https://example.com/a.png)\n")
    root = site({**GOOD, "bad.md": text})
    assert fails(root, run_cli, "check", "--strict") == [
        DATE,
        "error: content/bad.md:6: image https://example.com/a.png is loaded from another host"
        " on every page load and has no size — copy it into static/, e.g. static/images/a.png,"
        " and write ![…](images/a.png): then it comes from this site, with its width and height",
    ]
