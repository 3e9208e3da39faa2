"""What a template error says when a template asks a value for a field it lacks.

Jinja says ``'articlegen.core.model.Card object' has no attribute 'subtitle'``: the name
of a Python class of ours, which tells a writer who typed ``{{ article.subtitle }}`` in an
override of ``article.html`` neither what ``article`` is nor what it holds. The undefined
value Jinja made for the field knows the value it was asked of; its fields are listed
instead, with the closest, so the fix (``title``?) is on the same line. A name the page is
not given at all (``{{ page.title }}``, as Jekyll names the page) lists the names it is given.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from types import TracebackType

import jinja2
from jinja2.defaults import DEFAULT_NAMESPACE

from ..core.errors import closest, did_you_mean

_SHOWN = 40
"""At most this many fields are named: a value with more is not one a writer reads whole."""
_UNKNOWN_NAME = re.compile(r"'(\w+)' is undefined")
"""Jinja's words for a name the page is not given (its undefined value is not always in a
frame of the traceback: not when the page's template includes the one that asks)."""


def error_words(exc: Exception, tb: TracebackType | None) -> tuple[str, str]:
    """The message and hint of ``exc``, raised while rendering a template (``tb`` its
    traceback): for a missing field of a value with fields, what it lacks and what it has;
    otherwise Jinja's own message, or the exception's text, with no hint."""
    message = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
    if not isinstance(exc, jinja2.UndefinedError):
        return message, ""
    if unknown := _UNKNOWN_NAME.fullmatch(message):
        return _unknown_name(unknown.group(1), tb, message)
    undefined = _undefined_in(tb)
    if undefined is None or not isinstance(undefined._undefined_name, str):
        return message, ""
    names = _fields(undefined._undefined_obj)
    if names is None:
        return message, ""
    name = undefined._undefined_name
    shown = ", ".join(names[:_SHOWN]) + (", …" if len(names) > _SHOWN else "")
    return (
        f"this value has no field '{name}'{did_you_mean(name, names)}",
        f"its fields are: {shown or 'none'}; the theme's copy of the template shows what "
        "each page is given",
    )


_NO_FILTER = re.compile(r"No filter named '(\w+)'")
_LIQUID = {
    "upcase": "| upper",
    "downcase": "| lower",
    "strip_html": "| striptags",
    "escape_once": "| escape",
    "size": "| length",
    "strip": "| trim",
    "jsonify": "| tojson",
    "date": "| humandate",
    "date_to_string": "| humandate",
    "date_to_xmlschema": "| isodate",
    "relative_url": "url('path/')",
    "absolute_url": "abs_url('path/')",
}
"""Jekyll's (Liquid's) filters, which a template copied from a Jekyll theme uses, and
what this theme's Jinja templates write for each."""


def syntax_hint(message: str, filters: Iterable[str]) -> str:
    """The fix for Jinja's syntax error ``message``, where it has one to offer: a filter
    there is none of (``upcase``) named as Jinja (or the theme) names it, or the closest
    filter there is; else none."""
    unknown = _NO_FILTER.match(message)
    if unknown is None:
        return _delimiter_hint(message)
    name = unknown.group(1)
    if name in _LIQUID:
        return f"Liquid's '{name}' is written {_LIQUID[name]} here"
    near = closest(name, sorted(filters))
    return f"did you mean '{near[0]}'?" if near else "the theme's templates show the filters in use"


_CLOSERS = re.compile(r"unexpected '[}%]'")
"""Jinja's words for a '}' or '%' where a '}}' or '%}' closes nothing: ``{{ x }``, ``{% if x }``."""
_GOT = re.compile(r"expected token 'end of (print statement|statement block)', got '(.+)'")
"""Jinja's words for more inside a ``{{ … }}`` or ``{% … %}`` than it takes (``{% endif %``)."""


def _delimiter_hint(message: str) -> str:
    """The fix for a ``{{`` or ``{%`` closed otherwise than with ``}}`` or ``%}``; else none."""
    got = _GOT.match(message)
    if _CLOSERS.match(message) or (got and got.group(2) in ("%", "}")):
        return (
            "close a '{{' with '}}' and a '{%' with '%}': a brace or a percent sign is missing"
            " or one too many on this line"
        )
    if message.startswith("unexpected end of template, expected 'end of print statement'"):
        return "a '{{' is never closed: end the value with '}}'"
    if got:
        closer = "}}" if got.group(1) == "print statement" else "%}"
        return f"close it with '{closer}' before '{got.group(2)}', which it cannot hold"
    return ""


def _unknown_name(name: str, tb: TracebackType | None, message: str) -> tuple[str, str]:
    """For a name the page is not given: Jinja's words with the closest name it is given,
    and every one of them (but Jinja's own helpers, ``range``, ``dict``…)."""
    context = _context_in(tb)
    if context is None:
        return message, ""
    names = sorted(key for key in context.get_all() if key not in DEFAULT_NAMESPACE)
    shown = ", ".join(names[:_SHOWN]) + (", …" if len(names) > _SHOWN else "")
    return (
        f"'{name}' is undefined{did_you_mean(name, names)}",
        f"this page is given: {shown or 'nothing'}; the theme's copy of the template shows "
        "what each holds",
    )


def _context_in(tb: TracebackType | None) -> jinja2.runtime.Context | None:
    """The context of the page being rendered: the outermost frame holding one."""
    while tb is not None:
        for value in list(tb.tb_frame.f_locals.values()):
            if isinstance(value, jinja2.runtime.Context):
                return value
        tb = tb.tb_next
    return None


def _undefined_in(tb: TracebackType | None) -> jinja2.Undefined | None:
    """The undefined value the innermost frame holding one was working on: the one whose use
    raised (Jinja raises from a method of it, or from what it was handed to)."""
    found = None
    while tb is not None:
        for value in tb.tb_frame.f_locals.values():
            if isinstance(value, jinja2.Undefined):
                found = value
        tb = tb.tb_next
    return found


def _fields(value: object) -> list[str] | None:
    """The names a template can read of ``value``: a mapping's text keys, a dataclass's
    fields; None for anything else (a text, a number, an undefined value)."""
    if isinstance(value, Mapping):
        return sorted(key for key in value if isinstance(key, str))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [field.name for field in dataclasses.fields(value)]
    return None
