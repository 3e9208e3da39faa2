"""The preview serves exactly what a clean build makes, after every kind of edit.

The preview's rebuilds reuse what the last one worked out wherever its inputs did not
change (the build cache, re-planning, the stages' memos): this runs ``articlegen serve``
on a small site, edits it as an author would — bodies, titles, tags, See Also, citations,
a new file, a deletion, a rename, a broken link and its fix — and after each edit
compares every file served with a clean build of the same sources.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.errors import BuildFailed
from articlegen.core.model import BuildOptions
from articlegen.serve.preview import Preview
from tests.conftest import article
from tests.serving import wait_until

REFERENCES = """
references:
  - id: r1
    title: "Example Reference One"
    url: "https://example.org/one"
  - id: r2
    title: "Example Reference Two"
    url: "https://example.org/two"
"""


@pytest.fixture
def preview(site: Callable[..., Path]) -> Iterator[Preview]:
    root = site(
        {
            "a.md": article(
                "Alpha", "## Start\n\nLinks to [[c]] and [[Delta]].", tags="[sleep]",
                see_also="[b]",
            ),
            "b.md": article("Beta", "See [[a]] and [[c#gamma-part]].", tags="[heart]"),
            "c.md": article("Gamma", "## Gamma part\n\nText.", date="2024-02-01"),
            "d.md": article(
                "Delta", "A claim.[^r1] Another.[^r2]" + "\n",
                tags="[sleep, heart]", date="2024-03-01",
            ).replace("---\n\n", REFERENCES.lstrip("\n") + "---\n\n", 1),
            "e.md": article("Epsilon", "Plain text, [[Alpha]].", date="2024-04-01"),
        }
    )  # fmt: skip
    with Preview(root, port=0, log=lambda line: None, quiet=0.05) as running:
        yield running


def clean_build(preview: Preview) -> dict[str, bytes]:
    """Every file a build from scratch makes of the preview's sources, as it serves them."""
    options = BuildOptions(
        drafts=True, future=True, write=False, base_url=preview.url, preview=True
    )
    result = build_site(preview.root, options)
    return {page.out_path: page.data for page in result.pages if page.data is not None}


def served_after(preview: Preview, change: Callable[[Path], object]) -> None:
    """Apply ``change`` to the content folder; the preview must come to serve exactly a
    clean build's files (every one, no more)."""
    content = preview.root / "content"
    change(content)
    expected = clean_build(preview)
    try:
        wait_until(lambda: preview.live.view()[0].pages == expected, timeout=20)
    except AssertionError:
        served = preview.live.view()[0].pages
        differ = sorted(
            k for k in served.keys() | expected.keys() if served.get(k) != expected.get(k)
        )
        raise AssertionError(f"served files differ from a clean build's: {differ}") from None


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_edit_serves_what_a_clean_build_makes(preview: Preview) -> None:
    assert preview.live.view()[0].pages == clean_build(preview)
    served_after(preview, lambda c: edit(c / "a.md", "Links to", "Now links to"))
    served_after(preview, lambda c: edit(c / "a.md", "## Start", "## Start\n\nMore words."))
    served_after(preview, lambda c: edit(c / "c.md", '"Gamma"', '"Gamma Rays"'))
    served_after(preview, lambda c: edit(c / "c.md", "## Gamma part", "## Gamma part\n\nNew."))
    served_after(preview, lambda c: edit(c / "b.md", "[heart]", "[heart, sleep]"))
    served_after(
        preview, lambda c: edit(c / "e.md", 'title: "Epsilon"', 'title: "Epsilon"\nsee_also: [d]')
    )
    served_after(
        preview,
        lambda c: edit(c / "d.md", "A claim.[^r1] Another.[^r2]", "Another.[^r2] A claim.[^r1]"),
    )
    served_after(
        preview, lambda c: edit(c / "d.md", "Example Reference Two", "Example Reference 2")
    )
    served_after(preview, lambda c: edit(c / "d.md", "date: 2024-03-01", "date: 2024-05-01"))
    served_after(
        preview,
        lambda c: (c / "f.md").write_text(article("Zeta", "New, [[b]]."), encoding="utf-8"),
    )
    served_after(preview, lambda c: (c / "e.md").unlink())
    served_after(preview, lambda c: (c / "d.md").rename(c / "delta.md"))
    served_after(preview, lambda c: edit(c / "b.md", 'title: "Beta"', 'title: "Beta Blockers"'))


def test_a_broken_edit_then_its_fix_serves_what_a_clean_build_makes(preview: Preview) -> None:
    good = preview.live.view()[0].pages
    edit(preview.root / "content" / "b.md", "[[a]]", "[[missing]]")
    with pytest.raises(BuildFailed):
        clean_build(preview)
    wait_until(lambda: preview.live.errors)
    assert preview.live.view()[0].pages == good  # the last good pages are still served
    served_after(preview, lambda c: edit(c / "b.md", "[[missing]]", "[[e]]"))


OWN_ENTRY = (
    '<li id="entry-{{ entry.slug }}">{{ entry.title }}: {{ entry.incoming | length }}</li>\n'
)
OWN_INDEX = """{% extends "base.html" %}
{% block main %}{% for group in groups %}{% for entry in group.entries %}
<p>{{ entry.title }}</p>{% endfor %}{% endfor %}{% endblock %}
"""


def test_the_see_also_index_follows_its_templates_and_title_edits(preview: Preview) -> None:
    """Its entries are partials kept between rebuilds (``render/partials.py``): a site's own
    entry template, an edit of it, a title edit and a site's own index that renders its
    entries itself all serve what a clean build makes."""
    templates = preview.root / "templates"
    templates.mkdir(exist_ok=True)
    served_after(preview, lambda c: (templates / "_index_entry.html").write_text(OWN_ENTRY))
    assert b'<li id="entry-a">Alpha: 2</li>' in preview.live.view()[0].pages["see-also/index.html"]
    served_after(preview, lambda c: edit(templates / "_index_entry.html", ": ", " – "))
    served_after(preview, lambda c: edit(c / "c.md", '"Gamma"', '"Gamma Rays"'))
    served_after(preview, lambda c: (templates / "_index_entry.html").unlink())
    served_after(preview, lambda c: edit(c / "c.md", '"Gamma Rays"', '"Gamma"'))
    served_after(preview, lambda c: (templates / "see_also.html").write_text(OWN_INDEX))
    assert b"<p>Gamma</p>" in preview.live.view()[0].pages["see-also/index.html"]
    served_after(preview, lambda c: edit(c / "c.md", '"Gamma"', '"Gamma Rays"'))
