from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from articlegen.authoring.textimport import parse_text, read_date
from articlegen.core.errors import SourceError
from articlegen.core.model import ImportedLink
from tests.conftest import HTMLParser
from tests.helpers import rendered_import

PASTED = """\
Sleep and Testosterone: What the Night Does
\u00a0
Most men sleep less than they think. This matters for hormones.

Why Sleep Matters

A short night lowers morning levels.
  • Deep sleep: Most testosterone is released during it.
  • Timing: Late nights shift the rhythm.
      ◦ Shift work is the hardest case.

What Can You Do?

Three things help:
1. Keep a fixed wake-up time.
2) Keep the bedroom dark.

See Also: Low Testosterone Basics, Shift Work, Explained

It's worth a try!

3 Comments
Leave a Reply
"""


def test_pasted_article_shape() -> None:
    article = parse_text(PASTED, "notes.txt")
    assert article.title == "Sleep and Testosterone: What the Night Does"
    assert article.comments is True
    assert article.date is None
    assert article.see_also == (ImportedLink("Low Testosterone Basics, Shift Work, Explained"),)
    assert article.body == (
        "Most men sleep less than they think. This matters for hormones.\n\n"
        "## Why Sleep Matters\n\n"
        "A short night lowers morning levels.\n\n"
        "- **Deep sleep:** Most testosterone is released during it.\n"
        "- **Timing:** Late nights shift the rhythm.\n"
        "  - Shift work is the hardest case.\n\n"
        "## What Can You Do?\n\n"
        "Three things help:\n\n"
        "1. Keep a fixed wake-up time.\n"
        "2. Keep the bedroom dark.\n\n"
        "It's worth a try!\n"
    )


def test_short_lines_are_headings_only_when_they_look_like_one() -> None:
    text = (
        "Title\n\nA sentence ends here.\n\nOn to my description...\n\n"
        "But I recommend checking out a short video from a clinic on how this treatment works\n\n"
        "is this a question?\n\nShort Heading\n\nThanks for reading\n"
    )
    body = parse_text(text, "a.txt").body
    headings = [line for line in body.splitlines() if line.startswith("##")]
    assert headings == ["## Short Heading"]  # the last line is never a heading


def test_markdown_characters_stay_text_and_addresses_become_links() -> None:
    text = (
        "Title\n\n# not a heading, *not emphasis*, [[not a link]] and <b>not html</b>.\n\n"
        "1. is a list, but 2024. was a year.\n\n"
        "Read https://example.org/page_one. Then &amp; stays.\n"
    )
    body = parse_text(text, "a.txt").body
    assert body == (
        "\\# not a heading, \\*not emphasis\\*, \\[\\[not a link]] and \\<b>not html\\</b>.\n\n"
        "1. is a list, but 2024. was a year.\n\n"
        "Read <https://example.org/page_one>. Then \\&amp; stays.\n"
    )


def test_lines_that_are_markdown_headings_stay_headings_moved_together() -> None:
    """'## Sources' pasted from a Markdown editor became '## \\## Sources'. A line that is a
    Markdown heading keeps its level, the top one made '##' (the title is the page's '#'),
    its closing '#'s dropped; the title's own '# ' is not part of it; a '#' before a
    sentence, or with no space after it, stays escaped text."""
    text = (
        "# Sleep and Testosterone\n\n"
        "# Why It Matters\nShort nights lower it.\n\n"
        "## How much sleep? ##\n\nSeven hours or more.\n\n"
        "# not a heading, but a sentence.\n\n#hashtag\n"
    )
    article = parse_text(text, "a.txt")
    assert article.title == "Sleep and Testosterone"
    assert article.body == (
        "## Why It Matters\n\nShort nights lower it.\n\n### How much sleep?\n\n"
        "Seven hours or more.\n\n\\# not a heading, but a sentence.\n\n\\#hashtag\n"
    )


def test_text_wrapped_at_a_fixed_width_is_joined_into_paragraphs() -> None:
    text = (
        "Title\n\n"
        "Testosterone levels fall slowly with age, about one percent a\n"
        "year after thirty, and faster in men who sleep little or carry\n"
        "extra weight around the waist, as several large studies found\n"
        "over the years.\n\n"
        "A second paragraph that is also wrapped at a fixed width for\n"
        "e-mail.\n"
    )
    body = parse_text(text, "a.txt").body
    assert body.split("\n\n")[0].startswith("Testosterone levels fall slowly with age, about one")
    assert body.count("\n\n") == 1 and body.endswith("wrapped at a fixed width for e-mail.\n")


def test_a_see_also_heading_with_a_list_under_it() -> None:
    text = "Title\n\nBody text here.\n\nSee also:\n• First Article\n• Second, With Comma\n\nEnd.\n"
    article = parse_text(text, "a.txt")
    assert article.see_also == (ImportedLink("First Article"), ImportedLink("Second, With Comma"))
    assert article.body == "Body text here.\n\nEnd.\n"
    assert article.comments is False


def test_a_date_line_under_the_title() -> None:
    article = parse_text("Title\nPublished May 14, 2024\n\nText.\n", "a.txt")
    assert article.date == dt.date(2024, 5, 14)
    assert article.body == "Text.\n"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024-05-14", dt.date(2024, 5, 14)),
        ("May 14, 2024", dt.date(2024, 5, 14)),
        ("Sept. 3rd, 2023", dt.date(2023, 9, 3)),
        ("14 March 2022", dt.date(2022, 3, 14)),
        ("Updated on: 1 Jan 2021", dt.date(2021, 1, 1)),
        ("2024-13-40", None),
        ("Smarch 3, 2024", None),
        ("yesterday", None),
        ("May 14, 2024 was a good day", None),
    ],
)
def test_read_date(text: str, day: dt.date | None) -> None:
    assert read_date(text) == day


def test_crlf_and_no_break_spaces() -> None:
    article = parse_text("Title\r\n\r\nA\u00a0line.\r\n\r\nComments", "a.txt")
    assert (article.title, article.body, article.comments) == ("Title", "A line.\n", True)


def test_empty_file_and_title_too_long() -> None:
    with pytest.raises(SourceError) as empty:
        parse_text(" \n\u00a0\n", "a.txt")
    assert str(empty.value) == "a.txt:1: the file is empty — paste the article's text into it"
    with pytest.raises(SourceError) as long:
        parse_text("\n" + "word " * 100 + "\n\nText.\n", "a.txt")
    assert str(long.value) == (
        "a.txt:2: the title is 499 characters long (at most 200)"
        " — put the article's title alone on the first line"
    )


def test_a_title_alone_gives_an_empty_body() -> None:
    article = parse_text("Just a Title\n", "a.txt")
    assert (article.title, article.body, article.see_also) == ("Just a Title", "", ())


LINE_PIECES = st.sampled_from(
    ["• ", "  ◦ ", "- ", "* ", "1. ", "2) ", "See also: ", "Comments", "# ", "> ", "[[", "]]",
     "[^x]", "::: video ", ":::", "```", "`", "*", "_", "<b>", "&amp;", "https://example.org/a_b",
     "May 14, 2024", "|", "---", "\u00a0", "\t", "Title Case Words", "a sentence.", "?", ":"]
)  # fmt: skip
PASTED_TEXT = st.lists(
    st.lists(LINE_PIECES | st.text(max_size=15), max_size=6).map("".join), max_size=25
).map("\n".join)


@given(PASTED_TEXT)
@example("• \nhttps://example.org/a_b\x08[^x]")  # found in CI: an autolink cut by a control
def test_any_pasted_text_imports_as_markdown_that_renders_its_words(text: str) -> None:
    if (imported := rendered_import(parse_text, text)) is None:
        return
    article, body = imported
    assert not body.problems and not body.links and not body.citations and not body.images
    shown = HTMLParser(body.html).text(deep=True) if article.body else ""
    text_only = re.sub(r"(?m)^ *(?:(?:\d+\.|-) )?(?:## )?", "", article.body)  # markers
    for word in re.findall(r"[A-Za-z0-9]+", text_only):
        assert word in shown


def test_tab_separated_lines_become_a_table_with_a_note() -> None:
    text = (
        "Title\n\nA Plan\n\nDay\tMinutes\tNote\nMonday\t10\teasy | slow\nFriday\t20\tfast\n\n"
        "One\ttabbed line stays text.\n"
    )
    article = parse_text(text, "a.txt")
    assert article.body == (
        "## A Plan\n\n"
        "| Day | Minutes | Note |\n| --- | --- | --- |\n"
        "| Monday | 10 | easy \\| slow |\n| Friday | 20 | fast |\n\n"
        "One    tabbed line stays text.\n"
    )
    assert any("table" in note for note in article.notes)


@pytest.mark.parametrize(
    "line",
    ["15. Januar 2024", "15 janvier 2024", "15 de enero de 2024", "15.01.2024",
     "15 gennaio 2024", "15 de janeiro de 2024", "15 januari 2024"],
)  # fmt: skip
def test_a_date_line_written_day_first_in_another_language(line: str) -> None:
    article = parse_text(f"Titel\n{line}\n\nText.\n", "a.txt")
    assert article.date == dt.date(2024, 1, 15)
    assert article.body == "Text.\n"


def test_only_a_lone_line_that_is_a_whole_date_is_no_numbered_list() -> None:
    text = "Titel\n\nText.\n\n\n\n\n\n15. März 2024\n\nText.\n\n1. Set 2024 goals.\n"
    body = parse_text(text, "a.txt").body
    assert body == "Text.\n\n## 15\\. März 2024\n\nText.\n\n1. Set 2024 goals.\n"
    text = "Title\n\nPhases:\n\n1. March 2024 it began.\n2. Juni 2024\n3. Results came.\n"
    body = parse_text(text, "a.txt").body
    assert body == "Phases:\n\n1. March 2024 it began.\n2. Juni 2024\n3. Results came.\n"


def test_a_paragraph_per_line_is_not_joined() -> None:
    lines = [
        "A first paragraph of placeholder text that ends with a full stop right here.",
        "A second paragraph, shorter than the first one.",
        "A third paragraph of placeholder text that goes on for a while as well.",
    ]
    assert parse_text("Title\n\n" + "\n".join(lines) + "\n", "a.txt").body == (
        "\n\n".join(lines) + "\n"
    )


def test_full_width_closing_punctuation_ends_a_sentence() -> None:
    text = "Title\n\n文です。\n\n文です！\n\n文です？\n\n文です．\n\nEnd.\n"
    assert "#" not in parse_text(text, "a.txt").body


@pytest.mark.parametrize(
    ("see_also", "comments"),
    [("Siehe auch", "Kommentare"), ("Voir aussi", "Commentaires"), ("Ver también", "Comentarios"),
     ("Vedi anche", "Commenti"), ("Veja também", "Comentários"), ("Zie ook", "Reacties")],
)  # fmt: skip
def test_see_also_and_comments_lines_in_other_languages(see_also: str, comments: str) -> None:
    article = parse_text(f"Titel\n\nText.\n\n{see_also}: Anderer Artikel\n\n{comments}\n", "a.txt")
    assert article.see_also == (ImportedLink("Anderer Artikel"),)
    assert article.comments is True and article.body == "Text.\n"


def test_lettered_items_under_a_numbered_one_are_nested() -> None:
    text = (
        "Title\n\n1. One.\n   a. First part.\n   b) Second part.\n2. Two.\n   i. Roman one.\n"
        "   ii. Roman two.\n\nText.\n"
    )
    assert parse_text(text, "a.txt").body == (
        "1. One.\n   1. First part.\n   2. Second part.\n2. Two.\n   1. Roman one.\n"
        "   2. Roman two.\n\nText.\n"
    )


def test_list_markers_followed_by_a_tab_are_list_items_not_a_table() -> None:
    text = "Title\n\nSteps:\n\n1.\tTake one.\n2.\tTake two.\n\nSigns:\n\n•\tFever\n•\tPain\n"
    article = parse_text(text, "a.txt")
    assert article.body == "Steps:\n\n1. Take one.\n2. Take two.\n\nSigns:\n\n- Fever\n- Pain\n"
    assert article.notes == ()


def test_wrapped_text_with_one_short_line_is_joined_and_has_no_headings() -> None:
    text = (
        "Title\n\n"
        "Lorem ipsum dolor sit amet placeholder words go here for a while and then,\n"
        "more placeholder words follow on this line until the wrap width is near it\n"
        "and the paragraph keeps going with more of the same words as before there\n"
        "when it finally ends on a shorter line.\n\n"
        "Our placeholder desk is open on weekdays:\n"
        "Call the placeholder number or write to the placeholder address to ask it\n"
        "for help with the things that the placeholder team can help with in time\n"
        "for the end of the text.\n"
    )
    body = parse_text(text, "a.txt").body
    assert "#" not in body and body.count("\n\n") == 1
    assert "weekdays: Call" in body and "wrap width is near it and the" in body


def test_an_indented_initial_is_no_lettered_item() -> None:
    text = "Title\n\n1. A trial led by Dr. Anna\n   B. Placeholder found less pain.\n2. Rest.\n"
    assert parse_text(text, "a.txt").body == (
        "1. A trial led by Dr. Anna B. Placeholder found less pain.\n2. Rest.\n"
    )


def test_tabbed_labels_and_values_are_bold_labels_not_a_table() -> None:
    article = parse_text("Title\n\nName:\tA Placeholder\nDose:\t5 mg\n\nEnd.\n", "a.txt")
    assert article.body == "**Name:** A Placeholder\n\n**Dose:** 5 mg\n\nEnd.\n"
    assert article.notes == ()


def test_a_short_line_after_a_long_one_is_a_heading_in_text_not_wrapped() -> None:
    text = (
        "Title\n\nA placeholder sentence about the placeholder subject goes here today.\n"
        "Placeholder Part\nA placeholder sentence follows.\n"
    )
    assert parse_text(text, "a.txt").body == (
        "A placeholder sentence about the placeholder subject goes here today.\n\n"
        "## Placeholder Part\n\nA placeholder sentence follows.\n"
    )


def test_a_paragraph_per_line_with_short_headings_is_not_joined() -> None:
    text = (
        "Title\n\nA placeholder sentence about the placeholder subject goes here today.\n"
        "First Part\nA placeholder sentence about the first part of it that goes on now.\n"
        "Second Part\nA placeholder sentence.\nA placeholder line of about forty chars.\n"
        "Third Part\nA last placeholder sentence.\n"
    )
    body = parse_text(text, "a.txt").body
    assert body.count("## ") == 3 and "\n\n## Second Part\n\nA placeholder sentence.\n\n" in body
