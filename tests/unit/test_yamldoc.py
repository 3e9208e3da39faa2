from __future__ import annotations

from unittest import mock

import pytest
import yaml
from hypothesis import assume, event, example, given
from hypothesis import strategies as st

from articlegen.core import yamldoc, yamlloader, yamlsize
from articlegen.core.errors import ArticlegenError
from articlegen.core.yamldoc import load_mapping, usable
from articlegen.core.yamlentry import Entry


def syntax_error(text: str) -> str:
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(text, "f.md", ArticlegenError, first_line=2)
    return str(raised.value)


def test_lines_are_file_lines() -> None:
    entries, problems = load_mapping(
        "a: 1\nb:\n  - x\n  - y\n", "f.md", ArticlegenError, first_line=2
    )
    assert problems == []
    assert entries["a"] == Entry(1, 2)
    assert entries["b"].item_lines == (4, 5)


def test_unconstructible_value_stays_as_a_broken_entry() -> None:
    entries, problems = load_mapping("a: !!timestamp 2024-13-01\nb: 1\n", "f.md", ArticlegenError)
    assert [str(p) for p in problems] == [
        "f.md:1: invalid value for 'a': month must be in 1..12"
        " — write a real date as YYYY-MM-DD, e.g. 2024-05-14"
    ]
    assert entries["a"].broken and set(usable(entries)) == {"b"}


def test_a_timestamp_pyyaml_cannot_construct_is_a_clean_problem() -> None:
    """Found by the property test: PyYAML raised AttributeError for a seconds offset."""
    text = "date: !!timestamp '1937-01-01 00:00:00+00:19:32'\nb: 1\n"
    entries, problems = load_mapping(text, "f.md", ArticlegenError, first_line=2)
    assert [str(p) for p in problems] == [
        "f.md:2: invalid value for 'date': not a valid timestamp"
        " — write a real date as YYYY-MM-DD, e.g. 2024-05-14"
    ]
    assert entries["date"].broken and set(usable(entries)) == {"b"}


def test_unclosed_quote_points_at_the_opening_line() -> None:
    assert syntax_error("a: 'open\nb: 2\nc: 3\n") == (
        "f.md:2: invalid YAML: the quote opened on this line is never closed"
        " — end the value with the same quote it starts with: a: 'open'"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'title: "My blog\nbase_url: "https://example.org/"\n',
            "f.md:2: invalid YAML: the double quote opened on this line is not closed on it, so"
            " YAML read the lines after it, up to the next one on line 3, as part of the value"
            ' — end the value with the same quote it starts with: title: "My blog"',
            id="block-mapping",
        ),
        pytest.param(
            "title: 'Sleep\nlanguage: en\nauthor: 'Example Author'\n",
            "f.md:2: invalid YAML: the single quote opened on this line is not closed on it, so"
            " YAML read the lines after it, up to the next one on line 4, as part of the value"
            " — end the value with the same quote it starts with: title: 'Sleep'",
            id="lines-between",
        ),
        pytest.param(
            'description: "A blog\nauthor: "Example: Author"\n',
            "f.md:2: invalid YAML: the double quote opened on this line is not closed on it, so"
            " YAML read the lines after it, up to the next one on line 3, as part of the value"
            ' — end the value with the same quote it starts with: description: "A blog"',
            id="colon-after-the-next-quote",
        ),
        pytest.param(
            'tags: ["sleep, rest]\ntitle: "T"\n',
            "f.md:2: invalid YAML: the double quote opened on this line is not closed on it, so"
            " YAML read the lines after it, up to the next one on line 3, as part of the value"
            " — end the value with the same quote it starts with",
            id="in-a-list-not-its-bracket",
        ),
        pytest.param(
            'menu:\n  - {title: "About, link: about}\n  - {title: "Contact", link: contact}\n',
            "f.md:3: invalid YAML: the double quote opened on this line is not closed on it, so"
            " YAML read the lines after it, up to the next one on line 4, as part of the value"
            " — end the value with the same quote it starts with",
            id="in-a-mapping-not-its-brace",
        ),
    ],
)
def test_a_quote_closed_only_by_a_later_line_s_is_named_at_its_opening(
    text: str, expected: str
) -> None:
    """PyYAML names the line after the next quote ("did not find expected key"), or the
    bracket around it: the fix is closing the quote on the line it opens."""
    assert syntax_error(text) == expected


def test_a_value_written_over_lines_on_purpose_is_not_called_unclosed() -> None:
    """No key was read into the value: the error after it is another one."""
    assert syntax_error('description: "a long\n  text" and more\n') == (
        "f.md:3: invalid YAML: did not find expected key (while parsing a block mapping)"
        " — check quotes, colons and indentation (spaces, not tabs)"
    )


def test_unclosed_bracket_points_at_the_opening_line() -> None:
    assert syntax_error("a: 1\nb: [x, y\nc: 3\n") == (
        "f.md:3: invalid YAML: the '[' opened on this line is never closed — end the value with ']'"
    )
    assert syntax_error("a: {x: 1,\n  y: 2\nc: 3\n") == (
        "f.md:2: invalid YAML: the '{' opened on this line is never closed — end the value with '}'"
    )


def test_a_comment_that_hides_the_closing_bracket_is_named() -> None:
    assert syntax_error("a: 1\nsee_also: [low-testosterone #tests]\nc: 3\n") == (
        "f.md:3: invalid YAML: the '[' opened on this line is never closed — ' #' starts a"
        " comment in YAML, which hid the rest of the line, its ']' included: put the item"
        " holding the '#' in quotes"
    )
    assert syntax_error("a: 1\nb: [x#y, z\nc: 3\n").endswith(" — end the value with ']'")


def test_tab_indentation_hint() -> None:
    assert syntax_error("a: 1\n\tb: 2\n").endswith(" — indent with spaces, not tabs")
    assert syntax_error("a:\n\t- x\n").endswith(" — indent with spaces, not tabs")


def test_a_value_that_goes_on_after_its_brackets_gets_the_line_quoted() -> None:
    """``title: [Draft] Beta``: YAML reads ``[Draft]`` as a list, then finds more; the fix
    offered is the line with the value in double quotes, which YAML reads as written."""
    for value, kind in (
        ('[Draft] "Beta" \\ 1:', "'[' is read as a list"),
        ("{x} y", "'{' is read as a mapping"),
    ):
        found = syntax_error(f"a: 1\ntitle:  {value}  \nc: 3\n")
        assert found.startswith(f"f.md:3: invalid YAML: a value starting with {kind} — ")
        fixed = found.split("put the value in quotes: ", 1)[1]
        assert yaml.safe_load(fixed) == {"title": value}


def test_control_character_is_reported_at_its_line() -> None:
    assert syntax_error("a: 1\nb: x\x1b\n") == (
        "f.md:3: invalid YAML: character U+001B is not allowed"
        " — remove the control character (often pasted in by accident)"
    )


def test_other_syntax_errors_keep_the_generic_hint() -> None:
    assert syntax_error('a: "b\n  c" d\n').endswith(
        " — check quotes, colons and indentation (spaces, not tabs)"
    )


def alias_chain(levels: int, width: int) -> str:
    """Anchors each aliasing the one before ``width`` times: ``width ** levels`` values."""
    lines = ["x0: &a0 " + str(["v"] * width).replace("'", '"')]
    lines += [f"x{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_the_anchor_that_passes_the_limit() -> None:
    text = alias_chain(9, 9) + "tags: *a8\n"
    assert len(text) < 1024
    message = syntax_error(text)
    # x4 holds 9^5 = 59,049 values; x0..x3 hold 7,380 together with their keys
    assert message == (
        "f.md:6: more than 50,000 values by here, each alias (*name) counting as a copy of "
        "what its anchor (&name) holds — write the values out instead of aliasing aliases"
    )


def test_aliases_under_the_limit_are_read_as_usual() -> None:
    entries, problems = load_mapping(
        "person: &p {name: A, roles: [x, y]}\nsame: *p\nlist: [*p, *p]\n", "f.md", ArticlegenError
    )
    assert problems == []
    assert entries["same"].value == entries["person"].value == {"name": "A", "roles": ["x", "y"]}
    assert entries["list"].value == [entries["person"].value] * 2


def test_values_are_counted_with_every_alias_expanded() -> None:
    # the mapping 1, a: 1 + 5, b: 1 + 1 + 10 * 5; then each c: 1 + 51. 59 + 960 * 52 = 49,979
    head = "a: &a [1, 2, 3, 4]\nb: &b [" + ", ".join(["*a"] * 10) + "]\n"
    fits = head + "".join(f"c{n}: *b\n" for n in range(960))
    entries, problems = load_mapping(fits, "f.md", ArticlegenError)
    assert problems == [] and len(entries) == 962
    assert syntax_error(fits + "c960: *b\n").startswith("f.md:964: more than 50,000 values")


@pytest.mark.parametrize("depth", [51, 100_000])
def test_nesting_past_the_depth_limit_is_refused(depth: int) -> None:
    text = "a: 1\ntags: " + "[" * depth + "]" * depth + "\n"
    assert syntax_error(text) == (
        "f.md:3: lists and mappings nested more than 50 levels deep"
        " — nest fewer lists and mappings in each other"
    )


class _NestingLimitedLoader(yamlloader.Loader):  # type: ignore[misc]
    """The C parser as PyYAML 6.0.4's wheels ship it (their libyaml), where the installed
    one is older: it refuses 1,000 levels of '[' while scanning ahead, before any event."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.source_text = text

    def check_event(self, *choices: object) -> bool:
        if "[" * 1_000 in self.source_text:
            raise yaml.scanner.ScannerError(
                "while increasing flow level", None, "exceeded maximum nesting depth", None
            )
        return super().check_event(*choices)


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without its C parser")
def test_a_c_parser_with_a_nesting_limit_of_its_own_still_gives_ours(monkeypatch) -> None:
    monkeypatch.setattr(yamlsize, "Loader", _NestingLimitedLoader)  # the loader measuring uses
    assert syntax_error("a: 1\ntags: " + "[" * 100_000 + "]" * 100_000 + "\n") == (
        "f.md:3: lists and mappings nested more than 50 levels deep"
        " — nest fewer lists and mappings in each other"
    )
    # any other error of the C parser stays its own
    assert syntax_error("a: 'open\n").startswith("f.md:2: invalid YAML: the quote opened")


def test_nesting_up_to_the_depth_limit_is_read() -> None:
    entries, problems = load_mapping("tags: " + "[" * 49 + "]" * 49 + "\n", "f.md", ArticlegenError)
    assert problems == [] and entries["tags"].value is not None


def test_a_recursive_alias_is_a_broken_value_not_a_loop() -> None:
    entries, problems = load_mapping("tags: &x [*x]\nb: 1\n", "f.md", ArticlegenError)
    assert [p.line for p in problems] == [1]
    assert entries["tags"].broken and entries["b"].value == 1


def test_a_colon_and_space_inside_a_value_asks_for_quotes() -> None:
    with pytest.raises(ArticlegenError) as raised:
        load_mapping("title: Ketamine: A New Frontier\ndate: 2024-01-01\n", "a.md", ArticlegenError)
    assert str(raised.value) == (
        "a.md:1: invalid YAML: a value holding ': ' (a colon and a space) must be in quotes"
        ' — put the value in double quotes: title: "Ketamine: A New Frontier"'
    )
    with pytest.raises(ArticlegenError) as indented:  # the same PyYAML error, another mistake
        load_mapping("title: x\n  date: 2024-01-01\n", "a.md", ArticlegenError)
    assert "must be in quotes" not in str(indented.value)
    assert "indent it as 'title' is" in str(indented.value)


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ("title: Prostate Screening: Should You?", 'title: "Prostate Screening: Should You?"'),
        ('title: He said "no": a story', 'title: "He said \\"no\\": a story"'),
        ("reviewer:\n  name: Dr. Example: MD", 'name: "Dr. Example: MD"'),
        ("title: C:\\dir: x", 'title: "C:\\\\dir: x"'),
        # not a simple key and value: the example
        ("title: A: B # a comment", 'e.g. title: "Ketamine: A New Frontier"'),
        ("see_also:\n  - a: b: c", 'e.g. title: "Ketamine: A New Frontier"'),
    ],
)
def test_the_fix_for_a_colon_in_a_value_quotes_the_writers_own_line(line: str, fix: str) -> None:
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(f"date: 2024-01-01\n{line}\n", "a.md", ArticlegenError)
    assert str(raised.value).endswith(f" — put the value in double quotes: {fix}")


@example(key="title", before="Prostate Screening", after="Should You?")
@example(key="no", before="0", after="")  # a key YAML reads as false
@example(key="title", before='Example "Quoted" \\ Text', after="more")
@given(
    key=st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True),
    before=st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1
    ),
    after=st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"))),
)
def test_a_quoted_fix_reads_back_as_the_value_written(key: str, before: str, after: str) -> None:
    value = f"{before}: {after}".strip()
    try:
        load_mapping(f"{key}: {value}\n", "a.md", ArticlegenError)
    except ArticlegenError as error:
        fix = str(error).partition(" — put the value in double quotes: ")[2]
        if not fix or fix.startswith("e.g. "):
            event("no fix of the writer's own line")
            return
        event("the writer's own line quoted")
        # the value reads back as written (a key YAML reads as a bool, 'no', is its own)
        assert list(yaml.safe_load(fix).values()) == [value]


@pytest.mark.parametrize(
    "text",
    ["title: 'Men's health'\n", "title: x\ndescription: 'It's fine'\n", "tags: ['men's', b]\n"],
)
def test_an_apostrophe_in_single_quotes_is_named(text: str) -> None:
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(text, "a.md", ArticlegenError)
    assert str(raised.value).endswith(
        "invalid YAML: the value in single quotes ends at the apostrophe before here — write an"
        " apostrophe inside single quotes twice ('Men''s health'), or use double quotes"
    )


SCALARS = [
    *["word", "two words", "'quoted'", '"dq\\x41"', "1", "-0x1F", "1_000", "1:30", "0o17", "3.5"],
    *[".inf", "-.NaN", "yes", "Off", "~", "null", "", "2024-01-01", "2024-05-14 10:00:00+02:00"],
    *["!!str 1", "!!int abc", "!!int 0b101", "!!bool maybe", "!!float x", "!!null z", "!t v"],
    *["!!timestamp 2024-13-01", "!!timestamp 2024-02-01", "!!binary aGk=", "!!set {a, b}"],
    *["!!omap [a: 1, b: 2]", "!!pairs [a: 1]", "&n x", "!!map {a: 1}", "!!seq [1]", "|\n  lit"],
]
"""Scalars (and tagged odd values) with every tag PyYAML's safe constructor knows, and some
it cannot construct."""
KEYS = [
    "a",
    "a",
    "b",
    "'a'",
    "1",
    "~",
    '""',
    "<<",
    "'<<'",
    "=",
    "!!int k",
    "!!str 2",
    "[a]",
    "{k: v}",
]
"""Keys: repeated, not names, merge, YAML's '=' value key, tagged, unhashable."""

value_trees = st.recursive(
    st.sampled_from(SCALARS).map(lambda text: ("scalar", text)),
    lambda inner: (
        st.tuples(st.just("seq"), st.lists(inner, max_size=3), st.booleans())
        | st.tuples(
            st.just("map"),
            st.lists(st.tuples(st.sampled_from(KEYS), inner), max_size=3),
            st.booleans(),
        )
    ),
    max_leaves=12,
)


def flow(tree: tuple) -> str:
    if tree[0] == "scalar":
        return tree[1] if "\n" not in tree[1] else "x"
    if tree[0] == "seq":
        return "[" + ", ".join(flow(item) for item in tree[1]) + "]"
    return "{" + ", ".join(f"{key}: {flow(value)}" for key, value in tree[1]) + "}"


def block(tree: tuple, indent: int) -> str:
    """``tree`` as the value after ``key:`` (or ``- ``): on the line or on the lines below."""
    pad = " " * indent
    if tree[0] == "scalar" or not tree[1] or tree[2]:  # a scalar, empty or a flow one
        return " " + (tree[1].replace("\n", "\n" + pad) if tree[0] == "scalar" else flow(tree))
    if tree[0] == "seq":
        return "".join(f"\n{pad}-{block(item, indent + 2)}" for item in tree[1])
    return "".join(f"\n{pad}{key}:{block(value, indent + 2)}" for key, value in tree[1])


def loaded(text: str, *, merges: bool = False) -> str:
    """What ``load_mapping`` gives for ``text``, every value, line and problem, as a string
    (so NaN equals NaN)."""
    try:
        entries, problems = load_mapping(text, "f.md", ArticlegenError, first_line=2, merges=merges)
    except ArticlegenError as error:
        return f"raised {error}"
    return repr(entries) + repr([str(problem) for problem in problems])


def by_pyyaml(
    *args: object, built: bool, reader: type = yamldoc._Reader, **options: object
) -> yamldoc._Reader:
    """A reader that has PyYAML construct every value, as before values were built."""
    return reader(*args, built=False, **options)


@given(st.lists(st.tuples(st.sampled_from(KEYS), value_trees), max_size=5))
@example([("a", ("map", [("1", ("scalar", "x")), ("b", ("seq", [], False))], False))])
@example([("a", ("map", [("a", ("scalar", "1")), ("a", ("scalar", "!!int abc"))], False))])
@example([("a", ("map", [("!!int k", ("scalar", "!!timestamp 2024-13-01"))], False))])
@example(
    [("a", ("seq", [("map", [("<<", ("scalar", "x")), ("b", ("scalar", ""))], False)], False))]
)
def test_values_built_from_the_nodes_are_pyyaml_s_own(document: list[tuple[str, tuple]]) -> None:
    """Values, lines and problems as when PyYAML constructs every value, whatever the tags."""
    text = "".join(f"{key}:{block(tree, 2)}\n" for key, tree in document)
    with mock.patch.object(yamldoc, "_Reader", by_pyyaml):
        expected = loaded(text)
    assert loaded(text) == expected


def loaded_problems(text: str) -> list[str]:
    return [str(p) for p in load_mapping(text, "f.md", ArticlegenError, first_line=2)[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'title: "Zinc and sleep\ndate: 2024-01-01\ndescription: A note"\ntags: [a]\n',
            "f.md:2: the double quote opened on this line is not closed on it, so YAML read"
            " lines 3–4 as part of 'title', and not as the keys 'date' and 'description'"
            " written there — end the value with the same quote it starts with:"
            ' title: "Zinc and sleep"; if those lines go on the value, indent them under its key',
            id="top-level",
        ),
        pytest.param(
            "references:\n  - title: 'A study\n    url: https://example.org/a'\n    id: a\n",
            "f.md:3: the single quote opened on this line is not closed on it, so YAML read"
            " line 4 as part of 'title', and not as the key 'url' written there — end the"
            " value with the same quote it starts with: - title: 'A study'; if those lines go on"
            " the value, indent them under its key",
            id="in-a-list-of-mappings",
        ),
    ],
)
def test_a_quote_left_open_over_later_keys_is_named_at_its_opening(
    text: str, expected: str
) -> None:
    """YAML reads it without an error, when a later line ends in the same quote: the keys
    between vanish into the value, and all the author would hear is that one is missing."""
    assert loaded_problems(text) == [expected]


@pytest.mark.parametrize(
    ("text", "line", "fix"),
    [
        ("title: x\ndate 2024-01-01\ntags: [a]\n", 2, "write date: 2024-01-01"),
        ("title: x\ntags\n  - a\n", 2, "write tags:"),
        ("image:\n  src images/a.png\n  alt: A chart\n", 2, "write src: images/a.png"),
        (
            "reviewers:\n  example-reviewer\n    name: Example Reviewer\n",
            2,
            "write example-reviewer:",
        ),
        ("references:\n  - id example-2020\n    title: T\n", 2, "write - id: example-2020"),
    ],
)
def test_a_key_without_its_colon_is_named_at_its_own_line(text: str, line: int, fix: str) -> None:
    """PyYAML names the line after it ("could not find expected ':'", or "mapping values are
    not allowed" where the next line is indented under it)."""
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(text, "a.md", ArticlegenError)
    assert raised.value.line == line
    assert "no ':' after" in raised.value.message
    assert raised.value.hint == f"{fix} (a key ends with ':')"


@pytest.mark.parametrize(
    ("text", "line", "fix"),
    [
        ("title: x\ndate:2024-01-01\ntags: [a]\n", 2, "write date: 2024-01-01"),
        ("title: x\nreviewed_on:2024-01-01\n", 2, "write reviewed_on: 2024-01-01"),
        ('title:"Sleep basics"\ndate: 2024-01-01\n', 1, 'write title: "Sleep basics"'),
        ("per_page:10\ntitle: x\n", 1, "write per_page: 10"),
        ("image:\n  src: a.png\n  alt:A chart\n  caption: c\n", 3, "write alt: A chart"),
        ("references:\n  - id:a-2020\n    title: T\n", 2, "write - id: a-2020"),
        (
            "references:\n  - id: a\n    url:https://x.org/a\n    t: T\n",
            3,
            "write url: https://x.org/a",
        ),
        ("tags:[a, b]\ntitle: x\n", 1, "write tags: [a, b]"),
    ],
)
def test_a_key_without_a_space_after_its_colon_is_named_at_its_own_line(
    text: str, line: int, fix: str
) -> None:
    """``date:2024-01-01`` is one text to YAML, which stumbles on the line after it ("could
    not find expected ':'", or "mapping values are not allowed" there)."""
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(text, "a.md", ArticlegenError)
    assert (raised.value.line, raised.value.hint) == (
        line,
        f"{fix} (YAML ends a key only at a ':' followed by a space)",
    )
    assert "no space after the ':'" in raised.value.message


def assert_yaml_error(text: str, line: int, message: str, fix: str) -> None:
    """``text`` fails to load with an invalid YAML error at ``line``, saying ``message`` and
    offering ``fix``."""
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(text, "a.md", ArticlegenError)
    assert (raised.value.line, raised.value.message, raised.value.hint) == (
        line,
        f"invalid YAML: {message}",
        fix,
    )


@pytest.mark.parametrize(
    ("text", "line", "message", "fix"),
    [
        (
            "references:\n  - id: a\n   title: T\n    url: https://x.org/\n",
            3,
            "'title' is indented 3 spaces, and 'id' on the line above it 4 spaces",
            "indent it as 'id' is: write '    title: T'",
        ),
        (
            "references:\n  - id: a\n     title: T\n",
            3,
            "'title' is indented 5 spaces, and 'id' on the line above it 4 spaces",
            "indent it as 'id' is: write '    title: T'",
        ),
        (
            "references:\n  - id: a\n    title: T\n  url: https://x.org/\n",
            4,
            "'url' is indented 2 spaces, and 'title' on the line above it 4 spaces",
            "indent it as 'title' is: write '    url: https://x.org/'",
        ),
        (  # two slips on one line: both said, both fixed (from a new-user trial)
            "references:\n  - id: a\n    title: T\n   url:https://x.org/\n",
            4,
            "'url' is indented 3 spaces, and 'title' on the line above it 4 spaces, and has"
            " no space after its ':'",
            "indent it as 'title' is, with a space after the colon: write '    url: https://x.org/'",
        ),
        (
            "image:\n  src: a.png\n alt: A\n",
            3,
            "'alt' is indented 1 space, and 'src' on the line above it 2 spaces",
            "indent it as 'src' is: write '  alt: A'",
        ),
        (
            "title: x\n\n# a comment\n date: 2024-01-01\n",
            4,
            "'date' is indented 1 space, and 'title' on the line above it 0 spaces",
            "indent it as 'title' is: write 'date: 2024-01-01'",
        ),
    ],
)
def test_a_key_indented_otherwise_than_the_key_above_it_is_named_with_the_indent(
    text: str, line: int, message: str, fix: str
) -> None:
    """PyYAML said "did not find expected '-' indicator", "mapping values are not allowed" or
    "did not find expected key", naming its parser's state, not the indent (from a new-user
    trial)."""
    assert_yaml_error(text, line, message, fix)


def test_a_list_item_indented_less_than_the_one_above_is_said_as_a_list_item() -> None:
    """Not taken for a key indented otherwise: its own message, at its line."""
    with pytest.raises(ArticlegenError) as raised:
        load_mapping("see_also:\n  - a\n - b\ntitle: x\n", "a.md", ArticlegenError)
    assert raised.value.line == 3
    assert raised.value.message == (
        "invalid YAML: the list item '- b' is indented by 1 space, less than the '- a' above it"
        " (2 spaces), so YAML reads it as outside that list"
    )


REFERENCE = "references:\n  - id: a\n    title: T\n"


@pytest.mark.parametrize(
    ("text", "line", "message", "fix"),
    [
        (
            "references:\n  - id: a\n      title: T\n",
            3,
            "'title' is indented 6 spaces, and 'id' on the line above it 4 spaces",
            "indent it as 'id' is: write '    title: T'",
        ),
        (
            f"{REFERENCE}    url: https://x.org/\n       publisher: P\n",
            5,
            "'publisher' is indented 7 spaces, and 'url' on the line above it 4 spaces",
            "indent it as 'url' is: write '    publisher: P'",
        ),
        (
            "references:\n  - id: a\n    title: >\n      Long\n   url: https://x.org/\n",
            5,
            "'url' is indented 3 spaces, and 'title' above it 4 spaces",
            "indent it as 'title' is: write '    url: https://x.org/'",
        ),
        (
            f"{REFERENCE}    authors:\n      - X\n\n     url: https://x.org/\n",
            7,
            "'url' is indented 5 spaces, and 'authors' above it 4 spaces",
            "indent it as 'authors' is: write '    url: https://x.org/'",
        ),
        (
            f"{REFERENCE}   - id: b\n",
            4,
            "the list item '- id: b' is indented by 3 spaces, more than the '- id: a' above it"
            " (2 spaces), so YAML reads it as inside that item, where no list can start",
            "start each '- ' of a list at the same indent: 2 spaces before '- id: b'",
        ),
        (
            f"{REFERENCE}     - id: b\n",
            4,
            "the list item '- id: b' is indented by 5 spaces, more than the '- id: a' above it"
            " (2 spaces), so YAML reads it as inside that item, where no list can start",
            "start each '- ' of a list at the same indent: 2 spaces before '- id: b'",
        ),
        (
            f"{REFERENCE}    # the second\n - id: b\n",
            5,
            "the list item '- id: b' is indented by 1 space, less than the '- id: a' above it"
            " (2 spaces), so YAML reads it as outside that list",
            "start each '- ' of a list at the same indent: 2 spaces before '- id: b'",
        ),
    ],
)
def test_a_misindented_item_of_a_list_of_mappings_is_named_with_the_indent(
    text: str, line: int, message: str, fix: str
) -> None:
    """A key of an item further in than the item's keys, or after a value written under one
    of them, and an item indented otherwise than the item before it past that item's keys,
    got PyYAML's words ("mapping values are not allowed in this context", "did not find
    expected '-' indicator", "did not find expected key")."""
    assert_yaml_error(text, line, message, fix)


@pytest.mark.parametrize(
    ("text", "line", "written", "fix"),
    [
        ("tags:\n  - sleep\n  -heart\n", 3, "-heart", "  - heart"),
        ("tags:\n  - sleep\n  -heart\ntitle: x\n", 3, "-heart", "  - heart"),
        ("see_also:\n- a\n-b\n", 3, "-b", "- b"),
        ("references:\n  -id: a\n    title: T\n", 2, "-id: a", "  - id: a"),
        (f"{REFERENCE}  -id: b\n    title: U\n", 4, "-id: b", "  - id: b"),
        (f"{REFERENCE} -id: b\n", 4, "-id: b", "  - id: b"),  # at the list's indent
    ],
)
def test_a_list_item_without_a_space_after_its_dash_is_named_at_its_line(
    text: str, line: int, written: str, fix: str
) -> None:
    """'-heart' is a text to YAML, which stumbled on the line after it ("could not find
    expected ':'") or on its item's next key ("mapping values are not allowed")."""
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(text, "a.md", ArticlegenError)
    assert (raised.value.line, raised.value.message, raised.value.hint) == (
        line,
        f"invalid YAML: '{written}' has no space after its '-', so YAML reads it as a text, not"
        " as an item of the list",
        f"put a space after the '-': write '{fix}'",
    )


@pytest.mark.parametrize(
    "text",
    [
        "description: a\n  -b: c\n",  # no list's item: no list around it
        "title: Sleep: basics\n",  # a ': ' in a value
    ],
)
def test_other_errors_are_not_taken_for_a_key_indented_otherwise(text: str) -> None:
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(text, "a.md", ArticlegenError)
    assert "is indented" not in raised.value.message
    assert "no space after" not in raised.value.message


@pytest.mark.parametrize(
    ("text", "line", "key", "above", "fixed"),
    [
        ('title: "A"\n  date: 2024-01-01\n', 2, "date", "title", "date: 2024-01-01"),
        ("title: A\n  date: 2024-01-01\n", 2, "date", "title", "date: 2024-01-01"),
        ("image: x\n  src: a.png\n", 2, "src", "image", "src: a.png"),
        ("image: x\n  src: a.png\n    alt: A\n", 2, "src", "image", "src: a.png"),
    ],
)
def test_a_key_further_in_than_a_key_holding_its_value_is_told_both_ways(
    text: str, line: int, key: str, above: str, fixed: str
) -> None:
    """PyYAML said 'did not find expected key' or 'mapping values are not allowed in this
    context': the writer meant it beside the key above (a date under a title) or under it
    (an image's src under 'image: x'), and was told neither."""
    assert_yaml_error(
        text,
        line,
        f"'{key}' is indented 2 spaces, under '{above}', whose value is on its line, so YAML can"
        f" read it neither as a key of its own nor as one of '{above}'",
        f"if it is a key of its own, indent it as '{above}' is: write '{fixed}'; if it belongs"
        f" to '{above}', write nothing after '{above}:' on its line",
    )


def test_an_images_path_above_its_indented_keys_is_moved_under_it_as_its_src() -> None:
    """``image: hero.jpg`` then ``  alt: …`` (the path written as other tools take it): "write
    nothing after 'image:'" alone would drop the path; the fix keeps it, as ``src``."""
    assert_yaml_error(
        'image: hero.jpg  # the photo\n  alt: "A hero"\n',
        2,
        "'alt' is indented 2 spaces, under 'image', whose value is on its line, so YAML can"
        " read it neither as a key of its own nor as one of 'image'",
        "if it is a key of its own, indent it as 'image' is: write 'alt: \"A hero\"'; if it"
        " belongs to 'image', write nothing after 'image:' on its line and move 'hero.jpg'"
        " under it as 'src: hero.jpg'",
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "description: How sleep works, and why the\n  evening matters: a guide to better nights\n",
            2,
        ),
        (
            "description: How sleep works, and\n  why the\n  evening matters: a guide to\n  better"
            " nights\ntags: [a]\n",
            3,
        ),
    ],
)
def test_a_value_wrapped_at_a_colon_is_told_to_be_quoted(text: str, line: int) -> None:
    """A description wrapped onto a line holding ': ' was told its words were a key indented
    2 spaces, to be written as a key ('evening matters: a guide …'), an unknown key then."""
    assert_yaml_error(
        text,
        line,
        "a value holding ': ' (a colon and a space) must be in quotes, when it goes on over"
        " lines too: YAML reads 'evening matters' as a key, not words of 'description'",
        'put the value in double quotes: description: "How sleep works, and why the evening'
        ' matters: a guide to better nights"',
    )


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("description: for the heart, the mood and your\nhealth.\n", "write health.:"),
        (
            "description: for the heart, the mood and\nyour health.\ntags: [a]\n",
            "write your: health.",
        ),
        ("image:\n  alt: A chart of the\n  results\n", "write results:"),
    ],
)
def test_a_value_wrapped_onto_one_word_may_be_meant_to_go_on_the_value_above(
    text: str, fix: str
) -> None:
    """A description wrapped without an indent, its new line one or two words: the fix read
    as a key alone ('write health.:') would make a key of the words."""
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(text, "a.md", ArticlegenError)
    assert raised.value.hint == (
        f"{fix} (a key ends with ':'); if the line goes on the value above it, indent it"
    )


def test_words_with_no_colon_may_be_meant_to_go_on_the_value_above() -> None:
    with pytest.raises(ArticlegenError) as raised:
        load_mapping("title: x\nsome more words\ntags: [a]\n", "a.md", ArticlegenError)
    assert raised.value.hint == (
        "write some: more words (a key ends with ':'); if the line goes on the value above it,"
        " indent it"
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('description: "a long\n  text: on purpose"\n', id="indented-under-its-key"),
        pytest.param('description: "a long\ntext on purpose"\n', id="no-key-on-the-line"),
        pytest.param("a:\n  b: 'one\n  two'\nc: 1\n", id="nested-no-key"),
    ],
)
def test_a_value_quoted_over_lines_on_purpose_is_read_without_a_problem(text: str) -> None:
    assert loaded_problems(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "title: x\n  date: 2024-01-01\n",  # an indented key under a value: not a missing colon
        "tags:\n  - sleep\n    note: x\n",  # an item's text, or a key? not said
    ],
)
def test_a_value_run_on_into_a_key_is_not_taken_for_a_missing_colon(text: str) -> None:
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(text, "a.md", ArticlegenError)
    assert "no ':' after" not in raised.value.message


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ("title: \u201cSleep: A Guide\u201d", 'title: "Sleep: A Guide"'),
        ("title: \u201eSchlaf: Grundlagen\u201c", 'title: "Schlaf: Grundlagen"'),
    ],
)
def test_curly_quotes_around_a_colon_are_said_not_to_be_quotes(line: str, fix: str) -> None:
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(line + "\n", "a.md", ArticlegenError)
    assert "YAML takes only straight quotes" in raised.value.message
    assert raised.value.hint == f"write straight quotes: {fix}"


@pytest.mark.parametrize(
    "line",
    [
        "title: \u2019Tis the Season: A Guide\u2019",  # an apostrophe first, not a quote
        "title: \u201cSleep: A Guide\u2019",  # quotes of two kinds: no pair
        "title: \u201cSleep\u201d: \u201cA Guide\u201d",  # two quoted parts
    ],
)
def test_a_colon_in_a_value_not_between_curly_quotes_keeps_every_character(line: str) -> None:
    """The fix for ': ' in ’Tis the Season: A Guide’ dropped the apostrophe the value opens
    with, read as a quote (yamlloader decided with pairs of its own, not curlypairs')."""
    with pytest.raises(ArticlegenError) as raised:
        load_mapping(line + "\n", "a.md", ArticlegenError)
    assert raised.value.message == (
        "invalid YAML: a value holding ': ' (a colon and a space) must be in quotes"
    )


MERGED = """\
base: &base
  title: From base
  tags: [a]
more: &more
  title: From more
  comments: true
title: Early
<<: [*base, *more]
description: Later
tags: [b]
"""


def test_a_merge_key_adds_its_mappings_keys_as_rubys_yaml_reads_them() -> None:
    entries, problems = load_mapping(MERGED, "f.md", ArticlegenError, first_line=2, merges=True)
    assert problems == []
    values = {key: entry.value for key, entry in entries.items()}
    assert {k: v for k, v in values.items() if k not in ("base", "more")} == {
        "title": "From base",  # merged after 'title: Early', and the first mapping wins
        "tags": ["b"],  # written after the merge
        "comments": True,
        "description": "Later",
    }
    assert (entries["title"].line, entries["comments"].line, entries["tags"].line) == (3, 7, 11)
    assert "<<" not in entries


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("name: &n text\n<<: *n\ntitle: T\n", 2),
        ("name: &n text\nouter:\n  <<: *n\n  title: T\n", 3),
    ],
    ids=["top-level", "nested"],
)
def test_a_merge_key_of_no_mapping_is_a_problem_at_its_line(text: str, line: int) -> None:
    entries, problems = load_mapping(text, "f.md", ArticlegenError, merges=True)
    assert [(p.line, p.message) for p in problems] == [
        (line, "a merge key (<<) must name a mapping (<<: *name, its anchor &name on a"
         " mapping) or a list of them")
    ]  # fmt: skip
    assert entries["name"].value == "text"  # the other keys are read


def test_a_merge_key_stays_refused_in_articlegens_own_headers() -> None:
    _, problems = load_mapping(MERGED, "f.md", ArticlegenError, first_line=2)
    assert [(p.line, p.message) for p in problems] == [(9, "merge keys (<<) are not supported")]


def merges_in(tree: tuple) -> bool:
    """Whether a value tree holds a merge key (``<<`` unquoted) at any depth."""
    if tree[0] == "scalar":
        return False
    if tree[0] == "seq":
        return any(map(merges_in, tree[1]))
    return any(key == "<<" or merges_in(value) for key, value in tree[1])


@given(st.lists(st.tuples(st.sampled_from(KEYS), value_trees), max_size=5))
def test_reading_merge_keys_changes_nothing_without_a_merge_key(
    document: list[tuple[str, tuple]],
) -> None:
    """The importer's reading (``merges``) of a document without a merge key is articlegen's
    own: every value, line and problem."""
    assume(not any(key == "<<" or merges_in(tree) for key, tree in document))
    text = "".join(f"{key}:{block(tree, 2)}\n" for key, tree in document)
    assert loaded(text, merges=True) == loaded(text)


NESTED_MERGES = """\
base: &base
  x: 1
  y: 2
other:
  x: 0
  <<: *base
  y: 3
items:
  - <<: [*base, {x: 9, z: 1}]
    w: 1
"""


def test_a_nested_merge_key_adds_its_mappings_keys_as_rubys_yaml_reads_them() -> None:
    """Ruby's YAML merges a ``<<`` wherever it stands, in its place (``Hash#merge!``): a key
    written before it takes the merged value, one written after it replaces the merged one,
    and of a list of mappings the first's keys win. Each key keeps the line it is written on."""
    entries, problems = load_mapping(
        NESTED_MERGES, "f.md", ArticlegenError, first_line=2, merges=True
    )
    assert problems == []
    assert entries["other"].value == {"x": 1, "y": 3}
    assert list(entries["items"].value[0].items()) == [("x", 1), ("z", 1), ("y", 2), ("w", 1)]
    children = entries["other"].children
    assert children is not None
    assert (children["x"].line, children["y"].line) == (3, 8)
    _, refused = load_mapping(NESTED_MERGES, "f.md", ArticlegenError, first_line=2)
    assert [(p.line, p.message) for p in refused] == [
        (7, "merge keys (<<) are not supported"),
        (10, "merge keys (<<) are not supported"),
    ]
