"""Professionals: find the right colleague in seconds (/zoek, /wie), and hand a resident over warmly (/overdracht)."""

from flows.professional.form import HandoffForm
from flows.professional.search import Lookup

__all__ = ["HandoffForm", "Lookup"]
