"""Programmes and organisations in the shapes of Open Referral HSDS 3.0 (opendata/hsds_schema/).

Mapping (what a public programme page shows, nothing else):

- a ProgramPage is a `service`; its OrganisationPage an `organization`; each of
  its locations a `location` with a `service_at_location`; the municipalities
  and regions it serves are `service_areas`; its contact person a `contact`;
  the languages spoken `languages`; themes, target groups and modes
  `attributes` pointing at `taxonomy_terms` of this site's own taxonomies.
- `status`: active → "active", paused → "temporarily closed", ended →
  "defunct"; the public notice is the `alert`. `assured_date` is the day the
  organisation last confirmed the listing (`last_verified`).
- Ids are UUIDs (uuid5) derived from what stays the same across locales and
  re-imports: a programme's external id (the import files' `external_id`),
  else its translation key; an organisation's translation key; a taxonomy
  term's code. The nl, fr and en records of one programme share every id.
- Each record says which locale it was asked in (`x_locale`) and, where a text
  is not translated yet (the page shows "only available in …"), the language
  that text is in (`x_text_languages`, `{field: language code}`). HSDS allows
  such extra properties; they start with `x_`.
- Optional fields without a value are left out (the schemas type them as
  strings, not null).
"""

import html
import uuid

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from programs import taxonomy
from programs.languages import language_name
from programs.models import OrganisationPage, PostalCode, ProgramPage

HSDS_VERSION = "3.0"
PROFILE = "https://openreferral.org/imls/hsds/"  # the HSDS 3.0 base profile (no local profile)

# Fixed once: changing it changes every published id.
NAMESPACE = uuid.UUID("5a1f0c2e-8d3b-4f43-9c53-0b7d6a4e9f21")

STATUS = {"active": "active", "paused": "temporarily closed", "ended": "defunct"}

# The site's taxonomies published as HSDS taxonomies: name in the API → (ProgramPage field, labels).
TAXONOMIES = {
    "themes": ("themes", taxonomy.THEMES),
    "target_groups": ("target_groups", taxonomy.TARGET_GROUPS),
    "modes": ("modes", taxonomy.MODES),
    "regions": ("regions", taxonomy.REGIONS),
    "languages": ("languages", taxonomy.LANGUAGES),
}
TAXONOMY_DESCRIPTIONS = {
    "themes": "What the programme helps with.",
    "target_groups": "Who the programme is for.",
    "modes": "How duos meet.",
    "regions": "The regions served: ISO 3166-2 codes of Belgium's provinces and regions, Luxembourg, and “online”.",
    "languages": "Languages spoken in the programme: ISO 639 codes.",
}
ATTRIBUTE_TAXONOMIES = ("themes", "target_groups", "modes")


def make_id(*parts):
    return str(uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts)))


def service_key(page):
    """What a programme's ids derive from: its external id, else its translation key (the same in every locale)."""
    return f"external:{page.external_id}" if page.external_id else f"key:{page.translation_key}"


def service_id(page):
    return make_id("service", service_key(page))


def organization_id(organisation):
    return make_id("organization", organisation.translation_key)


def taxonomy_id(name):
    return make_id("taxonomy", name)


def term_id(name, code):
    return make_id("taxonomy_term", name, code)


def compact(record):
    """The record without empty optional values (None, "", empty lists stay out; required keys are set non-empty)."""
    return {key: value for key, value in record.items() if value not in (None, "")}


def plain_text(rich_text):
    """A rich-text field as plain text: paragraphs on lines of their own."""
    if not rich_text:
        return ""
    text = rich_text.replace("</p>", "</p>\n").replace("<br>", "\n").replace("</li>", "</li>\n")
    return "\n".join(line.strip() for line in html.unescape(strip_tags(text)).splitlines() if line.strip())


def _iso(value):
    return value.isoformat() if value else None


# Taxonomies ----------------------------------------------------------------------------------------


def taxonomy_record(name):
    return {
        "id": taxonomy_id(name),
        "name": name,
        "description": TAXONOMY_DESCRIPTIONS[name],
        "version": "1",
    }


def term_label(name, code):
    if name == "languages":
        return str(language_name(code))
    return str(TAXONOMIES[name][1].get(code, code))


def term_record(name, code, language):
    label = term_label(name, code)
    return {
        "id": term_id(name, code),
        "code": code,
        "name": label,
        "description": label,
        "taxonomy": name,
        "taxonomy_id": taxonomy_id(name),
        "language": language,
    }


def all_terms(language):
    """Every term of every taxonomy, in the site's order."""
    from programs.models import taxonomy_terms

    terms = taxonomy_terms()
    records = []
    for name, (field, _labels) in TAXONOMIES.items():
        for term in sorted(terms[field].values(), key=lambda term: (term.sort_order, term.code)):
            records.append(term_record(name, term.code, language))
    return records


# Organisations ---------------------------------------------------------------------------------------


def organization_record(organisation, language, *, text_language=None):
    """An organisation as its public profile shows it (`text_language`: the language its text is in)."""
    record = compact(
        {
            "id": organization_id(organisation),
            "name": organisation.title,
            "description": plain_text(organisation.description) or organisation.title,
            "email": organisation.email,
            "website": organisation.website,
            "uri": organisation.full_url,
            "x_locale": language,
        }
    )
    if text_language and text_language != language:
        record["x_text_languages"] = {"name": text_language, "description": text_language}
    return record


def organization_phones(organisation):
    if not organisation.phone:
        return []
    return [{"id": make_id("organization_phone", organisation.translation_key), "number": organisation.phone}]


def organization_locations(organisation, places):
    if not organisation.city:
        return []
    key = f"organisation:{organisation.translation_key}"
    address = _address(
        key, organisation.address, organisation.postcode, organisation.city, places, address_type="postal"
    )
    return [
        {
            "id": make_id("location", key),
            "location_type": "postal",
            "name": organisation.title,
            "addresses": [address],
        }
    ]


# Places ---------------------------------------------------------------------------------------------


def postcode_places(postcodes):
    """{postcode: Municipality} for the addresses' postcodes: one query, to name their country and province."""
    codes = {code for code in postcodes if code}
    found = {}
    if codes:
        for row in PostalCode.objects.filter(code__in=codes).select_related("municipality").order_by("pk"):
            found.setdefault(row.code, row.municipality)
    return found


def _address(key, street, postcode, city, places, *, address_type="physical"):
    municipality = places.get(postcode)
    region = str(taxonomy.REGIONS.get(municipality.region_code, "")) if municipality else ""
    return {
        "id": make_id("address", key),
        "location_id": make_id("location", key),
        "address_1": street or "",
        "city": city or "",
        "state_province": region,
        "postal_code": postcode or "",
        "country": municipality.country if municipality else "BE",
        "address_type": address_type,
    }


# Services -----------------------------------------------------------------------------------------


def text_languages(page, language, *, full):
    """{field: language} of the texts not (yet) in `language`: an alias shows its source; a translation may hold
    some of its source's text (the full record only: it takes a query or two)."""
    source = getattr(page, "source_language", None)
    if page.alias_of_id and source is None:
        source = page.alias_of.locale.language_code
    if source and source != language:
        return dict.fromkeys(("name", "description", "alert", "x_volunteer_commitment"), source)
    if not full:
        return {}
    names = {
        "title": "name",
        "summary": "description",
        "notice": "alert",
        "volunteer_commitment": "x_volunteer_commitment",
    }
    return {
        names[field]: code
        for field, code in page.text_languages().items()
        if field in names and code != language and getattr(page, field)
    }


def service_summary(page, organisation, language, *, full=False):
    """The one-to-one fields of a service (the `services` list), with its organisation's id and name."""
    description = "\n\n".join(part for part in (page.summary, plain_text(page.description)) if part)
    record = compact(
        {
            "id": service_id(page),
            "organization_id": organization_id(organisation) if organisation else None,
            "name": page.title,
            "description": description,
            "url": page.full_url,
            "email": page.contact_email,
            "status": STATUS.get(page.status, "active"),
            "assured_date": _iso(page.last_verified),
            "alert": page.notice,
            "last_modified": _iso(page.last_published_at),
            "x_locale": language,
            "x_status": page.status,
            "x_accepting_volunteers": page.accepting_volunteers,
            "x_accepting_newcomers": page.accepting_newcomers,
            "x_volunteer_commitment": page.volunteer_commitment,
            "x_minimum_volunteer_age": page.min_volunteer_age,
            "x_volunteer_signup_url": page.signup_url,
            "x_newcomer_signup_url": page.newcomer_signup_url,
            "x_newcomer_signup_email": page.newcomer_signup_email,
            "x_external_id": page.external_id,
        }
    )
    if organisation is not None:
        record["organization"] = compact(
            {
                "id": organization_id(organisation),
                "name": organisation.title,
                "description": plain_text(organisation.description) or organisation.title,
                "website": organisation.website,
                "email": organisation.email,
            }
        )
    languages = text_languages(page, language, full=full)
    if languages:
        record["x_text_languages"] = languages
    return record


def service_record(page, language):
    """A service with everything its page shows: organisation, locations, areas, languages, contacts, attributes."""
    organisation = page.organisation
    record = service_summary(page, organisation, language, full=True)
    key = service_key(page)
    sid = record["id"]
    facts = page.facts
    locations = facts["locations"]
    places = postcode_places(
        [location.postcode for location in locations] + ([organisation.postcode] if organisation else [])
    )
    if organisation is not None:
        record["organization"] = organization_record(organisation, language) | {
            "phones": organization_phones(organisation),
            "locations": organization_locations(organisation, places),
        }
    record["service_at_locations"] = [
        service_at_location_record(page, location, index, places, language, nested=True)
        for index, location in enumerate(locations)
    ]
    record["service_areas"] = service_areas(facts, key, sid)
    record["languages"] = [
        {
            "id": make_id("language", key, term.code),
            "service_id": sid,
            "name": str(term.label),
            "code": term.code,
        }
        for term in facts["languages"]
    ]
    record["contacts"] = _contacts(page, key, sid)
    record["phones"] = (
        [{"id": make_id("phone", key), "service_id": sid, "number": page.contact_phone}] if page.contact_phone else []
    )
    record["attributes"] = _attributes(facts, key, sid, language)
    return record


def service_areas(facts, key, sid):
    """The municipalities and regions a programme serves, as HSDS service areas."""
    areas = [
        {
            "id": make_id("service_area", key, "municipality", municipality.nis_code),
            "service_id": sid,
            "name": municipality.name,
            "description": _("Municipality (NIS code %(code)s)") % {"code": municipality.nis_code},
        }
        for municipality in facts["municipalities"]
    ]
    areas += [
        {
            "id": make_id("service_area", key, "region", region.code),
            "service_id": sid,
            "name": str(region.label),
            "description": region.code,
        }
        for region in facts["regions"]
    ]
    return [compact(area) for area in areas]


def _attributes(facts, key, sid, language):
    """Themes, target groups and modes as attributes pointing at this site's taxonomy terms."""
    return [
        {
            "id": make_id("attribute", key, name, term.code),
            "link_id": sid,
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": term_id(name, term.code),
            "value": term.code,
            "taxonomy_term": term_record(name, term.code, language),
        }
        for name in ATTRIBUTE_TAXONOMIES
        for term in facts[TAXONOMIES[name][0]]
    ]


def _contacts(page, key, sid):
    if not (page.contact_name or page.contact_email or page.contact_phone):
        return []
    contact = compact(
        {
            "id": make_id("contact", key),
            "service_id": sid,
            "name": page.contact_name,
            "email": page.contact_email,
        }
    )
    contact["phones"] = (
        [{"id": make_id("contact_phone", key), "contact_id": contact["id"], "number": page.contact_phone}]
        if page.contact_phone
        else []
    )
    return [contact]


def service_at_location_record(page, location, index, places, language, *, nested=False):
    key = service_key(page)
    location_key = f"{key}:{index}"
    address = _address(location_key, location.address, location.postcode, location.city, places)
    place = compact(
        {
            "id": make_id("location", location_key),
            "location_type": "physical",
            "name": location.name or location.city,
            "latitude": float(location.latitude) if location.latitude is not None else None,
            "longitude": float(location.longitude) if location.longitude is not None else None,
        }
    )
    place["addresses"] = [address] if (location.address or location.city or location.postcode) else []
    record = {
        "id": make_id("service_at_location", location_key),
        "service_id": service_id(page),
        "location_id": place["id"],
        "location": place,
        "x_locale": language,
    }
    if not nested:
        record["service"] = compact(
            {
                "id": service_id(page),
                "name": page.title,
                "status": STATUS.get(page.status, "active"),
                "url": page.full_url,
            }
        )
    return record


# Queries ----------------------------------------------------------------------------------------------


def live_programmes(locale):
    """The programmes a visitor of `locale` can see: live, public, in that locale's tree (translations and aliases)."""
    return ProgramPage.objects.live().public().filter(locale=locale)


def live_organisations(locale):
    return OrganisationPage.objects.live().public().filter(locale=locale)


def organisations_by_path(pages):
    """{page path: OrganisationPage} of the pages' parents, in one query."""
    parents = {page.path[: -ProgramPage.steplen] for page in pages}
    return {org.path: org for org in OrganisationPage.objects.filter(path__in=parents)}
