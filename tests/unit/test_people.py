from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from articlegen.content.config import parse_config
from articlegen.core.errors import FrontMatterError, ReviewerMissingError
from articlegen.core.model import Article, FrontMatter, Person
from articlegen.trust.people import contributions, credit_articles, offer_reviewers, photo_problems
from tests.helpers import failure_messages

PEOPLE = """\
title: T
base_url: https://example.org/
author: example-author
review_interval_days: 30
authors:
  example-author:
    name: Example Author
    bio: Writes.
    sameAs: https://example.org/a
reviewers:
  example-reviewer:
    name: " Example Reviewer "
    credentials: MD
    photo: people/r.jpg
    url: https://example.org/r
    sameAs: [https://example.org/r1, https://example.org/r2]
"""


def messages(text: str) -> list[str]:
    return failure_messages(lambda: parse_config(text))


def test_registry_is_parsed_with_lines() -> None:
    config = parse_config(PEOPLE)
    author = config.authors["example-author"]
    assert (author.name, author.bio, author.same_as, author.reviewer) == (
        "Example Author",
        "Writes.",
        ("https://example.org/a",),
        False,
    )
    reviewer = config.reviewers["example-reviewer"]
    assert reviewer == Person(
        name="Example Reviewer",
        id="example-reviewer",
        credentials="MD",
        photo="people/r.jpg",
        url="https://example.org/r",
        same_as=("https://example.org/r1", "https://example.org/r2"),
        reviewer=True,
        lines=reviewer.lines,
    )
    assert reviewer.lines[""] == 11 and reviewer.lines["photo"] == 14
    assert config.review_interval_days == 30


def test_every_person_problem_is_reported_at_its_line() -> None:
    assert messages(
        "title: T\nbase_url: https://e.org/\n"
        "authors:\n"
        "  Bad Id: {name: X}\n"
        "  no-name: {bio: B}\n"
        "  typo: {name: X, credentails: MD}\n"
        "  link: {name: X, url: 'example.org', sameAs: [ftp://x]}\n"
        "  flat: just a name\n"
        "  spaced: {name: Z, url: 'https://exa mple.org/z'}\n"
        "reviewers:\n"
        "  plain: {name: Y}\n"
    ) == [
        "site.yaml:4: invalid id 'Bad Id' in 'authors': use lowercase a-z, 0-9 and '-' only — "
        "write 'bad-id:'",
        "site.yaml:5: 'authors.no-name' needs 'name' — add 'name: …'",
        "site.yaml:6: unknown key 'authors.typo.credentails' (did you mean 'credentials'?) — "
        "valid keys: bio, credentials, name, photo, sameAs, url",
        "site.yaml:7: 'authors.link.url' must be an http(s) address, found 'example.org' — copy "
        "the full address, starting with https://",
        "site.yaml:7: 'authors.link.sameAs' must be an http(s) address, found 'ftp://x' — copy "
        "the full address, starting with https://",
        "site.yaml:8: 'authors.flat' must be a mapping — indent 'name: …' (and credentials, bio, "
        "photo, url, sameAs) under the id",
        "site.yaml:9: 'authors.spaced.url' contains a space: 'https://exa mple.org/z' — copy "
        "the address again from the browser's address bar (a space inside one is written %20)",
        "site.yaml:11: 'reviewers.plain' needs 'credentials' (readers look for a reviewer's "
        "qualifications) — add 'credentials: …'",
    ]


def test_wrongly_shaped_people_blocks_say_how_to_write_them() -> None:
    assert messages(
        "title: T\nbase_url: https://e.org/\n"
        "authors: [Example Author]\n"
        "reviewers:\n  example-reviewer: {name: R, credentials: MD, sameAs: {a: b}}\n"
    ) == [
        "site.yaml:3: 'authors' must be a mapping, found a list — indent each person under an "
        "id: 'jane-doe:', then 'name: …' under that",
        "site.yaml:5: 'reviewers.example-reviewer.sameAs' must be a list of URLs — write "
        "sameAs: [https://…, https://…] with the person's profile pages",
    ]
    assert messages("title: T\nbase_url: https://e.org/\nreviewers: Example Reviewer\n") == [
        "site.yaml:3: 'reviewers' must be a mapping, found the text 'Example Reviewer' — indent each person under an "
        "id: 'example-reviewer:', then 'name: …' and 'credentials: …' under that"
    ]


def test_default_author_must_be_an_id_when_there_is_a_registry() -> None:
    assert messages(PEOPLE.replace("author: example-author", "author: Example Author")) == [
        "site.yaml:3: unknown author 'Example Author' (did you mean 'example-author'?) — name an "
        "id from site.yaml 'authors:' (example-author)"
    ]
    assert parse_config("title: T\nbase_url: https://e.org/\nauthor: Anyone\n").author == "Anyone"


def test_an_authors_name_where_an_id_belongs_suggests_the_id() -> None:
    registry = PEOPLE.replace("example-author", "jane").replace("Example Author", "Jane Doe")
    assert messages(registry.replace("author: jane", "author: Jane Doe")) == [
        "site.yaml:3: unknown author 'Jane Doe' (did you mean 'jane'?) — name an id from "
        "site.yaml 'authors:' (jane)"
    ]
    _, problems = credit_articles(
        parse_config(registry),
        [art("a", author="jane doe"), art("b", author="Example Reviewr"), art("c", author="X")],
    )
    assert [str(p) for p in problems] == [
        "content/a.md:4: unknown author 'jane doe' (did you mean 'jane'?) — name an id from "
        "site.yaml 'authors:' (jane)",
        "content/b.md:4: unknown author 'Example Reviewr' (did you mean 'example-reviewer'?) — "
        "name an id from site.yaml 'authors:' (jane)",
        "content/c.md:4: unknown author 'X' — name an id from site.yaml 'authors:' (jane)",
    ]


def test_reviewer_may_be_default_author_but_ids_do_not_collide() -> None:
    assert parse_config(PEOPLE.replace("author: example-author", "author: example-reviewer"))
    clash = PEOPLE + "  example-author: {name: Z, credentials: MD}\n"
    assert messages(clash) == [
        "site.yaml:17: 'example-author' is in both 'authors' and 'reviewers' (first on line 6) — "
        "keep the 'reviewers' entry: a reviewer can also be named as 'author:'"
    ]


def art(slug: str, **meta: object) -> Article:
    fields = {"title": slug.title(), "date": dt.date(2024, 1, 1), **meta}
    lines = {key: number for number, key in enumerate(fields, start=2)}
    return Article(f"content/{slug}.md", slug, FrontMatter(**fields, lines=lines), "")


def test_credits_resolve_ids_and_compute_the_next_review() -> None:
    config = parse_config(PEOPLE)
    articles = [
        art("a", reviewed_by="example-reviewer", reviewed_on=dt.date(2024, 2, 1)),
        art("b", author="example-reviewer"),
    ]
    credits, problems = credit_articles(config, articles)
    assert problems == []
    assert credits["a"].author == config.authors["example-author"]
    assert credits["a"].reviewer == config.reviewers["example-reviewer"]
    assert credits["a"].next_review == dt.date(2024, 3, 2)
    assert credits["b"].author == config.reviewers["example-reviewer"]
    assert credits["b"].reviewer is None and credits["b"].next_review is None
    people = contributions(config, articles, credits)
    assert [(c.person.id, c.written, c.reviewed) for c in people] == [
        ("example-author", ("a",), ()),
        ("example-reviewer", ("b",), ("a",)),
    ]


def test_unknown_ids_in_articles() -> None:
    config = parse_config(PEOPLE)
    _, problems = credit_articles(
        config,
        [art("a", author="exampel-author"), art("b", reviewed_by="nobody", reviewed_on=None)],
    )
    assert [str(p) for p in problems] == [
        "content/a.md:4: unknown author 'exampel-author' (did you mean 'example-author'?) — name "
        "an id from site.yaml 'authors:' (example-author)",
        "content/b.md:4: unknown reviewer 'nobody' — name an id from site.yaml 'reviewers:' "
        "(example-reviewer)",
    ]


def test_a_review_day_alone_is_offered_every_reviewer_and_other_problems_kept() -> None:
    """With several reviewers, all are listed (none picked); a site without any keeps the
    header's own hint, and other problems pass as they are."""
    two = PEOPLE + "  other-reviewer:\n    name: Other Reviewer\n    credentials: MD\n"
    missing = ReviewerMissingError("'reviewed_on' is set but 'reviewed_by' is not", "a.md", 3, "x")
    other = FrontMatterError("'date' is missing", "a.md", 1, "add it")
    assert [str(p) for p in offer_reviewers(parse_config(two), [missing, other])] == [
        "a.md:3: 'reviewed_on' is set but 'reviewed_by' is not — add 'reviewed_by:' with the id"
        " of who reviewed the article, one of site.yaml 'reviewers:' (example-reviewer,"
        " other-reviewer)",
        "a.md:1: 'date' is missing — add it",
    ]
    alone = parse_config("title: T\nbase_url: https://example.org/\n")
    assert offer_reviewers(alone, [missing]) == [missing]


def test_a_reviewer_named_by_name_is_offered_the_id() -> None:
    config = parse_config(PEOPLE)
    name = config.reviewers["example-reviewer"].name
    _, problems = credit_articles(config, [art("b", reviewed_by=name, reviewed_on=None)])
    assert [str(p) for p in problems] == [
        f"content/b.md:4: unknown reviewer '{name}' (did you mean 'example-reviewer'?) — name an "
        "id from site.yaml 'reviewers:' (example-reviewer)",
    ]


@pytest.mark.parametrize("written", ["example-author", "Example Author", "example author"])
def test_an_author_named_as_reviewer_is_told_to_move_to_the_reviewers(written: str) -> None:
    """'unknown reviewer' named no reason, and offered no id for an author's own id (from a
    new-user trial): a writer's colleague listed under 'authors:' cannot review until moved."""
    config = parse_config(PEOPLE)
    assert config.authors["example-author"].name == "Example Author"
    _, problems = credit_articles(config, [art("b", reviewed_by=written, reviewed_on=None)])
    what = "is" if written == "example-author" else "is the name of"
    assert [str(p) for p in problems] == [
        f"content/b.md:4: '{written}' {what} an author in site.yaml ('example-author' under"
        " 'authors:'), not a medical reviewer — if they reviewed it, move 'example-author' from"
        " 'authors:' to 'reviewers:' with their 'credentials' (a reviewer can be an article's"
        " author too); else name an id from site.yaml 'reviewers:' (example-reviewer)",
    ]


def test_free_text_authors_without_registry() -> None:
    config = parse_config("title: T\nbase_url: https://e.org/\nauthor: Site Team\n")
    credits, _ = credit_articles(config, [art("a"), art("b", author="Someone Else")])
    assert credits["a"].author == Person(name="Site Team")
    assert credits["b"].author == Person(name="Someone Else")
    assert contributions(config, [], credits) == []


def test_photos_must_exist_under_static_or_be_web_addresses() -> None:
    config = parse_config(PEOPLE)
    assert photo_problems(config, lambda path: path == "people/r.jpg", "site.yaml") == []
    missing = photo_problems(config, lambda path: False, "site.yaml")
    assert [str(p) for p in missing] == [
        "site.yaml:14: photo 'people/r.jpg' of 'example-reviewer' is not a file under static/ — "
        "put the image in static/ (static/people/a.jpg → photo: people/a.jpg) or give its "
        "https:// address"
    ]
    reviewer = dataclasses.replace(config.reviewers["example-reviewer"], photo="../secret.jpg")
    escaped = dataclasses.replace(config, reviewers={"example-reviewer": reviewer})
    assert len(photo_problems(escaped, lambda path: True, "site.yaml")) == 1
    web = dataclasses.replace(reviewer, photo="https://example.org/r.jpg")
    online = dataclasses.replace(config, reviewers={"example-reviewer": web})
    assert photo_problems(online, lambda path: False, "site.yaml") == []


def test_review_interval_days_is_at_most_ten_years() -> None:
    assert parse_config(PEOPLE.replace("30", "3650")).review_interval_days == 3650
    assert failure_messages(lambda: parse_config(PEOPLE.replace("30", "3651"))) == [
        "site.yaml:4: 'review_interval_days' must be at least 1 and at most 3650 (ten years), "
        "found 3651 — e.g. review_interval_days: 365"
    ]
