"""Shared fixtures for browser tests: one headless Debian Chromium per session, driven by Playwright.

The browser is the system's ``/usr/bin/chromium`` (``apt-get install chromium``), never a
Playwright download. The judges of the built site (axe-core, the Nu Html Checker, the
sitemaps.org schema) come from ``npm ci``. On a developer's machine a missing tool skips its
tests with the reason; with ``ARTICLEGEN_REQUIRE_BROWSER=1`` (set by ``.ci/run``) it fails them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.conftest import article
from tests.published import REPO, build_repo_blog, html_pages, static_host

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
REQUIRE = "ARTICLEGEN_REQUIRE_BROWSER"
"""Set (to anything but "" or "0") where every tool must be present, as in CI."""


def need(ready: bool, reason: str) -> None:
    """Skip when a tool is missing on a developer's machine; fail where it is required (CI)."""
    if ready:
        return
    if os.environ.get(REQUIRE, "") not in ("", "0"):
        pytest.fail(f"{reason} ({REQUIRE} is set: .ci/run must install it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Chromium shared by every browser test of the run."""
    try:
        from playwright import sync_api
    except ImportError:
        sync_api = None
    need(sync_api is not None, "Playwright is not installed: pip install -e '.[dev]'")
    need(CHROMIUM.exists(), f"{CHROMIUM} not found: apt-get install -y chromium")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@contextmanager
def new_page(browser: Any, **options: Any) -> Iterator[Any]:
    """A fresh page in its own context (no cookies or cache shared), closed afterwards."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh desktop-sized page."""
    with new_page(browser) as page:
        yield page


# --- Built sites served on 127.0.0.1, and the tools that judge them -------------------------

NODE_MODULES = REPO / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITEMAP_XSD = NODE_MODULES / "sitemap" / "schema" / "sitemap.xsd"
"""The sitemaps.org schema (0.9, 2008-03-26) as shipped in the npm ``sitemap`` package."""


def node_tool(path: Path) -> Path:
    """A file from ``npm ci`` (package.json's devDependencies)."""
    need(path.is_file(), f"{path.relative_to(REPO)} is missing: run 'npm ci'")
    return path


@pytest.fixture(scope="session")
def real_blog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's blog, copied to a temporary folder and built there, with its search
    index when Pagefind is installed: what ``articlegen build`` publishes."""
    return build_repo_blog(tmp_path_factory.mktemp("real-blog"))


@pytest.fixture(scope="session")
def fixture_blog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site using every feature of the theme: TOC, images, video, comments, pagination of
    the home and a tag, author and reviewer pages, a reviewed article with references."""
    root = write_fixture_site(tmp_path_factory.mktemp("fixture-site"))
    output = root / "public"
    build_site(root, BuildOptions(output=output))
    return output


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """``serve(folder)`` → ``http://127.0.0.1:PORT/`` serving it as a static host would."""
    urls: dict[Path, str] = {}
    with ExitStack() as stack:

        def start(folder: Path) -> str:
            if folder not in urls:
                urls[folder] = stack.enter_context(static_host(folder))
            return urls[folder]

        yield start


@dataclass
class Reader:
    """A page whose requests to any other host are answered locally and recorded."""

    page: Any
    """The Playwright page."""
    external: list[str] = field(default_factory=list)
    """URLs the page asked of hosts other than 127.0.0.1, in order."""

    def clear(self) -> None:
        """Forget the requests so far."""
        self.external.clear()


PHONE = {"width": 390, "height": 844}


@contextmanager
def new_reader(browser: Any, **options: Any) -> Iterator[Reader]:
    """A phone-sized page that never reaches the network: other hosts get empty answers."""
    with new_page(browser, viewport=PHONE, **options) as page:
        watched = Reader(page)

        def answer(route: Any) -> None:
            url = route.request.url
            if url.startswith(("http://127.0.0.1:", "data:", "blob:")):
                route.continue_()
                return
            watched.external.append(url)
            kind = "text/javascript" if url.split("?")[0].endswith(".js") else "text/html"
            route.fulfill(status=200, content_type=kind, body="")

        page.context.route("**/*", answer)
        yield watched


def open_menu(page: Any) -> None:
    """Open the header's navigation where it is behind its "Menu" button (on a phone)."""
    if page.locator(".nav-menu > summary").is_visible():
        page.locator(".nav-menu > summary").click()


@pytest.fixture
def reader(browser) -> Iterator[Reader]:
    """A phone-sized page (390 px) that never reaches the network."""
    with new_reader(browser) as watched:
        yield watched


def visit_every_page(page: Any, folder: Path, base: str) -> Iterator[str]:
    """Open each HTML page of the site built in ``folder`` (served at ``base``), one by one;
    yields its path once it has loaded (every image, stylesheet and script)."""
    for url in html_pages(folder):
        page.goto(base + url)
        yield "/" + url


def axe_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each."""
    page.add_script_tag(path=str(node_tool(AXE)))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
        .map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']}: {', '.join(v['nodes'])}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


FIXTURE_YAML = """\
title: "Example Health Notes"
base_url: "https://example.org/"
author: example-author
description: "Placeholder articles that use every part of the theme."
disclaimer: "General information only, not medical advice."
per_page: 2
comments:
  provider: giscus
  giscus: {repo: example/repo, repo_id: R_example, category: Comments, category_id: DIC_example}
authors:
  example-author:
    name: "Example Author"
    credentials: "MPH"
    bio: "Writes the placeholder articles."
    sameAs: [https://example.org/profiles/example-author]
reviewers:
  example-reviewer:
    name: "Example Reviewer"
    credentials: "MD"
    bio: "Reviews the placeholder articles."
    photo: people/example-reviewer.png
    url: https://example.org/profiles/example-reviewer
menu:
  - {title: About, link: about}
  - {title: Example elsewhere, link: "https://example.org/elsewhere"}
image: {src: images/share.png, alt: "Example Health Notes, in large letters"}
logo: images/logo.svg
theme:
  accent: "#0b6e4f"
"""
FIXTURE_ACCENT = (11, 110, 79)
"""``theme.accent`` of the fixture site, as RGB."""

PAGE_BODY = """\
A page, with no byline, review or disclaimer. It leads to [[Sleep and Recovery]].

## Who writes here

Placeholder text.

## How we check

More placeholder text.

## Corrections

Write to the [example tracker](https://example.org/issues).

## Elsewhere

The end.
"""

REVIEWED_BODY = """Sitting for long stretches is linked to back pain[^desk]; short breaks help[^breaks], and so
does a chair at the right height[^desk].

## Breaks

Stand up and walk for a minute.

## Main

A heading named like the page's own main landmark: its id must not be "main".

## Comments

A heading named like the comments section.

## References

One more heading, so the contents list appears.
"""

REVIEWED_REFERENCES = """
  - id: desk
    title: "A Placeholder Study of Desk Work"
    url: https://example.org/sources/desk
    publisher: "Example Journal"
    date: 2023-05-01
  - id: breaks
    title: "Placeholder Guidance on Breaks"
    url: https://example.org/sources/breaks
  - title: "Further Placeholder Reading"
    url: https://example.org/sources/further"""

FIXTURE_BODY = """\
A first paragraph with an [external link](https://example.org/reading) and a very long
address that must wrap on a phone:
https://example.org/a/very/long/path/that/keeps/going/without/any/spaces/at/all/to/break/it

![A bar chart of placeholder values](images/chart.png)

## First part

Text with `inline code`, **bold** and *emphasis*.

> A quoted sentence for the blockquote style.

## Second part

| Column one | Column two | Column three | Column four | Column five |
|---|---|---|---|---|
| a long table cell | another long cell | and another one | still going on | the end |

```
a code block with a long line that should scroll inside its own box and never widen the page
```

![""](images/divider.svg)

### A detail

## Third part

- one
- two

## Fourth part

See [[Hydration Basics]] for more.
"""

HERO = (
    '{src: images/hero.jpg, alt: "A flat green placeholder picture", caption: "A placeholder'
    ' hero image.", credit: "Example Author"}'
)

VIDEO_BODY = """\
Drinking water matters.

::: video https://www.youtube.com/watch?v=aaaaaaaaaaa "A placeholder video"
A caption for the placeholder video.
:::
"""


def write_fixture_site(root: Path) -> Path:
    """Write the feature-complete fixture site into ``root`` and return it."""
    articles = {
        "alpha.md": article(
            "Sleep and Recovery",
            FIXTURE_BODY,
            date="2024-03-01",
            updated="2024-04-01",
            tags="[sleep, recovery]",
            see_also="[hydration-basics]",
            comments="true",
            image=HERO,
        ),
        "hydration-basics.md": article(
            "Hydration Basics",
            VIDEO_BODY,
            date="2024-02-01",
            tags="[hydration]",
            see_also="[alpha, https://example.org/water]",
        ),
        "gamma.md": article(
            "Stretching at a Desk & Other “Small” Habits",
            "Stand up every hour.",
            date="2023-12-01",
            tags="[habits]",
            see_also="[alpha]",
        ),
        # a time as Jekyll writes it, with a fraction: <time datetime> and the feeds check it
        "delta.md": article(
            "Walking", "Walk more.", date="2023-06-01 09:30:15.25 +0200", tags="[habits]"
        ),
        # Reviewed, with a content warning and references; the third "habits" article, so the
        # tag's page has a page 2.
        "reviewed-posture.md": article(
            "Posture at Work",
            REVIEWED_BODY,
            date="2023-09-01",
            tags="[habits]",
            see_also="[gamma]",
            reviewed_by="example-reviewer",
            reviewed_on="2023-10-01",
            content_warning="'Mentions chronic pain.'",
            references=REVIEWED_REFERENCES,
            comments="true",  # the "## Comments" heading beside the comments section
        ),
        # a page (content/pages/), in the menu, with a contents list
        "pages/about.md": '---\ntitle: "About These Notes"\nupdated: 2024-05-01\n---\n\n'
        + PAGE_BODY,
    }
    (root / "content/pages").mkdir(parents=True)
    (root / "site.yaml").write_text(FIXTURE_YAML, encoding="utf-8")
    for name, text in articles.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    images = root / "static" / "images"
    images.mkdir(parents=True)
    Image.new("RGB", (1200, 600), (40, 90, 160)).save(images / "chart.png")
    Image.new("RGB", (2000, 1000), (60, 120, 90)).save(images / "hero.jpg")
    Image.new("RGB", (1200, 630), (30, 30, 60)).save(images / "share.png")
    (root / "static" / "people").mkdir()
    Image.new("RGB", (320, 320), (120, 80, 40)).save(root / "static/people/example-reviewer.png")
    (images / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="180" height="40" viewBox="0 0 180 40">'
        '<rect width="40" height="40" rx="8" fill="#0b6e4f"/>'
        '<rect x="52" y="14" width="120" height="12" rx="6" fill="#4f5560"/></svg>\n',
        encoding="utf-8",
    )
    (images / "divider.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="8">'
        '<rect width="600" height="8" fill="#888"/></svg>\n',
        encoding="utf-8",
    )
    return root
