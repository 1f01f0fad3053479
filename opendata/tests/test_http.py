"""The open-data API's HTTP: conditional GETs, caching headers, CORS for reading only, pagination links."""

import time

import pytest

from django.test import override_settings

from programs.models import ProgramLocation
from programs.tests.support import make_index, make_organisation, make_programme


@pytest.fixture
def programmes(home_page):
    organisation = make_organisation(make_index(home_page), "Buddywerk")
    return [make_programme(organisation, f"Programma {n}") for n in range(5)]


@pytest.mark.django_db
def test_conditional_get_with_the_etag_gives_a_304_until_something_is_published(client, programmes):
    first = client.get("/api/hsds/nl/services")
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and first["Last-Modified"]

    again = client.get("/api/hsds/nl/services", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    # Another query is another representation.
    assert client.get("/api/hsds/nl/services?theme=work", HTTP_IF_NONE_MATCH=etag).status_code == 200

    page = programmes[0]
    page.title = "Nieuwe naam"
    page.save_revision().publish()
    changed = client.get("/api/hsds/nl/services", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Nieuwe naam" in changed.content.decode()


@pytest.mark.django_db
def test_if_modified_since_gives_a_304_and_an_unpublication_ends_it(client, programmes):
    first = client.get("/api/hsds/nl/organizations")
    since = first["Last-Modified"]
    assert client.get("/api/hsds/nl/organizations", HTTP_IF_MODIFIED_SINCE=since).status_code == 304

    time.sleep(1.1)  # HTTP dates have whole seconds
    programmes[0].unpublish()
    response = client.get("/api/hsds/nl/organizations", HTTP_IF_MODIFIED_SINCE=since)
    assert response.status_code == 200


@pytest.mark.django_db
@override_settings(OPENDATA_CACHE_SECONDS=120)
def test_responses_may_be_kept_by_cdns_but_errors_not(client, programmes):
    response = client.get("/api/hsds/en/taxonomies")
    assert response["Cache-Control"] == "public, max-age=120, s-maxage=120"
    assert "Cookie" not in response.get("Vary", "") and "Accept-Language" not in response.get("Vary", "")
    assert not response.cookies
    error = client.get("/api/hsds/en/services?page=nope")
    assert error.status_code == 400 and error["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_cors_allows_reading_from_any_origin_without_credentials(client, programmes):
    response = client.get("/api/hsds/fr/services", HTTP_ORIGIN="https://gemeente.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]

    preflight = client.options(
        "/api/hsds/fr/services",
        HTTP_ORIGIN="https://gemeente.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="If-None-Match",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in preflight

    for method in (client.post, client.put, client.delete):
        refused = method("/api/hsds/fr/services")
        assert refused.status_code == 405 and refused.json()["error"]["status"] == 405
        assert "POST" not in refused["Allow"]


@pytest.mark.django_db
def test_pages_link_to_each_other_in_the_body_and_the_link_header(client, programmes):
    body = client.get("/api/hsds/nl/services?per_page=2&page=2").json()
    links = body["x_links"]
    assert links["prev"].endswith("page=1") and "per_page=2" in links["prev"]
    assert links["next"].endswith("page=3") and links["last"].endswith("page=3")
    assert links["first"].startswith("http://testserver/api/hsds/nl/services?")
    response = client.get(links["next"])
    assert response.json()["last_page"] and "next" not in response.json()["x_links"]
    header = response["Link"]
    assert 'rel="prev"' in header and 'rel="next"' not in header and 'rel="first"' in header


@pytest.mark.django_db
def test_list_query_counts_do_not_grow_with_the_number_of_programmes(client, programmes):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(path):
        client.get(path)  # warm the chrome's cache (locales, sites, taxonomy terms)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    def with_location(page):
        page.locations.add(ProgramLocation(address="Kerkstraat 1", postcode="2000", city="Antwerpen"))
        page.save_revision().publish()

    with_location(programmes[0])
    paths = ("/api/hsds/nl/services?per_page=100", "/api/hsds/nl/organizations", "/api/hsds/nl/service_at_locations")
    few = [queries(path) for path in paths]
    organisation = programmes[0].get_parent().specific
    for n in range(6):
        with_location(make_programme(organisation, f"Nog een {n}"))
    assert [queries(path) for path in paths] == few
