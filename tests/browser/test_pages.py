"""Pages and the menu in Debian's Chromium: the header leads to each page, marks the one open,
and a page leads on to the articles it names."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from tests.browser.conftest import Reader, new_page, open_menu

MENU = ["About", "Editorial policy", "Medical disclaimer", "Contact"]
BUILT_IN = ["Archive", "Tags", "See Also index"]


def current(page) -> list[str]:
    return page.locator("header nav a[aria-current=page]").all_text_contents()


def test_the_menu_leads_to_each_page_and_marks_it(reader: Reader, real_blog: Path, serve) -> None:
    base = serve(real_blog)
    page = reader.page
    page.goto(base)
    titles = page.locator("header nav a").all_text_contents()
    assert titles[: len(MENU)] == MENU
    assert titles[len(MENU) : len(MENU) + len(BUILT_IN)] == BUILT_IN
    assert current(page) == []
    for title in MENU:
        open_menu(page)
        page.locator("header nav a", has_text=title).first.click()
        page.wait_for_load_state()
        assert current(page) == [title]
        assert page.locator("main article.page h1").is_visible()
        assert page.locator(".byline, .disclaimer, .see-also, .linked-from").count() == 0
    assert urlsplit(page.url).path == "/contact/"
    open_menu(page)
    page.locator("header nav a", has_text="Archive").click()
    page.wait_for_load_state()
    assert current(page) == ["Archive"]
    assert page.locator("main a[href='/about/'], main a[href='/contact/']").count() == 0
    assert reader.external == []


def test_a_page_leads_on_to_articles_and_articles_back_to_the_policy(
    reader: Reader, real_blog: Path, serve
) -> None:
    base = serve(real_blog)
    page = reader.page
    page.goto(base + "about/")
    link = page.locator("article.page .body a.internal").first
    title = link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert page.locator("article h1").inner_text() == title
    assert page.locator(".linked-from a[href='/about/']").count() == 0  # a page is no linker
    page.locator(".disclaimer a", has_text="editorial policy").click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == "/editorial-policy/"
    assert current(page) == ["Editorial policy"]
    assert reader.external == []


def test_the_current_entry_stands_out_by_more_than_colour(browser, real_blog: Path, serve) -> None:
    with new_page(browser, viewport={"width": 1280, "height": 800}) as page:
        page.goto(serve(real_blog) + "medical-disclaimer/")
        entries = page.locator("header nav a")
        weight = "el => getComputedStyle(el).fontWeight"
        marked = page.locator("header nav a[aria-current=page]").evaluate(weight)
        others = {entries.nth(i).evaluate(weight) for i in range(entries.count())} - {marked}
        assert int(marked) >= 700 and all(int(w) < 700 for w in others)
