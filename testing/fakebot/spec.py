"""The Bot API facts of ``botapi.json`` and the checking of a request against them."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.web_request import FileField

JSON = dict[str, Any]

FACTS = Path(__file__).parent / "botapi.json"
PLAIN_TYPES = frozenset({"String", "Integer", "Float", "Boolean", "InputFile"})


class ApiError(Exception):
    """An error answer of the Bot API.

    ``description`` is exactly what Telegram would send; ``detail`` is extra explanation for
    the violation log only, so bot code matching on Telegram's wording behaves as in
    production.
    """

    def __init__(self, code: int, description: str, detail: str = "", parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.detail = detail
        self.parameters = parameters


def bad_request(description: str, detail: str = "") -> ApiError:
    """Build a 400 answer with Telegram's ``Bad Request:`` prefix."""
    return ApiError(400, f"Bad Request: {description}", detail)


class ApiSpec:
    """The methods, parameters, object types, limits and rules the fake knows (``botapi.json``)."""

    def __init__(self, data: JSON) -> None:
        """Index a parsed facts file."""
        self.version = str(data["source"]["version"])
        self.limits: JSON = data["limits"]
        self.rules: dict[str, list[str]] = data["rules"]
        self.types: dict[str, JSON] = data["types"]
        self._methods: dict[str, dict[str, JSON]] = {
            name: method["parameters"] for name, method in data["methods"].items()
        }
        self._names = {name.lower(): name for name in self._methods}

    @property
    def methods(self) -> list[str]:
        """The methods the fake knows, spelled as Telegram spells them."""
        return list(self._methods)

    @classmethod
    def load(cls) -> ApiSpec:
        """The facts file next to this module, parsed once per process."""
        return _load_spec(str(FACTS))

    def canonical(self, method: str) -> str | None:
        """Return the official spelling of ``method`` (case-insensitive) or None if the fake does not know it."""
        return self._names.get(method.lower())

    def fields(self, method: str) -> dict[str, JSON]:
        """Return the parameter descriptions of a canonical method name."""
        return self._methods[method]

    def required(self, method: str) -> list[str]:
        """Return the names of the required parameters of a canonical method name."""
        return [name for name, spec in self._methods[method].items() if spec["required"]]

    def fits(self, value: Any, type_name: str) -> bool:
        """True if ``value`` (decoded JSON) has the shape of ``type_name``: arrays, required fields, field types."""
        if type_name.startswith("Array of "):
            element = type_name.removeprefix("Array of ")
            return isinstance(value, list) and all(self.fits(item, element) for item in value)
        if type_name in PLAIN_TYPES:
            return _plain_fits(value, type_name)
        entry = self.types.get(type_name)
        if entry is None:
            return True
        if "subtypes" in entry:
            return any(self.fits(value, subtype) for subtype in entry["subtypes"])
        if not isinstance(value, dict):
            return False
        fields: dict[str, JSON] = entry["fields"]
        if any(spec["required"] and name not in value for name, spec in fields.items()):
            return False
        known = [(item, fields[name]["types"]) for name, item in value.items() if name in fields]
        return all(any(self.fits(item, kind) for kind in kinds) for item, kinds in known)


@functools.lru_cache(maxsize=1)
def _load_spec(path: str) -> ApiSpec:
    """Parse the facts file once per process."""
    return ApiSpec(json.loads(Path(path).read_text(encoding="utf-8")))


def _plain_fits(value: Any, type_name: str) -> bool:
    if type_name == "Boolean":
        return isinstance(value, bool)
    if isinstance(value, bool):
        return False
    if type_name == "Integer":
        return isinstance(value, int)
    if type_name == "Float":
        return isinstance(value, int | float)
    return isinstance(value, str)


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


def coerce_params(spec: ApiSpec, method: str, raw: JSON) -> JSON:
    """Convert form strings to the declared types; JSON-typed parameters are decoded and their shape checked."""
    fields = spec.fields(method)
    return {
        name: _coerce_value(spec, name, fields[name]["types"], value, raw) if name in fields else value
        for name, value in raw.items()
    }


def _coerce_value(spec: ApiSpec, name: str, types: list[str], value: Any, raw: JSON) -> Any:
    kinds = frozenset(types)
    if isinstance(value, UploadedFile):
        if "InputFile" in kinds:
            return value
        raise bad_request(f'can\'t use a file for parameter "{name}"')
    try:
        if kinds <= PLAIN_TYPES:
            return _coerce_plain(kinds, value, raw)
        decoded = json.loads(value) if isinstance(value, str) else value
    except (ValueError, TypeError) as exc:
        raise bad_request(f'wrong value of parameter "{name}"', f"{value!r}: {exc}") from exc
    if not any(spec.fits(decoded, kind) for kind in types):
        what = "reply keyboard markup" if name == "reply_markup" else name.replace("_", " ")
        raise bad_request(f"can't parse {what} JSON object", f"{name} is not {' or '.join(types)}: {decoded!r}")
    return decoded


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


def check_required(spec: ApiSpec, method: str, params: JSON) -> None:
    """Raise Telegram's answer for a missing required parameter."""
    for name in spec.required(method):
        if params.get(name) is None or params.get(name) == "":
            description = "message text is empty" if name == "text" else f"{name} is empty"
            raise bad_request(description, f"required parameter {name!r} is missing")


def summarize(params: JSON) -> str:
    """Short description of a request's key parameters for logs and assertion messages."""
    parts = []
    for key in ("chat_id", "message_id", "callback_query_id", "text", "caption", "action"):
        if key in params:
            value = params[key]
            if isinstance(value, str) and len(value) > 60:
                value = value[:57] + "..."
            parts.append(f"{key}={value!r}")
    return ", ".join(parts)
