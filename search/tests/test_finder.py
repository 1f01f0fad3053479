"""The programme finder's text search and the suggestions endpoint, on both backends."""

import pytest

from django.http import QueryDict
from django.utils import translation

from wagtail.models import Locale

from programs.filters import filter_programmes
from programs.tests.support import make_index, make_organisation, make_programme
from search.tests.support import add_municipalities, refresh

pytest_plugins = ["search.tests.support"]
pytestmark = pytest.mark.django_db


def finder(query_string, language="nl"):
    return filter_programmes(QueryDict(query_string), locale=Locale.objects.get(language_code=language))


def counts(result, param):
    return {option.code: option.count for facet in result.facets if facet.param == param for option in facet.options}


def titles(result):
    return [programme.title for programme in result.page.object_list]


@pytest.fixture
def programmes(search_backend, home_page):
    index = make_index(home_page)
    antwerp = make_organisation(index, "Samen Antwerpen")
    ghent = make_organisation(index, "Buddy Gent")
    made = {
        "housing": make_programme(
            antwerp,
            "Woonbuddy",
            summary="Samen zoeken naar een woning voor een vluchteling.",
            themes=["housing"],
            regions=["BE-VAN"],
        ),
        "language": make_programme(
            antwerp,
            "Taalbuddy",
            summary="Wekelijks Nederlands oefenen met een vluchteling.",
            themes=["language"],
            regions=["BE-VAN"],
        ),
        "work": make_programme(
            ghent, "Jobcoach duo", summary="Begeleiding naar werk.", themes=["work"], regions=["BE-VOV"]
        ),
    }
    made["housing"] = add_municipalities(made["housing"], "Mechelen")
    refresh()
    return made


def test_text_narrows_the_programmes_and_the_facet_counts(programmes):
    result = finder("q=vluchtelingen")
    assert sorted(titles(result)) == ["Taalbuddy", "Woonbuddy"]
    themes = counts(result, "theme")
    assert themes["housing"] == 1 and themes["language"] == 1 and themes["work"] == 0
    regions = counts(result, "region")
    assert regions["BE-VAN"] == 2 and regions["BE-VOV"] == 0


def test_text_combines_with_facets_and_stays_in_every_link(programmes):
    result = finder("q=vluchteling&theme=housing")
    assert titles(result) == ["Woonbuddy"]
    language_option = next(o for f in result.facets if f.param == "theme" for o in f.options if o.code == "language")
    assert "q=vluchteling" in language_option.url
    text_filter = [active for active in result.active_filters if active.label == "“vluchteling”"]
    assert text_filter and "q=" not in text_filter[0].remove_url and "theme=housing" in text_filter[0].remove_url


def test_a_programme_is_found_by_a_municipality_it_serves(programmes):
    assert titles(finder("q=Mechelen")) == ["Woonbuddy"]
    assert titles(finder("q=Malines", "fr")) == ["Woonbuddy"]


def test_a_programme_is_found_by_its_organisation(programmes):
    assert titles(finder("q=Gent")) == ["Jobcoach duo"]


def test_the_best_match_comes_first(programmes):
    make_programme(
        programmes["work"].get_parent().specific,
        "Werkwinkel",
        summary="Werk, werk en nog eens werk: een vluchteling vindt werk via werkervaring.",
        themes=["work"],
    )
    refresh()
    assert titles(finder("q=werk"))[0] == "Werkwinkel"


def test_a_query_without_words_is_ignored_with_a_message(programmes):
    result = finder("q=%22%27%3B--")
    assert result.total == 3
    assert len(result.messages) == 1


def test_the_overview_page_answers_a_text_search(programmes, client):
    response = client.get("/nl/buddyprogrammas/", {"q": "woning", "theme": "housing"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Woonbuddy" in body and "Taalbuddy" not in body
    assert 'value="woning"' in body
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "no-store" not in client.get("/nl/buddyprogrammas/", {"theme": "housing"}).get("Cache-Control", "")


def test_suggestions_name_programmes_organisations_and_municipalities(programmes, client):
    response = client.get("/nl/search/suggestions/", {"q": "mech"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert {"label": "Mechelen"} in response.json()["suggestions"]
    labels = [s["label"] for s in client.get("/nl/search/suggestions/", {"q": "samen ant"}).json()["suggestions"]]
    assert labels == ["Samen Antwerpen"]
    labels = [s["label"] for s in client.get("/nl/search/suggestions/", {"q": "taalb"}).json()["suggestions"]]
    assert labels == ["Taalbuddy"]


def test_suggestions_stay_in_the_locale(programmes, client):
    index = make_index(programmes["work"].get_site().root_page.specific)
    fr_org = make_organisation(index, "Entraide Liège", locale="fr")
    make_programme(fr_org, "Tandem Liège", summary="Un tandem entre voisins.")
    refresh()
    nl = [s["label"] for s in client.get("/nl/search/suggestions/", {"q": "tandem"}).json()["suggestions"]]
    fr = [s["label"] for s in client.get("/fr/search/suggestions/", {"q": "tandem"}).json()["suggestions"]]
    assert fr == ["Tandem Liège"]
    # The nl locale shows the French programme as an alias (its source text), so it is suggested there too.
    assert nl == ["Tandem Liège"]
    assert client.get("/nl/search/suggestions/", {"q": "x"}).json()["suggestions"] == []


def test_a_submitted_beginning_of_a_word_finds_what_the_suggestions_showed(programmes):
    assert sorted(titles(finder("q=antw"))) == ["Taalbuddy", "Woonbuddy"]
    assert titles(finder("q=meche")) == ["Woonbuddy"]
    assert titles(finder("q=zzzq")) == []


def test_facet_counts_with_a_text_query_take_the_other_filters_into_account(programmes):
    make_programme(
        programmes["work"].get_parent().specific,
        "Buurtbuddy",
        summary="Een vluchteling leert de buurt kennen en oefent Nederlands.",
        themes=["language", "housing"],
        regions=["BE-VOV"],
        accepting_volunteers="waitlist",
    )
    refresh()
    result = finder("q=vluchteling&theme=language")
    assert sorted(titles(result)) == ["Buurtbuddy", "Taalbuddy"]
    # A facet's own filter does not narrow its counts; the other facets' filters do.
    assert counts(result, "theme") == {**counts(result, "theme"), "housing": 2, "language": 2, "work": 0}
    assert counts(result, "region")["BE-VAN"] == 1 and counts(result, "region")["BE-VOV"] == 1
    assert result.accepting_count == 1

    result = finder("q=vluchteling&theme=language&region=BE-VOV&accepting=1")
    assert result.total == 0
    assert counts(result, "region")["BE-VOV"] == 0 and counts(result, "region")["BE-VAN"] == 1
    assert counts(result, "theme")["language"] == 0 and counts(result, "theme")["housing"] == 0
    assert result.accepting_count == 0

    result = finder("q=vluchteling&region=BE-VAN&accepting=1")
    assert sorted(titles(result)) == ["Taalbuddy", "Woonbuddy"]
    assert counts(result, "theme")["housing"] == 1 and counts(result, "theme")["language"] == 1


def test_with_text_the_search_backend_counts_the_facets(programmes, search_backend, monkeypatch):
    """The server answers text, filters and counts in one request; the database backend counts the facet codes
    of its ranked matches: neither runs a GROUP BY per facet."""
    from programs import filters

    database_counts = []
    original = filters.Facet.counts
    monkeypatch.setattr(filters.Facet, "counts", lambda facet, qs: database_counts.append(facet) or original(facet, qs))
    result = finder("q=vluchteling&theme=housing")
    assert titles(result) == ["Woonbuddy"]
    assert counts(result, "theme")["language"] == 1
    assert database_counts == []


def test_a_prefix_still_finds_programmes_when_filters_are_set(programmes):
    result = finder("q=woonb&region=BE-VAN")
    assert titles(result) == ["Woonbuddy"]
    assert counts(result, "region")["BE-VAN"] == 1


def test_the_indexed_facet_codes_use_the_finder_parameters(programmes):
    from programs.filters import FACETS
    from search.documents import FACET_PARAMS
    from search.models import SearchDocument

    assert {facet.field: facet.param for facet in FACETS} == FACET_PARAMS
    document = SearchDocument.objects.get(page=programmes["housing"], anchor="")
    assert document.facet_terms() == [
        "region:BE-VAN",
        "theme:housing",
        "district:12000",  # Mechelen's arrondissement and Mechelen itself, for "near you" (programs/near.py)
        "municipality:12025",
        "accepting:1",
        "newcomers:1",
    ]


def test_text_results_page_through_every_match_once(programmes):
    def page(number):
        params = QueryDict(f"q=vluchteling&page={number}")
        return filter_programmes(params, locale=Locale.objects.get(language_code="nl"), page_size=1)

    first, second, beyond = page(1), page(2), page(7)
    assert first.total == second.total == 2 and first.paginator.num_pages == 2
    assert sorted(titles(first) + titles(second)) == ["Taalbuddy", "Woonbuddy"]
    assert titles(beyond) == titles(second) and beyond.page.number == 2
    assert len(beyond.messages) == 1 and "7" in str(beyond.messages[0])


def test_the_database_backend_says_when_it_counted_only_the_best_matches(programmes, search_backend, monkeypatch):
    monkeypatch.setattr("search.backends.common.MAX_WINDOW_MATCHES", 1)
    monkeypatch.setattr("programs.filters.MAX_WINDOW_MATCHES", 1)
    with translation.override("en"):
        result = finder("q=vluchteling")
    capped = [message for message in result.messages if "best matches" in str(message)]
    if search_backend == "database":
        assert result.total == 1 and len(capped) == 1 and "1 best" in str(capped[0])
    else:  # the search server counts every match
        assert result.total == 2 and not capped
