"""Site search on both backends: language-aware relevance, locales, live pages, FAQ questions."""

import pytest

from wagtail.models import Locale

from programs.tests.support import make_index, make_organisation, make_programme
from search.service import site_search
from search.tests.support import make_faq, make_standard, refresh

pytest_plugins = ["search.tests.support"]
pytestmark = pytest.mark.django_db


def titles(query, language):
    result = site_search(query, locale=Locale.objects.get(language_code=language), record=False)
    return [str(hit.title).replace("<mark>", "").replace("</mark>", "") for hit in result.hits]


def urls(query, language):
    result = site_search(query, locale=Locale.objects.get(language_code=language), record=False)
    return [hit.url for hit in result.hits]


@pytest.fixture
def content(search_backend, home_page):
    index = make_index(home_page)
    nl_org = make_organisation(index, "Vluchtelingenwerk Buddy Antwerpen")
    fr_org = make_organisation(index, "Convivial Bruxelles", locale="fr")
    en_org = make_organisation(index, "Open Doors Network", locale="en")
    programmes = {
        "duo": make_programme(
            nl_org,
            "Duo voor een vluchteling",
            summary="Een vrijwilliger en een vluchteling vormen een jaar lang een duo.",
            themes=["housing"],
        ),
        "benevole": make_programme(
            fr_org,
            "Parrainage citoyen",
            summary="Devenez bénévole et accompagnez une famille réfugiée.",
        ),
        "volunteer": make_programme(
            en_org,
            "Language buddies",
            summary="A volunteer meets a newcomer every week to practise Dutch.",
        ),
    }
    faq = make_faq(
        home_page,
        {
            "Als buddy": [
                ("Hoeveel tijd kost het?", "<p>Reken op een paar uur per maand, een jaar lang.</p>"),
                ("Moet ik een taal spreken?", "<p>Nederlands volstaat; de nieuwkomer oefent graag.</p>"),
            ]
        },
    )
    refresh()
    return {"index": index, "programmes": programmes, "faq": faq, "orgs": [nl_org, fr_org, en_org]}


def test_dutch_stemming_finds_the_singular(content):
    assert "Duo voor een vluchteling" in titles("vluchtelingen", "nl")


def test_french_accent_folding_and_stemming(content):
    assert "Parrainage citoyen" in titles("benevoles", "fr")
    assert "Parrainage citoyen" in titles("bénévole", "fr")


def test_english_plural_finds_the_singular(content):
    assert "Language buddies" in titles("volunteers", "en")


def test_a_programme_is_found_by_its_organisations_name(content):
    assert "Duo voor een vluchteling" in titles("Vluchtelingenwerk", "nl")


def test_a_programme_is_found_by_a_theme_word(content):
    assert "Duo voor een vluchteling" in titles("housing", "en")


def test_a_faq_question_is_found_by_words_of_its_answer_and_deep_linked(content):
    result = site_search("uur per maand", locale=Locale.objects.get(language_code="nl"), record=False)
    question = [hit for hit in result.hits if hit.kind == "question"]
    assert question, result.hits
    assert question[0].url.endswith("/veelgestelde-vragen/#hoeveel-tijd-kost-het")
    assert "<mark>uur</mark>" in question[0].snippet


def test_results_stay_in_the_active_locale(content):
    found = urls("vluchteling", "fr")
    assert found and all(url.startswith("/fr/") for url in found)
    assert all(url.startswith("/nl/") for url in urls("vluchteling", "nl"))


def test_a_page_without_translation_is_not_found_in_another_locale(search_backend, home_page):
    make_standard(home_page, "Over de campagne", "Een campagne over buddywerking met nieuwkomers.")
    refresh()
    assert titles("buddywerking", "nl") == ["Over de campagne"]
    assert titles("buddywerking", "fr") == []


def test_unpublished_pages_are_never_found(search_backend, home_page):
    make_standard(home_page, "Geheim concept", "Een conceptpagina over zwaluwen.", publish=False)
    refresh()
    assert titles("zwaluwen", "nl") == []


def test_unpublishing_removes_and_publishing_restores(content):
    programme = content["programmes"]["duo"]
    programme.unpublish()
    refresh()
    assert "Duo voor een vluchteling" not in titles("vluchteling", "nl")
    programme.refresh_from_db()
    programme.save_revision().publish()
    refresh()
    assert "Duo voor een vluchteling" in titles("vluchteling", "nl")


def test_deleting_a_page_removes_it(content):
    content["programmes"]["volunteer"].delete()
    refresh()
    assert "Language buddies" not in titles("volunteer", "en")


def test_moving_a_programme_changes_the_organisation_it_is_found_by(content):
    other = make_organisation(content["index"], "Welkom Gent")
    programme = content["programmes"]["duo"]
    programme.move(other, pos="last-child")
    refresh()
    assert "Duo voor een vluchteling" not in titles("Vluchtelingenwerk", "nl")
    assert urls("Welkom Gent", "nl") == [
        "/nl/buddyprogrammas/welkom-gent/",
        "/nl/buddyprogrammas/welkom-gent/duo-voor-een-vluchteling/",
    ] or set(urls("Welkom Gent", "nl")) == {
        "/nl/buddyprogrammas/welkom-gent/",
        "/nl/buddyprogrammas/welkom-gent/duo-voor-een-vluchteling/",
    }


def test_a_new_translation_replaces_the_alias_in_its_locale(content):
    from home.translation import translate_instance
    from programs.tests.support import in_locale as find

    programme = content["programmes"]["duo"]
    strings = {
        "Duo voor een vluchteling": "Un duo avec un réfugié",
        "Een vrijwilliger en een vluchteling vormen een jaar lang een duo.": (
            "Un bénévole et un réfugié forment un duo."
        ),
        "duo-voor-een-vluchteling": "un-duo-avec-un-refugie",
    }
    translate_instance(programme, "fr", strings, strict=False)
    refresh()
    assert "Un duo avec un réfugié" in titles("refugies", "fr")
    assert find(programme, "fr").title == "Un duo avec un réfugié"


def test_a_story_is_found_by_its_quote_and_shown_as_a_story(search_backend, home_page):
    from stories.tests.support import make_story, make_story_index

    programme = make_programme(make_organisation(make_index(home_page), "Buddy Hasselt"), "Kookduo")
    quote = "Elke dinsdag koken we couscous."
    make_story(make_story_index(home_page), "Samen aan tafel", programme=programme, pull_quote=quote)
    refresh()
    result = site_search("couscous", locale=Locale.objects.get(language_code="nl"), record=False)
    assert [(hit.kind, str(hit.title)) for hit in result.hits] == [("story", "Samen aan tafel")]


def test_paragraphs_stay_separate_words_in_the_search_text(home_page):
    from search.models import SearchDocument

    faq = make_faq(home_page, {"Algemeen": [("Waarom?", "<p>Samen wonen.</p><p>Het doel &amp; de weg.</p>")]})
    body = SearchDocument.objects.filter(page=faq).exclude(anchor="").get().body
    assert body == "Samen wonen. Het doel & de weg."
