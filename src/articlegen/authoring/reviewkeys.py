"""The medical review's keys ``articlegen new`` writes into a new article's header."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..content.config import load_config
from ..core.errors import ArticlegenError

_PLACEHOLDER = "example-reviewer"
"""The id named when the site lists no reviewer: uncommented, the build names it unknown."""

_REVIEW_KEYS = """\
# Medical review: once a reviewer from site.yaml 'reviewers:' has checked this article,
# set both keys (remove the '# '), the reviewer's id and the day of the review:
# reviewed_by: {reviewer}
{others}# reviewed_on: YYYY-MM-DD
"""


def review_keys(root: Path) -> str:
    """The review's two keys (``reviewed_by``, ``reviewed_on``, docs/trust.md), commented
    out, as an article is not reviewed before it is written. ``reviewed_by`` names a real
    id of the site's ``reviewers:``, its only one or the first in its order (the others on
    a comment line of their own below it, so that the key's line is valid YAML once its
    '# ' is removed), so that the writer need not look it up; the placeholder where the
    site lists none, or its site.yaml has errors, which are for the build to report."""
    try:
        reviewers = [_as_text(person_id) for person_id in load_config(root).reviewers]
    except ArticlegenError:
        reviewers = []
    if not reviewers:
        return _REVIEW_KEYS.format(reviewer=_PLACEHOLDER, others="")
    others = f"# (or: {', '.join(reviewers[1:])})\n" if len(reviewers) > 1 else ""
    return _REVIEW_KEYS.format(reviewer=reviewers[0], others=others)


def _as_text(person_id: str) -> str:
    """``person_id`` as PyYAML writes it for YAML to read back as text: quoted where plain
    it would be read as something else (``'123'``, ``'yes'``), which the build refuses as
    a reviewer's id ("must be text, found the number 123")."""
    line: str = yaml.safe_dump({"id": person_id}, width=float("inf"))
    return line.removeprefix("id: ").rstrip("\n")
