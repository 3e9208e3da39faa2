from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from articlegen.core.errors import FrontMatterError
from articlegen.core.model import CitationMark, LinkRef, Reference
from articlegen.core.yamldoc import load_mapping
from articlegen.trust.references import number_citations, parse_references
from tests.helpers import failure_messages


def parse(yaml: str) -> tuple[Reference, ...]:
    entries, problems = load_mapping(yaml, "content/a.md", FrontMatterError, first_line=2)
    assert problems == []
    return parse_references(entries["references"], "content/a.md", ZoneInfo("UTC"))


def errors(yaml: str) -> list[str]:
    return failure_messages(lambda: parse(yaml))


def test_every_field_with_its_line() -> None:
    refs = parse(
        "references:\n"
        "  - id: smith-2023\n    title: A study\n    url: https://example.org/s\n"
        "    publisher: Example Journal\n    date: 2023-01-31\n"
        "  - {title: Another, url: 'http://example.org/a'}\n"
    )
    assert refs == (
        Reference("A study", "https://example.org/s", "smith-2023", "Example Journal",
                  dt.date(2023, 1, 31), 3, url_line=5),
        Reference("Another", "http://example.org/a", line=8, url_line=8),
    )  # fmt: skip


def test_each_bad_item_is_reported_at_its_line() -> None:
    assert errors(
        "references:\n"
        "  - just text\n"
        "  - {title: T}\n"
        "  - {title: T, url: 'javascript:alert(1)'}\n"
        "  - {title: T, url: 'https://e.org/', id: Bad Id}\n"
        "  - {title: T, url: 'https://e.org/', date: someday}\n"
        "  - {title: T, url: 'https://e.org/', titel: x}\n"
    ) == [
        "content/a.md:3: reference 1 must be a mapping with 'title' and 'url' — write '- title: …' "
        "and, indented under it, 'url: https://…'",
        "content/a.md:4: reference 2 has no 'url' — add 'url: …' to it",
        "content/a.md:5: reference url must be an http(s) address, found 'javascript:alert(1)' — "
        "copy the full address, starting with https://",
        "content/a.md:6: invalid reference id 'Bad Id': use lowercase a-z, 0-9 and '-' only — "
        "write 'id: bad-id', and cite it as [^bad-id] in the text",
        "content/a.md:7: 'references.date' is not a valid date: 'someday' — "
        "give the year alone (e.g. 2023), or write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]]"
        " (T or a space before the time), the time with an optional offset Z, +HH:MM, +HHMM or"
        " +HH, e.g. 2024-05-14, 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200",
        "content/a.md:8: unknown key 'references.titel' (did you mean 'title'?) — valid keys: "
        "authors, date, id, publisher, title, url",
    ]


def test_every_mistake_of_an_item_is_reported_in_one_run() -> None:
    """An item with two mistakes (an invalid id and a bare 'doi:' url) was reported for its
    first only: the author fixed it, built again and only then saw the second. Every
    mistake of every item is named in one run, each at its line, in the order written; an
    id two items share is named even where one of them has other mistakes."""
    assert errors(
        "references:\n"
        "  - title: A study\n    id: Smith_2023\n    url: doi:10.1000/xyz\n"
        "  - title: ''\n    url: https://e.org/\n    colour: red\n    date: someday\n"
        "    id: smith\n"
        "  - {title: T, url: 'javascript:alert(1)', id: smith, authors: []}\n"
    ) == [
        "content/a.md:4: invalid reference id 'Smith_2023': use lowercase a-z, 0-9 and '-' "
        "only — write 'id: smith-2023', and cite it as [^smith-2023] in the text",
        "content/a.md:5: reference url must be an http(s) address, found 'doi:10.1000/xyz' — "
        "write it whole: https://doi.org/10.1000/xyz",
        "content/a.md:6: 'references.title' must be non-empty text — write the source's title "
        "after 'title:'",
        "content/a.md:8: unknown key 'references.colour' — valid keys: authors, date, id, "
        "publisher, title, url",
        "content/a.md:9: 'references.date' is not a valid date: 'someday' — "
        "give the year alone (e.g. 2023), or write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]]"
        " (T or a space before the time), the time with an optional offset Z, +HH:MM, +HHMM or"
        " +HH, e.g. 2024-05-14, 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200",
        "content/a.md:11: reference url must be an http(s) address, found 'javascript:alert(1)'"
        " — copy the full address, starting with https://",
        "content/a.md:11: 'references.authors' must be non-empty text — write the names as one "
        'text, e.g. authors: "Smith J, Lee K, et al."',
        "content/a.md:11: duplicate reference id 'smith' (first used on line 6) — give each "
        "reference its own id",
    ]


@pytest.mark.parametrize(
    ("written", "day"),
    [("2023-05", "2023-05-DD"), ("May 2023", "2023-05-DD"), ("Sept. 2023", "2023-09-DD")],
)
def test_a_reference_dated_by_its_month_is_offered_the_year_or_the_day(
    written: str, day: str
) -> None:
    """A journal issue's month and year is how many sources are dated: it was told the
    forms of a date and a time of day, none of which it could be written in."""
    assert errors(f"references:\n  - {{title: T, url: 'https://e.org/', date: {written}}}\n") == [
        f"content/a.md:3: 'references.date' is not a valid date: '{written}' — a reference's"
        " date is a year or a day, not a month: write date: 2023, or the day the source was"
        f" published, date: {day}"
    ]


@pytest.mark.parametrize(
    ("others", "fixed"),
    [
        ("", "heart-2022"),
        ("  - {title: T, url: 'https://e.org/', id: heart-2021}\n", "heart-2022"),
        # the fixed form is another reference's id: offering it would make a duplicate
        ("  - {title: T, url: 'https://e.org/', id: heart-2022}\n", "heart-2022-2"),
        (
            "  - {title: T, url: 'https://e.org/', id: heart-2022}\n"
            "  - {title: T, url: 'https://e.org/', id: heart-2022-2}\n",
            "heart-2022-3",
        ),
    ],
)
def test_an_invalid_id_offers_its_fixed_form_unless_another_reference_has_it(
    others: str, fixed: str
) -> None:
    assert errors(
        f"references:\n  - {{title: A, url: 'https://e.org/a', id: Heart_2022}}\n{others}"
    ) == [
        "content/a.md:3: invalid reference id 'Heart_2022': use lowercase a-z, 0-9 and '-' only"
        f" — write 'id: {fixed}', and cite it as [^{fixed}] in the text"
    ]
    assert errors("references:\n  - {title: A, url: 'https://e.org/a', id: ___}\n") == [
        "content/a.md:3: invalid reference id '___': use lowercase a-z, 0-9 and '-' only"
        " — give it an id of its own, e.g. 'id: smith-2023'"  # no fixed form to offer
    ]


def test_two_invalid_ids_with_one_fixed_form_are_offered_two_ids() -> None:
    """'Smith 2023' and 'smith_2023' were both told to write 'id: smith-2023': taking both
    hints made a duplicate. The second is offered the next free one, past the ids valid
    already and those offered before it."""
    assert errors(
        "references:\n"
        "  - {title: A, url: 'https://e.org/a', id: Smith 2023}\n"
        "  - {title: B, url: 'https://e.org/b', id: smith_2023}\n"
        "  - {title: C, url: 'https://e.org/c', id: smith-2023-2}\n"
        "  - {title: D, url: 'https://e.org/d', id: SMITH-2023}\n"
    ) == [
        f"content/a.md:{line}: invalid reference id '{written}': use lowercase a-z, 0-9 and '-'"
        f" only — write 'id: {fixed}', and cite it as [^{fixed}] in the text"
        for line, written, fixed in [
            (3, "Smith 2023", "smith-2023"),
            (4, "smith_2023", "smith-2023-3"),
            (6, "SMITH-2023", "smith-2023-4"),
        ]
    ]


def test_a_doi_or_pubmed_id_written_as_a_key_is_offered_as_the_url() -> None:
    """Reference managers export 'doi:' and 'pmid:' as fields of their own: the error said
    only that the key is unknown (for 'pmid', "did you mean 'id'?", which would make the
    PubMed number the citation's label) and, apart, that the reference has no 'url'. It now
    gives the address to write as the url, once."""
    assert errors(
        "references:\n"
        "  - title: A study\n    doi: 10.1000/xyz123\n"
        "  - title: A trial\n    PMID: 12345678\n"
        "  - title: A review\n    url: https://example.org/r\n    doi: 'doi:10.1000/abc'\n"
        "  - title: Another\n    doi: https://doi.org/10.1000/def\n"
        "  - title: Not an id\n    pmid: soon\n"
    ) == [
        "content/a.md:4: unknown key 'references.doi': a DOI is linked by its address — write "
        "it as the reference's url: url: https://doi.org/10.1000/xyz123",
        "content/a.md:6: unknown key 'references.PMID': a PubMed id is linked by its address — "
        "write it as the reference's url: url: https://pubmed.ncbi.nlm.nih.gov/12345678/",
        "content/a.md:9: unknown key 'references.doi': a DOI is linked by its address — the "
        "reference has its url already: remove 'doi' (https://doi.org/10.1000/abc)",
        "content/a.md:11: unknown key 'references.doi': a DOI is linked by its address — write "
        "it as the reference's url: url: https://doi.org/10.1000/def",
        "content/a.md:13: unknown key 'references.pmid': a PubMed id is linked by its address "
        "— write it as the reference's url: url: https://pubmed.ncbi.nlm.nih.gov/<its number>/",
    ]


def test_authors_and_a_year_alone() -> None:
    refs = parse(
        "references:\n"
        "  - title: A trial\n    url: https://example.org/t\n    authors: ' Example A, et al. '\n"
        "    publisher: Example Journal\n    date: 2013\n"
        "  - {title: B, url: 'https://example.org/b', date: '1999'}\n"
    )
    assert [(r.authors, r.publisher, r.date) for r in refs] == [
        ("Example A, et al.", "Example Journal", 2013),
        (None, None, 1999),
    ]
    assert errors(
        "references:\n"
        "  - {title: T, url: 'https://e.org/', authors: [Example A, Example B]}\n"
        "  - {title: T, url: 'https://e.org/', authors: ''}\n"
        "  - {title: T, url: 'https://e.org/', date: 13}\n"
        "  - {title: T, url: 'https://e.org/', date: 20130}\n"
        "  - {title: T, url: 'https://e.org/', date: }\n"
        "  - {title: T, url: 'https://e.org/', date: ' '}\n"
    ) == [
        "content/a.md:3: 'references.authors' must be one text, found a list of names — write"
        ' them as one text: authors: "Example A, Example B"',
        "content/a.md:4: 'references.authors' must be non-empty text — write the source's "
        "authors after 'authors:', or remove 'authors'",
        "content/a.md:5: 'references.date' is not a valid date: 13 — "
        "give the year alone (e.g. 2023), or write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]]"
        " (T or a space before the time), the time with an optional offset Z, +HH:MM, +HHMM or"
        " +HH, e.g. 2024-05-14, 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200",
        "content/a.md:6: 'references.date' is not a valid date: 20130 — "
        "give the year alone (e.g. 2023), or write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]]"
        " (T or a space before the time), the time with an optional offset Z, +HH:MM, +HHMM or"
        " +HH, e.g. 2024-05-14, 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200",
        *(
            f"content/a.md:{line}: 'references.date' is not a valid date: {shown} — write when"
            " the source was published (e.g. date: 2023 or date: 2023-05-14) after 'date:', or"
            " remove 'date'"
            for line, shown in ((7, "nothing"), (8, "' '"))
        ),
    ]


def test_a_url_with_a_space_is_refused_at_its_line() -> None:
    assert errors(
        "references:\n"
        "  - title: T\n    url: https://exa mple.org/1\n"
        '  - {title: T, url: "https://example.org/a\\tb"}\n'
    ) == [
        "content/a.md:4: reference url contains a space: 'https://exa mple.org/1' — copy the "
        "address again from the browser's address bar (a space inside one is written %20)",
        "content/a.md:5: reference url contains a space: 'https://example.org/a\tb' — copy the "
        "address again from the browser's address bar (a space inside one is written %20)",
    ]


def test_a_url_with_a_host_in_brackets_that_is_no_address_is_refused_at_its_line() -> None:
    assert errors('references:\n  - title: T\n    url: "https://[::1/x"\n') == [
        "content/a.md:4: reference url is no web address (Invalid IPv6 URL): 'https://[::1/x'"
        " — copy the full address again, starting with https://"
    ]


def test_a_url_whose_port_is_no_port_is_refused_at_its_line() -> None:
    """Browsers refuse the address, and ``check --links`` called it a passing failure."""
    assert errors(
        "references:\n  - title: T\n    url: https://e.org:99999/x\n"
        "  - {title: T, url: 'https://e.org:8443/x'}\n"
        "  - {title: T, url: 'https://:8443/x'}\n"
    ) == [
        "content/a.md:4: reference url is no web address (Port out of range 0-65535): "
        "'https://e.org:99999/x' — copy the full address again, starting with https://",
        "content/a.md:6: reference url is no web address (there is no host name after '//'): "
        "'https://:8443/x' — copy the full address again, starting with https://",
    ]


def test_duplicate_ids_and_non_lists() -> None:
    assert errors(
        "references:\n  - {id: a, title: T, url: 'https://e.org/'}\n"
        "  - {id: a, title: U, url: 'https://e.org/u'}\n"
    ) == [
        "content/a.md:4: duplicate reference id 'a' (first used on line 3) — give each reference its own id"
    ]
    assert errors("references: https://e.org/\n")[0].startswith(
        "content/a.md:2: 'references' must be a list"
    )


@pytest.mark.parametrize(
    ("header", "fix"),
    [
        (
            "references:\n  id: sleep\n  title: T\n  url: https://e.org/\n",
            "it is one source written as a mapping: make it an item of a list, '- id: sleep',"
            " with its other keys lined up under the key after the '- '",
        ),
        (
            "references:\n  title: T\n  url: https://e.org/\n",
            "it is one source written as a mapping: make it an item of a list, '- title: …',"
            " with its other keys lined up under the key after the '- '",
        ),
        (
            "references:\n  sleep:\n    title: T\n    url: https://e.org/\n",
            "write each source as an item, '- id: sleep' with 'title: …' and 'url: …' under it",
        ),
    ],
)
def test_references_written_as_a_mapping_are_shown_the_item_form(header: str, fix: str) -> None:
    """A mapping where a list belongs (one source, or sources by id) is told the ``- id: x``
    form, with its own id, not only that it must be a list."""
    assert errors(header) == [f"content/a.md:2: 'references' must be a list — {fix}"]


REFS = (
    Reference("A", "https://e.org/a", "a", line=10),
    Reference("B", "https://e.org/b", "b", line=11),
    Reference("C", "https://e.org/c", line=12),
    Reference("D", "https://e.org/d", "d", line=13),
)


def test_numbering_follows_first_citation_and_back_links_every_citation() -> None:
    cited = number_citations(REFS, [LinkRef("b", 20), LinkRef("a", 21), LinkRef("b", 22)], "a.md")
    assert cited.marks == (
        CitationMark(1, "cite-1", "ref-1"),
        CitationMark(2, "cite-2", "ref-2"),
        CitationMark(1, "cite-1-2", "ref-1"),
    )
    assert [(n.number, n.reference.title, n.anchor, n.backlinks) for n in cited.listed] == [
        (1, "B", "ref-1", ("cite-1", "cite-1-2")),
        (2, "A", "ref-2", ("cite-2",)),
        (3, "C", "ref-3", ()),
        (4, "D", "ref-4", ()),
    ]
    assert cited.problems == ()
    assert [str(w) for w in cited.warnings] == [
        "a.md:13: reference 'd' is never cited — cite it in the text with [^d], or remove its id "
        "to list it uncited"
    ]


def test_unknown_citation_names_the_closest_id() -> None:
    cited = number_citations(REFS, [LinkRef("dd", 7)], "content/a.md")
    assert [str(p) for p in cited.problems] == [
        "content/a.md:7: citation [^dd] names no reference (did you mean 'd'?) — add it to "
        "'references:' with 'id: dd'"
    ]
    none = number_citations((), [LinkRef("x", 3)], "content/a.md")
    assert none.problems[0].hint == "add a 'references:' list with an item 'id: x'"


def test_unknown_citation_is_offered_the_ids_it_begins() -> None:
    """'[^cdc]' for the id 'cdc-sleep' was offered nothing: too short beside it for the
    closeness ratio, which offered '[^sleep]' both ids."""
    refs = tuple(
        Reference(id=i, title=i, url=f"https://example.org/{i}", line=9)
        for i in ("cdc-sleep", "nhlbi-sleep", "cdcp")
    )
    cited = number_citations(refs, [LinkRef(c, 7) for c in ("cdc", "sleep", "CDC")], "a.md")
    assert [p.message for p in cited.problems] == [
        "citation [^cdc] names no reference (did you mean 'cdc-sleep' or 'cdcp'?)",
        "citation [^sleep] names no reference (did you mean 'cdc-sleep' or 'nhlbi-sleep'?)",
        "citation [^CDC] names no reference (did you mean 'cdc-sleep' or 'cdcp'?)",
    ]
    assert cited.problems[2].hint == (
        "a reference's id is a slug (lowercase a-z, 0-9 and '-' between them): cite it as"
        " [^cdc-sleep]"
    )


@pytest.mark.parametrize(
    ("cited", "hint"),
    [
        ("smith_2020", "cite it as [^smith-2020]"),
        ("Smith-2020", "cite it as [^smith-2020]"),
        ("smith-", "cite it as [^smith-2020]"),  # the hyphen goes between, not at an end
        (
            "Jones_2019",
            "cite it as [^jones-2019], and add 'id: jones-2019' to its item of 'references:'",
        ),
    ],
)
def test_a_citation_no_id_could_be_is_offered_an_id_there_can_be(cited: str, hint: str) -> None:
    """'add it to references: with id: smith_2020' offered an id the build refuses (from a
    new-user trial): such a citation is offered the reference it is near, or its id made one."""
    references = (Reference("S", "https://e.org/s", "smith-2020", line=10),)
    problems = number_citations(references, [LinkRef(cited, 7)], "content/a.md").problems
    assert [(p.line, p.hint) for p in problems] == [
        (7, f"a reference's id is a slug (lowercase a-z, 0-9 and '-' between them): {hint}")
    ]


@pytest.mark.parametrize(
    ("body", "line", "written"),
    [
        ("Intro.\n\nAs shown [d].\n", 22, "[d]"),
        ("Intro.\nAs shown^[d].\n", 21, "^[d]"),
        ("As shown [^ d].\n", 20, "[^ d]"),
    ],
)
def test_a_citation_written_without_its_caret_is_named_at_its_line(
    body: str, line: int, written: str
) -> None:
    """'[d]' shows as text, and the warning named only the reference's line (from a new-user
    trial): it names the line of the body that meant to cite it."""
    cited = number_citations(
        REFS, [LinkRef("a", 5), LinkRef("b", 6)], "a.md", body=body, body_line=20
    )
    assert [(w.line, w.message, w.hint) for w in cited.warnings] == [
        (
            line,
            f"reference 'd' is never cited: {written} on this line is shown as text, not a"
            " citation",
            "write [^d]",
        )
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Code: `[d]`.\n",
        "```\n[d]\n```\n",
        "A [d](https://e.org/) link.\n",
        "An image ![d](a.png).\n",
        "Also [dd].\n",
    ],
)
def test_a_bracketed_id_that_is_no_citation_meant_leaves_the_warning_at_the_reference(
    body: str,
) -> None:
    cited = number_citations(
        REFS, [LinkRef("a", 5), LinkRef("b", 6)], "a.md", body=body, body_line=20
    )
    assert [w.line for w in cited.warnings] == [13]


def test_no_references_no_citations() -> None:
    cited = number_citations((), (), "a.md")
    assert (cited.marks, cited.listed, cited.problems, cited.warnings) == ((), (), (), ())


def test_a_doi_a_pubmed_id_or_an_address_without_https_is_offered_whole() -> None:
    """Citations write a source so; the error gave only 'copy the full address'."""
    assert errors(
        "references:\n"
        "  - {title: A, url: 'doi:10.1000/xyz'}\n"
        "  - {title: B, url: 'DOI: 10.1056/NEJMoa0000'}\n"
        "  - {title: C, url: 10.1000/abc}\n"
        "  - {title: D, url: 'PMID: 12345678'}\n"
        "  - {title: E, url: www.nhs.uk/conditions/x}\n"
        "  - {title: F, url: 'ftp://x.org/a'}\n"
    ) == [
        "content/a.md:3: reference url must be an http(s) address, found 'doi:10.1000/xyz' — "
        "write it whole: https://doi.org/10.1000/xyz",
        "content/a.md:4: reference url must be an http(s) address, found 'DOI: 10.1056/NEJMoa0000'"
        " — write it whole: https://doi.org/10.1056/NEJMoa0000",
        "content/a.md:5: reference url must be an http(s) address, found '10.1000/abc' — "
        "write it whole: https://doi.org/10.1000/abc",
        "content/a.md:6: reference url must be an http(s) address, found 'PMID: 12345678' — "
        "write it whole: https://pubmed.ncbi.nlm.nih.gov/12345678/",
        "content/a.md:7: reference url must be an http(s) address, found 'www.nhs.uk/conditions/x'"
        " — write it whole: https://www.nhs.uk/conditions/x",
        "content/a.md:8: reference url must be an http(s) address, found 'ftp://x.org/a' — "
        "copy the full address, starting with https://",
    ]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("https//example.org/a", "https://example.org/a"),
        ("http:/example.org/b", "http://example.org/b"),
        ("htps://example.org/c", "https://example.org/c"),
        ("https:///example.org/d", "https://example.org/d"),
        ("hhttps://example.org/e", "https://example.org/e"),
        ("https;//example.org/f?x=1", "https://example.org/f?x=1"),
        ("https:doi.org/10.1000/xyz", "https://doi.org/10.1000/xyz"),
        ("https:\\\\example.org/g", "https://example.org/g"),
        ("https\\\\example.org/h", "https://example.org/h"),
        ("http:\\example.org/i", "http://example.org/i"),
    ],
)
def test_an_address_whose_https_is_mistyped_is_offered_written_right(
    written: str, meant: str
) -> None:
    """A letter, the colon or a slash of ``https://`` mistyped: the error gave only 'copy the
    full address'."""
    assert errors(f"references:\n  - {{title: A, url: '{written}'}}\n") == [
        f"content/a.md:3: reference url must be an http(s) address, found '{written}' — "
        f"its start is mistyped: write {meant}"
    ]
