"""How ``articlegen serve`` takes SIGTERM (cli/serving): as Ctrl-C, unless it is not Python's
default when the preview starts."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from types import FrameType

import pytest

from articlegen.cli import serving


@pytest.fixture
def restored() -> Iterator[None]:
    before = signal.getsignal(signal.SIGTERM)
    yield
    signal.signal(signal.SIGTERM, before)


def _mine(signum: int, frame: FrameType | None) -> None:
    """A handler of the caller's own."""


@pytest.mark.usefixtures("restored")
@pytest.mark.parametrize("handler", [_mine, signal.SIG_IGN])
def test_a_handler_the_caller_set_is_left_be(handler: object) -> None:
    """A process that handles SIGTERM itself (a test harness, a program running the
    preview), or was started with it ignored, lost that handler while the preview ran."""
    signal.signal(signal.SIGTERM, handler)  # type: ignore[arg-type]
    with serving._terminate_as_ctrl_c():
        assert signal.getsignal(signal.SIGTERM) is handler
    assert signal.getsignal(signal.SIGTERM) is handler


@pytest.mark.usefixtures("restored")
def test_the_default_is_ctrl_c_while_serving() -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    with serving._terminate_as_ctrl_c():
        assert signal.getsignal(signal.SIGTERM) is serving._interrupt
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
