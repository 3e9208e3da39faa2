"""Old blogs' HTML anchors made heading ids, and links to them led there."""

from __future__ import annotations

from articlegen.authoring.namedanchors import (
    HeadingIds,
    cross_linked,
    moved_anchors,
    named_anchors,
)


def test_an_anchor_at_a_heading_gives_way_to_the_headings_id() -> None:
    body = (
        'Jump to [the dose](#dose) or [tips](<#tips> "Tips").\n\n'
        '<a name="dose"></a>\n'
        "## Dosage\n\n"
        "## <a id='tips'></a>Tips\n\n"
        '<a name="more" />\n\n'
        "### More\n\n"
        "[more](#more)\n\n"
        "[r]: #dose\n"
    )
    assert named_anchors(body) == (
        'Jump to [the dose](#dosage) or [tips](<#tips> "Tips").\n\n'
        "## Dosage\n\n"
        "## Tips\n\n"
        "### More\n\n"
        "[more](#more)\n\n"
        "[r]: #dosage\n",
        [],
    )


def test_an_anchor_elsewhere_leads_to_its_section_with_a_note() -> None:
    body = (
        'Early <a name="top-note">note</a>, see [it](#top-note).\n\n'
        "## Sleep\n\n"
        "Rest <A NAME=fn1></A>well.[1](#fn1) [not it](#fn10)\n\n"
        '`<a name="code"></a>` stays, as does [x](#code).\n'
    )
    new, notes = named_anchors(body)
    assert new == (
        "Early note, see [it](#top).\n\n"
        "## Sleep\n\n"
        "Rest well.[1](#sleep) [not it](#fn10)\n\n"
        '`<a name="code"></a>` stays, as does [x](#code).\n'
    )
    assert notes == [
        "its HTML anchor 'top-note' is at no heading, and Markdown gives ids to headings "
        "only: links to #top-note lead to #top, the top of the page",
        "its HTML anchor 'fn1' is at no heading, and Markdown gives ids to headings only: "
        "links to #fn1 lead to #sleep, the heading of its section",
    ]


def test_a_body_without_anchors_is_kept_as_it_is() -> None:
    body = "Text with [a link](#x) and <b>bold</b>.\n"
    assert named_anchors(body) == (body, [])


def test_several_anchors_before_one_heading_all_lead_to_it() -> None:
    """The second of two anchors on the lines before a heading was taken as 'at no heading'
    (only blank lines were looked past), and its links led to the section before."""
    body = (
        '## Intro\n\nSee [a](#a) and [b](#b).\n\n<a name="a"></a>\n<a name="b"></a>\n\n## Dosage\n'
    )
    assert named_anchors(body) == (
        "## Intro\n\nSee [a](#dosage) and [b](#dosage).\n\n## Dosage\n",
        [],
    )


def test_an_indented_code_block_keeps_its_anchors_and_links() -> None:
    """An anchor alone on a line of an indented code block was removed from the code, and a
    link written in it was changed: only fenced code and spans were left alone."""
    body = (
        "Example:\n\n"
        '    <a name="x"></a>\n'
        "    [go](#x)\n\n"
        '<a name="x"></a>\n'
        "## Heading\n\n"
        "[go](#x)\n"
    )
    assert named_anchors(body) == (
        'Example:\n\n    <a name="x"></a>\n    [go](#x)\n\n## Heading\n\n[go](#heading)\n',
        [],
    )


def test_names_with_spaces_or_other_letters_are_matched_as_links_write_them() -> None:
    """Links write such a name percent-encoded (``#my%20dose``), or in ``<>`` as it is;
    the name itself may be written with HTML's character references."""
    body = (
        '<a name="my dose"></a>\n<a name="caf&eacute;"></a>\n'
        "## Dose\n\n"
        "[a](#my%20dose) [b](<#my dose>) [c](#caf%C3%A9) [d](#café)\n"
    )
    assert named_anchors(body)[0] == ("## Dose\n\n[a](#dose) [b](<#dose>) [c](#dose) [d](#dose)\n")


def test_links_to_another_posts_anchors_are_led_where_they_went() -> None:
    moved = moved_anchors(
        'Intro <a name="start"></a>here.\n\n<a name="dose"></a>\n## How Much\n\n'
        'More <a name="note"></a>text.\n'
    ).targets
    body = (
        "[[rest#dose|the dose]] [n](rest.md#note) [[rest#start|start]] [[rest#how-much]]\n\n"
        "[ref]: rest.md#start\n\n"
        "    [[rest#dose|in code]]\n"
    )
    assert cross_linked(body, {"rest": moved}) == (
        "[[rest#how-much|the dose]] [n](rest.md#how-much) [[rest|start]] [[rest#how-much]]\n\n"
        "[ref]: rest.md\n\n"
        "    [[rest#dose|in code]]\n",
        [
            "its link to rest#note leads to #how-much, the heading of the section: the anchor "
            "'note' there is at no heading, and Markdown gives ids to headings only",
            "its link to rest#start leads to the top of that article: the anchor 'start' "
            "there is at no heading, and Markdown gives ids to headings only",
        ],
    )


def test_an_escaped_anchor_is_text_and_stays() -> None:
    """``\\<a name="x">`` shows the tag as text (and is how an HTML post's text ``<a`` is
    written): it is no anchor, and was removed as one."""
    body = '## Tips\n\nWrite \\<a name="x"></a> to mark a place.\n'
    assert named_anchors(body) == (body, [])


def test_a_link_to_a_place_another_post_has_not_leads_to_that_article() -> None:
    """``/old-post/#comments`` (an id the old theme made) became ``[[rest#comments]]``,
    which the build refuses: with the posts' heading ids known, it leads to the article."""
    body = "[[rest#comments|replies]] [[rest#how-much|h]] [x](other.md#y) [[rest#top|t]]\n"
    assert cross_linked(body, {"rest": {}}, {"rest": {"how-much"}}) == (
        "[[rest|replies]] [[rest#how-much|h]] [x](other.md#y) [[rest#top|t]]\n",
        [
            "its link to rest#comments leads to the top of that article: it has no heading "
            "or anchor 'comments' (an id the old site's theme made, such as #comments, has "
            "none here)"
        ],
    )


def test_a_link_within_the_page_to_a_place_it_has_not_leads_to_its_top() -> None:
    """An old post's table of contents linked ``[Why](#why_it_matters)``, a place its text
    never marked (the old page showed no error): the build refused the link, and the import
    had said nothing."""
    body = "- [Why](#why_it_matters)\n- [Dose](#dose)\n- [Up](#top)\n\n## Dose\n\n[^1]: x\n"
    ids = {"walks": {"dose"}}
    led, notes = cross_linked(body, {"walks": {}}, ids, own="walks")
    assert led == "- [Why](#top)\n- [Dose](#dose)\n- [Up](#top)\n\n## Dose\n\n[^1]: x\n"
    assert notes == [
        "its link to #why_it_matters leads to the top of its page: it has no heading or "
        "anchor 'why_it_matters' (an id the old site's theme made, such as #comments, has "
        "none here)"
    ]
    assert cross_linked(body, {}, ids) == (body, [])  # a body whose page is not known


def test_heading_ids_parse_a_body_only_when_a_link_names_it() -> None:
    """An import's links may lead to any article already on the site: of those, only the
    ones a link names with a fragment are parsed for their heading ids."""
    asked: list[str] = []

    class Bodies(dict[str, str]):
        def __getitem__(self, slug: str) -> str:
            asked.append(slug)
            return super().__getitem__(slug)

    ids = HeadingIds(Bodies(rest="## How Much\n\nTake it.\n", walk="## Why\n", other="x\n"))
    body = "[[rest#how-much|h]] [[rest#dose|d]] [w](walk.md) [[gone#x|g]]\n"
    led, notes = cross_linked(body, {}, ids)
    assert led == "[[rest#how-much|h]] [[rest|d]] [w](walk.md) [[gone#x|g]]\n"
    assert [note.split(":")[0] for note in notes] == [
        "its link to rest#dose leads to the top of that article"
    ]
    assert asked == ["rest"] and sorted(ids) == ["other", "rest", "walk"]
    assert ids["walk"] == {"why"} and len(ids) == 3


def test_a_span_with_an_id_in_a_heading_gives_way_to_the_headings_id() -> None:
    """From a real blog: '## <span id="current">Current subscriptions</span>' showed its
    HTML as text, and '[the list](#current)' failed the build: the id was not found."""
    body = (
        "See [the list](#current).\n\n"
        '## <span id="current">Current subscriptions</span>\n\n'
        'A <span id="mid">marked</span> word, [back](#mid).\n'
    )
    body, notes = named_anchors(body)
    assert body == (
        "See [the list](#current-subscriptions).\n\n"
        "## Current subscriptions\n\n"
        "A marked word, [back](#current-subscriptions).\n"
    )
    assert len(notes) == 1 and "'mid'" in notes[0]
