"""Error and warning lines: problems that differ only in their place are grouped."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.errors import (
    BuildFailed,
    Diagnostic,
    FrontMatterError,
    LinkError,
    UnfoundLink,
    completed,
    interruption,
    nearest,
    report_lines,
    warning_lines,
)


def unknown_citation(line: int) -> FrontMatterError:
    return FrontMatterError("citation [^x] names no reference", "content/a.md", line, "add it")


def test_one_problem_at_many_places_is_one_line_with_a_count_and_the_first_places() -> None:
    failed = BuildFailed([unknown_citation(line) for line in range(3, 50_003)])
    assert report_lines(failed) == [
        "error: content/a.md:3: citation [^x] names no reference — add it (50,000 times; also at "
        "content/a.md:4, content/a.md:5, content/a.md:6 and 49,996 more)"
    ]


def test_a_few_repeats_stay_a_line_each_in_file_order() -> None:
    other = LinkError("citation [^x] names no reference", "content/b.md", 1, "add it")
    failed = BuildFailed([unknown_citation(3), other, unknown_citation(9)])
    assert report_lines(failed) == [
        "error: content/a.md:3: citation [^x] names no reference — add it",
        "error: content/b.md:1: citation [^x] names no reference — add it",
        "error: content/a.md:9: citation [^x] names no reference — add it",
    ]


def test_a_problem_again_at_its_own_place_is_one_line_with_a_count() -> None:
    """'[^x] and [^x]' on one line printed the same line twice, as if two things were wrong;
    another place stays a line of its own."""
    warnings = [Diagnostic("image 'a.png' has no alt text", "content/a.md", 6)] * 2
    failed = BuildFailed([unknown_citation(3), unknown_citation(3), unknown_citation(9)])
    assert report_lines(failed) == [
        "error: content/a.md:3: citation [^x] names no reference — add it (2 times here)",
        "error: content/a.md:9: citation [^x] names no reference — add it",
    ]
    assert warning_lines(warnings) == [
        "warning: content/a.md:6: image 'a.png' has no alt text (2 times here)"
    ]


def test_from_five_places_a_group_is_one_line_where_the_first_was() -> None:
    before = LinkError("link 'x' matches no article", "content/a.md", 1)
    failed = BuildFailed([before, *(unknown_citation(n) for n in (3, 4, 5, 6, 7))])
    assert report_lines(failed) == [
        "error: content/a.md:1: link 'x' matches no article",
        "error: content/a.md:3: citation [^x] names no reference — add it (5 times; also at "
        "content/a.md:4, content/a.md:5, content/a.md:6 and 1 more)",
    ]


def test_a_different_hint_is_another_group() -> None:
    hinted = [
        FrontMatterError("citation [^x] names no reference", "content/a.md", n, "other")
        for n in range(10, 15)
    ]
    failed = BuildFailed([*(unknown_citation(n) for n in range(5)), *hinted])
    assert len(report_lines(failed)) == 2


def test_repeated_warnings_are_grouped_too() -> None:
    warnings = [Diagnostic("reference 'r' is never cited", "content/a.md", n) for n in range(2, 7)]
    assert warning_lines(warnings) == [
        "warning: content/a.md:2: reference 'r' is never cited (5 times; also at content/a.md:3, "
        "content/a.md:4, content/a.md:5 and 1 more)"
    ]


def test_repeats_without_a_place_are_counted() -> None:
    failed = BuildFailed([FrontMatterError("no place") for _ in range(6)])
    assert report_lines(failed) == ["error: no place (6 times)"]


def test_an_interruption_is_found_through_what_wrapped_it() -> None:
    stop = KeyboardInterrupt()
    wrapped = RuntimeError("Error calling __set_name__")
    wrapped.__cause__ = stop
    during_cleanup = OSError("cleaning up")
    during_cleanup.__context__ = wrapped
    assert interruption(stop) is stop
    assert interruption(wrapped) is stop
    assert interruption(during_cleanup) is stop
    assert interruption(ValueError("a real error")) is None
    looped = ValueError("a")
    looped.__context__ = ValueError("b")
    looped.__context__.__context__ = looped
    assert interruption(looped) is None


def test_nearest_offers_what_the_word_begins_before_what_comes_close() -> None:
    ids = ["cdc-sleep", "cdcp", "nhlbi-sleep", "cdc-sleep-2024", "cdc-x"]
    assert completed("cdc", ids) == ["cdc-x", "cdc-sleep", "cdc-sleep-2024"]
    assert nearest("CDC", ids) == ["cdc-x", "cdc-sleep", "cdc-sleep-2024"]
    assert nearest("sleep", ids) == ["cdc-sleep", "nhlbi-sleep"]
    assert completed("", ids) == [] and nearest("zzz", ids) == []


@given(
    st.lists(st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,3}", fullmatch=True), min_size=1),
    st.data(),
)
def test_an_id_cut_at_a_dash_is_offered_an_id_it_begins(
    ids: list[str], data: st.DataObject
) -> None:
    whole = data.draw(st.sampled_from(ids))
    cut = whole.rsplit("-", 1)[0]
    found = nearest(cut.upper(), ids)
    assert len(found) <= 3 and len(set(found)) == len(found) and set(found) <= set(ids)
    if cut != whole:
        assert found[0].startswith(cut + "-")


def test_a_link_naming_nothing_pickles_with_its_name_and_kind() -> None:
    """Unpickled from its message alone, as every exception is, then its fields set."""
    problem = UnfoundLink("link 'x#y' matches no article", "content/a.md", 3, "f", "x", "link", "y")
    again = pickle.loads(pickle.dumps(problem))
    assert (str(again), again.name, again.kind, again.fragment) == (str(problem), "x", "link", "y")
