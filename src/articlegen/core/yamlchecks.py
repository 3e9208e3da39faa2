"""Checks on what ``yamldoc.load_mapping`` read, shared by every reader of a YAML file: a
value's type, keys the format does not know (with the closest one it does), and characters
no value may hold, each an error at the line of its key."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping

from .characters import BIDI_CONTROLS, bidi_problem, holds_forbidden, value_problem
from .curlypairs import may_hold
from .curlyquotes import curly_problems
from .errors import ArticlegenError, closest, did_you_mean, suggestion
from .yamlentry import Entry
from .yamlspans import as_scalar


def check_characters(
    entries: dict[str, Entry], path: str, error: type[ArticlegenError], text: str
) -> tuple[dict[str, Entry], list[ArticlegenError]]:
    """Text values (nested ones too) holding a character ``characters`` refuses, or a bidi
    control (``bidi_problem``), each reported at the line of its key or list item: YAML
    escapes such as ``"\\x01"`` write what the file's own text cannot hold, and a value
    reaches HTML, feeds and JSON-LD as it is. So is an unquoted value between curly quotes
    (``curlyquotes``), which YAML reads as letters of the text.

    Such entries come back ``broken``: the key counts as written, its value is not checked
    again (one message per mistake). When the YAML ``text`` the entries were read from has
    no such character and no backslash, no value is looked at: a value holds the characters
    of its text, the spaces and line breaks YAML folds lines into, and what an escape
    (``\\``) writes."""
    quiet = (
        "\\" not in text
        and not holds_forbidden(text)
        and (text.isascii() or not BIDI_CONTROLS.search(text))
    )
    curly = may_hold(text)
    if quiet and not curly:
        return dict(entries), []
    checked: dict[str, Entry] = {}
    problems: list[ArticlegenError] = []
    for key, entry in entries.items():
        found = [] if entry.broken or quiet else _value_problems(entry, key, path, error)
        if curly and not entry.broken:
            found += curly_problems(entry, key, path, error)
        problems += found
        checked[key] = Entry(None, entry.line, broken=True) if found else entry
    return checked, problems


def _value_problems(
    entry: Entry, name: str, path: str, error: type[ArticlegenError]
) -> list[ArticlegenError]:
    problems: list[ArticlegenError] = []
    if isinstance(entry.value, str) and (
        problem := value_problem(name, entry.value, path, entry.line, error)
        or bidi_problem(name, entry.value, path, entry.line, error)
    ):
        problems.append(problem)
    for item in entry.items:
        problems += _value_problems(item, name, path, error)
    for key, child in (entry.children or {}).items():
        problems += _value_problems(child, f"{name}.{key}", path, error)
    return problems


_TYPE_NAMES = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    list: "a list",
    dict: "a mapping",
}


def type_problem(
    key: str, entry: Entry, expected: type, path: str, error: type[ArticlegenError]
) -> ArticlegenError | None:
    """An error if ``entry.value`` is not of ``expected`` type (bool is not an int here),
    saying what was found in YAML's words and as it was written: authors write YAML, not
    Python. Text that YAML read as something else gets the line with the value quoted."""
    value = entry.value
    ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
    if ok and expected is int and read_otherwise(entry):
        return error(f"'{key}' is written {as_written(entry)}", path, entry.line, PLAIN_DIGITS)
    if ok:
        return None
    return error(
        f"'{key}' must be {_TYPE_NAMES.get(expected, expected.__name__)}, found {found(entry)}",
        path,
        entry.line,
        _type_hint(key, entry, expected),
    )


def _type_hint(key: str, entry: Entry, expected: type) -> str | None:
    """The fix for a value of the wrong type: a flag's two values written out (without the
    quotes a quoted ``"yes"`` has); text quoted as it was written, or, for a list or a
    mapping, the brackets YAML read as one; None where the caller's own message says more
    (a number's)."""
    leaf = key.rsplit(".", 1)[-1]
    if expected is bool:
        quoted = isinstance(entry.value, str) and entry.value.strip().lower() in _FLAG_WORDS
        return (
            "write true or false without quotes"
            if quoted
            else f"write {leaf}: true or {leaf}: false"
        )
    if expected is str and isinstance(entry.value, list | dict):
        return (
            f"write the text on the line of '{leaf}:', in quotes if it starts with '[' or '{{',"
            " which YAML reads as a list or a mapping"
        )
    return quote_hint(key, entry) if expected is str else None


_FLAG_WORDS = frozenset({"true", "false", "yes", "no", "on", "off"})
_SHOWN_TEXT = 40


def as_written(entry: Entry) -> str:
    """A value as the author wrote it, for messages: a plain scalar's own text (``12:30``,
    ``on``, ``010``), with what YAML read it as where that differs (``12:30, which YAML
    reads as the number 750 (…)``); text quoted; ``nothing`` for an empty value. Python's
    ``True``/``None`` are not what was typed, nor is the 750 YAML made of ``12:30``."""
    value, plain = entry.value, entry.written
    if value is None and plain and plain.startswith("#"):
        return _COMMENTED
    if plain is None or plain == "" or isinstance(value, str):
        return _in_yaml_words(value)
    return _shortened(plain) + _read_as(plain, value)


def read_otherwise(entry: Entry) -> bool:
    """Whether YAML read the plain scalar ``entry`` as something other than its digits or words
    say (``12:30`` as 750, ``010`` as 8, ``on`` as true): a number key refuses such a value,
    which the author almost never meant (``PLAIN_DIGITS``)."""
    return bool(entry.written and _read_as(entry.written, entry.value))


PLAIN_DIGITS = "write the number in plain digits, without a leading 0"
"""The fix for a number written in one of YAML 1.1's other forms (``read_otherwise``)."""


def note_comments(entries: Mapping[str, Entry], text: str, first_line: int) -> None:
    """Mark each top-level key left empty by a comment (``title: #1 Mistake``: YAML reads a
    `` #`` and what follows as a comment) with the comment as written (``Entry.written``),
    so that what is said of the empty value names the cause and the fix quotes the line;
    and each plain text followed by one on its line (``title: Zinc #1 Tips``, read as
    ``Zinc``) with that comment (``Entry.comment``), for the checks of what readers see.
    A text without a ``#`` holds no comment: most headers, whose lines are not read again."""
    if "#" not in text:
        return
    lines = text.split("\n")
    for key, entry in entries.items():
        index = entry.line - first_line
        if not (entry.value is None or entry.written) or not 0 <= index < len(lines):
            continue
        key_and_colon, colon, after = lines[index].partition(":")
        if not (colon and key_and_colon.strip() == key and after[:1] in (" ", "\t")):
            continue
        rest = after.strip(" \t")
        if entry.value is None and rest.startswith("#"):
            entry.written = rest
        elif entry.written and rest.startswith(entry.written):
            after_value = rest[len(entry.written) :]
            if after_value[:1] in (" ", "\t") and after_value.lstrip(" \t").startswith("#"):
                entry.comment = after_value.lstrip(" \t")


_COMMENTED = "nothing: YAML reads ' #' and what follows as a comment"


def found(entry: Entry) -> str:
    """What an author wrote, named as they would: ``the text 'false'``, ``the number 3``,
    ``a list``, ``on, which YAML reads as true (…)``."""
    value, plain = entry.value, entry.written
    if value is None and plain and plain.startswith("#"):
        return _COMMENTED
    if plain and not isinstance(value, str) and (reading := _read_as(plain, value)):
        return _shortened(plain) + reading
    if value is None or isinstance(value, bool):
        return _in_yaml_words(value)
    if isinstance(value, int | float):
        return f"the number {plain or value}"
    if isinstance(value, str):
        shown = _shortened(value)
        return f"the text '{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def quote_hint(key: str | None, entry: Entry) -> str:
    """The fix for a value that should be text: the value in quotes where it is a plain
    scalar, on its line (``put it in quotes: title: "12:30"``) or as a list item (``key``
    None: ``put it in quotes: "on"``); else the fix in words."""
    plain = entry.written or mapping_line(entry.value)
    if not plain:
        return "put the value in quotes"
    line = as_scalar(plain) if key is None else f"{key.rsplit('.', 1)[-1]}: {as_scalar(plain)}"
    return f"put it in quotes: {line}"


def as_text(entry: Entry) -> str:
    """A scalar taken as text where a number may stand for it (an id, a publisher): the
    digits as written, not what YAML read (``010`` stays 010, not 8)."""
    if isinstance(entry.value, int | float) and not isinstance(entry.value, bool):
        return entry.written or str(entry.value)
    return str(entry.value)


def _shortened(text: str) -> str:
    """``text``, cut to ``_SHOWN_TEXT`` characters with an ellipsis where it is longer."""
    return text if len(text) <= _SHOWN_TEXT else text[: _SHOWN_TEXT - 1] + "…"


def _in_yaml_words(value: object) -> str:
    """``true``, ``false``, ``nothing`` for null, text quoted, numbers as they are; a list or
    a mapping named as such, and a mapping of one key and a text as the line it came from
    (``Screening: Should You?``, which a ': ' made a mapping), not as Python shows them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        line = mapping_line(value)
        if line:
            return f"{line}, which YAML reads as a key and its value (the ': ' after a word)"
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "nothing" if value is None else repr(value)


def mapping_line(value: object) -> str:
    """The text a mapping of one key and a text was written as (``Screening: Should You?``),
    where a ': ' inside an unquoted value made a mapping of it; else empty."""
    if isinstance(value, dict) and len(value) == 1:
        ((key, inner),) = value.items()
        if isinstance(key, str) and isinstance(inner, str | None):
            return f"{key}: {inner or ''}".rstrip()
    return ""


def _read_as(plain: str, value: object) -> str:
    """``, which YAML reads as …`` with why, where YAML 1.1 read the plain scalar ``plain`` as
    something other than its digits or words say (``010`` is 8: octal); else empty."""
    if isinstance(value, bool):
        if plain.lower() in ("true", "false"):
            return ""
        return f", which YAML reads as {_in_yaml_words(value)} (as it does yes, no, on and off)"
    if not isinstance(value, int | float):
        return ""
    try:
        if (int(plain) if isinstance(value, int) else float(plain)) == value:
            return ""
    except ValueError:
        pass
    form = _NUMBER_FORMS.get(_number_form(plain), "")
    return f", which YAML reads as {_shown_number(value)}{form}"


_LONGEST_NUMBER = 30
"""Digits of a number shown in full; a longer one is named by its count of digits (past
4,300, Python refuses even to write it out)."""


def _shown_number(value: int | float) -> str:
    """``the number 31``, or ``a number of about 4,817 digits`` for one too long to read."""
    if isinstance(value, float) or -(10**_LONGEST_NUMBER) < value < 10**_LONGEST_NUMBER:
        return f"the number {value}"
    return f"a number of about {int(math.log10(abs(value))) + 1:,} digits"


_NUMBER_FORMS = {
    "sexagesimal": " (base 60, as YAML 1.1 reads a time)",
    "octal": " (octal, for the leading 0)",
    "hexadecimal": " (hexadecimal)",
    "binary": " (binary)",
}


def _number_form(plain: str) -> str:
    """Which of YAML 1.1's other ways of writing a number ``plain`` is (``_NUMBER_FORMS``)."""
    digits = plain.lstrip("+-")
    if ":" in digits:
        return "sexagesimal"
    if digits[:2] in ("0x", "0b"):
        return "hexadecimal" if digits[1] == "x" else "binary"
    return "octal" if len(digits) > 1 and digits[0] == "0" and digits[1] != "." else ""


SAME_MEANING = {
    "summary": "description",
    "excerpt": "description",
    "lastmod": "updated",
    "last_modified_at": "updated",
    "modified": "updated",
    "categories": "tags",
    "category": "tags",
    "keywords": "tags",
    "link": "url",
    "href": "url",
    "year": "date",
    "publishdate": "date",
    "pubdate": "date",
    "created": "date",
    "sources": "references",
    "citations": "references",
    "bibliography": "references",
    "journal": "publisher",
    "related": "see_also",
    "cover": "image",
    "featured_image": "image",
    "thumbnail": "image",
    "reviewer": "reviewed_by",
    "medical_reviewer": "reviewed_by",
    "review_date": "reviewed_on",
    "last_reviewed": "reviewed_on",
    "permalink": "slug",
    "name": "title",
    "url": "link",
}
"""Keys other tools (Hugo, Jekyll) or habit give a meaning one of ours has (``lastmod`` for
``updated``, ``link`` for ``url``, ``citations`` for ``references``; Hugo's menu entry's
``name`` and ``url`` for a menu entry's ``title`` and ``link``): offered where the key
it names is valid in that place, before any near spelling, which can be a key of another
meaning (``citations`` is spelled near ``description``)."""


def meant_keys(entries: Iterable[str], allowed: Collection[str]) -> set[str]:
    """The keys of ``allowed`` that the unknown keys of ``entries`` are offered as (``tilte``
    as ``title``, ``summary`` as ``description``): such a key is written, misspelt, and not
    missing as well, so the typo is one error, at its line (``unknown_key_problems``)."""
    meant: set[str] = set()
    for key in entries:
        if key in allowed:
            continue
        same = SAME_MEANING.get(key.casefold())
        near = [same] if same is not None and same in allowed else closest(key, allowed)
        meant.update(near[:1])
    return meant


def unknown_key_problems(
    entries: dict[str, Entry],
    allowed: Collection[str],
    path: str,
    error: type[ArticlegenError],
    *,
    section: str = "",
    nested: Mapping[str, Iterable[str]] | None = None,
) -> list[ArticlegenError]:
    """One error per key not in ``allowed``, each with the closest valid key; or, where
    none is close, the section of ``nested`` (section → its keys) the key belongs under
    (``accent:`` written at the top where ``theme:`` holds it)."""
    unknown = [key for key in entries if key not in allowed]
    if not unknown:  # as almost always: the valid keys need no sorting for a message
        return []
    allowed = sorted(allowed)
    prefix = f"{section}." if section else ""
    problems = []
    for key in unknown:
        entry = entries[key]
        owner = next((name for name, keys in (nested or {}).items() if key in keys), None)
        if owner is not None:  # its very name in a mapping: surer than a near spelling
            problems.append(
                error(
                    f"unknown key '{prefix}{key}' (did you mean '{owner}.{key}'?)",
                    path,
                    entry.line,
                    _under(key, owner, entries.get(owner)),
                )
            )
            continue
        same = SAME_MEANING.get(key.casefold())
        meant = f" (did you mean '{same}'?)" if same in allowed else did_you_mean(key, allowed)
        meant = meant or _misspelt_other_name(key, allowed)
        problems.append(
            error(
                f"unknown key '{prefix}{key}'{meant}",
                path,
                entry.line,
                "valid keys: " + ", ".join(allowed),
            )
        )
    return problems


def _misspelt_other_name(key: str, allowed: Collection[str]) -> str:
    """`` (did you mean 'description'?)`` for a near spelling of another tool's name for
    one of ``allowed`` (``sumary``, ``lastmode``, ``catgories``), where no key of ours is near:
    the author meant that name, which is offered ours."""
    names = [name for name, ours in SAME_MEANING.items() if ours in allowed]
    return suggestion(SAME_MEANING[name] for name in closest(key.casefold(), names))


def _under(key: str, owner: str, written: Entry | None) -> str:
    """How to move ``key`` under ``owner:``, which the file has already (``written``) or not."""
    if written is not None:
        return f"'{key}' belongs under '{owner}:' (line {written.line}): move it there, indented"
    return (
        f"'{key}' belongs under '{owner}:': write '{owner}:' on a line of its own, then"
        f" '  {key}: …' indented below it"
    )
