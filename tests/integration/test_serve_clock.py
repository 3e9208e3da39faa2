"""The preview follows the clock: when a scheduled article's moment or an article's
``expires:`` comes, the same sources make another site, and the preview rebuilds by itself
to serve it, as a build at that moment makes it (no save comes to rebuild it)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.serve import preview as preview_module
from articlegen.serve.preview import ALARM_LONGEST_SECONDS, Preview, describe
from articlegen.serve.watch import Change, ChangeKind
from tests.conftest import article
from tests.serving import fetch, wait_until


def moment(seconds: float) -> str:
    """A front-matter time ``seconds`` from now, to the second."""
    return f"{dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds):%Y-%m-%d %H:%M:%S +0000}"


def clean_build(preview: Preview) -> dict[str, bytes]:
    options = BuildOptions(
        drafts=True, future=True, write=False, base_url=preview.url, preview=True
    )
    result = build_site(preview.root, options)
    return {page.out_path: page.data for page in result.pages if page.data is not None}


def test_an_article_publishing_and_one_expiring_rebuild_the_preview(site) -> None:
    # 8 s ahead (7 to 8, to the second): the preview's first build and two requests must
    # come before it, which took up to 1.8 s on a loaded machine (it had 2 s)
    root: Path = site(
        {
            "coming.md": article("Coming Soon", "Soon.", date=f'"{moment(8)}"'),
            "offer.md": article("Old Offer", "Until soon.", expires=f'"{moment(9)}"'),
            "walk.md": article("Walking", "Walk daily."),
        }
    )
    logged: list[str] = []
    with Preview(root, port=0, log=logged.append, quiet=0.05) as preview:
        coming = fetch(preview.url, "/coming/").html()
        assert "scheduled for" in coming.css_first("main").text()
        assert fetch(preview.url, "/offer/").status == 200
        wait_until(lambda: "offer/index.html" not in preview.live.view()[0].pages, timeout=30)
        assert dict(preview.live.view()[0].pages) == clean_build(preview)
        assert "scheduled for" not in fetch(preview.url, "/coming/").html().css_first("main").text()
        assert fetch(preview.url, "/offer/").status == 404
    assert any(line.endswith("an article's publication or expiry time came") for line in logged)


def test_the_clock_is_described_as_such_beside_files() -> None:
    clock = Change(ChangeKind.CLOCK, "")
    assert describe(frozenset({clock})) == "an article's publication or expiry time came"
    both = frozenset({clock, Change(ChangeKind.CONTENT, "content/a.md")})
    assert describe(both) == "content/a.md changed"


def test_a_far_moment_is_looked_at_again_within_the_longest_wait(site) -> None:
    """A timer counts only the time the machine is awake: the alarm never waits longer than
    ALARM_LONGEST_SECONDS before it looks at the clock, and does not rebuild early."""
    root = site({"coming.md": article("Coming Soon", "Soon.", date=f'"{moment(3600)}"')})
    preview = Preview(root, port=0, log=lambda line: None)
    try:
        assert preview.live.refresh()
        alarm = preview._alarm
        assert alarm is not None and alarm.interval == ALARM_LONGEST_SECONDS
        builds = preview.live.rebuilds
        alarm.function(*alarm.args)  # it goes off an hour early
        assert preview._alarm is not alarm and preview._alarm.is_alive()
        time.sleep(0.2)
        assert preview.live.rebuilds == builds
    finally:
        preview.stop()
    assert preview._alarm is None


def test_stopping_during_a_rebuild_leaves_no_alarm(site, monkeypatch) -> None:
    """The rebuild under way when the preview stops ends first, and would set the alarm for
    its scheduled article after the preview had cancelled it."""
    root = site({"coming.md": article("Coming Soon", "Soon.", date=f'"{moment(3600)}"')})
    building, release = threading.Event(), threading.Event()

    def slow_build(*args: object, **kwargs: object) -> object:
        if building.is_set():
            release.wait(10)
        return build_site(*args, **kwargs)

    monkeypatch.setattr(preview_module, "build_site", slow_build)
    preview = Preview(root, port=0, log=lambda line: None, quiet=0.01).start()
    building.set()
    (root / "content/coming.md").write_text(
        article("Coming Soon Again", "Soon.", date=f'"{moment(3600)}"'), encoding="utf-8"
    )
    wait_until(lambda: preview.live.rebuilds == 2)  # the rebuild is under way, held
    threading.Timer(0.3, release.set).start()
    preview.stop()
    assert preview._alarm is None
