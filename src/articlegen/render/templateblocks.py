"""Site templates checked against what they are given: a block the parent never has, and a
See Also index template written for one page on a site whose index is split.

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
from ..core.layout import TEMPLATES_DIR
from ..core.problems import Diagnostic
from .includememo import names_read, parsed_template
from .seealsoindex import ONE_PAGE_AT_MOST
from .templates import make_environment, template_folders
from .unusedtemplates import unused_template_warnings


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


_SPLIT_KEYS = frozenset(("jump", "section", "pagination"))
"""The keys a ``see_also.html`` needs to show a split index: one reading none of them lists
nothing on ``/see-also/`` and links to no initial's page."""


def own_template_warnings(root: Path, articles: int) -> list[Diagnostic]:
    """A warning when the index is split (more than ``ONE_PAGE_AT_MOST`` articles) and the
    site's own ``templates/see_also.html`` reads none of ``_SPLIT_KEYS``, itself or in the
    templates it uses: written for the one-page index, it shows ``/see-also/`` with no
    article and no link to the initials' pages, which nothing else links to. A template
    whose names cannot be told (one that does not parse: the render says where) is left be.
    And a warning for each template no page is made with (``unused_template_warnings``)."""
    folder = root / TEMPLATES_DIR
    unused = unused_template_warnings(root)
    if articles <= ONE_PAGE_AT_MOST or not (folder / "see_also.html").is_file():
        return unused
    names = names_read(make_environment(folder), "see_also.html", {"see_also.html"})
    if names is None or names & _SPLIT_KEYS:
        return unused
    return [
        *unused,
        Diagnostic(
            f"the site has {articles} articles, more than {ONE_PAGE_AT_MOST}, so the See Also"
            " index is a page per initial (/see-also/a/ …), but this template reads none of"
            " 'jump', 'section' and 'pagination': /see-also/ lists no article and links to"
            " none of those pages",
            f"{TEMPLATES_DIR}/see_also.html",
            1,
            "show 'jump' (each item's label and url) as the theme's see_also.html does, and"
            " 'pagination' on an initial's page; or delete the file to use the theme's",
        ),
    ]
