"""Hostile inputs: each attack ends in exit 1, an error at its place, no traceback, and the
previous output byte for byte as it was.

Builds run as a separate process with a timeout, so an attack that hangs the build (a named
pipe, an alias bomb) fails its test instead of blocking the suite.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import articlegen
from articlegen.core.workers import default_jobs
from articlegen.incremental import sources
from tests.conftest import SITE_YAML, article, parse
from tests.helpers import png_header, snapshot

SRC = Path(articlegen.__file__).parents[1]
"""The code under test, for the build processes: the tree this test imports."""
TIMEOUT = 120
"""Seconds an attack may take before its test fails: each takes under a few when handled."""

GOOD = {"a.md": article("Alpha", "Text of alpha."), "b.md": article("Beta", "Text of beta.")}


def run(*argv: object) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process, killed (and the test failed) after ``TIMEOUT``."""
    return subprocess.run(
        [sys.executable, "-m", "articlegen", *map(str, argv)],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.fixture
def built(site) -> Path:
    """A site built once successfully; each attack then breaks it."""
    root = site(GOOD)
    (root / "static").mkdir()
    done = run("build", "--site", root)
    assert done.returncode == 0, done.stderr
    return root


def refused(root: Path, *argv: object) -> list[str]:
    """The error lines of a build (or ``argv``) that must fail and leave the output alone."""
    before = snapshot(root / "public")
    done = run(*(argv or ("build", "--site", root)))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(root / "public") == before
    return done.stderr.splitlines()


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line of ``text`` holding ``needle``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def deep_list(depth: int) -> str:
    """A list ``depth`` levels deep, then the dosage line the first attack lost."""
    items = "\n".join("  " * level + f"- level{level}" for level in range(depth))
    return items + "\n\n## Dosage\n\nNever exceed 2 mg.\n"


def alias_bomb(key: str) -> str:
    """Under 1 KB of YAML: nine anchors, each a list of nine of the one before."""
    lines = ['x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"x{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9)]
    return "\n".join([*lines, f"{key}: *a8"]) + "\n"


def with_image(root: Path, name: str, data: bytes) -> str:
    """``c.md`` showing ``static/name``; its text."""
    (root / "static" / name).write_bytes(data)
    text = article("Gamma", f"Intro.\n\n![A chart]({name})\n")
    write(root, "content/c.md", text)
    return text


@dataclass(frozen=True)
class Attack:
    """Break the site (returns the expected start of the error line), then build."""

    id: str
    attack: Callable[[Path], str]


def _front_matter_bomb(root: Path) -> str:
    header = "---\ntitle: Gamma\ndate: 2024-01-01\n" + alias_bomb("tags")
    text = header + "---\n\nBody.\n"
    write(root, "content/c.md", text)
    # x4 is the first anchor past 50,000 values (9^5 = 59,049).
    return f"error: content/c.md:{line_of(text, 'x4:')}: more than 50,000 values"


def _site_yaml_bomb(root: Path) -> str:
    text = SITE_YAML + alias_bomb("description")
    write(root, "site.yaml", text)
    return f"error: site.yaml:{line_of(text, 'x4:')}: more than 50,000 values"


def _deep_yaml(root: Path) -> str:
    text = "---\ntitle: Gamma\ndate: 2024-01-01\ntags: " + "[" * 100_000 + "]" * 100_000 + "\n---\n"
    write(root, "content/c.md", text)
    return "error: content/c.md:4: lists and mappings nested more than 50 levels deep"


def _deep_list(root: Path) -> str:
    text = article("Gamma", deep_list(60))
    write(root, "content/c.md", text)
    return f"error: content/c.md:{line_of(text, '- level50')}: lists and quotes nested too deeply"


def _deep_quote(root: Path) -> str:
    text = article("Gamma", "> " * 120 + "Deep.\n\nNever exceed 2 mg.")
    write(root, "content/c.md", text)
    return f"error: content/c.md:{line_of(text, 'Deep.')}: lists and quotes nested too deeply"


def _one_line_nesting(prefix: str) -> Callable[[Path], str]:
    """A body line opening 50,000 levels: the compiled Markdown engine recursed once per
    level with no limit, and the build died of a segmentation fault, printing nothing."""

    def attack(root: Path) -> str:
        text = article("Gamma", "Intro.\n\n" + prefix * 50_000 + "Deep.")
        write(root, "content/c.md", text)
        return f"error: content/c.md:{line_of(text, 'Deep.')}: lists and quotes nested too deeply"

    return attack


def _site_yaml_latin1(root: Path) -> str:
    text = SITE_YAML + "# Caf\u00e9 notes\n"
    (root / "site.yaml").write_bytes(text.encode("latin-1"))
    return f"error: site.yaml:{line_of(text, 'Caf')}: not UTF-8 text: byte 0xe9 at offset"


def _locale_language(root: Path) -> str:
    """A locale as Jekyll and WordPress write it: every page's <html lang> was invalid."""
    text = SITE_YAML + "language: en_US\n"
    write(root, "site.yaml", text)
    return (
        f"error: site.yaml:{line_of(text, 'language')}: 'language' must be a BCP 47 language "
        "tag, found 'en_US' — write language: en-US"
    )


def _comments_script_address(root: Path) -> str:
    """The page loads Isso's script from ``url``: a data: address ran the text as a script
    when a reader asked for the comments, and one without https:// loaded nothing."""
    comments = "comments:\n  provider: isso\n  default: true\n  isso:\n"
    text = SITE_YAML + comments + "    url: 'data:text/javascript,alert(1)//'\n"
    write(root, "site.yaml", text)
    return (
        f"error: site.yaml:{line_of(text, 'data:')}: 'comments.isso.url' must be an http(s) "
        "address, found 'data:text/javascript,alert(1)//'"
    )


def _base_url_with_a_password(root: Path) -> str:
    """Accepted, it was printed into every canonical link, feed and the sitemap."""
    text = SITE_YAML.replace("https://example.test/", "https://editor:s3cret@example.test/")
    write(root, "site.yaml", text)
    return (
        f"error: site.yaml:{line_of(text, 'base_url')}: 'base_url' holds a user name or "
        "password before '@', which every page would publish — give the public address alone,"
        " e.g. base_url: https://example.test/"
    )


def _merge_key(root: Path) -> str:
    """A YAML merge key that overrides one key: PyYAML merged it before the keys were read,
    so the override was reported as a 'duplicate key' and the merged id as a duplicate."""
    references = (
        'references:\n  - &r {id: a, title: "Example Study", url: "https://example.org/a"}\n'
        "  - <<: *r\n    id: b\n"
    )
    text = "---\ntitle: Gamma\ndate: 2024-01-01\n" + references + "---\n\nText [^a] [^b].\n"
    write(root, "content/c.md", text)
    return f"error: content/c.md:{line_of(text, '<<')}: merge keys (<<) are not supported"


def _review_interval(root: Path) -> str:
    text = SITE_YAML + "review_interval_days: 3000000\n"
    write(root, "site.yaml", text)
    return f"error: site.yaml:{line_of(text, 'review_interval_days')}: 'review_interval_days' must"


def _svg_digits(root: Path) -> str:
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="{"9" * 400}" height="10"/>'
    text = with_image(root, "wide.svg", svg.encode())
    return f"error: content/c.md:{line_of(text, '![A chart]')}: cannot read image static/wide.svg"


def _svg_viewbox(root: Path) -> str:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e400 10"/>'
    text = with_image(root, "box.svg", svg.encode())
    return f"error: content/c.md:{line_of(text, '![A chart]')}: cannot read image static/box.svg"


def _png_bomb(root: Path) -> str:
    text = with_image(root, "huge.png", png_header(100_000, 100_000))
    return f"error: content/c.md:{line_of(text, '![A chart]')}: cannot read image static/huge.png"


def _png_over_limit(root: Path) -> str:
    text = with_image(root, "big.png", png_header(12_000, 10_000))  # under Pillow's own refusal
    return (
        f"error: content/c.md:{line_of(text, '![A chart]')}: cannot read image static/big.png: "
        "12000×10000 pixels is more than the limit of 100,000,000 pixels"
    )


def _link_loop(root: Path) -> str:
    os.symlink("loop", root / "content/loop")
    return "error: content/loop: symbolic link loop"


def _article_link_loop(root: Path) -> str:
    os.symlink("d.md", root / "content/c.md")
    os.symlink("c.md", root / "content/d.md")
    return "error: content/c.md: symbolic link loop"


def _folder_is_a_file(name: str) -> Callable[[Path], str]:
    """``content``, ``static`` or ``templates`` a file: read as missing, so the build
    published a site without its articles, files or templates over the previous one."""

    def attack(root: Path) -> str:
        folder = root / name
        if folder.is_dir():
            shutil.rmtree(folder)
        folder.write_text("not a folder")
        return f"error: {name}: a file, where the site's folder of that name belongs"

    return attack


def _alias_2000_folders_deep(root: Path) -> str:
    """Each folder name is short, the path 4,000 bytes: writing its redirect page raised
    FileNotFoundError (the path was too long), a traceback."""
    alias = "/" + "a/" * 2000
    text = article("Gamma", aliases=f"['{alias}']")
    write(root, "content/c.md", text)
    return (
        f"error: content/c.md:{line_of(text, 'aliases')}: alias '{alias[:80]}…' is longer "
        "than 1,024 bytes, too long for a path of files"
    )


def _linked_folder_of_articles(root: Path) -> str:
    """A link to a folder of the site outside content/ is not followed: its articles were
    silently left out of the site (only links out of the site were reported)."""
    write(root, "drafts/d.md", article("Delta"))
    os.symlink("../drafts", root / "content/shared")
    return "error: content/shared: symbolic link to the folder drafts, whose Markdown files"


def _fifo(root: Path) -> str:
    os.mkfifo(root / "content/fifo.md")
    return "error: content/fifo.md: not a regular file but a named pipe (FIFO)"


def _fifo_site_yaml(root: Path) -> str:
    (root / "site.yaml").unlink()
    os.mkfifo(root / "site.yaml")
    return "error: site.yaml: not a regular file but a named pipe (FIFO)"


def _socket(root: Path) -> str:
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(root / "content/sock.md"))
    listener.close()  # the socket file stays
    return "error: content/sock.md: not a regular file but a socket"


def _big_header(root: Path) -> str:
    write(root, "content/c.md", article("Gamma", description="x" * 1_200_000))
    return "error: content/c.md:1: the header is 1.1 MiB, more than the limit of 1.0 MiB"


def _big_article(root: Path) -> str:
    write(root, "content/c.md", article("Gamma", "Words and more words.\n" * 500_000))
    return "error: content/c.md: the file is 10.5 MiB, more than the limit of 10.0 MiB"


def _wide_table(root: Path) -> str:
    columns = 20_000
    rows = ["|" + "|".join(f"h{n}" for n in range(columns)) + "|", "|" + "---|" * columns]
    rows += ["|" + "c|" * columns] * 20
    text = article("Gamma", "Intro.\n\n" + "\n".join(rows))
    write(root, "content/c.md", text)
    return f"error: content/c.md:{line_of(text, '|h0|')}: a table of 20000 columns"


def _missing_block(root: Path) -> str:
    template = '{% extends "base.html" %}\n{% block content %}\n{{ body }}\n{% endblock %}\n'
    write(root, "templates/article.html", template)
    return "error: templates/article.html:2: block 'content' is not in base.html"


def _base_without_main(root: Path) -> str:
    theme = Path(articlegen.__file__).parent / "theme/templates"
    base = (theme / "base.html").read_text()
    write(root, "templates/base.html", base.replace("block main", "block content"))
    first = (theme / "404.html").read_text()  # the first, by name, of the pages that fill main
    return (
        f"error: (built-in theme) templates/404.html:{line_of(first, 'block main')}: "
        "block 'main' is not in base.html"
    )


def _latin1_name(folder: str, name: bytes, shown: str) -> Callable[[Path], str]:
    """A file whose name is Latin-1 bytes, as an old tool saves ``café.md``: listed with a lone
    surrogate, which the cache, a digest or a message cannot encode (a traceback before)."""

    def attack(root: Path) -> str:
        path = os.path.join(os.fsencode(root / folder), name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(article("Gamma", "Text.").encode() if name.endswith(b".md") else b"<p>")
        return f"error: {shown}: the {'folder' if b'/' in name else 'file'}'s name is not UTF-8"

    return attack


def _template_linked_out(name: str, target: str) -> Callable[[Path], str]:
    """A template (or a folder of them) linked to a file outside the site: Jinja read it,
    and an include of it published the file's text in the pages."""

    def attack(root: Path) -> str:
        outside = root.parent / "outside"
        (outside / "etc").mkdir(parents=True, exist_ok=True)
        (outside / "etc/passwd").write_text("root:x:0:0")
        write(
            root,
            "templates/404.html",
            '{% extends "base.html" %}{% block main %}'
            f'{{% include "{name}{"/passwd" if target == "etc" else ""}" %}}{{% endblock %}}',
        )
        (root / "templates" / name).symlink_to(outside / target)
        return f"error: templates/{name}: symbolic link pointing outside the site"

    return attack


ATTACKS = [
    Attack("alias-bomb-front-matter", _front_matter_bomb),
    Attack("alias-bomb-site-yaml", _site_yaml_bomb),
    Attack("yaml-nested-100000-deep", _deep_yaml),
    Attack("list-past-the-nesting-limit", _deep_list),
    Attack("quote-past-the-nesting-limit", _deep_quote),
    Attack("quote-50000-deep-on-one-line", _one_line_nesting("> ")),
    Attack("list-50000-deep-on-one-line", _one_line_nesting("1. ")),
    Attack("site-yaml-saved-as-latin-1", _site_yaml_latin1),
    Attack("yaml-merge-key", _merge_key),
    Attack("site-yaml-language-en_US", _locale_language),
    Attack("base-url-with-a-password", _base_url_with_a_password),
    Attack("comments-script-from-a-data-address", _comments_script_address),
    Attack("review-interval-3000000", _review_interval),
    Attack("svg-400-digit-width", _svg_digits),
    Attack("svg-viewbox-1e400", _svg_viewbox),
    Attack("png-100000x100000", _png_bomb),
    Attack("png-120-megapixels", _png_over_limit),
    Attack("symlink-loop-in-content", _link_loop),
    Attack("link-to-a-folder-of-articles", _linked_folder_of_articles),
    Attack("article-symlink-loop", _article_link_loop),
    Attack("fifo-article", _fifo),
    Attack("alias-2000-folders-deep", _alias_2000_folders_deep),
    Attack("content-is-a-file", _folder_is_a_file("content")),
    Attack("static-is-a-file", _folder_is_a_file("static")),
    Attack("templates-is-a-file", _folder_is_a_file("templates")),
    Attack("fifo-site-yaml", _fifo_site_yaml),
    Attack("socket-article", _socket),
    Attack("front-matter-over-1-mib", _big_header),
    Attack("article-over-10-mib", _big_article),
    Attack("table-20000-columns", _wide_table),
    Attack("template-block-the-parent-lacks", _missing_block),
    Attack("site-base-without-the-theme-s-block", _base_without_main),
    Attack(
        "article-named-in-latin-1", _latin1_name("content", b"caf\xe9.md", "content/caf\\xe9.md")
    ),
    Attack(
        "folder-named-in-latin-1", _latin1_name("content", b"\xe9t\xe9/a.md", "content/\\xe9t\\xe9")
    ),
    Attack(
        "template-named-in-latin-1",
        _latin1_name("templates", b"caf\xe9.html", "templates/caf\\xe9.html"),
    ),
    Attack("template-linked-out-of-the-site", _template_linked_out("leak.html", "etc/passwd")),
    Attack("templates-folder-linked-out", _template_linked_out("etc", "etc")),
]


def placed(expected: str, errors: list[str]) -> bool:
    """Whether an error line starts with ``expected`` (``error: file:``), or names that place
    among the others of a problem found at many places (``(9 times; also at file:3, …)``)."""
    place = expected.removeprefix("error: ")
    return any(
        line.startswith(expected)
        or re.search(r"\(\d[\d,]* times; also at (.*, )?" + re.escape(place), line)
        for line in errors
    )


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.id for a in ATTACKS])
def test_attack_is_a_placed_error(built: Path, attack: Attack) -> None:
    expected = attack.attack(built)
    errors = refused(built)
    assert placed(expected, errors), errors


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.id for a in ATTACKS])
def test_check_refuses_the_attack_too(built: Path, attack: Attack) -> None:
    expected = attack.attack(built)
    errors = refused(built, "check", "--site", built)
    assert placed(expected, errors), errors


def test_a_list_ten_levels_deep_publishes_the_dosage(built: Path) -> None:
    """The attack as first reported: every word reaches the page now."""
    write(built, "content/c.md", article("Gamma", deep_list(10)))
    done = run("build", "--site", built)
    assert done.returncode == 0, done.stderr
    text = parse(built / "public/c/index.html").css_first("main").text()
    assert "Never exceed 2 mg." in text
    assert all(f"level{n}" in text for n in range(10))


@pytest.mark.parametrize(
    ("opener", "closer"),
    [("_", "_"), ("![(", ")](dot.svg)")],
    ids=["emphasis", "images-in-image-text"],
)
def test_spans_nested_50000_deep_publish(built: Path, opener: str, closer: str) -> None:
    """Emphasis or images nested 50,000 deep: the compiled engine overflowed its stack (a
    segmentation fault), or walking its tree Python's recursion limit (a traceback)."""
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'
    write(built, "static/dot.svg", svg)
    body = opener * 50_000 + "Never exceed 2 mg." + closer * 50_000
    write(built, "content/c.md", article("Gamma", body))
    done = run("build", "--site", built)
    assert done.returncode == 0, done.stderr
    main = parse(built / "public/c/index.html").css_first("main")
    assert "Never exceed 2 mg." in (main.html or "")  # the images' one is in their alt text


def test_import_of_html_nested_500_deep(built: Path) -> None:
    page = built.parent / "nested.html"
    page.write_text(
        "<html><body><h1>Nested</h1>" + "<blockquote>" * 500 + "Deep." + "</blockquote>" * 500
    )
    before = snapshot(built / "content")
    done = run("import", "--site", built, page)
    assert (done.returncode, "Traceback" in done.stderr) == (1, False), done.stderr
    assert done.stderr.startswith(f"error: {page}: elements nested more than 200 levels deep")
    assert snapshot(built / "content") == before


def test_file_removed_after_the_site_is_listed(built: Path, run_cli, monkeypatch) -> None:
    """Listed, then gone before it is read: an error at the file, the output untouched."""
    listed = sources.find_sources

    def list_then_remove(root: Path) -> list[Path]:
        found = listed(root)
        (root / "content/b.md").unlink()
        return found

    monkeypatch.setattr(sources, "find_sources", list_then_remove)
    before = snapshot(built / "public")
    code, _, err = run_cli("build", "--site", built, "--no-cache")
    assert (code, "Traceback" in err) == (1, False), err
    assert err.startswith("error: content/b.md: cannot read the file: No such file or directory")
    assert snapshot(built / "public") == before


def test_file_removed_while_the_up_to_date_check_walks(built: Path, run_cli, monkeypatch) -> None:
    """Gone between the listing of content/ and its stamp: the walk goes on, and the build
    publishes what is there (the file's page goes), with no traceback."""
    real = os.scandir
    content = str(built / "content")

    def list_then_remove(path: int | str | os.PathLike[str] = ".") -> object:
        entries = real(path)  # a file descriptor too: shutil.rmtree lists folders by theirs
        if isinstance(path, int) or os.fspath(path) != content:
            return entries
        if not (built / "content/b.md").exists():
            return entries
        listed = list(entries)
        (built / "content/b.md").unlink()
        return listed

    monkeypatch.setattr(os, "scandir", list_then_remove)
    code, _, err = run_cli("build", "--site", built)
    assert code == 0
    assert err.startswith("note: content/b.md is gone, and with it "), err  # its page went
    assert len(err.splitlines()) == 1
    assert not (built / "public/b").exists()
    assert (built / "public/a/index.html").is_file()


@pytest.mark.parametrize(
    ("folder", "name"), [("content/locked", "c.md"), ("static/locked", "guide.pdf")]
)
def test_folder_that_cannot_be_listed(
    built: Path, run_cli, monkeypatch, folder: str, name: str
) -> None:
    """Without permission to list the folder (the test runs as any user, so the refusal is
    simulated), the search for articles and static files passed over it without a word: its
    files were left out of the site, exit 0."""
    write(built, f"{folder}/{name}", article("Gamma"))
    locked = str(built / folder)
    real = os.scandir

    def refuse(path: int | str | os.PathLike[str] = ".") -> object:
        if not isinstance(path, int) and os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    before = snapshot(built / "public")
    code, _, err = run_cli("build", "--site", built)
    assert (code, "Traceback" in err) == (1, False), err
    assert f"error: {folder}: cannot read the folder: Permission denied" in err.splitlines()[0]
    assert snapshot(built / "public") == before


def test_jobs_past_four_per_cpu_are_refused(built: Path, run_cli, capsys) -> None:
    """--jobs 10000 started a worker process per chunk: thousands on a large site."""
    most = 4 * default_jobs()
    with pytest.raises(SystemExit) as exit_:
        run_cli("build", "--site", built, "--jobs", str(most + 1))
    assert exit_.value.code == 2
    assert f"argument --jobs: at most {most} (4 per CPU of this machine)" in capsys.readouterr().err
    assert run_cli("build", "--site", built, "--jobs", str(most))[0] == 0


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_template_that_includes_itself(built: Path, command: str) -> None:
    """The error was Python's 'maximum recursion depth exceeded in comparison' (or 'while
    calling a Python object'), which names no template and says nothing of what to do."""
    template = (
        '{% extends "base.html" %}\n{% block main %}{% include "article.html" %}{% endblock %}\n'
    )
    write(built, "templates/article.html", template)
    errors = refused(built, command, "--site", built)
    # a template of the loop: the site's own where the traceback still shows it (Jinja's
    # rewriting of a traceback that deep does not always keep every frame)
    assert re.fullmatch(
        r"error: (templates/article\.html:[12]|\(built-in theme\) templates/base\.html:\d+): "
        r"template error: templates include, extend or "
        r"call themselves without end — break the loop: no template may include or extend "
        r"itself, even through others",
        errors[0],
    ), errors
