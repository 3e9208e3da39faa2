"""Tables in pasted text: a browser copies an HTML table as one line per row, its cells
apart by tabs, so consecutive lines with the same number of tab-separated cells are read
back as a Markdown table (its first row the header) rather than as headings or paragraphs.

A single tabbed line is no table: its tabs are spaces, as everywhere else in pasted text.
Nor is a line whose first cell is a list marker (``1.\tTake the tablet.``, ``•\tFever``): Word
copies a list so, a tab after each item's marker. Rows whose first cells all end in a colon
(``Name:\tPlaceholder Patient``) are labels and their values, not a table with a header:
each becomes a paragraph with its label in bold.
"""

from __future__ import annotations

import re

from .mdtext import escape_markdown, table

TABLE_NOTE = (
    "lines of tab-separated columns became a Markdown table, its first row the header: "
    "check its header and cells"
)

_LIST_MARKER = re.compile(r"(?:\d{1,3}|[a-z]|[ivx]{2,4})[.)]|[•◦▪▫‣⁃○●■□►▸➢*+\-–]", re.IGNORECASE)


def cells(line: str) -> list[str]:
    """The tab-separated cells of ``line`` (one cell where it holds no tab)."""
    return [cell.strip() for cell in line.strip().split("\t")]


def table_rows(lines: list[str], start: int) -> list[list[str]]:
    """The rows of the table starting at ``lines[start]``: it and the lines right after it
    with the same number (at least 2) of cells; empty where fewer than two lines do."""
    width = len(cells(lines[start]))
    if width < 2:
        return []
    end = start
    while end < len(lines) and _is_row(lines[end], width):
        end += 1
    return [cells(line) for line in lines[start:end]] if end - start >= 2 else []


def markdown_table(rows: list[list[str]]) -> str:
    """The rows as a pipe table, each cell's text escaped (a ``|`` in a cell too); labelled
    rows as ``**Name:** value`` paragraphs."""
    if is_labelled(rows):
        return "\n\n".join(
            f"**{escape_markdown(label, autolink=True)}** "
            + escape_markdown(" ".join(values), autolink=True)
            for label, *values in rows
        )
    return table([[escape_markdown(cell, autolink=True) for cell in row] for row in rows])


def is_labelled(rows: list[list[str]]) -> bool:
    """Whether every row's first cell is a label (ends in a colon), so no row is a header."""
    return all(row[0].endswith(":") and len(row[0]) > 1 for row in rows)


def _is_row(line: str, width: int) -> bool:
    """Whether ``line`` is a row of ``width`` cells, not a list item copied with a tab."""
    row = cells(line) if line.strip() else []
    return len(row) == width and _LIST_MARKER.fullmatch(row[0]) is None
