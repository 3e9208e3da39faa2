"""A file whose front-matter fails hides no problem of the site's.

A failing build still plans its pages, for the addresses its path links are checked
against; a page showing a file whose header failed (linking to it, or linked from it) made
that planning give up, and every path link of the site went unchecked. Each case builds a
real site with the command and reads what it prints: every problem once, at its line, exit
1, nothing written.
"""

from __future__ import annotations

from pathlib import Path

from articlegen.core.console import counted
from tests.conftest import article
from tests.helpers import snapshot

GOOD = {"a.md": article("Alpha", "## Start\n\nText.")}


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


def bad(header: str, body: str) -> str:
    return f"---\n{header}---\n\n{body}"


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
    root = site(
        {**GOOD, "b.md": good, "bad.md": bad("title: Bad\ndate: 2024-01-01\ntags: 5\n", "Text.\n")}
    )
    assert fails(root, run_cli) == [
        "error: content/b.md:7: link '/gone/' leads to /gone/, where this site publishes no"
        " page or file — fix the link (a file of static/ is written relative to static/, a"
        " page from the site's root with a leading '/'); something on this host that this"
        " site does not publish cannot be checked: link to it by its full address,"
        " https://example.test/gone/",
        "error: content/bad.md:4: 'tags' must be a list — write tags: [first, second]",
    ]
