"""A link by what a renamed article used to be called fails, and its error names the article
it most likely means (``incremental/renamedlinks.py``): the one listing the old address in
its ``aliases:``. The link never resolves by an alias."""

from __future__ import annotations

from tests.conftest import SITE_YAML, article

RENAMED = {
    "new-slug.md": article("New Title", "Renamed.", aliases="[/old-slug/]"),
}


def _errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error: content/")]


def test_links_by_a_slug_in_an_articles_aliases_offer_that_article(site, run_cli) -> None:
    body = "See [[old-slug]], [[old-slug#why|why]] and [its guide](old-slug.md#why)."
    root = site({**RENAMED, "walking.md": article("Walking", body, see_also="[old-slug]")})
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 1
    found = (
        "'old-slug' is no article's slug: the article 'New Title' (content/new-slug.md) lists"
        " /old-slug/ in its aliases, an old address for readers — "
    )
    file = found.replace("'old-slug' is no article's slug", "'old-slug.md' is no article's file")
    assert _errors(err) == [
        "error: content/walking.md:3: see_also 'old-slug' matches no article — "
        + found + "list it as new-slug",
        "error: content/walking.md:7: link 'old-slug' matches no article or page — "
        + found + "link it as [[new-slug]]",
        "error: content/walking.md:7: link 'old-slug#why' matches no article or page — "
        + found + "link it as [[new-slug#why]]",
        "error: content/walking.md:7: link 'old-slug.md#why' matches no article or page — "
        + file + "link it as [text](new-slug.md#why)",
    ]  # fmt: skip


def test_the_hint_of_the_renamed_article_is_not_beside_another_spelt_close(site, run_cli) -> None:
    """'old-slug' is spelt close to 'old-slog', another article: offered beside the renamed
    one, the writer had two answers, one of them wrong."""
    other = article("Old Slog", "Another article.")
    root = site({**RENAMED, "old-slog.md": other, "walking.md": article("Walking", "[[old-slug]]")})
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 1
    (error,) = _errors(err)
    assert "did you mean" not in error and "old-slog" not in error
    assert error.endswith("link it as [[new-slug]]")


def test_a_markdown_link_from_a_subfolder_is_offered_the_file_relative_to_it(site, run_cli) -> None:
    root = site({**RENAMED, "sub/walk.md": article("Walk", "See [it](../old-slug.md).")})
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 1
    assert _errors(err)[0].endswith("link it as [text](../new-slug.md)")


def test_a_link_naming_no_alias_keeps_its_usual_hint(site, run_cli) -> None:
    root = site({**RENAMED, "walking.md": article("Walking", "See [[zzz-qqq]].")})
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 1
    assert _errors(err) == [
        "error: content/walking.md:6: link 'zzz-qqq' matches no article or page — link by slug,"
        " by file (content/x.md) or by exact title"
    ]


OLD = {
    "old-slug.md": article("Old Title", "The article."),
    "walking.md": article("Walking", "See [[old-slug]], [[Old Title]] and [it](old-slug.md)."),
}


def _published_then(site, run_cli, rename) -> list[str]:
    """The errors of a build after ``rename`` edits the site the build before published."""
    root = site(OLD)
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 0, err
    rename(root / "content")
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 1
    return [line.partition(" — ")[2] for line in _errors(err)]


def test_a_new_slug_and_title_in_the_same_file_are_offered_from_the_last_build(
    site, run_cli
) -> None:
    def rename(content):
        (content / "old-slug.md").write_text(article("New Title", "Hi.", slug="new-slug"))

    now = "content/old-slug.md's when the site was last published, which is now the article"
    assert _published_then(site, run_cli, rename) == [  # its file, the same, still links
        f"'old-slug' is no article's slug, but was {now} 'New Title' at /new-slug/ — link it"
        " as [[new-slug]]",
        f"'Old Title' is no article's title, but was {now} 'New Title' at /new-slug/ — link it"
        " as [[new-slug]]",
    ]


def test_a_renamed_file_is_offered_as_the_article_now_built_with_its_title(site, run_cli) -> None:
    def rename(content):
        (content / "old-slug.md").rename(content / "new-slug.md")

    was = "content/old-slug.md's when the site was last published, which is gone; its title,"
    assert _published_then(site, run_cli, rename) == [
        f"'old-slug' is no article's slug, but was {was} 'Old Title', is content/new-slug.md's"
        " — link it as [[new-slug]]",
        f"'old-slug.md' is no article's file, but was {was} 'Old Title', is"
        " content/new-slug.md's — link it as [text](new-slug.md)",
    ]


def test_an_old_title_is_offered_the_article_listing_its_old_address(site, run_cli) -> None:
    def rename(content):
        (content / "old-slug.md").unlink()
        (content / "new-slug.md").write_text(article("New Title", "Hi.", aliases="[/old-slug/]"))

    errors = _published_then(site, run_cli, rename)
    assert errors[1] == (
        "'Old Title' is no article's title, but was content/old-slug.md's when the site was"
        " last published, which is gone; the article 'New Title' (content/new-slug.md) lists"
        " its address /old-slug/ in its aliases — link it as [[new-slug]]"
    )


def test_a_menu_entry_by_a_pages_old_address_is_offered_the_page(site, run_cli) -> None:
    about = "---\ntitle: About Us\naliases: [/about/]\n---\n\nWho we are.\n"
    menu = "menu:\n  - {title: About, link: about}\n  - {title: Us, link: content/pages/about.md}\n"
    root = site({"pages/about-us.md": about}, site_yaml=SITE_YAML + menu)
    code, _out, err = run_cli("build", "--site", root, "--jobs", "1")
    assert code == 1
    found = "the page 'About Us' (content/pages/about-us.md) lists /about/ in its aliases"
    assert [line.partition(" — ")[2] for line in err.splitlines() if "site.yaml" in line] == [
        f"'about' is no article's slug: {found}, an old address for readers — write link: about-us",
        f"'content/pages/about.md' is no article's file: {found}, an old address for readers"
        " — write link: content/pages/about-us.md",
    ]
