"""The schema tables (``core/schema.py``, and ``core/nestedkeys.py`` for nested records) and the
records the readers fill agree field by field, and the readers take their keys, checks and
fixes from the tables."""

from __future__ import annotations

import dataclasses
import zoneinfo

import pytest
import yaml

from articlegen.content import theme
from articlegen.content.config import parse_config
from articlegen.content.frontmatter import parse_front_matter
from articlegen.content.theme import ThemeSettings
from articlegen.core.errors import BuildFailed
from articlegen.core.model import (
    CommentsConfig,
    FrontMatter,
    HeroImage,
    MenuItem,
    Person,
    Reference,
    Requirement,
    SiteConfig,
)
from articlegen.core.nestedkeys import (
    COMMENT_PROVIDERS,
    COMMENTS,
    HERO_IMAGE,
    IMAGES,
    MARKDOWN,
    MENU_ENTRY,
    MENU_ENTRY_HINT,
    PERSON,
    REFERENCE,
    REQUIREMENT,
    THEME,
    NestedKey,
    key_names,
    required_keys,
)
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

RECORD_ONLY = ("lines", "merged_tags", "split_tags")
"""Fields a reader fills that no key writes: where each key was, the tags of a list
left out as an earlier one makes the same page, and the tags YAML read from two lines."""

ANNOTATIONS: dict[Check, str] = {
    "title": "str",
    "text": "str",
    "text_or_false": "str | Literal[False]",
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
        (
            "missing required key 'date'",
            "add 'date: YYYY-MM-DD' (or 'draft: true'); a page with no date, such as About,"
            " goes in content/pages/",
        ),
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


NESTED: list[tuple[str, tuple[NestedKey, ...], type, tuple[str, ...]]] = [
    ("references", REFERENCE, Reference, ("line", "url_line")),
    ("people", PERSON, Person, ("id", "reviewer", "lines")),
    ("menu", MENU_ENTRY, MenuItem, ("line",)),
    ("require", REQUIREMENT, Requirement, ("line",)),
    ("comments", COMMENTS, CommentsConfig, ()),
    ("image", HERO_IMAGE, HeroImage, ("line",)),
    ("theme", THEME, ThemeSettings, ()),
]
"""Each nested record's table, its record, and the fields a reader fills that no key writes
(where it was, the id it sits under)."""


@pytest.mark.parametrize(
    ("table", "record", "record_only"), [n[1:] for n in NESTED], ids=[n[0] for n in NESTED]
)
def test_each_nested_record_has_a_field_for_each_key_and_nothing_else(
    table: tuple[NestedKey, ...], record: type, record_only: tuple[str, ...]
) -> None:
    fields = {f.name for f in dataclasses.fields(record)} - set(record_only)
    assert fields == {key.field_name for key in table}


@pytest.mark.parametrize(("table", "record"), [n[1:3] for n in NESTED], ids=[n[0] for n in NESTED])
def test_each_nested_field_has_its_key_s_default(
    table: tuple[NestedKey, ...], record: type
) -> None:
    fields = {f.name: f for f in dataclasses.fields(record)}
    for key in table:
        field = fields[key.field_name]
        assert (field_default(field) is dataclasses.MISSING) == key.required, key.name
        if not key.required and not key.field:  # a field filled by several keys has its own
            assert field_default(field) == key.default, key.name


@pytest.mark.parametrize(
    ("table", "annotation"),
    [(MARKDOWN, "bool"), (IMAGES, "tuple[int, ...]")],
    ids=["markdown", "images"],
)
def test_a_one_key_block_fills_a_site_config_field_with_its_default(
    table: tuple[NestedKey, ...], annotation: str
) -> None:
    [key] = table
    field = record_fields(SiteConfig)[key.field_name]
    assert field_default(field) == key.default and field.type == annotation


def test_nested_names_are_unique_and_required_ones_exist() -> None:
    tables = [table for _, table, _, _ in NESTED] + [MARKDOWN, IMAGES, *COMMENT_PROVIDERS.values()]
    for table in tables:
        assert len(set(key_names(table))) == len(table)
        assert all(not (key.required and key.required_in) for key in table)


def config_errors(text: str) -> set[tuple[int | None, str, str | None]]:
    """The errors of ``site.yaml`` holding ``text`` after its required keys (its line 3 on)."""
    with pytest.raises(BuildFailed) as failed:
        parse_config("title: T\nbase_url: https://example.org/\n" + text)
    return {(p.line, p.message, p.hint) for p in failed.value.errors}


def valid_keys(table: tuple[NestedKey, ...]) -> str:
    return "valid keys: " + ", ".join(sorted(key_names(table)))


def test_a_reference_is_read_by_its_table() -> None:
    header = "title: A\ndate: 2024-01-01\nreferences:\n  - zzz: 1\n"
    with pytest.raises(BuildFailed) as failed:
        parse_front_matter(header, "content/a.md", zone=UTC, first_line=1)
    assert [(p.line, p.message, p.hint) for p in failed.value.errors] == [
        (4, "unknown key 'references.zzz'", valid_keys(REFERENCE)),
        *((4, f"reference 1 has no '{key}'", f"add '{key}: …' to it") for key in ("title", "url")),
    ]
    assert required_keys(REFERENCE) == ("title", "url")


@pytest.mark.parametrize("section", ["authors", "reviewers"])
def test_a_person_is_read_by_its_table(section: str) -> None:
    needed = required_keys(PERSON, section)
    assert needed == (("name", "credentials") if section == "reviewers" else ("name",))
    why = {"credentials": " (readers look for a reviewer's qualifications)"}
    assert config_errors(f"{section}:\n  x:\n    zzz: 1\n") == {
        (5, f"unknown key '{section}.x.zzz'", valid_keys(PERSON)),
        *(
            (4, f"'{section}.x' needs '{key}'{why.get(key, '')}", f"add '{key}: …'")
            for key in needed
        ),
    }


def test_a_menu_entry_is_read_by_its_table() -> None:
    assert config_errors("menu:\n  - zzz: 1\n") == {
        (4, "unknown key 'menu.zzz'", valid_keys(MENU_ENTRY)),
        *(
            (4, f"menu entry 1 has no '{key}'", MENU_ENTRY_HINT)
            for key in required_keys(MENU_ENTRY)
        ),
    }


def test_a_require_rule_is_read_by_its_table() -> None:
    assert config_errors("require:\n  - zzz: 1\n") == {
        (4, "unknown key 'require.zzz'", valid_keys(REQUIREMENT)),
        *((4, f"require rule 1 has no '{key}'", f"add '{key}:'") for key in ("tag", "fields")),
    }


@pytest.mark.parametrize("provider", list(COMMENT_PROVIDERS))
def test_comments_and_each_provider_s_block_are_read_by_their_tables(provider: str) -> None:
    text = f"comments:\n  zzz: 1\n  provider: {provider}\n  {provider}:\n    yyy: 1\n"
    settings = COMMENT_PROVIDERS[provider]
    assert config_errors(text) == {
        (4, "unknown key 'comments.zzz'", valid_keys(COMMENTS)),
        (7, f"unknown key 'comments.{provider}.yyy'", valid_keys(settings)),
        *(
            (6, f"missing 'comments.{provider}.{key}'", f"add {key}: …")
            for key in required_keys(settings)
        ),
    }


def test_markdown_is_read_by_its_table() -> None:
    assert config_errors("markdown:\n  zzz: true\n") == {
        (4, "unknown key 'markdown.zzz'", valid_keys(MARKDOWN)),
    }


EXAMPLES: list[tuple[Key, tuple[NestedKey, ...], str]] = [
    *((key, REFERENCE, "") for key in FRONT_MATTER if key.name == "references"),
    *((key, PERSON, "authors") for key in SITE if key.name == "authors"),
    *((key, PERSON, "reviewers") for key in SITE if key.name == "reviewers"),
    *((key, MENU_ENTRY, "") for key in SITE if key.name == "menu"),
    *((key, REQUIREMENT, "") for key in SITE if key.name == "require"),
    *((key, COMMENTS, "") for key in SITE if key.name == "comments"),
    *((key, MARKDOWN, "") for key in SITE if key.name == "markdown"),
    *((key, IMAGES, "") for key in SITE if key.name == "images"),
    *((key, THEME, "") for key in SITE if key.name == "theme"),
    *((key, HERO_IMAGE, "") for key in (*FRONT_MATTER, *SITE) if key.name == "image"),
]
"""The top-level keys whose docs example writes records of a nested table."""


@pytest.mark.parametrize(
    ("key", "table", "section"), EXAMPLES, ids=lambda x: getattr(x, "name", "")
)
def test_the_docs_examples_of_nested_records_keep_to_their_tables(
    key: Key, table: tuple[NestedKey, ...], section: str
) -> None:
    """The example a top-level key shows (in the docs' example file) writes only keys of its
    records' table, and every key the table requires."""
    value = yaml.safe_load(f"{key.name}:{key.example}")[key.name]
    records = value if isinstance(value, list) else list(value.values()) if section else [value]
    assert records
    for record in records:
        assert set(record) <= set(key_names(table))
        assert set(required_keys(table, section)) <= set(record)


@pytest.mark.parametrize("header", [False, True], ids=["site.yaml", "front-matter"])
def test_an_image_is_read_by_its_table(header: bool) -> None:
    text = "image:\n  zzz: 1\n"
    if header:
        with pytest.raises(BuildFailed) as failed:
            parse_front_matter(
                "title: A\ndate: 2024-01-01\n" + text, "content/a.md", zone=UTC, first_line=1
            )
        found = {(p.line, p.message, p.hint) for p in failed.value.errors}
    else:
        found = config_errors(text)
    alt = '; alt: "" marks a decorative image'
    assert found == {
        (4, "unknown key 'image.zzz'", valid_keys(HERO_IMAGE)),
        *(
            (3, f"'image' has no '{key}'", f"add '{key}: …' to it" + (alt if key == "alt" else ""))
            for key in required_keys(HERO_IMAGE)
        ),
    }


def test_images_is_read_by_its_table() -> None:
    assert config_errors("images:\n  zzz: 1\n") == {
        (4, "unknown key 'images.zzz'", valid_keys(IMAGES)),
    }


def test_theme_is_read_by_its_table() -> None:
    assert config_errors("theme:\n  zzz: 1\n") == {
        (4, "unknown key 'theme.zzz'", valid_keys(THEME)),
    }


def test_each_theme_colour_has_the_backgrounds_its_contrast_is_checked_on() -> None:
    assert set(theme._BACKGROUNDS) == set(key_names(THEME))
