"""CPU time of rendering the bench corpus's bodies alone through the compiled path.

    python bench/bodies.py [--articles 2000] [--passes 5] [--seed 7] [--site DIR]

Generates the synthetic corpus (bench/corpus.py; or reads the site in ``--site``), splits
each article's body from its front-matter, renders every body once (imports, compiled
patterns and the engine warmed up) and then ``--passes`` times through
``fastmarkup.render_compiled``, as a build's workers do with a stock parser, and prints
each pass's CPU time per body, their median and minimum, and a digest of every record:
run it from two checkouts (``PYTHONPATH=<checkout>/src``), alternating, to compare their
time, and check by the digest that both gave the same records. A body the compiled path
declines counts as None (none of the bench corpus is).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from articlegen.content.frontmatter import split_front_matter
from articlegen.markup.fastmarkup import render_compiled
from bench.corpus import generate

Body = tuple[str, int, str]  # text, first line, the article's path


def bodies(site: Path) -> list[Body]:
    """Each article's body under ``site/content``, in name order."""
    found = []
    for path in sorted((site / "content").glob("*.md")):
        shown = f"content/{path.name}"
        _, _, body, line = split_front_matter(path.read_text(encoding="utf-8"), shown)
        found.append((body, line, shown))
    return found


def timed_pass(texts: list[Body]) -> float:
    """CPU milliseconds a body for one pass over ``texts``."""
    gc.collect()
    start = time.process_time()
    for body, line, path in texts:
        render_compiled(body, first_line=line, path=path)
    return (time.process_time() - start) * 1000 / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = args.site or Path(folder)
        if args.site is None:
            generate(args.articles, site, args.seed)
        texts = bodies(site)
    digest = hashlib.sha256()
    for body, line, path in texts:  # the warm-up pass
        digest.update(repr(render_compiled(body, first_line=line, path=path)).encode())
    times = [timed_pass(texts) for _ in range(args.passes)]
    print(" ".join(f"{ms:.4f}" for ms in times))
    print(
        f"{len(texts)} bodies: median {statistics.median(times):.4f}, "
        f"min {min(times):.4f} ms a body (CPU); records {digest.hexdigest()[:16]}"
    )


if __name__ == "__main__":
    main()
