"""The resident's picture: only what they told or answered, in large words, with a legend in plain words.

After a story: the life domains heard in it, most prominent first, with one colour and no score
(we did not ask how heavy it is). After the check: each answered domain with its answer as a bar
(longer is heavier) and the answer in words. Skipped and unasked domains are not drawn. Drawn
off-screen with matplotlib, on a canvas that grows with the number of rows so nothing overlaps.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge.domains import DOMAIN_IDS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from flows.voice import Voice

# One colour per meaning; the legend names each colour that is used.
HEARD = "heard"
COLOURS = {HEARD: "#3b6fb6", 5: "#2e8b57", 4: "#8cbf3f", 3: "#e8a33d", 2: "#d1495b", 1: "#8b1e3f"}
MEANINGS = (HEARD, 5, 4, 3, 2, 1)  # the legend's order
MIN_FONT = 13  # points: nothing in the picture is smaller
LABEL_FONT, WORD_FONT, HEAD_FONT, TITLE_FONT = 15, 14, 16, 20
WIDTH = 8.0  # inches, at DPI 100: 800 pixels wide
DPI = 100
LABEL_X, LABEL_WRAP = 0.3, 24  # the domain's name, wrapped at a word
BAR_X, BAR_UNIT, BAR_HEIGHT = 3.9, 0.46, 0.3  # a bar is (6 - score) units long: 'gaat goed' short, 'niet veilig' long
LINE = 0.27  # inches per line of 15-point text
ROW_GAP = 0.2
INK, SOFT = "#222222", "#555555"


@dataclass(frozen=True)
class Drawing:
    """What the picture shows: nothing the resident did not say."""

    heard: tuple[str, ...]  # domains heard in the story, most prominent first
    answered: tuple[tuple[str, int], ...]  # (domain, ZRM score) from the check, heaviest first

    @property
    def rows(self) -> int:
        return len(self.heard) + len(self.answered)

    @property
    def meanings(self) -> tuple[object, ...]:
        """The colours used, in the legend's order."""
        used = ({HEARD} if self.heard else set()) | {score for _, score in self.answered}
        return tuple(m for m in MEANINGS if m in used)


def what_to_draw(answers: dict[str, int | None], heard: tuple[str, ...] | list[str] = ()) -> Drawing:
    """Heard domains keep the story's order; a domain heard in the story has no score of ours to draw."""
    heard = tuple(d for d in dict.fromkeys(heard) if d in DOMAIN_IDS)
    answered = [(d, s) for d, s in answers.items() if s is not None and d not in heard and d in DOMAIN_IDS]
    answered.sort(key=lambda item: (item[1], DOMAIN_IDS.index(item[0])))
    return Drawing(heard, tuple(answered))


def heaviest(answers: dict[str, int | None], heard: tuple[str, ...] | list[str] = ()) -> list[str]:
    """What weighs most, as the resident said it: the story's domains in the order heard, then the check's concerns."""
    drawing = what_to_draw(answers, heard)
    return [*drawing.heard, *(d for d, s in drawing.answered if s <= 3)]


@dataclass(frozen=True)
class Words:
    """Every word in the picture, in the resident's language."""

    title: str
    domains: dict[str, str]
    story: str  # heading above the heard domains
    check: str  # heading above the answers
    meaning: dict[object, str]  # HEARD or a score -> plain words
    legend: str

    @classmethod
    def of(cls, voice: Voice, title: str) -> Words:
        meaning: dict[object, str] = {HEARD: voice.plain("picture.heard")}
        meaning |= {score: voice.plain(f"picture.score_{score}") for score in (5, 4, 3, 2, 1)}
        return cls(title, {d: voice.domain(d) for d in DOMAIN_IDS}, voice.plain("picture.story"),
                   voice.plain("picture.check"), meaning, voice.plain("picture.legend"))


def figure(drawing: Drawing, words: Words) -> Figure:
    """The picture as a matplotlib Figure (the caller closes it); positions are in inches from the top."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle, Rectangle

    rows: list[tuple[str, object, str]] = []  # (kind, what, text) top to bottom
    if drawing.heard:
        rows.append(("head", None, words.story))
        rows += [("heard", d, words.domains[d]) for d in drawing.heard]
    if drawing.answered:
        rows.append(("head", None, words.check))
        rows += [("answer", (d, s), words.domains[d]) for d, s in drawing.answered]
    rows.append(("head", None, words.legend))
    rows += [("legend", m, words.meaning[m]) for m in drawing.meanings]

    title = textwrap.fill(words.title, 48)
    heights = [title.count("\n") * 0.36 + 0.75]
    for kind, _what, text in rows:
        lines = textwrap.fill(text, LABEL_WRAP).count("\n") + 1 if kind in ("heard", "answer") else 1
        heights.append(lines * LINE + ROW_GAP + (0.2 if kind == "head" else 0))
    height = sum(heights) + 0.3
    fig = Figure(figsize=(WIDTH, height), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)  # off-screen, no pyplot and no global state
    axes = fig.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, WIDTH)
    axes.set_ylim(height, 0)  # y grows downwards, like reading
    axes.axis("off")
    axes.text(LABEL_X, 0.25, title, fontsize=TITLE_FONT, fontweight="bold", va="top", ha="left", color=INK)
    y = heights[0]
    for (kind, what, text), row_height in zip(rows, heights[1:], strict=True):
        middle = y + (row_height - ROW_GAP) / 2 + (0.2 if kind == "head" else 0) / 2
        if kind == "head":
            axes.text(LABEL_X, middle + 0.05, text, fontsize=HEAD_FONT, fontweight="bold", va="center", color=SOFT)
        elif kind == "legend":
            if what == HEARD:  # the same mark as in the rows
                axes.add_patch(Circle((LABEL_X + 0.12, middle), 0.13, color=COLOURS[what]))
            else:
                axes.add_patch(Rectangle((LABEL_X, middle - 0.12), 0.24, 0.24, color=COLOURS[what]))
            axes.text(LABEL_X + 0.4, middle, text, fontsize=WORD_FONT, va="center", color=INK)
        else:
            axes.text(LABEL_X, middle, textwrap.fill(text, LABEL_WRAP), fontsize=LABEL_FONT, va="center",
                      color=INK, linespacing=1.15)
            if kind == "heard":
                axes.add_patch(Circle((BAR_X + 0.15, middle), 0.13, color=COLOURS[HEARD]))
                axes.text(BAR_X + 0.45, middle, words.meaning[HEARD], fontsize=WORD_FONT, va="center", color=INK)
            else:
                _domain, score = what
                length = (6 - score) * BAR_UNIT
                axes.add_patch(Rectangle((BAR_X, middle - BAR_HEIGHT / 2), length, BAR_HEIGHT, color=COLOURS[score]))
                axes.text(BAR_X + length + 0.15, middle, words.meaning[score], fontsize=WORD_FONT, va="center",
                          color=INK)
        y += row_height
    return fig


def png(drawing: Drawing, words: Words) -> bytes:
    fig = figure(drawing, words)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def picture(voice: Voice, answers: dict[str, int | None], heard: tuple[str, ...] | list[str], title: str) -> bytes:
    """The PNG for a resident's answers and the domains heard in their story (the staff card shows the same)."""
    return png(what_to_draw(answers, heard), Words.of(voice, title))
