"""manage.py export_hsds: a data package per locale whose CSVs are what the API serves."""

import csv
import io
import json
from decimal import Decimal

import pytest

from django.core.management import CommandError, call_command

from opendata import hsds
from opendata.import_format import HEADER
from programs.models import ProgramLocation, ProgramPage
from programs.reference import resolve_municipalities
from programs.tests.support import make_index, make_organisation, make_programme
from programs.tests.test_import import csv_file, row


@pytest.fixture
def programmes(home_page):
    organisation = make_organisation(
        make_index(home_page), "Buddywerk", website="https://bw.example", phone="+32 3 000 00 00", city="Antwerpen"
    )
    full = make_programme(
        organisation,
        "Taalbuddy",
        themes=["language"],
        languages=["nl", "ar"],
        contact_name="Sara",
        contact_phone="+32 3 123 45 67",
        external_id="bw-1",
        last_verified="2026-03-01",
    )
    full.locations.add(ProgramLocation(name="Buurthuis", address="Kerkstraat 1", postcode="2000", city="Antwerpen"))
    full.save_revision().publish()
    make_programme(organisation, "Leeg")
    make_programme(organisation, "Concept", publish=False)
    return full


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.django_db
def test_export_writes_a_data_package_per_locale_listing_every_csv(tmp_path, programmes):
    out = io.StringIO()
    call_command("export_hsds", str(tmp_path), stdout=out)
    assert "nl: 2 programmes, 1 organisations" in out.getvalue()
    assert "CC BY 4.0" in (tmp_path / "LICENCE.txt").read_text()
    for language in ("nl", "fr", "en"):
        folder = tmp_path / language
        package = json.loads((folder / "datapackage.json").read_text())
        assert package["profile"] == "tabular-data-package" and package["licenses"][0]["name"] == "CC-BY-4.0"
        assert any("Statbel" in source["title"] for source in package["sources"])
        listed = {resource["path"] for resource in package["resources"]}
        written = {path.name for path in folder.glob("*.csv")}
        assert listed == written and "services.csv" in written
        for resource in package["resources"]:
            with open(folder / resource["path"], encoding="utf-8") as handle:
                header = next(csv.reader(handle))
            assert header == [field["name"] for field in resource["schema"]["fields"]]
            ids = [row["id"] for row in read_csv(folder / resource["path"])]
            assert len(ids) == len(set(ids))  # the primary key holds
        names = [row["name"] for row in read_csv(folder / "services.csv")]
        assert sorted(names) == ["Leeg", "Taalbuddy"]  # never the draft


@pytest.mark.django_db
def test_exported_rows_match_the_api(client, tmp_path, programmes):
    call_command("export_hsds", str(tmp_path), stdout=io.StringIO())
    for language in ("nl", "fr"):
        api = client.get(f"/api/hsds/{language}/services").json()["contents"]
        rows = {row["id"]: row for row in read_csv(tmp_path / language / "services.csv")}
        assert set(rows) == {service["id"] for service in api}
        for service in api:
            row = rows[service["id"]]
            for column in ("name", "description", "status", "url", "organization_id", "assured_date", "email"):
                assert row[column] == str(service.get(column, "")), column
        sid = hsds.service_id(programmes)
        detail = client.get(f"/api/hsds/{language}/services/{sid}").json()
        exported = {record["id"]: record for record in json.loads((tmp_path / language / "services.json").read_text())}
        assert exported[sid] == detail
        phones = {row["number"] for row in read_csv(tmp_path / language / "phones.csv")}
        assert phones == {"+32 3 123 45 67", "+32 3 000 00 00"}
        addresses = read_csv(tmp_path / language / "addresses.csv")
        assert {row["address_1"] for row in addresses} >= {"Kerkstraat 1"}


@pytest.mark.django_db
def test_export_refuses_a_file_as_its_directory(tmp_path, programmes):
    target = tmp_path / "a-file"
    target.write_text("x")
    with pytest.raises(CommandError, match="not a directory"):
        call_command("export_hsds", str(target), stdout=io.StringIO())


def api_records(client):
    """Every programme's full API record in nl, fr and en, without the publication time (a re-import republishes)."""
    records = {}
    for language in ("nl", "fr", "en"):
        for summary in client.get(f"/api/hsds/{language}/services").json()["contents"]:
            detail = client.get(f"/api/hsds/{language}/services/{summary['id']}").json()
            detail.pop("last_modified", None)
            records[language, detail["id"]] = detail
    return records


def same_value(column, exported, given):
    """Equal as the import reads them: lists of codes as sets, places as municipalities, coordinates as numbers."""
    if column in ("themes", "target_groups", "regions", "languages", "modes"):
        return set(exported.split(";")) == set(given.split(";"))
    if column == "municipalities":  # names or postcodes: the same municipalities, in the same order
        return [m.pk for m in resolve_municipalities(exported.split(";")).municipalities] == [
            m.pk for m in resolve_municipalities(given.split(";")).municipalities
        ]
    if column in ("latitude", "longitude") and given:
        return Decimal(exported) == Decimal(given)
    return exported == given


@pytest.mark.django_db
def test_the_export_reimports_losslessly_through_import_programs(client, tmp_path, home_page):
    make_index(home_page)
    given = row(municipalities="Antwerpen;Mortsel", request_form="both", notice="Even pauze.", status="paused")
    other = row(
        "bw-2", name="Wandelbuddy", summary="Samen wandelen.", description="", municipalities="", address="",
        postcode="", city="", latitude="", longitude="", name_fr="", summary_fr="", description_fr="", name_en="",
        summary_en="", min_volunteer_age="", last_verified="", contact_name="", contact_email="", contact_phone="",
    )  # fmt: skip
    call_command("import_programs", str(csv_file(tmp_path, [given, other], header=HEADER)), stdout=io.StringIO())
    before = api_records(client)
    assert len(before) == 6

    call_command("export_hsds", str(tmp_path / "out"), stdout=io.StringIO())
    exported = read_csv(tmp_path / "out" / "programmes.csv")
    assert [line["external_id"] for line in exported] == ["bw-1", "bw-2"]
    for original, line in zip((given, other), exported, strict=True):
        for column, value in original.items():  # every column of the import format, as it was imported
            assert same_value(column, line[column], value), (column, line[column], value)
    assert exported[0]["source_locale"] == "nl" and exported[0]["request_form"] == "both"

    # Into a database without the programmes: the same records, ids and all, in every locale.
    ProgramPage.objects.filter(external_id__in=["bw-1", "bw-2"]).delete()
    assert not client.get("/api/hsds/nl/services").json()["contents"]
    out = io.StringIO()
    call_command("import_programs", str(tmp_path / "out" / "programmes.csv"), stdout=out)
    assert api_records(client) == before
    call_command("export_hsds", str(tmp_path / "again"), stdout=io.StringIO())
    assert read_csv(tmp_path / "again" / "programmes.csv") == exported
