"""Files someone puts into the output folder by hand: a build keeps them (each a warning),
removes only what builds wrote, and refuses to write over one; ``clean`` keeps them too.
Without a record of what the builds wrote the folder is replaced whole (docs/output.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from articlegen.core.layout import CACHE_DIR, OUTPUT_MARKER
from articlegen.output.outputrecord import load_written
from tests.conftest import article
from tests.helpers import snapshot

_KEPT = (
    "no build of this site wrote this file, so it stays in the output folder and is published "
    "with the site — to publish it on purpose, move it into static/ (the build copies it from "
    "there); else delete it"
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
    return sorted(line for line in err.splitlines() if line.endswith(_KEPT))


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
        ("public/c", "at public/c/index.html, where this file's name is a folder"),
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
    """The cache folder deleted by hand: what builds wrote cannot be told from the rest."""
    (blog / "public/notes.txt").write_text("put here by hand")
    for record in (blog / CACHE_DIR / "outputs").iterdir():
        record.unlink()
    code, _, err = run_cli("build", "--site", blog, "--no-cache")
    assert (code, _warned(err)) == (0, [])
    assert not (blog / "public/notes.txt").exists()


def test_a_build_into_another_folder_keeps_the_record_of_public(
    blog: Path, tmp_path: Path, run_cli
) -> None:
    (blog / "public/notes.txt").write_text("put here by hand")
    assert run_cli("build", "--site", blog, "--output", tmp_path / "www")[0] == 0
    written = load_written(blog, tmp_path / "www")
    assert written is not None and "a/index.html" in written.files
    code, _, err = run_cli("build", "--site", blog)
    assert (code, _warned(err)) == (0, [f"warning: public/notes.txt: {_KEPT}"])


def test_a_failed_write_leaves_a_record_naming_both_sites(
    blog: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record is saved before the swap with the last build's files too: a build stopped
    there leaves the old site in place, every file of it still the builds'."""
    (blog / "content/b.md").unlink()
    (blog / "content/c.md").write_text(article("Gamma", "Third."))

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("articlegen.output.write.fill_staging", full_disk)
    assert run_cli("build", "--site", blog)[0] == 1
    written = load_written(blog, blog / "public")
    assert written is not None and {"b/index.html", "c/index.html"} <= written.files
    monkeypatch.undo()
    code, _, err = run_cli("build", "--site", blog)
    assert (code, _warned(err)) == (0, [])
    assert not (blog / "public/b").exists() and (blog / "public/c/index.html").is_file()


def test_clean_keeps_the_own_files_and_the_next_build_asks_to_move_them(
    blog: Path, run_cli
) -> None:
    own = _own_files(blog)
    code, out, _ = run_cli("clean", "--site", blog)
    assert code == 0
    assert out.splitlines() == [
        f"removed the files builds wrote in public/ and {CACHE_DIR}/",
        "kept 3 files no build wrote (public/a/draft.txt, public/mine/deep/data.csv, "
        "public/notes.txt): move them out of public/ before the next build, which takes only "
        "an empty folder or one it made",
    ]
    assert {f"public/{name}" for name in snapshot(blog / "public")} == set(own)
    assert not (blog / "public" / OUTPUT_MARKER).exists()
    assert sorted(p.name for p in (blog / "public").iterdir()) == ["a", "mine", "notes.txt"]
    code, _, err = run_cli("build", "--site", blog)
    assert code == 1 and "is not empty and has no .articlegen-output file" in err
    assert {name: (blog / name).read_bytes() for name in own} == own
