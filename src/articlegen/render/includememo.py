"""``{% include %}`` in a loop rendered once per build for the same values, and
``{% import … with context %}`` made once: the home page, its pages and every tag page
include ``_card.html`` for each article they list, and most articles are listed on three or
four of them, each time with the same card; every article page imports ``_people.html``
with its context, which its macros read only ``url`` and ``person_url`` from.

A template included or imported with its context can read anything there, but what it reads
is known from its source: the names it uses and does not set itself (``jinja2.meta``), with
those of every template it includes, imports or extends, and ``site`` (which the ``isodate``
and ``humandate`` filters read). When each of those names holds a value that stays the same
for the whole build, the output (or the module, whose macros find the same values in the
context it was made in) is the same whenever those values are: it is kept, and an include
or import with the same template and values takes it instead of rendering again.

Values that stay the same: ``str``, ``int``, ``bool``, None and the ``url`` helper (compared
by value and type), and by identity the objects a build shares between pages and never
changes: an article's ``Card`` (one per article per build, ``core.model``), the site's
settings, dates, functions, classes and ``partial``. Any other value (a dict or list made
for one page, the loop's ``loop``, a ``namespace()``) makes that include or import go as
Jinja's goes, and so does a template whose uses cannot be told from its source (an include
of a name held in a variable) or that uses ``self`` or ``lipsum``. A site's own templates go
the same way: its ``_card.html`` is the one rendered, and kept.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import jinja2
from jinja2 import meta, nodes
from jinja2.environment import TemplateModule
from jinja2.runtime import Context
from jinja2.utils import missing

from ..core.model import Card, SiteConfig
from .partials import PartialFunction
from .urlmaker import UrlMaker

_BY_VALUE = frozenset({str, int, bool, type(None), UrlMaker})
"""Immutable values that show the same whenever they are equal (compared with their type:
``1 == True``): not ``float`` (``0.0 == -0.0``). ``UrlMaker`` is its prefix."""
_BY_IDENTITY = frozenset(
    {
        Card,
        SiteConfig,
        dt.date,
        dt.datetime,
        type,
        types.FunctionType,
        types.BuiltinFunctionType,
        PartialFunction,
    }
)
"""Values a build shares between pages and never changes: compared by identity."""
_UNSAFE = frozenset({"self", "lipsum"})
"""Names whose value is no input that can be compared: ``self`` renders the template's own
blocks, ``lipsum`` random text."""
ALWAYS_READ = frozenset({"site"})
"""Names read by filters rather than the template itself (``isodate``, ``humandate``)."""


class IncludeMemo:
    """The outputs of one environment's includes in loops and the modules of its imports
    with context, by template and values; the
    environment serves one build, and the values compared by identity are kept alive with
    the output, so an identity is never that of another object while it is here."""

    def __init__(self, env: jinja2.Environment) -> None:
        self._env = env
        self._reads: dict[str, tuple[str, ...] | None] = {}
        self._stateless: dict[str, bool] = {}
        self._outputs: dict[tuple[Any, ...], tuple[Any, list[Any]]] = {}
        self._modules: dict[tuple[Any, ...], tuple[Any, list[Any]]] = {}
        self.rendered = 0
        """Includes rendered (not taken from those kept), for tests."""

    def render(
        self, template: jinja2.Template, context: Context, names: Mapping[str, Any]
    ) -> Iterator[str]:
        """``template`` rendered as ``{% include %}`` renders it from ``context`` with the
        loop's ``names``, or its kept output."""
        yield self._take(self._outputs, template, context, names, self._render)

    def module(
        self, template: jinja2.Template, context: Context, names: Mapping[str, Any]
    ) -> TemplateModule:
        """``template`` imported ``with context`` from ``context`` and the ``names`` set
        there, or the module an earlier import with the same values made (its macros find
        the same values in the context it was made in)."""
        if not self.stateless(template.name):
            return TemplateModule(template, context_with(template, context, names))
        module: TemplateModule = self._take(self._modules, template, context, names, TemplateModule)
        return module

    def _take(
        self,
        kept: dict[tuple[Any, ...], tuple[Any, list[Any]]],
        template: jinja2.Template,
        context: Context,
        names: Mapping[str, Any],
        make: Callable[[jinja2.Template, Context], Any],
    ) -> Any:
        """What ``make`` makes of ``template`` in a copy of ``context`` with ``names``
        added (as Jinja makes that copy), or what it made before from the same values."""
        reads = self.reads(template.name)
        keyed = _key(template, context, names, reads) if reads is not None else None
        if keyed is not None and keyed[0] in kept:
            return kept[keyed[0]][0]
        made = make(template, context_with(template, context, names))
        if keyed is not None:
            kept[keyed[0]] = (made, keyed[1])
        return made

    def _render(self, template: jinja2.Template, context: Context) -> str:
        self.rendered += 1
        return self._env.concat(template.root_render_func(context))

    def stateless(self, name: str | None) -> bool:
        """Whether template ``name``, imported, holds nothing but its macros: a module that
        sets a name at its top (``{% set notes = [] %}``, a ``namespace()``) keeps what its
        macros put there from one page to the next if it is shared, as Jinja's is not."""
        if name is None:
            return False
        if name not in self._stateless:
            self._stateless[name] = _only_macros(self._env, name)
        return self._stateless[name]

    def reads(self, name: str | None) -> tuple[str, ...] | None:
        """The names template ``name`` reads from its context, with those of the templates
        it uses; None when they cannot be told."""
        if name is None:
            return None
        if name not in self._reads:
            found = names_read(self._env, name, {name})
            self._reads[name] = None if found is None else tuple(sorted(found | ALWAYS_READ))
        return self._reads[name]


def context_with(template: jinja2.Template, context: Context, names: Mapping[str, Any]) -> Context:
    """``template.new_context(context.get_all(), True, names)``: the context an include or
    import with context renders in, holding ``context``'s values and the ``names`` set
    (but those still ``missing``). Jinja copies the values twice when the template has set
    any (``get_all`` merges them, ``new_context`` copies that again to add ``names``); here
    once. Where there are no names Jinja's own way is taken, which shares the dict."""
    if not names or not context.vars:
        return template.new_context(context.get_all(), True, names)
    parent = {**context.parent, **context.vars}
    for key, value in names.items():
        if value is not missing:
            parent[key] = value
    return template.environment.context_class(
        template.environment, parent, template.name, template.blocks, globals=template.globals
    )


def _key(
    template: jinja2.Template,
    context: Context,
    names: Mapping[str, Any],
    reads: tuple[str, ...],
) -> tuple[tuple[Any, ...], list[Any]] | None:
    """The key of ``template`` rendered in ``context`` with ``names`` set, and the objects
    whose identity it holds; None when a value read is none of those that stay the same."""
    key: list[Any] = [id(template)]
    held: list[Any] = [template]
    for name in reads:
        value = names.get(name, missing)
        if value is missing:  # as the copy of the context has it: ``names`` override
            value = context.resolve_or_missing(name)
        kind = type(value)
        if value is missing:
            key.append(missing)
        elif kind in _BY_VALUE:
            key.append((kind, value))
        elif kind in _BY_IDENTITY:
            key.append(id(value))
            held.append(value)
        else:
            return None
    return tuple(key), held


def names_read(env: jinja2.Environment, name: str, seen: set[str]) -> set[str] | None:
    """The names ``name`` reads, with those of the templates it uses (each once); None when
    that cannot be told (a template missing, invalid, computed at render time, or reading
    Jinja's globals)."""
    tree = parsed_template(env, name)
    if tree is None:  # missing or invalid: rendering it says so
        return None
    if any(node.name in _UNSAFE for node in tree.find_all(nodes.Name)):
        return None  # Jinja's globals and ``self`` are no undeclared names: looked for here
    names = set(meta.find_undeclared_variables(tree))
    # Jinja leaves out names its globals have (range, dict, namespace…), though the context
    # may hold a value of that name (a loop's ``{% for range in ranges %}``): read them too.
    names |= {
        n.name for n in tree.find_all(nodes.Name) if n.ctx == "load" and n.name in env.globals
    }
    for used in meta.find_referenced_templates(tree):
        if used is None:
            return None
        if used in seen:
            continue
        seen.add(used)
        theirs = names_read(env, used, seen)
        if theirs is None:
            return None
        names |= theirs
    return names


def _only_macros(env: jinja2.Environment, name: str) -> bool:
    """Whether template ``name`` has nothing at its top but macros and text: no ``set``,
    ``import`` or anything else whose result a module would keep."""
    tree = parsed_template(env, name)
    return tree is not None and all(
        isinstance(node, nodes.Macro)
        or (
            isinstance(node, nodes.Output)
            and all(isinstance(n, nodes.TemplateData) for n in node.nodes)
        )
        for node in tree.body
    )


def parsed_template(env: jinja2.Environment, name: str) -> nodes.Template | None:
    """Template ``name``'s syntax tree, as ``env`` finds it; None when it cannot be read or
    parsed (rendering it says where, if a page uses it)."""
    try:
        source, _filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
        return env.parse(source, name)
    except Exception:  # unreadable or invalid: rendering says where, if a page uses it
        return None
