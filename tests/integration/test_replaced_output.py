"""An output folder with the mark but no record of the files builds wrote is replaced
whole: the build names the files it removes that it does not write, and where they still
are (``output/replaced.py``); ``check`` names them beforehand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from articlegen.core.layout import CACHE_DIR, OUTPUT_FILES
from articlegen.incremental import stamps
from articlegen.output.replaced import SHOWN
from tests.conftest import SITE_YAML, article

_REMOVED = (
    "note: public/ had no .articlegen-files, the record of the files builds wrote there (an"
    " articlegen from before the record made it, or the record was deleted), so this build"
    " replaced it whole, removing 2 files it does not write (pages an earlier build wrote, or"
    " files put there by hand): public/gone/index.html, public/notes.txt — "
)
_KEPT = (
    "until the next build they are in .articlegen-cache/spare-output/, under the same names:"
    " copy what you need into static/, from where the build publishes it; from now on builds"
    " keep files put there by hand\n"
)


@pytest.fixture
def unrecorded(site, run_cli) -> Path:
    """A built site whose output then lost its record, with a file put there by hand and
    the page of an article deleted since."""
    root = site({"a.md": article("Alpha", "First."), "gone.md": article("Gone", "Soon.")})
    assert run_cli("build", "--site", root, "--quiet")[0] == 0
    (root / "content/gone.md").unlink()
    (root / "public/notes.txt").write_text("put here by hand")
    (root / "public" / OUTPUT_FILES).unlink()
    return root


def test_the_build_names_what_it_removed_and_where_it_still_is(unrecorded: Path, run_cli) -> None:
    code, _, err = run_cli("build", "--site", unrecorded, "--strict")  # a note: --strict builds
    moved, removed = err.splitlines(keepends=True)  # the deleted article's address, then this
    assert (code, removed) == (0, _REMOVED + _KEPT) and "content/gone.md is gone" in moved
    assert not (unrecorded / "public/notes.txt").exists()
    spare = unrecorded / CACHE_DIR / "spare-output"
    assert (spare / "notes.txt").read_text() == "put here by hand"
    assert run_cli("build", "--site", unrecorded)[2] == ""  # said once: the folder has its record
    assert not (spare / "notes.txt").exists()  # "until the next build", as the note says


def test_quiet_still_says_it(unrecorded: Path, run_cli) -> None:
    """The one notice that files of someone's own were removed, whose only copy the next
    build deletes: not a routine note that ``--quiet`` leaves out (the article moved is)."""
    assert run_cli("build", "--site", unrecorded, "--quiet") == (0, "", _REMOVED + _KEPT)


def test_without_the_cache_it_says_no_copy_was_kept(unrecorded: Path, run_cli) -> None:
    code, _, err = run_cli("build", "--site", unrecorded, "--no-cache")
    assert code == 0 and err == _REMOVED + (
        "no copy of them was kept (a build with the cache keeps the folder it replaced until"
        " the next build; this one ran with --no-cache, or its cache is on another disk than"
        " public/); from now on builds keep files put there by hand\n"
    )


def test_check_names_them_before_the_build_removes_them(unrecorded: Path, run_cli) -> None:
    code, _, err = run_cli("check", "--site", unrecorded)
    moved, removed = err.splitlines(keepends=True)  # the deleted article's address, as built
    assert "content/gone.md is gone" in moved
    assert (code, removed) == (
        0,
        "note: public/ has no .articlegen-files, the record of the files builds wrote there, so"
        " the next build replaces it whole, removing 2 files it would not write (pages an"
        " earlier build wrote, or files put there by hand): public/gone/index.html,"
        " public/notes.txt — to keep a file put there by hand, move it into static/ first,"
        " from where the build publishes it\n",
    )
    assert (unrecorded / "public/notes.txt").is_file()


def _named(err: str) -> list[str]:
    """The files a note on a replaced output folder names."""
    return re.findall(r"by hand\): (.*?) — ", err)


def test_check_names_what_the_build_names_not_the_image_copies(site, run_cli) -> None:
    """The images' responsive copies are made only by a build that writes: ``check`` knows
    their paths all the same, and does not offer them as files of someone's own."""
    root = site({"a.md": article("Alpha", "![A chart](images/chart.png)")})
    chart = root / "static/images/chart.png"
    chart.parent.mkdir(parents=True)
    Image.new("RGB", (800, 450), (200, 80, 40)).save(chart)
    assert run_cli("build", "--site", root, "--quiet")[0] == 0
    assert (root / "public/images/chart-480w.webp").is_file()  # a copy, not in static/
    (root / "public/notes.txt").write_text("put here by hand")
    (root / "public" / OUTPUT_FILES).unlink()
    checked, built = (run_cli(command, "--site", root)[2] for command in ("check", "build"))
    assert _named(checked) == _named(built) == ["public/notes.txt"]


def test_without_search_the_files_in_its_folder_are_named(site, run_cli) -> None:
    """``pagefind/`` is left out only by a build that makes the index there."""
    root = site({"a.md": article("Alpha", "First.")}, site_yaml=SITE_YAML + "search: false\n")
    assert run_cli("build", "--site", root, "--quiet")[0] == 0
    (root / "public/pagefind").mkdir()
    (root / "public/pagefind/mine.js").write_text("put here by hand")
    (root / "public" / OUTPUT_FILES).unlink()
    checked, built = (run_cli(command, "--site", root)[2] for command in ("check", "build"))
    assert _named(checked) == _named(built) == ["public/pagefind/mine.js"]


def test_past_a_handful_of_files_the_rest_are_counted(unrecorded: Path, run_cli) -> None:
    for n in range(SHOWN + 2):
        (unrecorded / f"public/mine-{n}.txt").write_text("mine")
    err = run_cli("build", "--site", unrecorded)[2]
    assert "removing 9 files it does not write" in err
    assert "public/mine-3.txt and 4 more — until the next build" in err


def test_a_build_with_nothing_to_do_does_not_say_it_again(
    unrecorded: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kept out of the receipt: that build removed nothing."""
    monkeypatch.setattr(stamps, "RACY_SECONDS", 0.0)  # files written moments ago are trusted
    assert "replaced it whole" in run_cli("build", "--site", unrecorded)[2]
    code, out, err = run_cli("build", "--site", unrecorded)
    assert (code, err) == (0, "") and "nothing changed" in out
