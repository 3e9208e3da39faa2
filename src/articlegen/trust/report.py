"""The editorial report: one row per article (who wrote and reviewed it, how long ago,
its sources and cross-links, whether its review is due, and whether it is published or
scheduled, or has expired), as a table, CSV or JSON."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..core.model import NO_CREDITS, REPORT_FORMATS, Site
from .editorial import POLICY, review_status


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One article in the report; field order is column order."""

    slug: str
    """The article."""
    title: str
    """Its title."""
    author: str | None
    """Author's name."""
    reviewer: str | None
    """Medical reviewer's name; None when unreviewed."""
    reviewed_on: str | None
    """Day of the review, YYYY-MM-DD."""
    days_since_review: int | None
    """Days from the review to the report's "today"; None for a review dated after it."""
    references: int
    """Number of sources."""
    see_also_in: int
    """Articles whose See Also lists this one."""
    see_also_out: int
    """Entries in this article's See Also."""
    status: str
    """``ok``, ``review due``, ``unreviewed``, ``reviewed later`` (dated after "today"), or
    ``policy`` for the editorial policy page."""
    publication: str
    """``published``, ``draft``, or when it publishes or expired (``scheduled for …``)."""
    disclaimer: str | None
    """Which medical disclaimer its page shows: ``own`` (its header's text), ``site`` (the
    site's), ``off`` (``disclaimer: false``); None when neither it nor the site has one. An
    editor checking that every article carries one sees the opted-out ones here, as the
    pages show no box for them to notice."""


COLUMNS = tuple(f.name for f in dataclasses.fields(ReportRow))


def report_rows(site: Site, today: dt.date) -> list[ReportRow]:
    """Every article of ``site`` in site order, reviews judged against ``today``."""
    incoming: dict[str, int] = {}
    for links in site.graph.see_also.values():
        for link in links:
            if link.slug is not None:
                incoming[link.slug] = incoming.get(link.slug, 0) + 1
    rows = []
    for article in site.articles:
        credits = site.credits.get(article.slug, NO_CREDITS)
        reviewed = credits.reviewed_on if credits.reviewer is not None else None
        rows.append(
            ReportRow(
                slug=article.slug,
                title=article.meta.title,
                author=credits.author.name if credits.author else None,
                reviewer=credits.reviewer.name if credits.reviewer else None,
                reviewed_on=reviewed.isoformat() if reviewed else None,
                days_since_review=(today - reviewed).days
                if reviewed and reviewed <= today
                else None,
                references=len(article.meta.references),
                see_also_in=incoming.get(article.slug, 0),
                see_also_out=len(site.graph.see_also.get(article.slug, ())),
                status=POLICY
                if article.slug == site.policy_slug
                else review_status(credits, today),
                publication=site.withheld.get(article.slug)
                or ("draft" if article.meta.draft else "published"),
                disclaimer=_disclaimer(article.meta.disclaimer, site.config.disclaimer),
            )
        )
    return rows


def _disclaimer(own: str | Literal[False] | None, sites: str) -> str | None:
    if own is False:
        return "off"
    if own:
        return "own"
    return "site" if sites else None


def format_report(rows: Sequence[ReportRow], fmt: str = "table") -> str:
    """``rows`` as an aligned text table, CSV (with a header row) or a JSON list of objects."""
    if fmt == "json":
        return (
            json.dumps([dataclasses.asdict(r) for r in rows], indent=2, ensure_ascii=False) + "\n"
        )
    cells = [[_cell(getattr(r, c)) for c in COLUMNS] for r in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(cells)
        return out.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(REPORT_FORMATS)}")
    header = [c.replace("_", " ") for c in COLUMNS]
    table = [header, *[[cell or "-" for cell in row] for row in cells]]
    widths = [max(len(row[i]) for row in table) for i in range(len(COLUMNS))]
    return "".join(
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n"
        for row in table
    )


def _cell(value: object) -> str:
    return "" if value is None else str(value)
