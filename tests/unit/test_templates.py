"""Template fingerprints: a template's digest covers exactly what it may load; and the
table of contents that the theme nests with ``toc_sections``."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import jinja2
import pytest

from articlegen.core.errors import TemplateError
from articlegen.core.model import PagePlan, SiteConfig, TocEntry
from articlegen.render.templates import (
    THEME_TEMPLATES,
    compile_templates,
    make_environment,
    render_chunk,
    template_fingerprints,
    toc_sections,
)


def write(folder: Path, **files: str) -> Path:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name.replace("__", ".")).write_text(text)
    return folder


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {name for name in after if before.get(name) != after[name]}


def test_the_theme_alone_has_a_digest_per_template() -> None:
    prints = template_fingerprints(None)
    assert set(prints) == {p.name for p in THEME_TEMPLATES.iterdir() if p.is_file()}
    assert len(set(prints.values())) == len(prints)


def test_a_site_template_changes_what_uses_it_and_nothing_else(tmp_path: Path) -> None:
    before = template_fingerprints(tmp_path / "templates")
    site = write(tmp_path / "templates", _card__html="<p>{{ article.title }}</p>")
    after = template_fingerprints(site)
    assert changed(before, after) == {"_card.html", "list.html"}
    write(site, base__html="<main>{% block main %}{% endblock %}</main>")
    extends_base = {  # redirect.html is a page of its own: a base would only slow it down
        n for n in after if '{% extends "base.html" %}' in (THEME_TEMPLATES / n).read_text()
    }
    assert changed(after, template_fingerprints(site)) == {"base.html", *extends_base}


NAMED = "page.html", "x.html"  # y.html is not used
ANY = "page.html", "x.html", "y.html"


@pytest.mark.parametrize(
    "use, uses",
    [
        ('{% include "x.html" %}', NAMED),
        ('{%- include "x.html" ignore missing with context -%}', NAMED),
        ("{% import 'x.html' as x %}", NAMED),
        ('{% from "x.html" import a as b, c %}', NAMED),
        ('{% extends "x.html" %}', NAMED),
        # named by an expression: may be any template
        ("{% include name %}", ANY),
        ('{% include ["x.html", "z.html"] %}', ANY),
        ('{% extends "x.html" if wide else "z.html" %}', ANY),
    ],
)
def test_every_way_to_name_a_template(tmp_path: Path, use: str, uses: tuple[str, ...]) -> None:
    site = write(tmp_path / "t", page__html=use, x__html="1", y__html="1")
    for name in ("x.html", "y.html"):
        before = template_fingerprints(site)
        (site / name).write_text("2")
        expected = {"page.html", name} if name in uses else {name}
        assert changed(before, template_fingerprints(site)) == expected


def test_uses_are_followed_through_every_level(tmp_path: Path) -> None:
    site = write(
        tmp_path / "t",
        a__html='{% extends "b.html" %}',
        b__html='{% include "c.html" %}',
        c__html="1",
        d__html="alone",
    )
    before = template_fingerprints(site)
    write(site, c__html="2")
    assert changed(before, template_fingerprints(site)) == {"a.html", "b.html", "c.html"}


def test_compiled_templates_render_alike_without_compiling_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = write(
        tmp_path / "templates", page__html="{% include 'part.html' %}!", part__html="{{ x }}"
    )
    compiled = compile_templates(site)
    assert len(compiled) == len(template_fingerprints(site))
    plans = [PagePlan(f"{n}/", f"{n}/index.html", "page.html", {"x": n}) for n in range(3)]
    monkeypatch.setattr(jinja2.Environment, "compile", lambda *a, **k: pytest.fail("compiled"))
    pages = render_chunk(site, tmp_path, plans, compiled=compiled)
    assert [page.data for page in pages] == [b"0!", b"1!", b"2!"]


def test_a_template_changed_since_compiling_is_compiled_again(tmp_path: Path) -> None:
    site = write(tmp_path / "templates", page__html="old {{ x }}")
    compiled = compile_templates(site)
    write(site, page__html="new {{ x }}")
    (page,) = render_chunk(
        site, tmp_path, [PagePlan("", "index.html", "page.html", {"x": 1})], compiled=compiled
    )
    assert page.data == b"new 1"


def test_a_broken_template_is_left_out_and_reported_when_used(tmp_path: Path) -> None:
    site = write(tmp_path / "templates", page__html="line one\n{% if %}")
    compiled = compile_templates(site)
    plan = PagePlan("", "index.html", "page.html", {})
    with pytest.raises(TemplateError) as raised:
        render_chunk(site, tmp_path, [plan], compiled=compiled)
    assert (raised.value.path, raised.value.line) == ("templates/page.html", 2)


WALKED_TOC = """{% if toc %}
  <nav class="toc" aria-labelledby="toc-title" data-pagefind-ignore>
    <h2 id="toc-title">Contents</h2>
    <ol>
      {%- set open = namespace(section=false, sub=false) -%}
      {%- for entry in toc -%}
      {%- if entry.level == 3 and open.section -%}
      {%- if not open.sub %}<ol>{% set open.sub = true %}{% endif -%}
      <li class="toc-3"><a href="#{{ entry.anchor }}">{{ entry.text }}</a></li>
      {%- else -%}
      {%- if open.sub %}</ol>{% set open.sub = false %}{% endif -%}
      {%- if not loop.first %}</li>{% endif -%}
      <li class="toc-{{ entry.level }}"><a href="#{{ entry.anchor }}">{{ entry.text }}</a>
      {%- set open.section = entry.level == 2 -%}
      {%- endif -%}
      {%- endfor -%}
      {%- if open.sub %}</ol>{% endif %}</li>
    </ol>
  </nav>
  {% endif %}"""
"""The theme's ``_toc.html`` as it was before ``toc_sections``: a walk over the entries
with a ``namespace`` of what is open."""


def test_the_contents_nest_as_the_walk_over_the_entries_nested_them() -> None:
    """``_toc.html`` nests with ``toc_sections`` now; every sequence of up to five headings of
    levels 1 to 4 (a ``###`` first, two in a row, one after a level other than 2) gives
    the page the walk gave, byte for byte."""
    env = make_environment(None)
    theme = env.get_template("_toc.html")
    walked = env.from_string("  " + WALKED_TOC)
    for count in range(6):
        for levels in itertools.product((1, 2, 3, 4), repeat=count):
            toc = tuple(TocEntry(level, f"h{i}", f"A & <{i}>") for i, level in enumerate(levels))
            assert theme.render(toc=toc) == walked.render(toc=toc), levels


def test_a_subsection_is_a_level_three_entry_after_a_section_of_level_two() -> None:
    one, three, two, four = (TocEntry(level, "a", "A") for level in (3, 3, 2, 4))
    assert toc_sections([one, three, two, one, one, four, one]) == [
        (one, []),
        (three, []),
        (two, [one, one]),
        (four, []),
        (one, []),
    ]


def test_a_day_is_shown_without_the_sites_time_zone() -> None:
    """``isodate`` and ``humandate`` looked the site's zone up for every value (15,000 a
    build), though a day is the same day in every zone: a day now needs no ``site``, a
    date-time still does (a reader's day depends on it)."""
    env = make_environment(None)
    day = env.from_string("{{ d | isodate }} {{ d | humandate }} {{ 2019 | humandate }}")
    assert day.render(d=dt.date(2024, 5, 14)) == "2024-05-14 14 May 2024 2019"
    moment = env.from_string("{{ d | isodate }} {{ d | humandate }}")
    late = dt.datetime(2024, 5, 14, 23, 30, tzinfo=dt.UTC)
    site = SiteConfig(title="T", base_url="https://e.org/", timezone="Asia/Tokyo")
    assert moment.render(d=late, site=site) == "2024-05-14T23:30:00Z 15 May 2024"
    with pytest.raises(KeyError, match="site"):
        moment.render(d=late)


def test_the_references_list_looks_each_reference_up_once() -> None:
    """Each reference in an article's list showed up to eleven of its fields, each looked up
    through ``item.reference`` again (two attribute lookups a field, ten references an
    article): the theme's ``article.html`` names it once an item, and shows the same text."""
    env = make_environment(None)
    source = (THEME_TEMPLATES / "article.html").read_text(encoding="utf-8")
    [loop] = [
        node
        for node in env.parse(source).find_all(jinja2.nodes.For)
        if isinstance(node.iter, jinja2.nodes.Name) and node.iter.name == "references"
    ]
    lookups = [n for n in loop.find_all(jinja2.nodes.Getattr) if n.attr == "reference"]
    assert len(lookups) == 1
    fields = {
        n.attr
        for n in loop.find_all(jinja2.nodes.Getattr)
        if isinstance(n.node, jinja2.nodes.Name) and n.node.name == "reference"
    }
    assert fields == {"authors", "url", "title", "publisher", "date"}
