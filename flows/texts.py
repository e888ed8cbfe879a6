"""Every user-facing sentence, loaded from flows/texts/<lang>.yaml and looked up by key."""

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

    def __init__(self, by_language: Mapping[str, Mapping[str, str]], default: str = "nl") -> None:
        self.by_language = {lang: dict(texts) for lang, texts in by_language.items()}
        self.default = default

    @classmethod
    def load(cls, folder: Path = TEXTS_DIR, default: str = "nl") -> Texts:
        """Read every <lang>.yaml in the folder."""
        by_language = {}
        for path in sorted(folder.glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            by_language[path.stem] = _flatten(data)
        return cls(by_language, default)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages there are texts for."""
        return tuple(self.by_language)

    def language(self, wanted: str | None) -> str:
        """The language to speak: `wanted` (or its base, 'en' for 'en-GB') if we have it, else the default."""
        base = (wanted or "").lower().split("-")[0]
        return base if base in self.by_language else self.default

    def has(self, language: str, key: str) -> bool:
        """Whether a sentence exists for this key (in this language or the default)."""
        return key in self.by_language.get(language, {}) or key in self.by_language[self.default]

    def get(self, language: str, key: str, /, **params: object) -> str:
        """The sentence for `key` with `params` filled in (params must already be escaped)."""
        texts = self.by_language.get(language) or self.by_language[self.default]
        template = texts.get(key)
        if template is None:
            template = self.by_language[self.default][key]
        return template.format(**params) if params else template
