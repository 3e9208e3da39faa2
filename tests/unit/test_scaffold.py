"""scaffold: ``create_file``'s errors name the file once, as their location; the header
``new_article`` writes reads back as the title given."""

import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

from articlegen.authoring.scaffold import create_file, new_article
from articlegen.content.frontmatter import parse_front_matter, split_front_matter
from articlegen.core.errors import ArticlegenError

_TRICKY = st.sampled_from(list("'\"\\:#-?&*!|>{}[],%@` \t\n\u2019\u2018\u201c\u201d\u02bc"))
_TEXT = st.text(st.one_of(_TRICKY, st.characters()), max_size=40)


def test_a_file_that_cannot_be_written_is_named_once(tmp_path, monkeypatch) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ArticlegenError) as caught:
        create_file(tmp_path / "content" / "a.md", "text", tmp_path)
    assert str(caught.value) == (
        "content/a.md: cannot create the file: Permission denied"
        " — check that the folder exists and that you may write to it"
    )


def test_an_existing_file_is_kept_and_named_once(tmp_path) -> None:
    existing = tmp_path / "content" / "a.md"
    existing.parent.mkdir()
    existing.write_text("mine", encoding="utf-8")
    with pytest.raises(ArticlegenError) as caught:
        create_file(existing, "text", tmp_path)
    assert str(caught.value) == (
        "content/a.md: the file exists already — choose another title or edit the existing file"
    )
    assert existing.read_text(encoding="utf-8") == "mine"


@given(before=_TEXT, after=_TEXT)
def test_the_title_new_writes_reads_back_as_given(before: str, after: str) -> None:
    """Any title ``new`` accepts (its white space made single spaces, as ``new`` does) is
    the title the build reads from the header it writes, quoted however it must be."""
    title = before + "a" + after  # a letter: a title with none makes no file name
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "site.yaml").write_text("title: Example\n", encoding="utf-8")
        try:
            path = new_article(root, title)
        except ArticlegenError:
            reject()  # refused (too long, a control character…): nothing written
        text = path.read_text(encoding="utf-8")
    header, line, _, _ = split_front_matter(text, "content/a.md")
    meta = parse_front_matter(header, "content/a.md", zone=ZoneInfo("UTC"), first_line=line)
    assert meta.title == " ".join(title.split())


@pytest.mark.parametrize(
    ("title", "written"),
    [
        ("Heart Rate: What's Normal?", 'title: "Heart Rate: What\'s Normal?"'),
        ("Men's Sleep", "title: Men's Sleep"),
        ('Say "No": It\'s \\ Fine', 'title: "Say \\"No\\": It\'s \\\\ Fine"'),
        ("Sleep: A Guide", "title: 'Sleep: A Guide'"),
    ],
)
def test_new_quotes_a_title_with_an_apostrophe_in_double_quotes(
    tmp_path: Path, title: str, written: str
) -> None:
    """YAML's single quotes double an apostrophe ('What''s'), which reads as a typo."""
    (tmp_path / "site.yaml").write_text("title: Example\n", encoding="utf-8")
    lines = new_article(tmp_path, title).read_text(encoding="utf-8").splitlines()
    assert lines[1] == written
