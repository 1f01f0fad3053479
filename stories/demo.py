"""Demo stories for `manage.py load_demo_content`: nine duos, in Dutch with French and English translations.

Runs after the programmes' loader (it is registered later, see home.demo), so the
demo programmes and their organisations' story folders exist. Each story sits in
its organisation's folder, links to a demo programme, has a drawn portrait with a
focal point and a credit line, and a recorded consent; one consent ends within 30
days, so the dashboard panel and `send_consent_warnings` have something to show.
The names are invented; the text was written for this demo. Loading again
changes nothing that exists.
"""

import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.images.rect import Rect

from home.demo import register_demo_loader
from home.demo.images import get_or_create_demo_image
from home.translation import translate_instance
from programs.models import ProgramPage, Region, Theme
from stories.models import OrganisationStoriesPage, StoryIndexPage, StoryPage
from stories.permissions import sync_all

INDEX_PAGE = {
    "nl": {
        "title": "Verhalen",
        "slug": "verhalen",
        "introduction": "Vrijwilligers en nieuwkomers vertellen hoe ze elkaar leerden kennen "
        "en wat hun duo veranderde.",
    },
    "fr": {
        "title": "Témoignages",
        "slug": "temoignages",
        "introduction": "Des bénévoles et des nouveaux arrivants racontent leur rencontre "
        "et ce que leur binôme a changé.",
    },
    "en": {
        "title": "Stories",
        "slug": "stories",
        "introduction": "Volunteers and newcomers tell how they met and what being a duo changed for them.",
    },
}

# Each story: the programme (by its import ID), region, themes, age in days, featured, and its text per language.
STORIES = [
    {
        "programme": "bwa-taal",
        "region": "BE-VAN",
        "themes": ["language", "social"],
        "age": 12,
        "featured": True,
        "seed": 501,
        "nl": {
            "title": "Elke dinsdag koffie en nieuwe woorden",
            "slug": "koffie-en-nieuwe-woorden",
            "duo_names": "Amina en Joris",
            "pull_quote": "Ik durf nu zelf te bellen naar de huisarts. Dat had ik een jaar geleden nooit gedacht.",
            "portrait_alt_text": "Twee getekende figuren zitten dicht bij elkaar aan een tafel",
            "body": [
                "Amina kwam vier jaar geleden naar Antwerpen. Ze volgde lessen Nederlands, maar buiten de klas "
                "sprak ze de taal bijna nooit. Joris, gepensioneerd leraar, zocht iets zinvols om zijn week "
                "mee te vullen.",
                "Hun afspraak is eenvoudig: elke dinsdag een uur koffie in de buurt, en daarna samen boodschappen "
                "doen. Wat begon met woordjes oefenen, werd een vriendschap waarin ze ook lachen om elkaars fouten.",
            ],
        },
        "fr": {
            "title": "Un café et de nouveaux mots chaque mardi",
            "slug": "un-cafe-et-de-nouveaux-mots",
            "duo_names": "Amina et Joris",
            "pull_quote": "J'ose maintenant appeler moi-même le médecin. Il y a un an, je ne l'aurais jamais imaginé.",
            "portrait_alt_text": "Deux personnages dessinés assis côte à côte à une table",
            "body": [
                "Amina est arrivée à Anvers il y a quatre ans. Elle suivait des cours de néerlandais, mais en dehors "
                "de la classe elle ne parlait presque jamais la langue. Joris, enseignant retraité, cherchait une "
                "activité qui ait du sens.",
                "Leur rendez-vous est simple : chaque mardi, une heure de café dans le quartier, puis les courses "
                "ensemble. Ce qui a commencé par du vocabulaire est devenu une amitié où l'on rit aussi de "
                "ses erreurs.",
            ],
        },
        "en": {
            "title": "Coffee and new words every Tuesday",
            "slug": "coffee-and-new-words",
            "duo_names": "Amina and Joris",
            "pull_quote": "I now dare to call the doctor myself. A year ago I would never have thought that possible.",
            "portrait_alt_text": "Two drawn figures sitting close together at a table",
            "body": [
                "Amina came to Antwerp four years ago. She took Dutch lessons, but outside the classroom she hardly "
                "ever spoke the language. Joris, a retired teacher, was looking for something meaningful to do.",
                "Their arrangement is simple: every Tuesday an hour of coffee in the neighbourhood, then the shopping "
                "together. What started as vocabulary practice became a friendship in which they laugh at each "
                "other's mistakes too.",
            ],
        },
    },
    {
        "programme": "stg-wonen",
        "region": "BE-VOV",
        "themes": ["housing", "administration"],
        "age": 40,
        "featured": True,
        "seed": 502,
        "nl": {
            "title": "Zeventien bezoeken en dan eindelijk een sleutel",
            "slug": "eindelijk-een-sleutel",
            "duo_names": "Yonas en Els",
            "pull_quote": "Els zei na elke weigering: volgende keer beter. Ze had gelijk.",
            "portrait_alt_text": "Twee getekende figuren naast elkaar, omringd door kleurige stippen",
            "body": [
                "Toen Yonas het opvangcentrum mocht verlaten, had hij drie maanden om een woning te vinden in Gent. "
                "Zonder netwerk en met een beperkt budget leek dat onmogelijk.",
                "Els hielp hem advertenties lezen, een huurcontract begrijpen en zich voorbereiden op bezoeken. Na "
                "zeventien bezichtigingen tekende Yonas zijn eerste huurcontract. Ze zien elkaar nog elke maand.",
            ],
        },
        "fr": {
            "title": "Dix-sept visites, puis enfin une clé",
            "slug": "enfin-une-cle",
            "duo_names": "Yonas et Els",
            "pull_quote": "Après chaque refus, Els disait : la prochaine fois sera la bonne. Elle avait raison.",
            "portrait_alt_text": "Deux personnages dessinés côte à côte, entourés de points colorés",
            "body": [
                "Quand Yonas a pu quitter le centre d'accueil, il avait trois mois pour trouver un logement à Gand. "
                "Sans réseau et avec un petit budget, cela semblait impossible.",
                "Els l'a aidé à lire les annonces, à comprendre un bail et à préparer les visites. Après dix-sept "
                "visites, Yonas a signé son premier bail. Ils se voient encore chaque mois.",
            ],
        },
        "en": {
            "title": "Seventeen viewings, then finally a key",
            "slug": "finally-a-key",
            "duo_names": "Yonas and Els",
            "pull_quote": "After every refusal Els said: better luck next time. She was right.",
            "portrait_alt_text": "Two drawn figures side by side, surrounded by colourful dots",
            "body": [
                "When Yonas was allowed to leave the reception centre, he had three months to find a home in Ghent. "
                "Without a network and on a small budget, it seemed impossible.",
                "Els helped him read adverts, understand a lease and prepare for viewings. After seventeen viewings "
                "Yonas signed his first lease. They still meet every month.",
            ],
        },
    },
    {
        "programme": "dbr-kust",
        "region": "BE-VWV",
        "themes": ["social", "leisure"],
        "age": 75,
        "featured": False,
        "seed": 503,
        "nl": {
            "title": "De zee gezien, en de hele kust erbij",
            "slug": "de-zee-gezien",
            "duo_names": "Samir en Marleen",
            "pull_quote": "Ik woonde twee jaar in Brugge en had de zee nog nooit gezien.",
            "portrait_alt_text": "Twee getekende figuren tegen een zachte achtergrond met stippen",
            "body": [
                "Samir werkte hard en kende vooral de weg tussen zijn huis en de fabriek. Marleen fietst al haar hele "
                "leven langs de kust en wilde die graag delen.",
                "Op hun eerste uitstap namen ze de tram van Knokke naar De Panne. Sindsdien ontdekken ze om de twee "
                "weken een nieuwe plek, van het Zwin tot de vismijn in Oostende.",
            ],
        },
        "fr": {
            "title": "La mer, et toute la côte avec",
            "slug": "la-mer-et-toute-la-cote",
            "duo_names": "Samir et Marleen",
            "pull_quote": "J'habitais à Bruges depuis deux ans et je n'avais jamais vu la mer.",
            "portrait_alt_text": "Deux personnages dessinés sur un fond doux parsemé de points",
            "body": [
                "Samir travaillait beaucoup et connaissait surtout le chemin entre chez lui et l'usine. Marleen longe "
                "la côte à vélo depuis toujours et avait envie de la faire découvrir.",
                "Pour leur première sortie, ils ont pris le tram de Knokke à La Panne. Depuis, ils découvrent un "
                "nouvel endroit toutes les deux semaines, du Zwin à la criée d'Ostende.",
            ],
        },
        "en": {
            "title": "Seeing the sea, and the whole coast with it",
            "slug": "seeing-the-sea",
            "duo_names": "Samir and Marleen",
            "pull_quote": "I had lived in Bruges for two years and had never seen the sea.",
            "portrait_alt_text": "Two drawn figures against a soft background with dots",
            "body": [
                "Samir worked hard and mostly knew the way between his home and the factory. Marleen has cycled along "
                "the coast all her life and wanted to share it.",
                "On their first outing they took the coast tram from Knokke to De Panne. Since then they discover a "
                "new place every other week, from the Zwin to the fish market in Ostend.",
            ],
        },
    },
    {
        "programme": "lvb-sport",
        "region": "BE-VLI",
        "themes": ["leisure", "social"],
        "age": 110,
        "featured": False,
        "seed": 504,
        "nl": {
            "title": "Van de bank naar het eerste elftal",
            "slug": "naar-het-eerste-elftal",
            "duo_names": "Hawa en Tom",
            "pull_quote": "Op het veld maakt het niet uit waar je vandaan komt, alleen of je de bal afgeeft.",
            "portrait_alt_text": "Twee getekende figuren die samen lijken te juichen",
            "body": [
                "Hawa speelde voetbal in haar thuisland, maar in Genk wist ze niet hoe ze bij een club kon aansluiten. "
                "Tom is trainer bij een damesploeg en werd haar buddy.",
                "Hij hielp met de inschrijving en de eerste trainingen, zij bracht een linkervoet mee die de ploeg "
                "goed kon gebruiken. Intussen helpt Hawa zelf nieuwe speelsters op weg.",
            ],
        },
        "fr": {
            "title": "Du banc à l'équipe première",
            "slug": "du-banc-a-lequipe-premiere",
            "duo_names": "Hawa et Tom",
            "pull_quote": "Sur le terrain, peu importe d'où tu viens, ce qui compte c'est de faire la passe.",
            "portrait_alt_text": "Deux personnages dessinés qui semblent se réjouir ensemble",
            "body": [
                "Hawa jouait au football dans son pays, mais à Genk elle ne savait pas comment rejoindre un club. "
                "Tom entraîne une équipe féminine et est devenu son binôme.",
                "Il l'a aidée pour l'inscription et les premiers entraînements ; elle a apporté un pied gauche dont "
                "l'équipe avait bien besoin. Aujourd'hui, Hawa accompagne à son tour de nouvelles joueuses.",
            ],
        },
        "en": {
            "title": "From the bench to the first team",
            "slug": "from-the-bench-to-the-first-team",
            "duo_names": "Hawa and Tom",
            "pull_quote": "On the pitch it doesn't matter where you come from, only whether you pass the ball.",
            "portrait_alt_text": "Two drawn figures who seem to be cheering together",
            "body": [
                "Hawa played football in her home country, but in Genk she did not know how to join a club. Tom "
                "coaches a women's team and became her buddy.",
                "He helped with the registration and the first training sessions; she brought a left foot the team "
                "could use. Now Hawa helps new players find their way herself.",
            ],
        },
    },
    {
        "programme": "lbn-student",
        "region": "BE-VBR",
        "themes": ["education"],
        "age": 150,
        "featured": True,
        "seed": 505,
        "nl": {
            "title": "Een diploma laten erkennen, stap voor stap",
            "slug": "diploma-stap-voor-stap",
            "duo_names": "Farid en Lotte",
            "pull_quote": "Lotte kende de weg in de universiteit. Ik kende de leerstof. Samen ging het.",
            "portrait_alt_text": "Twee getekende figuren die elkaar overlappen, in blauw en oranje",
            "body": [
                "Farid studeerde ingenieurswetenschappen voor hij moest vluchten. In Leuven wilde hij verder studeren, "
                "maar de weg naar erkenning van zijn diploma was lang en ingewikkeld.",
                "Lotte, zelf student, zocht samen met hem de juiste formulieren en contactpersonen. Dit jaar begon "
                "Farid aan een masteropleiding. Ze studeren nog vaak samen in de bibliotheek.",
            ],
        },
        "fr": {
            "title": "Faire reconnaître un diplôme, pas à pas",
            "slug": "diplome-pas-a-pas",
            "duo_names": "Farid et Lotte",
            "pull_quote": "Lotte connaissait le chemin à l'université. Moi, je connaissais la matière. "
            "Ensemble, ça a marché.",
            "portrait_alt_text": "Deux personnages dessinés qui se chevauchent, en bleu et orange",
            "body": [
                "Farid étudiait l'ingénierie avant de devoir fuir. À Louvain, il voulait poursuivre ses études, mais "
                "la reconnaissance de son diplôme était longue et compliquée.",
                "Lotte, elle-même étudiante, a cherché avec lui les bons formulaires et les bonnes personnes. Cette "
                "année, Farid a commencé un master. Ils étudient encore souvent ensemble à la bibliothèque.",
            ],
        },
        "en": {
            "title": "Getting a degree recognised, step by step",
            "slug": "degree-step-by-step",
            "duo_names": "Farid and Lotte",
            "pull_quote": "Lotte knew her way around the university. I knew the subject. Together it worked.",
            "portrait_alt_text": "Two overlapping drawn figures in blue and orange",
            "body": [
                "Farid was studying engineering before he had to flee. In Leuven he wanted to continue, but getting "
                "his degree recognised was a long and complicated road.",
                "Lotte, a student herself, looked for the right forms and contacts with him. This year Farid started "
                "a master's programme. They still often study together in the library.",
            ],
        },
    },
    {
        "programme": "dlg-emploi",
        "region": "BE-WLG",
        "themes": ["work"],
        "age": 190,
        "featured": False,
        "seed": 506,
        "nl": {
            "title": "Een cv dat eindelijk klopt",
            "slug": "een-cv-dat-klopt",
            "duo_names": "Nour en Luc",
            "pull_quote": "Luc las mijn cv en zei: hier staat niet wie je bent. We begonnen opnieuw.",
            "portrait_alt_text": "Twee getekende figuren in een warm, zacht licht",
            "body": [
                "Nour was boekhouder in Aleppo. In Luik stuurde ze tientallen sollicitaties zonder antwoord. "
                "Luc werkte dertig jaar in personeelszaken en bood zijn hulp aan.",
                "Samen herschreven ze haar cv en oefenden ze sollicitatiegesprekken in het Frans. Na vier maanden "
                "kreeg Nour een contract bij een boekhoudkantoor.",
            ],
        },
        "fr": {
            "title": "Un CV qui lui ressemble enfin",
            "slug": "un-cv-qui-lui-ressemble",
            "duo_names": "Nour et Luc",
            "pull_quote": "Luc a lu mon CV et m'a dit : on ne voit pas qui tu es. Nous avons tout recommencé.",
            "portrait_alt_text": "Deux personnages dessinés dans une lumière chaude et douce",
            "body": [
                "Nour était comptable à Alep. À Liège, elle a envoyé des dizaines de candidatures sans réponse. Luc a "
                "travaillé trente ans dans les ressources humaines et lui a proposé son aide.",
                "Ensemble, ils ont réécrit son CV et se sont entraînés aux entretiens en français. Quatre mois plus "
                "tard, Nour a obtenu un contrat dans un bureau comptable.",
            ],
        },
        "en": {
            "title": "A CV that finally fits",
            "slug": "a-cv-that-fits",
            "duo_names": "Nour and Luc",
            "pull_quote": "Luc read my CV and said: this doesn't show who you are. We started again.",
            "portrait_alt_text": "Two drawn figures in warm, soft light",
            "body": [
                "Nour was an accountant in Aleppo. In Liège she sent dozens of applications without a reply. Luc had "
                "worked in human resources for thirty years and offered to help.",
                "Together they rewrote her CV and practised job interviews in French. Four months later Nour got a "
                "contract at an accounting firm.",
            ],
        },
    },
    {
        "programme": "bxb-stad",
        "region": "BE-BRU",
        "themes": ["social", "language"],
        "age": 230,
        "featured": False,
        "seed": 507,
        "nl": {
            "title": "Brussel leren kennen, één wijk per maand",
            "slug": "een-wijk-per-maand",
            "duo_names": "Olena en Sophie",
            "pull_quote": "Elke wijk heeft een ander Brussel. Sophie kent ze allemaal.",
            "portrait_alt_text": "Twee getekende figuren te midden van kleurige stippen die een stad voorstellen",
            "body": [
                "Olena kwam met haar dochter naar Brussel en kende er niemand. Sophie, geboren Brusselse, stelde voor "
                "om elke maand samen een andere wijk te verkennen.",
                "Zo leerde Olena markten, parken en gratis musea kennen, en oefende ze onderweg Frans en Nederlands. "
                "Haar dochter gaat nu naar de muziekacademie die ze op een van die wandelingen ontdekten.",
            ],
        },
        "fr": {
            "title": "Découvrir Bruxelles, un quartier par mois",
            "slug": "un-quartier-par-mois",
            "duo_names": "Olena et Sophie",
            "pull_quote": "Chaque quartier a son propre Bruxelles. Sophie les connaît tous.",
            "portrait_alt_text": "Deux personnages dessinés au milieu de points colorés qui évoquent une ville",
            "body": [
                "Olena est arrivée à Bruxelles avec sa fille sans connaître personne. Sophie, Bruxelloise de "
                "naissance, lui a proposé d'explorer ensemble un quartier différent chaque mois.",
                "Olena a ainsi découvert des marchés, des parcs et des musées gratuits, en pratiquant le français et "
                "le néerlandais en chemin. Sa fille fréquente maintenant l'académie de musique repérée lors d'une "
                "de ces balades.",
            ],
        },
        "en": {
            "title": "Getting to know Brussels, one neighbourhood a month",
            "slug": "one-neighbourhood-a-month",
            "duo_names": "Olena and Sophie",
            "pull_quote": "Every neighbourhood has its own Brussels. Sophie knows them all.",
            "portrait_alt_text": "Two drawn figures among colourful dots suggesting a city",
            "body": [
                "Olena came to Brussels with her daughter and knew nobody. Sophie, born in Brussels, suggested "
                "exploring a different neighbourhood together every month.",
                "That is how Olena found markets, parks and free museums, practising French and Dutch along the way. "
                "Her daughter now attends the music school they came across on one of those walks.",
            ],
        },
    },
    {
        "programme": "tlu-tandem",
        "region": "LU",
        "themes": ["language", "social"],
        "age": 280,
        "featured": False,
        "seed": 508,
        # This consent ends soon: the dashboard panel and the warning command show it.
        "consent_days_left": 20,
        "nl": {
            "title": "Drie talen en één keukentafel",
            "slug": "drie-talen-een-keukentafel",
            "duo_names": "Mariam en Paul",
            "pull_quote": "We spreken een mengeling van Frans, Luxemburgs en handen. Het werkt prima.",
            "portrait_alt_text": "Twee getekende figuren, de ene blauw en de andere oranje",
            "body": [
                "In Luxemburg spreekt iedereen meerdere talen, en dat maakte het voor Mariam net moeilijk. Paul, "
                "gepensioneerd spoorwegman, werd haar taalmaatje.",
                "Aan zijn keukentafel oefenen ze wekelijks Luxemburgs met de krant van die dag. Mariam leert Paul in "
                "ruil koken met kruiden die hij nog nooit had geproefd.",
            ],
        },
        "fr": {
            "title": "Trois langues et une table de cuisine",
            "slug": "trois-langues-une-table",
            "duo_names": "Mariam et Paul",
            "pull_quote": "Nous parlons un mélange de français, de luxembourgeois et de gestes. Ça marche très bien.",
            "portrait_alt_text": "Deux personnages dessinés, l'un bleu et l'autre orange",
            "body": [
                "Au Luxembourg, tout le monde parle plusieurs langues, et c'est justement ce qui compliquait les "
                "choses pour Mariam. Paul, cheminot retraité, est devenu son binôme linguistique.",
                "À sa table de cuisine, ils pratiquent chaque semaine le luxembourgeois avec le journal du jour. En "
                "échange, Mariam apprend à Paul à cuisiner avec des épices qu'il n'avait jamais goûtées.",
            ],
        },
        "en": {
            "title": "Three languages and one kitchen table",
            "slug": "three-languages-one-kitchen-table",
            "duo_names": "Mariam and Paul",
            "pull_quote": "We speak a mix of French, Luxembourgish and gestures. It works perfectly.",
            "portrait_alt_text": "Two drawn figures, one blue and one orange",
            "body": [
                "In Luxembourg everyone speaks several languages, which is exactly what made it hard for Mariam. Paul, "
                "a retired railway worker, became her language buddy.",
                "At his kitchen table they practise Luxembourgish every week with that day's newspaper. In return "
                "Mariam teaches Paul to cook with spices he had never tasted.",
            ],
        },
    },
    {
        "programme": "bnm-numerique",
        "region": "BE-WNA",
        "themes": ["digital", "administration"],
        "age": 320,
        "featured": False,
        "seed": 509,
        "nl": {
            "title": "Online afspraken maken zonder stress",
            "slug": "online-zonder-stress",
            "duo_names": "Abdi en Claire",
            "pull_quote": "Vroeger vroeg ik mijn zoon om alles op de computer te doen. Nu help ik hem.",
            "portrait_alt_text": "Twee getekende figuren die samen naar iets lijken te kijken",
            "body": [
                "Voor Abdi was elke online afspraak of elk digitaal formulier een hindernis. Claire werkt in de "
                "informatica en zocht een manier om haar kennis te delen.",
                "Met een oude laptop en veel geduld oefenden ze het maken van afspraken, het openen van een e-mail "
                "met bijlage en veilig betalen. Abdi regelt zijn papieren nu zelf.",
            ],
        },
        "fr": {
            "title": "Prendre rendez-vous en ligne sans stress",
            "slug": "en-ligne-sans-stress",
            "duo_names": "Abdi et Claire",
            "pull_quote": "Avant, je demandais à mon fils de tout faire à l'ordinateur. "
            "Maintenant, c'est moi qui l'aide.",
            "portrait_alt_text": "Deux personnages dessinés qui semblent regarder quelque chose ensemble",
            "body": [
                "Pour Abdi, chaque rendez-vous en ligne ou formulaire numérique était un obstacle. Claire travaille "
                "dans l'informatique et cherchait un moyen de partager ce qu'elle sait.",
                "Avec un vieux portable et beaucoup de patience, ils se sont exercés à prendre rendez-vous, à ouvrir "
                "un e-mail avec une pièce jointe et à payer en sécurité. Abdi gère maintenant ses papiers lui-même.",
            ],
        },
        "en": {
            "title": "Booking appointments online without stress",
            "slug": "online-without-stress",
            "duo_names": "Abdi and Claire",
            "pull_quote": "I used to ask my son to do everything on the computer. Now I help him.",
            "portrait_alt_text": "Two drawn figures who seem to be looking at something together",
            "body": [
                "For Abdi every online appointment or digital form was an obstacle. Claire works in IT and was looking "
                "for a way to share what she knows.",
                "With an old laptop and plenty of patience they practised booking appointments, opening an e-mail with "
                "an attachment and paying safely. Abdi now handles his paperwork himself.",
            ],
        },
    },
]

TARGET_LANGUAGES = ("fr", "en")


def _strings(spec, code):
    """Dutch source string → its translation, for wagtail-localize."""
    source, target = spec["nl"], spec[code]
    strings = {source[key]: target[key] for key in ("title", "slug", "duo_names", "pull_quote", "portrait_alt_text")}
    strings.update(dict(zip(source["body"], target["body"], strict=True)))
    return strings


def _strings_of_page(spec, code):
    return {spec["nl"][key]: spec[code][key] for key in ("title", "slug", "introduction")}


def _publish_translation(page, strings, code):
    translated = translate_instance(page, code, strings, publish=False)
    translated.get_latest_revision().publish()
    transaction.on_commit(partial(_delete_automatic_redirects, translated.pk))
    return translated


def _delete_automatic_redirects(page_id):
    Redirect.objects.filter(redirect_page_id=page_id, automatically_created=True).delete()


def _has_translation(page, code):
    existing = page.get_translations().filter(locale__language_code=code).first()
    return existing is not None and existing.alias_of_id is None


def ensure_index(home_page, log):
    index = StoryIndexPage.objects.child_of(home_page).first()
    if index is None:
        index = home_page.add_child(instance=StoryIndexPage(show_in_menus=True, **INDEX_PAGE["nl"]))
        index.save_revision().publish()
        log(f"Created the story index: {index.title}")
    index = StoryIndexPage.objects.get(pk=index.pk)
    for code in TARGET_LANGUAGES:
        if not _has_translation(index, code) and index.title == INDEX_PAGE["nl"]["title"]:
            _publish_translation(index, _strings_of_page(INDEX_PAGE, code), code)
            log(f"Translated the story index into {code}")
    return StoryIndexPage.objects.get(pk=index.pk)


def _portrait(spec):
    image = get_or_create_demo_image(
        f"Portret: {spec['nl']['duo_names']}",
        spec["seed"],
        description=spec["nl"]["portrait_alt_text"],
        size=(1200, 800),
    )
    if image.focal_point_width is None:
        # The drawn duo stands around the middle: keep it in every crop.
        image.set_focal_point(_centre_box(image))
        image.save(update_fields=["focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"])
    return get_image_model().objects.get(pk=image.pk)


def _centre_box(image):
    width, height = image.width, image.height
    return Rect(int(width * 0.25), int(height * 0.15), int(width * 0.75), int(height * 0.95))


def _parent_for(index, programme):
    organisation = programme.get_parent()
    folder = OrganisationStoriesPage.objects.filter(
        organisation__translation_key=organisation.translation_key, locale=index.locale
    ).first()
    return folder or index


def ensure_story(index, spec, log):
    programme = ProgramPage.objects.filter(external_id=spec["programme"], locale=index.locale).first()
    if programme is None:
        log(f"Skipped the story {spec['nl']['title']!r}: demo programme {spec['programme']} is missing")
        return None
    existing = StoryPage.objects.filter(locale=index.locale, slug=spec["nl"]["slug"]).first()
    if existing is None:
        today = timezone.localdate()
        date = today - datetime.timedelta(days=spec["age"])
        days_left = spec.get("consent_days_left", 700 - spec["age"])
        nl = spec["nl"]
        story = StoryPage(
            title=nl["title"],
            slug=nl["slug"],
            date=date,
            duo_names=nl["duo_names"],
            portrait=_portrait(spec),
            portrait_alt_text=nl["portrait_alt_text"],
            pull_quote=nl["pull_quote"],
            body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in nl["body"]],
            programme=programme,
            region=Region.objects.get(code=spec["region"]),
            featured=spec["featured"],
            consent_received=True,
            consent_date=date - datetime.timedelta(days=14),
            consent_expiry_date=today + datetime.timedelta(days=days_left),
            consent_record_location=f"Toestemmingen/{date.year}/{nl['slug']}.pdf",
        )
        story.themes = list(Theme.objects.filter(code__in=spec["themes"]))
        _parent_for(index, programme).add_child(instance=story)
        story.save_revision().publish()
        log(f"Created the story {story.title!r}")
        existing = story
    story = StoryPage.objects.get(pk=existing.pk)
    if story.title != spec["nl"]["title"]:
        return story  # an editor changed it: leave its translations to translators
    for code in TARGET_LANGUAGES:
        if not _has_translation(story, code):
            _publish_translation(StoryPage.objects.get(pk=story.pk), _strings(spec, code), code)
    return story


@register_demo_loader
def load_stories(context):
    index = ensure_index(context.home_pages["nl"], context.log)
    sync_all()
    for spec in STORIES:
        ensure_story(index, spec, context.log)
