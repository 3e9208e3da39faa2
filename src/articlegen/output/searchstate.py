"""The search index's state kept between builds, in ``.articlegen-cache/search/``.

* ``shard-NAME``: one shard's Pagefind index, read (``pagefindindex.ShardIndex``);
* ``bundle-NAME/``: the last whole index, merged from the shards, as published;
* ``manifest.json``: which page was indexed from which file and in which shard, and
  which shard files and bundle are current, with the stamps of the bundle's files.

Shard files and bundles are never changed once written, only replaced under a new name;
the manifest names the current ones and is written last, in one rename: a build stopped at
any point leaves the previous manifest and every file it names. Shard files are ``marshal``
data (plain values, no code) behind a MAC of the cache's secret (``cachefile.sealed``), so
a planted or damaged file is ignored, like a cache record. Anything unreadable is as if
missing: that shard is indexed again. A bundle is published as it is, so it is used only
while its files' stamps are those it was made with (``stamps``): one damaged, replaced,
removed or added by hand (or through its hard link in the published site) makes it as if
missing, and the index is merged again from the shards.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import re
import secrets
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..incremental.cachefile import sealed, unsealed
from .pagefindindex import ShardIndex, shard_from_data
from .searchpages import IndexedPage, Stamp
from .staging import make_folder_of, same_bytes

MANIFEST = "manifest.json"
_NAME = re.compile(r"[0-9a-f]{16}")


@dataclass(slots=True)
class Manifest:
    """What the last indexing left: its key (the Pagefind program and articlegen's code),
    shard count, pages, shard files and bundle, the digest of each word chunk of the
    bundle (``pagefindindex.MergedIndex.chunks``), the stamp of each page found with
    nothing to index (``searchpages.Survey.plain``) and the digest of the bundle's files'
    stamps (``SearchStore.stamps``)."""

    key: str = ""
    count: int = 0
    pages: dict[str, IndexedPage] = field(default_factory=dict)
    shards: dict[int, str] = field(default_factory=dict)
    bundle: str | None = None
    chunks: dict[str, str] = field(default_factory=dict)
    plain: dict[str, Stamp] = field(default_factory=dict)
    files: str = ""


class SearchStore:
    """The folder of the search state; ``secret_folder`` holds the cache's secret."""

    def __init__(self, folder: Path, secret_folder: Path) -> None:
        self.folder, self.secret_folder = folder, secret_folder

    def manifest(self, key: str) -> Manifest:
        """The manifest, if it is there, readable and made under ``key``; else an empty one."""
        try:
            data = json.loads((self.folder / MANIFEST).read_bytes())
            if data["key"] != key:
                return Manifest(key)
            pages = {
                str(path): IndexedPage((dev, ino, size, mtime), str(sha1), int(shard))
                for path, (dev, ino, size, mtime, sha1, shard) in data["pages"].items()
            }
            shards = {int(s): _name(n) for s, n in data["shards"].items()}
            bundle = _name(data["bundle"]) if data["bundle"] is not None else None
            chunks = {str(path): str(digest) for path, digest in data["chunks"].items()}
            plain = {str(path): _stamp(stamp) for path, stamp in data["plain"].items()}
            files = str(data["files"])
            return Manifest(key, int(data["count"]), pages, shards, bundle, chunks, plain, files)
        except (OSError, ValueError, TypeError, KeyError):
            return Manifest(key)

    def shard(self, name: str) -> ShardIndex | None:
        try:
            data = unsealed(self.secret_folder, (self.folder / f"shard-{name}").read_bytes())
            return shard_from_data(marshal.loads(data)) if data is not None else None
        except (OSError, ValueError, EOFError, TypeError):
            return None

    def put_shard(self, shard: ShardIndex) -> str:
        name = secrets.token_hex(8)
        data = sealed(self.secret_folder, marshal.dumps(shard.as_data()))
        _write_new(self.folder / f"shard-{name}", data)
        return name

    def bundle(self, name: str | None) -> Path | None:
        """The bundle's folder, if it is there."""
        found = self.folder / f"bundle-{name}" if name else None
        return found if found is not None and found.is_dir() else None

    def stamps(self, bundle: Path) -> str:
        """A digest of the path, inode, size and modification time of every file of the
        ``bundle`` folder: one ``stat`` a file, no file read (at 2,000 articles 2,100
        files, about 8 ms, where reading and hashing them took 40 to 80 ms). Linking a file
        elsewhere changes none of them; writing, truncating, replacing, removing or adding
        one does. Empty if the folder cannot be read."""
        found: list[str] = []
        try:
            _stamped(str(bundle), "", found)
        except OSError:
            return ""
        return hashlib.blake2b("\n".join(sorted(found)).encode(), digest_size=16).hexdigest()

    def put_bundle(self, files: Mapping[str, bytes], previous: Path | None) -> str:
        """A new bundle of ``files``; each linked from the ``previous`` bundle when it
        has the same bytes there (most of them: kept shards' fragments, unchanged word
        chunks, Pagefind's program): a file linked is one the published index need not
        link anew (``search``). A name is not enough: a fragment's is 7 hex digits of its
        hash, which two pages' fragments can share (one is then named longer, and takes
        the short name once the other is gone)."""
        name = secrets.token_hex(8)
        temporary = self.folder / f"bundle-{name}.partial"
        staged, made = f"{temporary}/", set[str]()  # each file's own mkdir cost the most
        for relative, data in files.items():
            target, source = staged + relative, f"{previous}/{relative}"
            make_folder_of(staged, relative, made)
            if previous is not None and same_bytes(source, data):
                with contextlib.suppress(OSError):
                    os.link(source, target)
                    continue
            with open(target, "wb") as file:
                file.write(data)
        temporary.rename(self.folder / f"bundle-{name}")
        return name

    def commit(self, manifest: Manifest) -> None:
        """Write ``manifest`` in one rename, then delete the shard files and bundles it
        does not name (a stopped build's too)."""
        pages = {p: [*page.stamp, page.sha1, page.shard] for p, page in manifest.pages.items()}
        data = {
            "key": manifest.key, "count": manifest.count, "pages": pages,
            "shards": {str(s): n for s, n in sorted(manifest.shards.items())},
            "bundle": manifest.bundle, "chunks": manifest.chunks, "plain": manifest.plain,
            "files": manifest.files,
        }  # fmt: skip
        temporary = self.folder / f"{MANIFEST}.partial"
        temporary.write_bytes(json.dumps(data, separators=(",", ":")).encode("utf-8"))
        temporary.replace(self.folder / MANIFEST)
        kept = {f"shard-{n}" for n in manifest.shards.values()} | {f"bundle-{manifest.bundle}"}
        for entry in self.folder.iterdir():
            if entry.name != MANIFEST and entry.name not in kept:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)

    def usable(self) -> bool:
        """Whether the folder is there or could be made (not where a file is, say): if
        not, the index is made without a kept state, and the cache says it cannot be
        saved."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        return True


def _stamped(folder: str, prefix: str, found: list[str]) -> None:
    """Each file under ``folder`` as ``path inode size mtime`` (``prefix`` before its path)
    into ``found``."""
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False):
            _stamped(entry.path, f"{prefix}{entry.name}/", found)
        else:
            stat = entry.stat(follow_symlinks=False)
            found.append(f"{prefix}{entry.name} {stat.st_ino} {stat.st_size} {stat.st_mtime_ns}")


def _stamp(value: object) -> Stamp:
    if not (isinstance(value, list) and len(value) == 4):
        raise ValueError(f"not a file stamp: {value!r}")
    device, inode, size, mtime = map(int, value)
    return (device, inode, size, mtime)


def _name(value: object) -> str:
    if not (isinstance(value, str) and _NAME.fullmatch(value)):
        raise ValueError(f"not a state file name: {value!r}")
    return value


def _write_new(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".partial")
    temporary.write_bytes(data)
    temporary.rename(path)
