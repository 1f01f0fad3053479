"""The HSDS 3.0 API (opendata/): every endpoint validated against the vendored HSDS schemas in every locale,
only live listings, stable ids, JSON errors."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from opendata import hsds
from opendata.models import PublishedId
from programs.importer import import_programmes
from programs.models import ProgramLocation, ProgramMunicipality, ProgramPage
from programs.reference import resolve_municipalities
from programs.tests.support import make_index, make_organisation, make_programme
from programs.tests.test_import import csv_file, row

SCHEMAS = Path(__file__).resolve().parents[2] / "opendata" / "hsds_schema"
LOCALES = ("nl", "fr", "en")
EVERY_LOCALE = tuple(code for code, _name in settings.LANGUAGES)  # the newcomers' languages too


def schema(name):
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


OPENAPI = schema("openapi.json")
PAGE_SCHEMA = OPENAPI["components"]["schemas"]["Page"]
ROOT_SCHEMA = OPENAPI["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


def assert_valid(instance, name_or_schema):
    the_schema = schema(name_or_schema) if isinstance(name_or_schema, str) else name_or_schema
    validator = Draft202012Validator(the_schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    error = best_match(validator.iter_errors(instance))
    assert error is None, f"{error.json_path}: {error.message}"


def assert_valid_page(body, item_schema):
    assert_valid(body, PAGE_SCHEMA)
    for key in ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"):
        assert key in body
    for item in body["contents"]:
        assert_valid(item, item_schema)


def get(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"] == "application/json"
    return response


@pytest.fixture
def index(home_page):
    for code in EVERY_LOCALE:  # programmes and organisations reach every locale (as aliases)
        Locale.objects.get_or_create(language_code=code)
    return make_index(home_page)


@pytest.fixture
def world(index):
    """A full programme (every field), an empty one (every optional field empty), a paused one, and a draft."""
    organisation = make_organisation(
        index,
        "Buddywerk Antwerpen",
        website="https://buddywerk.example",
        email="hallo@bw.example",
        phone="+32 3 000 00 00",
        address="Kerkstraat 1",
        postcode="2000",
        city="Antwerpen",
        description="<p>Wij koppelen buddy's.</p>",
    )
    full = make_programme(
        organisation,
        "Taalbuddy",
        description="<p>Samen <b>Nederlands</b> oefenen.</p><ul><li>Elke week</li></ul>",
        themes=["language", "social"],
        target_groups=["adults"],
        regions=["BE-VAN", "online"],
        modes=["in-person"],
        languages=["nl", "ar"],
        volunteer_commitment="Zes maanden.",
        min_volunteer_age=18,
        signup_url="https://bw.example/aanmelden",
        contact_name="Sara",
        contact_email="sara@bw.example",
        contact_phone="+32 3 123 45 67",
        last_verified="2026-03-01",
        external_id="bw-1",
    )
    full.locations.add(
        ProgramLocation(
            name="Buurthuis", address="Kerkstraat 1", postcode="2000", city="Antwerpen", latitude=51.2, longitude=4.4
        )
    )
    full.municipality_links.add(ProgramMunicipality(municipality=list(resolve_municipalities(["2000"]))[0][0]))
    full.save_revision().publish()
    empty = make_programme(organisation, "Leeg", summary="Kort.")
    paused = make_programme(organisation, "Gepauzeerd", status="paused", notice="Even geen nieuwe duo's.")
    draft = make_programme(organisation, "Concept", publish=False)
    return {
        "organisation": organisation,
        "full": ProgramPage.objects.get(pk=full.pk),
        "empty": empty,
        "paused": paused,
        "draft": draft,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", EVERY_LOCALE)
def test_every_endpoint_validates_against_the_hsds_schemas(client, world, language):
    base = f"/api/hsds/{language}/"
    root = get(client, base).json()
    assert_valid(root, ROOT_SCHEMA)
    assert root["version"] == "3.0"

    services = get(client, base + "services").json()
    assert_valid_page(services, "compiled/service_list.json")
    assert {s["name"] for s in services["contents"]} == {"Taalbuddy", "Leeg", "Gepauzeerd"}
    for summary in services["contents"]:
        detail = get(client, base + f"services/{summary['id']}").json()
        assert_valid(detail, "compiled/service.json")
        assert detail["id"] == summary["id"]

    organizations = get(client, base + "organizations").json()
    assert_valid_page(organizations, "compiled/organization_list.json")
    organisation = get(client, base + f"organizations/{organizations['contents'][0]['id']}").json()
    assert_valid(organisation, "compiled/organization.json")
    assert {s["name"] for s in organisation["services"]} == {"Taalbuddy", "Leeg", "Gepauzeerd"}

    at_locations = get(client, base + "service_at_locations").json()
    assert_valid_page(at_locations, "compiled/service_at_location_list.json")
    assert at_locations["total_items"] == 1

    taxonomies = get(client, base + "taxonomies").json()
    assert_valid_page(taxonomies, "taxonomy.json")
    terms = get(client, base + "taxonomy_terms", per_page=100).json()
    assert_valid_page(terms, "taxonomy_term.json")
    assert all(term["language"] == language for term in terms["contents"])


@pytest.mark.django_db
def test_full_record_carries_what_the_page_shows(client, world):
    sid = hsds.service_id(world["full"])
    record = get(client, f"/api/hsds/nl/services/{sid}").json()
    assert record["name"] == "Taalbuddy"
    assert record["description"] == "Samenvatting van Taalbuddy.\n\nSamen Nederlands oefenen.\nElke week"
    assert record["assured_date"] == "2026-03-01"
    assert record["status"] == "active"
    assert record["email"] == "sara@bw.example"
    assert record["contacts"][0]["name"] == "Sara"
    assert record["contacts"][0]["phones"][0]["number"] == "+32 3 123 45 67"
    assert {language["code"] for language in record["languages"]} == {"nl", "ar"}
    assert {a["value"] for a in record["attributes"]} == {"language", "social", "adults", "in-person"}
    assert {area["description"] for area in record["service_areas"]} >= {"BE-VAN", "online"}
    address = record["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["postal_code"], address["country"]) == ("Kerkstraat 1", "2000", "BE")
    assert record["organization"]["website"] == "https://buddywerk.example"
    assert record["url"].endswith("/nl/buddyprogrammas/buddywerk-antwerpen/taalbuddy/")
    # The listing in French is the Dutch text, marked as such (an alias: "only available in Dutch" on the page).
    french = get(client, f"/api/hsds/fr/services/{sid}").json()
    assert french["x_locale"] == "fr"
    assert french["x_text_languages"]["name"] == "nl"
    assert french["url"].startswith("http://localhost/fr/")


@pytest.mark.django_db
def test_paused_programme_carries_status_and_notice_and_empty_fields_are_left_out(client, world):
    paused = get(client, f"/api/hsds/nl/services/{hsds.service_id(world['paused'])}").json()
    assert paused["status"] == "temporarily closed"
    assert paused["alert"] == "Even geen nieuwe duo's."
    empty = get(client, f"/api/hsds/nl/services/{hsds.service_id(world['empty'])}").json()
    for key in ("email", "assured_date", "alert", "x_volunteer_commitment"):
        assert key not in empty
    assert empty["contacts"] == [] and empty["phones"] == [] and empty["service_at_locations"] == []


@pytest.mark.django_db
def test_drafts_and_unpublished_changes_never_appear(client, world):
    full = world["full"]
    full.title = "Geheime nieuwe titel"
    full.contact_email = "prive@bw.example"
    full.save_revision()  # a draft of a live page: not published
    unpublished = make_programme(world["organisation"], "Ingetrokken")
    unpublished.unpublish()
    for language in LOCALES:
        base = f"/api/hsds/{language}/"
        text = "".join(
            get(client, base + path).content.decode()
            for path in ("services", "organizations", "service_at_locations", f"services/{hsds.service_id(full)}")
        )
        assert "Concept" not in text and "Ingetrokken" not in text
        assert "Geheime" not in text and "prive@" not in text
        assert get(client, base + f"services/{hsds.service_id(world['draft'])}").status_code == 404


@pytest.mark.django_db
def test_ids_are_the_same_across_locales(client, world):
    ids = {}
    for language in LOCALES:
        body = get(client, f"/api/hsds/{language}/services").json()
        ids[language] = sorted(s["id"] for s in body["contents"])
        ids[language + "-org"] = sorted(
            o["id"] for o in get(client, f"/api/hsds/{language}/organizations").json()["contents"]
        )
    assert ids["nl"] == ids["fr"] == ids["en"]
    assert ids["nl-org"] == ids["fr-org"] == ids["en-org"]


@pytest.mark.django_db
def test_ids_survive_a_reimport_and_a_fresh_import(client, tmp_path, index):
    path = csv_file(tmp_path, [row()])
    assert import_programmes(path).ok

    def service_ids():
        return {
            language: [s["id"] for s in get(client, f"/api/hsds/{language}/services").json()["contents"]]
            for language in LOCALES
        }

    before = service_ids()
    assert len(before["nl"]) == 1 and before["nl"] == before["fr"] == before["en"]
    assert import_programmes(csv_file(tmp_path, [row(summary="Nieuw.")])).updated == ["bw-1"]
    assert service_ids() == before
    # A database filled afresh from the same file: new pages, new translation keys, the same ids.
    ProgramPage.objects.filter(external_id="bw-1").delete()
    assert not get(client, "/api/hsds/nl/services").json()["contents"]
    assert import_programmes(path).created == ["bw-1"]
    assert service_ids() == before


@pytest.mark.django_db
def test_services_take_the_finders_filters(client, world):
    body = get(client, "/api/hsds/nl/services", theme="language").json()
    assert [s["name"] for s in body["contents"]] == ["Taalbuddy"]
    body = get(client, "/api/hsds/nl/services", region="online", per_page=1).json()
    assert body["total_items"] == 1 and body["contents"][0]["name"] == "Taalbuddy"
    body = get(client, "/api/hsds/nl/services", per_page=2, page=2).json()
    assert body["page_number"] == 2 and body["size"] == 1 and body["last_page"] and not body["first_page"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, params, words",
    [
        ("services", {"theme": "nonsense"}, "nonsense"),
        ("services", {"page": "0"}, "page"),
        ("services", {"page": "99"}, "99"),
        ("services", {"per_page": "1000"}, "per_page"),
        ("services", {"place": "Atlantis"}, "Atlantis"),
        ("services", {"colour": "blue"}, "colour"),
        ("organizations", {"page": "x"}, "page"),
        ("taxonomy_terms", {"taxonomy_id": "nope"}, "taxonomy_id"),
    ],
)
def test_bad_parameters_give_a_400_with_an_explanation(client, world, path, params, words):
    response = get(client, f"/api/hsds/nl/{path}", **params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400
    assert words in error["message"] + " ".join(error.get("details", []))


@pytest.mark.django_db
def test_unknown_ids_and_locales_give_a_404_json(client, world):
    assert get(client, "/api/hsds/nl/services/not-an-id").status_code == 404
    assert get(client, "/api/hsds/nl/organizations/0000").status_code == 404
    response = get(client, "/api/hsds/xx/services")
    assert response.status_code == 404 and "xx" in response.json()["error"]["message"]


@pytest.mark.django_db
def test_writes_are_refused(client, world):
    assert client.post("/api/hsds/nl/services").status_code == 405


@pytest.mark.django_db
def test_too_many_requests_give_a_429_json(client, world):
    with override_settings(OPENDATA_RATE_PER_CLIENT="3/m"):
        statuses = [client.get("/api/hsds/nl/taxonomies").status_code for _ in range(5)]
        response = client.get("/api/hsds/nl/taxonomies")
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
    assert response.status_code == 429 and response["Content-Type"] == "application/json"
    assert response.json()["error"]["status"] == 429 and response["Retry-After"]


@pytest.mark.django_db
def test_records_are_found_by_id_through_the_id_table(client, world):
    sid, oid = hsds.service_id(world["full"]), hsds.organization_id(world["organisation"])
    assert PublishedId.objects.filter(pk=sid, kind="service").exists()  # registered when the page was saved
    assert PublishedId.objects.filter(pk=oid, kind="organization").exists()
    PublishedId.objects.all().delete()  # as for pages written in bulk, without signals
    assert get(client, f"/api/hsds/nl/services/{sid}").json()["id"] == sid
    assert get(client, f"/api/hsds/nl/organizations/{oid}").json()["id"] == oid
    assert PublishedId.objects.filter(pk__in=[sid, oid]).count() == 2
    with CaptureQueriesContext(connection) as queries:
        assert get(client, f"/api/hsds/fr/services/{sid}").status_code == 200
    assert not any("opendata_key" in query["sql"] for query in queries)  # an indexed look-up, no scan
    # An id nobody was given: one registering query finds nothing new, then a 404.
    assert get(client, "/api/hsds/nl/services/00000000-0000-5000-8000-000000000000").status_code == 404
    assert get(client, "/api/hsds/nl/services/not-a-uuid").status_code == 404
