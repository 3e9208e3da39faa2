"""The See Also index of a site past 200 articles, as a reader on a phone goes through it: from
``/see-also/`` to a letter's page and on to its next page, each page light enough and as
accessible as the rest."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.render.seealsoindex import ONE_PAGE_AT_MOST
from tests.browser.conftest import Reader, axe_violations
from tests.conftest import SITE_YAML
from tests.integration.test_see_also_index import large_site


@pytest.fixture(scope="module")
def split_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("split-index")
    (root / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    for name, text in large_site(ONE_PAGE_AT_MOST + 30).items():
        (root / "content").mkdir(exist_ok=True)
        (root / "content" / name).write_text(text, encoding="utf-8")
    output = root / "public"
    build_site(root, BuildOptions(output=output))
    return output


def test_a_reader_goes_from_the_initials_to_a_letter_and_its_next_page(
    reader: Reader, split_index: Path, serve
) -> None:
    page = reader.page
    page.goto(serve(split_index) + "see-also/")
    page.get_by_role("navigation", name="Initials").get_by_role("link", name="S").click()
    page.wait_for_url("**/see-also/s/")
    assert page.locator("h1").inner_text() == "See Also index: S"
    current = page.locator(".index-jump a[aria-current=page]")
    assert current.all_inner_texts() == ["S"]
    assert page.locator("li#entry-s-000 .links-in a").all_inner_texts() == [
        f"A Topic {n}" for n in range(5)
    ]
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url("**/see-also/s/page/2/")
    assert page.locator("ul.link-index > li").count() > 0
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"]
    assert axe_violations(page) == []
    page.get_by_role("link", name="← Previous").click()
    page.wait_for_url("**/see-also/s/")
