"""A Markdown post's HTML images as Markdown images (``mdhtmlimages``)."""

from __future__ import annotations

import pytest

from articlegen.authoring.mdhtmlimages import html_images


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            '<figure>\n  <img src="chart.png" alt="A chart">\n  <figcaption>Steps</figcaption>\n'
            "</figure>\n\nAfter *this*.\n",
            "![A chart](</posts/walks/chart.png>)\n\n*Steps*\n\nAfter *this*.\n",
            id="figure",
        ),
        pytest.param(
            'Before.\n\n\n<figure><img src="/c.png" alt="C"><figcaption>Cap</figcaption></figure>\n',
            "Before.\n\n\n![C](</c.png>)\n\n*Cap*\n",
            id="figure-after-two-blank-lines",  # was read as no block: its tags shown as text
        ),
        pytest.param(
            'See <img src="/i.png" alt="an icon"> and *more*.\n',
            "See ![an icon](</i.png>) and *more*.\n",
            id="inline",
        ),
        pytest.param(
            '<li>\n  <h3>Tool</h3>\n  <img src="/t.png" alt="Tool">\n</li>\n',
            "- ## Tool\n\n  ![Tool](</t.png>)\n",
            id="list-item-alone",
        ),
        pytest.param(
            '<nav>\n<img src="/n.png" alt="N">\n</nav>\n',
            '<nav>\n<img src="/n.png" alt="N">\n</nav>\n',
            id="other-html-block-left",
        ),
        pytest.param(
            '<div class="callout">\n<img src="/a.png" alt="A sign">\n'
            "<aside>Placeholder text the page showed.</aside>\n</div>\n",
            '<div class="callout">\n<img src="/a.png" alt="A sign">\n'
            "<aside>Placeholder text the page showed.</aside>\n</div>\n",
            id="block-whose-text-would-be-lost-left",
        ),
        pytest.param(
            '<div class="warning">\n<img src="/a.png" alt="A sign">\n\nPlaceholder advice.\n</div>\n',
            '<div class="warning">\n<img src="/a.png" alt="A sign">\n\nPlaceholder advice.\n</div>\n',
            id="block-a-blank-line-cuts-left",
        ),
        pytest.param(
            '<figure>\n<img src="/a.png" alt="A">\n\n<figcaption>Steps</figcaption>\n</figure>\n',
            '<figure>\n<img src="/a.png" alt="A">\n\n<figcaption>Steps</figcaption>\n</figure>\n',
            id="figure-a-blank-line-cuts-left",
        ),
        pytest.param(
            '<div class="note" markdown="1">\n<img src="/a.png" alt="A sign">\n'
            "**Placeholder** text, [a link](https://example.com/).\n</div>\n",
            '<div class="note" markdown="1">\n\n![A sign](</a.png>)\n'
            "**Placeholder** text, [a link](https://example.com/).\n\n</div>\n",
            id="kramdown-markdown-block-keeps-its-markdown",
        ),
        pytest.param(
            '```\n<img src="/c.png" alt="C">\n```\n',
            '```\n<img src="/c.png" alt="C">\n```\n',
            id="code",
        ),
    ],
)
def test_html_images_become_markdown_images(body: str, expected: str) -> None:
    notes: list[str] = []
    assert html_images(body, "/posts/walks/", "walks.md", notes) == expected
    assert notes == []
