"""An article's sources: the ``references:`` list, and the numbering of ``[^id]`` citations.

Works on plain records (``Reference`` from the front-matter, the citations that
rendering found in the body), so the numbering rules are tested with literal data.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping, Sequence

from ..core.errors import (
    ArticlegenError,
    Diagnostic,
    FrontMatterError,
    LinkError,
    nearest,
    raise_if_any,
    suggestion,
)
from ..core.model import (
    CitationMark,
    Date,
    LinkRef,
    NumberedReference,
    NumberedReferences,
    Reference,
)
from ..core.nestedkeys import REFERENCE, key_names, required_keys, text_keys
from ..core.pageids import citation_anchor, reference_anchor
from ..core.records import record
from ..core.slugs import is_slug, slugify
from ..core.weburl import full_address
from ..core.yamlchecks import meant_keys, unknown_key_problems
from ..core.yamlentry import Entry
from .referencevalues import reference_date, reference_text, reference_value

_TEXT_KEYS = frozenset(text_keys(REFERENCE))
"""Every key but ``date``: each one text (a number, as a page count or an id may be, taken as
one)."""
_PLAIN_KEYS = _TEXT_KEYS - {"id", "url"}
"""The text keys whose text is all there is to check (``reference_value``)."""
_KEYS = key_names(REFERENCE)
_REQUIRED = required_keys(REFERENCE)
_KEY_SET = frozenset(_KEYS)
_REQUIRED_SET = frozenset(_REQUIRED)
"""A reference whose keys are among ``_KEY_SET`` and hold ``_REQUIRED_SET``, as nearly all
do, has no problem of its keys to look for (``_key_problems``): none of them is an
identifier's (``_IDENTIFIERS``) in any case."""
_IDENTIFIERS = {
    "doi": ("a DOI", "doi:{}", "https://doi.org/<its DOI>"),
    "pmid": ("a PubMed id", "PMID: {}", "https://pubmed.ncbi.nlm.nih.gov/<its number>/"),
}
"""Keys reference managers export a source's identifier under (``doi: 10.1000/xyz``): what
it is, the form ``full_address`` reads, and the address to write when the value is none."""


@record
class Citations:
    """What numbering one article's citations gives: marks for the body, the list, problems."""

    marks: tuple[CitationMark, ...] = ()
    """One per body citation, in body order; complete only when there are no problems."""
    listed: tuple[NumberedReference, ...] = ()
    """The reference list, in number order."""
    problems: tuple[ArticlegenError, ...] = ()
    """Citations of ids the article does not define."""
    warnings: tuple[Diagnostic, ...] = ()
    """References with an id that the body never cites."""


def parse_references(entry: Entry, path: str, zone: zoneinfo.ZoneInfo) -> tuple[Reference, ...]:
    """The ``references:`` list of ``path``, each item checked at its own line; a date-time
    without an offset is in ``zone``."""
    if not isinstance(entry.value, list):
        raise FrontMatterError(
            "'references' must be a list", path, entry.line, _item_form(entry.value)
        )
    problems: list[ArticlegenError] = []
    references: list[Reference] = []
    seen: dict[str, int] = {}
    ids = [_written_id(item, path) for item in entry.items]  # each read once, for both uses
    valid = [i if i is not None and is_slug(i[0]) else None for i in ids]
    fixes = _fixed_ids(ids, valid)
    for number, (item, written) in enumerate(zip(entry.items, valid, strict=True), start=1):
        reference = _reference(item, number, path, zone, problems, fixes.get(number))
        # a valid id counts also in an item with other problems, so that a duplicate is named
        # in the same run as they are
        if written is not None and written[0] in seen:
            problems.append(
                FrontMatterError(
                    f"duplicate reference id '{written[0]}' (first used on line "
                    f"{seen[written[0]]})",
                    path,
                    written[1],
                    "give each reference its own id",
                )
            )
        elif written is not None:
            seen[written[0]] = item.line
        if reference is not None:
            references.append(reference)
    raise_if_any(problems)
    return tuple(references)


def _item_form(value: object) -> str:
    """How to write the sources of a ``references:`` that is no list, as items (``- id: x``):
    a mapping is one source (its keys a reference's), or sources by their ids (``sleep:``
    with ``title:`` under it), whose id each item's ``id:`` then holds."""
    if not isinstance(value, dict) or not value:
        return "write each source as '- title: …' with 'url: …' under it"
    first = next(iter(value))
    if _KEY_SET.isdisjoint(value):  # sources by their ids
        shown = f"- id: {first}" if isinstance(first, str) and is_slug(first) else "- id: …"
        return f"write each source as an item, '{shown}' with 'title: …' and 'url: …' under it"
    ident = value.get("id")
    shown = f"- id: {ident}" if isinstance(ident, str) and is_slug(ident) else f"- {first}: …"
    return (
        f"it is one source written as a mapping: make it an item of a list, '{shown}', with"
        " its other keys lined up under the key after the '- '"
    )


def _reference(
    item: Entry,
    number: int,
    path: str,
    zone: zoneinfo.ZoneInfo,
    problems: list[ArticlegenError],
    fixed_id: str | None,
) -> Reference | None:
    """One item, or None with its problems (all of them: its keys' and each value's, so that
    one run names every mistake) appended to ``problems``; ``fixed_id`` is the id offered
    for its own if that is invalid (``_fixed_ids``)."""
    if item.children is None:
        problems.append(
            FrontMatterError(
                f"reference {number} must be a mapping with 'title' and 'url'",
                path,
                item.line,
                "write '- title: …' and, indented under it, 'url: https://…'",
            )
        )
        return None
    keys = item.children
    known = _REQUIRED_SET <= keys.keys() <= _KEY_SET
    found = [] if known else _key_problems(keys, item.line, number, path)
    reference = _checked_reference(keys, item.line, path, zone, found, fixed_id)
    problems += found
    return None if found else reference


def _written_id(item: Entry, path: str) -> tuple[str, int] | None:
    """The text an item's ``id`` holds, valid or not, and its line."""
    entry = item.children.get("id") if item.children is not None else None
    if entry is None:
        return None
    try:
        return reference_text("id", entry, path), entry.line
    except ArticlegenError:
        return None


def _fixed_ids(
    ids: Sequence[tuple[str, int] | None], valid: Sequence[tuple[str, int] | None]
) -> dict[int, str]:
    """The id offered for each invalid one, by its item's number, given each item's id
    (``_written_id``) and that id where it is ``valid`` (else None): made valid (``slugify``)
    and taken by no item, nor offered to an item before it (``Smith 2023`` and then
    ``smith_2023`` are offered ``smith-2023`` and ``smith-2023-2``), so that taking every
    hint makes no duplicate. None where the id has no letter or digit to keep."""
    pairs = enumerate(zip(ids, valid, strict=True), start=1)
    invalid = [(number, i[0]) for number, (i, v) in pairs if i and not v]
    if not invalid:  # most articles: nothing more to do
        return {}
    taken = {v[0] for v in valid if v}
    fixes: dict[int, str] = {}
    for number, text in invalid:
        if not (base := slugify(text)):
            continue
        fixed, n = base, 1
        while fixed in taken:
            n += 1
            fixed = f"{base}-{n}"
        fixes[number] = fixed
        taken.add(fixed)
    return fixes


def _key_problems(
    keys: dict[str, Entry], line: int, number: int, path: str
) -> list[ArticlegenError]:
    """What is wrong with the ``keys`` of reference ``number`` (its item on ``line``): one
    not known, one required not written."""
    found: list[ArticlegenError] = [
        _identifier_problem(key, keys, path) for key in keys if key.lower() in _IDENTIFIERS
    ]
    others = {key: entry for key, entry in keys.items() if key.lower() not in _IDENTIFIERS}
    found += unknown_key_problems(others, _KEYS, path, FrontMatterError, section="references")
    found += [
        FrontMatterError(f"reference {number} has no '{key}'", path, line, f"add '{key}: …' to it")
        for key in _REQUIRED
        if key not in keys.keys() | meant_keys(others, _KEYS)
        and not (key == "url" and len(others) < len(keys))
    ]
    return found


def _identifier_problem(key: str, keys: dict[str, Entry], path: str) -> FrontMatterError:
    """``doi:`` or ``pmid:`` in a reference: its one address is its ``url``, which this gives
    (rather than "did you mean 'id'?" for ``pmid``, which would make the number its label)."""
    what, form, example = _IDENTIFIERS[key.lower()]
    written = str(keys[key].value).strip() if isinstance(keys[key].value, str | int) else ""
    address = (full_address(written) or full_address(form.format(written))) if written else None
    if "url" in keys:
        hint = f"the reference has its url already: remove '{key}'" + (
            f" ({address})" if address else ""
        )
    else:
        hint = f"write it as the reference's url: url: {address or example}"
    message = f"unknown key 'references.{key}': {what} is linked by its address"
    return FrontMatterError(message, path, keys[key].line, hint)


def _checked_reference(
    keys: dict[str, Entry],
    line: int,
    path: str,
    zone: zoneinfo.ZoneInfo,
    found: list[ArticlegenError],
    fixed_id: str | None,
) -> Reference | None:
    """The reference its known ``keys`` make, or None with each value's problem appended to
    ``found``, in the order the keys are written (``found`` may hold the problems of its
    keys already: then None too)."""
    values: dict[str, str] = {}
    date: Date | int | None = None
    for key, entry in keys.items():
        value = entry.value
        try:
            if key in _PLAIN_KEYS and type(value) is str and (text := value.strip()):
                values[key] = text  # a title, authors, a publisher: as reference_value gives them
            elif key == "date":
                date = reference_date(entry, path, zone)
            elif key in _TEXT_KEYS:
                values[key] = reference_value(key, entry, path, fixed_id)
        except ArticlegenError as problem:
            found.append(problem)
    if found:
        return None
    reference_id = values.pop("id", None)
    return Reference(id=reference_id, date=date, line=line, url_line=keys["url"].line, **values)


def number_citations(
    references: Sequence[Reference],
    cited: Sequence[LinkRef],
    path: str,
    *,
    page: bool = False,
    body: str = "",
    body_line: int = 1,
) -> Citations:
    """Number references by first citation (uncited ones after, in list order). A ``page``
    has no references, so each of its citations is an error saying to link instead. The
    ``body`` (starting on file line ``body_line``) is read for a reference never cited, in
    case the text writes its citation without the '^' (``_without_caret``)."""
    by_id = {r.id: r for r in references if r.id is not None}
    anchors: dict[str, list[str]] = {}
    marks: list[CitationMark] = []
    problems: list[ArticlegenError] = []
    for citation in cited:
        if citation.target not in by_id:
            problems.append(_unknown(citation, by_id, path, page))
            continue
        number = _number_of(anchors, citation.target)
        seen = anchors[citation.target]
        seen.append(citation_anchor(number, len(seen) + 1))
        marks.append(CitationMark(number, seen[-1], reference_anchor(number)))
    listed = [by_id[i] for i in anchors] + [r for r in references if r.id not in anchors]
    numbered = NumberedReferences(
        NumberedReference(n, r, reference_anchor(n), tuple(anchors.get(r.id or "", ())))
        for n, r in enumerate(listed, start=1)
    )
    warnings = tuple(
        _uncited(r.id, r.line, path, body, body_line)
        for r in references
        if r.id is not None and r.id not in anchors
    )
    return Citations(tuple(marks), numbered, tuple(problems), warnings)


def _uncited(reference_id: str, line: int, path: str, body: str, body_line: int) -> Diagnostic:
    """The warning for a reference never cited: at the line of ``body`` that writes its
    citation without the '^' (``[smith-2023]``, ``^[smith-2023]``, ``[^ smith-2023]``), which
    Markdown shows as text, if there is one; else at the reference."""
    if found := _without_caret(reference_id, body):
        number, written = found
        return Diagnostic(
            f"reference '{reference_id}' is never cited: {written} on this line is shown as"
            " text, not a citation",
            path,
            body_line + number,
            f"write [^{reference_id}]",
        )
    return Diagnostic(
        f"reference '{reference_id}' is never cited",
        path,
        line,
        f"cite it in the text with [^{reference_id}], or remove its id to list it uncited",
    )


def _without_caret(reference_id: str, body: str) -> tuple[int, str] | None:
    """The first line (from 0) of ``body``, outside code, that writes a citation of
    ``reference_id`` without its '^' or with a space after it, and how it writes it."""
    escaped = re.escape(reference_id)
    pattern = re.compile(
        rf"\^\[ *{escaped} *\]|\[\^ +{escaped} *\]|(?<![!\]\\])\[ *{escaped} *\](?![(\[:])"
    )
    fenced = False
    for number, text in enumerate(body.splitlines()):
        if text.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and (found := pattern.search(_CODE_SPAN.sub("", text))):
            return number, found.group(0)
    return None


_CODE_SPAN = re.compile(r"`+[^`]*`+")
"""Inline code, where a citation is text on purpose."""


def _number_of(anchors: dict[str, list[str]], reference_id: str) -> int:
    """The reference's number: its place in first-citation order (registering it if new)."""
    if reference_id not in anchors:
        anchors[reference_id] = []
    return list(anchors).index(reference_id) + 1


def _unknown(
    citation: LinkRef, by_id: Mapping[str, Reference], path: str, page: bool
) -> ArticlegenError:
    known = list(by_id)
    target = citation.target
    near = nearest(target, known)
    said = f"citation [^{target}] names no reference{suggestion(near, target)}"
    if not is_slug(target) and not page:
        # 'ref_two', 'Ref-Two': no reference can have that id, so adding one is no fix.
        written = near[0] if near else slugify(target) or "smith-2023"
        return LinkError(
            said,
            path,
            citation.line,
            f"a reference's id is a slug (lowercase a-z, 0-9 and '-' between them): cite it"
            f" as [^{written}]"
            + ("" if near else f", and add 'id: {written}' to its item of 'references:'"),
        )
    hint = (
        "a page has no references: link to the source in the text, [title](https://…)"
        if page
        else "add it to 'references:' with 'id: " + target + "'"
        if known
        else "add a 'references:' list with an item 'id: " + target + "'"
    )
    return LinkError(said, path, citation.line, hint)
