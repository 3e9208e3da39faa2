"""bench/report.py: the table, the targets' verdicts and the saved results, on literal data."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import report
from bench.measure import Measurement
from bench.report import Case, Results, Setup, Target
from bench.stats import Spread


def runs(*figures: tuple[float, float, int]) -> list[Measurement]:
    return [Measurement(wall, cpu, peak, 0, "") for wall, cpu, peak in figures]


HUGO = Case("Hugo cold build", runs((2.0, 4.0, 400_000_000), (4.0, 5.0, 360_000_000)))
COLD = Case(
    "cold build", runs((3.0, 8.0, 150_000_000), (4.0, 9.0, 180_000_000)), Target(2, stretch=1)
)
SETUP = Setup(
    articles=2000,
    seed=7,
    rounds=2,
    cpus=2,
    python="3.11.7",
    hugo="0.168.0",
    articlegen="--jobs 2",
    memory_kind="PSS",
    started="2026-12-04 19:30 UTC",
    load_before=(1.5, 1.25, 1.0),
    load_after=(2.0, 1.5, 1.1),
    round_loads=[1.5, 3.25],
)


def test_rows_give_medians_spreads_and_same_round_ratios() -> None:
    table = report.table(Results(SETUP, HUGO, [COLD]), markdown=True).splitlines()
    assert table[0] == "| " + " | ".join(report.HEAD) + " |"
    hugo, cold = (line.strip("| ").split(" | ") for line in table[2:])
    figures = ["3.00 (2.00–4.00)", "4.50 (4.00–5.00)", "380 (360–400)"]
    assert hugo == ["Hugo cold build", *figures, "1.00×", "1.00×", "1.00×", "-", "-"]
    # wall ratios 3/2 and 4/4, CPU 8/4 and 9/5, memory 150/400 and 180/360
    assert cold == [
        "cold build",
        "3.50 (3.00–4.00)",
        "8.50 (8.00–9.00)",
        "165 (150–180)",
        "1.25× (1.00–1.50)",
        "1.90× (1.80–2.00)",
        "0.44× (0.38–0.50)",
        "≤ 2× (stretch ≤ 1×)",
        "wall yes, CPU yes; stretch: wall no, CPU no",
    ]


def test_without_hugo_there_are_no_ratios() -> None:
    (row,) = report.table(Results(SETUP, None, [COLD]), markdown=True).splitlines()[2:]
    assert row.endswith("| - | - | - | ≤ 2× (stretch ≤ 1×) | - |")


@pytest.mark.parametrize(
    ("target", "wall", "cpu", "peak", "expected"),
    [
        (Target(0.3), 0.3, 0.31, 9.0, "wall yes, CPU no"),  # at the limit is met
        (Target(2, stretch=1), 0.9, 1.5, 9.0, "wall yes, CPU yes; stretch: wall yes, CPU no"),
        (Target(0.5, memory=True), 9.0, 9.0, 0.5, "yes"),
        (Target(0.5, memory=True), 0.1, 0.1, 0.51, "no"),
    ],
)
def test_verdict_holds_the_medians_to_the_target(
    target: Target, wall: float, cpu: float, peak: float, expected: str
) -> None:
    ratio = {"wall": Spread(wall, 0, 99), "cpu": Spread(cpu, 0, 99), "peak": Spread(peak, 0, 99)}
    assert report.verdict(target, ratio) == expected


def test_setup_says_where_when_and_under_which_load() -> None:
    text = report.setup_text(SETUP)
    assert "2,000 articles (seed 7); 2 rounds, each Hugo's cold build, then articlegen" in text
    assert "2 CPUs; Python 3.11.7; Hugo 0.168.0; articlegen --jobs 2" in text
    assert "1.50/1.25/1.00 before, 2.00/1.50/1.10 after" in text
    assert "as each round began: 1.50, 3.25." in text


def test_saved_results_print_the_same_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = Results(
        SETUP, HUGO, [COLD, Case("nothing changed", runs((0.2, 0.1, 9), (0.3, 0.2, 9)))]
    )
    saved = tmp_path / "results.json"
    saved.write_text(report.to_json(results))
    assert report.from_json(saved.read_text()) == results
    assert report.main([str(saved), "--markdown"]) == 0
    assert capsys.readouterr().out == report.render(results, markdown=True) + "\n"


def test_a_file_that_is_not_results_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x.json").write_text('{"setup": {}}')
    with pytest.raises(SystemExit) as stop:
        report.main([str(tmp_path / "x.json")])
    assert stop.value.code == 2
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("page", "run"),
    [
        ("docs/speed.md", "2000-articles.json"),
        ("docs/speed.md", "10000-articles.json"),
        ("docs/speed.md", "2000-articles-late.json"),
        ("README.md", "2000-articles.json"),
    ],
)
def test_the_docs_show_the_saved_runs(page: str, run: str) -> None:
    """README's and docs/speed.md's tables are regenerated from the runs they cite, not
    retyped."""
    root = Path(__file__).resolve().parents[2]
    saved = report.from_json((root / "bench" / "results" / run).read_text())
    assert report.render(saved, markdown=True) in (root / page).read_text()
