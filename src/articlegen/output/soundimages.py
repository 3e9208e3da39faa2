"""Images whose data is damaged found at the article lines that show them: by ``check``
as by ``build``, before a page is rendered, and, when encoding a copy fails all the same,
at those lines too.

Reading a size takes a file's header only (``content/images.py``); whether the pixels
decode takes all of it (``content/imagedamage.py``). That is asked of a file only when it
is new or changed (the answer is kept by its stamp, with the size: ``FileFacts``) and its
copies are not in the cache folder yet: they are named by a digest of the original's
bytes, so copies found there were encoded from these very bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path

from ..content.imagedamage import decodes_fully
from ..content.images import InfoReader
from ..content.variants import plan_variants
from ..core.errors import ArticlegenError, BuildFailed, MarkupError
from ..incremental.stagememos import StageMemos
from .variants import MadeVariants, VariantsMade, cache_name, shown_path

ShownAt = Mapping[Path, Sequence[tuple[str, int]]]
"""An image file → the article files and lines that show it."""


def sound_reader(
    memos: StageMemos, widths: Iterable[int], folder: Path, digest: Callable[[Path], str]
) -> InfoReader:
    """``memos.image_info``, which also refuses (ValueError, said at the article's line) a
    raster image whose pixels do not all decode: decoded once while the file's stamp stays
    the same (``memos.files``), and not at all while its copies are in ``folder`` (the
    cache's images' copies, named by ``digest``: ``variants.original_digest``)."""
    widths = tuple(widths)
    digest_of = partial(memos.files.remembered, "digest", digest)

    def read(file: Path) -> tuple[tuple[int, int] | None, bool]:
        size, animated = memos.image_info(file)
        variants = plan_variants(file.name, size, widths) if size and not animated else ()
        if variants:
            digest = digest_of(file)
            if not all((folder / cache_name(digest, v)).is_file() for v in variants):
                memos.files.remembered("decodes", decodes_fully, file)
        return size, animated

    return read


def waited_at_lines(copies: VariantsMade, shown_at: ShownAt, root: Path) -> MadeVariants:
    """``copies.wait()``, with a copy that failed to encode said at each article line that
    shows its original (``shown_at``), as every other image error is, rather than at the
    image file alone."""
    try:
        return copies.wait()
    except BuildFailed as failed:
        where = {shown_path(file, root): lines for file, lines in shown_at.items()}
        placed: list[ArticlegenError] = []
        for error in failed.errors:
            lines = where.get(error.path or "", ())
            placed += [MarkupError(error.message, path, line, error.hint) for path, line in lines]
            if not lines:  # not an image's copy, or one no article shows: as it was
                placed.append(error)
        raise BuildFailed(placed) from failed
