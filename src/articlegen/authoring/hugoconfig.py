"""A Hugo site's configuration, as far as an import needs it: the old site's address, its
``[permalinks]``, and ``params.mainSections`` (which types hold its posts).

Hugo reads ``hugo.toml`` (or ``config.toml``, YAML or JSON) at the site's root, else in
``config/_default/``; its keys ignore case.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.characters import decode_source
from ..core.errors import SourceError
from ..core.limits import read_regular_file
from ..core.yamldoc import load_mapping
from .mdsource import text_list

CONFIG_NAMES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml",
                "config.yml", "config.json")  # fmt: skip


@dataclass(frozen=True, slots=True)
class HugoConfig:
    """What of the configuration an import uses."""

    site_url: str | None
    permalinks: dict[str, str]
    main_sections: frozenset[str] = frozenset()
    """``params.mainSections``: the types (sections) whose pages are the site's posts."""


def read_config(root: Path) -> HugoConfig:
    """What the site's configuration at ``root`` says, when it has one; a file that cannot
    be read is an error naming it."""
    folder = root / "config" / "_default"
    files = [root / name for name in CONFIG_NAMES] + [folder / name for name in CONFIG_NAMES]
    fields = next((_load(file) for file in files if file.is_file()), {})
    base = fields.get("baseURL") or fields.get("baseurl")
    permalinks = fields.get("permalinks") or {}
    if isinstance(permalinks.get("page"), dict):  # Hugo 0.120's [permalinks.page]
        permalinks = permalinks["page"]
    params = _lower_keys(fields.get("params"))  # Hugo's keys ignore case
    for file in (folder / f"params{suffix}" for suffix in (".toml", ".yaml", ".yml", ".json")):
        if file.is_file():  # a configuration split into files, one per key
            params |= _lower_keys(_load(file))
    return HugoConfig(
        site_url=base
        if isinstance(base, str) and base.startswith(("http://", "https://"))
        else None,
        permalinks={str(k): str(v) for k, v in permalinks.items() if isinstance(v, str)},
        main_sections=frozenset(text_list(params.get("mainsections"))),
    )


def _load(file: Path) -> dict[str, Any]:
    """One configuration file's values, by its suffix: TOML, JSON or YAML."""
    display = str(file)
    text = decode_source(read_regular_file(file, display, SourceError), display, SourceError)
    try:
        if file.suffix == ".toml":
            return tomllib.loads(text)
        if file.suffix == ".json":
            loaded = json.loads(text)
            return loaded if isinstance(loaded, dict) else {}
    except ValueError as exc:  # TOMLDecodeError is one
        raise SourceError(f"the Hugo configuration cannot be read: {exc}", display) from exc
    entries, _problems = load_mapping(text, display, SourceError)
    return {key: entry.value for key, entry in entries.items()}


def _lower_keys(value: Any) -> dict[str, Any]:
    """A mapping's keys as Hugo reads them, ignoring case."""
    return {str(k).lower(): v for k, v in value.items()} if isinstance(value, dict) else {}
