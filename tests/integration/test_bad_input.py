"""Bad input, one case per error: the exact message, exit 1, the previous site intact.

Every error case breaks a site built once (``built``) and checks with ``rebuild_fails`` that
the build ends with exit 1 and no traceback, leaving the previous output byte for byte as it
was. Inputs that must work (BOM, CRLF, a 5 MB article, 1,000 See Also items, cycles) are built
and their pages parsed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, article, parse
from tests.helpers import NOTHING_WRITTEN, failure_summary, snapshot

GOOD = {"a.md": article("Alpha", see_also="[beta]"), "b.md": article("Beta", slug="beta")}


@pytest.fixture
def built(site, run_cli):
    """A site built once successfully; tests break it and check the output is untouched."""
    root = site(GOOD)
    code, _, err = run_cli("build", "--site", root)
    assert code == 0, err
    return root


def rebuild_fails(root: Path, run_cli) -> str:
    before = snapshot(root / "public")
    code, _out, err = run_cli("build", "--site", root)
    assert code == 1
    assert "Traceback" not in err
    assert snapshot(root / "public") == before
    assert not [p for p in root.iterdir() if ".staging" in p.name]
    return err


def write(root: Path, name: str, text: str) -> None:
    (root / "content" / name).write_text(text, encoding="utf-8")


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
            " — end the value with the same quote it starts with: title: 'unclosed'",
            id="unclosed-quote",
        ),
        pytest.param(
            '---\ntitle: C\ndate: 2024-01-01\ndescription: "open\n---\nBody.\n',
            "error: content/c.md:4: invalid YAML: the quote opened on this line is never closed"
            ' — end the value with the same quote it starts with: description: "open"',
            id="unclosed-double-quote",
        ),
        pytest.param(
            '---\ntitle: "C\ndate: "2024-01-01"\n---\n',
            "error: content/c.md:2: invalid YAML: the double quote opened on this line is not"
            " closed on it, so YAML read the lines after it, up to the next one on line 3, as"
            ' part of the value — end the value with the same quote it starts with: title: "C"',
            id="quote-closed-by-the-next-line-s",
        ),
        pytest.param(
            "---\ntitle: C\n\tdate: 2024-01-01\n---\n",
            "error: content/c.md:3: invalid YAML: a tab where YAML takes only spaces"
            " — indent with spaces, not tabs",
            id="tab-indented-key",
        ),
        pytest.param(
            "---\ntitle: C\ndate: 2024-01-01\ntags:\n\t- a\n---\n",
            "error: content/c.md:5: invalid YAML: a tab where YAML takes only spaces"
            " — indent with spaces, not tabs",
            id="tab-indented-item",
        ),
        pytest.param(
            "---\ntitle: [Draft] C\ndate: 2024-01-01\n---\n",
            "error: content/c.md:2: invalid YAML: a value starting with '[' is read as a list"
            ' — put the value in quotes: title: "[Draft] C"',
            id="bracketed-start-of-title",
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
            " — add a line '---' after line 3, where its keys end",
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
            'title: "C"\ndate: 2024-01-01\n---\n\nText.\n',
            "error: content/c.md:1: no front-matter: the header's keys, lines 1 to 2, have no"
            " '---' line above them, only below — add a line '---' before line 1, as the file's"
            " first line",
            id="no-opening-line",
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
            "---\ntitle: Invoice \u202egpj.exe\ndate: 2024-01-01\n---\n",
            "error: content/c.md:2: 'title' contains the invisible right-to-left override U+202E"
            " at character 9 of its value: it makes the text show in another order than it is"
            " written — delete it (an editor shows it with 'show invisible characters'; in a"
            " quoted value it may be written \\u202E): right-to-left text shows in its order"
            " without it",
            id="right-to-left-override-in-the-title",
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
        pytest.param(
            "---\ntitle: C\ndate 2024-01-01\ntags: [a]\n---\n",
            "error: content/c.md:3: invalid YAML: no ':' after 'date' on this line"
            " — write date: 2024-01-01 (a key ends with ':')",
            id="key-without-its-colon",
        ),
        pytest.param(
            HEADER + "image:\n  src images/a.png\n  alt: A chart\n---\n",
            "error: content/c.md:5: invalid YAML: no ':' after 'src' on this line"
            " — write src: images/a.png (a key ends with ':')",
            id="key-without-its-colon-over-an-indented-key",
        ),
        pytest.param(
            "---\ntitle: C\ndate:2024-01-01\ntags: [a]\n---\n",
            "error: content/c.md:3: invalid YAML: no space after the ':' of 'date' on this line"
            " — write date: 2024-01-01 (YAML ends a key only at a ':' followed by a space)",
            id="key-without-a-space-after-its-colon",
        ),
        pytest.param(
            HEADER + "references:\n  - id: a\n   title: T\n    url: https://example.org/\n---\n",
            "error: content/c.md:6: invalid YAML: 'title' is indented 3 spaces, and 'id' on the"
            " line above it 4 spaces — indent it as 'id' is: write '    title: T'",
            id="key-indented-otherwise-than-the-key-above",
        ),
        pytest.param(
            "---\ntitle: \u201cSleep: A Guide\u201d\ndate: 2024-01-01\n---\n",
            "error: content/c.md:2: invalid YAML: a value holding ': ' (a colon and a space) must"
            " be in quotes, and YAML takes only straight quotes (\" and ') as quotes, not the"
            ' curly ones around it — write straight quotes: title: "Sleep: A Guide"',
            id="curly-quotes-around-a-colon",
        ),
        pytest.param(
            "---\ntitle: \u201cSleep Basics\u201d\ndate: 2024-01-01\n---\n",
            "error: content/c.md:2: 'title' is written between curly quotes, \u201cSleep"
            " Basics\u201d, and YAML takes only straight quotes (\" and ') as quotes: the curly"
            ' ones would be part of the text — write straight quotes, title: "Sleep Basics"; to'
            " show the curly quotes, put the whole value in straight ones, title:"
            " '\u201cSleep Basics\u201d'",
            id="curly-quotes-around-the-title",
        ),
        pytest.param(
            HEADER + "see_also: [\u201cbeta\u201d]\n---\nBody.\n",
            "error: content/c.md:4: an item of 'see_also' is written between curly quotes,"
            " \u201cbeta\u201d, and YAML takes only straight quotes (\" and ') as quotes: the"
            ' curly ones would be part of the text — write straight quotes, "beta"; to show the'
            " curly quotes, put the whole item in straight ones, '\u201cbeta\u201d'",
            id="curly-quotes-around-a-see-also-item-and-no-link-error-too",
        ),
    ],
)
def test_malformed_files(built: Path, run_cli, text: str, expected: str) -> None:
    write(built, "c.md", text)
    assert only_error(rebuild_fails(built, run_cli)) == expected


DEEPER = (
    "error: content/c.md:5: see_also '{}' is one item to YAML, not 2: '- {}' is indented further"
    " than the '- beta' above it, so YAML reads it as more words of that item (each part names an"
    " article) — start each '- ' of the list at the same indent as the first, or write see_also:"
    " [beta, {}]"
)
LESS = (
    "error: content/c.md:6: invalid YAML: the list item '- a' is indented by {} less than the"
    " '- beta' above it ({}), so YAML reads it as outside that list — start each '- ' of a list"
    " at the same indent: {} before '- a'"
)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        pytest.param("  - beta\n    - a\n", DEEPER.format("beta - a", "a", "a"), id="deeper"),
        pytest.param(
            "- beta\n  - Alpha\n", DEEPER.format("beta - Alpha", "Alpha", "Alpha"), id="deeper-0"
        ),
        pytest.param(
            "    - beta\n  - a\n", LESS.format("2 spaces,", "4 spaces", "4 spaces"), id="less"
        ),
        pytest.param(
            "  - beta\n - a\n", LESS.format("1 space,", "2 spaces", "2 spaces"), id="less-1"
        ),
        pytest.param(
            "  - beta\n- a\n", LESS.format("0 spaces,", "2 spaces", "2 spaces"), id="less-0"
        ),
    ],
)
def test_a_misindented_see_also_list_says_so_not_did_you_mean(
    built: Path, run_cli, items: str, expected: str
) -> None:
    """A second '- ' indented further than the first is more words of the first item to YAML
    ('beta - a'), which matched no article and offered the closest title; one indented less
    was YAML's 'did not find expected key'. Each says what YAML read and how to indent."""
    write(built, "c.md", f"{HEADER}see_also:\n{items}---\nBody.\n")
    error = only_error(rebuild_fails(built, run_cli))
    assert error == expected and "did you mean" not in error
    write(built, "c.md", f"{HEADER}see_also:\n  - beta\n  - a\n---\nBody.\n")  # as the hint says
    code, _, err = run_cli("build", "--site", built)
    assert code == 0, err


REFERENCES = "references:\n  - id: example-2020\n    title: Example\n"
URL = "url: https://example.org/study\n"


@pytest.mark.parametrize(
    ("header", "expected", "fixed"),
    [
        pytest.param(
            f"{REFERENCES}      {URL}",
            "error: content/c.md:7: invalid YAML: 'url' is indented 6 spaces, and 'title' on the"
            " line above it 4 spaces — indent it as 'title' is: write '    url:"
            " https://example.org/study'",
            f"{REFERENCES}    {URL}",
            id="key-further",
        ),
        pytest.param(
            f"{REFERENCES}    authors:\n      - Example A\n   {URL}",
            "error: content/c.md:9: invalid YAML: 'url' is indented 3 spaces, and 'authors' above"
            " it 4 spaces — indent it as 'authors' is: write '    url: https://example.org/study'",
            f"{REFERENCES}    authors: Example A\n    {URL}",
            id="key-after-a-list",
        ),
        pytest.param(
            f"{REFERENCES}    {URL}   - id: example-2021\n    title: Other\n    {URL}",
            "error: content/c.md:8: invalid YAML: the list item '- id: example-2021' is indented"
            " by 3 spaces, more than the '- id: example-2020' above it (2 spaces), so YAML reads"
            " it as inside that item, where no list can start — start each '- ' of a list at the"
            " same indent: 2 spaces before '- id: example-2021'",
            f"{REFERENCES}    {URL}  - id: example-2021\n    title: Other\n    {URL}",
            id="item-further",
        ),
        pytest.param(
            "tags:\n  - sleep\n  -heart\n",
            "error: content/c.md:6: invalid YAML: '-heart' has no space after its '-', so YAML"
            " reads it as a text, not as an item of the list — put a space after the '-': write"
            " '  - heart'",
            "tags:\n  - sleep\n  - heart\n",
            id="item-without-space",
        ),
        pytest.param(
            f"references:\n  -id: example-2020\n    title: Example\n    {URL}",
            "error: content/c.md:5: invalid YAML: '-id: example-2020' has no space after its '-',"
            " so YAML reads it as a text, not as an item of the list — put a space after the '-':"
            " write '  - id: example-2020'",
            f"{REFERENCES}    {URL}",
            id="mapping-item-without-space",
        ),
    ],
)
def test_a_misindented_item_of_a_list_of_mappings_or_one_without_its_space_says_so(
    built: Path, run_cli, header: str, expected: str, fixed: str
) -> None:
    """Each got PyYAML's words about its parser ("mapping values are not allowed in this
    context", "did not find expected '-' indicator", "could not find expected ':'"): now
    what is wrong at its line, and the line to write, which builds."""
    write(built, "c.md", f"{HEADER}{header}---\nBody.\n")
    assert only_error(rebuild_fails(built, run_cli)) == expected
    write(built, "c.md", f"{HEADER}{fixed}---\nBody.\n")
    code, _, err = run_cli("build", "--site", built)
    assert code == 0, err


def test_a_menu_item_of_site_yaml_without_its_space_says_so(built: Path, run_cli) -> None:
    menu = (
        "menu:\n  - title: Code\n    link: https://example.org/code\n"
        "  -title: Feed\n    link: https://example.org/feed\n"
    )
    (built / "site.yaml").write_text(SITE_YAML + menu, encoding="utf-8")
    err = rebuild_fails(built, run_cli)
    line = len(SITE_YAML.splitlines()) + 4
    assert (
        f"error: site.yaml:{line}: invalid YAML: '-title: Feed' has no space after its '-', so"
        " YAML reads it as a text, not as an item of the list — put a space after the '-':"
        " write '  - title: Feed'"
    ) in err.splitlines()
    (built / "site.yaml").write_text(SITE_YAML + menu.replace("-title", "- title"), "utf-8")
    code, _, err = run_cli("build", "--site", built)
    assert code == 0, err


FOOTNOTE = "'[^1]: …' is a Markdown footnote, which articlegen does not have: [^1] cites an entry "


@pytest.mark.parametrize(
    "definition",
    [
        pytest.param("[^1]: As a plain note.", id="in-a-paragraph"),
        pytest.param("[^1]: https://example.org/note", id="read-as-a-link-reference"),
    ],
)
def test_a_markdown_footnote_is_an_error_at_its_definition(
    built: Path, run_cli, definition: str
) -> None:
    """A reference with the footnote's id resolves the citation, so only the definition is
    wrong: it was published as a paragraph '[1]: …', or dropped, without a word."""
    references = "references:\n  - {id: '1', title: A source, url: https://example.org/s}\n"
    write(built, "c.md", f"{HEADER}{references}---\nText[^1].\n\n{definition}\n")
    assert only_error(rebuild_fails(built, run_cli)) == (
        f"error: content/c.md:9: {FOOTNOTE}of the article's 'references:' — for a source, add it "
        "to 'references:' (id: 1, title, url) and delete this line; for a remark, write it in "
        "the text"
    )


@pytest.mark.parametrize(
    ("label", "kind"),
    [("[^]", " without an id"), ("[^Sleep study]", ""), ("[ ^Sleep  study]", "")],
)
def test_a_footnote_label_no_citation_can_name_is_told_how_to_name_its_source(
    built: Path, run_cli, label: str, kind: str
) -> None:
    """'[^]:' or '[^Sleep study]:' has no id a citation can name: the hint names one to
    choose; the label is shown as written (markdown-it keeps it upper-cased)."""
    write(built, "c.md", f"{HEADER}---\nText.\n\n{label}: https://example.org/note\n")
    shown = "[^]" if kind else "[^Sleep study]"
    assert only_error(rebuild_fails(built, run_cli)) == (
        f"error: content/c.md:7: '{shown}: …' is a Markdown footnote{kind}, which articlegen"
        " does not have: [^short-name] cites an entry of the article's 'references:' — for a"
        " source, add it to 'references:' (id: short-name, title, url), cite it as"
        " [^short-name] (an id has no spaces) and delete this line; for a remark, write it in"
        " the text"
    )


def test_a_wiki_link_split_by_a_table_cell_is_an_error_at_its_row(built: Path, run_cli) -> None:
    """The '|' of [[slug|text]] ends a table's cell: the page showed '[[beta' as text, the
    link never checked, and the cell after it lost."""
    table = "| Topic | Read |\n|---|---|\n| B | [[beta|the beta note]] |\n"
    write(built, "c.md", f"{HEADER}---\nIntro.\n\n{table}")
    assert only_error(rebuild_fails(built, run_cli)) == (
        "error: content/c.md:9: link '[[beta' is never closed with ']]', so the page would show "
        "it as text — close it, [[slug]] or [[slug|text]] (in a table, write that '|' as '\\|'); "
        "to show the brackets as text, write '\\[['"
    )
    escaped = table.replace("beta|", "beta\\|")  # as the hint says
    write(built, "c.md", f"{HEADER}---\nIntro.\n\n{escaped}")
    code, _, err = run_cli("build", "--site", built)
    assert code == 0, err
    link = parse(built / "public" / "c" / "index.html").css_first("td a.internal")
    assert (link.attributes["href"], link.text()) == ("/beta/", "the beta note")


@pytest.mark.parametrize(
    "header",
    [
        "title: C\ndate 2024-01-01\n",  # a key without its colon
        "title: C\n\tdate: 2024-01-01\n",  # a tab
        "title: \u201cC: D\u201d\ndate: 2024-01-01\n",  # curly quotes around a colon
        "title: [Draft] C\ndate: 2024-01-01\n",
    ],
)
def test_a_yaml_error_is_one_line_without_the_parser_s_words(
    built: Path, run_cli, header: str
) -> None:
    """Under each of these errors, said in words, the build printed PyYAML's own first line
    as 'caused by: ScannerError: while scanning a simple key' (or 'for the next token'):
    the parser's words, which tell an author nothing more."""
    write(built, "c.md", f"---\n{header}---\nBody.\n")
    err = rebuild_fails(built, run_cli)
    assert [line for line in err.splitlines() if not line.startswith("error: ")] == []
    assert only_error(err).startswith("error: content/c.md:")


def test_an_image_whose_file_name_holds_a_space_is_an_error_at_its_line(
    built: Path, run_cli
) -> None:
    """A photo saved as 'my photo.jpg' and shown with ![…](images/my photo.jpg) was published
    as that Markdown text, without a word: an address ends at a space."""
    (built / "static" / "images").mkdir(parents=True, exist_ok=True)
    (built / "static" / "images" / "my photo.gif").write_bytes(
        bytes.fromhex(
            "47494638396101000100800000000000ffffff21f90401000000002c000000000100010000020144003b"
        )
    )
    write(built, "c.md", f"{HEADER}---\nIntro.\n\n![A photo](images/my photo.gif)\n")
    assert only_error(rebuild_fails(built, run_cli)) == (
        "error: content/c.md:7: image 'images/my photo.gif' holds a space, so Markdown reads no"
        " image there and the page would show it as written — write the address in angle"
        " brackets, ![A photo](<images/my photo.gif>), or each space as %20 (or rename the file"
        " without spaces)"
    )
    write(built, "c.md", f"{HEADER}---\nIntro.\n\n![A photo](<images/my photo.gif>)\n")
    code, _, err = run_cli("build", "--site", built)
    assert code == 0, err
    image = parse(built / "public" / "c" / "index.html").css_first(".body img")
    assert (image.attributes["src"], image.attributes["alt"]) == (
        "/images/my%20photo.gif",
        "A photo",
    )


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
        pytest.param(
            "[heart, -sleep]",
            "error: content/c.md:4: tag '-sleep' starts with '-': YAML reads a list item"
            " without a space after its '-' as text, and the '-' as part of the tag — write"
            " tags: [sleep], or each tag on its own line as '- tag'",
            id="flow-item-with-a-dash",
        ),
        pytest.param(
            "\n  -sleep\n  -heart",  # YAML joins the lines into one text
            "error: content/c.md:4: tag '-sleep -heart' starts with '-': YAML reads a list"
            " item without a space after its '-' as text, and the '-' as part of the tag —"
            " write tags: [sleep, heart], or each tag on its own line as '- tag'",
            id="block-items-without-a-space",
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


def test_two_files_named_alike_but_for_unicode_normalisation(built: Path, run_cli) -> None:
    """café.md copied from a Mac (e and a combining accent) beside one typed here (é): the
    error named one name twice, to the eye, and said nothing of what tells them apart."""
    write(built, "cafe\u0301.md", article("One"))
    write(built, "caf\u00e9.md", article("Two"))
    error, _summary = rebuild_fails(built, run_cli).splitlines()
    assert error == (
        "error: content/caf\u00e9.md:1: duplicate slug 'cafe': content/cafe\u0301.md has it too"
        " (the two names look the same: one writes an accented letter as one character, the"
        " other as a letter and a separate accent mark, as macOS saves names; delete the copy"
        " you do not need) — give one of them a different 'slug:' or file name"
    )


def test_two_folders_index_md_are_offered_the_slug_of_their_folder(built: Path, run_cli) -> None:
    """Page bundles written by hand, as Hugo keeps them: each index.md is slug 'index'."""
    for folder in ("zinc-basics", "vitamin-d"):
        (built / "content/posts" / folder).mkdir(parents=True)
    write(built, "posts/zinc-basics/index.md", article("Zinc Basics"))
    write(built, "posts/vitamin-d/index.md", article("Vitamin D"))
    assert only_error(rebuild_fails(built, run_cli)) == (
        "error: content/posts/zinc-basics/index.md:1: duplicate slug 'index':"
        " content/posts/vitamin-d/index.md has it too — a file's slug is its name, here"
        " 'index': write 'slug: zinc-basics' in it, or name the file content/posts/zinc-basics.md"
    )


def test_a_file_name_or_slug_windows_keeps_is_a_warning(built: Path, run_cli) -> None:
    """content/con.md (or a page at /aux/) builds here, but a repository holding it cannot
    be checked out on Windows, nor the page's folder be written there."""
    write(built, "con.md", article("Con Artists"))
    write(built, "auxiliary.md", article("Auxiliary").replace("title:", "slug: aux\ntitle:", 1))
    code, _, err = run_cli("build", "--site", built)
    assert code == 0
    devices = "(CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9)"
    assert err.splitlines() == [
        f"warning: content/auxiliary.md:2: the slug 'aux' is a name Windows keeps for a device"
        f" {devices}: a build on Windows cannot write its page's folder, aux/ — choose another"
        " 'slug:'",
        f"warning: content/con.md:1: the file name 'con.md' is a name Windows keeps for a device"
        f" {devices}: a repository holding it cannot be checked out on Windows — rename the"
        " file to a longer name",
    ]


@pytest.mark.parametrize(
    ("path", "hint"),
    [
        (
            "posts/zinc-basics/index.md",
            "a file's slug is its name, here 'index': write 'slug: zinc-basics' in it,"
            " or name the file content/posts/zinc-basics.md",
        ),
        ("index.md", "name the file after its subject, or write 'slug: …' in it"),
    ],
)
def test_a_lone_index_md_is_published_at_index_with_a_warning(
    built: Path, run_cli, path: str, hint: str
) -> None:
    """One page bundle written by hand builds, as its name says, but not where it was meant."""
    (built / "content" / path).parent.mkdir(parents=True, exist_ok=True)
    write(built, path, article("Zinc Basics"))
    code, _, err = run_cli("build", "--site", built)
    assert code == 0
    assert err.splitlines() == [
        f"warning: content/{path}:1: 'Zinc Basics' is published at /index/, its file being"
        f" named index.md — {hint}"
    ]
    assert parse(built / "public/index/index.html").css_first("h1").text() == "Zinc Basics"
    write(built, path, article("Zinc Basics").replace("title:", "slug: zinc-basics\ntitle:", 1))
    code, _, err = run_cli("build", "--site", built)
    assert code == 0
    assert err.startswith(  # the last build published it at /index/: links there now fail
        f"note: content/{path}: https://example.test/index/ no longer leads to it (now at"
        " https://example.test/zinc-basics/)"
    )
    assert len(err.splitlines()) == 1


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


def test_a_bidi_control_quoted_in_an_error_is_shown_as_its_code_point(built: Path, run_cli) -> None:
    """A See Also entry holding a right-to-left override names no article; the error quoting
    it prints the override as U+202E, so that the line does not show reordered."""
    (built / "content/c.md").write_text(HEADER + "see_also:\n  - ex\u202eelpma\n---\nBody.\n")
    err = rebuild_fails(built, run_cli)
    assert "\u202e" not in err
    assert "error: content/c.md:5: see_also 'ex<U+202E>elpma' matches no article" in err


def test_utf16_file_is_not_utf8(built: Path, run_cli) -> None:
    (built / "content/c.md").write_bytes((HEADER + "---\n").encode("utf-16"))
    assert only_error(rebuild_fails(built, run_cli)) == (
        "error: content/c.md:1: not UTF-8 text: the file is UTF-16 (it starts with UTF-16's"
        " byte order mark) — save the file as UTF-8 in your editor (not 'UTF-16' or 'Unicode')"
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


@pytest.mark.parametrize(
    ("files", "links", "expected"),
    [
        pytest.param(
            {},
            {"content/second.md": "a.md"},
            "error: content/second.md: symbolic link to content/a.md: the same article would be"
            " published twice, at /second/ and at /a/ — delete the link; for a second address"
            " that leads to the article, add 'aliases: [/second/]' to content/a.md",
            id="to another article",
        ),
        pytest.param(
            {"drafts/d.md": article("Delta")},
            {"content/d.md": "../drafts/d.md", "content/e.md": "../drafts/d.md"},
            "error: content/e.md: symbolic link to drafts/d.md, which content/d.md links to as"
            " well: the same article would be published twice, at /e/ and at /d/ — delete the"
            " link; for a second address that leads to the article, add 'aliases: [/e/]' to"
            " content/d.md",
            id="two to one file outside content",
        ),
        pytest.param(  # not also as a duplicate slug, whose fix (another slug) would not apply
            {},
            {"content/beta-again.md": "b.md"},
            "error: content/beta-again.md: symbolic link to content/b.md: the same article would"
            " be published twice at /beta/ — delete the link",
            id="to an article with a slug",
        ),
        pytest.param(  # named a page: it is the About page that would be there twice
            {"content/pages/about.md": "---\ntitle: About\n---\nWho we are.\n"},
            {"content/pages/about-us.md": "about.md"},
            "error: content/pages/about-us.md: symbolic link to content/pages/about.md: the same"
            " page would be published twice, at /about-us/ and at /about/ — delete the link; for"
            " a second address that leads to the page, add 'aliases: [/about-us/]' to"
            " content/pages/about.md",
            id="to a page",
        ),
    ],
)
def test_symlink_to_a_file_read_already_is_refused_as_a_second_copy(
    built: Path, run_cli, files: dict[str, str], links: dict[str, str], expected: str
) -> None:
    for name, text in files.items():
        (built / name).parent.mkdir(parents=True, exist_ok=True)
        (built / name).write_text(text)
    for name, target in links.items():
        (built / name).symlink_to(target)
    assert only_error(rebuild_fails(built, run_cli)) == expected


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
        "error: 1 error; nothing was written, the previous output is untouched\n"
    )


def test_articles_with_nothing_wrong_still_build_after_a_fix(built: Path, run_cli) -> None:
    write(built, "c.md", "---\ntitle: 'open\n---\n")
    rebuild_fails(built, run_cli)
    os.remove(built / "content/c.md")
    before = snapshot(built / "public")
    assert run_cli("build", "--site", built)[0] == 0
    assert snapshot(built / "public") == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ndate: 2024-01-01\n---\n", "error: content/c.md:1: missing required key 'title'"),
        (
            "---\ntitle: 5\ndate: 2024-01-01\n---\n",
            "error: content/c.md:2: 'title' must be text, found the number 5",
        ),
        (
            "---\ntitle: C\ndate: 2024-02-30\n---\n",
            "error: content/c.md:3: 'date' is not a real date: '2024-02-30'",
        ),
        (
            "---\ntitle: C\ndate: 2024-01-01\ntittle: x\n---\n",
            "error: content/c.md:4: unknown key 'tittle' (did you mean 'title'?)",
        ),
        (
            "---\ntitle: C\ndate: 2024-01-01\nsee_also: [gamma]\n---\n",
            "error: content/c.md:4: see_also 'gamma' matches no article",
        ),
        (
            "---\ntitle: C\ndate: 2024-01-01\n---\n[[Alpah]]\n",
            "error: content/c.md:5: link 'Alpah' matches no article or page (did you mean 'Alpha'?)",
        ),
        (
            "---\ntitle: C\ndate: 2024-01-01\nslug: beta\n---\n",
            "error: content/c.md:4: duplicate slug 'beta': content/b.md has it too",
        ),
        (
            "---\ntitle: C\ndate: 2024-01-01\ncomments: true\n---\n",
            "error: content/c.md:4: comments: true, but site.yaml sets up no comments provider",
        ),
        (
            "---\ntitle: C\ndate: 2024-01-01\nslug: tags\n---\n",
            "error: content/c.md:4: slug 'tags' is reserved",
        ),
    ],
)
def test_front_matter_errors(built: Path, run_cli, text: str, expected: str) -> None:
    write(built, "c.md", text)
    err = rebuild_fails(built, run_cli)
    assert expected in err, err


def test_all_errors_of_a_build_are_reported_together(built: Path, run_cli) -> None:
    write(built, "c.md", "---\ntitle: C\ndate: nope\n---\n")
    write(built, "d.md", "---\ntitle: D\ndate: 2024-01-01\nsee_also: [zzz]\n---\n")
    err = rebuild_fails(built, run_cli)
    assert "content/c.md:3:" in err and "content/d.md:4:" in err
    assert "2 errors; nothing was written, the previous output is untouched" in err


def test_every_mistake_of_a_reference_comes_in_one_report_with_the_header_s_others(
    built: Path, run_cli
) -> None:
    """A reference with two mistakes gave its first only, one per run. Now each mistake of
    each item is an error at its line beside the header's other errors, each said once; the
    body's citation of the item is not reported as well."""
    write(
        built,
        "c.md",
        "---\ntitle: C\ndate: 2024-13-01\ntagz: [x]\nreferences:\n"
        "  - title: A study\n    id: Smith_2023\n    url: doi:10.1000/xyz\n"
        "  - title: B\n    url: https://e.org/\n    date: someday\n---\nSee [^Smith_2023].\n",
    )
    err = rebuild_fails(built, run_cli)
    assert err.splitlines() == [
        "error: content/c.md:3: 'date' is not a real date: '2024-13-01' (month must be in 1..12)"
        " — write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]] (T or a space before the time),"
        " the time with an optional offset Z, +HH:MM, +HHMM or +HH, e.g. 2024-05-14,"
        " 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200",
        "error: content/c.md:4: unknown key 'tagz' (did you mean 'tags'?) — valid keys: "
        "aliases, author, comments, content_warning, date, description, disclaimer, draft, "
        "expires, image, references, reviewed_by, reviewed_on, see_also, slug, tags, title, "
        "updated",
        "error: content/c.md:7: invalid reference id 'Smith_2023': use lowercase a-z, 0-9 and "
        "'-' only — write 'id: smith-2023', and cite it as [^smith-2023] in the text",
        "error: content/c.md:8: reference url must be an http(s) address, found "
        "'doi:10.1000/xyz' — write it whole: https://doi.org/10.1000/xyz",
        "error: content/c.md:11: 'references.date' is not a valid date: 'someday' — give the "
        "year alone (e.g. 2023), or write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]] (T or"
        " a space before the time), the time with an optional offset Z, +HH:MM, +HHMM or +HH,"
        " e.g. 2024-05-14, 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200",
        "error: 5 errors; nothing was written, the previous output is untouched",
    ]


def test_link_to_draft_is_an_error_unless_drafts(built: Path, run_cli) -> None:
    write(built, "c.md", "---\ntitle: C\ndraft: true\n---\n")
    write(built, "d.md", "---\ntitle: D\ndate: 2024-01-01\nsee_also: [c]\n---\n")
    assert "error: content/d.md:4: see_also 'c' links to a draft (content/c.md)" in rebuild_fails(
        built, run_cli
    )
    assert run_cli("build", "--site", built, "--drafts")[0] == 0


def test_self_link(built: Path, run_cli) -> None:
    write(built, "a.md", article("Alpha", see_also="[a]"))
    assert "error: content/a.md:3: see_also 'a' links the article to itself" in rebuild_fails(
        built, run_cli
    )


def test_config_error(built: Path, run_cli) -> None:
    (built / "site.yaml").write_text(SITE_YAML + "per_pgae: 3\n")
    err = rebuild_fails(built, run_cli)
    assert "error: site.yaml:5: unknown key 'per_pgae' (did you mean 'per_page'?)" in err


def test_a_quote_left_open_in_site_yaml_is_named_at_its_line(built: Path, run_cli) -> None:
    """PyYAML read on to the next line's quote and said "did not find expected key" at
    line 2; the message front-matter gives for the same mistake (same code) names line 1."""
    (built / "site.yaml").write_text(SITE_YAML.replace('"Example Site"', '"Example Site'))
    err = rebuild_fails(built, run_cli)
    assert err.splitlines()[0] == (
        "error: site.yaml:1: invalid YAML: the double quote opened on this line is not closed on"
        " it, so YAML read the lines after it, up to the next one on line 2, as part of the"
        ' value — end the value with the same quote it starts with: title: "Example Site"'
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'disclaimer: "Not advice \\x01"\n',
            "error: site.yaml:5: 'disclaimer' contains control character U+0001"
            " — remove the escape that writes it (such as \\x01) from the quoted value",
        ),
        (
            'authors:\n  jane: {name: "Jane \\uFFFE"}\n',
            "error: site.yaml:6: 'authors.jane.name' contains Unicode non-character U+FFFE"
            " — remove the escape that writes it (such as \\uFFFE) from the quoted value",
        ),
        (
            "disclaimer: Not advice \x1b\n",
            "error: site.yaml:5: control character U+001B at column 24"
            " — remove the control character (U+001B)",
        ),
    ],
)
def test_control_characters_in_site_yaml(built: Path, run_cli, line: str, expected: str) -> None:
    """They would reach every page and feed: refused like those in articles."""
    (built / "site.yaml").write_text(SITE_YAML + line, encoding="utf-8")
    assert rebuild_fails(built, run_cli).splitlines()[0] == expected


_NO_BASE_URL = "must be an absolute http(s) URL"


@pytest.mark.parametrize(
    ("url", "wrong", "fix"),
    [
        ("javascript:alert(1)//", _NO_BASE_URL, "e.g."),
        ("not a url", _NO_BASE_URL, "e.g."),
        ("ftp://example.org/", _NO_BASE_URL, "e.g."),
        # A ValueError traceback (the bracket), or a site whose every address held a port no
        # browser takes (the number):
        ("https://[::1/", "is no web address (Invalid IPv6 URL)", "copy the address again, e.g."),
        (
            "https://e.org:99999/",
            "is no web address (Port out of range 0-65535)",
            "copy the address again, e.g.",
        ),
    ],
)
def test_base_url_option_is_checked_as_site_yaml_base_url_is(
    built: Path, run_cli, url: str, wrong: str, fix: str
) -> None:
    before = snapshot(built / "public")
    code, out, err = run_cli("build", "--site", built, "--base-url", url)
    assert (code, out) == (1, "")
    assert err == (
        f"error: --base-url {wrong}, found '{url}' — {fix} --base-url https://example.org/ or"
        " https://example.org/blog/\n"
        "error: 1 error; nothing was written, the previous output is untouched\n"
    )
    assert snapshot(built / "public") == before


def test_base_url_option_replaces_site_yaml_base_url(built: Path, run_cli) -> None:
    assert run_cli("build", "--site", built, "--base-url", "https://preview.example//")[0] == 0
    assert "<id>https://preview.example/a/</id>" in (built / "public/feed.xml").read_text()


def test_comments_on_by_default_without_a_provider(built: Path, run_cli) -> None:
    """Otherwise the site builds with no comments anywhere and nobody is told."""
    (built / "site.yaml").write_text(SITE_YAML + "comments: {default: true}\n")
    assert rebuild_fails(built, run_cli) == (
        "error: site.yaml:5: comments.default is true, but no comments provider is set"
        " — set comments.provider (one of: giscus, isso, remark42), or default: false\n"
        "error: 1 error; nothing was written, the previous output is untouched\n"
    )
    (built / "site.yaml").write_text(SITE_YAML + "comments:\n  default: false\n")
    assert run_cli("build", "--site", built)[0] == 0


def test_template_syntax_error_names_template_and_line(built: Path, run_cli) -> None:
    (built / "templates").mkdir()
    (built / "templates/404.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{% if %}\n{% endblock %}\n'
    )
    assert rebuild_fails(built, run_cli) == (
        "error: templates/404.html:3: template syntax error:"
        " Expected an expression, got 'end of statement block'\n" + NOTHING_WRITTEN
    )


def test_template_undefined_variable_names_template_and_line(built: Path, run_cli) -> None:
    (built / "templates").mkdir()
    (built / "templates/404.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n\n{{ nope.x }}\n{% endblock %}\n'
    )
    err = rebuild_fails(built, run_cli)
    assert err == (
        "error: templates/404.html:4: template error: 'nope' is undefined — this page is given:"
        " abs_url, canonical, description, feeds, logo, logo_srcset, menu, page_url, partial,"
        " person_url, search, share, site, tags_count, title, url; the theme's copy of the"
        " template shows what each holds\n" + NOTHING_WRITTEN
    )


def test_a_missing_include_names_the_template_that_includes_it(built: Path, run_cli) -> None:
    (built / "templates").mkdir()
    (built / "templates/404.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n\n{% include "nope.html" %}\n{% endblock %}\n'
    )
    """One error, in our words: which template asks, at which line, for which missing name,
    and where templates are looked for. It was followed by Jinja's own line, 'caused by:
    TemplateNotFound: 'nope.html' not found in search paths: …', naming Jinja's exception
    and the folders of this machine the theme is installed in."""
    err = rebuild_fails(built, run_cli)
    assert err == (
        "error: templates/404.html:4: template not found: nope.html (looked for in the site's"
        " templates/ folder, then in the built-in theme's) — add it to templates/, or correct"
        " the name\n" + NOTHING_WRITTEN
    )
    assert "TemplateNotFound" not in err and "search path" not in err


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xff\xfe{{ x }}", "templates/article.html:1: not UTF-8 text: byte 0xff at offset 0"),
        (
            b'{% extends "base.html" %}\n{% block main %}\nCaf\xe9{% endblock %}\n',
            "templates/article.html:3: not UTF-8 text: byte 0xe9 at offset 46",
        ),
    ],
)
def test_template_not_utf8_names_template_and_byte(
    built: Path, run_cli, command: str, data: bytes, expected: str
) -> None:
    (built / "templates").mkdir()
    (built / "templates/article.html").write_bytes(data)
    message = f"error: {expected} — save the file as UTF-8 in your editor\n" + failure_summary(
        command
    )
    if command == "build":
        assert rebuild_fails(built, run_cli) == message
    else:
        assert run_cli("check", "--site", built)[::2] == (1, message)


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        (".", "the site folder itself"),
        ("content", "the content folder"),
        ("..", "a folder that holds the site"),
        ("/", "the root of the file system"),
        ("~", "your home folder"),
    ],
)
def test_dangerous_output_folders_are_refused(
    built: Path, run_cli, monkeypatch, output: str, reason: str
) -> None:
    home = built.parent / "home"  # beside the site, so only the home rule can refuse it
    (home / "notes").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    target = home if output == "~" else built / output
    shown = output if output in (".", "..", "content") else target  # inside: site-relative
    code, _, err = run_cli("build", "--site", built, "--output", target)
    assert (code, err) == (
        1,
        f"error: the --output folder {shown} is {reason}, and a build replaces its output folder whole"
        " — give --output a folder of its own, such as 'public'\n" + NOTHING_WRITTEN,
    )
    assert (built / "content/a.md").is_file() and (home / "notes").is_dir()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            'output: "a\\nb"\n',
            "output folder 'a\\nb' holds a line break (U+000A) at character 2",
            id="escaped-line-break",
        ),
        pytest.param(
            "output: |\n  public\n",
            "output folder 'public\\n' holds a line break (U+000A) at character 7",
            id="block-scalar",
        ),
        pytest.param(
            'output: "www\\u2028"\n',
            "output folder 'www\\u2028' holds a line separator (U+2028) at character 4",
            id="line-separator",
        ),
        pytest.param(
            'output: "pub\\tlic"\n',
            "output folder 'pub\\tlic' holds a tab (U+0009) at character 4",
            id="tab",
        ),
    ],
)
def test_an_output_folder_name_with_a_control_character_is_refused(
    built: Path, run_cli, line: str, expected: str
) -> None:
    """``output: "a\\nb"`` built into a folder whose name held a line break."""
    (built / "site.yaml").write_text(SITE_YAML + line, encoding="utf-8")
    before = sorted(p.name for p in built.iterdir())
    fixed = "www" if "www" in line else "ab" if "a\\nb" in line else "public"
    assert rebuild_fails(built, run_cli).splitlines()[0] == (
        f"error: site.yaml:5: {expected}, which would be part of the folder's name"
        f" — write the folder's name without it: output: {fixed}"
    )
    assert sorted(p.name for p in built.iterdir()) == before


def test_an_output_option_with_a_control_character_is_refused(built: Path, run_cli) -> None:
    code, _, err = run_cli("build", "--site", built, "--output", built / "out\x01")
    assert (code, err) == (
        1,
        "error: the --output folder out\\x01 holds a control character U+0001 at character 4,"
        " which would be part of the folder's name — give --output the folder's name without"
        " it\n" + failure_summary("build", previous=False),
    )
    assert not (built / "out\x01").exists()


def test_non_utf8_file_names_byte_offset(built: Path, run_cli) -> None:
    (built / "content/c.md").write_bytes(b"---\ntitle: caf\xe9\ndate: 2024-01-01\n---\n")
    err = rebuild_fails(built, run_cli)
    assert "error: content/c.md:2: not UTF-8 text: byte 0xe9 at offset 14" in err


def test_interrupted_build_leaves_previous_site(built: Path, run_cli, monkeypatch) -> None:
    import articlegen.output.write as output

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "_swap", interrupt)
    before = snapshot(built / "public")
    code, _, err = run_cli("build", "--site", built)
    assert code == 130 and "interrupted" in err
    assert snapshot(built / "public") == before
    assert not [p for p in built.iterdir() if p.name.startswith(".public")]


def test_unwritable_output_is_a_clean_error(built: Path, run_cli, monkeypatch) -> None:
    import articlegen.output.write as output

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output, "_swap", full)
    before = snapshot(built / "public")
    code, _, err = run_cli("build", "--site", built)
    assert code == 1 and "No space left on device" in err and "Traceback" not in err
    assert snapshot(built / "public") == before


def test_bad_front_matter_hides_no_link_errors_and_adds_none(built: Path, run_cli) -> None:
    """A bad date leaves the article a link target (by title too) and its links checked."""
    write(built, "e.md", "---\ntitle: Eps\ndate: 2024-02-31\nsee_also: [nada]\n---\n\n[[nichts]]\n")
    write(built, "f.md", "---\ntitle: F\ndate: 2024-01-01\nsee_also: [Eps]\n---\n\n[[Eps|E]]\n")
    assert rebuild_fails(built, run_cli).splitlines() == [
        "error: content/e.md:3: 'date' is not a real date: '2024-02-31' (day is out of range"
        " for month) — write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]] (T or a space before"
        " the time), the time with an optional offset Z, +HH:MM, +HHMM or +HH, e.g. 2024-05-14,"
        " 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200",
        "error: content/e.md:4: see_also 'nada' matches no article"
        " — link by slug, by file (content/x.md) or by exact title",
        "error: content/e.md:7: link 'nichts' matches no article or page"
        " — link by slug, by file (content/x.md) or by exact title",
        "error: 3 errors; nothing was written, the previous output is untouched",
    ]


def test_bad_front_matter_still_counts_for_duplicate_slugs_and_drafts(built: Path, run_cli) -> None:
    """A file with a field error still takes its slug, and stays a draft when it says so."""
    write(built, "c.md", "---\ntitle: C\ndate: 2024-01-01\ntags: 5\nslug: beta\n---\n")
    write(built, "d.md", "---\ntitle: D\ndraft: true\ntags: 5\n---\n\n[[nichts]]\n")
    write(built, "f.md", "---\ntitle: F\ndate: 2024-01-01\nsee_also: [d]\n---\n")
    assert rebuild_fails(built, run_cli).splitlines() == [
        "error: content/c.md:4: 'tags' must be a list — write tags: [first, second]",
        "error: content/c.md:5: duplicate slug 'beta': content/b.md has it too"
        " — give one of them a different 'slug:' or file name",
        "error: content/d.md:4: 'tags' must be a list — write tags: [first, second]",
        "error: content/f.md:4: see_also 'd' links to a draft (content/d.md)"
        " — publish the draft (draft: false), remove the link, or build with --drafts",
        "error: 4 errors; nothing was written, the previous output is untouched",
    ]


@pytest.mark.parametrize("name", ["c.markdown", "c.MD", "sub/c.Md", "c.mdown", "c.mkd"])
def test_a_markdown_file_by_another_extension_is_not_silently_left_out(
    built: Path, run_cli, name: str
) -> None:
    """Jekyll names posts ``*.markdown`` and Windows editors write ``.MD``: only ``*.md`` is
    an article, so such a file would vanish from the site with exit 0."""
    (built / "content" / name).parent.mkdir(exist_ok=True)
    (built / "content" / name).write_text(article("Gamma"))
    stem = name.rsplit(".", 1)[0]
    assert only_error(rebuild_fails(built, run_cli)) == (
        f"error: content/{name}: not read: only files ending in '.md' are articles"
        f" — rename it to content/{stem}.md (or move it out of content/ if it is no article)"
    )


@pytest.mark.parametrize("name", ["beta.markdown", "Beta.MD"])
def test_a_markdown_file_by_another_extension_is_its_one_error_not_its_links_too(
    built: Path, run_cli, name: str
) -> None:
    """Links to the article in such a file (a.md's See Also and a body link name it, and a
    link by the file its rename gives) were reported too, each as matching no article (the
    last suggesting the misnamed file), as if renaming the file would not fix them."""
    (built / "content" / "b.md").rename(built / "content" / name)
    stem = name.rsplit(".", 1)[0]
    write(built, "c.md", f"{HEADER}---\nSee [[beta]] and [the file]({stem}.md).\n")
    assert only_error(rebuild_fails(built, run_cli)) == (
        f"error: content/{name}: not read: only files ending in '.md' are articles"
        f" — rename it to content/{stem}.md (or move it out of content/ if it is no article)"
    )
    (built / "content" / name).rename(built / "content" / f"{stem}.md")  # as the hint says
    code, _, err = run_cli("build", "--site", built)
    assert code == 0, err
    links = parse(built / "public" / "c" / "index.html").css("div.body p a")
    assert [(a.attributes["href"], a.text()) for a in links] == [
        ("/beta/", "Beta"),
        ("/beta/", "the file"),
    ]


_SAVED_AS_TEXT = ", and this one ends in '.txt' after '.md', as Notepad and other editors name a file saved as text"


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("gamma.md.txt", _SAVED_AS_TEXT),
        ("gamma.MD.TXT", _SAVED_AS_TEXT.replace("'.txt' after '.md'", "'.TXT' after '.MD'")),
        ("gamma.md ", ", and this one's name ends in a space after '.md'"),
        ("gamma.md. ", ", and this one's name ends in a space and a dot after '.md'"),
        ("gamma.txt", ", and this one ends in '.txt' though it starts as an article"),
        ("sub/gamma.text", ", and this one ends in '.text' though it starts as an article"),
    ],
)
def test_an_article_saved_as_text_or_with_spaces_after_its_name_is_not_left_out(
    built: Path, run_cli, name: str, why: str
) -> None:
    """Notepad saves ``gamma.md.txt``, a name can end in a space no one sees, and a ``.txt``
    file may hold a whole article: each went missing from the site with exit 0."""
    (built / "content" / name).parent.mkdir(exist_ok=True)
    (built / "content" / name).write_text("\ufeff" + article("Gamma"), encoding="utf-8")
    meant = name.split("/")[0] + "/gamma.md" if "/" in name else "gamma.md"
    assert only_error(rebuild_fails(built, run_cli)) == (
        f"error: content/{name}: not read: only files ending in '.md' are articles{why}"
        f" — rename it to content/{meant} (or move it out of content/ if it is no article)"
    )


def test_a_copy_saved_as_text_beside_its_article_asks_to_delete_one(built: Path, run_cli) -> None:
    """Renaming it as the error for one alone says would overwrite the article."""
    (built / "content" / "b.md.txt").write_text(article("Beta"), encoding="utf-8")
    assert only_error(rebuild_fails(built, run_cli)) == (
        f"error: content/b.md.txt: not read: only files ending in '.md' are articles{_SAVED_AS_TEXT}"
        " — content/b.md is there too: delete the copy you do not need, or move this one out"
        " of content/"
    )


def test_notes_backups_and_editor_files_in_content_are_no_errors(built: Path, run_cli) -> None:
    """A text file that does not start as an article (a writer's notes) and the files
    editors keep while editing stay where they are, unread, as before."""
    for name in ("notes.txt", "b.md~", ".b.md.swp", "#b.md#", "b.md.bak", "b.md.orig", "_c.txt"):
        (built / "content" / name).write_text(article("Gamma"), encoding="utf-8")
    (built / "content" / "notes.txt").write_text("---\nideas for articles\n", encoding="utf-8")
    code, _, err = run_cli("build", "--site", built)
    assert code == 0, err
    assert "error" not in err


def test_a_link_to_an_article_saved_as_text_is_not_reported_too(built: Path, run_cli) -> None:
    """Links by its slug and by the file its rename gives wait for it, as for ``.markdown``."""
    (built / "content" / "b.md").rename(built / "content" / "b.md.txt")
    write(built, "c.md", f"{HEADER}---\nSee [[beta]] and [the file](b.md).\n")
    assert only_error(rebuild_fails(built, run_cli)) == (
        f"error: content/b.md.txt: not read: only files ending in '.md' are articles{_SAVED_AS_TEXT}"
        " — rename it to content/b.md (or move it out of content/ if it is no article)"
    )


def test_a_first_build_that_fails_claims_no_previous_output(site, run_cli) -> None:
    root = site({"a.md": "---\ntitle: [open\n---\nText.\n"})
    code, _, err = run_cli("build", "--site", root)
    assert code == 1 and not (root / "public").exists()
    assert err.splitlines()[-1] == "error: 1 error; nothing was written"


def test_site_yaml_that_is_not_utf8_ends_with_the_summary_line(built: Path, run_cli) -> None:
    (built / "site.yaml").write_bytes(b'title: "Caf\xe9"\nbase_url: https://example.org/\n')
    assert rebuild_fails(built, run_cli) == (
        "error: site.yaml:1: not UTF-8 text: byte 0xe9 at offset 11 — save the file as UTF-8 in"
        " your editor\n"
        "error: 1 error; nothing was written, the previous output is untouched\n"
    )


def test_a_duplicate_slug_is_blamed_on_the_slug_line_that_made_it(site, run_cli) -> None:
    root = site(
        {
            "a-new-article.md": article("A New Article", slug="low-t"),  # sorted first
            "low-t.md": article("Low T"),
        }
    )
    code, _, err = run_cli("build", "--site", root)
    assert code == 1
    assert err.splitlines()[0] == (
        "error: content/a-new-article.md:3: duplicate slug 'low-t': content/low-t.md has it too"
        " — give one of them a different 'slug:' or file name"
    )


@pytest.mark.parametrize(
    "empty", ["[[ ]]", "[[]]", "[[|the text]]", "[[\u00a0]]", "[[\u3000|the text]]"]
)
def test_empty_wiki_link_brackets_are_an_error_saying_so(built: Path, run_cli, empty: str) -> None:
    """Brackets with nothing to name were reported as a link 'never closed' ([[]]) or one that
    'names an id' ([[ ]]), which they are not; a post about [[ ]] syntax hits it."""
    write(built, "c.md", f"{HEADER}---\nInside the {empty} scope.\n")
    assert only_error(rebuild_fails(built, run_cli)) == (
        "error: content/c.md:5: link names no article: nothing is written between its '[[' and "
        "its ']]' or '|' — write the article's slug or title between the brackets, [[slug]] or "
        "[[slug|text]]; to show the brackets as text, write '\\[['"
    )
    write(built, "c.md", f"{HEADER}---\nInside the \\{empty} scope.\n")  # as the hint says
    code, _, err = run_cli("build", "--site", built)
    assert code == 0, err
    shown = parse(built / "public" / "c" / "index.html").css_first("div.body p").text()
    assert shown == f"Inside the {empty} scope."
