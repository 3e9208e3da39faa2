"""``articlegen build`` with nothing changed since the last build does nothing, and says so;
any change to an input or to the output folder makes it a real build again."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from articlegen.incremental import stamps
from tests.conftest import article


@pytest.fixture(autouse=True)
def stamps_trusted_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests write files moments before building; here their stamps are trusted anyway."""
    monkeypatch.setattr(stamps, "RACY_SECONDS", 0.0)


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def built(site, run_cli) -> Path:
    root = site(
        {"a.md": article("A", see_also="[b]"), "b.md": article("B", see_also="[a]")},
        site_yaml=(
            'title: "Example"\nbase_url: "https://example.test/"\ndescription: "An example site."\nwarn_unlinked: true\n'
            "search: false\n"
        ),
        files={"content/c.md": article("C")},
    )
    code, out, err = run_cli("build", "--site", root)
    assert code == 0 and "built into public/" in out
    assert "warning: content/c.md:2:" in err
    return root


def test_a_second_build_finds_nothing_changed_and_repeats_its_warnings(built, run_cli) -> None:
    before = files(built / "public")
    code, out, err = run_cli("build", "--site", built)
    assert code == 0
    assert (
        out.startswith("3 articles, ")
        and "1 warning; nothing changed, public/ is up to date" in out
    )
    assert err.startswith("warning: content/c.md:2:")
    assert files(built / "public") == before


def test_quiet_prints_only_the_warnings(built, run_cli) -> None:
    code, out, err = run_cli("build", "--site", built, "--quiet")
    assert (code, out) == (0, "") and err.startswith("warning: content/c.md:2:")


def test_an_edited_article_is_built_again(built, run_cli) -> None:
    time.sleep(0.01)
    (built / "content/a.md").write_text(article("A changed", see_also="[b]"))
    code, out, _ = run_cli("build", "--site", built)
    assert code == 0 and "built into public/" in out
    assert "A changed" in (built / "public/a/index.html").read_text()


def test_an_error_is_reported_after_an_up_to_date_build(built, run_cli) -> None:
    time.sleep(0.01)
    (built / "content/a.md").write_text(article("A", see_also="[nowhere]"))
    code, _, err = run_cli("build", "--site", built)
    assert code == 1 and "content/a.md:3: see_also 'nowhere' matches no article" in err


def test_a_page_deleted_from_the_output_is_written_again(built, run_cli) -> None:
    (built / "public/a/index.html").unlink()
    code, out, _ = run_cli("build", "--site", built)
    assert code == 0 and "built into public/" in out
    assert (built / "public/a/index.html").is_file()


@pytest.mark.parametrize(
    "argv",
    [
        ["--drafts"],
        ["--base-url", "https://example.net/"],
        ["--no-cache"],
        ["--today", "2030-01-01"],
    ],
)
def test_other_options_build_for_real(built, run_cli, argv: list[str]) -> None:
    code, out, _ = run_cli("build", "--site", built, *argv)
    assert code == 0 and "built into public/" in out


def test_strict_fails_on_the_warning_even_when_nothing_changed(built, run_cli) -> None:
    code, _, err = run_cli("build", "--site", built, "--strict")
    assert code == 1 and "error: content/c.md:2:" in err


def test_clean_forgets_the_last_build(built, run_cli) -> None:
    run_cli("clean", "--site", built)
    code, out, _ = run_cli("build", "--site", built)
    assert code == 0 and "built into public/" in out


def test_a_build_moments_after_a_save_is_never_skipped(built, run_cli, monkeypatch) -> None:
    """The racy case: the first build after a save trusts no stamp, so leaves no receipt."""
    monkeypatch.setattr(stamps, "RACY_SECONDS", 3600.0)
    run_cli("build", "--site", built)
    code, out, _ = run_cli("build", "--site", built)
    assert code == 0 and "built into public/" in out


@pytest.mark.parametrize(
    "moment", [["--today", "2020-01-10"], ["--now", "2020-01-10T12:00Z"]], ids=["today", "now"]
)
def test_a_build_as_at_a_fixed_moment_with_a_scheduled_article_is_not_redone(
    site, run_cli, moment: list[str]
) -> None:
    """The receipt of a build with a scheduled article holds until the article's moment.
    As at a fixed day or moment, the same inputs make the same site at any hour, though the
    clock has long passed that date: a second build does nothing (it rendered the sitemap
    and robots.txt again, with --today). The clock, past the date, publishes the article."""
    root = site(
        {"a.md": article("A"), "later.md": article("Later", date="2020-02-01")},
        site_yaml='title: "Example"\nbase_url: "https://example.test/"\nsearch: false\n',
    )
    code, out, err = run_cli("build", "--site", root, *moment)
    assert code == 0 and "built into public/" in out and "'Later' is scheduled" in err
    assert not (root / "public" / "later").exists()
    code, out, _ = run_cli("build", "--site", root, *moment)
    assert code == 0 and "nothing changed, public/ is up to date" in out
    assert "rendered" not in out
    code, out, _ = run_cli("build", "--site", root)  # as the clock says: long past the date
    assert code == 0 and "built into public/" in out
    assert (root / "public" / "later" / "index.html").is_file()


@pytest.mark.parametrize(
    "first_as_the_clock", [True, False], ids=["clock-then-today", "today-then-clock"]
)
def test_a_build_as_at_todays_date_is_not_taken_for_one_as_the_clock(
    site, run_cli, first_as_the_clock: bool
) -> None:
    """``--today`` naming the clock's day publishes as at the end of that day, the clock as
    at this instant: an article due later today is in the one and not the other, so the
    receipt of either never answers for the other (both were keyed by the same day)."""
    today = dt.date.today()  # the day the receipt's key names for a build as the clock says
    due = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(hours=1)
    zone = dt.timezone(dt.timedelta(hours=-12))  # the site's: its day ends after ``due``
    assert due < dt.datetime.combine(today, dt.time.max, zone)
    root = site(
        {"a.md": article("A"), "later.md": article("Later", date=due.isoformat())},
        site_yaml=(
            'title: "Example"\nbase_url: "https://example.test/"\nsearch: false\n'
            'timezone: "Etc/GMT+12"\n'
        ),
    )
    as_today = ["--today", today.isoformat()]
    first, second = ([], as_today) if first_as_the_clock else (as_today, [])
    assert run_cli("build", "--site", root, *first)[0] == 0
    assert (root / "public" / "later").exists() is not first_as_the_clock
    code, out, _ = run_cli("build", "--site", root, *second)
    assert code == 0 and "built into public/" in out
    assert (root / "public" / "later" / "index.html").is_file() is first_as_the_clock
