"""Measures of a line of facts (the byline, a card's meta line: ``_facts.html`` in a ``.facts``
paragraph) as Chromium draws it, left to right or right to left: which separators a reader
sees alone at a line's start or end, and which focused link's ring the line's clip cuts.

Every position is taken along the line, from its start: x in a left-to-right line, -x in a
right-to-left one, so that one rule reads both ways."""

from __future__ import annotations

from typing import Any

GEOMETRY = r"""(line) => {
    const rtl = getComputedStyle(line).direction === "rtl";
    const along = (r) => rtl  // a box's start and end along the line, its top and bottom
        ? {start: -r.right, end: -r.left, top: r.top, bottom: r.bottom}
        : {start: r.left, end: r.right, top: r.top, bottom: r.bottom};
    const drawn = (element) => {  // what an element's clip-path (an inset) leaves drawn
        const r = element.getBoundingClientRect(), path = getComputedStyle(element).clipPath;
        if (path === "none") return along({left: -1e6, right: 1e6, top: -1e6, bottom: 1e6});
        const values = path.match(/^inset\(([^)]*?)(?: round [^)]*)?\)$/)[1].trim().split(/\s+/);
        if (!values.every((v) => /^-?[\d.]+px$/.test(v))) throw new Error(path);
        const [top, right = top, bottom = top, left = right] = values.map(parseFloat);
        return along({left: r.left + left, right: r.right - right,
                      top: r.top + top, bottom: r.bottom - bottom});
    };
    const column = getComputedStyle(line.parentElement);  // its lines start at its content's edge
    const outer = line.parentElement.getBoundingClientRect();
    const edge = rtl
        ? -(outer.right - parseFloat(column.borderRightWidth) - parseFloat(column.paddingRight))
        : outer.left + parseFloat(column.borderLeftWidth) + parseFloat(column.paddingLeft);
    const seen = /[^\s\u2060]/g;  // a character that shows: no space, no word joiner
    const shown = (node) => [...node.data.matchAll(seen)].map((m) => m.index);
    const texts = (root) => {
        const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const found = [];
        while (walk.nextNode()) if (walk.currentNode.data.match(seen)) found.push(walk.currentNode);
        return found;
    };
    const range = document.createRange();
    const advance = (node, at) => {
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        return range.getBoundingClientRect();
    };
    const pen = document.createElement("canvas").getContext("2d");
    const ink = (node, at) => {  // where a character is drawn: its advance narrowed to its ink
        const box = advance(node, at), style = getComputedStyle(node.parentElement);
        pen.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const glyph = pen.measureText(node.data[at]);  // from its left, where it is drawn from
        return along({left: box.left - glyph.actualBoundingBoxLeft, top: box.top,
                      right: box.left + glyph.actualBoundingBoxRight, bottom: box.bottom});
    };
    const chars = (item) => texts(item)  // the characters of an item but its separator's
        .filter((node) => !node.parentElement.closest(".sep"))
        .flatMap((node) => shown(node).map((at) => along(advance(node, at))));
    const clip = drawn(line);
    const separators = [...line.querySelectorAll(".sep")].map((sep) => {
        const dot = texts(sep)[0], box = along(sep.getBoundingClientRect()), self = drawn(sep);
        const item = sep.closest(".byline-item"), previous = item.previousElementSibling;
        const centre = (c) => (c.top + c.bottom) / 2;  // its line: where the characters are
        const near = (c) => box.top <= centre(c) && centre(c) <= box.bottom;  // centred on it
        const after = chars(item).filter(near), before = chars(previous).filter(near);
        return {sep: box, dot: ink(dot, shown(dot)[0]),
                start: Math.max(clip.start, self.start), end: Math.min(clip.end, self.end),
                before: before.length ? Math.max(...before.map((c) => c.end)) : null,
                after: after.length ? Math.min(...after.map((c) => c.start)) : null};
    });
    const focused = line.contains(document.activeElement) ? document.activeElement : null;
    const style = focused && getComputedStyle(focused);
    const ring = focused && {
        reach: style.outlineStyle === "none" ? 0
            : parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset),
        boxes: [...focused.getClientRects()].map(along), name: focused.textContent};
    return {edge, clip, separators, ring};
}"""
"""The line's clip and its column's edge; each separator's box, its dot's ink, the span its
own clip and the line's leave drawn, and how far along its line the previous item's text
ends and its own item's text starts; and the ring of the line's focused link, if one has the
focus: how far outside its boxes it reaches."""


def lone_separators(line: Any) -> list[str]:
    """The separators of a line of facts that a reader sees alone at a line's start or end,
    or cut: each dot must either be drawn whole between its neighbours' text on its line,
    or, where its item starts a line, lie wholly outside what the clips leave drawn, with
    the item's text starting at the column's edge."""
    geometry = line.evaluate(GEOMETRY)
    found = []
    for each in geometry["separators"]:
        sep, dot, before, after = each["sep"], each["dot"], each["before"], each["after"]
        if dot["end"] <= each["start"] or dot["start"] >= each["end"]:  # its item starts a line
            ok = after is not None and abs(after - geometry["edge"]) < 1.5
        else:
            ok = each["start"] <= dot["start"] and dot["end"] <= each["end"]  # not cut
            ok = ok and before is not None and after is not None
            ok = ok and before <= sep["start"] and sep["end"] - 0.5 <= after
        if not ok:
            found.append(str(each))
    return found


def cut_ring(line: Any) -> tuple[str, bool]:
    """For the focused link of a line of facts: what of its focus ring the line's clip cuts
    ("" when the ring is whole, with the outline's width and offset as far outside each of
    its boxes as the ring reaches), and whether one of its boxes starts a line."""
    geometry = line.evaluate(GEOMETRY)
    ring, clip, edge = geometry["ring"], geometry["clip"], geometry["edge"]
    assert ring and ring["reach"] > 0, "no link of the line shows a focus ring"
    reach, cut = ring["reach"], []
    for box in ring["boxes"]:
        sides = {
            "start": box["start"] - reach < clip["start"] - 0.01,
            "end": box["end"] + reach > clip["end"] + 0.01,
            "top": box["top"] - reach < clip["top"] - 0.01,
            "bottom": box["bottom"] + reach > clip["bottom"] + 0.01,
        }
        cut += [
            f"{ring['name']!r} {side} ({box}, clip {clip})" for side, hit in sides.items() if hit
        ]
    starts = any(abs(box["start"] - edge) < 1.5 for box in ring["boxes"])
    return "; ".join(cut), starts
