"""The benchmark's results as data, as JSON, and as the tables README and docs/speed.md show.

    python bench/report.py results.json [--markdown]

``bench/run.py --save results.json`` keeps every run's figures and the machine's
state; this prints the same table again from them (``--markdown``: the block to
paste into docs/speed.md), so the docs are regenerated from a run, not retyped.
Every figure is a median with its spread (lowest–highest) over the rounds; every
ratio is taken round by round against Hugo's cold build of the same round
(bench/stats.py says why).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from bench.measure import Measurement
from bench.stats import Spread, ratios

Load = tuple[float, float, float]
"""The load average over 1, 5 and 15 minutes (``os.getloadavg()``)."""


@dataclass(frozen=True, slots=True)
class Target:
    """A case's goal: its median ratio to Hugo's cold build at most ``limit``."""

    limit: float
    memory: bool = False
    """True: the goal is on peak memory; else on time, wall and CPU each."""
    stretch: float | None = None
    """A further goal, if the issue sets one."""

    def text(self) -> str:
        """``≤ 2× (stretch ≤ 1×)``, ``memory ≤ 0.5×``."""
        stretch = f" (stretch ≤ {_times(self.stretch)})" if self.stretch else ""
        return f"{'memory ' if self.memory else ''}≤ {_times(self.limit)}{stretch}"


@dataclass(frozen=True, slots=True)
class Case:
    """One row: what was timed, one measurement per round, and its goal."""

    label: str
    runs: list[Measurement]
    target: Target | None = None

    def figures(self, name: str) -> list[float]:
        """One ``Measurement`` field over the rounds (``wall``, ``cpu`` or ``peak``)."""
        return [float(getattr(run, name)) for run in self.runs]


@dataclass(frozen=True, slots=True)
class Setup:
    """What the figures were measured on, printed above the table."""

    articles: int
    seed: int
    rounds: int
    cpus: int
    python: str
    hugo: str | None
    """Hugo's version; None when Hugo did not run."""
    articlegen: str
    """How articlegen was run (its flags)."""
    memory_kind: str
    """``PSS`` or ``RSS``: what peak memory is a sum of."""
    started: str
    """When the run began (UTC, ISO 8601)."""
    load_before: Load
    load_after: Load
    round_loads: list[float] = field(default_factory=list)
    """The 1-minute load average as each round began."""
    notes: list[str] = field(default_factory=list)
    """What was left out and why (no Hugo, no Pagefind)."""


@dataclass(frozen=True, slots=True)
class Results:
    """A whole run: the setup, Hugo's cold builds (none without Hugo) and articlegen's cases."""

    setup: Setup
    hugo: Case | None
    cases: list[Case]


def to_json(results: Results) -> str:
    """The results as JSON (each run's figures, without what it printed)."""

    def case(c: Case) -> dict[str, Any]:
        runs = [{"wall": r.wall, "cpu": r.cpu, "peak": r.peak} for r in c.runs]
        return {"label": c.label, "runs": runs, "target": c.target and asdict(c.target)}

    data = {
        "setup": asdict(results.setup),
        "hugo": results.hugo and case(results.hugo),
        "cases": [case(c) for c in results.cases],
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def from_json(text: str) -> Results:
    """Results saved by ``to_json``."""
    data = json.loads(text)

    def case(c: dict[str, Any]) -> Case:
        runs = [Measurement(r["wall"], r["cpu"], r["peak"], 0, "") for r in c["runs"]]
        return Case(c["label"], runs, Target(**c["target"]) if c["target"] else None)

    setup = data["setup"] | {k: tuple(data["setup"][k]) for k in ("load_before", "load_after")}
    hugo = case(data["hugo"]) if data["hugo"] else None
    return Results(Setup(**setup), hugo, [case(c) for c in data["cases"]])


FIELDS = ("wall", "cpu", "peak")
"""The ``Measurement`` fields each row shows, and takes ratios of."""
HEAD = ["case", "wall s", "CPU s", "peak MB", "wall vs Hugo", "CPU vs Hugo", "memory vs Hugo"]
HEAD += ["target", "met"]


def table(results: Results, markdown: bool = False) -> str:
    """One row per case (Hugo's first), figures as median (lowest–highest)."""
    rows = [_row(case, results.hugo) for case in _all_cases(results)]
    if markdown:
        lines = [HEAD, ["---"] * len(HEAD), *rows]
        return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)
    widths = [max(len(row[i]) for row in [HEAD, *rows]) for i in range(len(HEAD))]
    return "\n".join(_line(row, widths) for row in [HEAD, *rows])


def _all_cases(results: Results) -> list[Case]:
    return ([results.hugo] if results.hugo else []) + results.cases


def _row(case: Case, hugo: Case | None) -> list[str]:
    wall, cpu, peak = (Spread.of(case.figures(name)) for name in FIELDS)
    cells = [case.label, _span(wall, "{:.2f}"), _span(cpu, "{:.2f}"), _span(peak, "{:.0f}", 1e6)]
    goal = case.target.text() if case.target else "-"
    if hugo is None:
        return [*cells, "-", "-", "-", goal, "-"]
    ratio = {n: Spread.of(ratios(case.figures(n), hugo.figures(n))) for n in FIELDS}
    cells += [_span(ratio[n], "{:.2f}", suffix="×") for n in FIELDS]
    return [*cells, goal, verdict(case.target, ratio) if case.target else "-"]


def verdict(target: Target, ratio: dict[str, Spread]) -> str:
    """Whether the median ratios meet the target: ``yes``/``no`` for memory; for time, wall
    and CPU each (``wall yes, CPU no``), then the stretch goal likewise."""
    if target.memory:
        return _yes(ratio["peak"].median <= target.limit)
    limits = [("", target.limit)] + ([("stretch: ", target.stretch)] if target.stretch else [])
    return "; ".join(
        f"{label}wall {_yes(ratio['wall'].median <= limit)}, "
        f"CPU {_yes(ratio['cpu'].median <= limit)}"
        for label, limit in limits
    )


def _yes(met: bool) -> str:
    return "yes" if met else "no"


def _span(spread: Spread, form: str, unit: float = 1.0, suffix: str = "") -> str:
    """``median (low–high)`` in ``form``, the suffix after the median; the median alone
    when the three are one figure."""
    median, low, high = (form.format(v / unit) for v in (spread.median, spread.low, spread.high))
    return median + suffix if low == high else f"{median}{suffix} ({low}–{high})"


def _times(value: float) -> str:
    return f"{value:g}×"


def _line(cells: list[str], widths: list[int]) -> str:
    """The label left-aligned, the figures right-aligned, two spaces between columns."""
    rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
    return "  ".join([cells[0].ljust(widths[0]), *rest]).rstrip()


def setup_text(setup: Setup) -> str:
    """What, where and under which load the figures were measured, in sentences."""
    order = "Hugo's cold build, then articlegen's cases" if setup.hugo else "articlegen's cases"
    loads = ", ".join(f"{load:.2f}" for load in setup.round_loads)
    lines = [
        f"{setup.articles:,} articles (seed {setup.seed}); {setup.rounds} "
        f"round{'s' if setup.rounds != 1 else ''}, each {order}; {setup.cpus} CPUs; "
        f"Python {setup.python}; Hugo {setup.hugo or 'not run'}; articlegen {setup.articlegen}; "
        f"started {setup.started}.",
        f"Load average (1, 5, 15 min): {_load(setup.load_before)} before, "
        f"{_load(setup.load_after)} after; 1-minute load as each round began: {loads}.",
        "Figures are medians (lowest–highest) over the rounds; each ratio is taken round by "
        "round against Hugo's cold build of the same round. CPU = user + system time of the "
        f"build and its worker processes; peak memory = {setup.memory_kind} summed over the "
        "process tree.",
        *setup.notes,
    ]
    return "\n".join(lines)


def _load(load: Load) -> str:
    return "/".join(f"{value:.2f}" for value in load)


def render(results: Results, markdown: bool = False) -> str:
    """The setup, then the table: what ``bench/run.py`` prints, and ``--markdown`` pastes."""
    separator = "\n\n" if markdown else "\n"
    return setup_text(results.setup).replace("\n", separator) + "\n\n" + table(results, markdown)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``RESULTS.json [--markdown]``."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("results", type=Path, help="a file saved by bench/run.py --save")
    parser.add_argument("--markdown", action="store_true", help="print Markdown for the docs")
    args = parser.parse_args(argv)
    try:
        results = from_json(args.results.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as problem:
        parser.error(f"cannot read {args.results}: {problem}")
    print(render(results, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
