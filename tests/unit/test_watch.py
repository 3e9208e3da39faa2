"""watch.py: which paths matter, and how bursts of changes become one batch."""

from __future__ import annotations

import threading
import time

import pytest
from watchdog import events

from articlegen.serve.watch import (
    Change,
    ChangeKind,
    Debouncer,
    changes_of,
    classify,
    is_editor_temp,
)


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("site.yaml", ChangeKind.CONFIG),
        ("content/a.md", ChangeKind.CONTENT),
        ("content/2024/a.md", ChangeKind.CONTENT),
        ("content/notes.txt", ChangeKind.CONTENT),  # an article saved as text? (misnamed)
        ("content/photo.jpg", ChangeKind.IGNORED),
        ("content/_drafts/a.md", ChangeKind.IGNORED),
        ("templates/article.html", ChangeKind.TEMPLATE),
        ("templates/partials/card.html", ChangeKind.TEMPLATE),
        ("static/assets/style.css", ChangeKind.STATIC),
        ("static/img/photo.jpg", ChangeKind.STATIC),
        ("public/index.html", ChangeKind.IGNORED),
        (".git/index", ChangeKind.IGNORED),
        ("README.md", ChangeKind.IGNORED),
        ("site.yaml~", ChangeKind.IGNORED),
    ],
)
def test_classify_sources(path: str, kind: ChangeKind) -> None:
    assert classify(path) is kind


@pytest.mark.parametrize(
    "name",
    [
        ".a.md.swp",
        ".a.md.swx",
        "a.md.swp",
        "a.md~",
        ".#a.md",
        "#a.md#",
        "4913",
        "a.md.tmp",
        "style.css.TMP",
        "a.md___jb_tmp___",
        ".goutputstream-XYZ123",
        "a.md.kate-swp",
        "sedg6H6t7",
    ],
)
def test_editor_temp_files_are_ignored(name: str) -> None:
    assert is_editor_temp(name)
    assert classify(f"content/{name}") is ChangeKind.IGNORED
    assert classify(f"templates/{name}") is ChangeKind.IGNORED


@pytest.mark.parametrize(
    "name", ["a.md", "2024.md", "base.html", "style.css", "logo.svg", "sedation.md", "sedentary"]
)
def test_real_files_are_not_temp(name: str) -> None:
    assert not is_editor_temp(name)


def test_folders() -> None:
    assert classify("content", is_directory=True) is ChangeKind.CONTENT
    assert classify("content/2024", is_directory=True) is ChangeKind.CONTENT
    assert classify("static/img", is_directory=True) is ChangeKind.STATIC
    assert classify("site.yaml", is_directory=True) is ChangeKind.IGNORED
    assert classify("content/.git", is_directory=True) is ChangeKind.IGNORED


def test_atomic_save_counts_at_the_destination(tmp_path) -> None:
    event = events.FileMovedEvent(
        str(tmp_path / "content/.a.md.tmp1234"), str(tmp_path / "content/a.md")
    )
    assert changes_of(event, tmp_path) == {Change(ChangeKind.CONTENT, "content/a.md")}


def test_rename_counts_at_both_ends(tmp_path) -> None:
    event = events.FileMovedEvent(str(tmp_path / "content/a.md"), str(tmp_path / "content/b.md"))
    assert changes_of(event, tmp_path) == {
        Change(ChangeKind.CONTENT, "content/a.md"),
        Change(ChangeKind.CONTENT, "content/b.md"),
    }


def test_move_out_of_the_site_counts_as_removal(tmp_path) -> None:
    event = events.FileMovedEvent(str(tmp_path / "content/a.md"), "/elsewhere/a.md")
    assert changes_of(event, tmp_path) == {Change(ChangeKind.CONTENT, "content/a.md")}


def test_folder_timestamp_changes_are_not_changes(tmp_path) -> None:
    assert changes_of(events.DirModifiedEvent(str(tmp_path / "content")), tmp_path) == set()


def test_swap_file_writes_are_no_changes(tmp_path) -> None:
    event = events.FileModifiedEvent(str(tmp_path / "content/.a.md.swp"))
    assert changes_of(event, tmp_path) == set()


class Batches:
    def __init__(self) -> None:
        self.received: list[frozenset[Change]] = []
        self.arrived = threading.Event()

    def __call__(self, batch: frozenset[Change]) -> None:
        self.received.append(batch)
        self.arrived.set()


def change(n: int) -> Change:
    return Change(ChangeKind.CONTENT, f"content/{n}.md")


def test_a_burst_becomes_one_batch() -> None:
    # The quiet period is long enough that a loaded test machine cannot stall between two
    # adds for that long; the test then waits for every change, however they were batched.
    batches = Batches()
    debouncer = Debouncer(batches, quiet=1.0, longest=60.0)
    debouncer.start()
    try:
        debouncer.add([change(0), change(1)])  # several files: the burst's quiet period
        for n in range(2, 500):
            debouncer.add([change(n)])
        everything = frozenset(change(n) for n in range(500))
        deadline = time.monotonic() + 20
        while frozenset().union(*batches.received) != everything:
            assert time.monotonic() < deadline, "the burst was never handed over"
            time.sleep(0.05)
    finally:
        debouncer.stop()
    assert batches.received == [everything]


def test_one_file_saved_is_handed_over_after_the_short_quiet_period() -> None:
    # A short quiet period of 1 s, not 0.01 s: a loaded machine stalled that long between
    # two of the save's events, and the rest came as a second batch.
    batches = Batches()
    debouncer = Debouncer(batches, quiet=60.0, single=1.0)
    debouncer.start()
    try:
        for _ in range(5):  # an editor's save: several events, one path
            debouncer.add([change(1)])
        assert batches.arrived.wait(20)  # long before the 60 s a burst waits
    finally:
        debouncer.stop()
    assert batches.received == [frozenset({change(1)})]


def test_a_second_file_makes_it_wait_for_the_burst_quiet_period() -> None:
    batches = Batches()
    debouncer = Debouncer(batches, quiet=30.0, single=0.01)
    debouncer.start()
    try:
        debouncer.add([change(1), change(2)])
        assert not batches.arrived.wait(0.3)
    finally:
        debouncer.stop()
    assert batches.received == []


def test_changes_after_a_pause_make_a_second_batch() -> None:
    batches = Batches()
    debouncer = Debouncer(batches, quiet=0.05)
    debouncer.start()
    try:
        debouncer.add([change(1)])
        assert batches.arrived.wait(10)
        batches.arrived.clear()
        debouncer.add([change(2)])
        assert batches.arrived.wait(10)
    finally:
        debouncer.stop()
    assert batches.received == [frozenset({change(1)}), frozenset({change(2)})]


def test_never_pausing_writes_still_rebuild_after_the_longest_wait() -> None:
    batches = Batches()
    debouncer = Debouncer(batches, quiet=0.2, longest=0.3)
    debouncer.start()
    try:
        deadline = time.monotonic() + 10  # ends as soon as a batch arrives
        n = 0
        while time.monotonic() < deadline and not batches.arrived.is_set():
            debouncer.add([change(n)])
            n += 1
            time.sleep(0.01)
        assert batches.arrived.is_set()
    finally:
        debouncer.stop()


def test_nothing_after_stop() -> None:
    batches = Batches()
    debouncer = Debouncer(batches, quiet=5.0, single=5.0)  # nothing is due before stop()
    debouncer.start()
    debouncer.add([change(1)])
    debouncer.stop()
    time.sleep(0.15)
    assert batches.received == []
