"""The publish workflow: valid for actionlint, and doing what docs/publishing.md promises."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from articlegen.cli import main
from articlegen.core.layout import CACHE_DIR, IMAGE_COPIES
from articlegen.incremental.cachefile import DATABASE, LINKS, SECRET
from articlegen.incremental.movedaway import PUBLISHED
from articlegen.output import variants as encoder
from tests.conftest import article, parse
from tests.integration.test_images import add_image, photo_exif

REPO = Path(__file__).parents[1]
WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    """Run actionlint (installed by the test extra) on one workflow file."""
    binary = shutil.which("actionlint")
    assert binary, "actionlint is missing: pip install -e '.[dev]'"
    return subprocess.run(
        [binary, "-no-color", str(path)], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow: dict[Any, Any], job: str) -> list[dict[str, Any]]:
    return workflow["jobs"][job]["steps"]


def test_workflow_passes_actionlint() -> None:
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_really_checks(tmp_path: Path) -> None:
    broken = tmp_path / "publish.yml"
    text = WORKFLOW.read_text(encoding="utf-8").replace("needs: build", "needs: biuld")
    broken.write_text(text.replace("steps.pages.outputs", "steps.pagse.outputs"))
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'job "deploy" needs job "biuld" which does not exist' in result.stdout
    assert 'property "pagse" is not defined' in result.stdout


def test_triggers_are_push_to_main_and_pull_requests(workflow: dict[Any, Any]) -> None:
    triggers = workflow[True]  # YAML 1.1 reads the key 'on' as true
    assert triggers["push"] == {"branches": ["main"]}
    assert "pull_request" in triggers
    assert workflow["permissions"] == {"contents": "read"}


def test_it_also_runs_daily_so_scheduled_articles_appear_on_their_day(
    workflow: dict[Any, Any],
) -> None:
    (cron,) = [entry["cron"] for entry in workflow[True]["schedule"]]
    minute, hour, *every = cron.split()
    assert every == ["*", "*", "*"] and minute.isdigit() and hour.isdigit()


def test_every_action_is_pinned_to_a_commit(workflow: dict[Any, Any]) -> None:
    used = [s["uses"] for job in workflow["jobs"] for s in steps(workflow, job) if "uses" in s]
    assert len(used) == 9
    assert [u for u in used if not PINNED.match(u)] == []


def test_build_is_strict_and_uses_the_pages_base_url(workflow: dict[Any, Any]) -> None:
    by_name = {s.get("name"): s for s in steps(workflow, "build")}
    names = list(by_name)
    address = by_name["Choose the site's address"]
    assert names.index("Configure GitHub Pages") < names.index("Choose the site's address")
    assert names.index("Choose the site's address") < names.index("Check")
    assert address["env"]["PAGES_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert address["run"] == 'echo "BASE_URL=${PAGES_URL:-$DEFAULT_URL}" >> "$GITHUB_ENV"'
    assert by_name["Check"]["run"] == 'articlegen check --strict --base-url "$BASE_URL"'
    build = by_name["Build"]
    assert build["run"] == 'articlegen build --strict --output _site --base-url "$BASE_URL"'
    assert by_name["Upload the site"]["with"]["path"] == "_site"


def test_pull_requests_stand_in_the_default_pages_address(workflow: dict[Any, Any]) -> None:
    """A pull request has no Pages address: the default one of the repository stands in, so
    that a blog left at base_url example.org (a warning, an error under --strict) passes."""
    step = next(s for s in steps(workflow, "build") if s.get("name") == "Choose the site's address")
    default = step["env"]["DEFAULT_URL"]
    assert default == (
        "https://${{ github.repository_owner }}.github.io/${{ github.event.repository.name }}/"
    )
    shell = subprocess.run(
        ["bash", "-c", step["run"].replace('"$GITHUB_ENV"', "/dev/stdout")],
        env={"PAGES_URL": "", "DEFAULT_URL": "https://owner.github.io/blog/"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert shell.stdout == "BASE_URL=https://owner.github.io/blog/\n"


def test_pull_requests_build_but_never_deploy(workflow: dict[Any, Any]) -> None:
    build = workflow["jobs"]["build"]
    assert "pull_request" in build["env"]["DEPLOY"] and "refs/heads/main" in build["env"]["DEPLOY"]
    gated = [
        s["uses"].split("@")[0] for s in build["steps"] if s.get("if") == "env.DEPLOY == 'true'"
    ]
    assert gated == ["actions/configure-pages", "actions/upload-pages-artifact"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["if"] == "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert steps(workflow, "deploy")[0]["uses"].startswith("actions/deploy-pages@")


def test_the_build_cache_is_restored_before_the_check_and_saved_per_run(
    workflow: dict[Any, Any],
) -> None:
    names = [s.get("name") for s in steps(workflow, "build")]
    assert names.index("Restore the build cache") < names.index("Check") < names.index("Build")
    cache = steps(workflow, "build")[names.index("Restore the build cache")]
    assert cache["uses"].startswith("actions/cache@")
    # the database, its records' key, the images' copies and the record of what the last
    # run published (moved-away notes), not the spare output tree
    assert cache["with"]["path"].splitlines() == [
        f"{CACHE_DIR}/{DATABASE}",
        f"{CACHE_DIR}/{SECRET}",
        f"{CACHE_DIR}/{IMAGE_COPIES}/",
        f"{CACHE_DIR}/{PUBLISHED}",
    ]
    version = "${{ hashFiles('requirements.txt') }}"
    inputs = "${{ hashFiles('templates/**', 'site.yaml') }}"
    prefix = f"articlegen-${{{{ runner.os }}}}-{version}-"
    assert cache["with"]["key"] == f"{prefix}{inputs}-${{{{ github.run_id }}}}"
    assert cache["with"]["restore-keys"].splitlines() == [f"{prefix}{inputs}-", prefix]


def test_it_installs_what_requirements_txt_names(workflow: dict[Any, Any]) -> None:
    """One workflow for this repository and for every blog 'articlegen init' starts: what
    differs, the articlegen to install, is in requirements.txt (here: this repository)."""
    by_name = {s.get("name"): s for s in steps(workflow, "build")}
    assert by_name["Install articlegen"]["run"] == "python -m pip install -r requirements.txt"
    setup = next(s for s in steps(workflow, "build") if "setup-python" in s.get("uses", ""))
    assert setup["with"]["cache-dependency-path"] == "requirements.txt"
    names = [
        line for line in (REPO / "requirements.txt").read_text().splitlines() if line[:1] != "#"
    ]
    assert names == [".[search]"]


def test_the_blog_in_this_repository_passes_the_strict_check(capsys) -> None:
    """As the workflow checks it, with the address it passes."""
    url = "https://owner.github.io/blog/"
    code = main(["check", "--strict", "--no-cache", "--base-url", url, "--site", str(REPO)])
    assert code == 0, capsys.readouterr().err


def test_links_are_checked_daily_in_a_job_of_their_own(workflow: dict[Any, Any]) -> None:
    """The daily run fails on a dead reference without holding up publishing."""
    [daily] = workflow[True]["schedule"]
    minute, hour, *every = daily["cron"].split()
    assert every == ["*", "*", "*"] and 0 <= int(minute) < 60 and 0 <= int(hour) < 24
    links = workflow["jobs"]["links"]
    assert links["if"] == (
        "github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'"
    )
    assert "needs" not in links
    assert all(job.get("needs") != "links" for job in workflow["jobs"].values())
    by_name = {s.get("name"): s for s in steps(workflow, "links")}
    names = list(by_name)
    assert names.index("Install articlegen") < names.index("Restore the link cache")
    assert names.index("Restore the link cache") < names.index("Check links")
    assert by_name["Check links"]["run"] == "articlegen check --links"
    cache = by_name["Restore the link cache"]["with"]
    assert cache["path"] == f"{CACHE_DIR}/{LINKS}"
    assert cache["key"] == "articlegen-links-${{ runner.os }}-${{ github.run_id }}"
    assert cache["restore-keys"] == "articlegen-links-${{ runner.os }}-"


def test_a_runner_restoring_the_cached_paths_encodes_no_image_again(
    workflow: dict[Any, Any], site, run_cli, monkeypatch, tmp_path: Path
) -> None:
    """A fresh runner has the repository and what the cache step restores, nothing else:
    built that way, the site encodes none of its images' copies again (without the copies
    among the paths, every run encoded every image)."""
    root = site({"a.md": article("A", "![A walk](images/walk.jpg)\n\n![A chart](images/c.png)")})
    add_image(root, "images/walk.jpg", (1600, 900), exif=photo_exif())
    add_image(root, "images/c.png", (800, 450))
    encoded: list[str] = []
    real = encoder._encode_job

    def spy(job, *rest):  # type: ignore[no-untyped-def]
        encoded.append(job.shown)
        return real(job, *rest)

    monkeypatch.setattr(encoder, "_encode_job", spy)
    assert run_cli("build", "--site", root)[0] == 0
    assert sorted(encoded) == ["static/images/c.png", "static/images/walk.jpg"]
    first = parse(root / "public/a/index.html")

    runner = tmp_path / "runner"
    shutil.copytree(root / "content", runner / "content")  # the checkout
    shutil.copytree(root / "static", runner / "static")
    shutil.copy2(root / "site.yaml", runner / "site.yaml")
    step = next(s for s in steps(workflow, "build") if s.get("name") == "Restore the build cache")
    for cached in step["with"]["path"].splitlines():  # what actions/cache restores
        source, target = root / cached, runner / cached
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    encoded.clear()
    assert run_cli("build", "--site", runner)[0] == 0
    assert encoded == []
    again = parse(runner / "public/a/index.html")
    srcsets = [n.attributes["srcset"] for n in again.css("picture source, picture img")]
    assert srcsets == [n.attributes["srcset"] for n in first.css("picture source, picture img")]
    for srcset in srcsets:
        for candidate in srcset.split(", "):
            assert (runner / "public" / candidate.split()[0].lstrip("/")).is_file()
