"""Demo programmes for `manage.py load_demo_content`, loaded through the real import.

programs/demo_data/programmes.csv holds 32 fictional programmes of 14 fictional
organisations (Flemish ones writing in Dutch, Walloon and Luxembourg ones in
French, two in Brussels), each with its translations. Loading again changes
nothing that is already there.
"""

from functools import partial
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from home import permissions
from home.demo import register_demo_linked_page, register_demo_loader
from home.demo.images import get_or_create_demo_image
from home.demo.users import DEMO_PASSWORD
from home.translation import translate_instance
from programs.importer import drop_automatic_redirects, find_organisation, import_programmes
from programs.models import OrganisationPage, ProgramIndexPage

DEMO_FILE = Path(__file__).with_name("demo_data") / "programmes.csv"

INDEX_PAGE = {
    "nl": {
        "title": "Buddyprogramma's",
        "slug": "buddyprogrammas",
        "introduction": "Vind een buddyprogramma in je buurt of online. Kies een regio op de kaart of gebruik de "
        "filters.",
    },
    "fr": {
        "title": "Programmes de parrainage",
        "slug": "programmes-de-parrainage",
        "introduction": "Trouvez un programme de binômes près de chez vous ou en ligne. Choisissez une région sur la "
        "carte ou utilisez les filtres.",
    },
    "en": {
        "title": "Buddy programmes",
        "slug": "buddy-programmes",
        "introduction": "Find a buddy programme near you or online. Choose a region on the map or use the filters.",
    },
    # The newcomer languages (home/demo/newcomers.py says how these texts are written and reviewed).
    "ar": {
        "title": "برامج الرفقة",
        "slug": "baramij-al-rifqa",
        "introduction": "ابحث عن برنامج رفقة قريب منك أو عبر الإنترنت. اختر منطقة على الخريطة أو استعمل عوامل التصفية.",
    },
    "uk": {
        "title": "Програми бадді",
        "slug": "prohramy-baddi",
        "introduction": "Знайдіть програму бадді поруч із вами або онлайн. Виберіть регіон на мапі або скористайтеся "
        "фільтрами.",
    },
    "fa": {
        "title": "برنامه‌های همراهی",
        "slug": "barnameha-ye-hamrahi",
        "introduction": "یک برنامهٔ همراهی نزدیک خودتان یا آنلاین پیدا کنید. منطقه‌ای را روی نقشه انتخاب کنید یا از "
        "فیلترها استفاده کنید.",
    },
    "ti": {
        "title": "ፕሮግራማት ብዲ",
        "slug": "programat-buddy",
        "introduction": "ኣብ ጥቓኹም ወይ ብኢንተርነት ዝካየድ ፕሮግራም ብዲ ድለዩ። ኣብ ካርታ ዞባ ምረጹ ወይ ማጽረዪታት ተጠቐሙ።",
    },
}

# A sentence about each organisation, in its own language first.
ORGANISATIONS = {
    "Buddywerk Antwerpen": {
        "nl": "Sinds 2016 brengen we Antwerpenaars en nieuwkomers samen in duo's.",
        "fr": "Depuis 2016, nous réunissons Anversois et nouveaux arrivants en binômes.",
        "en": "Since 2016 we have been bringing Antwerp residents and newcomers together in pairs.",
    },
    "Samen Thuis Gent": {
        "nl": "Een Gentse vzw die nieuwkomers helpt zich thuis te voelen in de stad.",
        "fr": "Une association gantoise qui aide les nouveaux arrivants à se sentir chez eux en ville.",
        "en": "A Ghent non-profit helping newcomers feel at home in the city.",
    },
    "Duo Brugge": {
        "nl": "Vrijwilligers uit Brugge en de kust die nieuwkomers de regio laten ontdekken.",
        "fr": "Des bénévoles de Bruges et de la côte qui font découvrir la région aux nouveaux arrivants.",
        "en": "Volunteers from Bruges and the coast who show newcomers the region.",
    },
    "Limburg Verbindt": {
        "nl": "Een netwerk van Limburgse gezinnen en vrijwilligers dat nieuwkomers verwelkomt.",
        "fr": "Un réseau de familles et de bénévoles limbourgeois qui accueille les nouveaux arrivants.",
        "en": "A network of Limburg families and volunteers welcoming newcomers.",
    },
    "Leuven Buddy Netwerk": {
        "nl": "Studenten en inwoners van Leuven die nieuwkomers op weg helpen.",
        "fr": "Des étudiants et des habitants de Louvain qui aident les nouveaux arrivants.",
        "en": "Students and residents of Leuven helping newcomers find their way.",
    },
    "Mechelen Maakt Maatjes": {
        "nl": "Een buurtinitiatief uit Mechelen dat duo's vormt, ook aan de telefoon.",
        "fr": "Une initiative de quartier de Malines qui forme des binômes, aussi par téléphone.",
        "en": "A neighbourhood initiative from Mechelen that forms pairs, by phone too.",
    },
    "Duo Liège": {
        "fr": "Une association liégeoise qui forme des binômes depuis dix ans.",
        "nl": "Een Luikse vereniging die al tien jaar duo's vormt.",
        "en": "A Liège association that has been forming pairs for ten years.",
    },
    "Binôme Namur": {
        "fr": "Des citoyens namurois engagés aux côtés des personnes réfugiées.",
        "nl": "Inwoners van Namen die zich inzetten voor vluchtelingen.",
        "en": "Namur residents who stand alongside refugees.",
    },
    "Hainaut Accueil Solidaire": {
        "fr": "Un collectif hennuyer de parrainage et d'accueil.",
        "nl": "Een Henegouws collectief voor peterschap en onthaal.",
        "en": "A Hainaut collective for mentoring and welcome.",
    },
    "Parrains du Brabant wallon": {
        "fr": "Des parrains et marraines du Brabant wallon, étudiants et habitants.",
        "nl": "Peters en meters uit Waals-Brabant, studenten en inwoners.",
        "en": "Mentors from Walloon Brabant, students and residents alike.",
    },
    "Ardenne Accueillante": {
        "fr": "Des villages ardennais qui ouvrent leurs portes aux nouveaux arrivants.",
        "nl": "Ardeense dorpen die hun deuren openen voor nieuwkomers.",
        "en": "Villages in the Ardennes opening their doors to newcomers.",
    },
    "Brussels Buddies": {
        "nl": "Een tweetalige Brusselse organisatie voor buddy's in de stad.",
        "fr": "Une organisation bruxelloise bilingue pour des binômes en ville.",
        "en": "A bilingual Brussels organisation for city buddies.",
    },
    "Maison des Duos": {
        "fr": "Une maison de quartier bruxelloise dédiée aux binômes et aux familles.",
        "nl": "Een Brussels buurthuis voor duo's en gezinnen.",
        "en": "A Brussels community house for pairs and families.",
    },
    "Tandem Lëtzebuerg": {
        "fr": "Une association luxembourgeoise de tandems linguistiques et solidaires.",
        "nl": "Een Luxemburgse vereniging voor taal- en solidariteitstandems.",
        "en": "A Luxembourg association for language and solidarity tandems.",
    },
}

EDITOR_USERNAME = "org-editor"
EDITOR_ORGANISATION = "Buddywerk Antwerpen"


@register_demo_linked_page("programmes")
def ensure_overview_page(nl_home, log):
    """The overview under the nl home page, untranslated yet.

    The home app's demo creates it with the campaign pages, so that their text (the FAQ's "how do I sign up?")
    can link to it; `ensure_index_page` translates it later, beneath the translated home pages.
    """
    index = ProgramIndexPage.objects.child_of(nl_home).first()
    if index is None:
        index = nl_home.add_child(instance=ProgramIndexPage(**INDEX_PAGE["nl"]))
        index.save_revision().publish()
        log(f"Created the programme overview: {index.title}")
    return ProgramIndexPage.objects.get(pk=index.pk)


def ensure_index_page(home_pages, log):
    """The overview under the nl home page, translated into fr and en."""
    index = ensure_overview_page(home_pages["nl"], log)
    for code in [code for code in INDEX_PAGE if code != "nl" and code in home_pages]:
        existing = index.get_translations().filter(locale__language_code=code).first()
        if existing is not None and existing.alias_of_id is None:
            continue
        if index.title != INDEX_PAGE["nl"]["title"]:
            continue  # an editor changed the page: leave its translation to a translator
        strings = {INDEX_PAGE["nl"][key]: INDEX_PAGE[code][key] for key in ("title", "slug", "introduction")}
        translated = translate_instance(index, code, strings, publish=False)
        translated.get_latest_revision().publish()
        # The new page briefly had the Dutch slug; Wagtail adds redirects from that never-public
        # address (and from everything later created beneath it) once the transaction commits.
        transaction.on_commit(partial(drop_automatic_redirects, translated.pk, descendants=True))
        log(f"Translated the programme overview into {code}")
    return index


def ensure_organisation_extras(name, texts, log):
    """A generated logo in the organisation's own collection, and a short description in every language."""
    organisation = find_organisation(name)
    if organisation is None:
        return None
    link = permissions.organisation_link(organisation.translation_key)
    collection = link.collection if link else None
    source = organisation.locale.language_code
    if organisation.logo_id is None and not organisation.description and not organisation.has_unpublished_changes:
        organisation.logo = get_or_create_demo_image(
            f"Logo {name}",
            seed=sum(map(ord, name)),
            collection=collection,
            description="",
            size=(600, 600),
        )
        organisation.description = f"<p>{texts[source]}</p>"
        organisation.save_revision().publish()
        organisation = OrganisationPage.objects.get(pk=organisation.pk)
        log(f"Added a logo and description to {name}")
    for code, text in texts.items():
        if code == source or organisation.description != f"<p>{texts[source]}</p>":
            continue
        existing = organisation.get_translations().filter(locale__language_code=code).first()
        if existing is not None and existing.alias_of_id is None:
            continue
        strings = {organisation.title: organisation.title, organisation.slug: organisation.slug, texts[source]: text}
        translated = translate_instance(organisation, code, strings, publish=False)
        translated.get_latest_revision().publish()
        transaction.on_commit(partial(drop_automatic_redirects, translated.pk, descendants=True))
    return organisation


def ensure_organisation_editor(log):
    """A demo account in one organisation's editors' group (password as the other demo accounts)."""
    organisation = find_organisation(EDITOR_ORGANISATION)
    group = permissions.organisation_group(organisation.translation_key) if organisation else None
    if group is None:
        return None
    user, created = get_user_model().objects.get_or_create(
        username=EDITOR_USERNAME,
        defaults={"email": "org-editor@example.org", "first_name": "Lotte", "last_name": "Editor"},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        log(f"Created the organisation editor {EDITOR_USERNAME} ({EDITOR_ORGANISATION}), password {DEMO_PASSWORD}")
    user.groups.add(group)
    return user


def load_programmes_demo(home_pages, log=print):
    index = ensure_index_page(home_pages, log)
    result = import_programmes(DEMO_FILE)
    if result.errors:
        raise ValueError("The demo programmes do not import: " + "; ".join(map(str, result.errors[:5])))
    log(f"Programmes: {result.summary()}")
    for name, texts in ORGANISATIONS.items():
        ensure_organisation_extras(name, texts, log)
    ensure_organisation_editor(log)
    return index


@register_demo_loader
def load_programmes(context):
    load_programmes_demo(context.home_pages, context.log)
