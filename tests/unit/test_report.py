from __future__ import annotations

import csv
import io
import json

import pytest

from articlegen.trust.report import COLUMNS, ReportRow, format_report

ROWS = [
    ReportRow("a", 'Sleep, "rest" and mood', "Example Author", "Example Reviewer", "2024-02-01",
              121, 3, 1, 2, "ok", "published", "off"),
    ReportRow("b", "Bee", None, None, None, None, 0, 0, 0, "unreviewed",
              "scheduled for 2027-01-05", None),
]  # fmt: skip


def test_json_keeps_types_and_nulls() -> None:
    data = json.loads(format_report(ROWS, "json"))
    assert list(data[0]) == list(COLUMNS)
    assert data[0]["days_since_review"] == 121 and data[0]["title"] == 'Sleep, "rest" and mood'
    assert data[1]["reviewer"] is None and data[1]["days_since_review"] is None


def test_csv_quotes_what_needs_quoting() -> None:
    text = format_report(ROWS, "csv")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert text.splitlines()[1].startswith('a,"Sleep, ""rest"" and mood",Example Author,')
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[2] == ["b", "Bee", "", "", "", "", "0", "0", "0", "unreviewed",
                       "scheduled for 2027-01-05", ""]  # fmt: skip


def test_table_aligns_columns_and_marks_blanks() -> None:
    lines = format_report(ROWS, "table").splitlines()
    assert lines[0].startswith("slug  title")
    starts = [lines[0].index(name) for name in ("reviewer", "status", "publication")]
    publication = [line[starts[2] :].split("  ")[0] for line in lines[1:]]
    assert [line[starts[0] :].split("  ")[0] for line in lines[1:]] == ["Example Reviewer", "-"]
    assert [line[starts[1] :].split("  ")[0] for line in lines[1:]] == ["ok", "unreviewed"]
    assert publication == ["published", "scheduled for 2027-01-05"]
    assert [line.rsplit(" ", 1)[1] for line in lines] == ["disclaimer", "off", "-"]
    assert all(line == line.rstrip() for line in lines)


def test_empty_report_and_unknown_format() -> None:
    assert format_report([], "json") == "[]\n"
    assert format_report([], "csv") == ",".join(COLUMNS) + "\n"
    with pytest.raises(ValueError, match="unknown report format 'xml'"):
        format_report(ROWS, "xml")
