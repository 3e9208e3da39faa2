from __future__ import annotations

import dataclasses
import pickle
import unicodedata

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from articlegen.core.lookalike import collapse, fold
from articlegen.core.memo import Memo
from articlegen.core.model import LinkRef, LinkSource, LinkTarget, ResolvedLink
from articlegen.render.links import FIX_HINT, Resolved, build_link_graph, resolve_links

TARGETS = [
    LinkTarget("ketamine", "content/ketamine.md", "Ketamine: A Primer"),
    LinkTarget("iv-vs-im", "content/treatments/iv-vs-im.md", "IV vs. IM Ketamine"),
    LinkTarget("esketamine", "content/esketamine.md", "Esketamine"),
    LinkTarget("secret", "content/secret.md", "Unpublished", draft=True),
]


def source(slug: str, *see_also: str, inline: tuple[str, ...] = ()) -> LinkSource:
    path = next(t.path for t in TARGETS if t.slug == slug)
    return LinkSource(
        slug,
        path,
        tuple(LinkRef(t, 10 + i) for i, t in enumerate(see_also)),
        tuple(LinkRef(t, 30 + i) for i, t in enumerate(inline)),
    )


def test_resolves_by_slug_path_title_and_url() -> None:
    graph = build_link_graph(
        [
            source(
                "ketamine",
                "iv-vs-im",
                "content/esketamine.md",
                "ESKETAMINE",
                "https://example.org/x",
            )
        ],
        TARGETS,
    )
    assert graph.problems == ()
    assert graph.see_also["ketamine"] == (
        ResolvedLink(slug="iv-vs-im"),
        ResolvedLink(slug="esketamine"),
        ResolvedLink(url="https://example.org/x"),
    )


def test_duplicates_collapse_keeping_first_position() -> None:
    graph = build_link_graph([source("ketamine", "esketamine", "iv-vs-im", "Esketamine")], TARGETS)
    assert [link.slug for link in graph.see_also["ketamine"]] == ["esketamine", "iv-vs-im"]


def test_links_to_the_same_place_share_one_resolution_and_pickle_once() -> None:
    graph = build_link_graph(
        [
            source(
                "ketamine", "esketamine", inline=("Esketamine", "esketamine#dose", "https://a.b/")
            ),
            source("iv-vs-im", "content/esketamine.md", inline=("esketamine#dose", "https://a.b/")),
        ],
        TARGETS,
    )
    (first,), (second,) = graph.see_also["ketamine"], graph.see_also["iv-vs-im"]
    assert first is second == ResolvedLink(slug="esketamine")
    ketamine, iv = graph.inline["ketamine"], graph.inline["iv-vs-im"]
    assert ketamine[0] is first
    assert ketamine[1] is iv[0] == ResolvedLink(slug="esketamine", fragment="dose")
    assert ketamine[2] is iv[1] == ResolvedLink(url="https://a.b/")
    links = {id(link) for links in graph.inline.values() for link in links if link is not None}
    assert len(links) == 3
    assert pickle.loads(pickle.dumps(graph)) == graph


def test_each_see_also_item_keeps_its_resolution_in_order_for_checks_by_line() -> None:
    graph = build_link_graph(
        [source("ketamine", "esketamine#a", "nowhere", "esketamine#a", "iv-vs-im")], TARGETS
    )
    assert graph.see_also_each["ketamine"] == (
        ResolvedLink(slug="esketamine", fragment="a"),
        None,
        ResolvedLink(slug="esketamine", fragment="a"),
        ResolvedLink(slug="iv-vs-im"),
    )
    assert len(graph.see_also["ketamine"]) == 2


def test_relative_markdown_paths_and_fragments() -> None:
    graph = build_link_graph(
        [source("iv-vs-im", inline=("../ketamine.md#risks", "esketamine.md"))], TARGETS
    )
    assert graph.problems == ()
    assert graph.inline["iv-vs-im"] == (
        ResolvedLink(slug="ketamine", fragment="risks"),
        ResolvedLink(slug="esketamine"),
    )


def test_the_same_relative_path_resolves_from_each_linking_files_folder() -> None:
    targets = [*TARGETS, LinkTarget("inner", "content/treatments/esketamine.md", "Inner")]
    sources = [
        source("ketamine", inline=("esketamine.md", "esketamine.md")),
        source("iv-vs-im", inline=("esketamine.md", "../esketamine.md")),
    ]
    graph = build_link_graph(sources, targets)
    assert graph.problems == ()
    assert [link and link.slug for link in graph.inline["ketamine"]] == ["esketamine"] * 2
    assert [link and link.slug for link in graph.inline["iv-vs-im"]] == ["inner", "esketamine"]


def test_a_relative_link_from_a_folder_whose_name_is_stored_decomposed() -> None:
    folder = unicodedata.normalize("NFD", "café")
    targets = [
        LinkTarget("b", "content/café/b.md", "B"),
        LinkTarget("a", f"content/{folder}/a.md", "A"),
    ]
    linking = LinkSource("a", f"content/{folder}/a.md", (), (LinkRef("b.md", 3),))
    assert build_link_graph([linking], targets).inline["a"] == (ResolvedLink(slug="b"),)


def test_a_title_looked_up_once_still_marks_every_source_that_names_it() -> None:
    sources = [source("ketamine", "Esketamine"), source("iv-vs-im", "Esketamine", "ketamine")]
    memo: Memo[Resolved] = Memo()
    build_link_graph(sources, TARGETS, memo=memo)
    assert all(memo.kept(s.path).by_title for s in sources)  # type: ignore[union-attr]


def test_a_file_that_is_not_there_is_offered_the_files_it_may_mean() -> None:
    targets = [
        *TARGETS,
        LinkTarget("walking-for-heart-health", "content/walking-for-heart-health.md", "Walk"),
    ]
    for written, offered in [
        ("walking.md", "'walking-for-heart-health.md'"),
        ("content/walking.md", "'content/walking-for-heart-health.md'"),
        ("content/esketamin.md", "'content/esketamine.md'"),
    ]:
        graph = build_link_graph([source("ketamine", written)], targets)
        (problem,) = graph.problems
        assert f"(did you mean {offered}?)" in problem.message


def test_the_linking_article_is_never_offered_as_what_it_meant() -> None:
    graph = build_link_graph([source("ketamine", "Ketamine: A Primr", "ketamine-x.md")], TARGETS)
    first, second = (problem.message for problem in graph.problems)
    assert first.endswith("matches no article")  # not its own title, 'Ketamine: A Primer'
    assert second.endswith("(did you mean 'esketamine.md'?)")  # not its own 'ketamine.md'


def test_a_title_shared_by_an_article_and_a_page_says_so() -> None:
    targets = [*TARGETS, LinkTarget("about", "content/pages/about.md", "Esketamine", page=True)]
    graph = build_link_graph([source("ketamine", inline=("Esketamine",))], targets)
    (problem,) = graph.problems
    assert "names 1 article and 1 page with the same title" in problem.message


def test_see_also_is_never_offered_a_page() -> None:
    targets = [*TARGETS, LinkTarget("about", "content/pages/about.md", "About us", page=True)]
    graph = build_link_graph([source("ketamine", "pages/abot.md", "About uss")], targets)
    assert [p.message for p in graph.problems] == [
        "see_also 'pages/abot.md' matches no article",
        "see_also 'About uss' matches no article",
    ]
    linked = build_link_graph([source("ketamine", inline=("pages/abot.md",))], targets)
    assert linked.problems[0].message.endswith("(did you mean 'pages/about.md'?)")


@pytest.mark.parametrize("written", ["[[esketamine]]", "[[ esketamine | the drug ]]"])
def test_a_quoted_wiki_link_in_see_also_is_told_to_drop_its_brackets(written: str) -> None:
    """Quoted as a header error about '- [[esketamine]]' once said, the item named nothing
    and the hint said nothing of the brackets (with a '|', it offered '[[esketamine')."""
    graph = build_link_graph([source("ketamine", written)], TARGETS)
    (problem,) = graph.problems
    assert problem.message.startswith(f"see_also '{written}' matches no article")
    assert problem.hint == (
        "a [[…]] link belongs in the text: in see_also, write what it names without the"
        " brackets, - esketamine"
    )


@pytest.mark.parametrize(
    ("written", "items"),
    [
        ("-esketamine", "'- esketamine'"),
        ("-esketamine -IV vs. IM Ketamine", "'- esketamine', '- IV vs. IM Ketamine'"),
    ],
)
def test_a_see_also_item_without_its_space_is_told_to_put_it(written: str, items: str) -> None:
    """'-esketamine' lines under see_also: are one text to YAML, which named no article and
    got the usual hint; tags: told them so already."""
    graph = build_link_graph([source("ketamine", written)], TARGETS)
    (problem,) = graph.problems
    assert problem.message.startswith(f"see_also '{written}' matches no article")
    assert problem.hint == (
        "put a space after the '-' of each item, as YAML reads '-item' as text (and lines of"
        f" such items as one): write {items}, each on a line of its own"
    )


def test_backlinks_from_see_also_and_body_sorted_by_title() -> None:
    graph = build_link_graph(
        [
            source("ketamine", "esketamine"),
            source("iv-vs-im", inline=("esketamine",)),
            source("esketamine", "ketamine"),
        ],
        TARGETS,
    )
    assert graph.backlinks["esketamine"] == ("iv-vs-im", "ketamine")
    assert graph.backlinks["ketamine"] == ("esketamine",)


def test_cycles_are_fine() -> None:
    graph = build_link_graph(
        [source("ketamine", "esketamine"), source("esketamine", "ketamine")], TARGETS
    )
    assert graph.problems == ()


def test_unknown_target_names_file_line_and_closest_title() -> None:
    graph = build_link_graph([source("ketamine", "IV vs IM Ketamine")], TARGETS)
    (problem,) = graph.problems
    assert str(problem).startswith(
        "content/ketamine.md:10: see_also 'IV vs IM Ketamine' matches no article "
        "(did you mean 'IV vs. IM Ketamine'"
    )
    assert str(problem).endswith("— link by slug, by file (content/x.md) or by exact title")
    assert graph.see_also["ketamine"] == ()


LONG = LinkTarget(
    "frontier",
    "content/frontier.md",
    "Ketamine: The New Frontier in Mental Fitness for Health-Conscious Men",
)


@pytest.mark.parametrize("written", ["Ketamine: The New Frontier", "ketamine: the new frontier"])
def test_a_title_cut_short_at_a_word_suggests_the_whole(written: str) -> None:
    graph = build_link_graph([source("esketamine", written)], [*TARGETS, LONG])
    (problem,) = graph.problems
    assert f"see_also '{written}' matches no article (did you mean '{LONG.title}' or" in str(
        problem
    )


def test_a_see_also_text_listing_articles_with_commas_says_to_write_a_list() -> None:
    """``see_also: iv-vs-im, Esketamine`` is one text to YAML; each part names an article."""
    graph = build_link_graph([source("ketamine", "iv-vs-im, Esketamine")], TARGETS)
    (problem,) = graph.problems
    assert str(problem) == (
        "content/ketamine.md:10: see_also 'iv-vs-im, Esketamine' matches no article, but each "
        "part between its commas does — for several articles write a list: see_also: "
        "[iv-vs-im, Esketamine]"
    )
    graph = build_link_graph([source("ketamine", "iv-vs-im, Nothing")], TARGETS)
    assert "matches no article (did you mean 'iv-vs-im'" in str(graph.problems[0])


def test_a_web_address_without_https_says_to_write_it_whole() -> None:
    graph = build_link_graph([source("ketamine", "www.nimh.nih.gov/health")], TARGETS)
    (problem,) = graph.problems
    assert str(problem) == (
        "content/ketamine.md:10: see_also 'www.nimh.nih.gov/health' matches no article — to link "
        "to the web, write the whole address: https://www.nimh.nih.gov/health"
    )


@pytest.mark.parametrize("written", ["missing.md", "content/gone.md", "No Such Title", "cdc.gov"])
def test_what_is_no_bare_web_address_gets_the_usual_hint(written: str) -> None:
    graph = build_link_graph([source("ketamine", written)], TARGETS)
    assert str(graph.problems[0]).endswith(FIX_HINT)


def test_a_title_cut_inside_a_word_suggests_no_completion() -> None:
    graph = build_link_graph([source("esketamine", "Ketamine: The New Front")], [*TARGETS, LONG])
    (problem,) = graph.problems
    assert LONG.title not in str(problem)


def test_unknown_slug_suggests_slug() -> None:
    graph = build_link_graph([source("ketamine", inline=("esketamin",))], TARGETS)
    assert "'esketamine'" in str(graph.problems[0]).partition("did you mean")[2]
    assert graph.problems[0].line == 30


def test_self_link_and_draft_link_are_errors() -> None:
    graph = build_link_graph([source("ketamine", "ketamine", "secret")], TARGETS)
    assert [p.message for p in graph.problems] == [
        "see_also 'ketamine' links the article to itself",
        "see_also 'secret' links to a draft (content/secret.md)",
    ]
    assert graph.problems[0].hint == "name another article, or remove the link"
    assert (
        build_link_graph([source("ketamine", "secret")], TARGETS, drafts_visible=True).problems
        == ()
    )


@pytest.mark.parametrize("text", ["javascript:alert(1)", "mailto:someone@example.org"])
def test_other_schemes_are_never_links_only_texts_that_match_nothing(text: str) -> None:
    graph = build_link_graph([source("ketamine", text)], TARGETS)
    assert [p.message for p in graph.problems] == [f"see_also '{text}' matches no article"]
    assert graph.see_also["ketamine"] == ()


def test_a_web_address_needs_http_or_https_and_two_slashes() -> None:
    graph = build_link_graph(
        [source("ketamine", "HTTPS://Example.org/a", "https:example.org", "ftp://example.org/f")],
        TARGETS,
    )
    assert graph.see_also["ketamine"] == (ResolvedLink(url="HTTPS://Example.org/a"),)
    assert [p.message for p in graph.problems] == [
        "see_also 'https:example.org' matches no article",
        "see_also 'ftp://example.org/f' matches no article",
    ]
    assert graph.problems[1].hint.startswith("only http:// and https:// addresses link to the web")


def test_an_address_with_an_unclosed_ipv6_bracket_is_an_error_not_a_crash() -> None:
    graph = build_link_graph([source("ketamine", "https://[::1")], TARGETS)
    assert [(p.message, p.line) for p in graph.problems] == [
        ("see_also 'https://[::1' matches no article", 10)
    ]


ODD_TITLES = [
    "Ketamine: The New Frontier in Mental Fitness for Health-Conscious Men",
    "Is Testosterone Therapy Safe?",
    "C# for Clinicians",
    "IV/IM Dosing",
    'The "Man Flu": Real or Not',
    "Caf\u00e9 Culture and Blood Pressure",
    "Sleep 💤 and Hormones",
    "Mind:Body? #1",
]


@pytest.mark.parametrize("title", ODD_TITLES)
@pytest.mark.parametrize(
    "spelling",
    [
        lambda t: t,
        lambda t: t + "  ",
        lambda t: "  " + t.replace(" ", " \t "),
        lambda t: unicodedata.normalize("NFD", t),
    ],
    ids=["exact", "trailing-spaces", "odd-spacing", "nfd"],
)
def test_any_title_links_by_its_text(title: str, spelling) -> None:
    odd = LinkTarget("odd", "content/odd.md", title)
    written = spelling(title)
    graph = build_link_graph(
        [source("ketamine", written, inline=(written, f"{written}#part"))], [*TARGETS, odd]
    )
    assert graph.problems == ()
    assert graph.see_also["ketamine"] == (ResolvedLink(slug="odd"),)
    assert graph.inline["ketamine"] == (
        ResolvedLink(slug="odd"),
        ResolvedLink(slug="odd", fragment="part"),
    )


def test_a_title_written_decomposed_links_from_a_composed_text() -> None:
    decomposed = LinkTarget("cafe", "content/cafe.md", unicodedata.normalize("NFD", "Café"))
    graph = build_link_graph([source("ketamine", "Café", "CAFÉ")], [*TARGETS, decomposed])
    assert graph.problems == ()
    assert graph.see_also["ketamine"] == (ResolvedLink(slug="cafe"),)


def test_a_file_name_stored_decomposed_links_from_a_composed_path() -> None:
    stored = LinkTarget("cafe", unicodedata.normalize("NFD", "content/café.md"), "Cafés")
    graph = build_link_graph([source("ketamine", "café.md", "content/café")], [*TARGETS, stored])
    assert graph.problems == ()
    assert graph.see_also["ketamine"] == (ResolvedLink(slug="cafe"),)


def test_hash_the_whole_text_is_tried_first_then_the_text_before_the_last_hash() -> None:
    sharp = LinkTarget("c-sharp", "content/c-sharp.md", "C# Basics")
    graph = build_link_graph(
        [source("ketamine", inline=("C# Basics", "C# Basics#setup", "Esketamine#risks#2"))],
        [*TARGETS, sharp],
    )
    assert graph.inline["ketamine"] == (
        ResolvedLink(slug="c-sharp"),
        ResolvedLink(slug="c-sharp", fragment="setup"),
        None,
    )
    assert [p.message for p in graph.problems] == [  # not the linking article, 'ketamine'
        "link 'Esketamine#risks#2' matches no article or page (did you mean 'Esketamine'?)"
    ]


def test_order_is_file_then_slug_then_title() -> None:
    tricky = [
        LinkTarget("alpha", "content/beta.md", "gamma"),
        LinkTarget("beta", "content/alpha.md", "alpha"),
        LinkTarget("gamma", "content/gamma.md", "beta"),
    ]
    graph = build_link_graph(
        [source("ketamine", "alpha.md", "alpha", "beta", "gamma", "content/gamma")],
        [*TARGETS, *tricky],
    )
    assert [link.slug for link in graph.see_also["ketamine"]] == ["beta", "alpha", "gamma"]
    assert graph.problems == ()


CASES = [
    LinkTarget("apnea", "content/apnea.md", "Sleep Apnea"),
    LinkTarget("apnea-loud", "content/apnea-loud.md", "SLEEP APNEA"),
]


def test_titles_differing_in_case_each_link_to_their_own_article() -> None:
    for order in (CASES, CASES[::-1]):
        graph = build_link_graph(
            [source("ketamine", "SLEEP APNEA", "Sleep  Apnea ")], [*TARGETS, *order]
        )
        assert graph.problems == ()
        assert [link.slug for link in graph.see_also["ketamine"]] == ["apnea-loud", "apnea"]


def test_a_case_insensitive_match_of_two_titles_is_an_error_naming_both() -> None:
    for order in (CASES, CASES[::-1]):
        graph = build_link_graph([source("ketamine", "sleep apnea")], [*TARGETS, *order])
        (problem,) = graph.problems
        assert str(problem) == (
            "content/ketamine.md:10: see_also 'sleep apnea' matches 2 titles that differ only"
            " in case, none exactly: content/apnea-loud.md ('SLEEP APNEA'),"
            " content/apnea.md ('Sleep Apnea') — write the title with the case of the one you"
            " mean, or link by slug or by file"
        )
        assert graph.see_also["ketamine"] == ()


def test_a_title_two_articles_share_is_an_error_naming_both() -> None:
    twin = LinkTarget("esketamine-2", "content/twin.md", "Esketamine")
    graph = build_link_graph([source("ketamine", "Esketamine")], [*TARGETS, twin])
    (problem,) = graph.problems
    assert problem.message == (
        "see_also 'Esketamine' names 2 articles with the same title:"
        " content/esketamine.md ('Esketamine'), content/twin.md ('Esketamine')"
    )


def test_a_unique_case_insensitive_match_links() -> None:
    graph = build_link_graph([source("ketamine", "iv VS. im ketamine")], TARGETS)
    assert graph.see_also["ketamine"] == (ResolvedLink(slug="iv-vs-im"),)


SLEEP = LinkTarget("sleep", "content/sleep.md", "Sleep and Men's Health: What's Normal?")
TYPED = "Sleep and Men\u2019s Health: What\u2019s Normal?"


def test_a_title_typed_with_curly_apostrophes_links_in_see_also_and_body() -> None:
    linking = source("ketamine", TYPED, inline=(TYPED, f"{TYPED.lower()}#naps"))
    graph = build_link_graph([linking], [*TARGETS, SLEEP])
    assert graph.problems == ()
    assert graph.see_also["ketamine"] == (ResolvedLink(slug="sleep"),)
    assert graph.inline["ketamine"] == (
        ResolvedLink(slug="sleep"),
        ResolvedLink(slug="sleep", fragment="naps"),
    )
    curly = LinkTarget("curly", "content/curly.md", TYPED)  # and the other way round
    graph = build_link_graph([source("ketamine", SLEEP.title)], [*TARGETS, curly])
    assert graph.see_also["ketamine"] == (ResolvedLink(slug="curly"),)


def test_titles_differing_only_in_their_apostrophes_each_link_by_their_own() -> None:
    curly = LinkTarget("curly", "content/curly.md", TYPED)
    typed = "Sleep and Men\u02bcs Health: What\u02bcs Normal?"
    graph = build_link_graph(
        [source("ketamine", TYPED, SLEEP.title, typed)], [*TARGETS, SLEEP, curly]
    )
    assert graph.see_also["ketamine"] == (ResolvedLink(slug="curly"), ResolvedLink(slug="sleep"))
    (problem,) = graph.problems
    assert str(problem) == (
        f"content/ketamine.md:12: see_also '{typed}' matches 2 titles that differ only in their"
        f" apostrophes, quotes or dashes, none exactly: content/curly.md ('{TYPED}'),"
        f" content/sleep.md ('{SLEEP.title}') — write the title as it is written in the one you"
        " mean, or link by slug or by file"
    )
    loud = LinkTarget("loud", "content/loud.md", SLEEP.title.upper())
    graph = build_link_graph([source("ketamine", typed)], [*TARGETS, loud, curly])
    assert "differ only in case and in their apostrophes, quotes or dashes" in str(
        graph.problems[0]
    )


STRAIGHT = LinkTarget("straight", "content/straight.md", "Don't Stop")
CURLY = LinkTarget("curly", "content/curly.md", "Don\u2019t Stop")


def test_a_link_that_named_one_title_ignoring_case_names_it_beside_a_title_typed_alike() -> None:
    """Folding punctuation only adds matches: ignoring case is tried before it."""
    links = ("don't stop", "DON\u2019T STOP", "Don't Stop", "don\u2019t stop#why")
    graph = build_link_graph(
        [source("ketamine", "don't stop", inline=links)], [*TARGETS, STRAIGHT, CURLY]
    )
    assert graph.problems == ()
    assert graph.see_also["ketamine"] == (ResolvedLink(slug="straight"),)
    assert graph.inline["ketamine"] == (
        ResolvedLink(slug="straight"),
        ResolvedLink(slug="curly"),
        ResolvedLink(slug="straight"),
        ResolvedLink(slug="curly", fragment="why"),
    )
    loud = dataclasses.replace(CURLY, title="DON\u2019T STOP")
    graph = build_link_graph([source("ketamine", "don't stop")], [*TARGETS, STRAIGHT, loud])
    assert graph.see_also["ketamine"] == (ResolvedLink(slug="straight"),)


def test_several_titles_found_in_the_first_stage_that_finds_any_are_named_alone() -> None:
    twin = dataclasses.replace(STRAIGHT, slug="twin", path="content/twin.md")
    graph = build_link_graph(
        [source("ketamine", "Don't Stop", "DON'T STOP", "Don\u2018t Stop")],
        [*TARGETS, STRAIGHT, twin, CURLY],
    )
    assert [str(p).split(" — ")[0] for p in graph.problems] == [
        "content/ketamine.md:10: see_also 'Don't Stop' names 2 articles with the same title:"
        " content/straight.md ('Don't Stop'), content/twin.md ('Don't Stop')",
        "content/ketamine.md:11: see_also 'DON'T STOP' names 2 articles with the same title:"
        " content/straight.md ('Don't Stop'), content/twin.md ('Don't Stop')",
        "content/ketamine.md:12: see_also 'Don\u2018t Stop' matches 3 titles that differ only"
        " in their apostrophes, quotes or dashes, none exactly: content/curly.md"
        " ('Don\u2019t Stop'), content/straight.md ('Don't Stop'), content/twin.md ('Don't Stop')",
    ]


def test_did_you_mean_spells_out_a_difference_no_one_can_see() -> None:
    cyrillic = "Esket\u0430mine"  # U+0430 CYRILLIC SMALL LETTER A
    hidden = "Eske\u200btamine"
    linking = LinkSource("other", "content/other.md", (LinkRef(cyrillic, 1), LinkRef(hidden, 2)))
    graph = build_link_graph([linking], TARGETS)
    assert [p.message for p in graph.problems] == [
        f"see_also '{cyrillic}' matches no article (did you mean 'Esketamine' (yours has"
        " U+0430 CYRILLIC SMALL LETTER A where it has U+0061 LATIN SMALL LETTER A) or 'ketamine'?)",
        f"see_also '{hidden}' matches no article (did you mean 'Esketamine' (yours has"
        " U+200B ZERO WIDTH SPACE that it has not) or 'IV vs. IM Ketamine' or 'ketamine'?)",
    ]


def test_a_file_whose_title_could_not_be_read_hides_title_links_only() -> None:
    broken = LinkTarget("broken", "content/broken.md", "")
    graph = build_link_graph(
        [source("ketamine", "Some Title", "content/nothing.md")], [*TARGETS, broken]
    )
    assert [p.message for p in graph.problems] == [
        "see_also 'content/nothing.md' matches no article"
    ]
    assert graph.see_also["ketamine"] == ()


@given(
    title=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1),
    fragment=st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True),
)
def test_every_title_links_by_its_exact_text_with_or_without_a_fragment(
    title: str, fragment: str
) -> None:
    taken = {fold(t.title) for t in TARGETS} | {t.slug for t in TARGETS}
    assume(collapse(title) and fold(title) not in taken and title.strip() not in taken)
    assume(not title.strip().endswith(".md") and not title.strip().startswith("content/"))
    assume(not title.strip().lower().startswith(("http://", "https://")))
    odd = LinkTarget("odd", "content/odd.md", title)
    graph = build_link_graph(
        [source("ketamine", title, inline=(f"{title}#{fragment}",))], [*TARGETS, odd]
    )
    assert graph.problems == ()
    assert graph.see_also["ketamine"] == (ResolvedLink(slug="odd"),)
    assert graph.inline["ketamine"] == (ResolvedLink(slug="odd", fragment=fragment),)


def test_ordering_is_deterministic() -> None:
    sources = [source("ketamine", "esketamine"), source("iv-vs-im", "esketamine")]
    first = build_link_graph(sources, TARGETS)
    second = build_link_graph(list(reversed(sources)), list(reversed(TARGETS)))
    assert first.backlinks == second.backlinks


@pytest.mark.parametrize("text", ["#dosage", " #dosage", "#"])
def test_a_bare_fragment_in_double_brackets_says_how_to_link_to_this_page(text: str) -> None:
    """``[[#dosage]]`` (Obsidian's same-page link) names no article: the message says how a
    link to this page's own id is written, not to link by slug, file or title."""
    graph = build_link_graph([source("ketamine", inline=(text,))], TARGETS)
    (problem,) = graph.problems
    assert str(problem) == (
        f"content/ketamine.md:30: link '{text}' names an id but no article"
        " — to link to an id of this page, write [text](#id); to another article's,"
        " [[Title#id]] or [[slug#id]]"
    )


ABOUT = LinkTarget("about", "content/pages/about.md", "About This Site", page=True)


def test_a_page_links_out_but_is_no_articles_linked_from() -> None:
    refs = (LinkRef("ketamine", 7), LinkRef("nowhere", 8))
    page = LinkSource("about", ABOUT.path, inline=refs, page=True)
    article = LinkSource("esketamine", "content/esketamine.md", inline=(LinkRef("about", 3),))
    graph = build_link_graph([page, article], [*TARGETS, ABOUT])
    assert graph.inline["about"][0] == ResolvedLink(slug="ketamine")
    assert [str(p) for p in graph.problems] == [
        "content/pages/about.md:8: link 'nowhere' matches no article or page — " + FIX_HINT
    ]
    assert "ketamine" not in graph.backlinks  # only the page links to it
    assert graph.backlinks["about"] == ("esketamine",)


def test_see_also_may_not_name_a_page() -> None:
    graph = build_link_graph([source("ketamine", "content/pages/about.md")], [*TARGETS, ABOUT])
    assert [str(p) for p in graph.problems] == [
        "content/ketamine.md:10: see_also 'content/pages/about.md' names a page "
        "(content/pages/about.md): See Also lists articles — link to the page in the text "
        "instead, [[about]]"
    ]


def test_links_outside_any_article_resolve_by_the_same_rules() -> None:
    refs = (
        LinkRef("pages/about.md", 4),
        LinkRef("ketamine#dose", 5),
        LinkRef("https://example.org/", 6),
        LinkRef("abuot", 7),
        LinkRef("secret", 8),
    )
    resolved, problems = resolve_links(
        refs, "site.yaml", [*TARGETS, ABOUT], kind="menu", fix_hint="name a page"
    )
    assert resolved == (
        ResolvedLink(slug="about"),
        ResolvedLink(slug="ketamine", fragment="dose"),
        ResolvedLink(url="https://example.org/"),
        None,
        None,
    )
    assert [str(p) for p in problems] == [
        "site.yaml:7: menu 'abuot' matches no article or page (did you mean 'about'?) — name a page",
        "site.yaml:8: menu 'secret' links to a draft (content/secret.md) — publish the draft "
        "(draft: false), remove the link, or build with --drafts",
    ]
    drafted, none = resolve_links(refs[-1:], "site.yaml", TARGETS, kind="menu", drafts_visible=True)
    assert drafted == (ResolvedLink(slug="secret"),) and not none


def test_a_memo_keeps_resolutions_that_no_title_change_can_touch() -> None:
    """Links by slug and file stay resolved when a title changes; links by title are
    resolved again, and the graph is the one resolving everything gives."""
    memo: Memo[Resolved] = Memo()
    by_slug = source("ketamine", "iv-vs-im", inline=("content/esketamine.md",))
    by_title = source("esketamine", "Ketamine: A Primer")
    for _ in range(2):  # the first build cannot know yet which links need titles
        build_link_graph([by_slug, by_title], TARGETS, memo=memo)
        memo.next_build()
    renamed = [
        dataclasses.replace(t, title="Ketamine Basics") if t.slug == "ketamine" else t
        for t in TARGETS
    ]
    kept = memo.kept(by_slug.path)
    graph = build_link_graph([by_slug, by_title], renamed, memo=memo)
    assert memo.kept(by_slug.path) is kept
    fresh = build_link_graph([by_slug, by_title], renamed)
    assert dataclasses.replace(graph, problems=()) == dataclasses.replace(fresh, problems=())
    assert graph.see_also["esketamine"] == ()
    assert [str(p) for p in graph.problems] == [str(p) for p in fresh.problems]
    retitled = dataclasses.replace(by_title, see_also=(LinkRef("Ketamine Basics", 10),))
    memo.next_build()
    assert build_link_graph([by_slug, retitled], renamed, memo=memo).see_also["esketamine"] == (
        ResolvedLink(slug="ketamine"),
    )


@pytest.mark.parametrize("written", ["checkup-guide.md", "content/checkup-guide.md"])
def test_a_file_renamed_far_from_its_name_is_offered_as_its_slug_would_be(written: str) -> None:
    """No file's name comes close to the old one, but the article's title does: offered
    as it is for the same name written as a slug."""
    renamed = LinkTarget("annual-checkup", "content/annual-checkup.md", "Checkup Guide")
    by_slug = build_link_graph([source("ketamine", "checkup-guide")], [*TARGETS, renamed])
    by_file = build_link_graph([source("ketamine", written)], [*TARGETS, renamed])
    assert by_slug.problems[0].message.endswith("(did you mean 'Checkup Guide'?)")
    assert by_file.problems[0].message == (
        f"see_also '{written}' matches no article (did you mean 'Checkup Guide'?)"
    )


@pytest.mark.parametrize(
    ("linking", "written", "offered"),
    [
        ("ketamine", "how-much-sleep-men-need.md", "sleep-for-men.md"),
        ("ketamine", "content/how-much-sleep-men-need.md", "content/sleep-for-men.md"),
        ("iv-vs-im", "../how-much-sleep-men-need.md", "../sleep-for-men.md"),
    ],
)
def test_a_body_link_to_a_file_renamed_far_is_offered_its_file(
    linking: str, written: str, offered: str
) -> None:
    """A body link to ``x.md`` may be ``[text](x.md)``, which takes a file only: it is
    offered the article's file, written as the link is, never its title; See Also (which
    takes titles) is offered the title."""
    renamed = LinkTarget("sleep-for-men", "content/sleep-for-men.md", "How much sleep men need")
    graph = build_link_graph([source(linking, written, inline=(written,))], [*TARGETS, renamed])
    see_also, link = (p.message for p in graph.problems)
    assert link == f"link '{written}' matches no article or page (did you mean '{offered}'?)"
    assert see_also.endswith("(did you mean 'How much sleep men need'?)")
