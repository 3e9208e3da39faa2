"""The preview and the files of ``static/``: which changes rebuild the site.

A stylesheet edited in place only swaps the browsers' stylesheets, with no rebuild; an
editor's temp file gone again is nothing. Anything that changes what a build publishes
(a stylesheet added or removed, a folder moved to the trash) must rebuild, or the preview
keeps serving pages a build of the same files refuses. The preview is driven here without
its watcher or HTTP thread: a batch of changes is handed to it as the watcher would.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.serve.preview import Preview
from articlegen.serve.watch import Change, ChangeKind
from tests.conftest import article

STYLE = "body { color: black }\n"


@pytest.fixture
def make_preview(site: Callable[..., Path]) -> Iterator[Callable[..., Preview]]:
    """A preview of a site made of ``articles``, ``files`` and a PNG at each of ``images``,
    built once, not watching."""
    previews: list[Preview] = []

    def make(
        articles: dict[str, str], files: dict[str, str] | None = None, images: tuple[str, ...] = ()
    ) -> Preview:
        root = site(articles, files={"static/assets/print.css": STYLE, **(files or {})})
        for image in images:
            (root / image).parent.mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (40, 30), (200, 50, 50)).save(root / image)
        preview = Preview(root, port=0, log=lambda line: None)
        previews.append(preview)
        assert preview.live.refresh(), preview.live.errors
        return preview

    yield make
    for preview in previews:
        preview.http.server_close()


def static_changed(preview: Preview, *paths: str) -> None:
    """What the watcher hands over when these paths under the site changed."""
    preview._changed(frozenset(Change(ChangeKind.STATIC, path) for path in paths))


def clean_build(preview: Preview) -> dict[str, bytes]:
    options = BuildOptions(
        drafts=True, future=True, write=False, base_url=preview.url, preview=True
    )
    result = build_site(preview.root, options)
    return {page.out_path: page.data for page in result.pages if page.data is not None}


LINKED = article("Sleep Basics", "Print [the sheet](assets/print.css) first.")


def test_a_stylesheet_edited_in_place_rebuilds_nothing(make_preview) -> None:
    preview = make_preview({"sleep.md": LINKED})
    builds = preview.live.rebuilds
    (preview.root / "static/assets/print.css").write_text("body { color: red }\n")
    static_changed(preview, "static/assets/print.css")
    temp = preview.root / "static/assets/print.css.Xk3Fq2"  # an atomic save's, gone again
    static_changed(preview, "static/assets/print.css", str(temp.relative_to(preview.root)))
    assert preview.live.rebuilds == builds


def test_a_stylesheet_an_article_links_to_added_after_the_error_builds_the_site(
    make_preview,
) -> None:
    """The link fails while the file is missing; saving the file must be the fix."""
    preview = make_preview({"sleep.md": article("Sleep Basics", "No link yet.")})
    sheet = preview.root / "static/assets/print.css"
    sheet.unlink()
    static_changed(preview, "static/assets/print.css")
    (preview.root / "content/sleep.md").write_text(LINKED)
    preview._changed(frozenset({Change(ChangeKind.CONTENT, "content/sleep.md")}))
    assert "assets/print.css" in "\n".join(preview.live.errors)
    sheet.write_text(STYLE)
    static_changed(preview, "static/assets/print.css")
    assert preview.live.errors == ()
    assert dict(preview.live.view()[0].pages) == clean_build(preview)


def test_a_stylesheet_an_article_links_to_removed_fails_the_preview(make_preview) -> None:
    preview = make_preview({"sleep.md": LINKED})
    (preview.root / "static/assets/print.css").unlink()
    static_changed(preview, "static/assets/print.css")
    assert "content/sleep.md:6: link 'assets/print.css'" in "\n".join(preview.live.errors)


def test_a_stylesheet_restored_after_a_failed_build_builds_the_site(make_preview) -> None:
    """The last good build published it, and the file is there again: edited in place, as
    far as that build knows, but the build since failed for want of it."""
    preview = make_preview({"sleep.md": LINKED})
    sheet = preview.root / "static/assets/print.css"
    sheet.unlink()
    static_changed(preview, "static/assets/print.css")
    assert preview.live.errors
    sheet.write_text(STYLE)
    static_changed(preview, "static/assets/print.css")
    assert preview.live.errors == ()


@pytest.mark.parametrize(
    ("moved", "error"),
    [
        ("static/images", "content/walk.md:6: image file not found: static/images/walk.png"),
        ("static", "content/walk.md:6: image file not found: static/images/walk.png"),
        ("static/files/route", "content/walk.md:8: link '/files/route' leads to /files/route"),
    ],
)
def test_a_file_or_folder_moved_out_of_the_site_rebuilds(
    make_preview, tmp_path: Path, moved: str, error: str
) -> None:
    """As a file manager's Move to Trash does: the watcher sees the path go, once. Gone,
    with no type a site serves, it looked like an editor's temp file and was passed over:
    the preview went on serving pages that show the image, with no error."""
    body = "![A walk](images/walk.png)\n\nThe [route](/files/route) to walk."
    preview = make_preview(
        {"walk.md": article("Walking", body)},
        files={"static/files/route": "a route\n"},
        images=("static/images/walk.png",),
    )
    shutil.move(preview.root / moved, tmp_path / "trash")
    static_changed(preview, moved)
    assert error in "\n".join(preview.live.errors)
