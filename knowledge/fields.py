"""Reading one YAML entry field by field, collecting every problem instead of stopping."""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from typing import Any
from urllib.parse import urlparse

from knowledge.domains import DOMAIN_IDS, ISO_639_1
from knowledge.problems import ERROR, WARNING, Problem
from knowledge.source import LineDict

_PHONE_CHARS = re.compile(r"^\+?[0-9][0-9 \-()]*[0-9]$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
_HOST = re.compile(r"^[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")


def is_dutch_phone(text: str) -> bool:
    """Dutch phone numbers as people write them: 06 1234 5678, 0800-2000, 14 0412, 112, +31 ..."""
    if not _PHONE_CHARS.match(text.strip()):
        return False
    digits = re.sub(r"[^0-9+]", "", text)
    if digits.startswith("+31"):
        return re.fullmatch(r"\+31[1-9][0-9]{8}", digits) is not None
    if digits.startswith("+"):
        return 8 <= len(digits) <= 16  # a foreign number, E.164
    return any(
        re.fullmatch(pattern, digits)
        for pattern in (
            r"11[0-9]|1[0-9]{2}",  # 112, 113 and other short numbers
            r"14[0-9]{3,4}",  # 14 + area code: municipalities
            r"0[89]00[0-9]{4}|0[89]00[0-9]{7}",  # 0800 / 0900 / 0900 numbers
            r"0[1-9][0-9]{8}",  # ordinary, mobile, 085/088
        )
    )


def is_url(text: str) -> bool:
    """An http(s) address with a host name."""
    parsed = urlparse(text.strip())
    return (
        parsed.scheme in ("http", "https")
        and bool(parsed.hostname)
        and _HOST.match(parsed.hostname or "") is not None
        and " " not in text.strip()
    )


def is_email(text: str) -> bool:
    """A plain e-mail address."""
    return _EMAIL.match(text.strip()) is not None


class Entry:
    """One mapping from a knowledge-base file, read with its problems collected."""

    def __init__(
        self,
        raw: Any,
        file: str,
        kind: str,
        known: tuple[str, ...],
        problems: list[Problem],
        fallback_line: int | None = None,
    ) -> None:
        self.file, self.kind, self.problems = file, kind, problems
        self.ok = isinstance(raw, dict)
        self.raw: dict[str, Any] = raw if self.ok else {}
        self.line_no = getattr(raw, "line", None) or fallback_line
        self.id: str | None = None
        if not self.ok:
            self._add(ERROR, None, f"Een {kind} moet een lijst van velden zijn (naam: waarde).")
            return
        raw_id = self.raw.get("id")
        self.id = str(raw_id) if raw_id is not None else None
        for key in self.raw:
            if str(key) not in known:
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f" Bedoel je '{close[0]}'?" if close else ""
                self.warn(str(key), f"Onbekend veld '{key}' bij een {kind}; het wordt genegeerd.{hint}")

    # -- reporting -------------------------------------------------------------------------
    def line(self, key: str | None = None) -> int | None:
        """The line of a field, or of the entry."""
        if key and isinstance(self.raw, LineDict):
            return self.raw.key_lines.get(key, self.line_no)
        return self.line_no

    def _add(self, severity: str, key: str | None, message: str) -> None:
        self.problems.append(Problem(severity, self.file, self.line(key), self.id, message))

    def error(self, key: str | None, message: str) -> None:
        """Something the bot cannot work with."""
        self._add(ERROR, key, message)

    def warn(self, key: str | None, message: str) -> None:
        """Something a knowledge keeper should look at."""
        self._add(WARNING, key, message)

    # -- typed fields ----------------------------------------------------------------------
    def _missing(self, key: str) -> None:
        self.error(None, f"Het verplichte veld '{key}' ontbreekt bij deze {self.kind}.")

    def text(self, key: str, required: bool = False) -> str | None:
        """A piece of text (numbers are accepted as text)."""
        value = self.raw.get(key)
        if value is None or value == "":
            if required:
                self._missing(key)
            return None
        if isinstance(value, bool | dict | list):
            self.error(key, f"'{key}' moet tekst zijn, niet {_kind_of(value)}.")
            return None
        return str(value).strip()

    def texts(self, key: str, required: bool = False) -> tuple[str, ...] | None:
        """A list of texts; None when missing."""
        value = self.raw.get(key)
        if value is None:
            if required:
                self._missing(key)
            return None
        if isinstance(value, str | int) and not isinstance(value, bool):
            self.error(key, f"'{key}' moet een lijst zijn, bijvoorbeeld [{value}].")
            return None
        if not isinstance(value, list):
            self.error(key, f"'{key}' moet een lijst zijn, niet {_kind_of(value)}.")
            return None
        items = []
        for item in value:
            if isinstance(item, bool | dict | list) or item is None:
                self.error(key, f"In '{key}' staat {_kind_of(item)}; verwacht wordt tekst.")
                continue
            items.append(str(item).strip())
        if required and not items:
            self.error(key, f"'{key}' is leeg; noem er minstens één.")
        return tuple(items)

    def number(self, key: str, default: int, minimum: int = 1) -> int:
        """A whole number of at least `minimum`."""
        value = self.raw.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"'{key}' moet een heel getal zijn, niet {_kind_of(value)}.")
            return default
        if value < minimum:
            self.error(key, f"'{key}' moet minstens {minimum} zijn.")
            return default
        return value

    def flag(self, key: str, default: bool) -> bool:
        """true or false."""
        value = self.raw.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(key, f"'{key}' moet true of false zijn, niet {_kind_of(value)}.")
            return default
        return value

    def day(self, key: str) -> date | None:
        """A date like 2026-10-01."""
        value = self.raw.get(key)
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.error(key, f"'{key}' moet een datum zijn zoals 2026-10-01, niet '{value}'.")
            return None

    def telegram_id(self, key: str) -> int | None:
        """A Telegram user id: a positive whole number."""
        value = self.raw.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            self.error(key, f"'{key}' moet een Telegram-nummer zijn (een positief getal).")
            return None
        return value

    # -- checked formats -------------------------------------------------------------------
    def domains(self, key: str = "domains", required: bool = False) -> tuple[str, ...]:
        """Life-domain ids, each one of the 11."""
        values = self.texts(key, required=required) or ()
        good = []
        for value in values:
            if value in DOMAIN_IDS:
                good.append(value)
            else:
                close = difflib.get_close_matches(value, DOMAIN_IDS, n=1)
                hint = f" Bedoel je '{close[0]}'?" if close else ""
                self.error(
                    key,
                    f"Onbekend levensdomein '{value}'.{hint} "
                    f"Kies uit: {', '.join(DOMAIN_IDS)}.",
                )
        return tuple(good)

    def languages(self, key: str = "languages", default: tuple[str, ...] = ("nl",)) -> tuple[str, ...]:
        """Language codes (ISO 639-1, like nl, en, ar, tr, pl)."""
        values = self.texts(key)
        if values is None:
            return default
        good = []
        for value in values:
            code = value.lower()
            if code in ISO_639_1:
                good.append(code)
            else:
                self.error(key, f"Onbekende taalcode '{value}'. Gebruik twee letters, zoals nl, en, ar, tr, pl.")
        return tuple(good) or default

    def phone(self, key: str = "phone") -> str | None:
        """A Dutch phone number."""
        value = self.text(key)
        if value is not None and not is_dutch_phone(value):
            self.error(
                key,
                f"Telefoonnummer '{value}' klopt niet. Schrijf het zoals '06 1234 5678', "
                "'0412 123 456', '0800-2000', '14 0412' of '+31 20 123 4567'.",
            )
            return None
        return value

    def url(self, key: str = "url") -> str | None:
        """A web address."""
        value = self.text(key)
        if value is not None and not is_url(value):
            self.error(key, f"Webadres '{value}' klopt niet. Begin met https:// (bijvoorbeeld https://www.113.nl).")
            return None
        return value

    def email(self, key: str = "email") -> str | None:
        """An e-mail address."""
        value = self.text(key)
        if value is not None and not is_email(value):
            self.error(key, f"E-mailadres '{value}' klopt niet.")
            return None
        return value


def _kind_of(value: Any) -> str:
    """A plain word for the type a knowledge keeper wrote."""
    if isinstance(value, bool):
        return "ja/nee (true/false)"
    if isinstance(value, int | float):
        return f"het getal {value}"
    if isinstance(value, dict):
        return "een lijst van velden"
    if isinstance(value, list):
        return "een lijst"
    if value is None:
        return "niets"
    return f"'{value}'"
