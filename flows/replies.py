"""What a flow answers: plain data that every channel, the terminal and the tests understand."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flows.buttons import check_data
from flows.markup import Rich, Span

TEXT_LIMIT = 4096  # characters of a message (Telegram's limit, the tightest of our channels)
CAPTION_LIMIT = 1024  # characters of a picture's caption


@dataclass(frozen=True)
class Choice:
    """A button: short data the flow understands (flows.buttons), and a label in the person's language."""

    id: str
    label: str

    def __post_init__(self) -> None:
        check_data(self.id)


@dataclass(frozen=True)
class Reply:
    """One message: rich text, optional buttons, picture or file."""

    text: str  # a Rich, or plain text
    choices: tuple[Choice, ...] = ()
    columns: int = 1
    picture: bytes | None = None  # a PNG; the text is its caption
    document: tuple[str, bytes] | None = None  # (file name, content)
    ask_contact: str | None = None  # label of a 'share my phone number' button, where the channel has one
    clear_keyboard: bool = False  # remove a 'share my phone number' button shown before
    replaces: int | None = None  # instead of a new message: this text (without buttons) in message <id>
    removes: int | None = None  # instead of a new message: take message <id> away

    def __post_init__(self) -> None:
        markups = sum((bool(self.choices), bool(self.ask_contact), self.clear_keyboard))
        if markups > 1:
            raise ValueError("a message carries one keyboard: buttons, a contact request or a removal")

    @property
    def rich(self) -> Rich:
        """The text as rich text."""
        return Rich.of(self.text)

    @property
    def limit(self) -> int:
        return CAPTION_LIMIT if (self.picture or self.document) else TEXT_LIMIT

    def to_json(self) -> dict[str, Any]:
        """Everything but the picture or file bytes (stored beside it), for the outbox."""
        return {"text": [[s.text, s.style] for s in self.rich.spans], "columns": self.columns,
                "choices": [[c.id, c.label] for c in self.choices], "ask_contact": self.ask_contact,
                "clear_keyboard": self.clear_keyboard, "picture": self.picture is not None,
                "file_name": self.document[0] if self.document else None, "replaces": self.replaces,
                "removes": self.removes}

    @classmethod
    def from_json(cls, data: dict[str, Any], attachment: bytes | None = None) -> Reply:
        """A stored message back, with its picture or file."""
        picture = attachment if data.get("picture") else None
        document = (data["file_name"], attachment or b"") if data.get("file_name") else None
        return cls(Rich(Span(text, style) for text, style in data["text"]),
                   tuple(Choice(i, label) for i, label in data.get("choices", ())), data.get("columns", 1),
                   picture=picture, document=document, ask_contact=data.get("ask_contact"),
                   clear_keyboard=bool(data.get("clear_keyboard")), replaces=data.get("replaces"),
                   removes=data.get("removes"))

    @property
    def attachment(self) -> bytes | None:
        """The bytes that go beside the message: its picture or its file."""
        return self.picture if self.picture is not None else (self.document[1] if self.document else None)


@dataclass(frozen=True)
class Answer:
    """What a button press gives: the short note on the button (toast) and the messages."""

    replies: list[Reply]
    toast: str | None = None
