"""What each table of the cache file (``cachefile``) holds, and a loaded record checked to be
what this code saved: records unpickle only into articlegen's dataclasses and enums and
into dates, so a planted file cannot run code, and each must be of its table's type.

A content file's record (``SourceEntry``, one an article) is pickled without a memo, its
classes named by numbers fixed by the code (``_NUMBERED``), each record's class reduced by
its own function (``_REDUCERS``): a memo entry for each of its 200 or so values, its seven
classes each named and looked up in full, and the way through ``__reduce_ex__`` to each
record's reduction cost a third of pickling it, which a cold build does for every article.
The records are read back by one unpickler, which takes the numbers from ``_PRELUDE`` first.
"""

from __future__ import annotations

import copyreg
import dataclasses
import datetime as dt
import enum
import io
import pickle
from collections.abc import Iterator, Sequence
from typing import Any

from ..core import model
from ..core.model import LinkGraph
from . import cache as entries
from .cache import BuildCache, PageEntry, SourceEntry
from .filefacts import Known
from .keys import own_reductions
from .linkrecord import LinkRecord
from .planrecord import PlanRecord

_DATES = {"date", "datetime", "time", "timedelta", "timezone"}


SINGLE = ("pages", "plans", "files", "links", "graph", "templates")
"""The tables that hold one record each (``single_records``)."""


def single_records(cache: BuildCache) -> dict[str, object | None]:
    """What each of ``SINGLE`` holds: every page's key and output stamp; the plan record
    (``planrecord``; none when the build could not make one, and the next plans every
    page); what builds learned from image files (``filefacts``); the last link graph
    (``linkrecord``); the compiled templates (``templates.compile_templates``: Jinja checks
    each against its template's source before use)."""
    stamped = {path: (e.key, e.stamp) for path, e in cache.pages.items() if e.stamp is not None}
    return {
        "pages": (cache.output, stamped),
        "plans": cache.plan_record,
        "files": cache.memos.files.saved(),
        "links": cache.memos.graph.record,
        "graph": cache.memos.graph.graph if cache.memos.graph.record else None,
        "templates": cache.templates,
    }


def take(cache: BuildCache, table: str, value: object) -> None:
    """The record of ``table`` (one of ``SINGLE``) into ``cache``."""
    if table == "pages":
        cache.output, cache.pages = _pages_from(value)
    elif table == "plans":
        if not isinstance(value, PlanRecord):
            raise Corrupt("plans")
        cache.plan_record = value
    elif table == "links":
        if not isinstance(value, LinkRecord):
            raise Corrupt(table)
        cache.memos.graph.record = value
    elif table == "graph":
        if not isinstance(value, LinkGraph):
            raise Corrupt(table)
        cache.memos.graph.graph = value
    elif table == "templates":
        if not (isinstance(value, dict) and all(type(v) is bytes for v in value.values())):
            raise Corrupt("templates")
        cache.templates = value
    else:
        cache.memos.files.known = _facts_from(value)


def _facts_from(value: object) -> Known:
    """The saved file facts, of the shape ``FileFacts`` keeps them in."""
    if not isinstance(value, dict):
        raise Corrupt("files")
    for path, entry in value.items():
        if not (
            isinstance(path, str)
            and isinstance(entry, tuple)
            and len(entry) == 2
            and isinstance(entry[0], tuple)
            and all(isinstance(n, int) for n in entry[0])
            and isinstance(entry[1], dict)
            and all(isinstance(kind, str) for kind in entry[1])
        ):
            raise Corrupt(path)
    return value


def _pages_from(value: object) -> tuple[str | None, dict[str, PageEntry]]:
    if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict)):
        raise Corrupt("pages")
    output, stamped = value
    pages = {}
    for path, (key, stamp) in stamped.items():
        if not (
            isinstance(path, str)
            and isinstance(key, bytes)
            and isinstance(stamp, tuple)
            and len(stamp) == 5
            and all(isinstance(n, int) for n in stamp)
        ):
            raise Corrupt(path)
        pages[path] = PageEntry(key, stamp)
    return (output if isinstance(output, str) else None), pages


def unpack(data: object, classes: dict[tuple[str, str], type]) -> object:
    """A record whose MAC ``_read_rows`` checked, unpickled."""
    if not isinstance(data, bytes):
        raise Corrupt("data")
    return _Unpickler(io.BytesIO(data), classes).load()


def pack_source(entry: SourceEntry) -> bytes:
    """``entry`` pickled for the sources table (``unpack_sources`` reads it); ``ValueError``
    for a value that holds itself, which a pickle without a memo cannot hold."""
    return SourcePacker()(entry)


class SourcePacker:
    """``pack_source`` for the records of one save, with one pickler: making one (its
    dispatch table set, the numbered memo copied in) cost about a tenth of pickling a
    record, and a cold build saves one a content file. A pickler that raised is dropped,
    whatever state it was left in."""

    def __init__(self) -> None:
        self._spare: tuple[io.BytesIO, pickle.Pickler] | None = None

    def __call__(self, entry: SourceEntry) -> bytes:
        spare, self._spare = self._spare, None
        if spare is None:
            buffer = io.BytesIO()
            spare = (buffer, _source_pickler(buffer))
        buffer, pickler = spare
        buffer.seek(0)
        buffer.truncate()
        pickler.dump(entry)
        self._spare = spare
        return buffer.getvalue()


def _source_pickler(buffer: io.BytesIO) -> pickle.Pickler:
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.memo = _NUMBERED
    pickler.dispatch_table = _REDUCERS
    return pickler


def pack_record(value: object) -> bytes:
    """``value`` pickled for its table of ``SINGLE``, as ``pickle.dumps`` pickles it (with a
    memo: the link graph shares its links between its lists), each record of ``core.model``
    reduced by its own function (``_REDUCERS``): the graph's 40,000 records or so are
    pickled a fifth faster."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _REDUCERS
    pickler.dump(value)
    return buffer.getvalue()


def unpack_sources(
    datas: Sequence[object], classes: dict[tuple[str, str], type]
) -> Iterator[object]:
    """The records ``pack_source`` made, whose MACs ``_read_rows`` checked, each unpickled
    from its own bytes exactly."""
    blobs = [data if isinstance(data, bytes) else b"" for data in datas]
    if not all(blobs):
        raise Corrupt("data")
    stream = io.BytesIO(b"".join([_PRELUDE, *blobs]))
    unpickler = _Unpickler(stream, classes)
    if unpickler.load() != _CLASSES:
        raise Corrupt("prelude")
    end = len(_PRELUDE)
    for data in blobs:
        value = unpickler.load()
        end += len(data)
        if stream.tell() != end:
            raise Corrupt("data")
        yield value


def _numbered_classes() -> tuple[type, ...]:
    """The classes of a content file's record: ``SourceEntry``, the records and enums of
    ``core.model`` (by name, so the same for the same code) and dates."""
    found: list[type] = [SourceEntry]
    for _, value in sorted(vars(model).items()):
        if (
            isinstance(value, type)
            and value.__module__ == model.__name__
            and (dataclasses.is_dataclass(value) or issubclass(value, enum.Enum))
        ):
            found.append(value)
    return (*found, dt.date, dt.datetime, dt.time, dt.timedelta, dt.timezone)


def _numbering(classes: tuple[type, ...]) -> tuple[bytes, dict[int, tuple[int, object]]]:
    """A pickle of ``classes`` and the memo pickling it left: an unpickler that has read
    the pickle holds each class under the number the memo gives it."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dump(classes)
    return buffer.getvalue(), pickler.memo.copy()


_CLASSES = _numbered_classes()
_PRELUDE, _NUMBERED = _numbering(_CLASSES)
_REDUCERS: dict[type, Any] = {
    **copyreg.dispatch_table,
    **own_reductions(model),
    **own_reductions(entries),
    **{kind: kind.__reduce__ for kind in (dt.date, dt.timedelta, dt.timezone)},
}
"""Each record by its own reduction, and days, time spans and zones by their ``__reduce__``
at once rather than by way of ``object.__reduce_ex__``: the same bytes (a date-time and a
time reduce themselves by protocol, which keeps their ``fold``)."""


class Corrupt(Exception):
    """A saved record is not what this version of the code wrote."""


class _Unpickler(pickle.Unpickler):
    """Only articlegen's dataclasses and enums, and dates: a cache file cannot run code.
    ``classes`` remembers those already allowed, shared by the records of one load."""

    def __init__(self, data: io.BytesIO, classes: dict[tuple[str, str], type]) -> None:
        super().__init__(data)
        self.classes = classes

    def find_class(self, module: str, name: str) -> type:
        known = self.classes.get((module, name))
        if known is not None:
            return known
        found = super().find_class(module, name) if _allowed(module, name) else None
        if isinstance(found, type) and (
            module == "datetime" or dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)
        ):
            self.classes[module, name] = found
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the build cache")


def _allowed(module: str, name: str) -> bool:
    return (module == "datetime" and name in _DATES) or (
        module.startswith("articlegen.") and not name.startswith("_")
    )
