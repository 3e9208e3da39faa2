"""Files someone puts into the output folder by hand: a build keeps them (each a warning),
removes only what the last build wrote (by its record in the output, ``.articlegen-files``),
and refuses to write over one; ``clean`` keeps them too. Without a record the folder is
replaced whole (docs/output.md)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from articlegen.core.layout import CACHE_DIR, OUTPUT_FILES, OUTPUT_MARKER
from tests.conftest import article
from tests.helpers import snapshot

_KEPT = (
    "no build of this site wrote this file: builds keep it in the output folder, which "
    "publishes it with the site — to publish it on purpose, move it into static/ (the build "
    "copies it from there); else delete it"
)
_HIDDEN = (
    "no build of this site wrote this file: builds keep it in the output folder, which "
    "publishes it with the site — static/ leaves out hidden, lock and backup files, so the "
    "build cannot publish it for you: delete it if it is not needed"
)


@pytest.fixture
def blog(site, run_cli) -> Path:
    root = site({"a.md": article("Alpha", "First."), "b.md": article("Beta", "Second.")})
    assert run_cli("build", "--site", root, "--quiet")[0] == 0
    return root


def _own_files(root: Path) -> dict[str, bytes]:
    """A note at the top, one in an article's folder and one in a folder of its own."""
    own = {"public/notes.txt": b"put here by hand", "public/a/draft.txt": b"beside a page"}
    own["public/mine/deep/data.csv"] = b"1,2,3\n"
    for name, data in own.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return own


def _warned(err: str) -> list[str]:
    """The warnings at own files, one line each (the console groups warnings of one text,
    so the build is run with a file or two at a time, or counted by its summary)."""
    return sorted(line for line in err.splitlines() if line.startswith("warning: public/"))


def test_a_file_put_in_the_output_stays_with_a_warning(blog: Path, run_cli) -> None:
    own = _own_files(blog)
    os.symlink("notes.txt", blog / "public/link.txt")
    (blog / "content/a.md").write_text(article("Alpha", "First, edited."))
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0
    assert {name: (blog / name).read_bytes() for name in own} == own
    assert os.readlink(blog / "public/link.txt") == "notes.txt"
    assert "First, edited." in (blog / "public/a/index.html").read_text()
    assert _warned(err) == [
        f"warning: {name}: {_KEPT}"
        for name in sorted([*own, "public/link.txt"])
    ]  # fmt: skip
    code, _, err = run_cli("build", "--site", blog)  # said by every build, or its receipt
    assert (code, len(_warned(err))) == (0, 4)


def test_what_builds_wrote_goes_and_the_own_files_stay(blog: Path, run_cli) -> None:
    own = _own_files(blog)
    (blog / "content/b.md").unlink()
    assert run_cli("build", "--site", blog)[0] == 0
    assert not (blog / "public/b").exists()
    assert snapshot(blog / "public").keys() >= {name.removeprefix("public/") for name in own}
    (blog / "public/notes.txt").unlink()  # deleted by hand: no longer named
    code, _, err = run_cli("build", "--site", blog)
    assert (code, len(_warned(err))) == (0, 2)


def test_turning_search_off_removes_the_index_the_builds_made(blog: Path, run_cli) -> None:
    if not (blog / "public/pagefind").is_dir():
        pytest.skip("Pagefind is not installed here")
    (blog / "site.yaml").write_text((blog / "site.yaml").read_text() + "search: false\n")
    code, _, err = run_cli("build", "--site", blog)
    assert (code, _warned(err)) == (0, [])
    assert not (blog / "public/pagefind").exists()


@pytest.mark.parametrize(
    ("own", "where"),
    [
        ("public/c/index.html", "at its place"),
        ("public/c", "at public/c/index.html, where this name is a folder"),
    ],
)
def test_a_file_where_a_page_goes_is_an_error_and_nothing_is_written(
    blog: Path, run_cli, own: str, where: str
) -> None:
    (blog / own).parent.mkdir(exist_ok=True)
    (blog / own).write_text("<p>made by hand</p>")
    before = snapshot(blog / "public")
    (blog / "content/c.md").write_text(article("Gamma", "Third."))
    code, _, err = run_cli("build", "--site", blog)
    assert code == 1
    assert err.splitlines()[0] == (
        f"error: {own}: no build of this site wrote this file, and this build writes a file of "
        f"the site {where}: the file would be lost — move the file out of the output folder "
        "(into static/, to publish it as it is), then build again"
    )
    assert snapshot(blog / "public") == before


def test_strict_fails_on_an_own_file_before_writing(blog: Path, run_cli) -> None:
    (blog / "public/notes.txt").write_text("put here by hand")
    (blog / "content/a.md").write_text(article("Alpha", "First, edited."))
    before = snapshot(blog / "public")
    code, _, err = run_cli("build", "--site", blog, "--strict")
    assert code == 1
    assert err.splitlines()[0] == f"error: public/notes.txt: {_KEPT}"
    assert snapshot(blog / "public") == before


def test_without_a_record_the_folder_is_replaced_whole(blog: Path, run_cli) -> None:
    """The record gone (an articlegen from before records built the folder): what builds
    wrote cannot be told from the rest."""
    (blog / "public/notes.txt").write_text("put here by hand")
    (blog / "public" / OUTPUT_FILES).unlink()
    code, _, err = run_cli("build", "--site", blog)
    assert (code, _warned(err)) == (0, [])
    assert not (blog / "public/notes.txt").exists()
    assert (blog / "public" / OUTPUT_FILES).is_file()


@pytest.mark.parametrize("how", ["cache deleted", "site moved", "no cache"])
def test_the_record_goes_with_the_output(blog: Path, run_cli, how: str) -> None:
    """Kept in the output folder itself, it holds whatever happens to the cache or where
    the site is."""
    (blog / "public/notes.txt").write_text("put here by hand")
    if how == "cache deleted":
        shutil.rmtree(blog / CACHE_DIR)
    elif how == "site moved":
        blog = blog.rename(blog.with_name("moved"))
    (blog / "content/a.md").write_text(article("Alpha", "First, edited."))
    code, _, err = run_cli("build", "--site", blog, *(["--no-cache"] if how == "no cache" else []))
    assert (code, _warned(err)) == (0, [f"warning: public/notes.txt: {_KEPT}"])
    assert (blog / "public/notes.txt").read_text() == "put here by hand"


def test_the_record_names_no_file(blog: Path) -> None:
    """Published with the site, it holds digests: not the name of a file no page links to."""
    record = (blog / "public" / OUTPUT_FILES).read_text()
    assert "index.html" not in record and "a/" not in record
    assert len(record.splitlines()) > 5


def test_a_hidden_file_is_not_sent_to_static(blog: Path, run_cli) -> None:
    (blog / "public/.htaccess").write_text("Options -Indexes")
    code, _, err = run_cli("build", "--site", blog)
    assert (code, _warned(err)) == (0, [f"warning: public/.htaccess: {_HIDDEN}"])


def test_own_folders_keep_their_permissions_and_an_empty_one_stays(blog: Path, run_cli) -> None:
    (blog / "public/private").mkdir(mode=0o700)
    (blog / "public/private/key.txt").write_text("mine")
    (blog / "public/uploads").mkdir()
    for text in ("First, edited.", "First, again.", "First, once more."):  # the spare's too
        (blog / "content/a.md").write_text(article("Alpha", text))
        assert run_cli("build", "--site", blog, "--quiet")[0] == 0
        assert (blog / "public/private").stat().st_mode & 0o777 == 0o700
        assert (blog / "public/uploads").is_dir()


def test_a_file_of_ones_own_in_the_search_index_folder_is_an_error(blog: Path, run_cli) -> None:
    if not (blog / "public/pagefind").is_dir():
        pytest.skip("Pagefind is not installed here")
    (blog / "public/pagefind/custom.js").write_text("// mine")
    before = snapshot(blog / "public")
    (blog / "content/a.md").write_text(article("Alpha", "First, edited."))
    code, _, err = run_cli("build", "--site", blog)
    assert code == 1
    assert err.splitlines()[0] == (
        "error: public/pagefind/custom.js: no build of this site wrote this file, and this "
        "build writes its search index in public/pagefind/, whole: the file would be lost — "
        "move the file out of the search index's folder, then build again"
    )
    assert snapshot(blog / "public") == before


@pytest.mark.parametrize("command", ["build", "clean"])
def test_an_unreadable_folder_in_the_output_is_a_placed_error(
    blog: Path, run_cli, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """As a folder without read permission is to anyone but root (who reads it all the
    same, so the refusal is played here)."""
    (blog / "public/locked").mkdir()
    listing = os.scandir

    def refused(path: str) -> object:
        if str(path).endswith("/locked"):
            raise PermissionError(13, "Permission denied", path)
        return listing(path)

    monkeypatch.setattr(os, "scandir", refused)
    code, _, err = run_cli(command, "--site", blog)
    assert (code, err.splitlines()[0]) == (
        1,
        "error: cannot list public/locked in the output folder: Permission denied — give "
        "yourself permission to read it, or move it out of the output folder",
    )
    assert (blog / "public/a/index.html").is_file()


def test_clean_keeps_the_own_files_for_the_next_build(blog: Path, run_cli) -> None:
    own = _own_files(blog)
    (blog / "public/uploads").mkdir()
    code, out, _ = run_cli("clean", "--site", blog)
    assert code == 0
    assert out.splitlines() == [
        f"removed the files builds wrote in public/ and {CACHE_DIR}/",
        "kept 3 files (public/a/draft.txt, public/mine/deep/data.csv, public/notes.txt) and 3 "
        "folders (public/mine, public/mine/deep, public/uploads) no build made, which the next "
        "build keeps too",
    ]
    left = {f"public/{name}" for name in snapshot(blog / "public")}
    assert left == {*own, f"public/{OUTPUT_MARKER}", f"public/{OUTPUT_FILES}"}
    code, out, _ = run_cli("clean", "--site", blog)  # again: only what is someone's is left
    assert (code, out.splitlines()[0]) == (0, "nothing to remove")
    code, _, err = run_cli("build", "--site", blog)
    assert (code, len(_warned(err))) == (0, 3)
    assert {name: (blog / name).read_bytes() for name in own} == own
    assert (blog / "public/a/index.html").is_file() and (blog / "public/uploads").is_dir()


def test_a_build_killed_between_its_renames_is_put_back(blog: Path, run_cli) -> None:
    """The swap moves the old site aside, then the new one in: a kill between the two left
    no output, and the old site under another name, holding someone's files."""
    (blog / "public/notes.txt").write_text("put here by hand")
    dead = 2**22 + 12345  # above any pid this system gives (pid_max is at most 2**22)
    (blog / "public").rename(blog / f".public.old-{dead}")
    code, _, err = run_cli("build", "--site", blog)
    assert (code, _warned(err)) == (0, [f"warning: public/notes.txt: {_KEPT}"])
    assert (blog / "public/notes.txt").read_text() == "put here by hand"
    assert not list(blog.glob(".public.*"))


def test_an_empty_folder_where_a_file_goes_is_an_error(blog: Path, run_cli) -> None:
    (blog / "public/CNAME").mkdir()
    (blog / "static").mkdir(exist_ok=True)
    (blog / "static/CNAME").write_text("blog.example.com\n")
    code, _, err = run_cli("build", "--site", blog)
    assert (code, err.splitlines()[0]) == (
        1,
        "error: public/CNAME: no build of this site made this folder, and this build writes a "
        "file of the site at its place: the folder would be lost — move the folder out of the "
        "output folder (into static/, to publish it as it is), then build again",
    )


def test_a_folder_that_becomes_a_page_s_gets_the_builds_mode(blog: Path, run_cli) -> None:
    (blog / "public/c").mkdir(mode=0o700)
    (blog / "content/c.md").write_text(article("Gamma", "Third."))
    assert run_cli("build", "--site", blog)[0] == 0
    assert (blog / "public/c").stat().st_mode & 0o777 == (blog / "public/a").stat().st_mode & 0o777


def test_strict_names_every_file_at_once(blog: Path, run_cli) -> None:
    (blog / "public/notes.txt").write_text("put here by hand")
    (blog / "public/c").mkdir()
    (blog / "public/c/index.html").write_text("made by hand")
    (blog / "content/c.md").write_text(article("Gamma", "Third."))
    code, _, err = run_cli("build", "--site", blog, "--strict")
    assert code == 1
    assert [line.split(":")[1] for line in err.splitlines()[:2]] == [
        " public/c/index.html",
        " public/notes.txt",
    ]


def test_check_says_what_a_build_would(blog: Path, run_cli) -> None:
    """``check`` judges the output folder as a build does: the same warning, and with
    ``--strict`` the same failure, so a site that checks clean builds clean."""
    (blog / "public/notes.txt").write_text("put here by hand")
    code, _, err = run_cli("check", "--site", blog)
    assert (code, _warned(err)) == (0, [f"warning: public/notes.txt: {_KEPT}"])
    code, _, err = run_cli("check", "--site", blog, "--strict")
    assert (code, err.splitlines()[0]) == (1, f"error: public/notes.txt: {_KEPT}")
    (blog / "public/c").mkdir()
    (blog / "public/c/index.html").write_text("made by hand")
    (blog / "content/c.md").write_text(article("Gamma", "Third."))
    code, _, err = run_cli("check", "--site", blog)
    assert code == 1 and err.startswith("error: public/c/index.html: no build of this site")


def _as_its_owner() -> list[str]:
    """The command prefix that makes folder permissions hold: root ignores them, so as root
    the command runs without that power (setpriv, from util-linux)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root ignores folder permissions, and setpriv is not here to drop that")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_a_read_only_folder_of_ones_own_goes_through_rebuilds_and_clean(blog: Path) -> None:
    """Kept with its mode, it comes back in the spare and in the old site moved aside:
    those are removed all the same, and so is the folder once its owner deletes it."""

    def articlegen(*args: str) -> None:
        command = [*_as_its_owner(), sys.executable, "-m", "articlegen", *args, "--site", blog]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert all(line.startswith("warning: ") for line in done.stderr.splitlines())

    def read_only_folder() -> None:
        (blog / "public/ro/sub").mkdir(parents=True)
        (blog / "public/ro/a.txt").write_text("mine")
        for folder in ("ro/sub", "ro"):
            (blog / "public" / folder).chmod(0o555)

    read_only_folder()
    for text in ("First, edited.", "First, again.", "First, once more."):
        (blog / "content/a.md").write_text(article("Alpha", text))
        articlegen("build", "--quiet")
    for folder in ("ro", "ro/sub"):
        (blog / "public" / folder).chmod(0o755)
    shutil.rmtree(blog / "public/ro")
    (blog / "content/a.md").write_text(article("Alpha", "First, without it."))
    articlegen("build", "--quiet")
    assert not list(blog.glob(".public.*"))
    read_only_folder()
    (blog / "content/a.md").write_text(article("Alpha", "First, with it again."))
    articlegen("build", "--quiet")
    articlegen("clean")
    assert not (blog / CACHE_DIR).exists() and (blog / "public/ro/a.txt").read_text() == "mine"


@pytest.mark.parametrize("command", ["check", "build"])
def test_strict_names_the_own_files_with_the_other_warnings(
    blog: Path, run_cli, command: str
) -> None:
    """Every warning a plain run gives is an error of the same ``--strict`` run: the own
    files' too, though the articles' warnings fail it before any page is planned."""
    (blog / "public/notes.txt").write_text("put here by hand")
    (blog / "site.yaml").write_text((blog / "site.yaml").read_text() + "warn_unlinked: true\n")
    plain = run_cli(command, "--site", blog, "--no-cache")[2]
    before = snapshot(blog / "public")
    code, _, err = run_cli(command, "--site", blog, "--strict")
    warned = sorted(line for line in plain.splitlines() if line.startswith("warning: "))
    failed = sorted(line for line in err.splitlines() if line.startswith("error: content/"))
    failed += [line for line in err.splitlines() if line.startswith("error: public/")]
    assert code == 1
    assert len(warned) == 3 and failed == [w.replace("warning", "error", 1) for w in warned]
    assert snapshot(blog / "public") == before


def test_docs_output_quotes_the_warning_as_a_build_prints_it() -> None:
    text = (Path(__file__).parents[2] / "docs/output.md").read_text(encoding="utf-8")
    assert f"warning: public/notes.txt: {_KEPT}\n" in text
