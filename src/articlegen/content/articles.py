"""Walk ``content/`` and turn each Markdown file into an ``Article``.

Reads everything first and reports every problem of every file together,
so an author fixes a whole batch in one go.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
import zoneinfo
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePosixPath

from ..core.characters import decode_source
from ..core.errors import ArticlegenError, FrontMatterError, attempt
from ..core.layout import CONTENT_DIR, PAGES_DIR, SOURCE_FOLDERS
from ..core.limits import read_regular_file
from ..core.model import Article, LinkTarget
from ..core.slugs import file_slug, slugify
from .fieldchecks import check_slug_length
from .filenames import holds_markdown, undecodable, undecodable_name_problems
from .frontmatter import parse_front_matter, readable_fields, split_front_matter
from .misnamed import UNREAD_PREFIXES, misnamed_problems, renamed
from .samefile import same_file_problems
from .strays import no_content_problems


def find_sources(root: Path) -> list[Path]:
    """Every ``*.md`` under ``content/``, sorted, skipping hidden and editor temp files.
    Listed as text (``os.walk``, not following links to folders, as ``Path.rglob`` does
    not): a path object made and taken apart for each of thousands of files cost more than
    the listing. Sorted by their parts, as paths sort (``a/b.md`` before ``a-b.md``)."""
    content = root / CONTENT_DIR
    if not content.is_dir():
        return []
    found: list[tuple[list[str], str]] = []
    top = str(content)
    for folder, subfolders, files in os.walk(top):
        subfolders[:] = [
            d for d in subfolders if not d.startswith((".", "_")) and not undecodable(d)
        ]
        parts = os.path.relpath(folder, top).split(os.sep) if folder != top else []
        for name in (*subfolders, *files):  # a folder named x.md is listed, as by rglob
            if (
                name.endswith(".md")
                and not name.startswith(UNREAD_PREFIXES)
                and not undecodable(name)  # reported by undecodable_name_problems
            ):
                found.append(([*parts, name], os.path.join(folder, name)))
    return [Path(path) for _, path in sorted(found)]


def not_a_folder_problems(root: Path) -> list[ArticlegenError]:
    """``content``, ``templates`` or ``static`` there but no folder: each was read as
    missing, and a site without its articles, templates or files replaced the last one."""
    return [
        FrontMatterError(
            "a file, where the site's folder of that name belongs: nothing in it can be read",
            name,
            hint=f"rename or remove the file; {name}/ must be a folder (or be left out)",
        )
        for name in SOURCE_FOLDERS
        if (root / name).exists() and not (root / name).is_dir()
    ]


def linked_folder_problems(root: Path) -> list[ArticlegenError]:
    """Symbolic links to folders outside the site, or to folders of the site outside
    ``content/`` that hold Markdown files: never followed, and reported, so an article does
    not silently go missing (a link to a folder of ``content/``, whose files are read where
    they are, or to one without articles, such as ``static/images``, is left alone).
    Loops of links are reported too, wherever they are: nothing can read them, and so are
    folders that cannot be listed (no permission): the search for articles passes over them
    without a word."""
    content = root / CONTENT_DIR
    problems: list[ArticlegenError] = []
    for folder, subfolders, files in os.walk(content, onerror=unlisted(root, problems)):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "_")))
        for name in subfolders:
            path = Path(folder) / name
            if not path.is_symlink():
                continue
            target = path.resolve()
            if not target.is_relative_to(root.resolve()):
                problems.append(outside_site(root, path, "folder"))
            elif not target.is_relative_to(content.resolve()) and holds_markdown(target):
                name = relative(root.resolve(), target)
                shown = "the site's own folder" if name == "." else f"the folder {name}"
                problems.append(
                    FrontMatterError(
                        f"symbolic link to {shown}, whose Markdown files are not read: links "
                        "to folders are not followed",
                        relative(root, path),
                        hint=f"move the folder into {CONTENT_DIR}/ instead of linking to it",
                    )
                )
        for name in sorted(files):  # an article's own loop is reported when it is read
            if name.startswith((".", "_")) or name.endswith(".md"):
                continue
            path = Path(folder) / name
            if is_loop(path):
                problems.append(loop_error(root, path))
    return problems


def unlisted(
    root: Path,
    problems: list[ArticlegenError],
    folder: str = CONTENT_DIR,
    error: type[ArticlegenError] = FrontMatterError,
) -> Callable[[OSError], None]:
    """An ``os.walk`` ``onerror`` adding to ``problems`` an error for each folder under
    ``folder`` it may not list: left alone, the walk (and pathlib's ``rglob``) passes over it,
    and its files go missing from the site without a word. A folder that is missing (or a
    file, reported by ``not_a_folder_problems``) is no error here."""

    def report(exc: OSError) -> None:
        if exc.filename is None or isinstance(exc, FileNotFoundError | NotADirectoryError):
            return
        problems.append(
            error(
                f"cannot read the folder: {exc.strerror or exc}",
                relative(root, Path(exc.filename)),
                hint="give yourself permission to read it (chmod u+rx), or move it out of "
                f"{folder}/ if nothing in it belongs to the site",
            )
        )

    return report


def is_loop(path: Path) -> bool:
    """Whether ``path`` is a symbolic link that leads back to itself, directly or not."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def loop_error(
    root: Path, path: Path, error: type[ArticlegenError] = FrontMatterError
) -> ArticlegenError:
    """The error for a link in a loop (in ``content/``, or ``static/`` with another ``error``)."""
    return error(
        f"symbolic link loop ({path.name} -> {os.readlink(path)} leads back to itself)",
        relative(root, path),
        hint="remove the link, or point it at a real file or folder",
    )


def broken_link_error(
    root: Path, path: Path, error: type[ArticlegenError] = FrontMatterError
) -> ArticlegenError:
    """The error for a link to nothing (in ``content/``, or ``static/`` with another ``error``)."""
    return error(
        f"broken symbolic link (to {os.readlink(path)})",
        relative(root, path),
        hint="remove it, or point it at an existing file",
    )


def outside_site(
    root: Path,
    path: Path,
    kind: str,
    folder: str = CONTENT_DIR,
    error: type[ArticlegenError] = FrontMatterError,
) -> ArticlegenError:
    """The error for a link under ``folder`` that leads out of the site (also used for
    ``static/``, whose files would otherwise be published from anywhere on the disk)."""
    return error(
        f"symbolic link pointing outside the site ({path.resolve()})",
        relative(root, path),
        hint=f"copy the {kind} into {folder}/ instead of linking to it",
    )


def read_article(
    root: Path, path: Path, zone: zoneinfo.ZoneInfo, data: bytes | None = None
) -> Article:
    """One file as an ``Article``: read (unless its bytes are given as ``data``), decoded
    and parsed (dates in ``zone``, the site's), with every check a file gets whether or
    not the build cache is used."""
    display = relative(root, path)
    if data is None:
        data = read_bytes(root, path)
    return parse_article(decode_source(data, display, FrontMatterError), display, zone)


def read_bytes(
    root: Path, path: Path, folders: RealFolders | None = None, *, mode: int | None = None
) -> bytes:
    """The file's bytes; refuses symbolic links that lead out of the site, files that are not
    regular ones (a named pipe would never end) and files over ``limits.MAX_FILE_BYTES``.

    ``folders``: the real paths of the folders resolved so far in one pass over many files.
    A file that is no link is where its folder really is, and resolving the site's and the
    file's folders again for each file was most of the cost of reading an article. Such a
    file is placed as text, by the one ``lstat`` that says it is no link, whose type spares
    ``read_regular_file`` its own ``stat``: path objects made and compared for each file
    cost a third of reading it (27 against 17 µs an article). ``mode``: the path's, from an
    ``lstat`` the caller took just before (for the file's stamp), which is not taken again."""
    text = str(path)
    if mode is None:
        try:
            mode = os.lstat(text).st_mode
        except (OSError, ValueError) as exc:  # as ``Path.is_symlink`` takes them: no link
            if isinstance(exc, OSError) and exc.errno not in _NO_FILE:
                raise
    if mode is not None and stat.S_ISLNK(mode):
        if is_loop(path):
            raise loop_error(root, path)
        if not path.exists():
            raise broken_link_error(root, path)
        real, mode = str(path.resolve()), None
    else:
        folder, name = os.path.split(text)
        real = os.path.join(_real_folder(folder, folders), name)
    top = _real_folder(str(root), folders)
    if real != top and not real.startswith(top if top.endswith(os.sep) else top + os.sep):
        raise outside_site(root, path, "file")
    return read_regular_file(path, relative(root, path), FrontMatterError, mode=mode)


_NO_FILE = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})
"""The errors of an ``lstat`` that ``Path.is_symlink`` takes for "no link" (pathlib's own)."""
RealFolders = dict[str, str]
"""A folder → its real path (``Path.resolve``), as text, for ``read_bytes``."""


def _real_folder(folder: str, known: RealFolders | None) -> str:
    if known is None:
        return str(Path(folder).resolve())
    real = known.get(folder)
    if real is None:
        real = known[folder] = str(Path(folder).resolve())
    return real


def parse_article(text: str, display: str, zone: zoneinfo.ZoneInfo) -> Article:
    """One article from its text; ``display`` is its path relative to the site root, and
    a date-time without an offset is in ``zone``."""
    header, header_line, body, body_line = split_front_matter(text, display)
    page = is_page(display)
    meta = parse_front_matter(header, display, zone=zone, first_line=header_line, page=page)
    slug = meta.slug or file_slug(display)
    if not slug:
        raise FrontMatterError(
            "cannot make a slug from the file name", display, 1, "add 'slug: …' to the front-matter"
        )
    if meta.slug is None:
        check_slug_length(slug, display, 1, "rename the file, or add a shorter 'slug: …'")
    return Article(display, slug, meta, body, body_line, page)


def is_page(display: str) -> bool:
    """Whether the file ``display`` (relative to the site root) is a page, not an article."""
    return display.startswith(PAGES_DIR)


def readable_article(
    root: Path, path: Path, zone: zoneinfo.ZoneInfo | None = None
) -> Article | None:
    """What is left of a file that failed to load because of bad front-matter fields: its
    slug, its valid fields and its body, so other files can still link to it and its own
    links are still checked; a header with a YAML error is read key by key
    (``frontmatter.readable_fields``). None when not even that can be read (no header).
    Its dates are placed in ``zone`` (see ``frontmatter.readable_fields``)."""
    display = relative(root, path)
    try:
        text = decode_source(read_bytes(root, path), display, FrontMatterError)
        header, header_line, body, body_line = split_front_matter(text, display)
        meta = readable_fields(header, display, first_line=header_line, zone=zone)
    except ArticlegenError:
        return None
    slug = meta.slug or file_slug(display)
    return Article(display, slug, meta, body, body_line, is_page(display)) if slug else None


def load_articles(
    root: Path, zone: zoneinfo.ZoneInfo
) -> tuple[list[Article], list[ArticlegenError]]:
    """Every readable article (drafts included), sorted by file, and the problems of the rest;
    dates in ``zone``.

    Problems are returned, not raised, so the build can go on to find link
    errors too and report everything in one go.
    """
    problems: list[ArticlegenError] = []
    loaded = (attempt(problems, read_article, root, path, zone) for path in find_sources(root))
    articles = [article for article in loaded if article is not None]
    return articles, problems + content_problems(root, articles)


def content_problems(root: Path, articles: Sequence[Article]) -> list[ArticlegenError]:
    """What is wrong with ``content/`` as a whole rather than with one file: a source folder
    that is a file, no ``content/`` where articles lie beside it, an article's or template's
    name that is not UTF-8, folders linked from outside the site, Markdown files not named
    ``*.md``, slugs taken twice, one file read twice through a symbolic link."""
    twice = same_file_problems(root, articles)
    linked = {problem.path for problem in twice}  # its slug is the file's: no slug to change
    return [
        *not_a_folder_problems(root),
        *no_content_problems(root),
        *undecodable_name_problems(root),
        *linked_folder_problems(root),
        *misnamed_problems(root),
        *duplicate_slug_problems(a for a in articles if a.source not in linked),
        *twice,
    ]


def unreadable_targets(
    problems: Iterable[ArticlegenError], articles: Iterable[Article]
) -> list[LinkTarget]:
    """Files that failed to load, as link targets named by file, so links *to* them
    are not reported as broken on top of the file's own error; so are the articles not
    named ``*.md`` (``walking.markdown``, ``walking.md.txt``: ``misnamed``), whose error asks
    to rename them, by the slug and the file (``walking.md``) the new name gives, where no
    article has that slug."""
    loaded = {a.source for a in articles}
    failed = {p.path for p in problems if p.path}
    taken = {a.slug for a in articles}
    targets: list[LinkTarget] = []
    for path in sorted(failed - loaded):
        if path.endswith(".md"):
            targets.append(LinkTarget(file_slug(path), path, "", page=is_page(path)))
        elif (new := renamed(path)) is not None and (slug := file_slug(new)) not in taken:
            targets.append(LinkTarget(slug, new, "", page=is_page(new)))  # a link by it waits
    return targets


def duplicate_slug_problems(articles: Iterable[Article]) -> list[ArticlegenError]:
    """One error per article whose slug an earlier file already took, at the ``slug:`` line
    that made them collide where only one of the two has one (the slug someone wrote,
    rather than the file that was there first with its name's slug); else at the later one."""
    first: dict[str, Article] = {}
    problems: list[ArticlegenError] = []
    for article in articles:
        other = first.setdefault(article.slug, article)
        if other is not article:
            blamed, kept = article, other
            if "slug" in other.meta.lines and "slug" not in article.meta.lines:
                blamed, kept = other, article
            problems.append(
                FrontMatterError(
                    f"duplicate slug '{article.slug}': {kept.source} has it too"
                    + _alike(blamed.source, kept.source),
                    blamed.source,
                    blamed.meta.lines.get("slug", 1),
                    _different_slug_hint(blamed),
                )
            )
    return problems


def _alike(one: str, other: str) -> str:
    """What tells two file names apart that print the same (``café.md`` with its accent as
    one letter, and as ``e`` and a combining mark, as macOS saves names), else nothing."""
    if one == other or unicodedata.normalize("NFC", one) != unicodedata.normalize("NFC", other):
        return ""
    return (
        " (the two names look the same: one writes an accented letter as one character, the "
        "other as a letter and a separate accent mark, as macOS saves names; delete the copy "
        "you do not need)"
    )


def _different_slug_hint(article: Article) -> str:
    return index_file_hint(article) or "give one of them a different 'slug:' or file name"


def index_file_hint(article: Article) -> str | None:
    """For a folder's ``index.md`` with no ``slug:`` (a Hugo page bundle, written by hand),
    the slug of its folder, which is the address it was meant to have: its own slug is
    ``index``, its name, as any file's is."""
    if article.slug != "index" or "slug" in article.meta.lines:  # most files: no path made
        return None
    source = PurePosixPath(article.source)
    if source.stem != "index":
        return None
    if len(source.parts) <= 2 or f"{source.parent}/" == PAGES_DIR:
        return "name the file after its subject, or write 'slug: …' in it"
    return (
        f"a file's slug is its name, here 'index': write 'slug: {slugify(source.parent.name)}'"
        f" in it, or name the file {source.parent.with_suffix('.md')}"
    )


def relative(root: Path, path: Path) -> str:
    """``path`` relative to the site root, ``/``-separated, for messages and ids."""
    top, text = str(root), str(path)
    if text.startswith(top) and text[len(top) : len(top) + 1] == os.sep and top != os.sep:
        return text[len(top) + 1 :].replace(os.sep, "/")  # what relative_to gives, faster
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
