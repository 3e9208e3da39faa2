"""Settings a published site needs: sample addresses, no description, placeholder comment ids."""

from __future__ import annotations

import datetime as dt

import pytest

from articlegen.content.config import parse_config
from articlegen.content.readiness import is_example_address, scaffold_warnings, unready_settings
from articlegen.core.model import Article, FrontMatter
from articlegen.core.scaffolds import FIRST_PARAGRAPH, WELCOME_BODY

READY = """\
title: "Site"
base_url: https://blog.example.test/
description: "Notes on sleep and recovery."
comments:
  provider: giscus
  giscus:
    repo: someone/blog
    repo_id: R_kgDOAbCdEf
    category: Comments
    category_id: DIC_kwDOAbCdEf4CXyZ
"""


def warnings_of(text: str) -> list[str]:
    return [str(w) for w in unready_settings(parse_config(text))]


def test_a_ready_site_has_no_warning() -> None:
    assert warnings_of(READY) == []


@pytest.mark.parametrize(
    ("url", "example"),
    [
        ("https://example.org/", True),
        ("https://example.com/blog/", True),
        ("http://www.example.net/", True),
        ("https://blog.example.org./", True),
        ("https://site.example/", True),
        ("https://nowhere.invalid/", True),
        ("https://example.test/", False),  # reserved for tests, not a sample left unedited
        ("https://notexample.org/", False),
        ("https://example.org.uk/", False),
    ],
)
def test_example_addresses(url: str, example: bool) -> None:
    assert is_example_address(url) is example


def test_sample_base_url_names_its_key_and_line() -> None:
    text = READY.replace("https://blog.example.test/", '"https://example.org/"')
    assert warnings_of(text) == [
        "site.yaml:2: 'base_url' is https://example.org/, a reserved example address no real "
        "site has, so canonical links, feeds and the sitemap would point nowhere — set base_url"
        " to the blog's address,"
        " or build with --base-url (the publish workflow passes the GitHub Pages address)"
    ]


def test_empty_or_missing_description() -> None:
    empty = READY.replace('"Notes on sleep and recovery."', '"  "')
    assert [w.split(":")[:3] for w in warnings_of(empty)] == [
        ["site.yaml", "3", " 'description' is empty"]
    ]
    missing = "".join(line for line in READY.splitlines(True) if "description" not in line)
    assert [w.split(":")[:3] for w in warnings_of(missing)] == [
        ["site.yaml", "1", " there is no 'description'"]
    ]


def test_placeholder_comment_ids_are_named_one_by_one() -> None:
    text = READY.replace("someone/blog", '"owner/name"').replace(
        "R_kgDOAbCdEf", '"R_replace-with-repo-id"'
    )
    assert warnings_of(text) == [
        f"site.yaml:{line}: 'comments.giscus.{key}' is a placeholder ('{value}'): readers who "
        "open the comments would get a comments widget from giscus that does not load — set the "
        "value giscus "
        "gives for this site; to turn comments off, remove comments.provider and every "
        "'comments: true'"
        for line, key, value in [
            (7, "repo", "owner/name"),
            (8, "repo_id", "R_replace-with-repo-id"),
        ]
    ]


@pytest.mark.parametrize(
    "block",
    [
        "isso: {url: 'https://comments.example.org/'}",
        "remark42: {host: 'https://remark42.example.com', site_id: 'your-site-id'}",
        "remark42: {host: 'https://comments.blog.test', site_id: '<site id>'}",
        "isso: {url: 'https://…'}",
    ],
)
def test_placeholders_of_other_providers(block: str) -> None:
    provider = block.split(":")[0]
    text = f"title: T\nbase_url: https://a.test/\ndescription: D\ncomments:\n  provider: {provider}\n  {block}\n"
    assert warnings_of(text), block


def test_real_values_of_other_providers_pass() -> None:
    text = (
        "title: T\nbase_url: https://a.test/\ndescription: D\ncomments:\n  provider: remark42\n"
        "  remark42: {host: 'https://remark42.blog.test', site_id: 'blog'}\n"
    )
    assert warnings_of(text) == []


def scaffolded(
    body: str, *, draft: bool = False, page: bool = False, description: str | None = None
) -> Article:
    """An article whose body starts on line 7 of its file."""
    front = FrontMatter(
        title="Heart", date=dt.date(2024, 1, 1), draft=draft, description=description
    )
    return Article("content/heart.md", "heart", front, body, 7, page)


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (f"\n{FIRST_PARAGRAPH}\n", 8),
        (f"My own words.\n\n{FIRST_PARAGRAPH}\n\nMore.\n", 9),
        ("\n" + FIRST_PARAGRAPH.replace(" the summary ", "\nthe summary\n  "), 8),  # rewrapped
    ],
)
def test_the_placeholder_new_wrote_is_warned_at_its_line(body: str, line: int) -> None:
    (warning,) = scaffold_warnings([scaffolded(body)])
    assert (warning.path, warning.line) == ("content/heart.md", line)
    assert warning.message == (
        "'Write the first paragraph here: …' is the placeholder 'articlegen new' wrote: readers"
        " would get it as the article's first paragraph and its summary"
    )
    assert warning.hint == (
        "write your own first paragraph in its place, or keep 'draft: true' until the article"
        " is written"
    )


def test_a_page_or_an_article_with_a_description_is_told_what_readers_get() -> None:
    (page,) = scaffold_warnings([scaffolded(FIRST_PARAGRAPH, page=True)])
    assert page.message.endswith(
        "readers would get it as the page's first paragraph and its summary"
    )
    (described,) = scaffold_warnings([scaffolded(FIRST_PARAGRAPH, description="Signs.")])
    assert described.message.endswith("readers would get it as the article's first paragraph")


def test_the_sample_init_wrote_is_warned_while_unchanged_but_for_spacing() -> None:
    (warning,) = scaffold_warnings([scaffolded(WELCOME_BODY)])
    assert (warning.line, warning.message) == (
        8,
        "this is the sample article 'articlegen init' wrote, unchanged: readers would get it as"
        " one of this blog's articles",
    )
    rewrapped = WELCOME_BODY.replace("\n", "  \n").replace(" It lives", "\nIt lives")
    assert len(scaffold_warnings([scaffolded(rewrapped)])) == 1


@pytest.mark.parametrize(
    "body",
    [
        "Write the first paragraph here: heart attacks often start slowly.",  # the writer's
        "Warning signs.\n\n> Write the first paragraph here: it becomes the summary",
        WELCOME_BODY.replace("first article", "first real article"),
        WELCOME_BODY + "\nMy own closing words.\n",
        WELCOME_BODY.split("## Writing")[0],
    ],
)
def test_text_a_writer_wrote_is_no_warning(body: str) -> None:
    assert scaffold_warnings([scaffolded(body)]) == []


def test_drafts_keep_their_scaffold_text_without_a_word() -> None:
    articles = [scaffolded(FIRST_PARAGRAPH, draft=True), scaffolded(WELCOME_BODY, draft=True)]
    assert scaffold_warnings(articles) == []
