"""The live programmes in the import format (docs/import-format.md), so that an export re-imports through
`manage.py import_programs`: `export_hsds` writes them as DIR/programmes.csv.

One row per programme, from its source page (the first page of its translation key that is no alias, in nl,
fr or en) with its nl/fr/en translations in the `*_nl`/`*_fr`/`*_en` columns (only the texts that differ from
the source's: the import leaves the others as the source's text, as the site shows them). What the format has
no column for is left out: a location's name and every location after the first, the newcomers' sign-up
address, the organisation's phone and address. A programme without an external id gets its HSDS id as one;
after a fresh import its HSDS id is then derived from that external id (docs/open-data.md).
"""

import csv

from django.utils import translation

from opendata import hsds
from programs.import_forms import COLUMNS, LOCALES, OPTIONAL_COLUMNS, REQUEST_FORM_CHOICES
from programs.models import OrganisationPage, ProgramPage

HEADER = [*COLUMNS, *OPTIONAL_COLUMNS]
REQUEST_FORMS = {choice: column for column, choice in REQUEST_FORM_CHOICES.items()}
TAXONOMY_FIELDS = ("themes", "target_groups", "regions", "languages", "modes")


def description_text(rich_text):
    """Rich text as the import format's plain text: paragraphs (and list items) separated by blank lines."""
    return "\n\n".join(hsds.plain_text(rich_text).splitlines())


def source_pages():
    """The source page of every live, public programme written in nl, fr or en, in tree order."""
    pages = (
        ProgramPage.objects.live()
        .public()
        .sources()
        .filter(locale__language_code__in=LOCALES)
        .select_related("locale")
        .order_by("pk")
    )
    sources = {}
    for page in pages:
        sources.setdefault(page.translation_key, page)
    return sorted(sources.values(), key=lambda page: page.path)


def _codes(page, name):
    return ";".join(term.code for term in getattr(page, name).order_by("sort_order", "code"))


def _translations(page, source_description):
    """{column: text} of the page's live nl/fr/en translations."""
    columns = {}
    others = (
        ProgramPage.objects.live()
        .sources()
        .filter(translation_key=page.translation_key, locale__language_code__in=LOCALES)
        .exclude(pk=page.pk)
        .select_related("locale")
    )
    for other in others:
        code = other.locale.language_code
        columns[f"name_{code}"] = other.title
        if other.summary != page.summary:
            columns[f"summary_{code}"] = other.summary
        description = description_text(other.description)
        if description != source_description:
            columns[f"description_{code}"] = description
    return columns


def programme_row(page):
    organisation = OrganisationPage.objects.get(path=page.path[: -ProgramPage.steplen])
    with translation.override("nl"):
        municipalities = ";".join(link.municipality.name for link in page.municipality_links.all())
    location = page.locations.order_by("sort_order", "pk").first()
    description = description_text(page.description)
    row = {
        "external_id": page.external_id or hsds.service_id(page),
        "organisation": organisation.title,
        "organisation_website": organisation.website,
        "organisation_email": organisation.email,
        "name": page.title,
        "summary": page.summary,
        "description": description,
        **{name: _codes(page, name) for name in TAXONOMY_FIELDS},
        "municipalities": municipalities,
        "volunteer_commitment": page.volunteer_commitment,
        "min_volunteer_age": page.min_volunteer_age or "",
        "accepting_volunteers": page.accepting_volunteers,
        "accepting_newcomers": page.accepting_newcomers,
        "status": page.status,
        "notice": page.notice,
        "signup_url": page.signup_url,
        "contact_name": page.contact_name,
        "contact_email": page.contact_email,
        "contact_phone": page.contact_phone,
        "last_verified": page.last_verified.isoformat() if page.last_verified else "",
        "source_locale": page.locale.language_code,
        "request_form": REQUEST_FORMS[(page.volunteer_request_form, page.newcomer_request_form)],
    }
    if location is not None:
        for name in ("address", "postcode", "city", "latitude", "longitude"):
            value = getattr(location, name)
            row[name] = "" if value is None else str(value)
    row.update(_translations(page, description))
    return {column: str(row.get(column) or "") for column in HEADER}


def write_programmes(path):
    """Write every live programme as a row of the import format to `path` (CSV); returns how many."""
    pages = source_pages()
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER, lineterminator="\n")
        writer.writeheader()
        for page in pages:
            writer.writerow(programme_row(page))
    return len(pages)
