from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from articlegen.content.config import parse_config
from articlegen.core.errors import BuildFailed
from articlegen.core.model import Article, Credits, FrontMatter, Person, Reference, Requirement
from articlegen.trust.editorial import (
    OK,
    REVIEW_DUE,
    REVIEWED_LATER,
    UNREVIEWED,
    requirement_problems,
    resolve_policy,
    review_problems,
    review_status,
)

REVIEWER = Person("Example Reviewer", "example-reviewer", "MD", reviewer=True)
BASE = "title: T\nbase_url: https://e.org/\n"


def art(slug: str, **meta: object) -> Article:
    fields = {"title": slug.title(), "date": dt.date(2024, 1, 1), **meta}
    lines = {key: number for number, key in enumerate(fields, start=2)}
    return Article(f"content/{slug}.md", slug, FrontMatter(**fields, lines=lines), "")


def reviewed(on: dt.date, days: int = 365) -> Credits:
    return Credits(None, REVIEWER, on, on + dt.timedelta(days=days))


def test_review_status_turns_due_on_the_due_day() -> None:
    credit = reviewed(dt.date(2024, 1, 1), 10)
    assert review_status(credit, dt.date(2024, 1, 10)) == OK
    assert review_status(credit, dt.date(2024, 1, 11)) == REVIEW_DUE
    assert review_status(Credits(), dt.date(2024, 1, 11)) == UNREVIEWED


def test_review_problems_errors_warnings_and_exemptions() -> None:
    today = dt.date(2025, 6, 1)
    articles = [
        art("future", reviewed_by="example-reviewer", reviewed_on=dt.date(2025, 7, 1)),
        art("old", reviewed_by="example-reviewer", reviewed_on=dt.date(2024, 1, 2)),
        art("fresh", reviewed_by="example-reviewer", reviewed_on=dt.date(2025, 5, 1)),
        art("never"),
        art("draft", draft=True),
        art("policy"),
    ]
    credits = {a.slug: Credits() for a in articles}
    credits |= {
        "future": reviewed(dt.date(2025, 7, 1)),
        "old": reviewed(dt.date(2024, 1, 2)),
        "fresh": reviewed(dt.date(2025, 5, 1)),
    }
    errors, warnings = review_problems(
        articles, credits, today, expect_reviews=True, exempt=["policy"]
    )
    assert [str(e) for e in errors] == [
        "content/future.md:5: 'reviewed_on' (2025-07-01) is in the future (today is 2025-06-01) "
        "— give the day the review actually happened"
    ]
    assert [(w.path, w.line, w.message) for w in warnings] == [
        (
            "content/old.md",
            5,
            "medical review is due: reviewed on 2024-01-02, next review was due on 2025-01-01",
        ),
        ("content/never.md", 1, "published, but never medically reviewed"),
    ]
    _, quiet = review_problems(articles, credits, today, expect_reviews=False, exempt=["policy"])
    assert [w.path for w in quiet] == ["content/old.md"]


def test_a_review_dated_after_the_day_judged_is_reviewed_later_not_ok() -> None:
    """As of a day before it, a review is neither done nor due: no warning either way."""
    credit = reviewed(dt.date(2024, 2, 1), 10)
    assert review_status(credit, dt.date(2024, 1, 31)) == REVIEWED_LATER
    assert review_status(credit, dt.date(2024, 2, 1)) == OK
    articles = [art("later", reviewed_by="example-reviewer", reviewed_on=dt.date(2024, 2, 1))]
    today = dt.date(2024, 1, 1)
    errors, _ = review_problems(articles, {"later": credit}, today, expect_reviews=True)
    assert [str(e) for e in errors] == [
        "content/later.md:5: 'reviewed_on' (2024-02-01) is in the future (today is 2024-01-01)"
        " — give the day the review actually happened"
    ]
    found = review_problems(
        articles, {"later": credit}, today, expect_reviews=True, until=dt.date(2024, 6, 1)
    )
    assert found == ([], [])


def test_requirements_are_parsed_and_enforced_by_tag_slug() -> None:
    config = parse_config(
        BASE + "require:\n  - {tag: Medication, fields: [content_warning, references]}\n"
        "  - tag: surgery\n    fields: disclaimer\n"
    )
    assert config.requirements == (
        Requirement("Medication", ("content_warning", "references"), 4),
        Requirement("surgery", ("disclaimer",), 5),
    )
    ok = art(
        "ok",
        tags=("medication",),
        content_warning="Careful.",
        references=(Reference("T", "https://e.org/"),),
    )
    empty = art("empty", tags=("medication", "surgery"), references=())
    untagged = art("untagged")
    problems = requirement_problems(config.requirements, [ok, empty, untagged], "site.yaml")
    assert [str(p) for p in problems] == [
        "content/empty.md:4: articles tagged 'Medication' must set 'content_warning', "
        "'references' (require rule in site.yaml:4) — add 'content_warning: …', 'references: …' "
        "to the front-matter",
        "content/empty.md:4: articles tagged 'surgery' must set 'disclaimer' (require rule in "
        "site.yaml:5) — add 'disclaimer: …' to the front-matter",
    ]


def test_disclaimer_false_does_not_meet_a_rule_asking_for_a_disclaimer() -> None:
    """It leaves the disclaimer out, and the error is at its line, not a missing key at the
    tags' line; ``comments: false`` sets comments, and meets its rule."""
    rules = (Requirement("surgery", ("disclaimer", "comments", "references"), 5),)
    opted_out = art("out", tags=("Surgery",), disclaimer=False, comments=False, references=())
    own = art("own", tags=("surgery",), disclaimer="Own words.", comments=False)
    assert [str(p) for p in requirement_problems(rules, [opted_out, own], "site.yaml")] == [
        "content/out.md:4: articles tagged 'surgery' must set 'references' (require rule in "
        "site.yaml:5) — add 'references: …' to the front-matter",
        "content/out.md:5: 'disclaimer:' opts out of the disclaimer (false, no or off), but"
        " articles tagged 'surgery' need their own disclaimer text (require rule in site.yaml:5): opting out"
        " does not meet the rule — write the article's disclaimer as 'disclaimer: \"…\"', or"
        " remove the tag 'Surgery' if the rule should not apply to this article",
        "content/own.md:4: articles tagged 'surgery' must set 'references' (require rule in "
        "site.yaml:5) — add 'references: …' to the front-matter",
    ]


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ("  - medication\n", "site.yaml:4: require rule 1 must be a mapping"),
        ("  - {tag: m}\n", "site.yaml:4: require rule 1 has no 'fields'"),
        ("  - {tag: m, fields: [], when: x}\n", "site.yaml:4: unknown key 'require.when'"),
        ("  - {tag: [m], fields: [title]}\n", "site.yaml:4: 'require.tag' must be text"),
        ("  - {tag: m, fields: []}\n", "site.yaml:4: 'require.fields' must be a list"),
        ("  - {tag: m, fields: [refs]}\n", "site.yaml:4: unknown front-matter key 'refs'"),
    ],
)
def test_bad_require_rules(rules: str, expected: str) -> None:
    with pytest.raises(BuildFailed) as failed:
        parse_config(BASE + "require:\n" + rules)
    assert str(failed.value.errors[0]).startswith(expected)


@pytest.mark.parametrize("fields", ["[]", "{a: b}", "3"])
def test_require_fields_that_are_no_list_get_an_example(fields: str) -> None:
    with pytest.raises(BuildFailed) as failed:
        parse_config(BASE + f"require:\n  - {{tag: m, fields: {fields}}}\n")
    assert [str(e) for e in failed.value.errors] == [
        "site.yaml:4: 'require.fields' must be a list of front-matter keys — write fields: "
        "[content_warning, references]"
    ]


def test_policy_is_a_url_an_article_slug_or_file() -> None:
    articles = [art("how-we-work")]
    config = parse_config(BASE)
    assert resolve_policy(config, articles, "site.yaml") == (None, None, [])
    for name in ("how-we-work", "content/how-we-work.md", "how-we-work.md"):
        named = dataclasses.replace(config, editorial_policy=name)
        assert resolve_policy(named, articles, "site.yaml") == ("how-we-work/", "how-we-work", [])
    web = dataclasses.replace(config, editorial_policy="https://e.org/policy")
    assert resolve_policy(web, articles, "site.yaml") == ("https://e.org/policy", None, [])
    wrong = parse_config(BASE + "editorial_policy: how-we-wrk\n")
    url, slug, problems = resolve_policy(wrong, articles, "site.yaml")
    assert (url, slug) == (None, None)
    assert str(problems[0]).startswith(
        "site.yaml:3: editorial_policy 'how-we-wrk' is neither an http(s) URL nor a published "
        "article or page (did you mean 'how-we-work'?)"
    )


@pytest.mark.parametrize(
    ("written", "offered"),
    [
        ("pages/polcy.md", "pages/policy.md"),
        ("content/pages/polcy.md", "content/pages/policy.md"),
        ("content/pages/polcy", "content/pages/policy"),
        ("polcy", "policy"),
    ],
)
def test_a_misspelt_policy_file_is_offered_the_file_as_written(written: str, offered: str) -> None:
    """A file's name misspelt was offered nothing: the slugs were compared with it (from a
    new-user trial)."""
    policy = dataclasses.replace(art("policy"), source="content/pages/policy.md")
    articles = [policy, art("heart-health")]
    config = parse_config(BASE + f"editorial_policy: {written}\n")
    problems = resolve_policy(config, articles, "site.yaml")[2]
    assert [str(problem).split(" — ")[0] for problem in problems] == [
        f"site.yaml:3: editorial_policy '{written}' is neither an http(s) URL nor a published "
        f"article or page (did you mean '{offered}'?)"
    ]
