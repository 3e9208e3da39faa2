"""Build progress: the library reports each long stage, the CLI shows it only on a terminal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core import progress as progress_module
from articlegen.core.model import BuildOptions
from articlegen.incremental.cache import BuildCache
from tests.conftest import SITE_YAML, article

NO_SEARCH = SITE_YAML + "search: false\n"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def articles(count: int) -> dict[str, str]:
    return {
        f"a{n}.md": article(f"Article {n}", f"Text {n}.", date="2024-01-01") for n in range(count)
    }


def stages(reports: list[tuple[str, int, int]]) -> list[str]:
    return list(dict.fromkeys(stage for stage, _, _ in reports))


def test_each_stage_counts_up_to_its_total(site, tmp_path: Path) -> None:
    root = site(articles(5), site_yaml=NO_SEARCH)
    reports: list[tuple[str, int, int]] = []
    result = build_site(root, BuildOptions(jobs=1), progress=lambda *r: reports.append(r))
    assert stages(reports) == ["reading articles", "rendering pages", "writing files"]
    reading = [(d, t) for s, d, t in reports if s == "reading articles"]
    assert reading == [(n, 5) for n in range(1, 6)]
    rendering = [(d, t) for s, d, t in reports if s == "rendering pages"]
    html_pages = sum(page.out_path.endswith(".html") for page in result.pages)
    assert rendering[-1] == (html_pages, html_pages) and len(rendering) == html_pages


def test_a_cached_rebuild_has_nothing_to_count(site) -> None:
    root = site(articles(3), site_yaml=NO_SEARCH)
    cache = BuildCache()
    build_site(root, BuildOptions(jobs=1), cache=cache)
    reports: list[tuple[str, int, int]] = []
    build_site(root, BuildOptions(jobs=1), cache=cache, progress=lambda *r: reports.append(r))
    assert stages(reports) == ["writing files"]


def test_terminal_shows_a_line_and_erases_it(site, run_cli, monkeypatch) -> None:
    root = site(articles(3), site_yaml=NO_SEARCH)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    code, out, _ = run_cli("build", "--site", root, "--jobs", "1")
    shown = terminal.getvalue()
    assert code == 0 and out.startswith("3 articles, ") and len(out.splitlines()) == 1
    assert shown.startswith("\rreading articles [") and "rendering pages [" in shown
    assert shown.endswith(" \r") and shown.rsplit("\r", 2)[-2].strip() == ""


@pytest.mark.parametrize("terminal", [False, True])
def test_quiet_or_a_log_gets_no_progress(site, run_cli, monkeypatch, terminal: bool) -> None:
    root = site(articles(3), site_yaml=NO_SEARCH)
    stream = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    quiet = ["--quiet"] if terminal else []
    code, out, _ = run_cli("build", "--site", root, *quiet)
    assert code == 0 and stream.getvalue() == ""
    assert out == "" if terminal else len(out.splitlines()) == 1
