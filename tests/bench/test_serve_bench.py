"""bench/serve.py runs end to end on a tiny corpus (its timings are not checked here)."""

from __future__ import annotations

import pytest

from bench import serve


def test_prints_both_cases(capsys: pytest.CaptureFixture[str]) -> None:
    assert serve.main(["--articles", "12", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line}
    assert rows["body"][-1] == "ms" and rows["title"][-1] == "ms"
    assert "linked from" in out


def test_only_links_that_read_the_title_are_waited_for() -> None:
    page = b'<p><a href="/x/a/">A Title</a> and <a href="/x/b/">this guide</a></p>'
    assert serve._shows(page, "a", "A Title")
    assert not serve._shows(page, "b", "B Title")
    assert not serve._shows(page, "c", "A Title")
