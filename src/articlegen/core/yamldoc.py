"""Parse a YAML mapping and keep the line of every key.

PyYAML's loaders forget positions once they build Python objects, and silently
keep the last of two equal keys. We compose the node tree (C parser where
present), check it, then construct each value on its own, so every problem can
be reported at the line of the key it belongs to. Before that, the document is measured
(``yamlsize``), so that no alias bomb or deep nesting is composed, unless its text alone
shows it cannot be either (``yamlsize.within_limits``).
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

import yaml

from .errors import ArticlegenError
from .records import record
from .yamlentry import Entry
from .yamlloader import SCALAR_TAGS, STR_TAG, Loader, syntax_error
from .yamlmerge import MERGE_KEY, is_merge, merge_nested, merged_sources
from .yamlquotes import swallowed_keys, swallowed_keys_problem
from .yamlsimple import simple_entries
from .yamlsize import measure, within_limits


def usable(entries: dict[str, Entry]) -> dict[str, Entry]:
    """The entries whose value could be constructed, for checking their values."""
    return {key: entry for key, entry in entries.items() if not entry.broken}


def load_mapping(
    text: str,
    path: str,
    error: type[ArticlegenError],
    *,
    first_line: int = 1,
    duplicates: list[ArticlegenError] | None = None,
    swallowed: set[str] | None = None,
    merges: bool = False,
) -> tuple[dict[str, Entry], list[ArticlegenError]]:
    """Parse ``text`` (which starts on file line ``first_line``) into key → Entry.

    A syntax error raises at once; duplicate keys and unconstructible values
    are returned as problems beside the other entries (an unconstructible one
    stays as a ``broken`` entry, so the key does not also count as missing),
    so the caller can report them together with its own. Given a ``duplicates`` list, a
    key written twice goes there instead and its last value wins, as Ruby's YAML reads it:
    the importer reads Jekyll's headers so, while articlegen's own refuse it. Given a
    ``swallowed`` set, the keys a quoted value left open read on over (``yamlquotes``) go
    there, beside that value's problem: they are written, so a caller that reports missing
    keys leaves them out. With ``merges``, a top-level merge key (``<<: *defaults``, or a list
    of such aliases) adds the keys of the mapping it names, as Ruby's YAML reads it for the
    importer: in their place among the keys, a later key replacing a merged one; articlegen's
    own headers refuse it.
    """
    fits = within_limits(text)
    if fits and (simple := simple_entries(text, first_line)) is not None:
        return simple, []  # what the composed document gives, without composing it
    try:
        if not fits:
            measure(text, path, error, first_line)
        loader = Loader(text)
    except yaml.YAMLError as exc:
        raise syntax_error(exc, text, path, error, first_line) from None
    try:
        try:
            root = loader.get_single_node()
        except yaml.YAMLError as exc:
            if fits and isinstance(exc, yaml.composer.ComposerError):
                exc = _syntax_error_further_on(text, path, error, first_line) or exc
            raise syntax_error(exc, text, path, error, first_line) from None
        if root is None:
            return {}, []
        if not isinstance(root, yaml.MappingNode):
            kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
            raise error(
                f"expected 'key: value' lines, found {kind}",
                path,
                root.start_mark.line + first_line,
                "write one 'key: value' per line",
            )
        if merges and MERGE_KEY in text:
            merge_nested(root)
        problems: list[ArticlegenError] = []
        built = "*" not in text
        reader = _Reader(
            loader, text, path, error, first_line, duplicates, built=built, merges=merges
        )
        entries = reader.entries(root, problems)
        if swallowed is not None:  # the top-level keys among them
            column = root.start_mark.column
            swallowed.update(name for name, indent in reader.swallowed if indent == column)
        return entries, problems
    finally:
        loader.dispose()


def _syntax_error_further_on(
    text: str, path: str, error: type[ArticlegenError], first_line: int
) -> yaml.YAMLError | None:
    """The syntax error that measuring, which reads the whole stream first, meets before the
    composer stops at a repeated anchor or a second document: unmeasured text must give the
    error measured text gives."""
    try:
        measure(text, path, error, first_line)
    except yaml.YAMLError as exc:
        return exc
    return None


_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


@record
class _Reader:
    """Entries of a composed document's mappings.

    Where the text has no alias (``built``), each node is visited once: its value is built
    from its children's as PyYAML's safe constructor builds it (a list, a dict keeping the
    last of two equal keys, each scalar by PyYAML's constructor for its tag) and its entry
    beside it. Any other tag (``!!set``, ``!!timestamp``), a key that is not a scalar, or an
    alias anywhere sends the value to PyYAML's ``construct_object``, and its lines are then
    read from the nodes (``_walked``): same values, same errors, in the same order (keys
    before their values, depth first), one walk instead of a construction and a walk."""

    loader: Any
    text: str
    path: str
    error: type[ArticlegenError]
    first_line: int
    duplicates: list[ArticlegenError] | None
    """Where a repeated key goes when its last value is to win (``load_mapping``)."""
    built: bool
    merges: bool = False
    """Whether a top-level merge key adds its mapping's keys (``load_mapping``)."""
    swallowed: list[tuple[str, int]] = field(default_factory=list)
    """The keys a quoted value left open read on over, with their columns (``yamlquotes``)."""

    def entries(
        self, mapping: yaml.MappingNode, problems: list[ArticlegenError], *, top: bool = True
    ) -> dict[str, Entry]:
        """The entries of ``mapping``; a top-level value that cannot be constructed is a
        problem and a ``broken`` entry (nested ones fail their top-level value). So is one in
        which a quoted value left open read on over keys of a mapping inside it (a reference's
        'url' into its title, ``yamlquotes``): that problem is its own, and checking the rest
        would report those keys missing too."""
        entries: dict[str, Entry] = {}
        merged: set[str] = set()  # replaced by a later key without being written twice
        for key_node, value_node in mapping.value:
            line = key_node.start_mark.line + self.first_line
            if top and self.merges and is_merge(key_node):
                for name, entry in self._merged(value_node, line, problems).items():
                    entries[name] = entry
                    merged.add(name)
                continue
            written = {k: e for k, e in entries.items() if k not in merged} if merged else entries
            key = self._key(key_node, line, written, problems)
            if key is None:
                continue
            merged.discard(key)
            if value_node.end_mark.line != key_node.start_mark.line:
                self._note_swallowed_keys(key, key_node, value_node, problems)
            if not top:  # constructed with its mapping already: PyYAML gives it again
                value = self.loader.construct_object(value_node, deep=True)
                entries[key] = self._walked(value_node, value, line, problems)
                continue
            found: list[ArticlegenError] = []
            start = len(self.swallowed)
            try:
                entries[key] = self._entry(value_node, line, found)
            except Exception as exc:
                # PyYAML's constructors fail on odd input in many ways (an AttributeError for
                # the timestamp '1937-01-01 00:00:00+00:19:32'): each is a value the author
                # wrote that cannot be read, never a reason for a traceback.
                problems.append(self._unconstructible(key, value_node, line, exc))
                entries[key] = Entry(None, line, broken=True)
                continue
            problems += found
            column = mapping.start_mark.column
            if any(indent > column for _, indent in self.swallowed[start:]):
                entries[key] = Entry(None, line, broken=True)
        return entries

    def _key(
        self,
        node: yaml.Node,
        line: int,
        entries: dict[str, Entry],
        problems: list[ArticlegenError],
    ) -> str | None:
        """The key ``node`` names, or None with its problem added to ``problems``."""
        if (
            not isinstance(node, yaml.ScalarNode)
            or not isinstance(node.value, str)
            or not node.value
        ):
            problems.append(self.error("a key must be a plain name", self.path, line))
            return None
        key: str = node.value
        if is_merge(node):
            problems.append(
                self._no_mapping_merged(line)  # merged below the top level unless so
                if self.merges
                else self.error(
                    "merge keys (<<) are not supported",
                    self.path,
                    line,
                    "write the keys out; an alias (*name) can still repeat a whole value",
                )
            )
            return None
        if key in entries:
            repeated = self.error(
                f"duplicate key '{key}' (first set on line {entries[key].line})",
                self.path,
                line,
                "keep one of them",
            )
            if self.duplicates is not None:
                self.duplicates.append(repeated)
                return key
            problems.append(repeated)
            return None
        return key

    def _merged(
        self, node: yaml.Node, line: int, problems: list[ArticlegenError]
    ) -> dict[str, Entry]:
        """The entries a merge key's value adds: a mapping's (an alias names one), or those
        of a list of mappings, an earlier one's key winning over a later one's."""
        mappings = merged_sources(node)
        if mappings is None:
            problems.append(self._no_mapping_merged(line))
            return {}
        added: dict[str, Entry] = {}
        for item in reversed(mappings):
            added |= self.entries(item, problems)
        return added

    def _no_mapping_merged(self, line: int) -> ArticlegenError:
        return self.error(
            "a merge key (<<) must name a mapping (<<: *name, its anchor &name on a mapping)"
            " or a list of them",
            self.path,
            line,
            "write the keys out",
        )

    def _unconstructible(
        self, key: str, node: yaml.Node, line: int, exc: Exception
    ) -> ArticlegenError:
        hint = (
            "write a real date as YYYY-MM-DD, e.g. 2024-05-14"
            if node.tag.endswith(":timestamp")
            else "put the value in quotes to make it text"
        )
        reason = (
            _reason(exc)
            if isinstance(exc, yaml.YAMLError | ValueError)
            else f"not a valid {node.tag.rsplit(':', 1)[-1]}"
        )
        return self.error(f"invalid value for '{key}': {reason}", self.path, line, hint)

    def _entry(self, node: yaml.Node, line: int, problems: list[ArticlegenError]) -> Entry:
        """``node``'s value and entry, its key on file line ``line``; raises what PyYAML
        raises for a value it cannot construct."""
        if self.built:
            tag = node.tag
            if type(node) is yaml.ScalarNode:
                if tag == STR_TAG:  # most are: as _scalar and _written give it, without the calls
                    value = node.value
                    return Entry(value, line, written=None if node.style else value)
                if tag in SCALAR_TAGS:
                    return Entry(self._scalar(node), line, written=_written(node))
            elif type(node) is yaml.SequenceNode and tag == _SEQ:
                return self._sequence(node, line, problems)
            elif type(node) is yaml.MappingNode and tag == _MAP and _scalar_keys(node):
                return self._mapping(node, line, problems)
        return self._walked(node, self.loader.construct_object(node, deep=True), line, problems)

    def _sequence(
        self, node: yaml.SequenceNode, line: int, problems: list[ArticlegenError]
    ) -> Entry:
        """``_entry`` of a list."""
        first = self.first_line
        items = tuple(
            [self._entry(item, item.start_mark.line + first, problems) for item in node.value]
        )
        values = [item.value for item in items]
        return Entry(values, line, None, tuple([item.line for item in items]), items)

    def _mapping(self, node: yaml.MappingNode, line: int, problems: list[ArticlegenError]) -> Entry:
        """``_entry`` of a mapping whose keys are all scalars ``_scalar`` constructs."""
        value: dict[Any, Any] = {}
        children: dict[str, Entry] = {}
        first = self.first_line
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + first
            # PyYAML constructs a key before its value; a text key is its own value
            constructed = key_node.value if key_node.tag == STR_TAG else self._scalar(key_node)
            key = self._key(key_node, key_line, children, problems)
            entry = self._entry(value_node, key_line, problems if key is not None else [])
            value[constructed] = entry.value
            if key is not None:
                if value_node.end_mark.line != key_node.start_mark.line:
                    self._note_swallowed_keys(key, key_node, value_node, problems)
                children[key] = entry
        return Entry(value, line, children)

    def _note_swallowed_keys(
        self, key: str, key_node: yaml.Node, value_node: yaml.Node, problems: list[ArticlegenError]
    ) -> None:
        """Adds the problem of a quoted value left open over later keys (``yamlquotes``); for a
        value that ends on a later line than its key's, which few do."""
        if type(value_node) is yaml.ScalarNode and value_node.style:
            found = swallowed_keys(key_node, value_node, self.text)
            if found:
                problems.append(
                    swallowed_keys_problem(
                        key, value_node, found, self.text, self.path, self.error, self.first_line
                    )
                )
                self.swallowed.extend(found)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == STR_TAG:
            return node.value  # what PyYAML's str constructor returns
        return self.loader.yaml_constructors[node.tag](self.loader, node)

    def _walked(
        self, node: yaml.Node, value: Any, line: int, problems: list[ArticlegenError]
    ) -> Entry:
        """``value`` (constructed from ``node`` by PyYAML) with the lines of its nested keys
        and items."""
        if isinstance(node, yaml.MappingNode):
            return Entry(value, line, self.entries(node, problems, top=False))
        if isinstance(node, yaml.SequenceNode):
            items = tuple(
                self._walked(item, item_value, item.start_mark.line + self.first_line, problems)
                for item, item_value in zip(node.value, value, strict=True)
            )
            return Entry(value, line, None, tuple(item.line for item in items), items)
        return Entry(value, line, written=_written(node))


def _written(node: yaml.Node) -> str | None:
    """A plain scalar's text as written (``Entry.written``); None for any other node."""
    return node.value if isinstance(node, yaml.ScalarNode) and not node.style else None


def _scalar_keys(node: yaml.MappingNode) -> bool:
    """Whether every key of ``node`` is a scalar ``_Reader`` constructs itself."""
    return all(type(key) is yaml.ScalarNode and key.tag in SCALAR_TAGS for key, _ in node.value)


def _reason(exc: Exception) -> str:
    return getattr(exc, "problem", None) or str(exc)
