"""schema.org structured data for an article: ``BlogPosting`` and ``MedicalWebPage``.

Both nodes go in one ``@graph``: the posting is the page's main entity, the
medical page carries who reviewed it, when, on what sources, under which policy.
"""

from __future__ import annotations

import json
import zoneinfo
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..core.dates import iso_date
from ..core.model import NO_CREDITS, Article, Credits, NumberedReference, Person, Site
from ..core.urls import article_url, person_url
from .pictures import share_image

SCHEMA = "https://schema.org"
_JSON_LD = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str, check_circular=False)
"""What ``json.dumps`` with these settings makes for each call (every article page's), made
once. Without the check for cycles, which notes every dict and list on the way (2 of the
15 us an article's JSON-LD takes): ``article_json_ld`` builds each document afresh from
dicts, lists and text, none holding another twice."""


def _one_shot(encoder: json.JSONEncoder) -> Callable[[Any], str]:
    """``encoder.encode``, through the C encoder it would make for each call made once (and
    its chunks joined as ``encode`` joins them), where the C encoder is there."""
    try:
        from _json import make_encoder
    except ImportError:
        return encoder.encode
    chunks = make_encoder(
        None, encoder.default, json.encoder.encode_basestring, None, encoder.key_separator,
        encoder.item_separator, encoder.sort_keys, encoder.skipkeys, encoder.allow_nan,
    )  # fmt: skip
    return lambda data: "".join(chunks(data, 0))


_encoded = _one_shot(_JSON_LD)


def article_json_ld(site: Site, article: Article) -> dict[str, Any]:
    """The JSON-LD document for ``article``'s page."""
    base = site.config.base_url
    url = base + article_url(article.slug)
    meta = article.meta
    credits = site.credits.get(article.slug, NO_CREDITS)
    posting: dict[str, Any] = {
        "@type": "BlogPosting",
        "@id": url + "#article",
        "headline": meta.title,
        "url": url,
        "mainEntityOfPage": {"@id": url},
        "inLanguage": site.config.language,
    }
    if description := site.descriptions[article.slug]:
        # An article with no body and no description: schema.org's description is optional,
        # and an empty one is a text that says nothing, which validators flag.
        posting["description"] = description
    if meta.date:
        zone = site.config.zone
        posting["datePublished"] = iso_date(meta.date, zone)
        posting["dateModified"] = iso_date(meta.updated or meta.date, zone)
    if credits.author is not None:
        posting["author"] = person_json_ld(credits.author, base)
    if meta.tags:
        posting["keywords"] = list(meta.tags)
    placed = site.images.get(article.slug)
    shared = share_image(placed, meta.image, base) if placed and meta.image else None
    if shared is not None:
        posting["image"] = {
            "@type": "ImageObject",
            "url": shared["url"],
            "width": shared["width"],
            "height": shared["height"],
            **({"caption": meta.image.caption} if meta.image and meta.image.caption else {}),
        }
    graph = [posting]
    if article.slug != site.policy_slug:
        graph.append(_medical_page(site, article, credits, url))
    return {"@context": SCHEMA, "@graph": graph}


def _medical_page(site: Site, article: Article, credits: Credits, url: str) -> dict[str, Any]:
    page: dict[str, Any] = {
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": article.meta.title,
        "inLanguage": site.config.language,
        "mainEntity": {"@id": url + "#article"},
    }
    if article.meta.tags:
        page["about"] = [{"@type": "Thing", "name": tag} for tag in article.meta.tags]
    if credits.reviewer is not None and credits.reviewed_on is not None:
        page["lastReviewed"] = credits.reviewed_on.isoformat()
        page["reviewedBy"] = person_json_ld(credits.reviewer, site.config.base_url)
    references = site.references.get(article.slug, ())
    if references:
        zone = site.config.zone  # a look-up of the zone by its name each time
        page["citation"] = [_citation(r, zone) for r in references]
    if site.policy_url:
        page["publishingPrinciples"] = _absolute(site.policy_url, site.config.base_url)
    return page


def person_json_ld(person: Person, base_url: str) -> dict[str, Any]:
    """A schema.org ``Person``: name, credentials, and where to learn more about them."""
    data: dict[str, Any] = {"@type": "Person", "name": person.name}
    if person.id is not None:
        data["@id"] = base_url + person_url(person.id) + "#person"
        data["url"] = base_url + person_url(person.id)
    if person.credentials:
        data["honorificSuffix"] = person.credentials
        data["hasCredential"] = [
            {"@type": "EducationalOccupationalCredential", "name": part.strip()}
            for part in person.credentials.split(",")
            if part.strip()
        ]
    if person.bio:
        data["description"] = person.bio
    if person.photo:
        data["image"] = _absolute(person.photo.lstrip("/"), base_url)
    same_as = [u for u in (person.url, *person.same_as) if u]
    if same_as:
        data["sameAs"] = same_as
    return data


def _citation(numbered: NumberedReference, zone: zoneinfo.ZoneInfo) -> dict[str, Any]:
    reference = numbered.reference
    data: dict[str, Any] = {"@type": "CreativeWork", "name": reference.title, "url": reference.url}
    if reference.authors:
        # Text, not Person nodes: "Smith J, et al." names people without saying which ones.
        data["author"] = reference.authors
    if reference.publisher:
        data["publisher"] = {"@type": "Organization", "name": reference.publisher}
    if isinstance(reference.date, int):
        data["datePublished"] = str(reference.date)
    elif reference.date:
        data["datePublished"] = iso_date(reference.date, zone)
    return data


def _absolute(url: str, base_url: str) -> str:
    return url if "://" in url else base_url + url


def to_json_ld(data: Any) -> Markup:
    """JSON for a ``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` escaped."""
    text = _encoded(data)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
