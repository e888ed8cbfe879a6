"""Speaking one language: sentences from flows/texts with every inserted value escaped."""

from __future__ import annotations

from flows.replies import escape
from flows.texts import Texts
from knowledge.domains import DOMAIN_IDS


class Markup(str):
    """Text that is already safe HTML (built from our own sentences); inserted as is."""


def fit(text: str, limit: int = 4000) -> Markup:
    """Keep a message of whole lines within Telegram's limit by dropping lines from the end."""
    if len(text) <= limit:
        return Markup(text)
    lines = text.split("\n")
    while len(lines) > 1 and len("\n".join(lines)) + 2 > limit:
        lines.pop()
    return Markup("\n".join(lines) + "\n…")


class Voice:
    """The sentences of one language; values from residents or the knowledge base are escaped."""

    def __init__(self, texts: Texts, language: str) -> None:
        self.texts = texts
        self.language = texts.language(language)

    def __call__(self, key: str, /, **params: object) -> Markup:
        safe = {k: v if isinstance(v, Markup) else escape(v) for k, v in params.items()}
        return Markup(self.texts.get(self.language, key, **safe))

    def plain(self, key: str, /, **params: object) -> str:
        """A sentence for a button or a toast: plain text, nothing escaped."""
        return self.texts.get(self.language, key, **params)

    def domain(self, domain_id: str) -> str:
        """The plain label of a life domain."""
        return self.texts.get(self.language, f"domain.{domain_id}")

    def domains(self, domain_ids: list[str] | tuple[str, ...]) -> str:
        """'geld, wonen en werk'."""
        labels = [self.domain(d).lower() for d in domain_ids if d in DOMAIN_IDS]
        if len(labels) <= 1:
            return "".join(labels)
        return ", ".join(labels[:-1]) + self.texts.get(self.language, "word.and") + labels[-1]
