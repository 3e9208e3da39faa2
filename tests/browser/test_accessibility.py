"""axe-core, injected into every page of the built sites, in light and dark colour schemes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from articlegen.core.programs import find_pagefind
from tests.browser.conftest import axe_violations, need, new_reader, visit_every_page

SCHEMES = ("light", "dark")


@pytest.fixture(params=SCHEMES)
def scheme_page(request: pytest.FixtureRequest, browser) -> Iterator[Any]:
    """A phone-sized page that prefers the light or the dark colour scheme."""
    with new_reader(browser, color_scheme=request.param) as reader:
        yield reader.page


@pytest.mark.parametrize("blog", ["real_blog", "fixture_blog"])
def test_no_serious_or_critical_violation_on_any_page(
    scheme_page: Any, blog: str, request: pytest.FixtureRequest, serve
) -> None:
    folder = request.getfixturevalue(blog)
    found = []
    for path in visit_every_page(scheme_page, folder, serve(folder)):
        found += [f"{path}: {line}" for line in axe_violations(scheme_page)]
    assert found == []


def test_search_results_and_loaded_video_have_no_violation(
    scheme_page: Any, real_blog: Path, fixture_blog: Path, serve
) -> None:
    need(
        find_pagefind() is not None,
        "Pagefind is not installed: pip install -e '.[dev]'",
    )
    scheme_page.goto(serve(real_blog) + "search/?q=NMDA")
    scheme_page.locator(".search-results a").first.wait_for()
    assert axe_violations(scheme_page) == []

    scheme_page.goto(serve(fixture_blog) + "hydration-basics/")
    scheme_page.get_by_role("link", name="A placeholder video").click()
    scheme_page.locator("figure.video iframe").wait_for(state="attached")
    assert axe_violations(scheme_page) == []
