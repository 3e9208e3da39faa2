"""The link cache: good answers kept on disk, reused until they are old."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlegen.core.errors import OutputError
from articlegen.trust.linkcache import DAY, KEPT, fresh, load_results, save_results
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


@given(st.binary(max_size=300))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_bytes_in_the_file_read_as_a_cache_or_none(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "links.json"
    path.write_bytes(data)
    assert isinstance(load_results(path), dict)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


@given(st.fixed_dictionaries({"format": st.just(1), "links": st.lists(JSON, max_size=3)}))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_json_items_read_as_a_cache_or_none(tmp_path: Path, data: dict[str, object]) -> None:
    path = tmp_path / "links.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert all(isinstance(r, LinkResult) for r in load_results(path).values())


RESULTS = st.builds(
    LinkResult,
    url=st.text(min_size=1, max_size=40),
    verdict=st.sampled_from(Verdict),
    detail=st.text(max_size=40),
    moved_to=st.none() | st.text(max_size=40),
    checked=st.floats(min_value=0, max_value=4e9),
)


@given(st.lists(RESULTS, max_size=5, unique_by=lambda r: r.url))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_what_is_saved_is_read_back_as_it_was(tmp_path: Path, results: list[LinkResult]) -> None:
    path = tmp_path / "links.json"
    save_results(path, results)
    assert load_results(path) == {r.url: r for r in results if r.verdict in KEPT}
