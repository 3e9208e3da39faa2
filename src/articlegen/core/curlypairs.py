"""Whether a text is written between curly quotes (``“Sleep Basics”``, ``‘sleep’``), decided
once for the two places that ask: a value YAML read (``curlyquotes``) and a line YAML could
not read for a ': ' inside it (``yamlloader``). Both import it, and it imports nothing of
theirs (``curlyquotes`` needs ``yamldoc``, which needs ``yamlloader``).

A curly quote is also an apostrophe: ``’Tis the Season’`` opens with one, and read as a
value between quotes, the fix offered dropped it. A value opening with an elision is not
taken as quoted (``_ELIDED``)."""

from __future__ import annotations

import re

_CLOSING = {"“": "”“", "„": "“”", "”": "”", "‘": "’‘", "‚": "‘’", "’": "’"}
"""Each curly opening quote and the quotes that close it: English (“…”, ‘…’), German and
Polish („…“, „…”), Swedish (”…”, ’…’)."""
CURLY = frozenset(_CLOSING)
"""The characters a value between curly quotes starts with: a text without any is never
looked at (``may_hold``)."""

_INSIDE = {opening: frozenset("“”„" if opening in "“„”" else "‘‚") for opening in _CLOSING}
"""Quotes that may not be inside a wrapped value, each opening quote's kind: one there makes
the value two quoted parts (``“Walk” or “Run”``), not one between quotes. An apostrophe, the
closing single quote, may (``‘Men’s health’``)."""

_NO_WORD_ALONE = r"tis|twas|twere|twill|twould|twixt|em|n|nuff|gainst|neath|\d\ds"
"""Elisions no word is spelt as without the apostrophe: 'Tis, 'Twas, 'em, rock 'n' roll, '90s."""
_ELIDED = {
    "‘": re.compile(rf"(?:{_NO_WORD_ALONE})(?!\w)", re.IGNORECASE),
    "’": re.compile(rf"(?:{_NO_WORD_ALONE}|cause|cos|til|till|bout|round|\d\d)(?!\w)", re.I),
}
"""What, after an opening single quote, makes it an apostrophe. ’ is the apostrophe itself
(an opening quote only in Swedish and Finnish), so it is one before any elision, those that
are words too ('cause, 'til, 'round) and a year ('90) included. ‘ opens a quote in English,
typed for an apostrophe by a word processor's autocorrect ('Tis → ‘Tis): one only before an
elision that is no word on its own, so that ‘Cause and effect’ is still a value in quotes."""


def may_hold(text: str) -> bool:
    """Whether a YAML ``text`` may hold a value between curly quotes (cheap: most are ASCII)."""
    return not text.isascii() and not CURLY.isdisjoint(text)


def curly_inside(value: str) -> str | None:
    """The text between the curly quotes that ``value`` opens and closes with, if it does;
    None where its first character is an apostrophe (``’Tis the Season’``), whose text
    would lose it."""
    if len(value) > 2 and value[-1] in _CLOSING.get(value[0], ""):
        inner = value[1:-1]
        elided = _ELIDED.get(value[0])
        if _INSIDE[value[0]].isdisjoint(inner) and not (elided and elided.match(inner)):
            return inner
    return None
