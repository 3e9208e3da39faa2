"""The index made shard by shard finds and ranks what one Pagefind run over the same pages
does, queried in Chromium through Pagefind's own script."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.core.programs import find_pagefind
from articlegen.output import searchpages
from articlegen.output.pagefindindex import SIGNATURE
from articlegen.output.pagefindrun import run_pagefind
from bench.corpus import generate
from tests.browser.conftest import need
from tests.helpers import pagefind_cbor

QUERIES = [
    "testosterone", "sleep", "heart disease", "vitamin d deficiency", "exercise", "prostate",
    "blood pressure medication", "stress", "diet", "depression", "alcohol", "running",
    "walk", "sleep apnea", "weight loss", "morning routine", "cholesterol", "zzzyx",
]  # fmt: skip
ARTICLES = 150
"""Enough pages for term statistics to differ between shards."""

SEARCH = """async ([bundle, query]) => {
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.options({ baseUrl: "/" });
  const search = await pagefind.search(query);
  const pages = await Promise.all(search.results.map((r) => r.data()));
  return search.results.map((r, i) => [pages[i].url, r.score]);
}"""


@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bench corpus built in 8 shards, with two single-run indexes of the same pages
    beside the merged one: in the merged index's page order, and in path order."""
    pagefind = find_pagefind()
    need(pagefind is not None, "Pagefind is not installed: pip install -e '.[dev]'")
    assert pagefind is not None
    root = tmp_path_factory.mktemp("ranking") / "site"
    generate(ARTICLES, root)
    (root / "site.yaml").write_text(
        (root / "site.yaml").read_text().replace("search: false", "search: true")
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(searchpages, "PAGES_PER_SHARD", 20)
        build_site(root, BuildOptions())
    public = root / "public"
    order = [_page_path(public, name) for name in _merged_pages(public / "pagefind")]
    assert len(order) == ARTICLES and order != sorted(order, key=lambda p: p.split("/"))
    for folder, pages in (
        ("same-order", order),
        ("path-order", sorted(order, key=lambda p: p.split("/"))),
    ):
        for relative, data in run_pagefind(pagefind, public, pages).items():
            target = public / folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return public


def _merged_pages(index: Path) -> list[str]:
    """The fragment names of the merged index's pages, in its order."""
    entry = json.loads((index / "pagefind-entry.json").read_text())
    ((_, about),) = entry["languages"].items()
    meta = pagefind_cbor((index / f"pagefind.{about['hash']}.pf_meta").read_bytes())
    return [name for name, _ in meta[1]]


def _page_path(public: Path, fragment: str) -> str:
    data = (public / "pagefind" / "fragment" / f"{fragment}.pf_fragment").read_bytes()
    url = json.loads(gzip.decompress(data)[len(SIGNATURE) :])["url"]
    return url.strip("/") + "/index.html"


def test_the_merged_index_finds_and_ranks_as_one_run_over_the_same_pages(
    sharded_site: Path, serve, page
) -> None:
    base = serve(sharded_site)
    page.goto(base + "search/")
    for query in QUERIES:
        merged = page.evaluate(SEARCH, [base + "pagefind/", query])
        single = page.evaluate(SEARCH, [base + "same-order/", query])
        assert merged == single, query
    found = [page.evaluate(SEARCH, [base + "pagefind/", q]) for q in QUERIES]
    assert sum(1 for results in found if len(results) > 1) >= len(QUERIES) // 2
    assert found[-1] == []  # a word no article has


def test_in_path_order_one_run_gives_the_same_scores_only_ties_in_another_order(
    sharded_site: Path, serve, page
) -> None:
    base = serve(sharded_site)
    page.goto(base + "search/")
    for query in QUERIES:
        merged = page.evaluate(SEARCH, [base + "pagefind/", query])
        single = page.evaluate(SEARCH, [base + "path-order/", query])
        # Pagefind sums in float32, so another page order may move the last digits
        close = pytest.approx([score for _, score in single], rel=1e-6)
        assert [score for _, score in merged] == close, query
        assert _scores(merged) == pytest.approx(_scores(single), rel=1e-6), query


def _scores(results: list[list[object]]) -> dict[object, object]:
    """Each result's score by its URL: the same pages, each ranked alike, so that only
    pages of (nearly) equal score can change places."""
    scores = dict((url, score) for url, score in results)
    assert len(scores) == len(results)
    return scores
