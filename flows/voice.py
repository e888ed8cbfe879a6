"""Speaking one language: sentences from flows/texts as rich text, every inserted value plain."""

from __future__ import annotations

from flows.markup import Rich, render_template
from flows.texts import Texts
from knowledge.domains import DOMAIN_IDS


class Voice:
    """The sentences of one language."""

    def __init__(self, texts: Texts, language: str | None) -> None:
        self.texts = texts
        self.language = texts.language(language)

    def __call__(self, key: str, /, **params: object) -> Rich:
        return render_template(self.texts.template(self.language, key), params)

    def plain(self, key: str, /, **params: object) -> str:
        """A sentence for a button or a toast: plain text."""
        return str(self(key, **params))

    def domain(self, domain_id: str) -> str:
        """The plain label of a life domain."""
        return self.plain(f"domain.{domain_id}")

    def domains(self, domain_ids: list[str] | tuple[str, ...]) -> str:
        """'geld, wonen en werk'."""
        labels = [self.domain(d).lower() for d in domain_ids if d in DOMAIN_IDS]
        if len(labels) <= 1:
            return "".join(labels)
        return ", ".join(labels[:-1]) + self.plain("word.and") + labels[-1]
