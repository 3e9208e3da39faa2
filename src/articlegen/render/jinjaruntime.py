"""The Jinja environment pages render with: Jinja's own, with faster ways through what
every page does hundreds of times, each giving what Jinja's general way gives.

A cold build of 2,000 articles made about a million attribute lookups, 600,000 escapes and
150,000 calls in templates; Jinja's general way of doing each costs several times the work
itself:

- ``item.title`` on a dict: Jinja asks for the attribute first and takes the item after the
  ``AttributeError``. For a dict type whose instances hold nothing but items (no ``__dict__``,
  no ``__getattr__``), a name that is no attribute of the type can only be an item: it is
  looked up as one at once. ``item.items`` still finds the method, as in Jinja.
- ``url(item.url)``: Jinja's ``Context.call`` looks for a ``pass_context`` mark on the callable
  and on its ``__call__`` at every call. An instance of a class whose instances cannot carry
  the mark (no ``__dict__``) and whose class has none is called straight away.
- ``{{ value }}``: markupsafe's ``escape`` wraps its result through ``Markup.__new__``, a
  Python function; a ``str`` is escaped by the same C function into a ``Markup`` made
  directly, and a ``Markup`` is already what escaping it gives.
- ``{% include %}`` inside a loop and ``{% import … with context %}`` go through
  ``includememo``: a card shown on several list pages is rendered once, and the module of
  ``_people.html`` made once, not on every article page.

The templates are unchanged and a site's own templates take the same ways.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.environment import TemplateModule
from jinja2.runtime import Context
from jinja2.utils import internalcode
from markupsafe import Markup, escape

from .includememo import IncludeMemo


def _c_escape() -> Callable[[str], str] | None:
    """MarkupSafe 3's C escaping under ``escape()``, which wraps its result through the Python
    ``Markup.__new__``; None with MarkupSafe 2 (whose ``escape()`` is all C) or without C."""
    try:
        from markupsafe import _speedups
    except ImportError:
        return None
    found: Callable[[str], str] | None = getattr(_speedups, "_escape_inner", None)
    return found


_escape_inner = _c_escape()
_make_str = str.__new__
_dict_get = dict.get
_ABSENT = object()


@functools.cache
def _dict_attributes(kind: type) -> frozenset[str] | None:
    """Every attribute name of ``kind``, a dict type whose instances hold items alone and
    look them up as a dict does (no ``__getitem__`` or ``__missing__`` of its own); None for
    any other type (its instances may have attributes of their own, or items ``get`` misses)."""
    if (
        issubclass(kind, dict)
        and kind.__dictoffset__ == 0
        and kind.__getattribute__ is dict.__getattribute__
        and not hasattr(kind, "__getattr__")
        and kind.__getitem__ is dict.__getitem__
        and not hasattr(kind, "__missing__")
    ):
        return frozenset(dir(kind))
    return None


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


class _Context(Context):
    """A template's context, calling plain callables (``_plain_callable``) straight away."""

    @internalcode
    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        kind: type = type(__obj)
        if not _plain_callable(kind):
            return super().call(__obj, *args, **kwargs)
        if kwargs:  # what Jinja adds for pass_context callables, as Context.call drops it
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )


class _CodeGenerator(CodeGenerator):
    """Jinja's compiler, writing ``environment.escape_output(…)`` for ``{{ … }}``,
    ``environment.included(…)`` for an ``{% include %}`` of a named template in a loop and
    ``environment.imported(…)`` for an import with context."""

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape or finalize.src is not None:
            super()._output_child_pre(node, frame, finalize)
        else:
            self.write("environment.escape_output(")

    def visit_Include(self, node: nodes.Include, frame: Frame) -> None:
        named = isinstance(node.template, nodes.Const) and isinstance(node.template.value, str)
        if not (named and frame.loop_frame and node.with_context and not node.ignore_missing):
            super().visit_Include(node, frame)
            return
        self.writeline("template = environment.get_template(", node)
        self.visit(node.template, frame)
        self.write(f", {self.name!r})")
        names = self.dump_local_context(frame)
        self.writeline(f"for event in environment.included(template, context, {names}):")
        self.indent()
        self.simple_write("event", frame)
        self.outdent()

    def _import_common(self, node: nodes.Import | nodes.FromImport, frame: Frame) -> None:
        if not node.with_context or self.environment.is_async:
            super()._import_common(node, frame)
            return
        self.write("environment.imported(environment.get_template(")
        self.visit(node.template, frame)
        self.write(f", {self.name!r}), context, {self.dump_local_context(frame)})")


class Environment(jinja2.Environment):
    """``jinja2.Environment`` with the faster ways above; one per build (its include memo
    holds what that build's templates rendered)."""

    code_generator_class = _CodeGenerator
    context_class = _Context

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.include_memo = IncludeMemo(self)
        """Included templates rendered, by template and the values they read."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute`` in a template: as Jinja's, the item first where it must be one."""
        kind: type = type(obj)
        names = _dict_attributes(kind)
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

    def included(
        self, template: jinja2.Template, context: Context, names: Mapping[str, Any]
    ) -> Iterator[str]:
        """An ``{% include %}`` in a loop: ``template`` rendered in a copy of ``context``
        with the loop's ``names`` added, as Jinja's include does, or its output kept from an
        earlier include with the same values."""
        return self.include_memo.render(template, context, names)

    def imported(
        self, template: jinja2.Template, context: Context, names: Mapping[str, Any]
    ) -> TemplateModule:
        """An ``{% import … with context %}``: ``template`` as a module made in a copy of
        ``context`` with the ``names`` set there, as Jinja's import makes it, or the one an
        earlier import with the same values made."""
        return self.include_memo.module(template, context, names)
