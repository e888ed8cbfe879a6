"""The time and hedging layer: a danger that is over, nearly happened, is a legal threat, has an all-clear,
is laughed about, is a child's outburst over a trifle, or is only the subject of a referral, a study or a film.

It works per clause: a time marker lowers only the findings of its own clause (the recovery marker may
stand anywhere, but only lowers a clause that speaks of the past), so a present danger elsewhere in the
text always stands. All-clears, jokes and topics count anywhere in the message, and only soften to the
gentle question (the second opinion may overrule them when it is sure); a danger coming back stands, and a
past one too when the text says its author comes back ("vorig jaar sloeg hij me. vanavond komt hij weer thuis").
The clause right after a danger may date it ("hij heeft me ooit opgesloten, dat is tien jaar geleden"), and a clause
that says it happens now ("net", "I just") or a message with an acute sign ("ademt niet") is never softened by a
hypothetical, a joke or an all-clear elsewhere in the text (fifteenth round).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from knowledge.normalize import normal_phrase

KEEP_NEAR_MISS = frozenset({"suicide"})  # "ik had bijna alle pillen genomen" is still danger now
# An author coming back ("vanavond komt hij weer thuis") brings back violence, not a heart attack: "vorige maand
# een hartstilstand, nu is hij weer thuis" is over.
COMING_BACK_KINDS = frozenset({"domestic_violence", "child_danger"})
# "bijna" lowers a near-miss ("vorige week viel ik bijna om"), not one that is happening now
# ("ik ga bijna flauwvallen") nor "bijna niet" (hardly: "hij ademt bijna niet").


@dataclass(frozen=True)
class Markers:
    past: frozenset[str]
    recovery: frozenset[str]
    near_miss: frozenset[str]
    not_near_miss: frozenset[str]
    ongoing: frozenset[str]
    not_ongoing: frozenset[str]
    legal: frozenset[str]
    threat_words: frozenset[str]
    all_clear_self: frozenset[str] = frozenset()  # "ik ben veilig": the writer about themself; lowers only suicide,
    # never violence or someone else's danger ("ik ben veilig bij mijn zus, maar hij slaat de kinderen"; 16th round)
    all_clear: frozenset[str] = frozenset()  # "niemand is gewond", "no one was hurt", "geen gedachten aan"
    joking: frozenset[str] = frozenset()  # "haha", "lol", "grapje"
    topic: frozenset[str] = frozenset()  # the danger is a subject: "a documentary", "this game", "laatste werkdag"
    client: frozenset[str] = frozenset()  # a professional tells of a client: "een cliënt", "a patient"
    client_now: frozenset[str] = frozenset()  # ...who is in danger now: "zei net", "just told me" (no softening)
    tantrum: frozenset[str] = frozenset()  # the writer took a child's phone: "toen ik zijn telefoon afpakte"
    coming_back: frozenset[str] = frozenset()  # anywhere in the text, its author comes back: "komt hij weer thuis"
    present: frozenset[str] = frozenset()  # "net", "zojuist", "I just": a clause that happens now is not softened by a
    # message-wide topic, joke or all-clear ("wat als hij terugkomt? hij heeft me net geslagen"; fifteenth round)
    acute_signs: frozenset[str] = frozenset()  # anywhere in the text ("ademt niet", "not breathing"): no topic, joke or
    # all-clear softens a danger
    not_joking: frozenset[str] = frozenset()  # the writer does not laugh along ("ik geloof het wel"), or a means is at
    # hand ("op de reling", "with a knife"): a joke or a tantrum then lowers nothing

    @classmethod
    def merge(cls, sections: Iterable[dict]) -> Markers:
        fields: dict[str, set[str]] = {name: set() for name in cls.__dataclass_fields__}
        for section in sections:
            for name in fields:
                fields[name].update(normal_phrase(str(w)) for w in section.get(name) or ())
        return cls(**{name: frozenset(w for w in words if w) for name, words in fields.items()})


MAX_MARKER_WORDS = 5  # a marker is one to five words in a row (tests/test_crisis_eighth.py checks the lists)


def phrases_in(words: Sequence[Sequence[str]], positions: Sequence[int], wanted: frozenset[str]) -> set[str]:
    """The entries of `wanted` (one to MAX_MARKER_WORDS words in a row) found at these positions."""
    found = set()
    typed = [_number_class(words[i][0], words[i + 1][0] if i + 1 < len(words) else "") for i in positions]
    for n, word in enumerate(typed):
        phrase = word
        if phrase in wanted:
            found.add(phrase)
        for k in range(1, MAX_MARKER_WORDS):
            if n + k >= len(typed):
                break
            phrase += " " + typed[n + k]
            if phrase in wanted:
                found.add(phrase)
    return found


# "net" that is no "just now": "net als mijn tante" (just like), "net niet" (sixteenth round); "net zo hard geslagen"
# and "net even" are now
NOT_NOW_AFTER = {"net": frozenset({"als", "zoals", "niet", "genoeg"})}


def present_in(words: Sequence[Sequence[str]], positions: Sequence[int], present: frozenset[str]) -> set[str]:
    """The markers of `present` ("net", "zojuist", "I just") at these positions, without a "net" that means "just
    like" ("ik wil niet meer leven, net als mijn tante")."""
    found = phrases_in(words, positions, present)
    for word, after in NOT_NOW_AFTER.items():
        if word in found and all(j + 1 < len(words) and words[j + 1][0] in after
                                 for j in positions if words[j][0] == word):
            found.discard(word)
    return found


NUMBER_WORDS = frozenset({"twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
                          "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                          # tens: "toen ik twintig was" (sixteenth round)
                          "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien",
                          "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig",
                          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                          "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})

# A number before one of these is an amount, not an age or a year: "toen ik twintig minuten weg was" dates nothing,
# "sinds aantal minuten" is now (a last read, sixteenth round)
UNIT_AFTER = frozenset({"minuten", "minuut", "minuutjes", "min", "uur", "uurtjes", "kwartier", "seconden", "pillen",
                        "tabletten", "meter", "meters", "metres", "metre", "km", "kilometer", "minutes", "minute",
                        "mins", "hours", "hour", "seconds", "pills", "tablets"})


def _number_class(word: str, after: str = "") -> str:
    """A number stands for its class in the markers: "in jaartal" (in 2019), "toen ik getal" (toen ik 16), "when he
    was getal" (when he was three; "een" and "one" stay words: they are articles and pronouns as often), "sinds aantal
    minuten" (a number before a unit, `after`)."""
    if after in UNIT_AFTER and (word in NUMBER_WORDS or word.isdigit()):
        return "aantal"
    if word in NUMBER_WORDS:
        return "getal"
    if not word.isdigit():
        return word
    return "jaartal" if len(word) == 4 and word[:2] in ("19", "20") else "getal"


ALL_CLEAR = "niemand in gevaar"  # how a finding lowered by an all-clear is marked (the second opinion may restore it)
JOKING = "grapje"  # the same for a finding in a message that laughs ("haha", "lol")
TOPIC = "onderwerp"  # the same for a danger that is the subject of a study, a film or a farewell at work
CLIENT = "over een cliënt"  # the same for a danger a professional tells about a client or patient
TANTRUM = "driftbui"  # the same for "ik wil dood" shouted when a phone was taken away
SOFTENERS = {"all_clear": ALL_CLEAR, "all_clear_self": ALL_CLEAR, "joking": JOKING, "topic": TOPIC, "client": CLIENT,
             "tantrum": TANTRUM}  # list -> how marked
# The lists that also keep the second opinion alone from alarming (it still asks): not "client", because a
# professional may be telling of a client in danger right now
CALMING = ("all_clear", "all_clear_self", "joking", "topic", "tantrum")
WEAK_ONGOING = frozenset({"weer", "again"})  # counts only next to the danger itself
# A child's outburst ("roept elke keer 'ik ga dood' als ze geen snoep krijgt") is a habit, not a danger coming back:
# "elke" or "steeds" then does not keep it standing, when the clause says it is said (SAYS) and it is a wish to die or
# a cry of pain (TANTRUM_KINDS); cutting "elke avond" since the phone was taken is no outburst (sixteenth round)
HABITUAL = frozenset({"steeds", "elke", "iedere", "every"})
TANTRUM_KINDS = frozenset({"suicide", "medical"})
# What a professional finds at a client's now ("trof ik net de baby aan in een doorweekte luier", "greep hij net naar
# zijn borst") stands; a client's wish to die told "just" now is in client_now ("vertelde net"; seventeenth round)
SCENE_KINDS = frozenset({"medical", "child_danger"})
SAYS = frozenset({"zegt", "roept", "schreeuwt", "riep", "zei", "gilt", "says", "shouts", "screams", "yells", "said"})
# A tantrum lowers violence only when it is a threat in words ("riep dat hij me vermoordt als ik zijn playstation
# afpak"), never a blow ("hij sloeg me bont en blauw toen ik zijn telefoon afpakte"; a last read, sixteenth round)
SPOKEN_THREAT = frozenset({"kill", "kills", "vermoord", "vermoordt", "vermoorden", "dood", "doodgaan", "af", "murder"})
WEAK_REACH = 4
AGO = frozenset({"geleden", "ago"})  # "het is een jaar geleden dat hij ...": the clause after it is past too
SINCE_THAT = frozenset({"dat", "that", "since", "sinds"})
THAT_WAS = frozenset({"dat", "that"})  # "..., dat is tien jaar geleden": the clause after a danger dates it
IS_WAS = frozenset({"is", "was"})
# "..., dat was vroeger": the long-ago words that date the danger before from a clause of their own; not when the
# clause goes on to say it is not over or compares ("dat was vorig jaar niet zo erg als nu"; a last read, 17th round)
LONG_AGO = frozenset({"vroeger", "destijds", "jaren terug", "in mijn jeugd", "klein was", "jong was", "kind was",
                      "years ago", "long ago", "when i was little", "when i was young", "as a child", "as a kid"})
NOT_OVER = frozenset({"erg", "erger", "niet", "nu", "bad", "worse", "not", "now"})
LINKS = frozenset({"maar", "en", "but", "and"})  # "..., maar dat is tien jaar geleden" dates the danger too
AGO_REACH = 7  # words from "dat" to "geleden" ("dat is nu al weer acht jaar geleden")
IN_YEAR = frozenset({"in jaartal"})  # "..., dat was in 2016" dates the clause before it too (sixteenth round)
NOT_DATING = frozenset({"begonnen", "begon", "ook", "hetzelfde", "sinds", "started", "also", "too", "same", "since"})
ALSO = frozenset({"ook", "too", "also", "hetzelfde", "same"})  # "..., toen hij twintig was had hij dat ook": a
# comparison, not the time of the danger
ALSO_REACH = 12
# "net als toen ik zwanger was", "harder dan toen": a comparison, no time clause dating the danger
COMPARE = frozenset({"als", "dan", "zoals", "like", "than"})
# "dat was in 2016 al zo en het is erger geworden": a year that starts what goes on, not its end
STILL_ON = frozenset({"al", "erger", "eerste", "sindsdien", "nog", "already", "worse", "first", "since", "still"})
WHEN = frozenset({"toen", "when"})  # "..., toen ik 16 was": a time clause right after dates the clause before it
FRONTED_REACH = 6  # words before a clause in which a fronted time clause ("toen ik klein was, ...") may start
BECAUSE = frozenset({"omdat", "doordat", "because"})  # "ik zat vorig jaar in de opvang | omdat hij me sloeg"
BECAUSE_REACH = 8  # words before the reason clause whose time dates it
TODAY = frozenset({"vandaag", "today", "deze week", "this week"})  # now, but not coming back


class Judge:
    """The time layer for one text: markers per clause and in the whole text, each found once."""

    def __init__(self, words: Sequence[Sequence[str]], markers: Markers, starts: Collection[int] = ()) -> None:
        self.words = words
        self.markers = markers
        self.starts = frozenset(starts)  # where sentences start: a fronted time clause opens its sentence
        self._units: dict[tuple[int, int], dict[str, set[str]]] = {}
        self._recovery: set[str] | None = None
        self._in_text: dict[str, set[str]] = {}

    def _in_unit(self, unit: Sequence[int]) -> dict[str, set[str]]:
        key = (unit[0], len(unit)) if unit else (0, 0)
        found = self._units.get(key)
        if found is None:
            m = self.markers
            found = {name: phrases_in(self.words, unit, getattr(m, name))
                     for name in ("legal", "ongoing", "not_ongoing", "past", "near_miss", "not_near_miss")}
            if found["not_ongoing"]:  # "het gaat weer": this "weer" says the danger is over; "vandaag is het een
                # jaar geleden": this "vandaag" is an anniversary; "ik mis hem nog elke dag": this "elke" is grief
                inside = {o for o in found["ongoing"] if any(f" {o} " in f" {n} " for n in found["not_ongoing"])}
                found["ongoing"] -= WEAK_ONGOING | TODAY | inside
            before = self.words[unit[0] - 1][0] if unit and unit[0] > 0 else ""
            if before in AGO and self.words[unit[0]][0] in SINCE_THAT:  # "een jaar geleden | dat hij ..."
                found["past"].add(f"{before} {self.words[unit[0]][0]}")
            if unit and self.words[unit[0]][0] in BECAUSE:  # a reason takes the time of what it explains
                found["past"] |= phrases_in(self.words, range(max(0, unit[0] - BECAUSE_REACH), unit[0]), m.past)
            # a time clause that opens the sentence dates the clause after it ("toen ik jong was, | werd ik ...");
            # not one that ended the sentence before ("hij sloeg me toen ik klein was. | nu slaat hij ..."; 12th round)
            start = unit[0] if unit else 0
            for i in range(start - 1, max(-1, start - FRONTED_REACH - 1), -1):
                if i in self.starts and start not in self.starts:
                    if self.words[i][0] in WHEN:
                        found["past"] |= phrases_in(self.words, range(i, start), m.past)
                    break
            end = unit[-1] + 1 if unit else 0
            # "I tried to kill myself | when I was 19"; not "net als | toen ik zwanger was"
            compared = end and self.words[end - 1][0] in COMPARE
            if end < len(self.words) and self.words[end][0] in WHEN and not compared and not any(
                    self.words[j][0] in ALSO for j in range(end, min(end + ALSO_REACH, len(self.words)))):
                found["past"] |= phrases_in(self.words, range(end, min(end + 5, len(self.words))), m.past)
            if self._dated_after(end):  # "hij heeft me ooit opgesloten, | dat is tien jaar geleden" (15th round)
                found["past"].add("dat was \u2026 geleden")
            self._units[key] = found
        return found

    def _dated_after(self, end: int) -> bool:
        """Whether the clause after a finding's says when it was: "dat is tien jaar geleden", "that was years ago";
        not minutes or an hour ago ("dat was twee minuten geleden"), which is now."""
        words = self.words
        if end + 1 < len(words) and words[end][0] in LINKS:  # "..., maar dat is zes jaar geleden" (seventeenth round)
            end += 1
        if end + 1 >= len(words) or words[end][0] not in THAT_WAS or words[end + 1][0] not in IS_WAS:
            return False
        tail = range(end, min(end + AGO_REACH, len(words)))
        if any(words[j][0] in NOT_DATING for j in tail):  # "dat is twee jaar geleden begonnen", "... ook al eens"
            return False
        in_year = (words[end + 1][0] == "was" and phrases_in(words, tail, IN_YEAR)  # "dat was in 2016"
                   and not any(words[j][0] in STILL_ON for j in tail))
        # "dat was vroeger", "that was years ago": a long-ago word right in the dating clause (seventeenth round); not
        # "dat was vorige maand" (a danger that recent may go on) nor a comparison ("dat was vorig jaar niet zo erg")
        near = range(end, min(end + 5, len(words)))
        past = (words[end + 1][0] == "was" and phrases_in(words, near, LONG_AGO)
                and not any(words[j][0] in STILL_ON | NOT_OVER for j in tail))
        dated = any(words[j][0] in AGO for j in tail) or in_year or past
        return bool(dated) and not phrases_in(words, tail, self.markers.ongoing)

    def _near(self, unit: Sequence[int], said: set[str], markers: set[str]) -> bool:
        """Whether a marker stands within WEAK_REACH words of a word of the finding."""
        here = [i for i in unit if self.words[i][0] in said]
        there = [i for i in unit if self.words[i][0] in markers]
        return any(abs(a - b) <= WEAK_REACH for a in here for b in there)

    def recovery(self) -> set[str]:
        if self._recovery is None:
            self._recovery = phrases_in(self.words, range(len(self.words)), self.markers.recovery)
        return self._recovery

    def in_text(self, name: str) -> set[str]:
        """The markers of list `name` anywhere in the text (all-clears, jokes and topics are not per clause)."""
        if name not in self._in_text:
            self._in_text[name] = phrases_in(self.words, range(len(self.words)), getattr(self.markers, name))
        return self._in_text[name]

    def __call__(self, kind: str, finding_words: Sequence[str], unit: Sequence[int],
                 past_given: bool = False) -> tuple[str, str]:
        """('stands' | 'soft' | 'cancel', the reason) for one finding in one clause.

        A legal threat, a past danger with recovery, and a near-miss cancel; a past danger alone,
        one the text gives the all-clear for ("niemand is gewond", "no one was hurt"), one in a text that
        laughs ("haha"), and one that is the subject of a referral, a study or a film is softened to the
        gentle question; a danger coming back ("weer", "vanavond") stands. `past_given`: the concept names a past
        event itself (a partner who died), so a past marker says nothing about the danger.
        """
        said = {w for phrase in finding_words for w in phrase.replace("\u2026", " ").split()}
        found = self._in_unit(unit)
        if said & self.markers.threat_words and found["legal"]:
            return "cancel", f"juridisch dreigement ({', '.join(sorted(found['legal']))})"
        ongoing = found["ongoing"]
        if ongoing and ongoing <= WEAK_ONGOING and not self._near(unit, said, ongoing):
            ongoing = set()  # "..., alleen slaap ik de laatste tijd weer slecht": not the danger coming back
        if ongoing and not (ongoing <= TODAY and any(self.in_text(name) for name in CALMING)) and not (
                kind in TANTRUM_KINDS and ongoing <= HABITUAL and self.in_text("tantrum")
                and phrases_in(self.words, unit, SAYS)
                and not self.in_text("not_joking")):
            # "today" alone does not undo an all-clear, a joke or a topic ("today was my last day"); it does
            # keep a client's danger standing ("een cliënt vertelde vandaag dat haar man haar slaat")
            return "stands", ""
        past, near = (set() if past_given else found["past"]), found["near_miss"]
        # "vorig jaar sloeg hij me. vanavond komt hij weer thuis"
        if past and kind in COMING_BACK_KINDS and self.in_text("coming_back"):
            return "stands", ""
        recovery = self.recovery() if past else set()
        if past and recovery:  # what cancels goes before what only softens
            return "cancel", f"voorbij ({', '.join(sorted(past))}; {', '.join(sorted(recovery))})"
        if near and kind not in KEEP_NEAR_MISS and not found["not_near_miss"]:
            return "cancel", f"bijna ({', '.join(sorted(near))})"
        for name, reason in SOFTENERS.items():
            marked = self.in_text(name)
            # "hij lachte erbij, maar ik geloof het wel"; a tantrum with a means at hand ("he says he'll jump because I
            # turned off the wifi, he is on the railing") is more than words
            if name in ("joking", "tantrum") and self.in_text("not_joking"):
                continue
            if name == "tantrum" and kind not in TANTRUM_KINDS and not said & SPOKEN_THREAT:
                continue
            if name == "all_clear_self" and kind != "suicide":  # "ik ben veilig" speaks for the writer's own life
                continue
            # "stel dat hij terugkomt? hij heeft me net geslagen": a danger happening now, or a sign of one anywhere in
            # the text, is not a hypothetical, a joke or an all-clear
            if name in ("joking", "topic", "all_clear", "all_clear_self") and (
                    present_in(self.words, unit, self.markers.present) or self.in_text("acute_signs")):
                continue
            # "een cliënt zei net aan de telefoon dat ze al haar insuline gaat spuiten": a case now, not a case told
            # "tijdens mijn huisbezoek greep hij net naar zijn borst": a professional at the scene of a danger now
            # (seventeenth round)
            if name == "client" and (self.in_text("client_now") or kind in SCENE_KINDS
                                     and present_in(self.words, unit, self.markers.present)):
                continue
            if marked:
                return "soft", f"{reason} ({', '.join(sorted(marked))})"
        if past:
            return "soft", f"verleden ({', '.join(sorted(past))})"
        return "stands", ""
