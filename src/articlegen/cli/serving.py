"""``serve``: the preview, run until Ctrl-C, its build errors and warnings printed as a
build's are. The server and watcher load only when it runs: builds need neither."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

from ..core.console import say
from .arguments import Commands, port, site_argument
from .printing import EXIT_OK


def add_serve(commands: Commands) -> None:
    serve = commands.add_parser(
        "serve", help="preview the site, rebuilding and reloading as you edit"
    )
    site_argument(serve)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--port",
        type=port,
        help="port, 1-65535 (default: 8000, or the next free one if taken; a port given here"
        " that is taken is an error; 0: any free one)",
    )
    serve.add_argument(
        "--drafts",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="show draft articles, with a Draft banner (default: on)",
    )
    serve.add_argument(
        "--future",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="show scheduled articles, with a banner saying when they publish (default: on)",
    )
    serve.set_defaults(run=_serve, resident=True)


def _serve(args: argparse.Namespace) -> int:
    """Preview until Ctrl-C, which is how a preview ends: "stopped", whenever it comes (while
    loading, during the first build, or serving), and the same on SIGTERM (``kill``, a
    process manager, an editor stopping its task). Nothing about an output folder is said:
    a preview writes none."""
    preview, switch = None, sys.getswitchinterval()
    with _terminate_as_ctrl_c():
        try:
            from ..serve.preview import DEFAULT_PORT, SWITCH_SECONDS, Preview  # builds need neither

            sys.setswitchinterval(SWITCH_SECONDS)
            preview = Preview(
                args.site,
                host=args.host,
                port=DEFAULT_PORT if args.port is None else args.port,
                next_free=args.port is None,  # a port asked for is the one the user will use
                drafts=args.drafts,
                future=args.future,
                log=_log,
            )
            preview.start()
            drafts = "drafts shown" if args.drafts else "drafts hidden"
            future = "scheduled shown" if args.future else "scheduled hidden"
            print(
                f"serving {preview.url} ({drafts}, {future}); watching for changes, Ctrl-C to stop",
                flush=True,
            )
            preview.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            if preview is not None:
                preview.stop()  # waits for a rebuild under way, which may still print its lines
            sys.setswitchinterval(switch)
    print("stopped", flush=True)  # the last line, after those
    return EXIT_OK


@contextlib.contextmanager
def _terminate_as_ctrl_c() -> Iterator[None]:
    """SIGTERM raised as Ctrl-C's ``KeyboardInterrupt`` while the preview runs, so that it
    stops as promptly and says "stopped" with exit code 0, where Python's default ended the
    process on the spot, silently, by the signal. Only the main thread may set a handler:
    elsewhere (a caller's thread) SIGTERM is left as it was; so it is where it is not
    Python's default, as Python leaves SIGINT: ignored (the parent meant it so), or handled
    by the caller's own code (a test harness, a program serving a preview in its process)."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _log(line: str) -> None:
    """The preview's console: its build errors and warnings coloured as a build's are."""
    say(line, sys.stdout)
