"""``--jobs N``: the same bytes as one process, the same errors, and Ctrl-C still safe.

The thresholds below which work stays in one process are lowered here, so that
these small sites do use worker processes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from articlegen.core import workers
from articlegen.incremental import sources
from articlegen.render import templates
from tests.conftest import article
from tests.helpers import snapshot

SRC = Path(__file__).parents[2] / "src"
TAGS = ["sleep", "heart", "food"]


@pytest.fixture
def pools(monkeypatch) -> list[int]:
    """Every job uses workers; the list counts the pools started."""
    monkeypatch.setattr(sources, "MIN_PARALLEL_ARTICLES", 2)
    monkeypatch.setattr(templates, "MIN_PARALLEL_PAGES", 2)
    started: list[int] = []
    original = workers._start_pool

    def counted(processes: int):
        started.append(processes)
        return original(processes)

    monkeypatch.setattr(workers, "_start_pool", counted)
    return started


def many(count: int, words: int = 40) -> dict[str, str]:
    return {
        f"a{n:03d}.md": article(
            f"Article {n}",
            f"Part {n}. " + "Some words here. " * words + f"See [[a{(n + 1) % count:03d}]].",
            date=f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
            tags=f"[{TAGS[n % 3]}]",
            see_also=f"[a{(n + 2) % count:03d}]",
        )
        for n in range(count)
    }


def test_two_jobs_write_the_same_bytes_as_one(site, run_cli, pools, tmp_path: Path) -> None:
    root = site(many(24))
    one, two = tmp_path / "one", tmp_path / "two"
    assert run_cli("build", "--site", root, "--no-cache", "--jobs", "1", "--output", one)[0] == 0
    assert pools == []
    assert run_cli("build", "--site", root, "--no-cache", "--jobs", "2", "--output", two)[0] == 0
    assert pools == [2, 2]  # Markdown, then pages
    assert snapshot(two) == snapshot(one)


def test_an_incremental_build_with_two_jobs_matches_a_clean_one(
    site, run_cli, pools, tmp_path: Path
) -> None:
    root = site(many(24))
    assert run_cli("build", "--site", root, "--jobs", "2")[0] == 0
    for n in (3, 7, 11):
        path = root / f"content/a{n:03d}.md"
        path.write_text(path.read_text().replace("Article", "Changed article"))
    pools.clear()
    code, out, _ = run_cli("build", "--site", root, "--jobs", "2")
    assert code == 0 and "rendered, the rest unchanged" in out
    assert pools == [2, 2]
    clean = tmp_path / "clean"
    assert run_cli("build", "--site", root, "--no-cache", "--jobs", "1", "--output", clean)[0] == 0
    assert snapshot(root / "public") == snapshot(clean)


def errors_with(jobs: int, root: Path, run_cli) -> tuple[int, str]:
    code, _, err = run_cli("build", "--site", root, "--no-cache", "--jobs", jobs)
    return code, err


def test_a_template_error_in_a_worker_names_its_file_and_line(site, run_cli, pools) -> None:
    broken = "{% extends 'base.html' %}\n{% block main %}\n{{ no_such_value }}\n{% endblock %}\n"
    root = site(many(8), files={"templates/article.html": broken})
    assert errors_with(2, root, run_cli) == errors_with(1, root, run_cli)
    code, err = errors_with(2, root, run_cli)
    assert code == 1 and pools
    assert err.splitlines()[0].startswith(
        "error: templates/article.html:3: template error: 'no_such_value' is undefined"
        " — this page is given: abs_url, article, body,"
    )
    assert "Traceback" not in err


def test_bad_input_read_in_a_worker_is_reported_in_full(site, run_cli, pools) -> None:
    articles = many(8)
    articles["a002.md"] = articles["a002.md"].replace("date:", "dat:")
    root = site(articles)
    (root / "content/a005.md").write_bytes(b'---\ntitle: "Caf\xe9"\n---\n')
    code, err = errors_with(2, root, run_cli)
    assert (code, err) == errors_with(1, root, run_cli)
    assert code == 1 and pools
    lines = err.splitlines()
    assert lines[0].startswith("error: content/a002.md:3: unknown key 'dat' (did you mean 'date'")
    assert lines[1] == (
        "error: content/a005.md:2: not UTF-8 text: byte 0xe9 at offset 15"
        " — save the file as UTF-8 in your editor"
    )


def children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_ctrl_c_while_workers_render_stops_them_all_and_keeps_the_site(
    site, run_cli, tmp_path: Path
) -> None:
    """Ctrl-C in a terminal reaches the whole process group: the build and its workers."""
    root = site(many(400, words=120))
    output = tmp_path / "www" / "public"
    command = [sys.executable, "-m", "articlegen", "build", "--site", root, "--output", output]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    assert subprocess.run([*command, "--no-cache"], env=env, check=False).returncode == 0
    (root / "site.yaml").write_text((root / "site.yaml").read_text().replace("An ex", "Ex"))
    before = snapshot(output)
    process = subprocess.Popen(
        [*command, "--jobs", "2"],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while process.poll() is None and len(children(process.pid)) < 2:
            assert time.monotonic() < deadline, "the build never started its workers"
            time.sleep(0.005)
        workers_seen = children(process.pid)
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=60)
    finally:  # a hung build must not outlive the test
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert (process.returncode, err) == (
        130,
        "error: interrupted; the previous output is untouched\n",
    )
    assert snapshot(output) == before
    assert sorted(p.name for p in output.parent.iterdir()) == ["public"]
    time.sleep(0.2)
    assert not [pid for pid in workers_seen if Path(f"/proc/{pid}").exists()]
