"""What check-knowledge reports: one problem per line, with file, line, id and a plain sentence."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "fout"
WARNING = "waarschuwing"


@dataclass(frozen=True)
class Problem:
    """One thing a knowledge keeper should fix (error) or look at (warning)."""

    severity: str
    file: str
    line: int | None
    entry_id: str | None
    message: str

    @property
    def is_error(self) -> bool:
        """Errors stop the bot from starting; warnings do not."""
        return self.severity == ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        who = f" [{self.entry_id}]" if self.entry_id else ""
        return f"{where}: {self.severity}{who}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge base has errors; the bot must not start on it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = sum(p.is_error for p in problems)
        super().__init__(f"{count(errors, 'fout', 'fouten')} in de kennisbank")


def count(n: int, one: str, many: str) -> str:
    """'1 fout', '2 fouten', 'geen fouten'."""
    return f"geen {many}" if n == 0 else f"1 {one}" if n == 1 else f"{n} {many}"


def report(problems: list[Problem], source: str) -> str:
    """The full report for a person: every problem, then a count."""
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    ordered = sorted(problems, key=lambda p: (not p.is_error, p.file, p.line or 0))
    lines = [str(p) for p in ordered]
    if errors:
        lines.append(
            f"Kennisbank {source}: {count(len(errors), 'fout', 'fouten')}, "
            f"{count(len(warnings), 'waarschuwing', 'waarschuwingen')}. "
            "Los de fouten op; de bot start pas als er geen fouten meer zijn."
        )
    else:
        lines.append(
            f"Kennisbank {source}: geen fouten, {count(len(warnings), 'waarschuwing', 'waarschuwingen')}. "
            "De bot kan starten."
        )
    return "\n".join(lines)
