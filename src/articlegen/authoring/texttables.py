"""Tables in pasted text: a browser copies an HTML table as one line per row, its cells
apart by tabs, so consecutive lines with the same number of tab-separated cells are read
back as a Markdown table (its first row the header) rather than as headings or paragraphs.

A single tabbed line is no table: its tabs are spaces, as everywhere else in pasted text.
"""

from __future__ import annotations

from .mdtext import escape_markdown, table

TABLE_NOTE = (
    "lines of tab-separated columns became a Markdown table, its first row the header: "
    "check its header and cells"
)


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
    while end < len(lines) and lines[end].strip() and len(cells(lines[end])) == width:
        end += 1
    return [cells(line) for line in lines[start:end]] if end - start >= 2 else []


def markdown_table(rows: list[list[str]]) -> str:
    """The rows as a pipe table, each cell's text escaped (a ``|`` in a cell too)."""
    return table([[escape_markdown(cell, autolink=True) for cell in row] for row in rows])
