"""Imported authors matched to site.yaml's registry, or added to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.authoring.siteauthors import AuthorChoice, choose_author, with_authors
from articlegen.content.config import load_config
from tests.conftest import write_tree

REGISTRY = """title: T
base_url: "https://example.org/"
author: example-author
authors:
  example-author:
    name: "Example Author"  # the site's owner

reviewers:
  example-reviewer:
    name: Example Reviewer
    credentials: MD
"""


def _config(tmp_path: Path, text: str):
    write_tree(tmp_path, f"-- site.yaml --\n{text}")
    return load_config(tmp_path)


def test_free_text_site_keeps_names(tmp_path: Path) -> None:
    config = _config(
        tmp_path, 'title: T\nbase_url: "https://example.org/"\nauthor: Example Author\n'
    )
    assert choose_author("Example Writer", config, {}, False) == AuthorChoice("Example Writer")
    assert choose_author("Example Author", config, {}, False) == AuthorChoice(None)  # the default


def test_registry_matches_ids_and_names_else_comments_or_adds(tmp_path: Path) -> None:
    config = _config(tmp_path, REGISTRY)
    assert choose_author("Example Author", config, {}, False) == AuthorChoice(None)
    assert choose_author("Example Reviewer", config, {}, False) == AuthorChoice("example-reviewer")
    assert choose_author("Example Writer", config, {}, False) == AuthorChoice(
        "Example Writer", commented=True
    )
    added: dict[str, str] = {}
    assert choose_author("Example Writer", config, added, True) == AuthorChoice("example-writer")
    assert choose_author("example writer", config, added, True) == AuthorChoice("example-writer")
    assert added == {"example-writer": "Example Writer"}


@pytest.mark.parametrize(
    "text",
    [
        REGISTRY,
        'title: T\nbase_url: "https://example.org/"\n',
        "title: T\nbase_url: https://example.org/\nauthors:\n    a:\n        name: A",
    ],
)
def test_added_authors_make_a_valid_site_yaml(tmp_path: Path, text: str) -> None:
    new = with_authors(text, {"example-writer": "Example Writer: {Guest}"})
    config = _config(tmp_path, new)
    assert config.authors["example-writer"].name == "Example Writer: {Guest}"
    added = [
        line for line in new.splitlines() if "xample Writer" in line or "example-writer" in line
    ]
    kept = [line for line in new.splitlines() if line not in added and line.strip()]
    if "authors:" not in text:
        added.append(kept.pop())  # the key itself, new at the end
    assert kept == [line for line in text.splitlines() if line.strip()]  # comments included
    assert len(config.authors) == len(_config(tmp_path / "b", text).authors) + 1
