"""``articlegen import`` of a Jekyll site's published collections: each document an article
or a page at the address Jekyll gave it, redirected from there, linked from the posts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import article, parse, write_tree
from tests.helpers import internal_link_problems

OLD_SITE = """
-- _config.yml --
url: https://old.example.org
{style}
collections:
  guides:
    output: true
    permalink: /handbook/:title/
  recipes:
    output: true
  notes:
    output: false
-- _guides/heart/salt-at-home.md --
---
title: Salt at home
---
The walking post: [walks]({% post_url 2020-01-01-walks %}). The recipe:
[oats](/recipes/2020-02-01-oats{end}).
-- _recipes/2020-02-01-oats.md --
---
title: Oats
tags: [breakfast]
---
How this blog cooks oats. Back to [the salt guide]({% link _guides/heart/salt-at-home.md %}).
-- _notes/draft-ideas.md --
---
title: Ideas
---
Not published by Jekyll.
-- _posts/2020-01-01-walks.md --
---
title: Walks
---
See [the salt guide](/handbook/salt-at-home/) and [the oats](https://old.example.org/recipes/2020-02-01-oats{end}).
"""


ENDINGS = {"": ".html", "permalink: pretty": "/"}
"""The site's permalink style, and how a collection's documents' addresses end by it: Jekyll's
default (date) adds :output_ext to /:collection/:path, pretty a slash."""


@pytest.fixture(params=list(ENDINGS))
def style(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def imported(site, run_cli, tmp_path: Path, style: str) -> Path:
    blog = site({"welcome.md": article("Welcome")})
    old = write_tree(
        tmp_path / "old", OLD_SITE.replace("{style}", style).replace("{end}", ENDINGS[style])
    )
    code, out, err = run_cli("import", old, "--site", blog)
    assert code == 0, err
    lines = out.splitlines()
    assert (
        f"imported {old / '_guides/heart/salt-at-home.md'} as content/pages/salt-at-home.md"
        in lines
    )
    assert f"imported {old / '_recipes/2020-02-01-oats.md'} as content/oats.md" in lines
    assert not (blog / "content/draft-ideas.md").exists()
    assert "left out" not in out  # nothing counted for the unpublished collection
    code, _, err = run_cli("build", "--site", blog)
    assert code == 0, err
    return blog / "public"


def test_documents_become_pages_and_articles_at_their_new_addresses(imported: Path) -> None:
    guide = parse(imported / "salt-at-home/index.html")
    assert guide.css_first("h1").text(strip=True) == "Salt at home"
    assert guide.css_first("article time") is None  # a page: no date
    recipe = parse(imported / "oats/index.html")
    assert recipe.css_first("h1").text(strip=True) == "Oats"
    assert recipe.css_first("article time").attributes["datetime"].startswith("2020-02-01")
    listed = {a.attributes.get("href") for a in parse(imported / "index.html").css("main a")}
    assert any(href.endswith("/oats/") for href in listed if href)  # an article is listed
    assert not any(href.endswith("/salt-at-home/") for href in listed if href)


def test_the_old_addresses_jekyll_gave_them_redirect(imported: Path, style: str) -> None:
    end = ENDINGS[style]
    redirects = (imported / "_redirects").read_text(encoding="utf-8").splitlines()
    assert "/handbook/salt-at-home/ /salt-at-home/ 301" in redirects  # the collection's permalink
    assert f"/recipes/2020-02-01-oats{end} /oats/ 301" in redirects  # /:collection/:path + end
    files = {"handbook/salt-at-home/index.html": "salt-at-home"}
    files["recipes/2020-02-01-oats" + ("/index.html" if end == "/" else end)] = "oats"
    for old, new in files.items():
        page = parse(imported / old)
        refresh = page.css_first('meta[http-equiv="refresh"]').attributes["content"]
        assert refresh.endswith(f"/{new}/")


def test_links_between_posts_and_documents_lead_to_the_new_pages(imported: Path) -> None:
    def links(page: str) -> dict[str, str | None]:
        found = parse(imported / page / "index.html").css(".body a")
        return {a.text(strip=True): a.attributes.get("href") for a in found}

    assert links("walks") == {"the salt guide": "/salt-at-home/", "the oats": "/oats/"}
    assert links("salt-at-home") == {"walks": "/walks/", "oats": "/oats/"}
    assert links("oats") == {"the salt guide": "/salt-at-home/"}
    assert internal_link_problems(imported) == []
