"""The words of pasted text in the major European languages besides English: a date line
written day first (``15. Januar 2024``, ``15 de enero de 2024``, ``15.01.2024``) and the
See Also and Comments lines of a page in German, French, Spanish, Italian, Portuguese or
Dutch.

Only the text importer reads these: a saved page's dates come from its metadata, and a
Jekyll date is read as Ruby reads it, which knows English month names alone.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTH_NAMES = (
    "januar jänner janvier janv enero ene gennaio gen janeiro januari",
    "februar février fevrier févr fév fev febrero febbraio fevereiro februari",
    "märz mär mrz mars marzo março marco maart mrt",
    "april avril avr abril abr aprile",
    "mai mayo maggio mag maio mei",
    "juni juin junio giugno giu junho",
    "juli juillet juil julio luglio lug julho",
    "august août aout agosto ago augustus",
    "september septembre septiembre setiembre settembre setembro set",
    "oktober okt octobre octubre ottobre ott outubro out",
    "november novembre noviembre novembro",
    "dezember dez décembre decembre déc diciembre dic dicembre dezembro december",
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names.split()}
"""A month's name (or short name) in German, French, Spanish, Italian, Portuguese or Dutch →
its number; English ones are ``core.dates.MONTHS``."""

_PREFIX = (
    r"(?:(?:veröffentlicht|aktualisiert)(?:\s+am)?|(?:publié|mis\s+à\s+jour)\s+le"
    r"|publicado\s+(?:el|em)|pubblicato\s+il|gepubliceerd\s+op)\s*:?\s*"
)
_EUROPEAN_DATE = re.compile(
    rf"(?:{_PREFIX})?(?:(\d{{1,2}})(?:\.|er|º|°)?\s+(?:de\s+)?(\w+)\.?\s+(?:de\s+)?(\d{{4}})"
    r"|(\d{1,2})\.(\d{1,2})\.(\d{4}))\.?",
    re.IGNORECASE,
)


SEE_ALSO_WORDS = (
    r"siehe\s+auch|voir\s+aussi|ver\s+tambi[eé]n|vedi\s+anche|veja\s+tamb[eé]m|zie\s+ook"
)
"""See Also in German, French, Spanish, Italian, Portuguese and Dutch."""
COMMENTS_WORDS = r"kommentare?|commentaires?|comentarios?|commenti|comentários?|reacties?"
"""Comments in those languages."""


def read_european_date(text: str) -> dt.date | None:
    """The day a short text written day first in one of those languages names."""
    match = _EUROPEAN_DATE.fullmatch(" ".join(text.split()))
    if match is None:
        return None
    day, name, year, numeric_day, numeric_month, numeric_year = match.groups()
    month = int(numeric_month) if numeric_month else MONTHS.get(name.lower())
    try:
        return dt.date(int(year or numeric_year), month or 0, int(day or numeric_day))
    except ValueError:
        return None
