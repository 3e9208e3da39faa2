"""Bodies finished once the site is linked (``render/bodies.py``): each filled the first
time it is asked for, the same as filled at once, and its other fields readable unfilled."""

from __future__ import annotations

from articlegen.core.memo import Memo
from articlegen.core.model import Article, FrontMatter, LinkGraph, ResolvedLink
from articlegen.markup.markdown import make_markdown, render_body
from articlegen.markup.placeholders import BodyFill
from articlegen.render import bodies as bodies_module
from articlegen.render.bodies import FinishedBodies, description, finished_bodies, unfinished
from articlegen.trust.references import Citations


def _article(slug: str) -> Article:
    return Article(
        source=f"content/{slug}.md", slug=slug, meta=FrontMatter(title=slug.title()), body=""
    )


def _finished(memo: Memo | None = None) -> FinishedBodies:
    md = make_markdown()
    rendered = {
        "sleep": render_body(md, "## Rest\n\nSee [[stress]] and [more](stress.md). " * 3),
        "stress": render_body(md, "Calm text, nothing linked."),
    }
    links = {"sleep": tuple(ResolvedLink(slug="stress") for _ in rendered["sleep"].links)}
    graph = LinkGraph(see_also={}, inline={**links, "stress": ()}, backlinks={})
    return finished_bodies(
        [_article("sleep"), _article("stress")],
        rendered,
        graph,
        {"sleep": "Sleep", "stress": "Stress, explained"},
        {"sleep": [], "stress": []},
        {"sleep": Citations(), "stress": Citations()},
        "/",
        memo,
    )


def test_a_body_is_filled_only_when_asked_for_and_once(monkeypatch) -> None:
    filled: list[str] = []
    finish = bodies_module._finished

    def counted(body, fill):  # type: ignore[no-untyped-def]
        filled.append(body.html[:10])
        return finish(body, fill)

    monkeypatch.setattr(bodies_module, "_finished", counted)
    bodies = _finished()
    assert filled == [] and sorted(bodies) == ["sleep", "stress"] and len(bodies) == 2
    sleep = bodies["sleep"]
    assert bodies["sleep"] is sleep and len(filled) == 1
    assert sleep.html.count('<a class="internal" href="/stress/">Stress, explained</a>') == 3
    assert "\x00" not in sleep.html


def test_filling_changes_only_the_html_which_unfinished_leaves_as_rendered() -> None:
    bodies = _finished()
    for slug in bodies:
        before, after = unfinished(bodies, slug), bodies[slug]
        assert before is bodies.rendered[slug]
        assert (before.summary, before.words, before.toc) == (after.summary, after.words, after.toc)
    assert unfinished(bodies, "sleep").html != bodies["sleep"].html
    plain = {"sleep": bodies["sleep"]}
    assert unfinished(plain, "sleep") is plain["sleep"]  # a plain mapping is its own


def test_finish_all_fills_every_body_as_filling_each_would() -> None:
    lazily, at_once = _finished(), _finished().finish_all()
    assert {slug: at_once[slug].html for slug in at_once} == {
        slug: lazily[slug].html for slug in lazily
    }


def test_a_memo_hands_back_the_last_builds_body_for_the_same_fill() -> None:
    memo: Memo = Memo()
    first = _finished(memo)["sleep"]
    memo.next_build()
    assert _finished(memo)["sleep"] is first


def test_a_description_shows_the_titles_its_links_show_then_is_cut() -> None:
    """The summary keeps a [[link]] without text as its title's placeholder, uncut: the
    description fills it with the title the page shows, then cuts it near 160 characters."""
    bodies = _finished()
    assert description(bodies, "stress") == "Calm text, nothing linked."
    assert description(bodies, "sleep") == "See Stress, explained and more. ## Rest"
    md = make_markdown()
    long = {"a": render_body(md, "Read [[b]] " + "and more words " * 12 + "[[b]].")}
    filled = FinishedBodies(long, {"a": BodyFill(link_texts=["B " * 30, "C"])}, Memo())
    text = description(filled, "a")
    assert text.startswith("Read " + "B " * 30 + "and more words") and text.endswith("…")
    assert len(text) <= 161
    assert description(long, "a").startswith("Read and more words")  # no fill: no title
