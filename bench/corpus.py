"""A deterministic corpus of realistic health articles, for benchmarks and stress tests.

    python bench/corpus.py --articles 1000 --out /tmp/corpus [--seed 7]

Writes ``site.yaml`` and ``content/<slug>.md``: about 1,000 words per article,
with ``##``/``###`` headings, paragraphs with emphasis, bulleted and numbered
lists, 2–4 tags from a shared pool, 2–5 ``see_also`` slugs of other generated
articles, and a few inline links to other articles (``[[slug]]`` and
``[text](slug.md)``). The same ``--articles`` and ``--seed`` always give the
same bytes, so timings and outputs can be compared between runs and machines.
The text is filler built from a small vocabulary: it makes no medical claim.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from pathlib import Path

TARGET_WORDS = 1000


def _phrases(text: str) -> tuple[str, ...]:
    """One phrase per non-empty line."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


TOPICS = _phrases("""
Sleep
Testosterone
Blood Pressure
Cholesterol
Prostate Health
Back Pain
Knee Pain
Running
Strength Training
Stretching
Hydration
Protein
Fibre
Alcohol
Caffeine
Stress
Anxiety
Depression
Burnout
Loneliness
Weight Loss
Belly Fat
Blood Sugar
Heart Health
Posture
Hearing
Eyesight
Skin Care
Hair Loss
Dental Health
Gut Health
Vitamin D
Magnesium
Omega-3
Fasting
Walking
Cycling
Swimming
Mobility
Balance
Recovery
Snoring
Sleep Apnoea
Screen Time
Sitting
Desk Work
Night Shifts
Travel
Cold Exposure
Sauna
Breathing
Meditation
Fatherhood
Retirement
Grief
Anger
Motivation
Habits
Check-ups
Vaccines
""")
ANGLES = _phrases("""
What Actually Helps
A Practical Guide
Common Mistakes
Myths and Facts
Where to Start
A Weekly Plan
Questions to Ask Your Doctor
Warning Signs
The Basics
Small Changes That Add Up
What to Track
How Much Is Enough
When to Worry
A Beginner's Routine
Getting Back on Track
At Home
""")
AUDIENCES = (
    "",
    *(
        " " + a
        for a in _phrases("""
After 40
After 50
in Your 30s
for Busy Men
for Desk Workers
for Runners
for New Fathers
for Shift Workers
for Beginners
""")
    ),
)
TAGS = _phrases("""
sleep
nutrition
fitness
mental-health
heart
hormones
ageing
prevention
recovery
stress
weight
habits
running
strength
mobility
diet
supplements
check-ups
work
family
relationships
pain
energy
focus
outdoors
travel
screening
longevity
motivation
routine
hydration
breathing
posture
skin
digestion
blood-pressure
metabolism
mindfulness
social
men-over-40
""")
SUBJECTS = _phrases("""
Daily movement
A steady schedule
A simple routine
Your doctor
A short walk
Regular sleep
A balanced plate
Steady training
A good coach
Your body
A weekly check
A small habit
Consistent effort
A rest day
Careful tracking
A calm evening
An honest conversation
A written plan
""")
VERBS = _phrases("""
improves
supports
changes
protects
reveals
shapes
strengthens
steadies
affects
restores
clarifies
eases
builds
balances
""")
OBJECTS = _phrases("""
energy during the day
recovery after hard sessions
mood over the week
focus at work
long-term health
the quality of sleep
how you handle stress
appetite and cravings
blood pressure readings
joint comfort
the way you breathe
motivation on difficult days
resting heart rate
digestion after meals
confidence in the gym
patience at home
""")
CLAUSES = _phrases("""
when it is repeated for several weeks
even if progress feels slow at first
as long as the basics are in place
which matters more than any single trick
especially for men who sit most of the day
without expensive equipment
if you start small and stay consistent
once the routine feels normal
and the effect builds over months
while leaving room for rest
because the body adapts to steady demands
more than most people expect
""")
OPENERS = _phrases("""
In practice,
For most men,
Over time,
On busy weeks,
Put simply,
As a rule,
Just as important,
At the same time,
In the long run,
Often,
""")
LIST_ITEMS = _phrases("""
Keep a regular bedtime, even at weekends
Drink a glass of water with every meal
Walk for ten minutes after dinner
Write down one goal for the week
Book the check-up you have been putting off
Stretch your hips and back each morning
Swap one sugary drink for water
Lift something heavy twice a week
Turn screens off an hour before sleep
Eat vegetables with lunch and dinner
Call a friend instead of scrolling
Take the stairs when you can
Keep alcohol to a few evenings a week
Note how you feel after training
Plan meals for the next three days
Spend twenty minutes outdoors in daylight
""")
SECTION_TITLES = _phrases("""
Why It Matters
What Changes With Age
Getting Started
A Simple Routine
What to Eat
How to Train
Rest and Recovery
Tracking Progress
When to See a Doctor
Common Pitfalls
Making It Stick
At Work
At Home
With Your Partner
On the Road
Putting It Together
""")


def generate(articles: int, out: Path, seed: int = 7) -> list[Path]:
    """Write the corpus into ``out`` (created if missing); returns the article files."""
    rng = random.Random(seed)
    titles = _titles(articles, rng)
    slugs = [_slugify(t) for t in titles]
    content = out / "content"
    content.mkdir(parents=True, exist_ok=True)
    (out / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    start = dt.date(2015, 1, 1)
    paths = []
    for index, (title, slug) in enumerate(zip(titles, slugs, strict=True)):
        date = start + dt.timedelta(days=(index * 3653) // max(articles, 1) + rng.randrange(3))
        others = [s for s in rng.sample(slugs, min(len(slugs), 8)) if s != slug]
        text = _front_matter(title, date, rng, others[:5]) + _body(rng, others[5:])
        path = content / f"{slug}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


SITE_YAML = """\
title: "Benchmark Health Notes"
base_url: "https://example.org/"
language: en
description: "A generated corpus of health articles for benchmarks."
author: "Example Author"
output: public
per_page: 10
# Benchmarks compare builds with Hugo's, which makes no search index.
search: false
"""


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


def _front_matter(title: str, date: dt.date, rng: random.Random, see_also: list[str]) -> str:
    lines = ["---", f'title: "{title}"', f"date: {date.isoformat()}"]
    if rng.random() < 0.3:
        lines.append(f"updated: {(date + dt.timedelta(days=rng.randrange(30, 400))).isoformat()}")
    if rng.random() < 0.5:
        lines.append(f'description: "{_sentence(rng)}"')
    lines.append("tags: [" + ", ".join(rng.sample(TAGS, rng.randint(2, 4))) + "]")
    if see_also:
        lines.append("see_also:")
        lines += [f"  - {slug}" for slug in see_also[: rng.randint(2, 5)]]
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _body(rng: random.Random, link_slugs: list[str]) -> str:
    blocks = [_paragraph(rng, 4), _paragraph(rng, 3)]
    words = sum(len(b.split()) for b in blocks)
    links = list(link_slugs)
    for title in rng.sample(SECTION_TITLES, len(SECTION_TITLES)):
        if words >= TARGET_WORDS:
            break
        section = [f"## {title}", _paragraph(rng, 4, links)]
        roll = rng.random()
        if roll < 0.45:
            section.append(_bullets(rng))
        elif roll < 0.65:
            section.append(_numbered(rng))
        if rng.random() < 0.4:
            section += [f"### {rng.choice(SECTION_TITLES)}", _paragraph(rng, 3)]
        section.append(_paragraph(rng, 5))
        blocks += section
        words += sum(len(b.split()) for b in section)
    return "\n\n".join(blocks) + "\n"


def _paragraph(rng: random.Random, sentences: int, links: list[str] | None = None) -> str:
    parts = [_sentence(rng) for _ in range(sentences)]
    if rng.random() < 0.3:
        parts[0] = _emphasise(parts[0], "**")
    if rng.random() < 0.25:
        parts[-1] = _emphasise(parts[-1], "*")
    if links and rng.random() < 0.5:
        slug = links.pop()
        link = f"[[{slug}]]" if rng.random() < 0.5 else f"[this guide]({slug}.md)"
        parts.append(f"For more, see {link}.")
    return " ".join(parts)


def _emphasise(sentence: str, marker: str) -> str:
    """The sentence with its object phrase wrapped in ``marker`` (``**`` or ``*``)."""
    for phrase in OBJECTS:
        if phrase in sentence:
            return sentence.replace(phrase, f"{marker}{phrase}{marker}", 1)
    return sentence


def _sentence(rng: random.Random) -> str:
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    text += f", {rng.choice(CLAUSES)}"
    if rng.random() < 0.5:
        text = f"{rng.choice(OPENERS)} {text[0].lower()}{text[1:]}"
    return text + "."


def _bullets(rng: random.Random) -> str:
    return "\n".join(f"- {item}." for item in rng.sample(LIST_ITEMS, rng.randint(4, 6)))


def _numbered(rng: random.Random) -> str:
    items = rng.sample(LIST_ITEMS, rng.randint(3, 5))
    return "\n".join(f"{n}. **{item}.** {_sentence(rng)}" for n, item in enumerate(items, 1))


def main(argv: list[str] | None = None) -> int:
    """Command line: ``--articles N --out DIR [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--out", type=Path, required=True, help="site folder to write")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    if (args.out / "content").exists() and any((args.out / "content").iterdir()):
        parser.error(f"{args.out / 'content'} is not empty; choose a new --out")
    paths = generate(args.articles, args.out, args.seed)
    print(f"wrote {len(paths)} articles and site.yaml into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
