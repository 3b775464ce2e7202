"""Front matter: split it from the body and parse it safely, keeping key positions.

YAML is parsed without implicit typing, tags or aliases: every scalar stays the string
the editor wrote, nothing is constructed from tags, and alias bombs cannot expand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
import yaml.reader
from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

_DELIMITER = re.compile(r"^---[ \t]*\r?$")
_CLOSER = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$")
MAX_FRONT_MATTER_LINES = 500


class FrontMatterError(Exception):
    """Front matter that cannot be read, with the 1-based line and column."""

    def __init__(self, message: str, line: int = 1, column: int = 1, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint


class _StrictLoader(Reader, Scanner, Parser, Composer, BaseConstructor, BaseResolver):
    """A YAML loader with no implicit types, no tags and no aliases."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseConstructor.__init__(self)
        BaseResolver.__init__(self)

    def compose_node(self, parent: Node | None, index: object) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem="aliases (*name) are not allowed in front matter",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


@dataclass
class Field:
    """A front matter value and where its value starts."""

    value: object
    line: int
    column: int
    key_line: int
    key_column: int


@dataclass
class FrontMatter:
    """Parsed front matter: fields by key, and the line where the body starts."""

    fields: dict[str, Field] = field(default_factory=dict)
    body_line: int = 1
    end_line: int = 1

    def get(self, key: str) -> object:
        """The value of a key, or None."""
        item = self.fields.get(key)
        return item.value if item else None


_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


def _to_python(node: Node) -> object:
    if node.tag not in _PLAIN_TAGS:
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise FrontMatterError(
            f"YAML tags such as {shown} are not allowed in front matter",
            node.start_mark.line + 2,
            node.start_mark.column + 1,
            "remove the tag and write a plain value",
        )
    if isinstance(node, ScalarNode):
        return node.value
    if isinstance(node, SequenceNode):
        return [_to_python(child) for child in node.value]
    if isinstance(node, MappingNode):
        return {str(_to_python(k)): _to_python(v) for k, v in node.value}
    raise FrontMatterError("unsupported YAML node", node.start_mark.line + 2)


def split(text: str) -> tuple[list[str], int] | None:
    """The front matter lines and the 1-based line of the closing delimiter, or None."""
    lines = text.split("\n")
    if not lines or not _DELIMITER.match(lines[0]):
        return None
    for number, line in enumerate(lines[1 : MAX_FRONT_MATTER_LINES + 1], start=2):
        if _CLOSER.match(line):
            return lines[1 : number - 1], number
    raise FrontMatterError(
        "front matter is not closed",
        1,
        1,
        "end the front matter with a line containing only ---",
    )


def parse(text: str) -> FrontMatter | None:
    """Parse the front matter at the start of ``text``; None when there is none."""
    parts = split(text)
    if parts is None:
        return None
    lines, closing_line = parts
    source = "\n".join(line.rstrip("\r") for line in lines)
    result = FrontMatter(body_line=closing_line + 1, end_line=closing_line)
    if not source.strip():
        return result
    for tab_line, line in enumerate(lines, start=2):
        if line.startswith("\t"):
            raise FrontMatterError(
                "front matter is indented with a tab", tab_line, 1, "indent YAML with spaces"
            )
    try:
        loader = _StrictLoader(source)
    except yaml.reader.ReaderError as exc:
        before = source[: exc.position]
        line = before.count("\n") + 2
        column = len(before) - (before.rfind("\n") + 1) + 1
        raise FrontMatterError(
            f"front matter contains the control character U+{exc.character:04X}",
            line,
            column,
            "delete it; it is invisible in most editors",
        ) from None
    try:
        node = loader.get_single_node()
    except FrontMatterError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 2 if mark else 2
        column = mark.column + 1 if mark else 1
        problem = exc.problem or "cannot be parsed"
        raise FrontMatterError(f"front matter is not valid YAML: {problem}", line, column) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML: {exc}", 2, 1) from None
    finally:
        loader.dispose()
    if node is None:
        return result
    if not isinstance(node, MappingNode):
        raise FrontMatterError(
            "front matter must be a mapping of keys to values",
            node.start_mark.line + 2,
            node.start_mark.column + 1,
            "write one 'key: value' per line",
        )
    for key_node, value_node in node.value:
        key = str(_to_python(key_node))
        if key in result.fields:
            raise FrontMatterError(
                f"key '{key}' appears twice in the front matter",
                key_node.start_mark.line + 2,
                key_node.start_mark.column + 1,
            )
        result.fields[key] = Field(
            value=_to_python(value_node),
            line=value_node.start_mark.line + 2,
            column=value_node.start_mark.column + 1,
            key_line=key_node.start_mark.line + 2,
            key_column=key_node.start_mark.column + 1,
        )
    return result
