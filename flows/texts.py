"""Every user-facing sentence, loaded from flows/texts/<lang>.yaml and looked up by key.

The languages the bot speaks are the files in that folder: add `de.yaml` and the bot speaks German.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

TEXTS_DIR = Path(__file__).resolve().parent / "texts"


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value).strip("\n")
    return flat


class Texts:
    """Sentences per language; a missing key in a language falls back to the default language."""

    def __init__(self, by_language: Mapping[str, Mapping[str, str]], default: str) -> None:
        self.by_language = {lang: dict(texts) for lang, texts in by_language.items()}
        if default not in self.by_language:
            default = next(iter(self.by_language))
        self.default = default

    @classmethod
    def load(cls, default: str, folder: Path = TEXTS_DIR) -> Texts:
        """Read every <lang>.yaml in the folder; `default` is the knowledge base's first language."""
        by_language = {}
        for path in sorted(folder.glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            by_language[path.stem] = _flatten(data)
        return cls(by_language, default)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages there are texts for, the default first."""
        return (self.default, *(lang for lang in self.by_language if lang != self.default))

    def language(self, wanted: str | None) -> str:
        """The language to speak: `wanted` (or its base, 'en' for 'en-GB') if we have it, else the default."""
        base = (wanted or "").lower().split("-")[0]
        return base if base in self.by_language else self.default

    def next_language(self, current: str) -> str:
        """The language after `current` (for /taal without an argument)."""
        languages = self.languages
        return languages[(languages.index(current) + 1) % len(languages)] if current in languages else self.default

    def has(self, language: str, key: str) -> bool:
        """Whether a sentence exists for this key (in this language or the default)."""
        return key in self.by_language.get(language, {}) or key in self.by_language[self.default]

    def template(self, language: str, key: str) -> str:
        """The raw sentence for `key` (with **bold**, __italic__ and {placeholders})."""
        texts = self.by_language.get(language) or self.by_language[self.default]
        template = texts.get(key)
        return self.by_language[self.default][key] if template is None else template

    def get(self, language: str, key: str, /, **params: object) -> str:
        """The sentence as plain text with `params` filled in."""
        from flows.markup import render_template

        return str(render_template(self.template(language, key), params))
