"""The two records of a problem in the author's input: the error that stops a build and
the warning that does not.

They sit below ``model`` (which imports nothing else of articlegen) so that its records
can hold them typed: a rendered body's problems, the link graph's, a build's warnings.
``errors`` builds everything else on them (the error kinds, reporting, suggestions);
import them from there.
"""

from __future__ import annotations

from .records import record


class ArticlegenError(Exception):
    """A problem in the author's input that stops the build."""

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def location(self) -> str:
        """``path:line`` (or just ``path``), the prefix editors know how to jump to."""
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        where = self.location()
        text = f"{where}: {self.message}" if where else self.message
        return one_line(f"{text} — {self.hint}" if self.hint else text)


def one_line(text: str) -> str:
    """A report on one line, as editors and CI logs read ``file:line: message``: a value
    quoted in it with line breaks (a YAML block scalar, a ``"\\f"`` key) shows them
    escaped, as does any other control character a terminal would act on."""
    return text.translate(_ESCAPED)


def _escape_table() -> dict[int, str]:
    """Every character ``str.splitlines`` breaks at, and every other C0/C1 control but
    the tab, mapped to the escape a reader would type for it."""
    named = {"\n": "\\n", "\r": "\\r", "\f": "\\f", "\v": "\\v", "\b": "\\b", "\a": "\\a"}
    controls = [*range(0x00, 0x09), *range(0x0A, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]
    return {
        code: named.get(chr(code), f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        for code in controls
    }


_ESCAPED = _escape_table()


@record
class Diagnostic:
    """A warning: the build goes on, unless ``--strict`` makes it an error."""

    message: str
    """What is wrong."""
    path: str | None = None
    """File the warning is about, relative to the site root."""
    line: int | None = None
    """1-based line in that file, when known."""
    hint: str | None = None
    """How to fix it."""

    def as_error(self) -> ArticlegenError:
        """The same problem as an error, for ``--strict``."""
        return ArticlegenError(self.message, self.path, self.line, self.hint)

    def __str__(self) -> str:
        return str(self.as_error())
