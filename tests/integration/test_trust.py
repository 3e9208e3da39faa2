"""End-to-end: medical review, references, disclaimers and person pages, as readers see them."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.conftest import article, parse
from tests.helpers import internal_link_problems, snapshot

TRUST_YAML = """\
title: "Example Site"
base_url: "https://example.test/"
description: "An example site."
author: example-author
disclaimer: "General information only, not medical advice."
editorial_policy: content/policy.md
review_interval_days: 365
authors:
  example-author:
    name: "Example Author"
    credentials: "MPH"
    bio: "Writes about health."
    sameAs: [https://example.org/profiles/author]
reviewers:
  example-reviewer:
    name: "Example Reviewer"
    credentials: "MD, psychiatrist"
    photo: people/reviewer.png
    url: https://example.org/reviewer
"""

REVIEWED = article(
    "Reviewed Article",
    "A first claim[^second]. Another claim[^first], and the first again[^second].",
    date="2024-01-10",
    updated="2024-03-01",
    tags="[medication]",
    reviewed_by="example-reviewer",
    reviewed_on="2024-02-01",
    content_warning="'Mentions overdose.'",
    disclaimer="'Ask your own doctor before changing a dose.'",
    references="""
  - id: first
    title: "First Source"
    url: https://example.org/sources/first
    publisher: "Example Journal"
    date: 2023-05-01
  - id: second
    title: "Second Source"
    url: https://example.org/sources/second
  - title: "Further Reading"
    url: https://example.org/sources/further""",
)
UNREVIEWED = article("Unreviewed Article", "Plain text.", date="2024-04-01", see_also="[reviewed]")
POLICY = article("Editorial Policy", "How we write and review.", date="2024-01-01", slug="policy")
TODAY = dt.date(2024, 6, 1)


@pytest.fixture
def trusted(site) -> Path:
    return with_photo(
        site(
            {"reviewed.md": REVIEWED, "unreviewed.md": UNREVIEWED, "policy.md": POLICY},
            site_yaml=TRUST_YAML,
        )
    )


def with_photo(root: Path) -> Path:
    """``root`` with the reviewer's photo TRUST_YAML names: a real PNG, as a file of
    ``static/`` that cannot be read as an image is worth a warning."""
    (root / "static/people").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (8, 8), (120, 80, 40)).save(root / "static/people/reviewer.png")
    return root


def build(root: Path, today: dt.date = TODAY, **options: object):
    return build_site(root, BuildOptions(today=today, **options))  # type: ignore[arg-type]


def test_byline_names_author_and_reviewer_with_credentials_and_dates(trusted: Path) -> None:
    build(trusted)
    page = parse(trusted / "public/reviewed/index.html")
    byline = page.css_first("p.byline")
    items = [item.text().removeprefix("·\xa0\u2060") for item in byline.css(".byline-item")]
    assert [" ".join(item.split()) for item in items] == [
        "10 January 2024",
        "By Example Author, MPH",
        "Medically reviewed by Example Reviewer, MD, psychiatrist on 1 February 2024",
        "Updated 1 March 2024",
        "1 min read",
        "Next review due 31 January 2025",
    ]
    links = [(a.attributes["href"], a.text()) for a in byline.css("a")]
    assert links == [
        ("/authors/example-author/", "Example Author"),
        ("/authors/example-reviewer/", "Example Reviewer"),
    ]
    assert byline.css_first(".reviewed time").attributes["datetime"] == "2024-02-01"
    due = page.css_first(".next-review")
    assert due.text() == "Next review due 31 January 2025"
    assert due.css_first("time").attributes["datetime"] == "2025-01-31"


def test_unreviewed_article_says_so_and_has_no_due_date(trusted: Path) -> None:
    build(trusted)
    page = parse(trusted / "public/unreviewed/index.html")
    assert page.css_first("p.byline .not-reviewed").text() == "Not yet medically reviewed"
    assert page.css(".next-review") == [] and page.css(".reviewed") == []


def test_the_policy_page_gets_no_review_line(trusted: Path) -> None:
    build(trusted)
    page = parse(trusted / "public/policy/index.html")
    assert page.css(".not-reviewed") == [] and page.css(".reviewed") == []
    assert page.css_first("p.byline .author a").text() == "Example Author"


def test_references_are_numbered_by_first_citation_with_back_links(trusted: Path) -> None:
    build(trusted)
    page = parse(trusted / "public/reviewed/index.html")
    marks = page.css(".body sup.citation")
    assert [(s.attributes["id"], s.text(), s.css_first("a").attributes["href"]) for s in marks] == [
        ("cite-1", "[1]", "#ref-1"),
        ("cite-2", "[2]", "#ref-2"),
        ("cite-1-2", "[1]", "#ref-1"),
    ]
    items = page.css("section.references ol > li")
    assert [li.attributes["id"] for li in items] == ["ref-1", "ref-2", "ref-3"]
    titles = [li.css_first("a[rel=external]") for li in items]
    assert [(a.text(), a.attributes["href"]) for a in titles] == [
        ("Second Source", "https://example.org/sources/second"),
        ("First Source", "https://example.org/sources/first"),
        ("Further Reading", "https://example.org/sources/further"),
    ]
    backlinks = [[a.attributes["href"] for a in li.css("a.backlink")] for li in items]
    assert backlinks == [["#cite-1", "#cite-1-2"], ["#cite-2"], []]
    assert "Example Journal" in items[1].text() and "1 May 2023" in items[1].text()
    ids = {node.attributes["id"] for node in page.css("[id]")}
    assert {h[1:] for hrefs in backlinks for h in hrefs} <= ids


def test_disclaimer_box_override_policy_link_and_content_warning(trusted: Path) -> None:
    build(trusted)
    reviewed = parse(trusted / "public/reviewed/index.html")
    box = reviewed.css_first("aside.disclaimer")
    assert box.css_first("h2").text() == "Medical disclaimer"
    assert box.css_first("p").text() == "Ask your own doctor before changing a dose."
    assert box.css_first("a").attributes["href"] == "/policy/"
    warning = reviewed.css_first("aside.content-warning")
    assert warning.text().split() == ["Content", "warning:", "Mentions", "overdose."]
    order = [n.attributes.get("class") for n in reviewed.css("article.article > *")]
    assert order.index("content-warning") < order.index("body") < order.index("disclaimer")
    plain = parse(trusted / "public/unreviewed/index.html")
    assert plain.css_first("aside.disclaimer p").text() == (
        "General information only, not medical advice."
    )
    assert plain.css("aside.content-warning") == []


def test_an_article_with_disclaimer_false_shows_no_disclaimer_box(site) -> None:
    """``disclaimer: false`` opts one article out of the site's box, its policy link too;
    the other articles keep it."""
    news = article("Site News", "We moved.", date="2024-05-01", disclaimer="false")
    root = with_photo(site({"news.md": news, "policy.md": POLICY}, site_yaml=TRUST_YAML))
    build(root)
    page = parse(root / "public/news/index.html")
    assert page.css("aside.disclaimer") == [] and page.css_first("#disclaimer-title") is None
    assert page.css_first(".body").text().strip() == "We moved."
    assert parse(root / "public/policy/index.html").css_first("aside.disclaimer a") is not None


def test_person_pages_list_what_each_person_wrote_and_reviewed(trusted: Path) -> None:
    build(trusted)
    out = trusted / "public"
    author = parse(out / "authors/example-author/index.html")
    assert author.css_first("h1").text() == "Example Author"
    assert author.css_first(".credentials").text() == "MPH"
    assert [a.text() for a in author.css("ul.written a")] == [
        "Unreviewed Article",
        "Reviewed Article",
        "Editorial Policy",
    ]
    assert [a.attributes["href"] for a in author.css("ul.profiles a")] == [
        "https://example.org/profiles/author"
    ]
    reviewer = parse(out / "authors/example-reviewer/index.html")
    assert [a.text() for a in reviewer.css("ul.reviewed a")] == ["Reviewed Article"]
    photo = reviewer.css_first("img.person-photo").attributes
    assert photo["src"] == "/people/reviewer.png"
    # the first thing on the page: fetched at once (a lazy one waited for the layout)
    assert "loading" not in photo and photo["fetchpriority"] == "high"
    # a reviewer who wrote nothing: no "Articles by … None yet." section, no "0 written"
    assert [h.text() for h in reviewer.css("main h2")] == [
        "Articles medically reviewed by Example Reviewer"
    ]
    index = parse(out / "authors/index.html")
    assert [a.attributes["href"] for a in index.css("ul.people-list a")] == [
        "/authors/example-author/",
        "/authors/example-reviewer/",
    ]
    assert [r.text() for r in index.css("ul.people-list .roles")] == [
        "— author: 3 written",
        "— medical reviewer: 1 reviewed",
    ]
    assert internal_link_problems(out) == []
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.test/authors/example-reviewer/" in sitemap


def test_free_text_author_without_registry(site) -> None:
    root = site({"a.md": article("Alpha", author="'Example Writer'")})
    build(root)
    byline = parse(root / "public/a/index.html").css_first("p.byline")
    assert byline.css_first(".author").text() == "By Example Writer"
    assert byline.css("a") == []
    assert byline.css_first(".not-reviewed").text() == "Not yet medically reviewed"
    assert not (root / "public/authors").exists()


def test_feed_names_the_author_and_links_their_page(trusted: Path) -> None:
    build(trusted)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(trusted / "public/feed.xml").getroot()
    entry = next(
        e for e in feed.findall("a:entry", ns) if "Reviewed" in e.findtext("a:title", "", ns)
    )
    assert entry.findtext("a:author/a:name", None, ns) == "Example Author"
    assert (
        entry.findtext("a:author/a:uri", None, ns) == "https://example.test/authors/example-author/"
    )


def test_page_bytes_do_not_depend_on_today(trusted: Path) -> None:
    early = build(trusted, today=dt.date(2024, 6, 1))
    first = snapshot(trusted / "public")
    late = build(trusted, today=dt.date(2030, 1, 1))
    assert snapshot(trusted / "public") == first
    assert len(late.diagnostics) > len(early.diagnostics)


def json_ld(path: Path) -> dict:
    script = parse(path).css_first('script[type="application/ld+json"]')
    return json.loads(script.text())


def test_json_ld_graph_has_posting_and_medical_page(trusted: Path) -> None:
    build(trusted)
    data = json_ld(trusted / "public/reviewed/index.html")
    posting, page = data["@graph"]
    assert posting["@type"] == "BlogPosting" and page["@type"] == "MedicalWebPage"
    assert (posting["datePublished"], posting["dateModified"]) == ("2024-01-10", "2024-03-01")
    assert posting["url"] == page["url"] == "https://example.test/reviewed/"
    assert posting["@id"] == "https://example.test/reviewed/#article"
    assert posting["mainEntityOfPage"] == {"@id": "https://example.test/reviewed/"}
    assert posting["author"]["name"] == "Example Author"
    assert posting["author"]["honorificSuffix"] == "MPH"
    assert page["lastReviewed"] == "2024-02-01"
    reviewer = page["reviewedBy"]
    assert (reviewer["@type"], reviewer["name"], reviewer["honorificSuffix"]) == (
        "Person",
        "Example Reviewer",
        "MD, psychiatrist",
    )
    assert [c["name"] for c in reviewer["hasCredential"]] == ["MD", "psychiatrist"]
    assert [c["name"] for c in page["citation"]] == [
        "Second Source",
        "First Source",
        "Further Reading",
    ]
    assert page["about"] == [{"@type": "Thing", "name": "medication"}]
    assert page["publishingPrinciples"] == "https://example.test/policy/"
    assert page["mainEntity"] == {"@id": posting["@id"]}
    never_updated = json_ld(trusted / "public/unreviewed/index.html")["@graph"][0]
    assert never_updated["datePublished"] == never_updated["dateModified"] == "2024-04-01"
    assert never_updated["url"] == "https://example.test/unreviewed/"
    unreviewed = json_ld(trusted / "public/unreviewed/index.html")["@graph"][1]
    assert "lastReviewed" not in unreviewed and "reviewedBy" not in unreviewed
    policy = json_ld(trusted / "public/policy/index.html")["@graph"]
    assert [node["@type"] for node in policy] == ["BlogPosting"]


# The schema.org terms and types the pages use, each a real schema.org name. Expanding against
# this context (served by a local loader: tests have no network) drops any other term, so a
# typo or an invented property shows up as a missing key.
SCHEMA_TYPES = (
    "BlogPosting",
    "MedicalWebPage",
    "Person",
    "EducationalOccupationalCredential",
    "CreativeWork",
    "Organization",
    "Thing",
)
SCHEMA_TERMS = (
    "headline",
    "description",
    "inLanguage",
    "datePublished",
    "dateModified",
    "author",
    "keywords",
    "name",
    "about",
    "lastReviewed",
    "reviewedBy",
    "citation",
    "honorificSuffix",
    "hasCredential",
    "publisher",
)
SCHEMA_LINKS = ("url", "sameAs", "image", "publishingPrinciples", "mainEntity", "mainEntityOfPage")
SCHEMA_CONTEXT = {
    "@context": {
        "schema": "https://schema.org/",
        **{name: f"schema:{name}" for name in (*SCHEMA_TYPES, *SCHEMA_TERMS)},
        **{name: {"@id": f"schema:{name}", "@type": "@id"} for name in SCHEMA_LINKS},
    }
}


def local_loader(url: str, options: object = None) -> dict:
    assert url.rstrip("/") == "https://schema.org", url
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


def properties(node: object) -> int:
    """How many property values a JSON(-LD) tree holds, keywords (@…) not counted."""
    if isinstance(node, list):
        return sum(properties(item) for item in node)
    if not isinstance(node, dict):
        return 0
    count = 0
    for key, value in node.items():
        if key.startswith("@"):
            count += properties(value) if key == "@graph" else 0
            continue
        values = value if isinstance(value, list) else [value]
        count += len(values) + sum(properties(v) for v in values)
    return count


@pytest.mark.parametrize("slug", ["reviewed", "unreviewed", "policy"])
def test_json_ld_is_valid_and_uses_only_schema_org_terms(trusted: Path, slug: str) -> None:
    from pyld import jsonld

    build(trusted)
    data = json_ld(trusted / f"public/{slug}/index.html")
    expanded = jsonld.expand(data, {"documentLoader": local_loader})
    assert properties(expanded) == properties(data)
    types = {t for node in jsonld.flatten(expanded, None, {}) for t in node.get("@type", [])}
    assert "https://schema.org/BlogPosting" in types
    assert ("https://schema.org/MedicalWebPage" in types) == (slug != "policy")
    flat = jsonld.flatten(data, None, {"documentLoader": local_loader})
    page = next(
        (n for n in flat if "https://schema.org/MedicalWebPage" in n.get("@type", [])), None
    )
    if slug == "reviewed":
        assert page["https://schema.org/lastReviewed"] == [{"@value": "2024-02-01"}]
        [reviewer] = page["https://schema.org/reviewedBy"]
        assert reviewer["@id"] == "https://example.test/authors/example-reviewer/#person"


CREDITED = article(
    "Credited",
    "A trial[^trial], guidance[^guidance] and a page[^page].",
    references="""
  - id: trial
    authors: "Example A, Example B, et al."
    title: "Does it work?"
    url: https://example.org/trial
    publisher: "Example Journal"
    date: 2013
  - id: guidance
    authors: "Example Agency"
    title: "Guidance on doses"
    url: https://example.org/guidance
    publisher: "Example Health Service"
    date: 2020-05-01
  - id: page
    title: "A page"
    url: https://example.org/page""",
)


def test_reference_authors_and_years_in_the_list_and_the_json_ld(site) -> None:
    root = site({"credited.md": CREDITED})
    build(root)
    page = parse(root / "public/credited/index.html")
    items = page.css("section.references ol > li")
    assert [" ".join(li.text().split()) for li in items] == [
        "Example A, Example B, et al. Does it work? Example Journal, 2013. ↩",
        "Example Agency. Guidance on doses. Example Health Service, 1 May 2020. ↩",
        "A page. ↩",
    ]
    assert [t.attributes["datetime"] for t in page.css("section.references time")] == [
        "2013",
        "2020-05-01",
    ]
    citations = json_ld(root / "public/credited/index.html")["@graph"][1]["citation"]
    assert citations == [
        {
            "@type": "CreativeWork",
            "name": "Does it work?",
            "url": "https://example.org/trial",
            "author": "Example A, Example B, et al.",
            "publisher": {"@type": "Organization", "name": "Example Journal"},
            "datePublished": "2013",
        },
        {
            "@type": "CreativeWork",
            "name": "Guidance on doses",
            "url": "https://example.org/guidance",
            "author": "Example Agency",
            "publisher": {"@type": "Organization", "name": "Example Health Service"},
            "datePublished": "2020-05-01",
        },
        {"@type": "CreativeWork", "name": "A page", "url": "https://example.org/page"},
    ]


SCHEDULED_REVIEWED = article(
    "Scheduled Review",
    "Text.",
    date="2024-07-01",
    reviewed_by="example-reviewer",
    reviewed_on="2024-07-01",
)


def test_a_scheduled_article_reviewed_as_of_its_day_previews_and_reports(site, run_cli) -> None:
    """A scheduled article's review may be dated the day it publishes (its only day
    ``reviewed_on`` may take, as it may not be before ``date``): the --future build, the
    preview's, and the report take it, as the plain build does; a day after it is still
    an error."""
    root = with_photo(
        site({"later.md": SCHEDULED_REVIEWED, "policy.md": POLICY}, site_yaml=TRUST_YAML)
    )
    build(root, future=True)
    byline = parse(root / "public/later/index.html").css_first("p.byline")
    assert byline.css_first(".reviewed time").attributes["datetime"] == "2024-07-01"
    code, out, err = run_cli("report", "--site", root, "--today", "2024-06-01", "--format", "csv")
    assert (code, err) == (0, "")
    row = next(line for line in out.splitlines() if line.startswith("later,")).split(",")
    assert row[:5] == [
        "later",
        "Scheduled Review",
        "Example Author",
        "Example Reviewer",
        "2024-07-01",
    ]
    (root / "content/later.md").write_text(
        SCHEDULED_REVIEWED.replace("reviewed_on: 2024-07-01", "reviewed_on: 2024-07-02")
    )
    code, out, err = run_cli("build", "--site", root, "--today", "2024-06-01", "--future")
    assert code == 1
    assert (
        "error: content/later.md:5: 'reviewed_on' (2024-07-02) is in the future (today is "
        "2024-06-01) and after the day the article publishes (2024-07-01) — give the day the "
        "review actually happened, or, for this scheduled article, the day it publishes: "
        "reviewed_on: 2024-07-01"
    ) in err.splitlines()


def test_a_report_as_of_a_past_day_lists_later_updates_and_reviews(site, run_cli) -> None:
    """``report --today`` a past day publishes nothing: an ``updated`` or ``reviewed_on``
    after that day is still to come as of it, not an error (they stopped the report). The
    review shows as ``reviewed later``, no days since; a day after the clock's, a typo in
    the year, is an error as in every build."""
    reviewed = {"reviewed_by": "example-reviewer", "reviewed_on": "2024-02-01"}
    later = article("Later", date="2023-01-01", updated="2024-03-01", **reviewed)
    root = with_photo(site({"later.md": later, "policy.md": POLICY}, site_yaml=TRUST_YAML))
    code, out, err = run_cli("report", "--site", root, "--today", "2024-01-01", "--format", "json")
    assert (code, err) == (0, "")
    row = next(row for row in json.loads(out) if row["slug"] == "later")
    assert (row["reviewed_on"], row["days_since_review"]) == ("2024-02-01", None)
    assert (row["status"], row["publication"]) == ("reviewed later", "published")
    code, out, _ = run_cli("report", "--site", root, "--today", "2024-06-01", "--format", "json")
    row = next(row for row in json.loads(out) if row["slug"] == "later")
    assert (code, row["days_since_review"], row["status"]) == (0, 121, "ok")
    (root / "content/later.md").write_text(later.replace("2024-03-01", "2999-03-01"))
    code, out, err = run_cli("report", "--site", root, "--today", "2024-01-01")
    assert (code, out) == (1, "")
    assert "error: content/later.md:4: 'updated' (2999-03-01) is in the future" in err


def test_an_update_dated_after_today_is_an_error_at_its_line(site, run_cli) -> None:
    """``updated`` after today (and after the day a scheduled article publishes), in an
    article or a page, would be shown as a day still to come: an error, as a review
    dated so is. Today itself, and a scheduled article's own day, are fine."""
    root = site(
        {
            "typo.md": article("Typo", date="2024-05-01", updated="2025-05-20"),
            "today.md": article("Today", date="2024-05-01", updated="2024-06-01"),
            "later.md": article("Later", date="2024-07-01", updated="2024-07-01"),
            "pages/about.md": article("About", updated="2024-06-02"),
        }
    )
    code, _, err = run_cli("build", "--site", root, "--today", "2024-06-01", "--future")
    assert code == 1
    hint = (
        "give the day of the article's last update (a typo in the year?), or remove 'updated' "
        "until then"
    )
    assert err.splitlines() == [
        "error: content/pages/about.md:3: 'updated' (2024-06-02) is in the future (today is "
        f"2024-06-01) — {hint}",
        "error: content/typo.md:4: 'updated' (2025-05-20) is in the future (today is "
        f"2024-06-01) — {hint}",
        "error: 2 errors; nothing was written",
    ]
    (root / "content/typo.md").write_text(article("Typo", date="2024-05-01", updated="2024-05-20"))
    (root / "content/pages/about.md").write_text(article("About"))
    code, _, err = run_cli("build", "--site", root, "--today", "2024-06-01", "--future")
    assert code == 0, err
    assert parse(root / "public/today/index.html").css_first(".updated time") is not None


@pytest.fixture
def machine_zone(monkeypatch: pytest.MonkeyPatch):
    """Set the machine's own time zone (``TZ``) for the test, and put it back after."""
    import time

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_today_is_the_sites_day_not_the_machines(site, run_cli, machine_zone) -> None:
    """Review and update dates are judged against the day that decides what publishes: in
    the site's time zone, of ``--now`` or of the clock. A site at UTC+14 built on a machine
    at UTC-12 (26 hours apart, so the two days always differ) takes an update and a review
    dated its own today; the machine's date called them both in the future."""
    from zoneinfo import ZoneInfo

    site_yaml = TRUST_YAML + "timezone: Etc/GMT-14\n"
    machine_zone("Etc/GMT+12")
    today = dt.datetime.now(ZoneInfo("Etc/GMT-14")).date().isoformat()
    reviewed = {"reviewed_by": "example-reviewer", "reviewed_on": today}
    sleep = article("Sleep", date="2024-05-01", updated=today, **reviewed)
    root = with_photo(site({"policy.md": POLICY, "sleep.md": sleep}, site_yaml=site_yaml))
    code, _, err = run_cli("build", "--site", root, "--quiet")
    assert code == 0, err
    later = article("Sleep", date="2027-01-01", updated="2027-01-03")
    root = with_photo(site({"policy.md": POLICY, "sleep.md": later}, site_yaml=site_yaml))
    code, _, err = run_cli("build", "--site", root, "--now", "2027-01-05T09:00+01:00", "--quiet")
    assert code == 0, err  # --now's day, 5 January, not the clock's


def test_a_scheduled_articles_later_update_is_an_error_before_it_publishes(site, run_cli) -> None:
    """An ``updated`` after the day a scheduled article publishes is reported by the builds
    that leave the article out, not first on the day it publishes (when its page would say
    it was updated later); an expired article, left out for good, is not judged. A time of
    day is named with its day in the site's time zone, where that is another day."""
    root = site(
        {
            "soon.md": article("Soon", date="2024-06-10", updated="2024-06-12"),
            "gone.md": article("Gone", date="2024-01-01", updated="2024-07-01",
                               expires="2024-05-01"),
            "late.md": article("Late", date="2024-05-01", updated="2024-06-01T23:00:00-10:00"),
        }
    )  # fmt: skip
    code, _, err = run_cli("build", "--site", root, "--today", "2024-06-01")
    assert code == 1
    assert err.splitlines() == [
        "error: content/late.md:4: 'updated' (2024-06-01 23:00:00-10:00, 2024-06-02 in the site's"
        " time zone) is in the future (today is 2024-06-01) — give the day of the article's last"
        " update (a typo in the year?), or remove 'updated' until then",
        "error: content/soon.md:4: 'updated' (2024-06-12) is after 2024-06-10, the day the article"
        " publishes — give a day on or before 2024-06-10 (a typo in the year?), or remove"
        " 'updated'",
        "error: 2 errors; nothing was written",
    ]


def test_unknown_people_are_reported_with_the_files_other_errors(site, run_cli) -> None:
    """An unknown reviewer or author in a file that fails to load for another reason is
    reported in the same run, not once that reason is fixed (a second round)."""
    root = with_photo(
        site(
            {
                "early.md": article(
                    "Early", date="2024-03-01", reviewed_by="dr-nobody", reviewed_on="2024-02-01"
                ),
                "named.md": article("Named", date="2024-13-01", author="Example Author"),
                "policy.md": POLICY,
            },
            site_yaml=TRUST_YAML,
        )
    )
    code, _, err = run_cli("check", "--site", root, "--today", "2024-06-01")
    assert code == 1
    assert [line.split(" — ")[0] for line in err.splitlines()] == [
        "error: content/early.md:4: unknown reviewer 'dr-nobody'",
        "error: content/early.md:5: 'reviewed_on' (2024-02-01) is before 'date' (2024-03-01)",
        "error: content/named.md:3: 'date' is not a real date: '2024-13-01' (month must be in "
        "1..12)",
        "error: content/named.md:4: unknown author 'Example Author' (did you mean "
        "'example-author'?)",
        "error: 4 errors; no output written",
    ]


def test_a_review_day_without_its_reviewer_is_offered_the_sites_reviewers(site, run_cli) -> None:
    """``reviewed_on`` without ``reviewed_by``: the hint names the id site.yaml defines (the
    header is read without site.yaml, so the build gives it), as an unknown reviewer's does."""
    files = {"early.md": article("Early", reviewed_on="2024-02-01"), "policy.md": POLICY}
    root = with_photo(site(files, site_yaml=TRUST_YAML))
    code, _, err = run_cli("check", "--site", root, "--today", "2024-06-01")
    assert code == 1
    assert (
        "error: content/early.md:3: 'reviewed_on' is set but 'reviewed_by' is not — add "
        "'reviewed_by: example-reviewer', the reviewer site.yaml 'reviewers:' names"
    ) in err.splitlines()


def test_a_drafts_unknown_author_is_reported_when_drafts_are_built_broken_or_not(
    site, run_cli
) -> None:
    """A build leaving drafts out checks no draft's people, also of a draft whose header
    fails on something else (reported, as every file's header is read): its unknown author
    came with that error, and went once it was fixed. With ``--drafts``, both drafts'."""
    broken = article("Broken", draft="true", author="nobody-known", updated="2024-13-01")
    working = article("Working", draft="true", author="someone-else")
    files = {"broken.md": broken, "working.md": working, "policy.md": POLICY}
    root = with_photo(site(files, site_yaml=TRUST_YAML))
    code, _, err = run_cli("check", "--site", root, "--today", "2024-06-01")
    assert code == 1
    assert [line.split(" — ")[0] for line in err.splitlines()] == [
        "error: content/broken.md:5: 'updated' is not a real date: '2024-13-01' (month must be"
        " in 1..12)",
        "error: 1 error; no output written",
    ]
    code, _, err = run_cli("check", "--site", root, "--today", "2024-06-01", "--drafts")
    assert [line.split(" — ")[0] for line in err.splitlines() if "author" in line] == [
        "error: content/broken.md:4: unknown author 'nobody-known'",
        "error: content/working.md:4: unknown author 'someone-else'",
    ]
