"""What a link's error says beyond "it names nothing": how to fix a link that names nothing
(its scheme, a title after '|' on an article), and the title a See Also item gives a web
page after a '|', or the error where that '|' may be the address's own. Kept apart from
``links``, which resolves."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..core.errors import LinkError
from ..core.model import LinkRef, LinkSource
from ..core.weburl import is_web_address, labelled_address, lacks_scheme, scheme_retyped


def _lacks_host(address: str) -> bool:
    """Whether ``address`` starts as a web address but names no host (``https://``,
    ``https://?``, ``http:``): ``https://|Title`` lost its address."""
    try:
        parts = urlsplit(address)
    except ValueError:  # an unclosed IPv6 bracket: another error tells it
        return False
    return parts.scheme in ("http", "https") and not parts.netloc and not parts.path.strip("/")


def see_also_titled(text: str, ref: LinkRef, source: LinkSource) -> tuple[str, str]:
    """A See Also item's target and the title it gives a web page (``https://…|Title``);
    an error where a '|' follows a web address but reads as part of it (after its ``?``
    or ``#`` with one word after, or a second ``|``), whose writer may have meant either."""
    if labelled := labelled_address(text):
        return labelled
    address, _, title = text.partition("|")
    address = address.strip()
    if _lacks_host(address):
        example = title.strip() if title.strip() and "|" not in title else "Title"
        raise LinkError(
            f"see_also '{text}' has no web address before its '|', only '{address}'",
            source.path,
            ref.line,
            "write the page's whole address before the '|', copied from the browser's "
            f"address bar (https://example.org/page|{example})",
        )
    if not is_web_address(address):
        return text, ""
    raise LinkError(
        f"see_also '{text}' holds a '|' that may be the address's own or start a title",
        source.path,
        ref.line,
        "for a title, write it after the whole address with two words or more and no '|'"
        f" ({address}|Title words); for an address holding '|', copy it again from the"
        " browser's address bar, which writes it as %7C",
    )


_UNSPACED_ITEMS = re.compile(r"\s+-(?=\S)")
"""Where YAML joined the next of several ``-item`` lines onto the text of the first."""


def not_found_hint(text: str, name: str, kind: str, fix_hint: str) -> str:
    """How to fix a link that names nothing: a web address needs its scheme, and only a
    web address takes a title after a ``|`` in See Also (an article's card shows its own),
    a See Also item written without the space after its ``-`` (``-sleep``, which YAML reads
    as text, joining such lines into one: ``-sleep -heart``) is told to put it there,
    and a ``[[…]]`` link, quoted in See Also (``- "[[Sleep Basics]]"``, as a header error
    about ``- [[Sleep Basics]]`` may have led to), is written there without its brackets."""
    if kind == "see_also" and text.startswith("-") and text[1:2].strip() and text.strip("-"):
        items = ", ".join(f"'- {item}'" for item in _UNSPACED_ITEMS.split(text[1:]))
        return (
            "put a space after the '-' of each item, as YAML reads '-item' as text (and lines"
            f" of such items as one): write {items}, each on a line of its own"
        )
    if kind == "see_also" and text.startswith("[[") and text.endswith("]]"):
        inner = text[2:-2].partition("|")[0].strip()
        return (
            "a [[…]] link belongs in the text: in see_also, write what it names without the"
            f" brackets, - {inner}"
        )
    shown, _, title = name.partition("|")
    shown = shown.strip()
    if kind == "see_also" and "|" in name and (retyped := scheme_retyped(shown)):
        return f"its start is mistyped: write {retyped}|{title.strip()}"
    if kind == "see_also" and "|" in name and "://" not in text and not lacks_scheme(shown):
        return (
            "only a web address takes a title after '|' (https://…|Title): an article's card"
            f" shows the article's own title, so write '{shown}' alone"
        )
    if "://" in text:
        return "only http:// and https:// addresses link to the web; " + fix_hint
    if lacks_scheme(name):
        return f"to link to the web, write the whole address: https://{name}"
    return fix_hint
