from __future__ import annotations

import json

import pytest

from articlegen.content.config import load_config, parse_config
from articlegen.core.errors import BuildFailed, ConfigError
from articlegen.core.model import MenuItem

VALID = """\
title: "Site"
base_url: https://example.org/blog
language: en
per_page: 5
comments:
  provider: giscus
  default: true
  giscus: {repo: o/n, repo_id: R1, category: General, category_id: C1}
"""


def messages(text: str) -> list[str]:
    with pytest.raises(BuildFailed) as failed:
        parse_config(text)
    return [str(e) for e in failed.value.errors]


def test_valid_config_is_parsed_and_base_url_gets_a_slash() -> None:
    config = parse_config(VALID)
    assert config.base_url == "https://example.org/blog/"
    assert config.base_path == "/blog/"
    assert config.per_page == 5
    assert config.comments.provider == "giscus"
    assert config.comments.default is True
    assert config.comments.settings["repo_id"] == "R1"


def test_defaults() -> None:
    config = parse_config("title: T\nbase_url: https://e.org\n")
    assert (config.output, config.per_page, config.language, config.allow_html) == (
        "public",
        10,
        "en",
        False,
    )
    assert config.comments.provider is None


@pytest.mark.parametrize(
    ("line", "section"),
    [('accent: "#0a6b4f"', "theme"), ("widths: [480]", "images"), ("allow_html: true", "markdown")],
)
def test_a_key_of_a_mapping_written_at_the_top_is_pointed_under_it(line: str, section: str) -> None:
    key = line.split(":")[0]
    [message] = messages(f"title: T\nbase_url: https://e.org/\n{line}\n")
    assert message == (
        f"site.yaml:3: unknown key '{key}' (did you mean '{section}.{key}'?) — '{key}' belongs"
        f" under '{section}:': write '{section}:' on a line of its own, then '  {key}: …'"
        " indented below it"
    )


def test_a_mapping_already_written_is_named_and_an_exact_key_beats_a_near_one() -> None:
    text = (
        'title: T\nbase_url: https://e.org/\ntheme:\n  accent_dark: "#7fd4b0"\naccent: x\nsrc: y\n'
    )
    accent, src = messages(text)
    assert accent == (
        "site.yaml:5: unknown key 'accent' (did you mean 'theme.accent'?) — 'accent' belongs"
        " under 'theme:' (line 3): move it there, indented"
    )
    assert src.startswith(
        "site.yaml:6: unknown key 'src' (did you mean 'image.src'?)"
    )  # not 'search'


def test_unknown_key_names_file_line_and_closest_key() -> None:
    [message] = messages("title: T\nbase_url: https://e.org/\nbase_ulr: x\n")
    problem, _, hint = message.partition(" — ")
    assert problem == "site.yaml:3: unknown key 'base_ulr' (did you mean 'base_url'?)"
    assert hint.startswith("valid keys: author, authors, base_url, comments, description, ")


def test_missing_required_keys_and_wrong_types_are_all_reported() -> None:
    errors = messages("per_page: ten\ntitle: [a]\n")
    assert "site.yaml:1: missing required key 'base_url' — add 'base_url: …'" in errors
    assert "site.yaml:1: 'per_page' must be a whole number, found the text 'ten'" in errors
    assert (
        "site.yaml:2: 'title' must be text, found a list — write the text on the line of"
        " 'title:', in quotes if it starts with '[' or '{', which YAML reads as a list or a"
        " mapping" in errors
    )


def test_a_key_a_quote_left_open_read_on_over_is_not_also_missing() -> None:
    found = messages('title: "My blog\nbase_url: https://example.org/"\n')
    assert [message.split(" —")[0] for message in found] == [
        "site.yaml:1: the double quote opened on this line is not closed on it, so YAML read"
        " line 2 as part of 'title', and not as the key 'base_url' written there"
    ]


def test_a_nested_key_a_quote_left_open_read_on_over_is_not_also_missing() -> None:
    found = messages(
        'title: "My blog"\nbase_url: https://example.org/\nmenu:\n  - title: "About\n'
        '    link: about"\nreviewers:\n  example-reviewer:\n    name: "Example Reviewer\n'
        '    credentials: MD"\n'
    )
    assert [message.split(",")[0] for message in found] == [
        "site.yaml:4: the double quote opened on this line is not closed on it",
        "site.yaml:8: the double quote opened on this line is not closed on it",
    ]


def test_base_url_must_be_absolute() -> None:
    (error,) = messages("title: T\nbase_url: example.org\n")
    assert error.startswith("site.yaml:2: 'base_url' must be an absolute http(s) URL")


@pytest.mark.parametrize(
    ("written", "whole"),
    [
        ("example.org", "https://example.org/"),
        ("owner.github.io/repo", "https://owner.github.io/repo/"),
        ("www.example.org/blog/", "https://www.example.org/blog/"),
    ],
)
def test_a_base_url_without_https_is_offered_whole(written: str, whole: str) -> None:
    (error,) = messages(f"title: T\nbase_url: {written}\n")
    assert error == (
        f"site.yaml:2: 'base_url' must be an absolute http(s) URL, found '{written}' — write it"
        f" whole: base_url: {whole}"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ('https://e.org/x"y/', "holds characters a URL cannot hold: '\"'"),
        ("https://e.org/<b>/", "holds characters a URL cannot hold: '<' '>'"),
        ("https://e.org/a b/", "holds characters a URL cannot hold: ' '"),
        ("https://e.org/a\tb/", "holds characters a URL cannot hold: '\\t'"),
        ("https://e.org/blog/?x=1", "cannot have a query or fragment"),
        ("https://e.org/#top", "cannot have a query or fragment"),
        ("https://[::1/", "is no web address (Invalid IPv6 URL), found 'https://[::1/'"),
        ("https://e.org:99999/", "is no web address (Port out of range 0-65535)"),
        ("https://e.org:80a/", "is no web address (Port could not be cast to integer value"),
        ("https://:8080/", "is no web address (there is no host name after '//')"),
    ],
)
def test_base_url_must_be_a_url_an_attribute_can_hold(url: str, expected: str) -> None:
    (error,) = messages(f"title: T\nbase_url: {json.dumps(url)}\n")
    assert error.startswith(f"site.yaml:2: 'base_url' {expected}")


@pytest.mark.parametrize(
    "url", ["https://e.org/a%22b/", "https://例え.jp/", "http://e.org:8080/", "http://e.org:65535/"]
)
def test_base_url_with_encoded_or_international_characters_is_fine(url: str) -> None:
    assert parse_config(f"title: T\nbase_url: {url}\n").base_url == url


def test_provider_without_its_settings_is_an_error() -> None:
    (error,) = messages("title: T\nbase_url: https://e.org/\ncomments:\n  provider: isso\n")
    assert error.startswith("site.yaml:4: comments provider 'isso' needs a 'comments.isso' block")


def test_missing_provider_setting_and_nested_unknown_key() -> None:
    errors = messages(
        "title: T\nbase_url: https://e.org/\ncomments:\n  provider: giscus\n"
        "  giscus:\n    repo: a/b\n    repo_idd: x\n"
    )
    assert any("site.yaml:7: unknown key 'comments.giscus.repo_idd'" in e for e in errors)
    assert any("missing 'comments.giscus.category_id'" in e for e in errors)


def test_unknown_provider() -> None:
    (error,) = messages("title: T\nbase_url: https://e.org/\ncomments:\n  provider: disqus\n")
    assert (
        error
        == "site.yaml:4: unknown comments provider 'disqus' — use one of: giscus, isso, remark42"
    )


def test_yaml_syntax_error_has_line() -> None:
    with pytest.raises(ConfigError) as raised:
        parse_config('title: "unclosed\nbase_url: x\n')
    assert raised.value.path == "site.yaml" and raised.value.line is not None
    assert "invalid YAML" in str(raised.value)


def test_missing_site_yaml_suggests_init(tmp_path) -> None:
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert "articlegen init" in str(raised.value)


def test_markdown_allow_html() -> None:
    assert parse_config(
        "title: T\nbase_url: https://e.org/\nmarkdown: {allow_html: true}\n"
    ).allow_html


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "require: {tag: m}",
            "'require' must be a list, found a mapping — write each rule as "
            "'- {tag: medication, fields: [content_warning, references]}'",
        ),
        ("disclaimer: [a, b]", "'disclaimer' must be text, found a list — put the text in quotes"),
        (
            "editorial_policy: 3",
            "'editorial_policy' must be text, found the number 3 — give an https:// address, or the slug "
            "or file (content/pages/x.md) of a page or an article",
        ),
        (
            "review_interval_days: a year",
            "'review_interval_days' must be a whole number, found the text 'a year' — e.g. "
            "review_interval_days: 365",
        ),
    ],
)
def test_wrongly_typed_trust_settings_say_how_to_write_them(line: str, expected: str) -> None:
    assert messages(f"title: T\nbase_url: https://e.org/\n{line}\n") == [f"site.yaml:3: {expected}"]


def test_timezone_is_an_iana_name_checked_at_its_line() -> None:
    assert parse_config("title: T\nbase_url: https://e.org\n").timezone == "UTC"
    config = parse_config("title: T\nbase_url: https://e.org\ntimezone: Europe/Berlin\n")
    assert config.timezone == "Europe/Berlin" and config.zone.key == "Europe/Berlin"
    [message] = messages("title: T\nbase_url: https://e.org\ntimezone: Europe/Berln\n")
    assert message.startswith(
        "site.yaml:3: unknown time zone 'Europe/Berln' (did you mean 'Europe/Berlin'"
    )
    assert message.endswith("— use an IANA time zone name, e.g. timezone: Europe/Berlin or UTC")
    [message] = messages("title: T\nbase_url: https://e.org\ntimezone: localtime\n")
    assert message.startswith("site.yaml:3: unknown time zone 'localtime'")
    assert messages("title: T\nbase_url: https://e.org\ntimezone: 2\n") == [
        "site.yaml:3: 'timezone' must be text, found the number 2"
        " — an IANA name, e.g. timezone: Europe/Berlin"
    ]


def test_link_cache_days_defaults_to_a_week_and_is_checked_at_its_line() -> None:
    base = "title: T\nbase_url: https://e.org\n"
    assert parse_config(base).link_cache_days == 7
    assert parse_config(base + "link_cache_days: 0\n").link_cache_days == 0
    assert parse_config(base + "link_cache_days: 365\n").link_cache_days == 365
    assert messages(base + "link_cache_days: 366\n") == [
        "site.yaml:3: 'link_cache_days' must be at least 0 and at most 365, found 366 — e.g."
        " link_cache_days: 7 (0 asks for every link on every check)"
    ]
    assert messages(base + "link_cache_days: a week\n") == [
        "site.yaml:3: 'link_cache_days' must be a whole number, found the text 'a week' — e.g. link_cache_days: 7"
    ]


def test_menu_is_read_in_order_with_the_line_of_each_link() -> None:
    config = parse_config(
        "title: T\nbase_url: https://e.org/\nmenu:\n  - {title: About, link: about}\n"
        "  - title: ' Source '\n    link: https://example.org/\nmenu_builtin: false\n"
    )
    assert config.menu == (
        MenuItem("About", "about", 4),
        MenuItem("Source", "https://example.org/", 6),
    )
    assert config.menu_builtin is False
    default = parse_config("title: T\nbase_url: https://e.org/\n")
    assert (default.menu, default.menu_builtin) == ((), True)


def test_a_malformed_menu_is_an_error_at_each_entry() -> None:
    base = "title: T\nbase_url: https://e.org/\n"
    assert messages(base + "menu: {about: about}\n") == [
        "site.yaml:3: 'menu' must be a list, found a mapping — write each entry as "
        "'- {title: About, link: about}'"
    ]
    assert messages(
        base + "menu:\n  - about\n  - {title: About}\n  - {title: '', link: 3, url: x}\n"
    ) == [
        "site.yaml:4: menu entry 1 must be a mapping — write each entry as "
        "'- {title: About, link: about}'",
        "site.yaml:5: menu entry 2 has no 'link' — write each entry as "
        "'- {title: About, link: about}'",
        "site.yaml:6: unknown key 'menu.url' (did you mean 'link'?) — valid keys: link, title",
        "site.yaml:6: 'menu.title' is empty — write a value",
        "site.yaml:6: 'menu.link' must be text, found the number 3 — put it in quotes: link: \"3\"",
    ]
    assert messages(base + "menu:\n  - name: About\n    url: about\n") == [  # as Hugo's
        "site.yaml:4: unknown key 'menu.name' (did you mean 'title'?) — valid keys: link, title",
        "site.yaml:5: unknown key 'menu.url' (did you mean 'link'?) — valid keys: link, title",
    ]
    assert messages(base + "menu:\n  - Our Team: pages/team.md\n  - name: About\n") == [
        "site.yaml:4: menu entry 1 is written as its title and its link, 'Our Team:"
        " pages/team.md' — write the two as keys of the entry: - {title: Our Team, link:"
        " pages/team.md}",
        "site.yaml:5: unknown key 'menu.name' (did you mean 'title'?) — valid keys: link, title",
        "site.yaml:5: menu entry 2 has no 'link' — write each entry as "
        "'- {title: About, link: about}'",
    ]
    assert messages(base + "menu_builtin: no thanks\n") == [
        "site.yaml:3: 'menu_builtin' must be true or false, found the text 'no thanks'"
        " — write menu_builtin: true or menu_builtin: false"
    ]


def test_an_empty_key_says_how_to_fill_it_in() -> None:
    """A required key left empty takes a value; one with a default may also be removed."""
    assert messages('title: ""\nbase_url: https://blog.example.com/\noutput: " "\n') == [
        "site.yaml:1: 'title' is empty — write a value",
        "site.yaml:3: 'output' is empty — write a value, or remove the key to take the default",
    ]


def test_a_setting_between_curly_quotes_is_an_error_at_its_line() -> None:
    assert messages(
        'title: \u201cMy Blog\u201d\nbase_url: "https://example.org/"\n'
        "reviewers:\n  example-reviewer:\n    name: Example Reviewer\n"
        "    credentials: \u201cMD\u201d\n"
    ) == [
        "site.yaml:1: 'title' is written between curly quotes, \u201cMy Blog\u201d, and YAML"
        " takes only straight quotes (\" and ') as quotes: the curly ones would be part of the"
        ' text — write straight quotes, title: "My Blog"; to show the curly quotes, put the'
        " whole value in straight ones, title: '\u201cMy Blog\u201d'",
        "site.yaml:6: 'reviewers.example-reviewer.credentials' is written between curly quotes,"
        " \u201cMD\u201d, and YAML takes only straight quotes (\" and ') as quotes: the curly"
        ' ones would be part of the text — write straight quotes, credentials: "MD"; to show'
        " the curly quotes, put the whole value in straight ones, credentials: '\u201cMD\u201d'",
    ]
