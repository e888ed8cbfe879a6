"""The fields each knowledge-base entry may have (knowledge.md); anything else gets a warning."""

from __future__ import annotations

from knowledge.domains import BOT_LANGUAGES

MUNICIPALITY_FIELDS = ("name", "timezone", "languages", "default_team", "areas", "demo")
AREA_FIELDS = ("id", "name", "postcodes", "team")
TEAM_FIELDS = ("id", "name", "phone", "email", "coordinator", "reaction_hours", "urgent_reaction_hours",
               "members")
MEMBER_FIELDS = (
    "id", "name", "role", "domains", "languages", "phone", "email",
    "telegram_user_id", "max_open_handoffs", "active",
)
SERVICE_FIELDS = (
    "id", "name", "organization", "description", "domains", "keywords", "areas", "phone",
    "url", "email", "hours", "cost", "crisis", "checked",
) + tuple(f"description_{lang}" for lang in BOT_LANGUAGES if lang != "nl")
PROFESSIONAL_FIELDS = (
    "id", "name", "role", "organization", "areas", "domains", "languages", "phone", "email",
    "telegram_user_id", "audience",
)
