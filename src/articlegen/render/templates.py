"""Jinja: the environment (the site's templates over the built-in theme's), rendering page
plans into pages, in worker processes when there are many, and what each template uses.

Autoescape is on and undefined names fail, so a template typo stops the build
with the template's file and line instead of publishing a blank.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, cast

import jinja2

from ..core.dates import day_text, human_date, iso_date
from ..core.errors import TemplateError
from ..core.layout import TEMPLATES_DIR, THEME_TEMPLATES
from ..core.model import Date, PagePlan, RenderedPage
from ..core.progress import report_progress
from ..core.workers import in_workers, pooled
from .jinjaruntime import Environment
from .jsonld import to_json_ld
from .openblocks import open_block_hint
from .partials import PartialFunction, Partials
from .pictures import picture
from .unclosedtags import unclosed_tag
from .undefinedfields import error_words, syntax_hint

MIN_PARALLEL_PAGES = 200
"""Fewer pages to render than this are rendered here: workers would cost more to start."""
DEFAULT_PAGE_JOBS = 1
"""Pages render in this process unless ``--jobs`` asks for workers. Measured on 2,000
articles (a cold build, two CPUs): workers cost as much CPU in all (plans go out and pages
come back pickled) and 100 to 280 MB more peak memory, and save wall time only on idle
cores; Markdown, which costs more per article, still goes to one worker per CPU."""
_USE = re.compile(r"\{%[-+]?\s*(?:extends|include|import|from)\b.*?%\}", re.S)
_PLAIN_USE = re.compile(
    r"""\{%[-+]?\s*(?:extends|include|import|from)\s+(["'])([^"'{}%]*)\1"""
    r"""(?:\s+(?:ignore\s+missing|with\s+context|without\s+context|as\s+\w+|import\s+[\w\s,]+?))*"""
    r"""\s*[-+]?%\}"""
)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_PARTIAL = re.compile(r"\bpartial\b")
_PLAIN_PARTIAL = re.compile(r"""\bpartial\(\s*(["'])([^"'{}%]*)\1""")


def make_environment(
    site_templates: Path | None,
    compiled: dict[str, bytes] | None = None,
    partials: Partials | None = None,
) -> jinja2.Environment:
    """Site templates first, then the built-in theme's; ``compiled`` (from ``compile_templates``)
    spares compiling again what another process already compiled; ``partials`` keeps what
    ``partial(…)`` renders for the next build (``render/partials.py``)."""
    folders = [str(p) for p in template_folders(site_templates)]
    env = Environment(
        loader=_Loader(folders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # One environment serves one build: checking each template's file for changes at
        # every include (a card per article on every list page) would only cost time.
        auto_reload=False,
        bytecode_cache=_Compiled(compiled) if compiled is not None else None,
    )
    env.filters.update(OWN_FILTERS)
    env.globals["partial"] = PartialFunction(env, partials)
    return env


def render_page(env: jinja2.Environment, plan: PagePlan, root: Path | None = None) -> RenderedPage:
    """One page from its plan; a template problem raises ``TemplateError`` (file and line).

    What ``Template.render(plan.context)`` does, without the copy of the context it makes
    before the context copies it again (``render_partial`` does the same): about 4 us of the
    140 an article page takes. Jinja's ``handle_exception`` still rewrites an error's
    traceback to the templates' lines, which ``_template_errors`` reads."""
    with _template_errors(root):
        template = env.get_template(plan.template)
        try:
            context = template.new_context(cast(dict[str, Any], plan.context))  # a copy
            html = env.concat(template.root_render_func(context))
        except Exception:
            env.handle_exception()
    return RenderedPage(plan.url, plan.out_path, html.encode("utf-8"))


def render_all(
    site_templates: Path | None,
    root: Path | None,
    jobs: int | None,
    plans: list[PagePlan],
    progress: Callable[[int, int], None] | None = None,
    *,
    compiled: dict[str, bytes] | None = None,
    partials: Partials | None = None,
    before_workers: Callable[[], object] = tuple,
) -> Iterator[RenderedPage]:
    """Render ``plans``, in order, each page as it is read (a caller that writes each one
    and lets it go never holds them all); spread over ``jobs`` worker processes when there
    are many (here when ``jobs`` is None: ``DEFAULT_PAGE_JOBS``), once ``before_workers()``
    has returned (it ends the threads the build runs beside, so the workers are forked);
    ``progress(done, total)`` as they finish. ``compiled`` and ``partials`` (kept by the
    caller between builds, as the preview does) spare compiling templates that did not
    change and rendering partials again with the same values; workers get neither store
    back, so ``partials`` serves pages rendered here only."""
    if not plans:
        return
    compiled = {} if compiled is None else compiled
    jobs = DEFAULT_PAGE_JOBS if jobs is None else jobs
    if not in_workers(jobs, len(plans), MIN_PARALLEL_PAGES):
        env = make_environment(site_templates, compiled, partials)
        for done, plan in enumerate(plans, 1):
            page = render_page(env, plan, root)
            report_progress(progress, done, len(plans))
            yield page
        return
    before_workers()
    compile_templates(site_templates, compiled)  # once here, not per chunk
    chunk = partial(render_chunk, site_templates, root, compiled=compiled)
    yield from pooled(chunk, plans, jobs=jobs, progress=progress)


def render_chunk(
    site_templates: Path | None,
    root: Path | None,
    plans: list[PagePlan],
    finished: Callable[[int], None] | None = None,
    *,
    compiled: dict[str, bytes] | None = None,
    partials: Partials | None = None,
) -> list[RenderedPage]:
    """Render ``plans`` with one environment (in a worker); ``finished(1)`` after each."""
    env = make_environment(site_templates, compiled, partials)
    pages = []
    for plan in plans:
        pages.append(render_page(env, plan, root))
        if finished is not None:
            finished(1)
    return pages


def compile_templates(
    site_templates: Path | None, compiled: dict[str, bytes] | None = None
) -> dict[str, bytes]:
    """Every template compiled to Python bytecode into ``compiled`` (reusing what it holds
    for unchanged templates), for ``make_environment(compiled=…)``.

    A template that fails to compile is left out: whoever renders it compiles it
    again and reports the error with its file and line.
    """
    compiled = {} if compiled is None else compiled
    env = make_environment(site_templates, compiled)
    for name in env.list_templates():
        with contextlib.suppress(Exception):  # reported when (and if) a page uses it
            env.get_template(name)
    return compiled


class _NotUTF8(Exception):
    """A template file that is not UTF-8; ``_template_errors`` makes it a ``TemplateError``
    once it knows the file's name relative to the site."""

    def __init__(self, filename: str, data: bytes, offset: int) -> None:
        super().__init__(filename)
        self.filename = filename
        self.line = data.count(b"\n", 0, offset) + 1
        self.message = f"not UTF-8 text: byte 0x{data[offset]:02x} at offset {offset}"


class _Loader(jinja2.FileSystemLoader):
    """Jinja's file loader, but a file it cannot decode says which one and where, instead of
    a bare ``UnicodeDecodeError`` that names neither."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            pieces = jinja2.loaders.split_template_path(template)
            found = (Path(folder, *pieces) for folder in self.searchpath)
            path = next(p for p in found if p.is_file())  # the one the loader just opened
            raise _NotUTF8(str(path), path.read_bytes(), exc.start) from exc


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates in a plain dict, which can travel to worker processes.

    Jinja checks each entry against a checksum of the template's source, so an
    entry for a template that has changed since is compiled again, never used.
    """

    def __init__(self, store: dict[str, bytes]) -> None:
        self.store = store

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def template_folders(site_templates: Path | None) -> list[Path]:
    """Where templates are looked up, in order: the site's, then the built-in theme's."""
    return [p for p in (site_templates, THEME_TEMPLATES) if p is not None and p.is_dir()]


def template_fingerprints(site_templates: Path | None) -> dict[str, str]:
    """Template name → digest of the file it loads and of every template that one uses,
    directly or not: a page is rendered again when its template's digest changes.

    Uses are found with a pattern, not a parser (it is cheaper): ``extends``,
    ``include``, ``import`` and ``from`` naming one quoted template, and
    ``partial("name", …)`` (``render/partials.py``). Any other form (a variable, a list,
    a condition, ``partial`` not called with a quoted name) counts as a use of every
    template, and a use inside a comment counts too: a digest may change when nothing did,
    never the reverse.
    """
    sources: dict[str, bytes] = {}
    for folder in reversed(template_folders(site_templates)):  # the site's win
        for path in folder.rglob("*"):
            if path.is_file():
                sources[path.relative_to(folder).as_posix()] = path.read_bytes()
    uses = {name: _uses(data, sources) for name, data in sources.items()}
    fingerprints = {}
    for name in sources:
        digest = hashlib.blake2b(digest_size=16)
        for used in sorted(_closure(name, uses)):
            digest.update(f"{len(used)}:{used}:{len(sources[used])}:".encode())
            digest.update(sources[used])
        fingerprints[name] = digest.hexdigest()
    return fingerprints


def _uses(data: bytes, sources: dict[str, bytes]) -> set[str]:
    """The templates one template names; all of them if it names one with an expression."""
    names = set()
    text = data.decode("utf-8", "replace")
    for use in _USE.finditer(text):
        plain = _PLAIN_USE.fullmatch(use.group())
        if plain is None:
            return set(sources)
        names.add(plain.group(2))
    for tag in _TAG.finditer(text):
        for call in _PARTIAL.finditer(tag.group()):
            plain = _PLAIN_PARTIAL.match(tag.group(), call.start())
            if plain is None:
                return set(sources)
            names.add(plain.group(2))
    return names & sources.keys()


def _closure(name: str, uses: dict[str, set[str]]) -> set[str]:
    seen, todo = {name}, [name]
    while todo:
        for used in uses[todo.pop()] - seen:
            seen.add(used)
            todo.append(used)
    return seen


def toc_sections(toc: Iterable[Any]) -> list[tuple[Any, list[Any]]]:
    """The table of contents as ``(entry, subsections)``: each ``###`` entry after a ``##``
    one (or after another in its section) is a subsection of that ``##`` entry, any other
    entry starts a section of its own. Worked out here, not in ``_toc.html`` with a
    ``namespace`` and the loop's state, which cost 5 us an entry (30 us an article page)."""
    sections: list[tuple[Any, list[Any]]] = []
    in_section = False  # the last section's entry is a ``##`` heading
    for entry in toc:
        if entry.level == 3 and in_section:
            sections[-1][1].append(entry)
        else:
            sections.append((entry, []))
            in_section = entry.level == 2
    return sections


@jinja2.pass_context
def _isodate(context: jinja2.runtime.Context, value: Date | int) -> str:
    """For ``<time datetime>`` and Open Graph: a day, or a date-time in RFC 3339. A day
    needs no time zone: the site's is not looked up for one (a build shows 15,000 dates)."""
    if type(value) is dt.date:
        return value.isoformat()
    return str(value) if isinstance(value, int) else iso_date(value, context["site"].zone)


@jinja2.pass_context
def _humandate(context: jinja2.runtime.Context, value: Date | int) -> str:
    """``14 May 2024``: the day in the site's time zone (the page's ``site``)."""
    if type(value) is dt.date:  # a day needs no zone: the site's is not looked up
        return day_text(value)
    if isinstance(value, int):  # a reference dated by its year alone: nor does a year
        return str(value)
    return human_date(value, context["site"].zone)


class _template_errors:
    """Turn an exception raised inside a template into ``TemplateError(file, line)``."""

    def __init__(self, root: Path | None) -> None:
        self.root = root

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type | None, exc: BaseException | None, tb: TracebackType | None
    ) -> Literal[False]:
        if exc is None or not isinstance(exc, Exception) or isinstance(exc, TemplateError):
            return False
        if isinstance(exc, _NotUTF8):
            raise TemplateError(
                exc.message,
                self._display(exc.filename),
                exc.line,
                "save the file as UTF-8 in your editor",
            ) from exc.__cause__
        if isinstance(exc, jinja2.TemplateSyntaxError):
            unclosed = unclosed_tag(exc)  # then Jinja's words are about the HTML after it
            filters = [*jinja2.filters.FILTERS, *OWN_FILTERS]
            raise TemplateError(
                f"template syntax error: {unclosed.message if unclosed else exc.message}",
                self._display(exc.filename),
                unclosed.line if unclosed else exc.lineno,
                unclosed.hint
                if unclosed
                else syntax_hint(exc.message or "", filters) or open_block_hint(exc),
            ) from (None if unclosed else exc)  # Jinja's words there name the HTML's pieces
        where = _template_frame(tb)
        if isinstance(exc, jinja2.TemplateNotFound):  # where: the template that asked for it
            filename, line = where if where is not None else (None, None)
            raise TemplateError(  # Jinja's words ("… not found in search paths: …") add nothing
                f"template not found: {exc.name} (looked for in the site's templates/ folder,"
                " then in the built-in theme's)",
                self._display(filename),
                line,
                hint="add it to templates/, or correct the name",
            ) from None
        if where is None:
            return False
        filename, line = where
        message, hint = error_words(exc, tb)
        cause = None if hint else exc  # Jinja's words under ours would name our classes
        if isinstance(exc, RecursionError):  # Python's words name no template, and vary
            # where the stack ran out is chance: name the site's own template in the loop
            own = self.root / TEMPLATES_DIR if self.root is not None else None
            filename, line = _template_frame(tb, within=own) or where
            message = "templates include, extend or call themselves without end"
            hint = "break the loop: no template may include or extend itself, even through others"
        raise TemplateError(
            f"template error: {message}", self._display(filename), line, hint
        ) from cause

    def _display(self, filename: str | None) -> str | None:
        if filename is None:
            return None
        path = Path(filename)
        if self.root is not None and path.is_relative_to(self.root):
            return path.relative_to(self.root).as_posix()
        if path.is_relative_to(THEME_TEMPLATES):
            return "(built-in theme) templates/" + path.relative_to(THEME_TEMPLATES).as_posix()
        return filename


def _template_frame(tb: TracebackType | None, within: Path | None = None) -> tuple[str, int] | None:
    """The innermost traceback frame that is a template (Jinja rewrites them to the source);
    with ``within``, the innermost of a template in that folder, if there is one."""
    found = own = None
    inside = f"{within}{os.sep}" if within is not None else None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".j2", ".jinja")) or "/templates/" in filename:
            found = (filename, tb.tb_lineno)
            if inside is not None and filename.startswith(inside):
                own = found
        tb = tb.tb_next
    return own or found


OWN_FILTERS: dict[str, Callable[..., Any]] = {
    "isodate": _isodate,
    "humandate": _humandate,
    "tojson_ld": to_json_ld,
    "picture": picture,
    "toc_sections": toc_sections,
}
"""The filters the theme adds to Jinja's: each environment's (``make_environment``), and
the names a syntax error offers beside Jinja's own."""
