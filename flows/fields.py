"""Checking what residents type where we ask for something specific."""

from __future__ import annotations

import re

from knowledge.fields import is_dutch_phone


def parse_phone(text: str) -> str | None:
    """A phone number a wijkteam member can call, written the Dutch way; None when it is not one.

    Accepts what people type (06-12345678, +31 6 1234 5678) and what Telegram's contact
    button sends (31612345678). Short numbers like 112 or 0800 lines are not a resident's number.
    """
    raw = text.strip()
    digits = re.sub(r"[^0-9+]", "", raw)
    if re.fullmatch(r"31[1-9][0-9]{8}", digits):
        digits = "+" + digits
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if digits.startswith("+31") and len(digits) == 12:
        digits = "0" + digits[3:]
    if not is_dutch_phone(digits) and not is_dutch_phone(raw):
        return None
    if re.fullmatch(r"0[1-9][0-9]{8}", digits) and not digits.startswith(("0800", "0900", "0906", "0909")):
        if digits.startswith("06"):
            return f"06 {digits[2:6]} {digits[6:]}"
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if digits.startswith("+") and not digits.startswith("+31") and 8 <= len(digits) <= 16:
        return digits
    return None
