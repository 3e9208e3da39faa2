"""A Jekyll or Hugo post's math between '$$': a formula on lines of its own as a tex block."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlegen.authoring.blogsource import Blog, Post
from articlegen.authoring.importmarkdown import ImportPlan
from articlegen.authoring.mdmath import math_kept
from articlegen.core.model import ImportedArticle


def _plan(body: str) -> ImportPlan:
    return ImportPlan(Blog("hugo", Path(".")), Post("a.md", ImportedArticle("A", body)), "a")


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("$$\\frac{a}{b}$$\n", "```tex\n\\frac{a}{b}\n```\n"),
        ("Text\n$$ x ``` y $$\n\nEnd\n", "Text\n$$ x ``` y $$\n\nEnd\n"),  # one paragraph
        ("$$ x ``` y $$\n", "````tex\nx ``` y\n````\n"),
        ("- item\n\n  $$x$$\n", "- item\n\n  $$x$$\n"),  # in a list: as written
        ("$$ a $$ and $$ b $$\n", "$$ a $$ and $$ b $$\n"),
    ],
)
def test_a_formula_alone_in_its_paragraph_becomes_a_tex_block(body: str, kept: str) -> None:
    plan = _plan(body)
    assert math_kept(plan, body) == kept
    assert len(plan.notes) == 1 and "its math between '$$' is TeX" in plan.notes[0]


@pytest.mark.parametrize(
    "body", ["It costs $5 and $10.\n", "`$$x$$`\n\n    $$y$$\n", "\\$$ x \\$$\n", "$$$ a $$$\n"]
)
def test_money_code_and_escaped_dollars_are_no_math(body: str) -> None:
    plan = _plan(body)
    assert math_kept(plan, body) == body and plan.notes == []
