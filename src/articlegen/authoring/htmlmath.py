"""Math in a saved web page, kept as its TeX before the page becomes Markdown.

Pages write math for MathJax or KaTeX to draw in the browser: kramdown leaves the TeX in
``<script type="math/tex">`` (``; mode=display`` for a formula on its own line), which the
importer would drop with all scripts; a page saved after drawing also holds the drawn
formula (``.MathJax`` spans, ``<mjx-container>``, ``.katex``), whose text is glyphs, with its
TeX in an ``<annotation encoding="application/x-tex">`` or a script beside it. articlegen's
Markdown draws no math (docs/writing.md), so the TeX is kept where the reader sees it can be
checked: inline as a code span, on its own line as a ``tex`` code block, with a warning.
"""

from __future__ import annotations

import html

from selectolax.lexbor import LexborHTMLParser, LexborNode

_SCRIPTS = 'script[type^="math/tex"]'
_DRAWN = 'mjx-container, .katex, [class*="MathJax"]'
_TEX = 'annotation[encoding="application/x-tex"]'
_DISPLAY = ("MathJax_Display", "katex-display", "MathJax_SVG_Display")


def keep_math(tree: LexborHTMLParser, main: LexborNode) -> list[str]:
    """Replace the math under ``main`` by its TeX (``<code>``, or ``<pre><code>`` for a
    displayed formula), drop drawn formulas whose TeX is in a script; notes for the
    importer's warnings when any math was found, as its Markdown needs checking, and when a
    drawn formula holds no TeX at all."""
    scripts = main.css(_SCRIPTS)
    drawn = {node.mem_id: node for node in main.css(_DRAWN)}  # a node matching twice is once
    outermost = [node for node in drawn.values() if not _inside(node, set(drawn), main)]
    found, untold = len(scripts), 0
    for formula in outermost:
        annotation = formula.css_first(_TEX)
        if annotation is not None:
            found += 1
            tex = annotation.text(deep=True) or ""
            formula.replace_with(_code(tree, tex, _displayed(formula)))
        elif scripts:
            formula.decompose()  # the script beside it holds its TeX
        else:
            untold += 1  # MathJax 3 keeps no TeX: its text is all there is
    for script in scripts:
        tex = html.unescape(script.text(deep=True) or "")
        display = "mode=display" in (script.attributes.get("type") or "")
        script.replace_with(_code(tree, tex, display))
    notes = []
    if found:
        notes.append(
            f"{found} math formula{'s' if found != 1 else ''} kept as TeX (inline as code, on its"
            " own line as a ```tex block), as articlegen draws no math: check each reads as meant"
        )
    if untold:
        notes.append(
            f"{untold} math formula{'s' if untold != 1 else ''} drawn in the page without its TeX"
            " kept as its text only, which loses the notation: write it again from the source"
        )
    return notes


def _inside(node: LexborNode, ids: set[int], main: LexborNode) -> bool:
    """Whether an ancestor of ``node`` below ``main`` is one of ``ids``."""
    ancestor = node.parent
    while ancestor is not None and ancestor.mem_id != main.mem_id:
        if ancestor.mem_id in ids:
            return True
        ancestor = ancestor.parent
    return False


def _displayed(drawn: LexborNode) -> bool:
    """Whether a drawn formula stands on its own line (MathJax 3's ``display="true"``, or a
    display class on it or its parent)."""
    if drawn.attributes.get("display") == "true":
        return True
    classes = [*(drawn.attributes.get("class") or "").split()]
    if drawn.parent is not None:
        classes += (drawn.parent.attributes.get("class") or "").split()
    return any(name in _DISPLAY for name in classes)


def _code(tree: LexborHTMLParser, tex: str, display: bool) -> LexborNode:
    """``<code>`` holding ``tex``, inside a ``<pre>`` when the formula is displayed."""
    code = tree.create_node("code")
    code.insert_child(tex.strip())
    if not display:
        return code
    code.attrs["class"] = "language-tex"
    pre = tree.create_node("pre")
    pre.insert_child(code)
    return pre
