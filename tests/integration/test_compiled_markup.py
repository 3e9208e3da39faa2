"""Builds with and without the compiled Markdown engine: the same site, and one note without."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen import build
from articlegen.markup import fastmarkup
from articlegen.markup.fastmarkup import MISSING_NOTE
from tests.conftest import SITE_YAML, article, parse
from tests.helpers import snapshot

ARTICLES = {
    "sleep.md": article(
        "Sleep",
        "Intro with **emphasis** and [[Stress]][^a].\n\n## Main\n\nText [more](stress.md).\n\n"
        '::: video https://vimeo.com/76979871 "A talk"\nWhat it covers.\n:::\n',
        references='[{id: a, title: "Example Study", url: "https://example.org/study"}]',
    ),
    "stress.md": article("Stress", "Body with `code [[Sleep]]` and ## hash.\n\n## Main\n"),
    "raw.md": article("Raw", "A table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"),
}


def without_wheel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fastmarkup, "AVAILABLE", False)


def test_the_site_is_the_same_without_the_compiled_engine(
    site, run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site(ARTICLES, site_yaml=SITE_YAML + "search: false\n")
    assert run_cli("build", "--site", root, "--no-cache", "--output", tmp_path / "fast")[0] == 0
    without_wheel(monkeypatch)
    code, _, err = run_cli("build", "--site", root, "--no-cache", "--output", tmp_path / "slow")
    assert code == 0, err
    assert snapshot(tmp_path / "fast") == snapshot(tmp_path / "slow")
    page = parse(tmp_path / "fast" / "sleep" / "index.html")
    assert page.css_first("h2#main-section a.header-anchor") is not None
    assert page.css_first("figure.video a.video-start") is not None


def test_without_the_wheel_a_build_says_so_once(site, run_cli, monkeypatch) -> None:
    without_wheel(monkeypatch)
    monkeypatch.setattr(build, "compiled_available", lambda: False)
    root = site(ARTICLES, site_yaml=SITE_YAML + "search: false\n")
    code, _, err = run_cli("build", "--site", root)
    assert code == 0, err
    assert err.splitlines().count(f"note: {MISSING_NOTE}") == 1
    code, _, err = run_cli("build", "--site", root)  # nothing to render: nothing to say
    assert code == 0, err
    assert MISSING_NOTE not in err


def test_with_the_wheel_a_build_says_nothing_of_it(site, run_cli) -> None:
    if not fastmarkup.AVAILABLE:
        pytest.skip("markdown-it-pyrs not installed")
    code, _, err = run_cli("build", "--site", site(ARTICLES))
    assert code == 0, err
    assert MISSING_NOTE not in err
