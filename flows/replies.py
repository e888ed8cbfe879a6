"""What a flow answers: plain data that Telegram, the terminal and tests all understand."""

from __future__ import annotations

import html
from dataclasses import dataclass

TEXT_LIMIT = 4096  # Telegram: characters of a message after entity parsing
CAPTION_LIMIT = 1024  # Telegram: characters of a photo caption
BUTTON_DATA_LIMIT = 64  # Telegram: bytes of callback_data


def escape(value: object) -> str:
    """Make text from a resident or the knowledge base safe inside our HTML."""
    return html.escape(str(value), quote=False)


def shorten(value: str, limit: int) -> str:
    """Keep a resident's words readable in a message: at most `limit` characters."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Choice:
    """A button: a short id the flow understands, and a label in the resident's language."""

    id: str
    label: str

    def __post_init__(self) -> None:
        if not 1 <= len(self.id.encode()) <= BUTTON_DATA_LIMIT:
            raise ValueError(f"button id must be 1-{BUTTON_DATA_LIMIT} bytes: {self.id!r}")


@dataclass(frozen=True)
class Reply:
    """One message: HTML text (only b, i, a, code), optional buttons, picture or file."""

    text: str
    choices: tuple[Choice, ...] = ()
    columns: int = 1
    picture: bytes | None = None  # a PNG; the text is its caption
    document: tuple[str, bytes] | None = None  # (file name, content)
    ask_contact: str | None = None  # label of a 'share my phone number' keyboard button
    clear_keyboard: bool = False  # remove a reply keyboard shown before

    def __post_init__(self) -> None:
        markups = sum((bool(self.choices), bool(self.ask_contact), self.clear_keyboard))
        if markups > 1:
            raise ValueError("a message carries one keyboard: buttons, a contact request or a removal")

    @property
    def limit(self) -> int:
        return CAPTION_LIMIT if (self.picture or self.document) else TEXT_LIMIT


@dataclass(frozen=True)
class Answer:
    """What a button press gives: the short note on the button (toast) and the messages."""

    replies: list[Reply]
    toast: str | None = None
