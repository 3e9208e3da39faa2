"""The saved build cache: round trips, and a file that is never trusted when it should not be."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import pickle
import sqlite3
import threading
from pathlib import Path

import pytest

from articlegen.core.errors import OutputError
from articlegen.core.model import (
    Article,
    BodyHtml,
    FrontMatter,
    LinkGraph,
    LinkRef,
    RenderedBody,
    ResolvedLink,
    TocEntry,
)
from articlegen.incremental import cachefile
from articlegen.incremental.cache import BuildCache, PageEntry, SourceEntry
from articlegen.incremental.cachefile import (
    DATABASE,
    SECRET,
    WAITING,
    _checksum,
    clear_cache,
    load_cache,
    save_cache,
)
from articlegen.incremental.cacherecords import pack_record, pack_source, unpack
from articlegen.incremental.keys import body_key, source_digest

ARTICLE = Article(
    "content/a.md",
    "a",
    FrontMatter(
        title="A",
        date=dt.datetime(2024, 1, 2, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        tags=("x",),
        see_also=(LinkRef("b", 5),),
        lines={"title": 2},
    ),
    "Body.\n",
    7,
)
BODY = RenderedBody("<p>Body.</p>\n", toc=(TocEntry(2, "h", "H"),), words=1)


def filled_cache() -> BuildCache:
    cache = BuildCache()
    digest = source_digest(cache.code, "content/a.md", b"text")
    key = body_key(digest, {"allow_html": False})
    cache.sources["content/a.md"] = SourceEntry(digest, ARTICLE, key, BODY)
    cache.pages["a/index.html"] = PageEntry(b"k" * 16, (1, 2, 3, 4, 5), b"<html>")
    cache.pages["b/index.html"] = PageEntry(b"j" * 16, None, b"<html>")
    cache.output = "/site/public"
    return cache


def test_round_trip_keeps_sources_and_stamped_pages_but_not_page_bytes(tmp_path: Path) -> None:
    save_cache(filled_cache(), tmp_path)
    loaded = load_cache(tmp_path)
    assert loaded.sources == filled_cache().sources
    assert loaded.pages == {"a/index.html": PageEntry(b"k" * 16, (1, 2, 3, 4, 5), None)}
    assert loaded.output == "/site/public"


def test_saving_again_writes_only_what_changed(tmp_path: Path) -> None:
    cache = filled_cache()
    save_cache(cache, tmp_path)
    _update(tmp_path, "UPDATE sources SET checksum = ?", b"marked")
    cache.sources["content/b.md"] = SourceEntry(b"d" * 16, ARTICLE)
    save_cache(cache, tmp_path)
    with sqlite3.connect(tmp_path / DATABASE) as db:
        rows = dict(db.execute("SELECT path, checksum FROM sources").fetchall())
    assert rows["content/a.md"] == b"marked"  # not written again: it did not change
    assert rows["content/b.md"] == signed(tmp_path, pack_source(cache.sources["content/b.md"]))
    del cache.sources["content/a.md"]
    save_cache(cache, tmp_path)
    assert set(load_cache(tmp_path).sources) == {"content/b.md"}


def test_missing_cache_is_empty(tmp_path: Path) -> None:
    cache = load_cache(tmp_path / "nothing")
    assert cache.sources == {} and cache.pages == {} and cache.output is None


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:100], id="header-only"),
        pytest.param(lambda data: b"not a database at all" * 100, id="garbage"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_damaged_file_is_ignored_then_replaced(tmp_path: Path, damage) -> None:
    save_cache(filled_cache(), tmp_path)
    database = tmp_path / DATABASE
    database.write_bytes(damage(database.read_bytes()))
    loaded = load_cache(tmp_path)
    assert loaded.sources == {} and loaded.pages == {}
    save_cache(filled_cache(), tmp_path)
    assert load_cache(tmp_path).sources == filled_cache().sources


def signed(folder: Path, data: bytes) -> bytes:
    """``data``'s MAC under the cache's own key: a record as articlegen would write it."""
    return _checksum(data, (folder / SECRET).read_bytes())


def _update(tmp_path: Path, sql: str, *args: object) -> None:
    with sqlite3.connect(tmp_path / DATABASE) as db:
        db.execute(sql, args)


@pytest.mark.parametrize("table", ["sources", "pages"])
def test_a_flipped_byte_in_a_record_fails_its_checksum(tmp_path: Path, table: str) -> None:
    save_cache(filled_cache(), tmp_path)
    with sqlite3.connect(tmp_path / DATABASE) as db:
        (data,) = db.execute(f"SELECT data FROM {table}").fetchone()
    flipped = bytearray(data)
    flipped[len(flipped) // 2] ^= 0x01
    _update(tmp_path, f"UPDATE {table} SET data = ?", bytes(flipped))
    loaded = load_cache(tmp_path)
    assert loaded.sources == {} and loaded.pages == {}


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(("not", "an entry"), id="wrong-type"),
        pytest.param(("/out", {"a/index.html": (b"k", (1, 2))}), id="short-stamp"),
        pytest.param(("/out", {"a/index.html": ("key", (1, 2, 3, 4, 5))}), id="text-key"),
    ],
)
def test_a_well_formed_record_of_the_wrong_shape_is_refused(tmp_path: Path, record) -> None:
    save_cache(filled_cache(), tmp_path)
    table = "sources" if record[0] == "not" else "pages"
    data = pack_source(record) if table == "sources" else pickle.dumps(record)
    _update(tmp_path, f"UPDATE {table} SET checksum = ?, data = ?", signed(tmp_path, data), data)
    loaded = load_cache(tmp_path)
    assert loaded.sources == {} and loaded.pages == {}


FORGED = dataclasses.replace(BODY, html=BodyHtml("<p>Body.</p><script>alert(1)</script>\n"))


@pytest.mark.parametrize(
    "mac",
    [
        pytest.param(
            lambda data, folder: hashlib.blake2b(data, digest_size=16).digest(), id="plain"
        ),
        pytest.param(lambda data, folder: _checksum(data, b"k" * 32), id="another-key"),
        pytest.param(lambda data, folder: signed(folder, data)[:16], id="truncated-mac"),
    ],
)
def test_a_forged_record_with_a_recomputed_checksum_is_refused(tmp_path: Path, mac) -> None:
    cache = filled_cache()
    save_cache(cache, tmp_path)
    entry = cache.sources["content/a.md"]
    data = pack_source(dataclasses.replace(entry, body=FORGED))
    _update(tmp_path, "UPDATE sources SET checksum = ?, data = ?", mac(data, tmp_path), data)
    assert load_cache(tmp_path).sources == {}
    assert signed(tmp_path, data) != mac(data, tmp_path)


def test_a_new_key_drops_every_record_signed_with_the_old_one(tmp_path: Path) -> None:
    save_cache(filled_cache(), tmp_path)
    (tmp_path / SECRET).unlink()
    assert load_cache(tmp_path).sources == {}  # unverifiable: nothing is trusted
    save_cache(filled_cache(), tmp_path)  # a new key, and the file written afresh under it
    assert load_cache(tmp_path).sources == filled_cache().sources


def test_the_key_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    save_cache(filled_cache(), tmp_path)
    assert (tmp_path / SECRET).stat().st_mode & 0o777 == 0o600
    assert len((tmp_path / SECRET).read_bytes()) == 32


@pytest.mark.parametrize("key, value", [("format", "0"), ("code", "an older version")])
def test_another_format_or_code_version_is_ignored(tmp_path: Path, key: str, value: str) -> None:
    save_cache(filled_cache(), tmp_path)
    _update(tmp_path, "UPDATE meta SET value = ? WHERE key = ?", value, key)
    assert load_cache(tmp_path).sources == {}
    save_cache(filled_cache(), tmp_path)
    assert load_cache(tmp_path).sources == filled_cache().sources


class _Exploit:
    def __reduce__(self):
        return (os.system, ("echo pwned > /dev/null",))


@pytest.mark.parametrize("pack", [pickle.dumps, pack_source], ids=["pickle", "as-saved"])
def test_a_record_naming_other_code_is_refused_not_run(tmp_path: Path, pack) -> None:
    save_cache(filled_cache(), tmp_path)
    data = pack(_Exploit())
    _update(tmp_path, "UPDATE sources SET checksum = ?, data = ?", signed(tmp_path, data), data)
    assert load_cache(tmp_path).sources == {}


def test_a_source_record_holding_two_is_refused(tmp_path: Path) -> None:
    """The sources' records are read one after the other by one unpickler: a row whose
    bytes hold a second record (signed) would hand that one to the next row's file."""
    cache = filled_cache()
    cache.sources["content/b.md"] = SourceEntry(b"d" * 16, ARTICLE)
    save_cache(cache, tmp_path)
    data = pack_source(cache.sources["content/a.md"]) * 2
    where = "WHERE path = 'content/a.md'"
    _update(
        tmp_path, f"UPDATE sources SET checksum = ?, data = ? {where}", signed(tmp_path, data), data
    )
    assert load_cache(tmp_path).sources == {}
    assert load_cache(tmp_path).pages == {}


def test_clear_cache(tmp_path: Path) -> None:
    folder = tmp_path / ".articlegen-cache"
    save_cache(filled_cache(), folder)
    assert clear_cache(folder) is True
    assert not folder.exists()
    assert clear_cache(folder) is False


def test_save_failure_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot save the build cache"):
        save_cache(filled_cache(), blocker / "cache")


def test_the_code_fingerprint_given_keys_what_is_read(tmp_path: Path) -> None:
    """The CLI gives the fingerprint its snapshot of the inputs worked out already."""
    cache = filled_cache()
    save_cache(cache, tmp_path)
    assert load_cache(tmp_path, cache.code).sources == filled_cache().sources
    other = load_cache(tmp_path, "other code")
    assert other.code == "other code" and other.sources == {}


def other_cache() -> BuildCache:
    cache = filled_cache()
    cache.sources["content/b.md"] = SourceEntry(b"d" * 16, ARTICLE)
    return cache


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cachefile, "LOCK_WAIT_SECONDS", 1)
    monkeypatch.setattr(cachefile, "_TRY_SECONDS", 0.1)


def test_a_cache_another_build_keeps_locked_is_left_to_it(tmp_path: Path, short_waits) -> None:
    """Another build holding the file for longer than a save waits (saving a large site's
    cache) is no sign of a damaged file: this build's cache goes unsaved, saying so, and
    the other's file stays as it is, not deleted and made afresh."""
    save_cache(filled_cache(), tmp_path)
    waits: list[tuple[str, int, int]] = []
    with sqlite3.connect(tmp_path / DATABASE, isolation_level=None) as other:
        other.execute("BEGIN IMMEDIATE")  # as a save locks it
        other.execute("UPDATE sources SET checksum = checksum")
        with pytest.raises(OutputError, match="build cache was not saved: another build"):
            save_cache(other_cache(), tmp_path, lambda *report: waits.append(report))
        other.execute("COMMIT")
    assert set(load_cache(tmp_path).sources) == {"content/a.md"}
    assert waits and all(stage == WAITING and total == 1 for stage, _, total in waits)


def test_a_save_waits_for_another_build_to_let_go(tmp_path: Path, short_waits) -> None:
    save_cache(filled_cache(), tmp_path)
    other = sqlite3.connect(tmp_path / DATABASE, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN")
    other.execute("SELECT * FROM sources").fetchall()  # a build reading it: a shared lock
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    waits: list[tuple[str, int, int]] = []
    save_cache(other_cache(), tmp_path, lambda *report: waits.append(report))
    release.join()
    other.close()
    assert waits and set(load_cache(tmp_path).sources) == {"content/a.md", "content/b.md"}


def test_a_table_s_record_is_pickled_as_pickle_pickles_it() -> None:
    """A link graph shares its links between its lists: pickled with a memo, as
    ``pickle.dumps`` does (its records reduced by their own functions), it reads back equal."""
    link = ResolvedLink("b", None, "part")
    graph = LinkGraph({"a": (link,)}, {"a": (link, None)}, {"b": ("a",)}, (), {"a": (link,)})
    data = pack_record(graph)
    assert data == pickle.dumps(graph, pickle.HIGHEST_PROTOCOL)
    assert unpack(data, {}) == graph


def test_one_pickler_packs_the_records_of_a_save_as_fresh_ones_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A save packs its content files' records with one pickler (``SourcePacker``): the
    same bytes as each packed apart, as before the pickler was kept (dates reduced by
    ``__reduce_ex__``) and reading back equal; one that raised is not used again."""
    import copyreg
    import io

    from articlegen.core import model
    from articlegen.incremental import cache as entries
    from articlegen.incremental import cacherecords
    from articlegen.incremental.cacherecords import SourcePacker, unpack_sources
    from articlegen.incremental.keys import own_reductions

    def before(entry: SourceEntry) -> bytes:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True
        pickler.memo = cacherecords._NUMBERED
        pickler.dispatch_table = {
            **copyreg.dispatch_table,
            **own_reductions(model),
            **own_reductions(entries),
        }
        pickler.dump(entry)
        return buffer.getvalue()

    made: list[object] = []
    real = cacherecords._source_pickler
    monkeypatch.setattr(cacherecords, "_source_pickler", lambda b: made.append(b) or real(b))
    meta = dataclasses.replace(ARTICLE.meta, updated=dt.date(2024, 1, 3))
    records = [
        SourceEntry(
            b"d" * 16, dataclasses.replace(ARTICLE, slug=f"a{n}", meta=meta), b"k" * 16, BODY
        )
        for n in range(5)
    ]
    pack = SourcePacker()
    packed = [pack(record) for record in records]
    assert len(made) == 1  # fails without: a pickler a record
    assert packed == [before(record) for record in records]
    assert list(unpack_sources(packed, {})) == records
    broken = SourceEntry(b"d" * 16, dataclasses.replace(ARTICLE, body=lambda: None), None, None)  # type: ignore[arg-type]
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        pack(broken)
    assert pack(records[0]) == packed[0] and len(made) == 2
