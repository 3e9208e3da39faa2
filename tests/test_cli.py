"""``main(argv)`` → exit code, stdout, stderr, for every command."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from articlegen.cli import main
from articlegen.core.scaffolds import FIRST_PARAGRAPH
from tests.conftest import SITE_YAML, article, parse


def test_build_prints_a_one_line_summary(site, run_cli) -> None:
    root = site({"a.md": article("A"), "b.md": article("B")})
    code, out, err = run_cli("build", "--site", root)
    assert code == 0 and err == ""
    assert out.startswith("2 articles, ") and "built into public/ in " in out
    assert len(out.strip().splitlines()) == 1


def test_build_quiet_prints_nothing(site, run_cli) -> None:
    root = site({"a.md": article("A")})
    assert run_cli("build", "--site", root, "--quiet") == (0, "", "")
    assert run_cli("build", "--site", root, "-q") == (0, "", "")  # as other tools spell it


def test_build_output_and_base_url_options(site, run_cli, tmp_path: Path) -> None:
    root = site({"a.md": article("A")})
    code, _, _ = run_cli(
        "build",
        "--site",
        root,
        "--output",
        tmp_path / "out",
        "--base-url",
        "https://preview.example.org/x",
    )
    assert code == 0
    page = (tmp_path / "out/a/index.html").read_text()
    assert 'href="https://preview.example.org/x/a/"' in page


def test_check_writes_nothing(site, run_cli) -> None:
    root = site({"a.md": article("A")})
    code, out, _ = run_cli("check", "--site", root)
    assert code == 0
    assert re.fullmatch(r"1 article, \d+ pages; checked in \d+\.\d\d s; no output written\n", out)
    assert not (root / "public").exists()
    assert (root / ".articlegen-cache").is_dir()  # kept, as docs/commands.md's Build cache says


def test_check_reports_errors_with_exit_1(site, run_cli) -> None:
    root = site({"a.md": article("A", see_also="[nowhere]")})
    code, _, err = run_cli("check", "--site", root)
    assert code == 1
    assert err.splitlines()[0].startswith(
        "error: content/a.md:3: see_also 'nowhere' matches no article"
    )


def test_new_creates_a_draft_that_validates_and_refuses_to_overwrite(site, run_cli) -> None:
    root = site({})
    code, out, _ = run_cli("new", "Testosterone & Sleep: A Guide", "--site", root)
    assert code == 0 and "content/testosterone-sleep-a-guide.md" in out
    text = (root / "content/testosterone-sleep-a-guide.md").read_text()
    assert text.startswith("---\ntitle: 'Testosterone & Sleep: A Guide'\ndate: ")
    assert run_cli("check", "--site", root, "--drafts")[0] == 0
    code, _, err = run_cli("new", "Testosterone & Sleep: A Guide", "--site", root)
    assert code == 1
    assert err == (  # the file is named once, as the location
        "error: content/testosterone-sleep-a-guide.md: the file exists already"
        " — choose another title or edit the existing file\n"
    )
    assert (root / "content/testosterone-sleep-a-guide.md").read_text() == text


def test_new_writes_a_title_between_curly_quotes_so_that_it_builds(site, run_cli) -> None:
    """Written plain, “Walk More” is a value the build refuses as curly quotes meant as
    YAML's (core/curlyquotes.py): what was given is kept, in straight quotes."""
    root = site({})
    assert run_cli("new", "\u201cWalk More\u201d", "--site", root)[0] == 0
    text = (root / "content/walk-more.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: '\u201cWalk More\u201d'\ndate: ")
    assert run_cli("new", "The \u201cWalk\u201d Myth", "--site", root)[0] == 0
    text = (root / "content/the-walk-myth.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: The \u201cWalk\u201d Myth\ndate: ")
    code, _, err = run_cli("check", "--site", root, "--drafts")
    assert code == 0, err


def test_new_page_creates_a_draft_page_with_only_a_pages_keys(site, run_cli) -> None:
    root = site({"sleep.md": "---\ntitle: Sleep\ndate: 2024-01-01\n---\nText.\n"})
    code, out, _ = run_cli("new", "About Us", "--page", "--site", root)
    assert code == 0 and "content/pages/about-us.md" in out
    text = (root / "content/pages/about-us.md").read_text()
    assert text.startswith("---\ntitle: About Us\ndraft: true\n---\n")
    assert run_cli("check", "--site", root, "--drafts")[0] == 0
    code, _, err = run_cli("new", "Sleep", "--page", "--site", root)
    assert code == 1 and "the slug 'sleep' is taken: content/sleep.md has it" in err


REVIEWERS = "reviewers:\n  example-reviewer: {name: Example Reviewer, credentials: MD}\n"


def _warnings(run_cli, root: Path, *options: str) -> list[str]:
    code, _, err = run_cli("build", "--site", root, "--today", "2026-12-06", *options)
    assert code == 0, err
    return [line for line in err.splitlines() if line.startswith("warning:")]


def test_new_writes_the_medical_review_keys_commented_out(site, run_cli) -> None:
    """The writer sees reviewed_by and reviewed_on (docs/trust.md) in a new article's
    header: commented out, so the article builds as it did without them; with the '# '
    removed and their values written, the page shows the review."""
    root = site({}, site_yaml=SITE_YAML + REVIEWERS)
    assert run_cli("new", "Sleep Basics", "--site", root)[0] == 0
    path = root / "content/sleep-basics.md"  # dated today: the builds below are as of a day
    text = re.sub("(?m)^date: .*$", "date: 2026-11-01", path.read_text(encoding="utf-8"))
    text = text.replace(FIRST_PARAGRAPH, "Sleep well.")  # published, its placeholder is warned of
    path.write_text(text, encoding="utf-8")
    commented = [line for line in text.splitlines() if line.startswith("# reviewed_")]
    assert commented == ["# reviewed_by: example-reviewer", "# reviewed_on: YYYY-MM-DD"]
    # as written: no warning, as a draft and once published (never reviewed, as before)
    assert _warnings(run_cli, root, "--drafts") == []
    path.write_text(text.replace("draft: true", "draft: false"), encoding="utf-8")
    published = _warnings(run_cli, root)
    bare = [line for line in text.splitlines() if not line.startswith("#")]
    path.write_text("\n".join(bare).replace("draft: true", "draft: false"), encoding="utf-8")
    assert _warnings(run_cli, root) == published
    # uncommented with the placeholders: an error at each line, naming what to write
    uncommented = text.replace("# reviewed_", "reviewed_").replace("draft: true", "draft: false")
    path.write_text(uncommented, encoding="utf-8")
    code, _, err = run_cli("check", "--site", root, "--today", "2026-12-06")
    assert code == 1 and "error: content/sleep-basics.md:10: 'reviewed_on' is not a valid" in err
    # filled in: the page shows the review
    path.write_text(uncommented.replace("YYYY-MM-DD", "2026-12-06"), encoding="utf-8")
    assert _warnings(run_cli, root) == []
    reviewed = parse(root / "public/sleep-basics/index.html").css_first(".reviewed")
    assert reviewed is not None
    assert reviewed.text() == "Medically reviewed by Example Reviewer, MD on 6 December 2026"


def _reviewers(*ids: str) -> str:
    """A site.yaml ``reviewers:`` block with these ids (quoted keys), named 'Reviewer <id>'."""
    people = "".join(f'  "{i}": {{name: Reviewer {i}, credentials: MD}}\n' for i in ids)
    return "reviewers:\n" + people


@pytest.mark.parametrize(
    ("ids", "line", "others"),
    [
        (("second-reviewer",), "# reviewed_by: second-reviewer", None),
        (
            ("dr-b", "dr-a", "123"),
            "# reviewed_by: dr-b",
            "# (or: dr-a, '123')",
        ),
        (("123", "dr-a"), "# reviewed_by: '123'", "# (or: dr-a)"),
        (("yes",), "# reviewed_by: 'yes'", None),
        (("2023-01-01", "on"), "# reviewed_by: '2023-01-01'", "# (or: 'on')"),
    ],
)
def test_new_names_the_sites_own_reviewer_in_the_commented_review_key(
    site, run_cli, ids: tuple[str, ...], line: str, others: str | None
) -> None:
    """Not the placeholder the site does not have: its one reviewer, or the first of
    several in site.yaml's order (the others on a comment line of their own below it),
    quoted where YAML would read it as no text; the keys uncommented as the header says
    (their '# ' removed) and dated, the draft builds and names that reviewer."""
    root = site({}, site_yaml=SITE_YAML + _reviewers(*ids))
    assert run_cli("new", "Sleep Basics", "--site", root)[0] == 0
    path = root / "content/sleep-basics.md"
    text = re.sub("(?m)^date: .*$", "date: 2026-11-01", path.read_text(encoding="utf-8"))
    lines = text.splitlines()
    at = lines.index(line)
    assert lines[at + 1] == (others or "# reviewed_on: YYYY-MM-DD")
    reviewed = re.sub("(?m)^# (reviewed_(?:by|on): )", r"\1", text)
    path.write_text(reviewed.replace("YYYY-MM-DD", "2026-12-06"), encoding="utf-8")
    assert _warnings(run_cli, root, "--drafts") == []
    shown = parse(root / "public/sleep-basics/index.html").css_first(".reviewed")
    assert shown is not None
    assert shown.text() == f"Medically reviewed by Reviewer {ids[0]}, MD on 6 December 2026"


def test_new_names_the_placeholder_when_the_site_has_no_reviewer(site, run_cli) -> None:
    root = site({})
    assert run_cli("new", "Mood Basics", "--site", root)[0] == 0
    text = (root / "content/mood-basics.md").read_text(encoding="utf-8")
    assert "\n# reviewed_by: example-reviewer\n# reviewed_on: YYYY-MM-DD\n" in text


@pytest.mark.parametrize(
    ("existing", "title", "expected"),
    [
        (
            {"other.md": article("Other", slug="sleep")},
            "Sleep",
            "error: the slug 'sleep' is taken: content/other.md:3 has it",
        ),
        (
            {"sub/sleep.md": article("Other")},
            "Sleep",
            "error: the slug 'sleep' is taken: content/sub/sleep.md has it",
        ),
        (
            {"x.md": article("Sleep & Mood")},
            "sleep &  MOOD",
            "error: the title 'sleep & MOOD' is taken: content/x.md:2 has 'Sleep & Mood'",
        ),
        (
            {"x.md": article("Cafe\u0301 Talk")},  # decomposed, as macOS may save it
            "caf\u00e9 talk",
            "error: the title 'caf\u00e9 talk' is taken: content/x.md:2 has 'Cafe\u0301 Talk'",
        ),
        (
            {"x.md": article("Men's Health: What's Normal?")},
            "Men\u2019s Health: What\u2019s Normal?",  # as a phone types it
            "error: the title 'Men\u2019s Health: What\u2019s Normal?' is taken: content/x.md:2"
            " has 'Men's Health: What's Normal?'",
        ),
        (  # the closest title is named: the one a link by this title would find first
            {"a.md": article("Don't Stop"), "b.md": article("Don\u2019t Stop")},
            "DON\u2019T STOP",
            "error: the title 'DON\u2019T STOP' is taken: content/b.md:2 has 'Don\u2019t Stop'",
        ),
        (
            {"x.md": "---\ntitle: Low T\ndate: [2024\n---\n"},  # a YAML error on another line
            "Low T",
            "error: the title 'Low T' is taken: content/x.md:2 has 'Low T'",
        ),
    ],
)
def test_new_refuses_a_slug_or_title_already_taken(
    site, run_cli, existing: dict[str, str], title: str, expected: str
) -> None:
    root = site(existing)
    before = sorted(p.relative_to(root) for p in (root / "content").rglob("*"))
    code, _, err = run_cli("new", title, "--site", root)
    assert (code, err) == (1, expected + " — choose another title, or edit the existing article\n")
    assert sorted(p.relative_to(root) for p in (root / "content").rglob("*")) == before


@pytest.mark.parametrize(("title", "slug"), [("CON", "con"), ("Com1", "com1"), ("nul!", "nul")])
def test_new_refuses_a_title_whose_file_name_windows_keeps(
    site, run_cli, title: str, slug: str
) -> None:
    """``new "CON"`` made con.md, which no repository checked out on Windows may hold."""
    root = site({})
    code, out, err = run_cli("new", title, "--site", root)
    assert (code, out) == (1, "")
    assert err == (
        f"error: the title '{title}' makes the file name '{slug}.md', a name Windows keeps for a"
        " device (CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9): a repository holding it"
        f' cannot be checked out on Windows — give a longer title, e.g. articlegen new "About'
        f' {title}"\n'
    )
    assert list((root / "content").iterdir()) == []


@pytest.mark.parametrize(
    ("title", "slug"), [("Tags", "tags"), ("Archive", "archive"), ("page", "page")]
)
def test_new_refuses_a_title_whose_slug_is_reserved(site, run_cli, title: str, slug: str) -> None:
    root = site({})
    code, out, err = run_cli("new", title, "--site", root)
    assert (code, out) == (1, "")
    assert err == (
        f"error: the title '{title}' makes the slug '{slug}', reserved for the site's own pages"
        f' under /{slug}/ — give a longer title, e.g. articlegen new "About {title}" (reserved'
        " slugs: archive, assets, authors, page, pagefind, search, see-also, tags)\n"
    )
    assert list((root / "content").iterdir()) == []
    code, _, _ = run_cli("new", f"About {title}", "--site", root)
    assert code == 0
    assert run_cli("check", "--site", root, "--drafts")[0] == 0


@pytest.mark.parametrize(
    ("title", "page", "expected"),
    [
        (
            "",
            False,
            'the title is empty — give the title in quotes, e.g. articlegen new "Sleep'
            ' and Testosterone"',
        ),
        (
            "   ",
            False,
            "the title is empty (only white space) — give the title in quotes,"
            ' e.g. articlegen new "Sleep and Testosterone"',
        ),
        (
            "\t\n",
            True,
            "the title is empty (only white space) — give the title in quotes,"
            ' e.g. articlegen new --page "About"',
        ),
    ],
)
def test_new_says_an_empty_title_is_empty(
    site, run_cli, title: str, page: bool, expected: str
) -> None:
    """It said "cannot make a file name from the title ''", which hides what is wrong."""
    root = site({})
    code, out, err = run_cli("new", *(["--page"] if page else []), title, "--site", root)
    assert (code, out, err) == (1, "", f"error: {expected}\n")
    assert list((root / "content").iterdir()) == []


def test_new_outside_a_site_suggests_init(tmp_path: Path, run_cli) -> None:
    code, _, err = run_cli("new", "Sleep", "--site", tmp_path)
    assert code == 1
    assert err == (
        f"error: site.yaml: no site.yaml in {tmp_path} — run in the site folder,"
        " pass --site DIR, or start one with 'articlegen init'\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_init_makes_a_site_that_builds(tmp_path: Path, run_cli) -> None:
    code, out, _ = run_cli("init", "--site", tmp_path / "blog", "--title", "Example Blog")
    assert code == 0 and f"created {tmp_path.as_posix()}/blog/site.yaml\n" in out
    assert run_cli("build", "--site", tmp_path / "blog", "--drafts")[0] == 0
    assert run_cli("init", "--site", tmp_path / "blog")[0] == 1


def test_init_takes_its_folder_as_an_argument_too(tmp_path: Path, run_cli) -> None:
    """As ``hugo new site NAME`` and ``zola init NAME`` do."""
    code, out, _ = run_cli("init", tmp_path / "blog")
    assert code == 0 and f"created {tmp_path.as_posix()}/blog/site.yaml\n" in out
    assert (tmp_path / "blog" / "site.yaml").is_file()
    code, _, err = run_cli("init", tmp_path / "one", "--site", tmp_path / "two")
    assert code == 1 and "two folders given" in err
    assert not (tmp_path / "one").exists() and not (tmp_path / "two").exists()


@pytest.mark.parametrize(
    ("folder", "named"),
    [
        ("content", "is the content/ folder of the site {site}, whose builds would read the new"
         " site's files as its articles"),
        ("content/guides", "is inside the content/ folder of the site {site}, whose builds would"
         " read the new site's files as its articles"),
        ("static/../static/new", "is inside the static/ folder of the site {site}, whose builds"
         " would read the new site's files as files to publish"),
        ("templates", "is the templates/ folder of the site {site}, whose builds would read the"
         " new site's files as templates"),
    ],
)  # fmt: skip
def test_init_refuses_a_folder_a_site_above_reads(
    tmp_path: Path, run_cli, folder: str, named: str
) -> None:
    """'articlegen init' run from a site's content/ made content/content/welcome.md an article
    of that site and content/templates/README.md one it could not read: its next build failed
    on a README its writer never wrote."""
    site = tmp_path / "blog"
    assert run_cli("init", site)[0] == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    code, out, err = run_cli("init", site / folder)
    shown = os.path.normpath(site / folder)
    assert (code, out) == (1, "")
    assert err == (
        f"error: {shown} {named.format(site=site)} — to work on that site, run articlegen in"
        f" {site}; to start another, give init a folder outside it (articlegen init NEW-FOLDER)\n"
    )
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert run_cli("init", site / "drafts" / "other")[0] == 0  # beside its folders: a site's own


@pytest.mark.parametrize(
    ("output", "folder", "the"),
    [
        ("public", "public", "the"),
        ("public", "public/new", "inside the"),
        ("out/www", "out/www", "the"),
    ],
)
def test_init_refuses_the_output_folder_of_a_site_above(
    tmp_path: Path, run_cli, output: str, folder: str, the: str
) -> None:
    """'articlegen init' in a site's public/ was allowed, and that site's next build replaced
    the folder's contents, the new site with them."""
    site = tmp_path / "blog"
    assert run_cli("init", site)[0] == 0
    config = site / "site.yaml"
    config.write_text(config.read_text().replace("output: public", f"output: {output}"))
    assert run_cli("build", "--site", site, "--drafts")[0] == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    code, out, err = run_cli("init", site / folder)
    assert (code, out) == (1, "")
    assert err == _output_refused(site / folder, the, output, site)
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    if output != "public":  # public/ is then a folder of the site's own
        assert run_cli("init", site / "public" / "other")[0] == 0


@pytest.mark.parametrize(("folder", "the"), [("www", "the"), ("www/new", "inside the")])
@pytest.mark.parametrize("built", [True, False], ids=["built", "not-built-yet"])
def test_init_refuses_an_output_folder_outside_its_site(
    tmp_path: Path, run_cli, folder: str, the: str, built: bool
) -> None:
    """With 'output: ../www', 'articlegen init' run in ../www was allowed (only the folders
    above were asked whose output they are), and the site's next build replaced the new
    site. The site beside the folder is found, and named as for 'output: public'."""
    site = tmp_path / "blog"
    assert run_cli("init", site)[0] == 0
    config = site / "site.yaml"
    config.write_text(config.read_text().replace("output: public", "output: ../www"))
    if built:
        assert run_cli("build", "--site", site, "--drafts")[0] == 0
    (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    code, out, err = run_cli("init", tmp_path / folder)
    assert (code, out) == (1, "")
    assert err == _output_refused(tmp_path / folder, the, "../www", site)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert run_cli("init", tmp_path / "other")[0] == 0  # beside the site, not in its output


def _output_refused(where: Path, the: str, output: str, site: Path) -> str:
    """What init says in the output folder ``output`` of ``site`` (``the``: it, or a
    folder inside it)."""
    return (
        f"error: {where} is {the} {output}/ folder of the site {site}, its output"
        " folder (public/ unless its site.yaml sets output:), which its next build replaces"
        " whole — to work on that"
        f" site, run articlegen in {site}; to start another, give init a folder outside it"
        " (articlegen init NEW-FOLDER)\n"
    )


def test_init_refuses_a_built_output_folder_whose_site_is_further_away(
    tmp_path: Path, run_cli
) -> None:
    """A site two folders away ('output: ../../www') is not looked for; the mark every build
    writes into its output says enough."""
    site = tmp_path / "sites" / "blog"
    assert run_cli("init", site)[0] == 0
    config = site / "site.yaml"
    config.write_text(config.read_text().replace("output: public", "output: ../../www"))
    assert run_cli("build", "--site", site, "--drafts")[0] == 0
    code, out, err = run_cli("init", tmp_path / "www" / "new")
    assert (code, out) == (1, "")
    assert err == (
        f"error: {tmp_path / 'www' / 'new'} is inside the output folder of an articlegen site"
        " (it holds .articlegen-output), which that site's next build replaces whole — give"
        " init a folder outside it (articlegen init NEW-FOLDER)\n"
    )
    assert not (tmp_path / "www" / "new").exists()


def test_a_site_folder_that_does_not_exist_is_named_as_such(tmp_path: Path, run_cli) -> None:
    code, _, err = run_cli("build", "--site", tmp_path / "blgo")
    assert (code, err) == (
        1,
        f"error: site.yaml: there is no folder {tmp_path / 'blgo'} — check the path given with"
        " --site\nerror: 1 error; nothing was written\n",
    )


@pytest.mark.parametrize("given", ["site.yaml", "content/a.md"])
@pytest.mark.parametrize("command", ["build", "check", "report"])
def test_a_file_given_as_the_site_names_the_site_s_folder(
    site, run_cli, given: str, command: str
) -> None:
    """``--site site.yaml`` said 'no site.yaml in …/site.yaml' and to pass --site DIR."""
    root = site({"a.md": article("A")})
    code, _, err = run_cli(command, "--site", root / given)
    assert code == 1
    assert err.splitlines()[0] == (
        f"error: site.yaml: {root / given} is a file, not a folder — pass the site's folder:"
        f" --site {root}"
    )


def test_missing_site_yaml_suggests_init(tmp_path: Path, run_cli) -> None:
    code, _, err = run_cli("build", "--site", tmp_path)
    assert code == 1
    assert err.startswith("error: site.yaml: no site.yaml in ")
    assert "articlegen init" in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["build", "check", "new", "init"])
def test_help_for_every_command(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    assert "usage: articlegen " + command in capsys.readouterr().out


def test_unknown_command_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["bulid"])
    assert exited.value.code == 2
    assert capsys.readouterr().err.endswith(
        "invalid choice: 'bulid' (choose from 'build', 'check', 'report', 'suggest', 'clean',"
        " 'serve', 'new', 'import', 'init') (did you mean 'build'?)\n"
    )
    with pytest.raises(SystemExit):
        main(["zzzzz"])
    assert "did you mean" not in capsys.readouterr().err


def test_new_cuts_long_titles_to_a_short_file_name(site, run_cli) -> None:
    root = site({})
    title = "Why Sleep Matters for Testosterone, Mood, Training Recovery and Long-Term Heart Health"
    code, out, _ = run_cli("new", title, "--site", root)
    assert code == 0
    assert "content/why-sleep-matters-for-testosterone-mood-training-recovery.md" in out


def test_new_drops_apostrophes_inside_words_from_the_file_name(site, run_cli) -> None:
    root = site({})
    code, out, _ = run_cli("new", "Heart Rate: What's Normal?", "--site", root)
    assert code == 0 and "content/heart-rate-whats-normal.md" in out
    assert run_cli("new", "Men\u2019s Sleep", "--site", root)[0] == 0
    assert (root / "content/mens-sleep.md").is_file()
    # between digits it separates: 5'10" is not 510
    code, out, _ = run_cli("new", "Is 5'10\" Short for Men?", "--site", root)
    assert code == 0 and "content/is-5-10-short-for-men.md" in out
    assert run_cli("check", "--site", root, "--drafts")[0] == 0


def test_new_refuses_a_title_too_long_to_be_one(site, run_cli) -> None:
    root = site({})
    code, _, err = run_cli("new", "x" * 10_000, "--site", root)
    assert (code, err) == (
        1,
        "error: the title is 10,000 characters long (at most 200) — give a shorter title\n",
    )
    assert list((root / "content").iterdir()) == []


@pytest.mark.parametrize(
    ("title", "what"),
    [
        ("Zinc\x01 Basics", "invisible control character U+0001 at character 5"),
        ("Zinc \u202eBasics", "invisible right-to-left override U+202E at character 6"),
        ("Zinc\udc85 Basics", "byte 0x85, which is not UTF-8, at character 5"),
    ],
)
def test_new_refuses_a_title_with_a_character_the_build_refuses(
    site, run_cli, title: str, what: str
) -> None:
    """It wrote the article, which check and build then refused at its title."""
    root = site({})
    code, _, err = run_cli("new", title, "--site", root)
    assert (code, err) == (
        1,
        f"error: the title holds the {what}, which a title may not hold — type the title"
        " again without it (a title pasted from elsewhere may carry it)\n",
    )
    assert list((root / "content").iterdir()) == []
    assert run_cli("new", "Zinc \u200fBasics", "--site", root)[0] == 0  # a mark is no control
    assert run_cli("check", "--site", root, "--drafts")[0] == 0


def test_init_quotes_any_title_safely(tmp_path: Path, run_cli) -> None:
    title = 'Men\'s "Health" \\ Notes'
    assert run_cli("init", "--site", tmp_path, "--title", title)[0] == 0
    assert run_cli("build", "--site", tmp_path, "--drafts")[0] == 0
    assert parse(tmp_path / "public/index.html").css_first("title").text() == title


def test_commands_run_without_automatic_collections_and_restore_them(monkeypatch, site) -> None:
    """A build runs with the cyclic collector's automatic passes off, the preview with
    them seldom (``GC_THRESHOLDS``); callers of ``main`` get their collector back as it was,
    also when the command fails."""
    import gc

    from articlegen.cli import building, command, serving
    from articlegen.core.errors import ArticlegenError

    seen = []

    def run(args) -> int:
        seen.append((gc.isenabled(), gc.get_threshold()))
        raise ArticlegenError("stop here")

    monkeypatch.setattr(building, "_build", run)
    monkeypatch.setattr(serving, "_serve", run)
    before = gc.get_threshold()
    try:
        gc.set_threshold(*command.GC_THRESHOLDS)
        seldom = gc.get_threshold()  # as this Python's collector reads them back
    finally:
        gc.set_threshold(*before)
    root = str(site({"a.md": article("A")}))
    assert main(["build", "--site", root]) == 1
    assert main(["serve", "--site", root]) == 1
    assert seen == [(False, before), (True, seldom)]
    assert gc.isenabled() and gc.get_threshold() == before
    gc.disable()
    try:
        assert main(["build", "--site", root]) == 1
        assert not gc.isenabled()  # a caller's own choice is left as it was
    finally:
        gc.enable()


def test_a_command_that_ends_its_process_leaves_the_collector_off(monkeypatch, site) -> None:
    """Run as the process's command (no ``argv``: ``__main__.command`` ends the process when
    it returns), a build leaves the collector off: turned back on, it would make a pass over
    everything the build left, for a process about to end."""
    import gc

    root = str(site({"a.md": article("A")}))
    monkeypatch.setattr(sys, "argv", ["articlegen", "build", "--quiet", "--site", root])
    before = gc.get_threshold()
    try:
        assert main() == 0
        assert not gc.isenabled()
        assert main(["build", "--quiet", "--site", root]) == 0
        assert not gc.isenabled()  # restored as the caller had it: off
    finally:
        gc.enable()
        gc.set_threshold(*before)


def test_missing_site_yaml_names_the_site_next_to_the_folder(tmp_path: Path, run_cli) -> None:
    """The slips of a new user: building beside the folder ``init`` made, or inside its
    content/, or with the settings saved as site.yml."""
    assert run_cli("init", tmp_path / "blog")[0] == 0
    code, _, err = run_cli("build", "--site", tmp_path)
    site = tmp_path / "blog"
    assert code == 1
    assert f"— the site is the folder {site}: cd there first, or pass --site {site}\n" in err
    code, _, err = run_cli("check", "--site", site / "content")
    assert code == 1 and f"— the site is the folder above, {site}: run there" in err
    (site / "site.yaml").rename(site / "site.yml")
    code, _, err = run_cli("check", "--site", site)
    assert code == 1
    assert "— the settings file is named site.yml: rename it to site.yaml\n" in err
    assert "Traceback" not in err
