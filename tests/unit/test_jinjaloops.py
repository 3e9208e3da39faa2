"""A loop that reads only its counts runs without Jinja's ``LoopContext`` and gives what
Jinja gives: the same output, the same counts over every kind of iterable, the same error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.render.jinjaruntime import Environment
from tests.unit.test_jinjaruntime import OPTIONS


class Counted(list[int]):
    """A list whose length is not the list's."""

    def __len__(self) -> int:
        return 7


def numbers() -> Iterator[int]:
    yield from (4, 5, 6)


VALUES: dict[str, Any] = {
    "items": [1, 2, 3],
    "pairs": ((1, "a"), (2, "b")),
    "empty": [],
    "word": "abc",
    "counted": Counted([1, 2]),
    "numbers": numbers,
    "mapping": {"x": 1, "y": 2},
}

ALL_COUNTS = (
    "{{ loop.index }}{{ loop.index0 }}{{ loop.first }}{{ loop.length }}"
    "{{ loop.revindex }}{{ loop.revindex0 }}"
)
TEMPLATES = [
    "{% for i in items %}[{{ i }}:" + ALL_COUNTS + "]{% endfor %}",
    "{% for a, b in pairs %}{{ a }}{{ b }}{{ loop.index }}/{{ loop.length }};{% endfor %}",
    "{% for c in word %}{{ c }}{{ loop.revindex }}{% endfor %}",
    "{% for i in counted %}{{ i }}{{ loop.length }}{{ loop.revindex0 }}{% endfor %}",
    "{% for k in mapping %}{{ k }}{{ loop.index }}{{ loop.length }}{% endfor %}",
    # a generator: the length read part of the way through, then the loop goes on
    "{% for n in numbers() %}{{ n }}{% if loop.index == 2 %}/{{ loop.length }}{% endif %}"
    "{{ loop.first }}{% endfor %}",
    "{% for n in numbers() %}{{ n }}" + ALL_COUNTS + "{% endfor %}",
    "{% for i in items if i is odd %}{{ i }}{{ loop.index }}/{{ loop.length }}{% endfor %}",
    "{% for i in items | select %}{{ loop.revindex0 }}{% endfor %}",
    "{% for i in empty %}{{ loop.index }}{% else %}none{% endfor %}",
    # nested loops: each its own counts, the outer's read in the inner's filter
    "{% for i in items %}{% for j in pairs if loop.index > 1 %}{{ loop.index }}{% endfor %}"
    "{{ loop.index }}|{% endfor %}",
    # anything else of loop keeps Jinja's LoopContext, for that loop and those around it
    "{% for i in items %}{{ loop.index }}{{ loop.last }}{{ loop.cycle('a', 'b') }}{% endfor %}",
    "{% for i in items %}{% for j in items %}{{ loop.previtem | default('-') }}{% endfor %}"
    "{{ loop.index }}{% endfor %}",
    "{% macro m(l) %}{{ l.index }}{% endmacro %}{% for i in items %}{{ m(loop) }}{% endfor %}",
    "{% for i in items %}{{ loop | length }}{{ loop.index }}{% endfor %}",
    "{% for i in items %}{% macro m() %}{{ loop.index }}{% endmacro %}{{ m() }}{% endfor %}",
    "{% for i in items %}{% set n = loop.index * 2 %}{{ n }}{% endfor %}",
]


@pytest.mark.parametrize("source", TEMPLATES)
def test_a_loop_renders_as_in_jinja(source: str) -> None:
    ours = Environment(**OPTIONS).from_string(source).render(VALUES)
    assert ours == jinja2.Environment(**OPTIONS).from_string(source).render(VALUES)


@given(st.lists(st.integers(0, 9), max_size=6), st.integers(1, 4), st.booleans())
def test_counts_are_jinjas_for_any_items(items: list[int], at: int, generated: bool) -> None:
    source = (
        "{% for i in (gen(items) if generated else items) %}{{ i }}"
        "{% if loop.index == at %}<{{ loop.length }}>{% endif %}" + ALL_COUNTS + "{% endfor %}"
    )
    values = {"items": items, "at": at, "generated": generated, "gen": lambda xs: iter(xs)}
    ours = Environment(**OPTIONS).from_string(source).render(values)
    assert ours == jinja2.Environment(**OPTIONS).from_string(source).render(values)


def test_a_loop_over_nothing_defined_fails_as_in_jinja() -> None:
    source = "{% for x in nothing %}{{ loop.index }}{% endfor %}"

    def message(env: jinja2.Environment) -> str:
        with pytest.raises(jinja2.UndefinedError) as failed:
            env.from_string(source).render(VALUES)
        return str(failed.value)

    assert message(Environment(**OPTIONS)) == message(jinja2.Environment(**OPTIONS))


def test_a_loop_reading_its_counts_makes_no_loop_context(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each item of a reference's backlinks went through ``LoopContext.__next__`` and its
    ``index`` and ``length`` properties (28 us an article page): no ``LoopContext`` is made
    for a loop that reads its counts alone, and one is for a loop that reads more."""
    made: list[object] = []
    real = jinja2.runtime.LoopContext.__init__

    def counted(self: jinja2.runtime.LoopContext, *args: Any, **kwargs: Any) -> None:
        made.append(args[0])
        real(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.runtime.LoopContext, "__init__", counted)
    env = Environment(**OPTIONS)
    counts = "{% for i in items %}{{ loop.index }}/{{ loop.length }} {% endfor %}"
    assert env.from_string(counts).render(VALUES) == "1/3 2/3 3/3 "
    assert made == []
    assert env.from_string("{% for i in items %}{{ loop.last }}{% endfor %}").render(VALUES)
    assert made == [VALUES["items"]]


INCLUDED = {
    "card.html": "{{ i }}{% if not loop.last %},{% endif %}",
    "names.html": "{% macro index() %}MI{% endmacro %}",
}


@pytest.mark.parametrize(
    "source",
    [
        # an included template sees the loop's names, loop too, and reads what it will of it
        "{% for i in items %}{{ loop.index }}{% include 'card.html' %};{% endfor %}",
        "{% for i in items %}{{ loop.first }}{% from 'names.html' import index with context %}"
        "{% endfor %}",
        # an import or a macro named loop is no Name: it must not be given the counts
        "{% for i in items %}[{{ loop.index }}]{% import 'names.html' as loop %}{% endfor %}"
        "{% import 'names.html' as names %}{{ names.index() }}",
        "{% for i in items %}[{{ loop.index }}]{% from 'names.html' import index as loop %}"
        "{% endfor %}",
        "{% for i in items %}[{{ loop.index }}]{% macro loop() %}M{% endmacro %}{% endfor %}",
    ],
)
def test_a_loop_handing_its_names_to_another_template_renders_as_in_jinja(source: str) -> None:
    """A site's template may include one that reads ``loop.last`` in a loop that reads only
    ``loop.index`` itself: the included one was given a ``CountedLoop`` (an error naming it),
    and an ``import … as loop`` had the counts set on the shared module."""
    templates = {**INCLUDED, "page.html": source}

    def rendered(env: jinja2.Environment) -> list[str]:
        return [env.get_template("page.html").render(VALUES) for _ in range(2)]

    loader = jinja2.DictLoader(templates)
    ours = rendered(Environment(loader=loader, **OPTIONS))
    assert ours == rendered(jinja2.Environment(loader=loader, **OPTIONS))
