"""A Ctrl-C while the search index is being made leaves no thread or process behind."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from articlegen.core.programs import find_pagefind
from articlegen.output import pagefindrun


@pytest.mark.skipif(find_pagefind() is None, reason="needs Pagefind")
def test_a_ctrl_c_as_the_timeout_starts_leaves_no_timer_and_no_pagefind(
    tmp_path: Path, monkeypatch
) -> None:
    """A Ctrl-C landing while the timeout's thread starts (as on a loaded machine) once kept
    the interpreter waiting five minutes for it after 'interrupted'."""
    (tmp_path / "a.html").write_text("<html><body><main><p>Walking.</p></main></body></html>")
    started: list[threading.Timer] = []
    real = threading.Timer.start

    def start_then_interrupt(timer: threading.Timer) -> None:
        real(timer)
        started.append(timer)
        raise KeyboardInterrupt

    popened: list[object] = []
    real_popen = pagefindrun.subprocess.Popen

    def recorded(*args: object, **kwargs: object) -> object:
        popened.append(process := real_popen(*args, **kwargs))  # type: ignore[call-overload]
        return process

    monkeypatch.setattr(threading.Timer, "start", start_then_interrupt)
    monkeypatch.setattr(pagefindrun.subprocess, "Popen", recorded)
    pagefind = find_pagefind()
    assert pagefind is not None
    with pytest.raises(KeyboardInterrupt):
        pagefindrun.run_pagefind(pagefind, tmp_path, ["a.html"])
    (timer,) = started
    timer.join(timeout=5)
    assert not timer.is_alive() and timer.daemon
    (process,) = popened
    assert process.returncode is not None  # type: ignore[attr-defined]  # reaped, not left
