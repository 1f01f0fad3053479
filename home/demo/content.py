"""The campaign's demo content: every string in Dutch (the source), French and English.

Written from the facts in the campaign's own text about buddy programmes
(shared/reference/over-buddywerking.nl.txt), in our own words. Page fields are
given as they are set on the model; stream fields as lists of (block type,
value); `Ref("key")` points at an image or page the loader makes.
"""

from home.demo.text import R, Ref, T

CONTACT_EMAIL = "contact@buddieswithrefugees.be"
PRIVACY_EMAIL = "privacy@buddieswithrefugees.be"
CONTACT_PHONE = "+32 2 000 00 00"
PUBLISHER = "UNHCR"

IMAGES = {
    "hero": {
        "title": "Campagnebeeld: twee buddy's",
        "seed": 1,
        "description": "Illustratie van twee figuren, een blauwe en een oranje, die naast elkaar staan en "
        "elkaar overlappen.",
    },
    "meeting": {
        "title": "Illustratie: kennismaking",
        "seed": 2,
        "description": "Illustratie van twee figuren, een gele en een blauwe, die elkaar ontmoeten tussen "
        "kleurige stippen.",
    },
    "walk": {
        "title": "Illustratie: samen onderweg",
        "seed": 4,
        "description": "Illustratie van twee figuren, een oranje en een blauwe, schouder aan schouder.",
    },
}

HOME_PAGE = {
    "title": T("Welkom", "Bienvenue", "Welcome"),
    "slug": T("home", "accueil", "welcome"),
    "search_description": T(
        "Vrijwilligers en vluchtelingen vormen samen een duo. Lees hoe buddywerking werkt en vind een programma "
        "in jouw buurt.",
        "Des bénévoles et des réfugiés forment ensemble un binôme. Découvrez comment fonctionne le parrainage et "
        "trouvez un programme près de chez vous.",
        "Volunteers and refugees team up as buddies. Read how buddy programmes work and find one near you.",
    ),
    "hero_image": Ref("hero"),
    "hero_image_alt_text": T(
        "Twee getekende figuren, een blauwe en een oranje, staan naast elkaar en overlappen elkaar.",
        "Deux personnages dessinés, l'un bleu et l'autre orange, se tiennent côte à côte et se chevauchent.",
        "Two drawn figures, one blue and one orange, stand side by side and overlap.",
    ),
    "hero_heading": T(
        "Samen vind je sneller je weg",
        "À deux, on trouve plus vite son chemin",
        "Together, you find your way sooner",
    ),
    "hero_text": T(
        "Overal in België en Luxemburg spreken vrijwilligers en nieuwkomers geregeld met elkaar af. Ze oefenen "
        "samen een taal, zoeken mee naar een woning of een job en leren elkaars leefwereld kennen. Doe ook mee en "
        "maak van je buurt een warme thuis.",
        "Partout en Belgique et au Luxembourg, des bénévoles et des nouveaux arrivants se retrouvent "
        "régulièrement. Ensemble, ils pratiquent une langue, cherchent un logement ou un emploi et découvrent le "
        "monde de l'autre. Rejoignez-les et faites de votre quartier un lieu accueillant.",
        "All over Belgium and Luxembourg, volunteers and newcomers meet up regularly. Together they practise a "
        "language, look for a home or a job and get to know each other's world. Join them and help make your "
        "neighbourhood a welcoming home.",
    ),
    "find_programme_text": T("Vind een buddyprogramma", "Trouver un programme", "Find a programme"),
    "become_buddy_text": T("Word buddy", "Devenir buddy", "Become a buddy"),
    "become_buddy_page": Ref("become"),
    "body": [
        ("heading", T("Wat doet een buddy?", "Que fait un buddy ?", "What does a buddy do?")),
        (
            "paragraph",
            R(
                "<p>Een buddy is een vrijwilliger die een tijdlang optrekt met iemand die nog maar pas in ons land "
                "woont. Samen kiezen jullie wat je doet: een wandeling door de stad, een brief van de gemeente "
                "doornemen of gewoon praten bij een kop koffie.</p>"
                "<p>Zo bouwt de nieuwkomer een netwerk op, en ontdekt de vrijwilliger de eigen buurt door andere "
                "ogen.</p>",
                "<p>Un buddy est un bénévole qui accompagne pendant un certain temps une personne arrivée depuis "
                "peu dans notre pays. Ensemble, vous choisissez ce que vous faites : une promenade en ville, la "
                "lecture d'un courrier de la commune ou simplement une conversation autour d'un café.</p>"
                "<p>Le nouvel arrivant se constitue ainsi un réseau, et le bénévole redécouvre son propre "
                "quartier avec un autre regard.</p>",
                "<p>A buddy is a volunteer who spends time, over a set period, with someone who has only recently "
                "come to live in this country. Together you choose what to do: a walk through town, going through "
                "a letter from the council, or simply a chat over a cup of coffee.</p>"
                "<p>The newcomer builds a network, and the volunteer sees their own neighbourhood through new "
                "eyes.</p>",
            ),
        ),
        (
            "call_to_action",
            {
                "description": T(
                    "Waarom zet UNHCR buddywerking in de kijker?",
                    "Pourquoi le HCR met-il le parrainage à l'honneur ?",
                    "Why is UNHCR putting buddy programmes in the spotlight?",
                ),
                "text": T("Lees meer over de campagne", "En savoir plus sur la campagne", "Read about the campaign"),
                "page": Ref("about"),
                "url": "",
            },
        ),
        (
            "call_to_action",
            {
                "description": T(
                    "Nieuw hier? Lees wat een buddy is en hoe een buddy je helpt.",
                    "Nouveau ici ? Découvrez ce qu'est un buddy et comment il vous aide.",
                    "New here? Read what a buddy is and how a buddy helps you.",
                ),
                "text": T("Wat is een buddy?", "Qu'est-ce qu'un buddy ?", "What is a buddy?"),
                "page": Ref("newcomers"),
                "url": "",
            },
        ),
    ],
}

ABOUT_PAGE = {
    "title": T("Over de campagne", "À propos de la campagne", "About the campaign"),
    "slug": T("over-de-campagne", "a-propos-de-la-campagne", "about-the-campaign"),
    "search_description": T(
        "Waarom UNHCR met #BuddiesWithRefugees de vrijwilligers en nieuwkomers in buddyprogramma's in de kijker zet.",
        "Pourquoi le HCR met à l'honneur, avec #BuddiesWithRefugees, les bénévoles et les nouveaux arrivants des "
        "programmes de parrainage.",
        "Why UNHCR is celebrating the volunteers and newcomers in buddy programmes with #BuddiesWithRefugees.",
    ),
    "introduction": T(
        "Met #BuddiesWithRefugees bedanken we iedereen die als buddy een nieuwkomer op weg helpt, en nodigen we "
        "nog meer mensen uit om mee te doen.",
        "Avec #BuddiesWithRefugees, nous remercions toutes celles et ceux qui aident, comme buddy, un nouvel "
        "arrivant à trouver ses repères, et nous invitons d'autres personnes à les rejoindre.",
        "With #BuddiesWithRefugees we thank everyone who helps a newcomer find their feet as a buddy, and invite "
        "more people to join them.",
    ),
    "body": [
        (
            "heading",
            T(
                "Burgers die het verschil maken",
                "Des citoyens qui font la différence",
                "Citizens who make a difference",
            ),
        ),
        (
            "paragraph",
            R(
                "<p>De voorbije jaren zijn er overal burgerinitiatieven voor vluchtelingen bijgekomen. Dat toont "
                "hoeveel mensen willen dat vluchtelingen hier goed onthaald worden. Zulke initiatieven brengen "
                "mensen met elkaar in contact, gaan eenzaamheid tegen en maken buurten hechter.</p>"
                "<p>Ze helpen vluchtelingen ook heel concreet: bij het vinden van een school, een woning of "
                "werk.</p>",
                "<p>Ces dernières années, les initiatives citoyennes en faveur des réfugiés se sont multipliées un "
                "peu partout. Elles montrent combien de personnes souhaitent que les réfugiés soient bien accueillis "
                "ici. Ces initiatives créent des liens, rompent l'isolement et rendent les quartiers plus "
                "solidaires.</p>"
                "<p>Elles aident aussi les réfugiés de manière très concrète : pour trouver une école, un logement "
                "ou un emploi.</p>",
                "<p>In recent years, citizens' initiatives for refugees have sprung up everywhere. They show how "
                "many people want refugees to be made welcome here. Such initiatives bring people together, "
                "counter loneliness and make neighbourhoods closer.</p>"
                "<p>They also help refugees in very practical ways: finding a school, a home or a job.</p>",
            ),
        ),
        (
            "image",
            {
                "image": {
                    "image": Ref("meeting"),
                    "alt_text": T(
                        "Twee getekende figuren, een gele en een blauwe, ontmoeten elkaar tussen kleurige stippen.",
                        "Deux personnages dessinés, l'un jaune et l'autre bleu, se rencontrent parmi des points "
                        "colorés.",
                        "Two drawn figures, one yellow and one blue, meet among colourful dots.",
                    ),
                    "decorative": False,
                },
                "caption": T(
                    "Een buddy en een nieuwkomer maken kennis.",
                    "Un buddy et un nouvel arrivant font connaissance.",
                    "A buddy and a newcomer get to know each other.",
                ),
            },
        ),
        (
            "heading",
            T("Wat de campagne wil bereiken", "Ce que la campagne veut accomplir", "What the campaign sets out to do"),
        ),
        (
            "paragraph",
            R(
                "<p>Met deze campagne wil UNHCR, de vluchtelingenorganisatie van de Verenigde Naties:</p>"
                "<ul><li>de inzet van vrijwilligers zichtbaar maken en hen bedanken;</li>"
                "<li>tonen wat buddywerking bijdraagt aan de integratie van vluchtelingen;</li>"
                "<li>meer mensen aanmoedigen om zelf buddy te worden.</li></ul>"
                "<p>De campagne past in het bredere engagement van UNHCR om de integratie te verbeteren van "
                "vluchtelingen die in de lidstaten van de Europese Unie wonen.</p>",
                "<p>Par cette campagne, le HCR, l'agence des Nations unies pour les réfugiés, veut :</p>"
                "<ul><li>rendre visible l'engagement des bénévoles et les remercier ;</li>"
                "<li>montrer ce que le parrainage apporte à l'intégration des réfugiés ;</li>"
                "<li>encourager davantage de personnes à devenir buddy à leur tour.</li></ul>"
                "<p>La campagne s'inscrit dans l'engagement plus large du HCR en faveur d'une meilleure "
                "intégration des réfugiés qui vivent dans les États membres de l'Union européenne.</p>",
                "<p>With this campaign, UNHCR, the UN Refugee Agency, wants to:</p>"
                "<ul><li>make volunteers' commitment visible and thank them;</li>"
                "<li>show what buddy programmes contribute to refugees' integration;</li>"
                "<li>encourage more people to become a buddy themselves.</li></ul>"
                "<p>The campaign is part of UNHCR's wider commitment to improving the integration of refugees who "
                "live in the member states of the European Union.</p>",
            ),
        ),
        (
            "quote",
            {
                "text": T(
                    "Ik kende hier niemand. Nu is er iemand bij wie ik met al mijn vragen terechtkan, en via mij "
                    "ontdekt zij een stukje van Syrië.",
                    "Je ne connaissais personne ici. Maintenant, j'ai quelqu'un à qui poser toutes mes questions, "
                    "et grâce à moi, elle découvre un peu de la Syrie.",
                    "I didn't know anyone here. Now I have someone I can take all my questions to, and through me "
                    "she is discovering a little of Syria.",
                ),
                "attribution": T(
                    "Amal, nieuwkomer in Gent", "Amal, nouvelle arrivante à Gand", "Amal, a newcomer in Ghent"
                ),
            },
        ),
        (
            "heading",
            T(
                "Vrijwilligers vullen aan, ze vervangen niet",
                "Les bénévoles complètent, ils ne remplacent pas",
                "Volunteers complement, they never replace",
            ),
        ),
        (
            "paragraph",
            R(
                "<p>Hoe waardevol het werk van buddy's ook is: goede opvang en integratie blijven een taak van de "
                "overheid en van professionele begeleiders. Daarom vraagt UNHCR aan iedereen die betrokken is om "
                "buddyprogramma's te steunen als een aanvulling op die professionele hulp.</p>",
                "<p>Aussi précieux que soit le travail des buddies, l'accueil et l'intégration restent une mission "
                "des pouvoirs publics et des professionnels de l'accompagnement. C'est pourquoi le HCR demande à "
                "tous les acteurs concernés de soutenir les programmes de parrainage en complément de cette aide "
                "professionnelle.</p>",
                "<p>However valuable buddies' work may be, reception and integration remain the job of public "
                "authorities and professional support workers. That is why UNHCR asks everyone involved to support "
                "buddy programmes as a complement to that professional help.</p>",
            ),
        ),
        (
            "call_to_action",
            {
                "description": T(
                    "Zin gekregen om zelf buddy te worden?",
                    "Envie de devenir buddy vous aussi ?",
                    "Feel like becoming a buddy yourself?",
                ),
                "text": T("Zo word je buddy", "Comment devenir buddy", "How to become a buddy"),
                "page": Ref("become"),
                "url": "",
            },
        ),
    ],
}

BECOME_BUDDY_PAGE = {
    "title": T("Word buddy", "Devenir buddy", "Become a buddy"),
    "slug": T("word-buddy", "devenir-buddy", "become-a-buddy"),
    "search_description": T(
        "In vier stappen buddy van een nieuwkomer: wat het vraagt, hoe je je aanmeldt en wat je samen kunt doen.",
        "Devenir le buddy d'un nouvel arrivant en quatre étapes : ce que cela demande, comment s'inscrire et ce "
        "que vous pouvez faire ensemble.",
        "Becoming a newcomer's buddy in four steps: what it takes, how to sign up and what you can do together.",
    ),
    "introduction": T(
        "Je hoeft geen expert te zijn. Wat telt, is dat je wat tijd vrijmaakt, nieuwsgierig bent en graag iemand "
        "op weg helpt.",
        "Pas besoin d'être expert. Ce qui compte, c'est de dégager un peu de temps, d'être curieux et d'avoir "
        "envie d'aider quelqu'un à trouver ses repères.",
        "You don't need to be an expert. What matters is that you make some time, are curious and enjoy helping "
        "someone find their way.",
    ),
    "body": [
        ("heading", T("In vier stappen", "En quatre étapes", "In four steps")),
        (
            "paragraph",
            R(
                "<ol><li>Zoek in het overzicht een buddyprogramma bij jou in de buurt, of een programma dat "
                "online werkt.</li>"
                "<li>Meld je aan bij de organisatie achter het programma. Meestal volgt er een "
                "kennismakingsgesprek.</li>"
                "<li>De organisatie stelt een duo samen: jij en een nieuwkomer met gelijkaardige interesses of "
                "vragen.</li>"
                "<li>Jullie spreken geregeld af, gedurende een periode die je vooraf samen vastlegt.</li></ol>",
                "<ol><li>Cherchez dans l'aperçu un programme de parrainage près de chez vous, ou un programme qui "
                "fonctionne en ligne.</li>"
                "<li>Inscrivez-vous auprès de l'organisation qui porte le programme. Un entretien de présentation "
                "suit généralement.</li>"
                "<li>L'organisation forme un binôme : vous et un nouvel arrivant qui a des centres d'intérêt ou "
                "des questions proches des vôtres.</li>"
                "<li>Vous vous voyez régulièrement, pendant une période que vous fixez ensemble au "
                "départ.</li></ol>",
                "<ol><li>Look in the overview for a buddy programme near you, or one that works online.</li>"
                "<li>Sign up with the organisation that runs the programme. There is usually an introductory "
                "conversation.</li>"
                "<li>The organisation puts together a duo: you and a newcomer with similar interests or "
                "questions.</li>"
                "<li>You meet regularly, for a period you agree on together at the start.</li></ol>",
            ),
        ),
        (
            "image",
            {
                "image": {
                    "image": Ref("walk"),
                    "alt_text": T(
                        "Twee getekende figuren, een oranje en een blauwe, lopen schouder aan schouder.",
                        "Deux personnages dessinés, l'un orange et l'autre bleu, marchent épaule contre épaule.",
                        "Two drawn figures, one orange and one blue, walk shoulder to shoulder.",
                    ),
                    "decorative": False,
                },
                "caption": T(
                    "Samen de buurt verkennen is vaak een eerste stap.",
                    "Explorer le quartier ensemble est souvent un premier pas.",
                    "Exploring the neighbourhood together is often a first step.",
                ),
            },
        ),
        ("heading", T("Wat kun je samen doen?", "Que faire ensemble ?", "What can you do together?")),
        (
            "paragraph",
            R(
                "<ul><li>Een taal oefenen tijdens een wandeling of bij het koken.</li>"
                "<li>Samen een brief, een formulier of een huurcontract doornemen.</li>"
                "<li>Mee zoeken naar een woning, een opleiding of werk.</li>"
                "<li>Verenigingen, mensen en plekken in de buurt leren kennen.</li>"
                "<li>Gewoon tijd maken voor elkaar.</li></ul>",
                "<ul><li>Pratiquer une langue en se promenant ou en cuisinant.</li>"
                "<li>Lire ensemble un courrier, un formulaire ou un contrat de bail.</li>"
                "<li>Aider à chercher un logement, une formation ou un emploi.</li>"
                "<li>Découvrir les associations, les gens et les lieux du quartier.</li>"
                "<li>Simplement prendre du temps l'un pour l'autre.</li></ul>",
                "<ul><li>Practise a language on a walk or while cooking.</li>"
                "<li>Go through a letter, a form or a rental contract together.</li>"
                "<li>Help look for a home, a course or a job.</li>"
                "<li>Get to know the clubs, people and places in the neighbourhood.</li>"
                "<li>Simply make time for each other.</li></ul>",
            ),
        ),
        (
            "quote",
            {
                "text": T(
                    "Ik dacht dat ik vooral zou helpen. Achteraf heb ik minstens evenveel geleerd als Yonas.",
                    "Je pensais surtout aider. Au bout du compte, j'ai appris au moins autant que Yonas.",
                    "I thought I would mostly be helping. In the end I learned at least as much as Yonas did.",
                ),
                "attribution": T("Sara, buddy in Leuven", "Sara, buddy à Louvain", "Sara, a buddy in Leuven"),
            },
        ),
        (
            "call_to_action",
            {
                "description": T(
                    "Nog vragen over tijd, begeleiding of aanmelden?",
                    "Des questions sur le temps à y consacrer, l'accompagnement ou l'inscription ?",
                    "Questions about time, support or signing up?",
                ),
                "text": T(
                    "Lees de veelgestelde vragen",
                    "Lire les questions fréquentes",
                    "Read the frequently asked questions",
                ),
                "page": Ref("faq"),
                "url": "",
            },
        ),
    ],
}


def _question(question, answer):
    return {"question": question, "answer": answer}


FAQ_PAGE = {
    "title": T("Veelgestelde vragen", "Questions fréquentes", "Frequently asked questions"),
    "seo_title": T(
        "Veelgestelde vragen over buddywerking",
        "Questions fréquentes sur le parrainage",
        "Frequently asked questions about buddy programmes",
    ),
    "slug": T("veelgestelde-vragen", "questions-frequentes", "frequently-asked-questions"),
    "search_description": T(
        "Wat is een buddyprogramma, waarom doet het ertoe en hoe word je zelf buddy? De antwoorden op de vragen "
        "die we het vaakst krijgen.",
        "Qu'est-ce qu'un programme de parrainage, pourquoi est-ce important et comment devenir buddy ? Les "
        "réponses aux questions que l'on nous pose le plus souvent.",
        "What is a buddy programme, why does it matter and how do you become a buddy? Answers to the questions we "
        "are asked most often.",
    ),
    "introduction": R(
        "<p>Alles over <b>buddyprogramma's</b>: wat ze zijn, waarom ze ertoe doen en hoe je zelf meedoet.</p>",
        "<p>Tout sur les <b>programmes de parrainage</b> : ce qu'ils sont, pourquoi ils comptent et comment y "
        "participer.</p>",
        "<p>All about <b>buddy programmes</b>: what they are, why they matter and how to take part.</p>",
    ),
    "sections": [
        (
            "section",
            {
                "title": T("Buddywerking in het kort", "Le parrainage en bref", "Buddy programmes in brief"),
                "questions": [
                    _question(
                        T(
                            "Wat is een buddyprogramma?",
                            "Qu'est-ce qu'un programme de parrainage ?",
                            "What is a buddy programme?",
                        ),
                        R(
                            "<p>In een buddyprogramma vormen een vrijwilliger en een nieuwkomer een duo. Meestal "
                            "brengt een lokale organisatie hen samen. Daarna zien ze elkaar op vaste momenten, "
                            "gedurende een periode die min of meer vastligt.</p>"
                            "<p>Het doel is de nieuwkomer te helpen een eigen plek te vinden in de gemeenschap "
                            "waar hij of zij nu woont.</p>",
                            "<p>Dans un programme de parrainage, un bénévole et un nouvel arrivant forment un "
                            "binôme. Le plus souvent, c'est une organisation locale qui les met en contact. Ils se "
                            "retrouvent ensuite à intervalles réguliers, pendant une période plus ou moins "
                            "définie.</p>"
                            "<p>Le but est d'aider le nouvel arrivant à trouver sa place dans la communauté où il "
                            "vit désormais.</p>",
                            "<p>In a buddy programme, a volunteer and a newcomer form a duo. Usually a local "
                            "organisation brings them together. After that they meet at regular times, over a more "
                            "or less fixed period.</p>"
                            "<p>The aim is to help the newcomer find their own place in the community they now "
                            "live in.</p>",
                        ),
                    ),
                    _question(
                        T(
                            "Wie zijn de buddy's en wie zijn de nieuwkomers?",
                            "Qui sont les buddies et qui sont les nouveaux arrivants ?",
                            "Who are the buddies and who are the newcomers?",
                        ),
                        R(
                            "<p>De buddy is een vrijwilliger die al langer in België of Luxemburg woont. De "
                            "nieuwkomer is iemand die zijn of haar land moest ontvluchten en hier bescherming "
                            "kreeg, vaak nog niet zo lang geleden.</p>"
                            "<p>Veel nieuwkomers willen graag mensen van hier leren kennen en iets bijdragen aan "
                            "hun nieuwe woonplaats. Een buddyprogramma slaat de brug tussen beide.</p>",
                            "<p>Le buddy est un bénévole qui vit depuis un certain temps en Belgique ou au "
                            "Luxembourg. Le nouvel arrivant est une personne qui a dû fuir son pays et a obtenu "
                            "une protection ici, souvent depuis peu.</p>"
                            "<p>Beaucoup de nouveaux arrivants souhaitent rencontrer des gens d'ici et apporter "
                            "leur contribution à leur nouveau lieu de vie. Un programme de parrainage jette un "
                            "pont entre les deux.</p>",
                            "<p>The buddy is a volunteer who has lived in Belgium or Luxembourg for some time. The "
                            "newcomer is someone who had to flee their country and was given protection here, "
                            "often not long ago.</p>"
                            "<p>Many newcomers are keen to meet people from here and to contribute to their new "
                            "home town. A buddy programme builds the bridge between the two.</p>",
                        ),
                    ),
                    _question(
                        T(
                            "Heeft buddywerking nog andere namen?",
                            "Le parrainage porte-t-il d'autres noms ?",
                            "Do buddy programmes go by other names?",
                        ),
                        R(
                            "<p>Ja. Gelijkaardige werkingen heten ook duowerking, tandem, coaching, mentoring of "
                            "peter- en meterschap. Het idee blijft hetzelfde: twee mensen die een tijd samen "
                            "optrekken.</p>",
                            "<p>Oui. On parle aussi de duo, de tandem, de coaching, de mentorat ou de parrainage "
                            "et marrainage. L'idée reste la même : deux personnes qui font un bout de chemin "
                            "ensemble.</p>",
                            "<p>Yes. Similar schemes are also called duo programmes, tandems, coaching, mentoring "
                            "or sponsorship. The idea is the same: two people who spend a stretch of time "
                            "together.</p>",
                        ),
                    ),
                ],
            },
        ),
        (
            "section",
            {
                "title": T("Waarom buddywerking?", "Pourquoi le parrainage ?", "Why buddy programmes?"),
                "questions": [
                    _question(
                        T("Waarom zou ik buddy worden?", "Pourquoi devenir buddy ?", "Why should I become a buddy?"),
                        R(
                            "<p>Als buddy help je mee om van je gemeente een plek te maken waar nieuwkomers zich "
                            "welkom voelen. Je leert andere gewoonten en culturen kennen, je sociale vaardigheden "
                            "groeien, en niet zelden ontstaat er een vriendschap die blijft.</p>"
                            "<p>Wie elkaar echt leert kennen, ruimt bovendien vooroordelen op, aan beide kanten. "
                            "Zo bouw je mee aan een samenleving waarin iedereen meetelt.</p>",
                            "<p>Comme buddy, vous contribuez à faire de votre commune un endroit où les nouveaux "
                            "arrivants se sentent les bienvenus. Vous découvrez d'autres habitudes et d'autres "
                            "cultures, vos compétences sociales se développent, et il n'est pas rare qu'une amitié "
                            "durable voie le jour.</p>"
                            "<p>Apprendre vraiment à se connaître fait aussi tomber les préjugés, des deux côtés. "
                            "Vous participez ainsi à une société où chacun compte.</p>",
                            "<p>As a buddy you help make your town a place where newcomers feel welcome. You get to "
                            "know other customs and cultures, your social skills grow, and quite often a lasting "
                            "friendship is born.</p>"
                            "<p>Really getting to know each other also breaks down prejudice, on both sides. That "
                            "way you help build a society in which everyone counts.</p>",
                        ),
                    ),
                    _question(
                        T(
                            "Waarom is buddywerking belangrijk voor de integratie van vluchtelingen?",
                            "Pourquoi le parrainage est-il important pour l'intégration des réfugiés ?",
                            "Why do buddy programmes matter for refugees' integration?",
                        ),
                        R(
                            "<p>Wereldwijd zijn miljoenen mensen op de vlucht voor oorlog en vervolging. Wie niet "
                            "veilig naar huis kan, bouwt een nieuw leven op in het land dat hem of haar opvangt. "
                            "Integratie gaat stap voor stap, raakt aan rechten, werk, contacten en cultuur, en "
                            "vraagt inzet van de nieuwkomer én van de gemeenschap.</p>"
                            "<p>Een buddy helpt daarbij heel concreet:</p>"
                            "<ul><li>een netwerk opbouwen en vrienden maken;</li>"
                            "<li>de taal oefenen in het dagelijks leven;</li>"
                            "<li>een woning zoeken;</li>"
                            "<li>werk vinden of een opleiding kiezen;</li>"
                            "<li>het schoolsysteem begrijpen;</li>"
                            "<li>de weg vinden in de samenleving en haar ongeschreven regels.</li></ul>"
                            "<p>Zo wordt de nieuwkomer sneller zelfstandig.</p>",
                            "<p>Dans le monde, des millions de personnes fuient la guerre et la persécution. "
                            "Celles qui ne peuvent pas rentrer chez elles en sécurité reconstruisent leur vie dans "
                            "le pays qui les accueille. L'intégration se fait pas à pas, touche aux droits, au "
                            "travail, aux relations et à la culture, et demande un effort du nouvel arrivant comme "
                            "de la société d'accueil.</p>"
                            "<p>Un buddy y contribue très concrètement :</p>"
                            "<ul><li>se constituer un réseau et se faire des amis ;</li>"
                            "<li>pratiquer la langue au quotidien ;</li>"
                            "<li>chercher un logement ;</li>"
                            "<li>trouver un emploi ou choisir une formation ;</li>"
                            "<li>comprendre le système scolaire ;</li>"
                            "<li>s'orienter dans la société et ses règles non écrites.</li></ul>"
                            "<p>Le nouvel arrivant gagne ainsi plus vite en autonomie.</p>",
                            "<p>Around the world, millions of people are fleeing war and persecution. Those who "
                            "cannot safely go home rebuild their lives in the country that takes them in. "
                            "Integration happens step by step, touches on rights, work, relationships and culture, "
                            "and takes effort from the newcomer and from the community alike.</p>"
                            "<p>A buddy helps in very practical ways:</p>"
                            "<ul><li>building a network and making friends;</li>"
                            "<li>practising the language in everyday life;</li>"
                            "<li>looking for a home;</li>"
                            "<li>finding work or choosing a course;</li>"
                            "<li>understanding the school system;</li>"
                            "<li>finding one's way in society and its unwritten rules.</li></ul>"
                            "<p>That way the newcomer becomes independent sooner.</p>",
                        ),
                    ),
                    _question(
                        T(
                            "Op welke obstakels botsen nieuwkomers?",
                            "À quels obstacles les nouveaux arrivants se heurtent-ils ?",
                            "What obstacles do newcomers face?",
                        ),
                        R(
                            "<p>Een nieuw leven opbouwen in een onbekend land is zwaar, zeker in de eerste tijd "
                            "nadat iemand een verblijfsvergunning heeft gekregen. Nieuwkomers moeten onder "
                            "meer:</p>"
                            "<ul><li>een geschikte woning vinden;</li>"
                            "<li>hun familie terugvinden en weer bij zich krijgen;</li>"
                            "<li>een nieuwe taal leren;</li>"
                            "<li>de gewoonten van hun nieuwe omgeving leren kennen;</li>"
                            "<li>hun weg vinden in het onderwijs;</li>"
                            "<li>degelijk werk vinden;</li>"
                            "<li>nieuwe vrienden maken.</li></ul>"
                            "<p>Velen dragen daarbij nog de last van wat ze thuis of onderweg hebben meegemaakt. "
                            "Met de juiste steun zijn die drempels wel te overwinnen.</p>",
                            "<p>Reconstruire sa vie dans un pays inconnu est difficile, surtout dans les premiers "
                            "temps après l'obtention d'un titre de séjour. Les nouveaux arrivants doivent entre "
                            "autres :</p>"
                            "<ul><li>trouver un logement adapté ;</li>"
                            "<li>retrouver leurs proches et être réunis avec eux ;</li>"
                            "<li>apprendre une nouvelle langue ;</li>"
                            "<li>découvrir les habitudes de leur nouvel environnement ;</li>"
                            "<li>s'y retrouver dans l'enseignement ;</li>"
                            "<li>trouver un emploi digne de ce nom ;</li>"
                            "<li>se faire de nouveaux amis.</li></ul>"
                            "<p>Beaucoup portent encore le poids de ce qu'ils ont vécu dans leur pays ou pendant "
                            "leur fuite. Avec le bon soutien, ces obstacles peuvent pourtant être surmontés.</p>",
                            "<p>Rebuilding a life in an unfamiliar country is hard, especially in the first months "
                            "after receiving a residence permit. Among other things, newcomers have to:</p>"
                            "<ul><li>find suitable housing;</li>"
                            "<li>trace their family and be reunited with them;</li>"
                            "<li>learn a new language;</li>"
                            "<li>learn the customs of their new surroundings;</li>"
                            "<li>find their way around the education system;</li>"
                            "<li>find decent work;</li>"
                            "<li>make new friends.</li></ul>"
                            "<p>Many still carry the weight of what they went through at home or on the way. With "
                            "the right support, these hurdles can be overcome.</p>",
                        ),
                    ),
                    _question(
                        T(
                            "Vervangt een buddy de overheid of professionele hulp?",
                            "Un buddy remplace-t-il les services publics ou l'aide professionnelle ?",
                            "Does a buddy replace public services or professional support?",
                        ),
                        R(
                            "<p>Nee, nooit. Buddywerking komt bovenop de begeleiding door openbare diensten en "
                            "professionele hulpverleners; ze kan die niet vervangen.</p>"
                            "<p>Tegelijk tonen al die vrijwilligersinitiatieven dat sommige basisnoden van "
                            "vluchtelingen zonder hen onbeantwoord zouden blijven, en dat het professionele "
                            "aanbod dus nog tekortschiet.</p>",
                            "<p>Non, jamais. Le parrainage vient s'ajouter à l'accompagnement assuré par les "
                            "services publics et les professionnels ; il ne peut pas le remplacer.</p>"
                            "<p>En même temps, toutes ces initiatives bénévoles montrent que certains besoins de "
                            "base des réfugiés resteraient sans réponse sans elles, et que l'offre "
                            "professionnelle reste donc insuffisante.</p>",
                            "<p>No, never. Buddy programmes come on top of the support given by public services "
                            "and professional care workers; they cannot replace it.</p>"
                            "<p>At the same time, all these volunteer initiatives show that some of refugees' basic "
                            "needs would go unmet without them, which means professional provision still falls "
                            "short.</p>",
                        ),
                    ),
                ],
            },
        ),
        (
            "section",
            {
                "title": T("Praktisch", "En pratique", "In practice"),
                "questions": [
                    _question(
                        T(
                            "Hoeveel tijd vraagt het?",
                            "Combien de temps cela demande-t-il ?",
                            "How much time does it take?",
                        ),
                        R(
                            "<p>Dat verschilt van programma tot programma. Vaak zien buddy's elkaar een paar uur "
                            "per week of om de twee weken, gedurende enkele maanden tot een jaar. De organisatie "
                            "vertelt je vooraf wat ze verwacht, zodat je weet waar je aan begint.</p>",
                            "<p>Cela varie d'un programme à l'autre. Souvent, les buddies se voient quelques heures "
                            "par semaine ou toutes les deux semaines, pendant quelques mois à un an. "
                            "L'organisation vous dit au départ ce qu'elle attend, pour que vous sachiez à quoi "
                            "vous vous engagez.</p>",
                            "<p>It varies from programme to programme. Buddies often meet for a few hours a week or "
                            "every other week, for a few months up to a year. The organisation tells you up front "
                            "what it expects, so you know what you are signing up for.</p>",
                        ),
                    ),
                    _question(
                        T(
                            "Heb ik speciale kennis of ervaring nodig?",
                            "Faut-il des compétences ou une expérience particulières ?",
                            "Do I need special skills or experience?",
                        ),
                        R(
                            "<p>Nee. Je hoeft geen tolk, maatschappelijk werker of leraar te zijn. Openheid, geduld "
                            "en een beetje tijd zijn veel belangrijker. Voor specifieke vragen, bijvoorbeeld over "
                            "verblijfspapieren, verwijs je door naar de professionals.</p>",
                            "<p>Non. Pas besoin d'être interprète, assistant social ou enseignant. L'ouverture, la "
                            "patience et un peu de temps comptent bien davantage. Pour les questions "
                            "spécialisées, par exemple sur les titres de séjour, vous orientez vers les "
                            "professionnels.</p>",
                            "<p>No. You don't need to be an interpreter, a social worker or a teacher. Openness, "
                            "patience and a little time matter far more. For specialist questions, about residence "
                            "papers for example, you refer people to the professionals.</p>",
                        ),
                    ),
                    _question(
                        T("Hoe meld ik me aan?", "Comment m'inscrire ?", "How do I sign up?"),
                        R(
                            '<p>Kies in het <a linktype="page" id="ref:programmes">overzicht van '
                            "buddyprogramma's</a> een programma in jouw regio of een programma dat online werkt, en "
                            "meld je aan via de website van de organisatie.</p>"
                            "<p>Ben je zelf nieuwkomer en zoek je een buddy? Ook dan kun je bij die organisaties "
                            "terecht.</p>",
                            '<p>Choisissez dans <a linktype="page" id="ref:programmes">l\'aperçu des '
                            "programmes de parrainage</a> un programme dans votre région ou un programme en ligne, "
                            "et inscrivez-vous sur le site de l'organisation.</p>"
                            "<p>Vous êtes vous-même nouvel arrivant et cherchez un buddy ? Ces organisations sont "
                            "là pour vous aussi.</p>",
                            "<p>Choose a programme in your region, or one that works online, from the "
                            '<a linktype="page" id="ref:programmes">overview of buddy programmes</a>, and sign '
                            "up on the organisation's website.</p>"
                            "<p>Are you a newcomer looking for a buddy? Those organisations are there for you "
                            "too.</p>",
                        ),
                    ),
                    _question(
                        T(
                            "Word ik als buddy begeleid?",
                            "Suis-je accompagné en tant que buddy ?",
                            "Will I get support as a buddy?",
                        ),
                        R(
                            "<p>Ja. De organisatie achter het programma bereidt je voor, vaak met een korte "
                            "vorming, en blijft je aanspreekpunt zolang het duo loopt. Bij twijfel of "
                            "moeilijkheden kun je altijd bij haar terecht: je staat er niet alleen voor.</p>",
                            "<p>Oui. L'organisation qui porte le programme vous prépare, souvent par une courte "
                            "formation, et reste votre interlocutrice tant que le binôme existe. En cas de doute "
                            "ou de difficulté, vous pouvez toujours vous adresser à elle : vous n'êtes pas "
                            "seul.</p>",
                            "<p>Yes. The organisation behind the programme prepares you, often with a short "
                            "training session, and remains your point of contact for as long as the duo runs. If "
                            "you have doubts or run into difficulties, you can always turn to them: you are not on "
                            "your own.</p>",
                        ),
                    ),
                    _question(
                        T(
                            "Hoe gingen buddyprogramma's om met de coronapandemie?",
                            "Comment les programmes de parrainage ont-ils traversé la pandémie de COVID-19 ?",
                            "How did buddy programmes cope with the COVID-19 pandemic?",
                        ),
                        R(
                            "<p>Om besmettingen te vermijden, pasten veel programma's hun werking aan. Sommige "
                            "legden hun activiteiten een tijd stil. Andere gingen door in een andere vorm: online "
                            "aanmelden en kennismaken, videogesprekken of telefoontjes, en wandelingen in open "
                            "lucht met respect voor de geldende maatregelen.</p>"
                            "<p>Hoe een programma vandaag werkt, lees je op de website van de organisatie.</p>",
                            "<p>Pour éviter les contaminations, de nombreux programmes ont adapté leur "
                            "fonctionnement. Certains ont suspendu leurs activités pendant un temps. D'autres ont "
                            "continué sous une autre forme : inscription et premières rencontres en ligne, appels "
                            "vidéo ou téléphoniques, et promenades en plein air dans le respect des mesures en "
                            "vigueur.</p>"
                            "<p>Pour savoir comment un programme fonctionne aujourd'hui, consultez le site de "
                            "l'organisation.</p>",
                            "<p>To avoid infections, many programmes changed the way they worked. Some paused their "
                            "activities for a while. Others carried on in a different form: signing up and first "
                            "meetings online, video or phone calls, and walks in the open air that respected the "
                            "rules in force.</p>"
                            "<p>To find out how a programme works today, see the organisation's website.</p>",
                        ),
                    ),
                ],
            },
        ),
    ],
}

PRIVACY_PAGE = {
    "title": T("Privacyverklaring", "Déclaration de confidentialité", "Privacy statement"),
    "slug": T("privacyverklaring", "declaration-de-confidentialite", "privacy-statement"),
    "search_description": T(
        "Welke persoonsgegevens deze website verwerkt, waarom, en welke rechten je hebt.",
        "Quelles données personnelles ce site traite, pourquoi, et quels sont vos droits.",
        "Which personal data this website processes, why, and what your rights are.",
    ),
    "introduction": T(
        "We verzamelen zo weinig mogelijk gegevens over wie deze website bezoekt. Hieronder lees je welke "
        "gegevens we toch verwerken en waarom.",
        "Nous collectons le moins de données possible sur les visiteurs de ce site. Vous trouverez ci-dessous "
        "les données que nous traitons malgré tout, et pourquoi.",
        "We collect as little data as possible about the people who visit this website. Below you can read "
        "which data we do process, and why.",
    ),
    "body": [
        ("heading", T("Wie is verantwoordelijk?", "Qui est responsable ?", "Who is responsible?")),
        (
            "paragraph",
            R(
                "<p>Deze website wordt uitgegeven door UNHCR, de vluchtelingenorganisatie van de Verenigde Naties, "
                "voor de campagne #BuddiesWithRefugees. Met vragen over je gegevens kun je terecht bij "
                f'<a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a>.</p>',
                "<p>Ce site est publié par le HCR, l'agence des Nations unies pour les réfugiés, pour la campagne "
                "#BuddiesWithRefugees. Pour toute question sur vos données, écrivez à "
                f'<a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a>.</p>',
                "<p>This website is published by UNHCR, the UN Refugee Agency, for the #BuddiesWithRefugees "
                "campaign. If you have questions about your data, write to "
                f'<a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a>.</p>',
            ),
        ),
        ("heading", T("Welke gegevens verwerken we?", "Quelles données traitons-nous ?", "Which data do we process?")),
        (
            "paragraph",
            R(
                "<ul><li>Bezoekers hebben geen account nodig. We plaatsen geen cookies om je te volgen of om "
                "advertenties te tonen.</li>"
                "<li>Onze server houdt technische logbestanden bij, zoals je IP-adres en de opgevraagde pagina, "
                "om de website veilig en beschikbaar te houden. Die bewaren we zo kort mogelijk.</li>"
                "<li>Van de zoekfunctie bewaren we alleen de zoektermen, zonder iets dat naar jou "
                "verwijst.</li>"
                "<li>Redacteurs die inloggen, krijgen een sessiecookie. Mislukte aanmeldpogingen registreren we "
                "om misbruik tegen te gaan.</li></ul>",
                "<ul><li>Les visiteurs n'ont pas besoin de compte. Nous ne déposons aucun cookie pour vous suivre "
                "ou vous montrer des publicités.</li>"
                "<li>Notre serveur tient des journaux techniques, comme votre adresse IP et la page demandée, pour "
                "garder le site sûr et disponible. Nous les conservons le moins longtemps possible.</li>"
                "<li>De la recherche, nous ne gardons que les termes recherchés, sans rien qui renvoie à "
                "vous.</li>"
                "<li>Les rédacteurs qui se connectent reçoivent un cookie de session. Nous enregistrons les "
                "tentatives de connexion échouées pour prévenir les abus.</li></ul>",
                "<ul><li>Visitors do not need an account. We set no cookies to track you or to show you "
                "advertising.</li>"
                "<li>Our server keeps technical logs, such as your IP address and the page requested, to keep the "
                "website secure and available. We keep them for as short a time as possible.</li>"
                "<li>From the search function we keep only the search terms, with nothing that points to "
                "you.</li>"
                "<li>Editors who log in receive a session cookie. We record failed login attempts to prevent "
                "abuse.</li></ul>",
            ),
        ),
        (
            "heading",
            T(
                "Vragen om mee te doen aan een buddyprogramma",
                "Demander à participer à un programme de parrainage",
                "Asking to take part in a buddy programme",
            ),
        ),
        (
            "paragraph",
            R(
                "<p>Bij sommige programma's kun je op deze website vragen om mee te doen. Je vult dan alleen in "
                "wat de organisatie nodig heeft om je te antwoorden: je voornaam, je e-mailadres of "
                "telefoonnummer, de talen die je spreekt, je gemeente en eventueel een kort bericht.</p>"
                "<ul><li>Alleen de redacteurs van de organisatie die het programma aanbiedt, zien je aanvraag. "
                "De campagne ziet enkel aantallen, nooit wie je bent.</li>"
                "<li>De organisatie krijgt een e-mail dat er een aanvraag is, zonder je gegevens. Als je een "
                "e-mailadres opgeeft, krijg je een bevestiging.</li>"
                "<li>We wissen je aanvraag automatisch 90 dagen nadat de organisatie ze heeft afgesloten, en "
                "hoogstens 180 dagen nadat je ze stuurde. Je kunt de organisatie altijd vragen om ze eerder te "
                "wissen.</li>"
                "<li>Je gegevens komen niet in zoekresultaten, logbestanden of e-mails aan anderen terecht.</li></ul>"
                "<p>Meld je je aan op de website van de organisatie zelf, dan beslist die organisatie wat ze met je "
                "gegevens doet; lees daarvoor haar eigen privacyverklaring.</p>",
                "<p>Pour certains programmes, vous pouvez demander à participer sur ce site. Vous n'indiquez alors que "
                "ce dont l'organisation a besoin pour vous répondre : votre prénom, votre adresse e-mail ou votre "
                "numéro de téléphone, les langues que vous parlez, votre commune et, si vous le souhaitez, un court "
                "message.</p>"
                "<ul><li>Seuls les rédacteurs de l'organisation qui propose le programme voient votre demande. La "
                "campagne ne voit que des nombres, jamais qui vous êtes.</li>"
                "<li>L'organisation reçoit un e-mail l'avertissant d'une demande, sans vos données. Si vous indiquez "
                "une adresse e-mail, vous recevez une confirmation.</li>"
                "<li>Nous effaçons automatiquement votre demande 90 jours après que l'organisation l'a clôturée, et "
                "au plus tard 180 jours après son envoi. Vous pouvez toujours demander à l'organisation de l'effacer "
                "plus tôt.</li>"
                "<li>Vos données n'apparaissent ni dans les résultats de recherche, ni dans les journaux, ni dans des "
                "e-mails à d'autres personnes.</li></ul>"
                "<p>Si vous vous inscrivez sur le site de l'organisation elle-même, c'est elle qui décide de l'usage "
                "de vos données ; consultez pour cela sa propre déclaration de confidentialité.</p>",
                "<p>For some programmes you can ask to take part on this website. You then fill in only what the "
                "organisation needs to answer you: your first name, your e-mail address or phone number, the "
                "languages you speak, your municipality and, if you like, a short message.</p>"
                "<ul><li>Only the editors of the organisation that offers the programme see your request. The "
                "campaign sees numbers only, never who you are.</li>"
                "<li>The organisation gets an e-mail saying there is a request, without your data. If you give an "
                "e-mail address, you get a confirmation.</li>"
                "<li>We erase your request automatically 90 days after the organisation closes it, and at the latest "
                "180 days after you sent it. You can always ask the organisation to erase it sooner.</li>"
                "<li>Your data never ends up in search results, log files or e-mails to anyone else.</li></ul>"
                "<p>If you sign up on the organisation's own website, that organisation decides what it does with "
                "your data; please read its own privacy statement.</p>",
            ),
        ),
        ("heading", T("Je rechten", "Vos droits", "Your rights")),
        (
            "paragraph",
            R(
                "<p>Je kunt altijd vragen welke gegevens we over je bewaren, en vragen om ze te verbeteren of te "
                f'wissen. Stuur daarvoor een e-mail naar <a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a>. '
                "We antwoorden binnen een maand.</p>",
                "<p>Vous pouvez toujours demander quelles données nous conservons à votre sujet, et demander à les "
                f'faire corriger ou effacer. Envoyez pour cela un e-mail à <a href="mailto:{PRIVACY_EMAIL}">'
                f"{PRIVACY_EMAIL}</a>. Nous répondons dans un délai d'un mois.</p>",
                "<p>You can always ask which data we hold about you, and ask for it to be corrected or erased. "
                f'To do so, send an e-mail to <a href="mailto:{PRIVACY_EMAIL}">{PRIVACY_EMAIL}</a>. We reply within '
                "one month.</p>",
            ),
        ),
    ],
}

ACCESSIBILITY_PAGE = {
    "title": T("Toegankelijkheidsverklaring", "Déclaration d'accessibilité", "Accessibility statement"),
    "slug": T("toegankelijkheidsverklaring", "declaration-daccessibilite", "accessibility-statement"),
    "search_description": T(
        "Hoe toegankelijk deze website is, wat nog niet goed werkt en hoe je een probleem meldt.",
        "Le niveau d'accessibilité de ce site, ce qui ne fonctionne pas encore bien et comment signaler un problème.",
        "How accessible this website is, what does not work well yet and how to report a problem.",
    ),
    "introduction": T(
        "Iedereen moet deze website kunnen gebruiken: ook wie slecht ziet, doof of slechthorend is, of werkt met "
        "het toetsenbord of een schermlezer.",
        "Tout le monde doit pouvoir utiliser ce site, y compris les personnes malvoyantes, sourdes ou "
        "malentendantes, ou qui naviguent au clavier ou avec un lecteur d'écran.",
        "Everyone should be able to use this website, including people who are partially sighted, deaf or hard "
        "of hearing, or who use a keyboard or a screen reader.",
    ),
    "body": [
        ("heading", T("Onze doelstelling", "Notre objectif", "Our aim")),
        (
            "paragraph",
            R(
                "<p>Deze website wil voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.1, niveau AA. "
                "Zo pakken we dat aan:</p>"
                "<ul><li>De pagina's zijn opgebouwd met gestructureerde HTML, met duidelijke koppen en "
                "oriëntatiepunten.</li>"
                "<li>Alles werkt met het toetsenbord, ook zonder JavaScript.</li>"
                "<li>Tekst en achtergrond hebben voldoende kleurcontrast.</li>"
                "<li>Afbeeldingen hebben een tekstalternatief en vermelden wie ze maakte.</li>"
                "<li>De taal van elke pagina staat in de code, zodat schermlezers de tekst correct "
                "voorlezen.</li></ul>"
                "<p>We controleren de pagina's met automatische toegankelijkheidstests en met het "
                "toetsenbord.</p>",
                "<p>Ce site vise la conformité aux Règles pour l'accessibilité des contenus Web (WCAG) 2.1, niveau "
                "AA. Voici comment :</p>"
                "<ul><li>Les pages sont construites en HTML structuré, avec des titres et des repères de "
                "navigation clairs.</li>"
                "<li>Tout fonctionne au clavier, même sans JavaScript.</li>"
                "<li>Le texte et l'arrière-plan présentent un contraste de couleurs suffisant.</li>"
                "<li>Les images ont une alternative textuelle et mentionnent leur auteur.</li>"
                "<li>La langue de chaque page figure dans le code, pour que les lecteurs d'écran lisent le texte "
                "correctement.</li></ul>"
                "<p>Nous vérifions les pages avec des tests d'accessibilité automatiques et au clavier.</p>",
                "<p>This website aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. "
                "This is how we go about it:</p>"
                "<ul><li>Pages are built with structured HTML, with clear headings and landmarks.</li>"
                "<li>Everything works with a keyboard, even without JavaScript.</li>"
                "<li>Text and background have enough colour contrast.</li>"
                "<li>Images have a text alternative and credit their maker.</li>"
                "<li>Each page's language is set in the code, so screen readers read the text "
                "correctly.</li></ul>"
                "<p>We check the pages with automated accessibility tests and with the keyboard.</p>",
            ),
        ),
        (
            "heading",
            T("Wat nog niet goed werkt", "Ce qui ne fonctionne pas encore bien", "What does not work well yet"),
        ),
        (
            "paragraph",
            R(
                "<ul><li>Niet alle inhoud bestaat in drie talen. Sommige organisaties beschrijven hun programma "
                "en de afbeeldingen erbij alleen in het Nederlands of het Frans; we vermelden dan in welke taal "
                "de tekst geschreven is.</li>"
                "<li>Video's van externe platformen hebben niet altijd ondertitels.</li></ul>",
                "<ul><li>Tout le contenu n'existe pas dans les trois langues. Certaines organisations ne décrivent "
                "leur programme, images comprises, qu'en néerlandais ou en français ; nous indiquons alors la "
                "langue du texte.</li>"
                "<li>Les vidéos de plateformes externes n'ont pas toujours de sous-titres.</li></ul>",
                "<ul><li>Not all content exists in three languages. Some organisations describe their programme, "
                "its images included, only in Dutch or French; we then say which language the text is written "
                "in.</li>"
                "<li>Videos from external platforms do not always have subtitles.</li></ul>",
            ),
        ),
        ("heading", T("Een probleem melden", "Signaler un problème", "Reporting a problem")),
        (
            "paragraph",
            R(
                "<p>Loop je op deze website ergens vast? Laat het ons weten via "
                f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a> of bel {CONTACT_PHONE}. Vermeld de '
                "pagina en wat er misliep. We antwoorden binnen tien werkdagen en zoeken samen met jou een "
                "oplossing.</p>"
                "<p>Deze verklaring werd opgesteld in november 2026.</p>",
                "<p>Vous êtes bloqué quelque part sur ce site ? Faites-le-nous savoir à "
                f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a> ou appelez le {CONTACT_PHONE}. '
                "Indiquez la page et ce qui n'a pas fonctionné. Nous répondons dans les dix jours ouvrables et "
                "cherchons une solution avec vous.</p>"
                "<p>Cette déclaration a été établie en novembre 2026.</p>",
                "<p>Stuck somewhere on this website? Let us know at "
                f'<a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a> or call {CONTACT_PHONE}. Tell us the '
                "page and what went wrong. We reply within ten working days and look for a solution together "
                "with you.</p>"
                "<p>This statement was drawn up in November 2026.</p>",
            ),
        ),
    ],
}
