"""How the CLI's lines look on a console: coloured labels on a terminal, counts written alike.

Hugo, MkDocs and compilers colour ``error:`` and ``warning:`` so that they stand out in a
screen of output; only the label is coloured, so the message reads the same everywhere.
Whether to colour follows the conventions other tools share, in the order CPython's own
(3.13) checks them: ``NO_COLOR`` (no-color.org) turns colour off, ``FORCE_COLOR``
(force-color.org) turns it on, ``TERM=dumb`` off, and otherwise only a terminal gets it:
pipes, files and CI logs stay plain text.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TextIO

from . import bidi

LABELS = {"error:": "1;31", "warning:": "1;33", "note:": "1;36"}
"""Leading labels and their SGR codes: bold red, bold yellow, bold cyan."""
_SHOWN_AS_CODES = str.maketrans({c: f"<U+{ord(c):04X}>" for c in bidi.CODE_POINTS})
"""Each bidi control (``bidi``) as its code point, ``<U+202E>``."""


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is an interactive terminal (a replaced or closed stream is not)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def wants_colour(stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether lines written to ``stream`` should be coloured (empty variables count as unset,
    as both conventions say)."""
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    return is_terminal(stream)


def painted(line: str, colour: bool) -> str:
    """``line`` with its leading label (``error:``, ``warning:``, ``note:``) in colour when
    ``colour``; any other line, or any line without colour, as it is."""
    if colour:
        for label, code in LABELS.items():
            if line.startswith(label):
                return f"\x1b[{code}m{label}\x1b[0m{line[len(label) :]}"
    return line


def say(line: str, stream: TextIO) -> None:
    """Write one line to ``stream``, its label coloured if the stream wants colour, and any
    bidi control it quotes (from a value refused for it) written as its code point, so that
    the message reads in the order it is written."""
    print(painted(line.translate(_SHOWN_AS_CODES), wants_colour(stream)), file=stream, flush=True)


def counted(count: int, noun: str) -> str:
    """``1 article``, ``1,500 articles``: a count with thousands separators and its noun,
    plural unless the count is one (every noun articlegen counts takes an ``s``)."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
