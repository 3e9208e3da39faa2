"""Files of the site's ``templates/`` that no page is made with.

Every page is rendered from a template of the theme's name (``article.html``, ``list.html``,
…), which a file of that name in ``templates/`` replaces; any other template is used only
when one of those extends, includes or imports it, or renders it with ``partial(…)``. A copy
of the theme's template saved under another name (``Article.html``, ``artcle.html``,
``article copy.html``) was passed over without a word, and the edits in it never showed.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import meta, nodes

from ..core.errors import closest, suggestion
from ..core.layout import TEMPLATES_DIR, THEME_TEMPLATES
from ..core.problems import Diagnostic
from .includememo import parsed_template
from .templates import make_environment

TEMPLATE_SUFFIXES = (".html", ".htm", ".jinja", ".jinja2", ".j2")
"""The names a template of the site is taken for (``templates/README.md`` and an editor's
backup, ``article.html~``, are not)."""


def unused_template_warnings(root: Path) -> list[Diagnostic]:
    """A warning for each template of the site's ``templates/`` that no page is made with,
    offering the theme's template its name is close to, else naming them all. None while a
    template names another one only as the page renders (``{% include name %}``), or one a
    page may be made with does not parse (its syntax error is told): which it uses cannot
    be told."""
    folder = root / TEMPLATES_DIR
    if not folder.is_dir():
        return []
    theme = set(jinja2.FileSystemLoader(str(THEME_TEMPLATES)).list_templates())
    own = jinja2.FileSystemLoader(str(folder)).list_templates()
    odd = [name for name in own if _template_file(name) and name not in theme]
    if not odd:  # as almost always: no template to parse
        return []
    odd = [name for name in odd if _file_id(folder / name) not in _theme_named(folder, theme)]
    used = _referenced(make_environment(folder), theme)
    if used is None:
        return []
    return [
        Diagnostic(
            "no page is made with this template: its name is none of the theme's templates,"
            " and no template extends, includes or imports it" + suggestion(near, name),
            f"{TEMPLATES_DIR}/{name}",
            1,
            "name it as the theme's template it replaces"
            + (" (templates/README.md says where they are)" if near else _theme_names(theme))
            + ", use it from one of those, or delete it",
        )
        for name in odd
        if name not in used
        for near in [_near(name, theme)]
    ]


def _near(name: str, theme: set[str]) -> list[str]:
    """The theme's templates ``name`` may be a copy of, by their names without ``.html``
    in lowercase: compared whole, the suffix they share made any name close to a few."""
    stems = {Path(template).stem.casefold(): template for template in theme}
    return [stems[stem] for stem in closest(Path(name).stem.casefold(), stems)]


def _theme_names(theme: set[str]) -> str:
    """The theme's templates, for a name close to none: the pages', then the parts they
    include (``_card.html``), so the one meant can be picked."""
    pages = sorted(t for t in theme if not t.startswith("_"))
    parts = sorted(t for t in theme if t.startswith("_"))
    return (
        f", one of {', '.join(pages)}, or of the parts these use, {', '.join(parts)}"
        " (templates/README.md says where they are)"
    )


def _template_file(name: str) -> bool:
    """Whether a file of ``templates/`` is taken for a template: by its suffix, and not
    hidden (an editor's lock, ``.#article.html``, or macOS's ``._article.html`` beside each
    file on a drive of another system): no page is made with one, nor is one parsed."""
    return name.lower().endswith(TEMPLATE_SUFFIXES) and not any(
        part.startswith(".") for part in name.split("/")
    )


def _theme_named(folder: Path, theme: set[str]) -> set[tuple[int, int]]:
    """The files of ``folder`` a theme template's name opens: where names differ only in case
    for the filesystem (macOS, Windows), ``Article.html`` is the ``article.html`` every
    article page is made with, as is the file a link of a theme name leads to."""
    return {found for name in theme if (found := _file_id(folder / name)) is not None}


def _file_id(path: Path) -> tuple[int, int] | None:
    """Which file ``path`` opens (device and inode), None where it opens none."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def _referenced(env: jinja2.Environment, theme: set[str]) -> set[str] | None:
    """The names the site's and the theme's templates use (``extends``, ``include``,
    ``import``, ``partial("…")``); None when one names a template by a value, or when one
    that cannot be parsed (rendering it says where) is of a theme name or used: what it
    uses cannot be told. One that no page is made with is told as such, broken or not."""
    used: set[str] = set()
    broken: set[str] = set()
    for name in filter(_template_file, env.list_templates()):
        tree = parsed_template(env, name)
        if tree is None:
            broken.add(name)
            continue
        for found in [*meta.find_referenced_templates(tree), *_partials(tree)]:
            if found is None:
                return None
            used.add(found)
    return None if broken & (theme | used) else used


def _partials(tree: nodes.Template) -> list[str | None]:
    """The template each ``partial(…)`` call renders: its first argument, None where that is
    no text written in the template."""
    found: list[str | None] = []
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == "partial":
            first = call.args[0] if call.args else None
            written = isinstance(first, nodes.Const) and isinstance(first.value, str)
            found.append(first.value if written else None)  # type: ignore[union-attr]
    return found
