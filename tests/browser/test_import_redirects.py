"""An imported blog in a real browser: each post's old address lands on its new page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from articlegen.authoring.importer import ImportOptions, import_sources
from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.browser.conftest import Reader
from tests.conftest import SITE_YAML

BLOGS = Path(__file__).parents[1] / "fixtures" / "blogs"


def test_old_addresses_of_imported_posts_redirect(reader: Reader, tmp_path: Path, serve) -> None:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    sources = [BLOGS / "wordpress" / "export.xml", BLOGS / "jekyll", BLOGS / "hugo"]
    import_sources(root, sources, today=dt.date(2024, 1, 1), options=ImportOptions())
    output = root / "public"
    output.mkdir()
    base = serve(output)
    build_site(root, BuildOptions(base_url=base))
    for old, new, title in [
        ("2019/05/14/morning-walks/", "morning-walks/", "Morning Walks and Blood Pressure"),
        ("fitness/2019/05/morning-walks/", "morning-walks-2/", "Morning Walks and Blood Pressure"),
        ("walking/", "morning-walks-2/", "Morning Walks and Blood Pressure"),
        ("2020/01/sleep-recovery/", "sleep-recovery/", "Sleep and Recovery"),
    ]:
        reader.page.goto(base + old)
        reader.page.wait_for_url(base + new)
        assert reader.page.locator("h1").inner_text() == title
    # the one image the export has only on the web (import lists it for the author to fetch)
    assert reader.external == ["https://old.example.org/wp-content/uploads/2019/05/walk.png"]
