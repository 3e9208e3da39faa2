"""Messages quote a value as the author wrote it, and say so where YAML 1.1 read the plain
scalar as something else (``12:30`` as 750, ``on`` as true, ``010`` as 8). A text with no
refused character and no backslash is passed by ``check_characters`` without a look at its
values, with the same outcome as looking."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from articlegen.content.config import parse_config
from articlegen.core.errors import ArticlegenError, ConfigError
from articlegen.core.yamlchecks import as_written, check_characters, found
from articlegen.core.yamldoc import load_mapping
from tests.helpers import failure_messages
from tests.unit.test_config import messages as config_messages
from tests.unit.test_frontmatter import errors as front_matter_errors
from tests.unit.test_references import parse as parse_references

SEXAGESIMAL = ", which YAML reads as the number 750 (base 60, as YAML 1.1 reads a time)"


def entry(value: str):
    entries, problems = load_mapping(f"key: {value}\n", "site.yaml", ConfigError)
    assert problems == []
    return entries["key"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("12:30", "12:30" + SEXAGESIMAL),
        ("010", "010, which YAML reads as the number 8 (octal, for the leading 0)"),
        ("0x1F", "0x1F, which YAML reads as the number 31 (hexadecimal)"),
        ("0b11", "0b11, which YAML reads as the number 3 (binary)"),
        ("on", "on, which YAML reads as true (as it does yes, no, on and off)"),
        ("No", "No, which YAML reads as false (as it does yes, no, on and off)"),
        ("5", "the number 5"),
        ("1_000", "the number 1_000"),
        ("1.0e+3", "the number 1.0e+3"),
        ("True", "true"),
        ("~", "nothing"),
        ("", "nothing"),
        ("'12:30'", "the text '12:30'"),
        ("1e3", "the text '1e3'"),
        ("[on]", "a list"),
        pytest.param(
            "0x" + "f" * 4000,
            "0x" + "f" * 37 + "…, which YAML reads as a number of about 4,817 digits (hexadecimal)",
            id="a-number-too-long-to-write-out",
        ),
    ],
)
def test_found_names_what_was_written(written: str, expected: str) -> None:
    assert found(entry(written)) == expected


@given(st.integers(min_value=1, max_value=59), st.integers(min_value=0, max_value=59))
def test_a_time_is_quoted_as_written_with_the_number_yaml_made_of_it(hours: int, minutes: int):
    written = f"{hours}:{minutes:02d}"
    assert as_written(entry(written)) == (
        f"{written}, which YAML reads as the number {hours * 60 + minutes}"
        " (base 60, as YAML 1.1 reads a time)"
    )


@given(st.integers(min_value=0, max_value=10**30))
def test_a_plain_decimal_number_is_quoted_without_comment(number: int) -> None:
    assert found(entry(str(number))) == f"the number {number}"


def test_front_matter_text_read_as_a_number_is_quoted_with_the_fix() -> None:
    assert front_matter_errors("---\ntitle: 12:30\ndate: 2024-01-01\n---\n") == [
        f"content/a.md:2: 'title' must be text, found 12:30{SEXAGESIMAL}"
        ' — put it in quotes: title: "12:30"'
    ]


def test_a_date_read_as_a_number_is_quoted_as_written() -> None:
    (message,) = front_matter_errors("---\ntitle: T\ndate: 12:30\n---\n")
    assert message.startswith(f"content/a.md:3: 'date' is not a valid date: 12:30{SEXAGESIMAL}")


def test_a_list_item_read_as_true_is_quoted_as_written() -> None:
    assert front_matter_errors("---\ntitle: T\ndate: 2024-01-01\ntags: [health, on]\n---\n") == [
        "content/a.md:4: each item of 'tags' must be non-empty text, found on, which YAML reads"
        ' as true (as it does yes, no, on and off) — put it in quotes: "on"'
    ]


def test_an_image_alt_read_as_a_number_is_quoted_as_written() -> None:
    header = "---\ntitle: T\ndate: 2024-01-01\nimage: {src: a.png, alt: 0x1F}\n---\n"
    assert front_matter_errors(header) == [
        "content/a.md:4: 'image.alt' must be text, found 0x1F, which YAML reads as the number 31"
        ' (hexadecimal) — put it in quotes: alt: "0x1F"'
    ]


SITE = "title: S\nbase_url: https://example.org/\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "per_page: 010",
            "site.yaml:3: 'per_page' is written 010, which YAML reads as the number 8 (octal,"
            " for the leading 0) — write the number in plain digits, without a leading 0",
        ),
        (
            "review_interval_days: 99:00:00",
            "site.yaml:3: 'review_interval_days' is written 99:00:00, which YAML reads as the"
            " number 356400 (base 60, as YAML 1.1 reads a time)",
        ),
        (
            "images: {widths: [480, 8:00]}",
            "site.yaml:3: 'images.widths' has 8:00, which YAML reads as the number 480 (base 60,"
            " as YAML 1.1 reads a time) — write the number in plain digits, without a leading 0",
        ),
        (
            "timezone: 1:00",
            "site.yaml:3: 'timezone' must be text, found 1:00, which YAML reads as the number 60"
            " (base 60, as YAML 1.1 reads a time)",
        ),
        (
            "warn_unlinked: 0",
            "site.yaml:3: 'warn_unlinked' must be true or false, found the number 0",
        ),
        (
            "comments: {provider: yes}",
            "site.yaml:3: unknown comments provider yes, which YAML reads as true (as it does"
            " yes, no, on and off)",
        ),
        (
            "require: [{tag: t, fields: [off]}]",
            "site.yaml:3: unknown front-matter key off, which YAML reads as false (as it does"
            " yes, no, on and off) in 'require.fields'",
        ),
    ],
)
def test_site_yaml_quotes_values_as_written(line: str, expected: str) -> None:
    assert any(
        m == expected or m.startswith(expected + " — ") for m in config_messages(SITE + line)
    )


def test_a_number_taken_as_text_keeps_its_digits() -> None:
    (reference,) = parse_references(
        "references:\n  - {title: T, url: 'https://example.org/', publisher: 010}\n"
    )
    assert reference.publisher == "010"
    config = parse_config(
        SITE
        + "comments:\n  provider: giscus\n"
        + "  giscus: {repo: o/n, repo_id: 0123, category: General, category_id: 1_0}\n"
    )
    assert config.comments.settings["repo_id"] == "0123"
    assert config.comments.settings["category_id"] == "1_0"


WRITTEN = [
    "\\x01", "\\u0085", "\\e", "\\0", "\\N", "\\ud800", "\\uFFFE", "\\t", "\\\\", "\\n", "\\x41",
    "\x85", "\x01", "\u2028", "\ufdd0", "é", "\U0001f600", "\U0001fffe", " ", "\n ", "a", "'", '"',
]  # fmt: skip
"""Escapes (allowed and refused), refused characters written as they are, line breaks YAML
folds, plain letters."""

values = st.lists(st.sampled_from(WRITTEN), max_size=6).map("".join)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(['"{}"', "'{}'", "{}", "[{}]", '\n  - "{}"', "\n  k: {}"]), values
        ),
        max_size=4,
    )
)
@example([('"{}"', "\\x01")])
@example([("\n  k: {}", "\x85")])
def test_a_value_is_only_passed_unseen_when_looking_finds_nothing(
    pairs: list[tuple[str, str]],
) -> None:
    text = "".join(f"k{n}: {form.format(value)}\n" for n, (form, value) in enumerate(pairs))
    with contextlib.suppress(ArticlegenError):  # not YAML, or a character the reader refuses
        entries, _ = load_mapping(text, "f.md", ArticlegenError)
        looked = check_characters(entries, "f.md", ArticlegenError, "\x01\\")  # must look
        checked = check_characters(entries, "f.md", ArticlegenError, text)
        assert repr(checked[0]) == repr(looked[0])
        assert [str(problem) for problem in checked[1]] == [str(problem) for problem in looked[1]]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("summary", "description"),
        ("lastmod", "updated"),
        ("categories", "tags"),
        ("Excerpt", "description"),
        ("citations", "references"),
        ("sources", "references"),
        ("related", "see_also"),
        ("featured_image", "image"),
        ("reviewer", "reviewed_by"),
        ("publishDate", "date"),
    ],
)
def test_a_key_other_tools_name_differently_is_offered_ours(written: str, meant: str) -> None:
    [message] = front_matter_errors(f"---\ntitle: T\ndate: 2024-01-01\n{written}: x\n---\n")
    assert message.startswith(f"content/a.md:4: unknown key '{written}' (did you mean '{meant}'?)")


@pytest.mark.parametrize(
    ("written", "meant"),
    [("sumary", "description"), ("lastmode", "updated"), ("catgories", "tags")],
)
def test_a_near_spelling_of_another_tools_name_is_offered_ours(written: str, meant: str) -> None:
    """Docs promise a near spelling is offered the key meant: 'sumary' listed the valid keys
    alone, no key of ours being near it."""
    [message] = front_matter_errors(f"---\ntitle: T\ndate: 2024-01-01\n{written}: x\n---\n")
    assert message.startswith(f"content/a.md:4: unknown key '{written}' (did you mean '{meant}'?)")


def test_a_key_near_none_is_offered_nothing() -> None:
    [message] = front_matter_errors("---\ntitle: T\ndate: 2024-01-01\nzzzzqq: x\n---\n")
    assert message.startswith("content/a.md:4: unknown key 'zzzzqq' — valid keys: ")


def test_a_reference_s_link_is_offered_its_url() -> None:
    header = (
        "---\ntitle: T\ndate: 2024-01-01\nreferences:\n  - id: a\n    title: A\n    link: x\n---\n"
    )
    assert "content/a.md:7: unknown key 'references.link' (did you mean 'url'?)" in " ".join(
        front_matter_errors(header)
    )


def test_a_reference_s_year_is_offered_its_date_and_its_journal_its_publisher() -> None:
    header = (
        "---\ntitle: T\ndate: 2024-01-01\nreferences:\n  - title: A\n    url: https://x.org/\n"
        "    year: 2020\n    journal: J\n---\n"
    )
    messages = " ".join(front_matter_errors(header))
    assert "content/a.md:7: unknown key 'references.year' (did you mean 'date'?)" in messages
    assert (
        "content/a.md:8: unknown key 'references.journal' (did you mean 'publisher'?)" in messages
    )


def test_a_same_meaning_is_offered_only_where_that_key_is_valid() -> None:
    messages = config_messages("title: T\nbase_url: https://example.org/\nlink: x\n")
    assert "did you mean 'url'" not in " ".join(messages)


SITE_BASE = "title: T\nbase_url: https://example.org/\n"


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        pytest.param(
            lambda: front_matter_errors("---\ntilte: Sleep\ndate: 2024-01-01\n---\n"),
            "content/a.md:2: unknown key 'tilte' (did you mean 'title'?)",
            id="article-title",
        ),
        pytest.param(
            lambda: front_matter_errors("---\ntitle: Sleep\nsumary: S\n---\n"),
            "content/a.md:3: unknown key 'sumary' (did you mean 'description'?)",
            id="a-key-not-required-leaves-the-date-missing",
        ),
        pytest.param(
            lambda: config_messages("title: T\nbase_ulr: https://example.org/\n"),
            "site.yaml:2: unknown key 'base_ulr' (did you mean 'base_url'?)",
            id="site-base-url",
        ),
        pytest.param(
            lambda: config_messages(
                SITE_BASE + "reviewers:\n  r:\n    nmae: R\n    credentials: MD\n"
            ),
            "site.yaml:5: unknown key 'reviewers.r.nmae' (did you mean 'name'?)",
            id="reviewer-name",
        ),
        pytest.param(
            lambda: failure_messages(
                lambda: parse_references("references:\n  - title: T\n    ulr: https://e.org/\n")
            ),
            "content/a.md:4: unknown key 'references.ulr' (did you mean 'url'?)",
            id="reference-url",
        ),
        pytest.param(
            lambda: front_matter_errors(
                "---\ntitle: T\ndate: 2024-01-01\nimage:\n  src: a.png\n  atl: A\n---\n"
            ),
            "content/a.md:6: unknown key 'image.atl' (did you mean 'alt'?)",
            id="image-alt",
        ),
    ],
)
def test_a_misspelt_required_key_is_one_error_at_its_line(errors, expected: str) -> None:
    """'tilte:' was two errors, the key unknown at its line and 'title' missing at line 1
    (from a new-user trial): the key is written, misspelt, and the unknown key's error says
    which it is meant as."""
    found = [message.split(" — ")[0] for message in errors()]
    assert expected in found
    missing = ("missing required key", "needs '", "has no '")
    assert [m for m in found if any(word in m for word in missing)] == (
        ["content/a.md:1: missing required key 'date'"] if "sumary" in expected else []
    )
