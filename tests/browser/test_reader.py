"""What a reader does on a phone, in Debian's Chromium: click through, search, load comments."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from articlegen.core.programs import find_pagefind
from tests.browser.conftest import PHONE, Reader, need, new_page, open_menu, visit_every_page
from tests.conftest import SITE_YAML, article


def path_of(url: str) -> str:
    return urlsplit(url).path


def test_home_to_article_to_see_also_and_back_through_linked_from(
    reader: Reader, real_blog: Path, serve
) -> None:
    base = serve(real_blog)
    page = reader.page
    page.goto(base)
    count = page.locator(".card h2 a").count()
    assert count, "the home page lists no articles"
    for position in range(count):  # the first article on the home page with a See Also link
        page.goto(base)
        card = page.locator(".card h2 a").nth(position)
        title = card.inner_text()
        card.click()
        page.wait_for_load_state()
        assert page.locator("article h1").inner_text() == title
        if page.locator(".see-also a:not([rel=external])").count():
            break
    else:
        pytest.fail("no article on the home page has a See Also link to another article")
    article = path_of(page.url)

    page.locator(".see-also a:not([rel=external])").first.click()
    page.wait_for_url(lambda url: path_of(url) != article)
    assert page.locator("article h1").is_visible()
    back = page.locator(f".linked-from a[href='{article}']")
    assert back.count() == 1, f"{page.url} does not list {article} under Linked from"

    back.click()
    page.wait_for_url(lambda url: path_of(url) == article)
    assert reader.external == []


def open_quietly(reader: Reader, url: str) -> Any:
    """Open ``url`` and let it settle; it must not have asked any other host for anything."""
    page = reader.page
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert reader.external == []
    return page


def test_comments_load_the_provider_script_only_after_the_click(
    reader: Reader, fixture_blog: Path, serve
) -> None:
    page = open_quietly(reader, serve(fixture_blog) + "alpha/")
    assert page.locator("script[src*='giscus']").count() == 0

    with page.expect_request("https://giscus.app/client.js"):
        page.get_by_role("button", name="Show comments").click()
    assert reader.external == ["https://giscus.app/client.js"]
    assert page.locator(".comments-thread script").get_attribute("data-repo") == "example/repo"


def test_show_comments_from_the_keyboard_leaves_focus_on_the_thread(
    reader: Reader, fixture_blog: Path, serve
) -> None:
    """The button hides once pressed: focus went back to the page's body, so a screen
    reader started again from the top. It moves to the thread in the button's place."""
    page = open_quietly(reader, serve(fixture_blog) + "alpha/")
    page.get_by_role("button", name="Show comments").focus()
    with page.expect_request("https://giscus.app/client.js"):
        page.keyboard.press("Enter")
    assert page.get_by_role("button", name="Show comments").is_hidden()
    focused = page.evaluate("document.activeElement.className")
    assert focused == "comments-thread"
    page.keyboard.press("Tab")  # on to what follows the comments, as after the button
    assert page.evaluate("document.activeElement.getAttribute('rel')") == "prev"


def test_video_loads_the_privacy_enhanced_player_only_after_the_click(
    reader: Reader, fixture_blog: Path, serve
) -> None:
    page = open_quietly(reader, serve(fixture_blog) + "hydration-basics/")
    link = page.get_by_role("link", name="A placeholder video")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=aaaaaaaaaaa"

    with page.expect_request("https://www.youtube-nocookie.com/embed/**"):
        link.click()
    assert reader.external == ["https://www.youtube-nocookie.com/embed/aaaaaaaaaaa?autoplay=1"]
    player = page.locator("figure.video iframe")
    assert player.get_attribute("title") == "A placeholder video"
    assert path_of(page.url) == "/hydration-basics/"  # the click played here, it did not navigate


@pytest.mark.parametrize("blog", ["real_blog", "fixture_blog"])
def test_no_page_scrolls_sideways_on_a_phone_or_asks_another_host(
    reader: Reader, blog: str, request: pytest.FixtureRequest, serve
) -> None:
    folder = request.getfixturevalue(blog)
    page = reader.page
    wide, asked = [], []
    for path in visit_every_page(page, folder, serve(folder)):
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append(f"{path} is {width} px wide")
        asked += [f"{path} → {e}" for e in reader.external]
        reader.clear()
    assert wide == []
    assert asked == []


def test_search_for_nmda_finds_the_ketamine_article(reader: Reader, real_blog: Path, serve) -> None:
    need(
        find_pagefind() is not None,
        "Pagefind is not installed: pip install -e '.[dev]'",
    )
    page = reader.page
    page.goto(serve(real_blog))
    open_menu(page)
    page.get_by_role("link", name="Search").click()
    page.get_by_label("Search the articles").fill("NMDA")
    page.locator(".search-results a").first.wait_for()
    found = page.eval_on_selector_all(".search-results a", "links => links.map(a => a.href)")
    assert "/ketamine-mental-fitness/" in [path_of(url) for url in found]
    assert "NMDA" in page.locator(".search-results mark").first.inner_text()
    assert "results for “NMDA”" in page.get_by_role("status").inner_text()
    assert reader.external == []

    page.goto(serve(real_blog) + "search/?q=NMDA")  # a shared search address opens with results
    page.locator(".search-results a[href$='/ketamine-mental-fitness/']").wait_for()


def test_words_typed_before_the_search_script_ran_are_searched(
    reader: Reader, real_blog: Path, serve
) -> None:
    """On a slow connection a reader may type before the deferred script has run: its
    input events are gone, so the script searches what the box holds when it starts."""
    need(
        find_pagefind() is not None,
        "Pagefind is not installed: pip install -e '.[dev]'",
    )
    page = reader.page
    page.route("**/assets/search.js", lambda route: route.abort())
    page.goto(serve(real_blog) + "search/")
    page.get_by_label("Search the articles").fill("NMDA")
    page.unroute("**/assets/search.js")
    page.evaluate(
        """() => {
            const old = document.querySelector("script[data-index]");
            const again = document.createElement("script");
            for (const name of ["src", "data-index", "data-base"]) {
                again.setAttribute(name, old.getAttribute(name));
            }
            document.body.appendChild(again);
        }"""
    )
    page.locator(".search-results a[href$='/ketamine-mental-fitness/']").wait_for()


def test_every_match_the_count_promises_can_be_reached(
    reader: Reader, tmp_path: Path, serve
) -> None:
    """Only the first 20 results were listed, under "45 results", with no way to
    the other 25: a button under them shows 20 more at a time, focus on the first added."""
    need(find_pagefind() is not None, "Pagefind is not installed: pip install -e '.[dev]'")
    (tmp_path / "content").mkdir()
    (tmp_path / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    for n in range(45):
        text = article(
            f"Zinc Note {n}", f"Zinc matters, part {n}.", date=f"2024-01-{n % 28 + 1:02}"
        )
        (tmp_path / "content" / f"zinc-{n}.md").write_text(text, encoding="utf-8")
    build_site(tmp_path, BuildOptions(output=tmp_path / "public"))
    page = reader.page
    page.goto(serve(tmp_path / "public") + "search/?q=zinc")
    page.get_by_role("status").filter(has_text="45 results for").wait_for()
    results = page.locator(".search-results > li")
    assert results.count() == 20
    more = page.get_by_role("button", name="Show more results (25 not shown yet)")
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.search-results > li').length === 40")
    assert (
        page.evaluate("document.activeElement.textContent")
        == results.nth(20).locator("a").inner_text()
    )
    page.get_by_role("button", name="Show more results (5 not shown yet)").click()
    page.wait_for_function("document.querySelectorAll('.search-results > li').length === 45")
    assert page.locator(".search-more").is_hidden()
    found = page.eval_on_selector_all(".search-results a", "links => links.map(a => a.href)")
    assert sorted(path_of(url) for url in found) == sorted(f"/zinc-{n}/" for n in range(45))

    page.get_by_label("Search the articles").fill("part 7")  # a new search starts over
    page.get_by_role("status").filter(has_text="“part 7”").wait_for()
    assert results.count() <= 20


def test_the_count_says_results_as_pages_match_too(reader: Reader, site, serve) -> None:
    """The line above the results said "2 articles match" where one of the two was the
    About page (pages are indexed as articles are), and "1 article matches" for the page
    alone. It counts results, in the singular for one."""
    need(find_pagefind() is not None, "Pagefind is not installed: pip install -e '.[dev]'")
    about = '---\ntitle: "About"\n---\n\nWho writes about zinc here, with editorial care.\n'
    root = site({"zinc.md": article("Zinc Basics", "Zinc matters."), "pages/about.md": about})
    build_site(root, BuildOptions(output=root / "public"))
    page, base = reader.page, serve(root / "public")
    status = page.get_by_role("status")
    said = {
        "zinc": "2 results for “zinc”.",
        "editorial": "1 result for “editorial”.",
        "quinoa": "No results for “quinoa”.",
    }
    for query, line in said.items():
        page.goto(f"{base}search/?q={query}")
        status.filter(has_text="“").wait_for()
        assert status.inner_text() == line
    page.goto(f"{base}search/?q=editorial")
    page.locator(".search-results a").wait_for()
    assert page.locator(".search-results a").get_attribute("href") == "/about/"


def test_excerpts_show_the_text_and_titles_still_rank_first(reader: Reader, site, serve) -> None:
    """Excerpts began with the article's title and tags ("… Magnesium and Sleep. supplements.
    A mineral …"): they were indexed as text. They are metadata now: an excerpt is the text
    alone, a word of the title still puts its article first, a tag still finds its article."""
    need(find_pagefind() is not None, "Pagefind is not installed: pip install -e '.[dev]'")
    magnesium = "A mineral some men take at night to sleep better. Nuts and seeds hold it too."
    nuts = "Nuts hold magnesium, and magnesium is one reason to eat a handful of them."
    root = site(
        {
            "magnesium.md": article("Magnesium and Sleep", magnesium, tags="[supplements]"),
            "nuts.md": article("Nuts as a Snack", nuts, tags="[food, snacks]"),
        }
    )
    build_site(root, BuildOptions(output=root / "public"))
    page, base = reader.page, serve(root / "public")
    expected = {"magnesium": ["/magnesium/", "/nuts/"], "supplements": ["/magnesium/"],
                "nuts": ["/nuts/", "/magnesium/"], "snacks": ["/nuts/"]}  # fmt: skip
    for query, urls in expected.items():
        page.goto(f"{base}search/?q={query}")
        page.get_by_role("status").filter(has_text=f"“{query}”").wait_for()
        results = page.eval_on_selector_all(
            ".search-results > li",
            "items => items.map(i => [i.querySelector('a').getAttribute('href'),"
            " i.querySelector('a').textContent, i.querySelector('p').textContent])",
        )
        assert [url for url, _, _ in results] == urls, query
        for url, title, excerpt in results:
            text = magnesium if url == "/magnesium/" else nuts
            assert excerpt.strip("… ") in text, (query, excerpt)
            assert title not in excerpt


def test_skip_link_comes_first_and_focus_is_visible(
    reader: Reader, fixture_blog: Path, serve
) -> None:
    page = reader.page
    page.goto(serve(fixture_blog) + "alpha/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to content"
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0  # on screen once focused
    assert skip.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert path_of(page.url) + urlsplit(page.url).fragment == "/alpha/main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_everything_reads_without_javascript(browser, fixture_blog: Path, serve) -> None:
    with new_page(browser, java_script_enabled=False, viewport=PHONE) as page:
        page.goto(serve(fixture_blog) + "alpha/")
        assert page.locator(".body").inner_text().startswith("A first paragraph")
        assert page.locator(".toc li").count() >= 4
        assert page.locator(".see-also a").count() == 1
        page.goto(serve(fixture_blog) + "hydration-basics/")
        video = page.locator("figure.video a")
        assert video.get_attribute("href") == "https://www.youtube.com/watch?v=aaaaaaaaaaa"


def test_dark_scheme_and_print_styles(browser, fixture_blog: Path, serve) -> None:
    with new_page(browser, color_scheme="dark") as page:
        page.goto(serve(fixture_blog) + "alpha/")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        red, green, blue = (int(v) for v in background[4:-1].split(","))
        assert red + green + blue < 150, background
        page.emulate_media(media="print")
        assert page.locator(".site-header nav").is_hidden()
        assert page.locator(".comments").is_hidden()
        white = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert white == "rgb(255, 255, 255)"


def test_heading_anchor_shows_on_hover_and_keyboard_focus(
    reader: Reader, fixture_blog: Path, serve
) -> None:
    page = reader.page
    page.goto(serve(fixture_blog) + "alpha/")
    anchor = page.get_by_role("link", name="Link to section: First part", exact=True)
    assert anchor.get_attribute("href") == "#first-part"  # named by its heading, as read aloud

    def opacity() -> str:
        return anchor.evaluate("a => getComputedStyle(a).opacity")

    assert opacity() == "0"
    page.locator("h2#first-part").hover()
    assert opacity() == "1"
    page.mouse.move(0, 0)
    anchor.focus()
    assert opacity() == "1"
    anchor.click()
    assert urlsplit(page.url).fragment == "first-part"


def test_a_videos_excerpt_reads_its_title_and_host_apart(reader: Reader, site, serve) -> None:
    """A video's title and its "Play video" line were two text nodes with nothing between
    them, so Pagefind's excerpt read "A short warm-up routinePlay video · YouTube"."""
    need(find_pagefind() is not None, "Pagefind is not installed: pip install -e '.[dev]'")
    body = (
        "Before lifting.\n\n"
        '::: video https://www.youtube.com/watch?v=dQw4w9WgXcQ "A short warm-up routine"\n:::\n'
    )
    root = site({"warm.md": article("Lifting Basics", body)})
    build_site(root, BuildOptions(output=root / "public"))
    page = reader.page
    page.goto(serve(root / "public") + "search/?q=warm")
    page.get_by_role("status").filter(has_text="“warm”").wait_for()
    excerpt = page.locator(".search-results > li p").inner_text()
    assert "A short warm-up routine Play video · YouTube" in excerpt, excerpt
