"""The search server's index never drifts from the database: changes after the commit, a queue for outages."""

import io
import logging
import socket

import pytest
from elasticsearch import ApiError
from elasticsearch import ConnectionError as ServerConnectionError

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.users.models import UserProfile

from programs.tests.support import make_index, make_organisation, make_programme
from search import availability
from search.models import PendingIndexChange, SearchDocument
from search.panels import IndexBacklogPanel
from search.service import run, site_search
from search.tests.support import refresh, server_settings

pytest_plugins = ["search.tests.support"]
pytestmark = [pytest.mark.django_db, pytest.mark.search_server]


def closed_port_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def as_in_production(backends):
    """The server's test settings with index changes sent after the commit, as outside the tests."""
    backends["default"] = {**backends["default"], "INDEX_AFTER_COMMIT": True}
    return backends


def titles_in_server(title):
    """The search server's documents titled `title` (asked directly, not through the site's fallback)."""
    refresh()
    backend = get_search_backend("default")
    index = backend.get_index_for_model(SearchDocument).name
    response = backend.es.search(index=index, query={"match_phrase": {"title": title}}, size=10)
    return response["hits"]["total"]["value"]


@pytest.fixture
def nl():
    return Locale.objects.get(language_code="nl")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_index_changes_reach_the_server_after_the_commit_and_never_after_a_rollback(
    request, server_backend, settings, home_page
):
    settings.WAGTAILSEARCH_BACKENDS = as_in_production(server_settings(request.getfixturevalue("server_indexes")))
    cache.clear()
    organisation = make_organisation(make_index(home_page), "Buddy Leuven")

    make_programme(organisation, "Fietsbuddy", summary="Samen fietsen leren.")
    assert titles_in_server("Fietsbuddy") == SearchDocument.objects.filter(title="Fietsbuddy").count() > 0

    # An import (or any save) that fails after writing rolls back: the server must not keep what it wrote.
    with pytest.raises(RuntimeError), transaction.atomic():
        make_programme(organisation, "Kookbuddy", summary="Samen koken.")
        assert titles_in_server("Kookbuddy") == 0  # not sent before the commit
        raise RuntimeError("the import failed on a later row")
    assert titles_in_server("Kookbuddy") == 0
    assert not SearchDocument.objects.filter(title="Kookbuddy").exists()

    # A deletion is sent after the commit too, with the primary key Django clears on delete.
    page = SearchDocument.objects.get(title="Fietsbuddy", locale__language_code="nl").page
    page.delete()
    assert titles_in_server("Fietsbuddy") == SearchDocument.objects.filter(title="Fietsbuddy").count()
    assert not SearchDocument.objects.filter(page=page.pk).exists()
    cache.clear()


def test_a_save_during_an_outage_is_queued_and_found_once_the_queue_is_sent(
    request, server_backend, settings, home_page, nl, caplog
):
    url = request.getfixturevalue("server_indexes")
    settings.WAGTAILSEARCH_BACKENDS = server_settings(closed_port_url(), prefix="unreachable_")
    cache.clear()
    organisation = make_organisation(make_index(home_page), "Buddy Leuven")
    with caplog.at_level(logging.INFO):
        make_programme(organisation, "Werkbuddy", summary="Werk zoeken met een vluchteling.")
    assert PendingIndexChange.objects.filter(action=PendingIndexChange.ADD).count() >= 1
    assert not any(record.exc_info for record in caplog.records)  # one warning, no traceback per change
    queued = PendingIndexChange.objects.count()

    # The server answers again: the command sends the queue, and the programme is found on the server.
    settings.WAGTAILSEARCH_BACKENDS = server_settings(url)
    cache.delete(availability.RETRY_LATER_KEY)
    assert titles_in_server("Werkbuddy") == 0
    call_command("send_pending_index_changes", stdout=(out := io.StringIO()))
    assert f"{queued} index changes sent, 0 waiting." in out.getvalue()
    assert not PendingIndexChange.objects.exists()
    assert titles_in_server("Werkbuddy") == SearchDocument.objects.filter(title="Werkbuddy").count() > 0
    assert [str(hit.title) for hit in site_search("werk", locale=nl, record=False).hits] == ["Werkbuddy"]
    cache.clear()


def test_sending_the_queue_during_the_outage_keeps_it(server_backend, settings, home_page):
    organisation = make_organisation(make_index(home_page), "Buddy Leuven")
    programme = make_programme(organisation, "Taalbuddy", summary="Taal oefenen.")
    PendingIndexChange.objects.create(model="wagtailcore.page", object_pk=str(programme.pk), action="add")
    settings.WAGTAILSEARCH_BACKENDS = server_settings(closed_port_url(), prefix="unreachable_")
    cache.clear()
    call_command("send_pending_index_changes", stdout=(out := io.StringIO()))
    assert "0 index changes sent, 1 waiting." in out.getvalue()
    assert PendingIndexChange.objects.count() == 1
    cache.clear()


def test_a_deleted_object_in_the_queue_is_deleted_from_the_server(request, server_backend, settings, home_page):
    organisation = make_organisation(make_index(home_page), "Buddy Leuven")
    make_programme(organisation, "Kookbuddy", summary="Samen koken.")
    assert titles_in_server("Kookbuddy") == SearchDocument.objects.filter(title="Kookbuddy").count() > 0
    document = SearchDocument.objects.get(title="Kookbuddy", locale__language_code="nl")
    PendingIndexChange.objects.create(model="search.searchdocument", object_pk=str(document.pk), action="add")
    # Deleted while the server was down: the queued "add" finds no object and deletes it from the server.
    settings.WAGTAILSEARCH_BACKENDS = server_settings(closed_port_url(), prefix="unreachable_")
    cache.clear()
    SearchDocument.objects.filter(pk=document.pk).delete()
    settings.WAGTAILSEARCH_BACKENDS = server_settings(request.getfixturevalue("server_indexes"))
    cache.clear()
    call_command("send_pending_index_changes", stdout=io.StringIO())
    assert titles_in_server("Kookbuddy") == SearchDocument.objects.filter(title="Kookbuddy").count() == 2
    assert not PendingIndexChange.objects.filter(object_pk=str(document.pk), model="search.searchdocument").exists()


def test_administrators_see_the_backlog_on_the_dashboard(client, home_page):
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "pw-not-used-1")
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(superuser)
    assert "has not reached the search server" not in client.get("/admin/").content.decode()
    PendingIndexChange.objects.create(model="wagtailcore.page", object_pk=str(home_page.pk), action="add")
    PendingIndexChange.objects.create(model="search.searchdocument", object_pk="1", action="delete")
    body = client.get("/admin/").content.decode()
    assert "2 changes to the site have not reached the search server yet" in body
    editor = get_user_model().objects.create_user("editor", "editor@example.org", "pw-not-used-2")
    assert IndexBacklogPanel.for_user(editor) is None  # only administrators see it


def test_a_page_number_beyond_the_servers_window_gives_a_message_and_keeps_the_server_on(
    server_backend, home_page, client, caplog
):
    organisation = make_organisation(make_index(home_page), "Buddy Leuven")
    make_programme(organisation, "Fietsbuddy", summary="Samen fietsen leren met een vluchteling.")
    refresh()
    with caplog.at_level(logging.WARNING):
        response = client.get("/nl/buddyprogrammas/", {"q": "fietsen", "page": "1000000000000"})
    body = response.content.decode()
    assert response.status_code == 200, body
    assert "Fietsbuddy" in body and "Er is geen pagina 1000000000000" in body  # "There is no page …"
    assert not availability.retry_later()
    assert not [r for r in caplog.records if r.name.startswith("search")]


def test_a_request_the_server_refuses_is_answered_from_the_database_without_an_outage(
    server_backend, home_page, nl, caplog
):
    organisation = make_organisation(make_index(home_page), "Buddy Leuven")
    make_programme(organisation, "Fietsbuddy", summary="Samen fietsen leren met een vluchteling.")
    refresh()
    documents = SearchDocument.objects.filter(locale=nl, kind="programme")
    with caplog.at_level(logging.WARNING):
        # Offset 50,000: the server answers 400 (beyond index.max_result_window).
        window = run(lambda backend: backend.match_page_window("fietsen", documents, {}, False, 50_000, 10))
    assert window is not None and window.ids == [] and window.total == 1  # the database's answer
    assert not availability.retry_later()
    refused = [r for r in caplog.records if r.name == "search.service"]
    assert len(refused) == 1 and "refused a request (BadRequestError 400)" in refused[0].getMessage()
    assert "fietsen" not in refused[0].getMessage() and not refused[0].exc_info


def test_only_no_answer_counts_as_an_outage(server_backend):
    backend = get_search_backend("default")

    class Meta:
        def __init__(self, status):
            self.status = status

    def api_error(status):
        return ApiError("refused", Meta(status), {})

    assert backend.is_outage(ServerConnectionError("connection refused"))
    assert backend.is_outage(api_error(503)) and backend.is_outage(api_error(429))
    assert not backend.is_outage(api_error(400)) and not backend.is_outage(api_error(500))
