"""Write testing/fakebot/botapi.json: the Bot API facts the fake Telegram needs, taken from Telegram's api.json.

Usage: python tools/botapi_facts.py PATH/TO/api.json [--out testing/fakebot/botapi.json]

The input is the machine-readable Bot API description (PaulSonOfLars/telegram-bot-api-spec, MIT).
Only the methods below are kept, with their parameters (types, required) and the object types those
parameters use. The limits and rules are not in api.json: they come from https://core.telegram.org/bots/api
and are written here by hand.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "testing" / "fakebot" / "botapi.json"

# The methods Wijkwijzer calls, the ones PTB calls on start and stop, the webhook methods (a later
# issue adds webhook mode) and the few the fake's own tests exercise.
METHODS = (
    "getMe",
    "getUpdates",
    "deleteWebhook",
    "setWebhook",
    "getWebhookInfo",
    "close",
    "logOut",
    "setMyCommands",
    "getMyCommands",
    "setChatMenuButton",
    "getChat",
    "sendMessage",
    "sendPhoto",
    "sendDocument",
    "sendChatAction",
    "editMessageText",
    "editMessageReplyMarkup",
    "deleteMessage",
    "answerCallbackQuery",
    "getFile",
)

# From https://core.telegram.org/bots/api (and Telegram's answers in practice).
LIMITS = {
    "text_length": 4096,  # sendMessage/editMessageText: 1-4096 characters after entities parsing
    "caption_length": 1024,  # 0-1024 characters after entities parsing
    "callback_data_bytes": [1, 64],  # InlineKeyboardButton.callback_data
    "callback_answer_length": 200,  # answerCallbackQuery.text: 0-200 characters
    "commands_per_scope": 100,  # setMyCommands: at most 100 commands
    "command_pattern": "[a-z0-9_]{1,32}",  # BotCommand.command
    "command_description_length": [1, 256],  # BotCommand.description
    "updates_per_poll": 100,  # getUpdates.limit: 1-100
    "photo_bytes": 10 * 1024 * 1024,  # sendPhoto: at most 10 MB
    "photo_dimensions_sum": 10000,  # width + height at most 10000
    "photo_aspect_ratio": 20,  # ratio at most 20
    "document_bytes": 50 * 1024 * 1024,  # bots may send files of up to 50 MB
}
RULES = {
    "chat_actions": [
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
    ],
    # InlineKeyboardButton: exactly one of these optional fields must be used.
    "inline_button_actions": [
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
    ],
    # KeyboardButton: at most one of these optional fields may be used.
    "reply_button_actions": [
        "request_users",
        "request_chat",
        "request_managed_bot",
        "request_contact",
        "request_location",
        "request_poll",
        "web_app",
    ],
}


def base_type(name: str) -> str:
    """The element type of ``Array of ...`` (nested arrays too)."""
    return re.sub(r"^(Array of )+", "", name)


def fields(entry: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Parameters or fields of a method or type: name -> types and required flag."""
    return {f["name"]: {"types": list(f["types"]), "required": bool(f["required"])} for f in entry.get("fields", [])}


def used_types(api: dict[str, Any], methods: dict[str, Any]) -> list[str]:
    """The object types the methods' parameters use, with the types their fields and subtypes use."""
    known: dict[str, Any] = api["types"]
    todo = [base_type(t) for method in methods.values() for p in method["parameters"].values() for t in p["types"]]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or name not in known or name == "InputFile":  # uploads are not JSON objects
            continue
        seen.add(name)
        todo += [base_type(t) for f in known[name].get("fields", []) for t in f["types"]]
        todo += known[name].get("subtypes", [])
    return sorted(seen)


def facts(api: dict[str, Any], methods: tuple[str, ...] = METHODS) -> dict[str, Any]:
    """The fake's facts: the chosen methods, the types they use, limits and rules."""
    missing = [name for name in methods if name not in api["methods"]]
    if missing:
        raise SystemExit(f"not in this api.json: {', '.join(missing)}")
    chosen = {name: {"parameters": fields(api["methods"][name])} for name in methods}
    types = {}
    for name in used_types(api, chosen):
        entry = api["types"][name]
        types[name] = {"subtypes": list(entry["subtypes"])} if entry.get("subtypes") else {"fields": fields(entry)}
    return {
        "source": {
            "made_by": "tools/botapi_facts.py from Telegram's api.json",
            "version": api.get("version", ""),
            "release_date": api.get("release_date", ""),
        },
        "limits": LIMITS,
        "rules": RULES,
        "methods": chosen,
        "types": types,
    }


def dump(value: Any, indent: int = 0) -> str:
    """JSON with one line per parameter or field, so a regeneration shows a readable diff."""
    if isinstance(value, dict) and value and not (value.keys() <= {"types", "required"}):
        pad = " " * (indent + 2)
        items = [f"{pad}{json.dumps(key)}: {dump(item, indent + 2)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    return json.dumps(value, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    """Read api.json from the given path and write the facts file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("api_json", type=Path, help="path of Telegram's api.json")
    parser.add_argument("--out", type=Path, default=OUT, help=f"facts file to write (default {OUT.name} of the fake)")
    args = parser.parse_args(argv)
    api = json.loads(args.api_json.read_text(encoding="utf-8"))
    result = facts(api)
    args.out.write_text(dump(result) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(result['methods'])} methods, {len(result['types'])} types ({result['source']['version']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
