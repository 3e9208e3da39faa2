"""Every exception articlegen raises, and how problems are reported.

The base error and the warning record live in ``problems`` (below ``model``); they are
imported from here like the rest.

An error always knows where it happened (file, line) and, where we can tell,
how to fix it, so the CLI can print ``path:line: message — hint`` and never a
traceback.
"""

from __future__ import annotations

import contextlib
import difflib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from .console import counted
from .lookalike import difference

# Re-exported (the `as` says so to type checkers): every module imports them from here.
from .problems import ArticlegenError as ArticlegenError
from .problems import Diagnostic as Diagnostic
from .problems import one_line


class ConfigError(ArticlegenError):
    """``site.yaml`` is missing, malformed or names an unknown key."""


class FrontMatterError(ArticlegenError):
    """An article's header or file is unusable."""


class ReviewerMissingError(FrontMatterError):
    """``reviewed_on`` without ``reviewed_by``: read before ``site.yaml`` is at hand, so the
    build gives its hint the site's reviewer ids (``trust.people.offer_reviewers``)."""


class LinkError(ArticlegenError):
    """A cross-link that points nowhere, to itself, or to a draft."""


class UnfoundLink(LinkError):
    """A cross-link that matches no article: ``name`` is what it names (its ``#id`` cut off,
    ``fragment``) and ``kind`` where it is written (``see_also``, ``link``), so that a later
    stage may offer the article that once had that name (``incremental/renamedlinks.py``),
    working it out only for the links that fail. Every argument after the message has a default, as
    ``ArticlegenError``'s do: an exception is unpickled from its message alone."""

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
        name: str = "",
        kind: str = "link",
        fragment: str = "",
        offered: str = "",
    ) -> None:
        super().__init__(message, path, line, hint)
        self.name = name
        self.kind = kind
        self.fragment = fragment
        self.offered = offered
        """The message's end that offers the articles spelt closest (`` (did you mean …?)``),
        left out where the article the name once was is known."""


class MarkupError(ArticlegenError):
    """The Markdown body asks for something we refuse (e.g. an image without alt text)."""


class TemplateError(ArticlegenError):
    """A Jinja template failed to parse or to render."""


class OutputError(ArticlegenError):
    """The output folder is unsafe or could not be written."""


class SourceError(ArticlegenError):
    """A file given to ``articlegen import`` cannot be turned into an article."""


class BuildFailed(ArticlegenError):
    """Many problems at once: validators collect everything before failing."""

    def __init__(self, errors: Iterable[ArticlegenError]) -> None:
        self.errors: tuple[ArticlegenError, ...] = tuple(_flatten(errors))
        super().__init__(counted(len(self.errors), "error"))


def _flatten(errors: Iterable[ArticlegenError]) -> Iterable[ArticlegenError]:
    for error in errors:
        if isinstance(error, BuildFailed):
            yield from error.errors
        else:
            yield error


def report_lines(error: ArticlegenError) -> list[str]:
    """What the console and the preview's error overlay both show, so the two never differ.
    Errors that differ only in their place are one line (see ``grouped``)."""
    errors = error.errors if isinstance(error, BuildFailed) else (error,)
    lines = []
    for each, *again in grouped(errors):
        lines.append(f"error: {each}{repeated(each, again)}")
        cause = each.__cause__
        if cause is not None and not isinstance(cause, ArticlegenError | UnicodeDecodeError):
            detail = [one_line(line) for line in str(cause).strip().splitlines()[:1]]
            said = isinstance(cause, OSError) and cause.strerror and cause.strerror in str(each)
            if detail and detail[0] not in str(each) and not said:
                lines.append(f"  caused by: {type(cause).__name__}: {detail[0]}")
    return lines


def warning_lines(warnings: Iterable[Diagnostic]) -> list[str]:
    """The console's warning lines, those that differ only in their place grouped as errors
    are."""
    return [f"warning: {each}{repeated(each, again)}" for each, *again in grouped(warnings)]


PLACES_SHOWN = 3
"""How many further places a grouped problem line names before counting the rest."""
GROUPED_FROM = 5
"""A problem found at this many places or more is one line; fewer stay a line each, in file
order, so an editor's error list still jumps to each."""


def grouped(problems: Iterable[_Placed]) -> list[list[_Placed]]:
    """``problems`` in order, those that differ only in their place (same kind, message,
    hint and cause) at ``GROUPED_FROM`` places or more together where the first was: one
    undefined citation used 50,000 times is one line, not 50,000 identical ones. Fewer stay
    a line a place, those at one place together."""
    problems = list(problems)
    groups: dict[tuple[object, ...], list[int]] = {}
    for number, problem in enumerate(problems):
        groups.setdefault(_sameness(problem), []).append(number)
    lines: list[list[_Placed]] = []
    for number, problem in enumerate(problems):
        group = groups[_sameness(problem)]
        if len(group) < GROUPED_FROM:  # the same problem at one place (two [^x] on a line)
            place = (problem.path, problem.line)  # is one line all the same
            group = [n for n in group if (problems[n].path, problems[n].line) == place]
        if group[0] == number:
            lines.append([problems[n] for n in group])
    return lines


def _sameness(problem: ArticlegenError | Diagnostic) -> tuple[object, ...]:
    cause = getattr(problem, "__cause__", None)
    return (type(problem), problem.message, problem.hint, type(cause), str(cause))


def repeated(first: _Placed, again: Sequence[_Placed]) -> str:
    """`` (3 times; also at a.md:7, a.md:9)`` for a problem found ``again`` elsewhere: the
    count and the first ``PLACES_SHOWN`` places; `` (2 times here)`` where it was found again
    only at the ``first`` one's place; empty when it was found once."""
    if not again:
        return ""
    here = _place(first)
    places = list(dict.fromkeys(where for p in again if (where := _place(p)) and where != here))
    if not places and here:
        return f" ({len(again) + 1:,} times here)"
    shown = ", ".join(places[:PLACES_SHOWN])
    rest = len(places) - PLACES_SHOWN
    also = f"; also at {shown}" + (f" and {rest:,} more" if rest > 0 else "") if shown else ""
    return f" ({len(again) + 1:,} times{also})"


def _place(problem: ArticlegenError | Diagnostic) -> str:
    error = problem.as_error() if isinstance(problem, Diagnostic) else problem
    return one_line(error.location())


def attempt(problems: list[ArticlegenError], func: Callable[..., T], *args: object) -> T | None:
    """``func(*args)``; if it fails with input errors, None and the errors added to
    ``problems``, so a validator goes on and reports every problem in one go."""
    try:
        return func(*args)
    except ArticlegenError as error:
        problems.extend(_flatten([error]))
        return None


def raise_if_any(errors: list[ArticlegenError]) -> None:
    """Fail with every collected problem, sorted by place (those of a ``BuildFailed``
    among them each at its own), or do nothing."""
    if errors:
        raise BuildFailed(by_place(_flatten(errors)))


@contextlib.contextmanager
def failing_with(errors: list[ArticlegenError]) -> Iterator[None]:
    """Fail with ``errors`` once the block has run, or with those and the ones it raises,
    in one report: ``--strict``'s errors (its warnings), held until the checks after them
    have spoken, so that a fix-and-build round is not needed for each check."""
    try:
        yield
    except ArticlegenError as failed:
        if not errors:
            raise
        raise_if_any([*_flatten([failed]), *errors])
    raise_if_any(errors)


def by_place(problems: Iterable[_Placed]) -> list[_Placed]:
    """Errors or warnings in file order, then line order, so output is stable."""
    return sorted(problems, key=lambda p: (p.path or "", p.line or 0))


def interruption(error: BaseException) -> KeyboardInterrupt | None:
    """The Ctrl-C ``error`` is, or became on its way up; None if it is none. Python 3.11
    wraps a ``KeyboardInterrupt`` raised while a class is made in a ``RuntimeError`` ("Error
    calling __set_name__"), and an error in code cleaning up after one has it as its
    context: either way the command was interrupted, and says so rather than a traceback."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


class InterruptedAfterWrite(KeyboardInterrupt):
    """Ctrl-C after the new site was swapped in: the site is published; only what comes
    after (stamping its files, saving the build cache) was cut short. Reported as such,
    not as "the previous output is untouched", which would no longer be true."""

    def __init__(self, output: str) -> None:
        super().__init__(output)
        self.output = output
        """The output folder that now holds the new site."""


_Placed = TypeVar("_Placed", ArticlegenError, Diagnostic)
T = TypeVar("T")


def closest(word: str, candidates: Iterable[str]) -> list[str]:
    """Up to three candidates close to ``word``, best first."""
    return difflib.get_close_matches(word, list(candidates), n=3, cutoff=0.6)


def completed(word: str, candidates: Iterable[str]) -> list[str]:
    """Up to three candidates that begin with ``word`` and go on after one of its words ends,
    shortest first: a name cut short (``cdc`` for the id ``cdc-sleep``, ``Ketamine: The New
    Frontier`` for ``Ketamine: The New Frontier in Mental Fitness…``) is too short beside the
    whole for ``closest``'s ratio."""
    cut = len(word)
    found = (c for c in candidates if len(c) > cut and c.startswith(word) and not c[cut].isalnum())
    return sorted(found, key=lambda c: (len(c), c))[:3] if word else []


def nearest(word: str, candidates: Iterable[str]) -> list[str]:
    """Up to three candidates ``word`` may mean, best first: those it begins at a word's end
    (``completed``: ``cdc`` for the id ``cdc-sleep``), then the ``closest``, as written and
    then in lowercase (``Ref-Two`` for ``ref-two``)."""
    listed, folded = list(candidates), word.casefold()
    near = [*completed(folded, listed), *closest(word, listed), *closest(folded, listed)]
    return list(dict.fromkeys(near))[:3]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest candidates, or an empty string."""
    return suggestion(closest(word, candidates), word)


def suggestion(matches: Iterable[str], written: str | None = None) -> str:
    """`` (did you mean 'a' or 'b'?)`` for ``matches``, or an empty string. Given what was
    ``written``, a match that would look the same says how it differs (``lookalike``)."""
    listed = " or ".join(_offered(m, written) for m in dict.fromkeys(matches))
    return f" (did you mean {listed}?)" if listed else ""


def _offered(match: str, written: str | None) -> str:
    how = difference(written, match) if written is not None else ""
    return f"'{match}' ({how})" if how else f"'{match}'"
