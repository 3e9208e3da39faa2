"""Addresses a site's own templates write, end to end: an override of ``base.html`` that
links a stylesheet that is not there, writes ``url('/about/')`` or a path from the host's
root on a site published under a path is an error at the template's line (the preview, at
the site's root, showed none of it, and the build published a broken link on every page),
and the theme's own templates copied into the site raise none (from a new-user trial)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from articlegen.build import build_site
from articlegen.core.model import BuildOptions, BuildResult
from articlegen.render.templates import THEME_TEMPLATES
from tests.conftest import SITE_YAML, article, parse
from tests.helpers import failure_messages, internal_link_problems, snapshot

PROJECT_SITE = "https://owner.github.io/repo/"
FOOTER = '<footer class="site-footer">'
GOOD = (
    '<p class="own">'
    "<a href=\"{{ url('about/') }}\">About</a> "
    '<a href="/repo/about/">About again</a> '
    '<img src="{{ url(\'images/dot.svg\') }}" alt=""> '
    "<a href=\"{{ url('https://example.org/elsewhere') }}\">Elsewhere</a> "
    '<a href="/repo/{{ page_url }}">Made from a value</a>'
    '<!-- an old link, commented out:\n<a href="/old/">Old</a> -->'
    '<span data-href="/for-a-script/"></span>'
    "</p>\n"
)
BAD = (
    '<p class="own">\n<a href="{{ url(\'/about/\') }}">About</a>\n'
    '<a href="/about/">About again</a>\n'
    '<img src="/images/dot.svg" alt="">\n'
    '<a href="/repo/abuot/">Typo</a>\n'
    '<link rel="stylesheet" href="{{ url(\'css/custm.css\') }}">\n'
    "</p>\n"
)


def base_with(own: str) -> str:
    """The theme's ``base.html`` with ``own`` put before its footer, as a writer adds to it."""
    theme = (THEME_TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert FOOTER in theme
    return theme.replace(FOOTER, own + FOOTER)


@pytest.fixture
def blog(site) -> Path:
    return site(
        {
            "heart.md": article("Heart", "Some text.", tags="[heart]"),
            "pages/about.md": article("About", "About us."),
        },
        files={
            "templates/base.html": base_with(GOOD),
            "static/css/custom.css": "p { color: #333; }\n",
            "static/images/dot.svg": "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>",
        },
    )


def footer_line(source: str, needle: str) -> int:
    """The line of ``base.html`` on which ``needle`` is written."""
    return next(n for n, text in enumerate(source.splitlines(), 1) if needle in text)


def test_addresses_written_whole_and_right_build_under_a_path(blog: Path) -> None:
    build_site(blog, BuildOptions(jobs=1, base_url=PROJECT_SITE))
    out = blog / "public"
    own = parse(out / "heart/index.html").css_first("p.own")
    assert [a.attributes["href"] for a in own.css("a")] == [
        "/repo/about/",
        "/repo/about/",
        "https://example.org/elsewhere",
        "/repo/heart/",
    ]
    assert internal_link_problems(out, "/repo/") == []


def test_each_address_to_nowhere_or_out_of_the_site_is_an_error_at_its_line(
    blog: Path, run_cli
) -> None:
    code, _, _ = run_cli("build", "--site", blog, "--base-url", PROJECT_SITE)
    assert code == 0
    before = snapshot(blog / "public")
    bad = base_with(BAD)
    (blog / "templates/base.html").write_text(bad, encoding="utf-8")
    code, out, err = run_cli("build", "--site", blog, "--base-url", PROJECT_SITE)
    assert code == 1 and out == "" and "Traceback" not in err
    lines = err.splitlines()
    at = {
        key: f"error: templates/base.html:{footer_line(bad, needle)}: "
        for key, needle in {
            "url": "url('/about/')",
            "root": 'href="/about/"',
            "img": 'src="/images/dot.svg"',
            "typo": "abuot",
            "css": "custm",
        }.items()
    }
    assert len(set(at.values())) == 5
    assert lines == [
        at["url"] + "url('/about/') starts with '/': url() puts the site's path "
        "(/repo/) before what it is given, so this makes /repo//about/ — write "
        "url('about/'): its path from the site's root, without the leading '/'",
        at["root"] + 'href="/about/" is a path from the host\'s root, but the site is '
        "published under /repo/ (base_url), so it leads out of the site — write "
        "{{ url('about/') }} to put the site's path before it; for a page of this host "
        "that is not this site, write its full address",
        at["img"] + 'src="/images/dot.svg" is a path from the host\'s root, but the site is '
        "published under /repo/ (base_url), so it leads out of the site — write "
        "{{ url('images/dot.svg') }} to put the site's path before it; for a page of this "
        "host that is not this site, write its full address",
        at["typo"] + 'href="/repo/abuot/" leads to /abuot/, where this site publishes no page '
        "or file (did you mean '/about/'?) — fix the address: a file of static/ from static/ "
        "(css/site.css), a page from the site's root (about/); a template's file of its own "
        "belongs in static/; if the host serves it itself (a proxy, a redirect), write it as "
        "an expression, href=\"{{ '/repo/abuot/' }}\", which is not checked",
        at["css"] + "url('css/custm.css') leads to /css/custm.css, where this site publishes "
        "no page or file (did you mean 'css/custom.css' or 'assets/style.css'?) — fix the address: a file of "
        "static/ from static/ (css/site.css), a page from the site's root (about/); a "
        "template's file of its own belongs in static/",
        "error: 5 errors; nothing was written, the previous output is untouched",
    ]
    assert snapshot(blog / "public") == before


def test_a_leading_slash_in_url_on_a_site_at_a_domain_s_root_names_the_host_it_makes(
    blog: Path,
) -> None:
    (blog / "templates/base.html").write_text(
        base_with('<a href="{{ url(\'/about/\') }}">About</a>\n<a href="/about/">Fine</a>\n'),
        encoding="utf-8",
    )
    messages = failure_messages(lambda: build_site(blog, BuildOptions(jobs=1, write=False)))
    assert len(messages) == 1
    assert (
        "so this makes //about/, which a browser reads as an address on a host named "
        in (messages[0])
    )


@pytest.mark.parametrize("search", [True, False])
def test_the_theme_s_own_templates_copied_into_the_site_raise_nothing(site, search: bool) -> None:
    yaml = SITE_YAML + ("" if search else "search: false\n")
    root = site({"heart.md": article("Heart", tags="[heart]")}, site_yaml=yaml)
    shutil.copytree(THEME_TEMPLATES, root / "templates")
    result = build_site(root, BuildOptions(jobs=1, write=False, base_url=PROJECT_SITE))
    assert result.articles == 1


def with_own(blog: Path, own: str) -> Callable[[], BuildResult]:
    """A build (writing nothing, under a path) of ``blog`` whose ``base.html`` holds ``own``."""
    (blog / "templates/base.html").write_text(base_with(own), encoding="utf-8")
    return lambda: build_site(blog, BuildOptions(jobs=1, write=False, base_url=PROJECT_SITE))


def test_a_link_commented_out_around_an_expression_is_not_judged(blog: Path) -> None:
    # a comment holding {{ … }} is several pieces of the template's text, and each was
    # read alone: the stylesheet and the link a writer had commented out failed the build
    old = (
        "<!-- the old look, off for now:\n"
        '<link rel="stylesheet" href="{{ url(\'css/old.css\') }}">\n'
        '<a href="/gone/">{{ site.title }}</a> <a href="/also-gone/">Old</a> -->\n'
    )
    assert with_own(blog, old + GOOD)().articles == 1


def test_a_script_s_code_is_not_judged_but_its_tag_s_src_is(blog: Path) -> None:
    # strings in a script's code are no attributes of the page: they failed the build
    code = (
        "<script>\nvar href = '/somewhere';\nconst src = \"/api/data.json\";\n"
        "if (1 < 2) { document.title = '{{ site.title }}'; }\n</script>\n"
    )
    assert with_own(blog, code + GOOD)().articles == 1
    tag = '<script src="/repo/js/gone.js" defer></script>\n'
    messages = failure_messages(with_own(blog, code + tag))
    assert len(messages) == 1
    assert 'src="/repo/js/gone.js" leads to /js/gone.js, where' in messages[0]
    assert "write it as an expression, src=\"{{ '/repo/js/gone.js' }}\"" in messages[0]
    served = "<script src=\"{{ '/repo/js/gone.js' }}\" defer></script>\n"  # the host's proxy
    assert with_own(blog, code + served)().articles == 1


def test_url_of_a_mailto_address_says_to_write_it_without_url(blog: Path) -> None:
    mail = "<a href=\"{{ url('mailto:desk@example.org') }}\">Write to us</a>\n"
    messages = failure_messages(with_own(blog, mail))
    assert len(messages) == 1
    assert messages[0].endswith(
        "url('mailto:desk@example.org') makes /repo/mailto:desk@example.org: url() gives back "
        "as it is only an address with '://', and puts the site's path before anything else "
        '— write the address as it is, without url(): href="mailto:desk@example.org"'
    )
