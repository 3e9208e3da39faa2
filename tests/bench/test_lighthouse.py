"""bench/lighthouse.py: its arithmetic, the static host it measures, and one real run."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

import pytest

from bench import lighthouse
from tests.browser.conftest import CHROMIUM, need
from tests.published import CACHE_CONTROL, static_host


def report(**scores: float | None) -> dict:
    return {"categories": {name: {"score": score} for name, score in scores.items()}}


def test_scores_are_out_of_100_and_an_errored_category_counts_zero() -> None:
    scores = lighthouse.category_scores(
        report(**{"performance": 0.985, "accessibility": 1, "best-practices": None, "seo": 0.92})
    )
    assert scores == {"performance": 98, "accessibility": 100, "best-practices": 0, "seo": 92}


def test_median_of_runs_and_the_table() -> None:
    runs = [dict.fromkeys(lighthouse.TARGETS, s) for s in (90, 100, 97)]
    assert lighthouse.median_scores(runs) == dict.fromkeys(lighthouse.TARGETS, 97)
    table = lighthouse.format_table({"": runs[1], "a/": runs[0]}).splitlines()
    assert table[0].split() == ["page", *lighthouse.TARGETS]
    assert table[1].split() == ["/", "100", "100", "100", "100"]
    assert table[2].split() == ["/a/", "90", "90", "90", "90"]
    assert table[3].split() == ["target", "≥", "98", "≥", "100", "≥", "100", "≥", "100"]


def test_the_static_host_compresses_text_and_lets_browsers_cache(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("<p>hello</p>" * 100, encoding="utf-8")
    with static_host(tmp_path) as url:
        request = urllib.request.Request(url + "a/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Cache-Control"] == CACHE_CONTROL
            assert response.headers["Content-Type"] == "text/html"
            assert gzip.decompress(response.read()) == b"<p>hello</p>" * 100
        with urllib.request.urlopen(url + "a/index.html") as response:  # no gzip asked: none
            assert response.headers["Content-Encoding"] is None
            assert response.read() == b"<p>hello</p>" * 100


def test_one_real_run_prints_the_four_scores(capsys: pytest.CaptureFixture[str]) -> None:
    need(lighthouse.LIGHTHOUSE.exists(), "Lighthouse is missing: run 'npm ci'")
    need(CHROMIUM.exists(), f"{CHROMIUM} not found: apt-get install -y chromium")
    assert lighthouse.main(["--runs", "1", "--page", "ketamine-mental-fitness/"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert rows[1][0] == "/ketamine-mental-fitness/"
    assert all(0 <= int(score) <= 100 for score in rows[1][1:5])
