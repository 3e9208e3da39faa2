"""Up-to-date builds: when nothing a build reads has changed since the last successful
build, and its output folder is still as that build left it, there is nothing to do.

Like make and Ninja, this trusts file stamps (size, modification and change times,
inode) instead of reading every byte, so a rebuild with nothing changed costs one walk
over the site's folders, not a build. The stamps cover ``site.yaml``, ``content/``,
``templates/``, ``static/``, the built-in theme, the generator's code and libraries
(``cache.code_fingerprint``), Pagefind, and the build's options and day.

A stamp can hide a change in one case: a file rewritten with the same size within the
file system's timestamp granularity of its previous write. So a build that read a file
modified less than ``stamps.RACY_SECONDS`` before it started leaves no receipt, and the next
build is a real one (git calls such files "racily clean").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import operator
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..content.publication import utc_clock
from ..core.layout import CACHE_DIR, CONFIG_FILE, SOURCE_FOLDERS, THEME
from ..core.model import BuildOptions, BuildResult
from ..core.programs import find_pagefind
from ..core.records import record
from .cache import code_fingerprint
from .cachefile import RECEIPT
from .stamps import is_racy

_VERSION = 2
TreeStamp = tuple[int, int, int, int, int]
"""Mode, inode, size, modification and change time (ns) of a file or folder."""
_MISSING: TreeStamp = (0, 0, 0, 0, 0)


@record
class Snapshot:
    """The stamps of everything a build is about to read, taken before it reads them."""

    digest: str
    """Digest of the stamps and of the build's options."""
    racy: bool
    """Some input changed too recently for its stamp to be trusted."""
    moment: dt.datetime | None = None
    """The moment the build publishes as, when the caller fixed one (``--now``; naive UTC);
    None: the clock, or the end of a fixed day (``fixed_day``)."""
    code: str | None = None
    """The code fingerprint the stamps hold (``cache.code_fingerprint``), for the build's
    cache to be keyed by without working it out again."""
    fixed_day: bool = False
    """The caller fixed the day (``--today``) and no moment: the build publishes as at that
    day's last instant in the site's zone, the same at any hour for the same options (in
    ``digest``), so a receipt made with them holds whatever the clock says."""


@record
class Receipt:
    """What the last successful build of a site left, and what it said."""

    inputs: str
    """``Snapshot.digest`` of its inputs."""
    output: str
    """The output folder it wrote."""
    files: str
    """Digest of the stamps of every file in that folder, taken after the swap."""
    articles: int
    """Articles built."""
    pages: int
    """Pages and feeds written."""
    warnings: tuple[str, ...]
    """Its warnings, as printed (they hold as long as the inputs do)."""
    notes: tuple[str, ...]
    """Its notes, as printed."""
    until: str | None = None
    """When an article next publishes or expires (ISO, naive UTC): the same inputs make
    another site from then on, so the receipt holds only until then."""


def take_snapshot(root: Path, options: BuildOptions, *, now: float | None = None) -> Snapshot:
    """The stamps of the inputs of building ``root`` with ``options``; ``now`` (seconds
    since the epoch) is when the build starts, for the racy check."""
    root = root.absolute()
    newest = 0
    digest = hashlib.blake2b(digest_size=16)
    code = code_fingerprint()
    digest.update(_options_key(options).encode())
    digest.update(code.encode())
    pagefind = find_pagefind()
    for name, stamp in _input_stamps(root, pagefind):
        newest = max(newest, stamp[3], stamp[4])
        digest.update(_stamp_line(name, stamp))
    moment = options.now.astimezone(dt.UTC).replace(tzinfo=None) if options.now else None
    fixed_day = options.today is not None and options.now is None
    return Snapshot(digest.hexdigest(), is_racy(newest, now), moment, code, fixed_day)


def output_digest(output: Path) -> str:
    """Digest of the stamps of every file and folder under ``output``."""
    digest = hashlib.blake2b(digest_size=16)
    for name, stamp in _walk(output, ""):
        digest.update(_stamp_line(name, stamp))
    return digest.hexdigest()


def save_receipt(root: Path, snapshot: Snapshot, receipt: Receipt) -> None:
    """Keep ``receipt`` for the next build, unless ``snapshot`` was racy (then drop any old
    one). A receipt that cannot be written is no loss: the next build is a real one."""
    path = root.absolute() / CACHE_DIR / RECEIPT
    try:
        if snapshot.racy:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        staged = path.with_suffix(".tmp")
        staged.write_text(
            json.dumps({"version": _VERSION, **dataclasses.asdict(receipt)}), encoding="utf-8"
        )
        os.replace(staged, path)
    except OSError:
        return


def fresh_receipt(root: Path, snapshot: Snapshot) -> Receipt | None:
    """The last build's receipt if building ``root`` now, whose inputs are as ``snapshot``
    (``take_snapshot``) found them, would redo exactly what it did (same inputs, output
    untouched); None when a real build is needed. The same snapshot then serves that build
    (``build_with_saved_cache``), so the site is walked once."""
    receipt = _load_receipt(root.absolute() / CACHE_DIR / RECEIPT)
    if receipt is None:
        return None
    if snapshot.racy or snapshot.digest != receipt.inputs:
        return None
    moment = snapshot.moment or utc_clock()
    until = dt.datetime.fromisoformat(receipt.until) if receipt.until is not None else None
    if until is not None and not snapshot.fixed_day and moment >= until:
        return None  # an article has been published or has expired since
    output = Path(receipt.output)
    if not output.is_dir() or output_digest(output) != receipt.files:
        return None
    return receipt


def last_output(root: Path) -> tuple[Path, bool] | None:
    """The output folder the site's last successful build wrote (by its receipt, resolved)
    and whether it is still exactly as that build left it; None without a usable receipt.
    (``destination`` takes such a folder as articlegen's even without the marker file.)"""
    receipt = _load_receipt(root.absolute() / CACHE_DIR / RECEIPT)
    if receipt is None:
        return None
    output = Path(receipt.output)
    return output.resolve(), output.is_dir() and output_digest(output) == receipt.files


def receipt_of(result: BuildResult, snapshot: Snapshot) -> Receipt:
    """What a successful build leaves for ``freshness.fresh_receipt`` to find next time."""
    assert result.output is not None
    return Receipt(
        inputs=snapshot.digest,
        output=str(result.output),
        files=output_digest(result.output),
        articles=result.articles,
        pages=len(result.pages),
        warnings=tuple(str(warning) for warning in result.diagnostics),
        notes=result.notes,
        until=result.changes_at.isoformat() if result.changes_at else None,
    )


def _load_receipt(path: Path) -> Receipt | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.pop("version") != _VERSION:
            return None
        data["warnings"], data["notes"] = tuple(data["warnings"]), tuple(data["notes"])
        receipt = Receipt(**data)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # missing, damaged or foreign: never trusted
    strings = (receipt.inputs, receipt.output, receipt.files, *receipt.warnings, *receipt.notes)
    counts = (receipt.articles, receipt.pages)
    if not all(isinstance(s, str) for s in strings) or not all(
        type(n) is int and n >= 0 for n in counts
    ):
        return None
    try:
        if receipt.until is not None:
            dt.datetime.fromisoformat(receipt.until)
    except (TypeError, ValueError):
        return None
    return receipt


def _options_key(options: BuildOptions) -> str:
    """What of ``options`` shapes the output or the messages (not ``jobs``: it shapes neither).
    The clock's day is marked as such: ``--today`` naming it publishes as at the day's end,
    the clock as at its instant (an article due later that day is in one site only)."""
    output = str(options.output.absolute()) if options.output else ""
    today = options.today.isoformat() if options.today else f"clock {dt.date.today()}"
    now = options.now.isoformat() if options.now else ""
    shown = (options.drafts, options.future, options.expired)
    return repr((output, shown, options.base_url, options.strict, options.write, today, now))


def _input_stamps(root: Path, pagefind: Path | None) -> Iterator[tuple[str, TreeStamp]]:
    for name in (CONFIG_FILE,):
        yield from _stamp_of(root / name, name)
    for folder in SOURCE_FOLDERS:
        yield from _walk(root / folder, folder)
    yield from _walk(THEME, "<theme>")
    if pagefind is not None:
        yield from _stamp_of(pagefind, f"<pagefind>{pagefind}")


def _stamp_of(path: str | Path, name: str) -> Iterator[tuple[str, TreeStamp]]:
    try:
        yield name, _stamp(os.stat(path))
    except OSError:
        yield name, _MISSING


def _walk(
    folder: str | Path, prefix: str, seen: frozenset[tuple[int, int]] | None = None
) -> Iterator[tuple[str, TreeStamp]]:
    """Every entry under ``folder``, sorted, with its own stamp and (for a link) its
    target's. Links to folders are followed too (Jinja and the image check follow them:
    what they read must be stamped), but never round a loop back to a folder on the way
    (``seen``: device and inode of the folders above). Folders below are walked by their
    paths as text: a build's output has a folder a page, and a ``Path`` made for each cost
    a third of walking it."""
    try:
        if seen is None:
            top = os.stat(folder)
            seen = frozenset({(top.st_dev, top.st_ino)})
        entries = sorted(os.scandir(folder), key=_NAME)
    except OSError:  # missing, or a file where a folder belongs (which the build refuses)
        yield from _stamp_of(folder, prefix)
        return
    for entry in entries:
        name = f"{prefix}/{entry.name}"
        try:
            own = entry.stat(follow_symlinks=False)
        except OSError:  # removed since the listing: the build will not find it either
            yield name, _MISSING
            continue
        yield name, _stamp(own)
        target = own
        if entry.is_symlink():
            yield from _stamp_of(entry.path, name + "->")
            try:
                target = entry.stat()
            except OSError:  # a broken link, or a loop of links: the build reports it
                continue
        if stat.S_ISDIR(target.st_mode) and (target.st_dev, target.st_ino) not in seen:
            yield from _walk(entry.path, name, seen | {(target.st_dev, target.st_ino)})


_NAME = operator.attrgetter("name")


def _stamp(info: os.stat_result) -> TreeStamp:
    return (info.st_mode, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _stamp_line(name: str, stamp: TreeStamp) -> bytes:
    return f"{name}\0{stamp}\n".encode("utf-8", "surrogateescape")
