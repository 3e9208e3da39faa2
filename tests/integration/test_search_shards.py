"""The search index made shard by shard: Pagefind runs only for what changed, and an
incremental build publishes the same bytes as a clean one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from articlegen.output import pagefindindex, pagefindrun, search, searchpages
from articlegen.output.pagefindrun import PagefindService
from articlegen.output.searchpages import shard_of
from tests.conftest import article
from tests.helpers import same_as_clean, snapshot
from tests.integration.test_images import add_image
from tests.integration.test_search import needs_pagefind, pagefind_installed  # noqa: F401

SHARD_SIZE = 2
"""Pages per shard in these tests: a few articles make several shards."""


@pytest.fixture
def pagefind_runs(monkeypatch) -> list[list[str]]:
    """The pages of every Pagefind run a build makes, in order (small shards)."""
    monkeypatch.setattr(searchpages, "PAGES_PER_SHARD", SHARD_SIZE)
    runs: list[list[str]] = []
    real = PagefindService.index

    def spy(service: PagefindService, pages: list[str]) -> dict[str, bytes]:
        runs.append(list(pages))
        return real(service, pages)

    monkeypatch.setattr(PagefindService, "index", spy)
    return runs


def articles(count: int = 8) -> dict[str, str]:
    return {
        f"a{n}.md": article(f"Article {n}", f"Zinc and sleep, part {n}.", tags="[zinc]")
        for n in range(count)
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def page_count(public: Path) -> int:
    entry = json.loads((public / "pagefind" / "pagefind-entry.json").read_text())
    return sum(language["page_count"] for language in entry["languages"].values())


@needs_pagefind
def test_pagefind_runs_only_for_the_shards_whose_indexed_text_changed(
    site, run_cli, pagefind_runs: list[list[str]]
) -> None:
    root = site(articles())
    assert run_cli("build", "--site", root)[0] == 0
    shards = 4  # 8 articles, 2 a shard
    assert len(pagefind_runs) == shards
    assert sorted(p for run in pagefind_runs for p in run) == sorted(
        f"a{n}/index.html" for n in range(8)
    )

    pagefind_runs.clear()  # See Also and "Linked from" are data-pagefind-ignore blocks
    edit(root / "content" / "a1.md", 'title: "Article 1"', 'title: "Article 1"\nsee_also: [a5]')
    assert run_cli("build", "--site", root)[0] == 0
    assert "a5/" in (root / "public" / "a1" / "index.html").read_text()
    assert pagefind_runs == []
    assert page_count(root / "public") == 8

    pagefind_runs.clear()  # a body edit: its shard alone
    edit(root / "content" / "a3.md", "part 3.", "part 3, with magnesium.")
    assert run_cli("build", "--site", root)[0] == 0
    shard = shard_of("a3/index.html", shards)
    assert pagefind_runs == [
        sorted(
            (f"a{n}/index.html" for n in range(8) if shard_of(f"a{n}/index.html", 4) == shard),
            key=lambda p: p.split("/"),
        )
    ]
    assert page_count(root / "public") == 8


@needs_pagefind
def test_a_build_indexes_all_its_shards_with_one_pagefind_process(
    site, run_cli, pagefind_runs: list[list[str]], monkeypatch
) -> None:
    started: list[list[str]] = []
    real = pagefindrun.subprocess.Popen

    def recorded(command: list[str], **kwargs: object) -> object:
        started.append(command)
        return real(command, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(pagefindrun.subprocess, "Popen", recorded)
    root = site(articles())
    assert run_cli("build", "--site", root)[0] == 0
    assert len(pagefind_runs) == 4 and len(started) == 1
    assert started[0][1:] == ["--service"]
    assert page_count(root / "public") == 8


@needs_pagefind
def test_a_new_article_reindexes_its_shard_and_a_removed_one_its_own(
    site, run_cli, pagefind_runs: list[list[str]]
) -> None:
    root = site(articles(7))
    assert run_cli("build", "--site", root)[0] == 0
    pagefind_runs.clear()
    (root / "content" / "a7.md").write_text(article("Article 7", "Iron."), encoding="utf-8")
    assert run_cli("build", "--site", root)[0] == 0
    assert [p for run in pagefind_runs for p in run if p == "a7/index.html"] == ["a7/index.html"]
    assert len(pagefind_runs) == 1 and page_count(root / "public") == 8

    pagefind_runs.clear()
    (root / "content" / "a2.md").unlink()
    assert run_cli("build", "--site", root)[0] == 0
    assert len(pagefind_runs) <= 1 and page_count(root / "public") == 7
    assert all("a2/index.html" not in run for run in pagefind_runs)


@needs_pagefind
def test_incremental_builds_publish_the_bytes_of_a_clean_build_index_included(
    site, run_cli, pagefind_runs: list[list[str]], tmp_path: Path
) -> None:
    root = site(articles())
    steps = [
        lambda: edit(root / "content" / "a2.md", "part 2.", "part 2, and testosterone."),
        lambda: edit(root / "content" / "a4.md", 'title: "Article 4"', 'title: "Heart rate"'),
        lambda: (root / "content" / "a9.md").write_text(article("New", "Café naïve résumé.")),
        lambda: (root / "content" / "a0.md").unlink(),
        lambda: edit(root / "content" / "a6.md", 'title: "Article 6"', 'title: "A6"\nsee_also: [a1]'),
    ]  # fmt: skip
    assert run_cli("build", "--site", root)[0] == 0
    for number, step in enumerate(steps):
        step()
        assert run_cli("build", "--site", root)[0] == 0
        made = same_as_clean(root, tmp_path, f"clean{number}")
        assert any(p.startswith("pagefind/index/") for p in made)


@needs_pagefind
def test_what_pagefind_reads_of_images_is_indexed_again_when_it_changes(
    site, run_cli, pagefind_runs: list[list[str]], tmp_path: Path
) -> None:
    """Pagefind takes a page's first image from its ignored See Also block too (another
    card's picture there is another result image), and an image's alt text as written,
    its spaces too: each edit publishes a clean build's index."""
    root = site({
        "a.md": article("Alpha", "Turnips.", see_also="[b]"),
        "b.md": article("Bravo", "Parsnips.", image='{src: images/b.jpg, alt: "Red"}'),
        "c.md": article("Charlie", "Radishes.", image='{src: images/c.jpg, alt: "Blue  sky"}'),
    })  # fmt: skip
    add_image(root, "images/b.jpg", (600, 400))
    add_image(root, "images/c.jpg", (600, 400))
    assert run_cli("build", "--site", root)[0] == 0
    steps = [
        lambda: edit(root / "content" / "a.md", "see_also: [b]", "see_also: [c]"),
        lambda: edit(root / "content" / "c.md", "Blue  sky", "Blue sky"),
    ]
    for number, step in enumerate(steps):
        step()
        assert run_cli("build", "--site", root)[0] == 0
        same_as_clean(root, tmp_path, f"clean{number}")


@needs_pagefind
def test_an_edit_compresses_only_the_word_chunks_it_changed(
    site, run_cli, pagefind_runs: list[list[str]], tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(pagefindindex, "CHUNK_SIZE", 3)  # a few words a chunk: many chunks
    compressed: list[bytes] = []
    real = pagefindindex._compressed

    def counted(body: bytes) -> bytes:
        compressed.append(body)
        return real(body)

    monkeypatch.setattr(pagefindindex, "_compressed", counted)
    root = site(articles())
    assert run_cli("build", "--site", root)[0] == 0
    chunks = [p for p in snapshot(root / "public") if p.startswith("pagefind/index/")]
    assert len(chunks) > 10
    compressed.clear()
    edit(root / "content" / "a3.md", "part 3.", "part 3, with magnesium.")
    assert run_cli("build", "--site", root)[0] == 0
    assert 1 < len(compressed) - 1 < len(chunks) // 2  # the changed chunks and the meta file
    assert b"magnesium" in b"".join(compressed)
    same_as_clean(root, tmp_path)


@needs_pagefind
def test_an_edit_links_anew_only_the_index_files_it_changed(
    site, run_cli, pagefind_runs: list[list[str]], tmp_path: Path, monkeypatch
) -> None:
    """The index the spare kept is staged with the site and brought up to date, not made
    anew; anything else found in it goes."""
    root = site(articles())
    for number in range(2):  # the second build leaves the first's site as the spare
        edit(
            root / "content" / "a3.md",
            f"part 3{'.' if not number else ', again.'}",
            "part 3, again.",
        )
        assert run_cli("build", "--site", root)[0] == 0
    spare = root / ".articlegen-cache" / "spare-output" / "pagefind"
    (spare / "fragment" / "stray.pf_fragment").write_bytes(b"left by hand")
    (spare / "stray-folder").mkdir()
    linked: list[str] = []
    real = search._link_or_copy

    def counted(source: str, target: str) -> None:
        linked.append(target)
        real(source, target)

    monkeypatch.setattr(search, "_link_or_copy", counted)
    edit(root / "content" / "a3.md", "part 3, again.", "part 3, with zinc.")
    assert run_cli("build", "--site", root)[0] == 0
    files = [p for p in snapshot(root / "public") if p.startswith("pagefind/")]
    assert 0 < len(linked) < len(files) // 2
    same_as_clean(root, tmp_path)
    assert not (root / "public" / "pagefind" / "stray-folder").exists()


@needs_pagefind
def test_a_lost_or_damaged_search_state_is_made_again(
    site, run_cli, pagefind_runs: list[list[str]], tmp_path: Path
) -> None:
    root = site(articles())
    assert run_cli("build", "--site", root)[0] == 0
    before = snapshot(root / "public")
    state = root / ".articlegen-cache" / "search"
    damaged = next(state.glob("shard-*"))
    damaged.write_bytes(damaged.read_bytes()[:-5] + b"xxxxx")
    shutil.rmtree(next(state.glob("bundle-*")))
    edit(root / "content" / "a1.md", "part 1.", "part 1 again.")
    edit(root / "content" / "a1.md", "part 1 again.", "part 1.")  # the same text as before
    pagefind_runs.clear()
    assert run_cli("build", "--site", root)[0] == 0
    assert len(pagefind_runs) == 1  # the damaged shard; the others are read back
    assert snapshot(root / "public") == before


def _truncated(bundle: Path) -> None:
    for chunk in (bundle / "index").iterdir():  # in place: the published files too
        chunk.write_bytes(chunk.read_bytes()[:10])


def _edited(bundle: Path) -> None:
    entry = bundle / "pagefind-entry.json"
    with entry.open("r+b") as file:  # the same size and inode, other bytes
        file.write(b"{}" + b" " * (len(file.read()) - 2))


def _removed(bundle: Path) -> None:
    next((bundle / "fragment").iterdir()).unlink()


def _replaced(bundle: Path) -> None:
    program = bundle / "pagefind.js"
    program.unlink()
    program.write_bytes(b"// left by hand\n")


def _added(bundle: Path) -> None:
    (bundle / "fragment" / "stray.pf_fragment").write_bytes(b"left by hand")


@needs_pagefind
@pytest.mark.parametrize("damage", [_truncated, _edited, _removed, _replaced, _added])
@pytest.mark.parametrize("indexed", [False, True], ids=["see-also-edit", "body-edit"])
def test_a_damaged_kept_index_is_not_published_again(
    site,
    run_cli,
    pagefind_runs: list[list[str]],
    tmp_path: Path,
    monkeypatch,
    damage,
    indexed: bool,
) -> None:
    """The last merged index is kept and published again when no indexed text changed
    (and its unchanged word chunks reused when some did): a file of it damaged, replaced,
    removed or added by hand is noticed and the index made again, as a clean build's."""
    monkeypatch.setattr(pagefindindex, "CHUNK_SIZE", 4)  # many chunks, most unchanged
    root = site(articles())
    assert run_cli("build", "--site", root)[0] == 0
    (bundle,) = (root / ".articlegen-cache" / "search").glob("bundle-*")
    damage(bundle)
    if indexed:
        edit(root / "content" / "a3.md", "part 3.", "part 3, with magnesium.")
    else:
        edit(root / "content" / "a1.md", 'title: "Article 1"', 'title: "Article 1"\nsee_also: [a5]')
    assert run_cli("build", "--site", root)[0] == 0
    same_as_clean(root, tmp_path)
    assert page_count(root / "public") == 8
