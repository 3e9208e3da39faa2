"""A Hugo page's shortcodes as Markdown (``hugoshortcodes``)."""

from __future__ import annotations

from pathlib import Path

from articlegen.authoring.hugoshortcodes import ShortcodePage, shortcodes


def test_a_figures_caption_is_read_with_hugos_escapes(tmp_path: Path) -> None:
    """A caption with escaped quotes was cut at the first (``Data from \\``)."""
    body = '{{< figure src="/a.png" caption="Data from \\"Placeholder\\" survey" >}}\n'
    (tmp_path / "post.md").write_text(body, encoding="utf-8")
    page = ShortcodePage("posts/post.md", "posts/post.md", tmp_path / "post.md", {}, {}, {})
    converted = shortcodes(body, page)
    assert '\n\n*Data from "Placeholder" survey*\n\n' in converted
    assert page.kept == {}


def test_a_backslash_before_anything_but_a_quote_stays(tmp_path: Path) -> None:
    """Only ``\\"`` is an escape to Hugo's lexer: ``C:\\data`` lost its backslash."""
    body = '{{< figure src="/a.png" caption="See C:\\data, \\(x\\) and \\"q\\"" >}}\n'
    (tmp_path / "post.md").write_text(body, encoding="utf-8")
    page = ShortcodePage("posts/post.md", "posts/post.md", tmp_path / "post.md", {}, {}, {})
    assert '\n\n*See C:\\data, \\(x\\) and "q"*\n\n' in shortcodes(body, page)
