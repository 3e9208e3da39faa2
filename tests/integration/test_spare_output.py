"""Staging into the spare: the site the last swap replaced, kept in the build cache, so a
rebuild does not create and delete a whole tree of folders. Its output never differs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.layout import CACHE_DIR
from articlegen.core.model import BuildOptions
from articlegen.incremental.cache import BuildCache
from articlegen.incremental.cachefile import DATABASE, RECEIPT, SECRET, SPARE_OUTPUT
from articlegen.output.staging import _pruned, make_folder_of
from tests.conftest import article
from tests.helpers import snapshot


@pytest.fixture
def blog(site) -> Path:
    return site(
        {
            "a.md": article("Alpha", "First.", tags="[x]"),
            "b.md": article("Beta", "See [[a]].", see_also="[a]", date="2024-02-01"),
            "c.md": article("Gamma", "Alone.", date="2024-03-01", tags="[y]"),
        },
        files={"static/img/dot.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"},
    )


def rewrite(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new))


def clean(root: Path, out: Path) -> dict[str, str]:
    build_site(root, BuildOptions(output=out))
    return snapshot(out)


def test_rebuilds_through_the_spare_equal_clean_builds(blog: Path, tmp_path: Path) -> None:
    cache = BuildCache()
    spare = blog / CACHE_DIR / SPARE_OUTPUT
    build_site(blog, cache=cache)
    assert not spare.exists()
    edits = [
        ("content/a.md", "First.", "First, edited."),
        ("content/c.md", "tags: [y]", "tags: [x, z]"),
        ("content/b.md", "See [[a]].", "See [[c]] now."),
    ]
    for n, (name, old, new) in enumerate(edits):
        rewrite(blog / name, old, new)
        build_site(blog, cache=cache)
        assert spare.is_dir()
        assert snapshot(blog / "public") == clean(blog, tmp_path / f"clean-{n}")
    rewrite(blog / "content/b.md", "See [[c]] now.", "See [[a]].")
    (blog / "content/c.md").unlink()  # pages and a tag go away
    build_site(blog, cache=cache)
    assert snapshot(blog / "public") == clean(blog, tmp_path / "clean-last")


def test_writing_a_page_never_changes_the_live_site_through_a_shared_file(blog: Path) -> None:
    """The spare's unchanged files are hard links to the live site's: a new page's bytes go
    into a new file, so until the swap the live site stays exactly as it was."""
    cache = BuildCache()
    build_site(blog, cache=cache)
    rewrite(blog / "content/b.md", "See [[a]].", "See [[a]], once.")
    build_site(blog, cache=cache)  # the spare now shares a/index.html with the live site
    live = (blog / "public/a/index.html").read_bytes()
    spare_page = blog / CACHE_DIR / SPARE_OUTPUT / "a/index.html"
    assert os.path.samefile(spare_page, blog / "public/a/index.html")
    rewrite(blog / "content/a.md", "First.", "First, changed.")
    build_site(blog, cache=cache)
    assert b"First, changed." in (blog / "public/a/index.html").read_bytes()
    assert (blog / CACHE_DIR / SPARE_OUTPUT / "a/index.html").read_bytes() == live


def test_a_build_without_an_output_writes_no_page_through_a_spare_s_shared_file(
    blog: Path, tmp_path: Path
) -> None:
    """With the output deleted and a spare left (a build writes pages without looking for
    a live file to link then), a page the spare holds is a new file, not written into the
    spare's, whose other links keep their bytes; the site is a clean build's."""
    cache = BuildCache()
    build_site(blog, cache=cache)
    build_site(blog, cache=cache)  # the swap leaves the first build's site as the spare
    spare_page = blog / CACHE_DIR / SPARE_OUTPUT / "a/index.html"
    elsewhere = tmp_path / "elsewhere.html"
    os.link(spare_page, elsewhere)
    kept = elsewhere.read_bytes()
    shutil.rmtree(blog / "public")
    rewrite(blog / "content/a.md", "First.", "First, changed.")
    build_site(blog, cache=cache)
    assert elsewhere.read_bytes() == kept
    assert snapshot(blog / "public") == clean(blog, tmp_path / "clean")


def test_folders_are_made_for_files_at_any_depth(tmp_path: Path) -> None:
    """A folder whose parent is made, one whose parents are not, and one that is there
    already though not known as made."""
    staged, made = f"{tmp_path}/", {""}
    (tmp_path / "there").mkdir()
    for relative in ("a/index.html", "a/b/c/index.html", "there/index.html", "top.html"):
        make_folder_of(staged, relative, made)
        (tmp_path / relative).write_text("x")
    assert made == {"", "a", "a/b", "a/b/c", "there"}


def test_a_damaged_spare_is_tidied_into_the_right_site(blog: Path, tmp_path: Path) -> None:
    cache = BuildCache()
    build_site(blog, cache=cache)
    rewrite(blog / "content/a.md", "First.", "First, edited.")
    build_site(blog, cache=cache)
    spare = blog / CACHE_DIR / SPARE_OUTPUT
    (spare / "junk.html").write_text("junk")
    (spare / "deep/er").mkdir(parents=True)
    (spare / "b/index.html").unlink()
    (spare / "b/index.html").mkdir()  # a folder where a page goes
    (spare / "c/index.html").unlink()
    (spare / "c/index.html").symlink_to(blog / "site.yaml")
    os.unlink(spare / "img/dot.svg")
    (spare / "img/dot.svg").write_text("not the image")
    rewrite(blog / "content/a.md", "First, edited.", "First, edited twice.")
    build_site(blog, cache=cache)
    assert snapshot(blog / "public") == clean(blog, tmp_path / "clean")


def test_clean_removes_the_spare(blog: Path, run_cli) -> None:
    for text in ("First.", "First, edited."):
        rewrite(blog / "content/a.md", "First.", text)
        assert run_cli("build", "--site", blog, "--quiet")[0] == 0
    run_cli("build", "--site", blog, "--quiet", "--drafts")  # another site: a real build
    assert (blog / CACHE_DIR / SPARE_OUTPUT).is_dir()
    code, _, _ = run_cli("clean", "--site", blog)
    assert code == 0 and not (blog / CACHE_DIR).exists()


def test_pruning_keeps_only_wanted_files_and_their_folders(tmp_path: Path) -> None:
    folder = tmp_path / "staged"
    for name in ("a/index.html", "a/old.html", "b/c/index.html", "gone/x/index.html"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name)
    (folder / "b/link").symlink_to(folder / "a")
    (folder / ".hidden").mkdir()
    kept = _pruned(folder, {"a/index.html", "b/c/index.html", "d/index.html"}, 0o755)
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [
        "a",
        "a/index.html",
        "b",
        "b/c",
        "b/c/index.html",
    ]
    assert kept == {"", "a", "b", "b/c"}


def test_folders_kept_from_the_spare_get_a_fresh_folder_s_permissions(blog: Path) -> None:
    """A folder made private by hand in the live site must not come back from the spare."""
    cache = BuildCache()
    build_site(blog, cache=cache)
    fresh = (blog / "public/tags").stat().st_mode & 0o777
    (blog / "public/tags").chmod(0o700)
    for text in ("First, once.", "First, twice.", "First, thrice."):
        rewrite(blog / "content/a.md", "First", text.removesuffix("."))
        build_site(blog, cache=cache)
        assert (blog / "public/tags").stat().st_mode & 0o777 == fresh


def test_a_spare_that_cannot_be_moved_costs_only_a_fresh_staging_folder(
    blog: Path, tmp_path: Path, monkeypatch
) -> None:
    """A spare left by a build run as another user cannot be renamed: the build goes on."""
    cache = BuildCache()
    build_site(blog, cache=cache)
    rewrite(blog / "content/a.md", "First.", "First, edited.")
    build_site(blog, cache=cache)
    spare = blog / CACHE_DIR / SPARE_OUTPUT
    original = Path.rename

    def rename(self: Path, target):
        if self == spare:
            raise PermissionError(13, "Permission denied")
        return original(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    rewrite(blog / "content/a.md", "First, edited.", "First, edited again.")
    build_site(blog, cache=cache)
    assert snapshot(blog / "public") == clean(blog, tmp_path / "clean")


def test_clean_says_when_it_cannot_delete_the_spare(blog: Path, run_cli, monkeypatch) -> None:
    import shutil

    for text in ("First, once.", "First, twice."):
        rewrite(blog / "content/a.md", "First", text.removesuffix("."))
        assert run_cli("build", "--site", blog, "--quiet")[0] == 0
    spare = blog / CACHE_DIR / SPARE_OUTPUT
    assert spare.is_dir()
    real = shutil.rmtree
    monkeypatch.setattr(
        shutil, "rmtree", lambda path, *a, **k: None if Path(path) == spare else real(path, *a, **k)
    )
    code, out, err = run_cli("clean", "--site", blog)
    assert code == 1 and out == ""
    assert err == (
        f"error: cannot delete {spare} (the site the last build replaced) — it may belong to "
        "another user, e.g. from a build run with sudo: delete it as that user\n"
    )


def test_an_output_that_is_a_link_updates_the_folder_it_points_to(
    blog: Path, tmp_path: Path, run_cli
) -> None:
    """``public -> /srv/www``: the web server's folder gets the site, the link stays."""
    www = tmp_path / "www"
    www.mkdir()
    (blog / "public").symlink_to(www)
    for text in ("First, once.", "First, twice."):
        rewrite(blog / "content/a.md", "First", text.removesuffix("."))
        assert run_cli("build", "--site", blog, "--quiet")[0] == 0
        assert (blog / "public").is_symlink() and (blog / "public").resolve() == www
        assert text.removesuffix(".") in (www / "a/index.html").read_text()
    assert snapshot(www) == clean(blog, tmp_path / "clean")
    assert not (blog / CACHE_DIR / SPARE_OUTPUT).is_symlink()
    code, out, _ = run_cli("clean", "--site", blog)
    assert code == 0 and out.startswith("removed public/")
    assert not www.exists() and (blog / "public").is_symlink()


@pytest.mark.parametrize("name", [DATABASE, RECEIPT, SECRET])
def test_clean_deletes_a_folder_where_a_file_of_the_cache_goes(
    blog: Path, run_cli, name: str
) -> None:
    """A folder made by hand where the cache keeps a file (which makes a build note that its
    cache cannot be saved) is deleted by 'clean' with the rest: it failed with a traceback."""
    assert run_cli("build", "--site", blog, "--quiet")[0] == 0
    where = blog / CACHE_DIR / name
    where.unlink(missing_ok=True)
    (where / "inside").mkdir(parents=True)
    code, out, err = run_cli("clean", "--site", blog)
    assert code == 0 and err == "" and out == f"removed public/ and {CACHE_DIR}/\n"
    assert not (blog / CACHE_DIR).exists()


def test_clean_says_when_it_cannot_delete_a_file_of_the_cache(
    blog: Path, run_cli, monkeypatch
) -> None:
    assert run_cli("build", "--site", blog, "--quiet")[0] == 0
    receipt = blog / CACHE_DIR / RECEIPT
    real = Path.unlink

    def refused(path: Path, missing_ok: bool = False) -> None:
        if path == receipt:
            raise PermissionError(13, "Permission denied", str(path))
        real(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refused)
    code, out, err = run_cli("clean", "--site", blog)
    assert code == 1 and out == "" and "Traceback" not in err
    assert err.startswith(f"error: cannot delete {receipt} (the build cache): Permission denied")
