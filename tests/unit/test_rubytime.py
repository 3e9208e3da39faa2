"""Jekyll header dates that only Ruby's ``Time.parse`` reads: a zone's name, a day in words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from articlegen.authoring.jekyll import read_jekyll
from tests.conftest import write_tree

BERLIN = 'timezone: "Europe/Berlin"'


def _zone(hours: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


def _post(tmp_path: Path, config: str, date: str):
    post = f"---\ntitle: Old\ndate: {date}\n---\nText.\n"
    write_tree(
        tmp_path, f"-- _config.yml --\n{config}\n-- _posts/2019-05-14-old-post.md --\n{post}"
    )
    (read,) = read_jekyll(tmp_path).posts
    return read.article


@pytest.mark.parametrize(
    ("config", "written", "date"),
    [
        ("", "2019-03-04 10:00:00 EST", dt.datetime(2019, 3, 4, 10, tzinfo=_zone(-5))),
        ("", "2019-03-04 10:00:00 utc", dt.datetime(2019, 3, 4, 10, tzinfo=dt.UTC)),
        ("", "2019-07-04 10:00 PDT", dt.datetime(2019, 7, 4, 10, tzinfo=_zone(-7))),
        ("", "2019-03-04 10:00:00 -0500 EST", dt.datetime(2019, 3, 4, 10, tzinfo=_zone(-5))),
        (BERLIN, "2019-03-04 10:00:00 CET", dt.datetime(2019, 3, 4, 10, tzinfo=_zone(1))),
        (BERLIN, "2019-07-04 10:00:00 CEST", dt.datetime(2019, 7, 4, 10, tzinfo=_zone(2))),
        ("", "March 4, 2019", dt.date(2019, 3, 4)),
        ("", "4 March 2019", dt.date(2019, 3, 4)),
        ("", "Monday, Mar 4 2019 10:30 pm GMT", dt.datetime(2019, 3, 4, 22, 30, tzinfo=dt.UTC)),
        (BERLIN, "March 4, 2019 12:15 am", dt.datetime(2019, 3, 4, 0, 15, tzinfo=_zone(1))),
    ],
)
def test_a_date_time_parse_reads_is_read_as_jekyll_reads_it(
    tmp_path: Path, config: str, written: str, date: dt.date
) -> None:
    article = _post(tmp_path, config, written)
    assert article.date == date
    assert type(article.date) is type(date)
    assert article.notes == ()
    assert article.aliases == (f"/{date:%Y/%m/%d}/old-post.html",)  # the address uses it


def test_a_zone_name_jekyll_ignores_is_the_sites_zone_with_a_note(tmp_path: Path) -> None:
    article = _post(tmp_path, BERLIN, "2019-03-04 10:00:00 NZDT")
    assert article.date == dt.datetime(2019, 3, 4, 10, tzinfo=_zone(1))
    (note,) = article.notes
    assert "'2019-03-04 10:00:00 NZDT'" in note
    assert "time zone 'NZDT'" in note
    assert "(Europe/Berlin)" in note


def test_a_date_nothing_reads_gives_the_file_names_day_and_says_so(tmp_path: Path) -> None:
    article = _post(tmp_path, "", "the fourth of March")
    assert article.date == dt.date(2019, 5, 14)
    (note,) = article.notes
    assert "'the fourth of March'" in note
    assert "2019-05-14, is its date" in note
    assert "YYYY-MM-DD HH:MM:SS +HHMM" in note
