"""Preview latency: from saving an article to the reloaded page being served.

    python bench/serve.py [--articles 1000] [--runs 10] [--seed 7]

Generates the synthetic corpus (bench/corpus.py) in a temporary folder, starts
``articlegen serve`` on a free port and, like a browser, keeps an event stream
open on each page it watches. Each run saves a change, waits for the reload
event(s) and fetches the page until it shows the change. Two cases:

* body: one article's body changes; timed until that page is served anew.
* title: the title of an article that ~10 others link to changes; timed until
  every linking page has been told to reload and one of them shows the title.

The debounce quiet period (watch.SINGLE_QUIET_SECONDS: one file saved) is part of what
is measured. Besides the wall time, each run's CPU time (user + system, every thread of
this process: the server's and this client's) is shown: on a shared machine the wall time
swings with the load, which is printed before and after.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen.cli.command import GC_THRESHOLDS
from articlegen.serve.preview import SWITCH_SECONDS, Preview
from bench.corpus import generate
from tests.serving import EventStream, fetch, wait_until

TARGETS = {"body": 0.150, "title": 0.300}


def main(argv: list[str] | None = None) -> int:
    """Run both cases and print their timings next to the targets."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (default: 1000)")
    parser.add_argument("--runs", type=int, default=10, help="saves per case (default: 10)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default: 7)")
    parser.add_argument(
        "--verbose",
        dest="log",
        action="store_const",
        const=print,
        default=lambda line: None,
        help="show the server's console",
    )
    args = parser.parse_args(argv)
    gc.set_threshold(*GC_THRESHOLDS)  # as `articlegen serve` runs (articlegen.cli.command)
    sys.setswitchinterval(SWITCH_SECONDS)  # as `articlegen serve` runs (cli/serving.py)
    print(f"load average before: {_load()}")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "site"
        generate(args.articles, root, seed=args.seed)
        started = time.perf_counter()
        with Preview(root, port=0, log=args.log) as preview:
            print(f"{args.articles} articles; first build {time.perf_counter() - started:.2f} s")
            results = {
                "body": time_body_edits(preview, args.runs),
                "title": time_title_edits(preview, args.runs),
            }
    print(f"load average after: {_load()}")
    print(f"{'case':<8}{'median':>10}{'min':>10}{'max':>10}{'CPU median':>12}{'target':>10}")
    for case, runs in results.items():
        times = [wall for wall, _ in runs]
        print(
            f"{case:<8}{_ms(statistics.median(times)):>10}{_ms(min(times)):>10}"
            f"{_ms(max(times)):>10}{_ms(statistics.median(cpu for _, cpu in runs)):>12}"
            f"{'< ' + _ms(TARGETS[case]):>10}"
        )
    return 0


class Clock:
    """Wall and CPU time (this process, every thread) since it was made."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def time_body_edits(preview: Preview, runs: int) -> list[tuple[float, float]]:
    """Seconds (wall, CPU) from saving a body change to the page with it being served, per
    run."""
    source = sorted((preview.root / "content").glob("*.md"))[0]
    path = f"/{source.stem}/"
    times = []
    for run in range(runs):
        stream = EventStream(preview.url, fetch(preview.url, path))
        marker = f"Benchmark edit {run}."
        text = source.read_text(encoding="utf-8")
        clock = Clock()
        source.write_text(text + f"\n{marker}\n", encoding="utf-8")
        stream.wait_for("reload", timeout=120)
        wait_until(lambda m=marker: m.encode() in fetch(preview.url, path).body, timeout=120)
        times.append(clock.read())
        stream.close()
        _settle(preview)
    return times


def time_title_edits(preview: Preview, runs: int) -> list[tuple[float, float]]:
    """Seconds (wall, CPU) from saving a title change to all its linking pages being told
    and served, per run."""
    slug, linkers = most_linked_near(preview, 10)
    source = preview.root / "content" / f"{slug}.md"
    print(f"title case: {slug!r}, linked from {len(linkers)} articles")
    times = []
    for run in range(runs):
        streams = [EventStream(preview.url, fetch(preview.url, f"/{s}/")) for s in linkers]
        text = source.read_text(encoding="utf-8")
        old = text.split('title: "', 1)[1].split('"', 1)[0]
        new = f"{old.split(' (rev')[0]} (rev {run})"
        clock = Clock()
        source.write_text(text.replace(f'title: "{old}"', f'title: "{new}"', 1), encoding="utf-8")
        for stream in streams:
            stream.wait_for("reload", timeout=120)
        wait_until(lambda t=new: t.encode() in fetch(preview.url, f"/{linkers[0]}/").body)
        times.append(clock.read())
        for stream in streams:
            stream.close()
        _settle(preview)
    return times


def most_linked_near(preview: Preview, wanted: int) -> tuple[str, list[str]]:
    """The article whose number of linking articles that show its title is closest to
    ``wanted``, and those. (A page that links with text of its own, ``[this guide](a.md)``,
    rightly does not change when the title does, so it is not waited for.)"""
    pages = preview.live.view()[0].pages
    best: tuple[int, str, list[str]] | None = None
    for key, data in pages.items():
        slug = key.removesuffix("/index.html")
        if "/" in slug or not key.endswith("/index.html"):
            continue
        page = HTMLParser(data.decode("utf-8"))
        title = page.css_first("h1").text(strip=True)
        links = page.css(".linked-from a")
        linkers = [a.attributes["href"].strip("/").split("/")[-1] for a in links]
        linkers = [s for s in linkers if _shows(pages[f"{s}/index.html"], slug, title)]
        score = abs(len(linkers) - wanted)
        if linkers and (best is None or score < best[0]):
            best = (score, slug, linkers)
    if best is None:
        raise SystemExit("no article is linked from another one")
    return best[1], best[2]


def _shows(data: bytes, slug: str, title: str) -> bool:
    """Whether a page has a link to ``slug`` that reads ``title``."""
    links = HTMLParser(data.decode("utf-8")).css(f'a[href$="/{slug}/"]')
    return any(a.text(strip=True) == title for a in links)


def _settle(preview: Preview) -> None:
    """Let the watcher go quiet so runs do not overlap."""
    time.sleep(0.3)


def _load() -> str:
    return "/".join(f"{value:.2f}" for value in os.getloadavg())


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


if __name__ == "__main__":
    sys.exit(main())
