"""manage.py export_hsds: a data package per locale whose CSVs are what the API serves."""

import csv
import io
import json

import pytest

from django.core.management import CommandError, call_command

from opendata import hsds
from programs.models import ProgramLocation
from tests.programs_support import make_index, make_organisation, make_programme


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
