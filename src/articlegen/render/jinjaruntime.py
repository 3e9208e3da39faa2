"""The Jinja environment pages render with: Jinja's own, with faster ways through what
every page does hundreds of times, each giving what Jinja's general way gives.

A cold build of 2,000 articles made about a million attribute lookups, 600,000 escapes,
150,000 calls and 28,000 template look-ups in templates; Jinja's general way of doing each
costs several times the work itself. Templates compile with ``jinjacompiler.CodeGenerator``,
whose code does most of it inline; this module holds what that code calls:

- ``item.title`` on a dict: Jinja asks for the attribute first and takes the item after the
  ``AttributeError``. For a dict type whose instances hold nothing but items (no ``__dict__``,
  no ``__getattr__``), a name that is no attribute of the type can only be an item: the
  compiled code looks it up as one at once once ``item_or_absent`` has met the type.
  ``item.items`` still finds the method, as in Jinja.
- a call of any other callable than ``url``: Jinja's ``Context.call`` looks for a
  ``pass_context`` mark on the callable and on its ``__call__`` at every call. An instance of
  a class whose instances cannot carry the mark (no ``__dict__``) and whose class has none
  is called straight away.
- ``{{ value }}`` of anything but a ``str``: markupsafe's ``escape`` wraps its result through
  ``Markup.__new__``, a Python function; a ``Markup`` is already what escaping it gives.
- ``value | select`` without a test: Jinja prepares the test it calls for each item (three
  Python calls an item) at every use; ``truthy_items`` keeps the true items at once.
- ``{% include %}`` inside a loop and ``{% import … with context %}`` go through
  ``includememo``: a card shown on several list pages is rendered once, and the module of
  ``_people.html`` made once, not on every article page.
- a template named by an include, import or extends is found in a dict, not in Jinja's
  cache of the least recently used, by ``get_template`` itself.
- a page's context, and that of an include or import with context, copies the values once
  where Jinja's ``new_context`` copies them twice (some 14,000 contexts a build).

The templates are unchanged and a site's own templates take the same ways.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

import jinja2
from jinja2.environment import TemplateModule
from jinja2.runtime import Context, Macro
from jinja2.utils import _PassArg, internalcode, missing
from markupsafe import Markup, escape

from .includememo import IncludeMemo, context_with
from .jinjacompiler import CodeGenerator, absent, dict_attributes, items_first
from .jinjacompiler import escape_inner as _escape_inner

_make_str = str.__new__
_dict_get = dict.get
_ABSENT = absent


@functools.cache
def _plain_callable(kind: type) -> bool:
    """Whether calling an instance of ``kind`` never takes a context, an evaluation context
    or the environment first: no ``jinja_pass_arg`` mark on the class or its ``__call__``,
    and instances that cannot be given one (no ``__dict__``, the usual attribute lookup, no
    ``__getattr__``).
    Functions, methods and Jinja's macros are not such instances."""
    return (
        kind.__dictoffset__ == 0
        and not issubclass(kind, type)
        and kind.__getattribute__ is object.__getattribute__
        and not hasattr(kind, "__getattr__")
        and not hasattr(kind, "jinja_pass_arg")
        and not hasattr(_own(kind, "__call__"), "jinja_pass_arg")
    )


def _own(kind: type, name: str) -> object:
    """``name`` as ``kind``'s instances find it in their class (None if they do not)."""
    return next((vars(k)[name] for k in kind.__mro__ if name in vars(k)), None)


def _macro_kind() -> type | None:
    """Jinja's ``Macro``, where its ``__call__`` (and nothing else of it) takes the evaluation
    context, as in Jinja 3.1: calling one then needs no look for marks, since only the code
    a template compiles to makes a macro, and a template cannot mark one (it sets no
    attributes)."""
    takes = _PassArg.from_obj(_own(Macro, "__call__"))  # type: ignore[type-var]
    plain = not hasattr(Macro, "jinja_pass_arg")
    return Macro if plain and takes is _PassArg.eval_context else None


_MACRO = _macro_kind()


def _takes_as_given(macro: Macro, count: int) -> bool:
    """Whether ``count`` positional arguments are what ``macro``'s function takes as they
    are: one for each parameter, and no ``caller``, ``varargs`` or ``kwargs`` to add.
    ``Macro.__call__`` then only passes them on (and marks the result safe when the
    evaluation context escapes): a build calls some 12,000 macros."""
    return (
        count == macro._argument_count
        and not (macro.caller or macro.catch_kwargs or macro.catch_varargs)
        and not macro._environment.is_async
    )


class _Context(Context):
    """A template's context, calling plain callables (``_plain_callable``) and macros
    straight away."""

    @internalcode
    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        kind: type = type(__obj)
        if kind is not _MACRO and not _plain_callable(kind):
            return super().call(__obj, *args, **kwargs)
        if kwargs:  # what Jinja adds for pass_context callables, as Context.call drops it
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            if kind is not _MACRO:
                return __obj(*args, **kwargs)
            if kwargs or not _takes_as_given(__obj, len(args)):
                # Macro.__call__ takes the evaluation context, as Jinja passes it
                return __obj(__self.eval_ctx, *args, **kwargs)
            made = __obj._func(*args)  # what Macro.__call__ comes to for these arguments
            if not __self.eval_ctx.autoescape:
                return made
            return _make_str(Markup, made) if type(made) is str else Markup(made)
        except StopIteration:
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )


class _Template(jinja2.Template):
    """A template whose ``new_context`` copies a page's values once: Jinja's
    ``dict(globals, **vars)`` packs ``vars`` into keyword arguments first, a second copy of
    the 25 values of an article page (and of each See Also index entry's partial)."""

    def new_context(
        self,
        vars: dict[str, Any] | None = None,
        shared: bool = False,
        locals: Mapping[str, Any] | None = None,
    ) -> Context:
        if shared or not vars:
            return super().new_context(vars, shared, locals)
        parent = {**self.globals, **vars}
        for key, value in (locals or {}).items():
            if value is not missing:
                parent[key] = value
        return self.environment.context_class(
            self.environment, parent, self.name, self.blocks, globals=self.globals
        )


class Environment(jinja2.Environment):
    """``jinja2.Environment`` with the faster ways above; one per build (its include memo
    holds what that build's templates rendered)."""

    code_generator_class = CodeGenerator
    context_class = _Context
    template_class = _Template
    context_with = staticmethod(context_with)
    """An include's or import's context (``includememo.context_with``), for compiled code."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.include_memo = IncludeMemo(self)
        """Included templates rendered, by template and the values they read."""
        self._loaded: dict[str, jinja2.Template] = {}
        self._trees: dict[tuple[str, str | None, str | None], jinja2.nodes.Template] = {}

    def parse(
        self, source: str, name: str | None = None, filename: str | None = None
    ) -> jinja2.nodes.Template:
        """Template ``source``'s syntax tree, parsed once. The include memo reads the names a
        template uses from its tree (``includememo.parsed_template``) for each template that
        includes or imports it: the theme's 2 to 13 times a build. Compiling parses through
        ``_parse``, not this, so the trees kept here are never compiled (Jinja's optimizer
        folds constants in a tree it compiles)."""
        key = (source, name, filename)
        tree = self._trees.get(key)
        if tree is None:
            tree = self._trees[key] = super().parse(source, name, filename)
        return tree

    @internalcode
    def get_template(
        self,
        name: str | jinja2.Template,
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        """Template ``name`` as Jinja's ``get_template`` finds it, in one call where it was
        loaded before: each include, import and extends (28,000 a build) went through
        Jinja's ``join_path`` and ``_load_template`` to reach the dict they are kept in.
        The name is noted where an include being kept asks (``IncludeMemo.used``)."""
        plain_path = parent is None or type(self).join_path is jinja2.Environment.join_path
        if type(name) is str and not globals and not self.auto_reload and plain_path:
            found = self._loaded.get(name)
            if found is not None:
                if self.include_memo.used is not None:
                    self.include_memo.used.add(name)
                return found
        return super().get_template(name, parent, globals)

    def _load_template(
        self, name: str, globals: MutableMapping[str, Any] | None
    ) -> jinja2.Template:
        """Template ``name``: the one loaded before, where nothing is reloaded, found in a
        dict rather than Jinja's least-recently-used cache (a lock and a queue to update
        on each of the 28,000 includes, imports and extends of a 2,000-article build).
        Every template looked up comes here (``select_template`` too) unless
        ``get_template`` found it: the name is noted where an include being kept asks."""
        if self.include_memo.used is not None:
            self.include_memo.used.add(name)
        if globals or self.auto_reload or self.cache is None:
            return super()._load_template(name, globals)
        found = self._loaded.get(name)
        if found is None:
            found = self._loaded[name] = super()._load_template(name, globals)
        return found

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals: the environment's with ``d`` over them, as Jinja's
        ``ChainMap`` has them, but a dict: every page, partial and import copies or compares
        them, which a ``ChainMap`` does key by key in Python. The environment's globals are
        all set before any template is loaded (Jinja asks as much), so a copy sees them all."""
        return {**self.globals, **(d or {})}

    def item_or_undefined(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute`` once ``getattr(obj, attribute)`` has raised ``AttributeError``:
        the item, as Jinja's ``getattr`` goes on, or undefined."""
        value = self.item_or_absent(obj, attribute)
        return self.undefined(obj=obj, name=attribute) if value is _ABSENT else value

    def item_or_absent(self, obj: Any, attribute: str) -> Any:
        """``item_or_undefined``, with ``absent`` where it gives an undefined value."""
        kind: type = type(obj)
        names = dict_attributes(kind)
        if names is None:
            try:
                return obj[attribute]
            except (TypeError, LookupError, AttributeError):
                return _ABSENT
        if attribute not in names:
            items_first(attribute).add(kind)
        return _dict_get(obj, attribute, _ABSENT)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute`` in a template: as Jinja's, the item first where it must be one."""
        kind: type = type(obj)
        names = dict_attributes(kind)
        if names is None or attribute in names:
            try:
                return getattr(obj, attribute)
            except AttributeError:
                return super().getattr(obj, attribute)  # the item, as Jinja looks it up
        value = _dict_get(obj, attribute, _ABSENT)  # obj[attribute], without a KeyError
        if value is _ABSENT:
            return self.undefined(obj=obj, name=attribute)
        return value

    @staticmethod
    def escape_output(value: Any) -> Markup:
        """``{{ value }}`` escaped: ``markupsafe.escape(value)``, made faster for strings."""
        kind = type(value)
        if kind is str and _escape_inner is not None:
            return _make_str(Markup, _escape_inner(value))
        if kind is Markup:
            return value  # type: ignore[no-any-return]
        if kind is int:  # digits and a minus sign: nothing to escape
            return _make_str(Markup, str(value))
        return escape(value)

    @staticmethod
    def truthy_items(value: Any) -> Iterator[Any]:
        """``value | select``, without a test: the items of ``value`` that are true, as
        Jinja's ``select`` gives them (lazily, nothing if ``value`` is false), without
        preparing the test it would call for each (the byline and each card's line of facts
        select their parts)."""
        if value:
            for item in value:
                if item:
                    yield item

    def included(
        self, template: jinja2.Template, context: Context, names: Mapping[str, Any]
    ) -> str:
        """An ``{% include %}`` in a loop: ``template`` rendered in a copy of ``context``
        with the loop's ``names`` added, as Jinja's include does, its pieces joined, or its
        output kept from an earlier include with the same values."""
        return self.include_memo.output(template, context, names)

    def imported(
        self, template: jinja2.Template, context: Context, names: Mapping[str, Any]
    ) -> TemplateModule:
        """An ``{% import … with context %}``: ``template`` as a module made in a copy of
        ``context`` with the ``names`` set there, as Jinja's import makes it, or the one an
        earlier import with the same values made."""
        return self.include_memo.module(template, context, names)
