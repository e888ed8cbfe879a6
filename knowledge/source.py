"""Reading YAML safely while remembering on which line each entry and field stood."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class LineDict(dict):
    """A mapping from YAML that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]
    duplicates: list[tuple[str, int, int]]  # (key, its first line, the line it stands on again): the last one wins


class LineList(list):
    """A sequence from YAML that knows its line (1-based)."""

    line: int = 0


_SAFE_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: 10x faster


_RESOLVED: dict[str, str] = {}  # plain scalar -> tag; knowledge bases repeat their values a lot


class _LineLoader(_SAFE_BASE):  # type: ignore[misc, valid-type]
    """The safe loader, with line numbers kept on mappings and sequences."""

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        """The tag of a scalar; for a plain scalar it depends on the text only, so it is cached."""
        if kind is not yaml.ScalarNode or not implicit[0]:
            return super().resolve(kind, value, implicit)
        tag = _RESOLVED.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(_RESOLVED) > 200_000:
                _RESOLVED.clear()
            _RESOLVED[value] = tag
        return tag


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    mapping.duplicates = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        line = key_node.start_mark.line + 1
        if str(key) in mapping.key_lines:
            mapping.duplicates.append((str(key), mapping.key_lines[str(key)], line))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[str(key)] = line
    return mapping


def written_twice(node: Any) -> list[tuple[LineDict, str, int, int]]:
    """Every key written twice in one mapping of a tree read by read_yaml: (that mapping, key, first line, line
    again). YAML keeps the last value without a word, so a keeper's first value would be lost silently."""
    if isinstance(node, LineDict):
        return [(node, *d) for d in node.duplicates] + [d for value in node.values() for d in written_twice(value)]
    if isinstance(node, list):
        return [d for value in node for d in written_twice(value)]
    return []


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class YamlSyntaxError(Exception):
    """A file that is not valid YAML, with the line the parser stopped at."""

    def __init__(self, path: Path, line: int | None, reason: str) -> None:
        super().__init__(reason)
        self.path, self.line, self.reason = path, line, reason


def read_yaml(path: Path) -> Any:
    """Load one YAML file with the safe loader; line numbers kept on mappings and lists."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(path, None, f"het bestand is geen UTF-8 tekst ({exc.reason})") from exc
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a safe loader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = " ".join(part for part in (exc.context, exc.problem) if part)
        raise YamlSyntaxError(path, line, reason or str(exc)) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(path, None, str(exc)) from exc
