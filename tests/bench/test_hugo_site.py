"""bench/hugo_site.py: the corpus in Hugo's dialect, on literal articles."""

from __future__ import annotations

import textwrap
from pathlib import Path

from bench.hugo_site import convert_article, make_hugo_site


def test_hugo_articles_use_lastmod_and_markdown_links() -> None:
    text = textwrap.dedent("""\
        ---
        title: "T"
        updated: 2024-02-01
        ---

        See [[other-slug]] and [[two|the second]]; updated: stays in the body.
        """)
    assert convert_article(text) == textwrap.dedent("""\
        ---
        title: "T"
        lastmod: 2024-02-01
        ---

        See [](other-slug.md) and [the second](two.md); updated: stays in the body.
        """)


def test_references_become_the_footnotes_citations_point_to() -> None:
    text = textwrap.dedent("""\
        ---
        title: "T"
        references:
          - id: src-1
            title: "Example Report: Sleep"
            url: https://example.org/sources/sleep-1
            authors: "Example Author"
            publisher: "Example Health Agency"
            date: 2021-05-03
          - id: src-2
            title: "Example Review?"
            url: https://example.com/sources/2
            date: 2019
          - title: "Listed without an id, so never cited"
            url: https://example.net/x
        ---

        A claim.[^src-2] Another.[^src-1]
        """)
    assert convert_article(text).split("---\n\n", 1)[1] == textwrap.dedent("""\
        A claim.[^src-2] Another.[^src-1]

        [^src-1]: Example Author. [Example Report: Sleep](https://example.org/sources/sleep-1). Example Health Agency, 3 May 2021.

        [^src-2]: [Example Review?](https://example.com/sources/2) 2019.
        """)


def test_a_video_block_becomes_the_video_shortcode() -> None:
    text = textwrap.dedent("""\
        ---
        title: "T"
        ---

        ::: video https://vimeo.com/123456789 "A routine"
        A *caption*.
        :::

        ::: video https://www.youtube.com/watch?v=example0001 "No caption"
        :::
        """)
    assert convert_article(text).split("---\n\n", 1)[1] == textwrap.dedent("""\
        {{< video url="https://vimeo.com/123456789" title="A routine" >}}
        A *caption*.
        {{< /video >}}

        {{< video url="https://www.youtube.com/watch?v=example0001" title="No caption" >}}
        {{< /video >}}
        """)


def test_hugo_site_has_every_article_its_images_and_the_templates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "content").mkdir(parents=True)
    (corpus / "static" / "images").mkdir(parents=True)
    (corpus / "static" / "images" / "a.png").write_bytes(b"png")
    (corpus / "content" / "a.md").write_text("---\ntitle: A\ndate: 2024-01-01\n---\nText.\n")
    site = make_hugo_site(corpus, tmp_path / "hugo")
    assert sorted(p.name for p in (site / "content").iterdir()) == ["a.md", "archive-page.md"]
    assert (site / "static" / "images" / "a.png").read_bytes() == b"png"
    assert (site / "hugo.toml").is_file() and (site / "layouts" / "page.html").is_file()
    assert (site / "layouts" / "_shortcodes" / "video.html").is_file()
