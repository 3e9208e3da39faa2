"""End-to-end: ``articlegen serve`` on a free port in a temp site, edited as an author would."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from articlegen.build import build_site
from articlegen.cli import main
from articlegen.core.errors import ConfigError, TemplateError
from articlegen.core.model import BuildOptions, BuildResult
from articlegen.render import templates
from articlegen.serve.preview import Preview
from tests.conftest import article
from tests.serving import EventStream, fetch, serve_and_stop, wait_until

SRC = Path(__file__).parents[2] / "src"


@pytest.fixture
def blog(site) -> Path:
    return site(
        {
            "ketamine.md": article(
                "Ketamine and Mood", "First version.", tags="[ketamine]", see_also="[sleep]"
            ),
            "sleep.md": article("Sleep Basics", "Sleep well.", date="2024-02-01"),
            "draft.md": article("Work in Progress", "Not yet.", draft="true"),
        },
        files={
            "static/img/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "static/assets/extra.css": "body { color: black }\n",
        },
    )


@pytest.fixture
def preview(blog: Path) -> Iterator[Preview]:
    logged: list[str] = []
    with Preview(blog, port=0, log=logged.append, quiet=0.05) as running:
        running.logged = logged  # type: ignore[attr-defined]
        yield running


def title_of(preview: Preview, path: str) -> str:
    return fetch(preview.url, path).html().css_first("h1").text()


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def body_text(preview: Preview, path: str) -> str:
    return fetch(preview.url, path).html().css_first(".body").text()


def overlay(response) -> str | None:
    box = response.html().css_first("#articlegen-error")
    return None if box is None or "hidden" in box.attributes else box.css_first("pre").text()


def test_serves_the_site_with_drafts_and_the_reload_script(preview: Preview) -> None:
    home = fetch(preview.url, "/")
    assert home.status == 200
    assert home.headers["Content-Type"] == "text/html; charset=utf-8"
    draft = fetch(preview.url, "/draft/").html()
    assert draft.css_first(".draft-banner").text().startswith("Draft")
    assert draft.css_first("script[src='/__articlegen/livereload.js']") is not None
    canonical = draft.css_first("link[rel=canonical]").attributes["href"]
    assert canonical == preview.url + "draft/"
    assert fetch(preview.url, "/__articlegen/livereload.js").status == 200
    assert fetch(preview.url, "/img/logo.svg").headers["Content-Type"] == "image/svg+xml"


def test_no_drafts(blog: Path) -> None:
    with Preview(blog, port=0, drafts=False, log=lambda line: None) as running:
        assert fetch(running.url, "/draft/").status == 404


def test_editing_an_article_serves_new_html_and_reloads_only_that_page(
    preview: Preview, blog: Path
) -> None:
    ketamine = EventStream(preview.url, fetch(preview.url, "/ketamine/"))
    tags = EventStream(preview.url, fetch(preview.url, "/tags/"))
    edit(blog / "content/ketamine.md", "First version.", "Second version.")
    assert ketamine.wait_for("reload") is None
    assert "Second version." in body_text(preview, "/ketamine/")
    assert ("reload", None) not in tags.quiet_for(0.3)


def test_a_title_change_reloads_the_pages_that_show_it(preview: Preview, blog: Path) -> None:
    sleep = EventStream(preview.url, fetch(preview.url, "/sleep/"))
    ketamine = EventStream(preview.url, fetch(preview.url, "/ketamine/"))
    edit(blog / "content/sleep.md", "Sleep Basics", "Sleep, Explained")
    sleep.wait_for("reload")
    ketamine.wait_for("reload")  # its See Also lists the title
    see_also = fetch(preview.url, "/ketamine/").html().css_first(".see-also a").text()
    assert see_also == "Sleep, Explained"


def test_a_first_build_that_fails_says_nothing_is_built_yet(blog: Path) -> None:
    source = blog / "content/ketamine.md"
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("tags: [ketamine]", "tags: [ketamine"), encoding="utf-8")
    logged: list[str] = []
    with Preview(blog, port=0, log=logged.append, quiet=0.05) as running:
        assert any(line.endswith("build failed; nothing to serve until the site builds")
                   for line in logged)  # fmt: skip
        assert not any("last good pages" in line for line in logged)
        response = fetch(running.url, "/sleep/")
        assert response.status == 404
        lead = response.html().css_first("#articlegen-error strong").text()
        assert lead.startswith("The last build failed, so this page is not built yet.")
        assert overlay(response).startswith("error: content/ketamine.md:")
        stream = EventStream(running.url, response)
        source.write_text(good, encoding="utf-8")
        assert stream.wait_for("reload") is None  # the page it waited for now exists
        assert fetch(running.url, "/sleep/").status == 200


def test_invalid_yaml_shows_the_overlay_and_fixing_it_clears_it(
    preview: Preview, blog: Path
) -> None:
    stream = EventStream(preview.url, fetch(preview.url, "/sleep/"))
    source = blog / "content/ketamine.md"
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("tags: [ketamine]", "tags: [ketamine"), encoding="utf-8")
    lines = stream.wait_for("failed")
    assert isinstance(lines, list) and lines[0].startswith("error: content/ketamine.md:")
    assert lines[0] in preview.logged  # the console shows the same line
    for path in ("/sleep/", "/ketamine/", "/"):
        response = fetch(preview.url, path)
        assert response.status == 200  # the last good pages are still served
        assert overlay(response) == "\n".join(lines)
        lead = response.html().css_first("#articlegen-error strong").text()
        assert "this is the last good version of the page" in lead
    assert "First version." in body_text(preview, "/ketamine/")
    source.write_text(good, encoding="utf-8")
    assert stream.wait_for("clear") is None
    assert overlay(fetch(preview.url, "/sleep/")) is None


def test_template_errors_show_file_and_line(preview: Preview, blog: Path) -> None:
    stream = EventStream(preview.url, fetch(preview.url, "/"))
    template = blog / "templates/article.html"
    template.parent.mkdir(exist_ok=True)
    template.write_text('{% extends "base.html" %}\n{% block main %}{{ oops }\n{% endblock %}\n')
    lines = stream.wait_for("failed")
    assert isinstance(lines, list)
    assert lines[0].startswith("error: templates/article.html:2: template syntax error")
    template.unlink()
    stream.wait_for("clear")


def test_renamed_deleted_and_new_articles(preview: Preview, blog: Path) -> None:
    content = blog / "content"
    waiting = EventStream(preview.url, fetch(preview.url, "/fresh/"))
    assert fetch(preview.url, "/fresh/").status == 404
    (content / "fresh.md").write_text(article("Fresh Article"), encoding="utf-8")
    waiting.wait_for("reload")
    assert title_of(preview, "/fresh/") == "Fresh Article"

    old = EventStream(preview.url, fetch(preview.url, "/fresh/"))
    (content / "fresh.md").rename(content / "renamed.md")
    old.wait_for("reload")
    assert fetch(preview.url, "/fresh/").status == 404
    assert title_of(preview, "/renamed/") == "Fresh Article"

    stream = EventStream(preview.url, fetch(preview.url, "/ketamine/"))
    (content / "sleep.md").unlink()  # ketamine.md lists it in see_also
    lines = stream.wait_for("failed")
    assert isinstance(lines, list)
    assert any(line.startswith("error: content/ketamine.md:") for line in lines)
    (content / "sleep.md").write_text(article("Sleep Basics", "Back."), encoding="utf-8")
    stream.wait_for("clear", "reload")  # its See Also shows the new summary: it reloads
    assert overlay(fetch(preview.url, "/ketamine/")) is None


def test_an_article_saved_as_text_fails_the_preview_as_it_fails_the_build(
    preview: Preview, blog: Path
) -> None:
    """Saved by Notepad as ``fresh.md.txt``, it was no change to the watcher and nothing to
    the build; renamed as the error says, it is served."""
    content = blog / "content"
    stream = EventStream(preview.url, fetch(preview.url, "/"))
    (content / "fresh.md.txt").write_text(article("Fresh Article"), encoding="utf-8")
    lines = stream.wait_for("failed")
    assert isinstance(lines, list)
    assert lines[0].startswith(
        "error: content/fresh.md.txt: not read: only files ending in '.md' are articles"
    )
    assert lines[0].endswith(
        " — rename it to content/fresh.md (or move it out of content/ if it is no article)"
    )
    waiting = EventStream(preview.url, fetch(preview.url, "/fresh/"))
    (content / "fresh.md.txt").rename(content / "fresh.md")
    waiting.wait_for("reload")  # the page it waited for now exists
    assert title_of(preview, "/fresh/") == "Fresh Article"
    assert overlay(fetch(preview.url, "/")) is None


def test_atomic_saves_and_swap_files(preview: Preview, blog: Path) -> None:
    stream = EventStream(preview.url, fetch(preview.url, "/ketamine/"))
    builds = preview.live.rebuilds
    content = blog / "content"
    for name in (".ketamine.md.swp", "ketamine.md~", ".#ketamine.md", "4913"):
        (content / name).write_text("junk", encoding="utf-8")
    assert stream.quiet_for(0.4) == []
    assert preview.live.rebuilds == builds
    temp = content / ".ketamine.md.tmp"  # write a temp file, then rename it over the article
    temp.write_text(article("Ketamine and Mood", "Saved atomically."), encoding="utf-8")
    os.replace(temp, content / "ketamine.md")
    stream.wait_for("reload")
    assert "Saved atomically." in body_text(preview, "/ketamine/")


def test_a_burst_of_200_writes_makes_few_rebuilds(preview: Preview, blog: Path) -> None:
    stream = EventStream(preview.url, fetch(preview.url, "/"))
    builds = preview.live.rebuilds
    for n in range(200):
        path = blog / "content" / f"bulk-{n:03}.md"
        path.write_text(article(f"Bulk {n}", date="2023-01-01"), encoding="utf-8")
    stream.wait_for("reload")
    wait_until(lambda: fetch(preview.url, "/bulk-199/").status == 200)
    time.sleep(0.5)
    assert 1 <= preview.live.rebuilds - builds <= 3


def test_stylesheet_changes_swap_without_reload(preview: Preview, blog: Path) -> None:
    stream = EventStream(preview.url, fetch(preview.url, "/"))
    (blog / "static/assets/extra.css").write_text("body { color: purple }\n", encoding="utf-8")
    assert stream.next() == ("css", ["assets/extra.css"])
    assert fetch(preview.url, "/assets/extra.css").body == b"body { color: purple }\n"


def test_an_atomic_save_through_an_unknown_temp_name_still_swaps(
    preview: Preview, blog: Path
) -> None:
    """Qt and Kate save to ``style.css.XXXXXX`` and rename it over the stylesheet."""
    stream = EventStream(preview.url, fetch(preview.url, "/"))
    temp = blog / "static/assets/extra.css.Xk3Fq2"
    temp.write_text("body { color: teal }\n", encoding="utf-8")
    os.replace(temp, blog / "static/assets/extra.css")
    assert stream.next() == ("css", ["assets/extra.css"])


@pytest.mark.parametrize(
    "path",
    [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/img/%2e%2e/%2e%2e/site.yaml",
        "/..%2f..%2fsite.yaml",
        "//etc/passwd",
        "/etc/passwd",
        "/content/ketamine.md",
        "/site.yaml",
        "/img/..%5c..%5csite.yaml",
        "/.git/config",
    ],
)
def test_traversal_gets_404(preview: Preview, path: str) -> None:
    response = fetch(preview.url, path)
    assert response.status == 404
    assert b"title:" not in response.body and b"root:" not in response.body


def test_symlinks_out_of_the_site_and_folders_get_404(preview: Preview, blog: Path) -> None:
    outside = blog.parent / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    os.symlink(outside, blog / "static/img/leak.txt")
    os.symlink(blog, blog / "static/img/site")
    assert fetch(preview.url, "/img/leak.txt").status == 404
    assert fetch(preview.url, "/img/site/site.yaml").status == 404
    assert fetch(preview.url, "/img/").status == 404  # no directory listing
    assert b"logo.svg" not in fetch(preview.url, "/img/").body


def test_head_and_redirects(preview: Preview) -> None:
    get = fetch(preview.url, "/ketamine/")
    head = fetch(preview.url, "/ketamine/", method="HEAD")
    assert head.status == 200 and head.body == b""
    assert head.headers["Content-Length"] == str(len(get.body))
    assert fetch(preview.url, "/missing/", method="HEAD").status == 404
    moved = fetch(preview.url, "/ketamine")
    assert moved.status == 301 and moved.headers["Location"] == "/ketamine/"
    assert fetch(preview.url, "/", method="POST").status == 501


def test_a_redirect_to_a_folder_keeps_the_query_and_quotes_the_name(
    preview: Preview, blog: Path
) -> None:
    folder = blog / "static" / "文档"
    folder.mkdir()
    (folder / "index.html").write_text("<!DOCTYPE html><title>Docs</title>", encoding="utf-8")
    moved = fetch(preview.url, "/%E6%96%87%E6%A1%A3?x=1")
    assert moved.status == 301
    assert moved.headers["Location"] == "/%E6%96%87%E6%A1%A3/?x=1"
    assert fetch(preview.url, moved.headers["Location"]).status == 200
    assert fetch(preview.url, "/tags?page=2").headers["Location"] == "/tags/?page=2"


def test_production_output_never_contains_the_reload_script(blog: Path) -> None:
    build_site(blog)
    for path in (blog / "public").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"__articlegen" not in data and b"EventSource" not in data, path


def test_the_preview_writes_nothing_into_the_site(preview: Preview, blog: Path) -> None:
    assert not (blog / "public").exists()


def test_a_taken_port_moves_to_the_next(blog: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        logged: list[str] = []
        running = Preview(blog, port=port, log=logged.append)
        try:
            assert running.url != f"http://127.0.0.1:{port}/"
            assert any(f"port {port} is in use" in line for line in logged)
        finally:
            running.stop()


def test_a_taken_port_given_with_port_is_an_error(
    blog: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user will open the port they asked for: another server may answer there."""

    def interrupted(self: Preview) -> None:  # a preview serving on another port: stopped
        raise KeyboardInterrupt

    monkeypatch.setattr(Preview, "serve_forever", interrupted)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--site", str(blog), "--port", str(port)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"error: port {port} is in use — choose another with --port, or stop what uses it"
    ]


def test_a_folder_without_site_yaml_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no site\.yaml"):
        Preview(tmp_path, port=0)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_the_command_starts_and_stops_cleanly_on_ctrl_c(blog: Path, stop: int) -> None:
    """SIGTERM (``kill``, a process manager) stops it as Ctrl-C does: it ended the process
    by the signal, saying nothing."""
    code, out, err = serve_and_stop(
        [sys.executable, "-m", "articlegen", "serve", "--site", str(blog), "--port", "0"],
        "/ketamine/",
        stop,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert code == 0  # docs/preview.md: Ctrl-C stops it (exit code 0), and so does SIGTERM
    assert "Traceback" not in err
    assert out.endswith("stopped\n")


def test_site_yaml_changes_rebuild_everything(preview: Preview, blog: Path) -> None:
    stream = EventStream(preview.url, fetch(preview.url, "/sleep/"))
    edit(blog / "site.yaml", 'title: "Example Site"', 'title: "Renamed Site"')
    stream.wait_for("reload")
    assert fetch(preview.url, "/sleep/").html().css_first(".site-title").text() == "Renamed Site"


def test_a_content_folder_moved_away_and_back_is_watched_again(
    preview: Preview, blog: Path
) -> None:
    stream = EventStream(preview.url, fetch(preview.url, "/sleep/"))
    away = blog.parent / f"{blog.name}-content"  # out of the site: no content/ with articles
    (blog / "content").rename(away)  # beside it, which is an error (test_strays)
    stream.wait_for("reload")
    assert fetch(preview.url, "/sleep/").status == 404
    stream = EventStream(preview.url, fetch(preview.url, "/sleep/"))
    away.rename(blog / "content")
    stream.wait_for("reload")
    assert title_of(preview, "/sleep/") == "Sleep Basics"
    stream = EventStream(preview.url, fetch(preview.url, "/sleep/"))
    edit(blog / "content/sleep.md", "Sleep well.", "Sleep better.")
    stream.wait_for("reload")
    assert "Sleep better." in body_text(preview, "/sleep/")


def test_a_site_broken_from_the_start_is_served_with_the_overlay(site) -> None:
    root = site({"a.md": article("Broken", "Text.", tags="[oops")})
    with Preview(root, port=0, log=lambda line: None, quiet=0.05) as running:
        first = fetch(running.url, "/a/")
        assert first.status == 404
        assert (overlay(first) or "").startswith("error: content/a.md:")
        stream = EventStream(running.url, first)
        (root / "content/a.md").write_text(article("Fixed", "Text."), encoding="utf-8")
        stream.wait_for("reload")
        assert title_of(running, "/a/") == "Fixed"


FEEDS = ("feed.xml", "sitemap.xml", "robots.txt")


def next_build(preview: Preview, last: BuildResult | None) -> BuildResult:
    """The first successful build after ``last``, once its pages are served: the preview
    holds a build's result before it swaps the build's pages in, and a page fetched in
    between is the last build's."""

    def served() -> BuildResult | None:
        result = preview.result
        if result is None or result is last:
            return None
        pages = {page.out_path: page.data for page in result.pages if page.data is not None}
        return result if preview.live.view()[0].pages == pages else None

    built = wait_until(served)
    assert isinstance(built, BuildResult)
    return built


def pages_rendered(result: BuildResult) -> set[str]:
    return {path for path in result.rendered if not path.endswith(FEEDS)}


def test_a_save_re_renders_only_the_pages_it_changes(site) -> None:
    root = site(
        {
            "a.md": article("Alpha", "Intro.\n\nMore text.", description='"About it."', tags="[x]"),
            # the link in a second paragraph: Beta's description shows no title of Alpha's
            "b.md": article("Beta", "Beta.\n\nSee [[a]].", see_also="[a]", date="2024-02-01"),
            "c.md": article("Gamma", "Alone.", date="2024-03-01", tags="[y]"),
        }
    )
    with Preview(root, port=0, log=[].append, quiet=0.05) as preview:
        first = preview.result
        assert first is not None and first.rendered == {p.out_path for p in first.pages}
        edit(root / "content/a.md", "More text.", "Other text.")
        body = next_build(preview, first)
        assert pages_rendered(body) == {"a/index.html"}
        assert body.reused_bodies == 2
        assert "Other text." in body_text(preview, "/a/")
        edit(root / "content/a.md", "Alpha", "Alpha Two")
        title = next_build(preview, body)
        shows_the_title = {
            "a/index.html",
            "b/index.html",  # See Also and the body link
            "index.html",
            "tags/x/index.html",
            "see-also/index.html",
            "archive/index.html",
        }
        assert shows_the_title <= pages_rendered(title)
        assert not {"c/index.html", "tags/y/index.html", "404.html"} & pages_rendered(title)
        links = fetch(preview.url, "/b/").html().css(".see-also a, .body a.internal")
        assert {link.text() for link in links} == {"Alpha Two"}


def test_a_page_is_served_and_rebuilt_when_it_changes(preview: Preview, blog: Path) -> None:
    """A page in a ``content/pages/`` folder made after the preview started, then edited."""
    waiting = EventStream(preview.url, fetch(preview.url, "/about/"))
    assert fetch(preview.url, "/about/").status == 404
    pages = blog / "content/pages"
    pages.mkdir()
    (pages / "about.md").write_text("---\ntitle: About Us\n---\n\nFirst words.\n")
    waiting.wait_for("reload")
    assert title_of(preview, "/about/") == "About Us"
    about = EventStream(preview.url, fetch(preview.url, "/about/"))
    home = EventStream(preview.url, fetch(preview.url, "/"))
    edit(pages / "about.md", "First words.", "Second words.")
    assert about.wait_for("reload") is None
    assert "Second words." in body_text(preview, "/about/")
    assert ("reload", None) not in home.quiet_for(0.3)  # no list shows a page


@pytest.fixture
def held_index(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The See Also index's rendering held until the event is set (or it is asked to fail,
    ``event.fail``): what an open page shows meanwhile is what it shows before the rest of
    the site is rendered."""
    release = threading.Event()
    render_page = templates.render_page

    def held(env, plan, root=None):  # type: ignore[no-untyped-def]
        if plan.template == "see_also.html":
            assert release.wait(timeout=30)
            if getattr(release, "fail", False):
                raise TemplateError("template error: example failure", "templates/x.html", 1)
        return render_page(env, plan, root)

    monkeypatch.setattr(templates, "render_page", held)
    yield release
    release.set()


def test_open_pages_reload_before_the_rest_of_the_site_is_rendered(
    preview: Preview, blog: Path, held_index: threading.Event
) -> None:
    ketamine = EventStream(preview.url, fetch(preview.url, "/ketamine/"))
    index = fetch(preview.url, "/see-also/").html().css_first("main").text()
    edit(blog / "content/sleep.md", "Sleep Basics", "Sleep, Explained")
    ketamine.wait_for("reload")  # its See Also lists the title
    assert fetch(preview.url, "/ketamine/").html().css_first(".see-also a").text() == (
        "Sleep, Explained"
    )
    assert fetch(preview.url, "/see-also/").html().css_first("main").text() == index
    held_index.set()
    wait_until(lambda: "Sleep, Explained" in fetch(preview.url, "/see-also/").body.decode())
    assert ("reload", None) not in ketamine.quiet_for(0.3)  # told once
    options = BuildOptions(
        drafts=True, future=True, write=False, base_url=preview.url, preview=True
    )
    expected = build_site(blog, options)  # what a clean build makes
    assert preview.live.view()[0].pages == {p.out_path: p.data for p in expected.pages}


def test_a_build_failing_after_open_pages_reloaded_takes_them_back(
    preview: Preview, blog: Path, held_index: threading.Event
) -> None:
    good = dict(preview.live.view()[0].pages)
    ketamine = EventStream(preview.url, fetch(preview.url, "/ketamine/"))
    edit(blog / "content/sleep.md", "Sleep Basics", "Sleep, Explained")
    ketamine.wait_for("reload")
    held_index.fail = True  # type: ignore[attr-defined]
    held_index.set()
    ketamine.wait_for("reload")  # back to the last good page
    assert preview.live.view()[0].pages == good
    again = EventStream(preview.url, fetch(preview.url, "/ketamine/"))
    assert again.wait_for("failed") == [
        "error: templates/x.html:1: template error: example failure"
    ]
    assert fetch(preview.url, "/ketamine/").html().css_first(".see-also a").text() == (
        "Sleep Basics"
    )


def test_the_command_hands_the_interpreter_over_often_while_it_serves(
    blog: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Requests wait less for a rebuild still running (``SWITCH_SECONDS``); restored after."""
    from articlegen.cli.command import main
    from articlegen.serve import preview as preview_module

    seen: list[float] = []

    class Interrupted(preview_module.Preview):
        def serve_forever(self) -> None:
            seen.append(sys.getswitchinterval())
            raise KeyboardInterrupt

    before = sys.getswitchinterval()  # another test may have left it set (bench/serve.py)
    monkeypatch.setattr(preview_module, "Preview", Interrupted)
    sys.setswitchinterval(0.005)  # Python's default
    try:
        assert main(["serve", "--site", str(blog), "--port", "0"]) == 0
        assert seen == [preview_module.SWITCH_SECONDS] and sys.getswitchinterval() == 0.005
    finally:
        sys.setswitchinterval(before)


def test_a_file_gone_since_the_build_is_not_found(blog: Path) -> None:
    """`articlegen clean` while the preview runs removes the image copies it serves from the
    cache: each request for one raised FileNotFoundError, printed a traceback and dropped the
    connection, where it is now a 404 like any missing file."""
    Image.new("RGB", (1000, 500), (200, 80, 40)).save(blog / "static/img/walk.jpg")
    edit(blog / "content/sleep.md", "Sleep well.", "Sleep well.\n\n![A walk](img/walk.jpg)")
    with Preview(blog, port=0, log=lambda line: None, quiet=0.05) as preview:
        copy = fetch(preview.url, "/sleep/").html().css_first("picture source")
        webp = copy.attributes["srcset"].split()[0]
        assert fetch(preview.url, webp).status == 200
        shutil.rmtree(blog / ".articlegen-cache")
        assert fetch(preview.url, webp).status == 404
        assert fetch(preview.url, webp, method="HEAD").status == 404


def test_an_article_outside_content_is_noted_on_the_console(blog: Path) -> None:
    """The preview is a new site's first command: a note a build prints is printed there too."""
    (blog / "posts").mkdir()
    (blog / "posts/walking.md").write_text(article("Walking", "Walk."), encoding="utf-8")
    logged: list[str] = []
    with Preview(blog, port=0, log=logged.append, quiet=0.05):
        assert (
            "note: posts/walking.md: an article outside content/, so it is not built — move it"
            " into content/"
        ) in logged
