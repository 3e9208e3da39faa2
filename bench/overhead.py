"""CPU time of a cold build outside Markdown, per article, stage by stage.

    python bench/overhead.py [--articles 2000] [--runs 3] [--seed 7] [--site DIR]

Builds the synthetic corpus (bench/corpus.py; or the site in ``--site``) in this process
with ``articlegen build --jobs 1``, as the command line does, after moving the build cache
and the output aside each time (a cold build: nothing to reuse; ``bench.measure.SetAside``
says why they are not deleted until the end). One build first warms the
process up (imports) and is not counted: that is a fixed cost of a process, not of an
article. What articlegen's modules remember for the process (slugs, dates, escapes, stems)
is forgotten before each build (``forget_memos``), as a command's one build starts without
it. Each build compiles the templates it renders again (about 0.06 s), as a command's
one build does: that is counted, under templates.

The CPU time of each stage is summed by timers put around the functions that do it: a
stage's own time, without the stages it calls (the templates a page is rendered with are
not counted as writing, though writing pulls each page through them). Markdown is every
body through ``render_markdown`` (the compiled engine and the Python that rebuilds our
syntax from its tree). Image copies are encoded once per image, not per article, so the
figure per article is also given without them. That figure and the time outside Markdown
come from other builds, alternating with those of the table, timed only in Markdown and the
image copies (``HEADLINE_STAGES`` says why). CPU time is user + system: on some disks
the system time of creating files swings several-fold between identical builds, so both
halves of the total are shown.

Each build runs as the process's command (``sys.argv``, no ``argv`` to ``main``), so it
ends as the command's does: without the garbage collector's pass over what the build
leaves, which the command's process skips by ending (``cli.command._collections``). That
pass is made here after the build's timing, so that the next build starts as clean.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from articlegen.cli.command import main as articlegen
from articlegen.core.layout import CACHE_DIR, DEFAULT_OUTPUT
from bench.corpus import generate
from bench.measure import SetAside

STAGES: tuple[tuple[str, str, str], ...] = (
    ("Markdown", "articlegen.markup.fastmarkup", "render_markdown"),
    ("sources listed", "articlegen.incremental.sources", "load_sources"),
    ("reading files", "articlegen.content.articles", "read_bytes"),
    ("front-matter", "articlegen.content.articles", "parse_article"),
    ("checks and links", "articlegen.build", "_validate"),
    ("site assembled", "articlegen.build", "_assemble"),
    ("bodies filled", "articlegen.render.bodies", "finished_bodies"),
    ("bodies filled", "articlegen.render.bodies", "_finished"),  # as pages ask
    ("planning", "articlegen.incremental.replan", "plan_site"),
    ("plan record", "articlegen.incremental.recordplanning", "site_digests"),
    ("page keys", "articlegen.incremental.cache", "page_key"),
    ("templates", "articlegen.render.templates", "render_page"),
    ("feeds", "articlegen.render.feeds", "render_feed"),
    ("sitemap", "articlegen.render.feeds", "sitemap"),
    ("writing", "articlegen.output.staging", "fill_staging"),
    ("image copies", "articlegen.output.variants", "_encode_job"),
    ("cache saved", "articlegen.incremental.cachefile", "save_cache"),
    ("inputs stamped", "articlegen.incremental.freshness", "take_snapshot"),
    ("output receipt", "articlegen.incremental.freshness", "receipt_of"),
)
"""(stage, module, function): each stage is the CPU time spent in its function, less that of
the other stages' functions it calls."""
HEADLINE_STAGES = frozenset({"Markdown", "image copies"})
"""The stages timed in the builds the time outside Markdown is taken from. Timing a call
costs about 3 µs (two reads of the process's CPU clock, each a system call), and a
2,000-article build makes some 14,000 calls to the stages' functions: about 0.02 ms an
article that the command does not spend. So the table comes from builds timing every stage,
and the time outside Markdown from builds, alternating with them, timing only these."""
OTHER = "the rest"
"""What no stage's timer covers: sources found, the site assembled, pages swapped in…"""


@dataclass
class StageClock:
    """Exclusive CPU time per stage: a stage's timer stops while a nested stage's runs."""

    spent: dict[str, float] = field(default_factory=dict)
    only: frozenset[str] | None = None
    """The stages timed (None: all); the others' functions run untimed, as in the command."""
    _open: list[list[Any]] = field(default_factory=list)  # [stage, started, nested time]

    @contextmanager
    def timing(self, stage: str) -> Iterator[None]:
        entry: list[Any] = [stage, time.process_time(), 0.0]
        self._open.append(entry)
        try:
            yield
        finally:
            self._open.pop()
            elapsed = time.process_time() - entry[1]
            self.spent[stage] = self.spent.get(stage, 0.0) + elapsed - entry[2]
            if self._open:
                self._open[-1][2] += elapsed

    def wrap(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """``function`` timed as ``stage``; a generator is timed while it runs, not while
        its caller holds it between items."""
        import inspect

        if inspect.isgeneratorfunction(function):

            @wraps(function)
            def generator(*args: Any, **kwargs: Any) -> Iterator[Any]:
                items = function(*args, **kwargs)
                if self.only is not None and stage not in self.only:
                    return (yield from items)
                while True:
                    with self.timing(stage):
                        try:
                            item = next(items)
                        except StopIteration as stop:
                            return stop.value
                    yield item

            return generator

        @wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self.only is not None and stage not in self.only:
                return function(*args, **kwargs)
            with self.timing(stage):
                return function(*args, **kwargs)

        return timed


def install(clock: StageClock) -> None:
    """Put ``clock``'s timers around every stage's function, wherever it was imported."""
    import importlib

    for stage, module_name, name in STAGES:
        function = getattr(importlib.import_module(module_name), name)
        timed = clock.wrap(stage, function)
        for module in list(sys.modules.values()):
            if getattr(module, "__name__", "").startswith("articlegen") and (
                getattr(module, name, None) is function
            ):
                setattr(module, name, timed)


@dataclass(frozen=True)
class Run:
    """One cold build's CPU seconds: in all, user and system, and per stage."""

    total: float
    user: float
    system: float
    stages: dict[str, float]


PROCESS_MEMOS = (
    ("articlegen.render.textvectors", "_STEMS"),
    ("articlegen.render.jinjacompiler", "_ITEMS_FIRST"),
)
"""Memos kept for the process in plain dicts, which ``forget_memos`` cannot find alone."""


def forget_memos() -> None:
    """Empty what articlegen's modules remember for the process (``functools`` caches of
    slugs, dates, escapes, stems…): a command's one build starts without them, so a build
    timed after the warm-up build must too, or it would be spared the work of every value
    the warm-up met (all of them: the corpus is the same)."""
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "articlegen":
            continue
        for value in list(vars(module).values()):
            holders = [value, *vars(value).values()] if isinstance(value, type) else [value]
            for holder in holders:
                if callable(getattr(holder, "cache_clear", None)):
                    holder.cache_clear()
    for module, name in PROCESS_MEMOS:
        if module in sys.modules:
            getattr(sys.modules[module], name).clear()


def cold_build(root: Path, clock: StageClock, set_aside: SetAside) -> Run:
    """One build of ``root`` with nothing to reuse (the last one's output and cache set
    aside, not deleted: ``SetAside`` says why), timed."""
    set_aside(root / CACHE_DIR)
    set_aside(root / DEFAULT_OUTPUT)
    forget_memos()
    clock.spent.clear()
    argv = sys.argv
    sys.argv = ["articlegen", "build", "--quiet", "--jobs", "1", "--site", str(root)]
    try:
        before, started = os.times(), time.process_time()
        code = articlegen()
        total, after = time.process_time() - started, os.times()
    finally:
        sys.argv = argv
        gc.enable()
        gc.collect()  # what the command's process gives back by ending, outside the timing
    if code != 0:
        raise SystemExit(f"the build failed (exit code {code})")
    stages = dict(clock.spent)
    stages[OTHER] = total - sum(stages.values())
    return Run(total, after.user - before.user, after.system - before.system, stages)


def main(argv: list[str] | None = None) -> int:
    """Build cold ``--runs`` times and print the CPU time per article, stage by stage."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (default: 2000)")
    parser.add_argument("--runs", type=int, default=3, help="cold builds timed (default: 3)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default: 7)")
    parser.add_argument("--site", type=Path, help="a site to build instead of the corpus")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        root = args.site
        if root is None:
            root = Path(folder) / "site"
            generate(args.articles, root, seed=args.seed)
        articles = sum(1 for _ in (root / "content").rglob("*.md"))
        clock = StageClock()
        install(clock)
        set_aside = SetAside(root.with_name(f"{root.name}.set-aside"))
        try:
            print(f"load average before: {_load()}")
            warm = cold_build(root, clock, set_aside)
            runs, lean = [], []
            for _ in range(args.runs):
                clock.only = None
                runs.append(cold_build(root, clock, set_aside))
                clock.only = HEADLINE_STAGES
                lean.append(cold_build(root, clock, set_aside))
            print(f"load average after: {_load()}")
        finally:
            shutil.rmtree(set_aside.folder, ignore_errors=True)
    report(runs, lean, articles, warm)
    return 0


def report(runs: list[Run], lean: list[Run], articles: int, warm: Run) -> None:
    """The table of stages (median CPU of ``runs``, per article), their totals, and the time
    outside Markdown by ``lean``, the builds timed only in ``HEADLINE_STAGES``."""

    def per_article(seconds: float) -> str:
        return f"{seconds / articles * 1000:.3f}"

    print(f"{articles} articles, {len(runs)} cold builds (medians; first build in the process,")
    print(f"imports included, {warm.total:.2f} s, not counted)")
    print(f"{'stage':<18}{'CPU s':>8}{'ms/article':>12}")
    names = [*dict.fromkeys(stage for stage, _, _ in STAGES), OTHER]
    for name in sorted(names, key=lambda n: -statistics.median(r.stages.get(n, 0) for r in runs)):
        seconds = statistics.median(run.stages.get(name, 0.0) for run in runs)
        print(f"{name:<18}{seconds:>8.3f}{per_article(seconds):>12}")
    total = statistics.median(run.total for run in runs)
    print(f"{'total':<18}{total:>8.3f}{per_article(total):>12}")
    print(
        f"user {statistics.median(r.user for r in runs):.2f} s, "
        f"system {statistics.median(r.system for r in runs):.2f} s"
    )
    outside = [(r.total - r.stages.get("Markdown", 0.0)) / articles * 1000 for r in lean]
    images = [
        (r.total - r.stages.get("Markdown", 0.0) - r.stages.get("image copies", 0.0))
        / articles
        * 1000
        for r in lean
    ]
    timers = statistics.median(r.total for r in runs) - statistics.median(r.total for r in lean)
    print(
        f"builds timed only in {' and '.join(sorted(HEADLINE_STAGES))} "
        f"({len(lean)}, alternating with those above, which spent "
        f"{timers / articles * 1000:.3f} ms an article more by the medians: their timers)"
    )
    print(
        f"outside Markdown: {statistics.median(outside):.2f} ms an article "
        f"({min(outside):.2f}–{max(outside):.2f}); without the image copies: "
        f"{statistics.median(images):.2f} ms ({min(images):.2f}–{max(images):.2f})"
    )


def _load() -> str:
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
