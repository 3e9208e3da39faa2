"""An import written to the site all or nothing: each new article file, the images and files
posts link to (copied into ``static/``), and the authors added to ``site.yaml``; if one
cannot be written, what was written is undone, so the batch can simply be run again."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from ..core.errors import Diagnostic
from ..core.layout import CONFIG_FILE, STATIC_DIR
from .importmarkdown import ImportPlan
from .scaffold import create_file
from .siteauthors import with_authors


@dataclasses.dataclass(slots=True)
class Composed:
    """One post made into its article file: the plan it follows, the Markdown text to write,
    and the warnings for the author at their lines of it."""

    plan: ImportPlan
    text: str
    warnings: tuple[Diagnostic, ...]


def images_to_copy(root: Path, copies: dict[str, Path]) -> tuple[dict[str, Path], list[Diagnostic]]:
    """The images to copy into ``static/``: those not there yet; one there already with
    other content is kept, with a warning."""
    todo: dict[str, Path] = {}
    warnings = []
    for path, source in sorted(copies.items()):
        target = root / STATIC_DIR / path
        if not target.exists():
            todo[path] = source
        elif not target.is_file() or target.read_bytes() != source.read_bytes():
            warnings.append(
                Diagnostic(
                    f"not copied over the existing {STATIC_DIR}/{path}, which differs",
                    str(source),
                    hint=f"compare the two and keep the right one at {STATIC_DIR}/{path}",
                )
            )
    return todo, warnings


def write_import(
    root: Path, made: list[Composed], images: dict[str, Path], added: dict[str, str]
) -> None:
    """Create every file, or (if one cannot be created) undo what was done."""
    created: list[Path] = []
    replaced: dict[Path, str] = {}
    site_yaml = root / CONFIG_FILE
    original = site_yaml.read_text(encoding="utf-8") if added else None
    try:
        for each in made:
            path = root / each.plan.display
            if each.plan.replaces is not None:
                replaced[path] = path.read_text(encoding="utf-8")
                path.write_text(each.text, encoding="utf-8")
            else:
                create_file(path, each.text, root)
                created.append(path)
        for relative, source in images.items():
            target = root / STATIC_DIR / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            created.append(target)
        if original is not None:
            site_yaml.write_text(with_authors(original, added), encoding="utf-8")
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        for path, text in replaced.items():
            path.write_text(text, encoding="utf-8")
        if original is not None:
            site_yaml.write_text(original, encoding="utf-8")
        raise
