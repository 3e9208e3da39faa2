"""Which reader a SOURCE given to ``articlegen import`` needs, told from what it is.

A ``.xml`` file in WordPress's export namespace is a WordPress export; a folder with
``_config.yml`` or ``_posts`` a Jekyll site; a folder with a Hugo configuration and
``content/``, or a folder of Markdown files, a Hugo content folder; a web page an HTML
article; any other file pasted text. ``--from`` overrides the guess, for a source that
looks like something else.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import SourceError
from ..core.limits import MAX_FILE_BYTES, read_regular_file
from .blogsource import Blog
from .hugo import is_hugo_site, read_hugo
from .jekyll import is_jekyll_site, read_jekyll
from .mdsource import MARKDOWN_SUFFIXES
from .wordpress import MAX_EXPORT_BYTES, is_wordpress_export, read_wordpress

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def detect_format(source: Path) -> str:
    """``wordpress``, ``jekyll``, ``hugo``, ``html`` or ``text`` for ``source``."""
    display = str(source)
    if source.is_dir():
        if is_jekyll_site(source):
            return "jekyll"
        if is_hugo_site(source):
            return "hugo"
        if nested := _nested_site(source):
            raise SourceError(
                f"a folder holding a blog in {nested}, not a blog itself",
                display,
                hint=f"give {nested} itself",
            )
        if any(f.suffix.lower() in MARKDOWN_SUFFIXES for f in source.rglob("*") if f.is_file()):
            return "hugo"
        _refuse_saved_pages(source)
        raise SourceError(
            "a folder that is neither a Jekyll site (_config.yml, _posts/) nor a Hugo site or "
            "content folder (no Markdown files in it)",
            display,
            hint="give the blog's own folder, or name its kind with --from jekyll or --from hugo",
        )
    limit = MAX_EXPORT_BYTES if source.suffix.lower() == ".xml" else MAX_FILE_BYTES
    data = read_regular_file(source, display, SourceError, limit)
    if source.suffix.lower() == ".xml" or data.lstrip()[:5] == b"<?xml":
        if is_wordpress_export(data):
            return "wordpress"
        raise SourceError(
            "an XML file that is not a WordPress export (no WordPress export namespace)",
            display,
            hint="give the file WordPress's Tools → Export writes, or --from wordpress",
        )
    head = data.lstrip()[:15].lower()
    if source.suffix.lower() in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _nested_site(folder: Path) -> Path | None:
    """A Jekyll or Hugo site one or two folders down, which the user meant to give."""
    for depth in ("*", "*/*"):
        for inner in sorted(folder.glob(depth)):
            if inner.is_dir() and (is_jekyll_site(inner) or is_hugo_site(inner)):
                return inner
    return None


def read_blog(source: Path, kind: str) -> Blog:
    """The posts of a whole blog ``source`` of a ``kind`` (wordpress, jekyll or hugo)."""
    if kind == "wordpress":
        if source.is_dir():
            raise SourceError(
                "a folder, not a WordPress export", str(source), hint="give the export's .xml file"
            )
        return read_wordpress(source)
    if not source.is_dir():
        raise SourceError(
            f"a file, not a {kind.capitalize()} site folder",
            str(source),
            hint="give the folder that holds the site (or, for Hugo, its content/ folder)",
        )
    return read_jekyll(source) if kind == "jekyll" else read_hugo(source)


def _refuse_saved_pages(folder: Path) -> None:
    """A folder of saved web pages is no blog: import takes the pages themselves, which the
    error names as the shell's pattern for them (``folder/*.html``, or ``folder/*/index.html``
    for pages saved each in its own folder, as a site's files are)."""
    pages = [f for f in folder.rglob("*") if f.suffix.lower() in HTML_SUFFIXES and f.is_file()]
    if not pages:
        return
    flat = [page for page in pages if page.parent == folder]
    pattern = f"{folder}/*{flat[0].suffix}" if flat else f"{folder}/*/{pages[0].name}"
    raise SourceError(
        "a folder of saved web pages, not a blog's source",
        str(folder),
        hint=f"give the pages themselves: {pattern}",
    )
