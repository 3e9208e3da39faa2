"""A Hugo site's configuration, as far as an import needs it: the old site's address, its
``[permalinks]``, ``params.mainSections`` (which types hold its posts), and its languages.

A multilingual site (``[languages]``) is imported in its default language: articlegen
builds a site in one. A content file is in a language by its name (``walks.fr.md``) or its
language's ``contentDir`` (``content/fr/``), else in the default language
(``content_language``); its path without them is where Hugo placed it in that language.
A folder is a page bundle by its page in any of them (``index.md``, ``index.en.md``).

Hugo reads ``hugo.toml`` (or ``config.toml``, YAML or JSON) at the site's root, else in
``config/_default/``; its keys ignore case.
"""

from __future__ import annotations

import json
import posixpath
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.characters import decode_source
from ..core.errors import SourceError
from ..core.limits import read_regular_file
from ..core.yamldoc import load_mapping
from .blogsource import site_address
from .mdsource import MARKDOWN_SUFFIXES, text_list

CONFIG_NAMES = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml",
                "config.yml", "config.json")  # fmt: skip


@dataclass(frozen=True, slots=True)
class HugoConfig:
    """What of the configuration an import uses."""

    site_url: str | None
    permalinks: dict[str, str]
    main_sections: frozenset[str] = frozenset()
    """``params.mainSections``: the types (sections) whose pages are the site's posts."""
    language: str = "en"
    """``defaultContentLanguage``: the language imported."""
    language_dirs: dict[str, str] = field(default_factory=dict)
    """Each language (in lower case, as Hugo reads its key) → its ``contentDir`` under the
    site's root, ``""`` where it has none."""
    language_in_subdir: bool = False
    """``defaultContentLanguageInSubdir``: the default language's pages are under ``/en/``."""
    notes: tuple[str, ...] = ()
    """What the import says of the configuration: a ``baseURL`` naming a host with no scheme
    (``www.example.org``), taken as ``https://``."""


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
    keys = _lower_keys(fields)  # Hugo's keys ignore case
    params, languages = _lower_keys(keys.get("params")), _lower_keys(keys.get("languages"))
    for name, split in (("params", params), ("languages", languages)):
        for file in (folder / f"{name}{suffix}" for suffix in (".toml", ".yaml", ".yml", ".json")):
            if file.is_file():  # a configuration split into files, one per key
                split |= _lower_keys(_load(file))
    default = str(keys.get("defaultcontentlanguage") or "en").lower()
    dirs = {
        code: str(_lower_keys(values).get("contentdir") or "") for code, values in languages.items()
    }
    site_url, assumed = site_address(base)
    return HugoConfig(
        site_url=site_url,
        permalinks={str(k): str(v) for k, v in permalinks.items() if isinstance(v, str)},
        main_sections=frozenset(text_list(params.get("mainsections"))),
        language=default,
        language_dirs={default: ""} | dirs,
        language_in_subdir=keys.get("defaultcontentlanguageinsubdir") is True,
        notes=(f"baseURL names no scheme: the old site is taken as {site_url}",) if assumed else (),
    )


def content_language(relative: str, config: HugoConfig) -> tuple[str | None, str]:
    """Why the file at ``relative`` in the content folder (``content/``) is left out, as a
    page in another language than the default, or None; and its path without the language
    (``posts/walks.fr.md`` and, with ``contentDir = "content/fr"``, ``fr/posts/walks.md``
    are ``posts/walks.md`` in ``fr``)."""
    language, path = _language(relative, config)
    if language == config.language:
        return None, path
    return f"page in {language} (only {config.language}, the default language, is read)", path


def bundle_folder(folder: Path, config: HugoConfig) -> bool:
    """Whether ``folder`` is a leaf bundle, holding its page as ``index.md`` or, named in one
    of the site's languages, ``index.en.md``: its other files are that page's resources."""
    names = ("index", *(f"index.{code}" for code in config.language_dirs))
    suffixes = (*MARKDOWN_SUFFIXES, ".html")
    return any((folder / f"{name}{suffix}").is_file() for name in names for suffix in suffixes)


def bundle_resource(file: Path, stem: str, content: Path, config: HugoConfig) -> bool:
    """Whether ``file`` belongs to a leaf bundle rather than being a page: Hugo takes every
    file in a leaf bundle's folder, subfolders included, as one of its page's resources (a
    leaf bundle holds no other page), so ``posts/x/notes/extra.md`` beside ``posts/x/index.md``
    is a file of ``x``. The content folder itself is no bundle: the home page is ``_index``."""
    folder = file.parent if stem != "index" else file.parent.parent  # its own index is its page
    while folder != content and content in folder.parents:
        if bundle_folder(folder, config):
            return True
        folder = folder.parent
    return False


def _language(relative: str, config: HugoConfig) -> tuple[str, str]:
    for code, folder in config.language_dirs.items():
        inside = posixpath.relpath(posixpath.normpath(folder), "content") if folder else "."
        if folder and inside != "." and (relative + "/").startswith(inside.rstrip("/") + "/"):
            path = relative[len(inside.rstrip("/")) + 1 :]  # its name may say so too
            named, written = _named_language(path)
            return code, named if written == code else path
    named, written = _named_language(relative)
    if written in config.language_dirs:
        return written, named
    return config.language, relative


def _named_language(relative: str) -> tuple[str, str | None]:
    """``relative`` without the language its file's name gives (``posts/walks.fr.md`` is
    ``posts/walks.md``), and that language in lower case; None where the name gives none."""
    folders, _, name = relative.rpartition("/")
    stem, _, suffix = name.rpartition(".")
    base, _, code = stem.rpartition(".")
    if not base:
        return relative, None
    return f"{folders}/{base}.{suffix}".lstrip("/"), code.lower()


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


def language_notes(config: HugoConfig, skipped: Counter[str]) -> list[str]:
    """A note, where pages in other languages were left out, on how to import those."""
    others = [code for code in config.language_dirs if code != config.language]
    if not any(key.startswith("page in ") for key in skipped) or not others:
        return []
    return [
        f"the old site is in {len(others) + 1} languages: its pages in its default language, "
        f"{config.language}, are imported, as a site here is in one language; to import those "
        f"in {others[0]} instead, import a copy of the old site whose configuration says "
        f'defaultContentLanguage = "{others[0]}"'
    ]
