"""The card templates (``_card.html``, See Also cards): what a card shows, and the image slot
that appears only for an article with an image."""

from __future__ import annotations

import datetime as dt
from typing import Any

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen.content.config import parse_config
from articlegen.core.model import Card
from articlegen.render.templates import make_environment
from articlegen.render.urlmaker import UrlMaker

SITE = parse_config("title: T\nbase_url: https://e.org/\n")


def card(**fields: Any) -> Card:
    return Card(
        {
            "title": "Sleep & Mood",
            "url": "sleep/",
            "date": dt.date(2024, 5, 14),
            "description": "What a night does.",
            "reading_minutes": 4,
            "draft": False,
            "withheld": None,
            "review": {"reviewed": True, "on": dt.date(2024, 6, 1)},
            "image": None,
            **fields,
        }
    )


def render(item: Card) -> HTMLParser:
    template = make_environment(None).get_template("_card.html")
    return HTMLParser(template.render(item=item, url=UrlMaker("/"), site=SITE))


def test_a_card_shows_title_description_date_reading_time_and_review() -> None:
    page = render(card())
    assert page.css_first("h2.card-title a").attributes["href"] == "/sleep/"
    assert page.css_first("h2.card-title a").text() == "Sleep & Mood"
    assert page.css_first(".card-description").text() == "What a night does."
    meta = page.css_first(".card-meta")
    assert meta.css_first("time").attributes["datetime"] == "2024-05-14"
    assert " ".join(meta.text().replace("\u2060", "").split()) == (
        "14 May 2024 · 4 min read · Medically reviewed 1 June 2024"
    )
    assert page.css(".card-image") == []
    assert "card-with-image" not in page.css_first("article.card").attributes["class"]


def test_an_unreviewed_article_says_so_and_a_page_says_nothing() -> None:
    unreviewed = render(card(review={"reviewed": False, "on": None}))
    assert unreviewed.css_first(".review-status.not-reviewed").text() == (
        "Not yet medically reviewed"
    )
    assert render(card(review=None)).css(".review-status") == []


def test_the_image_slot_is_filled_only_for_an_article_with_an_image() -> None:
    image = {
        "src": "/images/sleep.jpg",
        "width": 960,
        "height": 540,
        "alt": "A bedroom at night",
        "caption": "",
        "credit": "",
        "srcset": "/images/sleep-480.jpg 480w, /images/sleep.jpg 960w",
        "webp_srcset": "/images/sleep-480.webp 480w, /images/sleep.webp 960w",
    }
    page = render(card(image=image))
    assert "card-with-image" in page.css_first("article.card").attributes["class"]
    img = page.css_first("article.card > .card-image picture img")
    attributes = img.attributes
    assert (attributes["src"], attributes["width"], attributes["height"]) == (
        "/images/sleep.jpg",
        "960",
        "540",
    )
    assert attributes["alt"] == ""  # the title beside it names the article
    assert attributes["sizes"].endswith("100vw")  # one card to a phone's row
