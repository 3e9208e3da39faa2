"""Incremental builds: what the cache lets a rebuild skip, and that the result never differs."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.cli import main
from articlegen.core.errors import BuildFailed
from articlegen.core.layout import CACHE_DIR
from articlegen.core.model import BuildOptions, BuildResult
from articlegen.incremental.cache import BuildCache
from articlegen.incremental.cachefile import load_cache, save_cache
from tests.conftest import article, parse
from tests.helpers import snapshot

FEEDS = ("feed.xml", "sitemap.xml", "robots.txt")


@contextlib.contextmanager
def _cache_held_by_another_build(site: Path) -> Iterator[None]:
    """The site's cache file locked for writing, as another build saving it holds it."""
    with sqlite3.connect(site / CACHE_DIR / "cache.sqlite", isolation_level=None) as other:
        other.execute("BEGIN IMMEDIATE")
        yield
        other.execute("COMMIT")


@pytest.fixture
def blog(site) -> Path:
    return site(
        {
            "a.md": article("Alpha", "First paragraph.\n\n## Part\n\nMore text.", tags="[x]"),
            "b.md": article(
                "Beta", "Beta's words.\n\nSee [[a]].", see_also="[a]", date="2024-02-01"
            ),
            "c.md": article("Gamma", "Alone.", date="2024-03-01", tags="[y]"),
        }
    )


def rendered(result: BuildResult) -> set[str]:
    """Pages rendered by this build, but the feeds and the sitemap."""
    return {path for path in result.rendered if not path.endswith(FEEDS)}


def clean_build(root: Path, tmp_path: Path) -> dict[str, str]:
    out = tmp_path / "clean"
    shutil.rmtree(out, ignore_errors=True)
    build_site(root, BuildOptions(output=out))
    return snapshot(out)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_unchanged_rebuild_renders_and_rewrites_nothing(blog: Path) -> None:
    cache = BuildCache()
    first = build_site(blog, cache=cache)
    inodes = {  # the search index is made again from the pages; everything else stays
        p: (blog / "public" / p).stat().st_ino
        for p in snapshot(blog / "public")
        if not p.startswith("pagefind/")
    }
    second = build_site(blog, cache=cache)
    assert second.reused_bodies == 3
    assert rendered(second) == set()
    assert rendered(first) == {p.out_path for p in first.pages if not p.out_path.endswith(FEEDS)}
    assert {p: (blog / "public" / p).stat().st_ino for p in inodes} == inodes


def test_a_body_edit_renders_only_the_pages_showing_it(blog: Path, tmp_path: Path) -> None:
    cache = BuildCache()
    build_site(blog, cache=cache)
    edit(blog / "content/a.md", "More text.", "Changed text.")
    result = build_site(blog, cache=cache)
    assert result.reused_bodies == 2
    assert rendered(result) == {"a/index.html"}
    assert snapshot(blog / "public") == clean_build(blog, tmp_path)
    assert "Changed text." in (blog / "public/a/index.html").read_text()


def test_a_title_edit_renders_the_pages_of_its_linkers(blog: Path, tmp_path: Path) -> None:
    cache = BuildCache()
    build_site(blog, cache=cache)
    edit(blog / "content/a.md", 'title: "Alpha"', 'title: "Alpha Two"')
    result = build_site(blog, cache=cache)
    assert {"a/index.html", "b/index.html", "index.html", "see-also/index.html"} <= rendered(result)
    assert "c/index.html" not in rendered(result)
    assert snapshot(blog / "public") == clean_build(blog, tmp_path)
    link = parse(blog / "public/b/index.html").css_first(".body a.internal")
    assert link.text() == "Alpha Two"


def test_a_title_edit_reaches_a_description_that_shows_it(blog: Path, tmp_path: Path) -> None:
    """A description made from a first paragraph with [[a]] shows a's title: a's new title
    is on b's card, as a clean build makes it."""
    edit(blog / "content/b.md", "Beta's words.\n\nSee [[a]].", "See [[a]] first.")
    cache = BuildCache()
    build_site(blog, cache=cache)
    edit(blog / "content/a.md", 'title: "Alpha"', 'title: "Alpha Two"')
    build_site(blog, cache=cache)
    assert snapshot(blog / "public") == clean_build(blog, tmp_path)
    cards = parse(blog / "public/index.html").css(".card-description")
    assert "See Alpha Two first." in [card.text() for card in cards]


def test_template_and_site_yaml_edits_render_every_page(blog: Path, tmp_path: Path) -> None:
    cache = BuildCache()
    build_site(blog, cache=cache)
    (blog / "templates").mkdir()
    (blog / "templates/404.html").write_text(
        '{% extends "base.html" %}{% block main %}Lost{% endblock %}'
    )
    result = build_site(blog, cache=cache)
    assert rendered(result) == {"404.html"}
    edit(blog / "site.yaml", "An example site.", "Another description.")
    result = build_site(blog, cache=cache)
    assert len(result.rendered) == len(result.pages) and result.reused_bodies == 3
    assert snapshot(blog / "public") == clean_build(blog, tmp_path)


def test_a_changed_output_file_is_rendered_again(blog: Path, tmp_path: Path) -> None:
    cache = BuildCache()
    build_site(blog, cache=cache)
    cache = _through_disk(cache, blog)
    (blog / "public/a/index.html").write_text("tampered")
    result = build_site(blog, cache=cache)
    assert rendered(result) == {"a/index.html"}
    assert snapshot(blog / "public") == clean_build(blog, tmp_path)


def test_a_cache_loaded_from_disk_links_unchanged_pages(blog: Path) -> None:
    cache = BuildCache()
    build_site(blog, cache=cache)
    result = build_site(blog, cache=_through_disk(cache, blog))
    assert rendered(result) == set()
    assert all(p.data is None for p in result.pages if not p.out_path.endswith(FEEDS))


def test_another_output_folder_renders_again(blog: Path, tmp_path: Path) -> None:
    cache = BuildCache()
    build_site(blog, cache=cache)
    cache = _through_disk(cache, blog)
    result = build_site(blog, BuildOptions(output=tmp_path / "elsewhere"), cache=cache)
    assert rendered(result) == {p.out_path for p in result.pages if not p.out_path.endswith(FEEDS)}
    assert snapshot(tmp_path / "elsewhere") == snapshot(blog / "public")


def test_in_memory_cache_without_writing_returns_every_page(blog: Path) -> None:
    cache = BuildCache()
    options = BuildOptions(write=False)
    first = build_site(blog, options, cache=cache)
    again = build_site(blog, options, cache=cache)
    assert rendered(again) == set()
    assert {p.out_path: p.data for p in again.pages} == {p.out_path: p.data for p in first.pages}
    assert not (blog / "public").exists()


def test_a_failed_build_leaves_output_and_cache_usable(blog: Path, tmp_path: Path) -> None:
    cache = BuildCache()
    build_site(blog, cache=cache)
    before = snapshot(blog / "public")
    edit(blog / "content/b.md", "See [[a]].", "See [[nowhere]].")
    with pytest.raises(BuildFailed):
        build_site(blog, cache=cache)
    assert snapshot(blog / "public") == before
    edit(blog / "content/b.md", "See [[nowhere]].", "See [[a]].")
    result = build_site(blog, cache=cache)
    assert rendered(result) == set()


def test_drafts_render_when_asked_even_if_cached_without(blog: Path, tmp_path: Path) -> None:
    (blog / "content/d.md").write_text(article("Delta", "Draft body.", draft="true"))
    cache = BuildCache()
    build_site(blog, cache=cache)
    result = build_site(blog, BuildOptions(drafts=True, output=tmp_path / "d"), cache=cache)
    assert "Draft body." in (tmp_path / "d/d/index.html").read_text()
    assert result.reused_bodies == 3


def test_static_files_unchanged_are_linked_changed_ones_copied(site) -> None:
    root = site({"a.md": article("A")}, files={"static/x.txt": "one"})
    cache = BuildCache()
    build_site(root, cache=cache)
    inode = (root / "public/x.txt").stat().st_ino
    build_site(root, cache=cache)
    assert (root / "public/x.txt").stat().st_ino == inode
    (root / "static/x.txt").write_text("two!")
    build_site(root, cache=cache)
    assert (root / "public/x.txt").read_text() == "two!"


def _through_disk(cache: BuildCache, root: Path) -> BuildCache:
    save_cache(cache, root / CACHE_DIR)
    return load_cache(root / CACHE_DIR)


def test_cli_saves_the_cache_and_reports_reuse(blog: Path, run_cli) -> None:
    assert run_cli("build", "--site", blog)[0] == 0
    assert (blog / CACHE_DIR / "cache.sqlite").is_file()
    code, out, _ = run_cli("build", "--site", blog)
    # only the sitemap and robots.txt, made afresh every build
    assert code == 0 and "(2 rendered, the rest unchanged)" in out


def test_a_feed_is_rendered_again_only_when_an_entry_it_shows_changed(blog: Path) -> None:
    cache = BuildCache()
    build_site(blog, cache=cache)
    edit(blog / "content/a.md", "More text.", "More text, edited.")
    result = build_site(blog, cache=cache)
    feeds = {path for path in result.rendered if path.endswith("feed.xml")}
    assert feeds == {"feed.xml", "tags/x/feed.xml"}  # not tags/y/feed.xml: Gamma is unchanged
    assert b"More text, edited." in (blog / "public/tags/x/feed.xml").read_bytes()


def test_a_build_leaves_the_cache_another_build_keeps_locked(
    blog: Path, run_cli, monkeypatch
) -> None:
    """Another build holding the cache file past the wait: this one's output is right, its
    cache goes unsaved with a note, and the other's file is left to it, not made afresh."""
    from articlegen.incremental import cachefile

    monkeypatch.setattr(cachefile, "LOCK_WAIT_SECONDS", 1)
    monkeypatch.setattr(cachefile, "_TRY_SECONDS", 0.1)
    assert run_cli("build", "--site", blog)[0] == 0
    before = load_cache(blog / CACHE_DIR).sources
    edit(blog / "content/a.md", "More text.", "More text, edited.")
    with _cache_held_by_another_build(blog):
        code, out, err = run_cli("build", "--site", blog)
    assert code == 0 and "built into public/" in out
    assert "note: the build cache was not saved: another build of this site held" in err
    assert "More text, edited." in parse(blog / "public/a/index.html").text()
    assert load_cache(blog / CACHE_DIR).sources == before


def test_cli_no_cache_neither_reads_nor_writes(blog: Path, run_cli) -> None:
    code, out, _ = run_cli("build", "--site", blog, "--no-cache")
    assert code == 0 and "rendered" not in out
    assert not (blog / CACHE_DIR).exists()


def test_cli_clean_removes_output_and_cache(blog: Path, run_cli) -> None:
    run_cli("build", "--site", blog)
    code, out, _ = run_cli("clean", "--site", blog)
    assert code == 0 and out.strip() == f"removed public/ and {CACHE_DIR}/"
    assert not (blog / "public").exists() and not (blog / CACHE_DIR).exists()
    assert run_cli("clean", "--site", blog)[1].strip() == "nothing to remove"


def _garbage(blog: Path) -> None:
    (blog / CACHE_DIR / "cache.sqlite").write_bytes(b"\0garbage" * 64)


def _truncated(blog: Path) -> None:
    database = blog / CACHE_DIR / "cache.sqlite"
    database.write_bytes(database.read_bytes()[: database.stat().st_size // 2])


def _older_version(blog: Path) -> None:
    with sqlite3.connect(blog / CACHE_DIR / "cache.sqlite") as db:
        db.execute("UPDATE meta SET value = 'an older articlegen' WHERE key = 'code'")


def _another_sites(blog: Path) -> None:
    """A cache (and output) made from other files with the same names."""
    other = blog.parent / "other"
    shutil.copytree(blog, other)
    for name in ("a", "b", "c"):
        edit(other / f"content/{name}.md", "\n---\n", "\n---\n\nOther words.\n")
    assert main(["build", "--site", str(other)]) == 0
    shutil.rmtree(blog / CACHE_DIR)
    shutil.copytree(other / CACHE_DIR, blog / CACHE_DIR)


def _output_restored_from_a_backup(blog: Path) -> None:
    """The output folder replaced by a copy of another build (same names, other bytes)."""
    edit(blog / "content/a.md", "More text.", "Newer text.")
    assert main(["build", "--site", str(blog)]) == 0
    shutil.copytree(blog / "public", blog.parent / "backup")
    edit(blog / "content/a.md", "Newer text.", "More text.")
    assert main(["build", "--site", str(blog)]) == 0
    shutil.rmtree(blog / "public")
    shutil.copytree(blog.parent / "backup", blog / "public")


@pytest.mark.parametrize(
    "damage", [_garbage, _truncated, _older_version, _another_sites, _output_restored_from_a_backup]
)
def test_cli_never_trusts_a_damaged_or_stale_cache(
    blog: Path, run_cli, tmp_path: Path, damage
) -> None:
    assert run_cli("build", "--site", blog)[0] == 0
    damage(blog)
    code, _out, err = run_cli("build", "--site", blog)
    assert code == 0 and err == ""
    assert snapshot(blog / "public") == clean_build(blog, tmp_path)
    assert load_cache(blog / CACHE_DIR).sources.keys() == {
        "content/a.md",
        "content/b.md",
        "content/c.md",
    }


def test_cli_jobs_must_be_positive(blog: Path, run_cli, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        run_cli("build", "--site", blog, "--jobs", "0")
    assert exit_.value.code == 2
    assert "at least 1" in capsys.readouterr().err


def test_a_cache_that_cannot_be_saved_is_a_note_not_a_failure(blog: Path, run_cli) -> None:
    (blog / CACHE_DIR).write_text("a file where the cache folder goes")
    code, out, err = run_cli("build", "--site", blog)
    assert code == 0 and "built into public/" in out
    (note,) = err.splitlines()
    assert note.startswith(f"note: cannot save the build cache in {blog / CACHE_DIR}: ")
    assert note.endswith("— check free disk space and write permission, or build with --no-cache")
    assert snapshot(blog / "public")


def test_files_whose_stamp_is_unchanged_are_not_read_again(blog: Path, monkeypatch) -> None:
    from articlegen.incremental import sources, stamps

    monkeypatch.setattr(stamps, "RACY_SECONDS", 0.0)
    cache = BuildCache()
    build_site(blog, cache=cache)
    read: list[str] = []
    real = sources.read_bytes
    monkeypatch.setattr(
        sources,
        "read_bytes",
        lambda root, p, *rest, **named: read.append(p.name) or real(root, p, *rest, **named),
    )
    edit(blog / "content/c.md", "Alone.", "Alone, and edited.")
    result = build_site(blog, cache=cache)
    assert set(read) == {"c.md"}  # the others were trusted by their stamps
    assert "Alone, and edited." in (blog / "public/c/index.html").read_text()
    assert rendered(result) >= {"c/index.html"}


def test_a_file_changed_twice_within_the_racy_window_is_read_again(blog: Path) -> None:
    """Same size, same second: only the bytes tell, so a fresh file is always read."""
    cache = BuildCache()
    build_site(blog, cache=cache)
    edit(blog / "content/c.md", "Alone.", "Alon3.")
    build_site(blog, cache=cache)
    assert "Alon3." in (blog / "public/c/index.html").read_text()


def test_a_kept_cache_compiles_templates_once(blog: Path, monkeypatch) -> None:
    """The preview keeps one cache: a save does not compile the theme again."""
    import jinja2

    cache = BuildCache()
    build_site(blog, cache=cache)
    assert cache.templates
    edit(blog / "content/a.md", "More text.", "More text, again.")
    compile_ = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda *a, **k: pytest.fail("compiled"))
    build_site(blog, cache=cache)
    monkeypatch.setattr(jinja2.Environment, "compile", compile_)
    override = blog / "templates/404.html"
    override.parent.mkdir()
    override.write_text("<p>Lost {{ site.title }}</p>\n")
    build_site(blog, cache=cache)
    assert (blog / "public/404.html").read_text() == "<p>Lost Example Site</p>\n"


def test_a_static_file_restored_with_its_old_size_and_time_is_copied_again(blog: Path) -> None:
    """``cp -p``, ``rsync -t`` or ``tar x`` can give new bytes the old size and mtime."""
    style = blog / "static/assets/extra.css"
    style.parent.mkdir(parents=True)
    style.write_text("body{color:red}")
    os.utime(style, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    build_site(blog, cache=BuildCache())
    time.sleep(0.01)
    style.write_text("body{color:blu}")
    os.utime(style, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    build_site(blog, BuildOptions(), cache=BuildCache())
    assert (blog / "public/assets/extra.css").read_text() == "body{color:blu}"
    build_site(blog, BuildOptions(), cache=None)
    assert (blog / "public/assets/extra.css").read_text() == "body{color:blu}"


def test_a_page_edited_in_the_output_with_its_time_restored_is_written_again(
    blog: Path,
) -> None:
    cache = BuildCache()
    build_site(blog, cache=cache)
    save_cache(cache, blog / CACHE_DIR)
    page = blog / "public/c/index.html"
    good, info = page.read_bytes(), page.stat()
    time.sleep(0.01)
    page.write_bytes(good.replace(b"Alone.", b"Aloof."))
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns))
    build_site(blog, cache=load_cache(blog / CACHE_DIR))
    assert page.read_bytes() == good


def test_a_failed_build_does_not_wait_for_the_cache_another_build_keeps_locked(
    blog: Path, run_cli, monkeypatch
) -> None:
    """A build with an input error saves what it learned of the good files, but not at the
    cost of its errors: while another build holds the cache file it tries once, not for
    ``LOCK_WAIT_SECONDS`` (a minute without a word before the errors were printed)."""
    from articlegen.incremental import cachefile

    monkeypatch.setattr(cachefile, "LOCK_WAIT_SECONDS", 3)
    monkeypatch.setattr(cachefile, "_TRY_SECONDS", 0.1)
    tries: list[Path] = []
    write = cachefile._write
    monkeypatch.setattr(
        cachefile, "_write", lambda cache, db, key: (tries.append(db), write(cache, db, key))
    )
    assert run_cli("build", "--site", blog)[0] == 0
    tries.clear()
    edit(blog / "content/a.md", "date: 2024-01-01", "date: 2024-13-01")
    with _cache_held_by_another_build(blog):
        code, _, err = run_cli("build", "--site", blog)
    assert code == 1 and "content/a.md:4: 'date' is not a real date" in err
    assert len(tries) == 1
