"""Settings a published site needs: sample addresses, no description, placeholder comment ids."""

from __future__ import annotations

import pytest

from articlegen.content.config import parse_config
from articlegen.content.readiness import is_example_address, unready_settings

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
