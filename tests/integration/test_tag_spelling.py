"""A build and ``articlegen check`` say, in a note, which tags look like one tag spelt two
ways (``render/tagspelling.py``): each makes a tag page of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from articlegen.incremental import stamps
from articlegen.render.tagspelling import MOST_NOTES
from tests.conftest import article

NOTE = (
    "note: content/low-t.md: tag 'testosteron' (1 article) looks like 'Testosterone' (3"
    " articles) spelt another way, so each has a tag page of its own,"
    " https://example.test/tags/testosteron/ and https://example.test/tags/testosterone/,"
    " listing part of the articles — if they are one tag, write 'Testosterone' in it; if they"
    " are two, leave them\n"
)

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture(autouse=True)
def stamps_trusted_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests write files moments before building; here their stamps are trusted anyway."""
    monkeypatch.setattr(stamps, "RACY_SECONDS", 0.0)


@pytest.fixture
def misspelt(site: Callable[..., Path]) -> Path:
    articles = {f"t{i}.md": article(f"T{i}", tags="[Testosterone]") for i in range(3)}
    articles["low-t.md"] = article("Low T", tags="[testosteron, Vitamin B6]")
    articles["b12.md"] = article("B12", tags="[Vitamin B12]")
    return site(articles)


def test_build_and_check_name_the_rarer_tag_and_its_files(misspelt: Path, run_cli: Run) -> None:
    code, _, err = run_cli("build", "--site", misspelt, "--strict")
    assert (code, err) == (0, NOTE)  # a note: --strict builds as before
    assert (misspelt / "public/tags/testosteron/index.html").is_file()
    assert run_cli("check", "--site", misspelt, "--strict")[::2] == (0, NOTE)


def test_a_build_with_nothing_to_do_repeats_it_as_it_does_every_note(
    misspelt: Path, run_cli: Run
) -> None:
    run_cli("build", "--site", misspelt)
    code, out, err = run_cli("build", "--site", misspelt)
    assert (code, err) == (0, NOTE) and "nothing changed" in out
    assert run_cli("build", "--site", misspelt, "--quiet") == (0, "", "")


def test_on_a_site_under_a_base_path_it_names_the_pages_where_they_are(
    misspelt: Path, run_cli: Run
) -> None:
    """The tag pages of a site at ``/blog/`` are at ``/blog/tags/…``, not ``/tags/…``."""
    yaml = misspelt / "site.yaml"
    yaml.write_text(yaml.read_text().replace("example.test/", "example.test/blog/"))
    err = run_cli("check", "--site", misspelt)[2]
    assert "https://example.test/blog/tags/testosteron/ and" in err
    assert "https://example.test/blog/tags/testosterone/," in err


def test_one_spelling_says_nothing(misspelt: Path, run_cli: Run) -> None:
    low_t = misspelt / "content/low-t.md"
    low_t.write_text(low_t.read_text().replace("testosteron,", "Testosterone,"))
    assert run_cli("build", "--site", misspelt)[2] == ""


def test_tags_alike_in_a_chain_give_one_spelling_to_write(
    site: Callable[..., Path], run_cli: Run
) -> None:
    """``fibre`` looks like ``fiber`` and ``fibres``: content/a.md is told one of them."""
    articles = {"a.md": article("A", tags="[fibre]")}
    articles |= {f"{n}.md": article(n, tags="[fiber]") for n in ("b", "c")}
    articles |= {f"{n}.md": article(n, tags="[fibres]") for n in ("d", "e")}
    notes = run_cli("check", "--site", site(articles))[2].splitlines()
    assert len(notes) == 2
    assert [note.split(": tag ")[0] for note in notes] == [
        "note: content/b.md, content/c.md",
        "note: content/a.md",
    ]
    assert (
        "write one spelling in all of them: 'fibres' in content/b.md, content/c.md, or 'fiber'"
        " in content/d.md, content/e.md;" in notes[0]
    )
    assert "write 'fibres' in it;" in notes[1]


def test_a_tie_names_both_spellings_each_with_the_files_to_take_it(
    site: Callable[..., Path], run_cli: Run
) -> None:
    """One article each: no telling which is the slip, so either spelling, in the other's file."""
    articles = {
        "a.md": article("A", tags="[testosteron]"),
        "testosterone-basics.md": article("Basics", tags="[testosterone]"),
    }
    note = run_cli("check", "--site", site(articles))[2]
    assert note.startswith("note: content/a.md: tag 'testosteron' (1 article) looks like")
    assert (
        "if they are one tag, write one spelling in both: 'testosterone' in content/a.md, or"
        " 'testosteron' in content/testosterone-basics.md; if they are two, leave them\n"
    ) in note


def test_a_tie_in_a_chain_offers_each_file_one_spelling_and_says_what_links_the_tags(
    site: Callable[..., Path], run_cli: Run
) -> None:
    """``fiber``, ``fibre`` and ``fibres`` on one article each: ``fiber`` is like ``fibres``
    only through ``fibre``, and content/fibres.md is offered neither of the two others."""
    notes = run_cli(
        "check",
        "--site",
        site({f"{n}.md": article(n, tags=f"[{n}]") for n in ("fiber", "fibre", "fibres")}),
    )[2].splitlines()
    assert [note.split(" spelt another way")[0] for note in notes] == [
        "note: content/fiber.md: tag 'fiber' (1 article) looks like 'fibres' (1 article)",
        "note: content/fibre.md: tag 'fibre' (1 article) looks like 'fibres' (1 article)",
    ]
    assert notes[0].split(" spelt another way")[1].startswith(" through 'fibre', so ")
    assert all("write 'fibres' in it;" in note for note in notes)
    assert not any("content/fibres.md" in note for note in notes)


def test_past_a_handful_of_pairs_one_note_names_the_rest(
    site: Callable[..., Path], run_cli: Run
) -> None:
    words = ["Hormones", "Exercise", "Supplement", "Cholesterol", "Prostate", "Recovery", "Fibre"]
    articles = {f"{w}.md": article(w, tags=f"[{w}]") for w in words}
    articles |= {f"{w}-2.md": article(f"{w} 2", tags=f"[{w}]") for w in words}
    articles |= {f"{w}-slip.md": article(f"{w} slip", tags=f"[{w}s]") for w in words}
    _, _, err = run_cli("check", "--site", site(articles))
    notes = err.splitlines()
    assert len(notes) == MOST_NOTES + 1
    assert notes[-1] == (
        "note: 2 more pairs of tags look alike: 'Recoverys' and 'Recovery', 'Supplements' and"
        " 'Supplement'"
    )
