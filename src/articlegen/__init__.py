"""articlegen: a static-site generator for health article blogs."""

from .build import build_site
from .model import BuildOptions, BuildResult

__all__ = ["BuildOptions", "BuildResult", "build_site"]
__version__ = "0.1.0"
