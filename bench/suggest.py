"""How long ranking See Also suggestions takes on a generated site.

    python bench/suggest.py [--articles 2000] [--seed 7] [--budget 2.0]

Generates the benchmark corpus (``bench/corpus.py``) in a temporary folder, reads its
articles and resolves their See Also, then times, in this process, the two ways the
ranking runs (``render.suggestions``):

* **every article**: the best 3 for each article of the site, ``articlegen suggest`` with
  every slug named: the worst case, and the one the 2-second budget is for;
* **index**: the best 1 for each article with no See Also or no Linked from, as every build
  ranks for the See Also index.

Both start from the articles' text (tokenising, stemming and weighting included). Wall
and CPU seconds are printed; with ``--budget S`` the exit code is 1 when ranking every
article took longer than S wall seconds. The generated text comes from a small vocabulary,
so nearly every article shares words with every other: harder than real articles.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from articlegen.content.articles import load_articles
from articlegen.core.model import LinkSource, LinkTarget
from articlegen.render.links import build_link_graph
from articlegen.render.suggestions import Document, documents, suggest, unlinked
from bench import corpus


@dataclass(frozen=True, slots=True)
class Timing:
    """One ranking's cost and size."""

    wall: float
    cpu: float
    articles: int
    """Articles ranked for."""
    suggestions: int
    """Suggestions made."""


def site_documents(root: Path) -> tuple[list[Document], list[str]]:
    """The ``Document`` of every article of the site ``root`` (See Also resolved; body links
    are not, which rendering would find), and the slugs of those the index ranks for."""
    articles, problems = load_articles(root, zoneinfo.ZoneInfo("UTC"))
    if problems:
        raise SystemExit(f"the corpus does not load: {problems[0]}")
    graph = build_link_graph(
        [LinkSource(a.slug, a.source, a.meta.see_also) for a in articles],
        [LinkTarget(a.slug, a.source, a.meta.title, a.meta.draft) for a in articles],
    )
    made = documents(articles, graph)
    return made, unlinked(made, graph)


def timed(rank: Callable[[], dict[str, tuple[object, ...]]]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    found = rank()
    return Timing(
        time.perf_counter() - wall,
        time.process_time() - cpu,
        len(found),
        sum(len(s) for s in found.values()),
    )


def run(articles: int, seed: int) -> tuple[Timing, Timing]:
    """Generate the corpus and time ranking for every article, then for the index."""
    with tempfile.TemporaryDirectory() as folder:
        corpus.generate(articles, Path(folder), seed)
        docs, gaps = site_documents(Path(folder))
    every = timed(lambda: suggest(docs, [d.slug for d in docs], limit=3))
    index = timed(lambda: suggest(docs, gaps, limit=1))
    return every, index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="site size (default: 2000)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default: 7)")
    parser.add_argument("--budget", type=float, help="fail when 'every article' takes longer")
    args = parser.parse_args(argv)
    if args.articles < 2:
        parser.error("--articles must be at least 2")
    every, index = run(args.articles, args.seed)
    for name, timing in (("every article", every), ("index", index)):
        print(
            f"{name}: {timing.wall:.2f} s wall, {timing.cpu:.2f} s CPU, "
            f"{timing.suggestions:,} suggestions for {timing.articles:,} of "
            f"{args.articles:,} articles"
        )
    if args.budget is not None and every.wall > args.budget:
        print(f"over budget: {every.wall:.2f} s > {args.budget:.2f} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
