"""Language tags as ``site.yaml`` writes them: a well-formed BCP 47 tag, or what to write.

The tag goes into every page's ``<html lang>``, the feeds' ``xml:lang``, JSON-LD's
``inLanguage`` and the search index's language; an ill-formed one (``en_US`` as Jekyll and
WordPress write locales, ``English``) makes every page invalid HTML and leaves screen readers
and search without a language. The grammar is RFC 5646's (without its grandfathered tags),
with a primary language of two or three letters: four to eight letters are well-formed there
but no such language is registered, and a word such as ``English`` is one.
"""

from __future__ import annotations

import functools
import re

_ALNUM = "[a-z0-9]"
LANGUAGE_TAG = re.compile(
    "(?:[a-z]{2,3}(?:-[a-z]{3}){0,3})"  # language, extended language subtags
    "(?:-[a-z]{4})?"  # script
    "(?:-(?:[a-z]{2}|[0-9]{3}))?"  # region
    f"(?:-(?:{_ALNUM}{{5,8}}|[0-9]{_ALNUM}{{3}}))*"  # variants
    f"(?:-[0-9a-wyz](?:-{_ALNUM}{{2,8}})+)*"  # extensions
    f"(?:-x(?:-{_ALNUM}{{1,8}})+)?"  # private use
    f"|x(?:-{_ALNUM}{{1,8}})+",  # private use alone
    re.IGNORECASE,
)
EXAMPLES = "e.g. en, en-GB, de, pt-BR or zh-Hant"


def language_problem(tag: str) -> tuple[str, str] | None:
    """What is wrong with ``tag`` as a BCP 47 language tag (to follow the setting's name) and
    what to write instead; None if it is well-formed."""
    if LANGUAGE_TAG.fullmatch(tag):
        return None
    what = f"must be a BCP 47 language tag, found '{tag}'"
    fixed = tag.strip().replace("_", "-")
    if LANGUAGE_TAG.fullmatch(fixed):
        joined = " (subtags are joined by '-', not '_')" if "_" in tag else ""
        return what, f"write language: {fixed}{joined}"
    return what, f"write the language's code, and a region if it matters: {EXAMPLES}"


_RTL_SCRIPTS = frozenset(
    [
        "adlm",
        "arab",
        "hebr",
        "mand",
        "mend",
        "nbat",
        "nkoo",
        "palm",
        "phnx",
        "rohg",
        "samr",
        "sarb",
        "syrc",
        "thaa",
        "yezi",
    ]
)
"""ISO 15924 codes of scripts written from right to left."""
_RTL_LANGUAGES = frozenset(
    [
        "ar",
        "arc",
        "azb",
        "bal",
        "bqi",
        "ckb",
        "dv",
        "fa",
        "glk",
        "he",
        "iw",
        "khw",
        "ks",
        "lrc",
        "mzn",
        "nqo",
        "pnb",
        "ps",
        "sd",
        "syr",
        "ug",
        "ur",
        "yi",
        "ji",
    ]
)
"""Languages written from right to left unless a script subtag says otherwise
(``ug-Latn``): Arabic, Persian, Hebrew, Urdu, Pashto, Sindhi, Uyghur, Yiddish, Dhivehi …"""


@functools.cache
def text_direction(tag: str) -> str:
    """``rtl`` for a language written from right to left (``fa``, ``ar-EG``, ``az-Arab``),
    else ``ltr``: a page's ``<html dir>``, without which a Persian or Arabic blog is laid out
    from the left, its punctuation and lists at the wrong end of each line. Worked out once
    a tag: every page asks (``SiteConfig.direction``), and splitting the tag took 0.7 us."""
    subtags = tag.lower().split("-")
    script = next((s for s in subtags[1:] if len(s) == 4 and s.isalpha()), None)
    if script is not None:
        return "rtl" if script in _RTL_SCRIPTS else "ltr"
    return "rtl" if subtags[0] in _RTL_LANGUAGES else "ltr"
