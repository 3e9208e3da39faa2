"""Incremental builds never differ from clean ones, whatever an author edits, in any order.

A hypothesis state machine keeps a small site and edits it at random: bodies, titles,
slugs, aliases, see_also, tags, dates, drafts, disclaimers (own, none, the site's),
renamed files, deletions, new articles, links by slug or by title, a page (its title, body
and links) and the menu leading to it, templates and the partials and macros they use
(broken ones too), ``site.yaml``, static files, an image's size, its use as a hero and the
widths of its copies, hand edits of the output, a damaged or lost cache file, the
``--drafts`` option and the clock (``--now``: a date passing publishes an article). After every edit the site is built four ways:

1. by the CLI, with the cache saved in the site and loaded again each time;
2. by ``build_site`` with one ``BuildCache`` kept in memory across builds;
3. like the preview: in memory, nothing written (``write=False``);
4. from scratch with ``--no-cache`` into a fresh folder: the reference.

Each must give byte-identical files (or the same errors, with the previous output
left as it was).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import shutil
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from PIL import Image

from articlegen.build import build_site
from articlegen.cli import main
from articlegen.core.errors import ArticlegenError, report_lines
from articlegen.core.layout import CACHE_DIR
from articlegen.core.model import BuildOptions
from articlegen.incremental import stamps
from articlegen.incremental.cache import BuildCache
from articlegen.render.templates import THEME_TEMPLATES
from tests.helpers import snapshot

WORDS = ["sleep", "heart", "walk", "salt", "fibre", "water", "rest", "stairs"]
TAGS = ["Sleep", "Heart", "Food", "Moving"]
TEMPLATES = ["_card.html", "_facts.html", "_people.html", "base.html", "article.html", "list.html"]
TEMPLATES += ["page.html"]
PAGE = "pages/about.md"
"""The site's one page (``content/pages/``); its slug is ``about``."""
STEPS = 25
NOW = dt.datetime(2024, 1, 15, 12, tzinfo=dt.UTC)
"""The moment ``toggle_clock`` builds as, if not the clock: articles dated after the 15th
are scheduled then."""


@dataclass
class Draft:
    """One article as the model knows it; ``links`` name other articles by file."""

    title: str
    body: str
    day: int
    slug: str | None = None
    tags: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    by_title: bool = False
    """``links`` name their targets by title, not by slug."""
    aliases: bool = False
    """The article keeps a redirect from ``old-<its file's name>``."""
    draft: bool = False
    disclaimer: str = ""
    """``disclaimer:`` as written: its own text, ``false`` (none shown), or "": the key left
    out, the site's shown."""
    image: bool = False
    typo: bool = False


@dataclass
class Model:
    articles: dict[str, Draft] = field(default_factory=dict)
    description: str = "An example site."
    per_page: int = 3
    page_title: str = "About"
    page_body: str = "Who we are."
    page_links: tuple[str, ...] = ()
    menu: int = 1
    """0: no ``menu:``; 1: the page in it; 2: the page alone (``menu_builtin: false``)."""
    widths: str = ""
    """``images.widths`` (``[2]``: the dot gets a 2-pixel copy when it is wider), or none."""

    def slug(self, name: str) -> str:
        return self.articles[name].slug or name.removesuffix(".md")

    def text(self, name: str) -> str:
        a = self.articles[name]
        header = [f'title: "{a.title}"', f"date: 2024-01-{a.day:02d}"]
        header += [f"slug: {a.slug}"] if a.slug else []
        header += [f"aliases: [old-{name.removesuffix('.md')}]"] if a.aliases else []
        header += [f"tags: [{', '.join(a.tags)}]"] if a.tags else []
        targets = [self.slug(n) for n in a.see_also if n in self.articles and n != name]
        header += [f"see_also: [{', '.join(targets)}]"] if targets else []
        header += ["draft: true"] if a.draft else []
        header += [f"disclaimer: {a.disclaimer}"] if a.disclaimer else []
        header += ["bogus_key: 1"] if a.typo else []
        header += ['image: {src: images/dot.png, alt: "A dot"}'] if a.image else []
        body = a.body
        body += "".join(f" See [[{self.named(a, n)}]]." for n in a.links if n in self.articles)
        body += "\n\n![A dot](images/dot.png)" if a.image else ""
        return "---\n" + "\n".join(header) + "\n---\n\n" + body + "\n"

    def named(self, linking: Draft, name: str) -> str:
        """How ``linking`` names the article in file ``name``: by title or by slug."""
        return self.articles[name].title if linking.by_title else self.slug(name)

    def page_text(self) -> str:
        links = "".join(f" Read [[{self.slug(n)}]]." for n in self.page_links if n in self.articles)
        return f'---\ntitle: "{self.page_title}"\n---\n\n{self.page_body}{links}\n'

    def site_yaml(self) -> str:
        menu = "menu:\n  - {title: About us, link: about}\n" if self.menu else ""
        menu += "menu_builtin: false\n" if self.menu == 2 else ""
        return (
            'title: "Example Site"\nbase_url: "https://example.org/"\n'
            f'author: "Example Author"\ndescription: "{self.description}"\n'
            'disclaimer: "Not medical advice."\n'
            f"per_page: {self.per_page}\nsearch: false\n{menu}"
            + (f"images: {{widths: {self.widths}}}\n" if self.widths else "")
        )


text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(
    lambda words: " ".join(words).capitalize() + "."
)
titles = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(
    lambda words: " ".join(words).title()
)


class RandomEdits(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="articlegen-random-"))
        self.root = self.tmp / "site"
        self.model = Model()
        self.memory = BuildCache()
        self.preview = BuildCache()
        self.drafts = False
        self.now: dt.datetime | None = None
        self.count = 0
        self.last: dict[str, dict[str, str] | None] = {}

    def teardown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- writing the site -----------------------------------------------------------------

    def write(self, name: str) -> None:
        path = self.root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.model.text(name), encoding="utf-8")

    def linkers(self, name: str) -> list[str]:
        return [
            other
            for other, a in self.model.articles.items()
            if name in a.see_also or name in a.links
        ]

    def edit(self, name: str, **changes: object) -> None:
        self.model.articles[name] = replace(self.model.articles[name], typo=False, **changes)
        self.write(name)

    @initialize()
    def start(self) -> None:
        self.root.mkdir()
        (self.root / "site.yaml").write_text(self.model.site_yaml())
        self.dot(2)
        first = [
            ("a.md", Draft("Sleep Basics", "Sleep well.", 1, tags=("Sleep",), image=True)),
            ("b.md", Draft("Heart Rate", "Walk daily.", 2, tags=("Heart",), see_also=("a.md",))),
            (
                "c.md",
                Draft("Salt Intake", "Less salt.", 3, tags=("Food", "Heart"), links=("b.md",)),
            ),
        ]
        for name, draft in first:
            self.model.articles[name] = draft
            self.write(name)
        self.write_page()

    def write_page(self) -> None:
        path = self.root / "content" / PAGE
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.model.page_text(), encoding="utf-8")

    def dot(self, size: int) -> None:
        (self.root / "static/images").mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (size, size + 1), "white").save(self.root / "static/images/dot.png")

    # -- edits ------------------------------------------------------------------------------

    def pick(self, data: st.DataObject) -> str | None:
        names = sorted(self.model.articles)
        return data.draw(st.sampled_from(names)) if names else None

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data(), body=text)
    def edit_body(self, data, body: str) -> None:
        self.edit(self.pick(data), body=body)

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data(), title=titles)
    def edit_title(self, data, title: str) -> None:
        """A new title, and the articles linking to it by title follow."""
        name = self.pick(data)
        self.edit(name, title=title)
        for other in self.linkers(name):
            if self.model.articles[other].by_title:
                self.write(other)

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data())
    def toggle_title_links(self, data) -> None:
        """Body links by title instead of by slug, or back."""
        name = self.pick(data)
        self.edit(name, by_title=not self.model.articles[name].by_title)

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data())
    def toggle_aliases(self, data) -> None:
        name = self.pick(data)
        self.edit(name, aliases=not self.model.articles[name].aliases)

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data())
    def rename_file(self, data) -> None:
        """The file renamed (its slug too, unless it sets one); linkers follow."""
        name = self.pick(data)
        self.count += 1
        new = f"moved-{self.count}.md"
        (self.root / "content" / name).unlink()
        self.model.articles[new] = self.model.articles.pop(name)
        for draft in self.model.articles.values():
            draft.see_also = tuple(new if n == name else n for n in draft.see_also)
            draft.links = tuple(new if n == name else n for n in draft.links)
        self.model.page_links = tuple(new if n == name else n for n in self.model.page_links)
        self.write(new)
        for other in self.linkers(new):
            self.write(other)
        self.write_page()

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data(), slug=st.sampled_from([None, "renamed", "other-name", "b"]))
    def edit_slug(self, data, slug: str | None) -> None:
        """A new slug, and the articles linking to it follow (as an author would fix them)."""
        name = self.pick(data)
        self.edit(name, slug=slug)
        for other in self.linkers(name):
            self.write(other)
        if name in self.model.page_links:
            self.write_page()

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data())
    def edit_see_also_and_links(self, data) -> None:
        name = self.pick(data)
        others = sorted(set(self.model.articles) - {name})
        chosen = (
            st.lists(st.sampled_from(others), unique=True, max_size=3) if others else st.just([])
        )
        self.edit(name, see_also=tuple(data.draw(chosen)), links=tuple(data.draw(chosen)))

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data(), tags=st.lists(st.sampled_from(TAGS), unique=True, max_size=3))
    def edit_tags(self, data, tags: list[str]) -> None:
        self.edit(self.pick(data), tags=tuple(tags))

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data(), day=st.integers(1, 28))
    def edit_date(self, data, day: int) -> None:
        self.edit(self.pick(data), day=day)

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data())
    def toggle_draft(self, data) -> None:
        name = self.pick(data)
        self.edit(name, draft=not self.model.articles[name].draft)

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data(), disclaimer=st.sampled_from(["", "false", '"Own words."']))
    def edit_disclaimer(self, data, disclaimer: str) -> None:
        self.edit(self.pick(data), disclaimer=disclaimer)

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data())
    def typo_in_front_matter(self, data) -> None:
        """An unknown key: the build fails until the article is edited again."""
        name = self.pick(data)
        self.model.articles[name] = replace(self.model.articles[name], typo=True)
        self.write(name)

    @precondition(lambda self: self.model.articles)
    @rule(data=st.data())
    def touch_without_change(self, data) -> None:
        self.write(self.pick(data))

    @precondition(lambda self: len(self.model.articles) > 1)
    @rule(data=st.data())
    def delete(self, data) -> None:
        """Delete an article; links to it go too (or the build would fail every time after)."""
        name = self.pick(data)
        linkers = self.linkers(name)
        del self.model.articles[name]
        (self.root / "content" / name).unlink()
        if name in self.model.page_links:
            self.model.page_links = tuple(n for n in self.model.page_links if n != name)
            self.write_page()
        for other in linkers:
            a = self.model.articles[other]
            self.edit(
                other,
                see_also=tuple(n for n in a.see_also if n != name),
                links=tuple(n for n in a.links if n != name),
            )

    @precondition(lambda self: len(self.model.articles) < 7)
    @rule(title=titles, body=text, day=st.integers(1, 28), image=st.booleans())
    def add(self, title: str, body: str, day: int, image: bool) -> None:
        self.count += 1
        name = f"new-{self.count}.md"
        self.model.articles[name] = Draft(title, body, day, image=image)
        self.write(name)

    @rule(title=st.sampled_from(["About", "About Us"]), body=text)
    def edit_page(self, title: str, body: str) -> None:
        self.model.page_title, self.model.page_body = title, body
        self.write_page()

    @rule(data=st.data())
    def edit_page_links(self, data) -> None:
        names = sorted(self.model.articles)
        chosen = st.lists(st.sampled_from(names), unique=True, max_size=2) if names else st.just([])
        self.model.page_links = tuple(data.draw(chosen))
        self.write_page()

    @rule(menu=st.integers(0, 2))
    def edit_menu(self, menu: int) -> None:
        self.model.menu = menu
        (self.root / "site.yaml").write_text(self.model.site_yaml())

    @rule(name=st.sampled_from(TEMPLATES), variant=st.integers(0, 3))
    def edit_template(self, name: str, variant: int) -> None:
        """0 removes the site's copy, 3 breaks it, others change what it shows."""
        path = self.root / "templates" / name
        if variant == 0:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(exist_ok=True)
        theme = (THEME_TEMPLATES / name).read_text()
        extra = "{{ nope( }}" if variant == 3 else f"<!-- variant {variant} -->"
        path.write_text(theme.replace("</", extra + "</", 1))

    @rule(
        description=st.sampled_from(["An example site.", "Another one."]),
        per_page=st.integers(1, 4),
        widths=st.sampled_from(["", "[2]", "[1, 3]"]),
    )
    def edit_site_yaml(self, description: str, per_page: int, widths: str) -> None:
        self.model.description, self.model.per_page = description, per_page
        self.model.widths = widths
        (self.root / "site.yaml").write_text(self.model.site_yaml())

    @rule(content=st.sampled_from([None, "one", "two"]), size=st.integers(1, 4))
    def edit_static(self, content: str | None, size: int) -> None:
        extra = self.root / "static/notes.txt"
        if content is None:
            extra.unlink(missing_ok=True)
        else:
            extra.write_text(content)
        self.dot(size)

    @rule()
    def edit_output_by_hand(self) -> None:
        for folder in (self.root / "public", self.tmp / "memory"):
            page = folder / "index.html"
            if page.is_file():
                page.write_text("edited by hand")
                self.last[str(folder)] = None

    @rule()
    def toggle_drafts_option(self) -> None:
        self.drafts = not self.drafts

    @rule()
    def toggle_clock(self) -> None:
        """Build as at ``NOW`` or as the clock says: the dates after it pass, or not yet."""
        self.now = None if self.now else NOW

    @rule(how=st.sampled_from(["truncate", "garble", "delete"]))
    def damage_cache_file(self, how: str) -> None:
        """The saved cache cut short, with bytes changed, or gone: the next build from the
        command line starts afresh and still makes the clean build's site."""
        database = self.root / CACHE_DIR / "cache.sqlite"
        if not database.is_file():
            return
        data = bytearray(database.read_bytes())
        if how == "truncate":
            database.write_bytes(data[: len(data) // 2])
        elif how == "garble":
            middle = len(data) // 2
            data[middle : middle + 64] = bytes(b ^ 0x5A for b in data[middle : middle + 64])
            database.write_bytes(data)
        else:
            database.unlink()

    # -- after every step ---------------------------------------------------------------

    @invariant()
    def every_way_of_building_gives_the_same_output(self) -> None:
        if not self.root.exists():
            return
        reference = self.tmp / "clean"
        shutil.rmtree(reference, ignore_errors=True)
        flags = ["--drafts"] if self.drafts else []
        flags += ["--now", self.now.isoformat()] if self.now else []
        code, errors = cli(
            "build", "--site", self.root, "--output", reference, "--no-cache", *flags
        )
        expected = snapshot(reference) if code == 0 else None
        event("the build succeeds" if code == 0 else "the build fails")

        disk = self.root / "public"
        code_cached, said = cli("build", "--site", self.root, "--jobs", "1", *flags)
        assert (code_cached, [line for line in said if not is_move_note(line)]) == (code, errors)
        self.check(disk, expected)

        memory = self.tmp / "memory"
        options = BuildOptions(output=memory, drafts=self.drafts, now=self.now, jobs=1)
        library(self.root, options, self.memory, errors)
        self.check(memory, expected)

        options = BuildOptions(write=False, drafts=self.drafts, now=self.now, jobs=1)
        pages = library(self.root, options, self.preview, errors)
        if expected is not None:
            assert pages and pages.items() <= expected.items()

    def check(self, folder: Path, expected: dict[str, str] | None) -> None:
        """The folder now matches the clean build, or (after a failure) is as it was."""
        key = str(folder)
        if expected is not None:
            assert snapshot(folder) == expected
            self.last[key] = expected
        elif self.last.get(key) is not None:
            assert snapshot(folder) == self.last[key]


def is_move_note(line: str) -> bool:
    """A note only a build with the last build's cache makes: an address it no longer has
    a page at (``incremental/movedaway.py``), which the clean build cannot know of."""
    return line.startswith("note: ") and (
        "bookmarks there" in line or line.endswith("more content files like these")
    )


def cli(*argv: object) -> tuple[int, list[str]]:
    """Exit code and error lines of ``articlegen …``; the summary line without whether an
    output was there to leave untouched (the clean build writes a folder of its own)."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    lines = err.getvalue().splitlines()
    return code, [line.removesuffix(", the previous output is untouched") for line in lines]


def library(
    root: Path, options: BuildOptions, cache: BuildCache, cli_errors: list[str]
) -> dict[str, str] | None:
    """Build with ``cache``; the pages' digests, or None after the CLI's very errors."""
    try:
        result = build_site(root, options, cache=cache)
    except ArticlegenError as error:
        assert report_lines(error) == cli_errors[: len(report_lines(error))]
        return None
    share = "all" if len(result.rendered) == len(result.pages) else "some"
    event(f"pages rendered again: {share if result.rendered else 'none'}")
    assert not [line for line in cli_errors if line.startswith("error:")]
    return {p.out_path: hashlib.sha256(p.data).hexdigest() for p in result.pages if p.data}


RandomEdits.TestCase.settings = settings(
    max_examples=6,
    stateful_step_count=STEPS,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestRandomEdits = RandomEdits.TestCase


class RandomEditsTrustingStamps(RandomEdits):
    """The same, with file stamps trusted at once (no racy window): unchanged articles are
    not read, and a build with nothing changed ends at the receipt. A pause after each
    round of builds lets the file system's clock move on, as it does between an author's
    saves, so that every edit changes its file's stamp."""

    def __init__(self) -> None:
        super().__init__()
        self.racy, stamps.RACY_SECONDS = stamps.RACY_SECONDS, 0.0

    def teardown(self) -> None:
        stamps.RACY_SECONDS = self.racy
        super().teardown()

    @invariant()
    def the_clock_moves_on(self) -> None:
        time.sleep(0.02)


RandomEditsTrustingStamps.TestCase.settings = RandomEdits.TestCase.settings
TestRandomEditsTrustingStamps = RandomEditsTrustingStamps.TestCase
