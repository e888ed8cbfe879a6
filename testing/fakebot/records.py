"""What the fake records: the bot's messages and their versions, callback queries and answers, errors and faults."""

from __future__ import annotations

from dataclasses import dataclass, field

from .markup import inline_markup
from .spec import JSON


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
        rows = (inline_markup(self.reply_markup) or {}).get("inline_keyboard") or []
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
class Fault:
    """A fault waiting for the next call of a method (see FakeTelegram.fail_next)."""

    kind: str
    retry_after: int
    hold: float
    chat_id: int | None = None  # only requests to this chat, when set


@dataclass
class PendingUpdate:
    """An update the bot has not confirmed yet; ``deliveries`` counts how often getUpdates returned it."""

    update_id: int
    payload: JSON
    deliveries: int = 0

