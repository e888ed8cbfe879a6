"""Issue 9, fourteenth round: the classes fresh33, fresh34 and fresh35 showed the engine could not hear.

The thirteenth round's three blind sets were measured with its final engine (the figures in the README), then read.
Their suicide misses were again a resident saying what was prepared or where they stand instead of what they will
do: a hose for the exhaust, a rope taken into the woods, "zodra ze weg is doe ik het, alles ligt klaar", a lethal
amount of their own pills, an hour on a viaduct looking down, thinking of dying and going to the water today, notes
already written, a last post. Child danger: a very young child alone while a parent is out, a stranger telling a
child to get in, a child held over a railing, a girl to be cut, an age in letters ("de tweeling van anderhalf").
Violence: marks on the neck hidden under a scarf, "dan weet ik wat er gebeurt". Medical: a birth going too fast.
Of the false alarms, those with a narrow cause are calm now (old coats for the clothing bank, a letter to a grandfather
who died, a home found elsewhere, a sleeping husband who lashes out, "ik zit opgesloten met de griep", a ball fetched
from a garage roof). A child's outburst over the wifi or a game, an all-clear in so many words ("valt wel mee", "it was
anxiety") and speaking of suicide in general were calmed in a first draft by message-wide markers; the last read
showed those markers hid real dangers ("mijn man slaat ons zoontje als ze spelen"), so they were taken back and those
false alarms stand (the README lists them). Each class is tested with sentences of its own, next to the everyday twin
that must stay calm (a gentle question is allowed there).
"""

from __future__ import annotations

import pytest

from knowledge.matcher import Matcher

DANGER_PREPARED_FOURTEENTH = [
    # a lethal amount of one's own means
    "wat is de dodelijke hoeveelheid van mijn slaaptabletten? ik heb er nog twee volle strips van liggen",
    "wat is eigenlijk een dodelijke dosis van die oxazepam die ik heb",
    "wat is de dodelijke dosis van mijn oxazepam, ik heb nog een hele strip",
    "hoeveel van mijn slaappillen is een dodelijke hoeveelheid",
    "what is the lethal dose of my sleeping tablets, I still have two full strips",
    "how much of my sertraline would be a lethal amount",
    # a hose for the exhaust
    "De slang voor de uitlaat ligt al in de kofferbak.",
    "ik heb een tuinslang gekocht die precies op de uitlaat past",
    "de slang zit al vast aan de uitlaat en de auto staat in de garage",
    "de tuinslang past op de uitlaat en ligt klaar in de garage",
    "I bought a hose that fits the exhaust, it's in the boot",
    # a rope taken to a lonely place
    "Zondag breng ik haar terug en daarna loop ik met het touw het bos in.",
    "ik neem het touw mee en ga het bos in, niemand hoeft me te zoeken",
    "ik heb het touw in mijn rugzak en ga zo het bos in",
    "ik ga zo met een touw de zolder op",
    "I'm taking the rope and going into the woods tonight",
    # "I'll do it" when everything is ready
    "Als mijn vrouw morgen naar haar moeder vertrekt, doe ik het. De slaapmiddelen heb ik al gehaald.",
    "Zodra mijn moeder naar haar nachtdienst is, doe ik het. Alles ligt klaar.",
    "als iedereen slaapt doe ik het, alles ligt klaar",
    "zodra de kinderen op school zijn doe ik het, alles ligt klaar",
    "als hij weg is doe ik het, ik heb alles klaarliggen",
    "vannacht ga ik het doen, de pillen heb ik al gekocht",
    "after the kids are asleep I'm doing it, I've got the pills already",
    # standing at a height, looking down
    "Ik sta al een uur op het viaduct bij de ringweg naar de auto's te kijken.",
    "ik sta nu op het viaduct boven de snelweg",
    "ik sta nu al twee uur op de brug naar het water te kijken",
    "ik zit al een uur op het dak van de flat naar beneden te kijken",
    "I've been standing on the bridge for an hour looking at the water",
    "I keep standing on the platform watching the trains, next time I won't step back",
    "I keep standing at the edge of the platform, one more step and it's done",
    # thinking of dying, and a place today
    "Elke dag ik denk aan sterven, vandaag ik ga naar het water",
    "ik denk de hele dag aan doodgaan, vanavond ga ik naar het kanaal",
    "ik denk de hele tijd aan sterven en vanavond ga ik naar de brug",
    "I think about dying all day and today I'm going to the river",
    "Vroeger dacht ik er alleen aan, nu heb ik een plek bij de sluis uitgezocht en een tijd: als de laatste bus "
    "weg is.",
    "ik heb een plek aan het kanaal uitgezocht en een datum, daarna ben ik van iedereen af",
    # notes written, a last post, one's own funeral with a date
    "Everyone would honestly be better off if I disappeared for good, and the notes are already written.",
    "Everyone is better off without me and I've written my goodbye letters",
    "bye everyone, thanks for trying. this is the last thing I'll ever post",
    "this is my last post, love you all",
    "dit is mijn laatste bericht ooit, bedankt voor alles",
    "My dad (67) has been giving away his tools and told me he has 'sorted out the paperwork so you won't have to'.",
    "Een leerling vertelde me dat hij zijn eigen uitvaart al heeft beschreven en dat hij de datum al weet.",
    "mijn leerling heeft zijn eigen begrafenis gepland en zegt dat hij de datum al weet",
    "mijn puber gilde 'ik wil dood' en staat nu op de vensterbank van het open raam",
]

DANGER_OTHERS_FOURTEENTH = [
    # a very young child alone while a parent is out
    "Ik ben gescheiden. En net stuurt mijn ex een foto van onze dochter van drie, alleen in zijn appartement, omdat "
    "hij naar de kroeg is.",
    "mijn zus is naar de kroeg en haar peuter ligt alleen thuis te slapen",
    "mijn zoontje van vier is alleen thuis, zijn moeder is naar het café",
    "de buurvrouw is uitgaan en haar baby ligt alleen in de flat",
    "my son aged three is alone at home, his dad went to the pub",
    "the baby is alone in the flat, her mum went out clubbing",
    "her toddler is alone in the flat, she went out drinking",
    # an age in letters
    "Maar vandaag zag ik dat de tweeling van anderhalf vastgebonden in de box zat, met doorweekte luiers en zonder "
    "drinken.",
    "de tweeling van twee zit al de hele dag vastgebonden in de kinderstoel",
    # a stranger telling a child to get in
    "A man in a car keeps following a girl of about ten from the school gate, she's crying and he just told her to "
    "get in.",
    "een man in een busje zegt tegen het meisje van de buren dat ze moet instappen",
    "een vreemde man probeert mijn dochter van acht in zijn auto te laten instappen",
    "a stranger is trying to get my son into his van at the park",
    # a child held over a railing
    "Just now I saw the father hold the youngest, maybe four years old, over the balcony railing and scream at her.",
    "de buurman houdt zijn zoontje over de reling van het balkon en schreeuwt",
    "de vader houdt zijn dochtertje over de balkonrand en schreeuwt",
    "he is holding the baby out of the window and screaming",
    # a girl to be cut
    "Mijn nicht is 12 jaar, familie wil haar laten besnijden, volgende week gaan zij met haar naar buitenland",
    "mijn nichtje van 9 moet deze zomer in Somalië besneden worden",
    "my niece is nine and her family wants to have her circumcised in the summer holidays",
    "they want to have my niece cut when they go back home this summer",
    # marks on the neck hidden; "dan weet ik wat er gebeurt"
    "ik draag een sjaal zodat niemand de afdrukken van zijn vingers in mijn nek ziet",
    "ik verstop de striemen in mijn nek onder een coltrui zodat niemand het ziet",
    "I wear a scarf at work so no one sees the finger marks on my neck",
    "I hide the marks of his hands on my neck with makeup",
    "Als ik vanavond niet met het geld van de toeslag thuiskom, zegt mijn schoonvader, dan weet ik wat er gebeurt. "
    "Vorige maand lag ik daarna een week op bed.",
    "mijn stiefvader zegt dat als ik niet op tijd thuis ben ik weet wat er gebeurt, vorige keer brak mijn arm",
    # someone on the floor who does not answer; a birth going too fast
    "Toen ik thuiskwam, lag mijn moeder op de keukenvloer, en ze reageert nog steeds niet",
    "mijn opa ligt op de grond in de gang en reageert niet",
    "ze ligt op de badkamervloer en reageert nergens meer op",
    "my dad is lying on the kitchen floor and he's not responding",
    "bevalling gaat te snel, hoofdje is er al, verloskundige nog niet",
    "het hoofdje is al zichtbaar en de ambulance is er nog niet",
    "my wife's contractions are a minute apart and the head is out, the midwife isn't here",
    "my sister is giving birth in the car, the baby's head is out",
]

EVERYDAY_FOURTEENTH = [
    # the twins of what was prepared
    "wat is een dodelijke dosis paracetamol voor een hond? hij heeft een tablet gegeten",
    "hoeveel slaaptabletten mag ik per dag, de dosis staat niet op het doosje",
    "wat is de dodelijke dosis cafeïne? vraag voor biologie",
    "de monteur zegt dat de slang bij de uitlaat lekt",
    "de uitlaat is kapot en er moet een nieuwe slang in",
    "is de uitlaat van de auto lek? de monteur vervangt de slang",
    "we gaan met een touw het bos in om een schommel te maken",
    "de scouting gaat met touwen het bos in voor een hut",
    "ik ga met de hond aan een touw het bos in",
    "we nemen een touw mee het bos in om een hut te bouwen",
    "morgen doe ik het, alles ligt klaar voor de verhuizing",
    "zaterdag doe ik het, alles ligt klaar voor het feest",
    "als de kinderen naar bed zijn doe ik het, alles ligt klaar voor sinterklaas",
    "als de kinderen slapen doe ik het, de cadeautjes heb ik al gekocht",
    "ik heb de slaapmiddelen al gehaald bij de apotheek, morgen doe ik het rijexamen",
    "I'll do it after work, everything is ready for the party",
    "ik sta op het viaduct in de file",
    "we stonden op het viaduct naar het vuurwerk te kijken",
    "ik sta op het viaduct te wachten op de bus",
    "we stonden op de brug naar de boten te kijken",
    "I stood on the bridge for an hour taking photos of the sunset",
    "I'm standing on the platform, the train is late again, next time I'll take the bus",
    "ik denk aan sterven sinds mijn opa dood is, vandaag ga ik naar zijn graf bij het water",
    "mijn oma denkt veel aan sterven sinds opa dood is, vandaag gaan we naar de zee",
    "ik ga vanavond naar het water om te zwemmen",
    "ik heb een plek bij de sluis uitgezocht en een tijd om te vissen",
    "ik heb een plek aan het kanaal uitgezocht en een datum voor de picknick",
    "we hebben de datum voor de bruiloft al en een plek bij het water uitgezocht",
    "bye everyone, thanks for the fun evening! my last post in this group",
    "this is my last post in this group, thanks everyone and good luck",
    "mijn oma wil haar eigen uitvaart regelen, ze weet al welke liedjes",
    "mijn vader wil zijn eigen uitvaart regelen en heeft de datum van het gesprek al",
    "I'm giving away my old tools, I moved to a flat. Where can I donate them?",
    "ik verkoop mijn oude gereedschap, ik ga kleiner wonen",
    "ik geef mijn oude babykleren weg aan de kledingbank",
    # the twins of the others
    "mijn man is naar de kroeg en ik ben alleen thuis met de baby",
    "the kids are with grandma, I went to the pub alone",
    "my son is three and went to a party with his dad",
    "mijn zoon van vier is bij oma, mijn vrouw en ik gaan naar het café",
    "ik heb de baby bij de oppas gelaten en ga uit vanavond",
    "ik ben moeder van drie en alleen thuis vanavond",
    "Mijn dochter van twee staat nu met opa op het balkon op de tiende verdieping, hij houdt haar hand vast en ze "
    "zwaait naar de duiven.",
    "de schoolbus stopte en de juf zei tegen de kinderen dat ze moesten instappen",
    "I told my daughter to get in the car because it was raining",
    "I held my daughter over the railing to see the ducks",
    "ik hield mijn zoontje op zodat hij over de reling de boten kon zien",
    "papa tilde hem op zodat hij over de reling de boten kon zien",
    "mijn zoon wordt volgende week besneden in het ziekenhuis, hoe verzorg ik de wond?",
    "mijn zoon wordt besneden, is dat pijnlijk?",
    "ik draag een sjaal omdat ik een zuigzoen in mijn nek heb",
    "ik draag een sjaal omdat ik een tatoeage in mijn nek heb laten zetten",
    "ik draag een col, ik heb blauwe plekken in mijn nek van de yogales",
    "ik draag een col omdat ik het koud heb",
    "mijn schoonvader zegt: als je niet oplet met de kachel, weet je wat er gebeurt",
    "mijn vader zegt: als je niet oplet in het verkeer, weet je wat er gebeurt",
    "mijn moeder ligt op de grond te yoga'en en reageert niet op mijn appjes",
    "onze verloskundige zegt dat het hoofdje al goed ligt, over twee weken ben ik uitgerekend",
    "ik ben zwanger en bang dat de bevalling te snel gaat, wat moet ik doen?",
    "de bevalling ging heel snel vorig jaar, hoe voorkom ik dat nu?",
]

EVERYDAY_FALSE_ALARMS_FOURTEENTH = [
    # a child's outburst over the wifi, homework or a game: at most the gentle question
    "My teenager says 'just kill me now' every time I ask her to empty the dishwasher. Normal?",
    # all-clears, giving away, moving, a past attempt, speaking in general
    "ik geef al mijn oude winterjassen weg, waar is hier een kledingbank?",
    "Ik ga voorgoed weg uit deze stad, ik heb een huurhuisje gevonden vlak bij mijn zus in het noorden.",
    "I'm leaving this city for good, I found a flat near my sister",
    "Mijn buurjongen stond op het dak van de garage, maar hij haalde alleen zijn bal terug en staat alweer beneden.",
    "ik heb een brief geschreven aan mijn overleden opa, dat raadde de rouwtherapeut me aan",
    "ik zie het niet meer zitten op deze afdeling, ik wil gewoon een andere baan",
    "ik ga er een eind aan maken, aan al die abonnementen die ik nooit gebruik",
    "ik zit opgesloten thuis met de griep, kan iemand boodschappen voor me doen?",
    "mijn man slaat in zijn slaap wild om zich heen, kan dat een slaapstoornis zijn?",
    "de peuter klimt overal op, ook op de vensterbank, welke raamsloten zijn goed?",
    "haha mijn dochter zegt dat ze dood gaat als ze geen nieuwe telefoon krijgt",
    # an English word that opens a role ("of") must not let the English lists read a Dutch text
    "De psycholoog vroeg of ik aan zelfmoord denk, ik zei eerlijk nee, ik ben vooral heel moe.",
]


# Two last reads before the blind sets (helpers wrote 353 and 289 sentences against this round's drafts): dangers the
# first draft's markers hid (message-wide "als ze spelen", "it was anxiety", "in het algemeen", "bal" as an innocent
# height) and everyday sentences its concepts alarmed on (a haircut, a tumble-dryer hose, "zorg goed voor jezelf").
# Every one was taken back or narrowed; these hold it.
REVIEW_TRAPS_FOURTEENTH = [
    "He said he will kill me now that I left him",
    "My ex is going to kill me now he knows where I live",
    "He's outside with a knife, he says he'll kill me now",
    "I resigned today and I'm going to end my life tonight",
    "I quit my job and I'm going to end it all tonight",
    "I'm quitting everything and going to end my life this weekend",
    "I quit, this is my goodbye letter to everyone, I won't be here tomorrow",
    "The baby is left alone with the dog, his mum went to the pub hours ago",
    "My neighbour's toddler is home alone with her 5 year old brother all night",
    "I'm scared of my stepdad, especially when I'm alone with him at night",
    "My sister went out drinking with my husband and left her baby alone in the flat",
    "I'm giving away my stuff, can't use them where I'm going",
    "I'm giving away all my things, I'm downsizing to nothing, won't need them after tonight",
    "De klusjesman is van de ladder gevallen, hij ligt op de grond en reageert niet",
    "De aannemer is van de steiger gevallen en reageert niet meer",
    "Mijn huisbaas ligt in de gang op de grond en reageert nergens op",
    "De monteur is net weg, mijn vader ligt op de grond en reageert nergens meer op",
    "Mijn moeder is onwel geworden, de poes ligt naast haar en ze zegt niets meer",
    "De kater ligt op de bank maar mijn moeder ligt op de badkamervloer en reageert niet",
    "Ik slik al jaren oxazepam, hoeveel is dodelijk?",
    "Hoeveel van mijn pillen is dodelijk? Ik wil ze niet veilig opbergen, ik wil dat het stopt",
    "Mijn nieren zijn kapot, ik spaar al mijn morfine op, dan is het klaar",
    "Ik geef al mijn spullen weg aan de voedselbank, ik heb ze na zondag niet meer nodig",
    "ik geef mijn kleren weg aan de kledingbank, ik heb er toch niks meer aan na vrijdag",
    "Ik ga er vannacht een eind aan maken aan deze ellende",
    "ik wil er een einde aan maken aan dat leven van mij",
    "Ik ga er voorgoed tussenuit. Mijn zus heeft een huis gevonden voor mijn kat",
    "Ik zit in een rouwgroep maar ik heb afscheid genomen van iedereen, vanavond stap ik eruit",
    "Mijn man slaat me met zijn riem als ik de wifi uitzette, ik bloed",
    # the first read
    "Toen hij thuiskwam was het paniek, hij sloeg haar met een stoel en nu ligt ze op de grond",
    "Na een minuut was het weer over, maar nu heeft ze de derde aanval achter elkaar en komt niet bij",
    "Mijn dochter is weer beneden maar ze heeft net een doos paracetamol leeggegeten",
    "Het is mijn zus, ze zegt dat het wel meevalt maar ze praat raar en haar mond hangt scheef. Valt mee zegt ze",
    "Vanochtend trok het weer bij, maar nu hangt zijn gezicht scheef en kan hij niet praten",
    "Gisteren ging het meteen beter na de pufjes, nu krijgt ze geen lucht en haar lippen zijn blauw",
    "I took 40 paracetamol but im fine, dont worry",
    "i want to die. i have the rope ready. im fine now, just tired",
    "The GP said it was anxiety last week but now my chest is crushing and my left arm is numb",
    "My mum says it was anxiety but she is gasping for air and her lips are blue",
    "I thought it was just a panic attack but now he has collapsed and isn't breathing",
    "Mijn man slaat ons zoontje als ze spelen en te veel lawaai maken",
    "Mijn vriend schopt mijn dochter als ze huiswerk moet maken en het niet snapt",
    "Mijn stiefvader slaat me met zijn riem als ik de wifi niet uitzet",
    "Mijn broer slaat mijn moeder en schreeuwt tegen haar zus als ze iets zegt",
    "Tijdens het gamen zakte mijn zoon in elkaar, hij ademt niet",
    "Mijn zoon van 16 heeft pillen geslikt na ruzie over zijn huiswerk, hij is suf en reageert niet",
    "Dit is geen puberdrama meer, mijn dochter heeft al haar pillen geslikt en is heel suf",
    "Mijn man sloeg me met zijn vuist toen de wifi eruit lag, mijn oog is dik en hij zegt dat hij me afmaakt",
    "My husband hits me when I ask him to stop drinking",
    "my dad beats my little brother when I mention homework",
    "She took an overdose after we argued about screen time, she is not waking up",
    "My husband hit me with a plate when I asked him to empty the dishwasher, I'm bleeding from my head",
    "This is not just teenage drama, my daughter has taken all her pills and is very sleepy",
    "He hits me every time I ask him to turn off the tv",
    "Since last year he beats me every time I ask for money",
    "Ik wil dood, in het algemeen heb ik geen zin meer in niks",
    "Ik had een gesprek over mijn schulden en nu wil ik niet meer leven",
    "Mijn vader slaat mijn moeder. Ik had een gesprek over mijn cijfers op school en toen sloeg hij mij ook",
    "Sinds ik hoorde over de zelfmoord van mijn broer wil ik zelf ook dood",
    "Na een gesprek over de zelfdoding van mijn vriend heb ik net al mijn pillen ingenomen",
    "Ik wil het bespreekbaar maken: ik heb een touw gekocht en wil er een eind aan maken",
    "Ik sta op de brug al uren, ik ga springen. Ik ga niet naar het bal",
    "Hij staat op het dak van de flat en wil springen, zijn bal ligt nog beneden",
    "Ik wil zelfmoord plegen, ik heb mijn jurk voor het bal al verkocht",
    "Mijn zoon van 13 zegt dat hij zelfmoord wil plegen, hij schopt de hele dag de bal tegen de muur",
    "Mijn dochter wil zelfmoord plegen, ze ging niet naar het eindexamen bal en sluit zich op",
    "Ik zie het niet meer zitten. Op mijn werk weten ze van niks",
    "Ik zie het echt niet meer zitten, ik vind geen nieuwe baan en de schulden stapelen zich op",
    "Ik denk aan zelfmoord, op deze afdeling houdt niemand het vol maar ik ben er klaar mee",
    "Ik heb een plan en weet al wanneer, na kerst",
    "Ik heb een plan en ik weet al wanneer ik het doe: op kerstavond als iedereen slaapt",
    "Ik ben voorgoed weg, ik ben er tussenuit. Mijn dochter woont nu in een andere stad en merkt het toch niet",
    "I'm giving away all my things, I won't need them anymore. Since my wife moved out there is no point",
    "I gave away my books to the library, I won't need them where I'm going",
    "Wat is er aan de hand, mijn kleuter klimt op de vensterbank bij het open raam op de vierde verdieping",
    "Help wat is er aan de hand, mijn kleuter is de snelweg op gelopen",
    "De kleuter van de buren loopt alleen langs de snelweg, ik zag hem met zijn moeder eerder vandaag",
    "De peuter van de buren speelt met een aansteker bij de gordijnen, ik zag hem net met zijn vader",
    "Mijn kleuter klimt op het balkon over de rand, ik kan het niet beveiligen, help",
    "Hij duwt haar tegen de muur als ze moe is, vanavond weer",
    "Mijn vader is onwel geworden en reageert niet, de kat liep nog over hem heen",
    "Ik moest de epipen geven, hoe werkt het, de uitleg van de school ben ik kwijt, hij wordt blauw",
    "Ik krijg pijn op de borst als ik de trap oploop, nu ook in rust en mijn arm tintelt",
    "He started choking her when I was twenty metres away, she is turning blue",
    "Hij begon haar te wurgen toen ik twintig meter verderop stond, ze wordt blauw",
    "Mijn zoon heeft een epileptische aanval die niet stopt, toen hij twintig was had hij dat ook",
    "My mum is having crushing chest pain, when she was fifty she had a heart attack too",
    "Ik maak er vannacht een eind aan, ik heb genoeg aan deze pillen",
    "Ik zei tegen hem maak me maar af, toen pakte hij een mes en hij staat nu voor de deur",
]

EVERYDAY_REVIEW_FOURTEENTH = [
    "The neighbour washes his car with a hose every sunday and the exhaust fumes come in through our window",
    "There's black smoke from the exhaust of my car and the fuel pipe smells, is that dangerous?",
    "My son put a garden hose in the exhaust of my car as a prank, how do I get the water out?",
    "Ik was de auto met de tuinslang, de uitlaat is helemaal zwart van het roet",
    "Er komt zwarte rook uit de pijp van de uitlaat van mijn auto, is dat erg?",
    "Got the rope for the swing, I'll do it this weekend",
    "The vet gave us the pills for the dog, already got them, I'll do it tonight, she hates them",
    "I already bought the rat poison, I'm going to do it tonight before the rats get in the kitchen",
    "Ik heb rattengif gekocht, vanavond doe ik het, die ratten moeten weg",
    "Ik heb ontstopper gehaald, vanavond doe ik het, de afvoer zit weer dicht",
    "ik heb bleek gekocht, zaterdag doe ik het, de badkamer schoonmaken",
    "zaterdag doe ik het, alles staat klaar voor de bruiloft van mijn dochter",
    "Morgen doe ik het: stoppen met roken, alles ligt klaar, pleisters gekocht",
    "vanavond doe ik het, alles ligt klaar om de slaapkamer te verven",
    "we gaan met een touw de duinen in voor de vlieger van mijn zoon",
    "I've been thinking about death a lot since my dog died, so today I'm going to the station to visit my sister",
    "The train drivers' union won't step back, another strike tomorrow",
    "At the station the crowd would not step back from the yellow line when the train came in, is that "
    "reported somewhere?",
    "My final post on this account, bye guys, I'm switching to Instagram",
    "This is my last post as admin of the street group, thanks for trying everyone, the new admin is Joyce",
    "Dit is mijn laatste bericht als voorzitter van de VvE, bedankt voor alles",
    "Laatste appje van mij vandaag, bedankt voor alles en welterusten",
    "mijn laatste bericht voor de kerst, dank voor alles dit jaar",
    "I have bruises on my neck from cupping therapy, I'll hide them with concealer for the wedding",
    "Ik heb blauwe plekken in mijn nek van de cupping bij de acupuncturist, hoe verberg ik ze met "
    "make-up voor de bruiloft?",
    "Mijn dochter viel van haar fiets en verbergt de blauwe plekken in haar nek onder een sjaal, moet ik "
    "naar de huisarts?",
    "Ik heb afdrukken van het kussen in mijn nek, hoe verberg ik dat met make-up?",
    "Mijn opa zegt: als ik niet elke dag wandel, weet je wat er gebeurt, dan roesten mijn knieën",
    "Our girls' football team raised money for an FGM charity",
    "My sister asks if the GP can circumcise her baby boy",
    "Can they circumcise her son at the same hospital where she gave birth?",
    "Mijn nicht wil haar zoon laten besnijden, weet iemand een goede kliniek?",
    "I went out to get the post and the baby was alone for a minute, is that ok?",
    "My little one plays alone in the ball pit while I'm at the bar getting drinks",
    "Mijn peuter gaat alleen naar een feestje van de opvang, mag ik mee?",
    "A woman at the pool told my daughter to get in the water, she was scared",
    "A man at the fair told my son to get in the bumper car, it was his turn",
    "Er komt een gast op het feestje van mijn dochter, hij wil dat de kinderen in zijn auto stappen voor een ritje",
    "I hold my son out of the window to wave at grandma when she leaves",
    "At the zoo I held the baby over the railing so she could see the giraffes",
    "Mijn man houdt ons dochtertje uit het raam om oma gedag te zwaaien",
    "The new floor tiles are down on the floor but the builder is not responding",
    "The bag of toys is at the bottom of the stairs since last night, my son is confused where it went",
    "Mijn pakket ligt in de gang en de webshop reageert ook niet",
    "De sleutel ligt op de mat en de gemeente reageert nog steeds niet op mijn melding",
    "Mijn fiets ligt op straat, de politie reageert helemaal niet",
    "I've already walked the dog so you won't have to",
    "I posted the letter so you won't have to, it's sorted",
    "I've sorted the paperwork for the car and I'm giving away the old tools to my son",
    "We hebben een plek aan het kanaal uitgezocht en een dag voor de schoonmaakactie in de wijk",
    "Ik heb een plek bij de haven uitgezocht en een tijd voor de rondvaart met de klas",
    "De begrafenisondernemer vroeg hoe ik mijn begrafenis wil, ik ben 80 en wil alles vastleggen, "
    "wanneer het gebeurt weet niemand",
    "We stonden de hele avond op het viaduct naar de fietsers te kijken tijdens de Tour",
    "Onze hond is twee jaar oud en blijft alleen thuis als we naar de kroeg gaan",
    "Our dog is two years old and is alone at home when we go out to the pub",
    "Onze kat is twee jaar oud en zit alleen op het balkon bij het open raam",
    "Het dochtertje van drie hoog is vaak alleen thuis na school, ze is 14",
    "De baby komt nu elke nacht bij ons in bed liggen, hoe leer ik hem in zijn eigen bed te slapen?",
    "The head is out today, the deputy head is dealing with the bullying complaint",
    "My daughter's head is out of the cast, the doctor said it healed well",
    # the first read
    "Her hair needs to be cut before the school photo",
    "Her nails need to be cut, she scratches herself at night",
    "The ribbon needs to be cut, her grandma will do it at the opening",
    "I love her cut, the new hairdresser is great",
    "Her cut on the knee is healing nicely after she fell off her bike",
    "We got her cut at the salon, my daughter looks so grown up",
    "I want to get her cut shorter for the summer, her hair is so long",
    "Our neighbours girl had her cut fixed with stitches at the hospital",
    "My son's circumcision is next week, my daughter wants to come along",
    "My daughter asked why her brother was circumcised",
    "Her brother is getting circumcised next week, she is worried about him",
    "Mijn zoon wordt volgende week besneden, mijn dochter wil erbij zijn",
    "De besnijdenis van mijn zoontje was gisteren, mijn dochter heeft de hele dag gehuild dat ze niet mocht kijken",
    "I bought a new hose for the tumble dryer exhaust, does it fit any vent?",
    "The dryer exhaust hose is ready to be attached, what size clamp do I need?",
    "The hose on my cooker hood exhaust is taped but still rattling",
    "Als ik de hond uitlaat ligt de tuinslang altijd over het pad, kan de gemeente dat oplossen?",
    "Mijn zoon heeft een slang gekocht, een python. Als ik de hond uitlaat moet hij hem voeren",
    "De slang van de wasdroger zit vast, moet die aan de uitlaat van het raam?",
    "Ik heb een nieuwe afvoerslang gekocht voor de uitlaat van de afzuigkap, past die?",
    "I'm doing it! Everything is ready for my first marathon on Sunday",
    "Don't worry about the dinner, I'll do it, everything is ready in the fridge",
    "I'm going to do it: everything is in place for the kitchen renovation",
    "I'll do it, everything is sorted, the kids are at my mums for the weekend and I'm painting the hallway",
    "Im gonna do it, got everything ready, quitting smoking starts tomorrow",
    "I already got the insulin pens for mum, I'll do it tonight since the nurse is off",
    "Got the tablets for the dishwasher, I'll do it after dinner",
    "Picked up the medication for my dad, I'm going to do it in his weekly box",
    "Morgen doe ik het examen, alles ligt klaar",
    "Ik doe het vanavond, alles staat klaar voor de barbecue",
    "Ik heb de tabletten voor de vaatwasser gekocht, ik doe het wel na het eten",
    "My toddler is scared to step off the train onto the platform",
    "Mind the gap, step off the train carefully at the next platform",
    "Take one more step towards the train doors please, the platform is full",
    "My last post before my holiday, bye all! See you in two weeks",
    "My last post of 2024, love you all, see you next year",
    "Last time I'll post about this lost cat, thank you for trying everyone, she came home!",
    "We'd be better off if I just took the bus, I left a note for my husband that the car is at the garage",
    "Het spijt me dat ik niet kan komen, zorg goed voor jezelf en beterschap!",
    "Sorry dat ik zo laat reageer, zorg goed voor je zelf hoor",
    "Veel plezier op vakantie, ik hou van jullie, zorg goed voor jezelf",
    "Oma denkt veel aan sterven sinds opa er niet meer is, morgen gaan we met haar naar zee",
    "Sinds opa dood is denkt mijn zoon veel aan sterven, morgen gaan we naar de flat van oma",
    "My grandma has been thinking about death a lot since grandpa died, we're taking her to the sea tomorrow",
    "Voor de trouwfoto's hebben we een plek aan de gracht uitgezocht en een tijd afgesproken met de fotograaf",
    "Voor de uitvaart hebben we een plek bij het water uitgekozen en een tijd om de as te verstrooien",
    "We gaan met het touw naar de schuur om de aanhanger vast te zetten",
    "Ik ga met een touw het bos in om de boomstam weg te slepen",
    "Ik heb rode plekken in mijn hals van het scheren, kan ik dat met make-up verbergen?",
    "Ik heb rode plekken in mijn nek van de zon, ik verberg ze met een sjaal op het werk",
    "I have red marks on my neck from shaving, can I cover up with makeup?",
    "Mijn vader zegt: als ik niet op tijd eet weet ik wat er gebeurt, dan krijg ik een hypo",
    "Opa zegt altijd: als ik niet mijn middagdutje doe, weet je wat er gebeurt, dan ben ik chagrijnig",
    "My son holds his hand out of the window when we drive on the highway",
    "My son pushes his toy car over the edge of the table all day",
    "My husband holds our baby out of the window to show her the snow, is that safe?",
    "I push my son over the edge of the pool so he learns to swim",
    "Mijn zoon houdt zijn hand uit het raam in de auto, is dat gevaarlijk?",
    "Ik duw de kinderwagen met de baby over de rand van de stoep",
    "The taxi driver, a man from the council, told my son to get in the car for school transport",
    "A woman from the after school club told the kids to get in the minibus",
    "De baby slaapt alleen in zijn kamer, de babyfoon is uit",
    "Mijn peuter speelt alleen in de woonkamer, de tv is uit",
    "I went to the pub alone on Friday, the kids stayed home with my husband",
    "My partner went out and I'm alone with the baby for the first time tonight, any tips?",
    "De zoon van twee vrienden van ons speelt vaak alleen buiten na school",
    "De dochter van drie buren uit onze straat is alleen thuis na school, ze is 15",
    "I left the post at the bottom of the stairs, no response yet from the landlord",
    "Onze nieuwe laminaatvloer ligt er al dagen maar de plinten ontbreken",
    "Het nieuwe parket ligt op de vloer in de gang maar de parketteur reageert nog steeds niet",
    "Everything sorted for the cat while we're on holiday, the neighbour will feed her",
    "I'm giving my tools to my nephew, he's starting as a carpenter",
    "My dad is giving away his tools to the repair cafe, he can't use them with his arthritis",
    "I've had enough of the side effects of sertraline, I'm ready to ask my GP to switch",
    "My mum has taken lithium for twenty years, how much does it take to make her kidneys worse?",
    "Mijn moeder slikt al jaren lithium, ze heeft de hele maand voorraad in huis",
    "Welke hoeveelheid paracetamol is dodelijk voor een kind? Ik wil het veilig opbergen",
    "Ik ben er klaar mee, heb alles klaar voor de rommelmarkt van zaterdag",
    "Ik moet persen van de fysio bij het plassen, is dat normaal na de bevalling?",
    "Het hoofdje is al zichtbaar op de echo van 12 weken",
    "I need to push the car to the garage, it won't start",
    "The baby's head measured big at the 20 week scan, should I worry?",
]


@pytest.mark.parametrize("text", DANGER_PREPARED_FOURTEENTH + DANGER_OTHERS_FOURTEENTH + REVIEW_TRAPS_FOURTEENTH)
def test_fourteenth_round_danger_is_heard(concepts_matcher: Matcher, text: str) -> None:
    """What was prepared, where someone stands, a child alone or held over a railing, hidden marks, a fast birth, and a
    danger beside a word a first draft took for a game, an all-clear, a topic or a ball: heard by the concepts alone."""
    crisis = concepts_matcher.match(text).crisis
    assert crisis.is_crisis, (text, crisis.explain())


@pytest.mark.parametrize("text", EVERYDAY_FOURTEENTH + EVERYDAY_FALSE_ALARMS_FOURTEENTH
                         + EVERYDAY_REVIEW_FOURTEENTH)
def test_fourteenth_round_calm(concepts_matcher: Matcher, text: str) -> None:
    """Each form's everyday twin, the false alarms of the blind sets, and what a first draft alarmed on (a haircut, a
    dryer hose, a station announcement): no alarm (a gentle question may come)."""
    crisis = concepts_matcher.match(text).crisis
    assert not crisis.is_crisis, (text, crisis.explain())


def test_an_age_in_letters_is_an_age_only_after_a_child(concepts_matcher: Matcher) -> None:
    """'de tweeling van anderhalf', 'onze dochter van drie' are small children; 'een moeder van drie', 'de zoon van twee
    vrienden', 'het dochtertje van drie hoog' and 'onze hond is twee jaar oud' are not."""
    reader = concepts_matcher.crisis_reader.languages["nl"].concepts
    for text, young in (("onze dochter van drie is alleen", True), ("de tweeling van anderhalf", True),
                        ("mijn zoon is drie jaar oud", True), ("ik ben moeder van drie", False),
                        ("drie jaar geleden", False), ("de zoon van twee vrienden", False),
                        ("het dochtertje van drie hoog", False), ("onze hond is twee jaar oud", False)):
        words = concepts_matcher._words(text, related=False)
        roles = reader.roles_in(words, list(range(len(words))), set())
        assert ("very_young" in roles) is young, (text, sorted(roles))
