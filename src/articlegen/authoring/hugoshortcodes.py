"""A Hugo page's shortcodes as Markdown: ``ref`` and ``relref`` as the address they name,
``figure`` as an image with its caption, ``youtube`` and ``vimeo`` as a video block,
``highlight`` as a fenced code block; any other kept as visible text.

Shortcodes are read as Hugo's lexer reads them: spaces may stand between the delimiters,
the ``/`` of a closing one and its name (``{{< / highlight >}}``, ``{{</highlight>}}``),
so that a closing written so closes its block rather than leaving the code to be read as
prose (its ``# comment`` lines as headings). A ``highlight`` that nothing closes is kept as
text, with a note at its line, rather than running on to another block's closing and
making all between one code block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..markup.summary import markdown_shown
from .mdsource import MARKDOWN_SUFFIXES, code_block, kept_as_text, outside_code, video_block
from .mdtext import escape_markdown, link_target
from .sourcelines import add_place, line_of, source_text

_SHORTCODE = re.compile(r"\{\{([<%])\s*(/?)\s*([\w./-]+)(.*?)\s*\1?[>%]\}\}", re.S)
_ESCAPED_SHORTCODE = re.compile(r"\{\{([<%])/\*(.*?)\*/\1?[>%]\}\}", re.S)
_OPEN_HIGHLIGHT = r"\{\{[<%]\s*highlight\b"
_HIGHLIGHT = re.compile(
    _OPEN_HIGHLIGHT + r"\s+\"?([\w+#-]*)\"?[^}]*?[>%]\}\}\n?"
    r"((?:(?!" + _OPEN_HIGHLIGHT + r").)*?)\{\{[<%]\s*/\s*highlight\s*[>%]\}\}",
    re.S,
)
"""A highlight block, to the first closing before another block opens."""
_QUOTED = r'"((?:\\"|[^"])*)"'
_ARGUMENT = re.compile(rf"""([\w-]+)\s*=\s*(?:{_QUOTED}|`([^`]*)`|(\S+))|{_QUOTED}|(\S+)""", re.S)
"""A shortcode's argument, named or not, quoted as Hugo's lexer quotes: in double quotes,
in which ``\\"`` is a quote (``caption="From \\"NHANES\\""``) and every other backslash
is text (``C:\\data``), or
a word (a raw string in backquotes is read as a code span before shortcodes are)."""
_PLAYERS = {"youtube": "https://www.youtube.com/watch?v=", "vimeo": "https://vimeo.com/"}


@dataclass(frozen=True, slots=True)
class ShortcodePage:
    """The page whose shortcodes are converted, and what it tells the import about them."""

    relative: str
    """Its path inside the content folder, against which a ``ref`` is resolved."""
    display: str
    file: Path
    refs: dict[str, str]
    """Every way a ``ref`` may name a page → its old address."""
    kept: dict[str, list[str]]
    """A kind of shortcode kept as text → the pages (and lines) holding it, site-wide."""
    notes: dict[str, int | None]
    """This page's own notes → the line of its file each is about."""


def shortcodes(body: str, page: ShortcodePage) -> str:
    """Shortcodes converted where Markdown has the same thing, else kept as visible text."""
    text = _HIGHLIGHT.sub(lambda m: code_block(m.group(2), m.group(1)), body)

    def shortcode(match: re.Match[str]) -> str:
        if not match.group(2) and (converted := _converted(match, page)) is not None:
            return converted
        if match.group(3) == "highlight" and not match.group(2):
            note = (
                "its {{< highlight >}} is never closed, so it is kept as text and the code "
                "after it read as Markdown: close it with {{< /highlight >}}"
            )
            page.notes.setdefault(note, line_of(source_text(page.file), match.group(0)))
        else:
            kind = f"{{{{< {match.group(3)} >}}}}"
            add_place(page.kept[kind], page.display, page.file, match.group(0))
        return kept_as_text(match.group(0))

    def convert(part: str) -> str:
        escaped: list[str] = []

        def save(match: re.Match[str]) -> str:
            mark = match.group(1)
            end = ">" if mark == "<" else "%"
            escaped.append(kept_as_text(f"{{{{{mark}{match.group(2)}{end}}}}}"))
            return f"\x00esc{len(escaped) - 1}\x00"

        part = _ESCAPED_SHORTCODE.sub(save, part)
        part = _SHORTCODE.sub(shortcode, part)
        return re.sub(r"\x00esc(\d+)\x00", lambda m: escaped[int(m.group(1))], part)

    return outside_code(text, convert)


def _converted(match: re.Match[str], page: ShortcodePage) -> str | None:
    """The Markdown an opening shortcode stands for, or None to keep it as text."""
    name = match.group(3)
    named, positional = _arguments(match.group(4))
    if name in ("ref", "relref") and positional:
        target, _, fragment = positional[0].partition("#")
        found = _find_ref(target.removeprefix("./"), page.relative, page.refs)
        if found:
            return found + ("#" + fragment if fragment else "")
    if name == "figure" and (src := named.get("src")):
        return _figure(src, named)
    video = named.get("id") or (positional[0] if positional else "")
    if name in _PLAYERS and video and (block := video_block(_PLAYERS[name] + video)):
        return block
    return None


def _figure(src: str, named: dict[str, str]) -> str:
    """A figure as an image with its caption under it. Hugo reads the caption as Markdown
    (a link in it stays a link), and the image's alt text, which is plain text, is its
    ``alt``, else the caption's or the title's text without its Markdown: the caption as
    written put its link's brackets inside the image's, which broke the image."""
    caption = " ".join((named.get("caption") or "").split())
    title = " ".join((named.get("title") or "").split())
    alt = named.get("alt") or _shown(caption) or title
    image = f"![{escape_markdown(' '.join(alt.split()))}]({link_target(src)})"
    under = f"*{caption}*" if caption else f"*{escape_markdown(title)}*" if title else ""
    return "\n\n" + image + (f"\n\n{under}" if under else "") + "\n\n"


def _shown(markdown: str) -> str:
    """The plain text a line of Markdown shows."""
    shown = markdown_shown(markdown)
    return markdown if shown is None else shown


def _find_ref(target: str, relative: str, refs: dict[str, str]) -> str | None:
    """The old address of the page a ``ref`` names: by its path in content/, beside the
    page that links, or by its own name (as Hugo falls back to)."""
    bare = target.rsplit(".", 1)[0] if target.endswith(MARKDOWN_SUFFIXES) else target
    for key in (target, bare, _beside(relative, target), _beside(relative, bare), page_name(bare)):
        if key in refs:
            return refs[key]
    return None


def page_name(bare: str) -> str:
    """A page's own name: its file's, or its bundle folder's (``posts/x/index`` → ``x``)."""
    parts = bare.split("/")
    return parts[-2] if parts[-1] == "index" and len(parts) > 1 else parts[-1]


def _beside(relative: str, name: str) -> str:
    """``name`` relative to the folder of the page at ``relative``."""
    folder = relative.rsplit("/", 1)[0] if "/" in relative else ""
    return f"{folder}/{name}" if folder else name


def _arguments(text: str) -> tuple[dict[str, str], list[str]]:
    named: dict[str, str] = {}
    positional: list[str] = []
    for match in _ARGUMENT.finditer(text):
        key, double, raw, bare, quoted, word = match.groups()
        if key is not None:
            named[key] = _value(double, raw, bare)
        else:
            positional.append(_value(quoted, None, word))
    return named, positional


def _value(double: str | None, raw: str | None, bare: str | None) -> str:
    """An argument's value: a double-quoted one with its ``\\"`` read, a raw one as written."""
    if double is not None:
        return double.replace('\\"', '"')
    return raw if raw is not None else bare or ""
