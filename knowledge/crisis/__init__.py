"""Crisis detection: concepts that meet within a clause, scoped per language, with a time/hedging layer."""

from knowledge.crisis.reader import CrisisReader
from knowledge.crisis.verdict import Crisis, Finding

__all__ = ["Crisis", "CrisisReader", "Finding"]
