"""Markdown → HTML with markdown-it-py, and what rendering learns on the way.

Internal links (``[[Title]]``, ``[[slug|text]]``, ``[text](other.md)``), local
images and citations (``[^id]``) come out as data plus placeholders in the HTML
(``placeholders.py``), so a body renders from its own source alone; later stages resolve
them (links, image files, reference numbers) and ``finish_body`` puts the results in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypedDict
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.wordcount import wordcount_plugin

from ..core.errors import MarkupError
from ..core.model import ImageRef, LinkRef, RenderedBody, SiteConfig, TocEntry
from ..core.weburl import is_web_address, unsplittable_links
from .anchors import anchor_label, heading_anchors_plugin
from .comments import comments_plugin
from .embeds import video_plugin
from .footnotes import footnote_problems, opens_definition
from .mdlimits import limits_plugin
from .placeholders import Slot, escape, placeholder
from .rawhtml import address_problem, raw_html_problems, refused_link_problems
from .summary import CITED, plain, summary_text
from .tagsastext import Found, each_once, shown_tags, table_lines
from .wikilinks import UNCLOSED, unclosed_wikilink_problems, wikilink_plugin

if TYPE_CHECKING:  # markdown-it-py 3 names these; the floor, 2.0, has no EnvType
    from markdown_it.utils import EnvType, OptionsDict

DECORATIVE_ALT = '""'
"""Alt text written as two double quotes: the author says the image is decorative."""
CITATION = re.compile(r"\[\^([^\]\s^]+)\]")


class MarkupSettings(TypedDict):
    """``make_markdown``'s keyword arguments, as plain data that workers and cache keys take."""

    allow_html: bool


def markup_settings(config: SiteConfig) -> MarkupSettings:
    """The site settings that shape a rendered body: ``make_markdown(**settings)`` takes them,
    and the build cache keys bodies on them."""
    return {"allow_html": config.allow_html}


def make_markdown(*, allow_html: bool = False) -> MarkdownIt:
    """A configured parser; build one per build (or per worker) and reuse it."""
    md = MarkdownIt("commonmark", {"html": allow_html}).enable(["table", "strikethrough"])
    if not allow_html:  # both rules return at once without 'html'; skip their call per line
        md.disable(["html_block", "html_inline"])
    md.use(limits_plugin)  # first: rules added later go to its block parser
    if not allow_html:  # with it, markdown-it's HTML rules pass comments through
        md.use(comments_plugin)
    md.use(heading_anchors_plugin)  # ids clear of the page's own (pageids.py)
    md.use(wordcount_plugin)
    md.use(video_plugin)
    md.use(wikilink_plugin)
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.add_render_rule("citation", _render_citation)
    md.add_render_rule("footnote_definition", _render_as_written)
    md.add_render_rule("image", _render_image)
    for kind in ("table_open", "fence", "code_block"):
        md.add_render_rule(kind, _render_scroll_box)
    return md


def render_body(
    md: MarkdownIt, body: str, *, first_line: int = 1, path: str | None = None
) -> RenderedBody:
    """Render an article body; ``first_line`` is the file line the body starts on in ``path``."""
    env: dict[str, Any] = {"first_line": first_line, "path": path, "problems": []}
    tokens = md.parse(body, env)
    children = list(_inline_children(tokens, first_line))  # walked once, read by each collector
    path_links = _collect_path_links(children)  # before _collect_links makes .md hrefs holes
    links = _collect_links(children)
    citations = _collect_citations(children)
    same_page = _collect_same_page_links(children)
    web = _collect_web_links(children)
    images, remote_images = _collect_images(children, path, env["problems"])
    tagged = "<" in body and not md.options["html"]  # tags shown as text (tagsastext.py)
    lines = body_lines(body) if "](" in body or tagged else []
    shown: list[Found] = []
    cells = table_lines(tokens, first_line) if tagged else set()
    for child, line in children:
        if child.type == "text":
            text = child.content
            source = line_written(lines, line - first_line) if "](" in text or tagged else None
            env["problems"] += refused_link_problems(text, line, path, source)
            shown += [(n, line, line in cells) for n in shown_tags(text, source)] if tagged else []
        elif child.type == "wikilink" and tagged:  # its text is shown as written
            source = line_written(lines, line - first_line)
            shown += [(n, line, line in cells) for n in shown_tags(child.meta["text"], source)]
    toc = tuple(_toc_naming_anchors(tokens))
    html = md.renderer.render(tokens, md.options, env)
    env["problems"] += raw_html_problems(tokens, children, html, first_line, path)
    env["problems"] += footnote_problems(children, env, body.splitlines(), first_line, path)
    env["problems"] += unclosed_wikilink_problems(children, path)
    return RenderedBody(
        html=html,
        toc=toc,
        links=tuple(links),
        summary=_summary(tokens),
        words=env.get("wordcount", {}).get("words", 0),
        images=tuple(images),
        videos=env.get("videos", 0),
        problems=(*env["problems"], *unsplittable_links(web, path)),
        citations=tuple(citations),
        remote_images=tuple(remote_images),
        same_page_links=tuple(same_page),
        web_links=tuple(web),
        path_links=tuple(path_links),
        title_lines=tuple(_title_lines(tokens, first_line)),
        html_as_text=each_once(shown),
    )


def _citation_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[^", state.pos):
        return False
    match = CITATION.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        kind = "citation"
        if opens_definition(state.src, state.pos, match.end()):
            kind = "footnote_definition"  # a problem (footnotes.py)
        token = state.push(kind, "sup", 0)
        token.meta = {"id": match.group(1)}
        token.content = match.group(0)
    state.pos = match.end()
    return True


def _render_citation(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return placeholder(Slot.CITATION, tokens[idx].meta["index"])


def _render_as_written(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return escape(tokens[idx].content)


def citation_html(index: int) -> str:
    """Body citation ``index``: a placeholder, filled once references are numbered."""
    return placeholder(Slot.CITATION, index)


def _render_scroll_box(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Tables and code scroll sideways in their own box on a phone: tabindex lets keys scroll."""
    token = tokens[idx]
    if token.type == "table_open":
        token.attrSet("tabindex", "0")
        return renderer.renderToken(tokens, idx, options, env)
    default = RendererHTML.fence if token.type == "fence" else RendererHTML.code_block
    return default(renderer, tokens, idx, options, env).replace("<pre>", '<pre tabindex="0">', 1)


def _render_image(
    renderer: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """``<img>`` that loads lazily, decodes off the main thread and (if local) has its size."""
    token = tokens[idx]
    alt = token.meta.get("alt", _plain_text(token.children or []))
    src, title = str(token.attrGet("src") or ""), str(token.attrGet("title") or "")
    return image_html(token.meta.get("index"), src, alt, title)


def image_html(index: int | None, src: str, alt: str, title: str) -> str:
    """``<img>`` of body image ``index`` (None: an image on another host, at ``src``); a
    local one in a ``<picture>`` whose sources, ``srcset`` and size are placeholders."""
    shown = placeholder(Slot.IMAGE_URL, index) if index is not None else escape(src)
    size = placeholder(Slot.IMAGE_SIZE, index) if index is not None else ""
    title_attr = f' title="{escape(title)}"' if title else ""
    img = (
        f'<img src="{shown}" alt="{escape(alt)}"{title_attr}{size} loading="lazy" decoding="async">'
    )
    if index is None:
        return img
    return f"<picture>{placeholder(Slot.IMAGE_SOURCES, index)}{img}</picture>"


def body_lines(body: str) -> list[str]:
    """``body``'s lines as markdown-it counts them (``\\r\\n``, ``\\r`` and ``\\n`` end one):
    the Markdown as written at a token's line."""
    return _LINE_BREAK.split(body)


_LINE_BREAK = re.compile("\r\n|\r|\n")


def line_written(lines: list[str], number: int) -> str | None:
    """Line ``number`` (from 0) of ``body_lines``, or None past them."""
    return lines[number] if 0 <= number < len(lines) else None


def _inline_children(tokens: Sequence[Token], first_line: int) -> Iterator[tuple[Token, int]]:
    """Every inline token with the file line it is on."""
    for block in tokens:
        if block.type != "inline" or not block.children:
            continue
        line = first_line + (block.map[0] if block.map else 0)
        for child in block.children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            yield child, line


def _collect_links(children: Sequence[tuple[Token, int]]) -> list[LinkRef]:
    """Number internal links in document order (with their file lines) as placeholders."""
    links: list[LinkRef] = []
    for child, line in children:
        if child.type == "wikilink":
            child.meta["index"] = len(links)
            links.append(LinkRef(child.meta["target"], line))
        elif child.type == "link_open" and (
            target := markdown_file_target(str(child.attrGet("href") or ""))
        ):
            child.attrSet("href", placeholder(Slot.LINK_HREF, len(links)))
            child.attrSet("class", "internal")
            links.append(LinkRef(target, line))
    return links


def _collect_path_links(children: Sequence[tuple[Token, int]]) -> list[LinkRef]:
    """Number Markdown links to paths of this site (``is_site_path``) in document order, with
    their file lines, as placeholders: where each leads is known once the site is."""
    paths: list[LinkRef] = []
    for child, line in children:
        if child.type == "link_open" and is_site_path(href := str(child.attrGet("href") or "")):
            child.attrSet("href", placeholder(Slot.PATH_HREF, len(paths)))
            paths.append(LinkRef(href, line))
    return paths


def _collect_same_page_links(children: Sequence[tuple[Token, int]]) -> list[LinkRef]:
    """Markdown links to an ``#id`` of this page (with their file lines), for the fragment
    check; the heading anchors' own ``#`` links point at ids that exist by construction."""
    return [
        LinkRef(str(child.attrGet("href")), line)
        for child, line in children
        if child.type == "link_open"
        and str(child.attrGet("href") or "").startswith("#")
        and child.attrGet("class") != "header-anchor"
    ]


def _collect_web_links(children: Sequence[tuple[Token, int]]) -> list[LinkRef]:
    """Markdown links and autolinks to other sites (``[text](https://…)``, ``<https://…>``)
    with their file lines, for ``check --links``; their HTML needs nothing filled in."""
    return [
        LinkRef(href, line)
        for child, line in children
        if child.type == "link_open" and is_web_address(href := str(child.attrGet("href") or ""))
    ]


def _collect_citations(children: Sequence[tuple[Token, int]]) -> list[LinkRef]:
    """Number ``[^id]`` citations in document order (with their file lines) as placeholders."""
    citations: list[LinkRef] = []
    for child, line in children:
        if child.type == "citation":
            child.meta["index"] = len(citations)
            citations.append(LinkRef(child.meta["id"], line))
    return citations


def _collect_images(
    children: Sequence[tuple[Token, int]], path: str | None, problems: list[Exception]
) -> tuple[list[ImageRef], list[ImageRef]]:
    """Number local images as placeholders, and list those on other hosts; an image without
    alt text is a problem, and so is an image or link to a file on the writer's computer
    and a link with no address (``rawhtml.address_problem``)."""
    images: list[ImageRef] = []
    remote: list[ImageRef] = []
    for child, line in children:
        if child.type not in ("image", "link_open"):
            continue
        src = str(child.attrGet("src" if child.type == "image" else "href") or "")
        if problem := address_problem(src, child.type == "image", path, line):
            problems.append(problem)
        if child.type != "image":
            continue
        alt = _plain_text(child.children or [])
        child.meta["alt"] = "" if alt == DECORATIVE_ALT else alt
        if not alt:
            problems.append(missing_alt(src, path, line))
        if is_remote(src):
            remote.append(ImageRef(src, line))
        elif is_local(src):
            child.meta["index"] = len(images)
            images.append(ImageRef(src, line))
    return images, remote


def missing_alt(src: str, path: str | None, line: int) -> MarkupError:
    """The problem of an image written without alt text."""
    return MarkupError(
        f"image '{src}' has no alt text",
        path,
        line,
        f'describe it, ![what it shows]({src}), or write ![""]({src}) if it is only decoration',
    )


def is_remote(src: str) -> bool:
    """An image on another host: left as written, and worth a warning."""
    return bool(urlsplit(src).netloc)


def is_local(src: str) -> bool:
    """An image of this site, numbered as a placeholder for its URL and size."""
    parts = urlsplit(src)
    return not parts.netloc and not parts.scheme


def is_site_path(href: str) -> bool:
    """Whether a link's ``href`` (as markdown-it normalized it) is a path on this site: it
    has a path, and no scheme or host (``mailto:``, ``https://…``, ``//host/…``); not only a
    ``#id`` or ``?query`` of the page itself, and not a ``.md`` file (an article link)."""
    parts = urlsplit(href)
    return (
        bool(parts.path)
        and not parts.scheme
        and not parts.netloc
        and not href.startswith("//")
        and not parts.path.endswith(".md")
    )


def markdown_file_target(href: str) -> str | None:
    """``other.md#part`` for a relative link (``href`` as markdown-it normalized it) to a
    Markdown file, else None. The file name is decoded (``my%20file.md``, as markdown-it
    writes ``<my file.md>``, is ``my file.md``), so it compares with the names of the files
    in ``content/``."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
        return None
    return unquote(parts.path) + (f"#{parts.fragment}" if parts.fragment else "")


def _title_lines(tokens: Sequence[Token], first_line: int) -> list[int]:
    return [
        token.map[0] + first_line
        for token in tokens
        if token.type == "heading_open" and token.tag == "h1" and token.map
    ]


def _toc_naming_anchors(tokens: Sequence[Token]) -> list[TocEntry]:
    """Each heading's contents entry, and its ``#`` link named (in ``tokens``) with the same
    text, so that the two read alike (a ``[[link]]``'s title filled in both)."""
    entries = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.attrGet("id"):
            children = tokens[index + 1].children or []
            text = _plain_text(children, titles=True)
            for child in children:
                if child.attrGet("class") == "header-anchor":
                    child.attrSet("aria-label", anchor_label(text))
            entries.append(TocEntry(int(token.tag[1]), str(token.attrGet("id")), text))
    return entries


def _summary(tokens: Sequence[Token]) -> str:
    """The first top-level paragraph with text, as plain text: one of images alone (a chart
    above the first words) would make a summary of its alt text, else the first one."""
    first = None
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0:
            children = tokens[index + 1].children or []
            if _plain_text(children, images=False):
                return summary_text(_plain_text(children, titles=True))
            first = summary_text(_plain_text(children, titles=True)) if first is None else first
    return first or ""


def _plain_text(children: Sequence[Token], *, images: bool = True, titles: bool = False) -> str:
    """The text of ``children``; with ``titles``, a ``[[link]]`` without text of its own is
    the placeholder of the title it shows (a heading's table-of-contents entry), else the
    target as written (a summary, made before the site is linked)."""
    parts: list[str] = []
    skipping_anchor = False
    for child in children:
        if child.type == "link_open" and child.attrGet("class") == "header-anchor":
            skipping_anchor = True
        elif child.type == "link_close" and skipping_anchor:
            skipping_anchor = False
        elif skipping_anchor:
            continue
        elif child.type == "wikilink" and titles and not child.meta["text"]:
            parts.append(placeholder(Slot.LINK_TEXT, child.meta["index"]))
        elif child.type in ("text", "code_inline", "wikilink", UNCLOSED):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image" and images:
            parts.append(child.content)
        elif child.type == "citation":
            parts.append(CITED)
    return plain("".join(parts))
