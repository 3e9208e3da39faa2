"""Images an import copies named so that their responsive copies differ."""

from __future__ import annotations

from pathlib import Path

from articlegen.authoring.importcopies import copies_apart


def test_images_named_alike_but_for_their_suffix_are_moved_apart(tmp_path: Path) -> None:
    """The build names an image's copies <name>-<width>w.<format>: 'x.jpg' and 'x.png' of
    one folder would share them. A file in static/ already keeps its name."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a/x.jpg").write_bytes(b"jpeg")
    names = ["a/x.png", "b/y.jpeg", "b/y.jpg", "c/z.gif", "c/z.png", "d/w.png"]
    copies = {name: tmp_path / "source" / name for name in names}
    moved, notes = copies_apart(copies, tmp_path)
    assert moved == {"a/x.png": "a/x-png.png", "b/y.jpg": "b/y-jpg.jpg"}
    assert [note.message.split(",")[0] for note in notes] == [
        "copied as static/a/x-png.png",
        "copied as static/b/y-jpg.jpg",
    ]
    assert "would have the addresses of static/a/x.jpg's" in notes[0].message
