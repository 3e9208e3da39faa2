"""The golden site: a small input tree and the exact output it builds to, kept in the repository.

``tests/fixtures/golden/site/`` holds a few articles that use See Also, tags, references
and a citation, a ``[[wiki link]]``, a link to a heading of another article, an image from
``static/``, a video block and a content warning; ``tests/fixtures/golden/expected/`` holds
every file its build writes. ``tests/integration/test_golden.py`` compares the two file by file, so any change to
the output shows up as a failing test, and, once regenerated, as a diff a reviewer reads::

    PYTHONPATH=src python -m tests.golden --update   # rewrite expected/ from the current code
    PYTHONPATH=src python -m tests.golden            # say which files differ, exit 1 if any

The build is deterministic (a fixed ``--today``, no cache, one process, search off), so
nothing is normalised. Files the theme ships unchanged (``assets/style.css`` …) are left out
of the expected tree: they are copies of ``src/articlegen/theme/static/`` and would only make
every theme edit show twice.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import articlegen
from articlegen.cli import main as run_articlegen

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
SITE = GOLDEN / "site"
EXPECTED = GOLDEN / "expected"
THEME_STATIC = Path(articlegen.__file__).parent / "theme" / "static"
TODAY = "2024-06-01"
"""The day review dates are judged against; it shapes no page, but keeps warnings fixed."""


def build(workdir: Path) -> Path:
    """Build a copy of the golden site in ``workdir`` (the fixture stays untouched); return
    its output folder. ``--strict``: the golden site builds without a warning."""
    site = shutil.copytree(SITE, workdir / "site")
    output = workdir / "public"
    argv = ["build", "--site", str(site), "--output", str(output), "--today", TODAY]
    code = run_articlegen([*argv, "--jobs", "1", "--no-cache", "--strict", "--quiet"])
    if code != 0:
        raise RuntimeError(f"the golden site failed to build (exit {code}); see the errors above")
    return output


def tree(root: Path) -> dict[str, bytes]:
    """Relative path → bytes of every file under ``root``, but the theme's unchanged copies."""
    files = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        theme_copy = THEME_STATIC / name
        if path.is_file() and not (
            theme_copy.is_file() and theme_copy.read_bytes() == path.read_bytes()
        ):
            files[name] = path.read_bytes()
    return files


def differences(built: dict[str, bytes], expected: dict[str, bytes]) -> list[str]:
    """One line per file that is missing, unexpected or different."""
    return [
        f"{name}: "
        + (
            "missing"
            if name not in built
            else "not expected"
            if name not in expected
            else "differs"
        )
        for name in sorted(built.keys() | expected.keys())
        if built.get(name) != expected.get(name)
    ]


def update(built: dict[str, bytes]) -> None:
    """Make ``expected/`` exactly ``built``."""
    shutil.rmtree(EXPECTED, ignore_errors=True)
    for name, data in built.items():
        (EXPECTED / name).parent.mkdir(parents=True, exist_ok=True)
        (EXPECTED / name).write_bytes(data)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.golden", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--update", action="store_true", help="rewrite expected/ from the build")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        built = tree(build(Path(workdir)))
    if args.update:
        update(built)
        print(f"wrote {len(built)} files to {EXPECTED}")
        return 0
    problems = differences(built, tree(EXPECTED))
    print("\n".join(problems) or "the golden site builds to expected/")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
