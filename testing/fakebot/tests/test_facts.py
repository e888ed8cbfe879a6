"""The facts file botapi.json, its generator tools/botapi_facts.py, and the checks the fake makes with it."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from testing.fakebot import ApiSpec, FakeTelegram
from testing.fakebot.spec import FACTS
from testing.fakebot.tests.helpers import AMIRA

GENERATOR = Path(__file__).resolve().parents[3] / "tools" / "botapi_facts.py"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    """tools/botapi_facts.py, imported from its file (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location("botapi_facts", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def field(name: str, types: list[str], required: bool = False) -> dict[str, object]:
    """A parameter or field as api.json describes it."""
    return {"name": name, "types": types, "required": required, "description": "..."}


MINI_API = {
    "version": "Bot API 99.0",
    "release_date": "someday",
    "methods": {
        "getMe": {"name": "getMe"},
        "sendMessage": {
            "name": "sendMessage",
            "fields": [
                field("chat_id", ["Integer", "String"], True),
                field("text", ["String"], True),
                field("reply_markup", ["InlineKeyboardMarkup", "ReplyKeyboardRemove"]),
                field("photo", ["InputFile", "String"]),
            ],
        },
        "sendDice": {"name": "sendDice", "fields": [field("emoji", ["Dice"])]},
    },
    "types": {
        "InlineKeyboardMarkup": {
            "fields": [field("inline_keyboard", ["Array of Array of InlineKeyboardButton"], True)]
        },
        "InlineKeyboardButton": {"fields": [field("text", ["String"], True), field("login_url", ["LoginUrl"])]},
        "LoginUrl": {"fields": [field("url", ["String"], True)]},
        "ReplyKeyboardRemove": {"fields": [field("remove_keyboard", ["Boolean"], True)]},
        "InputFile": {"description": ["upload"]},
        "Dice": {"fields": [field("value", ["Integer"], True)]},
    },
}


def test_generator_keeps_only_the_chosen_methods_and_the_types_they_use(generator: ModuleType) -> None:
    facts = generator.facts(MINI_API, ("getMe", "sendMessage"))
    assert facts["source"]["version"] == "Bot API 99.0"
    assert list(facts["methods"]) == ["getMe", "sendMessage"]
    assert facts["methods"]["getMe"] == {"parameters": {}}
    chat_id = facts["methods"]["sendMessage"]["parameters"]["chat_id"]
    assert chat_id == {"types": ["Integer", "String"], "required": True}
    assert sorted(facts["types"]) == ["InlineKeyboardButton", "InlineKeyboardMarkup", "LoginUrl", "ReplyKeyboardRemove"]
    assert facts["types"]["LoginUrl"] == {"fields": {"url": {"types": ["String"], "required": True}}}
    assert facts["limits"]["text_length"] == 4096 and facts["limits"]["callback_data_bytes"] == [1, 64]
    with pytest.raises(SystemExit, match="sendPoll"):
        generator.facts(MINI_API, ("getMe", "sendPoll"))


def test_generator_takes_the_api_json_path_as_argument(generator: ModuleType, tmp_path: Path) -> None:
    source, out = tmp_path / "api.json", tmp_path / "botapi.json"
    everything = {**MINI_API, "methods": {name: MINI_API["methods"]["sendMessage"] for name in generator.METHODS}}
    source.write_text(json.dumps(everything), encoding="utf-8")
    assert generator.main([str(source), "--out", str(out)]) == 0
    written = ApiSpec(json.loads(out.read_text(encoding="utf-8")))
    assert written.version == "Bot API 99.0" and written.methods == list(generator.METHODS)
    assert written.required("sendMessage") == ["chat_id", "text"]
    with pytest.raises(SystemExit):
        generator.main([])


def test_the_facts_file_is_the_generators_output(generator: ModuleType) -> None:
    text = FACTS.read_text(encoding="utf-8")
    facts = json.loads(text)
    assert generator.dump(facts) + "\n" == text
    assert list(facts["methods"]) == list(generator.METHODS)
    assert facts["limits"] == generator.LIMITS and facts["rules"] == generator.RULES


def test_every_known_method_has_a_handler() -> None:
    fake = FakeTelegram()
    assert sorted(name.lower() for name in fake.spec.methods) == sorted(fake._handlers)


def test_shapes_follow_the_object_types() -> None:
    spec = ApiSpec.load()
    inline = {"inline_keyboard": [[{"text": "Ja", "callback_data": "ja"}]]}
    assert spec.fits(inline, "InlineKeyboardMarkup")
    assert not spec.fits({"inline_keyboard": [{"text": "Ja"}]}, "InlineKeyboardMarkup")
    assert not spec.fits({"inline_keyboard": [[{"callback_data": "ja"}]]}, "InlineKeyboardMarkup")
    assert not spec.fits({"inline_keyboard": [[{"text": 7, "callback_data": "ja"}]]}, "InlineKeyboardMarkup")
    assert spec.fits({"type": "chat", "chat_id": AMIRA}, "BotCommandScope")
    assert not spec.fits({"chat_id": AMIRA}, "BotCommandScope")
    assert spec.fits([{"type": "bold", "offset": 0, "length": 3}], "Array of MessageEntity")
    assert not spec.fits([{"type": "bold", "offset": True, "length": 3}], "Array of MessageEntity")


async def test_malformed_json_parameters_are_violations(fake: FakeTelegram, client: httpx.AsyncClient) -> None:
    fake.user(AMIRA, "Amira")
    rows_of_buttons = {"chat_id": AMIRA, "text": "Kies", "reply_markup": {"inline_keyboard": [{"text": "Ja"}]}}
    flat = await client.post("sendMessage", json=rows_of_buttons)
    assert flat.status_code == 400
    assert flat.json()["description"] == "Bad Request: can't parse reply keyboard markup JSON object"
    entities = {"chat_id": str(AMIRA), "text": "vet", "entities": json.dumps([{"type": "bold"}])}
    partial = await client.post("sendMessage", data=entities)
    assert partial.json()["description"] == "Bad Request: can't parse entities JSON object"
    assert fake.sent_to(AMIRA) == [] and len(fake.violations) == 2
    assert "reply_markup is not InlineKeyboardMarkup or ReplyKeyboardMarkup" in fake.violations[0]
