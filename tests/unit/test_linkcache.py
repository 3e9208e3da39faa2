"""The link cache: good answers kept on disk, reused until they are old."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlegen.core.errors import OutputError
from articlegen.trust.linkcache import DAY, fresh, load_results, save_results
from articlegen.trust.linkfetch import LinkResult, Verdict

OK = LinkResult("https://example.test/a", Verdict.OK, "200 OK", None, 1_000.0)
MOVED = LinkResult("https://example.test/b", Verdict.MOVED, "301", "https://example.test/c", 2.5)
DEAD = LinkResult("https://example.test/d", Verdict.DEAD, "404 Not Found", None, 3.0)
FAILED = LinkResult("https://example.test/e", Verdict.FAILED, "503", None, 4.0)


def test_only_good_answers_are_kept_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "links.json"
    save_results(path, [FAILED, MOVED, DEAD, OK])
    assert load_results(path) == {OK.url: OK, MOVED.url: MOVED}
    assert [p.name for p in path.parent.iterdir()] == ["links.json"]  # no temporary left


def test_saving_replaces_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    save_results(path, [OK, MOVED])
    save_results(path, [OK])
    assert load_results(path) == {OK.url: OK}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "[]",
        '{"format": 99, "links": []}',
        '{"format": 1}',
        '{"format": 1, "links": [{"url": 3}]}',
        '{"format": 1, "links": [{"url": "u", "verdict": "odd", "detail": "",'
        ' "moved_to": null, "checked": 1}]}',
        '{"format": 1, "links": [{"url": "u", "verdict": "ok", "detail": "",'
        ' "moved_to": null, "checked": true}]}',
    ],
)
def test_a_file_that_is_not_one_this_writes_is_ignored(tmp_path: Path, text: str) -> None:
    path = tmp_path / "links.json"
    path.write_text(text, encoding="utf-8")
    assert load_results(path) == {}


def test_no_file_is_an_empty_cache(tmp_path: Path) -> None:
    assert load_results(tmp_path / "links.json") == {}


def test_an_answer_is_fresh_until_it_is_max_age_days_old() -> None:
    assert fresh(OK, OK.checked + 7 * DAY - 1, 7)
    assert not fresh(OK, OK.checked + 7 * DAY, 7)
    assert not fresh(OK, OK.checked, 0)  # 0 days: always ask
    assert not fresh(OK, OK.checked - 60, 7)  # stamped in the future: a clock was wrong


def test_a_cache_that_cannot_be_written_is_an_error_saying_so(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot save the link cache") as raised:
        save_results(blocker / "links.json", [OK])
    assert raised.value.hint is not None and "asks every address again" in raised.value.hint


def test_the_file_is_readable_json(tmp_path: Path) -> None:
    path = tmp_path / "links.json"
    save_results(path, [MOVED])
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "format": 1,
        "links": [
            {
                "url": MOVED.url,
                "verdict": "moved",
                "detail": "301",
                "moved_to": "https://example.test/c",
                "checked": 2.5,
            }
        ],
    }
