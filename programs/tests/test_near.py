"""The finder's "near you": a place typed in any form, programmes ordered by how close they work, on both backends."""

import pytest

from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from programs.filters import filter_programmes
from programs.models import Municipality, ProgramMunicipality
from programs.tests.support import make_index, make_organisation, make_programme
from search.tests.support import refresh

pytest_plugins = ["search.tests.support"]
pytestmark = pytest.mark.django_db

MERELBEKE_AREA = ["Merelbeke duo", "Gent duo", "Oost-Vlaanderen duo", "Online duo"]


def finder(query_string, language="en"):
    with translation.override(language):
        return filter_programmes(QueryDict(query_string), locale=Locale.objects.get(language_code="nl"))


def titles(result):
    return [programme.title for programme in result.page.object_list]


def reasons(result):
    return [programme.place_reason for programme in result.page.object_list]


def serve(programme, *codes):
    for code in codes:
        programme.municipality_links.add(ProgramMunicipality(municipality=Municipality.objects.get(nis_code=code)))
    programme.save_revision().publish()


@pytest.fixture
def programmes(search_backend, home_page):
    organisation = make_organisation(make_index(home_page), "Buddies overal")

    def programme(title, regions, *codes, **fields):
        page = make_programme(organisation, title, summary=f"{title}: samen met een buddy.", regions=regions, **fields)
        serve(page, *codes)
        return page

    # Listed in an order that is none of the expected ones (the finder's own order is by title).
    programme("Antwerpen duo", ["BE-VAN"], "11002")
    programme("Online duo", ["online"], themes=["language"])
    programme("Oost-Vlaanderen duo", ["BE-VOV"], themes=["language"])
    programme("Gent duo", ["BE-VOV"], "44021", themes=["work"])
    programme("Merelbeke duo", ["BE-VOV"], "44088", themes=["language"])
    programme("Esch duo", ["LU"], "LU-esch-sur-alzette")
    programme("Luxembourg duo", ["LU"], "LU-luxembourg", accepting_newcomers="closed")
    refresh()


QUERIES = ["", "q=buddy&"]  # the overview on the database, and a text search on the backend under test


def test_a_place_lists_the_programmes_serving_it_first_then_its_arrondissement_province_and_online(programmes):
    # A BE postcode, the name from before the 2025 merger, a typo, today's name: all Merelbeke-Melle.
    for query in QUERIES:
        for place in ["9820", "Merelbeke", "merelbek", "Merelbeke-Melle"]:
            result = finder(f"{query}place={place}")
            assert titles(result) == MERELBEKE_AREA, (query, place)
            assert reasons(result) == [
                "serves Merelbeke-Melle",
                "in your arrondissement (Ghent)",
                "in your province",
                "online",
            ]
            assert result.place_name == "Merelbeke-Melle"


def test_a_name_in_another_site_language_finds_the_municipality(programmes):
    for query in QUERIES:
        result = finder(f"{query}place=Gand", language="nl")
        assert titles(result) == ["Gent duo", "Merelbeke duo", "Oost-Vlaanderen duo", "Online duo"], query
        assert reasons(result)[:2] == ["werkt in Gent", "in uw arrondissement (Gent)"]


def test_a_luxembourg_commune_lists_its_canton_then_the_grand_duchy(programmes):
    for query in QUERIES:
        for place in ["Schifflange", "L-3850", "Schifflingen"]:
            result = finder(f"{query}place={place}", language="fr")
            assert titles(result) == ["Esch duo", "Luxembourg duo", "Online duo"], (query, place)
            assert reasons(result) == [
                "dans votre canton (Esch-sur-Alzette)",
                "au Grand-Duché de Luxembourg",
                "en ligne",
            ]


@pytest.mark.parametrize("query", QUERIES)
def test_the_place_combines_with_facets_and_the_counts_follow(programmes, query):
    result = finder(f"{query}place=9820&theme=language")
    assert titles(result) == ["Merelbeke duo", "Oost-Vlaanderen duo", "Online duo"]
    themes = {o.code: o.count for f in result.facets if f.param == "theme" for o in f.options}
    assert themes["language"] == 3 and themes["work"] == 1
    regions = {o.code: o.count for f in result.facets if f.param == "region" for o in f.options}
    assert regions["BE-VAN"] == 0 and regions["LU"] == 0
    assert "place=9820" in result.page_url(2) and "theme=language" in result.page_url(2)
    assert all("place=9820" in option.url for f in result.facets for option in f.options)


@pytest.mark.parametrize("query", QUERIES)
def test_newcomers_filter_keeps_programmes_taking_newcomers_now(programmes, query):
    everything = finder(f"{query}place=Schifflange")
    assert everything.newcomers_count == 2
    result = finder(f"{query}place=Schifflange&newcomers=1")
    assert titles(result) == ["Esch duo", "Online duo"]
    assert "newcomers=1" in result.page_url(1)


def test_an_ambiguous_or_unknown_place_offers_choices_and_lists_everything(programmes):
    result = finder("place=4170")
    assert [name for name, _url in result.place_choices] == ["Comblain-au-Pont", "Esch-sur-Alzette"]
    assert result.total == 7
    assert any("Esch-sur-Alzette" in name and "place=Esch-sur-Alzette" in url for name, url in result.place_choices)
    unknown = finder("place=Atlantisstad")
    assert unknown.total == 7 and unknown.place_choices == []
    assert any("Atlantisstad" in str(message) for message in unknown.messages)


def test_sort_by_distance_puts_the_nearest_first_and_shows_kilometres(programmes):
    # A point in Esch-sur-Alzette: Esch is nearest, then Luxembourg city; programmes without a point come last.
    result = finder("sort=distance&lat=49.50&lon=5.98")
    assert titles(result)[:2] == ["Esch duo", "Luxembourg duo"]
    assert set(titles(result)[-2:]) == {"Online duo", "Oost-Vlaanderen duo"}
    first, second = result.page.object_list[:2]
    assert first.distance_km < 5 < second.distance_km < 30
    assert result.page.object_list[-1].distance_km is None
    assert "sort=distance" in result.page_url(1) and "lat=49.50" in result.page_url(1)


def test_the_overview_shows_the_field_the_reason_and_did_you_mean_without_javascript(client, programmes):
    from programs.models import ProgramIndexPage

    index = ProgramIndexPage.objects.get(locale__language_code="nl")
    html = client.get(index.url + "?place=9820").content.decode()
    assert 'name="place" value="9820"' in html
    assert "Werkt in Merelbeke-Melle" in html
    html = client.get(index.url + "?place=4170").content.decode()
    assert "Esch-sur-Alzette</a>" in html


def test_place_suggestions_answer_names_as_you_type(client):
    response = client.get("/fr" + reverse("place_suggest").removeprefix("/nl").removeprefix("/en") + "?q=gan")
    labels = [s["label"] for s in response.json()["suggestions"]]
    assert "Gand" in labels
    assert "no-store" in response["Cache-Control"]
