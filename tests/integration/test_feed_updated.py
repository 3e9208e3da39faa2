"""Every feed's ``<updated>`` is a date some article or the build has, never 1970: a feed
with no entries (a tag only drafts or scheduled articles have, in a ``--drafts`` or
``--future`` build and the preview; a site with no article yet) says when the articles its
page shows changed, else when the site feed's did, else the build's day."""

from __future__ import annotations

import datetime as dt
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from articlegen.build import build_site, build_with_saved_cache
from articlegen.core.model import BuildOptions
from articlegen.core.urls import tag_feed_url
from articlegen.incremental.cache import BuildCache
from articlegen.serve.preview import Preview
from tests.conftest import article
from tests.helpers import snapshot
from tests.serving import fetch

ATOM = "{http://www.w3.org/2005/Atom}"
UNDATED = "---\ntitle: Undated Draft\ndraft: true\ntags: [someday]\n---\n\nText.\n"
ARTICLES = {
    "sleep.md": article("Sleep", "Sleep.", date="2024-01-01", tags="[sleep]"),
    "zinc.md": article("Zinc", "Zinc.", date="2024-06-01", tags="[secret]", draft="true"),
    "tin.md": article("Tin", "Tin.", date="2024-03-01", updated="2024-07-02", tags="[secret]",
                      draft="true"),
    "undated.md": UNDATED,
    "later.md": article("Later", "Later.", date="2031-05-01T08:00:00Z", tags="[coming]"),
}  # fmt: skip
TODAY = dt.date(2025, 3, 4)


def feed_dates(data: bytes) -> tuple[str, list[str]]:
    """A feed's own ``<updated>`` and its entries' links."""
    root = ET.fromstring(data)
    links = [e.find(f"{ATOM}link").get("href", "") for e in root.iter(f"{ATOM}entry")]
    return root.findtext(f"{ATOM}updated") or "", links


def updated_of(public: Path) -> dict[str, tuple[str, list[str]]]:
    """Every feed of a built site, by output path."""
    return {
        path.relative_to(public).as_posix(): feed_dates(path.read_bytes())
        for path in public.rglob("feed.xml")
    }


def test_an_empty_feed_gives_its_page_s_newest_date_else_the_site_feed_s(site) -> None:
    root = site(ARTICLES)
    build_site(root, BuildOptions(drafts=True, future=True, today=TODAY, jobs=1))
    assert updated_of(root / "public") == {
        "feed.xml": ("2024-01-01T00:00:00Z", ["https://example.test/sleep/"]),
        tag_feed_url("sleep"): ("2024-01-01T00:00:00Z", ["https://example.test/sleep/"]),
        # drafts only: the newest date the tag's page shows (Tin's update)
        tag_feed_url("secret"): ("2024-07-02T00:00:00Z", []),
        # a scheduled article only: its date, as its page shows it
        tag_feed_url("coming"): ("2031-05-01T08:00:00Z", []),
        # an undated draft only: the site feed's date
        tag_feed_url("someday"): ("2024-01-01T00:00:00Z", []),
    }


def test_a_site_with_no_dated_article_gives_the_build_s_day(site) -> None:
    root = site({"undated.md": UNDATED})
    build_site(root, BuildOptions(drafts=True, today=TODAY, jobs=1))
    assert updated_of(root / "public") == {
        "feed.xml": ("2025-03-04T00:00:00Z", []),
        tag_feed_url("someday"): ("2025-03-04T00:00:00Z", []),
    }
    shutil.rmtree(root / "public")
    build_site(root, BuildOptions(today=TODAY, jobs=1))  # the draft left out: no article
    assert updated_of(root / "public") == {"feed.xml": ("2025-03-04T00:00:00Z", [])}


def test_an_empty_feed_follows_the_site_feed_in_incremental_builds(site, tmp_path) -> None:
    """The empty feed's date comes from an article it does not list: a rebuild that plans
    only the pages an edit reaches (the CLI's plan record, the preview's memory) plans it
    too, so each output is a clean build's."""
    root = site(ARTICLES)
    public, kept, clean = root / "public", tmp_path / "kept", tmp_path / "clean"
    memory = BuildCache()
    options = BuildOptions(drafts=True, today=TODAY, jobs=1)

    def build() -> None:
        build_with_saved_cache(root, options)
        build_site(root, BuildOptions(drafts=True, today=TODAY, jobs=1, output=kept), cache=memory)
        shutil.rmtree(clean, ignore_errors=True)
        build_site(root, BuildOptions(drafts=True, today=TODAY, jobs=1, output=clean))
        assert snapshot(public) == snapshot(clean) == snapshot(kept)

    build()
    sleep = root / "content/sleep.md"
    sleep.write_text(article("Sleep", "Sleep.", date="2024-01-01", updated="2024-02-03",
                             tags="[sleep]"), encoding="utf-8")  # fmt: skip
    build()
    assert updated_of(public)[tag_feed_url("someday")] == ("2024-02-03T00:00:00Z", [])


def test_the_preview_serves_the_empty_feed_with_its_page_s_date(site) -> None:
    root = site(ARTICLES)
    with Preview(root, port=0, log=lambda line: None) as running:
        served = fetch(running.url, "/" + tag_feed_url("secret"))
        assert served.status == 200
        assert feed_dates(served.body) == ("2024-07-02T00:00:00Z", [])
