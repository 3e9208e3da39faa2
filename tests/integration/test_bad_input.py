"""Every kind of bad input the issue lists: the exact message, exit 1, the previous site intact.

Inputs that must work (BOM, CRLF, a 5 MB article, 1,000 See Also items, cycles) are built and
their pages parsed. Error cases use ``built`` and ``rebuild_fails`` from test_invalid.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, article, parse
from tests.helpers import snapshot
from tests.integration.test_invalid import built, rebuild_fails, write

__all__ = ["built"]  # the fixture, imported for this module's tests

HEADER = "---\ntitle: C\ndate: 2024-01-01\n"


def only_error(err: str) -> str:
    """The single ``error:`` line about the input (the summary line dropped)."""
    lines = [line for line in err.splitlines() if line.startswith("error: content/")]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "---\ntitle: 'unclosed\ndate: 2024-01-01\n---\n",
            "error: content/c.md:2: invalid YAML: the quote opened on this line is never closed"
            " — end the value with the same quote it starts with",
            id="unclosed-quote",
        ),
        pytest.param(
            '---\ntitle: C\ndate: 2024-01-01\ndescription: "open\n---\nBody.\n',
            "error: content/c.md:4: invalid YAML: the quote opened on this line is never closed"
            " — end the value with the same quote it starts with",
            id="unclosed-double-quote",
        ),
        pytest.param(
            "---\ntitle: C\n\tdate: 2024-01-01\n---\n",
            "error: content/c.md:3: invalid YAML: found a tab character that violates indentation"
            " (while scanning a plain scalar) — indent with spaces, not tabs",
            id="tab-indented-key",
        ),
        pytest.param(
            "---\ntitle: C\ndate: 2024-01-01\ntags:\n\t- a\n---\n",
            "error: content/c.md:5: invalid YAML: found character that cannot start any token"
            " (while scanning for the next token) — indent with spaces, not tabs",
            id="tab-indented-item",
        ),
        pytest.param(
            "---\ntitle: C\ndate: 2024-01-01\ntitle: D\n---\n",
            "error: content/c.md:4: duplicate key 'title' (first set on line 2) — keep one of them",
            id="duplicate-key",
        ),
        pytest.param(
            "---\n- title\n- date\n---\n",
            "error: content/c.md:2: expected 'key: value' lines, found a list"
            " — write one 'key: value' per line",
            id="front-matter-is-a-list",
        ),
        pytest.param(
            "---\njust a sentence\n---\n",
            "error: content/c.md:2: expected 'key: value' lines, found a single value"
            " — write one 'key: value' per line",
            id="front-matter-is-a-scalar",
        ),
        pytest.param(
            "---\ntitle: C\ndate: 2024-01-01\n\nThe body, but no closing line.\n",
            "error: content/c.md:1: the front-matter is not closed"
            " — add a line '---' after the last key",
            id="missing-closing-line",
        ),
        pytest.param(
            "",
            "error: content/c.md:1: the file is empty"
            " — start it with a '---' header holding at least a title",
            id="empty-file",
        ),
        pytest.param(
            "\n  \n\n",
            "error: content/c.md:1: the file is empty"
            " — start it with a '---' header holding at least a title",
            id="blank-file",
        ),
        pytest.param(
            "Just some text.\n",
            "error: content/c.md:1: no front-matter: the file must start with a line '---'"
            " — add a header: ---, title: …, date: …, ---",
            id="no-front-matter",
        ),
        pytest.param(
            "---\ntitle: C\ndate: 2024-13-40\n---\n",
            "error: content/c.md:3: 'date' is not a real date: '2024-13-40' (month must be in"
            " 1..12)"
            " — write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]] (T or a space before the time),"
            " the time with an optional offset Z, +HH:MM, +HHMM or +HH, e.g. 2024-05-14,"
            " 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200",
            id="date-2024-13-40",
        ),
        pytest.param(
            "---\ntitle: C\ndate: yesterday\n---\n",
            "error: content/c.md:3: 'date' is not a valid date: 'yesterday'"
            " — write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]] (T or a space before the time),"
            " the time with an optional offset Z, +HH:MM, +HHMM or +HH, e.g. 2024-05-14,"
            " 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200",
            id="date-yesterday",
        ),
        pytest.param(
            "---\ntitle: " + "x" * 10_000 + "\ndate: 2024-01-01\n---\n",
            "error: content/c.md:2: 'title' is 10,000 characters long (at most 200)"
            " — shorten it; the rest belongs in 'description' or in the body",
            id="title-of-10000-characters",
        ),
        pytest.param(
            HEADER + "slug: " + "-".join(["word"] * 30) + "\n---\n",
            "error: content/c.md:4: slug is 149 characters long (at most 100)"
            " — write 'slug: " + "-".join(["word"] * 12) + "'",
            id="slug-too-long",
        ),
        pytest.param(
            "---\ntitle: C\x07\ndate: 2024-01-01\n---\n",
            "error: content/c.md:2: control character U+0007 at column 9"
            " — remove the control character (U+0007)",
            id="control-character",
        ),
        pytest.param(
            HEADER + "---\nBody \x01 \x0b\n",
            "error: content/c.md:5: control character U+0001 at column 6 (1 more in the file)"
            " — remove the control character (U+0001)",
            id="control-characters-in-the-body",
        ),
        pytest.param(
            HEADER + "---\nPage one.\n\x0cPage two.\n",
            "error: content/c.md:6: control character U+000C at column 1"
            " — remove the control character (U+000C)",
            id="form-feed",
        ),
        pytest.param(
            HEADER + "---\nDon\u0092t.\n",
            "error: content/c.md:5: control character U+0092 at column 4"
            " — remove the control character (U+0092)",
            id="c1-control-from-windows-1252",
        ),
        pytest.param(
            HEADER + "---\nA \ufffe B\n",
            "error: content/c.md:5: Unicode non-character U+FFFE at column 3"
            " — remove the Unicode non-character (U+FFFE)",
            id="non-character",
        ),
        pytest.param(
            '---\ntitle: "T \\x01 \\uFFFE"\ndate: 2024-01-01\n---\n',
            "error: content/c.md:2: 'title' contains control character U+0001"
            " — remove the escape that writes it (such as \\x01) from the quoted value",
            id="escaped-control-character-in-the-title",
        ),
        pytest.param(
            HEADER + 'description: "D \\b"\n---\n',
            "error: content/c.md:4: 'description' contains control character U+0008"
            " — remove the escape that writes it (such as \\b) from the quoted value",
            id="escaped-backspace-in-the-description",
        ),
        pytest.param(
            HEADER + 'tags:\n  - ok\n  - "\\uFFFF"\n---\n',
            "error: content/c.md:6: 'tags' contains Unicode non-character U+FFFF"
            " — remove the escape that writes it (such as \\uFFFF) from the quoted value",
            id="escaped-non-character-in-a-tag",
        ),
        pytest.param(
            "---\ntitle: !!python/object:os.system x\ndate: 2024-01-01\n---\n",
            "error: content/c.md:2: invalid value for 'title': could not determine a constructor"
            " for the tag 'tag:yaml.org,2002:python/object:os.system'"
            " — put the value in quotes to make it text",
            id="python-tag",
        ),
    ],
)
def test_malformed_files(built: Path, run_cli, text: str, expected: str) -> None:
    write(built, "c.md", text)
    assert only_error(rebuild_fails(built, run_cli)) == expected


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("a/b", "invalid slug 'a/b': use lowercase a-z, 0-9 and '-' only — write 'slug: a-b'"),
        ("../up", "invalid slug '../up': use lowercase a-z, 0-9 and '-' only — write 'slug: up'"),
        (
            "'my article'",
            "invalid slug 'my article': use lowercase a-z, 0-9 and '-' only"
            " — write 'slug: my-article'",
        ),
        (
            "Testosterone-Basics",
            "invalid slug 'Testosterone-Basics': use lowercase a-z, 0-9 and '-' only"
            " — write 'slug: testosterone-basics'",
        ),
        ("'..'", "invalid slug '..': use lowercase a-z, 0-9 and '-' only"),
    ],
)
def test_a_written_slug_must_be_a_slug(built: Path, run_cli, slug: str, expected: str) -> None:
    write(built, "c.md", HEADER + f"slug: {slug}\n---\n")
    assert only_error(rebuild_fails(built, run_cli)).startswith(
        f"error: content/c.md:4: {expected}"
    )


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        pytest.param(
            "['💊']",
            "error: content/c.md:4: tag '💊' has no letters or digits to make its URL"
            " from (URLs use a-z, 0-9 and '-', other letters spelt in those) — add a word,"
            " e.g. '💊 (health)': the page shows the tag as written, its URL the word",
            id="emoji-only-tag",
        ),
        pytest.param(
            "[ok, '" + "x" * 300 + "']",
            "error: content/c.md:4: the slug of tag '" + "x" * 40 + "…' is 300 characters long"
            " (at most 100) — shorten the tag: its slug names its page's folder",
            id="tag-too-long-for-a-folder-name",
        ),
    ],
)
@pytest.mark.parametrize("command", ["build", "check"])
def test_tags_that_cannot_name_a_page(
    built: Path, run_cli, command: str, tags: str, expected: str
) -> None:
    """Caught when the file is read, so ``check --strict`` fails as the build would (a tag of
    300 letters used to pass ``check`` and fail the build with "File name too long")."""
    write(built, "c.md", HEADER + f"tags: {tags}\n---\n")
    if command == "build":
        assert only_error(rebuild_fails(built, run_cli)) == expected
    else:
        code, _, err = run_cli("check", "--strict", "--site", built)
        assert (code, only_error(err)) == (1, expected)


def test_a_tag_in_another_script_names_its_page_transliterated(built: Path, run_cli) -> None:
    write(built, "c.md", HEADER + "tags: ['健康 (health)', Здоровье]\n---\n")
    assert run_cli("build", "--site", built)[0] == 0
    page = parse(built / "public/tags/jian-kang-health/index.html")
    assert page.css_first("h1").text() == "Tagged “健康 (health)”"
    page = parse(built / "public/tags/zdorove/index.html")
    assert page.css_first("h1").text() == "Tagged “Здоровье”"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            'Read <a href="javascript:alert(1)">this</a>.\n',
            "error: content/c.md:5: raw HTML <a href=\"javascript:alert(1)\">: 'javascript:' URLs"
            " are never published — link to a page or an https:// address, or remove the"
            " attribute",
            id="inline-javascript-link",
        ),
        pytest.param(
            'Text.\n\n<div>\n<a href="&#x20;VBScript&#x3a;msgbox(1)">x</a>\n</div>\n',
            "error: content/c.md:8: raw HTML <a href=\" VBScript:msgbox(1)\">: 'vbscript:' URLs"
            " are never published — link to a page or an https:// address, or remove the"
            " attribute",
            id="entity-written-vbscript-link-in-a-block",
        ),
        pytest.param(
            '<iframe src="data:text/html;base64,PHNjcmlwdD4="></iframe>\n',
            'error: content/c.md:5: raw HTML <iframe src="data:text/html;base64,PHNjcmlwdD4=">:'
            " 'data:' URLs are never published — link to a page or an https:// address, or"
            " remove the attribute",
            id="data-url-frame",
        ),
    ],
)
def test_raw_html_may_not_publish_script_urls(built: Path, run_cli, body: str, expected: str):
    """The issue promises javascript:, vbscript: and data: (non-image) targets are never
    emitted; with raw HTML allowed, that is checked in the HTML as a browser reads it."""
    (built / "site.yaml").write_text(SITE_YAML + "markdown: {allow_html: true}\n")
    assert run_cli("build", "--site", built)[0] == 0
    write(built, "c.md", HEADER + "---\n" + body)
    assert only_error(rebuild_fails(built, run_cli)) == expected


def test_raw_html_with_safe_urls_builds(built: Path, run_cli) -> None:
    (built / "site.yaml").write_text(SITE_YAML + "markdown: {allow_html: true}\n")
    png = "data:image/png;base64,iVBORw0KGgo="
    body = f'<a href="https://example.org/">x</a> <img src="{png}" alt="A dot">\n'
    write(built, "c.md", HEADER + "---\n" + body)
    assert run_cli("build", "--site", built)[0] == 0
    page = parse(built / "public/c/index.html")
    assert page.css_first("article img").attributes["src"] == png


def test_file_names_are_normalised_into_slugs(built: Path, run_cli) -> None:
    write(built, "Low Testosterone FAQ.md", article("Low T"))
    assert run_cli("build", "--site", built)[0] == 0
    assert parse(built / "public/low-testosterone-faq/index.html").css_first("h1").text() == "Low T"


def test_two_files_with_one_slug_after_normalising(built: Path, run_cli) -> None:
    write(built, "Low T.md", article("One"))
    write(built, "low-t.md", article("Two"))
    assert only_error(rebuild_fails(built, run_cli)) == (
        "error: content/low-t.md:1: duplicate slug 'low-t': content/Low T.md has it too"
        " — give one of them a different 'slug:' or file name"
    )


def test_file_with_only_front_matter_builds(built: Path, run_cli) -> None:
    write(built, "c.md", HEADER + "---")
    assert run_cli("build", "--site", built)[0] == 0
    page = parse(built / "public/c/index.html")
    assert page.css_first("h1").text() == "C"


def test_utf8_bom_is_accepted(built: Path, run_cli) -> None:
    (built / "content/c.md").write_bytes(b"\xef\xbb\xbf" + (HEADER + "---\nBody.\n").encode())
    assert run_cli("build", "--site", built)[0] == 0
    assert parse(built / "public/c/index.html").css_first("h1").text() == "C"


def test_crlf_line_endings_work(built: Path, run_cli) -> None:
    text = HEADER + "see_also: [beta]\n---\nFirst line.\n\n## Part two\n\nMore [[Alpha]].\n"
    (built / "content/c.md").write_bytes(text.replace("\n", "\r\n").encode())
    assert run_cli("build", "--site", built)[0] == 0
    html = (built / "public/c/index.html").read_text()
    assert "\r" not in html
    page = parse(built / "public/c/index.html")
    assert page.css_first("h2#part-two") is not None
    assert page.css_first("a.internal").attributes["href"] == "/a/"
    write(built, "c.md", "")
    (built / "content/c.md").write_bytes(b"---\r\ntitle: C\r\ndate: nope\r\n---\r\n")
    assert "error: content/c.md:3: 'date' is not a valid date: 'nope'" in rebuild_fails(
        built, run_cli
    )


def test_utf16_file_is_not_utf8(built: Path, run_cli) -> None:
    (built / "content/c.md").write_bytes((HEADER + "---\n").encode("utf-16"))
    assert only_error(rebuild_fails(built, run_cli)) == (
        "error: content/c.md:1: not UTF-8 text: byte 0xff at offset 0"
        " — save the file as UTF-8 in your editor"
    )


def test_latin1_byte_is_named_with_its_line_and_offset(built: Path, run_cli) -> None:
    (built / "content/c.md").write_bytes((HEADER + "---\nCaf").encode() + b"\xe9 au lait.\n")
    assert only_error(rebuild_fails(built, run_cli)) == (
        "error: content/c.md:5: not UTF-8 text: byte 0xe9 at offset 37"
        " — save the file as UTF-8 in your editor"
    )


def test_a_5_mb_article_builds(built: Path, run_cli) -> None:
    paragraph = "Sleep, training and food all shape testosterone levels. " * 20
    body = "\n\n".join(f"{paragraph}Paragraph {n}." for n in range(4_500))
    write(built, "c.md", HEADER + "---\n" + body + "\n")
    assert (built / "content/c.md").stat().st_size > 5_000_000
    assert run_cli("build", "--site", built)[0] == 0
    paragraphs = parse(built / "public/c/index.html").css("article p")
    assert paragraphs[-1].text().endswith("Paragraph 4499.")


def test_1000_see_also_items(built: Path, run_cli) -> None:
    for n in range(1000):
        write(built, f"t{n}.md", article(f"Topic {n}"))
    items = "".join(f"  - t{n}\n" for n in range(1000))
    write(built, "c.md", HEADER + "see_also:\n" + items + "---\nHub.\n")
    assert run_cli("build", "--site", built)[0] == 0
    links = parse(built / "public/c/index.html").css(".see-also li a")
    assert len(links) == 1000
    assert links[999].attributes["href"] == "/t999/"
    backlink = parse(built / "public/t5/index.html").css_first(".linked-from a")
    assert backlink.attributes["href"] == "/c/"


def test_see_also_cycles_are_fine(built: Path, run_cli) -> None:
    write(built, "a.md", article("Alpha", see_also="[beta]"))
    write(built, "b.md", article("Beta", slug="beta", see_also="[gamma]"))
    write(built, "g.md", article("Gamma", slug="gamma", see_also="[a]"))
    assert run_cli("build", "--site", built)[0] == 0
    for slug, linked, linker in [("a", "/beta/", "/gamma/"), ("gamma", "/a/", "/beta/")]:
        page = parse(built / f"public/{slug}/index.html")
        assert page.css_first(".see-also a").attributes["href"] == linked
        assert page.css_first(".linked-from a").attributes["href"] == linker


def test_symlink_to_a_file_outside_the_site_is_refused(built: Path, run_cli, tmp_path) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text(article("Elsewhere"))
    (built / "content/c.md").symlink_to(outside)
    assert only_error(rebuild_fails(built, run_cli)) == (
        f"error: content/c.md: symbolic link pointing outside the site ({outside.resolve()})"
        " — copy the file into content/ instead of linking to it"
    )


def test_symlink_to_a_folder_outside_the_site_is_refused(built: Path, run_cli, tmp_path) -> None:
    outside = tmp_path / "more"
    outside.mkdir()
    (outside / "d.md").write_text(article("Delta"))
    (built / "content/more").symlink_to(outside, target_is_directory=True)
    assert only_error(rebuild_fails(built, run_cli)) == (
        f"error: content/more: symbolic link pointing outside the site ({outside.resolve()})"
        " — copy the folder into content/ instead of linking to it"
    )


def test_symlink_inside_the_site_is_followed(built: Path, run_cli) -> None:
    (built / "drafts").mkdir()
    (built / "drafts/d.md").write_text(article("Delta", see_also="[a]"))
    (built / "content/d.md").symlink_to(built / "drafts/d.md")
    assert run_cli("build", "--site", built)[0] == 0
    assert (built / "public/d/index.html").is_file()


def test_broken_symlink(built: Path, run_cli) -> None:
    (built / "content/c.md").symlink_to(built / "content/gone.md")
    assert only_error(rebuild_fails(built, run_cli)) == (
        f"error: content/c.md: broken symbolic link (to {built / 'content/gone.md'})"
        " — remove it, or point it at an existing file"
    )


def test_missing_site_yaml_suggests_init(built: Path, run_cli) -> None:
    (built / "site.yaml").unlink()
    code, _, err = run_cli("build", "--site", built)
    assert code == 1
    assert err == (
        f"error: site.yaml: no site.yaml in {built}"
        " — run in the site folder, pass --site DIR, or start one with 'articlegen init'\n"
    )


def test_articles_with_nothing_wrong_still_build_after_a_fix(built: Path, run_cli) -> None:
    write(built, "c.md", "---\ntitle: 'open\n---\n")
    rebuild_fails(built, run_cli)
    os.remove(built / "content/c.md")
    before = snapshot(built / "public")
    assert run_cli("build", "--site", built)[0] == 0
    assert snapshot(built / "public") == before
