"""The responsive copies of local images (planned by ``content/variants.py``), made with
Pillow into the build cache folder and published from there like static files.

A copy is named by a digest of its original's bytes and of how copies are made
(``ENCODING``, Pillow's version): a rebuild finds the copies of every unchanged image
already there and encodes nothing, whatever else changed; the preview, which writes no
site, serves them from there too. Encoding is slow (a tenth of a second or more a copy),
so it runs in threads beside the rest of the build (``VariantsMade``).

Each copy is made from the original turned upright (its EXIF orientation applied, since
the copy keeps no EXIF to say it) and keeps none of its metadata — camera, time, place,
comments — but its colour profile, without which colours would shift.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content.images import our_pixel_limit
from ..content.staticfiles import StaticFile
from ..content.variants import format_of
from ..core.errors import ArticlegenError, BuildFailed
from ..core.model import ImageVariant, PlacedImage
from ..core.records import record
from ..core.workers import default_jobs
from .pixels import eight_bit, in_colour_space

if TYPE_CHECKING:  # imported where it is used: a site without raster images never needs it
    from PIL.Image import Image as PILImage

ENCODING = "1;jpeg-q82-progressive;png-level6;webp-q80-m4,lossless-from-png"
"""How copies are made: changing the encoding changes this, which names new copies."""
_SAVE: dict[str, dict[str, Any]] = {
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "PNG": {"compress_level": 6},
    # zlib's default level: Pillow's ``optimize`` (level 9 and a search of filters) made
    # screenshots' copies about 7 % smaller in ten times the time (a 2,954 × 1,346 one: 8.2
    # against 0.7 s of CPU), which made the first build of a blog of screenshots take
    # minutes; browsers are mostly served the WebP copies anyway.
    "WEBP": {"quality": 80, "method": 4},
}


@record
class MadeVariants:
    """The copies a build publishes, and how many it had to encode."""

    files: tuple[tuple[Path, str], ...]
    """(file in the cache folder, output path), each copy once, sorted by output path."""
    encoded: int
    """Copies encoded by this build: the others were in the cache folder already."""


@record
class _Job:
    """The copies of one original the cache folder lacks."""

    source: Path
    shown: str
    """The original's path as messages name it."""
    targets: tuple[tuple[ImageVariant, Path], ...]
    digest: str
    """The ``original_digest`` the copies are named by: of the bytes the site was checked
    with, which the original must still hold when it is encoded."""
    pixels: int = 0
    """The original's pixels (its widest copy's), which its decoding holds in memory."""


def make_variants(
    images: Iterable[PlacedImage],
    folder: Path,
    root: Path,
    jobs: int | None,
    *,
    prune: bool = False,
    digest_of: Callable[[Path], str] | None = None,
) -> MadeVariants:
    """Every copy of ``images``, from the cache ``folder`` where it is there and encoded into
    it where not; with ``prune`` (a build that writes the site), copies no image uses any
    more are removed from it. An original that cannot be decoded fails the build
    (``BuildFailed``, reported as every build error is) naming it. ``digest_of`` gives the
    digest an original's copies are named by (default: ``original_digest``, worked out)."""
    with VariantsMade(images, folder, root, jobs, prune=prune, digest_of=digest_of) as made:
        return made.wait()


class VariantsMade:
    """``make_variants`` begun: every copy's name known at once, the copies the cache folder
    lacks encoded by threads in the background while the build goes on (Pillow lets go of
    Python's lock as it decodes, resizes and encodes, so they take the cores the build's
    one thread leaves idle), and waited for where the copies are needed (``wait``). With
    ``jobs`` 1 nothing runs beside the build: the copies are encoded by ``wait``. Leaving
    the block early (a later stage failed, Ctrl-C) begins no other copy and waits for those
    under way, so that no copy is left half made."""

    def __init__(
        self,
        images: Iterable[PlacedImage],
        folder: Path,
        root: Path,
        jobs: int | None,
        *,
        prune: bool = False,
        digest_of: Callable[[Path], str] | None = None,
    ) -> None:
        self.folder, self.prune = folder, prune
        files, self.todo = _planned(images, folder, root, digest_of or original_digest)
        self.files = tuple(sorted(files, key=lambda f: f[1]))
        """(file in the cache folder, output path) of every copy, sorted by output path."""
        self._made: MadeVariants | None = None
        self._encoding: list[Future[int]] | None = None
        self._running = contextlib.ExitStack()
        self._stop = threading.Event()
        if self.todo:
            folder.mkdir(parents=True, exist_ok=True)
        if self.todo and (jobs is None or jobs > 1):
            try:
                self._begin(min(len(self.todo), default_jobs() if jobs is None else jobs))
            except BaseException:  # a thread that cannot start: the others end, as on exit
                self._running.close()
                raise

    def _begin(self, threads: int) -> None:
        """The copies to make handed to ``threads`` threads, undone by ``_running``."""
        # Warnings are silenced from this thread, for as long as the threads run: the
        # filters are one list for the process, which each thread's own
        # ``catch_warnings`` would save and restore over the others'.
        self._running.enter_context(our_pixel_limit())
        pool = ThreadPoolExecutor(threads, thread_name_prefix="image-copies")
        self._running.callback(pool.shutdown, wait=True, cancel_futures=True)
        self._running.callback(self._stop.set)  # first: each job ends at its next copy
        budget = _PixelBudget(PIXELS_AT_ONCE)
        self._encoding = [pool.submit(_encode_within, budget, job, self._stop) for job in self.todo]

    def wait(self) -> MadeVariants:
        """Every copy made (encoded here if nothing encodes in the background); the first
        failure raised as ``BuildFailed``. Once it returns or raises, the threads are gone
        (worker processes started after it are forked, as from a process without threads:
        ``core/workers.py``) and the warnings filters are as they were."""
        if self._made is None:
            try:
                if self._encoding is not None:
                    encoded = [future.result() for future in self._encoding]
                elif self.todo:  # else nothing to encode: Pillow is not even loaded
                    with our_pixel_limit():
                        encoded = [_encode_job(job) for job in self.todo]
                else:
                    encoded = []
            except ArticlegenError as failed:
                raise BuildFailed([failed]) from failed
            finally:
                self._running.close()
            if self.prune:
                _remove_unused(self.folder, {path for path, _ in self.files})
            self._made = MadeVariants(self.files, sum(encoded))
        return self._made

    def published(
        self, statics: Iterable[StaticFile], unmade: Iterable[PlacedImage] = ()
    ) -> list[StaticFile]:
        """``statics`` with each original replaced by its copies, the one at its own address
        its upright, stripped copy, sorted by output path. A build that makes no copy
        (``check``) gives the images it shows as ``unmade``: their copies are named from
        their originals (``named_copies``), so that it judges the output folder by the
        paths the build writes (the files it would remove or displace there)."""
        files = [*self.files, *named_copies(unmade)]
        replaced = {name for _, name in files}
        kept = [static for static in statics if static[1] not in replaced]
        return sorted([*kept, *files], key=lambda static: static[1])

    def __enter__(self) -> VariantsMade:
        return self

    def __exit__(self, *exc: object) -> None:
        """Copies not begun are not begun, not even the next of an original (a large photo's
        take seconds each); those under way are finished (a copy is written whole or not at
        all, but a thread stopped mid-way would leave its temporary file)."""
        self._running.close()


PIXELS_AT_ONCE = 24_000_000
"""Pixels of originals the threads work on at once, at most: making the copies of one holds
about 27 bytes a pixel at its peak (Pillow keeps RGB in 4 bytes, the full-width copy is a
second image, and the WebP encoder holds its own; 0.31 GB for a 12-megapixel photo,
measured), so two large photos at once would double a build's memory for little time saved.
Two 12-megapixel photos go together; an original larger than this is encoded alone, as with
``--jobs 1``."""


class _PixelBudget:
    """``PIXELS_AT_ONCE`` shared by the threads: a job takes its original's pixels from it (at
    most all of it) before decoding, and gives them back when its copies are written."""

    def __init__(self, pixels: int) -> None:
        self.total = self.free = pixels
        self.changed = threading.Condition()

    @contextlib.contextmanager
    def taken(self, pixels: int) -> Iterator[None]:
        wanted = min(pixels, self.total)
        with self.changed:
            self.changed.wait_for(lambda: self.free >= wanted)
            self.free -= wanted
        try:
            yield
        finally:
            with self.changed:
                self.free += wanted
                self.changed.notify_all()


def _encode_within(budget: _PixelBudget, job: _Job, stop: threading.Event) -> int:
    """``_encode_job`` once ``budget`` has room for its original."""
    with budget.taken(job.pixels):
        return _encode_job(job, stop)


def _planned(
    images: Iterable[PlacedImage], folder: Path, root: Path, digest_of: Callable[[Path], str]
) -> tuple[list[tuple[Path, str]], list[_Job]]:
    """Every copy of ``images`` as (file in the cache ``folder``, output path), and the jobs
    that encode the ones it lacks."""
    wanted: dict[Path, dict[str, ImageVariant]] = {}
    for image in images:
        if image.source is not None and image.variants:
            wanted.setdefault(image.source, {}).update({v.path: v for v in image.variants})
    files: list[tuple[Path, str]] = []
    todo: list[_Job] = []
    planned: set[Path] = set()  # two originals of the same bytes share their copies
    for source, variants in wanted.items():
        digest = digest_of(source)
        targets = [(v, folder / cache_name(digest, v)) for v in variants.values()]
        files += [(path, variant.path) for variant, path in targets]
        missing = tuple(
            (v, path) for v, path in targets if path not in planned and not path.is_file()
        )
        planned.update(path for _, path in missing)
        if missing:
            pixels = max(v.width * v.height for v in variants.values())
            todo.append(_Job(source, shown_path(source, root), missing, digest, pixels))
    return files, todo


def named_copies(images: Iterable[PlacedImage]) -> list[StaticFile]:
    """Every copy of ``images`` once, as (its original, output path): the output paths
    ``VariantsMade`` publishes, planned before anything is encoded, known without reading
    an original (its digest names only the copy in the cache folder)."""
    named = {
        variant.path: image.source
        for image in images
        if image.source is not None
        for variant in image.variants
    }
    return [(source, name) for name, source in named.items()]


def cache_name(digest: str, variant: ImageVariant) -> str:
    """The cache file of ``variant`` of the original whose ``original_digest`` is ``digest``."""
    return f"{digest}-{variant.width}x{variant.height}.{format_of(variant.path).lower()}"


def original_digest(source: Path) -> str:
    """What an original's copies are named by: its bytes, how copies are made, Pillow's
    version."""
    try:
        return _digest(source.read_bytes())
    except OSError as exc:
        raise ArticlegenError(f"cannot read image {source}: {exc.strerror or exc}") from exc


def _digest(data: bytes) -> str:
    from PIL import __version__ as pillow

    hasher = hashlib.sha256(f"{ENCODING};pillow {pillow}\n".encode())
    hasher.update(data)
    return hasher.hexdigest()[:32]


def shown_path(source: Path, root: Path) -> str:
    """An original's path as an encoding failure names it: relative to the site's folder."""
    return source.relative_to(root).as_posix() if source.is_relative_to(root) else str(source)


def _encode_job(job: _Job, stop: threading.Event | None = None) -> int:
    """One original's missing copies encoded and written, none begun once ``stop`` is set
    (the build has failed): how many."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    written = 0
    if stop is not None and stop.is_set():  # taken from the queue as the build failed
        return written
    try:
        data = job.source.read_bytes()
        if _digest(data) != job.digest:  # saved again since the site was checked
            raise ArticlegenError(
                f"image {job.shown} changed while the site was built",
                job.shown,
                hint="build again (the preview does by itself)",
            )
        with Image.open(io.BytesIO(data)) as opened:  # within ``our_pixel_limit``
            upright = eight_bit(ImageOps.exif_transpose(opened) or opened)
            upright, profile = in_colour_space(upright, opened.info.get("icc_profile"))
            upright.load()
            from_png = opened.format == "PNG"
            for variant, target in job.targets:
                if stop is not None and stop.is_set():
                    break
                copy = encode(upright, variant, profile=profile, lossless=from_png)
                _write_atomically(target, copy)
                written += 1
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ArticlegenError(
            f"cannot make the responsive copies of image {job.shown}: {exc}",
            job.shown,
            hint="open and save the image again in an image editor, or replace it",
        ) from exc
    return written


def encode(
    image: PILImage, variant: ImageVariant, *, profile: bytes | None = None, lossless: bool = False
) -> bytes:
    """``image`` (upright) at the variant's size, in its format, without metadata but the
    colour ``profile``; a WebP copy of a PNG original (``lossless``) loses nothing.
    ``image`` itself is left as it was."""
    from PIL import Image

    fmt = format_of(variant.path)
    frame = _in_mode_for(eight_bit(image), fmt)
    if frame.size != (variant.width, variant.height):
        frame = frame.resize((variant.width, variant.height), Image.Resampling.LANCZOS)
    elif frame is image:
        frame = image.copy()  # its info is cleared next, and the next copy needs it
    frame.info = {}  # what Pillow would carry over: EXIF, XMP, comments, text chunks
    options = dict(_SAVE[fmt])
    if fmt == "WEBP" and lossless:
        options = {"lossless": True, "method": 4}
    if profile:
        options["icc_profile"] = profile
    out = io.BytesIO()
    frame.save(out, fmt, **options)
    return out.getvalue()


def _in_mode_for(image: PILImage, fmt: str) -> PILImage:
    """``image`` (8 bits a channel, transparency as alpha: ``pixels.eight_bit``) in a mode
    ``fmt`` stores and resizing keeps smooth: JPEG has no transparency; palettes and
    other modes become RGB(A)."""
    transparent = image.mode in ("RGBA", "LA", "PA")
    if fmt == "JPEG":
        return image if image.mode in ("RGB", "L") else image.convert("RGB")
    if image.mode in ("RGB", "RGBA") or (fmt == "PNG" and image.mode in ("L", "LA")):
        return image
    return image.convert("RGBA" if transparent else "RGB")


def _write_atomically(target: Path, data: bytes) -> None:
    """A file another build or the preview may read at the same time is whole or absent."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}")
    temporary.write_bytes(data)
    os.replace(temporary, target)


def _remove_unused(folder: Path, used: set[Path]) -> None:
    """Copies of originals that changed or went: the folder would otherwise only grow."""
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry not in used and not entry.name.startswith("."):
            entry.unlink(missing_ok=True)
