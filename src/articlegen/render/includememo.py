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

An include's output is keyed closer than that: by the names the template reads itself and
those read by the templates it used as it rendered (``Environment.get_template`` notes each
one looked up, ``used``; each with the names of every template it may use in turn). With its
own names' values the same, the template takes the same way through its statements, uses
the same templates and hands them the same values of its own: the names those read are all
else its output can depend on. The outputs of a template are kept by each such set of names
met (a card with an image, one without: ``_Way``), and an include looks in each. A card whose
article has no image is then one output on every page, where ``image_loading`` (read by
``_card_image.html`` alone, which such a card never includes) made the first row's cards of
each list page a second output of the same card: 3,470 cards rendered for 2,000 articles in
the bench corpus, now 2,000. A module is still keyed by the names of every template it may
use, since its macros use templates after it is made.

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
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

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
OwnNames = Callable[[str], tuple[str, ...] | None]
"""The names a template reads itself, by its name (``own_names``)."""


class _Output(NamedTuple):
    """An include's output kept."""

    made: str
    used: frozenset[str]
    """The templates it looked up as it rendered."""
    held: list[Any]
    """The objects whose identity its key holds."""


class _Way(NamedTuple):
    """The outputs of a template kept under one set of names: its own and those of the
    templates they used as they rendered (a card with an image, one without)."""

    reads: tuple[str, ...]
    outputs: dict[tuple[Any, ...], _Output]
    """By the values of ``reads`` (``_key``)."""


class IncludeMemo:
    """The outputs of one environment's includes in loops and the modules of its imports
    with context, by template and values; the
    environment serves one build, and the values compared by identity are kept alive with
    the output, so an identity is never that of another object while it is here."""

    def __init__(self, env: jinja2.Environment) -> None:
        self._env = env
        self._reads: dict[str, tuple[str, ...] | None] = {}
        self._stateless: dict[str, bool] = {}
        self._own: dict[str, tuple[str, ...] | None] = {}
        self._ways: dict[str, list[_Way] | None] = {}
        self._modules: dict[tuple[Any, ...], tuple[Any, list[Any]]] = {}
        self.used: set[str] | None = None
        """The templates looked up since an include kept here began to render (None when
        none is rendering): ``Environment.get_template`` adds each name."""
        self.rendered = 0
        """Includes rendered (not taken from those kept), for tests."""

    def output(self, template: jinja2.Template, context: Context, names: Mapping[str, Any]) -> str:
        """``template`` rendered as ``{% include %}`` renders it from ``context`` with the
        loop's ``names`` (its pieces joined), or the output of an earlier include that had
        the same values of the names it read itself and of the names the templates it used
        read; kept when those values can be compared."""
        ways = self._ways_of(template.name)
        for way in ways or ():
            keyed = _key(template, context, names, way.reads)
            kept = way.outputs.get(keyed[0]) if keyed is not None else None
            if kept is not None:
                if self.used is not None:
                    self.used |= kept.used
                return kept.made
        outer, self.used = self.used, set()
        try:
            made = self._render(template, context_with(template, context, names))
        finally:
            used, self.used = self.used, outer
        if outer is not None:
            outer |= used
        if ways is not None:
            self._keep(ways, template, context, names, made, frozenset(used))
        return made

    def _keep(
        self,
        ways: list[_Way],
        template: jinja2.Template,
        context: Context,
        names: Mapping[str, Any],
        made: str,
        used: frozenset[str],
    ) -> None:
        """Keep ``made``, ``template`` rendered with the templates ``used``, under the names
        it read itself and those the templates it used read (with those of every template
        those use), if they can be told and their values compared."""
        reads = set(self._own_names(template.name) or ())  # told, or there were no ways
        for name in used:
            theirs = self.reads(name)
            if theirs is None:
                return
            reads.update(theirs)
        ordered = tuple(sorted(reads))
        keyed = _key(template, context, names, ordered)
        if keyed is None:
            return
        way = next((way for way in ways if way.reads == ordered), None)
        if way is None:
            way = _Way(ordered, {})
            ways.append(way)
        way.outputs[keyed[0]] = _Output(made, used, keyed[1])

    def _ways_of(self, name: str | None) -> list[_Way] | None:
        """The ways template ``name``'s outputs are kept; None when the names it and the
        templates it uses read cannot be told (it is rendered every time)."""
        if name is None:
            return None
        if name not in self._ways:
            self._ways[name] = [] if self.reads(name) is not None else None
        return self._ways[name]

    def module(
        self, template: jinja2.Template, context: Context, names: Mapping[str, Any]
    ) -> TemplateModule:
        """``template`` imported ``with context`` from ``context`` and the ``names`` set
        there, or the module an earlier import with the same values made (its macros find
        the same values in the context it was made in)."""
        if not self.stateless(template.name):
            return TemplateModule(template, context_with(template, context, names))
        reads = self.reads(template.name)
        keyed = _key(template, context, names, reads) if reads is not None else None
        if keyed is not None and keyed[0] in self._modules:
            kept: TemplateModule = self._modules[keyed[0]][0]
            return kept
        made = TemplateModule(template, context_with(template, context, names))
        if keyed is not None:
            self._modules[keyed[0]] = (made, keyed[1])
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
            found = names_read(self._env, name, {name}, self._own_names)
            self._reads[name] = None if found is None else tuple(sorted(found))
        return self._reads[name]

    def _own_names(self, name: str | None) -> tuple[str, ...] | None:
        if name is None:
            return None
        if name not in self._own:
            self._own[name] = own_names(self._env, name)
        return self._own[name]


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
    whose identity it holds; None when a value read is none of those that stay the same.
    A name not in ``names`` is looked up as ``Context.resolve_or_missing`` looks it up
    (inline where the context's class has Jinja's: a build makes some 9,000 keys)."""
    key: list[Any] = [id(template)]
    held: list[Any] = [template]
    own, parent = context.vars, context.parent
    plain = type(context).resolve_or_missing is Context.resolve_or_missing
    for name in reads:
        value = names.get(name, missing)
        if value is not missing:  # as the copy of the context has it: ``names`` override
            pass
        elif not plain:
            value = context.resolve_or_missing(name)
        else:
            value = own[name] if name in own else parent.get(name, missing)
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


def names_read(
    env: jinja2.Environment, name: str, seen: set[str], own: OwnNames | None = None
) -> set[str] | None:
    """The names ``name`` reads, with those of the templates it uses (each once); None when
    that cannot be told (a template missing, invalid, computed at render time, or reading
    Jinja's globals). ``own`` gives the names a template reads itself (``own_names``)."""
    names = own(name) if own is not None else own_names(env, name)
    tree = parsed_template(env, name)
    if names is None or tree is None:  # missing or invalid: rendering it says so
        return None
    found = set(names)
    for used in meta.find_referenced_templates(tree):
        if used is None:
            return None
        if used in seen:
            continue
        seen.add(used)
        theirs = names_read(env, used, seen, own)
        if theirs is None:
            return None
        found |= theirs
    return found


def own_names(env: jinja2.Environment, name: str) -> tuple[str, ...] | None:
    """The names template ``name`` reads from its context itself, with ``ALWAYS_READ``, not
    those of the templates it uses; None when that cannot be told (the template missing,
    invalid, or reading Jinja's globals ``self`` or ``lipsum``)."""
    tree = parsed_template(env, name)
    if tree is None:
        return None
    if any(node.name in _UNSAFE for node in tree.find_all(nodes.Name)):
        return None  # Jinja's globals and ``self`` are no undeclared names: looked for here
    names = set(meta.find_undeclared_variables(tree)) | ALWAYS_READ
    # Jinja leaves out names its globals have (range, dict, namespace…), though the context
    # may hold a value of that name (a loop's ``{% for range in ranges %}``): read them too.
    names |= {
        n.name for n in tree.find_all(nodes.Name) if n.ctx == "load" and n.name in env.globals
    }
    return tuple(sorted(names))


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
