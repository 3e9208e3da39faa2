"""``unclosedtags``: whatever Jinja's syntax error, the tag it names is one open over the
error's line, or none (property test over template-like text)."""

from __future__ import annotations

import jinja2
from hypothesis import given
from hypothesis import strategies as st

from articlegen.render.unclosedtags import unclosed_tag

PIECES = st.sampled_from(
    ["{{", "}}", "{%", "%}", "{{-", " ", "\n", "<p>", "</h1>", "<", "/", "a", "'", '"', "x.y", "if"]
)


@given(st.lists(PIECES, max_size=30).map("".join))
def test_the_tag_named_is_open_over_the_errors_line(text: str) -> None:
    try:
        jinja2.Environment().parse(text)
    except jinja2.TemplateSyntaxError as exc:
        exc.source = text
        found = unclosed_tag(exc)
        if found is not None:
            assert exc.lineno is not None and 1 <= found.line <= exc.lineno
            assert found.hint.startswith("close it")


def test_the_line_is_where_the_tag_opened() -> None:
    text = "<h1>\n{{ title\n\n<p>Don't</p>\n"
    try:
        jinja2.Environment().parse(text)
    except jinja2.TemplateSyntaxError as exc:
        exc.source = text
        found = unclosed_tag(exc)
        assert found is not None and exc.lineno == 4
        assert (found.line, found.hint) == (2, "close it before the HTML: {{ title }}")
    else:
        raise AssertionError("the template parsed")
