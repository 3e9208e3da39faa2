"""livereload.py: which pages changed, what gets injected, who is told what."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen.core.errors import BuildFailed, FrontMatterError
from articlegen.core.model import RenderedPage
from articlegen.serve.livereload import LiveSite, PreviewSite, changed_keys, inject, overlay_html


def test_changed_keys() -> None:
    old = {"a/index.html": b"a", "b/index.html": b"b", "gone/index.html": b"x"}
    new = {"a/index.html": b"a", "b/index.html": b"B", "new/index.html": b"n"}
    assert changed_keys(old, new) == {"b/index.html", "gone/index.html", "new/index.html"}
    assert changed_keys(new, new) == frozenset()


def test_inject_before_the_last_body_end() -> None:
    page = b"<html><body><pre>&lt;/body&gt;</pre></BODY >\n</html>"
    assert inject(page, b"<x>") == b"<html><body><pre>&lt;/body&gt;</pre><x></BODY >\n</html>"
    assert inject(b"<p>no body end", b"<x>") == b"<p>no body end<x>"


def test_overlay_shows_the_lines_escaped() -> None:
    tree = HTMLParser(overlay_html(["error: content/a.md:3: bad <value>"]))
    box = tree.css_first("#articlegen-error")
    assert "hidden" not in box.attributes
    assert box.css_first("pre").text() == "error: content/a.md:3: bad <value>"
    assert "hidden" in HTMLParser(overlay_html([])).css_first("#articlegen-error").attributes


class Builds:
    """A rebuild callable that returns the snapshots (or raises the errors) it is given."""

    def __init__(self, *results: object) -> None:
        self.results = list(results)

    def __call__(self) -> PreviewSite:
        result = self.results.pop(0)
        if isinstance(result, Exception):
            raise result
        return result  # type: ignore[return-value]


def drain(client) -> list[tuple[str, object]]:
    messages = []
    while (message := client.next(0.01)).startswith("event:"):
        event, data = message.strip().split("\n")
        messages.append((event.removeprefix("event: "), json.loads(data.removeprefix("data: "))))
    return messages


def test_only_pages_that_changed_reload() -> None:
    first = PreviewSite({"a/index.html": b"a", "b/index.html": b"b"})
    second = PreviewSite({"a/index.html": b"A", "b/index.html": b"b"})
    live = LiveSite(Builds(first, second), log=lambda line: None)
    live.refresh()
    a = live.connect("a/index.html", "1", live.instance)
    b = live.connect("b/index.html", "1", live.instance)
    live.refresh()
    assert drain(a) == [("reload", None)]
    assert drain(b) == []


def test_a_failed_build_keeps_the_last_good_pages_and_tells_everyone() -> None:
    good = PreviewSite({"a/index.html": b"a"})
    broken = BuildFailed([FrontMatterError("bad YAML", "content/a.md", 3, "fix it")])
    logged: list[str] = []
    live = LiveSite(Builds(good, broken, good), log=logged.append)
    live.refresh()
    client = live.connect("a/index.html", "1", live.instance)
    assert live.refresh() is False
    assert live.view()[0] is good
    assert live.errors == ("error: content/a.md:3: bad YAML — fix it",)
    assert drain(client) == [("failed", ["error: content/a.md:3: bad YAML — fix it"])]
    assert "error: content/a.md:3: bad YAML — fix it" in logged
    page = HTMLParser(live.decorate(b"<body></body>", "a/index.html", live.view()[1]).decode())
    assert page.css_first("#articlegen-error pre").text() == live.errors[0]
    assert live.refresh() is True
    assert drain(client) == [("clear", None)]
    assert live.errors == ()


def test_a_bug_in_the_build_is_shown_not_fatal() -> None:
    live = LiveSite(Builds(KeyError("slug")), log=lambda line: None)
    assert live.refresh() is False
    assert live.errors == ("error: internal error while building: KeyError: 'slug'",)


def test_a_page_that_changed_before_its_stream_opened_reloads_at_once() -> None:
    live = LiveSite(
        Builds(PreviewSite({"a/index.html": b"a"}), PreviewSite({"a/index.html": b"A"})),
        log=lambda line: None,
    )
    live.refresh()
    live.refresh()
    assert drain(live.connect("a/index.html", "1", live.instance)) == [("reload", None)]
    assert drain(live.connect("a/index.html", "2", live.instance)) == []
    assert drain(live.connect("a/index.html", "2", "an-older-server")) == [("reload", None)]


def test_stylesheet_changes_swap_in_place_other_static_changes_reload() -> None:
    live = LiveSite(Builds(), log=lambda line: None)
    client = live.connect("a/index.html", "0", live.instance)
    live.static_changed(["assets/style.css"])
    live.static_changed(["img/logo.png"])
    assert drain(client) == [("css", ["assets/style.css"]), ("reload", None)]


def test_decorate_points_the_script_at_the_page() -> None:
    live = LiveSite(Builds(), log=lambda line: None)
    page = HTMLParser(
        live.decorate(b"<html><body><p>x</p></body></html>", "a/index.html", 7).decode()
    )
    script = page.css_first("body script")
    assert script.attributes["src"] == "/__articlegen/livereload.js"
    assert script.attributes["data-page"] == "/a/index.html"
    assert script.attributes["data-since"] == "7"  # the generation the page was found in
    assert script.attributes["data-server"] == live.instance
    assert "hidden" in page.css_first("#articlegen-error").attributes


def test_close_ends_every_stream() -> None:
    live = LiveSite(Builds(), log=lambda line: None)
    client = live.connect("a/index.html", "0", live.instance)
    live.close()
    assert client.next(1) is None


def served_at(live: LiveSite, key: str) -> str:
    """The generation a page served now says it was served at (``data-since``)."""
    page = HTMLParser(live.decorate(b"<body></body>", key, live.view()[1]).decode())
    return page.css_first("script").attributes["data-since"] or ""


def test_open_pages_served_early_reload_once_before_the_build_ends() -> None:
    first = PreviewSite({"a/index.html": b"a", "b/index.html": b"b", "i/index.html": b"i"})
    second = PreviewSite({"a/index.html": b"A", "b/index.html": b"b", "i/index.html": b"I"})
    during: list[object] = []

    def rebuild() -> PreviewSite:
        if not during:
            during.append("first build")
            return first
        assert live.open_pages() == {"a/index.html", "b/index.html", "i/index.html"}
        live.publish_early([RenderedPage("a/", "a/index.html", b"A")])
        live.publish_early([RenderedPage("b/", "b/index.html", b"b")])  # unchanged: no news
        during.extend(
            [dict(live.view()[0].pages), drain(a), drain(b), served_at(live, "a/index.html")]
        )
        return second

    live = LiveSite(rebuild, log=lambda line: None)
    live.refresh()
    a, b, index = (live.connect(f"{k}/index.html", "1", live.instance) for k in "abi")
    assert live.refresh() is True
    # a/ was served new while the index was still the last build's
    pages = {"a/index.html": b"A", "b/index.html": b"b", "i/index.html": b"i"}
    assert during[1:] == [pages, [("reload", None)], [], "2"]
    assert (drain(a), drain(b), drain(index)) == ([], [], [("reload", None)])
    assert live.view()[0] is second
    # the copy of a/ served early is not stale once the build ends
    assert drain(live.connect("a/index.html", "2", live.instance)) == []


def test_a_build_failing_after_pages_were_served_early_takes_them_back() -> None:
    good = PreviewSite({"a/index.html": b"a", "b/index.html": b"b"})
    broken = BuildFailed([FrontMatterError("broken index", "templates/x.html", 3)])
    builds = Builds(good, broken, good)

    def rebuild() -> PreviewSite:
        if len(builds.results) == 2:
            live.publish_early([RenderedPage("a/", "a/index.html", b"A")])
        return builds()

    live = LiveSite(rebuild, log=lambda line: None)
    live.refresh()
    a = live.connect("a/index.html", "1", live.instance)
    b = live.connect("b/index.html", "1", live.instance)
    assert live.refresh() is False
    assert live.view()[0] is good and live.errors == ("error: templates/x.html:3: broken index",)
    assert drain(a) == [("reload", None), ("reload", None)]  # the new page, then back
    assert drain(b) == [("failed", list(live.errors))]
    # a/ reloaded shows the last good page with the errors, and is not stale
    since = served_at(live, "a/index.html")
    assert drain(live.connect("a/index.html", since, live.instance)) == [
        ("failed", list(live.errors))
    ]
    assert live.refresh() is True
    assert drain(a) == [("clear", None)] and live.view()[0] is good


def test_pages_served_early_after_a_failed_build_come_without_its_errors() -> None:
    """A build that got as far as rendering found no error in the sources."""
    good = PreviewSite({"a/index.html": b"a", "b/index.html": b"b"})
    broken = BuildFailed([FrontMatterError("bad YAML", "content/a.md", 3)])
    fixed = PreviewSite({"a/index.html": b"A", "b/index.html": b"b"})
    builds = Builds(good, broken, fixed)

    def rebuild() -> PreviewSite:
        if builds.results == [fixed]:
            live.publish_early([RenderedPage("a/", "a/index.html", b"A")])
            during.append((live.errors, drain(a), drain(b)))
        return builds()

    during: list[object] = []
    live = LiveSite(rebuild, log=lambda line: None)
    live.refresh()
    a = live.connect("a/index.html", "1", live.instance)
    b = live.connect("b/index.html", "1", live.instance)
    live.refresh()
    assert drain(a) == drain(b) == [("failed", ["error: content/a.md:3: bad YAML"])]
    live.refresh()
    assert during == [((), [("reload", None)], [("clear", None)])]
    assert drain(a) == drain(b) == []  # neither told twice
