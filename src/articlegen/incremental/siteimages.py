"""Every local image the site's articles show, placed: those of the articles the build
shows, and those of the articles it leaves out (drafts, scheduled and expired articles),
so that the stripped copies of these too are published at the originals' addresses; and
every other JPEG, PNG and WebP file of the site's ``static/`` (``loose_images``), stripped
the same way.

A file of ``static/`` that no built page shows would be published as it is, EXIF and GPS
position included: a photo that only a draft shows would tell where its writer lives
because the article is not out yet. Nothing of a left-out article is published but the
copies of its images; a draft's body, which the build does not render without
``--drafts``, is rendered here for its images only, and dropped. Nor does a page have to
show a photo with Markdown's image syntax for it to be published: raw HTML
(``<img src="/images/x.jpg">``), a link (``[photo](/images/x.jpg)``), a template or a
stylesheet may use it, and a reader may download any file of the site by its address. So
the loose ones are published as one copy each, at their own address, in their own format,
at their own size, upright and stripped as the shown ones' copies are; one that cannot be
read as an image is published as it is, with a warning.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import field
from functools import partial
from pathlib import Path
from urllib.parse import quote

from ..content.images import (
    InfoReader,
    place_body_images,
    place_hero_images,
    remote_image_warnings,
)
from ..content.publication import SCHEDULED, Withheld
from ..content.staticfiles import StaticFile
from ..content.variants import RESPONSIVE_SUFFIXES
from ..core.errors import ArticlegenError, Diagnostic, attempt
from ..core.layout import CONFIG_FILE, STATIC_DIR
from ..core.model import Article, ImageVariant, PlacedImage, RenderedBody, SiteConfig
from ..core.records import record
from ..markup.fastmarkup import render_markdown
from ..markup.markdown import make_markdown, markup_settings
from .sources import Sources


@record
class SiteImages:
    """The placed images of a site's articles, and the problems to report."""

    bodies: dict[str, list[PlacedImage]]
    """Slug → where each local image of a built article's body is served from, its size."""
    heroes: dict[str, PlacedImage]
    """Slug → a built article's front-matter ``image:``, placed."""
    share: PlacedImage | None
    """``site.yaml`` ``image:``, placed."""
    unbuilt: list[PlacedImage]
    """The raster images of the articles left out, each with copies to publish."""
    problems: list[ArticlegenError]
    shown_at: dict[Path, list[tuple[str, int]]]
    """Each image file → the article files (and ``site.yaml``) and lines that show it, where
    an encoding failure is said."""
    warnings: list[Diagnostic]
    """The built articles' SVG images that state no size, at the lines that show them; the
    loose raster files of ``static/`` that cannot be read as images."""
    loose: list[PlacedImage] = field(default_factory=list)
    """The raster files of the site's ``static/`` no article shows, each with one copy, at
    its own address (``loose_images``)."""

    def shown(self, logo: PlacedImage | None) -> list[PlacedImage]:
        """Every local image whose copies the build publishes: those pages show (with the
        ``logo``), those of the articles left out and the loose ones, stripped all the
        same (a loose file that is the logo has the logo's copy, the same one)."""
        return [
            *(image for body in self.bodies.values() for image in body),
            *self.heroes.values(),
            *filter(None, [self.share, logo]),
            *self.unbuilt,
            *self.loose,
        ]


def site_images(
    config: SiteConfig,
    sources: Sources,
    built: Sequence[Article],
    hidden: Mapping[str, Withheld],
    static_dirs: Sequence[Path],
    info_of: InfoReader,
    statics: Sequence[StaticFile] = (),
) -> SiteImages:
    """The images of the ``built`` articles and the site's share image, and those of every
    other article of ``sources`` (``hidden``: the ones the build's moment withholds), each
    file read with ``info_of``. The problems are the built articles' and the scheduled
    ones': those fail the build on the day the article publishes by itself, so they are
    said now, as its links are (``coming_link_problems``). A draft's or an expired
    article's missing or unreadable image is no error, as its links are none: such a file,
    if any, is left to the static files, as any file no page shows. Those of the files whose
    header failed are checked too (``_damaged_images``). The raster files of ``statics``
    (every static file the build publishes) that none of these place are the loose ones."""
    placing = (config.base_path, config.image_widths, info_of)
    bodies, problems = place_body_images(built, sources.bodies, static_dirs, *placing)
    heroes, share, hero_problems = place_hero_images(built, config.image, static_dirs, *placing)
    shown_at = _shown_at(built, sources.bodies, bodies, heroes)
    if share is not None and share.source is not None and config.image is not None:
        shown_at.setdefault(share.source, []).append((CONFIG_FILE, config.image.line))
    names = {article.slug for article in built}
    left_out = [article for article in sources.articles if article.slug not in names]
    unbuilt: list[PlacedImage] = []
    coming: list[ArticlegenError] = []
    if left_out:
        raw = {**sources.bodies, **_draft_bodies(config, left_out, sources)}
        images, left_problems = place_body_images(left_out, raw, static_dirs, *placing)
        pictures, _, picture_problems = place_hero_images(left_out, None, static_dirs, *placing)
        placed = [*(i for body in images.values() for i in body), *pictures.values()]
        unbuilt = [image for image in placed if image.variants]
        dated = {a.source for a in left_out if not a.meta.draft and _scheduled(hidden, a.slug)}
        coming = [p for p in (*left_problems, *picture_problems) if p.path in dated]
        for file, lines in _shown_at(left_out, raw, images, pictures).items():
            shown_at.setdefault(file, []).extend(lines)
    problems = [*problems, *hero_problems, *coming]
    failed = {(p.path, p.line) for p in problems}
    warnings = _sizeless_svg_warnings(built, sources.bodies, bodies, heroes, static_dirs, failed)
    damaged_problems, damaged_warnings, placed_files = _damaged_images(
        sources, static_dirs, placing
    )
    problems += damaged_problems
    warnings += damaged_warnings
    placed_files |= {image.source for body in bodies.values() for image in body}
    placed_files |= {image.source for image in [*heroes.values(), share, *unbuilt] if image}
    own = [(file, name) for file, name in statics if file not in placed_files]
    site_static = static_dirs[-1]  # the theme's come first, the site's own last
    loose, unreadable = loose_images(own, site_static, config.base_path, info_of)
    warnings += unreadable
    return SiteImages(bodies, heroes, share, unbuilt, problems, shown_at, warnings, loose)


def _damaged_images(
    sources: Sources, static_dirs: Sequence[Path], placing: tuple[str, Iterable[int], InfoReader]
) -> tuple[list[ArticlegenError], list[Diagnostic], set[Path | None]]:
    """The problems and warnings of the images the files whose header failed show
    (``Sources.damaged_checked``: in their bodies, and as an ``image:`` valid on its own),
    placed as a built article's are, and those on other hosts (``render.sitechecks`` warns
    of a built article's): fixing the header must not be what reveals them. And the files
    they show, which are no loose files (the build fails)."""
    damaged, bodies = sources.damaged_checked()
    images, problems = place_body_images(damaged, bodies, static_dirs, *placing)
    heroes, _, hero_problems = place_hero_images(damaged, None, static_dirs, *placing)
    problems += hero_problems
    failed = {(p.path, p.line) for p in problems}
    warnings = _sizeless_svg_warnings(damaged, bodies, images, heroes, static_dirs, failed)
    warnings += [
        w for a in damaged for w in remote_image_warnings(bodies[a.slug].remote_images, a.source)
    ]
    files = {image.source for body in images.values() for image in body}
    return problems, warnings, files | {image.source for image in heroes.values()}


def loose_images(
    statics: Sequence[StaticFile], static_dir: Path, base_path: str, info_of: InfoReader
) -> tuple[list[PlacedImage], list[Diagnostic]]:
    """The JPEG, PNG and WebP files of ``statics`` that are in the site's ``static_dir``
    (the theme's are ours, and hold no one's whereabouts), each placed with one copy at its
    own address and size (a still image's: an animated one, which a copy would cut to its
    first frame, is published as it is, as a shown one is); and a warning for each that
    cannot be read as an image, which is published as it is."""
    placed: list[PlacedImage] = []
    warnings: list[Diagnostic] = []
    for file, name in statics:
        if not file.is_relative_to(static_dir):
            continue
        if file.suffix.lower() not in RESPONSIVE_SUFFIXES:
            continue
        try:
            size, animated = info_of(file)
        except ValueError as exc:
            warnings.append(_unreadable(name, str(exc)))
            continue
        if size is not None and not animated:
            copy = ImageVariant(name, *size)
            placed.append(PlacedImage(base_path + quote(name), size, (copy,), file))
    return placed, warnings


def _unreadable(name: str, why: str) -> Diagnostic:
    """A loose raster file of ``static/`` published as it is, its metadata kept."""
    return Diagnostic(
        f"cannot be read as an image ({why}), so it is published as it is, with any "
        "metadata it holds (camera, place)",
        f"{STATIC_DIR}/{name}",
        hint="replace it with a file that opens in an image viewer, or remove it",
    )


def _shown_at(
    articles: Sequence[Article],
    bodies: Mapping[str, RenderedBody],
    images: Mapping[str, list[PlacedImage]],
    heroes: Mapping[str, PlacedImage],
) -> dict[Path, list[tuple[str, int]]]:
    """Each image file the ``articles`` show (in their ``bodies``, placed as ``images``,
    and as their ``heroes``) → the article files and lines that show it."""
    shown: dict[Path, list[tuple[str, int]]] = {}
    for article in articles:
        for line, image in _placed_lines(article, bodies, images, heroes):
            if image.source is not None:
                shown.setdefault(image.source, []).append((article.source, line))
    return shown


def _placed_lines(
    article: Article,
    bodies: Mapping[str, RenderedBody],
    images: Mapping[str, list[PlacedImage]],
    heroes: Mapping[str, PlacedImage],
) -> list[tuple[int, PlacedImage]]:
    """The line of each image ``article`` shows, in its body and as its ``image:``, with
    that image placed."""
    refs = zip(bodies[article.slug].images, images.get(article.slug, ()), strict=False)
    lines = [(ref.line, image) for ref, image in refs]
    if article.meta.image is not None and article.slug in heroes:
        lines.append((article.meta.image.line, heroes[article.slug]))
    return lines


def _sizeless_svg_warnings(
    articles: Sequence[Article],
    bodies: Mapping[str, RenderedBody],
    images: Mapping[str, list[PlacedImage]],
    heroes: Mapping[str, PlacedImage],
    static_dirs: Sequence[Path],
    failed: Container[tuple[str | None, int | None]],
) -> list[Diagnostic]:
    """An SVG that states no size in pixels (no ``width`` and ``height``, no ``viewBox``):
    its ``<img>`` gets no ``width``/``height``, so the page cannot keep its space while it
    loads and the text jumps when it comes, and a browser sizes it by guesswork. Every
    other local image has a size (a raster file always does). An image that could not be
    read (``failed``: the file and line of its error) has none either, and its error says
    why: no viewBox would mend a damaged PNG or an SVG that is not well-formed."""
    return [
        Diagnostic(
            f"image static/{_static_name(image.source, static_dirs)} states no size (no "
            "width and height in pixels, no viewBox): the text jumps when it loads",
            article.source,
            line,
            'add viewBox="0 0 W H" to its <svg> tag, W and H the width and height it is '
            "drawn at (a drawing program's SVG export sets it)",
        )
        for article in articles
        for line, image in _placed_lines(article, bodies, images, heroes)
        if image.size is None and image.source is not None and (article.source, line) not in failed
    ]


def _static_name(file: Path, static_dirs: Sequence[Path]) -> str:
    """``images/chart.svg`` for the file of a static folder, as articles name it."""
    folder = next((d for d in static_dirs if file.is_relative_to(d)), file.parent)
    return file.relative_to(folder).as_posix()


def _draft_bodies(
    config: SiteConfig, articles: Sequence[Article], sources: Sources
) -> dict[str, RenderedBody]:
    """The bodies of the ``articles`` the build did not render (drafts), rendered now for
    their images; a parser is made only when there is one. A body that cannot be rendered
    (past the nesting limits, say) counts as one without images: a draft's problems are
    not the build's."""
    todo = [article for article in articles if article.slug not in sources.bodies]
    if not todo:
        return {}
    md = make_markdown(**markup_settings(config))
    bodies: dict[str, RenderedBody] = {}
    ignored: list[ArticlegenError] = []  # a draft's, said when it is built
    for a in todo:
        render = partial(render_markdown, md, a.body, first_line=a.body_line, path=a.source)
        bodies[a.slug] = attempt(ignored, render) or RenderedBody(html="")
    return bodies


def _scheduled(hidden: Mapping[str, Withheld], slug: str) -> bool:
    held = hidden.get(slug)
    return held is not None and held.state == SCHEDULED
