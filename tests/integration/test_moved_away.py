"""A build says which addresses the last build that wrote published an article at and it no
longer serves (``incremental/movedaway.py``): links from other sites to them now fail."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from articlegen.build import build_with_saved_cache
from articlegen.cli import main
from articlegen.core.errors import BuildFailed
from articlegen.core.model import BuildOptions
from articlegen.incremental.movedaway import MOST_NOTES, PUBLISHED
from articlegen.serve.preview import Preview
from tests.conftest import SITE_YAML, article

ARTICLES = {
    "sleep.md": article("Sleep Basics", "Sleep matters."),
    "zinc.md": article("Zinc and You", "Zinc, briefly.", aliases="[/old-zinc/, /zinc.html]"),
    "pages/about.md": "---\ntitle: About Us\n---\n\nWho we are.\n",
}
SITE = "https://example.test"


@pytest.fixture
def built(site: Callable[..., Path]) -> Path:
    root = site(ARTICLES)
    assert build_with_saved_cache(root).notes == ()
    return root


def _moved(root: Path, options: BuildOptions | None = None) -> list[str]:
    notes = build_with_saved_cache(root, options).notes
    return [note for note in notes if "bookmarks there" in note]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_new_slug_names_the_old_address_and_the_alias_to_add(built: Path) -> None:
    _edit(built / "content/sleep.md", "title:", "slug: sleep-guide\ntitle:")
    assert _moved(built) == [
        f"content/sleep.md: {SITE}/sleep/ no longer leads to it (now at {SITE}/sleep-guide/),"
        " so links from other sites and bookmarks there lead nowhere — add /sleep/ to its "
        "front-matter's aliases: list"
    ]
    assert _moved(built) == []  # said once: the next build compares with this one


def test_an_alias_for_the_old_address_says_nothing(built: Path) -> None:
    _edit(built / "content/sleep.md", "title:", "slug: sleep-guide\naliases: [/sleep/]\ntitle:")
    assert _moved(built) == []
    assert (built / "public/sleep/index.html").is_file()  # the redirect page


def test_an_alias_taken_out_is_an_address_lost(built: Path) -> None:
    _edit(built / "content/zinc.md", "aliases: [/old-zinc/, /zinc.html]", "aliases: [/old-zinc/]")
    (note,) = _moved(built)
    assert note.startswith(f"content/zinc.md: {SITE}/zinc.html no longer leads to it")
    assert note.endswith("add /zinc.html to its front-matter's aliases: list")


def test_a_renamed_file_is_matched_by_its_title(built: Path) -> None:
    (built / "content/sleep.md").rename(built / "content/sleep-basics.md")
    (note,) = _moved(built)
    assert note.startswith(f"content/sleep.md is gone, and with it {SITE}/sleep/ ('Sleep Basics')")
    assert note.endswith(
        f"if content/sleep-basics.md (at {SITE}/sleep-basics/) is the same article, add /sleep/ to"
        " its front-matter's aliases: list"
    )


def test_a_deleted_file_takes_its_redirects_with_it(built: Path) -> None:
    (built / "content/zinc.md").unlink()
    (built / "content/pages/about.md").unlink()
    about, zinc = sorted(_moved(built))
    assert about.startswith(f"content/pages/about.md is gone, and with it {SITE}/about/ ")
    assert zinc.startswith(
        f"content/zinc.md is gone, and with it {SITE}/zinc/, {SITE}/old-zinc/, {SITE}/zinc.html"
    )
    assert zinc.endswith(
        "if the article moved to another file, add /zinc/, /old-zinc/, /zinc.html to that"
        " file's front-matter's aliases: list"
    )


def test_a_check_or_a_failed_build_in_between_forgets_nothing(built: Path) -> None:
    _edit(built / "content/sleep.md", "title:", "slug: sleep-guide\ntitle:")
    build_with_saved_cache(built, BuildOptions(write=False))  # articlegen check
    _edit(built / "content/zinc.md", "date: 2024-01-01", "date: 2024-13-45")
    with pytest.raises(BuildFailed):
        build_with_saved_cache(built)
    _edit(built / "content/zinc.md", "date: 2024-13-45", "date: 2024-01-01")
    (note,) = _moved(built)
    assert note.startswith(f"content/sleep.md: {SITE}/sleep/ no longer leads to it")


def test_an_article_left_out_on_purpose_is_no_move(built: Path) -> None:
    _edit(built / "content/zinc.md", "title:", "draft: true\ntitle:")
    _edit(built / "content/sleep.md", "date: 2024-01-01", "date: 2999-01-01")
    result = build_with_saved_cache(built)
    assert [n for n in result.notes if "bookmarks there" in n] == []
    assert any("skipped" in n for n in result.notes)  # the build says why instead


def test_a_draft_a_drafts_build_showed_was_never_published(built: Path) -> None:
    (built / "content/draft.md").write_text(article("Work in Progress", draft="true"))
    build_with_saved_cache(built, BuildOptions(drafts=True))
    (built / "content/draft.md").unlink()
    assert _moved(built) == []


def test_a_static_file_at_the_old_address_still_serves_it(built: Path) -> None:
    (built / "content/pages/about.md").unlink()
    (built / "static/about").mkdir(parents=True)
    (built / "static/about/index.html").write_text("<p>About</p>")
    assert _moved(built) == []


def test_a_build_into_another_folder_leaves_the_real_ones_record(built: Path) -> None:
    _edit(built / "content/sleep.md", "title:", "slug: sleep-guide\ntitle:")
    assert _moved(built, BuildOptions(output=built / "preview")) == []  # nothing there before
    (note,) = _moved(built)
    assert note.startswith(f"content/sleep.md: {SITE}/sleep/ no longer leads to it")


def test_the_record_outlives_the_cache(built: Path) -> None:
    """An upgrade drops the build cache whole (its code fingerprint), and may change
    addresses (a slug library that spells names otherwise): the record stays."""
    (built / ".articlegen-cache/cache.sqlite").unlink()
    _edit(built / "content/sleep.md", "title:", "slug: sleep-guide\ntitle:")
    assert len(_moved(built)) == 1


def test_clean_forgets_the_record(built: Path) -> None:
    assert main(["clean", "--site", str(built)]) == 0
    assert not (built / ".articlegen-cache").exists()
    (built / "content/zinc.md").unlink()
    assert _moved(built) == []


def test_an_article_a_future_build_showed_early_was_not_published(built: Path) -> None:
    (built / "content/soon.md").write_text(article("Coming Soon", date="2999-01-01"))
    build_with_saved_cache(built, BuildOptions(future=True))
    (built / "content/soon.md").unlink()
    assert _moved(built) == []


def test_an_htm_alias_is_a_page_of_that_name(built: Path) -> None:
    _edit(built / "content/sleep.md", "title:", "aliases: [/old-sleep.htm]\ntitle:")
    assert _moved(built) == []
    assert (built / "public/old-sleep.htm").is_file()
    _edit(built / "content/sleep.md", "aliases: [/old-sleep.htm]", "aliases: []")
    (note,) = _moved(built)
    assert note.startswith(f"content/sleep.md: {SITE}/old-sleep.htm no longer leads to it")


def test_past_ten_files_the_rest_are_listed_in_one_note(site: Callable[..., Path]) -> None:
    count = MOST_NOTES + 2
    root = site({f"a{i:02}.md": article(f"Article {i}") for i in range(count)})
    build_with_saved_cache(root)
    for i in range(count):
        (root / f"content/a{i:02}.md").unlink()
    (root / "content/last.md").write_text(article("Last One"))
    notes = build_with_saved_cache(root).notes
    assert len([note for note in notes if " is gone, and with it " in note]) == MOST_NOTES
    assert notes[-1] == f"and these addresses of other content files: {SITE}/a10/, {SITE}/a11/"


def test_an_up_to_date_build_does_not_say_it_again(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(built / "content/sleep.md", "title:", "slug: sleep-guide\ntitle:")
    assert main(["build", "--site", str(built)]) == 0
    assert "no longer leads" in capsys.readouterr().err
    assert main(["build", "--site", str(built)]) == 0
    assert "no longer leads" not in capsys.readouterr().err


def test_check_says_it_each_time_until_a_build_publishes(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (built / "content/sleep.md").rename(built / "content/sleep-basics.md")
    record = (built / ".articlegen-cache" / PUBLISHED).read_bytes()
    for _ in range(2):  # check writes no record: what it compares with stays as it was
        assert main(["check", "--site", str(built)]) == 0
        assert (
            f"note: content/sleep.md is gone, and with it {SITE}/sleep/" in capsys.readouterr().err
        )
    assert (built / ".articlegen-cache" / PUBLISHED).read_bytes() == record
    assert main(["check", "--site", str(built), "--strict"]) == 0  # a note, not a warning
    assert main(["build", "--site", str(built)]) == 0
    assert "content/sleep.md is gone" in capsys.readouterr().err
    assert main(["check", "--site", str(built)]) == 0
    assert "is gone" not in capsys.readouterr().err


def test_check_compares_with_the_folder_the_build_would_write(site: Callable[..., Path]) -> None:
    root = site(ARTICLES, site_yaml=SITE_YAML + "output: www\n")
    build_with_saved_cache(root)
    _edit(root / "content/sleep.md", "title:", "slug: sleep-guide\ntitle:")
    assert _moved(root, BuildOptions(output=root / "elsewhere")) == []  # nothing there before
    (note,) = _moved(root, BuildOptions(write=False, check_output=True))  # articlegen check
    assert note.startswith(f"content/sleep.md: {SITE}/sleep/ no longer leads to it")


def test_the_preview_says_it_at_the_sites_address_and_keeps_the_record(built: Path) -> None:
    (built / "content/sleep.md").rename(built / "content/sleep-basics.md")
    record = (built / ".articlegen-cache" / PUBLISHED).read_bytes()
    logged: list[str] = []
    for _ in range(2):  # a record the preview wrote would silence the build after it
        with Preview(built, port=0, log=logged.append):
            pass
    said = [line for line in logged if "bookmarks there" in line]
    assert len(said) == 2
    assert said[0].startswith(f"note: content/sleep.md is gone, and with it {SITE}/sleep/ ")
    assert (built / ".articlegen-cache" / PUBLISHED).read_bytes() == record
    assert len(_moved(built)) == 1


def test_a_quiet_build_keeps_them_for_the_next_build_heard(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--quiet`` prints no notes: the addresses it no longer serves stay in the record, or
    no build would ever say them."""
    _edit(built / "content/sleep.md", "title:", "slug: sleep-guide\ntitle:")
    assert main(["build", "--site", str(built), "--quiet"]) == 0
    assert "no longer leads" not in capsys.readouterr().err
    assert main(["check", "--site", str(built)]) == 0
    assert "no longer leads" in capsys.readouterr().err
    _edit(built / "content/zinc.md", "Zinc, briefly.", "Zinc, in short.")
    assert main(["build", "--site", str(built)]) == 0
    assert f"{SITE}/sleep/ no longer leads to it" in capsys.readouterr().err
    _edit(built / "content/zinc.md", "Zinc, in short.", "Zinc, briefly.")
    assert main(["build", "--site", str(built)]) == 0
    assert "no longer leads" not in capsys.readouterr().err  # said, then forgotten
