"""A deterministic corpus of realistic health articles, for benchmarks and stress tests.

    python bench/corpus.py --articles 2000 --out /tmp/corpus [--seed 7]

Writes ``site.yaml``, ``content/<slug>.md`` and the images the articles show
(``static/images/``). An article body has about 1,100 words of Markdown (roughly
850 to 1,400) in the shapes real ones take: ``##``/``###`` headings; paragraphs, most
with emphasis and a link, many citing a source (``[^id]``); links to other
articles as ``[[slug]]``, ``[[slug|text]]`` and ``[text](slug.md)``, and to other
sites; bulleted and numbered lists, some nested; tables; block quotes; images;
now and then a ``::: video`` block; often a "Further reading" list. Its header
has 2–4 tags, 2–5 ``see_also`` slugs, and the ``references:`` its citations cite.

The same ``--articles`` and ``--seed`` always give the same bytes, so timings and
outputs can be compared between runs and machines. The text is filler built from
a small vocabulary (bench/vocabulary.py): it makes no medical claim, and every web
address in it is on a domain reserved for examples.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from pathlib import Path

from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from bench.vocabulary import (
    ANGLES,
    AUDIENCES,
    AUTHORS,
    CLAUSES,
    EXTERNAL_HOSTS,
    EXTERNAL_TEXTS,
    FREQUENCIES,
    IMAGE_ALTS,
    LINK_TEXTS,
    LIST_ITEMS,
    OBJECTS,
    OPENERS,
    PUBLISHERS,
    QUOTE_LABELS,
    SECTION_TITLES,
    SOURCE_KINDS,
    SUBJECTS,
    TABLE_HEADS,
    TAGS,
    TOPICS,
    VERBS,
    VIDEO_TITLES,
)

WORDS = (950, 1250)
"""The range an article body's length is drawn from, in words (Markdown markup counted as
text); sections come whole, so a body ends up to about 150 words either side of it."""
SECTION_WORDS = 220
"""About the words of one section: one is added while the body is short of its length by
more than half of that, so bodies end near their length on average."""
MAX_REFERENCES = 5
"""Sources one article cites at most."""
IMAGES = (("chart.png", 800, 450), ("photo.jpg", 1200, 800), ("plan.png", 640, 480))
"""The image files under ``static/images/`` (name, width, height), in a few formats and sizes."""
VIDEO_SHARE = 0.15
"""The share of articles with a ``::: video`` block."""

SITE_YAML = """\
title: "Benchmark Health Notes"
base_url: "https://example.org/"
language: en
description: "A generated corpus of health articles for benchmarks."
author: "Example Author"
output: public
per_page: 10
# Benchmarks compare builds with Hugo's, which makes no search index;
# bench/run.py turns search on for the cases that time it.
search: false
"""


def generate(articles: int, out: Path, seed: int = 7) -> list[Path]:
    """Write the corpus into ``out`` (created if missing); returns the article files."""
    rng = random.Random(seed)
    titles = _titles(articles, rng)
    slugs = [_slugify(t) for t in titles]
    content = out / "content"
    content.mkdir(parents=True, exist_ok=True)
    (out / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    write_images(out / "static" / "images")
    start = dt.date(2015, 1, 1)
    paths = []
    for index, (title, slug) in enumerate(zip(titles, slugs, strict=True)):
        date = start + dt.timedelta(days=(index * 3653) // max(articles, 1) + rng.randrange(3))
        see_also = [s for s in rng.sample(slugs, min(len(slugs), 6)) if s != slug]
        writer = _Writer(rng, slug, slugs)
        body = writer.body()
        header = _front_matter(title, date, rng, see_also[: rng.randint(2, 5)], writer.sources)
        path = content / f"{slug}.md"
        path.write_text(header + body, encoding="utf-8")
        paths.append(path)
    return paths


def write_images(folder: Path) -> list[Path]:
    """The images articles show: small files of real formats, so both generators read sizes."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, (name, width, height) in enumerate(IMAGES):
        image = Image.new("RGB", (width, height), (236, 240, 244))
        draw = ImageDraw.Draw(image)
        for bar in range(6):  # a few bars, so the file is an image rather than one colour
            top = height - (bar * 37 + number * 50) % (height - 20) - 20
            draw.rectangle((40 + bar * 60, top, 80 + bar * 60, height - 10), fill=(40, 90, 140))
        paths.append(folder / name)
        image.save(paths[-1])
    return paths


def _titles(count: int, rng: random.Random) -> list[str]:
    combos = [f"{t}{a}: {g}" for t in TOPICS for a in AUDIENCES for g in ANGLES]
    rng.shuffle(combos)
    titles = combos[:count]
    part = 2
    while len(titles) < count:
        titles += [f"{c} (Part {part})" for c in combos[: count - len(titles)]]
        part += 1
    return titles


def _slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def _front_matter(
    title: str, date: dt.date, rng: random.Random, see_also: list[str], sources: list[str]
) -> str:
    lines = ["---", f'title: "{title}"', f"date: {date.isoformat()}"]
    if rng.random() < 0.3:
        lines.append(f"updated: {(date + dt.timedelta(days=rng.randrange(30, 400))).isoformat()}")
    if rng.random() < 0.5:
        lines.append(f'description: "{_sentence(rng)}"')
    lines.append("tags: [" + ", ".join(rng.sample(TAGS, rng.randint(2, 4))) + "]")
    if see_also:
        lines.append("see_also:")
        lines += [f"  - {slug}" for slug in see_also]
    if sources:
        lines.append("references:")
        for number, topic in enumerate(sources, 1):
            lines += _reference(rng, number, topic)
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _reference(rng: random.Random, number: int, topic: str) -> list[str]:
    """One ``references:`` item, id ``src-N``: an "Example" source on a reserved domain."""
    lines = [
        f"  - id: src-{number}",
        f'    title: "Example {rng.choice(SOURCE_KINDS)}: {topic}"',
        f"    url: https://{rng.choice(EXTERNAL_HOSTS)}/sources/{_slugify(topic)}-{number}",
    ]
    if rng.random() < 0.7:
        lines.append(f'    authors: "{rng.choice(AUTHORS)}"')
    if rng.random() < 0.8:
        lines.append(f'    publisher: "{rng.choice(PUBLISHERS)}"')
    roll, year = rng.random(), rng.randrange(2005, 2025)
    if roll < 0.4:
        lines.append(f"    date: {year}")
    elif roll < 0.8:
        lines.append(f"    date: {dt.date(year, rng.randint(1, 12), rng.randint(1, 28))}")
    return lines


class _Writer:
    """Writes one article's body, and keeps the sources its citations cite."""

    def __init__(self, rng: random.Random, slug: str, slugs: list[str]) -> None:
        self.rng, self.slug, self.slugs = rng, slug, slugs
        self.sources: list[str] = []
        """The topic of each cited source; source N has the id ``src-N``."""

    def body(self) -> str:
        """Sections until the body has its length; a video in one of the first three."""
        rng = self.rng
        target = rng.randint(*WORDS)
        video_at = rng.randrange(3) if rng.random() < VIDEO_SHARE else None
        blocks = [self.paragraph(4), self.paragraph(3)]
        if rng.random() < 0.3:
            blocks += self.image()
        closing = self.further_reading() if rng.random() < 0.5 else []
        room = target - _words(closing)
        for number, title in enumerate(rng.sample(SECTION_TITLES, len(SECTION_TITLES))):
            if _words(blocks) + SECTION_WORDS // 2 >= room:
                break
            section = [f"## {title}", self.paragraph(4)]
            section += self.video() if number == video_at else self.feature()
            if rng.random() < 0.4:
                section += [f"### {rng.choice(SECTION_TITLES)}", self.paragraph(3)]
            section.append(self.paragraph(5))
            blocks += section
        return "\n\n".join(blocks + closing) + "\n"

    def paragraph(self, sentences: int) -> str:
        """Sentences; most paragraphs emphasise a phrase and link somewhere, many cite."""
        rng = self.rng
        parts = [_sentence(rng) for _ in range(sentences)]
        for marker, chance in (("**", 0.45), ("*", 0.4), ("_", 0.1)):
            if rng.random() < chance:
                at = rng.randrange(len(parts))
                parts[at] = _wrap_object(parts[at], marker, marker)
        if rng.random() < 0.75:
            self.link_in(parts)
        if rng.random() < 0.4:
            at = rng.randrange(len(parts))
            parts[at] += f"[^{self.cite()}]"
        return " ".join(parts)

    def link_in(self, parts: list[str]) -> None:
        """A link: on a phrase of one sentence, or as a sentence of its own."""
        rng = self.rng
        at = rng.randrange(len(parts))
        roll = rng.random()
        if roll < 0.4:
            parts[at] = _wrap_object(parts[at], "[", f"]({self.internal_href()})")
        elif roll < 0.6:
            parts[at] = _wrap_object(parts[at], "[", f"]({self.external_href()})")
        else:
            parts.insert(at + 1, f"For more, see {self.internal_link()}.")

    def internal_link(self) -> str:
        """A link to another article in one of the forms authors write."""
        rng, other = self.rng, self.other()
        if other is None:
            return f"[{rng.choice(EXTERNAL_TEXTS)}]({self.external_href()})"
        roll = rng.random()
        if roll < 0.35:
            return f"[[{other}]]"
        if roll < 0.6:
            return f"[[{other}|{rng.choice(LINK_TEXTS)}]]"
        return f"[{rng.choice(LINK_TEXTS)}]({other}.md)"

    def internal_href(self) -> str:
        """Another article's file (``slug.md``), or an external address in a one-article corpus."""
        other = self.other()
        return f"{other}.md" if other else self.external_href()

    def external_href(self) -> str:
        topic = _slugify(self.rng.choice(TOPICS))
        path = self.rng.choice(("health", "guides", "articles/men"))
        return f"https://www.{self.rng.choice(EXTERNAL_HOSTS)}/{path}/{topic}"

    def other(self) -> str | None:
        """Another article's slug at random (None when there is no other)."""
        if len(self.slugs) < 2:
            return None
        while (slug := self.rng.choice(self.slugs)) == self.slug:
            pass
        return slug

    def cite(self) -> str:
        """The id of a source to cite: a new one at first, later often one cited before."""
        if not self.sources or (len(self.sources) < MAX_REFERENCES and self.rng.random() < 0.6):
            self.sources.append(self.rng.choice(TOPICS))
            return f"src-{len(self.sources)}"
        return f"src-{self.rng.randrange(len(self.sources)) + 1}"

    def feature(self) -> list[str]:
        """What follows a section's first paragraph: a list, table, quote, image, or nothing."""
        roll = self.rng.random()
        for chance, block in (
            (0.2, self.bullets),
            (0.32, self.nested_bullets),
            (0.47, self.numbered),
            (0.62, self.table),
            (0.77, self.quote),
            (0.85, self.image),
        ):
            if roll < chance:
                return block()
        return []

    def bullets(self) -> list[str]:
        items = self.rng.sample(LIST_ITEMS, self.rng.randint(4, 6))
        return ["\n".join(f"- {self.item(item)}" for item in items)]

    def nested_bullets(self) -> list[str]:
        lines = []
        for item in self.rng.sample(LIST_ITEMS, self.rng.randint(3, 4)):
            lines.append(f"- {self.item(item)}")
            if self.rng.random() < 0.6:
                subs = self.rng.sample(OBJECTS, self.rng.randint(2, 3))
                lines += [f"  - {sub[0].upper()}{sub[1:]}." for sub in subs]
        return ["\n".join(lines)]

    def numbered(self) -> list[str]:
        lines = []
        for n, item in enumerate(self.rng.sample(LIST_ITEMS, self.rng.randint(3, 5)), 1):
            lines.append(f"{n}. **{item}.** {_sentence(self.rng)}")
            if self.rng.random() < 0.3:
                lines += [f"   - {sub}" for sub in self.rng.sample(FREQUENCIES, 2)]
        return ["\n".join(lines)]

    def item(self, text: str) -> str:
        """A list item: plain, with a link, or with a sentence after it."""
        roll = self.rng.random()
        if roll < 0.2:
            return f"{text} ({self.internal_link()})."
        if roll < 0.4:
            return f"{text}: {_sentence(self.rng)}"
        return f"{text}."

    def table(self) -> list[str]:
        head = self.rng.choice(TABLE_HEADS)
        rows = [list(head), [":---", ":---:", "---"]]
        for item in self.rng.sample(LIST_ITEMS, self.rng.randint(3, 6)):
            effect = self.rng.choice(OBJECTS)
            roll = self.rng.random()
            if roll < 0.25:  # [[a|b]] would split the cell at its "|": tables use .md links
                effect = f"[{effect}]({self.internal_href()})"
            elif roll < 0.5:
                effect = f"*{effect}*"
            rows.append([item, self.rng.choice(FREQUENCIES), effect])
        return ["\n".join("| " + " | ".join(row) + " |" for row in rows)]

    def quote(self) -> list[str]:
        first = f"**{self.rng.choice(QUOTE_LABELS)}:** {self.paragraph(2)}"
        paragraphs = [first] + ([self.paragraph(2)] if self.rng.random() < 0.3 else [])
        return ["\n>\n".join(f"> {p}" for p in paragraphs)]

    def image(self) -> list[str]:
        """An image from ``static/images/``, its path written with or without ``/``, some
        with a title, some followed by an italic caption."""
        name, alt = self.rng.choice(IMAGES)[0], self.rng.choice(IMAGE_ALTS)
        title = f' "{alt}"' if self.rng.random() < 0.3 else ""
        lead = "/" if self.rng.random() < 0.5 else ""
        block = [f"![{alt}]({lead}images/{name}{title})"]
        if self.rng.random() < 0.5:
            block.append(f"*{_sentence(self.rng)}*")
        return block

    def video(self) -> list[str]:
        """A ``::: video`` block, YouTube or Vimeo; the ids are placeholders, not real videos."""
        rng = self.rng
        if rng.random() < 0.7:
            url = f"https://www.youtube.com/watch?v=example{rng.randrange(10_000):04d}"
        else:
            url = f"https://vimeo.com/1234567{rng.randrange(100):02d}"
        lines = [f'::: video {url} "{rng.choice(VIDEO_TITLES)}"']
        if rng.random() < 0.7:
            lines.append(_wrap_object(_sentence(rng), "*", "*"))
        return ["\n".join([*lines, ":::"])]

    def further_reading(self) -> list[str]:
        """A "Further reading" section: a list of links, most to other articles."""
        items = []
        for _ in range(self.rng.randint(3, 5)):
            if self.rng.random() < 0.75:
                items.append(f"- {self.internal_link()}")
            else:
                text = self.rng.choice(EXTERNAL_TEXTS)
                items.append(f"- [{text[0].upper()}{text[1:]}]({self.external_href()})")
        return ["## Further Reading", "\n".join(items)]


def _words(blocks: list[str]) -> int:
    return sum(len(block.split()) for block in blocks)


def _wrap_object(sentence: str, before: str, after: str) -> str:
    """The sentence with its object phrase wrapped (in emphasis markers, or a link)."""
    for phrase in OBJECTS:
        if phrase in sentence:
            return sentence.replace(phrase, f"{before}{phrase}{after}", 1)
    return sentence


def _sentence(rng: random.Random) -> str:
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    text += f", {rng.choice(CLAUSES)}"
    if rng.random() < 0.5:
        text = f"{rng.choice(OPENERS)} {text[0].lower()}{text[1:]}"
    return text + "."


def main(argv: list[str] | None = None) -> int:
    """Command line: ``--articles N --out DIR [--seed S]``."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--out", type=Path, required=True, help="site folder to write")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    if (args.out / "content").exists() and any((args.out / "content").iterdir()):
        parser.error(f"{args.out / 'content'} is not empty; choose a new --out")
    paths = generate(args.articles, args.out, args.seed)
    print(f"wrote {len(paths)} articles, their images and site.yaml into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
