"""Keyboards, callback_data and bot commands, checked as Telegram checks them."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from .spec import JSON, ApiSpec, bad_request


def check_reply_markup(spec: ApiSpec, markup: Any, *, inline_only: bool) -> JSON | None:
    """Return ``markup`` if Telegram accepts it as a reply markup, else raise ApiError."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _check_inline_keyboard(spec, markup["inline_keyboard"])
    elif inline_only:
        raise bad_request("inline keyboard expected", "edits accept only InlineKeyboardMarkup")
    elif "keyboard" in markup:
        _check_reply_keyboard(spec, markup["keyboard"])
    elif markup.get("remove_keyboard") is not True and markup.get("force_reply") is not True:
        raise bad_request("can't parse reply keyboard markup JSON object")
    return markup


def inline_markup(markup: JSON | None) -> JSON | None:
    """The markup if it is an inline keyboard (the only kind a Message carries), else None."""
    return markup if markup and "inline_keyboard" in markup else None


def _button_rows(rows: Any) -> list[list[Any]]:
    """Return keyboard rows, or raise if the keyboard is not an array of arrays."""
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("can't parse reply keyboard markup JSON object", "need Array of Array")
    return rows


def _check_inline_keyboard(spec: ApiSpec, rows: Any) -> None:
    for row in _button_rows(rows):
        for button in row:
            _check_inline_button(spec, button)


def _check_inline_button(spec: ApiSpec, button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request("can't parse inline keyboard button: Text must be a String")
    label = button["text"]
    if not label.strip():
        raise bad_request("can't parse inline keyboard button: Text must be non-empty")
    actions = [action for action in spec.rules["inline_button_actions"] if action in button]
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
        _check_callback_data(spec, button["callback_data"], label)
    if "url" in button:
        _check_button_url(button["url"])


def _check_callback_data(spec: ApiSpec, data: Any, label: str) -> None:
    low, high = spec.limits["callback_data_bytes"]
    size = len(data.encode("utf-8")) if isinstance(data, str) else -1
    if not low <= size <= high:
        detail = f"callback_data of button {label!r} is {size} bytes, allowed {low}-{high}"
        raise bad_request("BUTTON_DATA_INVALID", detail)


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


def _check_reply_keyboard(spec: ApiSpec, rows: Any) -> None:
    for row in _button_rows(rows):
        for button in row:
            label = button.get("text") if isinstance(button, dict) else button
            if not isinstance(label, str) or not label.strip():
                raise bad_request("can't parse keyboard button: Text must be non-empty")
            actions = spec.rules["reply_button_actions"]
            requests = [a for a in actions if isinstance(button, dict) and a in button]
            if len(requests) > 1:
                raise bad_request(
                    "can't parse keyboard button: at most one of the optional fields can be used",
                    f"button {label!r} has {requests}",
                )


def check_commands(spec: ApiSpec, commands: Any) -> list[JSON]:
    """Return ``commands`` as Telegram stores them, or raise ApiError for an invalid setMyCommands list."""
    most = spec.limits["commands_per_scope"]
    low, high = spec.limits["command_description_length"]
    if not isinstance(commands, list) or len(commands) > most:
        raise bad_request("can't parse commands JSON object", f"need an Array of <= {most} commands")
    for command in commands:
        name = command.get("command") if isinstance(command, dict) else None
        description = command.get("description") if isinstance(command, dict) else None
        if not isinstance(name, str) or not re.fullmatch(spec.limits["command_pattern"], name):
            raise bad_request("BOT_COMMAND_INVALID", f"command {name!r}: use 1-32 of [a-z0-9_]")
        if not isinstance(description, str) or not low <= len(description) <= high:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID", f"description of {name!r} must be {low}-{high} chars")
    return [{"command": c["command"], "description": c["description"]} for c in commands]
