"""The preview follows the clock: when a scheduled article's moment or an article's
``expires:`` comes, the same sources make another site, and the preview rebuilds by itself
to serve it, as a build at that moment makes it (no save comes to rebuild it)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.serve.preview import Preview, describe
from articlegen.serve.watch import Change, ChangeKind
from tests.conftest import article
from tests.serving import fetch, wait_until


def moment(seconds: float) -> str:
    """A front-matter time ``seconds`` from now, to the second."""
    return f"{dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds):%Y-%m-%d %H:%M:%S +0000}"


def clean_build(preview: Preview) -> dict[str, bytes]:
    options = BuildOptions(
        drafts=True, future=True, write=False, base_url=preview.url, preview=True
    )
    result = build_site(preview.root, options)
    return {page.out_path: page.data for page in result.pages if page.data is not None}


def test_an_article_publishing_and_one_expiring_rebuild_the_preview(site) -> None:
    root: Path = site(
        {
            "coming.md": article("Coming Soon", "Soon.", date=f'"{moment(3)}"'),
            "offer.md": article("Old Offer", "Until soon.", expires=f'"{moment(4)}"'),
            "walk.md": article("Walking", "Walk daily."),
        }
    )
    logged: list[str] = []
    with Preview(root, port=0, log=logged.append, quiet=0.05) as preview:
        coming = fetch(preview.url, "/coming/").html()
        assert "scheduled for" in coming.css_first("main").text()
        assert fetch(preview.url, "/offer/").status == 200
        wait_until(lambda: "offer/index.html" not in preview.live.snapshot.pages, timeout=15)
        assert dict(preview.live.snapshot.pages) == clean_build(preview)
        assert "scheduled for" not in fetch(preview.url, "/coming/").html().css_first("main").text()
        assert fetch(preview.url, "/offer/").status == 404
    assert any(line.endswith("an article's publication or expiry time came") for line in logged)


def test_the_clock_is_described_as_such_beside_files() -> None:
    clock = Change(ChangeKind.CLOCK, "")
    assert describe(frozenset({clock})) == "an article's publication or expiry time came"
    both = frozenset({clock, Change(ChangeKind.CONTENT, "content/a.md")})
    assert describe(both) == "content/a.md changed"
