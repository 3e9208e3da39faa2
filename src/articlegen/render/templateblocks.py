"""Site templates checked against the templates they extend: a block the parent never has.

Jinja renders a child template by rendering its parent with the child's blocks put in
place of the parent's; a block of the child that the parent (or a template above it)
does not have is never shown, and Jinja says nothing. An override of ``article.html``
that writes its text in ``{% block content %}`` when the theme's is ``main`` would
publish every article with an empty ``<main>``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jinja2
from jinja2 import nodes

from ..core.errors import TemplateError, did_you_mean
from .includememo import parsed_template
from .templates import make_environment, template_folders


def block_problems(site_templates: Path, root: Path) -> list[TemplateError]:
    """An error per top-level block of a template that the template it extends does not have,
    directly or from the templates that one extends: a site template's own blocks, and the
    built-in theme's blocks when a site template replaces one they build on (a site
    ``base.html`` without the theme's ``main``). Templates that cannot be read or parsed, or
    extend a name computed at render time, are left to the rendering, which reports them with
    their place."""
    if site_templates not in template_folders(site_templates):
        return []
    env = make_environment(site_templates)
    problems: list[TemplateError] = []
    for name in env.list_templates():
        tree = parsed_template(env, name)
        parent = _parent(tree) if tree is not None else None
        if tree is None or parent is None:
            continue
        available = _inherited_blocks(env, parent, set())
        if available is None:
            continue
        ours = (site_templates / name).is_file()
        for block in _top_blocks(tree):
            if block.name not in available:
                problems.append(_unknown_block(block, name, parent, available, ours))
    return problems


def _unknown_block(
    block: nodes.Block, name: str, parent: str, available: set[str], ours: bool
) -> TemplateError:
    blocks = ", ".join(sorted(available)) or "none"
    if ours:
        hint = f"use the blocks {parent} has: {blocks}"
    else:
        hint = (
            f"a template in the site's templates/ folder replaces one this template of the "
            f"theme builds on: give it {{% block {block.name} %}} (blocks there now: {blocks})"
        )
    return TemplateError(
        f"block '{block.name}' is not in {parent}, which this template extends, so nothing in "
        f"it is published{did_you_mean(block.name, available) if ours else ''}",
        f"templates/{name}" if ours else f"(built-in theme) templates/{name}",
        block.lineno,
        hint,
    )


def _parent(tree: nodes.Template) -> str | None:
    """The name a template extends, when it is written as a plain string."""
    extends = tree.find(nodes.Extends)
    if extends is None or not isinstance(extends.template, nodes.Const):
        return None
    name = extends.template.value
    return name if isinstance(name, str) else None


def _inherited_blocks(env: jinja2.Environment, name: str, seen: set[str]) -> set[str] | None:
    """Every block ``name`` and the templates above it define; None when one of them
    cannot be followed (missing, invalid, computed, or extending itself in a loop)."""
    if name in seen:
        return None
    tree = parsed_template(env, name)
    if tree is None:
        return None
    blocks = {block.name for block in tree.find_all(nodes.Block)}
    parent = _parent(tree)
    if parent is None:
        return None if tree.find(nodes.Extends) is not None else blocks
    above = _inherited_blocks(env, parent, seen | {name})
    return None if above is None else blocks | above


def _top_blocks(node: nodes.Node) -> Iterator[nodes.Block]:
    """The blocks of a template that are not inside another block: only those replace
    blocks of the parent (one inside them is shown wherever they are)."""
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Block):
            yield child
        else:
            yield from _top_blocks(child)
