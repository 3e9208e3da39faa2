"""Pagefind indexes of parts of a site, read and merged into the one index of the whole site.

Pagefind rebuilds its whole index on every run; indexing the site in shards (a few dozen
pages each) and re-indexing only the shards whose pages changed makes a search index cost
what changed. Pagefind's own ``mergeIndex`` (several bundles searched side by side) ranks
each bundle's results by that bundle's statistics (its page count, average page length and
how many of its pages hold a word), so its merged ranking differs from one index's; so the
shards are merged here, into exactly the index one Pagefind run over the same pages, in the
same order, makes (the word lists, pages and fragments: tests/unit/test_pagefindindex.py
decodes both and compares), and the search page loads one index as before.

The files are gzipped ``pagefind_dcd`` + CBOR. A word chunk (``index/*.pf_index``) is
``[[word, pages, [[variant, pages], …]], …]`` and each page entry ``[page, locations,
extras]``, where ``page`` is the difference from the previous entry's page and ``extras``
the word's places in the page's metadata (its title, tags), each field written as its
number in the index's sorted list of fields: so a shard's entries move into the whole index
unchanged but for the first of each word's list, and the field numbers of a shard that
lacks a field another has. This layout is Pagefind 1.5's (``SUPPORTED``); anything else read
is ``UnknownIndex``, and the caller indexes the site in one run instead.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..core.records import record
from .pagefindcbor import UnknownIndex as UnknownIndex
from .pagefindcbor import (
    array,
    expect,
    read_head,
    read_item,
    read_text,
    skip_ints,
    text,
    write_head,
)

SUPPORTED = ("1.5.",)
"""Pagefind versions whose index layout this module reads (the ``version`` of the entry)."""
SIGNATURE = b"pagefind_dcd"
"""What every compressed file of the index starts with, once decompressed."""
CHUNK_SIZE = 20000
"""Locations (and entries) per word chunk, as Pagefind splits its word index."""
COMPRESSION = 1
"""gzip level of the merged files: a quarter of the time of level 6, for files about 9 %
larger than Pagefind's own (on the bench corpus); a query fetches only a few of them."""
_ENTRY = "pagefind-entry.json"
_SMALL = [bytes([value]) for value in range(24)]
"""CBOR's unsigned integers below 24: one byte each (most page differences)."""
_FRAGMENTS, _CHUNKS = "fragment/", "index/"

Run = tuple[int, int, int, int, bytes, bytes]
"""One word's entries in one shard: (count, first page, last page, size, the first entry
after its page number, every later entry as Pagefind encoded it). Plain tuples, so a
shard is kept with ``marshal`` (``searchstate``)."""
Word = tuple[Run, tuple[tuple[str, Run], ...]]
"""A word's entries and its variants' (the forms with diacritics) in one shard."""
Reuse = Callable[[str, str], "bytes | None"]
"""The compressed file an earlier index had at a path (``index/…``) with an uncompressed
body of a given SHA-1 (hex), if it had that one; else None."""


@record
class ShardIndex:
    """The index Pagefind made of one shard's pages, in the parts a merge needs."""

    entry: bytes
    """``pagefind-entry.json`` as Pagefind wrote it (its version and language)."""
    language: str
    pages: tuple[tuple[str, int], ...]
    """Each page's fragment name and word count, in the order the pages were indexed."""
    words: dict[str, Word]
    meta_fields: tuple[str, ...]
    fragments: dict[str, bytes]
    """Fragment file name (``fragment/…``) → its bytes as Pagefind wrote them."""

    def as_data(self) -> tuple[Any, ...]:
        return (self.entry, self.language, self.pages, self.words, self.meta_fields,
                self.fragments)  # fmt: skip


def empty_shard() -> ShardIndex:
    """The index of a shard with no page to index."""
    return ShardIndex(b"", "", (), {}, (), {})


def read_shard(files: dict[str, bytes]) -> ShardIndex:
    """The parts of the index in ``files`` (path in the index folder → bytes, as Pagefind
    gave them); ``UnknownIndex`` if it is not a layout this module merges."""
    try:
        entry = json.loads(files[_ENTRY])
        version, languages = entry["version"], entry["languages"]
        if not str(version).startswith(SUPPORTED) or len(languages) != 1:
            raise UnknownIndex(f"Pagefind {version}, languages {sorted(languages)}")
        (language, about), = languages.items()  # fmt: skip
        meta = _decoded(files[f"pagefind.{about['hash']}.pf_meta"])
        _, pages, chunks, filters, sorts, fields = meta
        if filters or sorts:
            raise UnknownIndex("filters or sorts")
        words: dict[str, Word] = {}
        for chunk in _listed(chunks):
            words.update(_chunk_words(_raw(files[f"{_CHUNKS}{_listed(chunk)[2]}.pf_index"])))
        return ShardIndex(
            files[_ENTRY], language,
            tuple((str(n), _number(c)) for n, c in map(_listed, _listed(pages))), words,
            tuple(str(field) for field in _listed(fields)),
            {path: data for path, data in files.items() if path.startswith(_FRAGMENTS)},
        )  # fmt: skip
    except UnknownIndex:
        raise
    except (KeyError, ValueError, TypeError, IndexError, UnicodeDecodeError, OSError) as exc:
        raise UnknownIndex(f"unexpected index: {exc!r}") from exc


def shard_from_data(data: object) -> ShardIndex:
    """The shard ``ShardIndex.as_data`` gave (``ValueError`` if it is not one)."""
    if not (isinstance(data, tuple) and len(data) == 6):
        raise ValueError("not a shard index")
    entry, language, pages, words, fields, fragments = data
    if not (isinstance(words, dict) and isinstance(fragments, dict)):
        raise ValueError("not a shard index")
    return ShardIndex(entry, language, pages, words, fields, fragments)


@record
class MergedIndex:
    """The files of a merged index, and what a later merge needs to reuse them."""

    files: dict[str, bytes]
    """Path in the index folder → bytes, without Pagefind's program files."""
    chunks: dict[str, str]
    """Each word chunk's path → the SHA-1 of its uncompressed body."""


def merge_shards(shards: Sequence[ShardIndex], reuse: Reuse | None = None) -> MergedIndex:
    """The index of every shard's pages, shard after shard (each in its own order): the
    same index one run over those pages would make. A word chunk whose body an earlier
    index had (``reuse``) is its file again rather than compressed anew: an edit changes
    the chunks of the words it moved, and compressing is most of a merge's time.
    ``UnknownIndex`` if the shards disagree (language, version)."""
    used = [shard for shard in shards if shard.pages]
    if not used:
        raise UnknownIndex("no page to index")
    if len({(s.language, _version(s)) for s in used}) != 1:
        raise UnknownIndex("shards of different languages or Pagefind versions")
    language, version = used[0].language, _version(used[0])
    files: dict[str, bytes] = {}
    pages = _merged_pages(used, files)
    chunks: list[list[str]] = []
    digests = {}
    fields = sorted({field for shard in used for field in shard.meta_fields})
    for words in _chunked(_merged_words(used, fields)):
        body = array(1) + array(len(words)) + b"".join(data for _, data in words)
        digest = _sha1(body)
        name = _unique(f"{language}_{_hex(digest)}", len(language) + 8, files, _CHUNKS, ".pf_index")
        path = f"{_CHUNKS}{name}.pf_index"
        files[path] = (reuse(path, digest) if reuse else None) or _compressed(body)
        digests[path] = digest
        chunks.append([words[0][0], words[-1][0], name])
    meta = b"".join([
        array(6), text(version),
        array(len(pages)), *(array(2) + text(name) + write_head(0, count) for name, count in pages),
        array(len(chunks)), *(array(3) + b"".join(map(text, c)) for c in _trimmed(chunks)),
        array(0), array(0),
        array(len(fields)), *map(text, fields),
    ])  # fmt: skip
    meta_name = f"{language}_{_hex(_sha1(meta))[: len(language) + 8]}"
    files[f"pagefind.{meta_name}.pf_meta"] = _compressed(meta)
    entry = json.loads(used[0].entry)
    entry["languages"] = {language: {**entry["languages"][language], "hash": meta_name,
                                     "page_count": len(pages)}}  # fmt: skip
    files[_ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
    return MergedIndex(files, digests)


def _trimmed(chunks: list[list[str]]) -> list[list[str]]:
    """Each chunk's first and last word cut, as Pagefind cuts them, to the prefixes that
    tell it from its neighbours (``['anger', 'build'], ['burnout', …]`` is ``['ang',
    'bui'], ['bur', …]``): a query loads the chunks whose range holds its words, so
    a range of whole words could load others. ``chunks`` is [first, last, name] each."""
    for before, after in itertools.pairwise(chunks):
        last, first = before[1], after[0]
        same = len(os.path.commonprefix([first, last])) + 1  # noqa: RUF071 (not paths)
        if last[:same] >= before[0]:
            before[1] = last[:same]
        after[0] = first[:same]
    return chunks


def _version(shard: ShardIndex) -> str:
    return str(json.loads(shard.entry)["version"])


def _merged_pages(shards: Sequence[ShardIndex], files: dict[str, bytes]) -> list[tuple[str, int]]:
    """Every shard's pages in order, their fragments added to ``files``; two fragments
    whose short names collide (two shards never saw each other) get longer ones, as
    Pagefind does within one run."""
    pages = []
    for shard in shards:
        for name, count in shard.pages:
            data = shard.fragments[f"{_FRAGMENTS}{name}.pf_fragment"]
            path = f"{_FRAGMENTS}{name}.pf_fragment"
            if files.get(path, data) != data:
                full = f"{shard.language}_{_hex(_sha1(_raw(data)))}"
                name = _unique(full, len(name) + 1, files, _FRAGMENTS, ".pf_fragment", data)
                path = f"{_FRAGMENTS}{name}.pf_fragment"
            files[path] = data
            pages.append((name, count))
    return pages


def _unique(
    full: str, length: int, files: dict[str, bytes], folder: str, suffix: str,
    data: bytes | None = None,
) -> str:  # fmt: skip
    """The shortest prefix of ``full`` from ``length`` on not naming another file."""
    name = full[:length]
    while (taken := files.get(f"{folder}{name}{suffix}")) is not None and taken != data:
        if len(name) >= len(full):
            raise UnknownIndex(f"two files named {name}")
        name = full[: len(name) + 1]
    return name


def _merged_words(
    shards: Sequence[ShardIndex], fields: Sequence[str]
) -> Iterable[tuple[str, bytes, int]]:
    """Each word of any shard, in Pagefind's order (by its UTF-8 bytes, as code points
    sort), with its encoding in the whole index and its size for chunking; the metadata
    fields its entries name are numbered as in ``fields``, the whole index's."""
    runs: dict[str, list[tuple[int, Run]]] = {}
    forms: dict[str, list[tuple[int, tuple[tuple[str, Run], ...]]]] = {}  # the few with any
    offset = 0
    for shard in shards:
        for word, (run, its_forms) in _renumbered(shard, fields).items():
            if (found := runs.get(word)) is None:
                runs[word] = [(offset, run)]
            else:
                found.append((offset, run))
            if its_forms:
                forms.setdefault(word, []).append((offset, its_forms))
        offset += len(shard.pages)
    for word in sorted(runs):
        variants: dict[str, list[tuple[int, Run]]] = {}
        for start, each in forms.get(word, ()):
            for form, variant in each:
                variants.setdefault(form, []).append((start, variant))
        encoded, size = [array(3), text(word), _runs(runs[word]), array(len(variants))], 0
        for form in sorted(variants):
            encoded += [array(2), text(form), _runs(variants[form])]
            size += sum(run[3] for _, run in variants[form])
        yield word, b"".join(encoded), size + sum(run[3] for _, run in runs[word])


def _runs(runs: Sequence[tuple[int, Run]]) -> bytes:
    """One list of page entries from the shards' runs, each starting ``offset`` pages in:
    only the first entry of each run gets a new page difference."""
    out = [array(sum(run[0] for _, run in runs))]
    previous = 0
    for offset, (count, first, last, _, head, tail) in runs:
        if count:
            delta = offset + first - previous
            out += (b"\x83", _SMALL[delta] if delta < 24 else write_head(0, delta), head, tail)
            previous = offset + last
    return b"".join(out)


def _renumbered(shard: ShardIndex, fields: Sequence[str]) -> dict[str, Word]:
    """The shard's words, their metadata fields numbered as in ``fields``. A word found in a
    page's metadata (its title, its tags) names the field by its place in the index's sorted
    list of fields; a shard without a field another has ("image": no page of it has a
    picture) numbers the later ones lower."""
    if shard.meta_fields == tuple(fields):
        return shard.words
    number = [fields.index(field) for field in shard.meta_fields]
    return {
        word: (
            _fields_renumbered(run, number),
            tuple((form, _fields_renumbered(variant, number)) for form, variant in forms),
        )
        for word, (run, forms) in shard.words.items()
    }


def _fields_renumbered(run: Run, number: Sequence[int]) -> Run:
    count, first, last, size, head, tail = run
    parts, i = [], 0
    while i < len(tail):  # each later entry: [page difference, locations, metadata's]
        start = i
        i = skip_ints(tail, expect(tail, i, 4, 3), 1)
        parts.append(tail[start:i])
        entry, i = _locations_renumbered(tail, i, number)
        parts.append(entry)
    head = _locations_renumbered(head, 0, number)[0] if count else head
    return (count, first, last, size, head, b"".join(parts))


def _locations_renumbered(data: bytes, i: int, number: Sequence[int]) -> tuple[bytes, int]:
    """An entry's locations and metadata locations from ``i``, a metadata field numbered
    ``n`` (written -1 - n before its locations) numbered ``number[n]``; and where it ends."""
    start = i
    locations, i = read_head(data, i, 4)
    extras, i = read_head(data, skip_ints(data, i, locations), 4)
    parts = [data[start:i]]
    for _ in range(extras):
        end = skip_ints(data, i, 1)
        if data[i] >> 5 == 1:  # a negative integer: a field's number
            parts.append(write_head(1, number[read_head(data, i, 1)[0]]))
        else:
            parts.append(data[i:end])
        i = end
    return b"".join(parts), i


def _chunked(words: Iterable[tuple[str, bytes, int]]) -> Iterable[list[tuple[str, bytes]]]:
    chunk: list[tuple[str, bytes]] = []
    size = 0
    for word, data, weight in words:
        chunk.append((word, data))
        size += weight
        if size >= CHUNK_SIZE:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _chunk_words(data: bytes) -> dict[str, Word]:
    """The words of one decompressed word chunk, each run kept as encoded."""
    words: dict[str, Word] = {}
    i = expect(data, 0, 4, 1)
    count, i = read_head(data, i, 4)
    for _ in range(count):
        i = expect(data, i, 4, 3)
        word, i = read_text(data, i)
        run, i = _run(data, i)
        variants, i = read_head(data, i, 4)
        forms = []
        for _ in range(variants):
            i = expect(data, i, 4, 2)
            form, i = read_text(data, i)
            variant, i = _run(data, i)
            forms.append((form, variant))
        words[word] = (run, tuple(forms))
    if i != len(data):
        raise UnknownIndex("trailing bytes in a word chunk")
    return words


def _run(data: bytes, i: int) -> tuple[Run, int]:
    count, i = read_head(data, i, 4)
    page = first = size = 0
    head, start = b"", i
    for number in range(count):
        i = expect(data, i, 4, 3)
        delta, i = read_head(data, i, 0)
        page += delta
        after = i
        locations, i = read_head(data, i, 4)
        i = skip_ints(data, i, locations)
        extras, i = read_head(data, i, 4)
        i = skip_ints(data, i, extras)
        size += locations + extras + 1
        if number == 0:
            first, head, start = page, data[after:i], i
    return (count, first, page, size, head, data[start:i]), i


def _decoded(data: bytes) -> list[object]:
    """A small compressed file (the meta index) decoded whole."""
    raw = _raw(data)
    value, end = read_item(raw, 0)
    if end != len(raw) or not isinstance(value, list) or len(value) != 6:
        raise UnknownIndex("unexpected meta index")
    return value


def _listed(value: object) -> list[object]:
    if not isinstance(value, list):
        raise UnknownIndex(f"expected a list in the meta index, found {value!r}")
    return value


def _number(value: object) -> int:
    if not isinstance(value, int):
        raise UnknownIndex(f"expected a number in the meta index, found {value!r}")
    return value


def _raw(data: bytes) -> bytes:
    raw = gzip.decompress(data)
    if not raw.startswith(SIGNATURE):
        raise UnknownIndex("a file without Pagefind's signature")
    return raw[len(SIGNATURE) :]


def _compressed(body: bytes) -> bytes:
    return gzip.compress(SIGNATURE + body, compresslevel=COMPRESSION, mtime=0)


def _hex(digest: str) -> str:
    """A hash written as Pagefind names its files: each byte in hex without a leading zero
    (``0c8f86…`` is ``c8f86…``). A chunk named otherwise sorted elsewhere among the chunks a
    query loads, and its words' scores were added in another order (the last digits)."""
    return "".join(f"{byte:x}" for byte in bytes.fromhex(digest))


def _sha1(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()
