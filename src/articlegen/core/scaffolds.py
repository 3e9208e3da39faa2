"""The text ``articlegen new`` and ``articlegen init`` write into new files for the writer to
replace: the placeholder paragraph of a new article or page, and the sample article of a
new site. Kept here, below both the commands that write it (``authoring/scaffold.py``) and
the build that warns when a published article still holds it (``content/readiness.py``), so
the two read one text and never a copy of it."""

from __future__ import annotations

FIRST_PARAGRAPH = (
    "Write the first paragraph here: it becomes the summary unless you set a description."
)
"""The body ``new`` writes under a new article's or page's header."""

WELCOME_HEADER = """\
---
title: "Welcome"
date: {today}
tags: [welcome]
---
"""
"""The header of ``init``'s sample article, ``{today}`` the day the site was made."""

WELCOME_BODY = """
This is the first article of your blog. It lives in `content/welcome.md`: edit it, or delete
it once you have written your own.

## Writing

`articlegen new "Your Title"` creates `content/your-title.md` as a draft. The preview
(`articlegen serve`) shows drafts; the published site leaves them out until you set
`draft: false`. An article is Markdown under a YAML header, and `[[Welcome]]` in its text
links to this article by its title: a link that matches no article fails the build, with the
closest titles.

## Publishing

`articlegen build` writes the site into `public/`, ready for any static host. On GitHub,
`.github/workflows/publish.yml` checks and builds it for every pull request and publishes
it to GitHub Pages on every push to `main`, once GitHub Actions is chosen as the source in
the repository's Settings, under Pages.
"""
"""The text of ``init``'s sample article, after its header: what the build reads as its body."""
