"""articlegen: a static-site generator for health article blogs."""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing here would widen the moments a
# Ctrl-C ends 'articlegen' with a traceback, before __main__.run can catch it
if TYPE_CHECKING:
    from .build import build_site
    from .core.model import BuildOptions, BuildResult

__all__ = ["BuildOptions", "BuildResult", "build_site"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``articlegen.build_site`` and friends, imported on first use: ``import articlegen.cli``
    then loads no build stage it does not need (PEP 562)."""
    if name == "build_site":
        from .build import build_site

        return build_site
    if name in ("BuildOptions", "BuildResult"):
        from .core import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
