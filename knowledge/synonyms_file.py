"""synonyms.yaml of a knowledge base: per language, per life domain, the municipality's own words."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from knowledge.domains import BOT_LANGUAGES, DOMAIN_IDS
from knowledge.fields import Entry
from knowledge.problems import Problem


def read_synonyms(data: Any, file: str, problems: list[Problem]) -> dict[str, dict[str, tuple[str, ...]]]:
    """The words per language and domain; every problem (file, line, language, plain sentence) into `problems`."""
    top = Entry(data, file, "synoniemenlijst", ("synonyms",), problems)
    by_lang = data.get("synonyms")
    if not isinstance(by_lang, dict):
        top.error("synonyms", "Verwacht 'synonyms:' met per taal (nl, en) per levensdomein een lijst woorden.")
        return {}
    result: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    for lang, per_domain in by_lang.items():
        keys = tuple(str(k) for k in per_domain) if isinstance(per_domain, dict) else ()
        line = getattr(by_lang, "key_lines", {}).get(str(lang))
        entry = Entry(per_domain, file, "taal", keys, problems, fallback_line=line)
        entry.id = str(lang)
        if lang not in BOT_LANGUAGES:
            entry.error(None, f"Onbekende taal '{lang}' in synonyms.yaml; gebruik {', '.join(BOT_LANGUAGES)}.")
            continue
        if not entry.ok:
            continue
        for domain in per_domain:
            if domain not in DOMAIN_IDS:
                entry.error(str(domain), f"Onbekend levensdomein '{domain}'. Kies uit: {', '.join(DOMAIN_IDS)}.")
                continue
            words = entry.texts(str(domain)) or ()
            result[str(lang)][str(domain)] = tuple(w.lower() for w in words)
    return dict(result)
