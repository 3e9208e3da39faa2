"""Shards of a Pagefind index merged into the index one Pagefind run makes of the same pages."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from articlegen.core.programs import find_pagefind
from articlegen.output.pagefindindex import (
    SIGNATURE,
    ShardIndex,
    UnknownIndex,
    merge_shards,
    read_shard,
)
from articlegen.output.pagefindrun import run_pagefind
from articlegen.output.searchpages import shard_of
from tests.helpers import pagefind_cbor

WORDS = ["zinc", "sleep", "testosterone", "café", "naïve", "résumé", "heart", "liver", "über"]
WORDS += ["cafe", "resume", "walking", "walked", "walks", "prostate", "vitamin", "d", "omega-3"]


@pytest.fixture
def pagefind() -> Path:
    found = find_pagefind()
    if found is None:
        pytest.skip("Pagefind is not installed: pip install 'articlegen[search]'")
    return found


def write_site(folder: Path, count: int) -> list[str]:
    """``count`` article pages of varied length and words (headings weigh more, some
    words carry diacritics), and a listing without ``data-pagefind-body``."""
    pages = []
    for n in range(count):
        words = [WORDS[(n * 7 + k * k) % len(WORDS)] for k in range(5 + (n * 13) % 40)]
        relative = f"a{n:02d}/index.html"
        target = folder / relative
        target.parent.mkdir(parents=True)
        target.write_text(
            f'<!DOCTYPE html><html lang="en"><head><title>T{n}</title></head><body>'
            f"<article data-pagefind-body><h1>{WORDS[n % len(WORDS)]} {n}</h1>"
            f"<h2>{' '.join(words[:3])}</h2><p>{' '.join(words)}.</p>"
            f'<img src="/i{n}.png" alt="{words[0]}"></article></body></html>',
            encoding="utf-8",
        )
        pages.append(relative)
    return pages


def decoded(files: dict[str, bytes]) -> dict[str, object]:
    """What an index says, whatever its chunking and compression: the entry's count, the
    meta index's pages and fields, every word's entries, every fragment."""
    entry = json.loads(files["pagefind-entry.json"])
    ((language, about),) = entry["languages"].items()
    meta = pagefind_cbor(files[f"pagefind.{about['hash']}.pf_meta"])
    words = {}
    for _, _, chunk in meta[2]:
        for word, *rest in pagefind_cbor(files[f"index/{chunk}.pf_index"])[0]:
            words[word] = rest
    fragments = {p: gzip.decompress(d) for p, d in files.items() if p.startswith("fragment/")}
    return {
        "version": entry["version"],
        "language": language,
        "count": about["page_count"],
        "meta": [meta[0], meta[1], meta[3], meta[4], meta[5]],
        "words": words,
        "fragments": fragments,
    }


def pagefind_hash(data: bytes) -> str:
    """The SHA-1 of ``data`` as Pagefind writes it in a file's name: each byte in hex,
    without a leading zero."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


def sharded(pages: list[str], count: int) -> list[list[str]]:
    return [[p for p in pages if shard_of(p, count) == s] for s in range(count)]


def test_merged_shards_are_the_index_one_run_makes_of_the_same_pages(
    tmp_path: Path, pagefind: Path
) -> None:
    pages = write_site(tmp_path, 40)
    shards = sharded(pages, 4)
    assert all(shards) and sum(map(len, shards)) == 40
    merged = merge_shards([read_shard(run_pagefind(pagefind, tmp_path, s)) for s in shards]).files
    single = run_pagefind(pagefind, tmp_path, [p for shard in shards for p in shard])
    assert decoded(merged) == decoded(single)
    assert decoded(merged)["count"] == 40
    variants = decoded(merged)["words"]["cafe"][1]  # "café", a variant of "cafe"
    assert [form for form, _ in variants] == ["café"]


def test_one_shard_merged_is_pagefinds_own_word_chunks_byte_for_byte(
    tmp_path: Path, pagefind: Path
) -> None:
    pages = write_site(tmp_path, 12)
    single = run_pagefind(pagefind, tmp_path, pages)
    merged = merge_shards([read_shard(single)]).files
    chunks = {p: gzip.decompress(d) for p, d in merged.items() if p.startswith("index/")}
    original = {p: gzip.decompress(d) for p, d in single.items() if p.startswith("index/")}
    assert chunks == original  # small enough for one chunk: the same name, the same bytes
    for path, raw in chunks.items():  # named as Pagefind names them
        assert path == f"index/en_{pagefind_hash(raw[len(SIGNATURE) :])[:7]}.pf_index"


def test_a_word_chunk_an_earlier_index_had_is_its_file_again(
    tmp_path: Path, pagefind: Path
) -> None:
    shards = [read_shard(run_pagefind(pagefind, tmp_path, write_site(tmp_path, 12)))]
    first = merge_shards(shards)
    for path, digest in first.chunks.items():  # the SHA-1 of the body, uncompressed
        assert (
            hashlib.sha1(gzip.decompress(first.files[path])[len(SIGNATURE) :]).hexdigest() == digest
        )
    asked: list[tuple[str, str]] = []

    def earlier(path: str, digest: str) -> bytes | None:
        asked.append((path, digest))
        return b"the earlier file" if first.chunks[path] == digest else None

    again = merge_shards(shards, earlier)
    assert sorted(asked) == sorted(first.chunks.items()) and again.chunks == first.chunks
    assert {again.files[path] for path in first.chunks} == {b"the earlier file"}
    assert merge_shards(shards, lambda path, digest: None).files == first.files


def write_titled_site(folder: Path, count: int) -> list[str]:
    """``count`` article pages whose title and tags are metadata only (in an ignored
    header, as the theme writes them: Pagefind searches them), a third with no picture
    (no ``image`` field), a third with no tags: so shards hold different metadata fields."""
    pages = []
    for n in range(count):
        words = [WORDS[(n * 5 + k * k) % len(WORDS)] for k in range(4 + (n * 11) % 30)]
        tags = "" if n % 3 == 1 else f' data-pagefind-meta="tags:{WORDS[n % 7]}, liver"'
        picture = "" if n % 3 == 2 else f'<img src="/i{n}.png" alt="{words[0]}">'
        relative = f"t{n:02d}/index.html"
        target = folder / relative
        target.parent.mkdir(parents=True)
        target.write_text(
            f'<!DOCTYPE html><html lang="en"><head><title>T{n}</title></head><body>'
            f"<article data-pagefind-body><header data-pagefind-ignore><h1 data-pagefind-meta="
            f'"title">{WORDS[(n + 3) % len(WORDS)]} heart {n}</h1><ul{tags}><li>x</li></ul>'
            f"</header>{picture}<p>{' '.join(words)}.</p></article></body></html>",
            encoding="utf-8",
        )
        pages.append(relative)
    return pages


def test_shards_with_other_metadata_fields_merge_into_the_index_of_one_run(
    tmp_path: Path, pagefind: Path
) -> None:
    """A word found in a page's metadata (its title, its tags) records the field by its
    number in the index's sorted list of fields: a shard without the "image" field numbers
    "title" 1 where the whole index numbers it 2."""
    pages = write_titled_site(tmp_path, 30)
    shards = [s for s in sharded(pages, 8) if s]
    read = [read_shard(run_pagefind(pagefind, tmp_path, s)) for s in shards]
    assert len({shard.meta_fields for shard in read}) > 1
    merged = merge_shards(read).files
    single = run_pagefind(pagefind, tmp_path, [p for shard in shards for p in shard])
    assert decoded(merged) == decoded(single)
    assert decoded(merged)["meta"][-1] == ["image", "image_alt", "tags", "title"]
    assert set(merged) <= set(single)  # every file named as Pagefind names it


def test_filters_are_left_to_one_run(tmp_path: Path, pagefind: Path) -> None:
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<html lang="en"><body><article data-pagefind-body><h1>Zinc</h1>'
        '<p data-pagefind-filter="topic">Minerals</p></article></body></html>'
    )
    with pytest.raises(UnknownIndex, match="filters"):
        read_shard(run_pagefind(pagefind, tmp_path, ["a/index.html"]))


def test_an_index_of_another_layout_is_not_merged() -> None:
    entry = b'{"version":"0.12.0","languages":{"en":{"hash":"en_1","page_count":1}}}'
    with pytest.raises(UnknownIndex, match=r"0\.12\.0"):
        read_shard({"pagefind-entry.json": entry})
    with pytest.raises(UnknownIndex):
        read_shard({"pagefind.js": b"x"})


def fragment(url: str) -> bytes:
    return gzip.compress(SIGNATURE + json.dumps({"url": url}).encode(), mtime=0)


def test_two_shards_fragments_with_the_same_short_name_get_longer_ones() -> None:
    entry = b'{"version":"1.5.2","languages":{"en":{"hash":"en_0","wasm":"en","page_count":1}}}'

    def shard(url: str) -> ShardIndex:
        return ShardIndex(
            entry, "en", (("en_abcdef0", 3),), {}, ("title",),
            {"fragment/en_abcdef0.pf_fragment": fragment(url)},
        )  # fmt: skip

    merged = merge_shards([shard("/a/"), shard("/b/")]).files
    names = sorted(p for p in merged if p.startswith("fragment/"))
    assert len(names) == 2 and "fragment/en_abcdef0.pf_fragment" in names
    longer = next(n for n in names if n != "fragment/en_abcdef0.pf_fragment")
    raw = gzip.decompress(merged[longer])[len(SIGNATURE) :]
    assert json.loads(raw) == {"url": "/b/"}
    assert longer.startswith("fragment/en_" + pagefind_hash(raw)[:8])
    meta_name = json.loads(merged["pagefind-entry.json"])["languages"]["en"]["hash"]
    pages = pagefind_cbor(merged[f"pagefind.{meta_name}.pf_meta"])[1]
    assert [name for name, _ in pages] == ["en_abcdef0", longer.removeprefix("fragment/")[:-12]]
