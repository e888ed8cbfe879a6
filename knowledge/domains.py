"""The fixed vocabularies every floor shares: life domains, crisis kinds, languages."""

from __future__ import annotations

# The 11 life-domain ids of product.md, in the order the check asks them. A contract.
DOMAIN_IDS: tuple[str, ...] = (
    "finances",
    "work_education",
    "housing",
    "relationships",
    "parenting",
    "mental_health",
    "physical_health",
    "substance_use",
    "daily_living",
    "social_contacts",
    "safety_justice",
)

# Kinds of acute danger that interrupt any conversation (product.md, "Crisis").
CRISIS_KINDS: tuple[str, ...] = ("suicide", "domestic_violence", "child_danger", "medical")

# Languages the bot can speak (flows/texts/<lang>.yaml exists for these).
BOT_LANGUAGES: tuple[str, ...] = ("nl", "en")

# ISO 639-1 codes a staff member or a municipality may list.
ISO_639_1: frozenset[str] = frozenset(
    " ".join(
        (
            "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv",
            "cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr",
            "ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw",
            "ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv",
            "ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr",
            "ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi",
            "yo za zh zu",
        )
    ).split()
)
