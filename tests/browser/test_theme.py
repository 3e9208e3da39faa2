"""The designed theme in Debian's Chromium: cards, See Also cards, the See Also index's
sections, the phone menu (one line, opens and closes, reachable by keyboard), the logo and
the accent colour in light and dark mode."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.core.programs import find_pagefind
from tests.browser.conftest import FIXTURE_ACCENT, PHONE, Reader, need, new_page
from tests.browser.facts import lone_separators
from tests.conftest import SITE_YAML, article

DESKTOP = {"width": 1280, "height": 900}


def rgb(css: str) -> tuple[int, int, int]:
    """``rgb(1, 2, 3)`` as a tuple."""
    red, green, blue = (int(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    return (red, green, blue)


def box(locator: Any) -> dict[str, float]:
    found = locator.bounding_box()
    assert found is not None, "not rendered"
    return found


def test_home_cards_show_title_description_date_reading_time_and_review(
    browser, real_blog: Path, serve
) -> None:
    with new_page(browser, viewport=DESKTOP) as page:
        page.goto(serve(real_blog))
        cards = page.locator("main .card-grid > article.card")
        assert cards.count() >= 10
        for position in range(cards.count()):
            card = cards.nth(position)
            assert card.locator("h2.card-title a").inner_text().strip()
            assert card.locator(".card-description").inner_text().strip()
            meta = card.locator(".card-meta").inner_text()
            assert card.locator(".card-meta time").count() == 1
            assert " min read" in meta
            assert "medically reviewed" in meta.lower()
            if card.locator(".card-image").count():  # an article with a hero image
                image = card.locator(".card-image img")
                assert image.get_attribute("alt") == ""  # the title names the article
                assert box(image)["y"] < box(card.locator(".card-title"))["y"]
                assert box(image)["width"] <= box(card)["width"]
        with_image = page.locator("article.card.card-with-image")
        assert 1 <= with_image.count() < cards.count()  # only where an article has one
        # at 1280 px the cards stand in a grid: three to a row
        tops = [box(cards.nth(i))["y"] for i in range(3)]
        lefts = [box(cards.nth(i))["x"] for i in range(3)]
        assert tops[0] == tops[1] == tops[2] and lefts[0] < lefts[1] < lefts[2]


def test_on_a_phone_cards_are_one_column_and_meta_items_never_split(
    reader: Reader, real_blog: Path, serve
) -> None:
    page = reader.page
    page.goto(serve(real_blog))
    first, second = page.locator("article.card").nth(0), page.locator("article.card").nth(1)
    assert box(first)["x"] == box(second)["x"] and box(second)["y"] > box(first)["y"]
    assert box(first)["width"] <= PHONE["width"]
    status = first.locator(".review-status")
    line = float(
        page.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)", status.element_handle())
    )
    assert box(status)["height"] < 1.5 * line  # "Not yet medically reviewed" stays on one line
    for width in (320, 360, 390):  # where the meta line wraps, no "·" is left alone
        page.set_viewport_size({"width": width, "height": 900})
        assert lone_separators(first.locator(".card-meta")) == [], width


def test_tag_pages_are_cards_under_the_tag_s_written_name(
    reader: Reader, real_blog: Path, serve
) -> None:
    page = reader.page
    page.goto(serve(real_blog) + "tags/mental-health/")
    assert page.locator("h1").inner_text() == "Tagged “mental health”"
    assert page.locator("article.card").count() >= 3
    page.goto(serve(real_blog) + "iv-vs-im-ketamine/")
    tags = page.locator("ul.tags a").all_inner_texts()
    assert "mental health" in tags and not any("-" in tag for tag in tags)


def test_see_also_cards_carry_each_article_s_description(
    reader: Reader, real_blog: Path, serve
) -> None:
    page = reader.page
    base = serve(real_blog)
    page.goto(base + "iv-vs-im-ketamine/")
    cards = page.locator(".see-also li.see-also-card")
    assert cards.count() >= 2
    card = cards.first
    title = card.locator(".card-title a").inner_text()
    description = card.locator(".card-description").inner_text()
    assert box(card)["width"] <= PHONE["width"]
    card.locator(".card-title a").click()
    page.wait_for_load_state()
    assert page.locator("article h1").inner_text() == title
    assert page.locator("meta[name=description]").get_attribute("content") == description
    assert reader.external == []


def test_the_see_also_index_has_initials_counts_and_a_not_yet_linked_section(
    reader: Reader, fixture_blog: Path, serve
) -> None:
    page = reader.page
    page.goto(serve(fixture_blog) + "see-also/")
    groups = page.locator("section.index-group:not(.index-unlinked)")
    initials = [groups.nth(i).locator("h2").inner_text() for i in range(groups.count())]
    assert initials == ["H", "P", "S"]
    entry = page.locator("li#entry-alpha")
    assert entry.locator(".links-out .count").inner_text() == "1"
    assert entry.locator(".links-in .count").inner_text() == "2"
    assert entry.locator(".links-in a").all_inner_texts() == [
        "Hydration Basics",
        "Stretching at a Desk & Other “Small” Habits",
    ]
    unlinked = page.locator("section.index-unlinked")
    assert unlinked.locator("h2").inner_text() == "Not yet linked"
    assert unlinked.locator("li h3").all_inner_texts() == ["Walking"]
    page.locator(".index-jump a", has_text="Not yet linked").click()
    assert page.evaluate("location.hash") == "#Unlinked"
    assert unlinked.locator("h2").is_visible()


def test_on_a_phone_the_menu_is_one_line_that_opens_and_closes_by_keyboard(
    reader: Reader, real_blog: Path, serve
) -> None:
    page = reader.page
    page.goto(serve(real_blog))
    header = page.locator(".site-header-inner")
    title, summary = page.locator(".site-title"), page.locator(".nav-menu > summary")
    assert summary.inner_text().strip() == "Menu"
    # name and button share one row, and the row is no taller than the button and its margin
    assert (
        abs(
            box(title)["y"]
            + box(title)["height"] / 2
            - (box(summary)["y"] + box(summary)["height"] / 2)
        )
        < 4
    )
    assert box(header)["height"] < 80
    links = page.locator(".nav-menu a")
    assert links.count() == 9 and not links.first.is_visible()
    # keyboard: skip link, site name, then the menu button; Enter opens it
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    assert summary.get_attribute("aria-expanded") in (None, "false")
    page.keyboard.press("Enter")
    assert page.locator(".nav-menu").get_attribute("open") is not None
    assert all(links.nth(i).is_visible() for i in range(links.count()))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "About"
    for _ in range(links.count() - 1):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Feed"
    # each entry is a comfortable target, and the open panel covers the page, not the header
    assert all(box(links.nth(i))["height"] >= 24 for i in range(links.count()))
    assert box(page.locator(".nav-menu > ul"))["y"] >= box(header)["y"] + box(header)["height"] - 1
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator(".nav-menu").get_attribute("open") is None
    assert not links.first.is_visible()


def test_on_a_phone_the_open_menu_never_hides_the_focused_link(
    reader: Reader, real_blog: Path, serve
) -> None:
    """The open panel covers the top of the page: a Tab past its last entry put focus on the
    article's tags and contents links under it, out of sight. While keyboard focus is outside
    the menu the panel steps aside (and menu.js closes the menu with it); back in the menu
    (Shift+Tab comes back to its button) it shows again, open."""
    page = reader.page
    page.goto(serve(real_blog) + "ketamine-mental-fitness/")
    menu, summary = page.locator(".nav-menu"), page.locator(".nav-menu > summary")
    links = page.locator(".nav-menu a")
    summary.focus()
    page.keyboard.press("Enter")
    assert links.first.is_visible()
    for _ in range(links.count() + 1):  # every entry, then on into the article
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('article') !== null")
    focused = page.evaluate(
        """() => { const r = document.activeElement.getBoundingClientRect();
        const shown = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return document.activeElement.contains(shown); }"""
    )
    assert focused, "the focused link is under something else"
    assert not links.first.is_visible()
    page.keyboard.press("Shift+Tab")
    assert menu.get_attribute("open") is not None
    assert links.last.is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"  # the hidden links skipped


def test_on_a_phone_one_tap_on_menu_brings_back_the_panel_a_text_field_hid(
    browser, site, serve
) -> None:
    """While :focus-visible is outside the menu the open panel steps aside, and a text field
    has it even when tapped. On the search page (one menu entry: the field is below the
    panel) a tap on Menu, a tap into the field, then a tap on Menu closed the menu that still
    stood open, which changed nothing on screen: it took a second tap to open it. That tap
    now shows the panel, the menu open, and the next one closes it (the menu is closed while
    its panel is aside, menu.js, so the tap opens it). After Tab has left the menu, a click
    on Menu shows the panel the same way."""
    need(find_pagefind() is not None, "Pagefind is not installed: pip install -e '.[dev]'")
    menu_yaml = "menu_builtin: false\nmenu:\n  - {title: Zinc, link: zinc}\n"
    root = site({"zinc.md": article("Zinc", "## One\n\nA.")}, site_yaml=SITE_YAML + menu_yaml)
    build_site(root, BuildOptions(output=root / "public"))
    with new_page(browser, viewport=PHONE, has_touch=True) as page:
        page.goto(serve(root / "public") + "search/")
        menu, entry = page.locator(".nav-menu"), page.locator(".nav-menu a")
        summary, field = page.locator(".nav-menu > summary"), page.locator("#search-input")

        def tap(target: Any) -> None:  # a finger, where the thing is: whatever is on top
            found = box(target)
            page.touchscreen.tap(found["x"] + found["width"] / 2, found["y"] + 10)

        tap(summary)
        tap(field)
        assert page.evaluate("document.activeElement.id") == "search-input"
        assert menu.get_attribute("open") is None and not entry.is_visible()  # closed, as seen
        tap(summary)
        assert menu.get_attribute("open") is not None and entry.is_visible()
        tap(summary)
        assert menu.get_attribute("open") is None and not entry.is_visible()

        page.goto(serve(root / "public") + "zinc/")
        summary.focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")  # past the one entry, into the article
        assert not entry.is_visible()
        found = box(summary)
        page.mouse.click(found["x"] + found["width"] / 2, found["y"] + found["height"] / 2)
        assert menu.get_attribute("open") is not None and entry.is_visible()


def announced_expanded(page: Any) -> bool | None:
    """Whether Chromium's accessibility tree says the "Menu" button is expanded, as a screen
    reader announces it; None where the button is not in the tree (a wide screen)."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    for node in nodes:
        named = node.get("name", {}).get("value") == "Menu"
        if named and not node.get("ignored") and node["role"]["value"] == "DisclosureTriangle":
            states = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
            return bool(states.get("expanded"))
    return None


def test_on_a_phone_the_menu_button_is_announced_expanded_only_while_its_panel_shows(
    reader: Reader, real_blog: Path, serve
) -> None:
    """While keyboard focus is outside the open menu its panel steps aside, and the <details>
    stayed open: the button was announced as expanded over a panel no one could see, also
    after the window went wide and back with focus outside. A script now closes the menu
    when its panel is not shown, and opens it again when the keyboard comes back to it."""
    page = reader.page
    page.goto(serve(real_blog) + "ketamine-mental-fitness/")
    menu, summary = page.locator(".nav-menu"), page.locator(".nav-menu > summary")
    panel, links = page.locator(".nav-menu > ul"), page.locator(".nav-menu a")

    def in_step(shown: bool) -> None:
        # a resize reaches the script a frame later: wait (5 s at most) for the menu to follow
        page.wait_for_function(
            "shown => document.querySelector('.nav-menu').open === shown", arg=shown, timeout=5000
        )
        assert panel.is_visible() is shown
        assert announced_expanded(page) is shown
        assert (menu.get_attribute("open") is not None) is shown

    in_step(False)
    summary.focus()
    page.keyboard.press("Enter")
    in_step(True)
    for _ in range(links.count() + 1):  # every entry, then on into the article
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('article') !== null")
    in_step(False)
    page.keyboard.press("Shift+Tab")  # back to the button: the panel as it was
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    in_step(True)
    page.keyboard.press("Enter")
    in_step(False)

    found = box(summary)  # opened with the pointer, then wide, Tab on past the row, narrow
    page.mouse.click(found["x"] + found["width"] / 2, found["y"] + found["height"] / 2)
    in_step(True)
    page.set_viewport_size(DESKTOP)
    assert announced_expanded(page) is None and links.first.is_visible()
    for _ in range(links.count() + 3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    page.set_viewport_size(PHONE)
    in_step(False)
    summary.click()
    in_step(True)


def test_on_a_wide_screen_the_whole_menu_is_one_row_beside_the_name(
    browser, real_blog: Path, serve
) -> None:
    with new_page(browser, viewport=DESKTOP) as page:
        page.goto(serve(real_blog))
        assert not page.locator(".nav-menu > summary").is_visible()
        links = page.locator(".nav-menu a")
        rows = {round(box(links.nth(i))["y"]) for i in range(links.count())}
        assert len(rows) == 1
        assert box(links.first)["x"] > box(page.locator(".site-title"))["x"] + 100
        # shown, so in the accessibility tree too, though the disclosure holding them is closed
        assert page.get_by_role("link", name="See Also index").count() == 1
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "About"


LONG_MENU = [
    "About",
    "Editorial policy",
    "Medical disclaimer",
    "Contact",
    "Newsletter",
    "Corrections policy",
    "Advertising policy",
    "Privacy policy",
]
"""With the built-ins (Archive, Tags, See Also index, Search where Pagefind ran, Feed): twelve
or thirteen entries, more than one row beside the site's name holds at 1280 px."""


def test_a_long_menu_wraps_under_the_name_never_past_the_screen_nor_squashing_it(
    browser, site, serve
) -> None:
    menu = "".join(
        f'  - {{title: "{title}", link: "https://example.org/{n}"}}\n'
        for n, title in enumerate(LONG_MENU)
    )
    root = site(
        {"a.md": article("Alpha")},
        site_yaml=f'title: "Example Health Notes"\nbase_url: "https://example.org/"\nmenu:\n{menu}',
    )
    build_site(root, BuildOptions(output=root / "public"))
    url = serve(root / "public")
    for width in (1024, 1280, 1440):
        with new_page(browser, viewport={"width": width, "height": 900}) as page:
            page.goto(url)
            links = page.locator(".nav-menu a")
            assert links.count() >= len(LONG_MENU) + 4
            assert all(links.nth(i).is_visible() for i in range(links.count()))
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            title = page.locator(".site-title")
            # one line, as wide as the name itself (not squashed to a letter a line)
            assert box(title)["height"] < 2 * float(
                title.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
            )
            natural = title.evaluate(
                "e => { const r = document.createRange();"
                " r.selectNodeContents(e); return r.getBoundingClientRect().width; }"
            )
            assert box(title)["width"] >= natural - 1
            for i in range(links.count()):
                right = box(links.nth(i))["x"] + box(links.nth(i))["width"]
                assert right <= width, f"{links.nth(i).inner_text()} runs off at {width} px"


def test_the_logo_stands_for_the_title_and_the_accent_colours_links(
    browser, fixture_blog: Path, serve
) -> None:
    for scheme in ("light", "dark"):
        with new_page(browser, viewport=PHONE, color_scheme=scheme) as page:
            page.goto(serve(fixture_blog) + "alpha/")
            logo = page.locator(".site-title img.site-logo")
            assert logo.get_attribute("alt") == "Example Health Notes"
            assert (logo.get_attribute("width"), logo.get_attribute("height")) == ("180", "40")
            assert page.evaluate("e => e.complete && e.naturalWidth > 0", logo.element_handle())
            assert page.locator(".site-title").inner_text().strip() == ""
            link = page.locator(".body a[href^='https://example.org/reading']")
            colour = rgb(link.evaluate("e => getComputedStyle(e).color"))
            stripe = rgb(
                page.locator(".site-header").evaluate("e => getComputedStyle(e).borderTopColor")
            )
            if scheme == "light":
                assert colour == FIXTURE_ACCENT == stripe
            else:  # the derived dark accent: lighter than the accent, same colour in the stripe
                assert colour == stripe and sum(colour) > sum(FIXTURE_ACCENT) + 150


def test_the_byline_wraps_between_its_items_never_inside_a_short_one_or_a_date(
    reader: Reader, fixture_blog: Path, serve
) -> None:
    page = reader.page
    page.goto(serve(fixture_blog) + "reviewed-posture/")
    byline = page.locator("p.byline")
    items = byline.locator(".byline-item")
    assert items.count() == 5  # date, author, review, reading time, next review
    line = float(byline.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    assert box(byline)["height"] > 1.5 * line  # too long for one line at 390 px: it wraps
    for i in range(items.count()):
        item = items.nth(i)
        if len(item.inner_text()) <= 30:  # fits a phone's line: kept whole
            assert box(item)["height"] < 1.5 * line, item.inner_text()
    dates = byline.locator("time")
    assert dates.count() == 3  # published, reviewed on, next review due
    for width in range(320, 1281, 16):  # a long item may wrap inside, never inside its date
        page.set_viewport_size({"width": width, "height": 900})
        for i in range(dates.count()):
            assert box(dates.nth(i))["height"] < 1.5 * line, (width, dates.nth(i).inner_text())
        assert lone_separators(byline) == [], width


def test_a_see_also_card_shows_the_linked_article_s_image_in_a_small_copy(
    reader: Reader, fixture_blog: Path, serve
) -> None:
    page = reader.page
    page.goto(serve(fixture_blog) + "gamma/")  # its See Also: "Sleep and Recovery", with a hero
    card = page.locator(".see-also li.see-also-card.card-with-image")
    assert card.count() == 1
    assert card.locator(".card-title a").inner_text() == "Sleep and Recovery"
    image = card.locator(".card-image img")
    assert image.get_attribute("alt") == ""
    assert box(image)["y"] < box(card.locator(".card-title"))["y"]
    image.scroll_into_view_if_needed()
    page.wait_for_function("e => e.complete && e.naturalWidth > 0", arg=image.element_handle())
    # a phone-wide card gets one of the copies, not the 2000-pixel original
    assert 0 < image.evaluate("e => e.naturalWidth") < 2000
    assert reader.external == []


LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosisexplained"
"""One word of 54 letters, as a writer may coin (or a compound noun of German): wider than a
phone's screen in the archive list's and the tag chips' type."""


def test_a_word_wider_than_a_phone_wraps_in_the_lists_and_tag_chips(browser, site, serve) -> None:
    """Flex items and inline blocks size to their longest word: without a break allowed inside
    it, the archive list and the tag chips pushed the page sideways at 390 px."""
    root = site({"a.md": article(LONG_WORD, tags=f"[{LONG_WORD.lower()}, sleep]")})
    build_site(root, BuildOptions(output=root / "public"))
    url = serve(root / "public")
    tag = LONG_WORD.lower()
    with new_page(browser, viewport=PHONE) as page:
        for path in ("", "archive/", "tags/", f"tags/{tag}/", "a/"):
            page.goto(url + path)
            assert LONG_WORD[:20].lower() in page.locator("main").inner_text().lower(), path
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"/{path} is {width} px wide"
