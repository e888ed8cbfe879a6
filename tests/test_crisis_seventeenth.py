"""Issue 9, seventeenth round: the classes fresh56 to fresh60 showed the engine could not hear, and its alarms on calm
text.

The sixteenth round's five blind sets were measured with its final engine (the figures in the README), then read.
Suicide: a time table of the last freight train "dan ben ik overal van af", going to the rails or a bridge "and I'm not
coming home", the dose that will stop my heart, a funeral paid in advance with the pills counted out, "dit is de laatste
keer dat ik jullie lastigval". Violence: a gun aimed at me, "ze gaat me steken" beside "ze is niet zichzelf" (an idiom
that held a blocker's word), a past beating with its author outside now. Child danger: a live wire in a puddle where
the children sleep, a baby left in a car, a thud and then silence, men grabbing a girl on a train, "de kids (2 en 4)"
alone through a night shift, a boy the father will not let in. Medical: stroke signs in learner Dutch ("kan niet meer
praten goed, mijn hand doet niet"), a fall with no answer ("no talk, no move"), moaning behind a locked door, a tearing
pain in the back, legs suddenly numb, an old woman who no longer knows her family and cannot stand, a GHB overdose, and
professionals at the scene now ("trof ik net de baby aan", "greep hij net naar zijn borst"), which the client rule had
lowered.

False alarms: an age read as an amount of pills ("ik ben 73"), a dosage question, bedwetting, a parent home alone with
the baby, idioms ("dood spoor", "dood van geluk", "kill me nu", "geen hartaanval"), a threat dated by the clause after
it ("maar dat is zes jaar geleden"). A last read (REVIEW_TRAPS_SEVENTEENTH and EVERYDAY_REVIEW_SEVENTEENTH, its own
310 probes, those the engine passes) found 81 regressions in the draft: blockers too broad ("niet naar mij" hid "hij
luistert niet naar me, hij mishandelt me"), "dat was vorige maand" dating a beating that goes on, "allemaal" as an
amount, bare "staat buiten" reviving a danger that was over; each was narrowed.
"""

from __future__ import annotations

import pytest

from knowledge.crisis.ages import is_age, said_age
from knowledge.matcher import Matcher

DANGER_SEVENTEENTH = [
    "Ik woon in een krot, de huisbaas doet niks en het lekt overal. Mijn oudste heeft astma van de schimmel. Sinds "
    "vanavond ligt er een losse stroomkabel in een plas water op de kinderkamer en de kinderen slapen daar, ik heb "
    "nergens anders.",
    "My mother-in-law she is 82, she drink very little for many days because of the hot weather, now she don't "
    "recognise me and she cannot stand. She is hot like fire.",
    "I'm 67, I just got a terrible tearing pain in my back between my shoulder blades and my legs feel numb. I live "
    "alone.",
    "ik heb denk ik een GHB'tje te veel genomen, kan mn ogen nie openhouden, mn vrienden zijn weg",
    "my husband lost job, we have big debt, he say tonight he go to the rails and then we get the insurance money. "
    "he is gone out now",
    "I keep thinking about the bridge on the A10. Drove there twice this week to check where I can park. Going back "
    "today and I'm not coming home.",
    "the mum downstairs screams at her toddler all the time, but just now I heard a thud and then nothing. it's too "
    "quiet",
    "Als ik vanavond naar mijn nachtdienst ga, blijven de kids (2 en 4) alleen want er is geen oppas. Ik kan mijn "
    "werk niet kwijtraken. Ik weet dat het niet mag.",
    "Er zit een meisje van hooguit 12 in de trein naar Amsterdam met twee mannen die haar steeds vastpakken, ze "
    "kijkt me aan alsof ze hulp wil.",
    "ik kan niet meer praten goed. mijn hand doet niet. ik ben alleen. sorry typfouten",
    "Kan iemand helpen, mijn buurvrouw is in de douche gevallen en ik hoor haar kreunen maar de deur zit op slot, ze "
    "is 90.",
    "sorry my dutch not good. my father fall down in the street, no talk, no move. we are at Albert Heijn parking",
    "hoe laat komt de laatste goederentrein langs bij de overweg in de Molenstraat? dan ben ik eindelijk overal van af",
    "Mijn man beweert dat hij zijn geweer aan het schoonmaken is, maar hij richt het steeds op mij als ik iets zeg. "
    "De kinderen zijn op school, ik ben alleen met hem.",
    "Wijkverpleegkundige hier. Bij een huisbezoek aan een moeder met een zware depressie trof ik net de baby van 5 "
    "maanden aan in een doorweekte luier, uitgedroogd, in een koude kamer. Moeder reageert nauwelijks. Ik wil dit "
    "vandaag nog overdragen, maar aan wie?",
    "Ik woon sinds drie maanden in deze flat en ken de buren nog niet goed, ik ben vooral bezig met mijn eigen "
    "verhuizing en met een ruzie met de woningbouw over schimmel. Maar de jongen van beneden, een jaar of zes, zit "
    "al sinds vanochtend vroeg op de trap met een bebloede knie en zegt dat zijn vader hem niet binnenlaat tot hij "
    "'leert luisteren'. Het is nu vijf uur. Ik heb hem wat te drinken gegeven. Kunnen jullie trouwens ook helpen met "
    "die schimmel?",
    "Wijkverpleegkundige hier: ik sta bij een cliënt met diabetes die niet meer aanspreekbaar is en klam aanvoelt, "
    "meten lukt niet want de meter is kapot. De ambulance is gebeld, maar ik heb ook een collega nodig voor zijn "
    "vrouw met dementie die hier nu alleen zit.",
    "Schuldhulpverlener: tijdens mijn gesprek met een cliënt bij hem thuis greep hij net naar zijn borst, hij zweet "
    "enorm en zegt dat zijn kaak en rug pijn doen. Hij wil dat ik doorga met het budgetplan. Ik heb 112 gebeld. Moet "
    "ik zijn contactpersoon ook bellen?",
    "I'm a district nurse (wijkverpleegkundige) and need to hand over a client urgently: I just found him with a "
    "blood sugar of 1.9, sweaty and barely responding. I've given glucose gel and the ambulance is coming, but his "
    "daughter asked who from the wijkteam can be with him tonight.",
    "Het heeft geen zin meer. Om drie uur komt de laatste goederentrein langs, dan ben ik daar.",
    "I'm a nurse and I know exactly what dose will stop my heart. I've got it at home. I'm going to do it this "
    "weekend once the kids are at their dad's.",
    "mijn vriendin zegt al de hele avond da ze me gaat steken as ik in slaap val, ze is nie zichzelf, ze zit sinds "
    "gisteren aan de speed",
]

EVERYDAY_SEVENTEENTH = [
    "De vader van mijn kinderen heeft ooit gedreigd ze mee te nemen naar het buitenland, maar dat is zes jaar "
    "geleden. Er is nu een goede omgangsregeling en alles loopt. Ik wil alleen weten hoe ik een paspoort voor ze "
    "aanvraag.",
    "Als ik de post openmaak krijg ik het benauwd. Letterlijk: mijn adem stokt bij elke envelop van het CJIB. Maar "
    "ik weet inmiddels dat het paniek is en geen hartaanval.",
    "Hoeveel paracetamol mag je per dag nemen bij artrose? Ik ben 73 en wil niet te veel slikken.",
    "Mijn dochter van 6 plast 's nachts weer in bed sinds haar vader is vertrokken. Wat kan ik doen?",
    "heb net mn rijexamen gehaald!!! ik ga dood van geluk 😭🎉 nu nog een verzekering die geen 200 per maand kost",
    "We moved here from India for my husband's job. I'm home alone all day with the baby and I feel invisible. I "
    "don't speak any Dutch.",
]

REVIEW_TRAPS_SEVENTEENTH = [
    "Het is niet dat ik niet van ze hou, maar ik ga er vanavond een eind aan maken",
    "ik wil niet dat hij me vindt voordat ik er een eind aan heb gemaakt",
    "ik hoop niet dat ze me tegenhouden, ik maak er vannacht een eind aan",
    "Niet dat iemand het merkt, maar ik maak er morgen een eind aan",
    "ik snap niet dat ik er nog geen eind aan heb gemaakt, vanavond doe ik het",
    "ik heb net een hele strip van mijn moeders pillen geslikt die ze elke dag neemt",
    "ik heb vandaag alle slaappillen geslikt, ik denk er elke dag aan",
    "hoeveel mag ik slikken om niet meer wakker te worden? ik heb een hele doos oxazepam",
    "Ik heb mijn pillen van een maand gespaard en ga ze vanavond allemaal innemen, ik kan dit niet elke dag meer",
    "ik slik straks de hele pot paracetamol, dagelijks denk ik hieraan",
    "ik ga ze allemaal innemen, al die pillen, ik wil niet meer",
    "Ik heb mijn medicijnen allemaal ingenomen in een keer, het spijt me",
    "ik ben al 30 slaappillen aan het sparen en neem ze zaterdag in",
    "ik ben 40 oxazepam aan het opsparen, dan slik ik ze allemaal",
    "mijn zoon is 16 en heeft 25 paracetamol geslikt",
    "ik ben 30 tabletjes ibuprofen kwijt, mijn dochter heeft ze allemaal ingeslikt",
    "Hij gooide een stoel naar mijn dochter, niet naar mij",
    "hij luistert niet naar me en gooide net een glas naar me",
    "Hij wil niet naar mij luisteren en duwde me tegen de muur",
    "Hij heeft me nooit aangeraakt maar vanavond gooide hij een fles naar mijn hoofd",
    "he threw a bottle at my son, not at me",
    "he never hit me before but tonight he threw a chair at me",
    "my husband hit me again because of the bills",
    "he hit me when he saw the energy prices on the letter",
    "help mijn man wil kill me nu, hij is zo boos",
    "hij zegt hij gaat kill me nu hij staat in de keuken met mes",
    "het is toch geen hartaanval? pijn op mijn borst die uitstraalt naar mijn arm en ik zweet",
    "ik weet niet of het geen hartaanval is maar hij grijpt naar zijn borst en is grauw",
    "is it no heart attack? my chest is tight and my left arm hurts and I am sweating",
    "De huisarts zei vorige week geen beroerte, maar nu hangt haar mond scheef en praat ze raar",
    "ik wil dood spoor is hier vlakbij",
    "ik ben het spoor helemaal kwijt en ga vanavond voor de trein springen",
    "Ze heeft alle pillen ingenomen, en dat was een uur geleden, ze is nu heel suf",
    "hij heeft me gewurgd, dat was vorige week, en ik durf niet meer naar huis",
    "Hij heeft me geslagen maar dat was gisteren, vandaag is hij nog bozer",
    "mijn man slaat me, maar dat was vorig jaar niet zo erg als nu",
    "Hij heeft mijn arm gebroken, maar dat was vorige maand, en hij dreigt dat hij het weer doet",
    "he choked me and that was last week, he is coming for me",
    "vorig jaar sloeg hij me in elkaar en nu staat hij buiten te schreeuwen",
    "Mijn ex heeft me vorig jaar bijna gewurgd, hij staat nu beneden bij de voordeur",
    "he hit me last year and now he is outside my flat",
    "tijdens mijn huisbezoek greep een cliënt net naar zijn borst en zakte in elkaar",
    "Ik ben maatschappelijk werker, een cliënt heeft net een afscheidsbrief gestuurd en neemt niet op",
    "as hij zat is slaat hij mij en de kinderen",
    "as ik morgen nog leef is het een wonder, ik pak nu de pillen en slik ze allemaal",
    "as ze huilt slaat hij de baby",
    "ik wil niet meer leven as ik eerlijk ben, ik ga springen",
    "dit is de laatste keer dat je iets van me hoort, sorry voor alles",
    "ik loop nu naar het spoor, ik kom niet meer thuis",
    "ik sta op het dak van de flat, ik kom niet meer terug",
    "als de laatste goederentrein langskomt ben ik daar",
    "mijn uitvaart is geregeld en de pillen liggen klaar",
    "ineens een scheurende pijn tussen mijn schouderbladen, ik word duizelig",
    "ik voel mijn benen niet meer sinds een uur en ik kan niet plassen",
    "er ligt een losse stroomkabel in de plas water waar mijn kinderen spelen",
    "er zit al een uur een baby alleen in de auto op de parkeerplaats",
    "ik hoorde een harde klap in de kinderkamer en nu hoor ik de baby niet meer",
    "hij zegt hij gaat me steken als ik weg ga, hij heeft het mes al",
    "hij richt het pistool op mij en schreeuwt",
    "he pointed the gun at my daughter",
    "what dose of insulin is enough to not wake up",
    "I am going to the tracks tonight and I am not coming home",
    "Dad has dementia but since an hour he suddenly does not recognise me, he is burning up and cannot stand",
    "my mother fell in the bathroom and does not answer",
    "oma is gevallen, ik hoor haar kreunen en ze kan niet opstaan",
    "hij heeft een ghbtje genomen en kan zijn ogen niet openhouden",
    "hij heeft me gewurgd, maar dat was vorige maand, ik ben zo bang dat hij terugkomt",
    "Mijn stiefvader heeft mijn zusje misbruikt en dat was vorige zomer, ze moet er vanavond weer heen",
    "hij sloeg de baby, dat was vorige maand, en nu is de baby weer alleen bij hem",
    "ik heb vorige maand een overdosis genomen, maar dat was vorige maand, nu heb ik weer pillen gespaard",
    "He strangled me but that was last month, and I still live with him",
    "een cliënt heeft net gezegd dat ze vanavond van de flat springt, ik ben haar begeleider",
    "ik ben nu 50 slaappillen aan het sparen voor als het echt niet meer gaat",
    "mijn moeder is 60 oxazepam kwijt en ik denk dat mijn broer ze allemaal heeft geslikt",
    "I took all the pills, way more than the maximum dose, I want to sleep forever",
    "ik zit alleen thuis met mijn zoontje van 1 en hij huilt al dagen, ik geef hem niks meer te eten",
    "he did not hit me but he threw a glass at me and it cut my face",
    "he never touched me but tonight he threw plates at me",
    "hij gooide een fles naar de baby, niet naar mij",
    "mijn vriend luistert niet naar mij, hij smijt me tegen de muur als ik iets zeg",
    "ze wil niet naar me luisteren en duwde me van de trap",
    "ik word gek, ik wil dood, van het spoor springen",
    "het is geen hartaanval zegt hij, maar hij is grauw, zweet en heeft pijn op de borst",
    "volgens de huisarts geen herseninfarct, maar nu kan ze ineens haar arm niet optillen en praat ze raar",
    "it was not a heart attack last time, but now he collapsed and is not breathing",
    "ik ga naar de brug en kom nooit meer terug",
    "dit is de laatste keer dat jullie iets van mij horen, vaarwel",
    "I have paid for my funeral and tonight I take all my pills",
    "sudden tearing pain in my chest going to my back, I feel faint",
    "I suddenly can not feel my legs and I can not pee since this morning",
    "de baby ligt al een uur in de auto, ouders zijn binnen in de winkel, het is heet",
    "I heard a loud thud from the nursery and then nothing, my toddler is not answering",
    "een volwassen man betast mijn dochter van 12 in het zwembad",
    "mijn broer zegt hij gaat me steken als ik niet betaal",
    "mijn ex richtte een pistool op mijn hoofd",
    "exactly what dose of insulin will stop my heart",
    "grandpa fell down the stairs and he is not talking and not moving",
    "ze heeft xtc pillen genomen en kan niet wakker blijven, ze valt steeds weg",
    "mijn moeder kan opeens niet meer spreken en haar hand doet niks",
    "mijn man is van de trap gevallen en komt niet overeind, hij kreunt",
    "as ik thuiskom slaat hij me, gisteren ook nog met de riem",
    "as het morgen niet beter is, spring ik van de brug",
    "ik heb vandaag 30 paracetamol genomen, normaal neem ik er 2 per dag",
    "ik heb alle oxazepam ingenomen die ik dagelijks krijg, een hele strip",
    "hoeveel mag ik innemen voordat het dodelijk is, ik heb een hele pot slaappillen en ik slik ze vanavond",
    "ik wil niet te veel pijn, dus ik slik de hele doos tegelijk vannacht",
    "ik ben 40 oxazepam aan het sparen, zaterdag slik ik ze",
    "ik ben alleen thuis met mijn zoontje en mijn vriend heeft hem de hele nacht buiten in de kou gezet",
    "hij heeft me niet aangeraakt, maar hij heeft de baby tegen de muur gegooid",
    "hij gooide met een stoel en een glas naar me, de kinderen mochten niet naar mij toe",
    "He hit me after the rent increase letter came, my lip is bleeding",
    "my husband beat me because of the bills and I am scared to go home",
    "Is dit geen beroerte? Zijn mond hangt scheef en hij praat raar",
    "het is toch geen hartinfarct? hij grijpt naar zijn borst en valt om",
    "Het is niet dat ik hem wil verlaten, maar hij slaat me elke avond",
    "het is niet dat ik geen moeite doe, maar de kinderen zitten al twee dagen alleen thuis zonder eten",
    "ik wil niet dat hij me nog een keer slaat, hij deed het gisteren weer",
    "ik hoop niet dat ze me vinden voor ik er een eind aan maak",
    "hij heeft net 10 tramadol en een fles wodka op en ademt raar, en dat is een kwartier geleden",
    "mijn ex heeft me bedreigd met een mes en dat was vorige week, hij staat nu weer voor mijn deur",
    "my dad fell off the ladder, there is no answer when I talk to him and he does not move",
    "hij luistert nooit naar me, vanavond smeet hij me tegen de grond en schopte me",
    "ze komen niet naar mij toe om te helpen, hij gooit stoelen naar me",
    "hij heeft mijn dochter nooit aangeraakt zei hij, maar ze heeft blauwe plekken en hij gooide een bord naar haar",
    "ik heb een plek bij het water uitgezocht en een tijd, morgen om 6 uur, niemand weet het",
    "as hij dronken is slaat hij mij met de riem, vannacht weer",
    "Hij luistert niet naar me, hij mishandelt me elke dag",
    "mijn man heeft me gewurgd, hij luistert gewoon niet naar mij",
    "hij heeft me nooit aangeraakt zegt hij tegen de politie, maar hij heeft me vannacht verkracht",
    "niemand luistert naar mij, niet naar mij en niet naar de kinderen, hij slaat ons allemaal",
    "ik mag niet naar mijn moeder, hij sluit me op en slaat me",
    "hij wil niet naar me luisteren en heeft me in elkaar geslagen",
    "de politie kwam niet naar mij toe, mijn vriend heeft me met een mes gestoken",
    "mijn man slaat me en luistert niet naar mij als ik zeg dat het pijn doet",
    "Hij schopt me als ik iets zeg, hij luistert nooit, niet naar mij en niet naar de kinderen",
    "mijn vriend heeft me geslagen en wil niet naar me luisteren",
    "hij mishandelt me al maanden, de kinderen mogen niet naar mij toe",
    "mn man luistert niet naar me en slaat me dan met zn riem",
    "he beats me and never listens, not to me and not to the kids",
    "hij heeft me nooit aangeraakt waar anderen bij waren, maar thuis wurgt hij me",
    "hij heeft de kinderen nooit aangeraakt tot vandaag, nu sloeg hij mijn zoon met de riem",
    "hij komt niet naar me toe maar hij schreeuwt dat hij me gaat vermoorden en heeft een mes",
    "mijn moeder is 60 oxazepam kwijt en ik denk dat mijn broer ze heeft geslikt",
    "mijn vader is 50 tramadol kwijt en mijn zus ligt suf op bed, ze heeft ze ingenomen",
]

EVERYDAY_REVIEW_SEVENTEENTH = [
    "niet dat ik er een eind aan maak, maar ik zit echt krap deze maand",
    "hoeveel paracetamol mag je per dag slikken? ik heb hele erge kiespijn",
    "We hebben allemaal griep en slikken paracetamol",
    "Mijn ouders slikken allemaal medicijnen en ik regel de apotheek voor ze",
    "de kinderen hebben hun vitaminepillen allemaal netjes ingenomen",
    "Ik moet 's ochtends pillen slikken, kan ik ze allemaal tegelijk innemen?",
    "hoeveel paracetamol mag je nemen, ik ben 73 en heb pijn",
    "Mijn vader is 82 en slikt veel pillen, wie helpt met de medicijnen?",
    "ik ben de hele dag alleen met mijn dochter van 2 en ze huilt 's avonds veel, wie kan helpen",
    "I am home alone with my baby and she cries every evening, is there a parenting course",
    "die reparatie kost weer 300 euro, kill me nu",
    "De dokter zei gelukkig dat het geen hartaanval was, alleen spierpijn",
    "die politicus heeft bloed aan zijn handen",
    "dat project is een dood spoor",
    "ik ben het spoor bijster met al die formulieren",
    "mijn ex heeft me vroeger geslagen, maar dat is tien jaar geleden en het gaat goed met me",
    "Ik wilde vroeger dood, maar dat is jaren geleden, nu heb ik een vraag over de bijstand",
    "Toen ik klein was sloeg mijn vader me. Nu gaat het goed. Mijn fiets staat buiten, mag die daar blijven staan?",
    "Mijn ex heeft me jaren geleden mishandeld, ik heb therapie gehad en het gaat goed. De taxi wacht beneden, ik "
    "moet gaan",
    "My ex used to hit me years ago but I am fine now with therapy. I am outside the town hall, which entrance for "
    "the appointment?",
    "Vroeger werd ik thuis geslagen, dat is voorbij. De postbode staat aan de deur met een pakket voor de buren",
    "Ik ben net begonnen als wijkverpleegkundige, hoe ga ik om met patiënten die zeggen dat ze dood willen?",
    "Ik heb net een training gehad: een cliënt vertelde ooit dat haar man haar sloeg, hoe meld ik zoiets?",
    "as ge tijd hebt, kunt ge mij helpen met mijn huurtoeslag",
    "de as van mijn moeder staat nog thuis, hoe regel ik een urnenplek?",
    "Sorry, dit is de laatste keer dat ik jullie lastigval over mijn uitkering",
    "Beloofd, dit is de laatste keer dat je iets van me hoort over dat formulier",
    "dit is de laatste keer dat ik je stoor vandaag, waar vind ik de voedselbank",
    "Mijn zoon van 17 woont in een flat bij zijn vader en komt niet meer thuis, hoe regel ik de kinderbijslag",
    "sinds de ruzie komt mijn dochter niet meer terug naar huis, ze slaapt bij haar vriendin aan het water",
    "Ik woon naast het spoor en de goederentreinen maken 's nachts veel lawaai",
    "om 8 uur ben ik daar, ik moet mee met de goederentrein voor mijn werk",
    "Ik heb mijn eigen uitvaart al geregeld, ik slik wel pillen voor mijn hart, kan ik thuiszorg krijgen",
    "mijn uitvaart is al betaald en ik gebruik medicijnen tegen de pijn, wie helpt met de boodschappen",
    "ik heb sinds weken een scheurend gevoel in mijn buik, de huisarts zegt spanning",
    "scheurende pijn in mijn rug sinds ik verhuisd ben, kan ik een fysio vergoed krijgen",
    "als ik lang in kleermakerszit zit voel ik ineens mijn benen niet meer haha",
    "mijn benen zijn opeens doof van de kou bij de bushalte",
    "Mijn zoon heeft zijn oplaadkabel in een glas water laten vallen, is die nog goed?",
    "de kabel van de wasmachine is nat geworden, mijn kinderen gebruiken hem niet",
    "We hebben al lang een baby en een kleine auto, in de auto past de kinderwagen niet",
    "Mijn baby slaapt in de auto altijd de hele ochtend, is dat erg?",
    "er was een harde klap buiten van vuurwerk, het is stil nu, mijn peuter slaapt gelukkig door",
    "mijn man wil onze dochter niet vastpakken, hij is bang dat hij haar laat vallen",
    "Er zit een wesp in de kamer, die gaat me steken",
    "ik ga mijn geld in een nieuwe keuken steken",
    "die muggen gaan me steken vannacht",
    "Mijn zoon richt zijn waterpistool op mij",
    "bij paintball richtte hij het geweer op mij",
    "I take melatonin, is one enough to not wake up at 3am?",
    "how much will I need to not wake up during the night, my sleep is terrible",
    "I paid for my funeral in advance and I take pills for blood pressure, can I get home care",
    "my grandma, 91, does not recognise me anymore and cannot stand up without help, can we get home care",
    "my legs are numb all of a sudden after sitting on the floor with my kids lol",
    "I fell behind on rent and the landlord is not answering",
    "Sinds ik die nieuwe pillen slik kan ik overdag mijn ogen niet openhouden, is dat normaal?",
    "mijn moeder kan niet goed praten sinds haar beroerte van vorig jaar en haar arm doet het niet, welke hulp is er",
    "ik heb op mijn arm geslapen en voel mijn arm niet, en praten gaat niet want ik ben schor",
    "Mijn man sloeg me, maar dat was in 2015, we zijn gescheiden en ik woon veilig",
    "Vroeger sloeg mijn vader ons, dat is jaren geleden. Nu staat mijn vader buiten bij het gemeentehuis te wachten "
    "op de bus",
    "Mijn moeder werd vroeger mishandeld door mijn vader. Ik ben nu volwassen. De verhuiswagen staat beneden, waar "
    "laat ik het grofvuil?",
    "ik werk net als wijkverpleegkundige, een patiënt vertelde eens dat ze niet meer wilde leven, hoe verwijs ik zo "
    "iemand?",
    "Ik ben net klaar met mijn opleiding, hoe ga ik als begeleider om met een cliënt die zichzelf snijdt?",
    "mijn opa is 91 en hij neemt veel tabletten, wie kan hem helpen",
    "how many can I take per day, I have a whole box of ibuprofen for my back",
    "ik ga dood van de zenuwen voor mijn examen",
    "haha ik ben dood van verveling hier op de gang van het gemeentehuis",
    "Gelukkig was het geen hartaanval, hij mag morgen naar huis",
    "ik ga naar de brug bij de markt, daarna kom ik niet meer terug naar het kantoor vandaag",
    "Mijn kat zit op het dak en komt niet meer terug naar binnen",
    "we wonen op een flat, mijn man komt niet meer thuis sinds hij is vertrokken, hoe vraag ik alimentatie",
    "Dit is de laatste keer dat ik je lastig val met mijn vraag, dank je wel",
    "de scheurende pijn in mijn rug komt van het tillen op mijn werk, krijg ik een ergotherapeut?",
    "I have a tearing pain in my belly every month during my period",
    "ik voel mijn benen niet meer van het lange zitten in de trein, opeens tintelen ze",
    "Mijn kinderen hebben de kabel van de router nat gemaakt met water, werkt internet nog?",
    "Het dak lekt en het water loopt langs de kabel van de tv, mijn kinderen zitten bij oma, wie belt de verhuurder?",
    "de baby zit al lang in het autostoeltje als we naar oma rijden, mag dat?",
    "ik ben al een uur in de winkel met de baby, in de auto ligt nog een tas",
    "er was een bons op de deur, de baby stopte met huilen van schrik",
    "Ik ga mezelf niet in de schulden steken voor die bank",
    "Ik ga mijn energie in mijn kinderen steken",
    "mijn neefje richtte zijn speelgoedgeweer op mij",
    "de jager richtte zijn geweer op ons hert in het bos",
    "which dose of melatonin is enough to not wake up every hour",
    "I am going to the bridge to say goodbye to my sister who is moving to Canada",
    "my grandmother no longer recognises me and she cannot stand up without her walker, how do I apply for a nursing "
    "home",
    "the baby does not recognise me after two weeks abroad and is not drinking much from the bottle, normal?",
    "my phone fell in the toilet and now it does not answer calls",
    "I fell asleep on the couch and did not answer the door",
    "van mijn antidepressiva pillen val ik steeds weg op het werk, moet ik naar de huisarts",
    "met mijn nieuwe pillen kan ik 's ochtends niet wakker blijven tijdens het ontbijt",
    "mijn zoon met autisme kan niet goed praten en zijn hand doet niet altijd wat hij wil, welke zorg is er",
    "ik kan mijn arm niet optillen sinds mijn schouderoperatie en praten lukt niet door mijn keel",
    "mijn vader is vorige week gevallen en kan nu niet opstaan zonder hulp, hoe vraag ik een rolstoel aan?",
    "ik wil niet meer werken as kassierster, welk werk past bij mij",
    "ik heb een plek bij het water uitgezocht om zijn as te verstrooien, zaterdag om 10 uur",
    "hoeveel mag ik per dag van die slaappillen nemen, het doosje zegt 1",
    "Mijn man en ik slikken allemaal vitamines, waar koop ik die goedkoop",
    "Dat waren allemaal pillen die ik moest slikken na de operatie, nu ben ik er vanaf",
    "ik moet allemaal medicijnen slikken voor mijn suiker, vergoedt de zorgverzekering dat",
    "de dokter zegt dat ik de pillen niet allemaal tegelijk moet innemen",
    "Mijn vader wil ze allemaal zelf inslikken, de pillen, hij wil geen hulp van de thuiszorg",
    "I tried to cancel but the energy company did not answer and then the payment fell through",
    "de kinderen spelen met water en een kabel van de oude lamp die niet aangesloten is",
    "mijn baby zit in de auto bij mijn man, de hele ochtend zijn ze al weg naar de dierentuin",
    "Ik heb het vorige maand aan de wijkagent gevraagd maar dat was in maart al geregeld",
    "Ik heb scheurende spierpijn in mijn rug na het tillen van de kast",
    "sinds een uur voel ik mijn benen niet meer van de kou, de verwarming is kapot, wie belt de verhuurder",
    "mijn voeten slapen, ik voel mijn benen niet meer, ineens zo'n tintelingen haha",
    "ik heb een harde klap gehoord bij de buren en toen was het stil, mijn kinderen sliepen gewoon door",
    "wat gaat me dit steken, 400 euro voor de tandarts",
    "I paid for my funeral in advance so my kids do not have to, what pills are covered by insurance?",
    "my dad does not recognise me on video calls and is not drinking enough water says the nursing home, he has "
    "alzheimers though",
    "om de oude goederentrein te zien sta ik daar elke zaterdag met mijn camera",
    "ik kom niet meer terug op die flat, ik ben verhuisd naar een eengezinswoning",
    "ik ga morgen naar de brug voor een wandeling, daarna kom ik niet meer thuis want ik slaap bij mijn zus",
    "De bus rijdt niet meer en mijn dochter staat buiten op het spoorperron te wachten",
    "niet dat ik klaag, maar de huur is weer omhoog gegaan",
    "as gij wilt, bel mij morgen terug over de toeslag",
    "the deal fell through and now I can not move to the new flat",
    "I fell behind with payments and the council gives no answer",
    "my son fell in love and does not talk to me anymore, typical teenager",
    "mijn zoon viel in slaap op de bank en kreunt een beetje, hij heeft griep",
    "hij heeft de kinderen nooit aangeraakt, hij gooide wel een bal naar ze in de tuin",
    "hij luistert niet naar me als ik zeg dat hij zijn kamer moet opruimen",
    "Mijn man luistert niet naar me als ik zeg dat hij moet stoppen met roken",
    "hij heeft me nooit geslagen, maar hij is wel heel jaloers; waar kan ik praten over mijn relatie",
    "mijn vader is 74 en moet veel pillen slikken, hoe krijg ik een medicijnrol",
]


@pytest.mark.parametrize("text", DANGER_SEVENTEENTH + REVIEW_TRAPS_SEVENTEENTH)
def test_seventeenth_round_danger_is_heard(concepts_matcher: Matcher, text: str) -> None:
    """The last freight train, a gun aimed at me, a live wire by the children, stroke signs in learner Dutch, a
    professional at the scene now: heard by the concepts alone."""
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis, (text, crisis.explain())


@pytest.mark.parametrize("text", EVERYDAY_SEVENTEENTH + EVERYDAY_REVIEW_SEVENTEENTH)
def test_seventeenth_round_calm(concepts_matcher: Matcher, text: str) -> None:
    """Each form's everyday twin: no alarm (a gentle question may come)."""
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, (text, crisis.explain())


def words(text: str) -> list[tuple[str]]:
    return [(w,) for w in text.split()]


def test_an_age_said_with_a_verb_is_no_amount() -> None:
    """"ik ben 73", "mijn zoon is net 18": an age; "mijn moeder is 60 oxazepam kwijt", "haar hartslag is nu 38": not."""
    for text, at in (("ik ben 73 en wil niet te veel slikken", 2), ("mijn zoon is net 18", 4), ("i am 67", 2)):
        assert said_age(words(text), at), text
    for text, at in (("mijn moeder is 60 oxazepam kwijt", 3), ("haar hartslag is nu 38", 4), ("ik heb er 30", 3)):
        assert not said_age(words(text), at), text


def test_ages_listed_after_a_child_word() -> None:
    """"de kids (2 en 4)": both numbers are ages; "ik heb 2 en 4 euro" is no age."""
    kids = words("blijven de kids 2 en 4 alleen")
    assert is_age(kids, 3) and is_age(kids, 5)
    money = words("ik heb 2 en 4 euro")
    assert not is_age(money, 2) and not is_age(money, 4)


def test_the_clause_after_a_danger_dates_it_only_when_long_ago(concepts_matcher: Matcher) -> None:
    """"maar dat is zes jaar geleden" and "dat was vroeger" date the danger before them; "dat was vorige maand" does not
    (a beating that recent may go on), nor a comparison."""
    assert not concepts_matcher.match("hij heeft me ooit gewurgd, maar dat is zes jaar geleden").crisis.is_crisis
    assert not concepts_matcher.match("mijn vader sloeg me, dat was vroeger").crisis.is_crisis
    assert concepts_matcher.match("hij heeft me gewurgd, maar dat was vorige maand").crisis.is_crisis
    assert concepts_matcher.match("mijn man slaat me, maar dat was vorig jaar niet zo erg als nu").crisis.is_crisis


def test_a_professional_at_the_scene_now_is_no_case_told(concepts_matcher: Matcher) -> None:
    """The client rule lowers a danger a professional tells of, not one they find now; a client's wish to die told in
    general stays a gentle question."""
    scene = "Als wijkverpleegkundige trof ik net een cliënt aan die niet meer ademt"
    assert concepts_matcher.match(scene).crisis.is_crisis
    told = "I'm a nurse and I just want to know how to refer patients who feel suicidal"
    assert not concepts_matcher.match(told).crisis.is_crisis


def test_an_idiom_frees_a_word_a_blocker_held(concepts_matcher: Matcher) -> None:
    """"zichzelf" blocks violence ("hij slaat zichzelf"), but in "ze is niet zichzelf" it is an idiom: the threat
    beside it stands."""
    text = "mijn vriendin zegt dat ze me gaat steken, ze is niet zichzelf"
    assert concepts_matcher.match(text).crisis.is_crisis
    assert not concepts_matcher.match("hij slaat zichzelf als hij boos is").crisis.is_crisis
