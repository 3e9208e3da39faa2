"""One case per error: exact message, exit 1, and the previous output left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SITE_YAML, article
from tests.helpers import NOTHING_WRITTEN, snapshot

GOOD = {"a.md": article("Alpha", see_also="[beta]"), "b.md": article("Beta", slug="beta")}


@pytest.fixture
def built(site, run_cli):
    """A site built once successfully; tests break it and check the output is untouched."""
    root = site(GOOD)
    code, _, err = run_cli("build", "--site", root)
    assert code == 0, err
    return root


def rebuild_fails(root: Path, run_cli) -> str:
    before = snapshot(root / "public")
    code, _out, err = run_cli("build", "--site", root)
    assert code == 1
    assert "Traceback" not in err
    assert snapshot(root / "public") == before
    assert not [p for p in root.iterdir() if ".staging" in p.name]
    return err


def write(root: Path, name: str, text: str) -> None:
    (root / "content" / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: 'unclosed\ndate: 2024-01-01\n---\n", "error: content/c.md:"),
        ("---\n- a\n---\n", "error: content/c.md:2: expected 'key: value' lines, found a list"),
        ("---\ndate: 2024-01-01\n---\n", "error: content/c.md:1: missing required key 'title'"),
        (
            "---\ntitle: 5\ndate: 2024-01-01\n---\n",
            "error: content/c.md:2: 'title' must be text, found int",
        ),
        (
            "---\ntitle: C\ndate: 2024-02-30\n---\n",
            "error: content/c.md:3: 'date' is not a real date: '2024-02-30'",
        ),
        (
            "---\ntitle: C\ndate: 2024-01-01\ntittle: x\n---\n",
            "error: content/c.md:4: unknown key 'tittle' (did you mean 'title'?)",
        ),
        (
            "---\ntitle: C\ndate: 2024-01-01\nsee_also: [gamma]\n---\n",
            "error: content/c.md:4: see_also 'gamma' matches no article",
        ),
        (
            "---\ntitle: C\ndate: 2024-01-01\n---\n[[Alpah]]\n",
            "error: content/c.md:5: link 'Alpah' matches no article (did you mean 'Alpha'?)",
        ),
        (
            "---\ntitle: C\ndate: 2024-01-01\nslug: beta\n---\n",
            "error: content/c.md:4: duplicate slug 'beta': content/b.md has it too",
        ),
        (
            "---\ntitle: C\ndate: 2024-01-01\ncomments: true\n---\n",
            "error: content/c.md:4: comments: true, but site.yaml sets up no comments provider",
        ),
        (
            "---\ntitle: C\ndate: 2024-01-01\nslug: tags\n---\n",
            "error: content/c.md:4: slug 'tags' is reserved",
        ),
    ],
)
def test_front_matter_errors(built: Path, run_cli, text: str, expected: str) -> None:
    write(built, "c.md", text)
    err = rebuild_fails(built, run_cli)
    assert expected in err, err


def test_all_errors_of_a_build_are_reported_together(built: Path, run_cli) -> None:
    write(built, "c.md", "---\ntitle: C\ndate: nope\n---\n")
    write(built, "d.md", "---\ntitle: D\ndate: 2024-01-01\nsee_also: [zzz]\n---\n")
    err = rebuild_fails(built, run_cli)
    assert "content/c.md:3:" in err and "content/d.md:4:" in err
    assert "2 errors; nothing was written, the previous output is untouched" in err


def test_link_to_draft_is_an_error_unless_drafts(built: Path, run_cli) -> None:
    write(built, "c.md", "---\ntitle: C\ndraft: true\n---\n")
    write(built, "d.md", "---\ntitle: D\ndate: 2024-01-01\nsee_also: [c]\n---\n")
    assert "error: content/d.md:4: see_also 'c' links to a draft (content/c.md)" in rebuild_fails(
        built, run_cli
    )
    assert run_cli("build", "--site", built, "--drafts")[0] == 0


def test_self_link(built: Path, run_cli) -> None:
    write(built, "a.md", article("Alpha", see_also="[a]"))
    assert "error: content/a.md:3: see_also 'a' links the article to itself" in rebuild_fails(
        built, run_cli
    )


def test_config_error(built: Path, run_cli) -> None:
    (built / "site.yaml").write_text(SITE_YAML + "per_pgae: 3\n")
    err = rebuild_fails(built, run_cli)
    assert "error: site.yaml:5: unknown key 'per_pgae' (did you mean 'per_page'?)" in err


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'disclaimer: "Not advice \\x01"\n',
            "error: site.yaml:5: 'disclaimer' contains control character U+0001"
            " — remove the escape that writes it (such as \\x01) from the quoted value",
        ),
        (
            'authors:\n  jane: {name: "Jane \\uFFFE"}\n',
            "error: site.yaml:6: 'authors.jane.name' contains Unicode non-character U+FFFE"
            " — remove the escape that writes it (such as \\uFFFE) from the quoted value",
        ),
        (
            "disclaimer: Not advice \x1b\n",
            "error: site.yaml:5: control character U+001B at column 24"
            " — remove the control character (U+001B)",
        ),
    ],
)
def test_control_characters_in_site_yaml(built: Path, run_cli, line: str, expected: str) -> None:
    """They would reach every page and feed: refused like those in articles."""
    (built / "site.yaml").write_text(SITE_YAML + line, encoding="utf-8")
    assert rebuild_fails(built, run_cli).splitlines()[0] == expected


@pytest.mark.parametrize("url", ["javascript:alert(1)//", "not a url", "ftp://example.org/"])
def test_base_url_option_is_checked_as_site_yaml_base_url_is(
    built: Path, run_cli, url: str
) -> None:
    before = snapshot(built / "public")
    code, out, err = run_cli("build", "--site", built, "--base-url", url)
    assert (code, out) == (1, "")
    assert err == (
        f"error: --base-url must be an absolute http(s) URL, found '{url}'"
        " — e.g. --base-url https://example.org/ or https://example.org/blog/\n"
    )
    assert snapshot(built / "public") == before


def test_base_url_option_replaces_site_yaml_base_url(built: Path, run_cli) -> None:
    assert run_cli("build", "--site", built, "--base-url", "https://preview.example//")[0] == 0
    assert "<id>https://preview.example/a/</id>" in (built / "public/feed.xml").read_text()


def test_comments_on_by_default_without_a_provider(built: Path, run_cli) -> None:
    """Otherwise the site builds with no comments anywhere and nobody is told."""
    (built / "site.yaml").write_text(SITE_YAML + "comments: {default: true}\n")
    assert rebuild_fails(built, run_cli) == (
        "error: site.yaml:5: comments.default is true, but no comments provider is set"
        " — set comments.provider (one of: giscus, isso, remark42), or default: false\n"
        "error: 1 error; nothing was written, the previous output is untouched\n"
    )
    (built / "site.yaml").write_text(SITE_YAML + "comments:\n  default: false\n")
    assert run_cli("build", "--site", built)[0] == 0


def test_template_syntax_error_names_template_and_line(built: Path, run_cli) -> None:
    (built / "templates").mkdir()
    (built / "templates/404.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n{% if %}\n{% endblock %}\n'
    )
    assert rebuild_fails(built, run_cli) == (
        "error: templates/404.html:3: template syntax error:"
        " Expected an expression, got 'end of statement block'\n" + NOTHING_WRITTEN
    )


def test_template_undefined_variable_names_template_and_line(built: Path, run_cli) -> None:
    (built / "templates").mkdir()
    (built / "templates/404.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n\n{{ nope.x }}\n{% endblock %}\n'
    )
    err = rebuild_fails(built, run_cli)
    assert err == "error: templates/404.html:4: template error: 'nope' is undefined\n" + (
        NOTHING_WRITTEN
    )


def test_a_missing_include_names_the_template_that_includes_it(built: Path, run_cli) -> None:
    (built / "templates").mkdir()
    (built / "templates/404.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n\n{% include "nope.html" %}\n{% endblock %}\n'
    )
    first, cause, last = rebuild_fails(built, run_cli).splitlines(keepends=True)
    assert last == NOTHING_WRITTEN
    first = first.rstrip("\n")
    assert first == (
        "error: templates/404.html:4: template not found: nope.html"
        " — add it to templates/, or correct the name"
    )
    assert cause.startswith("  caused by: TemplateNotFound: 'nope.html' not found in search paths")


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xff\xfe{{ x }}", "templates/article.html:1: not UTF-8 text: byte 0xff at offset 0"),
        (
            b'{% extends "base.html" %}\n{% block main %}\nCaf\xe9{% endblock %}\n',
            "templates/article.html:3: not UTF-8 text: byte 0xe9 at offset 46",
        ),
    ],
)
def test_template_not_utf8_names_template_and_byte(
    built: Path, run_cli, command: str, data: bytes, expected: str
) -> None:
    (built / "templates").mkdir()
    (built / "templates/article.html").write_bytes(data)
    message = f"error: {expected} — save the file as UTF-8 in your editor\n" + NOTHING_WRITTEN
    if command == "build":
        assert rebuild_fails(built, run_cli) == message
    else:
        assert run_cli("check", "--site", built)[::2] == (1, message)


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        (".", "the site folder itself"),
        ("content", "the content folder"),
        ("..", "a folder that holds the site"),
        ("/", "the root of the file system"),
        ("~", "your home folder"),
    ],
)
def test_dangerous_output_folders_are_refused(
    built: Path, run_cli, monkeypatch, output: str, reason: str
) -> None:
    home = built.parent / "home"  # beside the site, so only the home rule can refuse it
    (home / "notes").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    target = home if output == "~" else built / output
    shown = output if output in (".", "..", "content") else target  # inside: site-relative
    code, _, err = run_cli("build", "--site", built, "--output", target)
    assert (code, err) == (
        1,
        f"error: the --output folder {shown} is {reason}, and a build replaces its output folder whole"
        " — give --output a folder of its own, such as 'public'\n" + NOTHING_WRITTEN,
    )
    assert (built / "content/a.md").is_file() and (home / "notes").is_dir()


def test_non_utf8_file_names_byte_offset(built: Path, run_cli) -> None:
    (built / "content/c.md").write_bytes(b"---\ntitle: caf\xe9\ndate: 2024-01-01\n---\n")
    err = rebuild_fails(built, run_cli)
    assert "error: content/c.md:2: not UTF-8 text: byte 0xe9 at offset 14" in err


def test_interrupted_build_leaves_previous_site(built: Path, run_cli, monkeypatch) -> None:
    import articlegen.output as output

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "_swap", interrupt)
    before = snapshot(built / "public")
    code, _, err = run_cli("build", "--site", built)
    assert code == 130 and "interrupted" in err
    assert snapshot(built / "public") == before
    assert not [p for p in built.iterdir() if p.name.startswith(".public")]


def test_unwritable_output_is_a_clean_error(built: Path, run_cli, monkeypatch) -> None:
    import articlegen.output as output

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output, "_swap", full)
    before = snapshot(built / "public")
    code, _, err = run_cli("build", "--site", built)
    assert code == 1 and "No space left on device" in err and "Traceback" not in err
    assert snapshot(built / "public") == before


def test_bad_front_matter_hides_no_link_errors_and_adds_none(built: Path, run_cli) -> None:
    """A bad date leaves the article a link target (by title too) and its links checked."""
    write(built, "e.md", "---\ntitle: Eps\ndate: 2024-02-31\nsee_also: [nada]\n---\n\n[[nichts]]\n")
    write(built, "f.md", "---\ntitle: F\ndate: 2024-01-01\nsee_also: [Eps]\n---\n\n[[Eps|E]]\n")
    assert rebuild_fails(built, run_cli).splitlines() == [
        "error: content/e.md:3: 'date' is not a real date: '2024-02-31' (day is out of range"
        " for month) — write YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS[.fraction]] (T or a space before"
        " the time), the time with an optional offset Z, +HH:MM, +HHMM or +HH, e.g. 2024-05-14,"
        " 2024-05-14T09:30 or 2013-05-06 02:12:52 +0200",
        "error: content/e.md:4: see_also 'nada' matches no article"
        " — link by slug, by file (content/x.md) or by exact title",
        "error: content/e.md:7: link 'nichts' matches no article"
        " — link by slug, by file (content/x.md) or by exact title",
        "error: 3 errors; nothing was written, the previous output is untouched",
    ]


def test_bad_front_matter_still_counts_for_duplicate_slugs_and_drafts(built: Path, run_cli) -> None:
    """A file with a field error still takes its slug, and stays a draft when it says so."""
    write(built, "c.md", "---\ntitle: C\ndate: 2024-01-01\ntags: 5\nslug: beta\n---\n")
    write(built, "d.md", "---\ntitle: D\ndraft: true\ntags: 5\n---\n\n[[nichts]]\n")
    write(built, "f.md", "---\ntitle: F\ndate: 2024-01-01\nsee_also: [d]\n---\n")
    assert rebuild_fails(built, run_cli).splitlines() == [
        "error: content/c.md:4: 'tags' must be a list — write tags: [first, second]",
        "error: content/c.md:5: duplicate slug 'beta': content/b.md has it too"
        " — give one of them a different 'slug:' or file name",
        "error: content/d.md:4: 'tags' must be a list — write tags: [first, second]",
        "error: content/f.md:4: see_also 'd' links to a draft (content/d.md)"
        " — publish the draft (draft: false), remove the link, or build with --drafts",
        "error: 4 errors; nothing was written, the previous output is untouched",
    ]
