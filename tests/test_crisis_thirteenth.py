"""Issue 9, thirteenth round: the forms of suicide fresh30 and fresh31 showed the engine could not hear.

Every suicide miss on the two sets was a resident saying *when*, *where* or *how much* instead of *what*: a plan with a
day ("I plan to end it this weekend"), a death on a day ("vrijdag ben ik dood", "he'll be dead by Friday"), a height
picked ("ik heb de brug al uitgekozen"), a method question with an amount ("hoe lang duurt het met 40 slaappillen"), a
train not to be boarded. The plan grid below missed 108 of its 540 sentences at the start. Beside them: a side of
the body that cannot be felt, a fact ("dood is") that is still to come, an idiom that calmed a danger in another
sentence, and a professional talking about the danger in general. Each class is tested with sentences of its own,
next to the everyday twin that must stay calm.
"""

from __future__ import annotations

import itertools

import pytest

from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase


def _grid_plan_en() -> list[str]:
    subjects = (("I", "myself", "my", "am", "have", ""), ("he", "himself", "his", "is", "has", "s"),
                ("she", "herself", "her", "is", "has", "s"))
    plans = ("{s} plan{z} to {a}", "{s} {be} planning to {a}", "{s} intend{z} to {a}", "{s} will {a}",
             "{s} {hv} decided to {a}")
    acts = ("end it", "end it all", "end {p} life", "kill {r}")
    times = (" this weekend", " on Friday", " after the kids are asleep")
    frames = ("{x}", "honestly {x}", "I think {x}")
    return [frame.format(x=plan.format(s=s, z=z, be=be, hv=hv, a=act.format(p=p, r=r)) + time)
            for (s, r, p, be, hv, z), plan, act, time, frame in itertools.product(subjects, plans, acts, times, frames)]


GRID_PLAN_EN = _grid_plan_en()

DANGER_WHEN_WHERE_HOW = [
    # a death on a day
    "vrijdag ben ik dood",
    "hij zegt dat hij vrijdag dood is",
    "mijn vader zegt steeds dat hij zondag dood is",
    "voor het weekend ben ik dood, dat beloof ik",
    "zaterdag leef ik niet meer",
    "my dad keeps saying he'll be dead by Friday",
    "I will be dead by Monday",
    "she says she'll be dead before the weekend",
    # a height picked
    "I've already picked the bridge",
    "she has picked the bridge and the date",
    "ik heb de brug al uitgekozen",
    "ik heb een plek uitgezocht waar niemand me vindt",
    "mijn broer heeft het spoor al uitgezocht, zegt hij",
    # a method question with an amount
    "hoe lang duurt het met 40 slaappillen",
    "hoeveel paracetamol is dodelijk",
    "how many paracetamol would it take",
    "how long does it take with 40 sleeping pills",
    # a train not to be boarded
    "Ik sta op het perron en wacht op de goederentrein, niet om in te stappen.",
    "ik sta bij het spoor en wacht op de trein maar ik ga niet instappen",
    # a side of the body that cannot be felt
    "ik voel mijn linkerkant niet meer",
    "mijn moeder voelt haar rechterkant niet meer en praat raar",
    "my dad can't feel his left side",
]

EVERYDAY_WHEN_WHERE_HOW = [
    "at this rate I'll be dead by the time I retire",
    "the doctor says he will be dead by Friday, the cancer is everywhere",
    "my phone battery will be dead by Friday",
    "Mijn hamster is vannacht doodgegaan, mijn dochter wil hem in de tuin begraven.",
    "Die toets van morgen wordt mijn dood, ik snap echt niks van wiskunde, is er huiswerkbegeleiding?",
    "Ik heb me kapotgewerkt deze week, ik ben echt dood.",
    "we picked the bridge for our wedding photos",
    "I've chosen the bridge and the time for the photo shoot",
    "we hebben een flat uitgezocht in Utrecht, de huur is wel hoog",
    "hoe lang duurt het voordat 2 paracetamol werken",
    "how long does it take for ibuprofen to work",
    "hoeveel paracetamol mag ik per dag",
    "ik sta op het perron en wacht op de trein, hij heeft vertraging",
    "I plan to end it with him this weekend",
    "we will end the meeting at five",
    "ik voel mijn linkerkant niet meer na het slapen op mijn arm, het tintelt",
    # a professional speaking of the danger in general, a series, a farewell at an old job
    "Als jeugdarts spreek ik vaak ouders over kindermishandeling. Welke trainingen raden jullie aan?",
    "Ik ben juf in groep 3 en wil graag weten hoe ik signalen van kindermishandeling herken.",
    "As a practice nurse I often see people who feel suicidal, where can I refer them for debt advice?",
    "In de serie die ik kijk wordt de vrouw door haar man opgesloten, ik vond het heftig om te zien.",
    "I'm saying goodbye to everyone at my old job tomorrow.",
]

# After fresh32 was measured: a method researched, a height asked for, the water entered unseen, a child taped to a
# chair, water breathed in and a child growing drowsy.
DANGER_AFTER_FRESH32 = [
    "I checked when the freight trains pass the level crossing, that is my way out",
    "hoe hoog moet een flat zijn om het zeker niet te overleven",
    "how high does a bridge have to be so you don't survive",
    "vannacht als iedereen slaapt loop ik de zee in",
    "tonight when everyone is asleep I will walk into the sea",
    "de buurvrouw heeft haar dochtertje met ducttape aan de verwarming vastgemaakt",
    "mijn zoontje heeft bij het zwemmen water binnengekregen en nu wordt hij steeds suffer",
]

EVERYDAY_AFTER_FRESH32 = [
    "hoe hoog moet een brug zijn voor de grote schepen",
    "morgen gaan we met de kinderen de zee in, als het warm is",
    "ik heb de kleine in de autostoel vastgemaakt en toen begon hij te huilen",
    "I looked up when the trains pass so I can pick up my mum from the station",
    "mijn opa sloeg vroeger met alles wat hij vastpakte, maar die is al jaren dood en ik wil nu hulp bij mijn post",
    "mijn dochter had een knoopje in haar mond, ik heb het eruit gehaald, ze heeft niks ingeslikt",
    "mijn borst doet pijn sinds ik zaterdag de hele dag verhuisdozen heb gesjouwd",
    "my chest feels tight whenever I think about the bills",
    "my daughter screams that she wants to die every time we take her phone away, she is ten",
]

# What the markers of this round must not hide (a last read of the change).
MARKER_TRAPS_THIRTEENTH = [
    "de jongens uit mijn klas hebben mijn broertje vastgebonden bij het spoor als grap en zijn weggerend",
    "A colleague went round the office saying goodbye to everyone and told me she won't need her laptop anymore "
    "because she's going to the bridge after work.",
    "Ik ben juf en een leerling vertelde net dat haar vader haar elke avond slaat",
    "Ik werk in de thuiszorg en loop achter met mijn uren. Nu sta ik bij een cliënt die van de trap is gevallen, "
    "hij bloedt uit zijn oor en is niet aanspreekbaar.",
]


# The last read of this round (a helper reviewing the change before fresh33 was measured) found markers and blockers
# that hid these dangers ("right now" lost from the ongoing list, help-seeking questions taken for a topic, a job lost
# taken for a job change), and these everyday sentences the new concepts alarmed on.
REVIEW_TRAPS_THIRTEENTH = [
    "I tried to kill myself last year and right now I want to kill myself",
    "he hit me last year and right now he is hitting me",
    "how do I deal with my husband, he strangled me last night",
    "my son says he wants to kill himself, how should I respond?",
    "my dad is showing signs of a stroke, his face is drooping and he can't talk",
    "I often hear voices telling me to kill myself",
    "Mijn man slaat me, hoe ga ik daarmee om?",
    "De trainer slaat mijn zoon tijdens de trainingen",
    "we keken de serie en toen sloeg hij me met een riem",
    "Mijn vader vertoont signalen van een beroerte, zijn mond hangt scheef",
    "Since I left my old job I plan to end it all",
    "I have picked the tallest building in town, I looked at a photo of my kids one last time",
]

EVERYDAY_REVIEW_THIRTEENTH = [
    "Ok I will end it here for today, thanks for your help",
    "I think the tomatoes will be dead by the weekend",
    "Na die marathon zondag ben ik dood",
    "Morgen heb ik drie toetsen, ik ben dood",
    "Morgen ben ik jarig, ik ben dood benieuwd wat ik krijg",
    "Opa is dood en zondag nemen we afscheid",
    "Mijn moeder is dood, morgen moet ik naar de notaris",
    "Mijn man is dood sinds maandag en ik weet niet hoe ik de huur moet betalen",
    "Vanaf volgende week leef ik niet meer samen met mijn ex",
    "I have picked the bridge club on Tuesdays to meet people",
    "We have picked the roof tiles, will the housing association pay?",
    "I picked the flat next to the railway because it was cheaper",
    "I have picked the car park near the station, is it free on Sundays?",
    "Ik heb eindelijk een dak boven mijn hoofd gevonden",
    "De verhuurder heeft het dak bekeken maar doet niets aan de lekkage",
    "Ik heb een kortere weg gevonden via de brug",
    "Mijn kat is gevonden op het dak van de buren",
    "Ik heb een plek gevonden waar niemand me ziet om rustig te studeren",
    "how much bleach does it take to clean the mould in my bathroom?",
    "how much rat poison does it take to get rid of the mice in my flat?",
    "how many tablets of antibiotics would be enough for the whole course?",
    "how much insulin does it take to bring my blood sugar down?",
    "Hoe snel kan ik een doos paracetamol bestellen bij de apotheek?",
    "Is het gas van de geiser dodelijk als hij lekt?",
    "Is bleek dodelijk voor kinderen als ze het inslikken?",
    "Ik mag met mijn scootmobiel niet instappen in de trein, wie kan helpen?",
    "Ik sta op het perron om mijn zoon uit te zwaaien, ik stap niet in",
    "Ik voel me de helft van de tijd niet goed",
    "De helft van de week voel ik me niet lekker",
    "Ik voel me niet veilig aan de rechterkant van de wijk",
    "Ik voel geen verschil, de helft van mijn toeslag is weg",
    "Ik voel mijn linkerkant niet meer, ik heb al jaren MS",
    "the radiator only works on one side, I cant feel any heat",
]


# A professional with a client in danger now: the client no longer softens it (it did for every case a professional
# told; on all tuning and training data the concepts now hear eleven dangers more and flag nothing more).
CLIENT_NOW = [
    "Een cliënt zei net tegen me dat ze vannacht alle pillen inneemt die ze heeft",
    "Als leerkracht maak ik me zorgen: een jongen uit mijn klas heeft net verteld dat zijn vader hem slaat",
    "A patient just told me her husband will kill her if she goes home",
    "Mijn cliënt staat nu op het balkon en zegt dat hij springt",
]

EVERYDAY_CLIENT_IN_GENERAL = [
    "Als wijkverpleegkundige zie ik vaak cliënten met suïcidale gedachten, waar verwijs ik ze naar?",
    "I'm a GP and want to know how to refer patients who feel suicidal to your team",
    "als begeleider schrijf ik veel over huiselijk geweld bij mijn cliënten, dat kost energie",
]


# A probe of passive wishes and goodbyes, written after fresh32 was read: "not want to be here" was blocked by the
# blocker meant for "I do not want to die"; "mijn leven stoppen", an adjective between "naar mijn" and "man" ("naar mijn
# overleden man gaan"), a last message from the platform, means gathered.
PASSIVE_WISHES = [
    "I don't want to be here after tonight",
    "she says she doesn't want to be here anymore",
    "I wouldn't mind if I just didn't wake up tomorrow",
    "Hoeveel oxazepam moet je innemen zodat je niet meer wakker wordt?",
    "Ik heb besloten dat ik vannacht mijn leven stop",
    "mijn vader heeft zijn geweer gepakt en zegt dat hij niet verder wil",
    "mijn oom belt vanaf het perron en zegt dat dit zijn laatste telefoontje is",
    "ze heeft al haar medicijnen bij elkaar gezocht en houdt het vannacht niet meer vol",
    "vanavond wil ik naar mijn overleden man gaan",
    "Said goodbye to my cat and transferred my savings to my sister",
]

EVERYDAY_PASSIVE_WISHES = [
    "I do not want to be here in this house with him, I want to move",
    "hope I don't wake up before noon tomorrow, day off!",
    "ik hoop dat ik morgen niet wakker word van de buren",
    "ik wil stoppen met mijn leven zoals het nu is en een nieuwe baan zoeken",
    "we gaan zondag naar het graf van mijn overleden man",
    "mijn man gaat op jacht met zijn geweer, ik wil niet dat hij verder gaat met die hobby",
]


# A clause inserted between commas ("ik ga er, als de kinderen slapen, een eind aan maken") cut the clause around it in
# two, so that neither half held the whole danger. The frame is now read as one clause, with the insertion in it for
# the time layer: an insertion that dates the danger ("toen ik klein was") still makes it the past.
def _grid_inserted() -> list[str]:
    frames = (("ik ga er", "een eind aan maken"), ("hij heeft besloten dat hij zichzelf", "van kant maakt"),
              ("mijn vader zegt dat hij zich vanavond", "ophangt"),
              ("ze zegt dat haar vriend haar", "elke avond slaat"), ("ik ben van plan om er", "een eind aan te maken"))
    insertions = ("als de kinderen slapen", "zodra iedereen weg is", "wanneer het donker wordt",
                  "als hij gedronken heeft")
    return [f"{before}, {inserted}, {after}" for before, after in frames for inserted in insertions]


GRID_INSERTED = _grid_inserted()

EVERYDAY_INSERTED = [
    "hij sloeg me, toen ik klein was, elke dag",
    "ik wilde, toen ik 16 was, van de brug springen",
    "My mum is going to, when she finds out, kill me",
]


# A second last read, before fresh33 was measured: the blockers and markers added after the first one hid these ("ruzie"
# taken for what is ended, "when I was a teenager" in a comparison), and these everyday sentences alarmed ("nu", "net"
# and "just" as a client's danger now; a visit to a late husband's family; a battery nearly empty on the platform).
SECOND_READ_TRAPS = [
    "Na de zoveelste ruzie met mijn ouders maak ik er vanavond een eind aan",
    "Al die ruzie thuis, ik kan niet meer, vannacht maak ik er een eind aan",
    "I want to kill myself, just like when I was a teenager",
    "I want to die, like when I was a teenager",
    "My dad hit me when I was a kid and he hit my sister yesterday",
    "Ik ga er, omdat ik vorig jaar alles kwijtraakte, een eind aan maken",
    "Een cliënt van mij zei net aan de telefoon dat ze al haar insuline tegelijk gaat spuiten, ze wil niet meer leven.",
    "A patient just told me her husband will kill her if she goes home",
]

EVERYDAY_SECOND_READ = [
    "Als wijkverpleegkundige merk ik dat cliënten nu vaker praten over zelfmoord, waar kan ik ze naar verwijzen?",
    "Net als veel collega's zie ik als begeleider cliënten die zichzelf snijden, hoe ga ik daarmee om?",
    "Ik ben nu doktersassistente en patiënten met suïcidale gedachten verwijs ik naar de huisarts, klopt dat?",
    "Ik werk nu als begeleider en een cliënt vertelde vorige maand dat haar vriend haar slaat, hoe meld ik dat?",
    "Mijn cliënt heeft op dit moment schulden en praat soms over zelfmoord, waar kan ik hem naar verwijzen?",
    "I'm a nurse and I just want to know how to refer patients who feel suicidal",
    "As a GP I just want to check the referral route for patients with suicidal thoughts",
    "I work with clients who self harm, is there a training this weekend?",
    "Zaterdag gaan we naar mijn schoonouders, de ouders van mijn overleden man",
    "Ik ga bij mijn overleden man zijn familie op bezoek dit weekend",
    "Opa is in de palliatieve fase, zijn leven stopt langzaam",
    "Sinds ik die slaappillen slik word ik 's ochtends niet meer wakker van de wekker",
    "Ik sta op het perron, trein heeft vertraging, dit is mijn laatste bericht want mijn batterij is bijna leeg",
    "I hope the kids dont wake up when I leave for my night shift",
    "I hope I don't wake up sick tomorrow",
    "Said goodbye to the old car today and signed over the papers to the buyer",
    "My daughter says she doesnt want to be here any longer, the school is awful",
    "Mijn man is agent en heeft zijn dienstwapen thuis, hij wil niet verder bij de politie",
    "Mijn zoon wil niet verder met school, hij zit de hele dag met zijn luchtbuks te schieten",
    "My wife is going to, when she sees the credit card bill, kill me",
]


# After fresh32 was read, the classes its misses of the concepts alone showed (the model heard them): affairs in order
# and not to be seen again, driving without a belt, two signs of a stroke, a chest squeezed, blood through the towel, a
# small child drowsy and grey, diabetes with acetone, a household poison swallowed, a limb at an angle in shock,
# someone thrown against something, struck with an object, a phone smashed and a lip open, grabbed at night by a man in
# the house, a gun next to the children, a child never to be seen alive again, burn marks and punishment.
CLASSES_OF_FRESH32 = [
    "Een collega, Ruud, zei vandaag bij de koffieautomaat dat hij zijn zaken op orde heeft gebracht en dat we "
    "hem na het weekend niet meer zullen zien.",
    "Mijn moeder belde huilend dat ze al haar medicijnen bij elkaar heeft gezocht en dat ze het vannacht niet "
    "meer volhoudt.",
    "Soms hoop ik dat ik gewoon een ongeluk krijg op de snelweg. Vanavond rijd ik zonder gordel zo hard als de"
    " auto gaat.",
    "ik kan niet meer, heb alle tabletten uit de kast gepakt en ik neem ze vanavond allemaal in. sorry",
    "mijn vader heeft al zijn zaken geregeld en zegt dat we hem nooit meer zullen zien",
    "Mijn tante kan niet meer goed praten en haar hand is slap, het begon tien minuten geleden.",
    "mijn vader praat ineens onduidelijk en zijn arm is slap, sinds een kwartier",
    "Mijn collega zegt dat haar zicht aan één kant wegvalt en dat ze haar woorden niet meer kan vinden.",
    "Net in de keuken begon ze ineens te lallen en nu zakt ze door haar benen.",
    "Mijn buurman van 70 zit wit en zwetend op de trap en zegt dat zijn borst wordt dichtgeknepen.",
    "Er zit een diepe snee in mijn pols en het bloed komt dwars door de handdoek heen.",
    "zoontje van 1 is ineens heel suf en grauw",
    "my son drank some of the dishwasher liquid and he's throwing up and crying",
    "my toddler swallowed some bleach and is coughing",
    "mijn peuter heeft van de vaatwastablet gegeten en moet overgeven",
    "My grandmother fell in the garden, her leg is twisted outwards and she's shaking and ice cold.",
    "Mijn dochter met diabetes braakt al uren, haar adem ruikt naar aceton en ze ademt heel diep en snel.",
    "mijn ex stuurt berichten dat ik mijn dochter nooit meer levend terugzie",
    "he took the kids and says I will never see them alive again",
    "mijn man wil onze dochter meenemen naar het buitenland voor besnijdenis",
    "my ex drove off with our son after drinking all afternoon",
    "mijn vriend is dronken met de kinderen in de auto weggereden",
    "de baby ligt alleen in bad en de moeder is weg",
    "mijn zus liet haar kind van vier de hele nacht alleen thuis en doet het vanavond weer",
    "hij stuurt een foto van een pistool naast de kinderen",
    "zijn vader gaat hem vanavond weer straffen, hij heeft brandplekjes op zijn armen",
    "my neighbour's husband is throwing her against the wall again",
    "he smashed the window and said next time it will be my head",
    "mijn vriend heeft me gisteren tegen de muur gekwakt en vanavond wordt het erger",
    "hij heeft me met de stofzuigerstang op mijn rug geraakt",
    "papa heeft mama heel hard geduwd en nu ligt ze op de grond",
    "hij heeft mijn telefoon kapotgegooid en mijn lip ligt open",
    "mijn schoonvader komt elke nacht dronken in mijn kamer en pakt mij vast",
    "mijn kleinzoon heeft opa tegen de grond gewerkt en zegt dat hij ons vanavond iets aandoet",
]

EVERYDAY_CLASSES_OF_FRESH32 = [
    "mijn collega heeft zijn zaken op orde, hij gaat emigreren en we zullen hem niet meer zien",
    "ik kan niet meer van de hoofdpijn, ik neem mijn vitamines allemaal in een keer in de ochtend",
    "mijn opa heeft een testament laten maken bij de notaris",
    "ik had tien minuten geleden even hoofdpijn maar nu is het weg",
    "mijn zoon heeft vorig jaar per ongeluk van de afwasmiddel gedronken, het is goed afgelopen",
    "ik heb de bal tegen de muur gegooid en het raam is kapot",
    "mijn zoon heeft zijn lip opengehaald bij het voetballen",
    "de kinderen spelen in bad en ik zit ernaast",
]


# A third last read, before fresh35 was measured: fresh32's classes had been written too wide (a blocker of toys and
# food that also hid "thuis is het niet veilig, ik krijg geen eten"; "raken", "in de hoek", "een smak", a cat in my bed,
# a knife next to the children, a goldfish no longer alive, cigarette ends, a dog without its lead, a bra too tight,
# gums that bleed, a baby after a vaccination, sugar in a cake, a sofa pushed against the wall, a cupboard door).
THIRD_READ_TRAPS = [
    "Thuis is het niet veilig, ik krijg geen eten.",
    "Mijn man is gewelddadig als het eten niet lekker is.",
    "Mijn man pakt mijn pinpas af, ik kan geen eten kopen.",
    "Ze willen me uithuwelijken, ik mag niet eens eten met mijn vriendinnen.",
    "Mijn ex stalkt me sinds ik zijn eten niet meer kook.",
]

EVERYDAY_THIRD_READ = [
    "Mijn opa raakt steeds zijn stok kwijt.",
    "Ik raak geen fles meer aan, help me alsjeblieft om vol te houden.",
    "Raak de hete pan niet aan, zeg ik steeds tegen mijn dochter.",
    "Mijn nieuwe schoen raakt mijn been bij het lopen en dat schuurt.",
    "Mijn dochter slaat de hele dag met een houten lepel op de pannen.",
    "Kun je me helpen de bank in de hoek te duwen?",
    "Ik kwakte mijn tas in de hoek en ging naast haar op de bank zitten.",
    "Mijn opa maakte gisteren een smak op de grond, gelukkig is er niks gebroken.",
    "Ik sla opa altijd met schaken.",
    "De kat van de buurman slaapt elke nacht in mijn bed.",
    "Ik snij de groente met een mes naast de kinderen aan tafel.",
    "De schaar ligt in de la bij de kinderen, is dat veilig?",
    "Welke mosselen zijn niet meer levend?",
    "Mijn goudvis is niet meer levend, hoe vertel ik dat aan mijn zoon?",
    "I was so relieved to see him alive again after the surgery.",
    "Welke straf krijg je voor het weggooien van peuken op straat?",
    "De buurman gooit zijn peuken in mijn tuin, kan hij daar straf voor krijgen?",
    "Mijn moeder is overleden. De begrafenis is alles geregeld, maar ik zal haar nooit meer zien.",
    "Mijn hond rent zonder riem keihard weg in het bos.",
    "Ik laat de hond zonder riem lopen, hij plast tegen een boom.",
    "Kan ik mijn medicijnen allemaal tegelijk innemen aan het eind van de dag?",
    "Ik kan niet goed praten met oma via videobellen omdat het beeld steeds wegvalt.",
    "Ik ben de woorden kwijt. Aan een kant ben ik blij, aan de andere kant verdrietig.",
    "Mijn BH zit strak om mijn borst, welke maat moet ik nemen?",
    "Mijn tandvlees blijft bloeden als ik flos.",
    "Onze baby is na de vaccinatie een beetje sloom en bleek.",
    "Mijn peuter is lusteloos en bleek, hij heeft een beetje verkoudheid.",
    "Deze taart ruikt zoet en fruitig, zit er veel suiker in?",
    "De wijn is fruitig en heeft weinig suiker.",
    "Ik ben diabeet, mag ik aceton gebruiken voor mijn nagellak?",
    "I pushed the sofa against the wall, can you help me hang a shelf above it?",
    "She keeps throwing up on the floor, should I give her water?",
    "The grey cupboard door hangs at a weird angle, how do I fix the hinge?",
    "I cleaned the bathroom with bleach while drinking coffee and now I keep coughing from my cold.",
    "You are next in line at the pharmacy, he said to me.",
    "Next time it will be better, my husband said after the match.",
]


def test_the_plan_grid_is_large_enough_to_mean_something() -> None:
    assert len(GRID_PLAN_EN) == 540 and len(set(GRID_PLAN_EN)) == 540


@pytest.mark.parametrize("text", GRID_PLAN_EN + DANGER_WHEN_WHERE_HOW + DANGER_AFTER_FRESH32 + MARKER_TRAPS_THIRTEENTH
                         + REVIEW_TRAPS_THIRTEENTH + CLIENT_NOW
                         + PASSIVE_WISHES + GRID_INSERTED + SECOND_READ_TRAPS + CLASSES_OF_FRESH32
                         + THIRD_READ_TRAPS)
def test_thirteenth_round_danger_is_heard(concepts_matcher: Matcher, text: str) -> None:
    """A plan with a day, a death on a day, a height picked, a method question, a train not boarded, a side that
    cannot be felt, and what this round's markers must not hide, by the concepts alone."""
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis, (text, crisis.explain())


@pytest.mark.parametrize("text", EVERYDAY_WHEN_WHERE_HOW + EVERYDAY_AFTER_FRESH32 + EVERYDAY_REVIEW_THIRTEENTH
                         + EVERYDAY_CLIENT_IN_GENERAL + EVERYDAY_PASSIVE_WISHES + EVERYDAY_INSERTED
                         + EVERYDAY_SECOND_READ + EVERYDAY_CLASSES_OF_FRESH32 + EVERYDAY_THIRD_READ)
def test_thirteenth_round_calm(concepts_matcher: Matcher, text: str) -> None:
    """Each form's everyday twin: a deadline, a photo, a rent, a dose, a delay, a break-up, a sleeping arm."""
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, (text, crisis.explain())


def test_a_fact_with_a_day_is_still_to_come(concepts_matcher: Matcher) -> None:
    """'dood is' is a death that happened ("sinds mijn moeder dood is"), unless its clause names a day to come."""
    assert concepts_matcher.match("hij zegt dat hij vrijdag dood is").crisis.is_crisis
    assert not concepts_matcher.match("sinds mijn moeder dood is, ga ik elke vrijdag naar haar graf").crisis.is_crisis


def test_an_idiom_explains_its_own_words_not_a_danger_beside_it(sample_kb: KnowledgeBase) -> None:
    """The second opinion judges what stands outside the idiom's sentence or comma part; a joke of its own still
    calms the whole message."""
    matcher = Matcher(sample_kb, background=False)
    reader = matcher.crisis_reader
    text = ("Hij riep nog 'ik ga dood van de hitte' als grapje, maar nu ligt hij op het terras en reageert hij "
            "niet meer.")
    rest = reader.beside_idioms(text, matcher._words(text))
    assert rest is not None and [forms[0] for forms in rest][:3] == ["maar", "nu", "ligt"]
    assert matcher.match(text).crisis.is_crisis
    calm = "ik ga dood van de hitte, ik lig de hele dag op de bank"
    assert not matcher.match(calm).crisis.is_crisis
    # the rest only raises the model's verdict: a danger in the idiom's own piece still asks the gentle question
    assert matcher.match("Mijn man slaat de deuren dicht en gooit met spullen, de kinderen huilen").crisis.hint
    joke = "ik ga dood van de hitte, haha, ik lig op de bank"
    assert reader.beside_idioms(joke, matcher._words(joke)) is None  # "haha" stands beside the idiom: still calm
