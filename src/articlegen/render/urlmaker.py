"""``url()`` and ``abs_url()`` as templates call them: a value in every page's context.

A value, not a closure, so that a page's plan pickles the same in every build and the build
cache can key on it; the compiled templates call it directly (``jinjacompiler``)."""

from __future__ import annotations

from ..core.records import record


@record
class UrlMaker:
    """``url('tags/')`` and ``abs_url('feed.xml')`` in templates. A value, not a closure,
    so a page's context has a stable ``repr`` that the build cache can key on (and a
    record's quick pickling: every page's key holds two)."""

    prefix: str
    """Put before every relative URL: the site's base path or base URL."""
    keep_absolute: bool = True
    """Return URLs with a scheme (``https://…``) unchanged."""

    def __call__(self, rel: str = "") -> str:
        """``prefix + rel``, or ``rel`` itself when it is absolute and ``keep_absolute``.
        Compiled templates join ``prefix + rel`` themselves for a ``str`` without ``://``
        (``jinjacompiler``): whatever this does to such a URL, they must do too."""
        if self.keep_absolute and "://" in rel:
            return rel
        return self.prefix + rel
