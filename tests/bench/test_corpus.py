"""The benchmark corpus: deterministic, realistic, and a valid site."""

from __future__ import annotations

import random
from pathlib import Path

from articlegen.build import build_site
from articlegen.core.model import BuildOptions
from bench import corpus
from tests.helpers import snapshot


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    corpus.generate(30, tmp_path / "a", seed=3)
    corpus.generate(30, tmp_path / "b", seed=3)
    corpus.generate(30, tmp_path / "c", seed=4)
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    assert snapshot(tmp_path / "a") != snapshot(tmp_path / "c")


def test_articles_are_long_linked_and_build_cleanly(tmp_path: Path) -> None:
    paths = corpus.generate(40, tmp_path, seed=1)
    assert len({p.name for p in paths}) == 40
    words = [len(p.read_text().split()) for p in paths]
    assert min(words) > 800 and sum(words) / len(words) > 950
    texts = [p.read_text() for p in paths]
    assert all("\n## " in t and "see_also:\n  - " in t for t in texts)
    assert sum("\n- " in t for t in texts) > 10
    result = build_site(tmp_path, BuildOptions(output=tmp_path / "out"))
    assert result.articles == 40
    assert (tmp_path / "out" / "see-also" / "index.html").is_file()


def test_more_articles_than_distinct_titles_stay_unique() -> None:
    count = len(corpus.TOPICS) * len(corpus.AUDIENCES) * len(corpus.ANGLES) + 5
    titles = corpus._titles(count, random.Random(0))
    assert len(set(titles)) == count
    assert len({corpus._slugify(t) for t in titles}) == count
