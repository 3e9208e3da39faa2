"""Lighthouse scores of the blog's home page and seed article, served from 127.0.0.1.

    python bench/lighthouse.py [--runs 3] [--page URL-PATH ...] [--check] [--keep DIR]

Copies this repository's blog (site.yaml, content/, templates/, static/) into a
temporary folder, builds it, serves it the way a static host does (gzip, a
10-minute cache lifetime like GitHub Pages; tests/published.py) and runs
Lighthouse (npm ``lighthouse`` from ``npm ci``) on each page in Debian's
Chromium (``CHROME_PATH``, default /usr/bin/chromium), with Lighthouse's default
mobile emulation and simulated slow-4G throttling. Prints the four category
scores, the median of ``--runs`` runs, beside the targets; ``--check`` exits 1
when one is below its target. ``--keep DIR`` keeps the JSON reports there.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "src"))  # this checkout's articlegen

from tests.published import REPO, build_repo_blog, static_host

LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --no-first-run"
)
PAGES = ("", "ketamine-mental-fitness/")
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
"""Lowest acceptable score per category, out of 100."""


def main(argv: list[str] | None = None) -> int:
    """Build, serve, run Lighthouse on each page and print the scores beside the targets."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page (default: 3)")
    parser.add_argument(
        "--page", action="append", help="site-relative path (default: home and the seed article)"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 below a target")
    parser.add_argument("--keep", type=Path, help="folder for the JSON reports")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} not found: run 'npm ci' in {REPO}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder, static_host(build_repo_blog(Path(folder))) as url:
        scores = {
            page: median_scores([run_lighthouse(url + page, args.keep) for _ in range(args.runs)])
            for page in (args.page or PAGES)
        }
    print(format_table(scores))
    missed = [f"/{p} {c}" for p, row in scores.items() for c, s in row.items() if s < TARGETS[c]]
    if missed:
        print("below target: " + ", ".join(missed))
    return 1 if missed and args.check else 0


def run_lighthouse(url: str, keep: Path | None) -> dict[str, int]:
    """One Lighthouse run → score (0-100) per category."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(TARGETS)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=True)
    report = json.loads(run.stdout)
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        name = url.split("://", 1)[1].split("/", 1)[1].strip("/").replace("/", "_") or "home"
        (keep / f"{name}-{len(list(keep.glob(name + '-*.json')))}.json").write_text(run.stdout)
    return category_scores(report)


def category_scores(report: dict) -> dict[str, int]:
    """Scores out of 100 from a Lighthouse JSON report; a category that errored counts 0."""
    categories = report["categories"]
    return {name: round((categories[name]["score"] or 0) * 100) for name in TARGETS}


def median_scores(runs: list[dict[str, int]]) -> dict[str, int]:
    """Per category, the median over runs (Lighthouse's own advice for noisy performance)."""
    return {name: round(statistics.median(run[name] for run in runs)) for name in TARGETS}


def format_table(scores: dict[str, dict[str, int]]) -> str:
    """One row per page, one column per category, and a row of targets."""
    width = max(len("/" + page) for page in [*scores, "target"]) + 2
    lines = [f"{'page':<{width}}" + "".join(f"{name:>16}" for name in TARGETS)]
    for page, row in scores.items():
        lines.append(f"{'/' + page:<{width}}" + "".join(f"{row[n]:>16}" for n in TARGETS))
    lines.append(f"{'target':<{width}}" + "".join(f"{'≥ ' + str(t):>16}" for t in TARGETS.values()))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
