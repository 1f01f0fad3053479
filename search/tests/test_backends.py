"""The search server itself: analysis, atomic rebuilds, and falling back to the database when it is down."""

import logging
import socket

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.http import QueryDict

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from programs.filters import filter_programmes
from programs.tests.support import make_index, make_organisation, make_programme
from search import availability
from search.models import SearchDocument
from search.service import site_search, suggestions
from search.tests.support import DATABASE, RUN_PREFIX, refresh, server_settings

pytest_plugins = ["search.tests.support"]
pytestmark = pytest.mark.django_db


def closed_port_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def nl():
    return Locale.objects.get(language_code="nl")


@pytest.fixture
def programme(home_page):
    organisation = make_organisation(make_index(home_page), "Buddy Leuven")
    return make_programme(organisation, "Fietsbuddy", summary="Samen fietsen leren met een vluchteling.")


def test_search_falls_back_to_the_database_when_the_server_is_down(settings, home_page, caplog, client):
    settings.WAGTAILSEARCH_BACKENDS = server_settings(closed_port_url(), prefix="unreachable_")
    cache.clear()
    organisation = make_organisation(make_index(home_page), "Buddy Leuven")
    make_programme(organisation, "Fietsbuddy", summary="Samen fietsen leren met een vluchteling.")
    nl = Locale.objects.get(language_code="nl")
    with caplog.at_level(logging.WARNING, logger="search.availability"):
        result = site_search("vluchtelingen", locale=nl, record=False)
    assert [str(hit.title) for hit in result.hits] == ["Fietsbuddy"]
    warnings = [r for r in caplog.records if r.name == "search.availability"]
    assert len(warnings) == 1 and "did not answer" in warnings[0].getMessage()

    # For a while the next searches go straight to the database: no second time-out, no second warning.
    caplog.clear()
    assert suggestions("fiets", nl) == ["Fietsbuddy"]
    assert not [r for r in caplog.records if r.name == "search.availability"]

    response = client.get("/nl/buddyprogrammas/", {"q": "fietsen"})
    assert response.status_code == 200 and "Fietsbuddy" in response.content.decode()
    cache.clear()


def test_the_finder_filters_and_counts_on_the_database_while_the_server_is_down(settings, home_page, nl):
    settings.WAGTAILSEARCH_BACKENDS = server_settings(closed_port_url(), prefix="unreachable_")
    cache.clear()
    organisation = make_organisation(make_index(home_page), "Buddy Leuven")
    make_programme(organisation, "Fietsbuddy", summary="Fietsen met een vluchteling.", themes=["leisure"])
    make_programme(organisation, "Taalbuddy", summary="Taal oefenen met een vluchteling.", themes=["language"])
    make_programme(organisation, "Kookbuddy", summary="Samen koken.", themes=["language"])

    result = filter_programmes(QueryDict("q=vluchtelingen&theme=language"), locale=nl)
    assert [programme.title for programme in result.page.object_list] == ["Taalbuddy"]
    theme_counts = {
        option.code: option.count for facet in result.facets if facet.param == "theme" for option in facet.options
    }
    assert theme_counts["language"] == 1 and theme_counts["leisure"] == 1
    cache.clear()


def about_search(records):
    """What the search app, Wagtail's indexing and the search server's client logged, and every warning."""
    sources = ("search", "modelsearch", "wagtail.search", "elastic_transport", "elasticsearch")
    return [r for r in records if r.name.startswith(sources) or r.levelno >= logging.WARNING]


@pytest.mark.search_server
def test_an_outage_is_logged_once_when_it_starts_and_once_when_it_ends(
    request, server_backend, settings, home_page, nl, caplog
):
    """At INFO, as in production: one line per change of state, no traceback, no line per request."""
    settings.WAGTAILSEARCH_BACKENDS = server_settings(closed_port_url(), prefix="unreachable_")
    cache.clear()
    caplog.set_level(logging.INFO)
    organisation = make_organisation(make_index(home_page), "Buddy Leuven")
    for name, summary in (("Fietsbuddy", "Samen fietsen."), ("Taalbuddy", "Taal oefenen."), ("Kookbuddy", "Koken.")):
        make_programme(organisation, name, summary=summary)  # each publish sends the page to the index
    assert [str(hit.title) for hit in site_search("fietsen", locale=nl, record=False).hits] == ["Fietsbuddy"]
    cache.delete(availability.RETRY_LATER_KEY)  # SEARCH_SERVER_RETRY_AFTER later: the server is asked again
    assert suggestions("taal", nl) == ["Taalbuddy"]

    outage = about_search(caplog.records)
    assert [record.name for record in outage] == ["search.availability"], [r.getMessage() for r in outage]
    assert "did not answer (ConnectionError" in outage[0].getMessage()
    assert not any(record.exc_info for record in caplog.records)

    # The server answers again (a real one): one line, then nothing per request.
    caplog.clear()
    settings.WAGTAILSEARCH_BACKENDS = server_settings(request.getfixturevalue("server_indexes"))
    cache.delete(availability.RETRY_LATER_KEY)
    make_programme(organisation, "Werkbuddy", summary="Werk zoeken met een vluchteling.")
    refresh()
    assert [str(hit.title) for hit in site_search("werk", locale=nl, record=False).hits] == ["Werkbuddy"]
    assert not any(record.exc_info for record in caplog.records)
    back = about_search(caplog.records)
    assert [(record.name, record.getMessage()) for record in back] == [
        ("search.availability", "The search server answers again; searches use it from now on.")
    ]
    cache.clear()


def test_without_a_fallback_the_database_backend_is_the_only_one(settings, programme, nl):
    settings.WAGTAILSEARCH_BACKENDS = {"default": DATABASE}
    assert getattr(get_search_backend("default"), "fallback", None) is None
    assert [str(h.title) for h in site_search("fietsen", locale=nl, record=False).hits] == ["Fietsbuddy"]


@pytest.mark.search_server
def test_the_server_analyses_each_language(server_backend):
    backend = get_search_backend("default")
    name = backend.get_index_for_model(SearchDocument).name

    def tokens(analyzer, text):
        response = backend.es.indices.analyze(index=name, analyzer=analyzer, text=text)
        return [token["token"] for token in response["tokens"]]

    assert tokens("campaign_nl", "vluchtelingen") == tokens("campaign_nl", "vluchteling")
    assert tokens("campaign_fr", "Bénévoles") == tokens("campaign_fr", "benevole")
    assert tokens("campaign_en", "volunteers") == tokens("campaign_en", "volunteer")
    mapping = backend.es.indices.get_mapping(index=name)
    properties = next(iter(mapping.values()))["mappings"]["properties"]
    assert properties["text_nl"]["analyzer"] == "campaign_nl"
    assert properties["title_fr"]["analyzer"] == "campaign_fr"


@pytest.mark.search_server
def test_update_index_rebuilds_atomically_behind_an_alias(server_backend, programme, nl):
    backend = get_search_backend("default")
    name = backend.get_index_for_model(SearchDocument).name
    call_command("update_index", verbosity=0)
    first = set(backend.es.indices.get_alias(name=name))
    assert len(first) == 1 and next(iter(first)).startswith(name + "_")
    assert [str(h.title) for h in site_search("fietsen", locale=nl, record=False).hits] == ["Fietsbuddy"]

    call_command("update_index", verbosity=0)
    second = set(backend.es.indices.get_alias(name=name))
    assert len(second) == 1 and second != first
    assert not backend.es.indices.exists(index=next(iter(first)))
    assert [str(h.title) for h in site_search("fietsen", locale=nl, record=False).hits] == ["Fietsbuddy"]
    assert name.startswith(RUN_PREFIX)


def test_sync_search_documents_rebuilds_the_documents(search_backend, programme, nl):
    SearchDocument.objects.all().delete()
    refresh()
    assert site_search("fietsen", locale=nl, record=False).total == 0
    call_command("sync_search_documents", verbosity=0)
    refresh()
    assert [str(h.title) for h in site_search("fietsen", locale=nl, record=False).hits] == ["Fietsbuddy"]


@pytest.mark.sqlite_path
def test_the_finder_matches_on_the_database_what_wagtails_index_matches(settings, home_page, nl):
    """On PostgreSQL the finder matches on the documents' stored vector (search/migrations/0005_text_vector.py),
    not on Wagtail's index: both must find the same programmes for any words, whatever their accents, case,
    language or field."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": DATABASE}
    organisation = make_organisation(make_index(home_page), "Réseau Liège-Ouest")
    make_programme(organisation, "Fietsbuddy Gent", summary="Samen fietsen met vluchtelingen.")
    make_programme(organisation, "Bénévoles-Accueil", summary="L'accueil des nouveaux arrivants à la gare.")
    make_programme(organisation, "Taalcafé", summary="Nederlands oefenen; we spreken over werk en wonen.")
    make_programme(organisation, "Housing help", summary="Finding homes for refugees, step by step.")
    backend = get_search_backend("default")
    documents = SearchDocument.objects.filter(locale=nl, kind="programme")
    queries = [
        "fietsbuddy",
        "fietsen",
        "vluchteling",
        "benevoles",
        "Bénévoles",
        "accueil",
        "arrivant",
        "gare",
        "taalcafe",
        "Taalcafé",
        "oefenen werk",
        "wonen",
        "housing",
        "homes refugee",
        "step",
        "liege",
        "ouest",
        "Liège-Ouest",
        "reseau",
        "gent fietsen",
        "nergens",
    ]
    for query in queries:
        wagtails = {document.page_id for document in backend.match_documents(query, documents)}
        finders = {page_id for page_id, _codes, _own in backend.ranked_rows(query, documents, 100)}
        assert finders == wagtails, query
    assert {page_id for page_id, *_ in backend.ranked_rows("fietsen", documents, 100)}
