"""The schema tables (``core/schema.py``) and the records the readers fill agree field by field,
and the readers take their keys, checks and fixes from the tables."""

from __future__ import annotations

import dataclasses
import zoneinfo

import pytest

from articlegen.content.config import parse_config
from articlegen.content.frontmatter import parse_front_matter
from articlegen.core.errors import BuildFailed
from articlegen.core.model import FrontMatter, SiteConfig
from articlegen.core.schema import (
    FRONT_MATTER,
    FRONT_MATTER_KEYS,
    SITE,
    SITE_KEYS,
    Check,
    FrontMatterKey,
    Key,
    SiteKey,
)

RECORD_ONLY = ("lines",)
"""Fields a reader fills that no key writes: where each key was."""

ANNOTATIONS: dict[Check, str] = {
    "title": "str",
    "text": "str",
    "slug": "str",
    "id": "str",
    "date": "Date",
    "day": "dt.date",
    "flag": "bool",
    "tags": "tuple[str, ...]",
    "links": "tuple[LinkRef, ...]",
    "aliases": "tuple[Alias, ...]",
    "references": "tuple[Reference, ...]",
    "image": "HeroImage",
}
"""The type each check reads a value into, as ``model`` annotates it."""

UTC = zoneinfo.ZoneInfo("UTC")


def record_fields(record: type) -> dict[str, dataclasses.Field[object]]:
    return {f.name: f for f in dataclasses.fields(record) if f.name not in RECORD_ONLY}


def field_default(field: dataclasses.Field[object]) -> object:
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return field.default


def always_required(key: Key) -> bool:
    return key.required and not key.unless


def test_front_matter_fields_are_the_table_s_keys_in_its_order() -> None:
    assert list(record_fields(FrontMatter)) == list(FRONT_MATTER_KEYS)


@pytest.mark.parametrize("key", FRONT_MATTER, ids=lambda key: key.name)
def test_each_front_matter_field_has_its_key_s_default_and_type(key: FrontMatterKey) -> None:
    field = record_fields(FrontMatter)[key.name]
    assert (field_default(field) is dataclasses.MISSING) == always_required(key)
    if not always_required(key):
        assert field_default(field) == key.default
    optional = not always_required(key) and key.default is None
    assert field.type == ANNOTATIONS[key.check] + (" | None" if optional else "")


def test_site_config_fields_are_the_table_s_keys_in_its_order() -> None:
    assert list(record_fields(SiteConfig)) == [key.field or key.name for key in SITE]


@pytest.mark.parametrize("key", SITE, ids=lambda key: key.name)
def test_each_site_config_field_has_its_key_s_default_and_type(key: SiteKey) -> None:
    field = record_fields(SiteConfig)[key.field or key.name]
    assert (field_default(field) is dataclasses.MISSING) == key.required
    if not key.structured:
        assert field.type == key.type.__name__
        if not key.required:
            assert field_default(field) == key.default


def test_names_are_unique_and_the_key_lists_follow_the_tables() -> None:
    assert len(set(FRONT_MATTER_KEYS)) == len(FRONT_MATTER) == len(FRONT_MATTER_KEYS)
    assert len(set(SITE_KEYS)) == len(SITE) == len(SITE_KEYS)
    assert all(key.unless in FRONT_MATTER_KEYS for key in FRONT_MATTER if key.unless)
    assert not any(key.page for key in FRONT_MATTER if key.article_only)


def test_every_required_front_matter_key_missing_is_an_error_with_its_fix() -> None:
    with pytest.raises(BuildFailed) as failed:
        parse_front_matter("description: x\n", "content/a.md", zone=UTC)
    assert [(p.message, p.hint) for p in failed.value.errors] == [
        ("missing required key 'title'", "add 'title: …'"),
        ("missing required key 'date'", "add 'date: YYYY-MM-DD' (or 'draft: true')"),
    ]
    assert parse_front_matter("title: x\ndraft: true\n", "content/a.md", zone=UTC).date is None


def test_every_required_site_key_missing_is_an_error_with_its_fix() -> None:
    with pytest.raises(BuildFailed) as failed:
        parse_config("language: en\n")
    assert [(p.message, p.hint) for p in failed.value.errors] == [
        ("missing required key 'title'", "add 'title: …'"),
        ("missing required key 'base_url'", "add 'base_url: …'"),
    ]


@pytest.mark.parametrize("key", [key for key in SITE if key.hint], ids=lambda key: key.name)
def test_a_site_key_of_the_wrong_type_gets_its_hint(key: SiteKey) -> None:
    wrong = "[1]" if key.type is not list else "1"
    text = f"title: T\nbase_url: https://example.org/\n{key.name}: {wrong}\n"
    with pytest.raises(BuildFailed) as failed:
        parse_config(text)
    [problem] = failed.value.errors
    assert (problem.line, problem.hint) == (3, key.hint)
