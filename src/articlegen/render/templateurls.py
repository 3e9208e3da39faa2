"""Addresses written in the site's own templates, checked as an article's links are.

A writer who overrides ``base.html`` adds a stylesheet, a footer link, a logo; the pages
are rendered without a word whatever those addresses are. Three mistakes publish a broken
link on every page, and the preview, which serves the site at its root, hides two of them:

- ``{{ url('/about/') }}``: ``url`` puts the site's base path before what it is given, so
  a leading ``/`` makes ``/repo//about/``, or ``//about/`` on a site at a domain's root, which
  a browser reads as the address of a host named ``about``;
- ``{{ url('css/custm.css') }}`` or ``href="/abuot/"``: an address the build publishes
  nothing at;
- ``href="/about/"`` on a site published under a path (a GitHub Pages project site,
  ``https://owner.github.io/repo/``): a path from the host's root is not put under the
  base path, so it leads out of the site.

Only what a template writes whole is judged: ``url`` and ``abs_url`` called with a quoted
text, and ``href``, ``src``, ``action`` and ``poster`` attributes written as plain text (not
in an HTML comment, nor in a script's code, whose strings are no attributes). An
address built from values (``url(item.url)``) is the build's own, made right. The addresses
are those the build publishes (``pathlinks.published_addresses``); the search page's files,
which Pagefind writes after the pages, are taken as published, as a build with Pagefind
makes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment, nodes

from ..core.errors import ArticlegenError, TemplateError, closest, suggestion
from ..core.layout import TEMPLATES_DIR
from ..core.urls import SEARCH_URL
from .pathlinks import SitePath, leads_somewhere
from .templates import make_environment, template_folders

_CALLS = ("url", "abs_url")
"""The template functions that put the site's address before a path (``render/pages``)."""

_ATTRIBUTE = re.compile(
    r"""(?<=\s)(?P<name>href|src|action|poster)\s*=\s*(?P<quote>["']?)(?P<value>/(?!/)[^"'\s>{]*)"""
)
"""An attribute whose value, as written, starts with one ``/``: a path from the host's root
(``data-href`` and ``xlink:href`` are not: a script's or an SVG's to read)."""

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
"""An HTML comment: what is commented out is not published as a link."""
_SCRIPT = re.compile(r"(<script\b[^>]*>)(.*?)(?=</script)", re.IGNORECASE | re.DOTALL)
"""A ``<script>`` tag and the code it holds, up to ``</script``: code, whose strings
(``var href = '/somewhere'``) are no attributes of the page; the tag's own ``src`` is one."""
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_TAGS = ("{%", "%}", "{#", "#}")
"""Jinja's tags and comments: a comment holding one is left, for the template's structure."""

_SEARCH_FILES = (SEARCH_URL, "pagefind/")
"""Published with search on, by Pagefind after the pages: not among the planned addresses."""

_ORIGIN = "https://site.invalid/"


def template_url_problems(
    root: Path, addresses: AbstractSet[str], base_path: str
) -> list[ArticlegenError]:
    """An error for each address written in a template of the site's ``templates/`` that
    leads nowhere the build publishes (``addresses``, output names), or out of the site
    under ``base_path``, at the template's line."""
    folder = root / TEMPLATES_DIR
    if folder not in template_folders(folder):
        return []
    env = make_environment(folder)
    candidates = sorted({"/" + a.removesuffix("index.html") for a in addresses})
    problems: list[ArticlegenError] = []
    for name in env.list_templates():
        tree = _parsed(env, name) if (folder / name).is_file() else None
        if tree is None:  # the theme's, or one that does not parse: rendering says where
            continue
        shown = f"{TEMPLATES_DIR}/{name}"
        for line, call, value in _constant_calls(tree):
            problem = _call_problem(call, value, base_path, addresses, candidates)
            if problem is not None:
                problems.append(TemplateError(problem[0], shown, line, problem[1]))
        for line, attribute, value, whole in _root_paths(tree):
            problem = _path_problem(attribute, value, whole, base_path, addresses, candidates)
            if problem is not None:
                problems.append(TemplateError(problem[0], shown, line, problem[1]))
    return problems


def _parsed(env: Environment, name: str) -> nodes.Template | None:
    """Template ``name``'s syntax tree with its HTML comments and its scripts' code blanked,
    lines kept: a comment holding ``{{ … }}`` is several pieces of the template's text, and
    a ``url('…')`` in it a call, each of which read alone looks published. None when it
    cannot be read or parsed (rendering it says where, if a page uses it)."""
    try:
        source, _filename, _uptodate = env.loader.get_source(env, name)  # type: ignore[union-attr]
        source = _COMMENT.sub(_blanked, source)
        return env.parse(_SCRIPT.sub(_code_blanked, source), name)
    except Exception:  # unreadable or invalid: rendering says where, if a page uses it
        return None


def _blanked(found: re.Match[str], group: int = 0) -> str:
    """An HTML comment (or a script's code) as spaces and its line ends, or as it is if it
    holds a Jinja tag."""
    text = found[group]
    return text if any(tag in text for tag in _TAGS) else re.sub(r"[^\n]", " ", text)


def _code_blanked(script: re.Match[str]) -> str:
    """A ``<script>`` tag as written, the code after it blanked (``_blanked``)."""
    return script[1] + _blanked(script, 2)


def _constant_calls(tree: nodes.Template) -> Iterator[tuple[int, str, str]]:
    """``(line, function, text)`` of each ``url('…')`` or ``abs_url('…')`` given a quoted text."""
    for call in tree.find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name in _CALLS and call.args):
            continue
        first = call.args[0]
        if isinstance(first, nodes.Const) and isinstance(first.value, str):
            yield call.lineno, call.node.name, first.value


def _root_paths(tree: nodes.Template) -> Iterator[tuple[int, str, str, bool]]:
    """``(line, attribute, value, whole)`` of each attribute in a template's text whose value
    starts with one ``/``; ``whole`` when the value ends in the text, not in a ``{{ … }}``."""
    for data in tree.find_all(nodes.TemplateData):
        text = data.data
        for match in _ATTRIBUTE.finditer(text):
            after = text[match.end() : match.end() + 1]
            quote = match["quote"]
            whole = after == quote if quote else after in ("", ">", " ", "\n", "\t")
            if not quote and after == "":
                whole = False  # the text ends here: a value may go on in an expression
            line = data.lineno + text.count("\n", 0, match.start())
            yield line, match["name"], match["value"], whole


def _call_problem(
    call: str, value: str, base_path: str, addresses: AbstractSet[str], candidates: list[str]
) -> tuple[str, str] | None:
    """The message and hint for ``call('value')``, or None when it leads to a page or file."""
    if call == "url" and "://" in value:
        return None  # url() gives an address with a scheme back as it is
    if call == "url" and _SCHEME.match(value):  # mailto:, tel:: taken for paths of the site
        return (
            f"{call}('{value}') makes {base_path}{value}: {call}() gives back as it is only "
            "an address with '://', and puts the site's path before anything else",
            f'write the address as it is, without {call}(): href="{value}"',
        )
    if value.startswith("/"):
        made = base_path + value
        host = value.lstrip("/").split("/")[0]
        reads = (
            f", which a browser reads as an address on a host named '{host}'"
            if made.startswith("//") and call == "url"
            else ""
        )
        return (
            f"{call}('{value}') starts with '/': {call}() puts the site's path ({base_path}) "
            f"before what it is given, so this makes {made}{reads}",
            f"write {call}('{value.lstrip('/')}'): its path from the site's root, without "
            "the leading '/'",
        )
    target = _site_path(urlsplit(value).path)
    if target.path == "" or _found(target, addresses):
        return None
    near = closest(target.decoded, (c[1:] for c in candidates))
    return (
        f"{call}('{value}') leads to /{target.decoded}, where this site publishes no page or "
        f"file{suggestion(near, target.decoded)}",
        _FIX,
    )


def _path_problem(
    attribute: str,
    value: str,
    whole: bool,
    base_path: str,
    addresses: AbstractSet[str],
    candidates: list[str],
) -> tuple[str, str] | None:
    """The message and hint for ``attribute="value"``, a path from the host's root, or None
    when it leads to a page or file of the site (or is not written whole, under it)."""
    parts = urlsplit(value)
    inside = base_path == "/" or (parts.path + "/").startswith(base_path)
    site_path = parts.path[len(base_path) :] if inside else parts.path.lstrip("/")
    if not inside:
        return (
            f'{attribute}="{value}" is a path from the host\'s root, but the site is '
            f"published under {base_path} (base_url), so it leads out of the site",
            f"write {{{{ url('{site_path}') }}}} to put the site's path before it; for a page "
            "of this host that is not this site, write its full address",
        )
    target = _site_path(site_path)
    if not whole or target.path == "" or _found(target, addresses):
        return None
    shown = "/" + target.decoded
    return (
        f'{attribute}="{value}" leads to {shown}, where this site publishes no page or '
        f"file{suggestion(closest(shown, candidates), shown)}",
        f"{_FIX}; if the host serves it itself (a proxy, a redirect), write it as an "
        f"expression, {attribute}=\"{{{{ '{value}' }}}}\", which is not checked",
    )


_FIX = (
    "fix the address: a file of static/ from static/ (css/site.css), a page from the "
    "site's root (about/); a template's file of its own belongs in static/"
)


def _site_path(path: str) -> SitePath:
    """``path`` (from the site's root, ``..`` and ``.`` as a browser resolves them) as the
    path checks read a link's."""
    return SitePath(urlsplit(urljoin(_ORIGIN, path)).path.lstrip("/"), "")


def _found(target: SitePath, addresses: AbstractSet[str]) -> bool:
    """Whether the build publishes something at ``target``, the search page's files too."""
    return target.decoded.startswith(_SEARCH_FILES) or leads_somewhere(target, addresses)
