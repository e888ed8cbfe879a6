"""The one codec for button data: short ids, never labels, at most 64 bytes (Telegram's callback_data).

Every button the bot shows is made here and read back here:

| data                         | what                                                          |
|------------------------------|---------------------------------------------------------------|
| `<rev>|<choice>`             | a resident's answer to the current step (rev: the step's revision) |
| `forget|yes`, `forget|no`    | the answer to /vergeet                                        |
| `h|<handoff>|<action>[|arg]` | a staff member's button on a handoff card                     |
| `f|<handoff>|yes|no`         | the resident's answer to the follow-up question               |
| `rp|<targets>`, `rk|<target>|<kind>` | reporting a problem with a listed service or person  |
| `o|<choice>`                 | a professional's answer in the /overdracht form               |
| `rc|<report>`                | a coordinator marks a reported problem as handled (/meldingen) |
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DATA_LIMIT = 64  # bytes
SEPARATOR = "|"

STEP, FORGET, HANDOFF, FOLLOWUP, REPORT_PICK, REPORT_KIND, FORM = "step", "forget", "h", "f", "rp", "rk", "o"
REPORT_CLOSE = "rc"
KINDS = frozenset({FORGET, HANDOFF, FOLLOWUP, REPORT_PICK, REPORT_KIND, FORM, REPORT_CLOSE})


def check_data(data: str) -> str:
    """Button data must be 1 to 64 bytes."""
    if not 1 <= len(data.encode()) <= DATA_LIMIT:
        raise ValueError(f"button data must be 1-{DATA_LIMIT} bytes: {data!r}")
    return data


@dataclass(frozen=True)
class Button:
    """Decoded button data: its kind and its parts."""

    kind: str
    parts: tuple[str, ...]

    def part(self, index: int) -> str:
        """A part, or '' when the button has fewer."""
        return self.parts[index] if index < len(self.parts) else ""

    def number(self, index: int) -> int | None:
        """A part as a small non-negative number (an id or a revision), or None."""
        return parse_id(self.part(index))


def encode(kind: str, *parts: object) -> str:
    """Button data for a kind and its parts (parts may not contain the separator)."""
    texts = [str(p) for p in parts]
    if any(SEPARATOR in t for t in texts):
        raise ValueError(f"a button part may not contain {SEPARATOR!r}: {texts!r}")
    if kind == STEP:
        return check_data(SEPARATOR.join(texts))
    return check_data(SEPARATOR.join([kind, *texts]))


def decode(data: str) -> Button | None:
    """What a pressed button means; None for data we never made."""
    if not data or len(data.encode()) > DATA_LIMIT:
        return None
    head, *rest = data.split(SEPARATOR)
    if head.isdigit():
        return Button(STEP, (head, *rest))
    if head in KINDS:
        return Button(head, tuple(rest))
    return None


def parse_id(text: str) -> int | None:
    """An id from a button or a command: plain ASCII digits only, of a sane length."""
    text = text.strip()
    return int(text) if re.fullmatch(r"[0-9]{1,9}", text) else None
