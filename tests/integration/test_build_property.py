"""Whatever an author writes, ``articlegen check`` ends cleanly: exit 0, or exit 1 with every
problem as ``error: path:line: what — how``, never a traceback.

Hypothesis writes random front-matter (the contract keys with valid and invalid values,
unknown keys, broken YAML) and random Markdown (plain text mixed with every construct the
markup stage knows), builds it in memory through the CLI, and checks the outcome. CI runs it
with the ``ci`` profile (tests/conftest.py): 500 examples.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import shutil
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from articlegen.cli import main
from articlegen.core.schema import FRONT_MATTER_KEYS

SITE_YAML = """\
title: "Example Site"
base_url: "https://example.org/"
author: "Example Author"
search: false
comments:
  provider: giscus
  giscus: {repo: o/n, repo_id: R1, category: C, category_id: C1}
reviewers:
  example-reviewer: {name: "Example Reviewer", credentials: "MD"}
"""
ERROR_LINE = re.compile(r"error: (content/[^:\n]+\.md|site\.yaml):\d+: \S.*")
SUMMARY_LINE = re.compile(r"error: \d+ errors?; no output written")
NAMES = ("alpha", "beta", "Gamma Notes", "d-4")

# YAML written as text, so broken syntax is generated too, not only what a dumper would write.
RAW_VALUES = st.sampled_from(
    [
        "", "~", "null", "true", "no", "0", "-1", "3.5", ".nan", "0x1F", "2024-05-14",
        "2024-13-40", "2024-02-30", "2024-05-14T10:00:00", "2024-05-14T25:00:00+02:00",
        "2024-05-14 10:00:00 +1", "yesterday", "'single'", '"double \\u00e9"', "'unclosed",
        '"unclosed', "[a, b", "{a: 1", "[]", "{}", "[alpha, beta]", "[alpha, alpha]",
        "[1, 2]", "[[nested]]", "{title: x}", "&anchor value", "*alias", "!!python/object:os.system x",
        "!!binary aGk=", "!!timestamp nope", "!!int x", "| \n  block\n  text", "> \n  folded",
        "\n  - alpha\n  - Gamma Notes\n  - https://example.org/x", "\n  - 5\n  - ''",
        "\n  - title: A source\n    url: https://example.org/s\n    id: s1",
        "\n  - title: A source\n    url: javascript:alert(1)", "\n  - {}", "\n  - 5",
        "\n\t- tab", "a: b: c", "@reserved", "`tick", "%percent", "example-reviewer",
        "Example Reviewer", "Intravenous, with: colon", "#comment only", "x" * 300,
        "alpha#part", "content/alpha.md", "../escape", "UPPER CASE", "a/b",
    ]
)  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.datetimes(timezones=st.none() | st.timezones()),
    st.text(max_size=30),
    st.sampled_from(NAMES),
)
VALUES = st.one_of(
    RAW_VALUES,
    st.recursive(
        SCALARS,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=6,
    ).map(lambda v: _dumped(v)),
)
KEYS = st.one_of(
    st.sampled_from(FRONT_MATTER_KEYS),
    st.sampled_from(
        ["tittle", "Title", "see-also", "tags ", "", "'quoted key'", "? complex", "- item"]
    ),
    st.text(alphabet=string.ascii_letters + "_- :#", min_size=1, max_size=12),
)
FRONT_MATTER = st.lists(st.tuples(KEYS, VALUES), max_size=8).map(
    lambda pairs: "".join(f"{key}: {value}\n" for key, value in pairs)
)
TEXT = st.text(min_size=1, max_size=40).filter(str.strip)
LINKS = st.lists(
    st.sampled_from(["alpha", "beta", "gamma-notes", "Gamma Notes", "d-4"]), max_size=3
)
VALID_FIELDS = st.fixed_dictionaries(
    {
        "title": TEXT,
        "date": st.dates(dt.date(1900, 1, 1), dt.date(2024, 2, 1))
        | st.datetimes(dt.datetime(1900, 1, 1), dt.datetime(2024, 2, 1)),
    },
    optional={
        "description": TEXT,
        "author": TEXT,
        "tags": st.lists(
            st.sampled_from(["Sleep", "low-t", "Ketamine", "mental health"]), max_size=3
        ),
        "see_also": st.sampled_from([[], ["https://example.org/x"]]) | LINKS,
        "comments": st.booleans(),
        "draft": st.booleans(),
        "updated": st.just(dt.date(2030, 1, 1)),
        "disclaimer": TEXT | st.just(False),
        "content_warning": TEXT,
        "references": st.lists(
            st.fixed_dictionaries(
                {"title": TEXT, "url": st.just("https://example.org/source")},
                optional={"id": st.sampled_from(["s1", "s2"]), "publisher": TEXT},
            ),
            max_size=2,
        ),
    },
)
VALID_HEADER = VALID_FIELDS.map(
    lambda fields: yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10**6)
)
REVIEWED = st.just("reviewed_by: example-reviewer\nreviewed_on: 2024-03-01\n")
HEADER = st.one_of(
    VALID_HEADER,
    st.builds(str.__add__, VALID_HEADER, REVIEWED | FRONT_MATTER),  # bad lines added, or a review
    FRONT_MATTER,
    st.text(max_size=80),
)

SAFE_MARKDOWN = st.sampled_from(
    [
        "\n", "\n\n", "# ", "## ", "### Heading\n", "- ", "1. ", "> ", "    code\n", "```\n",
        "```python\n", "~~~", "*", "**", "_", "`", "[", "]", "(", ")", "[[", "]]",
        "[x](https://example.org/)", "[x](javascript:alert(1))", "[x](data:text/html,hi)",
        "![a](https://example.org/i.png)", "[^", "<script>alert(1)</script>", "<b>", "</div>",
        "<!--", "&amp;", "&#0;", "\u202e", "| a | b |\n| - | - |\n| 1 | 2 |\n", "---\n", "***",
        "~~del~~", "\\", "\t", "\r\n", "{{ site.title }}", "{% raw %}", "&#xFFFE;", "\u00a0",
        "::: video https://www.youtube.com/watch?v=dQw4w9WgXcQ \"A video\"\n:::\n",
    ]
)  # fmt: skip
RISKY_MARKDOWN = st.sampled_from(
    [
        "[[alpha]]", "[[Gamma Notes|the notes]]", "[[beta#part]]", "[x](alpha.md)", "[[missing]]",
        "[x](missing.md#a)", "![alt](img.png)", "![](nope.png)", '![""](x.svg)',
        "![a](../../etc/passwd)", "[^s1]", "[^missing]", "::: video https://example.org/v \"x\"\n:::\n",
        "::: video\n:::\n", ":::\n", "\x00", "[[d-4]]", "[x](beta.md)", "\x00L0\x00",
        "\x00I0\x00", "\x00C0\x00", "\x0c", "\x85", "\ufffe", "[x](#nowhere)", "[x](#top)",
    ]
)  # fmt: skip
MARKDOWN = st.lists(
    st.one_of(SAFE_MARKDOWN, st.text(max_size=12), SAFE_MARKDOWN, RISKY_MARKDOWN), max_size=20
).map("".join)
GOOD_ARTICLE = st.builds(lambda header, body: f"---\n{header}---\n{body}", VALID_HEADER, MARKDOWN)
ARTICLE = st.one_of(
    *[GOOD_ARTICLE] * 5,  # weighted, so that many sites build and the later stages run too
    st.builds(lambda header, body: f"---\n{header}---\n{body}", HEADER, MARKDOWN),
    st.builds(lambda header, body: f"---\n{header}\n{body}", HEADER, MARKDOWN),  # never closed
    MARKDOWN,  # no front-matter at all
)
SITE = st.dictionaries(st.sampled_from(NAMES), ARTICLE, min_size=1, max_size=3)


def _dumped(value: object) -> str:
    """``value`` as a YAML flow value on the key's line."""
    text = yaml.safe_dump(value, default_flow_style=True, width=10**6, allow_unicode=True)
    return text.removesuffix("\n...\n").removesuffix("\n")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("property") / "site"
    (folder / "content").mkdir(parents=True)
    (folder / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    return folder


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(articles=SITE, strict=st.booleans(), drafts=st.booleans())
@example(
    articles={"alpha": "---\ntitle: A\ndate: 2024-01-01\n---\nText.\n"}, strict=True, drafts=False
)
# Found in CI: the "\f" key, a line boundary for str.splitlines, split the report in two.
@example(articles={"alpha": '---\ntitle: {"\\f": "\\b"}\n---\n'}, strict=False, drafts=False)
def test_any_input_checks_cleanly(
    root: Path,
    articles: dict[str, str],
    strict: bool,
    drafts: bool,
) -> None:
    shutil.rmtree(root / "content")
    (root / "content").mkdir()
    for name, text in articles.items():
        (root / "content" / f"{name}.md").write_text(text, encoding="utf-8", errors="surrogatepass")
    argv = ["check", "--site", str(root), "--no-cache", "--jobs", "1", "--today", "2024-06-01"]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv + ["--strict"] * strict + ["--drafts"] * drafts)
    out, err = out.getvalue(), err.getvalue()
    event(f"exit code {code}")
    assert "Traceback" not in err
    if code == 0:
        assert re.search(r"; checked in \d+\.\d\d s; no output written\n\Z", out)
        assert not [line for line in err.splitlines() if line.startswith("error")]
        return
    assert code == 1, err
    lines = err.splitlines()
    assert SUMMARY_LINE.fullmatch(lines[-1]), err
    for line in lines[:-1]:
        if line.startswith("warning: "):
            continue
        assert ERROR_LINE.fullmatch(line) or line.startswith("  caused by: "), line
