"""In-memory test double of the Telegram Bot API for Wijkwijzer's end-to-end tests.

Start the fake in the test process and point python-telegram-bot at it::

    async with FakeTelegram(token="123:ABC", bot_username="wijkwijzer_test_bot") as fake:
        app = (
            Application.builder()
            .token(fake.token)
            .base_url(fake.base_url)
            .base_file_url(fake.base_file_url)
            .build()
        )
        amira = fake.user(user_id=1001, first_name="Amira", language_code="nl")
        await amira.says("/start")
        welcome = await amira.hears()
        await amira.taps("Afspraak")
        await amira.callback_answered()
        fake.assert_clean()

All state lives in the memory of the test process, so a bot process that is killed and
started again receives the updates it never confirmed once more (``fake.pending_updates()``,
``await fake.all_confirmed()``; ``fail_next("getUpdates", "timeout")`` holds the confirming
poll so a crash test can kill the bot at exactly that moment). ``await fake.idle()`` waits
until the bot is quiet and ``await fake.wait_for(predicate)`` until anything else holds.

Every request is checked against the method list of Telegram's ``api.json`` and against
Telegram's documented content rules (text length after entity parsing, HTML that Telegram
accepts, inline keyboards, callback answers). A request that breaks a rule gets the error
answer Telegram would give and is listed in ``fake.violations``.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import html
import itertools
import json
import os
import re
import struct
import time
import zlib
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.web_request import FileField

__all__ = [
    "ApiError",
    "ApiSpec",
    "BotMessage",
    "CallbackAnswer",
    "CallbackRecord",
    "EntityParseError",
    "ErrorRecord",
    "FailedRequest",
    "FakeChat",
    "FakeTelegram",
    "FakeUser",
    "FormattedText",
    "MessageVersion",
    "StoredFile",
    "UploadedFile",
    "command_entities",
    "image_size",
    "make_png",
    "parse_formatted",
]

JSON = dict[str, Any]
Handler = Callable[[JSON], Awaitable[Any]]

API_JSON_ENV = "WIJKWIJZER_BOT_API_JSON"
# shared/ lies beside the repository (in CI too): <repo>/../shared/telegram-bot-api/api.json
DEFAULT_API_JSON = Path(__file__).resolve().parents[2] / "shared" / "telegram-bot-api" / "api.json"

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64
CALLBACK_ANSWER_LIMIT = 200
COMMAND_DESCRIPTION_LIMIT = 256
PHOTO_SIZE_LIMIT = 10 * 1024 * 1024
DOCUMENT_SIZE_LIMIT = 50 * 1024 * 1024
MAX_BODY_SIZE = 60 * 1024 * 1024
VIOLATION_CODES = frozenset({400, 401, 404})
FAULT_KINDS = frozenset({"429", "502", "drop", "timeout"})
CALLBACK_ID_BASE = 4_000_000_000_000

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
CONFLICT_OTHER_POLL = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
INLINE_BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
REPLY_BUTTON_ACTIONS = (
    "request_users",
    "request_chat",
    "request_contact",
    "request_location",
    "request_poll",
    "web_app",
)
MENU_BUTTON_TYPES = frozenset({"commands", "web_app", "default"})
_COMMAND_NAME = re.compile(r"[a-z0-9_]{1,32}")
_FILE_EXTENSIONS = {"photo": ".jpg", "voice": ".oga", "sticker": ".webp", "document": ""}


# --------------------------------------------------------------------------- errors


class ApiError(Exception):
    """An error answer of the Bot API.

    ``description`` is exactly what Telegram would send; ``detail`` is extra explanation for
    the violation log only, so bot code matching on Telegram's wording behaves as in
    production.
    """

    def __init__(
        self,
        code: int,
        description: str,
        detail: str = "",
        parameters: JSON | None = None,
    ) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.detail = detail
        self.parameters = parameters


def bad_request(description: str, detail: str = "") -> ApiError:
    """Build a 400 answer with Telegram's ``Bad Request:`` prefix."""
    return ApiError(400, f"Bad Request: {description}", detail)


# --------------------------------------------------------------------------- API description


class ApiSpec:
    """The Bot API methods and their parameters, read from ``api.json``."""

    def __init__(self, data: JSON) -> None:
        """Index the ``methods`` section of a parsed ``api.json``."""
        self.version = str(data.get("version", ""))
        methods: JSON = data["methods"]
        self._names = {name.lower(): name for name in methods}
        self._fields: dict[str, dict[str, JSON]] = {
            name: {f["name"]: f for f in method.get("fields", [])}
            for name, method in methods.items()
        }

    @classmethod
    def load(cls, path: Path | str | None = None) -> ApiSpec:
        """Load (and cache) the spec from ``path``, ``$WIJKWIJZER_BOT_API_JSON`` or the default."""
        chosen = path or os.environ.get(API_JSON_ENV) or DEFAULT_API_JSON
        return _load_spec(str(chosen))

    def canonical(self, method: str) -> str | None:
        """Return the official spelling of ``method`` (case-insensitive) or None if unknown."""
        return self._names.get(method.lower())

    def fields(self, method: str) -> dict[str, JSON]:
        """Return the parameter descriptions of a canonical method name."""
        return self._fields[method]

    def required(self, method: str) -> list[str]:
        """Return the names of the required parameters of a canonical method name."""
        return [name for name, spec in self._fields[method].items() if spec.get("required")]


@functools.lru_cache(maxsize=4)
def _load_spec(path: str) -> ApiSpec:
    """Parse ``api.json`` once per process and path."""
    return ApiSpec(json.loads(Path(path).read_text(encoding="utf-8")))


# --------------------------------------------------------------------------- formatted text


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


_MDV2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")
_MDV2_MARKERS = ("||", "__", "*", "_", "~")
_MDV2_NAMES = {
    "||": "Spoiler",
    "__": "Underline",
    "*": "Bold",
    "_": "Italic",
    "~": "Strikethrough",
    "[": "TextUrl",
    "![": "CustomEmoji",
}


class _MarkdownV2Parser:
    """Parser for Telegram's MarkdownV2: reserved characters, balanced entities, links."""

    def __init__(self, source: str) -> None:
        self.src = source
        self.pos = 0
        self.out: list[str] = []
        self.stack: list[tuple[str, int]] = []

    def parse(self) -> FormattedText:
        """Return the parsed text (without entities) or raise EntityParseError."""
        while self.pos < len(self.src):
            self._step()
        if self.stack:
            marker, offset = self.stack[-1]
            raise EntityParseError(
                f"Can't find end of {_MDV2_NAMES[marker]} entity at byte offset {offset}"
            )
        return FormattedText("".join(self.out))

    def _step(self) -> None:
        char = self.src[self.pos]
        at_line_start = self.pos == 0 or self.src[self.pos - 1] == "\n"
        marker = next((m for m in _MDV2_MARKERS if self.src.startswith(m, self.pos)), None)
        if char == "\\":
            self._escape()
        elif char == "`":
            self._code()
        elif at_line_start and self.src.startswith("**>", self.pos):
            self.pos += 3
        elif at_line_start and char == ">":
            self.pos += 1
        elif marker == "||" and self._ends_expandable_quote():
            self.pos += 2
        elif marker is not None:
            self._toggle(marker)
        elif self.src.startswith("![", self.pos) or char == "[":
            self._open("![" if char == "!" else "[")
        elif char == "]" and self.stack and self.stack[-1][0] in ("[", "!["):
            self._link_end()
        elif char in _MDV2_RESERVED:
            raise self._reserved(char)
        else:
            self.out.append(char)
            self.pos += 1

    def _offset(self) -> int:
        return _byte_offset(self.src, self.pos)

    def _reserved(self, char: str) -> EntityParseError:
        return EntityParseError(
            f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
        )

    def _ends_expandable_quote(self) -> bool:
        end = self.pos + 2
        return (end == len(self.src) or self.src[end] == "\n") and "**>" in self.src[: self.pos]

    def _escape(self) -> None:
        following = self.src[self.pos + 1 : self.pos + 2]
        if not following or not 1 <= ord(following) <= 126:
            raise self._reserved("\\")
        self.out.append(following)
        self.pos += 2

    def _find_unescaped(self, needle: str, start: int) -> int:
        index = start
        while index < len(self.src):
            if self.src[index] == "\\":
                index += 2
            elif self.src.startswith(needle, index):
                return index
            else:
                index += 1
        return -1

    def _code(self) -> None:
        fence = "```" if self.src.startswith("```", self.pos) else "`"
        end = self._find_unescaped(fence, self.pos + len(fence))
        if end < 0:
            name = "Pre" if fence == "```" else "Code"
            raise EntityParseError(
                f"Can't find end of {name} entity at byte offset {self._offset()}"
            )
        content = self.src[self.pos + len(fence) : end]
        if fence == "```" and "\n" in content:
            first, rest = content.split("\n", 1)
            content = rest if first and not any(c.isspace() for c in first) else content
        self.out.append(re.sub(r"\\([`\\])", r"\1", content))
        self.pos = end + len(fence)

    def _toggle(self, marker: str) -> None:
        if self.stack and self.stack[-1][0] == marker:
            self.stack.pop()
        elif any(open_marker == marker for open_marker, _ in self.stack):
            open_marker, offset = self.stack[-1]
            raise EntityParseError(
                f"Can't find end of {_MDV2_NAMES[open_marker]} entity at byte offset {offset}"
            )
        else:
            self.stack.append((marker, self._offset()))
        self.pos += len(marker)

    def _open(self, marker: str) -> None:
        self.stack.append((marker, self._offset()))
        self.pos += len(marker)

    def _link_end(self) -> None:
        marker, offset = self.stack.pop()
        if not self.src.startswith("(", self.pos + 1):
            raise EntityParseError(
                f"Can't find end of {_MDV2_NAMES[marker]} entity at byte offset {offset}"
            )
        end = self._find_unescaped(")", self.pos + 2)
        if end < 0:
            raise EntityParseError(f"Can't find end of URL at byte offset {self._offset()}")
        self.pos = end + 1


def _parse_markdown_legacy(source: str) -> FormattedText:
    """Parse Telegram's legacy Markdown: *bold*, _italic_, `code`, ```pre```, [text](url)."""
    out: list[str] = []
    pos = 0
    while pos < len(source):
        char = source[pos]
        if char == "\\" and source[pos + 1 : pos + 2] in ("_", "*", "`", "["):
            out.append(source[pos + 1])
            pos += 2
        elif char in "*_`[":
            text, pos = _legacy_entity(source, pos)
            out.append(text)
        else:
            out.append(char)
            pos += 1
    return FormattedText("".join(out))


def _legacy_entity(source: str, pos: int) -> tuple[str, int]:
    """Return the visible text of the legacy Markdown entity at ``pos`` and the next index."""
    error = EntityParseError(
        f"Can't find end of the entity starting at byte offset {_byte_offset(source, pos)}"
    )
    if source[pos] == "[":
        middle = source.find("](", pos)
        end = source.find(")", middle + 2) if middle >= 0 else -1
        if end < 0:
            raise error
        return source[pos + 1 : middle], end + 1
    marker = "```" if source.startswith("```", pos) else source[pos]
    end = source.find(marker, pos + len(marker))
    if end < 0:
        raise error
    return source[pos + len(marker) : end], end + len(marker)


_PARSERS: dict[str, Callable[[str], FormattedText]] = {
    "": FormattedText,
    "html": lambda source: _HtmlParser(source).parse(),
    "markdownv2": lambda source: _MarkdownV2Parser(source).parse(),
    "markdown": _parse_markdown_legacy,
}


def parse_formatted(text: str, parse_mode: str | None) -> FormattedText:
    """Apply Telegram's entity parsing for ``parse_mode`` (None, HTML, MarkdownV2, Markdown).

    Raises EntityParseError for text Telegram refuses and LookupError for an unknown mode.
    """
    mode = (parse_mode or "").lower()
    if mode not in _PARSERS:
        raise LookupError(f"unsupported parse_mode {parse_mode!r}")
    return _PARSERS[mode](text)


def command_entities(text: str) -> list[JSON]:
    """Entities Telegram adds to a message that starts with a bot command."""
    match = re.match(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{1,64})?", text)
    if match is None:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group())}]


# --------------------------------------------------------------------------- keyboards


def check_reply_markup(markup: Any, *, inline_only: bool) -> None:
    """Raise ApiError if ``markup`` is not a reply markup Telegram accepts."""
    if markup is None:
        return
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _check_inline_keyboard(markup["inline_keyboard"])
    elif inline_only:
        raise bad_request("inline keyboard expected", "edits accept only InlineKeyboardMarkup")
    elif "keyboard" in markup:
        _check_reply_keyboard(markup["keyboard"])
    elif markup.get("remove_keyboard") is not True and markup.get("force_reply") is not True:
        raise bad_request("can't parse reply keyboard markup JSON object")


def _button_rows(rows: Any) -> list[list[Any]]:
    """Return keyboard rows, or raise if the keyboard is not an array of arrays."""
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("can't parse reply keyboard markup JSON object", "need Array of Array")
    return rows


def _check_inline_keyboard(rows: Any) -> None:
    for row in _button_rows(rows):
        for button in row:
            _check_inline_button(button)


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request("can't parse inline keyboard button: Text must be a String")
    label = button["text"]
    if not label.strip():
        raise bad_request("can't parse inline keyboard button: Text must be non-empty")
    actions = [action for action in INLINE_BUTTON_ACTIONS if action in button]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
            f"button {label!r} has no callback_data/url/...",
        )
    if len(actions) > 1:
        raise bad_request(
            "can't parse inline keyboard button: exactly one of the optional fields must be used",
            f"button {label!r} has {actions}",
        )
    if "callback_data" in button:
        _check_callback_data(button["callback_data"], label)
    if "url" in button:
        _check_button_url(button["url"])


def _check_callback_data(data: Any, label: str) -> None:
    size = len(data.encode("utf-8")) if isinstance(data, str) else -1
    if not 1 <= size <= CALLBACK_DATA_LIMIT:
        raise bad_request(
            "BUTTON_DATA_INVALID",
            f"callback_data of button {label!r} is {size} bytes, allowed 1-{CALLBACK_DATA_LIMIT}",
        )


def _check_button_url(url: Any) -> None:
    parts = urlsplit(url) if isinstance(url, str) else None
    valid = (
        parts is not None
        and not any(char.isspace() for char in url)
        and (
            (parts.scheme in ("http", "https") and bool(parts.netloc))
            or parts.scheme == "tg"
            or (not parts.scheme and "." in url)
        )
    )
    if not valid:
        raise bad_request(f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL")


def _check_reply_keyboard(rows: Any) -> None:
    for row in _button_rows(rows):
        for button in row:
            label = button.get("text") if isinstance(button, dict) else button
            if not isinstance(label, str) or not label.strip():
                raise bad_request("can't parse keyboard button: Text must be non-empty")
            requests = [a for a in REPLY_BUTTON_ACTIONS if isinstance(button, dict) and a in button]
            if len(requests) > 1:
                raise bad_request(
                    "can't parse keyboard button: at most one of the optional fields can be used",
                    f"button {label!r} has {requests}",
                )


def _inline_markup(markup: JSON | None) -> JSON | None:
    """The markup if it is an inline keyboard (the only kind a Message carries), else None."""
    return markup if markup and "inline_keyboard" in markup else None


def _check_commands(commands: Any) -> None:
    """Raise ApiError unless ``commands`` is a valid setMyCommands list."""
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("can't parse commands JSON object", "need an Array of <= 100 commands")
    for command in commands:
        name = command.get("command") if isinstance(command, dict) else None
        description = command.get("description") if isinstance(command, dict) else None
        if not isinstance(name, str) or not _COMMAND_NAME.fullmatch(name):
            raise bad_request("BOT_COMMAND_INVALID", f"command {name!r}: use 1-32 of [a-z0-9_]")
        if not isinstance(description, str) or not 1 <= len(description) <= 256:
            raise bad_request(
                "BOT_COMMAND_DESCRIPTION_INVALID", f"description of {name!r} must be 1-256 chars"
            )


# --------------------------------------------------------------------------- files


def make_png(width: int = 1, height: int = 1, rgb: tuple[int, int, int] = (0, 120, 215)) -> bytes:
    """Return a valid PNG image of one colour (for photo uploads in tests)."""

    def chunk(tag: bytes, payload: bytes) -> bytes:
        checksum = zlib.crc32(tag + payload) & 0xFFFFFFFF
        return struct.pack(">I", len(payload)) + tag + payload + struct.pack(">I", checksum)

    pixels = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF, JPEG, BMP or WebP image; None if it is not one."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    if data.startswith(b"BM") and len(data) >= 26:
        width, height = struct.unpack("<ii", data[18:26])
        return int(width), abs(int(height))
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return 512, 512
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Read the frame size from a JPEG's start-of-frame segment."""
    index = 2
    while index + 9 < len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:
            index += 2
            continue
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height = int.from_bytes(data[index + 5 : index + 7], "big")
            width = int.from_bytes(data[index + 7 : index + 9], "big")
            return width, height
        index += 2 + int.from_bytes(data[index + 2 : index + 4], "big")
    return None


def _check_photo(content: bytes) -> tuple[int, int]:
    """Return the photo's size or raise the error Telegram gives for a bad photo."""
    size = image_size(content)
    if size is None:
        raise bad_request("IMAGE_PROCESS_FAILED", "upload is not a PNG/JPEG/GIF/BMP/WebP image")
    width, height = size
    if width <= 0 or height <= 0 or width + height > 10000 or max(size) / min(size) > 20:
        raise bad_request("PHOTO_INVALID_DIMENSIONS", f"photo is {width}x{height}")
    return size


# --------------------------------------------------------------------------- request data


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    filename: str | None
    content: bytes
    content_type: str | None = None


async def read_params(request: web.Request) -> JSON:
    """Collect parameters from the query string and a JSON, urlencoded or multipart body."""
    params: JSON = dict(request.query)
    if not request.body_exists:
        return params
    if request.content_type == "application/json":
        params.update(await _read_json_body(request))
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.post()
        params.update({key: _form_value(value) for key, value in form.items()})
    return params


async def _read_json_body(request: web.Request) -> JSON:
    try:
        body = await request.json()
    except ValueError as exc:
        raise bad_request("can't parse request JSON object", str(exc)) from exc
    if not isinstance(body, dict):
        raise bad_request("can't parse request JSON object", "body must be a JSON object")
    return body


def _form_value(value: Any) -> Any:
    """Turn a form field into a str or an UploadedFile (closing aiohttp's temp file)."""
    if isinstance(value, FileField):
        with value.file:
            content = value.file.read()
        return UploadedFile(value.filename, content, value.content_type)
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("utf-8")
    return value


_PLAIN_TYPES = frozenset({"String", "Integer", "Float", "Boolean", "InputFile"})


def coerce_params(fields: dict[str, JSON], raw: JSON) -> JSON:
    """Convert form strings to the types api.json declares (JSON-typed ones are decoded)."""
    return {
        name: _coerce_value(name, fields[name]["types"], value, raw) if name in fields else value
        for name, value in raw.items()
    }


def _coerce_value(name: str, types: list[str], value: Any, raw: JSON) -> Any:
    kinds = frozenset(types)
    if isinstance(value, UploadedFile):
        if "InputFile" in kinds:
            return value
        raise bad_request(f'can\'t use a file for parameter "{name}"')
    try:
        if kinds <= _PLAIN_TYPES:
            return _coerce_plain(kinds, value, raw)
        return json.loads(value) if isinstance(value, str) else value
    except (ValueError, TypeError) as exc:
        raise bad_request(f'wrong value of parameter "{name}"', f"{value!r}: {exc}") from exc


def _coerce_plain(kinds: frozenset[str], value: Any, raw: JSON) -> Any:
    if "InputFile" in kinds:
        return _resolve_attach(value, raw)
    if "Integer" in kinds:
        try:
            return _as_int(value)
        except ValueError:
            if "String" in kinds:
                return str(value)
            raise
    if "Float" in kinds:
        return float(value)
    if "Boolean" in kinds:
        return _as_bool(value)
    return value if isinstance(value, str) else str(value)


def _resolve_attach(value: Any, raw: JSON) -> Any:
    if isinstance(value, str) and value.startswith("attach://"):
        part = raw.get(value.removeprefix("attach://"))
        if not isinstance(part, UploadedFile):
            raise ValueError(f"no multipart file part for {value}")
        return part
    return value


def _as_int(value: Any) -> int:
    if isinstance(value, bool):
        raise TypeError("expected an Integer, got a Boolean")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    raise ValueError("expected an Integer")


def _as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1"):
        return True
    if text in ("false", "0", ""):
        return False
    raise ValueError("expected a Boolean")


def _summarize(params: JSON) -> str:
    """Short description of a request's key parameters for logs and assertion messages."""
    parts = []
    for key in ("chat_id", "message_id", "callback_query_id", "text", "caption", "action"):
        if key in params:
            value = params[key]
            if isinstance(value, str) and len(value) > 60:
                value = value[:57] + "..."
            parts.append(f"{key}={value!r}")
    return ", ".join(parts)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class StoredFile:
    """A file known to the fake (uploaded by the bot or sent by a simulated user)."""

    file_id: str
    file_unique_id: str
    content: bytes
    file_path: str
    filename: str | None = None
    mime_type: str | None = None
    width: int = 0
    height: int = 0
    url: str | None = None

    def photo_size(self) -> JSON:
        """PhotoSize object for this file."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "width": self.width or 640,
            "height": self.height or 480,
            "file_size": len(self.content),
        }

    def document(self) -> JSON:
        """Document object for this file."""
        payload: JSON = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.content),
        }
        if self.filename:
            payload["file_name"] = self.filename
        if self.mime_type:
            payload["mime_type"] = self.mime_type
        return payload


@dataclass(frozen=True)
class MessageVersion:
    """A bot message as it was before an edit."""

    text: str | None
    plain: str
    parse_mode: str | None
    reply_markup: JSON | None
    date: int


@dataclass
class BotMessage:
    """A message the bot sent (sendMessage, sendPhoto, sendDocument).

    ``text`` is the text or caption exactly as sent (HTML tags included); ``plain`` is what
    the user sees after entity parsing. Edits update the message in place and keep the
    earlier versions in ``history``.
    """

    message_id: int
    chat_id: int
    method: str
    kind: str
    date: int
    text: str | None
    parse_mode: str | None
    reply_markup: JSON | None
    plain: str = ""
    entities: list[JSON] = field(default_factory=list)
    caption: str | None = None
    photo: bytes | None = None
    document: bytes | None = None
    filename: str | None = None
    file_id: str | None = None
    deleted: bool = False
    edit_date: int | None = None
    history: list[MessageVersion] = field(default_factory=list)
    params: JSON = field(default_factory=dict)

    @property
    def edited(self) -> bool:
        """True once the message has been edited."""
        return bool(self.history)

    def inline_buttons(self) -> list[JSON]:
        """All inline keyboard buttons, row by row."""
        rows = (_inline_markup(self.reply_markup) or {}).get("inline_keyboard") or []
        return [b for row in rows if isinstance(row, list) for b in row if isinstance(b, dict)]

    def button_labels(self) -> list[str]:
        """Labels of the inline keyboard buttons."""
        return [str(button.get("text", "")) for button in self.inline_buttons()]


@dataclass(frozen=True)
class CallbackAnswer:
    """An answerCallbackQuery call for one of the simulated users' callback queries."""

    query_id: str
    user_id: int
    text: str | None
    show_alert: bool = False
    url: str | None = None


@dataclass
class CallbackRecord:
    """A callback query the fake pushed, and its answer once the bot gave one."""

    query_id: str
    user_id: int
    chat_id: int
    data: str
    message_id: int | None
    answer: CallbackAnswer | None = None


@dataclass(frozen=True)
class FailedRequest:
    """A request that got an injected fault instead of being processed."""

    method: str
    params: JSON
    kind: str


@dataclass(frozen=True)
class ErrorRecord:
    """Any error answer the fake gave (violations, but also 403 blocked and 409 conflicts)."""

    method: str
    code: int
    description: str


@dataclass(frozen=True)
class _Fault:
    kind: str
    retry_after: int
    hold: float


@dataclass
class _PendingUpdate:
    update_id: int
    payload: JSON
    deliveries: int = 0


@dataclass
class FakeChat:
    """A chat known to the fake: a user's private chat or a group."""

    id: int
    type: str
    title: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None
    blocked: bool = False

    def to_dict(self) -> JSON:
        """Chat object as Telegram sends it."""
        payload: JSON = {"id": self.id, "type": self.type}
        for key in ("title", "username", "first_name", "last_name"):
            value = getattr(self, key)
            if value is not None:
                payload[key] = value
        return payload


# --------------------------------------------------------------------------- simulated users


class FakeUser:
    """A simulated Telegram user who talks to the bot through a FakeTelegram."""

    def __init__(
        self,
        fake: FakeTelegram,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> None:
        """Create the user and their private chat (chat id == user id)."""
        self.fake = fake
        self.id = user_id
        self.first_name = first_name
        self.last_name = last_name
        self.username = username
        self.language_code = language_code
        self.chat = FakeChat(user_id, "private", None, first_name, last_name, username)
        self.queries: list[str] = []
        self._heard: dict[int, int] = {}

    def to_dict(self) -> JSON:
        """User object as Telegram sends it."""
        payload: JSON = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        extra = {
            "last_name": self.last_name,
            "username": self.username,
            "language_code": self.language_code,
        }
        payload.update({key: value for key, value in extra.items() if value is not None})
        return payload

    async def _post(self, content: JSON, chat: FakeChat | None, reply_to: int | None = None) -> int:
        message_id = self.fake.post_user_message(self, chat or self.chat, content, reply_to)
        await asyncio.sleep(0)
        return message_id

    async def says(
        self, text: str, *, chat: FakeChat | None = None, reply_to: int | None = None
    ) -> int:
        """Send a text message (commands get a bot_command entity); return its message_id."""
        content: JSON = {"text": text}
        entities = command_entities(text)
        if entities:
            content["entities"] = entities
        return await self._post(content, chat, reply_to)

    async def taps(self, label: str, *, chat: FakeChat | None = None) -> str:
        """Tap the inline button whose text matches ``label``; return the callback query id."""
        target = chat or self.chat
        message, button = self.fake.find_button(target.id, label)
        if "callback_data" not in button:
            kinds = [key for key in INLINE_BUTTON_ACTIONS if key in button]
            raise AssertionError(f"button {button.get('text')!r} is a {kinds} button, not callback")
        return await self._tap(target, message, str(button["callback_data"]))

    async def taps_data(
        self, callback_data: str, message_id: int | None = None, *, chat: FakeChat | None = None
    ) -> str:
        """Send a callback query with arbitrary (possibly forged) data; return its id."""
        target = chat or self.chat
        message = self.fake.bot_message(target.id, message_id)
        return await self._tap(target, message, callback_data)

    async def _tap(self, chat: FakeChat, message: BotMessage | None, data: str) -> str:
        query_id = self.fake.post_callback_query(self, chat, data, message)
        self.queries.append(query_id)
        await asyncio.sleep(0)
        return query_id

    def buttons(self, *, chat: FakeChat | None = None) -> list[str]:
        """Labels of the newest inline keyboard in the chat (empty if there is none)."""
        message = self.fake.newest_keyboard_message((chat or self.chat).id)
        return message.button_labels() if message else []

    def reply_keyboard(self, *, chat: FakeChat | None = None) -> list[str]:
        """Labels of the reply keyboard currently shown to the user (empty if none)."""
        return self.fake.reply_keyboard_labels((chat or self.chat).id)

    async def shares_contact(
        self, phone: str, *, first_name: str | None = None, own: bool = True
    ) -> int:
        """Share a contact (their own by default, which carries user_id)."""
        contact: JSON = {"phone_number": phone, "first_name": first_name or self.first_name}
        if own:
            contact["user_id"] = self.id
            if self.last_name:
                contact["last_name"] = self.last_name
        return await self._post({"contact": contact}, None)

    async def sends_sticker(self, emoji: str = "👍", *, chat: FakeChat | None = None) -> int:
        """Send a sticker."""
        stored = self.fake.store_file(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "sticker", size=(512, 512))
        sticker = {
            **stored.photo_size(),
            "type": "regular",
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return await self._post({"sticker": sticker}, chat)

    async def sends_voice(
        self,
        duration: int = 3,
        data: bytes = b"OggS\x00fake-voice",
        *,
        chat: FakeChat | None = None,
    ) -> int:
        """Send a voice message."""
        stored = self.fake.store_file(data, "voice", mime_type="audio/ogg")
        voice = {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": len(data),
        }
        return await self._post({"voice": voice}, chat)

    async def sends_photo(
        self, data: bytes | None = None, *, caption: str | None = None, chat: FakeChat | None = None
    ) -> int:
        """Send a photo (a small PNG unless ``data`` is given)."""
        content = data if data is not None else make_png(64, 48)
        size = image_size(content) or (640, 480)
        stored = self.fake.store_file(content, "photo", mime_type="image/png", size=size)
        payload: JSON = {"photo": [stored.photo_size()]}
        if caption is not None:
            payload["caption"] = caption
        return await self._post(payload, chat)

    async def sends_location(
        self, latitude: float, longitude: float, *, chat: FakeChat | None = None
    ) -> int:
        """Send a location."""
        return await self._post({"location": {"latitude": latitude, "longitude": longitude}}, chat)

    async def sends_document(
        self,
        data: bytes = b"%PDF-1.4\n% fake document\n",
        filename: str = "document.pdf",
        mime_type: str = "application/pdf",
        *,
        caption: str | None = None,
        chat: FakeChat | None = None,
    ) -> int:
        """Send a document; the bot can fetch it with getFile and the file URL."""
        stored = self.fake.store_file(data, "document", filename=filename, mime_type=mime_type)
        payload: JSON = {"document": stored.document()}
        if caption is not None:
            payload["caption"] = caption
        return await self._post(payload, chat)

    async def edits(self, message_id: int, new_text: str, *, chat: FakeChat | None = None) -> None:
        """Edit one of the user's own text messages (pushes an edited_message update)."""
        self.fake.post_user_edit(self, chat or self.chat, message_id, new_text)
        await asyncio.sleep(0)

    async def blocks_bot(self) -> None:
        """Block the bot: sends to this user now get 403, and a my_chat_member update."""
        self.chat.blocked = True
        self.fake.post_membership(self, "kicked")
        await asyncio.sleep(0)

    async def unblocks_bot(self) -> None:
        """Unblock the bot again."""
        self.chat.blocked = False
        self.fake.post_membership(self, "member")
        await asyncio.sleep(0)

    def hears(
        self, timeout: float = 5.0, *, chat: FakeChat | None = None
    ) -> Coroutine[Any, Any, BotMessage]:
        """Await the next bot message in the chat that this user has not consumed yet."""
        return self._hears(chat or self.chat, timeout)

    async def _hears(self, chat: FakeChat, within: float) -> BotMessage:
        message = await self._next(chat.id, within)
        if message is None:
            headline = f"{self.first_name} heard nothing from the bot in chat {chat.id}"
            raise AssertionError(self.fake.diagnose(f"{headline} within {within}s"))
        return message

    def hears_all(
        self, quiet: float = 0.5, timeout: float = 5.0, *, chat: FakeChat | None = None
    ) -> Coroutine[Any, Any, list[BotMessage]]:
        """Await new bot messages until none arrives for ``quiet`` seconds (or ``timeout``)."""
        return self._hears_all((chat or self.chat).id, quiet, timeout)

    async def _hears_all(self, chat_id: int, quiet: float, within: float) -> list[BotMessage]:
        deadline = time.monotonic() + within
        collected: list[BotMessage] = []
        while (remaining := deadline - time.monotonic()) > 0:
            message = await self._next(chat_id, min(quiet, remaining))
            if message is None:
                break
            collected.append(message)
        return collected

    async def _next(self, chat_id: int, within: float) -> BotMessage | None:
        index = self._heard.get(chat_id, 0)
        message = await self.fake.wait_for_bot_message(chat_id, index, within)
        if message is not None:
            self._heard[chat_id] = index + 1
        return message

    def last_answer(self) -> str | None:
        """Text of the last answerCallbackQuery for this user's callback queries."""
        answers = [answer for answer in self.fake.answers if answer.user_id == self.id]
        return answers[-1].text if answers else None

    def callback_answered(
        self, timeout: float = 5.0, query_id: str | None = None
    ) -> Coroutine[Any, Any, CallbackAnswer]:
        """Await the answer to a callback query (default: this user's latest tap)."""
        target = query_id or (self.queries[-1] if self.queries else None)
        if target is None:
            raise AssertionError(f"{self.first_name} has not tapped any button yet")
        return self._answer_of(target, timeout)

    async def _answer_of(self, query_id: str, within: float) -> CallbackAnswer:
        answer = await self.fake.wait_for_answer(query_id, within)
        if answer is None:
            headline = f"callback query {query_id} was not answered within {within}s"
            raise AssertionError(self.fake.diagnose(headline))
        return answer


# --------------------------------------------------------------------------- the server


class FakeTelegram:
    """Fake Bot API server on 127.0.0.1 with simulated users, checks and fault injection.

    Records: ``requests`` (method, params) in order, ``violations`` (rule breaches that got
    a 400/401/404), ``errors`` (every error answer), ``failed_requests`` (injected faults),
    ``conflicts`` (overlapping getUpdates), ``unimplemented`` (spec methods answered with
    ``true``), ``withheld`` (group messages hidden by privacy mode) and ``answers``.
    """

    def __init__(
        self,
        token: str = "123:ABC",
        bot_username: str = "wijkwijzer_test_bot",
        *,
        bot_first_name: str = "Wijkwijzer",
        privacy_mode: bool = True,
        fault_hold: float = 3.0,
        api_json: Path | str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        """Configure the fake; the server starts with ``start()`` or ``async with``."""
        self.token = token
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.privacy_mode = privacy_mode
        self.fault_hold = fault_hold
        self.spec = ApiSpec.load(api_json)
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None
        self.requests: list[tuple[str, JSON]] = []
        self.violations: list[str] = []
        self.errors: list[ErrorRecord] = []
        self.failed_requests: list[FailedRequest] = []
        self.conflicts: list[str] = []
        self.unimplemented: list[str] = []
        self.withheld: list[JSON] = []
        self.answers: list[CallbackAnswer] = []
        self._init_state()
        self._handlers = self._build_handlers()

    def _init_state(self) -> None:
        self._chats: dict[int, FakeChat] = {}
        self._bot_messages: dict[int, list[BotMessage]] = {}
        self._bot_by_key: dict[tuple[int, int], BotMessage] = {}
        self._user_messages: dict[tuple[int, int], JSON] = {}
        self._deleted: set[tuple[int, int]] = set()
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._update_ids = itertools.count(1)
        self._pending: list[_PendingUpdate] = []
        self._callbacks: dict[str, CallbackRecord] = {}
        self._callback_ids = itertools.count(1)
        self._files: dict[str, StoredFile] = {}
        self._file_paths: dict[str, StoredFile] = {}
        self._file_ids = itertools.count(1)
        self._faults: dict[str, deque[_Fault]] = {}
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._menu_buttons: dict[int | None, JSON] = {}
        self._reply_keyboards: dict[int, JSON | None] = {}
        self._webhook_url = ""
        self._poll_generation = 0
        self._pulse = asyncio.Event()
        self._closing = False
        self._busy = 0
        self._last_activity = time.monotonic()

    # ----------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        """Start the HTTP server on a free port."""
        app = web.Application(client_max_size=MAX_BODY_SIZE)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._closing = False
        self._runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=1.0
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, self._host, self._port).start()

    async def stop(self) -> None:
        """Answer pending long polls and stop the server."""
        self._closing = True
        self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        """Start the server."""
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        """Stop the server."""
        await self.stop()

    @property
    def port(self) -> int:
        """TCP port the server listens on."""
        if self._runner is None or not self._runner.addresses:
            raise RuntimeError("FakeTelegram is not running")
        return int(self._runner.addresses[0][1])

    @property
    def base_url(self) -> str:
        """Value for PTB's ``base_url`` (PTB appends ``{token}/{method}``)."""
        return f"http://{self._host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for PTB's ``base_file_url``."""
        return f"http://{self._host}:{self.port}/file/bot"

    @property
    def bot_id(self) -> int:
        """The bot's user id (the number before the colon of the token)."""
        prefix = self.token.split(":", 1)[0]
        return int(prefix) if prefix.isdigit() else 123456

    @property
    def bot_user(self) -> JSON:
        """The bot as a User object (the ``from`` of its messages)."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    # ----------------------------------------------------------------- setup helpers

    def user(
        self,
        user_id: int,
        first_name: str = "Test",
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> FakeUser:
        """Create a simulated user with a private chat whose id equals ``user_id``."""
        if user_id in self._chats:
            raise ValueError(f"chat {user_id} already exists")
        user = FakeUser(
            self,
            user_id,
            first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        self._chats[user_id] = user.chat
        return user

    def group_chat(
        self,
        chat_id: int,
        title: str,
        *,
        chat_type: str | None = None,
        username: str | None = None,
    ) -> FakeChat:
        """Create a group the bot is a member of (ids starting with -100 are supergroups)."""
        if chat_id in self._chats:
            raise ValueError(f"chat {chat_id} already exists")
        kind = chat_type or ("supergroup" if str(chat_id).startswith("-100") else "group")
        chat = FakeChat(chat_id, kind, title=title, username=username)
        self._chats[chat_id] = chat
        return chat

    def fail_next(
        self,
        method: str,
        kind: str,
        count: int = 1,
        retry_after: int = 1,
        hold: float | None = None,
    ) -> None:
        """Make the next ``count`` calls of ``method`` fail with ``kind``.

        Kinds: "429" (flood control with ``retry_after``), "502" (Bad Gateway), "drop"
        (connection closed without an answer) and "timeout" (hold the request ``hold``
        seconds, default ``fault_hold``, then drop it). Other methods are not affected.
        """
        canonical = self.spec.canonical(method)
        if canonical is None:
            raise ValueError(f"{method!r} is not a Bot API method")
        if kind not in FAULT_KINDS:
            raise ValueError(f"fault kind must be one of {sorted(FAULT_KINDS)}")
        fault = _Fault(kind, retry_after, self.fault_hold if hold is None else hold)
        self._faults.setdefault(canonical.lower(), deque()).extend([fault] * count)

    # ----------------------------------------------------------------- inspection

    def sent_to(self, chat: int | FakeChat | FakeUser) -> list[BotMessage]:
        """The bot's messages in a chat, in sending order (deleted ones are flagged)."""
        return list(self._bot_messages.get(_chat_id(chat), []))

    def calls(self, method: str) -> list[JSON]:
        """Parameters of every processed call of ``method`` (case-insensitive)."""
        return [params for name, params in self.requests if name.lower() == method.lower()]

    def pending_updates(self) -> list[JSON]:
        """Updates pushed but not yet confirmed by the bot (with an offset)."""
        return [update.payload for update in self._pending]

    def unanswered_callbacks(self) -> list[str]:
        """Ids of callback queries the bot never answered."""
        return [query_id for query_id, q in self._callbacks.items() if q.answer is None]

    def callback(self, query_id: str) -> CallbackRecord:
        """The record of a callback query pushed by a simulated user."""
        return self._callbacks[query_id]

    def commands(self, scope: JSON | None = None, language_code: str = "") -> list[JSON]:
        """Commands the bot registered with setMyCommands for a scope and language."""
        return list(self._commands.get(_scope_key(scope, language_code), []))

    def file(self, file_id: str) -> StoredFile:
        """A file known to the fake by its file_id."""
        return self._files[file_id]

    def reply_keyboard_labels(self, chat: int | FakeChat | FakeUser) -> list[str]:
        """Labels of the reply keyboard the bot currently shows in a chat."""
        markup = self._reply_keyboards.get(_chat_id(chat)) or {}
        rows = markup.get("keyboard") or []
        return [b.get("text", "") if isinstance(b, dict) else str(b) for row in rows for b in row]

    def assert_clean(self) -> None:
        """Raise AssertionError listing violations and unanswered callback queries."""
        problems = [f"violation: {violation}" for violation in self.violations]
        problems += [
            f"callback query {query_id} (data {self._callbacks[query_id].data!r}) never answered"
            for query_id in self.unanswered_callbacks()
        ]
        if problems:
            listing = "\n".join(f"  - {problem}" for problem in problems)
            raise AssertionError(f"fake Telegram saw problems:\n{listing}")

    def diagnose(self, headline: str) -> str:
        """``headline`` plus hints about the fake's state, for assertion messages."""
        lines = [headline]
        undelivered = sum(1 for update in self._pending if update.deliveries == 0)
        if undelivered:
            lines.append(f"{undelivered} update(s) not fetched yet: is the bot polling this fake?")
        if self.withheld:
            lines.append(
                f"{len(self.withheld)} group message(s) withheld by privacy mode "
                "(only commands and replies to the bot reach it)"
            )
        lines += [f"violation: {violation}" for violation in self.violations[-5:]]
        lines += [f"injected {f.kind} on {f.method}" for f in self.failed_requests[-5:]]
        recent = [f"{m}({_summarize(p)})" for m, p in self.requests if m != "getUpdates"][-8:]
        lines.append("recent requests: " + ("; ".join(recent) if recent else "none"))
        return "\n  ".join(lines)

    async def idle(self, quiet: float = 0.3, max_wait: float = 10.0) -> None:
        """Wait until all updates were fetched and no request came in for ``quiet`` seconds.

        Raises AssertionError (with diagnostics) if that does not happen within ``max_wait``.
        """
        deadline = time.monotonic() + max_wait
        while (remaining := self._quiet_remaining(quiet)) > 0:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(self.diagnose(f"fake Telegram not idle after {max_wait}s"))
            await self._wait_pulse(min(remaining, left))

    async def all_confirmed(self, max_wait: float = 5.0) -> None:
        """Wait until the bot has confirmed (with a getUpdates offset) every update."""
        await self.wait_for(lambda: not self._pending, max_wait, "all updates confirmed")

    async def wait_for(
        self, predicate: Callable[[], object], max_wait: float = 5.0, what: str = "condition"
    ) -> None:
        """Wait until ``predicate()`` is truthy; it is re-checked whenever the fake changes.

        The fake changes on every request, fault, update, answer and bot message, so e.g.
        ``await fake.wait_for(lambda: fake.failed_requests)`` waits for an injected fault.
        """
        if not await self._wait_until(lambda: bool(predicate()), max_wait):
            raise AssertionError(self.diagnose(f"{what} did not happen within {max_wait}s"))

    def _quiet_remaining(self, quiet: float) -> float:
        if self._busy or any(update.deliveries == 0 for update in self._pending):
            return quiet
        return quiet - (time.monotonic() - self._last_activity)

    # ----------------------------------------------------------------- waiting

    def _notify(self) -> None:
        """Wake everything waiting for a change (long polls, hears, idle)."""
        self._pulse.set()
        self._pulse = asyncio.Event()

    def _touch(self) -> None:
        self._last_activity = time.monotonic()
        self._notify()

    async def _wait_pulse(self, within: float) -> None:
        pulse = self._pulse
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(pulse.wait(), within)

    async def _wait_until(self, predicate: Callable[[], bool], within: float) -> bool:
        """Wait until ``predicate()`` holds; False after ``within`` seconds or on shutdown."""
        deadline = time.monotonic() + within
        while not predicate():
            left = deadline - time.monotonic()
            if left <= 0 or self._closing:
                return False
            await self._wait_pulse(left)
        return True

    async def wait_for_bot_message(
        self, chat_id: int, index: int, within: float
    ) -> BotMessage | None:
        """The bot's ``index``-th message in a chat, waiting up to ``within`` seconds."""
        messages = self._bot_messages.setdefault(chat_id, [])
        if await self._wait_until(lambda: len(messages) > index, within):
            return messages[index]
        return None

    async def wait_for_answer(self, query_id: str, within: float) -> CallbackAnswer | None:
        """The answer to a callback query, waiting up to ``within`` seconds."""
        record = self._callbacks[query_id]
        await self._wait_until(lambda: record.answer is not None, within)
        return record.answer

    # ----------------------------------------------------------------- user plumbing

    def push_update(self, payload: JSON) -> int:
        """Queue a raw update (``update_id`` is added); return its update_id."""
        update_id = next(self._update_ids)
        self._pending.append(_PendingUpdate(update_id, {"update_id": update_id, **payload}))
        self._touch()
        return update_id

    def post_user_message(
        self, user: FakeUser, chat: FakeChat, content: JSON, reply_to: int | None = None
    ) -> int:
        """Store a user's message and deliver it unless group privacy mode hides it."""
        message_id = self._next_message_id(chat.id)
        message: JSON = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat.to_dict(),
            "from": user.to_dict(),
            **content,
        }
        if reply_to is not None:
            message["reply_to_message"] = self._message_for_reply(chat.id, reply_to)
        self._user_messages[(chat.id, message_id)] = message
        if self._visible_to_bot(chat, content, reply_to):
            self.push_update({"message": message})
        else:
            self.withheld.append(message)
            self._touch()
        return message_id

    def post_user_edit(self, user: FakeUser, chat: FakeChat, message_id: int, text: str) -> None:
        """Change a user's text message and deliver an edited_message update."""
        original = self._user_messages.get((chat.id, message_id))
        if original is None or original["from"]["id"] != user.id or "text" not in original:
            raise AssertionError(f"{user.first_name} has no text message {message_id} to edit")
        edited = {**original, "text": text, "edit_date": int(time.time())}
        edited.pop("entities", None)
        if command_entities(text):
            edited["entities"] = command_entities(text)
        self._user_messages[(chat.id, message_id)] = edited
        if self._visible_to_bot(chat, edited, None):
            self.push_update({"edited_message": edited})

    def post_callback_query(
        self, user: FakeUser, chat: FakeChat, data: str, message: BotMessage | None
    ) -> str:
        """Deliver a callback query for ``message`` and return its id."""
        query_id = str(CALLBACK_ID_BASE + next(self._callback_ids))
        query: JSON = {
            "id": query_id,
            "from": user.to_dict(),
            "chat_instance": str(abs(chat.id) * 7919 + 17),
            "data": data,
        }
        if message is not None:
            query["message"] = self._message_payload(message)
        message_id = message.message_id if message else None
        self._callbacks[query_id] = CallbackRecord(query_id, user.id, chat.id, data, message_id)
        self.push_update({"callback_query": query})
        return query_id

    def post_membership(self, user: FakeUser, status: str) -> None:
        """Deliver a my_chat_member update for the bot in the user's private chat."""
        old_status = "member" if status == "kicked" else "kicked"
        self.push_update(
            {
                "my_chat_member": {
                    "chat": user.chat.to_dict(),
                    "from": user.to_dict(),
                    "date": int(time.time()),
                    "old_chat_member": _member(self.bot_user, old_status),
                    "new_chat_member": _member(self.bot_user, status),
                }
            }
        )

    def store_file(
        self,
        content: bytes,
        kind: str,
        *,
        filename: str | None = None,
        mime_type: str | None = None,
        size: tuple[int, int] = (0, 0),
        url: str | None = None,
    ) -> StoredFile:
        """Register a file so it has a file_id and can be fetched via getFile."""
        number = next(self._file_ids)
        suffix = Path(filename).suffix if filename else _FILE_EXTENSIONS.get(kind, "")
        stored = StoredFile(
            file_id=f"FAKE-{kind}-{number:05d}",
            file_unique_id=f"U{number:05d}",
            content=content,
            file_path=f"{kind}s/file_{number}{suffix}",
            filename=filename,
            mime_type=mime_type,
            width=size[0],
            height=size[1],
            url=url,
        )
        self._files[stored.file_id] = stored
        self._file_paths[stored.file_path] = stored
        return stored

    def bot_message(self, chat_id: int, message_id: int | None) -> BotMessage | None:
        """A bot message by id, or (id None) the newest with an inline keyboard or newest."""
        if message_id is not None:
            message = self._bot_by_key.get((chat_id, message_id))
            if message is None:
                raise AssertionError(f"the bot sent no message {message_id} in chat {chat_id}")
            return message
        messages = [m for m in self._bot_messages.get(chat_id, []) if not m.deleted]
        return self.newest_keyboard_message(chat_id) or (messages[-1] if messages else None)

    def newest_keyboard_message(self, chat_id: int) -> BotMessage | None:
        """The newest undeleted bot message in a chat that has an inline keyboard."""
        for message in reversed(self._bot_messages.get(chat_id, [])):
            if not message.deleted and message.inline_buttons():
                return message
        return None

    def find_button(self, chat_id: int, label: str) -> tuple[BotMessage, JSON]:
        """Find the button a user means by ``label`` (newest message first, exact preferred)."""
        needle = label.casefold()
        keyboards = [m for m in reversed(self._bot_messages.get(chat_id, [])) if not m.deleted]
        keyboards = [m for m in keyboards if m.inline_buttons()]
        for message in keyboards:
            buttons = message.inline_buttons()
            exact = [b for b in buttons if str(b.get("text", "")).casefold() == needle]
            partial = [b for b in buttons if needle in str(b.get("text", "")).casefold()]
            if exact or len(partial) == 1:
                return message, (exact or partial)[0]
            if partial:
                labels = [b.get("text") for b in partial]
                raise AssertionError(
                    f"{label!r} is ambiguous in message {message.message_id}: {labels}"
                )
        available = "; ".join(f"message {m.message_id}: {m.button_labels()}" for m in keyboards[:5])
        raise AssertionError(
            f"no inline button matching {label!r} in chat {chat_id}; "
            f"available: {available or 'no inline keyboards'}"
        )

    def _message_for_reply(self, chat_id: int, message_id: int) -> JSON:
        bot_message = self._bot_by_key.get((chat_id, message_id))
        if bot_message is not None:
            return self._message_payload(bot_message)
        message = self._user_messages.get((chat_id, message_id))
        if message is None:
            raise AssertionError(f"no message {message_id} in chat {chat_id} to reply to")
        return {key: value for key, value in message.items() if key != "reply_to_message"}

    def _visible_to_bot(self, chat: FakeChat, content: JSON, reply_to: int | None) -> bool:
        """Privacy mode: in groups the bot only gets commands and replies to its messages."""
        if chat.type == "private" or not self.privacy_mode:
            return True
        if reply_to is not None and (chat.id, reply_to) in self._bot_by_key:
            return True
        text = content.get("text", "")
        if not command_entities(text):
            return False
        _, _, addressee = text.split(maxsplit=1)[0].partition("@")
        return not addressee or addressee.lower() == self.bot_username.lower()

    def reset_records(self) -> None:
        """Forget recorded requests, violations, errors and faults (state is kept)."""
        for records in (self.requests, self.violations, self.errors, self.failed_requests):
            records.clear()
        self.conflicts.clear()
        self.unimplemented.clear()

    # ----------------------------------------------------------------- HTTP layer

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        busy = method.lower() != "getupdates"
        if busy:
            self._busy += 1
            self._touch()
        try:
            return await self._process(request, method)
        finally:
            if busy:
                self._busy -= 1
                self._touch()

    async def _process(self, request: web.Request, method: str) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            self._record(method, {})
            return self._error_response(method, {}, ApiError(401, "Unauthorized", "wrong token"))
        try:
            raw = await read_params(request)
        except ApiError as exc:
            self._record(method, {})
            return self._error_response(method, {}, exc)
        canonical = self.spec.canonical(method)
        if canonical is None:
            self._record(method, raw)
            not_found = ApiError(404, "Not Found", f"{method!r} is not a Bot API method")
            return self._error_response(method, raw, not_found)
        fault = self._take_fault(canonical)
        if fault is not None:
            return await self._inject_fault(request, canonical, raw, fault)
        return await self._dispatch(canonical, raw)

    async def _dispatch(self, method: str, raw: JSON) -> web.Response:
        try:
            params = coerce_params(self.spec.fields(method), raw)
        except ApiError as exc:
            self._record(method, raw)
            return self._error_response(method, raw, exc)
        self._record(method, params)
        try:
            self._check_required(method, params)
            handler = self._handlers.get(method.lower())
            if handler is None:
                self.unimplemented.append(method)
                result: Any = True
            else:
                result = await handler(params)
        except ApiError as exc:
            return self._error_response(method, params, exc)
        return web.json_response({"ok": True, "result": result})

    def _record(self, method: str, params: JSON) -> None:
        """Log a processed request and wake anything waiting in ``wait_for``."""
        self.requests.append((method, params))
        self._notify()

    def _error_response(self, method: str, params: JSON, exc: ApiError) -> web.Response:
        self.errors.append(ErrorRecord(method, exc.code, exc.description))
        if exc.code in VIOLATION_CODES:
            detail = f" ({exc.detail})" if exc.detail else ""
            context = _summarize(params)
            self.violations.append(
                f"{method}: {exc.description}{detail}" + (f" | {context}" if context else "")
            )
        body: JSON = {"ok": False, "error_code": exc.code, "description": exc.description}
        if exc.parameters:
            body["parameters"] = exc.parameters
        return web.json_response(body, status=exc.code)

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401, text="Unauthorized")
        stored = self._file_paths.get(request.match_info["path"])
        if stored is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(
            body=stored.content, content_type=stored.mime_type or "application/octet-stream"
        )

    def _check_required(self, method: str, params: JSON) -> None:
        for name in self.spec.required(method):
            if params.get(name) is None or params.get(name) == "":
                description = "message text is empty" if name == "text" else f"{name} is empty"
                raise bad_request(description, f"required parameter {name!r} is missing")

    # ----------------------------------------------------------------- fault injection

    def _take_fault(self, method: str) -> _Fault | None:
        queue = self._faults.get(method.lower())
        return queue.popleft() if queue else None

    async def _inject_fault(
        self, request: web.Request, method: str, raw: JSON, fault: _Fault
    ) -> web.StreamResponse:
        self.failed_requests.append(FailedRequest(method, raw, fault.kind))
        self._notify()
        if fault.kind == "429":
            body = {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {fault.retry_after}",
                "parameters": {"retry_after": fault.retry_after},
            }
            return web.json_response(body, status=429)
        if fault.kind == "502":
            body = {"ok": False, "error_code": 502, "description": "Bad Gateway"}
            return web.json_response(body, status=502)
        if fault.kind == "timeout":
            await self._wait_until(lambda: False, fault.hold)
        return await self._drop(request)

    async def _drop(self, request: web.Request) -> web.StreamResponse:
        """Close the connection without an answer (aiohttp then cancels this handler)."""
        if request.transport is not None:
            request.transport.close()
        await self._wait_until(lambda: False, 1.0)
        return web.Response(status=500)

    # ----------------------------------------------------------------- method table

    def _build_handlers(self) -> dict[str, Handler]:
        handlers: dict[str, Handler] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "setChatMenuButton": self._set_chat_menu_button,
            "getChatMenuButton": self._get_chat_menu_button,
            "sendMessage": self._send_message,
            "sendPhoto": self._send_photo,
            "sendDocument": self._send_document,
            "sendChatAction": self._send_chat_action,
            "editMessageText": self._edit_message_text,
            "editMessageCaption": self._edit_message_caption,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "getChat": self._get_chat,
            "getFile": self._get_file,
            "close": self._ok,
            "logOut": self._ok,
        }
        return {name.lower(): handler for name, handler in handlers.items()}

    async def _ok(self, params: JSON) -> bool:
        return True

    async def _get_me(self, params: JSON) -> JSON:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": not self.privacy_mode,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
            "has_topics_enabled": False,
            "allows_users_to_create_topics": False,
            "can_manage_bots": False,
            "supports_guest_queries": False,
        }

    # ----------------------------------------------------------------- updates

    async def _get_updates(self, params: JSON) -> list[JSON]:
        if self._webhook_url:
            raise ApiError(409, CONFLICT_WEBHOOK)
        self._confirm(int(params.get("offset") or 0))
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        self._poll_generation += 1
        generation = self._poll_generation
        self._notify()
        await self._wait_until(
            lambda: bool(self._pending) or generation != self._poll_generation,
            max(float(params.get("timeout") or 0), 0.0),
        )
        if generation != self._poll_generation:
            self.conflicts.append("two getUpdates requests overlapped; the older one got 409")
            raise ApiError(409, CONFLICT_OTHER_POLL)
        batch = self._pending[:limit]
        for update in batch:
            update.deliveries += 1
        if batch:
            self._touch()
        return [update.payload for update in batch]

    def _confirm(self, offset: int) -> None:
        """Forget updates confirmed by ``offset`` (negative: keep only the last -offset)."""
        before = len(self._pending)
        if offset > 0:
            self._pending = [u for u in self._pending if u.update_id >= offset]
        elif offset < 0:
            self._pending = self._pending[offset:]
        if len(self._pending) != before:
            self._notify()

    async def _delete_webhook(self, params: JSON) -> bool:
        self._webhook_url = ""
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    async def _set_webhook(self, params: JSON) -> bool:
        url = str(params["url"])
        if url and urlsplit(url).scheme != "https":
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        self._webhook_url = url
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    async def _get_webhook_info(self, params: JSON) -> JSON:
        return {
            "url": self._webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }

    # ----------------------------------------------------------------- commands, menu

    async def _set_my_commands(self, params: JSON) -> bool:
        commands = params["commands"]
        _check_commands(commands)
        key = _scope_key(params.get("scope"), params.get("language_code") or "")
        self._commands[key] = [
            {"command": c["command"], "description": c["description"]} for c in commands
        ]
        return True

    async def _get_my_commands(self, params: JSON) -> list[JSON]:
        return self.commands(params.get("scope"), params.get("language_code") or "")

    async def _delete_my_commands(self, params: JSON) -> bool:
        key = _scope_key(params.get("scope"), params.get("language_code") or "")
        self._commands.pop(key, None)
        return True

    async def _set_chat_menu_button(self, params: JSON) -> bool:
        chat_id = self._chat(params["chat_id"]).id if "chat_id" in params else None
        button = params.get("menu_button") or {"type": "default"}
        if not isinstance(button, dict) or button.get("type") not in MENU_BUTTON_TYPES:
            raise bad_request("can't parse menu button JSON object", f"got {button!r}")
        self._menu_buttons[chat_id] = button
        return True

    async def _get_chat_menu_button(self, params: JSON) -> JSON:
        chat_id = self._chat(params["chat_id"]).id if "chat_id" in params else None
        return (
            self._menu_buttons.get(chat_id) or self._menu_buttons.get(None) or {"type": "default"}
        )

    # ----------------------------------------------------------------- chats

    def _find_chat(self, chat_id: Any) -> FakeChat | None:
        if isinstance(chat_id, int):
            return self._chats.get(chat_id)
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            wanted = chat_id[1:].lower()
            for chat in self._chats.values():
                if chat.type != "private" and (chat.username or "").lower() == wanted:
                    return chat
        return None

    def _chat(self, chat_id: Any) -> FakeChat:
        chat = self._find_chat(chat_id)
        if chat is None:
            raise bad_request("chat not found", f"chat_id {chat_id!r} is not a chat of the fake")
        return chat

    def _sendable_chat(self, params: JSON) -> FakeChat:
        chat = self._chat(params["chat_id"])
        if chat.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        return chat

    async def _get_chat(self, params: JSON) -> JSON:
        chat = self._chat(params["chat_id"])
        gifts = ("unlimited_gifts", "limited_gifts", "unique_gifts", "premium_subscription")
        return {
            **chat.to_dict(),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {**dict.fromkeys(gifts, False), "gifts_from_channels": False},
        }

    async def _send_chat_action(self, params: JSON) -> bool:
        self._sendable_chat(params)
        if params["action"] not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request", f"got {params['action']!r}")
        return True

    # ----------------------------------------------------------------- sending

    def _formatted(
        self, text: Any, parse_mode: Any, entities: Any, *, limit: int, caption: bool
    ) -> FormattedText:
        """Parse text or caption like Telegram and enforce emptiness and length limits."""
        if not isinstance(text, str):
            raise bad_request("message text is empty", "text must be a String")
        try:
            formatted = parse_formatted(text, parse_mode)
        except LookupError as exc:
            raise bad_request("unsupported parse_mode", str(exc)) from exc
        except EntityParseError as exc:
            raise bad_request(f"can't parse entities: {exc}") from exc
        if not parse_mode and isinstance(entities, list):
            formatted = FormattedText(formatted.text, tuple(entities))
        if not caption and not formatted.text.strip():
            raise bad_request("message text is empty")
        if len(formatted.text) > limit:
            problem = "message caption is too long" if caption else "message is too long"
            raise bad_request(problem, f"{len(formatted.text)} characters after entity parsing")
        return formatted

    def _checked_markup(self, markup: Any, *, inline_only: bool) -> JSON | None:
        check_reply_markup(markup, inline_only=inline_only)
        return markup

    def _check_reply_to(self, chat: FakeChat, params: JSON) -> None:
        reply = params.get("reply_parameters")
        if not isinstance(reply, dict) or reply.get("allow_sending_without_reply"):
            return
        target = self._find_chat(reply.get("chat_id", chat.id)) or chat
        if not self._message_exists((target.id, reply.get("message_id"))):
            raise bad_request("message to be replied not found")

    def _message_exists(self, key: tuple[int, Any]) -> bool:
        known = key in self._bot_by_key or key in self._user_messages
        return known and key not in self._deleted

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    async def _send_message(self, params: JSON) -> JSON:
        chat = self._sendable_chat(params)
        parse_mode = params.get("parse_mode")
        formatted = self._formatted(
            params["text"], parse_mode, params.get("entities"), limit=TEXT_LIMIT, caption=False
        )
        markup = self._checked_markup(params.get("reply_markup"), inline_only=False)
        self._check_reply_to(chat, params)
        message = self._new_message(chat, "sendMessage", "text", params, formatted, markup)
        message.text = params["text"]
        return self._publish(message)

    async def _send_photo(self, params: JSON) -> JSON:
        return self._send_media(params, "photo", "sendPhoto")

    async def _send_document(self, params: JSON) -> JSON:
        return self._send_media(params, "document", "sendDocument")

    def _send_media(self, params: JSON, kind: str, method: str) -> JSON:
        chat = self._sendable_chat(params)
        stored = self._media_input(params[kind], kind)
        caption = params.get("caption")
        formatted = self._formatted(
            caption or "",
            params.get("parse_mode"),
            params.get("caption_entities"),
            limit=CAPTION_LIMIT,
            caption=True,
        )
        markup = self._checked_markup(params.get("reply_markup"), inline_only=False)
        self._check_reply_to(chat, params)
        message = self._new_message(chat, method, kind, params, formatted, markup)
        message.text = message.caption = caption
        message.file_id = stored.file_id
        if kind == "photo":
            message.photo = stored.content
        else:
            message.document, message.filename = stored.content, stored.filename
        return self._publish(message)

    def _media_input(self, value: Any, kind: str) -> StoredFile:
        if isinstance(value, UploadedFile):
            return self._store_upload(value, kind)
        if isinstance(value, str) and value in self._files:
            return self._files[value]
        if isinstance(value, str) and urlsplit(value).scheme in ("http", "https"):
            return self.store_file(b"", kind, url=value)
        raise bad_request(
            "wrong file identifier/HTTP URL specified", f"{kind}={value!r} is unknown to the fake"
        )

    def _store_upload(self, upload: UploadedFile, kind: str) -> StoredFile:
        limit = PHOTO_SIZE_LIMIT if kind == "photo" else DOCUMENT_SIZE_LIMIT
        if not upload.content:
            raise bad_request("file must be non-empty")
        if len(upload.content) > limit:
            raise bad_request("file is too big", f"{len(upload.content)} bytes > {limit}")
        size = _check_photo(upload.content) if kind == "photo" else (0, 0)
        return self.store_file(
            upload.content,
            kind,
            filename=upload.filename,
            mime_type=upload.content_type,
            size=size,
        )

    def _new_message(
        self,
        chat: FakeChat,
        method: str,
        kind: str,
        params: JSON,
        formatted: FormattedText,
        markup: JSON | None,
    ) -> BotMessage:
        return BotMessage(
            message_id=self._next_message_id(chat.id),
            chat_id=chat.id,
            method=method,
            kind=kind,
            date=int(time.time()),
            text=None,
            parse_mode=params.get("parse_mode"),
            reply_markup=markup,
            plain=formatted.text,
            entities=list(formatted.entities),
            params=params,
        )

    def _publish(self, message: BotMessage) -> JSON:
        self._bot_messages.setdefault(message.chat_id, []).append(message)
        self._bot_by_key[(message.chat_id, message.message_id)] = message
        markup = message.reply_markup or {}
        if "keyboard" in markup:
            self._reply_keyboards[message.chat_id] = markup
        elif markup.get("remove_keyboard"):
            self._reply_keyboards[message.chat_id] = None
        self._notify()
        return self._message_payload(message)

    def _message_payload(self, message: BotMessage) -> JSON:
        payload: JSON = {
            "message_id": message.message_id,
            "date": message.date,
            "chat": self._chats[message.chat_id].to_dict(),
            "from": self.bot_user,
        }
        payload.update(self._content_payload(message))
        if message.edit_date is not None:
            payload["edit_date"] = message.edit_date
        inline = _inline_markup(message.reply_markup)
        if inline:
            payload["reply_markup"] = inline
        return payload

    def _content_payload(self, message: BotMessage) -> JSON:
        if message.kind == "text":
            content: JSON = {"text": message.plain}
        else:
            content = {"caption": message.plain} if message.caption is not None else {}
        if message.entities:
            content["entities" if message.kind == "text" else "caption_entities"] = list(
                message.entities
            )
        stored = self._files.get(message.file_id or "")
        if stored is not None and message.kind == "photo":
            content["photo"] = [stored.photo_size()]
        elif stored is not None and message.kind == "document":
            content["document"] = stored.document()
        return content

    # ----------------------------------------------------------------- editing, deleting

    def _editable_message(self, params: JSON) -> BotMessage:
        if params.get("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID", "inline messages are not simulated")
        if params.get("chat_id") in (None, ""):
            raise bad_request("chat_id is empty")
        chat = self._chat(params["chat_id"])
        if params.get("message_id") is None:
            raise bad_request("message identifier is not specified")
        key = (chat.id, params["message_id"])
        message = self._bot_by_key.get(key)
        if message is not None and not message.deleted:
            return message
        if self._message_exists(key):
            raise bad_request("message can't be edited", "it was sent by a user, not the bot")
        raise bad_request("message to edit not found")

    async def _edit_message_text(self, params: JSON) -> JSON:
        message = self._editable_message(params)
        if message.kind != "text":
            raise bad_request("there is no text in the message to edit")
        if params.get("text") is None:
            raise bad_request("message text is empty")
        formatted = self._formatted(
            params["text"],
            params.get("parse_mode"),
            params.get("entities"),
            limit=TEXT_LIMIT,
            caption=False,
        )
        markup = self._checked_markup(params.get("reply_markup"), inline_only=True)
        self._apply_edit(message, params["text"], params.get("parse_mode"), formatted, markup)
        return self._message_payload(message)

    async def _edit_message_caption(self, params: JSON) -> JSON:
        message = self._editable_message(params)
        if message.kind == "text":
            raise bad_request("there is no caption in the message to edit")
        caption = params.get("caption")
        formatted = self._formatted(
            caption or "",
            params.get("parse_mode"),
            params.get("caption_entities"),
            limit=CAPTION_LIMIT,
            caption=True,
        )
        markup = self._checked_markup(params.get("reply_markup"), inline_only=True)
        self._apply_edit(message, caption, params.get("parse_mode"), formatted, markup)
        message.caption = caption
        return self._message_payload(message)

    async def _edit_message_reply_markup(self, params: JSON) -> JSON:
        message = self._editable_message(params)
        markup = self._checked_markup(params.get("reply_markup"), inline_only=True)
        current = FormattedText(message.plain, tuple(message.entities))
        self._apply_edit(message, message.text, message.parse_mode, current, markup)
        return self._message_payload(message)

    def _apply_edit(
        self,
        message: BotMessage,
        text: str | None,
        parse_mode: str | None,
        formatted: FormattedText,
        markup: JSON | None,
    ) -> None:
        """Replace content and inline keyboard (omitting reply_markup removes the keyboard)."""
        before = (message.plain, list(message.entities), _inline_markup(message.reply_markup))
        if before == (formatted.text, list(formatted.entities), _inline_markup(markup)):
            raise bad_request(NOT_MODIFIED)
        message.history.append(
            MessageVersion(
                message.text,
                message.plain,
                message.parse_mode,
                message.reply_markup,
                message.edit_date or message.date,
            )
        )
        message.text, message.parse_mode, message.reply_markup = text, parse_mode, markup
        message.plain, message.entities = formatted.text, list(formatted.entities)
        message.edit_date = int(time.time())
        self._notify()

    async def _delete_message(self, params: JSON) -> bool:
        chat = self._chat(params["chat_id"])
        key = (chat.id, params["message_id"])
        if not self._message_exists(key):
            raise bad_request("message to delete not found")
        self._deleted.add(key)
        message = self._bot_by_key.get(key)
        if message is not None:
            message.deleted = True
        self._notify()
        return True

    # ----------------------------------------------------------------- callbacks, files

    async def _answer_callback_query(self, params: JSON) -> bool:
        record = self._callbacks.get(str(params["callback_query_id"]))
        if record is None or record.answer is not None:
            raise bad_request(QUERY_TOO_OLD, "unknown or already answered callback_query_id")
        text = params.get("text")
        if text is not None and len(text) > CALLBACK_ANSWER_LIMIT:
            raise bad_request(
                "MESSAGE_TOO_LONG", f"answer text has {len(text)} characters, limit 200"
            )
        record.answer = CallbackAnswer(
            record.query_id,
            record.user_id,
            text,
            bool(params.get("show_alert")),
            params.get("url"),
        )
        self.answers.append(record.answer)
        self._notify()
        return True

    async def _get_file(self, params: JSON) -> JSON:
        stored = self._files.get(str(params["file_id"]))
        if stored is None:
            raise bad_request("invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.content),
            "file_path": stored.file_path,
        }


def _chat_id(chat: int | FakeChat | FakeUser) -> int:
    """Chat id of an int, a FakeChat or a FakeUser (their private chat)."""
    return chat if isinstance(chat, int) else chat.id


def _scope_key(scope: JSON | None, language_code: str) -> tuple[str, str]:
    """Storage key for commands of a BotCommandScope and language."""
    return json.dumps(scope or {"type": "default"}, sort_keys=True), language_code


def _member(user: JSON, status: str) -> JSON:
    """A ChatMember object of the given status."""
    member: JSON = {"user": user, "status": status}
    if status == "kicked":
        member["until_date"] = 0
    return member
