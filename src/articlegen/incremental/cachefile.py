"""The build cache on disk: ``.articlegen-cache/cache.sqlite`` in the site, git-ignored.

Never trusted blindly:

* The file records the cache format and the code fingerprint (the generator's
  modules, its libraries, Python): a file from another version is ignored whole.
* Every record carries a MAC (HMAC-SHA-256) under a secret of this site's cache,
  ``SECRET`` beside the database (never in the output). A truncated, corrupt or
  foreign file, or a record forged with a recomputed checksum (a plain checksum
  anyone can recompute), fails it: the file is ignored whole, and replaced on the
  next save, so the pages are rebuilt from the sources.
* Records unpickle only into articlegen's dataclasses and enums and into dates,
  so a planted file cannot run code.

Saving writes only the records that differ from those the file holds, in one transaction
that locks the file for writing first: after it, the tables of one record each hold this
build's, even when another build of the site saved meanwhile. While another build holds
the file (saving its own cache, or reading it), a save waits, up to ``LOCK_WAIT_SECONDS``;
then it gives up, and leaves that build's file as it is: a locked file is not a damaged one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import os
import pickle
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..core.errors import OutputError
from ..core.layout import IMAGE_COPIES
from ..core.model import Progress
from ..core.removal import remove_tree
from .cache import FORMAT, BuildCache, SourceEntry
from .cacherecords import (
    SINGLE,
    Corrupt,
    SourcePacker,
    pack_record,
    single_records,
    take,
    unpack,
    unpack_sources,
)
from .movedaway import PUBLISHED

DATABASE = "cache.sqlite"
"""The file inside ``CACHE_DIR``."""
SECRET = "secret.key"
"""The key of the records' MACs, made at random with the cache, readable by its owner only."""
_SECRET_BYTES = 32
RECEIPT = "receipt.json"
"""The last successful build's receipt (``freshness``), also inside ``CACHE_DIR``."""
LINKS = "links.json"
"""What ``check --links`` learned about each web address (``linkcache``), also inside
``CACHE_DIR``."""
SPARE_OUTPUT = "spare-output"
"""The site the last build replaced, staged into by the next (``output.write_site``)."""
SEARCH_STATE = "search"
"""The search index's shards and the last whole index (``output.searchstate``), also
inside ``CACHE_DIR``."""
LOCK_WAIT_SECONDS = 60
"""How long a save waits for another build that holds the file (a large site's cold save
takes seconds) before this build's cache goes unsaved."""
_TRY_SECONDS = 1.0
"""How long SQLite waits for the lock in each try of a save, between two reports of the wait."""
_PAGE_SIZE = 16384
"""Bytes a page of a new cache file: a record (an article's, about 19 kB) spans one or two
pages, where SQLite's default 4 kB page took five chained ones; a cold build's save writes
about a fifth faster, and a load reads it a little faster."""
WAITING = "waiting for another build of this site to let go of the build cache"
"""The progress stage of that wait."""


def load_cache(folder: Path, code: str | None = None) -> BuildCache:
    """The cache saved in ``folder``; an empty one if there is none, or it is unreadable,
    corrupt, of another format or from another version of the code. ``code``: the code
    fingerprint, where the caller has worked it out already (``freshness.Snapshot``)."""
    cache = BuildCache(code)
    rows = _read_rows(folder, cache.code)
    if rows is None:
        return cache
    sources, singles = rows
    try:
        classes: dict[tuple[str, str], type] = {}  # allowed so far, shared by the records
        entries = unpack_sources([data for _, _, data in sources], classes)
        for (path, _, _), entry in zip(sources, entries, strict=True):
            if not isinstance(entry, SourceEntry) or not isinstance(path, str):
                raise Corrupt(path)
            cache.sources[path] = entry
            cache.saved[path] = entry
        for table, records in singles.items():
            for checksum, data in records:
                cache.saved_objects[table] = value = unpack(data, classes)
                take(cache, table, value)
                cache.saved_records[table] = checksum
    except Exception:  # whatever a damaged file raises, it is not trusted
        return BuildCache(cache.code)
    return cache


_Rows = tuple[list[tuple[str, bytes, bytes]], dict[str, list[tuple[bytes, bytes]]]]
"""The rows of the sources table and of each ``SINGLE`` one, every record's MAC checked."""


def _read_rows(folder: Path, code: str) -> _Rows | None:
    """The rows of the cache saved in ``folder`` for ``code``, each record's MAC checked;
    None if there is none, or it is unreadable, corrupt, or of another format or code.
    Read in one transaction: another build saving meanwhile waits, so that the tables are
    read as one save left them (its link graph with its own link record)."""
    database = folder / DATABASE
    try:
        key = _secret(folder, create=False) if database.is_file() else None
        if key is None:
            return None
        with contextlib.closing(_connect(database, read_only=True)) as db:
            db.execute("BEGIN")
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if meta != _meta(code, key):
                return None
            sources = db.execute("SELECT path, checksum, data FROM sources").fetchall()
            singles = {t: db.execute(f"SELECT checksum, data FROM {t}").fetchall() for t in SINGLE}
        for row in (*sources, *(row for rows in singles.values() for row in rows)):
            checksum, data = row[-2:]
            if not (
                isinstance(data, bytes)
                and isinstance(checksum, bytes)
                and hmac.compare_digest(checksum, _checksum(data, key))
            ):
                return None
    except Exception:  # whatever a damaged file raises, it is not trusted
        return None
    return sources, singles


def save_cache(
    cache: BuildCache, folder: Path, progress: Progress | None = None, *, wait: bool = True
) -> None:
    """Write what changed since ``cache`` was loaded or last saved into ``folder``;
    ``OutputError`` if it cannot (the site itself is fine: the next build is just slower),
    also when another build held the file locked for ``LOCK_WAIT_SECONDS`` (``progress``
    hears of the wait, as the stage ``WAITING``), or for one try's ``_TRY_SECONDS``
    unless ``wait`` (a failed build's errors are not held back a minute for its cache)."""
    database = folder / DATABASE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        key = _secret(folder, create=True)
        assert key is not None
        try:
            _write_when_free(cache, database, key, progress, LOCK_WAIT_SECONDS if wait else 0)
        except sqlite3.DatabaseError as exc:
            if _locked(exc):
                raise
            # Not a database we can use (corrupt, foreign): start the file afresh.
            database.unlink(missing_ok=True)
            cache.saved, cache.saved_records = {}, {}
            _write(cache, database, key)
    except (OSError, sqlite3.Error) as exc:
        if isinstance(exc, sqlite3.Error) and _locked(exc):
            raise OutputError(
                f"the build cache was not saved: another build of this site held {database} "
                f"for over {LOCK_WAIT_SECONDS if wait else _TRY_SECONDS:g} s",
                hint="the site is built all the same; the next build reuses what that build saves",
            ) from exc
        raise OutputError(
            f"cannot save the build cache in {folder}: {exc}",
            hint="check free disk space and write permission, or build with --no-cache",
        ) from exc


def clear_cache(folder: Path) -> bool:
    """Delete the saved cache in ``folder``; False if there was none."""
    database = folder / DATABASE
    found = any((folder / name).exists() for name in (DATABASE, RECEIPT, LINKS, PUBLISHED))
    for path in (
        database,
        folder / LINKS,
        folder / f"{DATABASE}-journal",
        folder / f"{DATABASE}-wal",
        folder / RECEIPT,
        folder / PUBLISHED,
        folder / SECRET,
    ):
        try:
            if path.is_dir() and not path.is_symlink():  # where a file goes, made by hand
                remove_tree(path)
            else:
                path.unlink(missing_ok=True)
        except OSError as exc:
            raise OutputError(
                f"cannot delete {path} (the build cache): {exc.strerror}",
                hint="it may belong to another user, e.g. from a build run with sudo: delete it "
                "as that user",
            ) from None
    for kept, what in (
        (SPARE_OUTPUT, "the site the last build replaced"),
        (IMAGE_COPIES, "images' responsive copies"),
        (SEARCH_STATE, "the search index's shards"),
    ):
        spare = folder / kept
        found = found or spare.exists() or spare.is_symlink()
        if spare.is_symlink():
            spare.unlink()
        remove_tree(spare, ignore_errors=True)
        if spare.exists():
            raise OutputError(
                f"cannot delete {spare} ({what})",
                hint="it may belong to another user, e.g. from a build run with sudo: delete it "
                "as that user",
            )
    with contextlib.suppress(OSError):
        folder.rmdir()
    return found


def sealed(folder: Path, data: bytes) -> bytes:
    """``data`` behind its MAC under the secret of the cache in ``folder``, for a file
    of the cache kept outside its database (``unsealed`` reads it back)."""
    key = _secret(folder, create=True)
    assert key is not None
    return _checksum(data, key) + data


def unsealed(folder: Path, blob: bytes) -> bytes | None:
    """The data ``sealed`` put in ``blob``; None if this cache did not seal it (another
    cache's, corrupt, planted)."""
    key = _secret(folder, create=False)
    size = len(_checksum(b"", b"k"))
    if key is None or len(blob) < size:
        return None
    mac, data = blob[:size], blob[size:]
    return data if hmac.compare_digest(mac, _checksum(data, key)) else None


def _secret(folder: Path, *, create: bool) -> bytes | None:
    """The cache's MAC key; made (if ``create``) when missing or not a key: then no record
    already saved passes, which is right, since nothing vouches for them."""
    path = folder / SECRET
    try:
        key = path.read_bytes()
        if len(key) == _SECRET_BYTES:
            return key
    except FileNotFoundError:
        pass
    if not create:
        return None
    key = secrets.token_bytes(_SECRET_BYTES)
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(key)
    return key


def _meta(code: str, key: bytes) -> dict[str, str]:
    """What the file must say of itself to be read: the format, the code's fingerprint and
    which key signed it (a digest of the key, not the key)."""
    signer = hashlib.blake2b(b"articlegen cache key", key=key, digest_size=8).hexdigest()
    return {"format": FORMAT, "code": code, "key": signer}


def _write_when_free(
    cache: BuildCache, database: Path, key: bytes, progress: Progress | None, patience: float
) -> None:
    """``_write``, tried again while another connection holds the file, each try waiting
    ``_TRY_SECONDS`` for it, up to ``patience`` seconds in all (each wait reported to
    ``progress``); the last try's error if the file stays locked. A try that failed wrote
    nothing, so what ``cache`` says the file holds is put back as it was before it."""
    saved, records = dict(cache.saved), dict(cache.saved_records)
    objects = dict(cache.saved_objects)
    started = time.monotonic()
    while True:
        try:
            _write(cache, database, key)
            return
        except sqlite3.OperationalError as exc:
            waited = time.monotonic() - started
            if not _locked(exc) or waited >= patience:
                raise
        cache.saved, cache.saved_records = dict(saved), dict(records)
        cache.saved_objects = dict(objects)
        if progress is not None:
            progress(WAITING, int(waited), LOCK_WAIT_SECONDS)


def _locked(error: sqlite3.Error) -> bool:
    """Whether SQLite failed because another connection holds the file (busy, locked);
    an error the ``sqlite3`` module raises itself has no SQLite code."""
    code: int = getattr(error, "sqlite_errorcode", 0)
    return (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _write(cache: BuildCache, database: Path, key: bytes) -> None:
    """One transaction, the file locked for writing from its start: what it reads of the
    file (the meta, the rows there) is still there when it writes, whatever another build
    of the site saves meanwhile."""
    with contextlib.closing(_connect(database, read_only=False)) as db, db:
        db.execute(f"PRAGMA page_size = {_PAGE_SIZE}")  # a new file's; an old one keeps its own
        db.execute("BEGIN IMMEDIATE")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute(
            "CREATE TABLE IF NOT EXISTS sources (path TEXT PRIMARY KEY, checksum BLOB, data BLOB)"
        )
        for table in SINGLE:
            db.execute(f"CREATE TABLE IF NOT EXISTS {table} (checksum BLOB, data BLOB)")
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        expected = _meta(cache.code, key)
        if meta != expected:
            for table in ("meta", "sources", *SINGLE):
                db.execute(f"DELETE FROM {table}")
            db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(expected.items()))
            cache.saved, cache.saved_records = {}, {}
        stored = {path for (path,) in db.execute("SELECT path FROM sources")}
        gone = stored - cache.sources.keys()
        db.executemany("DELETE FROM sources WHERE path = ?", [(p,) for p in sorted(gone)])
        db.executemany(
            "INSERT OR REPLACE INTO sources VALUES (?, ?, ?)",
            _changed_sources(cache, stored, key),
        )
        for table, value in single_records(cache).items():
            _write_single(db, key, table, value, cache)


def _changed_sources(
    cache: BuildCache, stored: set[str], key: bytes
) -> Iterator[tuple[str, bytes, bytes]]:
    """The records to write, one at a time: a cold build's would be as large as the site."""
    pack = SourcePacker()
    for path, entry in cache.sources.items():
        if path in stored and cache.saved.get(path) is entry:
            continue
        data = _pack(entry, pack)
        if data is not None:
            yield path, _checksum(data, key), data
            cache.saved[path] = entry


def _write_single(db: sqlite3.Connection, key: bytes, table: str, value: object | None,
                  cache: BuildCache) -> None:  # fmt: skip
    """``value`` as the one record of ``table`` (none if None, or if it cannot be pickled),
    written only when it is not the one there. A record (a dataclass, never changed once
    made) that is the very one saved or loaded is not even pickled again (a reused link
    graph is most of a megabyte), while the file holds the one ``cache.saved_records``
    (table → checksum) says: another build may have saved its own since, which must not
    stay beside this build's records (its graph with this build's link record)."""
    saved = cache.saved_records
    row = db.execute(f"SELECT checksum FROM {table}").fetchone()
    there = row[0] if row else b""
    if (
        there == saved.get(table)
        and dataclasses.is_dataclass(value)
        and value is cache.saved_objects.get(table)
    ):
        return
    data = _pack(value) if value is not None else None
    checksum = _checksum(data, key) if data is not None else b""
    if checksum != there:
        db.execute(f"DELETE FROM {table}")
        if data is not None:
            db.execute(f"INSERT INTO {table} VALUES (?, ?)", (checksum, data))
        saved[table] = checksum
    cache.saved_objects[table] = value


def _connect(database: Path, *, read_only: bool) -> sqlite3.Connection:
    uri = f"{database.absolute().as_uri()}?mode={'ro' if read_only else 'rwc'}"
    return sqlite3.connect(uri, uri=True, timeout=10 if read_only else _TRY_SECONDS)


def _pack(value: Any, pack: Callable[[Any], bytes] = pack_record) -> bytes | None:
    """``value`` pickled by ``pack``; None if it cannot be."""
    try:
        return pack(value)
    except (pickle.PicklingError, TypeError, AttributeError, ValueError):
        return None  # something unpicklable in a record: that entry is simply not saved


def _checksum(data: bytes, key: bytes) -> bytes:
    """The record's MAC: HMAC-SHA-256, done in one call by OpenSSL, which uses the
    processor's SHA instructions where there are: a cold build signs a record of about 19 kB
    an article, and keyed BLAKE2b (hashlib's own code) took twice as long over them, on
    every save and on every load that checks them."""
    return hmac.digest(key, data, "sha256")
