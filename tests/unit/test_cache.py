"""The build cache in memory: keys, and which pages ``render_pages`` reuses."""

from __future__ import annotations

import pickle
import sys
from importlib import metadata
from pathlib import Path

import pytest

from articlegen.core import model
from articlegen.core.model import BodyHtml, Card, PagePlan, RenderedPage
from articlegen.core.urls import person_url
from articlegen.incremental import cache as cache_module
from articlegen.incremental.cache import BuildCache, FirstPages, PageEntry, code_fingerprint
from articlegen.incremental.keys import (
    SharedDigests,
    body_key,
    own_reductions,
    page_key,
    source_digest,
)
from articlegen.incremental.stamps import file_stamp
from articlegen.render.urlmaker import UrlMaker

CODE = "c" * 32


def plan(where: str = "a/", **context: object) -> PagePlan:
    return PagePlan(where, where + "index.html", "article.html", context)


def test_page_key_follows_every_value_of_the_context() -> None:
    key = page_key(plan(title="A", cards=[{"title": "B"}]), CODE, "t")
    assert key == page_key(plan(title="A", cards=[{"title": "B"}]), CODE, "t")
    assert key != page_key(plan(title="A", cards=[{"title": "C"}]), CODE, "t")
    assert key != page_key(plan(title="A", cards=[{"title": "B"}]), "d" * 32, "t")
    assert key != page_key(plan(title="A", cards=[{"title": "B"}]), CODE, "u")
    assert key != page_key(plan("b/", title="A", cards=[{"title": "B"}]), CODE, "t")


def test_values_and_plain_functions_have_keys_closures_do_not() -> None:
    assert page_key(plan(url=UrlMaker("/"), person_url=person_url), CODE, "") is not None
    assert page_key(plan(url=UrlMaker("/")), CODE, "") != page_key(
        plan(url=UrlMaker("/b/")), CODE, ""
    )
    prefix = "/"
    assert page_key(plan(url=lambda rel: prefix + rel), CODE, "") is None


def test_source_and_body_keys_follow_path_bytes_code_and_settings() -> None:
    digest = source_digest(CODE, "content/a.md", b"text")
    assert digest != source_digest(CODE, "content/b.md", b"text")
    assert digest != source_digest(CODE, "content/a.md", b"text!")
    assert digest != source_digest("d" * 32, "content/a.md", b"text")
    assert body_key(digest, {"allow_html": False}) != body_key(digest, {"allow_html": True})


def test_the_code_fingerprint_is_stable_within_a_version() -> None:
    assert BuildCache().code == BuildCache().code != ""


@pytest.mark.parametrize("library", ["text-unidecode", "tzdata", "markdown-it-py"])
def test_a_library_release_changes_the_code_fingerprint(
    library: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A release that changes only a data file (a transliteration table, zone rules) must
    not let old pages through: another version installed first on ``sys.path``."""
    before = code_fingerprint()
    (tmp_path / f"{library.replace('-', '_')}-999.0.dist-info").mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert code_fingerprint() != before


@pytest.mark.parametrize("library", ["text-unidecode", "markdown-it-py"])
def test_a_library_installed_without_dist_info_is_asked_of_importlib_metadata(
    library: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ``.egg-info`` install has no ``name-version.dist-info`` folder to read."""
    before = code_fingerprint()
    monkeypatch.setattr(cache_module, "_installed", dict)  # no dist-info folder found
    assert code_fingerprint() == before  # the same versions, asked the slow way
    real = metadata.version
    monkeypatch.setattr(
        metadata, "version", lambda name: "999.0" if name == library else real(name)
    )
    assert code_fingerprint() != before


class Renderer:
    """A stand-in for ``templates.render_all`` that records what it was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, plans: list[PagePlan]) -> list[RenderedPage]:
        self.asked += [p.out_path for p in plans]
        return [RenderedPage(p.url, p.out_path, repr(p.context).encode()) for p in plans]


def render_pages(
    cache: BuildCache,
    plans: list[PagePlan],
    render: Renderer,
    templates: dict[str, str],
    output: Path | None,
) -> tuple[list[RenderedPage], frozenset[str]]:
    """``cache.render_pages``, its pages read to the end (the cache takes them in then)."""
    pages, rendered = cache.render_pages(plans, render, templates=templates, output=output)
    return list(pages), rendered


def test_render_pages_renders_only_what_changed_in_memory() -> None:
    cache, render = BuildCache(CODE), Renderer()
    first, rendered = render_pages(cache, [plan("a/", t=1), plan("b/", t=1)], render, {}, None)
    assert rendered == {"a/index.html", "b/index.html"}
    again, rendered = render_pages(cache, [plan("a/", t=1), plan("b/", t=2)], render, {}, None)
    assert rendered == {"b/index.html"}
    assert again[0] == first[0] and again[1].data == b"{'t': 2}"
    _, rendered = render_pages(
        cache, [plan("a/", t=1), plan("b/", t=2)], render, {"article.html": "edited"}, None
    )
    assert rendered == {"a/index.html", "b/index.html"}


def test_a_cache_takes_pages_in_only_once_all_are_read() -> None:
    """A build that fails half-way through its pages leaves the cache as it was."""
    cache, render = BuildCache(CODE), Renderer()
    render_pages(cache, [plan("a/", t=1), plan("b/", t=1)], render, {}, None)
    before = dict(cache.pages)
    pages, _ = cache.render_pages(
        [plan("a/", t=2), plan("b/", t=2)], render, templates={}, output=None
    )
    assert next(pages).data == b"{'t': 2}"
    assert cache.pages == before


def test_a_build_that_writes_keeps_no_bytes_in_the_cache(tmp_path: Path) -> None:
    """The written file is the copy (its stamp reuses it); the preview's cache keeps the bytes."""
    written, preview, render = BuildCache(CODE), BuildCache(CODE), Renderer()
    (page,), _ = render_pages(written, [plan("a/", t=1)], render, {}, tmp_path)
    assert page.data == b"{'t': 1}" and written.pages["a/index.html"].data is None
    render_pages(preview, [plan("a/", t=1)], render, {}, None)
    assert preview.pages["a/index.html"].data == b"{'t': 1}"


def test_the_first_pages_are_rendered_and_handed_over_before_the_rest() -> None:
    """The preview's open pages: those of them that changed are published before any other
    page is keyed or rendered; the pages and what the cache keeps are the same as without."""
    cache, render = BuildCache(CODE), Renderer()
    render_pages(cache, [plan("a/", t=1), plan("b/", t=1), plan("c/", t=1)], render, {}, None)
    published: list[tuple[list[str], list[str]]] = []

    def publish(pages: list[RenderedPage]) -> None:
        published.append(([p.out_path for p in pages], list(render.asked)))

    render.asked.clear()
    plans = [plan("a/", t=2), plan("b/", t=1), plan("c/", t=2)]
    first = FirstPages(frozenset({"b/index.html", "c/index.html"}), publish)
    read, rendered = cache.render_pages(plans, render, templates={}, output=None, first=first)
    assert published == [(["c/index.html"], ["c/index.html"])]  # b/ did not change
    pages = list(read)
    assert render.asked == ["c/index.html", "a/index.html"]
    assert [p.out_path for p in pages] == ["a/index.html", "b/index.html", "c/index.html"]
    assert rendered == {"a/index.html", "c/index.html"}
    again, rendered = cache.render_pages(plans, render, templates={}, output=None, first=first)
    assert rendered == set() and list(again) == pages and len(published) == 1


def test_pages_loaded_from_disk_are_reused_only_if_their_file_is_the_one_written(
    tmp_path: Path,
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("old")
    key = page_key(plan("a/", t=1), CODE, "")
    assert key is not None
    cache = BuildCache(CODE)
    cache.output = str(tmp_path)
    cache.pages = {"a/index.html": PageEntry(key, file_stamp(tmp_path / "a/index.html"))}
    pages, rendered = render_pages(cache, [plan("a/", t=1)], Renderer(), {}, tmp_path)
    assert rendered == set() and pages[0].data is None  # hard-linked by the output stage
    _, rendered = render_pages(cache, [plan("a/", t=1)], Renderer(), {}, tmp_path / "elsewhere")
    assert rendered == {"a/index.html"}
    cache.pages = {"a/index.html": PageEntry(key, file_stamp(tmp_path / "a/index.html"))}
    (tmp_path / "a/index.html").write_text("edited by hand")
    _, rendered = render_pages(cache, [plan("a/", t=1)], Renderer(), {}, tmp_path)
    assert rendered == {"a/index.html"}


def test_page_key_does_not_depend_on_how_equal_values_share_objects() -> None:
    """Articles parsed afresh and articles loaded from the cache must key alike."""
    card = {"title": "B", "tags": ["x"]}
    shared = plan(cards=[card, card], newer=card)
    copied = plan(cards=[{"title": "B", "tags": ["x"]}, {"title": "B", "tags": ["x"]}])
    copied.context["newer"] = {"title": "B", "tags": ["x"]}
    assert page_key(shared, CODE, "t") == page_key(copied, CODE, "t")


def test_cards_and_bodies_key_by_value_once_per_build() -> None:
    """A ``Card`` or ``BodyHtml`` goes into a page key as its value's digest, taken once for
    all the pages of a build: the key still follows the value, not the object."""
    card, body = Card(title="B", tags=["x"]), BodyHtml("<p>Text</p>")
    shared = SharedDigests()
    first = page_key(plan(cards=[card], body=body), CODE, "t", shared)
    again = page_key(plan(cards=[card], body=body), CODE, "t", shared)
    assert len(shared) == 2 and first == again
    fresh = page_key(
        plan(cards=[Card(title="B", tags=["x"])], body=BodyHtml("<p>Text</p>")), CODE, "t"
    )
    assert fresh == first
    assert first != page_key(plan(cards=[Card(title="C", tags=["x"])], body=body), CODE, "t")
    assert first != page_key(plan(cards=[card], body=BodyHtml("<p>Other</p>")), CODE, "t")
    assert first != page_key(plan(cards=[dict(card)], body=body), CODE, "t")  # a type of its own
    assert first != page_key(plan(cards=[card], body=str(body)), CODE, "t")


def test_a_reference_list_keys_by_value_once_per_build() -> None:
    """An article's reference list, as numbering its citations makes it, goes into a page
    key as its value's digest, taken once for a build (the plan record's digest of the
    site takes it first): the key still follows the value, not the object."""
    import datetime as dt

    from articlegen.core.model import LinkRef, NumberedReferences, Reference
    from articlegen.incremental.keys import value_digest
    from articlegen.trust.references import number_citations

    def listed(title: str) -> NumberedReferences:
        reference = Reference(title, "https://a.example/", "r", "P", dt.date(2024, 1, 2), 3)
        numbered = number_citations((reference,), [LinkRef("r", 9)], "content/a.md").listed
        assert isinstance(numbered, NumberedReferences)
        return numbered

    references = listed("T")
    shared = SharedDigests()
    site = value_digest({"a": references}, shared)
    key = page_key(plan(references=references), CODE, "t", shared)
    assert site is not None and len(shared) == 1  # taken by the site's digest, reused
    assert key == page_key(plan(references=listed("T")), CODE, "t")
    assert key != page_key(plan(references=listed("U")), CODE, "t")
    assert key != page_key(plan(references=tuple(references)), CODE, "t")  # a type of its own
    assert pickle.loads(pickle.dumps(references)) == references


def test_the_site_settings_key_by_value_once_per_build() -> None:
    from articlegen.core.model import Person, SiteConfig

    def config(name: str) -> SiteConfig:
        people = {"a": Person(id="a", name=name, credentials="MD")}
        return SiteConfig(title="T", base_url="https://example.org/", authors=people)

    shared = SharedDigests()
    key = page_key(plan(site=config("Example Author")), CODE, "t", shared)
    assert key == page_key(plan(site=config("Example Author")), CODE, "t", shared)
    assert len(shared) == 2  # each settings object once
    assert key != page_key(plan(site=config("Example Reviewer")), CODE, "t", shared)


def test_a_source_stamp_vouches_only_for_a_file_that_has_settled(tmp_path) -> None:
    import time

    from articlegen.incremental.stamps import source_stamp

    path = tmp_path / "a.md"
    path.write_text("one")
    # just written (a second before the build starts): the clock may not have moved on
    assert source_stamp(path, now=path.stat().st_mtime + 1) is None
    later = time.time() + 60
    stamp = source_stamp(path, now=later)
    assert stamp is not None and source_stamp(path, now=later) == stamp
    time.sleep(0.01)
    path.write_text("two")
    assert source_stamp(path, now=later + 60) != stamp
    assert source_stamp(tmp_path / "missing.md", now=later) is None


def test_a_pickler_left_broken_by_a_value_that_cannot_be_keyed_is_not_used_again() -> None:
    """``SharedDigests`` keeps one pickler for a build's keys; one that raised half-way is
    dropped, so the next key is the one a fresh pickler gives."""
    shared = SharedDigests()
    good = plan(cards=[Card(title="B", tags=["x"])], body=BodyHtml("<p>Text</p>"))
    expected = page_key(good, CODE, "t")
    assert page_key(plan(helper=lambda: None), CODE, "t", shared) is None
    assert page_key(good, CODE, "t", shared) == expected
    assert page_key(good, CODE, "t", shared) == expected  # the kept pickler, reused


def test_cards_digested_within_a_page_key_reuse_the_picklers_of_the_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A card is digested within the first page key that holds it, while that key's
    pickler works: the pickler it takes for that is kept, not made again for each card."""
    from articlegen.incremental import keys

    made: list[object] = []
    real = keys._key_pickler
    monkeypatch.setattr(keys, "_key_pickler", lambda *args: made.append(1) or real(*args))
    shared = SharedDigests()
    keyed = [
        page_key(plan(f"{n}/", article=Card(title=f"T{n}"), body=BodyHtml(f"<p>{n}</p>")),
                 CODE, "t", shared)
        for n in range(20)
    ]  # fmt: skip
    assert len(made) == 2  # one for the pages, one for the cards within them
    unshared = [
        page_key(plan(f"{n}/", article=Card(title=f"T{n}"), body=BodyHtml(f"<p>{n}</p>")),
                 CODE, "t")
        for n in range(20)
    ]  # fmt: skip
    assert keyed == unshared


def test_keys_name_classes_by_number_the_same_in_every_process() -> None:
    """The classes keys name most go in as numbers (``keys._numbered``): another process
    gives the same key to the same value, and what tells values apart still does."""
    import subprocess
    import sys

    from articlegen.core.model import CardList, NumberedReference, Reference, TocEntry
    from articlegen.incremental.keys import value_digest

    value = (TocEntry(2, "a", "A"), NumberedReference(1, Reference("T", "https://a.b/"), "r"))
    here = value_digest(value)
    there = subprocess.run(
        [sys.executable, "-c", "from articlegen.core.model import *\n"
         "from articlegen.incremental.keys import value_digest\n"
         f"print(value_digest({value!r}).hex())"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    assert here is not None and here.hex() == there
    assert value_digest(TocEntry(2, "a", "A")) != value_digest(TocEntry(3, "a", "A"))
    assert value_digest(CardList([Card(title="B")])) != value_digest([Card(title="B")])
    assert value_digest(CardList([Card(title="B")])) != value_digest(CardList([Card(title="C")]))


def test_records_reduced_through_the_dispatch_table_pickle_as_they_reduce_themselves() -> None:
    """Keys and the cache file hand each record of ``core.model`` to its own ``__reduce__``
    at once: the reduction, and so every key's bytes, is what ``__reduce_ex__`` gives."""
    reductions = own_reductions(model)
    assert model.TocEntry in reductions and model.FrontMatter in reductions
    values = [
        model.TocEntry(2, "a", "A"),
        model.LinkRef("b", 3),
        model.ResolvedLink("b", None, "part"),
        model.FrontMatter(title="T", tags=("x",), see_also=(model.LinkRef("b", 5),)),
    ]
    for value in values:
        reduced = reductions[type(value)](value)
        assert reduced == value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)


def test_records_holding_records_key_them_as_strictly() -> None:
    """The link graph, a numbered reference, front-matter and a body's fill key equal
    values alike, and a change in any held record's field, or a date-time's ``fold``,
    tells them apart."""
    import dataclasses
    import datetime as dt

    from articlegen.core.model import (
        CitationMark,
        FrontMatter,
        LinkGraph,
        LinkRef,
        NumberedReference,
        Reference,
        ResolvedLink,
    )
    from articlegen.incremental.keys import value_digest
    from articlegen.markup.placeholders import BodyFill

    def graph(fragment: str = "x") -> LinkGraph:
        link = ResolvedLink("b", None, fragment)
        return LinkGraph({"a": (link,)}, {"a": (link, None)}, {"b": ("a",)}, (), {"a": (link,)})

    def reference(day: int = 2) -> Reference:
        return Reference("T", "https://a.example/", "r", "P", dt.date(2024, 1, day), 3)

    def meta(line: int = 5, day: int = 2) -> FrontMatter:
        return FrontMatter(title="T", see_also=(LinkRef("b", line),), references=(reference(day),))

    def fill(number: int = 1) -> BodyFill:
        return BodyFill(("/b/",), ("B",), citations=(CitationMark(number, "c", "r"),))

    values = {
        "graph": (graph, "y"),
        "numbered": (lambda day=2: NumberedReference(1, reference(day), "r", ("c",)), 3),
        "see also": (lambda line=5: meta(line=line), 6),
        "references": (lambda day=2: meta(day=day), 3),
        "fill": (fill, 2),
    }
    for name, (make, other) in values.items():
        digest = value_digest(make())
        assert digest is not None and digest == value_digest(make()), name
        assert digest != value_digest(make(other)), name
    assert value_digest(dataclasses.replace(graph(), see_also={"a": ("b",)})) is not None
    assert value_digest(meta()) != value_digest(dataclasses.replace(meta(), see_also=()))
    zone = dt.timezone(dt.timedelta(hours=1))
    first = dt.datetime(2024, 10, 27, 2, 30, tzinfo=zone)
    assert value_digest(first) != value_digest(first.replace(fold=1))
    assert value_digest(dt.date(2024, 1, 2)) != value_digest(dt.date(2024, 1, 3))


def test_a_body_fill_keys_every_field_of_its_class() -> None:
    """A body's fill (a dataclass of ``markup``, reduced by keys themselves) goes in as its
    class and one value per field of the dataclass, in its order: a guard for a field added
    to the class later, which a reduction listing the fields by hand would leave out."""
    import dataclasses

    from articlegen.core.model import CitationMark
    from articlegen.incremental import keys
    from articlegen.markup.placeholders import BodyFill

    fill = BodyFill(("/b/",), ("B",), citations=(CitationMark(1, "c", "r"),))
    kind, values = keys._REDUCTIONS[BodyFill](fill)
    assert kind is BodyFill
    fields = dataclasses.fields(fill)
    assert len(values) == len(fields)
    for field, value in zip(fields, values, strict=True):
        assert value is getattr(fill, field.name), field.name  # as it is, in its place
