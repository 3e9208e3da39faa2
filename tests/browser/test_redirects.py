"""A moved article in a real browser: its old address lands the reader on its new page."""

from __future__ import annotations

from pathlib import Path

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.browser.conftest import Reader
from tests.conftest import SITE_YAML


def test_the_old_address_of_a_renamed_article_redirects(
    reader: Reader, tmp_path: Path, serve
) -> None:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (root / "content" / "post.md").write_text(
        '---\ntitle: "Sleep and Recovery"\nslug: sleep-and-recovery\ndate: 2024-01-01\n'
        "aliases:\n  - /2019/05/sleep/\n  - /sleep.html\n---\nRest well.\n",
        encoding="utf-8",
    )
    output = root / "public"
    output.mkdir()
    base = serve(output)  # the host's address is the site's: the redirect is absolute
    build_site(root, BuildOptions(base_url=base))
    for old in ("2019/05/sleep/", "sleep.html"):
        reader.page.goto(base + old)
        reader.page.wait_for_url(base + "sleep-and-recovery/")
        assert reader.page.locator("h1").inner_text() == "Sleep and Recovery"
    assert reader.external == []
