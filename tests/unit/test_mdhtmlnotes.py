"""The import's warnings for a Markdown post's HTML tags and its words in angle brackets."""

from __future__ import annotations

from pathlib import Path

from articlegen.authoring.mdhtmlnotes import html_notes


def test_words_in_angle_brackets_are_named_apart_from_html(tmp_path: Path) -> None:
    """'--from=cronjob/<name>' was named with the post's HTML ('its HTML (<name>)'), told to
    be written as Markdown, though the build shows it as written."""
    body = "Run `x <tag>` --from=cronjob/<name>.\n\nMail <your-email>, or <kbd>q</kbd>.\n"
    (file := tmp_path / "post.md").write_text("---\ntitle: T\n---\n" + body)
    assert html_notes(body, file) == [
        (
            "its HTML (<kbd> at line 6) is shown as text: write it as Markdown, or let HTML "
            "through with 'markdown: {allow_html: true}' in site.yaml",
            6,
        ),
        (
            "its words in angle brackets (<name> at line 4, <your-email> at line 6) are no "
            "HTML and are shown as written, where the old site may have hidden them as tags: "
            "check that they read as meant",
            4,
        ),
    ]


def test_a_custom_elements_or_svgs_tags_are_html(tmp_path: Path) -> None:
    body = '<my-card>Text</my-card> <path d="M0"/> <name>\n'
    notes = html_notes(body, None)
    assert notes[0][0].startswith("its HTML (<my-card>, <path>) is shown as text")
    assert notes[1][0].startswith("its words in angle brackets (<name>) are no HTML")
    assert html_notes("No tags, a < b.\n", None) == []
