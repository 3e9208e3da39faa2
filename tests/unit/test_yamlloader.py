"""``yamlloader.Loader``: plain scalars resolve to the tags PyYAML's resolver gives, the
remembered ones too."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.yamlloader import Loader

WRITTEN = [
    *["", "~", "null", "Null", "1", "-0x1F", "0o17", "0b101", "1_000", "1:30", "3.5", "-.5e3"],
    *[".inf", "-.Inf", ".NaN", "yes", "No", "TRUE", "off", "y", "=", "<<", "2024-01-01"],
    *["2024-05-14 10:00:00+02:00", "title", "men's health", "12 weeks", "-", "0"],
]  # fmt: skip
"""Plain scalars of every implicit tag (null, bool, int, float, value, merge and timestamp,
the last two unresolved in ``Loader``) and plain text."""


@given(st.sampled_from(WRITTEN) | st.text(max_size=10), st.sampled_from([True, False]))
def test_a_plain_scalar_gets_pyyaml_s_tag_every_time(value: str, quoted_implicit: bool) -> None:
    loader = Loader("")
    try:
        implicit = (True, quoted_implicit)
        expected = yaml.resolver.BaseResolver.resolve(loader, yaml.ScalarNode, value, implicit)
        assert loader.resolve(yaml.ScalarNode, value, implicit) == expected
        assert loader.resolve(yaml.ScalarNode, value, implicit) == expected  # remembered
    finally:
        loader.dispose()


def test_quoted_scalars_and_collections_keep_their_default_tags() -> None:
    loader = Loader("")
    try:
        assert loader.resolve(yaml.ScalarNode, "1", (False, True)) == "tag:yaml.org,2002:str"
        assert loader.resolve(yaml.SequenceNode, None, True) == "tag:yaml.org,2002:seq"
        assert loader.resolve(yaml.MappingNode, None, True) == "tag:yaml.org,2002:map"
    finally:
        loader.dispose()


def test_timestamps_and_merge_keys_stay_text() -> None:
    assert yaml.load("a: 2024-01-01\n<<: x\n", Loader=Loader) == {"a": "2024-01-01", "<<": "x"}


def test_a_loader_given_path_resolvers_follows_them() -> None:
    """Only a loader without path resolvers skips PyYAML's: one given some still uses them."""

    class Pathed(Loader):  # type: ignore[misc]
        pass

    Pathed.add_path_resolver("!pathed", ["a"], yaml.ScalarNode)
    text = 'a: "x"\nb: "y"\n'
    pathed, plain = yaml.compose(text, Loader=Pathed), yaml.compose(text, Loader=Loader)
    assert pathed is not None and plain is not None
    assert [value.tag for _, value in pathed.value] == ["!pathed", "tag:yaml.org,2002:str"]
    assert [value.tag for _, value in plain.value] == ["tag:yaml.org,2002:str"] * 2
