"""bench/run.py end to end on a tiny corpus, and its parts on literal data (no timing checked)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from bench import run
from bench.hugo_site import hugo_binary
from bench.measure import measure, tree_memory

RATIOS = ["time vs Hugo", "memory vs Hugo", "target met"]
CASES = (
    "cold build",
    "rebuild, nothing changed, no receipt",
    "rebuild, nothing changed (up to date)",
    "rebuild, one body",
    "rebuild, one title",
)


def test_prints_a_row_per_case(capsys: pytest.CaptureFixture[str]) -> None:
    assert run.main(["--articles", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("5 articles (seed 7)")
    header, *rows = (re.split(r"\s{2,}", line.strip()) for line in lines[1:])
    assert header == ["case", "wall s", "CPU s", "peak MB", *RATIOS]
    for case in CASES:
        (row,) = [r for r in rows if r[0].startswith(case)]
        assert float(row[1]) > 0 and float(row[2]) > 0 and int(row[3]) > 0
    hugo = [r for r in rows if r[0] == "Hugo cold build"]
    if hugo_binary() is None:
        assert not hugo and all(r[4:] == ["-", "-", "-"] for r in rows)
    else:
        assert hugo[0][4:6] == ["100%", "100%"]
        (cold,) = [r for r in rows if r[0].startswith("cold build")]
        assert "(time ≤ 200%)" in cold[6] and "(memory < 40%)" in cold[6]


def test_markdown_table_without_hugo(capsys: pytest.CaptureFixture[str]) -> None:
    assert run.main(["--articles", "4", "--no-hugo", "--markdown"]) == 0
    lines = capsys.readouterr().out.splitlines()
    table = [line for line in lines if line.startswith("|")]
    assert table[0].startswith("| case | wall s | CPU s | peak MB |")
    assert table[1] == "| " + " | ".join(["---"] * 7) + " |"
    assert not any("Hugo cold build" in line for line in table)
    assert all(line.endswith("| - | - | - |") for line in table[2:])
    assert len(table) >= 2 + 4


def test_most_linked_counts_see_also_and_body_links(tmp_path: Path) -> None:
    files = {
        "a.md": "---\ntitle: A\nsee_also:\n  - c\n---\nSee [[b]].\n",
        "b.md": "---\ntitle: B\n---\nSee [more](c.md) and [[c|text]].\n",
        "c.md": "---\ntitle: C\nsee_also:\n  - a\n---\nSee [[c]] itself.\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    assert run.most_linked(tmp_path) == ("c", ["a", "b"])


def test_measure_sums_the_process_tree_and_keeps_the_exit_code() -> None:
    child = (
        "import subprocess, sys, time; block = bytearray(60_000_000); "
        "subprocess.run([sys.executable, '-c', 'b = bytearray(60_000_000); "
        "import time; time.sleep(0.4)']); sys.exit(3)"
    )
    result = measure([sys.executable, "-c", child])
    assert result.code == 3
    assert result.peak > 110_000_000  # both processes' blocks were counted together
    assert result.cpu > 0 and result.wall > 0.4


def test_tree_memory_of_a_finished_process_is_zero() -> None:
    assert tree_memory(2**22 + 12345) == 0
