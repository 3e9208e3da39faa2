"""Math a Jekyll or Hugo post writes in its Markdown, between ``$$``, for kramdown or a theme's
MathJax or KaTeX to draw.

articlegen draws no math (docs/writing.md): ``$$…$$`` would be shown as text and read as
Markdown, so that ``a_1 * b_2`` lost its marks to emphasis. A formula on lines of its own
(a paragraph of nothing else, as kramdown displays it) is kept as its TeX in a ``tex`` code
block, as a saved web page's displayed formula is (``htmlmath``); ``$$`` within a line stays
text. Either way a warning says so, at the first line. A single ``$`` is left alone: it is
more often money (``$5 and $10``) than math.
"""

from __future__ import annotations

import re

from .importmarkdown import ImportPlan
from .mdcode import parsed_tokens
from .mdsource import outside_code
from .sourcelines import line_outside_code, source_text

_DISPLAYED = re.compile(r"(?<![\\$])\$\$(?!\$)(.+?)(?<![\\$])\$\$(?!\$)", re.DOTALL)
"""A formula between ``$$`` (not ``\\$$``, nor a run of three)."""


def math_kept(plan: ImportPlan, body: str) -> str:
    """``body`` with its displayed formulas as ``tex`` blocks, and a note at the first line of
    the post's own file holding ``$$``, when it has any outside code."""
    found: list[str] = []

    def collect(part: str) -> str:
        found.extend(_DISPLAYED.findall(part))
        return part

    outside_code(body, collect)
    if not found:
        return body
    body, blocks = _as_blocks(body)
    kept = (
        "a formula on lines of its own kept as a ```tex block"
        if blocks == 1
        else f"{blocks} formulas on lines of their own kept as ```tex blocks"
    )
    inline = "any within a line shown as text (write it as `code`, or in words)"
    told = [kept] * bool(blocks) + [inline] * (blocks < len(found))
    note = (
        f"its math between '$$' is TeX, which articlegen does not draw: {'; '.join(told)}; "
        "check each reads as meant"
    )
    plan.notes.append(note)
    if line := line_outside_code(source_text(plan.post.file), "$$"):
        plan.note_lines.setdefault(note, line)
    return body


def _as_blocks(body: str) -> tuple[str, int]:
    """``body`` with each paragraph outside lists and quotes that is one formula between
    ``$$`` as a ```` ```tex ```` block of its TeX, and how many there were."""
    lines = body.split("\n")
    changed = 0
    for token in reversed(parsed_tokens(body)):
        if token.type != "paragraph_open" or token.level or not token.map:
            continue
        start, end = token.map
        text = "\n".join(lines[start:end]).strip()
        whole = _DISPLAYED.fullmatch(text)
        if whole is None or "$$" in whole.group(1):
            continue
        tex = whole.group(1).strip()
        fence = "`" * max([3, *(len(run) + 1 for run in re.findall("`{3,}", tex))])
        lines[start:end] = [f"{fence}tex", *tex.split("\n"), fence]
        changed += 1
    return "\n".join(lines), changed
