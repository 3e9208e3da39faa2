"""articlegen as a user gets it: a wheel built from the sources, installed with pip into a
fresh virtual environment with every runtime dependency at exactly its floor (the oldest
release pyproject.toml allows), then used from a folder of the user's own.

This proves the floors (a dependency older than the code needs fails here, as watchdog 6
did: ``serve`` died on ``FileAttribEvent``), the packaging (a wheel that installs without a
warning, with its license and version) and the commands outside the repository. It needs
the package index, as any install does; the module's tests share one environment, built
once (under a minute).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import articlegen
from tests.serving import serve_and_stop

ROOT = Path(__file__).parents[2]
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "src")
"""What a wheel is built from; nothing else of the repository comes along."""
TIMEOUT = 600


def floors() -> list[str]:
    """``name==floor`` for every runtime dependency in pyproject.toml, with its environment
    marker if it has one (a dependency only some platforms have wheels for); a cap (``<3.2``)
    is allowed where the code relies on a library's internals."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = []
    for requirement in project["dependencies"]:
        match = re.fullmatch(
            r"([A-Za-z0-9._-]+)>=([0-9][0-9.]*)(?:,<[0-9][0-9.]*)?(;.*)?", requirement
        )
        assert match, f"{requirement!r}: write each runtime dependency as name>=floor[,<cap]"
        pins.append(f"{match[1]}=={match[2]}{match[3] or ''}")
    return pins


@dataclass(frozen=True)
class Installed:
    """A fresh environment with the wheel and the floors in it."""

    venv: Path
    built: str
    """pip's output while building the wheel."""
    installed: str
    """pip's output while installing the wheel."""

    def command(self, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        """``articlegen ARGS`` as the environment's own script, run in ``cwd``."""
        return subprocess.run(
            [str(self.script()), *args],
            cwd=cwd,
            env=user_environment(),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )

    def script(self) -> Path:
        return self.venv / "bin" / "articlegen"


def user_environment() -> dict[str, str]:
    """This process's environment without what points Python at the repository's sources."""
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return {**environ, "NO_COLOR": "", "FORCE_COLOR": ""}


def pip(*args: str) -> str:
    """Run this interpreter's pip; its output (stdout and stderr), failing the test on error."""
    done = subprocess.run(
        [sys.executable, "-m", "pip", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        env=user_environment(),
    )
    assert done.returncode == 0, f"pip {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    if os.name != "posix":
        pytest.skip("the environment's layout (bin/) and Ctrl-C are POSIX ones")
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            source.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    built = pip("wheel", "--no-deps", "--wheel-dir", str(work / "dist"), str(source))
    (wheel,) = (work / "dist").glob("articlegen-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    target = ("--python", str(venv / "bin" / "python"))
    pip(*target, "install", "--root-user-action=ignore", *floors())
    installed = pip(
        *target, "install", "--root-user-action=ignore", "--no-index", "--no-deps", str(wheel)
    )
    pip(*target, "check")  # the floors together satisfy each other's requirements
    yield Installed(venv, built, installed)


def _complaints(output: str) -> list[str]:
    """pip's warnings and deprecations, less this machine's own index settings."""
    return [
        line
        for line in output.splitlines()
        if re.search(r"warning|deprecat", line, re.IGNORECASE)
        and not re.match(r"WARNING: Location '[^']*' is ignored", line)
    ]


def test_the_wheel_builds_and_installs_without_a_warning(installed: Installed) -> None:
    assert "Successfully built articlegen" in installed.built
    assert _complaints(installed.built) == []
    assert "Successfully installed articlegen" in installed.installed
    assert _complaints(installed.installed) == []


def test_the_floors_are_what_is_installed(installed: Installed) -> None:
    listed = pip("--python", str(installed.venv / "bin" / "python"), "list", "--format=freeze")
    have = {
        name.lower().replace("_", "-"): version
        for name, version in (line.split("==") for line in listed.splitlines() if "==" in line)
    }
    for pin in floors():
        requirement, _, marker = pin.partition(";")
        name, version = requirement.split("==")
        name = name.lower().replace("_", "-")
        if marker and name not in have:  # a platform its marker leaves out
            continue
        assert have[name].startswith(version), pin


def test_metadata_license_and_version(installed: Installed, tmp_path: Path) -> None:
    show = (
        "from importlib.metadata import metadata, files; import articlegen;"
        "m = metadata('articlegen');"
        "print(m['Version'], m['License-Expression'], articlegen.__file__);"
        "print(*[f.name for f in files('articlegen') if f.name == 'LICENSE'])"
    )
    done = subprocess.run(
        [str(installed.venv / "bin" / "python"), "-c", show],
        cwd=tmp_path,
        env=user_environment(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=True,
    )
    (version, license, module), shipped = (line.split() for line in done.stdout.splitlines())
    assert (version, license) == (articlegen.__version__, "MIT")
    assert Path(module).is_relative_to(installed.venv)  # the wheel's code, not the sources
    assert shipped == ["LICENSE"]
    shown = installed.command("--version", cwd=tmp_path)
    assert (shown.returncode, shown.stdout) == (0, f"articlegen {version}\n"), shown.stderr


def test_init_build_check_and_serve_from_a_folder_of_ones_own(
    installed: Installed, tmp_path: Path
) -> None:
    home = tmp_path / "somewhere"
    home.mkdir()
    started = installed.command("init", "blog", cwd=home)
    assert started.returncode == 0, started.stderr
    blog = home / "blog"
    built = installed.command("build", cwd=blog)
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    assert (blog / "public" / "index.html").is_file()
    checked = installed.command("check", "--site", "blog", cwd=home)
    assert checked.returncode == 0, checked.stderr
    assert "; checked in " in checked.stdout
    code, out, err = serve_and_stop(
        [str(installed.script()), "serve", "--port", "0"], "/", cwd=blog, env=user_environment()
    )
    assert (code, "Traceback" in err) == (0, False), err
    assert out.endswith("stopped\n")


def test_readme_and_ci_install_the_tools_the_same_way() -> None:
    """CI runs exactly the command README gives developers, so README's is known to work."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (command,) = re.findall(r"^pip install -e .* && pytest$", readme, re.MULTILINE)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in ci.splitlines()
    assert "[dev]" in command
