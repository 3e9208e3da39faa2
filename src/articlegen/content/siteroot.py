"""The error for a folder that holds no ``site.yaml``, saying where the site is when it is
near: a new user's first slip is running ``articlegen build`` beside the folder ``init`` just
made, or inside its ``content/``, or having saved the settings as ``site.yml``."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import ConfigError
from ..core.layout import CONFIG_FILE

_HINT = "run in the site folder, pass --site DIR, or start one with 'articlegen init'"


def missing_config(root: Path) -> ConfigError:
    """The error for a folder that is not a site, pointing to the site nearby if there is
    one, else to ``articlegen init``; a folder that does not exist (a mistyped ``--site``)
    is named as such."""
    if not root.exists():
        return ConfigError(
            f"there is no folder {root}", CONFIG_FILE, hint="check the path given with --site"
        )
    if not root.is_dir():  # --site site.yaml, or an article's file
        site = next((p for p in root.parents if (p / CONFIG_FILE).is_file()), None)
        return ConfigError(
            f"{root} is a file, not a folder",
            CONFIG_FILE,
            hint=f"pass the site's folder: --site {site}"
            if site is not None
            else f"pass the folder that holds {CONFIG_FILE} with --site",
        )
    return ConfigError(f"no {CONFIG_FILE} in {root}", CONFIG_FILE, hint=_nearby(root) or _HINT)


def _nearby(root: Path) -> str:
    """How to reach a site next to ``root``: a settings file named almost right, the folder
    above, or the one folder below holding ``site.yaml``; empty when there is none."""
    try:
        names = sorted(p.name for p in root.iterdir())
        below = sorted(p.name for p in root.iterdir() if (p / CONFIG_FILE).is_file())
    except OSError:  # no such folder, or not readable: the plain hint says enough
        return ""
    for name in names:
        if name != CONFIG_FILE and name.casefold().startswith(("site.yml", "site.yaml")):
            return f"the settings file is named {name}: rename it to {CONFIG_FILE}"
    if (root.parent / CONFIG_FILE).is_file() and root.parent != root:
        return (
            f"the site is the folder above, {root.parent}: run there, or pass --site {root.parent}"
        )
    if len(below) == 1:
        site = root / below[0]
        return f"the site is the folder {site}: cd there first, or pass --site {site}"
    return ""
