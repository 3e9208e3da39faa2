"""Every SOURCE given to ``articlegen import`` read, before anything is planned: a whole blog
by the reader its kind needs (``blogformats``), one file (pasted text or a saved web page)
decoded as its bytes say and parsed. Problems are gathered, so that one run reports every
source that cannot be read."""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from pathlib import Path

from ..core.characters import check_text, decode_source
from ..core.errors import ArticlegenError, SourceError
from ..core.limits import read_regular_file
from ..core.model import ImportedArticle
from .blogformats import HTML_SUFFIXES, detect_format, read_blog
from .blogsource import Blog, Post
from .htmlimport import parse_html
from .textimport import parse_text

BLOG_FORMATS = ("wordpress", "jekyll", "hugo")
"""Sources holding many posts, with old addresses to keep."""

_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.IGNORECASE)


def read_sources(
    sources: Sequence[Path], kind: str | None
) -> tuple[list[Blog], list[ArticlegenError]]:
    """Each source read by the reader its kind needs; errors gathered, not raised."""
    blogs: list[Blog] = []
    problems: list[ArticlegenError] = []
    for source in sources:
        try:
            found = kind or detect_format(source)
            if found in BLOG_FORMATS:
                blogs.append(read_blog(source, found))
            else:
                article = read_source(source, html=found == "html" if kind else None)
                blogs.append(Blog(found, source, posts=[Post(str(source), article)]))
        except ArticlegenError as problem:
            problems.append(problem)
    return blogs, problems


def read_source(source: Path, *, html: bool | None = None) -> ImportedArticle:
    """Read one file given to ``import``: a saved web page, or plain text (``html`` says
    which, else the file's name and first bytes)."""
    display = str(source)
    if source.suffix.lower() in (".md", ".markdown"):
        data = read_regular_file(source, display, SourceError)
        headed = data.removeprefix(codecs.BOM_UTF8).startswith(b"---")  # its front-matter
        raise SourceError(
            "this is already Markdown" + (", with a front-matter" if headed else ""),
            display,
            hint=(
                "copy it into content/ as it is (the build names any key to change)"
                if headed
                else "add a front-matter and copy it into content/"
            )
            + "; import takes .txt or .html files, or a whole Jekyll or Hugo folder",
        )
    data = read_regular_file(source, display, SourceError)
    if html is None:
        html = source.suffix.lower() in HTML_SUFFIXES or data.lstrip()[:15].lower().startswith(
            (b"<!doctype html", b"<html")
        )
    text = _decode(data, display, html)
    return parse_html(text, display) if html else parse_text(text, display)


def _decode(data: bytes, display: str, html: bool) -> str:
    """UTF-8 (or UTF-16 with its mark, or a web page's declared ``charset``) as text, with
    no character ``characters`` refuses; a binary file (a PDF, a Word document) is refused
    before anything else, as "not UTF-8" would send its author to the wrong fix."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return check_text(data.decode("utf-16").replace("\r\n", "\n"), display, SourceError)
        except UnicodeDecodeError as exc:
            raise SourceError(
                f"not UTF-16 text although it starts with a UTF-16 mark: {exc.reason}",
                display,
                hint="save the file as UTF-8 in your editor",
            ) from exc
    if (nul := data.find(b"\0")) >= 0 or data.startswith(b"%PDF-"):
        found = f"a NUL byte at offset {nul}" if nul >= 0 else "a PDF"
        raise SourceError(
            f"not a text file: binary data ({found})",
            display,
            hint="import takes pasted text (.txt) or a saved web page (.html): save a Word "
            "document or PDF as one of these first",
        )
    declared = _CHARSET.search(data[:2048]) if html else None
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        try:
            text = data.decode(declared.group(1).decode("ascii")).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: try UTF-8, which says where it fails
        else:
            return check_text(text, display, SourceError)
    return decode_source(data, display, SourceError)
