"""Say how two texts that look alike differ, so a "did you mean" is never a riddle.

A suggestion such as ``did you mean 'Ketamine'?`` for a link written ``Ketаmine``
(with a Cyrillic ``а``) would show the reader two identical words. Wherever the
difference is in characters one cannot see or tell apart (letters outside ASCII,
spaces, invisible marks, composed or decomposed accents) or only in case, the
difference is spelled out with each character's Unicode name.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter
from collections.abc import Iterable

MAX_DIFFERENCES = 2
"""Different changes spelled out, at most (the same change made several times is one, said
with its count); a text with more is visibly different anyway."""


def collapse(text: str) -> str:
    """``text`` in NFC, with every run of white space (tabs, no-break spaces…) one space and
    none at either end: how link targets and titles are compared."""
    return " ".join(unicodedata.normalize("NFC", text).split())


TYPED_ALIKE = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201b\u02bc\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2212", "-"),
    }
)
"""Punctuation that word processors, macOS and phones type in place of the ASCII one, or that
is pasted from a page set in them, mapped to it: the apostrophes and single quotes ‘ ’ ‛ ʼ
and the prime ′ to ', the double quotes “ ” „ ‟ and the double prime ″ to ", the hyphens
and dashes ‐ ‑ ‒ – and the minus sign − to -. An author cannot see which one a title
holds, nor always choose which one a keyboard types. Left out on purpose: the em dash —,
which autocorrect makes from ``--`` (not from ``-``), so mapping it to ``-`` would match
what nobody typed; guillemets « », which are quotes an author chooses; and ASCII ` and ´,
which are accents, not apostrophes. A link still differing in those gets a "did you mean"
naming the character."""


def uncased(text: str) -> str:
    """``collapse(text)`` with case folded: how titles are matched, the second of
    ``TITLE_STAGES``, when no title is written exactly so."""
    return unicodedata.normalize("NFC", collapse(text).casefold())


def fold(text: str) -> str:
    """``uncased(text)`` with typographic punctuation made ASCII (``TYPED_ALIKE``): titles
    alike to a reader (the same-title warning, ``new``'s and an import's taken titles), and
    the last of ``TITLE_STAGES``, tried when no title is written so in any case."""
    return uncased(text).translate(TYPED_ALIKE)


TITLE_STAGES = (collapse, uncased, fold)
"""How a name is matched to titles, narrowest first; a stage is used when the ones before
it match no title, so a link that named one article ignoring case still names it when
another title differs from it only in its apostrophes (``Don't`` and ``Don’t``): folding
adds matches, it never takes one away. Links, See Also and ``suggest`` all match so
(``render/links``); every stage a dictionary, built once."""


def how_alike(titles: Iterable[str]) -> str:
    """How titles equal under ``fold`` differ, for a message: in case, in typographic
    punctuation (``TYPED_ALIKE``: ’ for '), or both."""
    shown = [collapse(title) for title in titles]
    cased = len({title.translate(TYPED_ALIKE) for title in shown}) > 1
    typed = len({title.casefold() for title in shown}) > 1
    if cased and typed:
        return "in case and in their apostrophes, quotes or dashes"
    return "in case" if cased else "in their apostrophes, quotes or dashes"


def difference(written: str, meant: str) -> str:
    """How ``written`` differs from ``meant`` when a reader could not see it; else ``""``.

    Checked from the subtlest difference up: Unicode form, spacing, case, then the
    characters themselves, named when no change between the two is in visible ASCII
    (a reader who sees one difference knows the texts differ).
    """
    if written == meant:
        return ""
    if unicodedata.normalize("NFC", written) == unicodedata.normalize("NFC", meant):
        if unicodedata.is_normalized("NFC", written):
            return "it is written in decomposed Unicode (letter and accent apart), yours is not"
        return "yours is written in decomposed Unicode (letter and accent apart)"
    if collapse(written) == collapse(meant):
        return _spacing(written, meant)
    if uncased(written) == uncased(meant):
        return "it differs only in case"
    return _characters(collapse(written), collapse(meant))


def _spacing(written: str, meant: str) -> str:
    if written.strip() != written and meant.strip() == meant:
        return "yours has a space at the start or end"
    if meant.strip() != meant and written.strip() == written:
        return "it has a space at the start or end"
    return "it differs only in spacing"


def _characters(written: str, meant: str) -> str:
    changes = Counter(
        (written[i1:i2], meant[j1:j2])
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, written, meant).get_opcodes()
        if op != "equal"
    )  # in order of first appearance; the same change made again is said once, counted
    if any(_visible(ours, theirs) for ours, theirs in changes):
        return ""  # the reader sees that the texts differ
    said = [
        _change(ours, theirs) + (f", {times} times" if times > 1 else "")
        for (ours, theirs), times in list(changes.items())[:MAX_DIFFERENCES]
    ]
    more = ", and more" if len(changes) > MAX_DIFFERENCES else ""
    return "; ".join(said) + more


def _visible(ours: str, theirs: str) -> bool:
    """A change anyone sees: ASCII for ASCII (``E`` for ``e``, ``.`` for nothing), or something
    added or left out that shows. A letter outside ASCII for another may be a look-alike
    (Cyrillic ``а`` for Latin ``a``), and spaces and format characters do not show."""
    if ours and theirs:
        return ours.isascii() and theirs.isascii()
    return any(unicodedata.category(c) not in _UNSEEN for c in ours + theirs)


_UNSEEN = frozenset({"Cf", "Zs", "Zl", "Zp", "Cc", "Mn"})
"""Unicode categories of characters one cannot see, or barely: format characters (zero
width space, joiners, soft hyphen), spaces, controls, combining marks."""


def _change(ours: str, theirs: str) -> str:
    if not theirs:
        return f"yours has {_names(ours)} that it has not"
    if not ours:
        return f"it has {_names(theirs)} that yours has not"
    return f"yours has {_names(ours)} where it has {_names(theirs)}"


def _names(text: str) -> str:
    return " ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'UNNAMED')}" for c in text)
