"""Dates end to end: every accepted form builds, pages show the day in the site's time
zone, feeds and JSON-LD carry the full time, and a broken twin fails once per defect."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from articlegen.core.dates import DATE_FORMS as FORMS
from tests.conftest import SITE_YAML, article, parse
from tests.helpers import snapshot

ATOM = "{http://www.w3.org/2005/Atom}"
BERLIN = SITE_YAML + "timezone: Europe/Berlin\n"

EVERY_FORM = {
    # Jekyll's form (PyYAML leaves it as text), a quoted UTC time late in the day
    "jekyll.md": article("Jekyll", date="2013-05-06 02:12:52 +0200"),
    "late.md": article("Late", date="'2024-01-15T23:30:00Z'"),
    # no seconds, no offset: in the site's zone; a day alone
    "local.md": article("Local", date="2024-07-01 09:30"),
    "day.md": article("Day", date="2024-07-01"),
    "fraction.md": article("Fraction", date="2024-07-01T08:00:00.25+0530"),
    "hours.md": article(
        "Hours",
        date='"2024-06-30 23:30:00 -02"',
        updated="2024-07-02t10:00:00+02:00",
        reviewed_by="example-reviewer",
        reviewed_on="2024-07-01",
        references="[{title: Source, url: 'https://example.org/s', date: 2023-01-31 10:00}]",
    ),
}
REVIEWERS = "reviewers:\n  example-reviewer: {name: Example Reviewer, credentials: MD}\n"


def shown_day(page: Path) -> tuple[str, str]:
    """The publication date an article page shows: (its text, its datetime attribute)."""
    time = parse(page).css_first("header p.meta time")
    return time.text(), time.attributes["datetime"]


def feed_times(feed: Path) -> dict[str, tuple[str, str]]:
    root = ET.parse(feed).getroot()
    return {
        e.find(f"{ATOM}title").text: (
            e.find(f"{ATOM}published").text,
            e.find(f"{ATOM}updated").text,
        )
        for e in root.iter(f"{ATOM}entry")
    }


def json_ld(page: Path) -> dict:
    script = parse(page).css_first('script[type="application/ld+json"]')
    return {node["@type"]: node for node in json.loads(script.text())["@graph"]}


@pytest.fixture
def dated(site, run_cli) -> Path:
    root = site(EVERY_FORM, site_yaml=BERLIN + REVIEWERS)
    code, _, err = run_cli("build", "--site", root, "--today", "2024-08-01")
    assert code == 0, err
    return root


def test_every_accepted_form_builds_and_pages_show_the_day_in_the_site_zone(dated: Path) -> None:
    out = dated / "public"
    assert shown_day(out / "jekyll/index.html") == ("6 May 2013", "2013-05-06T02:12:52+02:00")
    # 23:30 UTC is already the 16th in Berlin; the datetime keeps the offset written
    assert shown_day(out / "late/index.html") == ("16 January 2024", "2024-01-15T23:30:00Z")
    assert shown_day(out / "local/index.html") == ("1 July 2024", "2024-07-01T09:30:00+02:00")
    assert shown_day(out / "day/index.html") == ("1 July 2024", "2024-07-01")
    assert shown_day(out / "fraction/index.html") == (  # HTML allows milliseconds only
        "1 July 2024",
        "2024-07-01T08:00:00.250+05:30",
    )
    assert shown_day(out / "hours/index.html") == ("1 July 2024", "2024-06-30T23:30:00-02:00")
    updated = parse(out / "hours/index.html").css_first("span.updated time")
    assert (updated.text(), updated.attributes["datetime"]) == (
        "2 July 2024",
        "2024-07-02T10:00:00+02:00",
    )
    source = parse(out / "hours/index.html").css_first("section.references time")
    assert (source.text(), source.attributes["datetime"]) == (
        "31 January 2023",
        "2023-01-31T10:00:00+01:00",
    )


def test_the_home_page_orders_by_the_moment(dated: Path) -> None:
    titles = [a.text() for a in parse(dated / "public/index.html").css("article.card h2 a")]
    # 07:30Z, 02:30Z, 01:30Z, then the day's Berlin midnight (22:00Z on 30 June)
    assert titles == ["Local", "Fraction", "Hours", "Day", "Late", "Jekyll"]


def test_feeds_and_json_ld_carry_the_full_rfc_3339_time(dated: Path) -> None:
    out = dated / "public"
    assert feed_times(out / "feed.xml") == {
        "Local": ("2024-07-01T09:30:00+02:00", "2024-07-01T09:30:00+02:00"),
        "Fraction": ("2024-07-01T08:00:00.250000+05:30", "2024-07-01T08:00:00.250000+05:30"),
        "Hours": ("2024-06-30T23:30:00-02:00", "2024-07-02T10:00:00+02:00"),
        "Day": ("2024-07-01T00:00:00+02:00", "2024-07-01T00:00:00+02:00"),
        "Late": ("2024-01-15T23:30:00Z", "2024-01-15T23:30:00Z"),
        "Jekyll": ("2013-05-06T02:12:52+02:00", "2013-05-06T02:12:52+02:00"),
    }
    feed = ET.parse(out / "feed.xml").getroot()
    assert feed.find(f"{ATOM}updated").text == "2024-07-02T10:00:00+02:00"
    posting = json_ld(out / "hours/index.html")
    assert posting["BlogPosting"]["datePublished"] == "2024-06-30T23:30:00-02:00"
    assert posting["BlogPosting"]["dateModified"] == "2024-07-02T10:00:00+02:00"
    assert posting["MedicalWebPage"]["lastReviewed"] == "2024-07-01"
    assert posting["MedicalWebPage"]["citation"][0]["datePublished"] == "2023-01-31T10:00:00+01:00"
    assert json_ld(out / "day/index.html")["BlogPosting"]["datePublished"] == "2024-07-01"


def test_changing_the_time_zone_rebuilds_what_it_changes(dated: Path, run_cli) -> None:
    """The incremental cache parsed these dates in Berlin: in UTC they are other moments."""
    (dated / "site.yaml").write_text(SITE_YAML + "timezone: UTC\n" + REVIEWERS, encoding="utf-8")
    code, _, err = run_cli("build", "--site", dated, "--today", "2024-08-01")
    assert code == 0, err
    out = dated / "public"
    assert shown_day(out / "late/index.html") == ("15 January 2024", "2024-01-15T23:30:00Z")
    assert shown_day(out / "local/index.html") == ("1 July 2024", "2024-07-01T09:30:00Z")
    assert feed_times(out / "feed.xml")["Day"] == ("2024-07-01T00:00:00Z",) * 2
    assert json_ld(out / "local/index.html")["BlogPosting"]["datePublished"] == (
        "2024-07-01T09:30:00Z"
    )


def test_the_time_zone_is_checked(dated: Path, run_cli) -> None:
    (dated / "site.yaml").write_text(BERLIN.replace("Berlin", "Berln") + REVIEWERS)
    before = snapshot(dated / "public")
    code, _, err = run_cli("build", "--site", dated)
    assert code == 1 and "Traceback" not in err
    assert err.splitlines()[0].startswith(
        "error: site.yaml:5: unknown time zone 'Europe/Berln' (did you mean 'Europe/Berlin'"
    )
    assert snapshot(dated / "public") == before


BROKEN = {
    "form.md": "---\ntitle: Form\ndate: 06/05/2013\n---\n",
    "impossible.md": "---\ntitle: Impossible\ndate: 2013-02-29 10:00\n---\n",
    "offset.md": "---\ntitle: Offset\ndate: 2013-05-06 02:12:52 +2400\n---\n",
    "zone-name.md": "---\ntitle: Zone Name\ndate: 2013-05-06 02:12:52 CEST\n---\n",
    "updated.md": "---\ntitle: Updated\ndate: 2013-05-06\nupdated: 2013-05-06 25:00\n---\n",
    "review.md": (
        "---\ntitle: Review\ndate: 2013-05-06\nreviewed_by: example-reviewer\n"
        "reviewed_on: 2013-05-07 10:00\n---\n"
    ),
    "source.md": (
        "---\ntitle: Source\ndate: 2013-05-06\nreferences:\n"
        "  - title: S\n    url: https://example.org/s\n    date: May 2013\n---\n"
    ),
    # issue 18: these overflowed converting to UTC
    "last.md": "---\ntitle: Last\ndate: 9999-12-31T23:00:00-05:00\n---\n",
    "first.md": "---\ntitle: First\ndate: 0001-01-01T00:30:00+05:00\n---\n",
    "local.md": "---\ntitle: Local\ndate: 0001-01-01 00:30\n---\n",
    "next-review.md": (
        "---\ntitle: Next Review\ndate: 2013-05-06\nreviewed_by: example-reviewer\n"
        "reviewed_on: 9999-12-30\n---\n"
    ),
}


def test_the_broken_twin_fails_once_per_defect_at_its_line(site, run_cli) -> None:
    root = site(
        {**EVERY_FORM, **{f"x-{name}": text for name, text in BROKEN.items()}},
        site_yaml=BERLIN + REVIEWERS,
    )
    code, _, err = run_cli("build", "--site", root, "--today", "2024-08-01")
    assert code == 1 and "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error: content/")]
    by_file = {line.split(":")[1].strip(): line for line in errors}
    assert len(errors) == len(by_file) == len(BROKEN), err
    accepted = "— write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]] (T or a space"
    expected = {
        "content/x-form.md": "3: 'date' is not a valid date: '06/05/2013' (did you mean"
        " 2013-06-05 or 2013-05-06?) " + accepted,
        "content/x-impossible.md": (
            "3: 'date' is not a real date: '2013-02-29 10:00' (day is out of range for month) "
            + accepted
        ),
        "content/x-offset.md": "3: 'date' is not a real date: '2013-05-06 02:12:52 +2400'",
        "content/x-zone-name.md": "3: 'date' is not a valid date: '2013-05-06 02:12:52 CEST'",
        "content/x-updated.md": "4: 'updated' is not a real date: '2013-05-06 25:00'",
        "content/x-review.md": "5: 'reviewed_on' must be a day, not a time: 2013-05-07T10:00:00",
        "content/x-source.md": "7: 'references.date' is not a valid date: 'May 2013'",
        "content/x-last.md": (
            "3: 'date' 9999-12-31T23:00:00-05:00 is outside the calendar (years 1 to 9999)"
            " once converted to UTC or to the site's time zone (Europe/Berlin) — correct the year"
        ),
        "content/x-first.md": "3: 'date' 0001-01-01T00:30:00+05:00 is outside the calendar",
        "content/x-local.md": "3: 'date' 0001-01-01T00:30:00 is outside the calendar",
        "content/x-next-review.md": "5: 'reviewed_on' (9999-12-30) is in the future",
    }
    for name, message in expected.items():
        assert by_file[name].startswith(f"error: {name}:{message}"), by_file[name]


IN_WORDS = {
    "date.md": "---\ntitle: Date\ndate: November 1, 2026\n---\n",
    "day-first.md": "---\ntitle: Day First\ndate: 1 November 2026\n---\n",
    "updated.md": "---\ntitle: Updated\ndate: 2026-11-01\nupdated: Dec. 3rd, 2026\n---\n",
    "expires.md": "---\ntitle: Expires\ndate: 2026-11-01\nexpires: 5 January 2030\n---\n",
    "review.md": (
        "---\ntitle: Review\ndate: 2026-11-01\nreviewed_by: example-reviewer\n"
        "reviewed_on: 2nd of November, 2026\n---\n"
    ),
    "source.md": (
        "---\ntitle: Source\ndate: 2026-11-01\nreferences:\n"
        "  - title: S\n    url: https://example.org/s\n    date: Sept 9, 2019\n---\n"
    ),
    "no-such-day.md": "---\ntitle: No Such Day\ndate: February 30, 2026\n---\n",
    "no-day.md": "---\ntitle: No Day\ndate: November 2026\n---\n",
    "wrong-weekday.md": "---\ntitle: Wrong Weekday\ndate: Monday, November 1, 2026\n---\n",
}


def test_a_day_in_words_is_an_error_offering_the_line_to_write(site, run_cli) -> None:
    """Every date-typed key (date, updated, expires, reviewed_on, a reference's date)
    written with an English month's name: the error at its line says the form and gives
    the line to write; words that name no one real day keep the message of any bad date,
    and a weekday that is not the day's is named beside the day's own."""
    root = site(
        {f"x-{name}": text for name, text in IN_WORDS.items()}, site_yaml=SITE_YAML + REVIEWERS
    )
    code, _, err = run_cli("build", "--site", root, "--today", "2026-12-06")
    assert code == 1 and "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("error: content/")]
    by_file = {line.split(":")[1].strip(): line for line in errors}
    assert len(errors) == len(by_file) == len(IN_WORDS), err
    words = "must be written YYYY-MM-DD, not in words:"
    assert by_file == {
        f"content/x-{name}": f"error: content/x-{name}:{message}"
        for name, message in {
            "date.md": f"3: 'date' {words} 'November 1, 2026' — write date: 2026-11-01",
            "day-first.md": f"3: 'date' {words} '1 November 2026' — write date: 2026-11-01",
            "updated.md": f"4: 'updated' {words} 'Dec. 3rd, 2026' — write updated: 2026-12-03",
            "expires.md": f"4: 'expires' {words} '5 January 2030' — write expires: 2030-01-05",
            "review.md": (
                f"5: 'reviewed_on' {words} '2nd of November, 2026' — write reviewed_on: 2026-11-02"
            ),
            "source.md": (
                f"7: 'references.date' {words} 'Sept 9, 2019' — give the year alone (e.g."
                " 2023), or write date: 2019-09-09"
            ),
            "no-such-day.md": f"3: 'date' is not a valid date: 'February 30, 2026' — {FORMS}",
            "no-day.md": f"3: 'date' is not a valid date: 'November 2026' — {FORMS}",
            "wrong-weekday.md": (
                "3: 'date' names a Monday, but 2026-11-01 is a Sunday: 'Monday, November 1,"
                " 2026' — write the day meant as YYYY-MM-DD (date: 2026-11-01 if the Sunday is)"
            ),
        }.items()
    }


def test_the_archive_files_an_article_under_the_year_its_readers_see(site, run_cli) -> None:
    """23:30 UTC on New Year's Eve is 1 January in Tokyo: the page shows 1 January 2025, so
    the archive lists it under 2025, not under 2024 with a 2025 date beside it."""
    root = site(
        {
            "eve.md": article("Eve", date="2024-12-31T23:30:00Z"),
            "day.md": article("Day", date="2024-06-01"),
        },
        site_yaml=SITE_YAML + "timezone: Asia/Tokyo\n",
    )
    assert run_cli("build", "--site", root, "--quiet")[0] == 0
    assert shown_day(root / "public/eve/index.html")[0] == "1 January 2025"
    archive = parse(root / "public/archive/index.html")
    years = [
        (s.css_first("h2").text(), [a.text() for a in s.css("a")])
        for s in archive.css("main section")
    ]
    assert years == [("2025", ["Eve"]), ("2024", ["Day"])]
