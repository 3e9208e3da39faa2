"""Includes in a loop rendered once per build for the same values, and every time when a
value they read may differ where it looks the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jinja2.environment import TemplateModule
from markupsafe import escape

from articlegen.build import build_site
from articlegen.core.model import Card, PagePlan
from articlegen.render import includememo, jinjaruntime
from articlegen.render.includememo import IncludeMemo
from articlegen.render.templates import render_chunk
from articlegen.render.urlmaker import UrlMaker
from tests.conftest import SITE_YAML, article, parse
from tests.unit.test_templates import write

LIST = "{% for item in items %}{% include '_card.html' %}{% endfor %}"
CARDS = [Card({"title": f"T{n} & co", "url": f"t{n}/"}) for n in range(3)]


@pytest.fixture
def memos(monkeypatch: pytest.MonkeyPatch) -> list[IncludeMemo]:
    """Every include memo made, one per environment."""
    made: list[IncludeMemo] = []

    class Recorded(IncludeMemo):
        def __init__(self, env: Any) -> None:
            super().__init__(env)
            made.append(self)

    monkeypatch.setattr(jinjaruntime, "IncludeMemo", Recorded)
    return made


def render(folder: Path, *contexts: dict[str, Any]) -> list[str]:
    plans = [
        PagePlan(f"p{n}/", f"p{n}/index.html", "list.html", {"url": UrlMaker("/"), **context})
        for n, context in enumerate(contexts)
    ]
    return [(page.data or b"").decode() for page in render_chunk(folder, folder.parent, plans)]


def rendered(memos: list[IncludeMemo]) -> int:
    return sum(memo.rendered for memo in memos)


def test_a_card_shown_on_several_pages_is_rendered_once(
    tmp_path: Path, memos: list[IncludeMemo]
) -> None:
    folder = write(
        tmp_path / "templates",
        list__html=LIST,
        _card__html="<a href='{{ url(item.url) }}'>{{ item.title }}</a>{{ level | default(2) }}",
    )
    pages = render(folder, {"items": CARDS[:2]}, {"items": CARDS[1:]}, {"items": CARDS})
    card = "<a href='/t{0}/'>T{0} &amp; co</a>2"
    assert pages == [
        card.format(0) + card.format(1),
        card.format(1) + card.format(2),
        "".join(card.format(n) for n in range(3)),
    ]
    assert rendered(memos) == 3


def test_a_name_read_by_a_template_it_includes_is_part_of_the_key(
    tmp_path: Path, memos: list[IncludeMemo]
) -> None:
    folder = write(
        tmp_path / "templates",
        list__html=LIST,
        _card__html="{{ item.title }}{% include '_where.html' %}",
        _where__html=" on {{ page_name }}{{ '' if level is undefined else level }};",
    )
    first, second = render(
        folder, {"items": CARDS[:1], "page_name": "home"}, {"items": CARDS[:1], "page_name": "tag"}
    )
    assert (first, second) == ("T0 &amp; co on home;", "T0 &amp; co on tag;")
    assert rendered(memos) == 2


IMAGED = [Card({"title": "T0", "image": "a.png"}), Card({"title": "T1 & co", "image": None})]
"""A card with an image, one without."""
FIRST_ROW = (
    "{% for item in items %}{% set image_loading = 'eager' if loop.index == 1 else 'lazy' %}"
    "{% include '_card.html' %};{% endfor %}"
)


def test_a_name_only_a_template_the_card_did_not_use_reads_is_no_part_of_the_key(
    tmp_path: Path, memos: list[IncludeMemo]
) -> None:
    """The theme's list pages: the first card of a row loads its image at once. A card
    with no image never includes the image's template, which alone reads the loading."""
    folder = write(
        tmp_path / "templates",
        list__html=FIRST_ROW,
        _card__html="{{ item.title }}{% if item.image %}{% include '_image.html' %}{% endif %}",
        _image__html=" <img src='{{ item.image }}' loading='{{ image_loading }}'>",
    )
    pages = render(folder, {"items": IMAGED}, {"items": IMAGED[::-1]})
    eager, lazy = "T0 <img src='a.png' loading='eager'>", "T0 <img src='a.png' loading='lazy'>"
    assert pages == [f"{eager};T1 &amp; co;", f"T1 &amp; co;{lazy};"]
    assert rendered(memos) == 3  # T1 &amp; co once, first or not; T0 once each way


def test_a_card_that_used_a_template_whose_inputs_cannot_be_compared_renders_every_time(
    tmp_path: Path, memos: list[IncludeMemo]
) -> None:
    """The card with an image reads a dict, which may change: rendered every time; the one
    without is kept, since it never reads the dict."""
    folder = write(
        tmp_path / "templates",
        list__html=FIRST_ROW,
        _card__html="{{ item.title }}{% if item.image %}{% include '_image.html' %}{% endif %}",
        _image__html="{{ image_loading }}{{ extra.n }}",
    )
    context = {"extra": {"n": 1}}
    pages = render(folder, {"items": IMAGED * 2, **context}, {"items": IMAGED[1:], **context})
    assert pages == ["T0eager1;T1 &amp; co;T0lazy1;T1 &amp; co;", "T1 &amp; co;"]
    assert rendered(memos) == 3  # T1 &amp; co once, T0 each time


def test_a_card_nested_in_a_kept_include_counts_for_the_outer_one(
    tmp_path: Path, memos: list[IncludeMemo]
) -> None:
    """An include kept inside another: the outer one depends on what the inner one used,
    whether the inner one rendered or was taken from those kept."""
    folder = write(
        tmp_path / "templates",
        list__html=(
            "{% for item in items %}{% include '_row.html' %}{% endfor %}"
            "|{% for item in items %}{% include '_card.html' %}{% endfor %}"
        ),
        _row__html="{% for card in [item] %}{% include '_card.html' %}{% endfor %}.",
        _card__html="{{ item.title }}{% if item.image %}{% include '_image.html' %}{% endif %}",
        _image__html="@{{ where }}",
    )
    pages = render(folder, {"items": IMAGED, "where": "home"}, {"items": IMAGED, "where": "tag"})
    assert pages == [
        "T0@home.T1 &amp; co.|T0@homeT1 &amp; co",
        "T0@tag.T1 &amp; co.|T0@tagT1 &amp; co",
    ]
    # each row and card once on the first page; on the second, T0's card and row again
    # (its image reads ``where``), and T1's row, whose card, kept, might read it
    assert rendered(memos) == 7


@pytest.mark.parametrize(
    "card, context",
    [
        ("{{ item.title }}{{ loop.length }}", {}),  # the loop is no value to compare
        ("{{ item.title }}{{ extra.n }}", {"extra": {"n": 1}}),  # a dict may change
        ("{{ item.title }}{{ extra }}", {"extra": 1.0}),  # 1.0 == 1 but shows otherwise
        ("{{ item.title }}{% include name %}", {"name": "_other.html"}),  # unknown use
        ("{{ item.title }}{{ lipsum(1, false, 2, 3) }}", {}),  # random text
    ],
)
def test_includes_whose_inputs_cannot_be_compared_render_every_time(
    tmp_path: Path, memos: list[IncludeMemo], card: str, context: dict[str, Any]
) -> None:
    folder = write(
        tmp_path / "templates",
        list__html="{% for item in items %}{% include '_card.html' %}|{{ loop.index }}{% endfor %}",
        _card__html=card,
        _other__html="!",
    )
    pages = render(folder, {"items": CARDS[:1] * 2, **context}, {"items": CARDS[:1], **context})
    assert [page.count("T0 &amp; co") for page in pages] == [2, 1]
    assert rendered(memos) == 3


def test_an_include_outside_a_loop_is_rendered_as_jinja_renders_it(
    tmp_path: Path, memos: list[IncludeMemo]
) -> None:
    folder = write(tmp_path / "templates", list__html="{% include '_c.html' %}", _c__html="c")
    assert render(folder, {}, {}) == ["c", "c"]
    assert rendered(memos) == 0


@pytest.fixture
def modules(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of every template made into a module for an import with context."""
    made: list[str] = []

    def module(template: Any, context: Any) -> Any:
        made.append(template.name)
        return TemplateModule(template, context)

    monkeypatch.setattr(includememo, "TemplateModule", module)
    return made


MACROS = "{% macro link(item) %}<a href='{{ url(item.url) }}'>{{ item.title }}</a>{{ where }}{% endmacro %}"


@pytest.mark.parametrize(
    "pages, made",
    [
        ([{"where": "!"}] * 3, 1),  # the same values: one module
        ([{"where": "home"}, {"where": "tag"}, {"where": "home"}], 2),
        ([{"where": {"home": 1}}] * 3, 3),  # a dict may change: a module each time
    ],
)
def test_an_import_with_context_is_made_once_for_the_same_values(
    tmp_path: Path, modules: list[str], pages: list[dict[str, Any]], made: int
) -> None:
    folder = write(
        tmp_path / "templates",
        list__html="{% import '_m.html' as m with context %}{{ m.link(items[0]) }}",
        _m__html=MACROS,
    )
    shown = render(folder, *({"items": CARDS[:1], **page} for page in pages))
    assert shown == [f"<a href='/t0/'>T0 &amp; co</a>{escape(page['where'])}" for page in pages]
    assert len(modules) == made


def test_the_theme_renders_each_card_once_for_the_home_and_tag_pages(
    site: Any, memos: list[IncludeMemo]
) -> None:
    root = site(
        {
            f"a{n}.md": article(f"Article {n}", "Text.", date=f"2024-03-0{n}", tags="[sleep]")
            for n in range(1, 4)
        },
        site_yaml=SITE_YAML + "per_page: 2\n",
    )
    build_site(root)
    public = root / "public"
    home = [*parse(public / "index.html").css("article.card")]
    home += parse(public / "page" / "2" / "index.html").css("article.card")
    tag = [*parse(public / "tags" / "sleep" / "index.html").css("article.card")]
    tag += parse(public / "tags" / "sleep" / "page" / "2" / "index.html").css("article.card")
    assert [card.html for card in home] == [card.html for card in tag]
    assert len(home) == 3
    assert rendered(memos) == 3


def test_a_module_that_keeps_state_is_made_anew_for_each_page(tmp_path: Path) -> None:
    """A namespace or list set at the top of an imported template starts afresh on every
    page, as Jinja makes it: shared, its count ran on from page to page."""
    folder = write(
        tmp_path / "templates",
        list__html=(
            "{% import '_m.html' as m with context %}"
            "{% for item in items %}{{ m.mark(item) }}{% endfor %}|{{ m.notes | join(',') }}"
        ),
        _m__html=(
            "{% set ids = namespace(n=0) %}{% set notes = [] %}"
            "{% macro mark(item) %}{% set ids.n = ids.n + 1 %}{% set _ = notes.append(item.title) %}"
            "<sup id='n{{ ids.n }}'></sup>{% endmacro %}"
        ),
    )
    pages = render(folder, {"items": CARDS[:2]}, {"items": CARDS[:2]})
    expected = "<sup id='n1'></sup><sup id='n2'></sup>|T0 &amp; co,T1 &amp; co"
    assert pages == [expected, expected]


@pytest.mark.parametrize("name", ["range", "dict", "namespace", "cycler", "joiner"])
def test_a_loop_variable_named_like_a_jinja_global_is_part_of_the_key(
    tmp_path: Path, name: str
) -> None:
    folder = write(
        tmp_path / "templates",
        list__html=f"{{% for {name} in items %}}{{% include '_r.html' %}};{{% endfor %}}",
        _r__html=f"{{{{ {name}.title }}}}",
    )
    assert render(folder, {"items": CARDS}) == ["T0 &amp; co;T1 &amp; co;T2 &amp; co;"]


def test_a_card_cannot_be_changed_by_a_template(tmp_path: Path) -> None:
    """Every page holds the same card: a change would reach the pages rendered after it."""
    with pytest.raises(TypeError, match="cannot be changed"):
        CARDS[0].update(title="changed")
    with pytest.raises(TypeError, match="cannot be changed"):
        CARDS[0]["title"] = "changed"
    assert dict(CARDS[0], title="changed")["title"] == "changed"  # a new dict is fine
    folder = write(tmp_path / "templates", list__html="{% set _ = items[0].update(title='x') %}")
    with pytest.raises(Exception, match="cannot be changed"):
        render(folder, {"items": CARDS})
    assert CARDS[0]["title"] == "T0 & co"


def test_a_card_that_calls_partial_is_still_rendered_once(
    tmp_path: Path, memos: list[IncludeMemo]
) -> None:
    folder = write(
        tmp_path / "templates",
        list__html=LIST,
        _card__html="{{ partial('_title.html', t=item.title) }}",
        _title__html="<b>{{ t }}</b>",
    )
    pages = render(folder, {"items": CARDS[:2]}, {"items": CARDS[:2]})
    assert pages == ["<b>T0 &amp; co</b><b>T1 &amp; co</b>"] * 2
    assert rendered(memos) == 2
