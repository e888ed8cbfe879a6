"""The base word lists per language (knowledge/lexicon/<lang>.yaml) plus the municipality's synonyms."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from knowledge.domains import CRISIS_KINDS, DOMAIN_IDS
from knowledge.normalize import tokens

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: the same rules, faster


@dataclass(frozen=True)
class Lexicon:
    """Patterns per domain and crisis kind, look-alikes, and common words per language."""

    domains: tuple[tuple[str, str], ...]  # (pattern, domain id)
    crisis: tuple[tuple[str, str], ...]  # (pattern, crisis kind)
    not_crisis: tuple[str, ...]
    crisis_hints: tuple[str, ...]  # single risk words: ask gently, once
    common_words: dict[str, frozenset[str]]  # language -> everyday words
    domain_languages: tuple[str, ...] = ()  # the language of each entry of `domains`, in the same order

    def domains_in(self, language: str) -> tuple[tuple[str, str], ...]:
        """The domain entries of one language (all of them for a lexicon built without languages)."""
        if not self.domain_languages:
            return self.domains
        return tuple(entry for entry, lang in zip(self.domains, self.domain_languages, strict=True) if lang == language)

    @classmethod
    def load(
        cls,
        folder: Path = LEXICON_DIR,
        synonyms: dict[str, dict[str, tuple[str, ...]]] | None = None,
    ) -> Lexicon:
        """Read every <lang>.yaml and add the knowledge base's synonyms."""
        domains: list[tuple[str, str]] = []
        languages: list[str] = []
        crisis: list[tuple[str, str]] = []
        not_crisis: list[str] = []
        hints: list[str] = []
        common: dict[str, frozenset[str]] = {}
        for path in sorted(folder.glob("*.yaml")):
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
            language = data.get("language", path.stem)
            common[language] = frozenset(w for word in data.get("common_words", ()) for w in tokens(str(word)))
            for domain, entries in (data.get("domains") or {}).items():
                if domain not in DOMAIN_IDS:
                    raise ValueError(f"{path.name}: unknown life domain {domain!r}")
                domains.extend((str(entry), domain) for entry in entries or ())
                languages.extend(language for _ in entries or ())
            for kind, entries in (data.get("crisis") or {}).items():
                if kind not in CRISIS_KINDS:
                    raise ValueError(f"{path.name}: unknown crisis kind {kind!r}")
                crisis.extend((str(entry), kind) for entry in entries or ())
            not_crisis.extend(str(entry) for entry in data.get("not_crisis") or ())
            hints.extend(str(entry) for entry in data.get("crisis_hint") or ())
        for language, per_domain in (synonyms or {}).items():
            for domain, words in per_domain.items():
                domains.extend((word, domain) for word in words)
                languages.extend(language for _ in words)
        return cls(tuple(domains), tuple(crisis), tuple(not_crisis), tuple(hints), common, tuple(languages))
