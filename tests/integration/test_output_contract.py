"""The output folder's contract: a build replaces a folder only when it is absent, empty,
or marked as articlegen's own (``.articlegen-output``); an output built before the mark
existed is taken once when the last build's receipt shows it untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.layout import CACHE_DIR, OUTPUT_FILES, OUTPUT_MARKER
from articlegen.core.model import BuildOptions
from articlegen.incremental.freshness import Receipt, Snapshot, output_digest, save_receipt
from articlegen.output.destination import MARKER_TEXT
from tests.conftest import article
from tests.helpers import snapshot


@pytest.fixture
def blog(site) -> Path:
    return site({"a.md": article("Alpha", "First."), "b.md": article("Beta", "Second.")})


def _rewrite(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new))


def test_every_output_carries_the_same_marker(blog: Path, tmp_path: Path, run_cli) -> None:
    assert run_cli("build", "--site", blog)[0] == 0
    assert (blog / "public" / OUTPUT_MARKER).read_bytes() == MARKER_TEXT
    build_site(blog, BuildOptions(output=tmp_path / "other"))
    assert (tmp_path / "other" / OUTPUT_MARKER).read_bytes() == MARKER_TEXT
    sitemap = (blog / "public/sitemap.xml").read_text()
    assert OUTPUT_MARKER not in sitemap


def test_an_empty_folder_is_taken(blog: Path, tmp_path: Path, run_cli) -> None:
    (tmp_path / "www").mkdir()
    code, _, err = run_cli("build", "--site", blog, "--output", tmp_path / "www")
    assert (code, err) == (0, "")
    assert (tmp_path / "www/a/index.html").is_file() and (
        tmp_path / "www" / OUTPUT_MARKER
    ).is_file()


def _as_an_older_articlegen_left_it(root: Path) -> None:
    """The output without the mark, and the receipt saying the last build left it so (and
    no record of the files builds wrote: older versions kept none)."""
    output = root / "public"
    (output / OUTPUT_MARKER).unlink()
    (output / OUTPUT_FILES).unlink()
    receipt = Receipt("inputs", str(output), output_digest(output), 2, 9, (), ())
    save_receipt(root, Snapshot("inputs", racy=False), receipt)


def test_an_output_built_before_the_marker_is_taken_once(blog: Path, run_cli) -> None:
    assert run_cli("build", "--site", blog, "--quiet")[0] == 0
    _as_an_older_articlegen_left_it(blog)
    _rewrite(blog / "content/a.md", "First.", "First, edited.")
    code, _, err = run_cli("build", "--site", blog, "--quiet")
    assert (code, err) == (0, "")
    assert (blog / "public" / OUTPUT_MARKER).is_file()
    assert "First, edited." in (blog / "public/a/index.html").read_text()


def test_an_old_output_changed_since_is_left_to_clean(blog: Path, run_cli) -> None:
    assert run_cli("build", "--site", blog, "--quiet")[0] == 0
    _as_an_older_articlegen_left_it(blog)
    (blog / "public/notes.txt").write_text("added after the build")
    before = snapshot(blog / "public")
    for command in ("build", "check"):
        code, _, err = run_cli(command, "--site", blog)
        assert code == 1
        assert err.splitlines()[0] == (
            "error: output folder 'public' was built by an older articlegen, without the "
            ".articlegen-output mark, and changed since: a build replaces its output folder "
            "whole, so articlegen leaves it alone — run 'articlegen clean' to delete it (or "
            "delete it yourself), then build again"
        )
        assert snapshot(blog / "public") == before
    code, out, _ = run_cli("clean", "--site", blog)
    assert (code, out) == (0, f"removed public/ and {CACHE_DIR}/\n")
    assert run_cli("build", "--site", blog, "--quiet")[0] == 0
    assert (blog / "public" / OUTPUT_MARKER).is_file()


def test_a_foreign_output_is_refused_with_the_line_of_output(site, run_cli) -> None:
    root = site(
        {"a.md": article("Alpha")},
        site_yaml='title: "T"\nbase_url: "https://e.org/"\noutput: www\n',
    )
    (root / "www").mkdir()
    (root / "www/mine.html").write_text("my own page")
    for command in ("build", "check"):
        code, _, err = run_cli(command, "--site", root)
        assert code == 1
        assert err.startswith("error: site.yaml:3: output folder 'www' is not empty and has no ")
        assert "set 'output:' in site.yaml to a folder of its own, such as 'public'" in err
    assert (root / "www/mine.html").read_text() == "my own page"


def test_a_foreign_public_folder_is_not_offered_as_the_folder_to_use(site, run_cli) -> None:
    """The hint offered 'public', the very folder refused, where a writer made one by hand."""
    root = site({"a.md": article("Alpha")}, site_yaml='title: "T"\nbase_url: "https://e.org/"\n')
    (root / "public").mkdir()
    (root / "public/mine.html").write_text("my own page")
    code, _, err = run_cli("build", "--site", root)
    assert code == 1
    assert err.startswith("error: output folder 'public' is not empty and has no ")
    assert err.splitlines()[0].endswith(
        "or set 'output:' in site.yaml to a folder of its own, such as 'www'"
    )
    assert (root / "public/mine.html").read_text() == "my own page"


def test_a_foreign_output_does_not_stop_a_report_or_a_preview_build(blog: Path, run_cli) -> None:
    """They never write the output folder, so whose it is does not matter to them."""
    (blog / "public").mkdir()
    (blog / "public/mine.html").write_text("my own page")
    code, out, _ = run_cli("report", "--site", blog, "--format", "csv")
    assert code == 0 and "Alpha" in out
    result = build_site(blog, BuildOptions(write=False, drafts=True))
    assert result.output is None and result.pages


@pytest.mark.parametrize("git", ["repository", "worktree"])
def test_a_marked_output_holding_git_is_left_alone(blog: Path, run_cli, git: str) -> None:
    """``git init public`` (or ``git worktree add public gh-pages``) after a build, to
    publish from there: the mark is still in the folder, but replacing it whole would
    delete the repository (or the worktree's link to its repository), so build, check and
    clean refuse it, say why, and touch nothing."""
    assert run_cli("build", "--site", blog, "--quiet")[0] == 0
    if git == "repository":
        (blog / "public/.git/objects").mkdir(parents=True)
        (blog / "public/.git/HEAD").write_text("ref: refs/heads/gh-pages\n")
    else:
        (blog / "public/.git").write_text("gitdir: /elsewhere/.git/worktrees/public\n")
    _rewrite(blog / "content/a.md", "First.", "First, edited.")
    before = snapshot(blog / "public")
    for command in ("build", "check", "clean"):
        code, _, err = run_cli(command, "--site", blog)
        assert code == 1, command
        assert err.splitlines()[0] == (
            "error: output folder 'public' holds a git repository (.git): a build replaces "
            "its output folder whole, so articlegen leaves it alone — publish from another "
            "folder (copy the built site into the repository), or move the repository out "
            "of 'public'"
        ), command
        assert "Traceback" not in err
        assert snapshot(blog / "public") == before
