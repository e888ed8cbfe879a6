"""Channel-neutral rich text: what the flows say, with bold and italic, and nothing escaped yet.

Texts in flows/texts/<lang>.yaml mark **bold** and __italic__; values filled in from residents
or the knowledge base are always plain spans, so they can never become markup. Each channel
renders a `Rich` its own way (HTML for Telegram, plain text for the terminal), escaping there.
A `Rich` is also a `str` holding its plain text, so `"words" in reply.text` reads naturally.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

PLAIN, BOLD, ITALIC = "", "b", "i"
_TOKEN = re.compile(r"(\*\*|__|\{[a-z0-9_]+(?::[^{}|]*\|[^{}|]*)?\})")


@dataclass(frozen=True)
class Span:
    """A run of text in one style."""

    text: str
    style: str = PLAIN


class Rich(str):
    """Rich text as spans; its `str` value is the plain text."""

    spans: tuple[Span, ...]

    def __new__(cls, spans: Iterable[Span] = ()) -> Rich:
        merged: list[Span] = []
        for span in spans:
            if not span.text:
                continue
            if merged and merged[-1].style == span.style:
                merged[-1] = Span(merged[-1].text + span.text, span.style)
            else:
                merged.append(span)
        rich = super().__new__(cls, "".join(s.text for s in merged))
        rich.spans = tuple(merged)
        return rich

    @classmethod
    def of(cls, value: object) -> Rich:
        """Any value as rich text: a Rich stays as it is, anything else is one plain span."""
        return value if isinstance(value, Rich) else cls((Span(str(value)),))

    def __add__(self, other: object) -> Rich:
        return Rich(self.spans + Rich.of(other).spans)

    def __radd__(self, other: object) -> Rich:
        return Rich(Rich.of(other).spans + self.spans)

    def __getnewargs__(self) -> tuple:
        return (self.spans,)

    @classmethod
    def join(cls, separator: object, parts: Iterable[object]) -> Rich:
        """Like str.join, keeping every part's styles."""
        spans: list[Span] = []
        sep = Rich.of(separator).spans
        for index, part in enumerate(parts):
            if index:
                spans.extend(sep)
            spans.extend(Rich.of(part).spans)
        return cls(spans)

    @classmethod
    def lines(cls, lines: Iterable[object]) -> Rich:
        """Lines under each other."""
        return cls.join("\n", lines)

    def split_lines(self) -> list[Rich]:
        """The lines of this text, each with its styles."""
        lines: list[list[Span]] = [[]]
        for span in self.spans:
            pieces = span.text.split("\n")
            for index, piece in enumerate(pieces):
                if index:
                    lines.append([])
                lines[-1].append(Span(piece, span.style))
        return [Rich(line) for line in lines]


def render_template(template: str, params: Mapping[str, object]) -> Rich:
    """A sentence from the texts with its {placeholders} filled in as plain spans (or as given Rich)."""
    spans: list[Span] = []
    bold = italic = False
    for token in _TOKEN.split(template):
        if not token:
            continue
        style = BOLD if bold else (ITALIC if italic else PLAIN)
        if token == "**":
            bold = not bold
        elif token == "__":
            italic = not italic
        elif token.startswith("{") and token.endswith("}"):
            name, _, forms = token[1:-1].partition(":")
            value = params[name]
            if forms:  # {days:werkdag|werkdagen}: the count with the right word
                spans.append(Span(counted(value, *forms.split("|")), style))
            elif isinstance(value, Rich):
                spans.extend(s if s.style or not style else Span(s.text, style) for s in value.spans)
            else:
                spans.append(Span(str(value), style))
        else:
            spans.append(Span(token, style))
    return Rich(spans)


def fit(text: object, limit: int = 4000) -> Rich:
    """Keep a message of whole lines within a channel's limit by dropping lines from the end."""
    rich = Rich.of(text)
    if len(rich) <= limit:
        return rich
    lines = rich.split_lines()
    while len(lines) > 1 and len("\n".join(lines)) + 2 > limit:
        lines.pop()
    if len(lines) == 1 and len(lines[0]) + 2 > limit:
        lines = [Rich.of(shorten(str(lines[0]), limit - 2))]
    return Rich.lines([*lines, "…"])


def counted(count: object, one: str, many: str) -> str:
    """A count with its word: '1 werkdag', '2 werkdagen' (never 'werkdag(en)')."""
    return f"{count} {one if str(count).strip() in ('1', '1.0') else many}"


def shorten(value: str, limit: int) -> str:
    """Keep words readable in a message: at most `limit` characters, cut between words with an ellipsis.

    A single word longer than half the limit is cut inside it (there is no better place)."""
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    if value[limit - 1] != " ":  # the cut falls inside a word: go back to the space before it
        space = cut.rfind(" ")
        if space >= (limit - 1) // 2:
            cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"
