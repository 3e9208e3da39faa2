"""New files for authors: ``articlegen new`` (an article) and ``articlegen init`` (a site)."""

from __future__ import annotations

import datetime as dt
import json
import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution, version
from importlib.resources import files as files_of
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from ..content.articles import find_sources, readable_article
from ..content.siteroot import missing_config
from ..core.characters import BIDI_CONTROLS, forbidden_in, kind_of
from ..core.curlypairs import curly_inside
from ..core.errors import ArticlegenError
from ..core.layout import (
    CACHE_DIR,
    CONFIG_FILE,
    CONTENT_DIR,
    DEFAULT_OUTPUT,
    PAGES_DIR,
    STATIC_DIR,
    TEMPLATES_DIR,
)
from ..core.limits import MAX_TITLE_CHARACTERS
from ..core.lookalike import TITLE_STAGES
from ..core.scaffolds import FIRST_PARAGRAPH, WELCOME_BODY, WELCOME_HEADER
from ..core.slugs import DEVICE_NAMES_SHOWN, SUGGESTED_SLUG_LENGTH, is_device_name, title_slug
from ..core.urls import RESERVED_SLUGS
from .initplace import refuse_inside_a_site, refuse_unless_empty
from .reviewkeys import review_keys

_SITE_YAML = """\
# The blog's settings. Every key is checked: a typo fails the build with a suggestion.
title: {title}
# The blog's address. Published with GitHub Pages (.github/workflows/publish.yml), the
# site is built with the Pages address instead; set this to the blog's own domain.
base_url: "https://example.org/"
language: en
# One or two sentences about the blog, shown by search results and link previews.
description: ""
author: ""
output: {output}
per_page: 10
"""

_GITIGNORE = """\
# What articlegen builds and caches; every build makes them again.
/{output}/
/{cache}/
"""

_THEME_FOLDER_COMMAND = (
    'python -c "import articlegen, pathlib; '
    "print(pathlib.Path(articlegen.__file__).parent / 'theme' / 'templates')\""
)
_TEMPLATES_README = f"""\
A template here overrides the built-in theme's template of the same name (base.html,
article.html, list.html, …): copy one from articlegen's theme/templates/ and edit it.
That folder is inside the installed articlegen; this prints where:

    {_THEME_FOLDER_COMMAND}
"""

_REQUIREMENTS = """\
# What the publish workflow installs: the articlegen this site was started with. Where the
# package index has no such release, name where pip finds it instead, e.g.
#   articlegen[search] @ git+https://<host>/<owner>/<repository>@<tag>
{requirement}
"""

"""The output folder a new site names, and its .gitignore leaves out."""
WORKFLOW = Path(".github", "workflows", "publish.yml")
"""Where GitHub looks for the publish workflow; articlegen's own repository publishes its
blog with the same file, which the package ships (``authoring/newsite/publish.yml``)."""


def new_article(
    root: Path, title: str, *, today: dt.date | None = None, page: bool = False
) -> Path:
    """Create ``content/<slug>.md`` with its front-matter filled in (a ``page``:
    ``content/pages/<slug>.md``, with only the keys a page takes); never overwrites, and
    refuses a slug or title another article or page has, which the build would reject or
    find ambiguous."""
    check_title_given(title, page)
    if not (root / CONFIG_FILE).is_file():
        raise missing_config(root)
    title = " ".join(title.split())
    slug = slug_for_title(title)
    check_unreserved(slug, title)
    check_no_device_name(slug, title)
    path = root / (PAGES_DIR if page else f"{CONTENT_DIR}/") / f"{slug}.md"
    if not path.exists():  # if it does, create_file says so
        check_untaken(root, slug, title)
    fields: dict[str, object] = (
        {"title": title, "draft": True}
        if page
        else {
            "title": title,
            "date": today or dt.date.today(),
            "tags": [],
            "see_also": [],
            "draft": True,
        }
    )
    post = frontmatter.Post(FIRST_PARAGRAPH + "\n")
    post.metadata.update(fields)
    header = frontmatter.dumps(  # each value on its line: a title folded would look broken
        post, Dumper=_HeaderDumper, sort_keys=False, width=_ONE_LINE
    )
    if not page:  # the review keys, commented out: shown to the writer, read by no build
        keys, end, body = header.partition("\n---\n")
        header = keys + "\n" + review_keys(root) + end.lstrip("\n") + body
    create_file(path, header + "\n", root)
    return path


_ONE_LINE = float("inf")
"""PyYAML's line width for a new header: none, so a long title is not folded."""


class _HeaderDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, but a text between curly quotes (``articlegen new "“Walk
    More”"``) is written in straight quotes: written plain, the build reads the curly ones
    as the author's mistake and refuses it (``core/curlyquotes.py``). A text holding an
    apostrophe that must be quoted is written in double quotes: YAML's single quotes would
    double it (``'What''s Normal?'``), which a writer takes for a typo."""

    def choose_scalar_style(self) -> str:
        style: str = super().choose_scalar_style()
        value = getattr(self.event, "value", "")
        return '"' if style == "'" and "'" in value else style


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "'" if curly_inside(text) is not None else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_HeaderDumper.add_representer(str, _represent_text)


def check_title_given(title: str, page: bool = False) -> None:
    """Refuse an empty title (``new ""``, or one of spaces only) as empty, with the command
    written out: it makes no file name, and "cannot make a file name from the title ''"
    sent the author looking for a wrong character in a title that had none."""
    if title.strip():
        return
    spaces = " (only white space)" if title else ""
    example = 'articlegen new --page "About"' if page else 'articlegen new "Sleep and Testosterone"'
    raise ArticlegenError(
        f"the title is empty{spaces}", hint=f"give the title in quotes, e.g. {example}"
    )


def slug_for_title(title: str) -> str:
    """The file name (without ``.md``) for a new article, or an error if the title is unusable."""
    if len(title) > MAX_TITLE_CHARACTERS:
        raise ArticlegenError(
            f"the title is {len(title):,} characters long (at most {MAX_TITLE_CHARACTERS})",
            hint="give a shorter title",
        )
    hidden = forbidden_in(title).search(title) or BIDI_CONTROLS.search(title)
    if hidden is not None:  # the build refuses them in a title: the file would not build
        char, code = hidden.group(), ord(hidden.group())
        name = (
            f"byte 0x{code - 0xDC00:02x}, which is not UTF-8,"  # an argument's bad byte
            if 0xDC80 <= code <= 0xDCFF
            else f"invisible {unicodedata.name(char, '').lower() or kind_of(char)} U+{code:04X}"
        )
        raise ArticlegenError(
            f"the title holds the {name} at character {hidden.start() + 1}, which a title may "
            "not hold",
            hint="type the title again without it (a title pasted from elsewhere may carry it)",
        )
    slug = title_slug(title, SUGGESTED_SLUG_LENGTH)
    if not slug:
        raise ArticlegenError(
            f"cannot make a file name from the title {title!r}", hint="use letters or digits"
        )
    return slug


def check_unreserved(slug: str, title: str) -> None:
    """Refuse a title whose slug a page of the site's own has (``/tags/``, ``/page/2/``…):
    the build would reject the article, so say so now, with a title that works."""
    if slug not in RESERVED_SLUGS:
        return
    other = f"About {title}"
    raise ArticlegenError(
        f"the title '{title}' makes the slug '{slug}', reserved for the site's own pages"
        f" under /{slug}/",
        hint=f"give a longer title, e.g. articlegen new {json.dumps(other, ensure_ascii=False)}"
        f" (reserved slugs: {', '.join(sorted(RESERVED_SLUGS))})",
    )


def check_no_device_name(slug: str, title: str) -> None:
    """Refuse a title whose file name Windows keeps for a device (``new "CON"``: ``con.md``),
    as Cargo refuses such a package name: the site's repository could not be checked out on
    Windows, nor the page's folder written there."""
    if not is_device_name(slug):
        return
    other = json.dumps(f"About {title}", ensure_ascii=False)
    raise ArticlegenError(
        f"the title '{title}' makes the file name '{slug}.md', a name Windows keeps for a device"
        f" ({DEVICE_NAMES_SHOWN}): a repository holding it cannot be checked out on Windows",
        hint=f"give a longer title, e.g. articlegen new {other}",
    )


def check_untaken(root: Path, slug: str, title: str) -> None:
    """Refuse a slug another article already has, and a title another has in any case,
    spacing or typed punctuation (``fold``), naming the closest (by ``TITLE_STAGES``): readers
    would see two entries alike, and a link by the title not written exactly as one of them
    may match both (``links``).
    Articles are read as far as they can be, without validating them: their own errors are
    for the build to report."""
    alike: list[tuple[int, str]] = []  # (how widely matched, what to say) of each title
    keys = [key(title) for key in TITLE_STAGES]  # the new title's, once for every file
    for source in find_sources(root):
        other = readable_article(root, source)
        if other is None:
            continue
        where = f"{other.source}:{other.meta.lines['slug']}" if other.meta.slug else other.source
        if other.slug == slug:
            what = f"the slug '{slug}' is taken: {where} has it"
            raise ArticlegenError(what, hint="choose another title, or edit the existing article")
        stage = next(
            (n for n, key in enumerate(TITLE_STAGES) if key(other.meta.title) == keys[n]), None
        )
        if stage is not None:
            where = f"{other.source}:{other.meta.lines['title']}"
            alike.append((stage, f"the title '{title}' is taken: {where} has '{other.meta.title}'"))
    if alike:  # the closest title named: the one a link by this title would find first
        what = min(alike, key=lambda found: found[0])[1]
        raise ArticlegenError(what, hint="choose another title, or edit the existing article")


@dataclass(frozen=True, slots=True)
class NewSite:
    """What ``init_site`` did."""

    written: list[Path]
    """Files and folders it created, in the order written."""
    kept: list[Path]
    """Files it would have written that were there already, left as they were."""
    notes: list[str]
    """What the author must do before publishing: e.g. name where the publish workflow
    can install articlegen from, when it was installed from a folder of this machine."""


def init_site(
    root: Path,
    title: str = "My health blog",
    *,
    today: dt.date | None = None,
    force: bool = False,
) -> NewSite:
    """A site that builds at once into a small published sample: ``site.yaml``, a welcome
    article, ``static/`` and ``templates/``, a ``.gitignore`` and the GitHub Pages workflow
    with the ``requirements.txt`` it installs. Refuses a folder that holds a site already,
    and, unless ``force``, one that holds anything but hidden files; a file that is there
    is kept, and a failure removes what was written."""
    config = root / CONFIG_FILE
    if config.exists():
        raise ArticlegenError(
            f"{shown_from_here(config)} already exists: that folder holds a site already",
            hint="start the new site in another folder (articlegen init NEW-FOLDER),"
            " or keep working on this one",
        )
    refuse_inside_a_site(root)
    if not force:
        refuse_unless_empty(root, shown_from_here(root))
    day = (today or dt.date.today()).isoformat()
    workflow = files_of("articlegen").joinpath("authoring", "newsite", "publish.yml")
    requirement, origin = installed_requirement(_install_record())
    planned: list[tuple[Path, str | None]] = [  # None: a folder
        (
            config,
            _SITE_YAML.format(title=json.dumps(title, ensure_ascii=False), output=DEFAULT_OUTPUT),
        ),
        (root / CONTENT_DIR / "welcome.md", WELCOME_HEADER.format(today=day) + WELCOME_BODY),
        (root / STATIC_DIR, None),
        (root / TEMPLATES_DIR / "README.md", _TEMPLATES_README),
        (root / ".gitignore", _GITIGNORE.format(output=DEFAULT_OUTPUT, cache=CACHE_DIR)),
        (root / "requirements.txt", _REQUIREMENTS.format(requirement=requirement)),
        (root / WORKFLOW, workflow.read_text(encoding="utf-8")),
    ]
    folders = {folder for path, _ in planned for folder in (path, *path.parents)}
    new_folders = sorted((f for f in folders if not f.exists()), key=lambda f: -len(f.parts))
    done = NewSite([], [], [] if origin is None else [_unreachable_note(origin)])
    try:
        for path, text in planned:
            if text is None:
                if not path.is_dir():
                    _make_folder(path)
                    done.written.append(path)
            elif path.exists():
                done.kept.append(path)
            else:
                create_file(path, text, root)
                done.written.append(path)
    except ArticlegenError:
        for path in done.written:
            if path.is_file():
                path.unlink()
        for folder in new_folders:  # deepest first; the user's own files are never in them
            if folder.is_dir():
                folder.rmdir()
        raise
    return done


def installed_requirement(record: Mapping[str, Any] | None) -> tuple[str, str | None]:
    """The line of ``requirements.txt`` that installs on a publishing machine the articlegen
    installed here, from its install record (PEP 610's ``direct_url.json``; None for a
    release from a package index), and None; or the release's pin and where it came from
    when that is a folder or file of this machine, which no other machine can reach."""
    pinned = f"articlegen[search]=={version('articlegen')}"
    url = str((record or {}).get("url", ""))
    if record is None:
        return pinned, None
    vcs = record.get("vcs_info")
    reachable = url.startswith(("https://", "http://", "ssh://", "git@"))
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and reachable:
        return f"articlegen[search] @ git+{url}@{vcs.get('commit_id', '')}", None
    if "archive_info" in record and reachable:
        return f"articlegen[search] @ {url}", None
    return pinned, url.removeprefix("file://") or "an unknown place"


def _install_record() -> dict[str, Any] | None:
    """This articlegen's ``direct_url.json``, if pip installed it from somewhere other than a
    package index and says so."""
    try:
        text = distribution("articlegen").read_text("direct_url.json")
        record = json.loads(text) if text else None
    except (PackageNotFoundError, ValueError, OSError):
        return None
    return record if isinstance(record, dict) else None


def _unreachable_note(origin: str) -> str:
    return (
        f"articlegen was installed from {origin}, which the publish workflow cannot reach: "
        "before the first push, edit requirements.txt to name where pip finds it (a release "
        "on the package index, or articlegen[search] @ git+https://<host>/<owner>/"
        "<repository>@<tag>)"
    )


def shown_from_here(path: Path) -> str:
    """``path`` as the user gave it: relative to where they stand (the working folder), or
    absolute if they wrote it so."""
    return path.as_posix() if path.is_absolute() else Path(os.path.relpath(path)).as_posix()


def _make_folder(path: Path) -> None:
    try:
        path.mkdir(parents=True)
    except OSError as exc:
        raise ArticlegenError(
            f"cannot create {shown_from_here(path)}: {exc.strerror or exc}",
            hint="check that you may write to the folder",
        ) from exc


def create_file(path: Path, text: str, root: Path) -> None:
    """Write a new file for the author; never overwrites one that exists. An error names the
    file as its location only, so the message does not repeat it."""
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise ArticlegenError(
            "the file exists already", shown, hint="choose another title or edit the existing file"
        ) from None
    except OSError as exc:
        raise ArticlegenError(
            f"cannot create the file: {exc.strerror or exc}",
            shown,
            hint="check that the folder exists and that you may write to it",
        ) from exc
