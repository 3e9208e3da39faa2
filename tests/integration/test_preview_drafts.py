"""A published article linking to a draft works in the preview, which shows drafts, and fails
the build that publishes the site ("links to a draft"). From a new-user trial: the writer saw
nothing wrong until the publish workflow failed. The preview now warns at the link."""

from __future__ import annotations

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from tests.conftest import article

HINT = (
    "the preview shows drafts, but the published site leaves them out and its build fails at "
    "this link: publish the draft (draft: false), or remove the link"
)


def test_the_preview_warns_of_a_published_article_s_links_to_a_draft(site) -> None:
    root = site(
        {
            "heart.md": article(
                "Heart",
                "Read [[zinc]] and [[sleep]].\n\nAlso [[Zinc and You|zinc]].",
                see_also="[zinc, sleep]",
            ),
            "sleep.md": article("Sleep", "Sleep text. [[zinc]]", draft="true"),
            "zinc.md": article("Zinc and You", "Zinc text.", draft="true"),
            "pages/about.md": "---\ntitle: About\n---\n\nSee [[zinc]].\n",
        }
    )
    preview = BuildOptions(drafts=True, write=False, preview=True, jobs=1)
    warned = [
        (w.path, w.line, w.message, w.hint)
        for w in build_site(root, preview).diagnostics
        if "draft" in w.message
    ]
    assert warned == [
        ("content/heart.md", 3, "see_also 'zinc' links to a draft (content/zinc.md)", HINT),
        ("content/heart.md", 3, "see_also 'sleep' links to a draft (content/sleep.md)", HINT),
        ("content/heart.md", 7, "link 'zinc' links to a draft (content/zinc.md)", HINT),
        ("content/heart.md", 7, "link 'sleep' links to a draft (content/sleep.md)", HINT),
        ("content/heart.md", 9, "link 'Zinc and You' links to a draft (content/zinc.md)", HINT),
        ("content/pages/about.md", 5, "link 'zinc' links to a draft (content/zinc.md)", HINT),
    ]
    # a build with --drafts publishes the drafts, so its links lead somewhere: no warning
    published = BuildOptions(drafts=True, write=False, jobs=1)
    assert not [w for w in build_site(root, published).diagnostics if "draft" in w.message]


def test_the_preview_warns_of_links_to_scheduled_articles(site) -> None:
    """The preview shows scheduled articles too (as --future does), and the published site's
    build fails at a link to one as at a link to a draft."""
    root = site(
        {
            "heart.md": article("Heart", "Read [[later]].", see_also="[later]"),
            "later.md": article("Later", "Later text. [[heart]]", date="2999-01-01"),
        }
    )
    preview = BuildOptions(future=True, write=False, preview=True, jobs=1)
    warned = [(w.path, w.line, w.message, w.hint) for w in build_site(root, preview).diagnostics]
    hint = (
        "the preview shows it, but the published site leaves it out and its build fails at"
        " this link: remove the link until that article is published, or date this article"
        " no earlier than it"
    )
    what = "links to an article that is scheduled for 2999-01-01 (content/later.md)"
    # the scheduled article's own link to a published one is no published page's: not warned
    assert warned == [
        ("content/heart.md", 3, f"see_also 'later' {what}", hint),
        ("content/heart.md", 7, f"link 'later' {what}", hint),
    ]
    # a build that publishes it (--future) is not warned
    published = BuildOptions(future=True, write=False, jobs=1)
    assert not [w for w in build_site(root, published).diagnostics if "links to" in w.message]
