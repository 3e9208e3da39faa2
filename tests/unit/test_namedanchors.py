"""Old blogs' HTML anchors made heading ids, and links to them led there."""

from __future__ import annotations

from articlegen.authoring.namedanchors import named_anchors


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
