"""The ``articlegen`` command: parse arguments, call the library, print, pick the exit code.

``command`` is the command as a whole; each other module holds one group of commands, its
options next to the code that reads them, so adding an option touches one place."""

from .command import main

__all__ = ["main"]
