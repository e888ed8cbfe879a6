"""Telegram's HTML parse mode (as strict as Telegram) and the length limits of texts and captions."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from .spec import JSON, bad_request


class EntityParseError(Exception):
    """Formatted text that Telegram refuses with "can't parse entities"."""


@dataclass(frozen=True)
class FormattedText:
    """Text as Telegram shows it after entity parsing, with entities at UTF-16 offsets."""

    text: str
    entities: tuple[JSON, ...] = ()


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    """UTF-8 byte offset of ``index``, the unit of Telegram's parse error messages."""
    return len(text[:index].encode("utf-8"))

_HTML_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
HTML_TAGS = frozenset(_HTML_ENTITY_TYPES)
_HTML_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8}));")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_HTML_PLAIN_RUN = re.compile(r"[^&<]+")
_TAG_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_ATTR_NAME = re.compile(r"[a-zA-Z_][a-zA-Z0-9_:.-]*")
_UNQUOTED_VALUE = re.compile(r"[^\s>]*")


@dataclass
class _OpenTag:
    """A start tag waiting for its end tag."""

    name: str
    attrs: dict[str, str]
    offset: int
    language: str = ""


class _HtmlParser:
    """Parser for Telegram's HTML parse mode, as strict as Telegram (stricter about '&')."""

    def __init__(self, source: str) -> None:
        self.src = source
        self.pos = 0
        self.out: list[str] = []
        self.length = 0
        self.stack: list[_OpenTag] = []
        self.entities: list[JSON] = []

    def parse(self) -> FormattedText:
        """Return the parsed text or raise EntityParseError."""
        while self.pos < len(self.src):
            char = self.src[self.pos]
            if char == "&":
                self._entity()
            elif char == "<":
                self._tag()
            else:
                run = _HTML_PLAIN_RUN.match(self.src, self.pos)
                assert run is not None
                self._emit(run.group())
                self.pos = run.end()
        if self.stack:
            name = self.stack[-1].name
            raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{name}"')
        entities = sorted(self.entities, key=lambda e: (e["offset"], -e["length"]))
        return FormattedText("".join(self.out), tuple(entities))

    def _error(self, message: str, index: int | None = None) -> EntityParseError:
        offset = _byte_offset(self.src, self.pos if index is None else index)
        return EntityParseError(f"{message} at byte offset {offset}")

    def _emit(self, text: str) -> None:
        self.out.append(text)
        self.length += utf16_len(text)

    def _peek(self, text: str) -> bool:
        return self.src.startswith(text, self.pos)

    def _skip_spaces(self) -> None:
        while self.pos < len(self.src) and self.src[self.pos].isspace():
            self.pos += 1

    def _entity(self) -> None:
        match = _HTML_ENTITY.match(self.src, self.pos)
        if match is None:
            raise self._error('Unsupported HTML entity or unescaped "&" (write &amp;)')
        named, decimal, hexadecimal = match.groups()
        if named:
            self._emit(_NAMED_ENTITIES[named])
        else:
            codepoint = int(decimal) if decimal else int(hexadecimal, 16)
            if not 0 < codepoint <= 0x10FFFF or 0xD800 <= codepoint <= 0xDFFF:
                raise self._error("Invalid numeric HTML entity")
            self._emit(chr(codepoint))
        self.pos = match.end()

    def _tag(self) -> None:
        if self._peek("</"):
            self._end_tag()
        else:
            self._start_tag()

    def _start_tag(self) -> None:
        start = self.pos
        match = _TAG_NAME.match(self.src, start + 1)
        if match is None:
            raise self._error('Unexpected "<" (write &lt;)', start)
        name = match.group().lower()
        if name not in HTML_TAGS:
            raise self._error(f'Unsupported start tag "{name}"', start)
        self.pos = match.end()
        attrs = self._attributes(name, start)
        problem = _tag_attribute_problem(name, attrs)
        if problem:
            raise self._error(problem, start)
        self.stack.append(_OpenTag(name, attrs, self.length))

    def _attributes(self, name: str, start: int) -> dict[str, str]:
        attrs: dict[str, str] = {}
        while True:
            self._skip_spaces()
            if self.pos >= len(self.src):
                raise self._error(f'Unclosed start tag "{name}"', start)
            if self._peek(">"):
                self.pos += 1
                return attrs
            match = _ATTR_NAME.match(self.src, self.pos)
            if match is None:
                raise self._error(f'Unexpected character in start tag "{name}"')
            self.pos = match.end()
            self._skip_spaces()
            attrs[match.group().lower()] = self._attribute_value(name) if self._peek("=") else ""

    def _attribute_value(self, name: str) -> str:
        self.pos += 1
        self._skip_spaces()
        quote = self.src[self.pos : self.pos + 1]
        if quote in ('"', "'"):
            end = self.src.find(quote, self.pos + 1)
            if end < 0:
                raise self._error(f'Unclosed attribute value in tag "{name}"')
            raw, self.pos = self.src[self.pos + 1 : end], end + 1
        else:
            match = _UNQUOTED_VALUE.match(self.src, self.pos)
            assert match is not None
            raw, self.pos = match.group(), match.end()
        return html.unescape(raw)

    def _end_tag(self) -> None:
        start = self.pos
        match = _TAG_NAME.match(self.src, start + 2)
        name = match.group().lower() if match else ""
        self.pos = match.end() if match else start + 2
        self._skip_spaces()
        if not self._peek(">"):
            raise self._error(f'Unclosed end tag "{name}"', start)
        self.pos += 1
        if not self.stack:
            raise self._error(f'Unexpected end tag "</{name}>"', start)
        top = self.stack[-1]
        if top.name != name:
            offset = _byte_offset(self.src, start)
            raise EntityParseError(
                f"Unmatched end tag at byte offset {offset}, "
                f'expected "</{top.name}>", found "</{name}>"'
            )
        self.stack.pop()
        self._close(top)

    def _close(self, tag: _OpenTag) -> None:
        css_class = tag.attrs.get("class", "")
        if tag.name == "code" and self.stack and self.stack[-1].name == "pre":
            self.stack[-1].language = css_class.removeprefix("language-")
            return
        length = self.length - tag.offset
        if length == 0:
            return
        entity: JSON = {"type": _HTML_ENTITY_TYPES[tag.name], "offset": tag.offset}
        entity["length"] = length
        entity.update(_entity_extras(tag))
        self.entities.append(entity)


def _tag_attribute_problem(name: str, attrs: dict[str, str]) -> str:
    """Return Telegram's complaint about a start tag's attributes, or an empty string."""
    if name == "span" and attrs.get("class") != "tg-spoiler":
        return 'Tag "span" must have class "tg-spoiler"'
    if name == "tg-emoji" and not attrs.get("emoji-id", "").isdigit():
        return 'Tag "tg-emoji" must have a numeric "emoji-id" attribute'
    return ""


def _entity_extras(tag: _OpenTag) -> JSON:
    """Extra entity fields for links, custom emoji, code blocks and blockquotes."""
    if tag.name == "a":
        href = tag.attrs.get("href")
        return {"url": href} if href else {"type": "url"}
    if tag.name == "tg-emoji":
        return {"custom_emoji_id": tag.attrs["emoji-id"]}
    if tag.name == "pre" and tag.language:
        return {"language": tag.language}
    if tag.name == "blockquote" and "expandable" in tag.attrs:
        return {"type": "expandable_blockquote"}
    return {}


def parse_formatted(text: str, parse_mode: str | None) -> FormattedText:
    """Apply Telegram's entity parsing for ``parse_mode`` (None or HTML, the only mode the bot uses).

    Raises EntityParseError for text Telegram refuses and LookupError for any other mode.
    """
    mode = (parse_mode or "").lower()
    if mode == "html":
        return _HtmlParser(text).parse()
    if mode:
        raise LookupError(f"unsupported parse_mode {parse_mode!r} (the fake knows HTML only)")
    return FormattedText(text)


def check_text(text: Any, parse_mode: Any, entities: Any, *, limit: int, caption: bool) -> FormattedText:
    """Parse a text or caption like Telegram and enforce emptiness and the length ``limit``."""
    if not isinstance(text, str):
        raise bad_request("message text is empty", "text must be a String")
    try:
        result = parse_formatted(text, parse_mode)
    except LookupError as exc:
        raise bad_request("unsupported parse_mode", str(exc)) from exc
    except EntityParseError as exc:
        raise bad_request(f"can't parse entities: {exc}") from exc
    if not parse_mode and isinstance(entities, list):
        result = FormattedText(result.text, tuple(entities))
    if not caption and not result.text.strip():
        raise bad_request("message text is empty")
    if len(result.text) > limit:
        problem = "message caption is too long" if caption else "message is too long"
        raise bad_request(problem, f"{len(result.text)} characters after entity parsing")
    return result


def command_entities(text: str) -> list[JSON]:
    """Entities Telegram adds to a message that starts with a bot command."""
    match = re.match(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{1,64})?", text)
    if match is None:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group())}]
