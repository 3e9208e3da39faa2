"""Keys: digests of what shapes an output, so that an unchanged one is recognised.

A page's key is a digest of the code, its template and its whole plan; a content file's,
of the code, its path and its bytes. Values are encoded with pickle ("fast" mode, without
back-references), a faithful encoding done in C; the values many pages share (bodies,
cards, the site settings) go in as a digest of their value taken once per build
(``SharedDigests``).
"""

from __future__ import annotations

import copyreg
import functools
import hashlib
import io
import pickle
from collections.abc import Callable, Mapping
from typing import Any

from ..core.model import BodyHtml, Card, CardItem, PagePlan, SiteConfig


def source_digest(code: str, path: str, data: bytes) -> bytes:
    """The key of a content file: the generator's code, the file's path and its bytes."""
    return digest_of(code, path, data)


def body_key(digest: bytes, settings: Mapping[str, object]) -> bytes:
    """The key of a rendered body: its file's digest and the markup settings."""
    return digest_of(digest, repr(sorted(settings.items())))


def page_key(
    plan: PagePlan, code: str, template: str, shared: SharedDigests | None = None
) -> bytes | None:
    """The key of a page: the code, its template's digest and its whole plan; None when
    the context cannot be pickled (a closure, a lambda), so the page is always rendered.

    Pickle, not ``repr``: a faithful encoding of the value, done in C, that names plain
    functions by where they live (their behaviour is part of the code fingerprint). In
    "fast" mode, without back-references, so that equal values give equal bytes however
    their objects are shared: articles parsed afresh and articles loaded from the cache
    key alike. What many pages hold, an article's body (``BodyHtml``) and its ``Card``
    (also within a ``CardItem``),
    the site settings (with every person it names), goes in as a digest of its value taken
    once per ``shared`` (one for all the pages of a build): pickling them again for each
    page was most of the keying time."""
    try:
        pickled = (SharedDigests() if shared is None else shared).pickled(plan.context)
    except (pickle.PicklingError, AttributeError, TypeError, ValueError):
        return None
    return digest_of(code, template, plan.template, plan.url, plan.out_path, pickled)


def value_digest(value: object, shared: SharedDigests | None = None) -> bytes | None:
    """A digest of ``value`` as faithful as a page key's: types, dict order and time zones
    tell values apart that ``==`` finds equal; None if it cannot be pickled. ``shared``, as
    for ``page_key``, spares digesting again the cards and bodies it has seen."""
    try:
        return digest_of((SharedDigests() if shared is None else shared).pickled(value))
    except (pickle.PicklingError, AttributeError, TypeError, ValueError):
        return None


class SharedDigests(dict[int, tuple[object, bytes]]):
    """``id(value)`` → (the value, kept so that its id is not reused; its digest), for the
    keys of one build; and the pickler they are made with, made once (making one costs
    more than pickling a small value, and a build keys thousands)."""

    __slots__ = ("_spare",)

    def __init__(self) -> None:
        super().__init__()
        self._spare: tuple[io.BytesIO, pickle.Pickler] | None = None

    def pickled(self, value: object) -> bytes:
        """``value`` pickled as keys pickle it. The pickler is taken while it works, so a
        value digested within (a card in a page) gets one of its own; one that raised is
        dropped, whatever state it was left in."""
        spare, self._spare = self._spare, None
        if spare is None:
            buffer = io.BytesIO()
            spare = (buffer, _key_pickler(buffer, self))
        buffer, pickler = spare
        buffer.seek(0)
        buffer.truncate()
        pickler.dump(value)
        self._spare = spare
        return buffer.getvalue()


def _key_pickler(buffer: io.BytesIO, shared: SharedDigests) -> pickle.Pickler:
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    reduce_shared = functools.partial(_shared_digest, shared)
    pickler.dispatch_table = {
        **copyreg.dispatch_table,
        **{kind: reduce_shared for kind in (BodyHtml, Card, SiteConfig)},
        CardItem: _card_item,
    }
    return pickler


def _shared_digest(
    shared: SharedDigests, value: BodyHtml | Card | SiteConfig
) -> tuple[Callable[[bytes], bytes], tuple[bytes]]:
    known = shared.get(id(value))
    if known is None:
        if isinstance(value, BodyHtml):
            digest = digest_of(type(value).__name__, value)
        else:
            fields = dict(value) if isinstance(value, Card) else value.__reduce__()
            digest = digest_of(type(value).__name__, shared.pickled(fields))
        known = shared[id(value)] = (value, digest)
    return _digested, (known[1],)


def _card_item(item: CardItem) -> tuple[Callable[..., CardItem], tuple[Card, dict[str, Any]]]:
    """A ``CardItem`` in a page key's pickle: its card (which stands as its shared digest)
    and what it adds, rather than every key of the card again."""
    return CardItem, (item.card, item.extra)


def _digested(digest: bytes) -> bytes:
    """What a shared value stands as in a page key's pickle (hashed, never unpickled)."""
    return digest


def digest_of(*parts: str | bytes) -> bytes:
    """A 16-byte digest of ``parts``, each length-prefixed so no two lists collide."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.digest()
