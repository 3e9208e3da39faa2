"""Issue 18, point 10: dates at the edges of the calendar were an OverflowError (converting
to UTC); now each is a placed error, exit 1, no traceback, the previous output untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.test_bad_input import built, rebuild_fails, write

__all__ = ["built"]  # the fixture, imported for this module's tests


@pytest.mark.parametrize(
    ("key", "value", "site_yaml"),
    [
        ("date", "9999-12-31T23:00:00-05:00", ""),
        ("date", "0001-01-01T00:30:00+05:00", ""),
        ("date", "'9999-12-31 23:59:59.999999 -23:59'", ""),
        ("date", "0001-01-01", "timezone: Asia/Tokyo\n"),  # its midnight is year 0 in UTC
        ("date", "0001-01-01 08:30", "timezone: Asia/Tokyo\n"),  # 23:30 in year 0, in UTC
        ("date", "9999-12-31 23:30", "timezone: America/New_York\n"),
        ("updated", "9999-12-31T23:00:00-05:00", ""),
    ],
)
def test_a_date_outside_the_calendar_is_a_placed_error(
    built: Path, run_cli, key: str, value: str, site_yaml: str
) -> None:
    if site_yaml:
        (built / "site.yaml").write_text((built / "site.yaml").read_text() + site_yaml)
    fields = "".join(f"{k}: {v}\n" for k, v in {"date": "2024-01-01", key: value}.items())
    write(built, "c.md", f"---\ntitle: C\n{fields}---\n")
    err = rebuild_fails(built, run_cli)
    line = 3 if key == "date" else 4
    assert err.startswith(f"error: content/c.md:{line}: '{key}' "), err
    assert "is outside the calendar (years 1 to 9999)" in err.splitlines()[0]


def test_a_reference_dated_outside_the_calendar_is_a_placed_error(built: Path, run_cli) -> None:
    write(
        built,
        "c.md",
        "---\ntitle: C\ndate: 2024-01-01\nreferences:\n"
        "  - {title: S, url: 'https://example.org/', date: 0001-01-01T00:00:00+00:01}\n---\n",
    )
    err = rebuild_fails(built, run_cli)
    assert err.startswith("error: content/c.md:5: 'references.date' 0001-01-01T00:00:00+00:01")
