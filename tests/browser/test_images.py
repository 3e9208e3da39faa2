"""Images in a browser: the hero and its caption show, and the browser downloads a smaller
copy of it on a phone than on a wide screen (``srcset``/``sizes`` at work)."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import new_page

HERO = "figure.hero img"


def shown_hero(browser, base: str, width: int) -> dict:
    """The hero as a browser of ``width`` CSS pixels (one device pixel each) shows it."""
    with new_page(browser, viewport={"width": width, "height": 900}) as page:
        page.goto(base + "alpha/")
        page.wait_for_function(f"document.querySelector('{HERO}').complete")
        return page.evaluate(
            """selector => {
                const img = document.querySelector(selector);
                const caption = document.querySelector("figure.hero figcaption");
                const box = img.getBoundingClientRect(), title = document.querySelector("h1");
                return {src: img.currentSrc, loaded: img.naturalWidth, width: box.width,
                        height: box.height, caption: caption.innerText,
                        captionShown: caption.getBoundingClientRect().height > 0,
                        belowTitle: box.top > title.getBoundingClientRect().bottom};
            }""",
            HERO,
        )


def test_the_phone_downloads_a_smaller_copy_of_the_hero_than_a_wide_screen(
    browser, fixture_blog: Path, serve
) -> None:
    base = serve(fixture_blog)
    phone, wide = shown_hero(browser, base, 390), shown_hero(browser, base, 1280)
    assert phone["src"].endswith("/images/hero-480w.webp")
    assert wide["src"].endswith("/images/hero-960w.webp")
    assert phone["loaded"] < wide["loaded"]
    for shown in (phone, wide):
        assert shown["belowTitle"] and shown["captionShown"]
        assert shown["caption"].startswith("A placeholder hero image.")
        assert "Image: Example Author" in shown["caption"]
        assert round(shown["width"] / shown["height"]) == 2  # its proportions kept


def test_a_body_image_too_picks_its_copy_by_the_screen(browser, fixture_blog: Path, serve) -> None:
    base = serve(fixture_blog)
    picked = []
    for width in (390, 1280):
        with new_page(browser, viewport={"width": width, "height": 900}) as page:
            page.goto(base + "alpha/")
            chart = page.locator(".body picture img").first
            chart.scroll_into_view_if_needed()
            page.wait_for_function("document.querySelector('.body picture img').currentSrc !== ''")
            picked.append(chart.evaluate("img => img.currentSrc"))
    assert picked[0].endswith("/images/chart-480w.webp")
    assert picked[1].endswith("/images/chart-960w.webp")


def share_tags(page) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(
            'meta[property^="og:image"], meta[name^="twitter:"]')]
            .map(m => [m.getAttribute("property") || m.getAttribute("name"), m.content]))"""
    )


def test_share_tags_name_an_image_the_site_serves_at_the_size_they_say(
    browser, fixture_blog: Path, serve
) -> None:
    base = serve(fixture_blog)
    with new_page(browser) as page:
        for path, card in [
            ("alpha/", "hero-1600w.jpg"),
            ("gamma/", "share.png"),
            ("", "share.png"),
        ]:
            page.goto(base + path)
            tags = share_tags(page)
            assert tags["twitter:card"] == "summary_large_image"
            assert tags["og:image"] == tags["twitter:image"] == "https://example.org/images/" + card
            assert tags["og:image:alt"]
            served = page.request.get(tags["og:image"].replace("https://example.org/", base))
            assert served.ok and served.headers["content-type"] == tags["og:image:type"]
            size = page.evaluate(
                """async url => { const b = await createImageBitmap(await (await fetch(url)).blob());
                return [b.width, b.height]; }""",
                tags["og:image"].replace("https://example.org/", base),
            )
            assert size == [int(tags["og:image:width"]), int(tags["og:image:height"])]
