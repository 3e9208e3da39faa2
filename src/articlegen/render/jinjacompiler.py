"""What templates compile to: Jinja's compiler, writing Python that does less per value
shown while giving what Jinja's own code gives (``jinjaruntime.Environment`` compiles with it).

Jinja compiles a template to generator functions that yield every piece of output apart,
each piece passing up through the chain of ``{% extends %}`` and ``{% block %}`` (an article
page's were resumed a million times in a 2,000-article build), and looks up every
``item.title`` and calls every ``url(…)`` through a function of the environment or context.
Here:

- a run of text and ``{{ … }}`` values between two statements is yielded as one string
  (``concat((…))`` of its pieces, each on its own line as Jinja writes them, so an error
  still names its line), and a block, a parent template or an include without a loop is
  yielded joined, and so is an include with context outside a loop: ``"".join`` takes the
  pieces of each generator straight away, and ``Template.render`` joins the same strings
  in the same order;
- each name a scope reads from the context is looked up inline, in the context's ``vars``
  and then its ``parent``, as ``Context.resolve_or_missing`` (unless a context class
  overrides it) looks it up;
- ``{{ value }}`` escapes a ``str`` with MarkupSafe's C function inline (``escape_str``): a
  piece's type does not matter once the pieces are joined; a ``Markup`` is shown as it is
  (what escaping it gives), and an ``int`` as its digits (a build shows some 57,000: reading
  minutes, counts, reference numbers);
- ``owner.attr`` is looked up inline as ``Environment.getattr`` looks it up: the item at once
  for a dict type that ``Environment.item_or_absent`` has found holds the name only as an
  item (``items_first``), else the attribute (``getattr`` with a default), else the item or
  undefined through the environment;
- ``owner.attr | default(constant)`` gives the constant where that lookup finds nothing,
  without making the undefined value the ``default`` filter would take (the See Also index
  asks 120,000 times for keys most of its links lack);
- ``url(…)`` (``DIRECT_CALLS``) is called at once, where ``Context.call`` looked for a
  ``pass_context`` mark on every call, and ``url(relative)`` is its prefix and the URL
  joined inline; any other callable goes as Jinja calls it;
- ``{{ value | safe }}`` shows a ``str`` value as it is (``shown_safe``), where Jinja copied
  it into a ``Markup`` to be joined, and a ``{% set %}`` block's text is made a ``Markup``
  without ``Markup.__new__`` (``markup_of_str``);
- ``value | select`` (no test) is ``Environment.truthy_items``;
- ``{% include %}`` of a named template in a loop and ``{% import … with context %}`` go
  through the environment (``includememo``);
- a loop that reads only its counts (``loop.index``…) goes without a ``LoopContext``
  (``jinjaloops.CountedLoops``).

Names the generated code uses for its own values (``_shown``, ``_kind``, ``_item``, ``_owner``,
``_callee``, ``_url``, ``_vars``) are none that Jinja gives a template's variables (``l_0_title``…).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, cast

import jinja2
import jinja2.compiler
from jinja2 import nodes
from jinja2.compiler import Frame, optimizeconst
from jinja2.idtracking import (
    VAR_LOAD_ALIAS,
    VAR_LOAD_PARAMETER,
    VAR_LOAD_RESOLVE,
    VAR_LOAD_UNDEFINED,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .jinjaloops import CountedLoops
from .urlmaker import UrlMaker


def _c_escape() -> Callable[[str], str] | None:
    """MarkupSafe 3's C escaping under ``escape()``, which wraps its result through the Python
    ``Markup.__new__``; None with MarkupSafe 2 (whose ``escape()`` is all C) or without C."""
    try:
        from markupsafe import _speedups
    except ImportError:
        return None
    found: Callable[[str], str] | None = getattr(_speedups, "_escape_inner", None)
    return found


escape_inner = _c_escape()
escape_str: Callable[[str], str] = escape_inner or escape
"""A ``str`` escaped, as the text of a ``Markup`` or as one."""
dict_get = dict.get
absent = object()
"""What an inline lookup gives where it finds nothing."""
DIRECT_CALLS = frozenset({UrlMaker})
"""Callables a template calls at once, as ``Context.call`` would call them: no
``pass_context`` mark, none possible on an instance (no ``__dict__``), and never raising
``StopIteration`` (which ``Context.call`` makes an undefined value)."""
_ITEMS_FIRST: dict[str, set[type]] = {}
_RUNTIME = (
    "escape_str",
    "items_first",
    "dict_get",
    "absent",
    "DIRECT_CALLS",
    "UrlMaker",
    "plain_strs",
    "shown_safe",
    "markup_of_str",
)
"""What compiled templates import from here."""
_JOINED = "_joined_"
"""A stand-in buffer name: Jinja's output code written for a buffer, made a ``yield``."""
_JOINED_WRITES = {f"{_JOINED}.append(": "yield str(", f"{_JOINED}.extend((": "yield concat(("}


markup_of_str: Callable[[str], Markup] = functools.partial(str.__new__, Markup)
"""``Markup(text)`` of a ``str``: the same, without ``Markup.__new__``, a Python function."""
plain_strs: set[type] = {str}
"""The ``str`` types whose text is that of ``Markup(value)``: no ``__html__``, no ``__str__``
of their own (``shown_safe`` adds each it meets)."""


def shown_safe(value: Any) -> Any:
    """What ``{{ value | safe }}`` shows of a value whose type is not in ``plain_strs``: the
    value itself where ``Markup(value)`` would hold its text, else ``Markup(value)``."""
    kind = type(value)
    if issubclass(kind, str) and kind.__str__ is str.__str__ and not hasattr(kind, "__html__"):
        plain_strs.add(kind)
        return value
    return Markup(value)


def items_first(attribute: str) -> set[type]:
    """The dict types whose instances can hold ``attribute`` only as an item (see
    ``dict_attributes``), as ``Environment.item_or_absent`` has met them."""
    return _ITEMS_FIRST.setdefault(attribute, set())


@functools.cache
def dict_attributes(kind: type) -> frozenset[str] | None:
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


class CodeGenerator(CountedLoops):
    """Jinja's compiler, writing the code the module docstring describes. It leaves the
    template's own semantics to Jinja's compiler wherever it does not know them to hold
    (an async environment, a ``finalize``, a volatile autoescape, calls with keywords)."""

    _unfiltered: nodes.Filter | None = None
    """A ``value | safe`` shown by ``{{ }}``, whose value is written without the filter."""

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape or finalize.src is not None:
            super()._output_child_pre(node, frame, finalize)
        elif self._shown_safe(node):
            self._unfiltered = cast(nodes.Filter, node)
            self.write("(_shown if type(_shown := ")
        else:
            self.write("(escape_str(_shown) if (_kind := type(_shown := ")

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape or finalize.src is not None:
            super()._output_child_post(node, frame, finalize)
        elif self._shown_safe(node):
            self._unfiltered = None
            self.write(") in plain_strs else shown_safe(_shown))")
        else:
            self.write(
                ")) is str else _shown if _kind is Markup else str(_shown) if _kind is int"
                " else environment.escape_output(_shown))"
            )

    def _shown_safe(self, node: nodes.Expr) -> bool:
        """Whether ``node`` is ``value | safe`` with Jinja's ``safe``: shown, the text of
        ``Markup(value)`` is that of a ``str`` value itself (an article's body, 20 kB a page,
        was copied into a ``Markup`` to be joined into the page)."""
        return isinstance(node, nodes.Filter) and node.name == "safe" and self._bare(node)

    def _bare(self, node: nodes.Filter) -> bool:
        """Whether ``node`` is Jinja's own filter of its name, given a value and nothing else."""
        return (
            node.node is not None
            and not (node.args or node.kwargs or node.dyn_args or node.dyn_kwargs)
            and self.environment.filters.get(node.name) is jinja2.filters.FILTERS[node.name]
            and not self.environment.is_async
        )

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        self.writeline(f"from {__name__} import {', '.join(_RUNTIME)}")
        self.items_first: dict[str, str] = {}
        for attribute in sorted({n.attr for n in node.find_all(nodes.Getattr)}):
            self.items_first[attribute] = f"items_first_{len(self.items_first)}"
            self.writeline(f"{self.items_first[attribute]} = items_first({attribute!r})")
        super().visit_Template(node, frame)

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        if self.environment.is_async:
            super().visit_Getattr(node, frame)
            return
        self.write("(_item if (_item := ")
        self._write_lookup(node, frame)
        self.write(f") is not absent else environment.item_or_undefined(_owner, {node.attr!r}))")

    def _write_lookup(self, node: nodes.Getattr, frame: Frame) -> None:
        """``node.node.attr`` as far as it can be found inline, else ``absent``: the item of
        a dict type met before that holds the name only as one (``items_first``), any
        other's attribute. ``_owner`` is left holding ``node.node``."""
        name = repr(node.attr)
        self.write(f"(dict_get(_owner, {name}, absent) if type(_owner := ")
        self.visit(node.node, frame)
        self.write(f") in {self.items_first[node.attr]} else getattr(_owner, {name}, absent))")

    @optimizeconst
    def visit_Filter(self, node: nodes.Filter, frame: Frame) -> None:
        if node is self._unfiltered and node.node is not None:  # see _output_child_pre
            self.visit(node.node, frame)
            return
        if node.name == "select" and self._bare(node):  # see Environment.truthy_items
            self.write("environment.truthy_items(")
            self.visit(cast(nodes.Expr, node.node), frame)
            self.write(")")
            return
        default = node.args[0] if len(node.args) == 1 else None
        if not (
            isinstance(node.node, nodes.Getattr)
            and isinstance(default, nodes.Const)
            and not (node.kwargs or node.dyn_args or node.dyn_kwargs)
            and self.environment.filters.get(node.name) is jinja2.filters.do_default
            and not self.environment.is_async
        ):
            super().visit_Filter(node, frame)
            return
        # ``owner.attr | default(constant)``: the constant where the lookup finds nothing
        # (or an undefined value), without making the undefined value Jinja would make
        self.write("(")
        self.visit(default, frame)
        self.write(" if (_item := ")
        self._write_lookup(node.node, frame)
        self.write(
            f") is absent and (type(_owner) in {self.items_first[node.node.attr]} or (_item :="
            f" environment.item_or_absent(_owner, {node.node.attr!r})) is absent)"
            " or isinstance(_item, Undefined) else _item)"
        )

    @optimizeconst
    def visit_Call(self, node: nodes.Call, frame: Frame, forward_caller: bool = False) -> None:
        if (
            forward_caller
            or node.kwargs
            or node.dyn_args
            or node.dyn_kwargs
            or self.environment.is_async
            or any(
                isinstance(n, nodes.Call)
                for arg in node.args
                for n in (arg, *arg.find_all(nodes.Call))
            )
        ):
            super().visit_Call(node, frame, forward_caller=forward_caller)
            return
        # a callable of a kind in DIRECT_CALLS is called at once, any other as Jinja calls it;
        # not where an argument holds a call, whose arguments would be written twice again
        if len(node.args) == 1:
            self._write_url_call(node, frame)
        else:
            self.write("(_callee(")
            for index, arg in enumerate(node.args):
                self.write(", " if index else "")
                self.visit(arg, frame)
            self.write(") if type(_callee := ")
            self.visit(node.node, frame)
            self.write(") in DIRECT_CALLS else ")
        callee = object.__new__(nodes.InternalName)  # as Jinja's parser makes one
        nodes.Node.__init__(callee, "_callee", lineno=node.lineno)
        super().visit_Call(nodes.Call(callee, node.args, [], None, None, lineno=node.lineno), frame)
        self.write(")")

    def _write_url_call(self, node: nodes.Call, frame: Frame) -> None:
        """The start of a call of one argument: a ``UrlMaker`` given a relative URL (no
        ``://``) gives its prefix and the URL joined, as its ``__call__`` does, without the
        call (a build makes 140,000); called with anything else. Jinja's call follows."""
        self.write("((_callee.prefix + _url if type(_url := ")
        self.visit(node.args[0], frame)
        self.write(') is str and "://" not in _url else _callee(_url)) if type(_callee := ')
        self.visit(node.node, frame)
        self.write(") is UrlMaker else ")

    def visit_AssignBlock(self, node: nodes.AssignBlock, frame: Frame) -> None:
        """``{% set name %}…{% endset %}`` as Jinja writes it, the text it holds made a
        ``Markup`` by ``markup_of_str`` (an article page sets five, a card four)."""
        if node.filter is not None:
            super().visit_AssignBlock(node, frame)
            return
        self.push_assign_tracking()
        block_frame = frame.inner()
        block_frame.require_output_check = False  # as Jinja: a set block always captures
        block_frame.symbols.analyze_node(node)
        self.enter_frame(block_frame)
        self.buffer(block_frame)
        self.blockvisit(node.body, block_frame)
        self.newline(node)
        self.visit(node.target, frame)
        self.write(" = (markup_of_str if context.eval_ctx.autoescape else identity)(")
        self.write(f"concat({block_frame.buffer}))")
        self.pop_assign_tracking(frame)
        self.leave_frame(block_frame)

    def visit_Output(self, node: nodes.Output, frame: Frame) -> None:
        """A run of text and values yielded as one string: Jinja's code for a buffer
        (``buffer.extend((piece, …))``, each piece on its own line), made ``yield concat((…))``
        by ``writeline``."""
        if frame.buffer is not None or len(node.nodes) == 1 or self.environment.is_async:
            super().visit_Output(node, frame)
            return
        joined = frame.copy()
        joined.buffer = _JOINED
        super().visit_Output(node, joined)

    def writeline(self, x: str, node: nodes.Node | None = None, extra: int = 0) -> None:
        """Jinja's line, with ``yield from`` (a block, a parent template, an include without
        context) made a yield of the pieces joined, and the stand-in buffer made a yield."""
        if x.startswith(_JOINED):
            x = _JOINED_WRITES[x]
        elif x.startswith("yield from "):
            x = f"yield concat({x[len('yield from ') :]})"
        super().writeline(x, node, extra)

    def enter_frame(self, frame: Frame) -> None:
        """Jinja's start of a scope, where each name the scope reads from the context is
        looked up inline as ``Context.resolve_or_missing`` looks it up (in ``vars``, then
        in ``parent``), not through a call of it: an article page resolves some 45 names."""
        plain = self.get_resolve_func() == "resolve" and (
            self.environment.context_class.resolve_or_missing is Context.resolve_or_missing
        )
        if not plain:
            super().enter_frame(frame)
            return
        undefined = []
        for target, (action, param) in frame.symbols.loads.items():
            if action == VAR_LOAD_RESOLVE:
                self.writeline(
                    f"{target} = _vars[{param!r}] if {param!r} in (_vars := context.vars)"
                    f" else context.parent.get({param!r}, missing)"
                )
            elif action == VAR_LOAD_ALIAS:
                self.writeline(f"{target} = {param}")
            elif action == VAR_LOAD_UNDEFINED:
                undefined.append(target)
            elif action != VAR_LOAD_PARAMETER:
                raise NotImplementedError("unknown load instruction")
        if undefined:
            self.writeline(f"{' = '.join(undefined)} = missing")

    def visit_Include(self, node: nodes.Include, frame: Frame) -> None:
        named = isinstance(node.template, nodes.Const) and isinstance(node.template.value, str)
        if not (named and frame.loop_frame and node.with_context and not node.ignore_missing):
            if node.with_context and frame.buffer is None and not self.environment.is_async:
                self._include_joined(node, frame)
            else:
                super().visit_Include(node, frame)
            return
        self.writeline("template = environment.get_template(", node)
        self.visit(node.template, frame)
        self.write(f", {self.name!r})")
        names = self.dump_local_context(frame)
        self.simple_write(f"environment.included(template, context, {names})", frame, node)

    def _include_joined(self, node: nodes.Include, frame: Frame) -> None:
        """An include with context outside a loop, as Jinja writes it, but its output
        yielded joined, where Jinja yielded each of its pieces on through this template."""
        lookup = "get_or_select_template"
        if isinstance(node.template, nodes.Const):
            if isinstance(node.template.value, str):
                lookup = "get_template"
            elif isinstance(node.template.value, tuple | list):
                lookup = "select_template"
        elif isinstance(node.template, nodes.Tuple | nodes.List):
            lookup = "select_template"
        if node.ignore_missing:
            self.writeline("try:")
            self.indent()
        self.writeline(f"template = environment.{lookup}(", node)
        self.visit(node.template, frame)
        self.write(f", {self.name!r})")
        if node.ignore_missing:
            self.outdent()
            self.writeline("except TemplateNotFound:")
            self.indent()
            self.writeline("pass")
            self.outdent()
            self.writeline("else:")
            self.indent()
        self.writeline(
            "yield concat(template.root_render_func(environment.context_with(template, context,"
            f" {self.dump_local_context(frame)})))"
        )
        if node.ignore_missing:
            self.outdent()

    def _import_common(self, node: nodes.Import | nodes.FromImport, frame: Frame) -> None:
        if not node.with_context or self.environment.is_async:
            super()._import_common(node, frame)
            return
        self.write("environment.imported(environment.get_template(")
        self.visit(node.template, frame)
        self.write(f", {self.name!r}), context, {self.dump_local_context(frame)})")
