"""``articlegen init DIR``: a site that builds at once into a small published sample, with
what a blog on GitHub needs, and the next steps printed from where the user stands."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from articlegen.authoring import scaffold
from articlegen.core.errors import ArticlegenError
from tests.conftest import parse
from tests.helpers import snapshot

REPO = Path(__file__).parents[2]
WRITTEN = [
    "myblog/site.yaml",
    "myblog/content/welcome.md",
    "myblog/static/",
    "myblog/templates/README.md",
    "myblog/.gitignore",
    "myblog/requirements.txt",
    "myblog/.github/workflows/publish.yml",
]
NEXT = [
    "",
    "Next:",
    "  cd myblog",
    "  articlegen serve     # preview it at http://127.0.0.1:8000/ as you edit",
    "  edit site.yaml       # the blog's title, address (base_url) and description",
]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's working folder, with articlegen as if installed from a package index (the
    tests' own copy is installed from a folder, which ``init`` would rightly note)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(scaffold, "_install_record", lambda: None)
    return tmp_path


def test_init_prints_every_path_from_here_and_the_next_steps(here: Path, run_cli) -> None:
    code, out, err = run_cli("init", "myblog")
    assert (code, err) == (0, "")
    assert out.splitlines() == [f"created {path}" for path in WRITTEN] + NEXT
    blog = here / "myblog"
    written = sorted(p.relative_to(here).as_posix() for p in blog.rglob("*") if p.is_file())
    assert written == sorted(p for p in WRITTEN if not p.endswith("/"))
    assert list((blog / "static").iterdir()) == []
    assert (blog / ".gitignore").read_text().splitlines()[1:] == ["/public/", "/.articlegen-cache/"]
    readme = (blog / "templates/README.md").read_text()
    assert "overrides the built-in theme's template" in readme
    (command,) = [line.strip() for line in readme.splitlines() if line.startswith("    python")]
    argv = shlex.split(command)
    printed = subprocess.run(
        [sys.executable, *argv[1:]], capture_output=True, text=True, check=True
    )
    assert (Path(printed.stdout.strip()) / "article.html").is_file()  # where the theme is


def test_init_from_inside_a_folder_prints_no_cd(here: Path, run_cli) -> None:
    code, out, _ = run_cli("init", "--site", ".")
    assert code == 0
    assert out.splitlines()[0] == "created site.yaml"
    assert "  cd ." not in out.splitlines() and "  articlegen serve" in out


def test_the_new_site_builds_at_once_into_a_published_sample(here: Path, run_cli) -> None:
    run_cli("init", "myblog")
    code, out, err = run_cli("build", "--site", "myblog")
    assert code == 0
    assert out.startswith("1 article, ")  # the welcome article is no draft
    assert "skipped" not in err  # no draft left out
    assert [line.split(":")[1:3] for line in err.splitlines()] == [
        [" content/welcome.md", "7"],  # the sample article, as init wrote it
        [" site.yaml", "5"],  # base_url: still example.org
        [" site.yaml", "8"],  # description: empty
    ]
    home = parse(here / "myblog/public/index.html")
    assert [a.text(deep=True).strip() for a in home.css(".card h2 a")] == ["Welcome"]
    assert parse(here / "myblog/public/welcome/index.html").css_first("h1").text() == "Welcome"
    assert run_cli("build", "--site", "myblog", "--strict")[0] == 1


def test_the_workflow_is_the_one_this_repository_publishes_with(here: Path, run_cli) -> None:
    run_cli("init", "myblog")
    workflow = here / "myblog/.github/workflows/publish.yml"
    assert workflow.read_bytes() == (REPO / ".github/workflows/publish.yml").read_bytes()
    requirements = (here / "myblog/requirements.txt").read_text().splitlines()
    assert [r for r in requirements if not r.startswith("#")] == [
        f"articlegen[search]=={version('articlegen')}"
    ]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_leaves_out_what_the_build_makes(here: Path, run_cli) -> None:
    run_cli("init", "myblog")
    blog = here / "myblog"
    assert run_cli("build", "--site", blog)[0] == 0
    subprocess.run(["git", "init", "-q", str(blog)], check=True)
    status = subprocess.run(
        ["git", "-C", str(blog), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert sorted(line[3:] for line in status.splitlines()) == sorted(
        p.removeprefix("myblog/") for p in WRITTEN if not p.endswith("/")
    )


def test_init_on_a_site_names_its_file_and_suggests_another_folder(here: Path, run_cli) -> None:
    run_cli("init", "myblog")
    before = snapshot(here / "myblog")
    code, out, err = run_cli("init", "myblog", "--title", "Another")
    assert (code, out) == (1, "")
    assert err == (
        "error: myblog/site.yaml already exists: that folder holds a site already — start the"
        " new site in another folder (articlegen init NEW-FOLDER), or keep working on this one\n"
    )
    assert snapshot(here / "myblog") == before


def test_files_already_there_are_kept(here: Path, run_cli) -> None:
    (here / ".gitignore").write_text("*.log\n")
    code, out, _ = run_cli("init", ".")
    assert code == 0
    assert "kept .gitignore, which was there already" in out.splitlines()
    assert (here / ".gitignore").read_text() == "*.log\n"
    assert (here / "site.yaml").is_file()


@pytest.mark.parametrize("args", [(), ("myblog",), ("--site", "myblog")])
def test_a_folder_of_other_files_is_refused_unless_forced(here: Path, run_cli, args) -> None:
    """A bare ``articlegen init`` in a folder of other work wrote the site among its files,
    as ``init DIR`` did; both refuse now, as ``hugo new site`` and ``zola init`` do, and
    ``--force`` writes beside them, overwriting none."""
    folder = here / args[-1] if args else here
    folder.mkdir(exist_ok=True)
    (folder / "notes.txt").write_text("mine\n")
    (folder / ".git").mkdir()
    code, out, err = run_cli("init", *args)
    assert (code, out) == (1, "")
    where = "myblog" if args else f"this folder ({here})"
    assert err == (
        f"error: {where} is not empty (it holds notes.txt): init starts a new site in an empty"
        " folder — give init a new folder (articlegen init NEW-FOLDER), or add --force to write"
        " the site's files beside these (a file that is there already is kept, never"
        " overwritten)\n"
    )
    assert sorted(path.name for path in folder.iterdir()) == [".git", "notes.txt"]
    code, out, err = run_cli("init", *args, "--force")
    assert (code, err) == (0, "")
    assert (folder / "site.yaml").is_file() and (folder / "notes.txt").read_text() == "mine\n"


def test_a_folder_holding_what_systems_hide_is_empty(here: Path, run_cli) -> None:
    """Windows hides Thumbs.db and desktop.ini as macOS's dot hides .DS_Store: the folder
    looks empty to the writer, who was told it held them."""
    for name in (".DS_Store", "Thumbs.db", "desktop.ini"):
        (here / name).write_text("")
    code, _, err = run_cli("init")
    assert (code, err) == (0, "")
    assert (here / "site.yaml").is_file()


def test_a_failed_init_removes_what_it_wrote(here: Path, run_cli) -> None:
    (here / "myblog").mkdir()
    (here / "myblog/templates").write_text("a file where the folder goes")
    code, out, err = run_cli("init", "myblog", "--force")
    assert (code, out) == (1, "")
    assert err.startswith("error: ") and "templates" in err and "Traceback" not in err
    assert [p.name for p in (here / "myblog").iterdir()] == ["templates"]
    code, _, err = run_cli("init", "new/deeper/blog", "--site", "x")
    assert code == 1 and "two folders given" in err


def test_a_failed_init_in_a_new_folder_leaves_no_folder(
    here: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills up at the last file: nothing of the new site is left."""
    write = scaffold.create_file

    def full_at_the_workflow(path: Path, text: str, root: Path) -> None:
        if path.name == "publish.yml":
            raise ArticlegenError(f"cannot create {path.name}: No space left on device")
        write(path, text, root)

    monkeypatch.setattr(scaffold, "create_file", full_at_the_workflow)
    code, out, err = run_cli("init", "new/blog")
    assert (code, out) == (1, "")
    assert err == "error: cannot create publish.yml: No space left on device\n"
    assert list(here.iterdir()) == []


def test_an_articlegen_installed_from_a_folder_is_noted(
    here: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = {"url": "file:///home/example/articlegen", "dir_info": {"editable": True}}
    monkeypatch.setattr(scaffold, "_install_record", lambda: record)
    code, out, err = run_cli("init", "myblog")
    assert code == 0 and out.splitlines()[-len(NEXT) :] == NEXT
    assert err == (
        "note: articlegen was installed from /home/example/articlegen, which the publish "
        "workflow cannot reach: before the first push, edit requirements.txt to name where pip "
        "finds it (a release on the package index, or articlegen[search] @ "
        "git+https://<host>/<owner>/<repository>@<tag>)\n"
    )


@pytest.mark.parametrize(
    ("record", "line"),
    [
        (None, f"articlegen[search]=={version('articlegen')}"),
        (
            {
                "url": "https://example.org/articlegen.git",
                "vcs_info": {"vcs": "git", "commit_id": "abc123"},
            },
            "articlegen[search] @ git+https://example.org/articlegen.git@abc123",
        ),
        (
            {"url": "https://example.org/articlegen-0.1.0.tar.gz", "archive_info": {}},
            "articlegen[search] @ https://example.org/articlegen-0.1.0.tar.gz",
        ),
    ],
    ids=["index", "git", "archive"],
)
def test_the_requirement_names_where_articlegen_came_from(record, line) -> None:
    assert scaffold.installed_requirement(record) == (line, None)


def test_a_git_checkout_on_this_machine_is_no_place_to_install_from() -> None:
    record = {"url": "file:///src/articlegen", "vcs_info": {"vcs": "git", "commit_id": "abc"}}
    assert scaffold.installed_requirement(record) == (
        f"articlegen[search]=={version('articlegen')}",
        "/src/articlegen",
    )
