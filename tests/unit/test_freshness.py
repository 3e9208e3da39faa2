"""Snapshots of a build's inputs and output, and the receipt that says nothing changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import time
from pathlib import Path

import pytest

from articlegen.core.layout import CACHE_DIR
from articlegen.core.model import BuildOptions
from articlegen.incremental import stamps
from articlegen.incremental.cachefile import RECEIPT
from articlegen.incremental.freshness import (
    Receipt,
    fresh_receipt,
    output_digest,
    save_receipt,
    take_snapshot,
)
from tests.conftest import article


def later() -> float:
    """The time an hour from now, long after every file here was written: taken when asked,
    since a test run on a loaded machine may reach these tests an hour after it imported
    them."""
    return time.time() + 3600


TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def root(site) -> Path:
    return site(
        {"a.md": article("A"), "b.md": article("B")},
        files={"templates/base.html": "x", "static/img/a.svg": "<svg/>"},
    )


def digest(root: Path, **options: object) -> str:
    options.setdefault("today", TODAY)
    return take_snapshot(root, BuildOptions(**options), now=later()).digest


@pytest.mark.parametrize(
    "change",
    [
        lambda r: (r / "content/a.md").write_text(article("A", "Other text, longer.")),
        lambda r: (r / "content/c.md").write_text(article("C")),
        lambda r: (r / "content/b.md").unlink(),
        lambda r: (r / "content/b.md").rename(r / "content/d.md"),
        lambda r: (r / "site.yaml").write_text((r / "site.yaml").read_text() + "language: de\n"),
        lambda r: (r / "templates/base.html").write_text("yy"),
        lambda r: (r / "static/img/b.png").write_bytes(b"png"),
        lambda r: (
            (r / "static/img/a.svg").unlink()
            or (r / "static/img/a.svg").symlink_to(r / "static/img/b.svg")
        ),
        lambda r: os.chmod(r / "content/a.md", 0o600),
    ],
    ids=["edit", "add", "delete", "rename", "site.yaml", "template", "static", "link", "chmod"],
)
def test_any_change_to_an_input_changes_the_snapshot(root: Path, change) -> None:
    before = digest(root)
    time.sleep(0.01)  # past the file system's timestamp granularity
    change(root)
    assert digest(root) != before


@pytest.mark.parametrize("folder", ["templates", "static", "content"])
def test_a_file_where_a_folder_belongs_changes_the_snapshot(root: Path, folder: str) -> None:
    """A missing ``templates/`` and a file of that name were one stamp: a build refused the
    file, but after a build without the folder the next one said nothing had changed."""
    for path in [root / folder] if (root / folder).is_dir() else []:
        for child in sorted(path.rglob("*"), reverse=True):
            child.rmdir() if child.is_dir() else child.unlink()
        path.rmdir()
    before = digest(root)
    (root / folder).write_text("not a folder")
    assert digest(root) != before


def test_a_link_is_judged_by_its_target_too(root: Path) -> None:
    (root / "static/img/real.svg").write_text("<svg/>")
    (root / "static/img/link.svg").symlink_to(root / "static/img/real.svg")
    before = digest(root)
    time.sleep(0.01)
    (root / "static/img/real.svg").write_text("<svg></svg>")
    assert digest(root) != before


def test_an_unchanged_site_gives_the_same_snapshot(root: Path) -> None:
    assert digest(root) == digest(root)


def test_a_rewrite_with_the_same_bytes_counts_as_a_change(root: Path) -> None:
    """Stamps, not contents: a save that changed nothing still rebuilds, never the reverse."""
    before = digest(root)
    time.sleep(0.01)
    path = root / "content/a.md"
    path.write_text(path.read_text())
    assert digest(root) != before


def test_options_that_shape_the_output_or_messages_are_part_of_it(root: Path, tmp_path) -> None:
    plain = digest(root)
    assert digest(root, drafts=True) != plain
    assert digest(root, strict=True) != plain
    assert digest(root, base_url="https://example.net/") != plain
    assert digest(root, output=tmp_path / "elsewhere") != plain
    assert digest(root, today=TODAY + dt.timedelta(days=1)) != plain
    assert digest(root, jobs=1) == digest(root, jobs=2) == plain


def test_a_file_written_moments_before_the_build_is_racy(root: Path) -> None:
    (root / "content/a.md").write_text(article("A", "Just saved."))
    saved = (root / "content/a.md").stat().st_mtime  # the build starts a second after it
    assert take_snapshot(root, BuildOptions(), now=saved + 1).racy
    assert not take_snapshot(root, BuildOptions(), now=later()).racy


def test_the_output_digest_sees_every_file_and_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "a").mkdir(parents=True)
    (out / "a/index.html").write_text("<p>a</p>")
    before = output_digest(out)
    assert output_digest(out) == before
    (out / "b").mkdir()
    assert output_digest(out) != before


def receipt_for(root: Path, options: BuildOptions, out: Path) -> Receipt:
    snapshot = take_snapshot(root, options, now=later())
    receipt = Receipt(
        inputs=snapshot.digest,
        output=str(out),
        files=output_digest(out),
        articles=2,
        pages=7,
        warnings=("content/a.md:3: something to look at",),
        notes=(),
    )
    save_receipt(root, snapshot, receipt)
    return receipt


def fresh(root: Path, options: BuildOptions) -> Receipt | None:
    return fresh_receipt(root, take_snapshot(root, options))


@pytest.fixture
def built(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Receipt]:
    monkeypatch.setattr(stamps, "RACY_SECONDS", 0.0)
    out = root / "public"
    (out / "a").mkdir(parents=True)
    (out / "a/index.html").write_text("<p>a</p>")
    return out, receipt_for(root, BuildOptions(today=TODAY), out)


def test_a_receipt_is_found_while_nothing_changed(root: Path, built) -> None:
    _, receipt = built
    assert fresh(root, BuildOptions(today=TODAY)) == receipt


def test_a_receipt_is_not_found_after_an_input_changed(root: Path, built) -> None:
    time.sleep(0.01)
    (root / "content/c.md").write_text(article("C"))
    assert fresh(root, BuildOptions(today=TODAY)) is None


def test_a_receipt_is_not_found_for_other_options(root: Path, built) -> None:
    assert fresh(root, BuildOptions(today=TODAY, drafts=True)) is None


@pytest.mark.parametrize(
    "tamper",
    [
        lambda out: (out / "a/index.html").write_text("<p>changed</p>"),
        lambda out: (out / "a/index.html").unlink(),
        lambda out: (out / "extra.html").write_text("x"),
        lambda out: (
            [p.unlink() for p in out.rglob("*") if p.is_file()] and out.joinpath("a").rmdir()
        ),
    ],
    ids=["edited", "deleted", "added", "emptied"],
)
def test_a_receipt_is_not_found_once_the_output_was_touched(root: Path, built, tamper) -> None:
    out, _ = built
    time.sleep(0.01)
    tamper(out)
    assert fresh(root, BuildOptions(today=TODAY)) is None


@pytest.mark.parametrize(
    "damage",
    ["", "{", "[]", '{"version": 99}', '{"version": 1, "inputs": 3}', "COUNTS"],
    ids=["empty", "cut-short", "list", "other-version", "wrong-types", "wrong-counts"],
)
def test_a_damaged_receipt_is_never_trusted(root: Path, built, damage: str) -> None:
    path = root / CACHE_DIR / RECEIPT
    if damage == "COUNTS":  # the right keys, but a count that is not a count
        data = json.loads(path.read_text())
        damage = json.dumps({**data, "articles": "many", "pages": None})
    path.write_text(damage)
    assert fresh(root, BuildOptions(today=TODAY)) is None


def test_a_racy_build_leaves_no_receipt(root: Path, built, monkeypatch) -> None:
    _, receipt = built
    data = json.loads((root / CACHE_DIR / RECEIPT).read_text())
    assert data["inputs"] == receipt.inputs
    monkeypatch.setattr(stamps, "RACY_SECONDS", 3600.0)
    save_receipt(root, take_snapshot(root, BuildOptions(today=TODAY)), receipt)
    assert not (root / CACHE_DIR / RECEIPT).exists()


def test_files_behind_a_link_to_a_folder_are_stamped(root: Path, tmp_path: Path) -> None:
    """Jinja follows ``templates/parts`` linked to a folder elsewhere: an include there is an input too."""
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "extra.html").write_text("ONE")
    (root / "templates/parts").symlink_to(shared)
    before = digest(root)
    time.sleep(0.01)
    (shared / "extra.html").write_text("TWO")
    assert digest(root) != before


def test_a_link_loop_is_walked_once(root: Path) -> None:
    (root / "static/img/loop").symlink_to(root / "static")
    assert digest(root) == digest(root)


@pytest.mark.parametrize("folder", ["content", "static", "templates"])
def test_a_loop_of_links_is_stamped_not_followed(root: Path, folder: str) -> None:
    (root / folder / "loop").symlink_to("loop")
    (root / folder / "one").symlink_to("two")
    (root / folder / "two").symlink_to("one")
    before = digest(root)
    assert digest(root) == before
    (root / folder / "loop").unlink()
    assert digest(root) != before


def test_a_receipt_holds_only_until_an_article_publishes_or_expires(root: Path, built) -> None:
    """The same inputs make another site once a scheduled article's moment has come."""
    out, _ = built
    options = BuildOptions(today=TODAY, now=dt.datetime(2027, 1, 5, 9, tzinfo=dt.UTC))
    snapshot = take_snapshot(root, options, now=later())
    receipt = Receipt(snapshot.digest, str(out), output_digest(out), 2, 7, (), (), until=None)
    for until, holds in (("2027-01-05T09:00:01", True), ("2027-01-05T09:00:00", False)):
        save_receipt(root, snapshot, dataclasses.replace(receipt, until=until))
        assert (fresh_receipt(root, snapshot) is not None) is holds


def test_a_receipt_with_a_bad_until_is_not_trusted(root: Path, built) -> None:
    path = root / CACHE_DIR / RECEIPT
    path.write_text(json.dumps({**json.loads(path.read_text()), "until": "soon"}))
    assert fresh(root, BuildOptions(today=TODAY)) is None
