"""partial(): a template rendered with its values alone, kept while they and it are the same."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import jinja2
import pytest

from articlegen.core.errors import TemplateError
from articlegen.core.model import PagePlan
from articlegen.incremental.keys import SharedDigests, value_digest
from articlegen.render import partials as partials_module
from articlegen.render.partials import Partials
from articlegen.render.templates import render_chunk, template_fingerprints
from tests.unit.test_templates import changed, write

PAGE = '{% for e in items %}{{ partial("_item.html", e=e) }}{% endfor %}'


def plans(*items: object) -> list[PagePlan]:
    return [PagePlan("", "index.html", "page.html", {"items": list(items), "hidden": "no"})]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The values of every partial rendered (not taken from the store)."""
    seen: list[object] = []
    render = partials_module.render_partial

    def counting(env, name, values):  # type: ignore[no-untyped-def]
        seen.append(values["e"])
        return render(env, name, values)

    monkeypatch.setattr(partials_module, "render_partial", counting)
    return seen


def build(site: Path, store: Partials | None, *items: object) -> bytes:
    if store is not None:
        store.next_build(template_fingerprints(site), partial(value_digest, shared=SharedDigests()))
    (page,) = render_chunk(site, site.parent, plans(*items), partials=store)
    assert page.data is not None
    return page.data


def test_only_partials_whose_values_changed_are_rendered_again(
    tmp_path: Path, counted: list[object]
) -> None:
    site = write(tmp_path / "t", page__html=PAGE, _item__html="<{{ e.t }}>")
    store = Partials()
    assert build(site, store, {"t": "a"}, {"t": "b"}) == b"<a><b>"
    assert build(site, store, {"t": "a"}, {"t": "B"}, {"t": "c"}) == b"<a><B><c>"
    assert counted == [{"t": "a"}, {"t": "b"}, {"t": "B"}, {"t": "c"}]
    # a value ``==`` finds equal but that shows differently is told apart
    assert build(site, store, {"t": 1}, {"t": 1.0}) == b"<1><1.0>"


def test_a_changed_partial_template_is_rendered_again(
    tmp_path: Path, counted: list[object]
) -> None:
    site = write(tmp_path / "t", page__html=PAGE, _item__html="<{{ e }}>")
    store = Partials()
    assert build(site, store, "a") == b"<a>"
    write(site, _item__html="[{{ e }}]")
    assert build(site, store, "a") == b"[a]"
    assert counted == ["a", "a"]


def test_the_store_keeps_what_the_last_build_rendered(
    tmp_path: Path, counted: list[object]
) -> None:
    site = write(tmp_path / "t", page__html=PAGE, _item__html="<{{ e }}>")
    store = Partials()
    build(site, store, "a")
    store.next_build(template_fingerprints(site), value_digest)  # a build rendering none
    build(site, store, "b")
    build(site, store, "a", "b")
    assert counted == ["a", "b", "a"]  # "a" was two builds back: dropped


def test_without_a_store_every_partial_is_rendered(tmp_path: Path, counted: list[object]) -> None:
    site = write(tmp_path / "t", page__html=PAGE, _item__html="<{{ e }}>")
    assert build(site, None, "a", "a") == b"<a><a>"
    assert counted == ["a", "a"]


@pytest.mark.parametrize("store", [Partials, None])
def test_a_partial_sees_only_its_values(tmp_path: Path, store: type[Partials] | None) -> None:
    site = write(tmp_path / "t", page__html=PAGE, _item__html="{{ e }}\n{{ hidden }}")
    with pytest.raises(TemplateError) as raised:
        build(site, store and store(), "a")
    assert (raised.value.path, raised.value.line) == ("t/_item.html", 2)
    assert "'hidden' is undefined" in str(raised.value)


@pytest.mark.parametrize(
    "use, named",
    [
        ('{{ partial("x.html", e=1) }}', True),
        ("{{ partial( 'x.html' ) }}", True),
        ("{% set html = partial('x.html') %}", True),
        ("{{ partial(name) }}", False),  # an expression: may be any template
        ("{% set p = partial %}{{ p('x.html') }}", False),
        ("partial recovery, in the text", None),  # no use at all
    ],
)
def test_partials_count_as_uses(tmp_path: Path, use: str, named: bool | None) -> None:
    site = write(tmp_path / "t", page__html=use, x__html="1", y__html="1")
    for name in ("x.html", "y.html"):
        before = template_fingerprints(site)
        (site / name).write_text("2")
        uses = named is not None and (name == "x.html" or not named)
        expected = {"page.html", name} if uses else {name}
        assert changed(before, template_fingerprints(site)) == expected


def test_a_partial_renders_as_the_template_would(tmp_path: Path) -> None:
    """What ``partial`` gives is what rendering the template with its values gives: macros,
    loops, globals and escaping included, in a loop of the page or not."""
    entry = (
        "{% macro li(x) %}<li>{{ x }}</li>{% endmacro %}"
        "{% for x in e %}{{ li(x) }}{{ loop.index }}{% endfor %}{{ range(2) | list }}"
    )
    page = '{{ partial("_item.html", e=["<a>", 1]) }}' + PAGE
    site = write(tmp_path / "t", page__html=page, _item__html=entry)
    alone = jinja2.Environment(autoescape=True).from_string(entry)
    expected = "".join(alone.render(e=e) for e in (["<a>", 1], ["b&"], []))
    assert build(site, None, ["b&"], []) == expected.encode()
