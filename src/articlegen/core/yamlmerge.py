"""Merge keys below a document's top level, read as Ruby's YAML reads them, for the importer.

Jekyll reads its headers and ``_config.yml`` with Ruby's YAML (Psych), which merges a
``<<: *defaults`` (or ``<<: [*a, *b]``) wherever a mapping holds one: the keys of the
mapping it names are added in the merge key's place, replacing a key written before it, and
a key written after it replaces a merged one; of a list, the first mapping's keys win. The
top level's merge keys are read by ``yamldoc`` itself, with their lines; this rewrites the
composed tree's nested mappings beforehand, so that their values and the lines of their keys
come out as the keys Ruby reads, and a key replaced by a merge is not taken for one written
twice. A ``<<`` that names no mapping is left in place, for ``yamldoc`` to report.
"""

from __future__ import annotations

import yaml

MERGE_KEY = "<<"


def is_merge(node: yaml.Node) -> bool:
    """Whether a key is YAML's merge key: ``<<`` written plain, not quoted."""
    return isinstance(node, yaml.ScalarNode) and node.value == MERGE_KEY and not node.style


def merged_sources(node: yaml.Node) -> list[yaml.MappingNode] | None:
    """The mappings a merge key's value names (one, or a list of them); None for any other."""
    items: list[yaml.Node] = node.value if isinstance(node, yaml.SequenceNode) else [node]
    mappings = [item for item in items if isinstance(item, yaml.MappingNode)]
    return mappings if len(mappings) == len(items) else None


def merge_nested(root: yaml.MappingNode) -> None:
    """Rewrite every mapping below ``root`` (not ``root`` itself) with its merge keys read."""
    done: set[int] = {id(root)}
    for key, value in root.value:
        _visit(key, done)
        _visit(value, done)


def _visit(node: yaml.Node, done: set[int]) -> None:
    """Merge ``node``'s mappings, inner ones first (a merged mapping may merge in turn); each
    node once, an alias naming one already done."""
    if id(node) in done:
        return
    done.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _visit(item, done)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _visit(key, done)
            _visit(value, done)
        if any(is_merge(key) for key, _ in node.value):
            node.value = _merged_pairs(node.value)


def _merged_pairs(
    pairs: list[tuple[yaml.Node, yaml.Node]],
) -> list[tuple[yaml.Node, yaml.Node]]:
    """``pairs`` as Ruby's YAML reads them: each merge key's mappings' pairs in its place
    (``Hash#merge!``: a key already there keeps its place and takes the merged value), a key
    written after one merged replacing it there; a key written twice stays twice."""
    result: list[tuple[yaml.Node, yaml.Node]] = []
    place: dict[object, int] = {}  # a key's last pair in result
    merged: set[object] = set()  # keys whose last pair came from a merge
    for key, value in pairs:
        sources = merged_sources(value) if is_merge(key) else None
        if sources is None:
            name = _name(key)
            if name in merged:  # replaces the merged pair where it stands
                result[place[name]] = (key, value)
                merged.discard(name)
                continue
            if name is not None:
                place[name] = len(result)
            result.append((key, value))
            continue
        added: dict[object, tuple[yaml.Node, yaml.Node]] = {}
        for source in reversed(sources):  # the first mapping's keys win
            added.update({_name(k): (k, v) for k, v in source.value if _name(k) is not None})
        for name, pair in added.items():
            if name in place:
                result[place[name]] = pair
            else:
                place[name] = len(result)
                result.append(pair)
            merged.add(name)
    return result


def _name(key: yaml.Node) -> object:
    """A key's identity for merging: a scalar's tag and text; None for any other key, which
    is never replaced."""
    if isinstance(key, yaml.ScalarNode) and not is_merge(key):
        return (key.tag, key.value)
    return None
