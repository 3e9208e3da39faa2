"""``partial("_name.html", key=value, …)`` in templates: another template rendered with the
values it is given and nothing else, its HTML kept between builds while they and the
template are the same.

The See Also index lists every article with the titles of the articles it links to and
from: a 4 MB page at 1,000 articles, which a title edit changes in a few entries only, but
which Jinja rendered again whole (about 160 ms) after every such save in the preview. Each
entry is now a partial (``_index_entry.html``), and a rebuild renders again only the
entries whose values changed.

A partial sees only what it is passed (and Jinja's own globals): nothing else of the page
can make its output differ, so its values and its template (with every template that one
uses, ``templates.template_fingerprints``) are the whole key. A site's own templates keep
working either way: a ``see_also.html`` of its own that does not call ``partial`` renders
as it always did, and an ``_index_entry.html`` of its own is the one rendered, and keyed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from markupsafe import Markup

Digest = Callable[[object], bytes | None]
"""A digest of a value as strict as a page key (``keys.value_digest``), None if it has
none (it cannot be pickled): then the partial is rendered every time."""


class Partials:
    """Partials rendered by the last builds, for the next to reuse; kept in memory only (the
    preview's build cache holds one)."""

    def __init__(self) -> None:
        self._digest: Digest = lambda value: None
        self._fingerprints: Mapping[str, str] = {}
        self._last: dict[tuple[str, bytes], Markup] = {}
        self._now: dict[tuple[str, bytes], Markup] = {}

    def next_build(self, fingerprints: Mapping[str, str], digest: Digest) -> None:
        """Start a build whose templates have these digests (template name → digest), its
        partials' values digested with ``digest``. What the last build that rendered
        partials rendered is kept; older entries are dropped, so the store holds about one
        page's worth of each partial."""
        self._fingerprints, self._digest = fingerprints, digest
        if self._now:
            self._last, self._now = self._now, {}

    def render(self, env: jinja2.Environment, name: str, values: dict[str, Any]) -> Markup:
        """``name`` rendered with ``values``: kept HTML when both are the same as when it was
        rendered, else rendered now (and kept)."""
        fingerprint = self._fingerprints.get(name)
        digest = self._digest(values) if fingerprint is not None else None
        if fingerprint is None or digest is None:
            return render_partial(env, name, values)
        key = (fingerprint, digest)
        html = self._now.get(key) or self._last.get(key)
        if html is None:
            html = render_partial(env, name, values)
        self._now[key] = html
        return html


def render_partial(env: jinja2.Environment, name: str, values: dict[str, Any]) -> Markup:
    """``name`` rendered with ``values`` alone (and Jinja's globals): what
    ``Template.render(values)`` gives, without the copy of ``values`` it makes first (the
    context copies them again) and its handling of an error, which the page being rendered
    does over the whole traceback, naming the partial's file and line."""
    template = env.get_template(name)
    return Markup(env.concat(template.root_render_func(template.new_context(values))))


class PartialFunction:
    """The ``partial(name, **values)`` a template calls: rendered afresh without a store.
    An object whose instances hold no attributes of their own, so that the build's context
    calls it at once (``jinjaruntime._plain_callable``), and the include memo compares it by
    identity (one per environment)."""

    __slots__ = ("_env", "_partials")

    def __init__(self, env: jinja2.Environment, partials: Partials | None) -> None:
        self._env = env
        self._partials = partials

    def __call__(self, name: str, /, **values: Any) -> Markup:
        if self._partials is None:
            return render_partial(self._env, name, values)
        return self._partials.render(self._env, name, values)
