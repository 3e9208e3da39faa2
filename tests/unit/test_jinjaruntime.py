"""The build's Jinja environment gives what Jinja's own gives, template by template: the
faster attribute lookups, calls and escaping change no output and no error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.core.errors import TemplateError
from articlegen.core.model import Card, CardItem, PagePlan
from articlegen.render import jinjaruntime
from articlegen.render.jinjaruntime import Environment
from articlegen.render.templates import make_environment, render_chunk
from articlegen.render.urlmaker import UrlMaker
from tests.unit.test_templates import write

OPTIONS: dict[str, Any] = {
    "autoescape": True,
    "undefined": jinja2.StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
}


class Missing(dict[str, Any]):
    """A dict that answers every missing key."""

    __slots__ = ()

    def __missing__(self, key: str) -> str:
        return f"<{key}>"


class Loose(dict[str, Any]):
    """A dict whose instances may have attributes of their own."""


class Slotted:
    __slots__ = ("title",)

    def __init__(self, title: str) -> None:
        self.title = title


class Dynamic:
    def __getattr__(self, name: str) -> str:
        return name.upper()


class Greeter:
    """A plain callable, as ``UrlMaker`` is."""

    __slots__ = ()

    def __call__(self, name: str = "you") -> str:
        return f"hello <{name}>"


class ContextGreeter:
    """A callable whose ``__call__`` asks for the context."""

    __slots__ = ()

    @jinja2.pass_context
    def __call__(self, context: jinja2.runtime.Context, name: str) -> str:
        return f"{context['greeting']} {name}"


class Text(str):
    """A ``str`` of a type of its own, as an article's ``BodyHtml`` is."""

    __slots__ = ()


class Spoken(str):
    """A ``str`` that says something else when made a ``str`` (and so a ``Markup``)."""

    __slots__ = ()

    def __str__(self) -> str:
        return "spoken <b>"


class Html:
    def __html__(self) -> str:
        return "<i>html</i>"


class Stopping:
    __slots__ = ()

    def __call__(self) -> str:
        raise StopIteration


@jinja2.pass_context
def from_context(context: jinja2.runtime.Context, key: str) -> Any:
    return context[key]


def loose() -> Loose:
    value = Loose(title="item")
    value.title = "attribute"  # type: ignore[attr-defined]
    return value


VALUES: dict[str, Any] = {
    "plain": {"title": "A & B", "items": "shadowed", "n": 3},
    "card": Card({"title": "<Card>", "url": "a/", "keys": "k"}),
    "item": CardItem.of(Card({"title": "T", "url": "t/"}), url="t/#x", external=True),
    "missing": Missing(title="kept"),
    "loose": loose(),
    "slotted": Slotted("slot & co"),
    "dynamic": Dynamic(),
    "url": UrlMaker("/base/"),
    "abs_url": UrlMaker("https://e.org/base/", keep_absolute=False),
    "greet": Greeter(),
    "context_greet": ContextGreeter(),
    "from_context": from_context,
    "greeting": "hi",
    "stopping": Stopping(),
    "markup": markupsafe.Markup("<b>bold</b>"),
    "number": -42,
    "flag": True,
    "none": None,
    "ratio": 0.5,
    "day": dt.date(2024, 5, 14),
    "items": [1, 2],
    "text": Text("<b>text</b> & co"),
    "spoken": Spoken("<s>"),
    "html": Html(),
}

TEMPLATES = [
    "{{ plain.title }} {{ plain.n }} {{ plain['title'] }}",
    "{{ plain.items() | list | length }} {{ plain.get('n') }}",  # the method, not the item
    "{{ card.title }} {{ card.keys is callable }} {{ card.nope | default('none') }}",
    "{{ item.title }} {{ item.url }} {{ item.external }} {{ item.card.title }}",
    "{{ item.extra | length }}",
    "{{ missing.title }} {{ missing.other }}",
    "{{ loose.title }} {{ loose['title'] }}",
    "{{ slotted.title }} {{ dynamic.anything }}",
    "{{ url('tags/') }} {{ url('https://e.org/') }} {{ url() }}",
    "{{ greet() }} {{ greet(name='x&y') }} {{ context_greet('there') }}",
    "{% for i in items %}{{ greet(i) }}{{ from_context('greeting') }}{% endfor %}",
    "{% macro m(x) %}[{{ x }}]{% endmacro %}{{ m(plain.title) }}{{ m(markup) }}",
    "{{ stopping() is undefined }}",
    "{{ markup }} {{ number }} {{ flag }} {{ none }} {{ ratio }} {{ day }}",
    "{% set s %}<i>{{ plain.title }}</i>{% endset %}{{ s }}{{ s | length }}",
    "{% autoescape false %}{{ plain.title }}{% endautoescape %}{{ plain.title }}",
    # a run of text and values between statements is output as one piece
    "<p>{{ plain.title }} & {{ number }}</p>\n<i>{{ markup }}</i>{{ ratio }}{{ none }}",
    "{% for i in items %}<b>{{ i }}</b>{{ loop.index }}/{{ loop.length }}{% endfor %}",
    "{% for i in items recursive %}[{{ i }}{% if i is iterable %}{{ loop(i) }}{% endif %}]{% endfor %}",
    "{% macro row(x) %}<td>{{ x }}</td>{{ caller(x) }}{% endmacro %}"
    "{% call(v) row(plain.title) %}<b>{{ v }}</b>{{ url(v) }}{% endcall %}",
    "{% macro m(a, b=plain.n) %}{{ a }}{{ b }}{{ varargs }}{{ kwargs }}{% endmacro %}"
    "{{ m(1) }}{{ m(1, 2, 3, k=url) }}{{ m(b=4, a=5) }}{% for i in items %}{{ m(i) }}{% endfor %}",
    "{% macro b(x) %}<b>{{ x }}</b>{% endmacro %}{% set v = false %}{{ b(plain.title) }}"
    "{% autoescape v %}{{ b(plain.title) }}{{ b(plain.title) | escape }}{% endautoescape %}",
    "{% filter upper %}<a>{{ plain.title }}</a>{% endfilter %}",
    "{% set ns = namespace(n=1) %}{% set ns.n = ns.n + plain.n %}{{ ns.n }} {{ ns.nope | default('d') }}",
    # an attribute: the item first for a dict, else the attribute, else the item, else undefined
    "{{ card.title }}{{ card.title }} {{ card.items is callable }} {{ card.items() | list | length }}",
    "{% for x in [card, item, plain, missing] %}{{ x.title }} {{ x.url | default('-') }};{% endfor %}",
    "{{ item.card.title }} {{ item.extra.external }} {{ plain.items is callable }}",
    "{{ missing.title }} {{ missing.other }} {{ missing.other | default('d') }}",
    "{{ loose.title }} {{ slotted.title }} {{ dynamic.x | default('d') }}",
    "{% for i in items %}{{ loop.index }}{{ loop.nope | default(0) }}{% endfor %}",
    "{{ day.year }} {{ day.nope | default(1) }} {{ markup.striptags() }}",
    # ``default`` on an attribute: only where it is undefined
    "{{ plain.nope | default(false) }} {{ plain.n | default(0) }} {{ plain.nope | d('x') }}",
    "{{ {'a': none}.a | default(1) }} {{ {'a': ''}.a | default(1) }} {{ {'a': 0}.a | default(1, true) }}",
    "{% set held = {'a': plain.nope} %}{{ held.a | default('undefined kept') }}",
    "{{ card.nope | default(plain.title) }} {{ card.keys | default(1) is callable }}",
    # calls: url at once, any other callable as Jinja calls it
    "{{ url(card.url) }} {{ url(url('x')) }} {{ url(rel='y') }} {{ url(*['z']) }}",
    "{% for i in items %}{{ url(i | string) }}{{ greet(url(i | string)) }}{% endfor %}",
    "{{ stopping() is undefined }} {{ greet(greet()) }} {{ context_greet(url()) }}",
    "{{ abs_url('a/') }} {{ abs_url('https://x.org/') }} {{ url(markup) }} {{ url(plain.title) }}",
    # ``| safe`` shown: a str as it is, anything else as Markup(value) shows it
    "{{ text | safe }} {{ spoken | safe }} {{ html | safe }} {{ markup | safe }} {{ plain.title | safe }}",
    "{{ number | safe }}{{ none | safe }}{{ ratio | safe }}{{ (text ~ '&') | safe }}{{ '<q>' | safe }}",
    "{% autoescape false %}{{ text | safe }}{{ html | safe }}{% endautoescape %}{{ text | safe | e }}",
    # select without a test: the true items, lazily; with a test, as Jinja's
    "{{ items | select | list }} {{ [0, 1, '', 'a', none, false, markup] | select | join(',') }}",
    "{{ [] | select | list }} {{ none | select | list }} {{ plain.title | select | first }}",
    "{{ items | select('odd') | list }} {{ items | select | select | sum }} {% set g = items | select %}",
    "{% for x in [card, plain, {}] | select %}{{ x.title | default('-') }}{% endfor %}",
    # set blocks: Markup where escaping is on, with or without a filter
    "{% set s | upper %}<i>{{ plain.title }}</i>{% endset %}{{ s }}{% set t %}{{ text }}{% endset %}{{ t }}",
    "{% autoescape false %}{% set s %}<i>{{ plain.title }}</i>{% endset %}{{ s }}{% endautoescape %}",
    "{{ greet('a/') }} {% set u = greet %}{{ u('https://x.org/') }}{{ url(none | string) }}",
]


@pytest.mark.parametrize("source", TEMPLATES)
def test_every_template_renders_as_in_jinja(source: str) -> None:
    ours = Environment(**OPTIONS).from_string(source).render(VALUES)
    assert ours == jinja2.Environment(**OPTIONS).from_string(source).render(VALUES)


TEMPLATE_SETS: list[dict[str, str]] = [
    {  # a block chain: extends, super(), self, scoped and required blocks
        "base.html": "<t>{% block title %}B{% endblock %}</t>{% block main required %}{% endblock %}"
        "{% for i in items %}{% block row scoped %}<r>{{ i }}</r>{% endblock %}{% endfor %}"
        "<f>{{ self.title() }}</f>",
        "mid.html": "{% extends 'base.html' %}{% block title %}M{{ super() }}{% endblock %}",
        "page.html": "{% extends 'mid.html' %}ignored {{ plain.title }}"
        "{% block title %}P{{ super() }}{% endblock %}"
        "{% block main %}<m>{{ card.title }}</m>{% endblock %}"
        "{% block row %}{{ super() }}+{{ i }}{% endblock %}",
    },
    {  # includes and imports, with and without context, in and out of loops
        "page.html": "{% include '_a.html' %}{% for item in [card, plain] %}"
        "{% include '_a.html' %}{% include ['_no.html', '_a.html'] %}{% endfor %}"
        "{% include '_no.html' ignore missing %}{% include '_b.html' without context %}"
        "{% import '_m.html' as m %}{% from '_m.html' import cell with context %}"
        "{{ m.cell(1) }}{{ cell(plain.title) }}",
        "_a.html": "<a>{{ item.title | default('none') }}{{ plain.n }}</a>",
        "_b.html": "<b>{{ range(2) | list }}</b>",
        "_m.html": "{% macro cell(x) %}<c>{{ x }}{{ greeting | default('-') }}</c>{% endmacro %}",
    },
    {  # includes outside loops, of every kind of name, in macros and set blocks too
        "page.html": "{% include ['_no.html', '_a.html'] %}{% include layout %}"
        "{% include ('_no.html', layout) ignore missing %}{% include '_no.html' ignore missing %}"
        "{% macro m() %}<m>{% include '_a.html' %}</m>{% endmacro %}{{ m() }}"
        "{% set s %}{% include '_a.html' %}{% endset %}{{ s | length }}{% with plain = {'n': 7, 'title': '<w>'} %}"
        "{% include '_a.html' %}{% endwith %}{% if flag %}{% include '_a.html' %}{% endif %}",
        "_a.html": "<a>{{ item.title | default('none') }}{{ plain.n }}{{ plain.title }}</a>",
        "one.html": "{% if flag %}1{% endif %}{{ url('x') }}",
    },
    {  # a template that extends another chosen at run time
        "page.html": "{% extends layout %}{% block b %}[{{ plain.title }}]{% endblock %}",
        "one.html": "1{% block b %}{% endblock %}1",
    },
]


@pytest.mark.parametrize("templates", TEMPLATE_SETS)
def test_templates_that_use_others_render_as_in_jinja(templates: dict[str, str]) -> None:
    values = {**VALUES, "layout": "one.html", "item": None}

    def render(kind: type[jinja2.Environment]) -> str:
        env = kind(loader=jinja2.DictLoader(templates), **OPTIONS)
        return env.get_template("page.html").render(values)

    assert render(Environment) == render(jinja2.Environment)


@pytest.mark.parametrize(
    "source",
    [
        "{{ card.nope }}",
        "{{ plain.nope.deeper }}",
        "{{ slotted.nope }}",
        "{{ item.nope }}",
        "{{ nothing() }}",
        "{{ card.nope() }}",
        "{{ nothing.title | default(1) }}",
        "{{ url(nothing.url) }}",
        "{{ nothing | safe }}",
        "{{ nothing | select | list }}",
        "{% macro m(a) %}{{ a.nope }}{% endmacro %}{{ m(plain) }}",
        "{% for x in [plain, card] %}{{ x.title }}{{ x.nope }}{% endfor %}",
    ],
)
def test_a_missing_name_fails_as_in_jinja(source: str) -> None:
    def message(env: jinja2.Environment) -> str:
        with pytest.raises(jinja2.UndefinedError) as failed:
            env.from_string(source).render(VALUES)
        return str(failed.value)

    assert message(Environment(**OPTIONS)) == message(jinja2.Environment(**OPTIONS))


@given(
    st.one_of(
        st.text(),
        st.text().map(markupsafe.Markup),
        st.integers(),
        st.booleans(),
        st.none(),
        st.floats(allow_nan=False),
    )
)
def test_escaping_gives_what_markupsafe_gives(value: object) -> None:
    escaped = Environment.escape_output(value)
    assert type(escaped) is markupsafe.Markup
    assert escaped == markupsafe.escape(value)
    with pytest.MonkeyPatch.context() as patch:  # MarkupSafe 2, or without its C part
        patch.setattr(jinjaruntime, "_escape_inner", None)
        assert Environment.escape_output(value) == escaped


def test_a_template_error_still_names_its_file_and_line(tmp_path: Path) -> None:
    site = write(
        tmp_path / "templates",
        page__html="{% for item in items %}\n{% include '_item.html' %}\n{% endfor %}",
        _item__html="<p>{{ item.title }}</p>\n<p>{{ item.nope }}</p>",
    )
    plan = PagePlan("", "index.html", "page.html", {"items": [Card({"title": "T"})]})
    with pytest.raises(TemplateError) as failed:
        render_chunk(site, tmp_path, [plan])
    assert (failed.value.path, failed.value.line) == ("templates/_item.html", 2)
    assert "nope" in failed.value.message


def test_the_build_environment_is_this_one() -> None:
    env: Callable[..., jinja2.Environment] = make_environment
    assert isinstance(env(None), Environment)


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("<p>{{ plain.title }}\n{{ card.title }} and\n{{ card.nope }}</p>", 3),
        ("{% for x in [card] %}\n<b>{{ x.title }}</b>\n{{ url(x.nope) }}\n{% endfor %}", 3),
        (
            "{% macro m(x) %}\n{{ x.title }}\n{{ x.nope.deeper | default(1) }}{% endmacro %}\n{{ m(card) }}",
            3,
        ),
    ],
)
def test_an_error_in_a_joined_output_names_its_line(tmp_path: Path, source: str, line: int) -> None:
    site = write(tmp_path / "templates", page__html=source)
    plan = PagePlan("", "index.html", "page.html", dict(VALUES))
    with pytest.raises(TemplateError) as failed:
        render_chunk(site, tmp_path, [plan])
    assert (failed.value.path, failed.value.line) == ("templates/page.html", line)


def test_a_relative_url_is_joined_without_calling_the_url_helper(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``url('tags/')`` is the prefix and the URL joined in the compiled code (a build makes
    140,000 such calls); an absolute URL, or anything but a ``str``, still goes through
    ``UrlMaker.__call__``, as does a call with another number of arguments."""
    called = []
    real = UrlMaker.__call__

    def counted(self: UrlMaker, rel: str = "") -> str:
        called.append(rel)
        return real(self, rel)

    monkeypatch.setattr(UrlMaker, "__call__", counted)
    source = "{{ url('tags/') }} {{ url('https://e.org/') }} {{ url(markup) }} {{ url() }}"
    shown = Environment(**OPTIONS).from_string(source).render(VALUES)
    assert shown == "/base/tags/ https://e.org/ /base/<b>bold</b> /base/"
    assert called == ["https://e.org/", VALUES["markup"], ""]


def test_an_include_outside_a_loop_is_one_piece_of_its_template(tmp_path: Path) -> None:
    """An include's pieces each went up through the template that includes it (every
    article page includes its table of contents, hero image and share links): they are
    joined, and the page is the same pieces in the same order."""
    templates = {
        "page.html": "<p>{% include '_a.html' %}</p>",
        "_a.html": "{{ plain.title }}{% if flag %}<b>{{ number }}</b>{% endif %}{{ plain.n }}",
    }
    env = Environment(loader=jinja2.DictLoader(templates), **OPTIONS)
    pieces = list(env.get_template("page.html").generate(VALUES))
    assert pieces == ["<p>", "A &amp; B<b>-42</b>3", "</p>"]


def test_names_are_looked_up_in_the_context_without_calling_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each name a template reads from its context was found by calling
    ``Context.resolve_or_missing`` (some 45 an article page); the compiled code looks in
    the context's ``vars`` and ``parent`` itself. A context class of its own that looks
    names up another way is still asked."""
    source = "{{ plain.title }}{% for i in items %}{{ i }}{{ greeting }}{% endfor %}{{ nope }}"
    template = Environment(**OPTIONS).from_string(source)
    asked = []
    real = jinja2.runtime.Context.resolve_or_missing

    def counted(self: jinja2.runtime.Context, key: str) -> Any:
        asked.append(key)
        return real(self, key)

    monkeypatch.setattr(jinja2.runtime.Context, "resolve_or_missing", counted)
    with pytest.raises(jinja2.UndefinedError):
        template.render(VALUES)
    assert asked == []

    class Answering(jinjaruntime._Context):
        def resolve_or_missing(self, key: str) -> Any:
            return f"<{key}>" if key == "nope" else super().resolve_or_missing(key)

    class Own(Environment):
        context_class = Answering

    shown = Own(**OPTIONS).from_string(source).render(VALUES)
    assert shown == "A &amp; B1hi2hi&lt;nope&gt;"


def test_shown_text_and_captured_text_are_not_copied_into_markup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``{{ body | safe }}`` copied an article's body (20 kB) into a ``Markup`` only to join
    it into the page, and ``{% set %}`` blocks and macros made their text a ``Markup``
    through ``Markup.__new__``, a Python function: the body is shown as it is, and the
    others are made a ``Markup`` without it, the same text of the same type."""
    made: list[object] = []
    real = markupsafe.Markup.__new__

    def counted(cls: type, base: object = "", *args: Any) -> Any:
        made.append(base)
        return real(cls, base, *args)

    env = Environment(**OPTIONS)
    shown = env.from_string("{{ text | safe }}")
    captured = env.from_string(
        "{% macro m(x) %}<m>{{ x }}</m>{% endmacro %}{% set s %}<i>{{ plain.title }}</i>"
        "{% endset %}{{ s }}{{ m(s) }}{{ m(plain.title) | length }}{{ s.__class__.__name__ }}"
    )
    monkeypatch.setattr(markupsafe.Markup, "__new__", counted)
    [piece] = shown.generate(VALUES)
    assert piece is VALUES["text"]
    assert captured.render(VALUES) == "<i>A &amp; B</i><m><i>A &amp; B</i></m>16Markup"
    assert made == []


def test_select_without_a_test_prepares_none(monkeypatch: pytest.MonkeyPatch) -> None:
    """``parts | select`` (the byline's and every card's facts) had Jinja prepare a test to
    call for each part, three Python calls a part: the true parts are kept at once, and a
    ``select`` with a test still goes through Jinja."""
    prepared: list[object] = []
    real = jinja2.filters.prepare_select_or_reject

    def counted(*args: Any) -> Any:
        prepared.append(args[1])
        return real(*args)

    monkeypatch.setattr(jinja2.filters, "prepare_select_or_reject", counted)
    source = "{{ [0, 'a', '', 'b'] | select | join }} {{ items | select('odd') | list }}"
    assert Environment(**OPTIONS).from_string(source).render(VALUES) == "ab [1]"
    assert prepared == [("odd",)]


def test_a_context_copies_its_values_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page's context was made with ``dict(globals, **vars)``, which copies the page's
    values into keyword arguments first, and that of an include or import with context by
    copying the context's values and then that copy again to add the names set around it
    (some 14,000 contexts in a 2,000-article build): once now, with the same values, names
    set later in the template or only in a loop too, as Jinja renders them."""
    templates = {
        "page.html": "{% set top = plain.n %}{% import '_m.html' as m with context %}"
        "{% include '_a.html' %}{% for item in [card, plain] %}{% set inner = loop.index %}"
        "{% include '_a.html' %}{% endfor %}{{ m.cell() }}{% include '_a.html' %}"
        "{% set later = 2 %}",
        "_a.html": "<a>{{ top }}{{ inner | default('-') }}{{ later | default('-') }}"
        "{{ item.title | default('none') }}{{ plain.title }}</a>",
        "_m.html": "{% macro cell() %}<c>{{ top }}{{ greeting }}</c>{% endmacro %}",
    }
    made: list[str] = []
    real = jinja2.environment.new_context

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(jinja2.environment, "new_context", counted)

    def render(kind: type[jinja2.Environment]) -> str:
        env = kind(loader=jinja2.DictLoader(templates), **OPTIONS)
        return env.get_template("page.html").render({**VALUES, "item": None})

    ours = render(Environment)
    assert made == []  # Jinja's way copies the values twice
    assert ours == render(jinja2.Environment)
    assert made == ["page.html", "_m.html", "_a.html", "_a.html", "_a.html", "_a.html"]
    assert ours.count("<a>") == 4 and "<c>3hi</c>" in ours


def test_a_template_loaded_before_is_found_in_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each include, import and extends of a template loaded before (28,000 in a
    2,000-article build) went through Jinja's ``join_path`` and ``_load_template`` before
    reaching the dict it is kept in: ``get_template`` finds it there itself. An environment
    whose ``join_path`` makes names relative still has it asked, as Jinja does."""
    templates = {
        "page.html": "{% for item in items %}{% include '_a.html' %}{% endfor %}",
        "_a.html": "<a>{{ item }}</a>",
        "sub/page.html": "{% include '_a.html' %}",
        "sub/_a.html": "<s>{{ items | length }}</s>",
    }
    loaded: list[str] = []
    real = Environment._load_template

    def counted(self: Environment, name: str, globals: Any) -> jinja2.Template:
        loaded.append(name)
        return real(self, name, globals)

    monkeypatch.setattr(Environment, "_load_template", counted)
    env = Environment(loader=jinja2.DictLoader(templates), auto_reload=False, **OPTIONS)
    assert env.get_template("page.html").render(VALUES) == "<a>1</a><a>2</a>"
    assert loaded == ["page.html", "_a.html"]

    class Relative(Environment):
        def join_path(self, template: str, parent: str) -> str:
            return f"{parent.rpartition('/')[0]}/{template}".lstrip("/")

    class JinjaRelative(jinja2.Environment):
        join_path = Relative.join_path

    def render(kind: type[jinja2.Environment]) -> str:
        env = kind(loader=jinja2.DictLoader(templates), auto_reload=False, **OPTIONS)
        return env.get_template("page.html").render(VALUES) + env.get_template(
            "sub/page.html"
        ).render(VALUES)

    assert render(Relative) == render(JinjaRelative) == "<a>1</a><a>2</a><s>2</s>"


def test_an_int_is_shown_without_a_call(monkeypatch: pytest.MonkeyPatch) -> None:
    """``{{ n }}`` of an ``int`` (reading minutes, counts, a reference's number: some 57,000 a
    build) went through ``Environment.escape_output``, a Python call, for its digits: they
    are shown at once. A ``bool``, an ``int`` of a type of its own or a float still go
    through it, and every one shows what Jinja shows."""

    class Level(int):
        def __str__(self) -> str:
            return f"<{int(self)}>"

    values = {"n": -42, "zero": 0, "flag": True, "level": Level(3), "x": 1.5}
    source = (
        "{{ n }} {{ zero }}{% set s %}{{ n }}{% endset %}{{ s }} {{ flag }} {{ level }} {{ x }}"
    )
    called: list[object] = []
    real = Environment.escape_output

    def counted(value: object) -> markupsafe.Markup:
        called.append(value)
        return real(value)

    monkeypatch.setattr(Environment, "escape_output", staticmethod(counted))
    ours = Environment(**OPTIONS).from_string(source).render(values)
    assert ours == jinja2.Environment(**OPTIONS).from_string(source).render(values)
    assert ours == "-42 0-42 True &lt;3&gt; 1.5"
    assert called == [True, values["level"], 1.5]
