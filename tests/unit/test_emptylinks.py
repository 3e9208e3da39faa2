"""Links with no address in an imported body, kept as their text (authoring/emptylinks)."""

from __future__ import annotations

from articlegen.authoring.emptylinks import empty_links_as_text, empty_links_warning


def test_a_link_with_no_address_is_its_text_at_its_line() -> None:
    body = "One.\n\nSee [the *study*]() and [this](<>), [kept](https://example.org/).\n"
    assert empty_links_as_text(body) == (
        "One.\n\nSee the *study* and this, [kept](https://example.org/).\n",
        [(3, "the *study*"), (3, "this")],
    )


def test_a_definition_with_no_address_goes_and_its_links_are_their_text() -> None:
    body = "[Full][x], [x][] and [x] and ![alt][x].\n\n[x]: <>\n[y]: https://example.org/\n"
    changed, found = empty_links_as_text(body)
    assert changed == "Full, x and x and alt.\n\n[y]: https://example.org/\n"
    assert [text for _, text in found] == ["Full", "x", "x", "alt"]


def test_a_title_after_no_address_is_no_address() -> None:
    """[a](<> "t") and [x]: <> 't' lead nowhere too, and the build refuses them as such: the
    import kept them, and the site it wrote failed to build."""
    body = "See [a](<> \"The study\") and [x].\n\n[x]: <> 'Later'\n"
    assert empty_links_as_text(body) == ("See a and x.\n\n", [(1, "a"), (1, "x")])


def test_code_images_and_escaped_brackets_are_left_as_written() -> None:
    body = "`[a]()`\n\n```\n[b]()\n```\n\n    [c]()\n\n![d]() and \\[e]()\n"
    assert empty_links_as_text(body) == (body, [])


def test_the_warning_quotes_the_first_four_and_counts_the_rest() -> None:
    found = [(1, "a"), (2, "b"), (4, "c"), (5, "d"), (9, "e")]
    warning = empty_links_warning(found, "content/a.md", 6)
    assert warning.line == 6 and warning.path == "content/a.md"
    assert warning.message.startswith("5 links with no address kept as their text")
    assert warning.message.endswith("line 6 'a'; line 7 'b'; line 9 'c'; line 10 'd'; and 1 more")
    one = empty_links_warning([(2, "a")], "content/a.md", 6)
    assert one.message.startswith("1 link with no address kept as its text") and one.line == 7
