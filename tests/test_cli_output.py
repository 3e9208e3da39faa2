"""What the command prints around its work: version, help, colour, counts, time, Ctrl-C."""

from __future__ import annotations

import ctypes
import dataclasses
import os
import pty
import re
import signal
import subprocess
import sys
import types
from pathlib import Path

import pytest

import articlegen
from articlegen import build
from articlegen.__main__ import run
from articlegen.cli import main
from articlegen.serve import preview
from tests.conftest import article

SRC = Path(__file__).parents[1] / "src"
PLAIN_ENV = {"PYTHONPATH": str(SRC), "NO_COLOR": "", "FORCE_COLOR": "", "TERM": "xterm"}
"""A child's environment with none of the colour switches set."""


@pytest.fixture(autouse=True)
def _no_colour_switches(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests' own environment must not decide what they see."""
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([flag])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"articlegen {articlegen.__version__}\n"


def test_bare_command_prints_help_and_succeeds(run_cli) -> None:
    """As pip, cargo and docker do: a first-time user typing the name learns the commands."""
    code, out, err = run_cli()
    assert (code, err) == (0, "")
    assert out.startswith("usage: articlegen ")
    for command in ("build", "check", "serve", "new", "import", "init"):
        assert re.search(rf"^    {command} ", out, re.MULTILINE), command


def test_errors_are_plain_text_in_a_pipe(tmp_path: Path, run_cli) -> None:
    code, _, err = run_cli("check", "--site", tmp_path)
    assert code == 1 and err.startswith("error: site.yaml: no site.yaml in ")


def test_force_color_colours_the_labels_and_no_color_wins(
    site, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site(
        {"a.md": article("A", "![A chart](https://example.org/chart.png)")},
    )
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, _, err = run_cli("check", "--site", root)
    assert err.startswith("\x1b[1;33mwarning:\x1b[0m content/a.md:")
    code, _, err = run_cli("check", "--site", root / "nowhere")
    assert code == 1 and err.startswith("\x1b[1;31merror:\x1b[0m site.yaml: there is no folder")
    monkeypatch.setenv("NO_COLOR", "1")
    _, _, err = run_cli("check", "--site", root)
    assert err.startswith("warning: content/a.md:") and "\x1b" not in err


def test_a_terminal_gets_colour(tmp_path: Path) -> None:
    """The real thing: the command run on a pseudo-terminal, as in a user's shell."""
    reader, writer = pty.openpty()
    try:
        process = subprocess.run(
            [sys.executable, "-m", "articlegen", "check", "--site", str(tmp_path)],
            stdin=subprocess.DEVNULL,
            stdout=writer,
            stderr=writer,
            env={**os.environ, **PLAIN_ENV},
            timeout=60,
            check=False,
        )
        os.close(writer)
        writer = -1
        shown = _read_all(reader)
    finally:
        os.close(reader)
        if writer != -1:
            os.close(writer)
    assert process.returncode == 1
    assert shown.startswith("\x1b[1;31merror:\x1b[0m site.yaml: no site.yaml in ")


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the terminal's other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8")


def test_counts_have_thousands_separators(site, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large site's summary, from a real check whose counts are scaled up."""
    root = site({"a.md": article("A", "[[B]]"), "b.md": article("B", "[[A]]")})
    real = build.build_with_saved_cache

    def large(*args: object, **kwargs: object) -> articlegen.BuildResult:
        result = real(*args, **kwargs)
        return dataclasses.replace(
            result,
            articles=1_500,
            pages=result.pages * 700,
            rendered=frozenset(map(str, range(3_300))),
        )

    monkeypatch.setattr(build, "build_with_saved_cache", large)
    code, out, _ = run_cli("check", "--site", root)
    assert code == 0
    assert re.fullmatch(
        r"1,500 articles, \d,\d{3} pages \(\d,\d{3} rendered, the rest unchanged\);"
        r" checked in \d+\.\d\d s; no output written\n",
        out,
    )


@pytest.mark.skipif(
    not Path("/proc/self/stat").is_file(), reason="elsewhere the clock starts with the import"
)
def test_the_summary_prints_the_wall_time_of_the_whole_command(site) -> None:
    """Start-up counts: here a second spent before the CLI is even loaded."""
    root = site({"a.md": article("A")})
    script = (
        "import sys, time; time.sleep(1.0); from articlegen.__main__ import run;"
        f" sys.argv = ['articlegen', 'check', '--site', {str(root)!r}]; sys.exit(run())"
    )
    process = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, **PLAIN_ENV},
        timeout=120,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    seconds = float(re.search(r"checked in (\d+\.\d\d) s", process.stdout)[1])
    assert seconds >= 1.0


def test_ctrl_c_while_serve_loads_says_stopped(
    site, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site({"a.md": article("A")})

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(preview.Preview, "__init__", interrupted)
    assert run_cli("serve", "--site", root, "--port", "0") == (0, "stopped\n", "")


def test_ctrl_c_during_the_first_build_of_serve_says_stopped(
    site, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Serving writes no output folder: "the previous output is untouched" would be noise."""
    root = site({"a.md": article("A")})

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(preview, "build_site", interrupted)
    assert run_cli("serve", "--site", root, "--port", "0") == (0, "stopped\n", "")


def test_serve_says_stopped_after_the_lines_of_a_rebuild_that_ends_as_it_stops(
    site, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during a rebuild: stopping waits for the rebuild, whose lines come before
    "stopped" rather than after it (a new-user trial saw them after)."""
    root = site({"a.md": article("A")})

    class Rebuilding:
        url = "http://127.0.0.1:1/"

        def __init__(self, *args: object, log, **kwargs: object) -> None:
            self.log = log

        def start(self) -> Rebuilding:
            return self

        def serve_forever(self) -> None:
            raise KeyboardInterrupt

        def stop(self) -> None:
            self.log("12:00:00 built 1 article")

    monkeypatch.setattr(preview, "Preview", Rebuilding)
    code, out, err = run_cli("serve", "--site", root, "--port", "0")
    assert (code, err) == (0, "")
    assert out.splitlines()[-2:] == ["12:00:00 built 1 article", "stopped"]


def test_ctrl_c_while_the_command_loads_is_a_word_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Loading(types.ModuleType):
        """The CLI module halfway through its imports when Ctrl-C comes."""

        def __getattr__(self, name: str) -> object:
            raise KeyboardInterrupt

    monkeypatch.setitem(sys.modules, "articlegen.cli", Loading("articlegen.cli"))
    before = signal.getsignal(signal.SIGINT)
    try:
        assert run() == 130
        # the process ends here: a second Ctrl-C could only cut it short
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
    assert capsys.readouterr() == ("", "error: interrupted\n")


def _unhandled_interrupt_flag() -> ctypes.c_int:
    """CPython 3.8-3.11's note of a KeyboardInterrupt that left ``exec``'d code; later
    versions keep it where ctypes cannot reach."""
    try:
        return ctypes.c_int.in_dll(ctypes.pythonapi, "_Py_UnhandledKeyboardInterrupt")
    except ValueError:
        pytest.skip("this Python keeps the note out of reach")


def test_a_handled_ctrl_c_leaves_no_note_that_would_end_the_process_by_the_signal(
    site, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Ctrl-C landing in ``exec``'d code (a dataclass being made as a module loads) made
    ``python -m articlegen`` end by SIGINT (-2) after printing 'interrupted' and choosing
    130: CPython kills the process at exit when that note is set."""
    flag = _unhandled_interrupt_flag()
    root = site({"a.md": article("A")})

    def interrupted(*args: object, **kwargs: object) -> None:
        exec("raise KeyboardInterrupt")

    monkeypatch.setattr(build, "render_pages", interrupted)
    monkeypatch.setattr(sys, "argv", ["articlegen", "build", "--site", str(root)])
    before = signal.getsignal(signal.SIGINT)
    try:
        assert run() == 130
        assert flag.value == 0
    finally:
        signal.signal(signal.SIGINT, before)
        flag.value = 0
    assert capsys.readouterr().err == "error: interrupted; nothing was written\n"  # its first build


class _Wrapped:
    """A class attribute whose ``__set_name__`` is interrupted: Python 3.11 raises the
    ``KeyboardInterrupt`` wrapped in a ``RuntimeError``, as when Ctrl-C lands while a module
    of the build is imported and its dataclasses are made."""

    def __set_name__(self, owner: type, name: str) -> None:
        raise KeyboardInterrupt


def _make_a_class(*args: object, **kwargs: object) -> None:
    type("Made", (), {"field": _Wrapped()})


def test_a_ctrl_c_python_wrapped_in_another_error_is_still_an_interruption(
    site, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site({"a.md": article("A")})
    monkeypatch.setattr(build, "render_pages", _make_a_class)
    assert run_cli("build", "--site", root) == (
        130,
        "",
        "error: interrupted; nothing was written\n",  # its first build: no output to keep
    )
    monkeypatch.setattr(build, "render_pages", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):  # a real bug stays a traceback, for its report
        run_cli("build", "--site", root)


STOPPER = """
import os, signal, sys
from articlegen import build
from articlegen.cli import printing
from articlegen.__main__ import run

def stage(*args, **kwargs):
    raise KeyboardInterrupt

def stderr(line, said=printing.stderr):
    os.kill(os.getpid(), signal.SIGINT)  # a second Ctrl-C, as the first one is reported
    said(line)

build.render_pages = stage
printing.stderr = stderr
sys.exit(run())
"""


def test_a_second_ctrl_c_while_the_first_is_reported_changes_nothing(site, tmp_path: Path) -> None:
    """Ctrl-C pressed twice: the message is whole and the exit code 130, never the end by the
    signal (-2) with a traceback."""
    root = site({"a.md": article("A")})
    (tmp_path / "stopper").mkdir()
    (tmp_path / "stopper/__main__.py").write_text(STOPPER)
    src = Path(articlegen.__file__).parents[1]
    process = subprocess.run(
        [sys.executable, "-m", "stopper", "build", "--site", str(root)],
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(src)])},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (process.returncode, process.stderr) == (
        130,
        "error: interrupted; nothing was written\n",  # its first build: no output to keep
    )


@pytest.mark.parametrize("how", ["console script", "python -m"])
def test_the_command_ends_with_its_code_and_all_its_output(site, how: str) -> None:
    """The command ends its process at once (``__main__.command``): what it printed is all
    there, whether written to a pipe or a file, and the exit code is the command's."""
    root = site({"a.md": article("A", "Text.")})
    start = (
        ["-c", "import sys; from articlegen.__main__ import command; sys.argv[0] = 'articlegen';"
         " command()"]
        if how == "console script"
        else ["-m", "articlegen"]
    )  # fmt: skip
    for args, code in ((["build", "--site", str(root)], 0), (["check", "--site", "nowhere"], 1)):
        done = subprocess.run(
            [sys.executable, *start, *args],
            capture_output=True,
            text=True,
            env={**os.environ, **PLAIN_ENV},
            timeout=120,
            check=False,
        )
        assert done.returncode == code, done.stderr
        if code == 0:
            assert "1 article, " in done.stdout + done.stderr  # the summary, the last line
            assert (done.stdout + done.stderr).rstrip().endswith(" s")
            assert (root / "public" / "a" / "index.html").is_file()
        else:
            assert done.stderr.startswith("error: site.yaml: there is no folder")
    with (root / "out.txt").open("w") as file:  # a file, not a pipe: its buffer is flushed too
        subprocess.run(
            [sys.executable, *start, "report", "--site", str(root), "--format", "csv"],
            stdout=file,
            env={**os.environ, **PLAIN_ENV},
            timeout=120,
            check=True,
        )
    assert (root / "out.txt").read_text(encoding="utf-8").splitlines()[1].startswith("a,")
