"""The resident's conversation, as a table of steps in stages: story, check, summary and offer, consent and contact."""

from flows.resident.flow import ResidentFlow
from flows.resident.steps import Step

__all__ = ["ResidentFlow", "Step"]
