"""bench/run.py end to end on a tiny corpus, and its parts on literal data (no timing checked)."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from articlegen.core.programs import find_pagefind
from bench import measure as measure_module
from bench import report, run
from bench.hugo_site import hugo_binary
from bench.measure import Measurement, measure, tree_memory
from bench.report import Target

ARTICLEGEN_CASES = [
    "cold build, search off",
    "nothing changed, no receipt",
    "nothing changed",
    "first body edit after a cold build, search off",
    "one body edit, search off",
    "one title edit, search off",
]
SEARCH_CASES = [
    "cold build, search on",
    "first body edit after a cold build, search on",
    "one body edit, search on",
]


def test_rounds_alternate_hugo_and_articlegen_and_every_case_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    commands: list[str] = []

    def recorded(argv: Sequence[str], **options: Any) -> Measurement:
        commands.append("articlegen" if argv[1:3] == ["-m", "articlegen"] else Path(argv[0]).name)
        return measure(argv, **options)

    monkeypatch.setattr(run, "measure", recorded)
    saved = tmp_path / "results.json"
    assert run.main(["--articles", "5", "--rounds", "2", "--save", str(saved)]) == 0
    printed = capsys.readouterr().out
    results = report.from_json(saved.read_text())
    assert printed == report.render(results) + "\n"
    assert printed.startswith("5 articles (seed 7); 2 rounds, each ")
    search = find_pagefind() is not None
    labels = [case.label.split(" (")[0] for case in results.cases]
    assert labels == ARTICLEGEN_CASES + (SEARCH_CASES if search else [])
    assert all(len(case.runs) == 2 for case in results.cases)
    figures = [(m.wall, m.cpu, m.peak) for case in results.cases for m in case.runs]
    assert all(wall > 0 and cpu > 0 and peak > 0 for wall, cpu, peak in figures)
    assert results.cases[0].target == Target(2.0, stretch=1.0)
    assert len(results.setup.round_loads) == 2 and results.setup.cpus == os.cpu_count()
    # one Hugo build, then articlegen's builds: Hugo, articlegen, Hugo, articlegen
    rounds = "".join("H" if c.startswith("hugo") else "a" for c in commands)
    if hugo_binary() is None:
        assert results.hugo is None and set(rounds) == {"a"}
    else:
        assert results.hugo is not None and len(results.hugo.runs) == 2
        assert re.fullmatch(r"(Ha{6,})(Ha{6,})", rounds), rounds


def test_markdown_without_hugo(capsys: pytest.CaptureFixture[str]) -> None:
    assert run.main(["--articles", "4", "--rounds", "1", "--no-hugo", "--markdown"]) == 0
    lines = capsys.readouterr().out.splitlines()
    table = [line for line in lines if line.startswith("|")]
    assert table[0] == "| " + " | ".join(report.HEAD) + " |"
    assert not any("Hugo cold build" in line for line in table)
    assert all(line.split(" | ")[4:7] == ["-", "-", "-"] for line in table[2:])
    assert len(table) >= 2 + len(ARTICLEGEN_CASES)
    assert "Hugo did not run." in lines


def test_save_into_a_missing_folder_is_refused_before_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        run.main(["--articles", "2", "--save", str(tmp_path / "missing" / "r.json")])
    assert stop.value.code == 2
    assert f"--save: folder {tmp_path / 'missing'} does not exist" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_set_search_turns_the_site_search_on_and_off(tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text('title: "T"\nsearch: false\nper_page: 10\n')
    run.set_search(tmp_path, True)
    assert (tmp_path / "site.yaml").read_text() == 'title: "T"\nsearch: true\nper_page: 10\n'
    run.set_search(tmp_path, False)
    assert "search: false\n" in (tmp_path / "site.yaml").read_text()


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


def test_one_memory_map_read_twice_counts_once(monkeypatch) -> None:
    """As a ``vfork`` child reads before it execs: its parent's map, not a second one."""
    rollups = {1: "7f00-7fff ---p 00000000 00:00 0 [rollup]\nRss: 900 kB\nPss: 800 kB\n"}
    rollups[2] = rollups[1]  # the child, between vfork and exec
    rollups[3] = rollups[1].replace("800", "100")  # a child of its own
    monkeypatch.setattr(measure_module, "descendants", lambda pid: [1, 2, 3])
    monkeypatch.setattr(measure_module, "_read", lambda pid, name: rollups[pid])
    assert tree_memory(1) == (800 + 100) * 1024


def test_articlegen_runs_byte_compiled_even_where_the_machine_turns_it_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An installed package's modules are compiled; a machine-wide PYTHONDONTWRITEBYTECODE
    would otherwise make every timed build compile them all again."""
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    ours = run.Articlegen(tmp_path / "site", None, tmp_path / "bytecode")
    assert "PYTHONDONTWRITEBYTECODE" not in ours.env
    assert ours.env["PYTHONPYCACHEPREFIX"] == str(tmp_path / "bytecode")
    compiled = {path.name.split(".")[0] for path in (tmp_path / "bytecode").rglob("*.pyc")}
    assert {"build", "cache", "templates", "command"} <= compiled


def test_set_aside_moves_what_a_cold_build_must_not_find_without_deleting_it(
    tmp_path: Path,
) -> None:
    """Deleting thousands of files just before a timed build would time the file system's
    handling of their inodes (bench/run.py's docstring): they are moved, each kept apart."""
    set_aside = run.SetAside(tmp_path / "set-aside")
    site = tmp_path / "site"
    (site / "public" / "post").mkdir(parents=True)
    (site / "public" / "post" / "index.html").write_text("old", encoding="utf-8")
    (site / ".articlegen-cache").mkdir()
    ours = run.Articlegen(site, None, tmp_path / "bytecode", set_aside)
    ours.clean()
    ours.clean()  # nothing left to move: no error, nothing moved twice
    assert not (site / "public").exists() and not (site / ".articlegen-cache").exists()
    moved = sorted(path.name for path in (tmp_path / "set-aside").iterdir())
    assert moved == ["1-public", "2-.articlegen-cache"]
    kept = tmp_path / "set-aside" / "1-public" / "post" / "index.html"
    assert kept.read_text(encoding="utf-8") == "old"
    (site / "public").mkdir()
    set_aside(site / "public")
    assert (tmp_path / "set-aside" / "3-public").is_dir()
