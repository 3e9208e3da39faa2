"""Shared fixtures: inline sites written from one string, and a CLI runner."""

from __future__ import annotations

import gc
import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen.cli import main

# Property tests: a few quick examples while developing, 500 in CI (.ci/run sets the profile).
# No deadline: a build's time depends on the machine, and a slow example is not a failure.
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile("ci", max_examples=500, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

SITE_YAML = """\
title: "Example Site"
base_url: "https://example.test/"
author: "Example Author"
description: "An example site."
"""


def write_tree(root: Path, spec: str) -> Path:
    """Write files given as ``-- path --`` headers each followed by the file's text."""
    spec = textwrap.dedent(spec)
    current: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if current is not None:
            target = root / current
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("".join(lines), encoding="utf-8")

    for line in spec.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("-- ") and stripped.endswith(" --"):
            flush()
            current, lines = stripped[3:-3].strip(), []
        else:
            lines.append(line)
    flush()
    return root


def article(title: str, body: str = "Some text.", **fields: object) -> str:
    """Front-matter and body of an article, for inline sites."""
    header = [f'title: "{title}"']
    fields.setdefault("date", "2024-01-01")
    for key, value in fields.items():
        header.append(f"{key}: {value}")
    return "---\n" + "\n".join(header) + "\n---\n\n" + body + "\n"


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    """The garbage collector as it was before each test: a test that runs the command as
    its process's last act (``run()``, no ``argv``) leaves the collector off, as the command
    does (``cli.command._collections``), which a later test of that state would read."""
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    yield
    gc.set_threshold(*thresholds)
    if enabled:
        gc.enable()


@pytest.fixture
def site(tmp_path: Path) -> Callable[..., Path]:
    """``site({"a.md": text}, site_yaml=…, files={"templates/x.html": …})`` → a site folder."""

    def make(
        articles: dict[str, str], site_yaml: str = SITE_YAML, files: dict[str, str] | None = None
    ) -> Path:
        root = tmp_path / "site"
        (root / "content").mkdir(parents=True, exist_ok=True)
        (root / "site.yaml").write_text(site_yaml, encoding="utf-8")
        for name, text in articles.items():
            path = root / "content" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for name, text in (files or {}).items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """``run_cli("build", "--site", dir)`` → (exit code, stdout, stderr)."""

    def run(*argv: object) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def parse(path: Path) -> HTMLParser:
    """An output page, parsed."""
    return HTMLParser(path.read_text(encoding="utf-8"))
