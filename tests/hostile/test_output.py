"""Attacks on the output folder and on ``static/``: an output folder that names the
repository, the sources, the build cache or a folder of someone else's files; static links
that lead out of the site. Each must fail with exit code 1, a message that names the place
and how to proceed, no traceback, and every folder as it was before (the published site
and the folder attacked)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from articlegen.core.layout import CACHE_DIR
from articlegen.incremental.cachefile import SPARE_OUTPUT
from tests.conftest import SITE_YAML, article
from tests.helpers import failure_summary, snapshot


@dataclass(frozen=True)
class Attack:
    """What an attack does to a built site: the ``output:`` it sets in ``site.yaml`` (or
    None), the extra arguments of the command, and the folder it aims at."""

    output: str | None = None
    argv: tuple[str, ...] = ()
    target: str | None = None
    """The folder attacked, relative to the site (``../victim``), kept byte-identical."""


def _git(root: Path) -> None:
    (root / ".git/objects").mkdir(parents=True)
    (root / ".git/HEAD").write_text("ref: refs/heads/main\n")
    (root / ".git/objects/blob").write_bytes(b"the history")


def _victim(root: Path) -> None:
    victim = root.parent / "victim"
    victim.mkdir()
    (victim / "thesis.txt").write_text("years of work")
    (victim / "index.html").write_text("<p>someone else's site</p>")


def _templates_link(root: Path) -> None:
    (root / "templates").mkdir(exist_ok=True)
    (root / "templates/notes.txt").write_text("the author's template notes")
    (root / "layout").symlink_to(root / "templates")


def _spare(root: Path) -> None:
    (root / CACHE_DIR / SPARE_OUTPUT).mkdir(parents=True, exist_ok=True)
    (root / CACHE_DIR / SPARE_OUTPUT / "kept.html").write_text("kept")


def _a_file(root: Path) -> None:
    (root / "notes.txt").write_text("not a folder")


def _marker_link(root: Path) -> None:
    """A folder whose marker is a link to a real marker: not a mark articlegen made."""
    _victim(root)
    (root.parent / "victim/.articlegen-output").symlink_to(root / "public/.articlegen-output")


def _loop(root: Path) -> None:
    """A link to itself: following it was a RuntimeError traceback."""
    (root / "loop").symlink_to("loop")


ATTACKS: dict[str, tuple[Callable[[Path], None], Attack]] = {
    "output: .git": (_git, Attack(output=".git", target=".git")),
    "output: .git/objects": (_git, Attack(output=".git/objects", target=".git")),
    "--output ../victim": (_victim, Attack(argv=("--output", "../victim"), target="../victim")),
    "output: ../victim": (_victim, Attack(output="../victim", target="../victim")),
    "victim with a linked marker": (
        _marker_link,
        Attack(argv=("--output", "../victim"), target="../victim"),
    ),
    "templates via a link": (_templates_link, Attack(output="layout", target="templates")),
    "--output templates via a link": (
        _templates_link,
        Attack(argv=("--output", "layout"), target="templates"),
    ),
    "output: .articlegen-cache/spare-output": (
        _spare,
        Attack(output=f"{CACHE_DIR}/{SPARE_OUTPUT}", target=CACHE_DIR),
    ),
    "output: .articlegen-cache": (_spare, Attack(output=CACHE_DIR, target=CACHE_DIR)),
    "output: a parent": (lambda root: None, Attack(output="..", target=".")),
    "output: the site": (lambda root: None, Attack(output=".", target=".")),
    "output: content": (lambda root: None, Attack(output="content", target="content")),
    "output: content/sub": (lambda root: None, Attack(output="content/sub", target="content")),
    "output: static": (lambda root: None, Attack(output="static", target="static")),
    "output: a file": (_a_file, Attack(output="notes.txt", target=".")),
    "output: ~/public": (lambda root: None, Attack(output="~/public", target=".")),
    "output: a link in a loop": (_loop, Attack(output="loop", target=".")),
    "output: under a link in a loop": (_loop, Attack(output="loop/public", target=".")),
    "output: a name too long": (lambda root: None, Attack(output="p" * 300, target=".")),
    "output: under a file": (_a_file, Attack(output="notes.txt/public", target=".")),
}


@pytest.fixture
def built(site, run_cli) -> Path:
    """A site built twice (so the build cache has its spare output), ``output:`` on line 5."""
    root = site(
        {"a.md": article("Alpha", "Text."), "b.md": article("Beta", "More.")},
        site_yaml=SITE_YAML + "output: public\n",
        files={"static/img/dot.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"},
    )
    for text in ("Text.", "Text, edited."):
        (root / "content/a.md").write_text(article("Alpha", text))
        assert run_cli("build", "--site", root, "--quiet") == (0, "", "")
    return root


def _everything(root: Path) -> dict[str, str]:
    """Every file under the site's parent (the site, its output, the victim's folder)."""
    return snapshot(root.parent)


def _set_output(root: Path, output: str) -> None:
    config = root / "site.yaml"
    config.write_text(config.read_text().replace("output: public", f"output: {output}"))


@pytest.mark.parametrize(
    ("name", "command"),
    [
        (name, command)
        for name, (_, attack) in ATTACKS.items()
        for command in ("build", "check")
        if command == "build" or not attack.argv  # check has no --output
    ],
)
def test_an_output_folder_that_is_not_the_build_s_own_is_refused(
    built: Path, run_cli, monkeypatch, name: str, command: str
) -> None:
    prepare, attack = ATTACKS[name]
    prepare(built)
    if attack.output is not None:
        _set_output(built, attack.output)
    monkeypatch.chdir(built)  # a relative --output is taken from the working folder
    before = _everything(built)
    folder = attack.output if attack.output is not None else attack.argv[1]
    previous = os.path.exists(built / folder)  # no OSError for a name too long
    code, out, err = run_cli(command, "--site", built, *attack.argv)
    assert code == 1, err
    assert out == "" and "Traceback" not in err
    first, last = err.splitlines(keepends=True)
    if attack.output is not None:
        assert first.startswith(f"error: site.yaml:5: output folder '{attack.output}' ")
    else:
        assert first.startswith(f"error: the --output folder {attack.argv[1]} ")
    assert " — " in first  # how to proceed
    assert last == failure_summary(command, previous)
    after = _everything(built)
    assert after == before
    assert attack.target is not None and (built / attack.target).exists()


def test_the_refusal_of_a_folder_of_files_says_how_to_proceed(built: Path, run_cli) -> None:
    _victim(built)
    victim = built.parent / "victim"
    code, _, err = run_cli("build", "--site", built, "--output", victim)
    assert code == 1
    assert err.splitlines()[0] == (
        f"error: the --output folder {victim} is not empty and has no .articlegen-output file, "
        "the mark of a folder articlegen made: a build replaces its output folder whole, so "
        "articlegen leaves this one alone — delete the folder yourself if nothing in it is "
        "needed (a site built by an older articlegen, without the mark, is made again in "
        "full), or give --output a folder of its own, such as 'public'"
    )


def test_clean_refuses_a_folder_of_files(built: Path, run_cli) -> None:
    _victim(built)
    before = _everything(built)
    code, out, err = run_cli("clean", "--site", built, "--output", built.parent / "victim")
    assert (code, out) == (1, "")
    assert "has no .articlegen-output file" in err and "Traceback" not in err
    assert _everything(built) == before


@pytest.mark.parametrize("output", [".git", "..", CACHE_DIR])
def test_clean_refuses_a_forbidden_output(built: Path, run_cli, output: str) -> None:
    if output == ".git":
        _git(built)
    _set_output(built, output)
    before = _everything(built)
    code, _, err = run_cli("clean", "--site", built)
    assert code == 1
    assert err.startswith(f"error: site.yaml:5: output folder '{output}' is ")
    assert _everything(built) == before


def _passwd(root: Path) -> str:
    (root / "static/passwd.txt").symlink_to("/etc/passwd")
    return f"static/passwd.txt: symbolic link pointing outside the site ({Path('/etc/passwd').resolve()})"


def _linked_etc(root: Path) -> str:
    (root / "static/etc").symlink_to("/etc")
    return f"static/etc: symbolic link pointing outside the site ({Path('/etc').resolve()})"


def _static_itself(root: Path) -> str:
    elsewhere = root.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("private")
    os.rename(root / "static", root.parent / "static-moved")
    (root / "static").symlink_to(elsewhere)
    return f"static: symbolic link pointing outside the site ({elsewhere.resolve()})"


def _loop(root: Path) -> str:
    (root / "static/loop.css").symlink_to(root / "static/loop.css")
    return "static/loop.css: symbolic link loop (loop.css -> "


def _loop_pair(root: Path) -> str:
    (root / "static/ping").symlink_to("pong")
    (root / "static/pong").symlink_to("ping")
    return "static/ping: symbolic link loop (ping -> pong leads back to itself)\n" + (
        "static/pong: symbolic link loop (pong -> ping leads back to itself)"
    )


def _folder_loop(root: Path) -> str:
    (root / "static/img/again").symlink_to(root / "static/img/again")
    return "static/img/again: symbolic link loop (again -> "


def _collision(root: Path) -> str:
    (root / "static/b").mkdir()
    (root / "static/b/index.html").write_text("<p>a static page</p>")
    return (
        "static/b/index.html: this static file would be published as b/index.html, which is "
        "the generated page /b/ — rename or move the static file (or change the slug of the "
        "page's article)"
    )


def _fifo(root: Path) -> str:
    os.mkfifo(root / "static/feed.xml")  # copying a named pipe would wait for a writer forever
    return "static/feed.xml: not a regular file but a named pipe (FIFO) — only ordinary files"


def _linked_cache(root: Path) -> str:
    """The build cache is inside the site, but holds the text of drafts."""
    (root / "static/c.sqlite").symlink_to(f"../{CACHE_DIR}/cache.sqlite")
    return (
        f"static/c.sqlite: symbolic link to {CACHE_DIR}/cache.sqlite, which is hidden: "
        f"{CACHE_DIR} is never published, and a link does not publish it either — remove the "
        "link, or copy the file into static/ if it is meant to be published"
    )


def _linked_git_config(root: Path) -> str:
    """``.git/config`` may carry a remote's address with a token in it."""
    _git(root)
    (root / ".git/config").write_text("[remote]\n")
    (root / "static/img/config.txt").symlink_to(root / ".git/config")
    return "static/img/config.txt: symbolic link to .git/config, which is hidden"


STATIC_ATTACKS = {
    "static link into the build cache": _linked_cache,
    "static link into .git": _linked_git_config,
    "static link to /etc/passwd": _passwd,
    "static link to /etc": _linked_etc,
    "static/ itself a link out": _static_itself,
    "static link to itself": _loop,
    "static links to each other": _loop_pair,
    "static folder link to itself": _folder_loop,
    "static file on a page's path": _collision,
    "static named pipe": _fifo,
}


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("name", STATIC_ATTACKS)
def test_a_static_file_the_site_cannot_publish_is_a_placed_error(
    built: Path, run_cli, name: str, command: str
) -> None:
    expected = STATIC_ATTACKS[name](built)
    before = snapshot(built / "public")
    code, out, err = run_cli(command, "--site", built)
    assert code == 1, err
    assert out == "" and "Traceback" not in err
    *lines, last = err.splitlines(keepends=True)
    assert len(lines) == len(expected.splitlines())
    for line, start in zip(lines, expected.splitlines(), strict=True):
        assert line.startswith(f"error: {start}")
    errors = "1 error" if len(lines) == 1 else f"{len(lines)} errors"
    assert last == failure_summary(command).replace("1 error", errors)
    assert snapshot(built / "public") == before
