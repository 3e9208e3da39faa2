"""The HTML of a feed entry's content: the article as its page reads, made here rather than
by the site's templates, as a feed reader shows it without the site's styles or scripts and
a feed must not change with a template a site overrides for its pages.

So the entry starts with the article's content warning (``warning_html``), which the page
shows above the body; then the body without its headings' ``#`` links (``feed_body``),
which only the site's styles hide; then its numbered references (``references_html``), so
that a citation mark (``[1]``, a link to ``#ref-1``) leads to its source in a feed reader
too. The disclaimer, at the page's end, is in no feed (docs/trust.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..core.dates import human_date
from ..core.model import BodyHtml, NumberedReference, Site
from ..markup.anchors import without_anchor_links


def feed_body(html: str) -> BodyHtml:
    """An article's finished body as its entry shows it: without its headings' ``#`` links.
    A ``BodyHtml``, one object for every feed listing the article, so that the build cache
    digests it once a build (``keys.page_key``)."""
    return BodyHtml(without_anchor_links(html))


def warning_html(warning: str | None) -> str:
    """An entry's content warning, first, as the article's page shows it above the body: a
    feed reader shows the entry in place of the page, and the warning is there to be read
    before the article is (the disclaimer, at the page's end, is in no feed). Empty without
    one."""
    if not warning:
        return ""
    return f"<p><strong>Content warning:</strong> {escape(warning)}</p>\n"


def references_html(references: Sequence[NumberedReference], site: Site) -> str:
    """The numbered references under an entry's body, as the article page lists them: each
    item with the id its citations link to (``ref-1``) and links back to them (``#cite-1``),
    its source's address whole (``http(s)://``). Empty for an article without any."""
    if not references:
        return ""
    items = "".join(f'<li id="{escape(ref.anchor)}">{_reference_text(ref, site)}</li>\n'
                    for ref in references)  # fmt: skip
    return f"\n<h2>References</h2>\n<ol>\n{items}</ol>\n"


def _reference_text(item: NumberedReference, site: Site) -> str:
    """One reference as the theme's ``article.html`` writes it: authors, the linked title,
    publisher and date, each ended by a full stop (publisher and date share one); then the
    links back to its citations."""
    ref, parts = item.reference, []
    if ref.authors:
        parts.append(escape(ref.authors) + ("" if ref.authors.endswith(".") else "."))
    stop = "" if ref.title[-1:] in (".", "?", "!") else "."
    parts.append(f'<a href="{escape(ref.url)}">{escape(ref.title)}</a>{stop}')
    published = [escape(ref.publisher)] if ref.publisher else []
    if ref.date is not None:
        published.append(human_date(ref.date, site.config.zone))
    if published:
        parts.append(", ".join(published) + ".")
    if len(item.backlinks) > 1:
        parts.append("↩")
    parts += [
        f'<a href="#{escape(anchor)}">{"↩" if len(item.backlinks) == 1 else n}</a>'
        for n, anchor in enumerate(item.backlinks, 1)
    ]
    return " ".join(parts)
