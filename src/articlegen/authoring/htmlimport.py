"""A saved web page → ``ImportedArticle``: the article's own part of the page, as Markdown.

The page is parsed as a browser would parse it (selectolax's lexbor engine), so
unclosed tags and other broken markup read the way they looked. The article is
the page's ``<article>``, ``<main>`` or body, without scripts, navigation,
sidebars, header and footer; a comments section only sets ``comments``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..core.errors import SourceError
from ..core.model import ImportedArticle, ImportedLink
from ..core.slugs import url_slug
from .blogsource import site_host
from .htmlchecks import check_depth, check_redirect
from .htmlchrome import LEFT_OUT_WITH_TEXT, left_out_by_tag, skip_chrome
from .htmlmath import keep_math
from .htmlmedia import address, frame_blocks, image_markdown, player_blocks, players_note
from .htmlmeta import (
    attribute,
    date_line,
    meta_content,
    meta_title,
    page_date,
    page_tags,
    page_url,
    plain_text,
    title_heading,
)
from .mdtext import (
    code_span,
    escape_block_start,
    escape_markdown,
    fenced,
    flattened_note,
    indent_item,
    link_target,
    lists_apart,
    merged_levels_note,
    note_mark,
    quoted,
    script_text,
    scripted,
    table,
)
from .namedanchors import anchor_mark, anchor_name, html_anchor_names
from .pagelinks import mark_site_links
from .textimport import COMMENTS_FOOTER, SEE_ALSO, check_title

_MAIN = (
    '[itemprop="articleBody"]',
    "article",
    "main",
    '[role="main"]',
    ".entry-content, .post-content, .article-content, .post-body",
    "body",
)
DROPPED = frozenset(
    ("script", "style", "noscript", "template", "svg", "canvas", "button", "input", "select",
     "textarea", "object", "embed", "head", "title", "meta", "link", *LEFT_OUT_WITH_TEXT)
)  # fmt: skip
"""Elements the converter leaves out with all they hold (``mdhtmlimages`` converts no
block holding one, as that would lose its text)."""
_DESCRIPTIONS = ('meta[name="description"]', 'meta[property="og:description"]')
_COMMENTS = (
    "#comments, .comments, .comments-area, #disqus_thread, .giscus, #respond, .comment-respond"
)
_BLOCK_TAGS = (
    "p div section article main aside h1 h2 h3 h4 h5 h6 ul ol blockquote pre hr table figure"
    " figcaption dl dt dd details summary address center iframe audio video"
)
_BLOCKS = frozenset(_BLOCK_TAGS.split())
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LIST_START = re.compile(r"(?:[-*]|\d+[.)]) ")
_SPACE = re.compile(r"[ \t\n\r\f]+")
_BREAK = "\x00"


def parse_html(html: str, path: str) -> ImportedArticle:
    """Read a saved web page; ``path`` names the source file in errors."""
    tree = LexborHTMLParser(html)
    check_redirect(tree, path)
    main = next((n for s in _MAIN if (n := tree.css_first(s)) is not None), None) or tree.root
    assert main is not None, "lexbor always builds an <html> root, even for empty input"
    heading = title_heading(tree, main)
    title = plain_text(heading) if heading is not None else meta_title(tree)
    if not title:
        raise SourceError(
            "the page has no title (no <h1>, og:title or <title>)", path, hint="add a <h1> title"
        )
    check_title(title, path, None, "the page's first <h1> should be the article's title")
    check_depth(main, path)
    skipped = {heading.mem_id} if heading is not None else set()
    notes = keep_math(tree, main) + skip_chrome(main, skipped, page := page_url(tree))
    comments = _skip_comment_section(main, skipped) or tree.css_first(_COMMENTS) is not None
    see_also = _take_see_also(main, skipped, page)
    mark_site_links(main, page)  # See Also's links stay as they were: matched by title
    notes += players_note(main, page)
    date = page_date(tree, main)
    skipped.update(date_line(main, date, skipped, DROPPED))  # the date is in the header
    quoted, left_out = left_out_by_tag(main, skipped)
    writer = _Writer(page, skipped, _heading_shift(main, skipped, notes), quoted=quoted)
    body = "\n\n".join(writer.blocks(main)) + "\n"
    notes += left_out + flattened_note(writer.flattened)
    return ImportedArticle(
        title=title,
        body=body,
        see_also=tuple(see_also),
        comments=comments,
        date=date,
        description=meta_content(tree, *_DESCRIPTIONS),
        tags=page_tags(tree),
        slug=url_slug(page) or None,
        address=page,
        notes=tuple(notes),
    )


def html_markdown(
    html: str,
    page: str | None,
    path: str,
    notes: list[str] | None = None,
    marks: Mapping[str, str] | None = None,
) -> str:
    """A fragment of HTML (a blog post's content, no page around it) as a Markdown body;
    ``page`` is the post's own address, against which its relative links are resolved.
    What needs the author's eye (headings merged by the shift) is added to ``notes``.
    ``marks`` labels the block editor's footnote marks (``<sup data-fn="id">``) by id:
    each becomes a link to the ``## Notes`` list the caller adds."""
    tree = LexborHTMLParser(html)
    main = tree.body or tree.root
    assert main is not None, "lexbor always builds an <html> root, even for empty input"
    check_depth(main, path)
    if notes is not None:
        notes += players_note(main, page)
    shift = _heading_shift(main, set(), notes)
    writer = _Writer(page, set(), shift, html_anchor_names(main), marks or {})
    body = "\n\n".join(writer.blocks(main)) + "\n"
    if notes is not None:
        notes += flattened_note(writer.flattened)
    return body


def _skip_comment_section(main: LexborNode, skipped: set[int]) -> bool:
    """Skip comment-system blocks, and a ``Comments`` heading with all that follows it."""
    found = False
    for node in main.css(_COMMENTS):
        if node.mem_id != main.mem_id:
            skipped.add(node.mem_id)
            found = True
    for heading in _kept(main, "h2, h3, h4, h5, h6", skipped):
        if COMMENTS_FOOTER.fullmatch(plain_text(heading)):
            following: LexborNode | None = heading
            while following is not None:
                skipped.add(following.mem_id)
                following = following.next
            return True
    return found


def _take_see_also(main: LexborNode, skipped: set[int], page: str | None) -> list[ImportedLink]:
    """See Also paragraphs (or a See Also heading and the list under it): their items."""
    items: list[ImportedLink] = []
    for node in _kept(main, "p, h2, h3, h4, h5, h6, div", skipped):
        text = plain_text(node)
        match = SEE_ALSO.match(text)
        if match is None or len(text) > 600 or _inside(node, "p, div, ul, ol, table"):
            continue
        skipped.add(node.mem_id)
        rest = text[match.end() :].strip()
        found = _links(node, page) or ([ImportedLink(rest)] if rest else [])
        following = _next_element(node)
        if not found and following is not None and following.tag in ("ul", "ol", "p"):
            skipped.add(following.mem_id)
            parts = following.css("li") if following.tag != "p" else [following]
            found = [
                (_links(part, page)[:1] or [ImportedLink(plain_text(part))])[0] for part in parts
            ]
        items += found
    return [item for item in items if item.text]


def _kept(main: LexborNode, selector: str, skipped: set[int]) -> list[LexborNode]:
    """Elements under ``main`` matching ``selector`` that the body keeps (not in a skipped one)."""
    kept = []
    for node in main.css(selector):
        if node.mem_id == main.mem_id:
            continue
        ancestor: LexborNode | None = node
        while ancestor is not None and ancestor.mem_id != main.mem_id:
            if ancestor.mem_id in skipped or ancestor.tag in DROPPED:
                break
            ancestor = ancestor.parent
        else:
            kept.append(node)
    return kept


def _inside(node: LexborNode, selector: str) -> bool:
    """Whether ``node`` holds an element matching ``selector`` (``css`` includes the node)."""
    return any(found.mem_id != node.mem_id for found in node.css(selector))


def _links(node: LexborNode, page: str | None) -> list[ImportedLink]:
    """The links in ``node``; those to the page's own site are marked, as they name articles."""
    links = []
    for a in node.css("a[href]"):
        href = attribute(a, "href")
        if text := plain_text(a):
            same_site = not urlsplit(href).netloc or site_host(href) == site_host(page)
            links.append(ImportedLink(text, address(href, page), same_site))
    return links


def _next_element(node: LexborNode) -> LexborNode | None:
    following = node.next
    while following is not None and not following.is_element_node:
        following = following.next
    return following


def _heading_shift(main: LexborNode, skipped: set[int], notes: list[str] | None) -> int:
    """How much to add to heading levels so the body's top level is ``##``; a warning in
    ``notes`` (if given) where that merges levels 5 and 6."""
    levels = [int(h.tag[1]) for h in _kept(main, "h1, h2, h3, h4, h5, h6", skipped) if h.tag]
    shift = 2 - min(levels) if levels else 0
    if notes is not None and (merged := merged_levels_note(levels, shift)):
        notes.append(merged)
    return shift


class _Writer:
    """Markdown for an element tree; knows the page address and the nodes to leave out."""

    def __init__(
        self,
        page: str | None,
        skipped: set[int],
        shift: int,
        anchors: frozenset[str] = frozenset(),
        marks: Mapping[str, str] | None = None,
        quoted: set[int] | None = None,
    ) -> None:
        self.page, self.skipped, self.shift = page, skipped, shift
        self.quoted = quoted or set()
        """The ``<aside>`` elements of text in a saved page's body, written as quotes."""
        self.anchors = anchors
        """Names of a blog post's anchors and heading ids, kept as ``<a name>`` with the
        links to them, for the importer to make heading ids (``namedanchors``)."""
        self.marks = marks or {}
        """A WordPress post's footnote ids → their labels (``html_markdown``)."""
        self.script = ""
        """``sub`` or ``sup`` within one whose text ``scripted`` writes in Unicode."""
        self.flattened: list[str] = []
        """Texts of subscripts and superscripts written as plain text (``V<sub>max</sub>``)."""

    def blocks(self, node: LexborNode) -> list[str]:
        """The Markdown blocks of ``node``'s children: inline runs become paragraphs."""
        out: list[str] = []
        run: list[str] = []
        for child in _children(node):
            if child.is_element_node and (
                child.mem_id in self.skipped
                or (child.tag in DROPPED and child.mem_id not in self.quoted)
            ):
                continue
            if child.is_element_node and child.tag in _BLOCKS:
                found = self.block(child)
                if (mark := self.target(child)) and child.tag not in _HEADINGS:
                    at_text = found and child.tag in ("p", "dt", "dd", "figcaption", "summary")
                    found = [mark + found[0], *found[1:]] if at_text else [mark, *found]
                out += _paragraph(run) + found
                run = []
            else:
                run.append(self.inline(child))
        return lists_apart([b for b in out + _paragraph(run) if b.strip()])

    def block(self, node: LexborNode) -> list[str]:
        tag = node.tag
        if tag in _HEADINGS:
            text = self.inline_text(node, breaks=False)
            if text and attribute(node, "id") in self.anchors:
                text = anchor_mark(attribute(node, "id")) + text
            return [f"{'#' * max(2, min(6, int(tag[1]) + self.shift))} {text}"] if text else []
        if tag in ("ul", "ol"):
            return [self.list_block(node)]
        if tag in ("blockquote", "aside"):
            return [quoted("\n\n".join(self.blocks(node)))]
        if tag == "pre":
            language = re.search(r"language-([\w+-]+)", attribute(node.css_first("code"), "class"))
            return [fenced(node.text(deep=True) or "", language.group(1) if language else "")]
        if tag == "hr":
            return ["---"]
        if tag == "table":
            return [self.table(node)]
        if tag in ("dt", "summary", "figcaption"):
            text = self.inline_text(node, breaks=False)
            return [f"**{text}**" if tag != "figcaption" else f"*{text}*"] if text else []
        if tag == "iframe":
            return frame_blocks(node, self.page)
        if tag in ("audio", "video"):
            return player_blocks(node, self.page)
        return self.blocks(node)

    def list_block(self, node: LexborNode) -> str:
        number = int(attribute(node, "start")) if attribute(node, "start").isdigit() else 1
        items = []
        for item in (c for c in _children(node) if c.tag == "li"):
            marker = f"{number}. " if node.tag == "ol" else "- "
            items.append(indent_item(marker, self.target(item) + _join_item(self.blocks(item))))
            number += 1
        return "\n".join(items)

    def table(self, node: LexborNode) -> str:
        rows = [
            [self.inline_text(cell, breaks=False) for cell in row.css("th, td")]
            for row in node.css("tr")
        ]
        return table([row for row in rows if row])

    def inline_text(self, node: LexborNode, *, breaks: bool = True) -> str:
        return _finish("".join(self.inline(c) for c in _children(node)), breaks=breaks)

    def inline(self, node: LexborNode) -> str:
        """Inline Markdown for one node (text, emphasis, link, image, line break)."""
        if node.is_text_node:
            text = node.text(deep=False) or ""
            return escape_markdown(script_text(text, self.script) if self.script else text)
        if not node.is_element_node or node.mem_id in self.skipped or node.tag in DROPPED:
            return ""
        tag = node.tag
        if tag == "br":
            return _BREAK
        if tag == "img":
            return image_markdown(node, self.page)
        if tag == "sup" and (label := self.marks.get(attribute(node, "data-fn"))):
            return note_mark(label)
        outer = self.script
        if tag in ("sub", "sup"):  # its text nodes in Unicode where they can be, not addresses
            shown, lost = scripted(text := " ".join((node.text(deep=True) or "").split()), tag)
            self.flattened += lost
            self.script = tag if shown != text else outer
        inner = "".join(self.inline(c) for c in _children(node))
        self.script = outer
        if tag in ("strong", "b"):
            return _wrap(inner, "**")
        if tag in ("em", "i", "cite"):
            return _wrap(inner, "*")
        if tag in ("s", "del", "strike"):
            return _wrap(inner, "~~")
        if tag == "code":
            return code_span(" ".join((node.text(deep=True) or "").split()))
        if tag == "a" and (href := address(attribute(node, "href"), self.page)) and inner.strip():
            return f"[{inner.strip()}]({link_target(href)})"
        href = attribute(node, "href")
        if tag == "a" and href.startswith("#") and unquote(href[1:]) in self.anchors:
            return f"[{inner.strip()}]({link_target(href)})" if inner.strip() else inner
        if tag == "a" and not href and (name := anchor_name(node)) in self.anchors:
            return anchor_mark(name) + inner
        return self.target(node) + inner

    def target(self, node: LexborNode) -> str:
        """The anchor a blog post's element with an ``id`` its links name (``<p id="x">``,
        ``<li id="fn1">``) leaves, for ``namedanchors``; ``""`` for any other."""
        name = attribute(node, "id")
        return anchor_mark(name) if name and name in self.anchors else ""


def _join_item(blocks: list[str]) -> str:
    """A list item's blocks; a nested list follows its text directly, so the list stays tight."""
    text = blocks[0] if blocks else ""
    for block in blocks[1:]:
        text += ("\n" if _LIST_START.match(block) else "\n\n") + block
    return text


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _wrap(inner: str, mark: str) -> str:
    """``inner`` emphasised, with its outer spaces kept outside the marks."""
    text = inner.strip()
    if not text:
        return inner
    return (
        inner[: len(inner) - len(inner.lstrip())]
        + mark
        + text
        + mark
        + (" " if inner != inner.rstrip() else "")
    )


def _finish(text: str, *, breaks: bool = True) -> str:
    """Inline Markdown made tidy: spaces collapsed, ``<br>`` as a hard break (or a space)."""
    lines = [_SPACE.sub(" ", part).strip() for part in text.split(_BREAK)]
    lines = [escape_block_start(line) for line in lines if line]
    return ("\\\n" if breaks else " ").join(lines)


def _paragraph(run: list[str]) -> list[str]:
    text = _finish("".join(run))
    return [text] if text else []
