"""Scheduled and expiring articles: left out of everything until (or after) their moment,
never linked to while out, listed by check and report, shown with a banner on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, parse

TOKYO = SITE_YAML + 'timezone: "Asia/Tokyo"\n'


def article(title: str, date: str, body: str = "Text.", **extra: str) -> str:
    lines = "".join(f"{key}: {value}\n" for key, value in extra.items())
    return f'---\ntitle: "{title}"\ndate: {date}\ntags: [sleep]\n{lines}---\n{body}\n'


def everywhere(output: Path) -> str:
    """Every page, feed and the sitemap of a built site, as one text to search in."""
    files = [*output.rglob("*.html"), *output.rglob("*.xml")]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


@pytest.fixture
def blog(site):
    return site(
        {
            "out-now.md": article("Out Now", "2027-01-01"),
            "coming-later.md": article("Coming Later", "2027-01-05T23:30"),
        },
        TOKYO,
    )


def test_a_scheduled_article_is_in_no_page_feed_or_sitemap(blog, run_cli) -> None:
    code, _, err = run_cli("build", "--site", blog, "--now", "2027-01-05T14:00Z")  # 23:00 Tokyo
    assert code == 0
    output = blog / "public"
    assert not (output / "coming-later").exists()
    assert (output / "out-now" / "index.html").is_file()
    text = everywhere(output)
    assert "coming-later" not in text and "Coming Later" not in text
    assert (
        "content/coming-later.md: 'Coming Later' is scheduled for 2027-01-05 23:30 (Asia/Tokyo)"
        in err
    )


def test_it_publishes_at_its_moment_in_the_site_time_zone(blog, run_cli) -> None:
    code, _, _ = run_cli("build", "--site", blog, "--now", "2027-01-05T14:30Z")  # 23:30 Tokyo
    assert code == 0
    home = parse(blog / "public" / "index.html")
    titles = [a.text() for a in home.css("main h2 a")]
    assert titles == ["Coming Later", "Out Now"]
    feed = (blog / "public" / "feed.xml").read_text(encoding="utf-8")
    assert "Coming Later" in feed


def test_a_day_publishes_at_its_midnight_in_the_site_zone(site, run_cli) -> None:
    root = site({"day-article.md": article("Day Article", "2027-01-06")}, TOKYO)
    assert run_cli("build", "--site", root, "--now", "2027-01-05T14:59Z")[0] == 0
    assert not (root / "public" / "day-article").exists()
    assert run_cli("build", "--site", root, "--now", "2027-01-05T15:00Z")[0] == 0
    assert (root / "public" / "day-article" / "index.html").is_file()


def test_today_publishes_everything_dated_that_day(site, run_cli) -> None:
    root = site({"a.md": article("A", "2027-01-05T23:59"), "b.md": article("B", "2027-01-06")})
    assert run_cli("build", "--site", root, "--today", "2027-01-05")[0] == 0
    assert (root / "public" / "a" / "index.html").is_file()
    assert not (root / "public" / "b").exists()


def test_a_link_to_a_scheduled_article_says_when_it_publishes(site, run_cli) -> None:
    root = site(
        {
            "now.md": article("Out Now", "2027-01-01", "See [[Coming Later]]."),
            "later.md": article("Coming Later", "2027-02-01"),
        }
    )
    before = {"public/keep.txt": "previous site"}
    (root / "public").mkdir()
    (root / "public" / ".articlegen-output").write_text("x", encoding="utf-8")
    (root / "public" / "keep.txt").write_text(before["public/keep.txt"], encoding="utf-8")
    code, _, err = run_cli("build", "--site", root, "--today", "2027-01-10")
    assert code == 1
    assert "content/now.md:6:" in err
    assert "'Coming Later' links to an article that is scheduled for 2027-02-01" in err
    assert "content/later.md" in err and "Traceback" not in err
    assert (root / "public" / "keep.txt").read_text(encoding="utf-8") == "previous site"
    assert run_cli("build", "--site", root, "--today", "2027-01-10", "--future")[0] == 0


def test_future_builds_scheduled_articles_with_a_banner(blog, run_cli) -> None:
    code, _, _ = run_cli("build", "--site", blog, "--now", "2027-01-05T14:00Z", "--future")
    assert code == 0
    page = parse(blog / "public" / "coming-later" / "index.html")
    banner = page.css_first("p.draft-banner")
    assert banner is not None
    assert banner.text() == "Not public: scheduled for 2027-01-05 23:30 (Asia/Tokyo)"
    home = parse(blog / "public" / "index.html")
    assert "Scheduled" in [label.text() for label in home.css(".draft-label")]


def test_an_expired_article_is_taken_down(site, run_cli) -> None:
    root = site({"old-news.md": article("Old News", "2026-01-01", expires="2026-12-01")})
    assert run_cli("build", "--site", root, "--today", "2026-11-30")[0] == 0
    assert (root / "public" / "old-news" / "index.html").is_file()
    code, _, err = run_cli("build", "--site", root, "--today", "2026-12-01")
    assert code == 0
    assert not (root / "public" / "old-news").exists()
    assert "content/old-news.md: 'Old News' expired on 2026-12-01, so it is left out" in err


def test_an_expired_article_still_linked_to_is_an_error_naming_both(site, run_cli) -> None:
    root = site(
        {
            "old-news.md": article("Old News", "2026-01-01", expires="2026-12-01"),
            "b.md": article("Reader", "2026-02-01", "Read [[old-news]] first."),
        }
    )
    code, _, err = run_cli("check", "--site", root, "--today", "2026-12-02")
    assert code == 1
    assert "content/b.md:6:" in err
    assert "links to an article that expired on 2026-12-01 (content/old-news.md)" in err
    assert "remove the link, or remove or move that article's 'expires:'" in err


def test_expires_must_come_after_date(site, run_cli) -> None:
    root = site({"a.md": article("A", "2026-05-01", expires="2026-05-01")})
    code, _, err = run_cli("check", "--site", root)
    assert code == 1
    assert "content/a.md:5: 'expires' (2026-05-01) is not after 'date' (2026-05-01)" in err


def test_check_and_report_list_scheduled_and_expired_articles(site, run_cli) -> None:
    root = site(
        {
            "old-news.md": article("Old News", "2026-01-01", expires="2026-06-01"),
            "coming-later.md": article("Coming Later", "2027-03-01"),
            "out-now.md": article("Out Now", "2026-07-01"),
        }
    )
    code, _, err = run_cli("check", "--site", root, "--today", "2026-12-01")
    assert code == 0
    assert "'Old News' expired on 2026-06-01" in err
    assert "'Coming Later' is scheduled for 2027-03-01" in err
    code, out, _ = run_cli("report", "--site", root, "--today", "2026-12-01", "--format", "json")
    assert code == 0
    rows = {row["slug"]: row["publication"] for row in json.loads(out)}
    assert rows == {
        "old-news": "expired on 2026-06-01",
        "coming-later": "scheduled for 2027-03-01",
        "out-now": "published",
    }


def test_a_naive_now_is_refused_with_the_fix(site, run_cli, capsys) -> None:
    root = site({"a.md": article("A", "2026-05-01")})
    with pytest.raises(SystemExit) as stop:
        run_cli("build", "--site", root, "--now", "2027-01-05T09:00")
    assert stop.value.code == 2
    assert "has no time-zone offset" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("moment", "fixed"),
    [
        ("2027-01-05", "2027-01-05T00:00+00:00"),
        ("2027-01-05+00:00", "2027-01-05T00:00+00:00"),
        ("2027-01-05Z", "2027-01-05T00:00Z"),
        ("2027-01-05z", "2027-01-05T00:00Z"),
        ("2027-01-05+05:30", "2027-01-05T00:00+05:30"),
    ],
)
def test_a_now_of_a_day_alone_is_refused_with_a_fix_that_works(
    site, run_cli, capsys, moment: str, fixed: str
) -> None:
    """The naive error's fix for a day alone was to add an offset, 2027-01-05+00:00: that
    was refused the same way (Python 3.11 drops the offset of a day alone). The fix keeps
    the offset given: +00:00 for +05:30 would be five and a half hours off."""
    root = site({"a.md": article("A", "2026-05-01")})
    with pytest.raises(SystemExit) as stop:
        run_cli("build", "--site", root, "--now", moment)
    assert stop.value.code == 2
    assert (
        f"argument --now: '{moment}' is a day, with no time of day: give the time and its"
        f" offset too, e.g. {fixed}, or give the day alone as --today 2027-01-05"
    ) in capsys.readouterr().err
    assert run_cli("build", "--site", root, "--now", fixed)[0] == 0


def test_the_preview_shows_scheduled_articles_with_their_banner(site) -> None:
    from articlegen.serve.preview import Preview
    from tests.serving import fetch

    root = site({"coming-later.md": article("Coming Later", "2999-01-01")})
    with Preview(root, port=0, log=lambda line: None) as running:
        page = fetch(running.url, "/coming-later/").html()
        assert page.css_first(".draft-banner").text() == "Not public: scheduled for 2999-01-01"
    with Preview(root, port=0, future=False, log=lambda line: None) as running:
        assert fetch(running.url, "/coming-later/").status == 404


def test_a_scheduled_article_linking_to_one_scheduled_later_is_an_error_today(
    site, run_cli
) -> None:
    root = site(
        {
            "sched-a.md": article("Sched A", "2027-12-10", "See [[sched-b]]."),
            "sched-b.md": article("Sched B", "2027-12-20"),
            "now.md": article("Now", "2026-01-01"),
        }
    )
    code, _, err = run_cli("check", "--site", root, "--today", "2026-12-04")
    assert code == 1
    assert "content/sched-a.md:6: link 'sched-b' links to an article that is scheduled for " in err
    assert err.count("scheduled for 2027-12-20") == 1


def test_a_link_to_an_article_that_will_expire_first_is_an_error_today(site, run_cli) -> None:
    root = site(
        {
            "seasonal.md": article("Seasonal", "2026-01-01", expires="2027-03-01"),
            "reader.md": article("Reader", "2026-02-01", "Read [[seasonal]] first."),
        }
    )
    code, _, err = run_cli("check", "--site", root, "--today", "2026-12-04")
    assert code == 1
    assert "content/reader.md:6:" in err
    assert "links to an article that expires on 2027-03-01 (content/seasonal.md)" in err


def test_links_that_hold_at_every_coming_moment_pass(site, run_cli) -> None:
    root = site(
        {
            "early.md": article("Early", "2027-01-01"),
            "late.md": article("Late", "2027-02-01", "Back to [[early]].", expires="2027-06-01"),
            "now.md": article("Now", "2026-01-01"),
        }
    )
    assert run_cli("check", "--site", root, "--today", "2026-12-04")[0] == 0


def test_a_scheduled_article_does_not_make_a_link_to_a_shown_draft_an_error(
    site, run_cli, tmp_path: Path
) -> None:
    """With drafts shown (``--drafts``, as the preview shows them), a link to a draft is no
    error today, nor at the moments the coming articles publish."""
    root = site(
        {
            "beta.md": article("Beta", "2024-02-01", "See [[gamma]]."),
            "gamma.md": article("Gamma", "2024-03-01", "A draft.", draft="true"),
            "delta.md": article("Delta", "2024-09-01", "Later."),  # scheduled on 2024-06-01
        }
    )
    out = tmp_path / "out"
    code, _, err = run_cli(
        "build", "--site", root, "--drafts", "--today", "2024-06-01", "--output", out
    )
    assert code == 0, err
    link = parse(out / "beta" / "index.html").css_first("main a.internal")
    assert link is not None and link.attributes["href"] == "/gamma/"
    code, _, err = run_cli("check", "--site", root, "--today", "2024-06-01")
    assert code == 1 and "content/beta.md:6: link 'gamma' links to a draft" in err
