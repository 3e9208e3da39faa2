"""Facts worked out from a file's bytes are kept while its stamp vouches for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.incremental import stamps
from articlegen.incremental.filefacts import FileFacts


@pytest.fixture(autouse=True)
def stamps_vouch_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """No racy window (its own test sets one): a file's stamp counts as soon as it is written."""
    monkeypatch.setattr(stamps, "RACY_SECONDS", 0.0)


def settled(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def counting(calls: list[Path]):
    def work(file: Path) -> str:
        calls.append(file)
        return file.read_text(encoding="utf-8").upper()

    return work


def test_a_fact_is_worked_out_once_while_the_stamp_stays(tmp_path: Path) -> None:
    file, calls = settled(tmp_path / "a.txt", "one"), []
    facts = FileFacts()
    assert facts.remembered("upper", counting(calls), file) == "ONE"
    assert facts.remembered("upper", counting(calls), file) == "ONE"
    assert calls == [file]
    facts.next_build()
    again = FileFacts(facts.saved())  # as the next process loads it
    assert again.remembered("upper", counting(calls), file) == "ONE"
    assert calls == [file]


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    file, calls = settled(tmp_path / "a.txt", "one"), []
    facts = FileFacts()
    facts.remembered("upper", counting(calls), file)
    settled(file, "two, longer")
    assert FileFacts(facts.saved()).remembered("upper", counting(calls), file) == "TWO, LONGER"
    assert len(calls) == 2


def test_a_file_changed_moments_ago_is_always_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stamps, "RACY_SECONDS", 3600.0)
    file, calls = tmp_path / "a.txt", []
    file.write_text("fresh", encoding="utf-8")
    facts = FileFacts()
    facts.remembered("upper", counting(calls), file)
    facts.remembered("upper", counting(calls), file)
    assert len(calls) == 2 and facts.saved() == {}


def test_kinds_are_kept_apart_and_together(tmp_path: Path) -> None:
    file = settled(tmp_path / "a.txt", "one")
    facts = FileFacts()
    facts.remembered("upper", lambda f: "ONE", file)
    facts.remembered("size", lambda f: 3, file)
    assert facts.saved()[str(file)][1] == {"upper": "ONE", "size": 3}


def test_what_raises_is_not_kept(tmp_path: Path) -> None:
    file = settled(tmp_path / "a.txt", "one")
    facts = FileFacts()

    def broken(_: Path) -> str:
        raise ValueError("not an image")

    with pytest.raises(ValueError):
        facts.remembered("size", broken, file)
    assert facts.saved() == {}


def test_a_file_no_build_asks_for_is_forgotten(tmp_path: Path) -> None:
    old, new = settled(tmp_path / "old.txt", "old"), settled(tmp_path / "new.txt", "new")
    facts = FileFacts()
    facts.remembered("upper", str, old)
    facts.next_build()
    facts.remembered("upper", str, new)
    assert set(facts.saved()) == {str(new)}
    facts.next_build()
    assert set(facts.saved()) == {str(new)}  # a build that asked for nothing keeps them
