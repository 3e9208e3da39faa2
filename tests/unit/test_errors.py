"""Error and warning lines: problems that differ only in their place are grouped."""

from __future__ import annotations

from articlegen.core.errors import (
    BuildFailed,
    Diagnostic,
    FrontMatterError,
    LinkError,
    interruption,
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
