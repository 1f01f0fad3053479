"""The open data on the demo content (`load_demo_content`, loaded once for the module): every endpoint's answers
valid against the vendored HSDS 3.0 schemas in every locale, the export a valid data package (frictionless), and
its programmes.csv the demo's own import file again."""

import io

import pytest
from frictionless import Package

from django.conf import settings
from django.core.management import call_command

from home.tests.demo_support import demo_content_loaded
from opendata.tests.test_api import assert_valid, assert_valid_page, get
from opendata.tests.test_api import schema as load_schema
from opendata.tests.test_export import read_csv, same_value
from programs.demo import DEMO_FILE
from programs.importer import import_programmes
from programs.models import ProgramPage

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
ROOT_SCHEMA = load_schema("openapi.json")["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"][
    "schema"
]


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    with demo_content_loaded(django_db_blocker, quiet=True):
        yield


def every_page(client, url, item_schema):
    """All records of a paged list, each page checked against HSDS's page schema and its items'."""
    records, number = [], 1
    while True:
        body = get(client, url, page=number, per_page=100).json()
        assert_valid_page(body, item_schema)
        records += body["contents"]
        if body["last_page"]:
            return records
        number += 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_endpoint_validates_on_the_demo_content(client, demo_content, language):
    base = f"/api/hsds/{language}/"
    root = get(client, base).json()
    assert_valid(root, ROOT_SCHEMA)
    assert root["x_locale"] == language

    services = every_page(client, base + "services", "compiled/service_list.json")
    live = ProgramPage.objects.live().public().filter(locale__language_code=language).count()
    assert len(services) == live > 0
    for summary in services:
        detail = get(client, base + f"services/{summary['id']}").json()
        assert_valid(detail, "compiled/service.json")
        assert detail["id"] == summary["id"] and detail["x_locale"] == language

    organizations = every_page(client, base + "organizations", "compiled/organization_list.json")
    assert organizations
    for organisation in organizations:
        assert_valid(get(client, base + f"organizations/{organisation['id']}").json(), "compiled/organization.json")

    at_locations = every_page(client, base + "service_at_locations", "compiled/service_at_location_list.json")
    assert at_locations and {item["service_id"] for item in at_locations} <= {s["id"] for s in services}
    every_page(client, base + "taxonomies", "taxonomy.json")
    terms = every_page(client, base + "taxonomy_terms", "taxonomy_term.json")
    assert terms and all(term["language"] == language for term in terms)


def test_the_export_of_the_demo_content_is_a_valid_data_package(tmp_path, demo_content):
    call_command("export_hsds", str(tmp_path), stdout=io.StringIO())
    for language in LANGUAGES:
        package = Package(tmp_path / language / "datapackage.json")
        report = package.validate()
        problems = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
        problems += [error.message for error in report.errors]
        assert report.valid, "\n".join(problems[:20])
        rows = {resource.name: len(resource.read_rows()) for resource in package.resources}
        assert rows["service"] == ProgramPage.objects.live().public().filter(locale__language_code=language).count()
        assert rows["organization"] and rows["taxonomy_term"]


def test_the_demo_programmes_export_in_the_import_format_and_reimport_unchanged(tmp_path, demo_content):
    call_command("export_hsds", str(tmp_path), stdout=io.StringIO())
    exported = {line["external_id"]: line for line in read_csv(tmp_path / "programmes.csv")}
    demo = {line["external_id"]: line for line in read_csv(DEMO_FILE)}
    assert set(exported) == set(demo)
    for external_id, line in demo.items():
        for column, value in line.items():
            assert same_value(column, exported[external_id][column], value), (external_id, column)
    # Every field the import compares (importer._differs) is as the export says: nothing to update.
    result = import_programmes(tmp_path / "programmes.csv")
    assert result.ok, result.errors[:5]
    assert sorted(result.unchanged) == sorted(demo) and not result.created and not result.updated
