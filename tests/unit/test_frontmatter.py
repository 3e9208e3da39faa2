from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from frontmatter.default_handlers import YAMLHandler
from hypothesis import given
from hypothesis import strategies as st

from articlegen.content.frontmatter import (
    _BOUNDARY,
    _closing_boundary,
    parse_front_matter,
    readable_fields,
    split_front_matter,
)
from articlegen.core.dates import DATE_FORMS
from articlegen.core.errors import BuildFailed, FrontMatterError
from articlegen.core.model import FrontMatter, LinkRef


def parse(text: str, zone: str = "UTC"):
    header, line, _, _ = split_front_matter(text, "content/a.md")
    return parse_front_matter(header, "content/a.md", zone=ZoneInfo(zone), first_line=line)


def errors(text: str, zone: str = "UTC") -> list[str]:
    with pytest.raises((BuildFailed, FrontMatterError)) as raised:
        parse(text, zone)
    found = raised.value
    return [str(e) for e in (found.errors if isinstance(found, BuildFailed) else [found])]


def test_tags_of_one_page_are_listed_once_as_first_written() -> None:
    """'Health' and 'health' (or 'C++' and 'C') name one tag page: the article listed the
    tag, and JSON-LD its keywords, once for each spelling."""
    meta = parse("---\ntitle: T\ndate: 2024-01-01\ntags: [Health, health, C++, HEALTH, C]\n---\n")
    assert meta.tags == ("Health", "C++")


def test_a_title_on_two_lines_is_an_error_and_a_folded_one_is_not() -> None:
    """A '|' block keeps its line break: the <title>, headings and the report's table broke."""
    text = "---\ntitle: |\n  Sleep and\n  blood pressure\ndate: 2024-01-01\n---\n"
    assert errors(text) == [
        "content/a.md:2: 'title' spans 2 lines — write the title on one line (a '>' block"
        " joins its lines with spaces)"
    ]
    assert parse(text.replace("|", ">")).title == "Sleep and blood pressure"


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("\\u200b\\u200b", "U+200B ZERO WIDTH SPACE, U+200B ZERO WIDTH SPACE"),
        ("\\u200e", "U+200E LEFT-TO-RIGHT MARK"),
        ("\\u0301", "U+0301 COMBINING ACUTE ACCENT"),
    ],
)
def test_a_title_of_invisible_characters_is_an_error(title: str, shown: str) -> None:
    """It built a page whose heading, tab title and list entries were blank."""
    assert errors(f'---\ntitle: "{title}"\ndate: 2024-01-01\n---\n') == [
        f"content/a.md:2: 'title' shows nothing: it holds only invisible characters ({shown})"
        " — write the title in words; the page's heading, its tab and every list would be blank"
    ]
    assert parse('---\ntitle: "\\u05e9\\u05dc\\u05d5\\u05dd\\u200f"\ndate: 2024-01-01\n---\n').title


def test_all_fields() -> None:
    meta = parse(
        "---\ntitle: ' Hello '\nslug: hello-there\ndate: 2024-05-14\nupdated: 2024-06-01\n"
        "description: Short\nauthor: Example Author\ntags: [a, b, a]\nsee_also:\n  - one\n  - two\n"
        "comments: true\ndraft: false\n---\nBody\n"
    )
    assert meta.title == "Hello"
    assert meta.slug == "hello-there"
    assert meta.date == dt.date(2024, 5, 14)
    assert meta.updated == dt.date(2024, 6, 1)
    assert meta.tags == ("a", "b")
    assert meta.see_also == (LinkRef("one", 10), LinkRef("two", 11))
    assert meta.comments is True and meta.draft is False
    assert meta.lines["see_also"] == 9


def test_split_reports_body_line_and_keeps_body() -> None:
    header, header_line, body, body_line = split_front_matter(
        "---\ntitle: x\n---\n\nBody\n", "a.md"
    )
    assert header_line in (1, 2) and "title: x" in header
    assert body.strip() == "Body"
    assert body_line + body.count("\n", 0, body.index("Body")) == 5


def test_an_image_key_written_at_the_top_is_pointed_under_image() -> None:
    [message] = errors("---\ntitle: T\ndate: 2024-01-01\nalt: A walk\n---\n")
    assert message.startswith("content/a.md:4: unknown key 'alt' (did you mean 'image.alt'?)")
    [caption] = errors("---\ntitle: T\ndate: 2024-01-01\ncaption: A walk\n---\n")
    assert "(did you mean 'image.caption'?)" in caption  # not the near 'description'


def test_a_layout_key_is_told_that_the_page_kind_picks_the_template() -> None:
    """``layout: post``, as Jekyll writes it, was a plain unknown key: the writer learns that
    no key picks a template here, and how a site's own template replaces the theme's."""
    assert errors("---\ntitle: T\ndate: 2024-01-01\nlayout: post\n---\n") == [
        "content/a.md:4: unknown key 'layout': articlegen picks each page's template by its kind"
        " (article.html for an article, page.html for a page of content/pages/), not by a key"
        " — remove it; to change how every article looks, copy the theme's article.html into"
        " the site's templates/ (templates/README.md says where it is) and edit it: it is used"
        " in place of the theme's"
    ]


def test_unknown_key_is_reported_at_its_line_with_suggestion() -> None:
    [message] = errors("---\ntitle: T\ndate: 2024-01-01\nsee_aslo: [x]\n---\n")
    problem, _, hint = message.partition(" — ")
    assert problem == "content/a.md:4: unknown key 'see_aslo' (did you mean 'see_also'?)"
    assert hint.startswith(
        "valid keys: aliases, author, comments, content_warning, date, description, "
    )


def test_every_problem_of_a_file_is_reported() -> None:
    found = errors("---\ndate: yesterday\nslug: Not A Slug\ntags: [1]\ncomments: maybe\n---\n")
    assert "content/a.md:1: missing required key 'title' — add 'title: …'" in found
    assert any(
        e.startswith("content/a.md:2: 'date' is not a valid date: 'yesterday'") for e in found
    )
    assert (
        "content/a.md:3: invalid slug 'Not A Slug': use lowercase a-z, 0-9 and '-' only — write 'slug: not-a-slug'"
        in found
    )
    assert any(
        e.startswith("content/a.md:4: each item of 'tags' must be non-empty text") for e in found
    )
    assert (
        "content/a.md:5: 'comments' must be true or false, found the text 'maybe'"
        " — write comments: true or comments: false" in found
    )


def test_impossible_date_and_updated_before_date() -> None:
    assert any(
        "content/a.md:3: 'date' is not a real date: '2024-13-40'" in e
        for e in errors("---\ntitle: T\ndate: 2024-13-40\n---\n")
    )
    assert errors("---\ntitle: T\ndate: 2024-05-02\nupdated: 2024-05-01\n---\n") == [
        "content/a.md:4: 'updated' (2024-05-01) is before 'date' (2024-05-02) — 'updated' must "
        "be on or after 'date': correct whichever of the two is wrong"
    ]


def test_date_required_unless_draft() -> None:
    assert errors("---\ntitle: T\n---\n")[0].startswith(
        "content/a.md:1: missing required key 'date'"
    )
    assert parse("---\ntitle: T\ndraft: true\n---\n").date is None


def test_quoted_iso_dates_and_datetimes_are_accepted() -> None:
    assert parse("---\ntitle: T\ndate: '2024-05-14'\n---\n").date == dt.date(2024, 5, 14)
    assert parse("---\ntitle: T\ndate: 2024-05-14T10:30:00\n---\n").date == dt.datetime(
        2024, 5, 14, 10, 30, tzinfo=dt.UTC
    )


def test_empty_title_and_duplicate_key() -> None:
    assert "content/a.md:2: 'title' is empty — write the value after 'title:'" in errors(
        "---\ntitle: ''\ndate: 2024-01-01\n---\n"
    )
    assert any(
        e.startswith("content/a.md:3: duplicate key 'title' (first set on line 2)")
        for e in errors("---\ntitle: A\ntitle: B\ndate: 2024-01-01\n---\n")
    )


def test_a_value_hidden_by_a_comment_says_so_and_quotes_the_line() -> None:
    """``title: #1 Mistake``: YAML reads ' #' on as a comment, so the title is empty; the
    error says why and gives the line with the value quoted, which YAML reads as meant."""
    found = errors("---\ntitle: #1 Mistake men make\ndate:   # soon\ntags: [a]\n---\n")
    assert found == [
        "content/a.md:2: 'title' must be text, found nothing: YAML reads ' #' and what follows"
        ' as a comment — put it in quotes: title: "#1 Mistake men make"',
        "content/a.md:3: 'date' is not a valid date: nothing: YAML reads ' #' and what"
        " follows as a comment — " + DATE_FORMS,
    ]
    fixed = found[0].split("put it in quotes: ", 1)[1]
    assert parse(f"---\n{fixed}\ndate: 2024-01-01\n---\n").title == "#1 Mistake men make"
    assert errors("---\ntitle:\ndate: 2024-01-01\n---\n") == [
        "content/a.md:2: 'title' must be text, found nothing — put the value in quotes"
    ]


def test_a_text_cut_short_by_a_comment_says_so_and_quotes_the_whole_line() -> None:
    """``title: Zinc #1 Tips``: YAML reads ' #1 Tips' as a comment, so the page was titled
    'Zinc' without a word said; the same for every text readers see (a description, an
    author). The fix quotes it all, which YAML reads as meant; a quoted value, or a '#' with
    no space before it (``C# Tips``), is no comment."""
    found = errors(
        "---\ntitle: Zinc #1 Tips\ndate: 2024-01-01\ndescription: Zinc\t# the #1 mineral\n"
        'author: Example "Writer" #staff\n---\n'
    )
    assert found == [
        "content/a.md:2: 'title' is 'Zinc': YAML reads ' #1 Tips' after it as a comment — if"
        ' the # is part of it, put it all in quotes: title: "Zinc #1 Tips"; a comment goes on'
        " a line of its own",
        "content/a.md:4: 'description' is 'Zinc': YAML reads ' # the #1 mineral' after it as a"
        ' comment — if the # is part of it, put it all in quotes: description: "Zinc # the #1'
        ' mineral"; a comment goes on a line of its own',
        "content/a.md:5: 'author' is 'Example \"Writer\"': YAML reads ' #staff' after it as a"
        ' comment — if the # is part of it, put it all in quotes: author: "Example \\"Writer\\"'
        ' #staff"; a comment goes on a line of its own',
    ]
    fixed = found[0].split("put it all in quotes: ", 1)[1].split(";")[0]
    assert parse(f"---\n{fixed}\ndate: 2024-01-01\n---\n").title == "Zinc #1 Tips"
    quoted = found[2].split("put it all in quotes: ", 1)[1].split(";")[0]
    header = f"---\ntitle: A\ndate: 2024-01-01\n{quoted}\n---\n"
    assert parse(header).author == 'Example "Writer" #staff'
    assert parse("---\ntitle: C# Tips\ndate: 2024-01-01\n---\n").title == "C# Tips"
    assert parse("---\ntitle: 'Zinc' # draft name\ndate: 2024-01-01\n---\n").title == "Zinc"


def test_hashtags_for_tags_are_an_error_not_a_list_of_none() -> None:
    """``tags: #sleep #health``, as social networks write tags: YAML reads ' #' on as a
    comment, so the article silently had no tags at all. Hashtags (a '#' and a word) after
    a list key are an error giving the list; a comment (``tags:  # none yet``) stays one."""
    found = errors(
        "---\ntitle: T\ndate: 2024-01-01\ntags: #sleep #Heart-Health, #men\n"
        "see_also: #sleep-basics\n---\n"
    )
    assert found == [
        "content/a.md:4: 'tags' is empty: YAML reads ' #' and what follows as a comment, so "
        "'#sleep #Heart-Health, #men' names none — write them without '#', as a list: "
        "tags: [sleep, Heart-Health, men]",
        "content/a.md:5: 'see_also' is empty: YAML reads ' #' and what follows as a comment, "
        "so '#sleep-basics' names none — write them without '#', as a list: "
        "see_also: [sleep-basics]",
    ]
    fixed = found[0].split("as a list: ", 1)[1]
    assert parse(f"---\ntitle: T\ndate: 2024-01-01\n{fixed}\n---\n").tags == (
        "sleep", "Heart-Health", "men",
    )  # fmt: skip
    assert parse("---\ntitle: T\ndate: 2024-01-01\ntags:  # none yet\n---\n").tags == ()


def test_bidi_controls_in_header_values_are_errors_at_their_lines() -> None:
    """A right-to-left override makes a title show as another text: in any value, written
    as it is or as a YAML escape, an error; right-to-left text itself is fine."""
    text = (
        '---\ntitle: "Invoice \u202egpj.exe"\ndate: 2024-01-01\n'
        'description: "Plain \\u2066text"\ntags:\n  - ok\n  - "x\u2069"\n'
        'author: "\u05e9\u05dc\u05d5\u05dd"\n---\n'
    )
    found = errors(text)
    assert [e.split(" — ")[0] for e in found] == [
        "content/a.md:2: 'title' contains the invisible right-to-left override U+202E at "
        "character 9 of its value: it makes the text show in another order than it is written",
        "content/a.md:4: 'description' contains the invisible left-to-right isolate U+2066 at "
        "character 7 of its value: it makes the text show in another order than it is written",
        "content/a.md:7: 'tags' contains the invisible pop directional isolate U+2069 at "
        "character 2 of its value: it makes the text show in another order than it is written",
    ]
    assert parse('---\ntitle: "\u05e9\u05dc\u05d5\u05dd \u200fA"\ndate: 2024-01-01\n---\n')


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "content/a.md:1: the file is empty"),
        ("no header\n", "content/a.md:1: no front-matter: the file must start with a line '---'"),
        (
            '+++\ntitle = "T"\n+++\n',
            "content/a.md:1: no front-matter: the header between '+++' lines is TOML",
        ),
        (
            "\n\n---\ntitle: T\n---\n",
            "content/a.md:1: no front-matter: the '---' that opens it is on line 3, after blank",
        ),
        ("  ---\ntitle: T\n---\n", "content/a.md:1: no front-matter: the '---' that opens it has"),
        ("---\ntitle: T\n", "content/a.md:1: the front-matter is not closed"),
        ("---\n- a\n- b\n---\n", "content/a.md:2: expected 'key: value' lines, found a list"),
        (
            "---\njust text\n---\n",
            "content/a.md:2: expected 'key: value' lines, found a single value",
        ),
        ('---\ntitle: "unclosed\ndate: 2024-01-01\n---\n', "content/a.md:"),
        ("---\ntitle: T\n\tdate: 2024-01-01\n---\n", "content/a.md:3: invalid YAML"),
    ],
)
def test_malformed_headers(text: str, expected: str) -> None:
    assert errors(text)[0].startswith(expected)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("---\ntitle: T\n", "after line 2, where its keys end"),
        ('---\ntitle: "A"\ndate: 2024-01-01\n\nThe text.\n', "after line 3, where its keys end"),
        ("---\ntitle: T\ntags:\n  - a\n  - b\nA line: of text.\n", "after line 5, where its keys"),
        ("---\ntitle: T\n# a comment\nThe text at once.\n", "after line 3, where its keys end"),
        ("---\n\nThe text.\n", "after the last key"),
        ("---\nThe text.\n", "after the last key"),
    ],
)
def test_a_header_left_open_says_after_which_line_to_close_it(text: str, hint: str) -> None:
    """Where the lines shaped as a header's (a key, an indented line, a list item, a
    comment) stop, at a blank line or text, is where the writer meant it to end."""
    (message,) = errors(text)
    assert message.startswith("content/a.md:1: the front-matter is not closed — ")
    assert f"add a line '---' {hint}" in message


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: T\ndate: 2024-01-01\n...\n\nThe text.\n",
        "---\ntitle: T\ndate: 2024-01-01\n...  \r\nThe text.\n",
    ],
)
def test_a_header_closed_by_yaml_end_of_document_is_told_at_that_line(text: str) -> None:
    """Pandoc (R Markdown, Quarto) closes a header with '...': told only to add a '---'
    after the keys, a writer would leave the '...' as the body's first text."""
    assert errors(text) == [
        "content/a.md:4: the front-matter ends with '...', YAML's end of a document (as "
        "Pandoc reads a header), but an article's header ends with a line '---' — write "
        "'---' in place of '...'"
    ]


def test_every_tag_that_cannot_name_a_page_is_told() -> None:
    """Two tags of no letters were told one at a time: the second only after the first was
    fixed, where every other problem of a header is told in one run."""
    found = errors('---\ntitle: T\ndate: 2024-01-01\ntags:\n  - "💪"\n  - sleep\n  - "???"\n---\n')
    assert [message.split(" has ")[0] for message in found] == [
        "content/a.md:5: tag '💪'",
        "content/a.md:7: tag '???'",
    ]


def test_every_bad_item_of_a_list_is_told() -> None:
    """An empty alias hid the aliases above it that are no paths, and an empty See Also
    item the number after it: each was told only once the one before was fixed."""
    found = errors(
        "---\ntitle: T\ndate: 2024-01-01\naliases:\n  - /a?b=1\n  - /ok/\n  - ''\n"
        "  - https://old.example.com/x/\nsee_also:\n  - ''\n  - 42\n  - other\n---\n"
    )
    assert [message.split(" — ")[0] for message in found] == [
        "content/a.md:5: alias '/a?b=1' has a query (?…), which static files cannot answer to:"
        " a host serves the same file whatever the query; give the post's permalink path instead",
        "content/a.md:7: each item of 'aliases' must be non-empty text, found ''",
        "content/a.md:8: alias 'https://old.example.com/x/' is an address, not a path on this site",
        "content/a.md:10: each item of 'see_also' must be non-empty text, found ''",
        "content/a.md:11: each item of 'see_also' must be non-empty text, found 42",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'title: "He said "hi" to me"',
            "the value in double quotes ends at the quote before 'hi\" to me\"', and YAML reads"
            " no more of the line — write the whole value in one pair of quotes: title: 'He said"
            ' "hi" to me\'',
        ),
        (
            "title: 'Sleep' and more",
            "the value in single quotes ends at the quote before 'and more', and YAML reads no"
            " more of the line — write the whole value in one pair of quotes: title: \"'Sleep'"
            ' and more"',
        ),
        (
            "title: *Sleep* Tips",
            "a value starting with '*' must be in quotes: YAML reads '*' as an alias, a"
            " reference to an '&' anchor — put the value in quotes: title: \"*Sleep* Tips\"",
        ),
        (
            "title: @home Workouts",
            "a value starting with '@' must be in quotes: YAML reserves '@' — put the value in"
            ' quotes: title: "@home Workouts"',
        ),
        (
            "title: | Sleep",
            "a value starting with '|' must be in quotes: YAML reads '|' as a block of text on"
            ' the lines below — put the value in quotes: title: "| Sleep"',
        ),
    ],
)
def test_a_value_that_needed_quotes_is_told_so_with_the_line_to_write(
    line: str, expected: str
) -> None:
    """PyYAML's own words were given ('did not find expected key', 'while scanning an
    alias', 'found character that cannot start any token'), which name no fix."""
    assert errors(f"---\n{line}\ndate: 2024-01-01\n---\n") == [
        f"content/a.md:2: invalid YAML: {expected}"
    ]


def test_see_also_single_string_is_a_list_of_one() -> None:
    assert parse("---\ntitle: T\ndate: 2024-01-01\nsee_also: other\n---\n").see_also == (
        LinkRef("other", 4),
    )


def test_trust_fields() -> None:
    meta = parse(
        "---\ntitle: T\ndate: 2024-01-01\nreviewed_by: example-reviewer\nreviewed_on: 2024-02-01\n"
        "disclaimer: ' Own words. '\ncontent_warning: Mentions overdose.\n"
        "references:\n  - {id: a, title: A, url: 'https://example.org/a'}\n---\n"
    )
    assert (meta.reviewed_by, meta.reviewed_on) == ("example-reviewer", dt.date(2024, 2, 1))
    assert (meta.disclaimer, meta.content_warning) == ("Own words.", "Mentions overdose.")
    assert [(r.id, r.line) for r in meta.references] == [("a", 9)]


@pytest.mark.parametrize("value", ["false", "no", "off"])
def test_disclaimer_false_opts_out_as_yaml_writes_false(value: str) -> None:
    assert parse(f"---\ntitle: T\ndate: 2024-01-01\ndisclaimer: {value}\n---\n").disclaimer is False


WAYS = "write this article's own text, 'disclaimer: false' to show none, or remove 'disclaimer'"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", f"'disclaimer' is true: it takes a text, or false — {WAYS} to show the site's"),
        ("", f"'disclaimer' is empty: it takes a text, or false — {WAYS} to show the site's"),
        ("' '", f"'disclaimer' is empty: it takes a text, or false — {WAYS} to show the site's"),
        (
            '"false"',
            "'disclaimer' is the text 'false', which would be shown as the disclaimer's words —"
            " to show none, write disclaimer: false, without quotes",
        ),
        (
            "None",
            "'disclaimer' is the text 'None', which would be shown as the disclaimer's words —"
            " to show none, write disclaimer: false, without quotes",
        ),
        (
            "12",
            "'disclaimer' must be text, found the number 12 — put it in quotes: disclaimer: \"12\"",
        ),
    ],
)
def test_a_disclaimer_neither_text_nor_false_is_an_error_naming_both(value, expected) -> None:
    assert errors(f"---\ntitle: T\ndate: 2024-01-01\ndisclaimer: {value}\n---\n") == [
        f"content/a.md:4: {expected}"
    ]


def test_a_review_key_misspelt_is_its_one_error_not_a_missing_pair_too() -> None:
    """``reviewer:`` (offered as ``reviewed_by``) or ``reviewed:`` beside the other review
    key is the unknown key's error alone, as a misspelt required key is."""
    hint = "(did you mean 'reviewed_by'?)"
    assert [
        e.split(" — ")[0]
        for e in errors(
            "---\ntitle: T\ndate: 2024-01-01\nreviewer: x\nreviewed_on: 2024-02-01\n---\n"
        )
    ] == [f"content/a.md:4: unknown key 'reviewer' {hint}"]
    assert [
        e.split(" — ")[0]
        for e in errors(
            "---\ntitle: T\ndate: 2024-01-01\nreviewed_by: x\nreviewd_on: 2024-02-01\n---\n"
        )
    ] == ["content/a.md:5: unknown key 'reviewd_on' (did you mean 'reviewed_on' or 'reviewed_by'?)"]


def test_review_fields_go_together_and_follow_the_date() -> None:
    assert errors("---\ntitle: T\ndate: 2024-01-01\nreviewed_on: 2024-02-01\n---\n") == [
        "content/a.md:4: 'reviewed_on' is set but 'reviewed_by' is not — add 'reviewed_by: …' "
        "(who reviewed the article, and on which day)"
    ]
    assert errors(
        "---\ntitle: T\ndate: 2024-01-01\nreviewed_by: Example Reviewer\nreviewed_on: 2024-01-01T10:00:00\n---\n"
    ) == [  # a reviewer's name where the id belongs is told apart once ids are known (people)
        "content/a.md:5: 'reviewed_on' must be a day, not a time: 2024-01-01T10:00:00 — "
        "write the day alone, e.g. reviewed_on: 2024-01-01",
    ]
    assert errors(
        "---\ntitle: T\ndate: 2024-03-01\nreviewed_by: x\nreviewed_on: 2024-02-01\n---\n"
    ) == [
        "content/a.md:5: 'reviewed_on' (2024-02-01) is before 'date' (2024-03-01) — "
        "'reviewed_on' must be on or after 'date': correct whichever of the two is wrong"
    ]


@pytest.mark.parametrize(
    ("date", "zone", "shown"),
    [
        ("2024-01-10T15:00:00", "UTC", "2024-01-10T15:00:00+00:00"),
        ("2024-01-10T15:00:00", "Pacific/Kiritimati", "2024-01-10T15:00:00+14:00"),
        # the day pages show is the day in the site's time zone, not the one written
        ("2024-01-10T23:30:00-05:00", "America/New_York", "2024-01-10T23:30:00-05:00"),
        ("2024-01-11T01:00:00+14:00", "UTC", "2024-01-11T01:00:00+14:00, which is 2024-01-10"),
    ],
)
def test_a_review_on_the_day_pages_show_for_the_date_is_not_before_it(
    date: str, zone: str, shown: str
) -> None:
    header = f"---\ntitle: T\ndate: {date}\nreviewed_by: x\nreviewed_on: 2024-01-10\n---\n"
    assert parse(header, zone).reviewed_on == dt.date(2024, 1, 10)
    [message] = errors(header.replace("2024-01-10\n---", "2024-01-09\n---"), zone)
    assert message.startswith(
        f"content/a.md:5: 'reviewed_on' (2024-01-09) is before 'date' ({shown}"
    )


def test_a_review_the_day_before_the_day_pages_show_is_before_it() -> None:
    header = "---\ntitle: T\ndate: 2024-01-10T23:30:00-05:00\nreviewed_by: x\nreviewed_on: 2024-01-10\n---\n"
    assert errors(header) == [
        "content/a.md:5: 'reviewed_on' (2024-01-10) is before 'date' (2024-01-10T23:30:00-05:00,"
        " which is 2024-01-11 in the site's time zone UTC) — 'reviewed_on' must be on or after"
        " 'date': correct whichever of the two is wrong"
    ]


def test_an_unreadable_required_value_is_not_also_missing() -> None:
    assert errors("---\ntitle: T\ndate: 2024-13-40\n---\n") == [
        "content/a.md:3: 'date' is not a real date: '2024-13-40' (month must be in 1..12)"
        " — write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]] (T or a space before the"
        " time), the time with an optional offset Z, +HH:MM, +HHMM or +HH, e.g. 2024-05-14,"
        " 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200"
    ]


def test_a_header_with_a_yaml_error_still_gives_the_fields_on_its_other_lines() -> None:
    header = (
        'title: "Sleep: A Guide?"\ndate: [2024-01-01\nslug: sleep-guide\ntags:\n- a\n- b\n'
        "draft: true\nnote: 'unclosed\n"
    )
    meta = readable_fields(header, "content/a.md", first_line=2)
    assert (meta.title, meta.slug, meta.tags, meta.draft, meta.date) == (
        "Sleep: A Guide?",
        "sleep-guide",
        ("a", "b"),
        True,
        None,
    )
    assert meta.lines == {"title": 2, "slug": 4, "tags": 5, "draft": 8}


@pytest.mark.parametrize("header", ["- title\n- date\n", "just a sentence\n", "", "[unclosed\n"])
def test_a_header_with_no_key_at_all_gives_no_fields(header: str) -> None:
    assert readable_fields(header, "content/a.md") == FrontMatter(title="", date=None)


HEADER_LINES = [
    "title: T", "slug: s-1", "date: [2024", "- item", "  nested: x", "'q", "{a: 1",
    "draft: true", "\t- tab", "key:", "tags:", "  - a", "#c", "? x", "&a b", "*a",
]  # fmt: skip


@given(st.lists(st.sampled_from(HEADER_LINES) | st.text(max_size=12), max_size=8))
def test_any_header_is_read_as_far_as_it_can_be_without_raising(lines: list[str]) -> None:
    meta = readable_fields("\n".join(lines) + "\n", "content/a.md")
    assert all(line >= 2 for line in meta.lines.values())


def test_an_invalid_slug_is_read_as_the_slug_its_error_offers() -> None:
    assert readable_fields("title: T\nslug: Sleep Guide\n", "content/a.md").slug == "sleep-guide"
    assert readable_fields("title: T\nslug: 5\n", "content/a.md").slug is None


def test_title_length_limit() -> None:
    assert parse("---\ntitle: " + "t" * 200 + "\ndraft: true\n---\n").title == "t" * 200
    assert errors("---\ntitle: " + "t" * 201 + "\ndraft: true\n---\n") == [
        "content/a.md:2: 'title' is 201 characters long (at most 200)"
        " — shorten it; the rest belongs in 'description' or in the body"
    ]


def test_slug_length_limit_suggests_a_shorter_slug() -> None:
    long_slug = "-".join(["men"] * 30)
    assert parse(f"---\ntitle: T\ndraft: true\nslug: {long_slug[:99]}\n---\n").slug
    assert errors(f"---\ntitle: T\ndraft: true\nslug: {long_slug}\n---\n") == [
        "content/a.md:4: slug is 119 characters long (at most 100) — write 'slug: "
        + "-".join(["men"] * 15)
        + "'"
    ]


def test_header_boundary_is_python_frontmatters() -> None:
    assert (_BOUNDARY.pattern, _BOUNDARY.flags) == (
        YAMLHandler.FM_BOUNDARY.pattern,
        YAMLHandler.FM_BOUNDARY.flags,
    )


def test_a_value_with_line_breaks_is_reported_on_one_line() -> None:
    """Found by the property test: a YAML block scalar in a message split the report."""
    from articlegen.core.errors import FrontMatterError

    error = FrontMatterError("invalid slug 'block\ntext'", "content/a.md", 4, "write 'a\r\nb'")
    assert str(error) == "content/a.md:4: invalid slug 'block\\ntext' — write 'a\\r\\nb'"


@pytest.mark.parametrize(
    "breaker", ["\f", "\v", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
)
def test_every_line_boundary_in_a_value_is_escaped(breaker: str) -> None:
    """Found by the property test: a ``"\\f"`` mapping key split the report in two."""
    from articlegen.core.errors import FrontMatterError

    error = FrontMatterError(f"title {{'{breaker}': 1}} is not text", "content/a.md", 2)
    assert str(error).splitlines() == [str(error)]
    assert breaker not in str(error)


def test_a_tab_in_a_value_is_kept() -> None:
    from articlegen.core.errors import FrontMatterError

    assert str(FrontMatterError("a\tb", "content/a.md", 1)) == "content/a.md:1: a\tb"


def test_a_cause_is_shown_on_one_line_escaped_and_only_when_it_adds_something() -> None:
    from articlegen.core.errors import TemplateError, report_lines

    def failed(cause: Exception, message: str) -> TemplateError:
        error = TemplateError(message, "templates/a.html", 3)
        error.__cause__ = cause
        return error

    assert report_lines(failed(ValueError("bad \x1b[31mred\nsecond line"), "it broke")) == [
        "error: templates/a.html:3: it broke",
        "  caused by: ValueError: bad \\x1b[31mred",
    ]
    assert report_lines(failed(ValueError("bad \x08 value"), "said: bad \x08 value")) == [
        "error: templates/a.html:3: said: bad \\b value"
    ]


def test_a_list_key_with_every_item_commented_out_is_empty() -> None:
    """As ``articlegen import`` writes a See Also item that matches no article yet."""
    meta = parse(
        "---\ntitle: T\ndate: 2024-01-01\ntags:\nsee_also:\n  # No article matches these yet:\n"
        '  # - "Later"\n---\nBody\n'
    )
    assert (meta.see_also, meta.tags) == ((), ())


def parse_page(text: str):
    header, line, _, _ = split_front_matter(text, "content/pages/about.md")
    return parse_front_matter(
        header, "content/pages/about.md", zone=ZoneInfo("UTC"), first_line=line, page=True
    )


def page_errors(text: str) -> list[str]:
    with pytest.raises((BuildFailed, FrontMatterError)) as raised:
        parse_page(text)
    found = raised.value
    return [str(e) for e in (found.errors if isinstance(found, BuildFailed) else [found])]


def test_a_page_needs_no_date_and_may_give_one() -> None:
    assert parse_page("---\ntitle: About\n---\nBody\n").date is None
    meta = parse_page("---\ntitle: About\ndate: 2024-01-02\nupdated: 2024-02-03\n---\n")
    assert (meta.date, meta.updated) == (dt.date(2024, 1, 2), dt.date(2024, 2, 3))
    assert parse_page("---\ntitle: About\nslug: about-us\ndraft: true\n---\n").slug == "about-us"
    # The same header is an article's error: an article must be dated.
    assert errors("---\ntitle: About\n---\n")[0].startswith("content/a.md:1: missing required")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("author: Example Author", "has no byline"),
        ("tags: [sleep]", "is on no tag page"),
        ("see_also: [sleep]", "has no See Also block (link to articles in its text)"),
        ("comments: true", "has no comments"),
        ("reviewed_by: example-reviewer", "has no medical review line"),
        ("disclaimer: Not advice.", "shows no medical disclaimer"),
        ("content_warning: Mentions overdose.", "shows no content warning"),
        ("references: []", "has no reference list"),
    ],
)
def test_an_article_key_on_a_page_is_an_error_at_its_line_saying_why(line, reason) -> None:
    key = line.partition(":")[0]
    assert page_errors(f"---\ntitle: About\n{line}\n---\n") == [
        f"content/pages/about.md:3: '{key}' is an article's key: a page {reason} — remove "
        f"'{key}', or move the file out of content/pages/ to make it an article"
    ]


def test_an_unknown_key_on_a_page_names_the_keys_a_page_takes() -> None:
    [message] = page_errors("---\ntitle: About\ndescripton: x\n---\n")
    assert message == (
        "content/pages/about.md:3: unknown key 'descripton' (did you mean 'description'?) — "
        "valid keys: aliases, date, description, draft, slug, title, updated"
    )


def test_a_page_still_checks_its_values_and_needs_a_title() -> None:
    found = page_errors("---\nslug: About Us\nupdated: 2024-01-01\ndate: 2024-02-01\n---\n")
    assert sorted(found) == [
        "content/pages/about.md:1: missing required key 'title' — add 'title: …'",
        "content/pages/about.md:2: invalid slug 'About Us': use lowercase a-z, 0-9 and '-' "
        "only — write 'slug: about-us'",
        "content/pages/about.md:3: 'updated' (2024-01-01) is before 'date' (2024-02-01) — "
        "'updated' must be on or after 'date': correct whichever of the two is wrong",
    ]


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ('"false"', "found the text 'false' — write true or false without quotes"),
        ("'Yes'", "found the text 'Yes' — write true or false without quotes"),
        ("[true]", "found a list — write draft: true or draft: false"),
        ("{a: 1}", "found a mapping — write draft: true or draft: false"),
        ("", "found nothing — write draft: true or draft: false"),
        ("1", "found the number 1 — write draft: true or draft: false"),
        ("2024-01-01", "found the text '2024-01-01' — write draft: true or draft: false"),
    ],
)
def test_a_flag_of_another_type_is_named_in_yaml_words(value: str, found: str) -> None:
    """Authors write YAML, not Python: no 'str' or 'dict' in a message."""
    assert errors(f"---\ntitle: T\ndate: 2024-01-01\ndraft: {value}\n---\n") == [
        f"content/a.md:4: 'draft' must be true or false, {found}"
    ]


@pytest.mark.parametrize(
    ("value", "found"), [("[Sleep, stress]", "a list"), ("{a: b}", "a mapping")]
)
def test_text_read_as_a_list_or_a_mapping_says_how_to_write_it(value: str, found: str) -> None:
    """Brackets YAML reads as a list or a mapping: the fix names the quotes that keep them."""
    assert errors(f"---\ntitle: T\ndate: 2024-01-01\ndescription: {value}\n---\n") == [
        f"content/a.md:4: 'description' must be text, found {found} — write the text on the"
        " line of 'description:', in quotes if it starts with '[' or '{', which YAML reads as a"
        " list or a mapping"
    ]


def test_a_list_item_with_a_colon_is_shown_as_written_and_quoted_in_the_fix() -> None:
    text = "---\ntitle: T\ndate: 2024-01-01\nsee_also:\n  - Screening: Should You Get a PSA Test?\n---\n"
    assert errors(text) == [
        "content/a.md:5: each item of 'see_also' must be non-empty text, found Screening: Should"
        " You Get a PSA Test?, which YAML reads as a key and its value (the ': ' after a word)"
        ' — put it in quotes: "Screening: Should You Get a PSA Test?"'
    ]


@pytest.mark.parametrize("key", ["see_also", "tags"])
def test_a_list_in_a_list_gives_its_items_to_the_list(key: str) -> None:
    """'put the item in quotes' led to one tag, or See Also item, named '[a, b]'."""
    nested = f"---\ntitle: T\ndate: 2024-01-01\n{key}:\n  - x\n  - [a, b]\n---\n"
    assert errors(nested) == [
        f"content/a.md:6: each item of '{key}' must be non-empty text, found a list"
        f" — write its items in the list itself: {key}: [x, a, b]"
    ]
    mixed = f"---\ntitle: T\ndate: 2024-01-01\n{key}:\n  - [a, {{b: c}}]\n---\n"
    assert errors(mixed) == [
        f"content/a.md:5: each item of '{key}' must be non-empty text, found a list"
        " — put the item in quotes"
    ]


@given(
    st.text(st.sampled_from(["-", "\n", " ", "\t", "a", "\r", "\x0b"]), max_size=30),
    st.integers(min_value=1, max_value=30),
)
def test_the_closing_line_is_found_where_the_expression_finds_it(text: str, start: int) -> None:
    """Looking only at lines that start with '---' finds what searching every line finds."""
    start = min(start, len(text) + 1)
    expected = _BOUNDARY.search(text, start)
    found = _closing_boundary(text, start)
    assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("key", ["see_also", "tags"])
def test_a_wiki_link_written_in_the_header_says_to_drop_its_brackets(key: str) -> None:
    """YAML reads see_also: [[Sleep Basics]] as a list in a list; 'put the item in quotes'
    led to '[[Sleep Basics]]', which names no article either."""
    text = f"---\ntitle: T\ndate: 2024-01-01\n{key}: [[Sleep Basics], [heart-health]]\n---\n"
    assert errors(text) == [
        f"content/a.md:4: each item of '{key}' must be text, found a list in a list: YAML reads"
        f" [[…]] so, not as a link — write the items without [[ ]]: {key}: [Sleep Basics,"
        " heart-health]"
    ]


def test_a_wiki_link_as_an_item_of_its_own_says_to_drop_its_brackets() -> None:
    """'- [[Sleep Basics]]' is a list of a list to YAML: 'put the item in quotes' led to
    '[[Sleep Basics]]', which names no article either."""
    text = (
        "---\ntitle: T\ndate: 2024-01-01\nsee_also:\n  - [[Sleep Basics]]\n  - heart-health\n---\n"
    )
    assert errors(text) == [
        "content/a.md:5: each item of 'see_also' must be text, found a list in a list: YAML reads"
        " [[…]] so, not as a link — write the items without [[ ]]: see_also: [Sleep Basics,"
        " heart-health]"
    ]


@pytest.mark.parametrize(
    ("items", "line", "found"), [('[heart, ""]', 4, "''"), ("\n  - heart\n  -", 6, "nothing")]
)
def test_an_empty_list_item_is_said_to_be_removed_not_quoted(
    items: str, line: int, found: str
) -> None:
    text = f"---\ntitle: T\ndate: 2024-01-01\ntags: {items}\n---\n"
    assert errors(text) == [
        f"content/a.md:{line}: each item of 'tags' must be non-empty text, found {found} — remove"
        " the empty item from 'tags', or write what it should name"
    ]


def test_values_between_curly_quotes_are_errors_at_their_lines() -> None:
    """A word processor or a phone types “ ” for ": YAML keeps them as letters, so the title
    was published in quotes and the tag made a page of its own."""
    found = errors(
        "---\ntitle: \u201cSleep Basics\u201d\ndate: 2024-01-01\n"
        "tags: [sleep, \u2018men\u2019s health\u2019]\nimage:\n  src: a.png\n  alt: \u201eA chart\u201c\n---\n"
    )
    assert [message.split(" is written")[0] for message in found] == [
        "content/a.md:2: 'title'",
        "content/a.md:4: an item of 'tags'",
        "content/a.md:7: 'image.alt'",
    ]
    assert found[0].endswith(
        '— write straight quotes, title: "Sleep Basics"; to show the curly quotes, put the'
        " whole value in straight ones, title: '\u201cSleep Basics\u201d'"
    )
    assert found[1].endswith(
        '— write straight quotes, "men\u2019s health"; to show the curly quotes, put the whole'
        " item in straight ones, '\u2018men\u2019s health\u2019'"
    )


@pytest.mark.parametrize(
    "title",
    [
        "'\u201cWalk More\u201d'",  # in straight quotes: the curly ones are meant
        '"\u201cWalk More\u201d"',
        "\u201cWalk\u201d More",  # a quoted word, not the whole value
        "Walk \u201cMore\u201d",
        "The \u201c",
        "It\u2019s Walking\u2019",
        "\u201cWalk\u201d or \u201cRun\u201d",  # two quoted parts
        "\u2018Walk\u2019 or \u2018Run\u2019",
    ],
)
def test_curly_quotes_meant_as_text_are_kept(title: str) -> None:
    assert parse(f"---\ntitle: {title}\ndraft: true\n---\n").title.strip("'\"") in title


@pytest.mark.parametrize(
    "title",
    [
        "\u2019Tis the Season\u2019",  # an apostrophe, then one at the end (or a closing quote)
        "\u2019Twas the Night\u2019",
        "\u2018Tis the Season\u2019",  # an autocorrected apostrophe, still one
        "\u2019em All\u2019",
        "\u201990s Fitness\u2019",
        "\u2019Cause We Walk\u2019",
        "\u2019Round Midnight\u2019",
    ],
)
def test_a_value_opening_with_an_apostrophe_is_not_between_curly_quotes(title: str) -> None:
    """’Tis the Season’ was taken for a value between quotes, and the fix offered, title:
    "Tis the Season", dropped the apostrophe: it is the title as written."""
    assert parse(f"---\ntitle: {title}\ndate: 2024-01-01\n---\n").title == title


@pytest.mark.parametrize(
    ("title", "fix"),
    [
        ("\u2018Cause and Effect\u2019", "Cause and Effect"),  # a word: quoted
        ("\u2019Sleep\u2019", "Sleep"),  # Swedish quotes
        ("\u2018Tissue Health\u2019", "Tissue Health"),  # 'tis' only as a word of its own
        ("\u20181984\u2019", "1984"),
    ],
)
def test_single_curly_quotes_around_a_word_are_still_quotes(title: str, fix: str) -> None:
    found = errors(f"---\ntitle: {title}\ndate: 2024-01-01\n---\n")
    assert len(found) == 1
    assert f'write straight quotes, title: "{fix}";' in found[0]


def test_keys_a_quote_left_open_read_on_over_are_not_also_missing() -> None:
    """YAML folded 'date' into the title, so the build said the header lacked it, beside the
    error for the quote, which is the one mistake."""
    swallowed = '---\ntitle: "Zinc\ndate: 2024-05-01\ndescription: About zinc"\n---\n'
    assert [message.split(" —")[0] for message in errors(swallowed)] == [
        "content/a.md:2: the double quote opened on this line is not closed on it, so YAML"
        " read lines 3–4 as part of 'title', and not as the keys 'date' and 'description'"
        " written there"
    ]
    # A nested 'date' read into a reference's title is not the header's own.
    nested = (
        "---\ntitle: T\nreferences:\n  - url: https://example.org/a\n    title: 'A study\n"
        "    date: 2020-01-01'\n---\n"
    )
    assert sorted(message.split(" —")[0] for message in errors(nested)) == [
        "content/a.md:1: missing required key 'date'",
        "content/a.md:5: the single quote opened on this line is not closed on it, so YAML read"
        " line 6 as part of 'title', and not as the key 'date' written there",
    ]


def test_nested_keys_a_quote_left_open_read_on_over_are_not_also_missing() -> None:
    """A reference's 'url' and an image's 'alt' read into the value above them were said to
    be missing too, beside the error for the quote."""
    header = (
        "---\ntitle: T\ndate: 2024-01-01\nreferences:\n  - title: 'A study\n"
        "    url: https://example.org/a'\n    id: a\nimage:\n  src: \"images/a.png\n"
        '  alt: A chart"\n---\n'
    )
    assert [message.split(",")[0] for message in errors(header)] == [
        "content/a.md:5: the single quote opened on this line is not closed on it",
        "content/a.md:9: the double quote opened on this line is not closed on it",
    ]


def test_a_header_failing_on_curly_quotes_links_as_its_author_meant() -> None:
    header = "title: \u201cSleep Basics\u201d\nsee_also: [\u201cwalking\u201d, heart]\n"
    meta = readable_fields(header, "content/a.md")
    assert meta.title == "Sleep Basics"
    assert [ref.target for ref in meta.see_also] == ["walking", "heart"]


def test_a_day_only_key_that_is_no_date_is_shown_the_day_s_form_alone() -> None:
    """'reviewed_on: 06.11.2024' listed the forms of a time, which reviewed_on refuses."""
    assert errors(
        "---\ntitle: T\ndate: 2024-01-01\nreviewed_by: x\nreviewed_on: 06.11.2024\n---\n"
    ) == [
        "content/a.md:5: 'reviewed_on' is not a valid date: '06.11.2024' (did you mean"
        " 2024-06-11 or 2024-11-06?) — write the day as YYYY-MM-DD, e.g. reviewed_on: 2024-05-14"
    ]
    assert errors(
        "---\ntitle: T\ndate: 2024-01-01\nreviewed_by: x\nreviewed_on: 2024/11/06\n---\n"
    ) == [
        "content/a.md:5: 'reviewed_on' is not a valid date: '2024/11/06' (did you mean"
        " 2024-11-06?) — write the day as YYYY-MM-DD, e.g. reviewed_on: 2024-05-14"
    ]


def test_a_key_glued_under_the_key_above_is_an_error_at_its_line_not_a_missing_key() -> None:
    """'    date:2026-01-02' under 'title:' is more words of the title to YAML; the writer
    was told only that 'date' is missing."""
    assert errors("---\ntitle: Sleep and Stress\n    date:2026-01-02\n---\n") == [
        "content/a.md:3: 'date:2026-01-02' is indented under 'title' and has no space after"
        " its ':', so YAML reads it as more of 'title', not as the key 'date' — start the line"
        " with the key and put a space after its ':': date: 2026-01-02"
    ]


@pytest.mark.parametrize(
    "header",
    [
        "title: Ratio of\n  HDL:LDL explained\ndate: 2024-01-01",  # no key's name
        "title: Sleep\n  date:now\ndate: 2024-01-01",  # 'date' is written: prose
        "title: >\n  Sleep\n  date:2024\ndate: 2024-01-01",  # a block's own lines
        "title: Sleep\ndate: 2024-01-01\nsee_also:\n  - tags:x",  # an item, not a plain value
        "title: Sleep\ndate: 2024-01-01\ndescription: See\n  https://www.cdc.gov/sleep",
    ],
)
def test_text_that_only_looks_like_a_glued_key_is_left_alone(header: str) -> None:
    parse(f"---\n{header}\n---\n")
