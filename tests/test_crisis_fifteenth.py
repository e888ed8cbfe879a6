"""Issue 9, fifteenth round: the classes fresh36 to fresh40 showed the engine could not hear, and its alarms on calm
text.

The fourteenth round's five blind sets were measured with its final engine (the figures in the README), then read.
Suicide: things given away that are "not needed any more" with the giver out of reach, "bedankt voor alles" with the
belongings handed on, the rope already lying ready, charcoal with the windows taped, an engine running in a closed
garage, drinking the plant poison tonight, decided with everything sorted. A game console in the text had calmed three
of them as a child's tantrum ("zijn playstation" was a tantrum marker; now only taking it away is). Child danger: a
small child alone along a motorway, children lying apathetic among the rubbish, a small child lost for a long time,
gone with a man nobody knows. Violence: "je gaat ervoor boeten" with him in the house now, "dan haal je de avond
niet". Medical: the cord seen in labour, the baby not moving, the oxygen machine failed, a low saturation, a saw and
blood spurting, a finger almost off, a client unresponsive beside an empty blister pack on a home visit.

Most false alarms were a danger named as a subject (a school report, a first-aid exam, a lesson), one that is over (a
resuscitation that went well, a febrile fit the GP called harmless), or idiom. The concepts cannot tell these from a
resident in danger without lists that would hide real dangers; the second opinion can: where it rates a message
below VETO_AT (knowledge/crisis/second_opinion.py), the concepts' alarm becomes the gentle question.
"""

from __future__ import annotations

import pytest

from knowledge.crisis.second_opinion import UNLIKELY, VETO_AT
from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase

DANGER_FIFTEENTH = [
    # given away, not needed, out of reach
    "mijn broer heeft gisteren zijn gitaar aan mij gegeven en zei dat hij hem niet meer nodig heeft, nu neemt hij "
    "niet op",
    "Mijn dochter gaf haar laptop aan haar vriendin en zei 'ik heb hem toch niet meer nodig'. Ze reageert niet meer.",
    "My brother gave his guitar to me yesterday, said he won't need it anymore, and now he isn't picking up his phone.",
    "ik heb mijn moeder bedankt voor alles en gezegd dat ze mijn spullen mag hebben",
    "het touw ligt al klaar in de garage",
    "I put charcoal in the bathroom and sealed the door, tonight it ends",
    "I've decided, it's set for tonight. Everything's sorted, the dog is with my sister",
    "Can you tell my kids I loved them. The car is running in the closed garage now.",
    # a child alone by the road, apathetic among rubbish, lost, gone with a stranger
    "Ik zie een kleuter alleen langs de snelweg lopen bij de vluchtstrook",
    "Door het raam zie ik de kinderen van de buren tussen de vuilniszakken liggen, ze reageren niet als ik klop.",
    "onze peuter is al een half uur kwijt op de markt",
    "mijn dochter van 7 is niet thuisgekomen, de buurvrouw zag haar meegaan met een vreemde man",
    # violence: he is here and says I will pay
    "hij staat nu in de gang en zegt dat ik ervoor ga boeten",
    "mijn vriend zei dat als ik bij hem wegga, ik de avond niet haal. hij is nu thuis",
    # medical
    "mijn zuurstofapparaat doet het niet meer door de stroomstoring en ik word benauwder",
    "mijn moeder heeft een saturatie van 82 en is heel benauwd en grauw",
    "mijn vader heeft met de cirkelzaag in zijn hand gezaagd en het spuit eruit",
    "zijn duim is er bijna af, hij heeft zich met de slijptol gesneden",
    "She's 39 weeks pregnant and I can see the cord hanging out",
    "I'm 30 weeks pregnant and the baby has not moved since yesterday",
    "My dad's finger is almost cut off by the chainsaw and there's blood everywhere",
    "my patient is unresponsive and breathing shallow with an empty packet of sleeping pills, I'm on a home visit",
    "his oxygen machine stopped in the power cut and he is more and more breathless",
]

EVERYDAY_FIFTEENTH = [
    "ik heb mijn oude gitaar aan mijn neefje gegeven, ik heb hem niet meer nodig want ik heb een nieuwe",
    "ik heb de buurvrouw bedankt voor alles toen we verhuisden, ze mag mijn spullen hebben die ik niet meeneem",
    "ik fiets elke dag alleen langs de ring met mijn kinderen naar school",
    "onze peuter was een half uur kwijt op de markt maar we hebben hem gevonden, hij zat bij de kraam met snoep",
    "onze peuter is al een half uur zijn speen kwijt, hij huilt de hele tijd",
    "mijn dochter gaat mee met een man van de voetbalclub, die ken ik goed",
    "mijn baas zegt dat ik ervoor ga boeten als ik weer te laat ben",
    "ik haal de avond niet zonder koffie zei mijn man lachend",
    "de zuurstoffles van opa is leeg, de leverancier komt morgen een nieuwe brengen, hij is niet benauwd",
    "mijn saturatie was 98 bij de huisarts, niks aan de hand",
    "ik heb met de zaag een plank doorgezaagd en nu ligt er overal zaagsel",
    "mijn nagel is er bijna af na het voetballen",
    "I'm 20 weeks pregnant and the baby moves a lot, is there a pregnancy course nearby?",
    "I cut off a finger of my glove because it was too tight",
    "the oxygen tank for my diving course is empty, where can I refill it?",
    "we bought charcoal for the barbecue tonight",
    "I've decided to move to Spain, everything's sorted, tomorrow I fly",
    "don't drink the poison for the plants, it's in the shed, where do I store it safely?",
    "my son gave his old bike to his cousin because he doesn't need it anymore, he got a new one",
]

# A last read (a helper, 202 dangers and 196 calm sentences written against this round's draft): the dangers
# the concepts hear; the 34 they still miss are listed in knowledge/crisis/README.md
REVIEW_TRAPS_FIFTEENTH = [
    "My brother gave away his dog, said he won't be needing him anymore, and now he isn't picking up.",
    "She gave all her stuff away yesterday saying she has no use for it anymore, now she won't answer the door.",
    "he gave me his watch, said he doesnt need it anymore, and hes not answering",
    "My dad has given his tools to the neighbour, says he won't need them, and he has locked himself in the shed.",
    "my sister gave me her ring and said she wont need it anymore. shes not replying to anything",
    "Gave my cat to my mum, I won't need to look after her anymore. Turning my phone off now.",
    "My girlfriend gave her jewellery to her sister, she said she will not need it, and she has been unreachable "
    "since this morning.",
    "I bought charcoal and taped up the windows in the bathroom",
    "got a disposable bbq and duct taped the door of my room",
    "bought charcoal, the bedroom door and windows are taped shut now",
    "I've sealed the windows with tape and I'm lighting the charcoal now",
    "He has charcoal burning in the bathroom and he stuffed towels under the door",
    "I'm going to drink the bleach tonight",
    "tonight i'm drinking the bleach",
    "i will swallow the rat poison tonight",
    "I'm going to drink the whole bottle of bleach later",
    "drinking weedkiller tonight, I'm done",
    "My mum says she will drink the antifreeze today",
    "gonna drink the drain cleaner tonight",
    "I've decided, everything is sorted, tomorrow is the day.",
    "I have made my choice, all sorted, tonight I go",
    "my dad said he's made up his mind, everything is sorted, and he's going tonight",
    "Everything's sorted, I'll go to the bridge tomorrow and jump.",
    "all my affairs are in order, tomorrow I'm going to the cliffs",
    "I've sorted everything out, tonight I'm going up to the roof of my building to jump",
    "Paid all the bills, tonight I'm going to the railway line",
    "my water broke and I can see the cord",
    "I'm 38 weeks and something is hanging out, I think it's the umbilical cord",
    "my waters have gone and the cord is coming out",
    "my wife is in labour and the umbilical cord is out before the baby",
    "I'm 30 weeks pregnant and the baby hasn't moved since yesterday",
    "pregnant, baby has stopped kicking since this morning",
    "I'm pregnant and haven't felt any kicks today",
    "My wife is 34 weeks pregnant and hasn't felt the baby all day",
    "36 weeks and the baby is not moving at all today",
    "my thumb is hanging off",
    "chopped off the tip of my finger with the axe",
    "my son's finger got caught in the door and is almost off",
    "I cut my finger nearly off with the bread slicer",
    "I was using the chainsaw and there's blood everywhere",
    "cut my leg with the chainsaw, it won't stop bleeding",
    "chainsaw slipped, blood spurting from his leg",
    "my husband got hit by the circular saw and he's bleeding heavily",
    "the angle grinder kicked back and blood is gushing from my arm",
    "my mum is unresponsive and there's an empty pill box next to her",
    "she won't wake up and all her sleeping pills are gone",
    "He took all his pills and now I can't wake him",
    "my son swallowed a whole strip of paracetamol and now he won't wake up",
    "my flatmate is lying there barely breathing, the packet of pills is empty",
    "the oxygen machine stopped and she can't breathe",
    "power cut, dad's oxygen concentrator is off and he's gasping",
    "oxygen ran out and he is getting more breathless",
    "my nan's oxygen tank is empty and her lips are going blue",
    "Mijn broer heeft zijn spullen weggegeven en neemt nu zijn telefoon niet meer op",
    "Hij heeft z'n hond aan mij gegeven en reageert niet meer",
    "mn zus heeft haar kat weggegeven en is sinds gisteren niet te bereiken",
    "Vader gaf mij zijn horloge, zei dat hij het niet meer nodig heeft, nu krijg ik geen gehoor",
    "mijn zoon geeft al zijn spullen weg, heeft hij toch niet meer nodig, en nu neemt hij niet op",
    "mijne broer heeft zijn gitaar aan mij gegeven, hij heeft die ni meer nodig zegt hij, en nu pakt hij zijn gsm "
    "niet op",
    "Ik bedank jullie voor alles, mijn spullen mogen jullie hebben",
    "dank u voor alles, jij krijgt mijn spullen",
    "Ik wil je bedanken voor alles. Mijn spullen zijn voor Sanne.",
    "mijn zus appte: bedankt voor alles, jij mag al mijn spullen hebben",
    "bedankt voor alles he, mijn spulle mag je hebbe",
    "Het touw ligt al klaar",
    "Ik heb een touw klaargelegd op zolder",
    "Het touw hangt al aan de balk",
    "Touw is gekocht en ligt op zolder voor vannacht",
    "de strop is klaar en hangt aan de trap",
    "mijn broer zegt dat het touw al klaar ligt in de schuur",
    "Mijn man zei: jij haalt de avond niet",
    "Hij zegt dat ik de ochtend niet haal",
    "Mn ex appte: je haalt het weekend niet",
    "Hij zei dat ik de nacht niet zal overleven",
    "mijn vriend schreeuwde dat ik morgen niet meer leef",
    "Mijn man zegt ik haal niet de avond",
    "Hij zei dat ik ervoor ga boeten en hij staat nu voor de deur",
    "Mijn ex schreeuwde dat ik het ga bezuren, hij is nu in huis",
    "Je gaat betalen voor wat je gedaan hebt, zei mijn man, hij zit beneden",
    "mijn ex zegt dat ik ga boeten en hij staat nu in de gang",
    "hij dreigde dat ik het ga bezuren en hij is net binnengekomen",
    "mijn vriend zegt dat ik hiervoor zal boeten, hij staat beneden aan de deur",
    "Er loopt een klein kind alleen langs de snelweg",
    "Een peuter in z'n eentje op de vluchtstrook",
    "Ik zie een kleuter zonder ouders op de rijbaan lopen",
    "er loopt een klein manneke alleen op de autostrade",
    "There is a toddler walking alone on the motorway hard shoulder",
    "er loopt een klein meisje helemaal alleen over de provinciale weg",
    "Mijn dochtertje van 4 is al twintig minuten kwijt",
    "Ik kan mijn zoontje al een kwartier nergens vinden",
    "ik ben mijn kind kwijt in de supermarkt, al 15 minuten",
    "Mijn dochter is meegegaan met een onbekende man",
    "Mijn zoon is bij een vreemde man in de auto gestapt",
    "Mijn dochtertje liep mee met een man die we niet kennen",
    "My daughter got into a car with a man nobody knows",
    "De kinderen liggen apathisch tussen het afval",
    "De buurkinderen zitten tussen de vuilniszakken en reageren nergens op",
    "the neighbours kids are lying in the rubbish and not responding",
    "de kindjes liggen in hun eigen poep en huilen niet eens meer",
    "Het zuurstofapparaat van mijn moeder is uitgevallen en ze wordt steeds benauwder",
    "Stroomstoring, opa's zuurstof doet het niet meer, hij hapt naar lucht",
    "de zuurstoffles van mijn vader is leeg en hij krijgt geen lucht",
    "zuurstof apparaat van oma doet het niet en ze is erg kortademig",
    "saturatie van 82 en hij is grauw",
    "Sat is 84, ze heeft blauwe lippen",
    "de saturatiemeter geeft 79 aan en ze is klam",
    "Ik heb met de kettingzaag in mijn been gezaagd en het bloedt enorm",
    "cirkelzaag geschoten, het spuit eruit",
    "Mijn man heeft zich met de zaag in zijn arm gesneden, er is overal bloed",
    "met de slijptol in mijn hand, het bloed spuit eruit",
    "mijn vader is uitgeschoten met de kettingzaag en het bloedt heel erg",
    "Mijn duim is er bijna af",
    "Zijn vinger is er bijna helemaal af",
    "Mijn vinger hangt er nog aan een velletje",
    "Mijn wijsvinger is er half afgesneden",
    "de vinger van mijn zoon zit klem en is bijna af",
    "Ik ben zwanger en zie de navelstreng",
    "Mijn dochter gaat mee met een man wat ik niet ken, zij is 6",
    "Mijn man zeg ik zal boeten, hij is nu in de huis",
    "mijn papa zijn vinger is er bijna af door de zaag",
    "Ze is zwanger en de navelstreng hangt eruit",
    "my brother gave away his cat and his stuff, he won't need them, and he's locked himself in his room",
    "Ik rij met mijn kinderen op de snelweg en zie een klein kind alleen op de vluchtstrook lopen",
    "Er loopt een klein kind alleen langs de snelweg, ik sta met mijn zoon op de vluchtstrook en kan er niet bij",
    "Hij zei dat ik de avond niet haal als ik zonder zijn toestemming wegga",
    "Hij zei lachend dat ik de avond niet haal, hij heeft een mes",
    "Mijn dochtertje van 3 is al een half uur kwijt, we hebben alleen haar schoen gevonden",
    "Mijn peuter is kwijt, al een half uur, nog niet gevonden",
    "Mijn kind van 4 is al een half uur kwijt, ik heb de politie gebeld met mijn telefoon",
    "Mijn man kwam dronken van de wedstrijd en zegt dat ik ervoor ga boeten, hij staat nu in de keuken",
    "His finger is almost off, his ring caught in the machine",
    "Ik zie de navelstreng, ik ben zwanger van de tweede",
    "The cord is hanging out, I'm pregnant, waters broke",
    "my finger is hanging off",
    "I can see the umbilical cord, I'm pregnant",
    "de kinderen liggen apathisch tussen het afval",
    "mijn vinger is er half af",
    "zijn duim hangt er half",
    "my finger is nearly off",
    "my son's thumb is half off",
    "de navelstreng hangt eruit en ik ben zwanger",
    "de strop ligt klaar",
    "zuurstofapparaat valt uit, hij wordt benauwder",
    "saturatie van 85, hij rochelt",
    "kettingzaag in zijn been, het spuit",
    "er loopt een peuter alleen op de snelweg",
    "mijn kleuter is al een half uur zoek",
    "Hij zegt dat ik ervoor ga boeten, hij staat nu voor de deur",
    "dan haal je de avond niet, zei mijn man",
    "I can see the cord and my waters broke",
    "pregnant and the baby stopped moving",
    "the oxygen concentrator stopped and he can't breathe",
    "she is unresponsive, empty blister packs next to her",
    "chainsaw accident, so much blood",
    "I've decided. Everything's sorted. Tomorrow.",
    "charcoal is lit and the windows are taped up",
]

# ...and the calm sentences that stay calm (of its 196, 26 still alarm; 18 of those did before this round)
EVERYDAY_REVIEW_FIFTEENTH = [
    "I gave my old laptop to my nephew since I won't need it anymore, and now he's not answering my texts because "
    "he's gaming all day.",
    "We gave the cot to my sister, we won't be needing it, and the landlord still isn't picking up about the leak.",
    "Gave the old sofa to a neighbour, won't need it after the new one arrives; the delivery company is not answering.",
    "My son gave his old bike to his cousin, he won't need it now he drives, and he's not replying because he's at "
    "work.",
    "I handed in my keys, won't need them anymore, the agency phone is off on Sundays.",
    "We bought charcoal for the barbecue and I taped the windows before painting the frames.",
    "Charcoal is in the shed and we sealed the windows against the draught last autumn.",
    "For the science lesson we used charcoal and sealed the room for the smoke test.",
    "I sealed the gaps around the windows and bought a bag of bbq coals for Saturday.",
    "The toddler tried to drink the bleach but I caught her in time last year; now it's locked up.",
    "Tonight we watch the documentary about people who drink poison in Victorian times.",
    "Where do I keep the antifreeze so the kids don't drink antifreeze by accident? I'm doing the car later.",
    "My dog almost tried to drink the antifreeze today, it is in the garage now, safe.",
    "Kids, don't drink the plant poison, I'll put it out of reach tonight.",
    "I've decided to take the job. Everything's sorted, I start tomorrow.",
    "I have decided to go to my mum's; the cat is with the neighbour, we leave tomorrow.",
    "We set the date for the wedding! All sorted, the venue confirms tomorrow.",
    "Made up my mind about the kitchen, everything is sorted, the builders come tomorrow.",
    "I've decided to quit smoking. Everything is sorted: patches, app, and I begin tomorrow.",
    "My decision is final: we sold my car and the dog is with my brother while we're on holiday, we fly tomorrow.",
    "Picked a date for the move, paid all the bills, tomorrow we get the keys.",
    "All sorted for tomorrow, we meet at the bridge at ten for the walk.",
    "Everything's sorted, the roofer comes tomorrow to fix the roof.",
    "Dog is with my mum, tomorrow we're hiking along the cliffs.",
    "Everything is sorted for the school trip to the cliffs tomorrow.",
    "The cat is with the neighbour so tonight we can watch the fireworks from the rooftop bar.",
    "All sorted! Tomorrow the train crosses the bridge at nine.",
    "I'm pregnant and I keep tripping over the cord of the vacuum cleaner.",
    "I'm 20 weeks pregnant and we're going to store the umbilical cord blood, is that worth it?",
    "My sister is pregnant and asked whether delayed cord clamping is a good idea.",
    "At the scan, the doctor showed us the cord, I'm 22 weeks pregnant and so happy.",
    "Pregnant and looking for a phone charger with a long cord for the hospital bag.",
    "I'm pregnant and we have not moved house yet, is the bedroom big enough?",
    "Pregnant and I haven't moved from the sofa all day, so lazy.",
    "My wife is pregnant and the furniture has not moved since we painted the nursery.",
    "I'm pregnant and the due date hasn't moved, still 12 May.",
    "On the other hand, they cut off our electricity because we didn't pay.",
    "The call was cut off, I had to write it down by hand.",
    "I cut off the crusts with one hand while holding the baby.",
    "He chopped off the ends of the beans and his hand was green from the stalks.",
    "The glove's thumb is almost off, I need to sew it.",
    "The heel of my foot hurts since the dog chewed the strap half off my sandal.",
    "My ear buds' cable is nearly off, the left one only works now.",
    "The label on the bottle is half off, I can't read the dose by hand.",
    "Their water supply was cut off and my foot is freezing in this house.",
    "The teddy's ear is hanging off, can I sew it back by hand?",
    "The machine at work broke down and it's pouring outside.",
    "The coffee machine keeps pouring everywhere, what a mess.",
    "I bought a saw for the garden; it's pouring rain so I'll use it tomorrow.",
    "We watched a chainsaw carving show, it was pouring with rain.",
    "I was using the saw to cut the plank, just a small cut on my thumb, it's fine now.",
    "The grinder is broken and the rain is pouring through the garage roof.",
    "I threw out the empty pill bottles; my dad barely breathing when he snores is what worries me at night.",
    "The baby won't wake for her feed, she's been asleep for four hours, and I threw away the empty packet of formula.",
    "The oxygen concentrator was broken last month but the new one works and her breathing is getting better.",
    "We ordered a new oxygen concentrator because the old one stopped, and she is less breathless now.",
    "The oxygen tank on the scuba trip ran out just as we surfaced, we were breathless from laughing.",
    "Dad's oxygen bottle is empty, the supplier brings a full one today, he's fine without it for hours.",
    "Her cough is getting worse, so the GP is checking whether she needs an oxygen concentrator; the old inhaler is "
    "empty.",
    "Ik heb de kat eten gegeven, de buurvrouw neemt niet op.",
    "Ik heb de hond zijn eten gegeven. Mijn man neemt zijn telefoon niet op, hij zit in een vergadering.",
    "Ik gaf hem zijn boeken terug. Hij reageert niet meer op mijn berichten sinds we uit elkaar zijn.",
    "Ik heb mijn oude fiets aan mijn neef gegeven, had ik niks meer aan. De fietsenmaker neemt niet op.",
    "Mijn moeder gaf me haar oude jas, heeft ze niet meer nodig. De winkel neemt niet op over de ruil.",
    "Ik heb mijn dochter haar spullen gegeven voor het kamp, de leiding is onbereikbaar tot zondag.",
    "We hebben de kinderen hun kleren gegeven voor morgen en de deur op slot gedaan, iedereen slaapt.",
    "Mijn zoon heeft zijn playstation aan zijn neefje gegeven, heeft hij niet meer nodig, en nu reageert hij niet "
    "meer omdat hij met zijn nieuwe laptop bezig is.",
    "De hond heeft de bal aan het kind gegeven! Mijn vrouw neemt niet op, ik wil het filmpje sturen.",
    "Ik heb haar dingen gegeven die ze nodig had voor school; de school neemt niet op.",
    "Mijn vader gaf mij zijn horloge voor mijn verjaardag, en nu neemt hij niet op omdat hij op de golfbaan staat.",
    "Bedankt voor alles! Jullie mogen alles hebben wat over is van de taart.",
    "Bedankt voor alles juf, de kinderen mogen alles hebben wat in de knutselkast ligt.",
    "Bedankt voor alles tijdens het feest, mijn nichtjes mogen alles hebben wat er over is.",
    "Dank voor alles bij de verhuizing, mijn spullen mag je in de schuur zetten.",
    "Het klimtouw hangt al in de gymzaal.",
    "Het koord van de gordijnen hangt al, nu de rails nog.",
    "De waslijn hangt al, de was kan naar buiten.",
    "Het kerstlampjessnoer en het touw hangt al aan de boom.",
    "Mijn man zei dat hij de avond niet haalt, hij is zo moe.",
    "Mijn man zei dat de batterij de avond niet haalt.",
    "Mijn vriend zei dat zijn telefoon de dag niet haalt.",
    "Hij zei dat hij het weekend niet haalt met deze deadline, haha.",
    "Mijn zoon zei dat hij de avond niet haalt zonder dutje.",
    "Mijn vader vertelde dat de tomatenplant de dag niet haalt in deze hitte.",
    "Hij zei dat hij de avond niet haalt op het feest, hij moet vroeg op.",
    "Mijn man zegt dat ik het ga bezuren dat ik zijn taart heb opgegeten, hij zit nu te mokken in de keuken 😂",
    "De buurman zegt dat die inbreker ervoor gaat boeten, de politie is nu in de keuken voor het proces-verbaal.",
    "Mijn zoon zegt dat hij het gaat bezuren dat hij zijn huiswerk niet heeft gemaakt, hij zit nu te leren.",
    "Hij zegt dat hij ervoor gaat boeten dat hij zoveel snoep at, hij is nu thuis met buikpijn.",
    "Mijn vader zegt dat ik het ga bezuren met mijn rug als ik zo blijf tillen, hij is nu in de keuken.",
    "Alleen de kinderen van groep 8 mogen zelf op de weg fietsen.",
    "Mijn kind leert deze week alleen oversteken op de weg bij school, met de verkeersbrigadier.",
    "De kinderen slapen op een matras bij de logeerpartij, ze reageren niet als ik roep, diep in slaap.",
    "De kinderen liggen stil op een matras bij de yogales.",
    "Op de vakantie sliepen de kinderen op een matras in de tent en bewogen niet tot acht uur.",
    "De kinderen spelen in de troep van de verbouwing, ze reageren niet als ik ze roep voor het eten.",
    "De baby slaapt al uren, ik ben mijn tijdsbesef kwijt.",
    "Mijn kind is zijn rekenboek al een tijd kwijt.",
    "Mijn dochter is haar fiets al een uur kwijt.",
    "Onze kleuter is al een kwartier zijn jas aan het zoeken, die is kwijt.",
    "De kleine is al een tijd weg bij oma, ze logeert daar.",
    "Mijn kind is al uren weg met zijn vriendjes op de camping, hij moet om zes uur terug zijn.",
    "De baby is al een week verkouden en de slaap zijn we kwijt.",
    "Ik ben al een half uur de kleine haar speelgoedauto aan het zoeken, is kwijt.",
    "Mijn kind is al een tijd zijn motivatie kwijt voor school.",
    "Mijn dochter is mee met de nieuwe trainer, ik ken die man niet maar de club zegt dat het goed is.",
    "In de film gaat het kind mee met een vreemde man.",
    "Mijn zoon ging mee met de vader van een vriendje, ik ken die man niet goed maar de juf wel.",
    "Vroeger ging mijn zusje eens mee met een onbekende man, gelukkig liep het goed af.",
    "Het zuurstofapparaat van mijn vader is vorige maand kapot gegaan, toen was hij even benauwd, nu heeft hij een "
    "nieuwe.",
    "De zuurstoffles is leeg, die breng ik terug; het benauwde gevoel is al weken weg.",
    "Het zuurstofapparaat maakt een raar geluid maar werkt gewoon; hij is alleen benauwd als hij trappen loopt.",
    "De leverancier komt vandaag de lege zuurstoffles omruilen, opa is niet benauwd.",
    "Ik word steeds benauwder van al die papieren over het zuurstofapparaat dat kapot is.",
    "Zijn saturatie is weer 98, hij is niet meer benauwd.",
    "Saturatie is 97 en ze is niet benauwd.",
    "Ik had klamme handen bij het examen over saturatie van patienten.",
    "De saturatie van opa is prima, alleen benauwd bij het traplopen.",
    "Ik zaag de plank en spuit daarna de lak.",
    "Ik maai het gras met de grasmaaier en spuit daarna het terras schoon.",
    "We hebben de boom gezaagd en daarna de tuinslang met de spuit gebruikt.",
    "De zaag is bot, ik spuit er wat olie op.",
    "Met de cirkelzaag gewerkt, nu nog de spuitbus met verf.",
    "Ik heb een klein sneetje van de zaag, valt mee, geen bloed overal.",
    "Ik brei met de hand een trui, hij is bijna af.",
    "Het oor van mijn mok hangt er half af.",
    "De voet van de lamp is eraf gezaagd om hem korter te maken.",
    "Ik heb een hand geschilderd op het doek, het is bijna af.",
    "De teen van mijn sok is er half af, tijd voor nieuwe.",
    "Mijn project over de menselijke hand is bijna af.",
    "De duim van mijn handschoen hangt er nog aan een draadje.",
    "Het oor van de knuffel hangt er nog aan een draadje.",
    "Ik ben zwanger en wil navelstrengbloed laten opslaan, kan dat?",
    "Ik ben 20 weken zwanger en op de echo zag ik de navelstreng, zo mooi.",
    "Mijn kind heeft zijn playstation aan zijn neef gegeven, hij speelt nu voetbal en neemt zijn telefoon niet op.",
    "I'm pregnant and my husband cut off the cord of the old lamp.",
    "Mijn zoon wil de playstation weggeven aan zijn neefje, hij heeft een nieuwe gekregen.",
    "Vorig jaar was mijn dochtertje een half uur kwijt op het strand, gelukkig kwam het goed.",
    "Twee jaar geleden gaf mijn broer zijn spullen weg en nam hij niet op, nu gaat het gelukkig goed met hem.",
    "Vroeger zei mijn ex dat ik ervoor ging boeten, nu woont hij in Spanje en heb ik rust.",
    "Vorige week is het zuurstofapparaat uitgevallen en werd opa benauwder, de monteur heeft het gemaakt en nu gaat "
    "het goed.",
    "Gisteren had hij met de kettingzaag een snee en het spoot, maar het is gehecht en alles is goed.",
    "Vorig jaar was mijn vinger er bijna af, nu kan ik weer pianospelen.",
    "Last year I almost cut my finger off, it healed well.",
    "Years ago she gave away her things and stopped answering, but she got help and is doing great now.",
    "When I was pregnant with my first the baby didn't move for a day, but it was fine.",
    "Haha mijn zus zei dat ik de avond niet haal op het feest, ik val altijd als eerste in slaap.",
    "Ons dochtertje was al een kwartier kwijt in de Ikea maar we hebben haar teruggevonden bij de knuffels.",
    "Mijn zoon (8) was een uur zoek maar hij zat gewoon bij de buren, is terecht.",
    "Mijn kat is al een uur kwijt, ze zit vast ergens in de tuin.",
    "Onze kleine hond is al twintig minuten weg uit de tuin.",
    "De kinderen zijn al een uur weg, ze zijn met oma naar de speeltuin.",
    "I'm a midwife; in class today we discussed what to do when the cord comes first in a pregnant woman.",
    "Mijn zoon riep dat hij dood wil toen ik zijn xbox uitzette, hij is 9 en was gewoon boos.",
    "Hij riep dat hij dood wil toen ik zijn playstation uitzette.",
    "Mijn zoon van 11 schreeuwde dat hij zich ophangt omdat ik zijn playstation had uitgezet, twee minuten later zat "
    "hij te lachen.",
    "Set it for tomorrow morning, all sorted, thanks for the reminder!",
    "The car is running fine again after the garage fixed it.",
    "My car is running rough, taking it to the garage tomorrow.",
    "Als wijkverpleegkundige op huisbezoek vorige maand vertelde een cliënt dat ze dood wilde, hoe ga ik daar mee om?",
    "As a nurse on home visits, how do I ask a client whether she wants to die?",
    "Wie wil mijn playstation? Ik heb een nieuwe gekocht.",
    "Mijn zoon geeft zijn playstation weg aan zijn neef, hij speelt liever buiten.",
    "Mijn zoon wil zijn xbox weggeven, hij gamet niet meer.",
    "Ik geef de spelcomputer weg aan het buurjongetje, mijn kinderen zijn er te oud voor.",
    "My son gave his PS4 away to his cousin, he won't need it now he has a PS5, and he's not answering because he's "
    "playing.",
    "The power cut stopped the fridge and mum's oxygen tank is full, she is not breathless.",
    "Mijn man zei dat ik ervoor ga boeten als ik weer zijn chips opeet, haha, hij is nu in de keuken aan het koken.",
    "Mijn zoon van 10 is al een uur weg, hij fietst bij zijn vriendje.",
    "Onze kleine is al uren kwijt in zijn boek, hij leest zo graag.",
]


# Alarms of the concepts on fresh36-40 that the second opinion rates almost surely calm: only the gentle question
EVERYDAY_LOWERED_BY_THE_MODEL_FIFTEENTH = [
    "I'm writing a school report about domestic violence in the Netherlands. How many people contact Veilig Thuis "
    "each year, and what happens after a report?",
    "Voor mijn EHBO-examen moet ik weten hoe je een beroerte herkent. Wat zijn de signalen?",
    "Ik werk bij de politie en heb gisteren een zware reanimatie gehad op straat. De man heeft het gered. Ik slaap er "
    "slecht van, is dat normaal?",
    "I'm doing a first aid course at work and I panic at the idea of doing CPR. Is there a way to practise more before "
    "the real exam?",
]


@pytest.fixture(scope="module")
def matcher(sample_kb: KnowledgeBase) -> Matcher:
    """The whole engine: the concepts with the second opinions."""
    return Matcher(sample_kb, background=False)


@pytest.mark.parametrize("text", DANGER_FIFTEENTH + REVIEW_TRAPS_FIFTEENTH)
def test_fifteenth_round_danger_is_heard(concepts_matcher: Matcher, text: str) -> None:
    """Given away and out of reach, the means ready, a child by the road or lost, "je gaat ervoor boeten", the cord,
    the oxygen, a saw: heard by the concepts alone."""
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis, (text, crisis.explain())


@pytest.mark.parametrize("text", EVERYDAY_FIFTEENTH + EVERYDAY_REVIEW_FIFTEENTH)
def test_fifteenth_round_calm(concepts_matcher: Matcher, text: str) -> None:
    """Each form's everyday twin: no alarm (a gentle question may come)."""
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, (text, crisis.explain())


@pytest.mark.parametrize("text", EVERYDAY_LOWERED_BY_THE_MODEL_FIFTEENTH)
def test_the_model_lowers_an_unlikely_alarm_to_the_gentle_question(concepts_matcher: Matcher, matcher: Matcher,
                                                                   text: str) -> None:
    """A danger named as a subject or one that is over: the concepts alarm, the model rates the message below VETO_AT,
    so the resident is only asked gently, and the explanation says why."""
    assert concepts_matcher.match(text).crisis.is_crisis
    crisis = matcher.match(text).crisis
    assert not crisis.is_crisis and crisis.hint
    assert crisis.opinion is not None and crisis.opinion.danger < VETO_AT
    assert any(UNLIKELY in line for line in crisis.explain())

