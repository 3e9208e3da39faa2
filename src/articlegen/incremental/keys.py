"""Keys: digests of what shapes an output, so that an unchanged one is recognised.

A page's key is a digest of the code, its template and its whole plan; a content file's,
of the code, its path and its bytes. Values are encoded with pickle ("fast" mode, without
back-references), a faithful encoding done in C; the values many pages share (bodies,
cards, the site settings) go in as a digest of their value taken once per build
(``SharedDigests``), a list of cards (``CardList``) as its cards' digests joined.
"""

from __future__ import annotations

import copyreg
import dataclasses
import datetime as dt
import functools
import hashlib
import inspect
import io
import operator
import pickle
from collections.abc import Callable, Mapping
from typing import Any, cast, get_args

from ..core import model, urls
from ..core.model import (
    BodyHtml,
    Card,
    CardItem,
    CardList,
    NumberedReferences,
    PagePlan,
    SiteConfig,
)
from ..markup.placeholders import BodyFill
from ..render import urlmaker
from ..render.urlmaker import UrlMaker

SharedValue = BodyHtml | Card | NumberedReferences | SiteConfig
"""What keys digest once per build, by its value, and take by its digest wherever it is held."""


def source_digest(code: str, path: str, data: bytes) -> bytes:
    """The key of a content file: the generator's code, the file's path and its bytes."""
    return digest_of(code, path, data)


def body_key(digest: bytes, settings: Mapping[str, object] | str) -> bytes:
    """The key of a rendered body: its file's digest and the markup settings, or their
    ``settings_text``, which a build takes once for all its bodies rather than per body."""
    return digest_of(digest, settings if isinstance(settings, str) else settings_text(settings))


def settings_text(settings: Mapping[str, object]) -> str:
    """The markup settings as a body's key holds them."""
    return repr(sorted(settings.items()))


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
    page was most of the keying time. So does an article's reference list
    (``NumberedReferences``), which the plan record's digest of the site takes first."""
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


class SharedDigests(dict[int, bytes]):
    """``id(value)`` → its digest, for the keys of one build, each value kept (``kept``) so
    that its id is not reused; and the picklers they are made with, each made once (making
    one costs more than pickling a small value, and a build keys thousands). The digests
    are a mapping of their own, not beside their values, so that a list of cards finds its
    cards' digests in C (``_card_list``)."""

    __slots__ = ("_spares", "kept")

    def __init__(self) -> None:
        super().__init__()
        self._spares: list[tuple[io.BytesIO, pickle.Pickler]] = []
        self.kept: list[object] = []
        """Every value digested, for its id to stay its own while its digest is here."""

    def pickled(self, value: object) -> bytes:
        """``value`` pickled as keys pickle it. A pickler is taken while it works, so a
        value digested within (a card in a page) takes another, kept too: a cold build
        digests each article's card within the first page that lists it, and making a
        pickler for each cost more than pickling the card. One that raised is dropped,
        whatever state it was left in."""
        spares = self._spares
        if spares:
            spare = spares.pop()
        else:
            buffer = io.BytesIO()
            spare = (buffer, _key_pickler(buffer, self))
        buffer, pickler = spare
        buffer.seek(0)
        buffer.truncate()
        pickler.dump(value)
        spares.append(spare)
        return buffer.getvalue()


def _key_pickler(buffer: io.BytesIO, shared: SharedDigests) -> pickle.Pickler:
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.memo = _NUMBERED
    reduce_shared = functools.partial(_shared_digest, shared)
    pickler.dispatch_table = {
        **copyreg.dispatch_table,
        **_RECORDS_REDUCED,
        **_REDUCTIONS,
        **{kind: reduce_shared for kind in _SHARED_TYPES},
        CardItem: functools.partial(_card_item, shared),
        CardList: functools.partial(_card_list, shared),
    }
    return pickler


def _shared_digest(
    shared: SharedDigests, value: SharedValue
) -> tuple[Callable[[bytes], bytes], tuple[bytes]]:
    return _digested, (_digest_once(shared, value),)


def _digest_once(shared: SharedDigests, value: SharedValue) -> bytes:
    """The digest of a shared value, taken the first time ``shared`` meets it."""
    digest = shared.get(id(value))
    if digest is None:
        if isinstance(value, BodyHtml):
            digest = digest_of(type(value).__name__, value)
        else:
            fields = dict(value) if isinstance(value, Card) else value.__reduce__()
            digest = digest_of(type(value).__name__, shared.pickled(fields))
        shared[id(value)] = digest
        shared.kept.append(value)
    return digest


def _card_item(
    shared: SharedDigests, item: CardItem
) -> tuple[Callable[..., CardItem], tuple[bytes, dict[str, Any]]]:
    """A ``CardItem`` in a page key's pickle: its card's shared digest and what it adds,
    rather than every key of the card again; the digest goes in as it is, where a card
    alone goes in reduced to it (one reduction less: the See Also index holds thousands)."""
    digest = shared.get(id(item.card))
    return CardItem, (digest if digest is not None else _digest_once(shared, item.card), item.extra)


def _card_list(
    shared: SharedDigests, cards: CardList
) -> tuple[type[CardList], tuple[bytes] | tuple[list[Any]]]:
    """A ``CardList`` in a page key's pickle: its cards' shared digests joined (each 16
    bytes), rather than each card reduced to its digest apart; a list that holds anything
    but values digested once a build (``SharedValue``, each digest of its type's name too)
    goes in item by item. The digests are looked up in C, and taken one by one only when
    an item has none yet: a cold build's pages list some 80,000 cards, nearly all digested
    by an earlier page, so the types are looked at only then."""
    known = list(map(shared.get, map(id, cards)))
    if None in known:
        if not set(map(type, cards)) <= _SHARED_TYPES:
            return CardList, (list(cards),)
        known = [_digest_once(shared, card) for card in cards]
    return CardList, (b"".join(cast("list[bytes]", known)),)


def _digested(digest: bytes) -> bytes:
    """What a shared value stands as in a page key's pickle (hashed, never unpickled)."""
    return digest


def _body_fill(fill: BodyFill) -> tuple[type[BodyFill], tuple[object, ...]]:
    """A body's fill (a dataclass of ``markup``, which would reduce itself field by field
    in Python) as its class and its fields' values, taken by one getter of every field of
    the dataclass, so that a field added to it later is in the key without a word here.
    Its citations go through the pickler by their own reduction: flattening them into
    tuples, as the link graph, front-matter and numbered references were too, cost more
    CPU time than it spared (docs/speed.md)."""
    return BodyFill, _FILL_VALUES(fill)


def _numbered() -> dict[int, tuple[int, object]]:
    """The classes and functions keys name most, each under a number of its own, in a
    pickler's memo: a name that a fast pickler (no memo of its own) would write out and
    import again for every value it names (a record's class: about 0.6 of the 0.9 µs a
    record costs) becomes that number. The same list for every pickler of the same code,
    in an order fixed by the code alone (names sorted), so equal values still give equal
    bytes in every process, and a number stands for one object only; the code fingerprint
    in every key holds the rest. Unpickling is never needed, so that the memo names
    objects it never stored does not matter."""
    named: dict[int, object] = {}
    for value in (_digested, UrlMaker, BodyFill, *_DATES):
        named[id(value)] = value
    for module in (model, urls):
        for _, value in sorted(vars(module).items()):
            if (isinstance(value, type) or inspect.isfunction(value)) and (
                value.__module__ == module.__name__
            ):
                named.setdefault(id(value), value)
    return {key: (number, value) for number, (key, value) in enumerate(named.items())}


def own_reductions(module: object) -> dict[type, Callable[[Any], Any]]:
    """Each class of ``module`` that reduces itself (``records.record``'s), under its
    ``__reduce__``: in a pickler's dispatch table, a record is reduced by that function at
    once, to the same bytes, where the pickler otherwise looks up ``__reduce_ex__``, whose
    ``object`` version looks up and calls ``__reduce__`` (about a tenth of keying a page)."""
    return {
        value: vars(value)["__reduce__"]
        for _, value in sorted(vars(module).items())
        if isinstance(value, type)
        and value.__module__ == getattr(module, "__name__", None)
        and "__reduce__" in vars(value)
    }


def digest_of(*parts: str | bytes) -> bytes:
    """A 16-byte digest of ``parts``, each length-prefixed so no two lists collide.

    SHA-256 (its first 16 bytes), which OpenSSL computes with the processor's SHA
    instructions where there are: a cold build digests each article's bytes, its page's
    plan and its body's HTML, about 25 kB an article, and BLAKE2b (hashlib's own code)
    took half as long again over them; for a short value the two cost the same."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.digest()[:16]


_DATES = (dt.date, dt.datetime, dt.time, dt.timedelta, dt.timezone)
_SHARED_TYPES = frozenset(get_args(SharedValue))
_NUMBERED = _numbered()
_RECORDS_REDUCED = {**own_reductions(model), **own_reductions(urlmaker)}
"""The records keys meet, each by its own reduction: those of ``core.model``, and the two
``UrlMaker``s every page's context holds, which otherwise went by way of
``object.__reduce_ex__`` (the same bytes)."""
_FILL_VALUES = operator.attrgetter(*(field.name for field in dataclasses.fields(BodyFill)))
_REDUCTIONS: dict[type, Callable[[Any], Any]] = {
    **{kind: kind.__reduce__ for kind in (dt.date, dt.timedelta, dt.timezone)},
    BodyFill: _body_fill,
}
"""The key pickler's own reductions: days, time spans and zones by their ``__reduce__`` at
once, not by way of ``object.__reduce_ex__`` (the same bytes, about two thirds of the
instructions; a date-time and a time reduce themselves by protocol, which keeps their
``fold``); a body's fill by its fields' values (``_body_fill``)."""
