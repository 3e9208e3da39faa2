"""Editorial checks from the command line: review warnings, --strict, the report, and every
error of the trust features with its exact message and line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, article
from tests.integration.test_trust import REVIEWED, TRUST_YAML, with_photo

OVERDUE = (
    "warning: content/reviewed.md:7: medical review is due: reviewed on 2024-02-01, next review "
    "was due on 2025-01-31 — have it reviewed again, then update 'reviewed_on'"
)
NEVER = (
    "warning: content/unreviewed.md:1: published, but never medically reviewed — once a reviewer "
    "from site.yaml has checked it, add 'reviewed_by' and 'reviewed_on'"
)
UNCITED = (
    "warning: content/cites.md:{line}: reference 'unused' is never cited — cite it in the text "
    "with [^unused], or remove its id to list it uncited"
)


@pytest.fixture
def editorial(site) -> Path:
    return with_photo(
        site(
            {
                "reviewed.md": REVIEWED,
                "unreviewed.md": article(
                    "Unreviewed", "Text.", date="2024-04-01", see_also="[reviewed]"
                ),
                "draft.md": article("Draft", "Text.", draft="true"),
                "policy.md": article("Policy", "How we work.", slug="policy"),
            },
            site_yaml=TRUST_YAML,
        )
    )


DRAFT_NOTE = "note: 1 draft skipped (content/draft.md); --drafts to include"


def test_check_warns_on_overdue_and_never_reviewed_articles(editorial: Path, run_cli) -> None:
    code, out, err = run_cli("check", "--site", editorial, "--today", "2025-02-01")
    assert code == 0
    assert err.splitlines() == [OVERDUE, NEVER, DRAFT_NOTE]
    assert ", 2 warnings;" in out


def test_a_scheduled_article_shown_is_not_called_published(editorial: Path, run_cli) -> None:
    """The preview and --future show scheduled articles: their review warning says when they
    publish, where it said they were published."""
    code, _, err = run_cli("check", "--site", editorial, "--future", "--today", "2024-03-01")
    assert code == 0
    assert err.splitlines()[0] == NEVER.replace("published,", "scheduled for 2024-04-01,")
    code, _, err = run_cli("check", "--site", editorial, "--today", "2024-03-01")
    assert "never medically reviewed" not in err  # left out, so not warned about


def test_no_review_warnings_while_reviews_are_current(editorial: Path, run_cli) -> None:
    code, _, err = run_cli("check", "--site", editorial, "--today", "2025-01-30")
    assert code == 0
    assert err.splitlines() == [NEVER, DRAFT_NOTE]


def test_strict_turns_review_warnings_into_errors(editorial: Path, run_cli) -> None:
    code, _, err = run_cli("check", "--site", editorial, "--strict", "--today", "2025-02-01")
    assert code == 1
    assert err.splitlines() == [
        OVERDUE.replace("warning:", "error:", 1),
        NEVER.replace("warning:", "error:", 1),
        "error: 2 errors; no output written",
    ]
    code, _, _ = run_cli("build", "--site", editorial, "--strict", "--today", "2025-02-01")
    assert code == 1 and not (editorial / "public").exists()


def test_sites_without_reviewers_are_not_warned_about_missing_reviews(site, run_cli) -> None:
    root = site({"a.md": article("Alpha")})
    code, _, err = run_cli("check", "--site", root, "--strict")
    assert (code, err) == (0, "")


def test_uncited_reference_is_a_warning(site, run_cli) -> None:
    text = article(
        "Cites",
        "Claim[^used].",
        references=(
            "\n  - {id: used, title: Used, url: 'https://example.org/u'}"
            "\n  - {id: unused, title: Unused, url: 'https://example.org/n'}"
            "\n  - {title: Listed, url: 'https://example.org/l'}"
        ),
    )
    root = site({"cites.md": text})
    code, _, err = run_cli("build", "--site", root)
    assert code == 0
    assert err.splitlines() == [UNCITED.format(line=5)]
    code, _, err = run_cli("build", "--site", root, "--strict")
    assert code == 1 and "error: content/cites.md:5: reference 'unused' is never cited" in err


def report(editorial: Path, run_cli, fmt: str) -> str:
    code, out, err = run_cli(
        "report", "--site", editorial, "--format", fmt, "--today", "2024-06-01"
    )
    assert (code, err) == (0, "")
    return out


EXPECTED_ROWS = [
    {
        "slug": "unreviewed",
        "title": "Unreviewed",
        "author": "Example Author",
        "reviewer": None,
        "reviewed_on": None,
        "days_since_review": None,
        "references": 0,
        "see_also_in": 0,
        "see_also_out": 1,
        "status": "unreviewed",
        "publication": "published",
        "disclaimer": "site",
    },
    {
        "slug": "reviewed",
        "title": "Reviewed Article",
        "author": "Example Author",
        "reviewer": "Example Reviewer",
        "reviewed_on": "2024-02-01",
        "days_since_review": 121,
        "references": 3,
        "see_also_in": 1,
        "see_also_out": 0,
        "status": "ok",
        "publication": "published",
        "disclaimer": "own",
    },
    {
        "slug": "policy",
        "title": "Policy",
        "author": "Example Author",
        "reviewer": None,
        "reviewed_on": None,
        "days_since_review": None,
        "references": 0,
        "see_also_in": 0,
        "see_also_out": 0,
        "status": "policy",
        "publication": "published",
        "disclaimer": "site",
    },
]


def test_report_json(editorial: Path, run_cli) -> None:
    assert json.loads(report(editorial, run_cli, "json")) == EXPECTED_ROWS


def test_report_csv(editorial: Path, run_cli) -> None:
    rows = list(csv.DictReader(io.StringIO(report(editorial, run_cli, "csv"))))
    assert rows == [
        {k: "" if v is None else str(v) for k, v in row.items()} for row in EXPECTED_ROWS
    ]


def test_report_table(editorial: Path, run_cli) -> None:
    lines = report(editorial, run_cli, "table").splitlines()
    header = lines[0]
    assert header.split() == [
        "slug", "title", "author", "reviewer", "reviewed", "on", "days", "since", "review",
        "references", "see", "also", "in", "see", "also", "out", "status", "publication",
        "disclaimer",
    ]  # fmt: skip
    columns = [header.index(name) for name in ("slug", "reviewer", "days since", "status")]
    cells = [[line[start:].split("  ")[0] for start in columns] for line in lines[1:]]
    assert cells == [
        ["unreviewed", "-", "-", "unreviewed"],
        ["reviewed", "Example Reviewer", "121", "ok"],
        ["policy", "-", "-", "policy"],
    ]


def test_report_says_which_disclaimer_each_article_shows(site, run_cli) -> None:
    articles = {
        "own.md": article("Own", "Text.", disclaimer='"Ask your doctor first."'),
        "off.md": article("Off", "Text.", disclaimer="false"),
        "default.md": article("Default", "Text."),
        "policy.md": article("Policy", "How we work.", slug="policy"),
    }
    shown = {}
    for name, site_yaml in (("with", TRUST_YAML), ("without", PEOPLE_YAML)):
        root = with_photo(site(articles, site_yaml=site_yaml))
        code, out, err = run_cli("report", "--site", root, "--format", "json")
        assert (code, err) == (0, "")
        shown[name] = {row["slug"]: row["disclaimer"] for row in json.loads(out)}
    assert shown["with"] == {"own": "own", "off": "off", "default": "site", "policy": "site"}
    assert shown["without"] == {"own": "own", "off": "off", "default": None, "policy": None}


def test_report_marks_reviews_due(editorial: Path, run_cli) -> None:
    code, out, _ = run_cli(
        "report", "--site", editorial, "--format", "json", "--today", "2025-01-31"
    )
    assert code == 0
    assert [row["status"] for row in json.loads(out)] == ["unreviewed", "review due", "policy"]


def test_a_report_of_a_broken_site_says_no_report_was_made(editorial: Path, run_cli) -> None:
    (editorial / "content/broken.md").write_text(
        article("Broken", "Text[^nope].", author="nobody"), encoding="utf-8"
    )
    code, out, err = run_cli("report", "--site", editorial, "--today", "2024-06-01")
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == "error: 2 errors; no report was made"


def test_an_interrupted_report_says_no_report_was_made(editorial: Path, run_cli, monkeypatch):
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("articlegen.build.build_site", interrupted)
    assert run_cli("report", "--site", editorial) == (
        130,
        "",
        "error: interrupted; no report was made\n",
    )


def test_report_bad_date_is_a_usage_error(editorial: Path, run_cli) -> None:
    with pytest.raises(SystemExit) as exited:
        run_cli("report", "--site", editorial, "--today", "yesterday")
    assert exited.value.code == 2


PEOPLE_YAML = "".join(
    line
    for line in TRUST_YAML.splitlines(keepends=True)
    if not line.startswith(("author:", "editorial_policy:", "review_interval_days:", "disclaimer:"))
)
"""The people of TRUST_YAML, without the settings the error cases add one by one."""


def fails(site, run_cli, articles: dict[str, str], site_yaml: str = PEOPLE_YAML) -> list[str]:
    """The error lines of a check that must fail (without the closing count line)."""
    root = with_photo(site(articles, site_yaml=site_yaml))
    code, _, err = run_cli("check", "--site", root, "--today", "2024-06-01")
    assert code == 1 and "Traceback" not in err
    return [line for line in err.splitlines() if "no output written" not in line]


def line_of(text: str, fragment: str) -> int:
    """1-based line of the first line of ``text`` containing ``fragment``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.mark.parametrize(
    ("body", "fields", "expected"),
    [
        (
            "Text[^frist].",
            {"references": "\n  - {id: first, title: T, url: 'https://example.org/'}"},
            "error: content/c.md:8: citation [^frist] names no reference (did you mean "
            "'first'?) — add it to 'references:' with 'id: frist'",
        ),
        (
            "Text.",
            {"author": "example-autor"},
            "error: content/c.md:3: unknown author 'example-autor' (did you mean "
            "'example-author' or 'example-reviewer'?) — name an id from site.yaml 'authors:' "
            "(example-author)",
        ),
        (
            "Text.",
            {"reviewed_by": "example-reviwer", "reviewed_on": "2024-02-01"},
            "error: content/c.md:3: unknown reviewer 'example-reviwer' (did you mean "
            "'example-reviewer'?) — name an id from site.yaml 'reviewers:' (example-reviewer)",
        ),
        (
            "Text.",
            {"reviewed_by": "example-reviewer"},
            "error: content/c.md:3: 'reviewed_by' is set but 'reviewed_on' is not — add "
            "'reviewed_on: YYYY-MM-DD' (who reviewed the article, and on which day)",
        ),
        (
            "Text.",
            {"reviewed_by": "example-reviewer", "reviewed_on": "2024-07-01"},
            "error: content/c.md:4: 'reviewed_on' (2024-07-01) is in the future (today is "
            "2024-06-01) — give the day the review actually happened",
        ),
        (
            "Text.",
            {"reviewed_by": "example-reviewer", "reviewed_on": "2023-12-31"},
            "error: content/c.md:4: 'reviewed_on' (2023-12-31) is before 'date' (2024-01-01) — "
            "'reviewed_on' must be on or after 'date': correct whichever of the two is wrong",
        ),
        (
            "Text.",
            {"references": "\n  - {title: T, url: 'https://exa mple.org/1'}"},
            "error: content/c.md:4: reference url contains a space: 'https://exa mple.org/1' — "
            "copy the address again from the browser's address bar (a space inside one is "
            "written %20)",
        ),
        (
            "Text.",
            {"author": "'Example Author'"},
            "error: content/c.md:3: unknown author 'Example Author' (did you mean "
            "'example-author'?) — name an id from site.yaml 'authors:' (example-author)",
        ),
        (
            "Text.",
            {"references": "\n  - {title: T, url: 'ftp://example.org/'}"},
            "error: content/c.md:4: reference url must be an http(s) address, found "
            "'ftp://example.org/' — copy the full address, starting with https://",
        ),
        (
            "Text.",
            {"references": "\n  - url: 'https://example.org/'\n    tilte: T"},
            "error: content/c.md:5: unknown key 'references.tilte' (did you mean 'title'?) — "
            "valid keys: authors, date, id, publisher, title, url",
        ),
    ],
)
def test_article_errors(site, run_cli, body: str, fields: dict[str, str], expected: str) -> None:
    errors = fails(site, run_cli, {"c.md": article("C", body, **fields)})
    assert expected in errors, errors


def test_a_review_on_the_afternoon_of_publication_checks_cleanly(site, run_cli) -> None:
    text = article(
        "C",
        date="2024-01-10T15:00:00",
        reviewed_by="example-reviewer",
        reviewed_on="2024-01-10",
    )
    root = with_photo(site({"c.md": text}, site_yaml=PEOPLE_YAML))
    code, out, err = run_cli("check", "--site", root, "--today", "2024-06-01", "--strict")
    assert (code, err) == (0, ""), err
    assert out.startswith("1 article, ")


def test_require_rule_names_the_rule(site, run_cli) -> None:
    rules = PEOPLE_YAML + "require:\n  - {tag: medication, fields: [content_warning, references]}\n"
    errors = fails(site, run_cli, {"c.md": article("C", tags="[Medication]")}, rules)
    line = rules.splitlines().index("  - {tag: medication, fields: [content_warning, references]}")
    assert errors == [
        "error: content/c.md:3: articles tagged 'medication' must set 'content_warning', "
        f"'references' (require rule in site.yaml:{line + 1}) — add 'content_warning: …', "
        "'references: …' to the front-matter",
    ]


@pytest.mark.parametrize("written", ["false", "off", "no"])
def test_a_require_rule_asking_for_a_disclaimer_is_not_met_by_disclaimer_false(
    site, run_cli, written: str
) -> None:
    """Said alike however the opt-out is written: never quoting ``false`` for an ``off``."""
    rules = PEOPLE_YAML + "require:\n  - {tag: Supplements, fields: [disclaimer]}\n"
    text = article("C", tags="[Supplements]", disclaimer=written)
    errors = fails(site, run_cli, {"c.md": text}, rules)
    line = rules.splitlines().index("  - {tag: Supplements, fields: [disclaimer]}")
    at = line_of(text, "disclaimer:")
    assert errors == [
        f"error: content/c.md:{at}: 'disclaimer:' opts out of the disclaimer (false, no or off),"
        " but articles tagged 'Supplements' need their own disclaimer text (require rule in"
        f" site.yaml:{line + 1}): opting out does not meet the rule — write the article's"
        " disclaimer as 'disclaimer: \"…\"', or remove the tag 'Supplements' if the rule should"
        " not apply to this article",
    ]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "author: example-autor\n",
            "error: site.yaml:{line}: unknown author 'example-autor' (did you mean "
            "'example-author' or 'example-reviewer'?) — name an id from site.yaml 'authors:' "
            "(example-author)",
        ),
        (
            "editorial_policy: polcy\n",
            "error: site.yaml:{line}: editorial_policy 'polcy' is neither an http(s) URL nor a "
            "published article or page (did you mean 'policy'?) — give an https:// address, or "
            "the slug or file (content/pages/x.md) of a page or an article",
        ),
        (
            "require:\n  - {tag: medication, fields: [warning]}\n",
            "error: site.yaml:{line}: unknown front-matter key 'warning' in 'require.fields' "
            "(did you mean 'content_warning'?) — valid keys: ",
        ),
        (
            "review_interval_days: 0\n",
            "error: site.yaml:{line}: 'review_interval_days' must be at least 1",
        ),
    ],
)
def test_site_yaml_errors(site, run_cli, extra: str, expected: str) -> None:
    yaml = PEOPLE_YAML + extra
    line = line_of(yaml, extra.splitlines()[-1])
    errors = fails(site, run_cli, {"policy.md": article("Policy", slug="policy")}, yaml)
    assert any(e.startswith(expected.format(line=line)) for e in errors), errors


def test_one_id_for_one_person(site, run_cli) -> None:
    yaml = PEOPLE_YAML + "  example-author: {name: Example Author, credentials: MD}\n"
    errors = fails(site, run_cli, {"a.md": article("A")}, yaml)
    assert errors == [
        f"error: site.yaml:{line_of(yaml, '  example-author: {')}: 'example-author' is in both "
        f"'authors' and 'reviewers' (first on line {line_of(yaml, '  example-author:')}) — keep "
        "the 'reviewers' entry: a reviewer can also be named as 'author:'"
    ]


def test_missing_photo_is_an_error(site, run_cli) -> None:
    root = site({"a.md": article("A")}, site_yaml=PEOPLE_YAML)
    code, _, err = run_cli("check", "--site", root)
    line = PEOPLE_YAML.splitlines().index("    photo: people/reviewer.png") + 1
    assert code == 1
    assert (
        f"error: site.yaml:{line}: photo 'people/reviewer.png' of 'example-reviewer' is not a file "
        "under static/" in err
    )


def test_reviewed_by_needs_reviewers_in_site_yaml(site, run_cli) -> None:
    root = site(
        {"a.md": article("A", reviewed_by="example-reviewer", reviewed_on="2024-02-01")},
        site_yaml=SITE_YAML,
    )
    code, _, err = run_cli("check", "--site", root)
    assert code == 1
    assert (
        "error: content/a.md:3: unknown reviewer 'example-reviewer' — add the reviewer to "
        "site.yaml under 'reviewers:' with name and credentials" in err
    )


def test_a_citation_without_its_caret_is_warned_about_at_its_file_line(site, run_cli) -> None:
    text = article(
        "Cites",
        "Intro.\n\nA claim [smith-2020].\n",
        references="[{id: smith-2020, title: A study, url: 'https://example.org/s'}]",
    )
    root = site({"cites.md": text})
    code, _, err = run_cli("check", "--site", root)
    line = text.splitlines().index("A claim [smith-2020].") + 1
    assert code == 0
    assert err.splitlines() == [
        f"warning: content/cites.md:{line}: reference 'smith-2020' is never cited: [smith-2020] on"
        " this line is shown as text, not a citation — write [^smith-2020]"
    ]
