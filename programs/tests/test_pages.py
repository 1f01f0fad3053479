import datetime
import html
import json
import re

import pytest

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Locale

from home.translation import translate_instance
from programs.filters import filter_programmes
from programs.models import ProgramLocation, ProgramMunicipality, ProgramPage
from programs.reference import resolve_municipalities
from programs.tests.support import in_locale, make_index, make_organisation, make_programme


@pytest.fixture
def index(home_page):
    return make_index(home_page)


@pytest.fixture
def antwerp(index):
    return make_organisation(
        index, "Buddywerk Antwerpen", website="https://buddywerk.example", email="hallo@bw.example"
    )


@pytest.fixture
def liege(index):
    return make_organisation(index, "Duo Liège", locale="fr")


def overview(client, query="", language="nl"):
    url = {"nl": "/nl/buddyprogrammas/", "fr": "/fr/buddyprogrammas/", "en": "/en/buddyprogrammas/"}[language]
    return client.get(url + query)


def titles(response):
    return [p.title for p in response.context["finder"].page.object_list]


@pytest.mark.django_db
def test_overview_lists_live_programmes_with_facet_counts(client, antwerp, liege):
    make_programme(antwerp, "Taalbuddy", themes=["language"], regions=["BE-VAN"], accepting_volunteers="open")
    make_programme(antwerp, "Werkbuddy", themes=["work"], regions=["BE-VAN", "online"], accepting_volunteers="closed")
    make_programme(liege, "Binômes", themes=["language", "social"], regions=["BE-WLG"])
    make_programme(antwerp, "Concept", publish=False)

    response = overview(client)
    assert response.status_code == 200
    assert titles(response) == ["Binômes", "Taalbuddy", "Werkbuddy"]
    finder = response.context["finder"]
    themes = {o.code: o.count for o in finder.facets[1].options}
    assert themes["language"] == 2
    assert themes["work"] == 1
    assert themes["housing"] == 0
    assert finder.region_counts == {"BE-VAN": 2, "online": 1, "BE-WLG": 1}
    assert finder.accepting_count == 2
    html = response.content.decode()
    assert 'href="?region=BE-VAN"' in html
    assert "Concept" not in html


@pytest.mark.django_db
def test_filters_combine_or_within_a_facet_and_and_across_facets(client, antwerp, liege):
    make_programme(antwerp, "Taalbuddy", themes=["language"], regions=["BE-VAN"])
    make_programme(antwerp, "Werkbuddy", themes=["work"], regions=["BE-VAN"])
    make_programme(antwerp, "Woonbuddy", themes=["housing"], regions=["BE-VAN"])
    make_programme(liege, "Binômes", themes=["language"], regions=["BE-WLG"], accepting_volunteers="waitlist")

    response = overview(client, "?theme=language&theme=work")
    assert titles(response) == ["Binômes", "Taalbuddy", "Werkbuddy"]
    response = overview(client, "?theme=language&theme=work&region=BE-VAN")
    assert titles(response) == ["Taalbuddy", "Werkbuddy"]
    # Facet counts take the other facets into account, not their own.
    finder = response.context["finder"]
    assert {o.code: o.count for o in finder.facets[1].options}["housing"] == 1
    assert finder.region_counts["BE-WLG"] == 1
    response = overview(client, "?theme=language&accepting=1")
    assert titles(response) == ["Taalbuddy"]
    active = response.context["finder"].active_filters
    assert [a.remove_url for a in active] == ["?accepting=1", "?theme=language"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?region=XX-NOPE",
        "?theme=language&theme=%3Cscript%3E",
        "?page=abc",
        "?page=-3",
        "?page=999",
        "?accepting=maybe",
        "?language=" + "x" * 5000,
        "?mode=online&mode=online&target=students&" + "&".join(["theme=language"] * 50),
        "?region=",
    ],
)
def test_bad_filter_values_give_a_message_not_an_error(client, antwerp, query):
    make_programme(antwerp, "Taalbuddy", themes=["language"])
    response = overview(client, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html.split("</header>", 1)[1]
    if query != "?region=" and "mode=online&mode=online" not in query:
        assert response.context["finder"].messages
        assert 'class="notice finder__messages"' in html


@pytest.mark.django_db
def test_unknown_values_are_ignored_and_the_rest_still_filters(client, antwerp):
    make_programme(antwerp, "Taalbuddy", themes=["language"])
    make_programme(antwerp, "Werkbuddy", themes=["work"])
    response = overview(client, "?theme=language&theme=bogus")
    assert titles(response) == ["Taalbuddy"]
    assert "bogus" in response.context["finder"].messages[0]


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, antwerp):
    for n in range(14):
        make_programme(antwerp, f"Programma {n:02d}", themes=["language"])
    response = overview(client, "?theme=language")
    finder = response.context["finder"]
    assert finder.total == 14
    assert len(finder.page.object_list) == 12
    assert 'href="?theme=language&amp;page=2"' in response.content.decode()
    response = overview(client, "?theme=language&page=2")
    assert titles(response) == ["Programma 12", "Programma 13"]


@pytest.mark.django_db
def test_a_dutch_programme_shows_in_french_marked_with_its_language(client, antwerp):
    make_programme(antwerp, "Taalbuddy", summary="Samen Nederlands oefenen.")
    response = overview(client, language="fr")
    assert titles(response) == ["Taalbuddy"]
    html = response.content.decode()
    assert '<h3 lang="nl">' in html
    assert '<p lang="nl">Samen Nederlands oefenen.</p>' in html
    assert "translation-note" in html


@pytest.mark.django_db
def test_a_translated_programme_shows_its_translation(client, antwerp):
    programme = make_programme(antwerp, "Taalbuddy", summary="Samen Nederlands oefenen.")
    translate_instance(
        programme,
        "fr",
        {"Taalbuddy": "Binôme linguistique", programme.slug: "binome-linguistique", programme.summary: "Pratiquer."},
        strict=False,
    )
    response = overview(client, language="fr")
    assert titles(response) == ["Binôme linguistique"]
    assert 'lang="nl"' not in response.content.decode().split('class="card-grid')[1]


def _query_count(client, url):
    client.get(url)  # warm caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_overview_queries_do_not_grow_with_the_number_of_programmes(client, antwerp, liege):
    for n in range(3):
        make_programme(antwerp if n % 2 else liege, f"P{n}", themes=["language", "work"], regions=["BE-VAN", "LU"])
    url = "/fr/buddyprogrammas/?theme=language&region=BE-VAN"
    few = _query_count(client, url)
    for n in range(3, 15):
        make_programme(antwerp if n % 2 else liege, f"P{n}", themes=["language", "work"], regions=["BE-VAN", "LU"])
    many = _query_count(client, url)
    assert client.get(url).context["finder"].total == 15
    assert few == many


@pytest.mark.django_db
def test_the_finder_without_facets_lists_the_same_page_in_fewer_queries(antwerp, liege):
    """`facets=False` (the open-data API's list) skips the counts only: same programmes, same order, same total."""
    for n in range(7):
        make_programme(antwerp if n % 2 else liege, f"P{n}", themes=["language"], regions=["BE-VAN"])
    make_programme(antwerp, "Werk", themes=["work"], regions=["LU"])
    locale = Locale.objects.get(language_code="nl")
    params = QueryDict("theme=language&page=2")
    with CaptureQueriesContext(connection) as full_queries:
        full = filter_programmes(params, locale=locale, page_size=3)
    with CaptureQueriesContext(connection) as list_queries:
        listed = filter_programmes(params, locale=locale, page_size=3, facets=False)
    assert [p.pk for p in listed.page.object_list] == [p.pk for p in full.page.object_list]
    assert len(listed.page.object_list) == 3 and listed.total == full.total == 7
    assert full.facets and listed.facets == [] and listed.accepting_count is None
    assert len(list_queries) < len(full_queries)


@pytest.fixture
def full_programme(antwerp):
    programme = make_programme(
        antwerp,
        "Taalbuddy Antwerpen",
        summary="Samen Nederlands oefenen tijdens een wandeling of bij een koffie.",
        description="<p>Een vrijwilliger en een nieuwkomer spreken <b>wekelijks</b> af.</p>",
        themes=["language", "social"],
        target_groups=["adults"],
        regions=["BE-VAN"],
        modes=["in-person"],
        languages=["nl", "ar"],
        volunteer_commitment="Zes maanden, één keer per week.",
        min_volunteer_age=18,
        accepting_volunteers="open",
        accepting_newcomers="waitlist",
        status="active",
        notice="In juli en augustus zijn er minder activiteiten.",
        signup_url="https://buddywerk.example/aanmelden",
        newcomer_signup_email="nieuwkomers@bw.example",
        contact_name="Sara Peeters",
        contact_email="sara@bw.example",
        contact_phone="+32 3 123 45 67",
        last_verified=datetime.date(2026, 1, 15),
        external_id="bw-1",
    )
    municipalities, _unknown = resolve_municipalities(["Antwerpen", "Mortsel"])
    for position, municipality in enumerate(municipalities):
        ProgramMunicipality.objects.create(page=programme, municipality=municipality, sort_order=position)
    ProgramLocation.objects.create(
        page=programme,
        name="Buurthuis",
        address="Kerkstraat 1",
        postcode="2000",
        city="Antwerpen",
        latitude="51.219400",
        longitude="4.402500",
    )
    programme.save_revision().publish()
    return ProgramPage.objects.get(pk=programme.pk)


@pytest.mark.django_db
def test_detail_page_shows_every_field(client, full_programme, antwerp):
    make_programme(antwerp, "Werkbuddy", themes=["work"])
    # The English alias: interface and labels in English, the programme's own text in Dutch.
    response = client.get(in_locale(full_programme, "en").url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "Taalbuddy Antwerpen",
        "Samen Nederlands oefenen",
        "<b>wekelijks</b>",
        "Language practice",
        "Social contacts and network",
        "Adults",
        "Antwerp",
        "Antwerp, Mortsel",  # the English name where the place data has one
        "In person",
        "Dutch, Arabic",
        "Zes maanden, één keer per week.",
        "18 years",
        '<span lang="nl">Zes maanden, één keer per week.</span>',
        "badge--open",
        "badge--waitlist",
        "In juli en augustus zijn er minder activiteiten.",
        'datetime="2026-01-15"',
        'href="https://buddywerk.example/aanmelden"',
        'href="mailto:nieuwkomers@bw.example"',
        "Sara Peeters",
        "tel:+3231234567",
        "Kerkstraat 1",
        "openstreetmap.org/?mlat=51.219400",
        "Buddywerk Antwerpen",
        "Werkbuddy",
        "Statbel",
    ]:
        assert text in html, text


@pytest.mark.django_db
def test_detail_page_json_ld_is_a_service_with_an_ngo_provider(client, full_programme):
    html = client.get(full_programme.url).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match
    data = json.loads(match.group(1))
    assert data["@type"] == "Service"
    assert data["provider"]["@type"] == "NGO"
    assert data["provider"]["name"] == "Buddywerk Antwerpen"
    assert {a["identifier"] for a in data["areaServed"]} >= {"BE-VAN", "11002"}
    assert [lang["alternateName"] for lang in data["availableLanguage"]] == ["nl", "ar"]
    assert data["dateModified"] == "2026-01-15"


@pytest.mark.django_db
def test_json_ld_cannot_close_its_script_element(client, antwerp):
    programme = make_programme(antwerp, "Evil </script><script>alert(1)</script>", summary="x")
    html = client.get(programme.url).content.decode()
    head = html.split("</head>")[0]
    assert "</script><script>alert(1)" not in head


@pytest.mark.django_db
def test_outdated_listing_says_so(client, antwerp, settings):
    settings.LISTING_OUTDATED_DAYS = 365
    old = make_programme(antwerp, "Oud", last_verified=timezone.localdate() - datetime.timedelta(days=400))
    fresh = make_programme(antwerp, "Vers", last_verified=timezone.localdate() - datetime.timedelta(days=20))
    assert "programme__outdated" in client.get(old.url).content.decode()
    assert "programme__outdated" not in client.get(fresh.url).content.decode()


@pytest.mark.django_db
def test_detail_page_in_another_locale_shows_the_source_text_marked(client, liege):
    programme = make_programme(liege, "Binômes liégeois", summary="Des duos à Liège.", regions=["BE-WLG"])
    alias = in_locale(programme, "nl")
    response = client.get(alias.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 lang="fr">Binômes liégeois</h1>' in html
    assert "translation-note" in html


@pytest.mark.django_db
def test_detail_page_queries_do_not_grow_with_the_organisations_programmes(client, antwerp):
    programme = make_programme(antwerp, "Eerste", themes=["language"], languages=["nl"])
    make_programme(antwerp, "Tweede")
    few = _query_count(client, programme.url)
    for n in range(8):
        make_programme(antwerp, f"Extra {n}")
    assert _query_count(client, programme.url) == few


@pytest.mark.django_db
def test_organisation_page_lists_its_programmes(client, antwerp):
    make_programme(antwerp, "Taalbuddy")
    response = client.get(antwerp.url)
    assert response.status_code == 200
    assert "Taalbuddy" in response.content.decode()


@pytest.mark.django_db
def test_untranslated_fields_of_a_translation_keep_their_source_language(client, antwerp):
    programme = make_programme(
        antwerp, "Taalbuddy", summary="Samen oefenen.", notice="Tijdelijk gesloten.", volunteer_commitment="Elke week."
    )
    french = translate_instance(
        programme, "fr", {"Taalbuddy": "Binôme", programme.slug: "binome", "Samen oefenen.": "Pratiquer."}, strict=False
    )
    html = client.get(french.url).content.decode()
    assert '<h1 lang="fr">Binôme</h1>' in html
    assert '<p class="lead" lang="fr">Pratiquer.</p>' in html
    assert '<p lang="nl">Tijdelijk gesloten.</p>' in html
    assert '<span lang="nl">Elke week.</span>' in html
    # Untranslated fragments of a translated page carry the note an untranslated page does.
    assert html.count('<p class="translation-note" role="note">Cette information n\'est disponible') == 2
    assert re.search(r"une seule langue\s*:\s*néerlandais\.", html), re.findall(r"une seule langue[^<]*", html)


@pytest.mark.django_db
def test_badges_follow_status_and_accepting(client, antwerp):
    active = make_programme(antwerp, "Actief", accepting_volunteers="open", accepting_newcomers="waitlist")
    paused = make_programme(antwerp, "Gepauzeerd", status="paused", accepting_volunteers="open")
    ended = make_programme(antwerp, "Afgelopen", status="ended", accepting_volunteers="closed")
    header = client.get(active.url).content.decode().split("programme__header")[1].split("</header>")[0]
    assert "badge--open" in header and "badge--waitlist" in header and "badge--paused" not in header
    header = client.get(paused.url).content.decode().split("programme__header")[1].split("</header>")[0]
    assert "badge--paused" in header and "badge--open" not in header
    quiet = make_programme(antwerp, "Even stil", status="paused", signup_url="https://bw.example/aanmelden")
    html = client.get(in_locale(quiet, "en").url).content.decode()
    assert "Sign-up is closed while the programme is paused." in html
    assert "Sign up as a volunteer" not in html
    html = client.get(in_locale(ended, "en").url).content.decode()
    assert "badge--ended" in html
    assert "This programme has ended." in html
    assert "Sign up as a volunteer" not in html


def meta_description(response):
    found = re.findall(r'<meta name="description" content="([^"]*)">', response.content.decode())
    assert len(found) <= 1
    return html.unescape(found[0]) if found else None


@pytest.mark.django_db
def test_a_programme_page_is_described_by_its_summary_unless_the_editor_wrote_a_description(client, antwerp):
    long_summary = "Een buddy helpt je Nederlands oefenen tijdens een wandeling door de stad. " * 4
    programme = make_programme(antwerp, "Taalbuddy", summary=long_summary.strip())
    described = meta_description(client.get(programme.url))
    assert described.startswith("Een buddy helpt je Nederlands oefenen")
    assert len(described) <= 160 and described.endswith("…")  # shortened to what search engines show

    programme.search_description = "Oefen Nederlands met een buddy in Antwerpen."
    programme.save_revision().publish()
    assert meta_description(client.get(programme.url)) == "Oefen Nederlands met een buddy in Antwerpen."


@pytest.mark.django_db
def test_the_overview_and_home_page_have_a_meta_description(client, index, home_page):
    index.introduction = "Alle buddyprogramma's in België en Luxemburg."
    index.save_revision().publish()
    assert meta_description(overview(client)) == "Alle buddyprogramma's in België en Luxemburg."
    home_page.search_description = "Word buddy van een nieuwkomer."
    home_page.save_revision().publish()
    assert meta_description(client.get(home_page.url)) == "Word buddy van een nieuwkomer."


@pytest.mark.django_db
def test_the_filters_control_counts_only_the_choices_inside_it(client, antwerp):
    make_programme(antwerp, "Taalbuddy", themes=["language", "work"], regions=["BE-VAN"], accepting_volunteers="open")

    def filters_summary(query):
        page = overview(client, query).content.decode()
        return re.search(r'<summary class="finder__filters-toggle">([^<]*)</summary>', page).group(1)

    assert filters_summary("") == "Filters (0)"
    # The search text and the place have their own fields above the panel: not counted.
    assert filters_summary("?q=taal&place=2000") == "Filters (0)"
    assert filters_summary("?theme=language&theme=work&region=BE-VAN&accepting=1&newcomers=1&q=taal") == "Filters (5)"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_programme_dates_use_the_languages_date_format_as_stories_do(client, antwerp, language):
    from django.utils import formats, translation

    verified = datetime.date(2026, 3, 9)
    programme = make_programme(antwerp, "Taalbuddy", last_verified=verified)
    page = programme if language == "nl" else in_locale(programme, language)
    content = client.get(page.url).content.decode()
    with translation.override(language):
        expected = formats.date_format(verified, "DATE_FORMAT")
    assert f'<time datetime="2026-03-09">{expected}</time>' in content
