"""Links of a saved page that states no address of its own to other pages of its site.

Without a canonical link, ``og:url`` or ``<base>``, a page's ``/2020/other.html`` or
``../2020/other.html`` cannot be made absolute, and the importer would keep only its text.
Pages saved from one site and imported together still link to each other this way (a
folder of saved pages links by relative paths), so such links are written on a
placeholder host, a relative one taken from the host's root as a browser takes ``..``
there (``.invalid``, a name no real site has) while the page becomes Markdown;
the importer then makes each that names an article of the import or of the site a link to
its file, as for a page with an address (``seealsomatch.link_articles``), and writes any
other back as text, with a warning at the line of the page that held it.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborNode

from .htmlmeta import attribute
from .importmarkdown import ImportPlan
from .seealsomatch import Catalogue, link_articles
from .sourcelines import line_of, source_text

UNSTATED_SITE = "http://same-import.invalid"
"""The placeholder host of a page that states no address, for its links into its site."""
# A link's text may hold an image (``[![alt](<https://…>)](<…>)``), as ``oldlinks`` reads it.
_UNSTATED_LINK = re.compile(
    r"\[((?:[^\[\]\\\n]|\\.|\[[^\[\]\n]*\])*)\]\(<" + re.escape(UNSTATED_SITE) + r"(/[^<>\s]*)>\)"
)


def mark_site_links(main: LexborNode, page: str | None) -> None:
    """Put the links under ``main`` to paths of the page's own site on the placeholder host,
    when the page states no address (``page`` is None) to resolve them against. Only the
    path's last part names an article (``url_slug``), so a relative path needs no folder of
    the page's own to start from."""
    if page is not None:
        return
    for link in main.css("a[href]"):
        href = attribute(link, "href")
        if _site_path(href):
            link.attrs["href"] = urljoin(UNSTATED_SITE + "/", href)


def _site_path(href: str) -> bool:
    """Whether ``href`` is a path on the page's own site: root-relative or relative, not a
    link within the page, to another host or by a scheme (``mailto:``)."""
    if not href or href.startswith(("#", "?", "//")):
        return False
    try:
        return not urlsplit(href).scheme
    except ValueError:  # an address Python cannot read stays as it was: text
        return False


def linked_page(plan: ImportPlan, catalogue: Catalogue) -> str:
    """A saved page's body with its links into its old site made links to the articles they
    name; a link into the site of a page without an address that names none is made text,
    with a note at its line."""
    article = plan.article
    body = link_articles(article.body, article.address or UNSTATED_SITE + "/", catalogue, plan.slug)
    if article.address:
        return body
    text = source_text(plan.post.file or plan.blog.source) if _UNSTATED_LINK.search(body) else None

    def unlinked(match: re.Match[str]) -> str:
        shown, path = match.groups()
        note = (
            f"the link '{shown}' to {path} is kept as text: it names no article of this import"
            " or of the site, and the page states no address of its own to make it a full one"
        )
        if note not in plan.notes:
            plan.notes.append(note)
            if line := line_of(text, path) or line_of(text, _last_part(path)):
                plan.note_lines.setdefault(note, line)
        return shown

    return _UNSTATED_LINK.sub(unlinked, body)


def _last_part(path: str) -> str:
    """What a relative link surely writes of the root path it was taken to: ``other.html``
    of ``/other.html``, ``b/`` of ``/a/b/`` (a root-relative one is found whole)."""
    return path[path.rstrip("/").rfind("/") + 1 :]
