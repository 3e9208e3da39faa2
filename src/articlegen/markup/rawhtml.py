"""Link targets that Markdown and raw HTML (``markdown: {allow_html: true}``) may not publish.

Markdown links to ``javascript:``, ``vbscript:``, ``file:`` and non-image ``data:``
URLs are never made links (markdown-it's ``validateLink``): the page showed the Markdown
as written (``[the leaflet](file:///C:/Users/…)``) without a word, so each is an error
here, found in the text it was left as. Raw HTML is passed
through as written, so its URL attributes are checked here by the same rule.
The whole rendered body is parsed as a browser parses it (lexbor, through
selectolax), not each raw piece on its own: a browser reads the pieces as one
document, and a quote opened in one can carry an attribute into the next.
Scripts and event handlers are not looked at: allowing raw HTML trusts its authors
with those, and this only keeps a pasted ``javascript:`` link from being published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from urllib.parse import unquote

from markdown_it.common.normalize_url import validateLink
from markdown_it.token import Token
from selectolax.lexbor import LexborHTMLParser

from ..core.errors import MarkupError

URL_ATTRIBUTES = frozenset(
    {
        "action",
        "archive",
        "background",
        "cite",
        "classid",
        "codebase",
        "data",
        "dynsrc",
        "formaction",
        "href",
        "icon",
        "imagesrcset",
        "longdesc",
        "lowsrc",
        "manifest",
        "poster",
        "profile",
        "src",
        "srcset",
        "usemap",
        "xlink:href",
    }
)
"""Attributes whose value a browser follows or loads as a URL, on any element."""

_INERT = re.compile(r"<(/?)(template|noscript)(?=[\s/>])", re.IGNORECASE)
"""Elements whose content the parser keeps out of the tree (or reads as text): renamed
before parsing, so that links inside them are seen too."""
_REFRESH = re.compile(r"\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"]*)", re.IGNORECASE)
"""A ``<meta http-equiv="refresh">`` content: seconds, then the URL it goes to."""
_URL_EDGES = "".join(chr(c) for c in range(0x21))
"""What URL parsers strip from both ends of a URL (C0 controls and space)."""


_REFUSED_CANDIDATE = re.compile(
    r"\]\(\s*<([A-Za-z][A-Za-z0-9+.-]*:[^<>\n]*)>"  # [text](<url>), which may hold spaces
    r"|\]\(\s*([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)"  # [text](url) or ![alt](url)
    r"|<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>"  # <url>
    r"|^\s*\[[^\]]+\]:\s*<?([A-Za-z][A-Za-z0-9+.-]*:[^\s>]*)"  # [label]: url
)
"""A URL with a scheme where Markdown reads a link's: in text left as written, the link
that ``validateLink`` refused. Each match holds a ``](``, a ``<`` or a ``]:``, the only texts
``fastmarkup._Render._text`` looks in: a pattern without one must be told there too."""


def refused_link_problems(
    text: str, line: int, path: str | None, source: str | None = None
) -> list[MarkupError]:
    """One error per link in ``text`` (one text token, on file line ``line``, which reads
    ``source`` where known) that Markdown left as written: because ``validateLink`` refused
    its URL, or because a space in its address (``spaced_link_problems``) made it no link."""
    problems = spaced_link_problems(text, line, path, source) if "](" in text else []
    if ":" not in text:
        return problems
    for match in _REFUSED_CANDIDATE.finditer(text):
        url = next(group for group in match.groups() if group)
        while url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1]  # the link's closing parenthesis, and text after it
        if not validateLink(url):
            shown = url if len(url) <= 60 else url[:60] + "…"
            scheme = url.split(":", 1)[0].lower()
            problems.append(
                MarkupError(
                    f"link '{shown}': '{scheme}:' addresses are never linked, so the page "
                    "would show the Markdown as written",
                    path,
                    line,
                    "link to a page on the web (https://…), an article or a file of static/ "
                    "(copy a file from your computer there first), or remove the link",
                )
            )
    return problems


_SPACED_ADDRESS = r"\]\([ \t]*([^\s()<>\"']+(?:[ \t]+[^\s()<>\"']+)+)"
_SPACED_TITLE = r"""([ \t]+(?:"[^"\n]*"|'[^'\n]*'))?[ \t]*\)"""
_SPACED = re.compile(r"(!?)\[([^\[\]\n]*)" + _SPACED_ADDRESS + _SPACED_TITLE)
"""``[text](my notes.pdf)`` or ``![alt](images/my photo.jpg "A title")``: a link whose
address holds a space, in text Markdown left as written."""
_SPACED_TAIL = re.compile(r"[^\[\]\n]*" + _SPACED_ADDRESS + _SPACED_TITLE)
"""The end of such a link whose text holds emphasis, code or HTML (``[the *new*
guide](my page.md)``): Markdown splits the text there, so the text token that starts after
the last such piece holds ``guide](my page.md)``, its opening bracket in another one."""
_SPACED_WRITTEN = re.compile(r"(?<!\\)\[((?:[^\[\]\n\\]|\\.)*)" + _SPACED_ADDRESS)
"""``_SPACED``'s brackets, text and address as the line's Markdown writes them, with none of
the brackets or the parenthesis escaped: ``\\[sic\\](see files/a b.pdf)`` is text on purpose,
the Markdown way to show brackets, though its text token reads as ``_SPACED`` does."""
_ADDRESS = re.compile(r"/|\.[A-Za-z][A-Za-z0-9]{0,4}$")
"""What makes the part in parentheses an address rather than words (``[sic](see note 3)``,
``[2](see figure 2.1)``): a folder or a file's suffix, which starts with a letter."""


def spaced_link_problems(
    text: str, line: int, path: str | None, source: str | None = None
) -> list[MarkupError]:
    """One error per link or image in ``text`` whose address holds a space, as a file saved
    by a phone or a desktop is named (``my photo.jpg``): CommonMark ends an address at a
    space, so the page showed ``![A photo](images/my photo.jpg)`` as written, without a
    word, while every other link and image is checked. The fix writes the address in angle
    brackets, which Markdown reads whole, as docs/writing.md says. With the ``source`` line
    the text is on, a link whose brackets are escaped there (``_SPACED_WRITTEN``) is left
    alone: the text token no longer shows the backslashes; and a link whose text holds
    emphasis or code is found from its end (``_SPACED_TAIL``), its text read from the line."""
    problems = []
    written = {} if source is None else _written_links(source)
    found = [match.groups(default="") for match in _SPACED.finditer(text)]
    if source is not None and (tail := _SPACED_TAIL.match(text)) and tail.group(1) in written:
        image, shown = _split_link(written[tail.group(1)], text[: text.index("](")])
        found.insert(0, (image, shown, tail.group(1), tail.group(2) or ""))
    for image, shown, address, title in found:
        if not _ADDRESS.search(address) or (source is not None and address not in written):
            continue
        kind = "image" if image else "link"
        problems.append(
            MarkupError(
                f"{kind} '{address}' holds a space, so Markdown reads no {kind} there and the"
                " page would show it as written",
                path,
                line,
                f"write the address in angle brackets, {image}[{shown}](<{address}>{title}),"
                " or each space as %20 (or rename the file without spaces)",
            )
        )
    return problems


def _written_links(source: str) -> dict[str, list[tuple[str, str]]]:
    """Each address of a spaced link written on the ``source`` line (``_SPACED_WRITTEN``),
    with the ``!`` (an image's) and the text as written of each link to it. What code spans
    hold is blanked first: a bracket there is code, no link's (`` `[a` b](c d.md) ``)."""
    masked = _CODE_SPAN.sub(lambda m: m.group(1) + " " * len(m.group(2)) + m.group(1), source)
    links: dict[str, list[tuple[str, str]]] = {}
    for match in _SPACED_WRITTEN.finditer(masked):
        image = "!" if masked[match.start() - 1 : match.start()] == "!" else ""
        shown = source[match.start(1) : match.end(1)]
        links.setdefault(source[match.start(2) : match.end(2)], []).append((image, shown))
    return links


_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
"""A code span: a run of backticks, its text, the same run again."""


def _split_link(links: list[tuple[str, str]], end: str) -> tuple[str, str]:
    """Of the ``links`` written to one address, the one whose text Markdown split (one with
    emphasis, code or HTML) and ends with ``end``, the tail's words: not a plain one beside it."""
    ending = [link for link in links if link[1].endswith(end)] or links
    return next((link for link in ending if _SPLITS.search(link[1])), ending[0])


_SPLITS = re.compile(r"[*_`<~]")
"""What may split a link's text into several tokens: emphasis, code, HTML, strikethrough."""


_ON_A_COMPUTER = re.compile(r"[A-Za-z]:(?:[\\/]|%5C)", re.IGNORECASE)
"""A Windows drive path (``C:\\Users\\…``, ``D:/photos/…``) as markdown-it normalizes it
(``C:%5CUsers%5C…``): read as a URL, its drive letter is a scheme, so it was published as
an address no reader's browser can load, without a word."""


def address_problem(url: str, image: bool, path: str | None, line: int) -> MarkupError | None:
    """The error for a link's or an ``image``'s URL that leads readers nowhere: a link with
    no address at all (``[the study]()``, its address not pasted yet), which a browser reads
    as this very page, so it was published as a link back to itself without a word; or a
    file on the writer's own computer (``computer_path_problem``). None for any other URL;
    an image with no address is told by the image checks, as no file of ``static/``."""
    if not url and not image:
        return MarkupError(
            "a link has no address (nothing between its parentheses, or after its definition's"
            " colon), so it leads back to this same page",
            path,
            line,
            "write the address it should lead to, [text](https://…), [text](other-article.md)"
            " or [text](files/guide.pdf), or remove the brackets to show the words as text",
        )
    return computer_path_problem(url, image, path, line)


def computer_path_problem(url: str, image: bool, path: str | None, line: int) -> MarkupError | None:
    """The error for a link's or an ``image``'s URL that is a file on the writer's own
    computer, with the ``static/`` path to copy it to; None for any other URL."""
    if not _ON_A_COMPUTER.match(url):
        return None
    written = unquote(url)
    name = re.split(r"[\\/]", written)[-1] or "file"
    kind, folder, example = (
        ("image", "images", f"![…](images/{name})")
        if image
        else ("link", "files", f"[…](files/{name})")
    )
    return MarkupError(
        f"{kind} '{written}' is a file on your computer, which readers cannot open",
        path,
        line,
        f"copy it into the site's static/ folder, e.g. static/{folder}/{name}, and write {example}",
    )


def raw_html_problems(
    tokens: Sequence[Token],
    children: Sequence[tuple[Token, int]],
    html: str,
    first_line: int,
    path: str | None,
) -> list[MarkupError]:
    """Raw HTML linking to a URL a Markdown link could not have, in a body rendered from
    ``tokens`` (``children``: its inline tokens with their file lines) as ``html``."""
    pieces = [
        (t.content, first_line + t.map[0]) for t in tokens if t.type == "html_block" and t.map
    ]
    pieces += [(child.content, line) for child, line in children if child.type == "html_inline"]
    if not pieces:  # raw HTML is not allowed, or there is none
        return []
    return unsafe_link_problems(html, sorted(pieces, key=lambda p: p[1]), path, first_line)


def unsafe_link_problems(
    html: str, pieces: Sequence[tuple[str, int]], path: str | None, line: int
) -> list[MarkupError]:
    """One error per unsafe URL in the rendered body ``html``, at its line in the first raw
    HTML piece (``(html, line)`` from the token stream) that holds it, else at ``line``."""
    found = list(unsafe_links(html))
    if not found:
        return []
    where: dict[tuple[str, str, str], int] = {}
    for text, at in reversed(pieces):  # the first piece wins
        where.update((link, at + _lines_before(text, *link)) for link in unsafe_links(text))
    problems = []
    for tag, attribute, url in dict.fromkeys(found):
        shown = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in url[:60])
        shown += "…" if len(url) > 60 else ""
        scheme = re.sub(r"[\t\n\r]", "", url).strip(_URL_EDGES).split(":", 1)[0].lower()
        problems.append(
            MarkupError(
                f"raw HTML <{tag} {attribute}=\"{shown}\">: '{scheme}:' URLs are never published",
                path,
                where.get((tag, attribute, url), line),
                "link to a page or an https:// address, or remove the attribute",
            )
        )
    return problems


def _lines_before(text: str, tag: str, attribute: str, url: str) -> int:
    """How many lines into the raw HTML ``text`` the unsafe ``url`` is written: where the
    URL stands as written, else (written with entities, say) where the first such tag's
    attribute starts; 0 when neither is found."""
    at = text.find(url) if url else -1
    if at < 0:
        named = re.search(
            rf"<{re.escape(tag)}\b[^>]*?\s{re.escape(attribute)}\s*=",
            text,
            re.IGNORECASE,
        )
        at = named.end() if named else 0
    return text.count("\n", 0, at)


def unsafe_links(html: str) -> Iterator[tuple[str, str, str]]:
    """``(tag, attribute, url)`` for every URL in ``html`` that Markdown would not link to."""
    tree = LexborHTMLParser(_INERT.sub(r"<\1x-\2", html))
    for node in tree.root.traverse(include_text=False) if tree.root else ():
        for attribute, value in node.attributes.items():
            if value is None:
                continue
            if attribute == "srcdoc":  # a document of its own, in an iframe
                yield from unsafe_links(value)
            for url in _urls(node.tag or "", node.attributes, attribute, value):
                if not validateLink(re.sub(r"[\t\n\r]", "", url).strip(_URL_EDGES)):
                    yield node.tag or "", attribute, url


def _urls(tag: str, attributes: Mapping[str, str | None], attribute: str, value: str) -> list[str]:
    """The URLs an attribute holds: one, a ``srcset`` list, an SVG animation of ``href``,
    or a refresh's target."""
    if attribute in ("srcset", "imagesrcset"):
        return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]
    if attribute in URL_ATTRIBUTES:
        return [value]
    animated = (attributes.get("attributeName") or attributes.get("attributename") or "").strip()
    if tag in ("animate", "set") and animated in ("href", "xlink:href"):
        if attribute == "values":
            return value.split(";")
        if attribute in ("to", "from"):
            return [value]
    refresh = (attributes.get("http-equiv") or "").strip().lower() == "refresh"
    if tag == "meta" and attribute == "content" and refresh:
        target = _REFRESH.match(value)
        return [target.group(1)] if target else []
    return []
