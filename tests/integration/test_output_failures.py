"""The disk says no, or the author presses Ctrl-C: a clean message, the previous site intact,
no staging folder left behind."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from articlegen.output import staging
from tests.conftest import article
from tests.helpers import NOTHING_WRITTEN, snapshot

SRC = Path(__file__).parents[2] / "src"
HINT = "check free disk space and write permission"


@pytest.fixture
def published(site, run_cli, tmp_path: Path) -> tuple[Path, Path]:
    """(site, output) with the output in a folder of its own, built once; then changed so
    that the next build writes every page again (unchanged pages would be hard-linked)."""
    articles = {f"a{n}.md": article(f"Article {n}", "Text. " * 400) for n in range(30)}
    root = site(articles)
    output = tmp_path / "www" / "public"
    assert run_cli("build", "--site", root, "--output", output)[0] == 0
    (root / "content/new.md").write_text(article("New"), encoding="utf-8")
    config = root / "site.yaml"
    config.write_text(config.read_text().replace("Example Site", "Example Site Two"))
    return root, output


def leftovers(output: Path) -> list[str]:
    return sorted(p.name for p in output.parent.iterdir() if p.name != output.name)


def _writable(folder: Path) -> bool:
    probe = folder / ".write-probe"
    try:
        probe.mkdir()
    except OSError:
        return False
    probe.rmdir()
    return True


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """chmod for ordinary users; for root (which ignores modes), the immutable attribute."""
    folder.chmod(0o555)
    immutable = False
    try:
        if _writable(folder) and shutil.which("chattr"):
            immutable = subprocess.run(["chattr", "+i", folder], check=False).returncode == 0
        if _writable(folder):
            pytest.skip("this file system cannot make a folder read-only for this user")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", folder], check=True)
        folder.chmod(0o755)


def test_read_only_output_folder_is_a_clean_error(published, run_cli) -> None:
    root, output = published
    before = snapshot(output)
    with read_only(output.parent):
        code, _, err = run_cli("build", "--site", root, "--output", output)
    assert code == 1
    first, last = err.splitlines(keepends=True)
    assert first.startswith(f"error: cannot write the site to {output}: ")
    assert first.endswith(f" — {HINT}\n")
    assert last == NOTHING_WRITTEN
    assert "Traceback" not in err
    assert snapshot(output) == before
    assert leftovers(output) == []


def _limit_file_size() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_FSIZE, (8_000, 8_000))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def test_full_disk_is_a_clean_error(published) -> None:
    """A real write failure: the OS refuses files over 8 kB, as a full disk refuses any."""
    root, output = published
    before = snapshot(output)
    result = subprocess.run(
        [sys.executable, "-m", "articlegen", "build", "--site", root, "--output", output],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC), "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=_limit_file_size,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr == (
        f"error: cannot write the site to {output}: File too large — {HINT}\n{NOTHING_WRITTEN}"
    )
    assert "Traceback" not in result.stderr
    assert snapshot(output) == before
    assert leftovers(output) == []


def _fail_on_call(
    monkeypatch, method: str, number: int, exc: BaseException, owner: object = Path
) -> None:
    """Make the ``number``-th call of ``owner.<method>`` (a method of ``Path``, or a function
    of a module) raise ``exc`` (earlier ones work)."""
    original = getattr(owner, method)
    calls = []

    def patched(*args, **kwargs):
        calls.append(args)
        if len(calls) == number:
            raise exc
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, method, patched)


def test_disk_full_half_way_through_writing(published, run_cli, monkeypatch) -> None:
    root, output = published
    before = snapshot(output)
    _fail_on_call(monkeypatch, "_write_new", 20, OSError(28, "No space left on device"), staging)
    code, _, err = run_cli("build", "--site", root, "--output", output)
    assert code == 1
    assert err == (
        f"error: cannot write the site to {output}: No space left on device — {HINT}\n"
        + NOTHING_WRITTEN
    )
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_disk_full_while_linking_unchanged_files(published, run_cli, monkeypatch) -> None:
    """A rebuild hard-links the files that did not change from the previous output; a full
    disk fails those links and the copies they fall back to, and is reported the same way."""
    root, output = published
    before = snapshot(output)

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "link", full)
    monkeypatch.setattr(shutil, "copy2", full)
    code, _, err = run_cli("build", "--site", root, "--output", output)
    assert code == 1
    assert err == (
        f"error: cannot write the site to {output}: No space left on device — {HINT}\n"
        + NOTHING_WRITTEN
    )
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_ctrl_c_half_way_through_writing(published, run_cli, monkeypatch) -> None:
    root, output = published
    before = snapshot(output)
    _fail_on_call(monkeypatch, "_write_new", 20, KeyboardInterrupt(), staging)
    code, out, err = run_cli("build", "--site", root, "--output", output)
    assert (code, out, err) == (130, "", "error: interrupted; the previous output is untouched\n")
    assert snapshot(output) == before
    assert leftovers(output) == []


def test_ctrl_c_between_the_two_renames_puts_the_old_site_back(
    published, run_cli, monkeypatch
) -> None:
    root, output = published
    before = snapshot(output)
    _fail_on_call(monkeypatch, "rename", 2, KeyboardInterrupt())  # 1: old aside, 2: new in
    code, _, _ = run_cli("build", "--site", root, "--output", output)
    assert code == 130
    assert snapshot(output) == before
    assert leftovers(output) == []


def _published_new_site(output: Path) -> bool:
    """Whether ``output`` holds the site as ``published`` changed it (not the first build)."""
    return "Example Site Two" in (output / "index.html").read_text(encoding="utf-8")


def test_ctrl_c_while_the_old_site_is_deleted_is_a_finished_build(
    published, run_cli, monkeypatch
) -> None:
    """After the second rename the new site is published: an interruption while the old one
    is deleted must not be reported as "the previous output is untouched", and the old one
    is deleted all the same."""
    root, output = published
    real_rmtree, interrupted = shutil.rmtree, []

    def rmtree(path, *args, **kwargs):
        if ".old-" in Path(path).name and not interrupted:
            interrupted.append(path)
            real_rmtree(Path(path) / "a1", *args, **kwargs)  # half-way through
            raise KeyboardInterrupt
        return real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", rmtree)
    # --no-cache: with the cache, the old site is not deleted but kept as the spare
    code, out, err = run_cli("build", "--site", root, "--output", output, "--no-cache")
    assert (code, err) == (0, ""), err
    assert out.startswith("31 articles, ")
    assert interrupted and _published_new_site(output)
    assert leftovers(output) == []


def test_sigint_during_the_swap_waits_until_the_swap_is_done(
    published, run_cli, monkeypatch
) -> None:
    """A real SIGINT right after the old site is moved aside: held until the new site is in
    and the old one deleted, then the build ends as a success; the handler is put back."""
    root, output = published
    original, renames = Path.rename, []

    def rename(self, target):
        result = original(self, target)
        renames.append(self)
        if len(renames) == 1:  # the old site is aside, the new one not yet in
            signal.raise_signal(signal.SIGINT)
        return result

    monkeypatch.setattr(Path, "rename", rename)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    # --no-cache: two renames only (with the cache, a third keeps the old site as the spare)
    code, _, err = run_cli("build", "--site", root, "--output", output, "--no-cache")
    assert (code, err, len(renames)) == (0, "", 2)
    assert _published_new_site(output)
    assert leftovers(output) == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_real_sigint_during_a_build(published) -> None:
    """SIGINT sent to a real build process once its staging folder appears."""
    root, output = published
    for n in range(200):
        (root / f"content/b{n}.md").write_text(article(f"Bulk {n}", "Words. " * 200))
    command = [sys.executable, "-m", "articlegen", "build", "--site", root, "--output", output]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    outcomes = []
    for _attempt in range(3):
        before = snapshot(output)
        process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
        while process.poll() is None and not any(".staging-" in n for n in leftovers(output)):
            time.sleep(0.001)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=120)
        assert "Traceback" not in err
        assert leftovers(output) == []
        outcomes.append(process.returncode)
        if process.returncode == 130:
            assert err == "error: interrupted; the previous output is untouched\n"
            assert snapshot(output) == before
            break
        # The build finished before the signal arrived: the new site is complete.
        assert process.returncode == 0, err
        assert (output / "b199/index.html").is_file()
    assert 130 in outcomes, f"the signal never arrived mid-build: {outcomes}"


def test_ctrl_c_while_the_cache_is_saved_says_the_site_was_written(
    published, run_cli, monkeypatch
) -> None:
    """After the swap the new site is out: an interruption while the build cache is saved
    must say so, not "the previous output is untouched"."""
    from articlegen import build

    root, output = published

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "save_cache", interrupted)
    code, _, err = run_cli("build", "--site", root, "--output", output)
    assert code == 130
    assert err == (
        f"error: interrupted after the new site was written to {output}; the build cache"
        " was not saved, so the next build does more work\n"
    )
    assert _published_new_site(output)
    monkeypatch.undo()
    assert run_cli("build", "--site", root, "--output", output)[0] == 0
