"""A programme page's schema.org data: a Service with its NGO provider, channels and places.

ProgramPage.get_json_ld returns it; base.html writes it through the one JSON-LD path
(home/structured_data.py).
"""

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from home.links import absolute_url


def service(page, request=None):
    organisation = page.organisation
    facts = page.facts
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": page.title,
        "description": page.summary,
        "url": absolute_url(page.get_url(request), request),
        "inLanguage": page.get_content_language(),
        "serviceType": _("Buddy programme"),
        "category": [str(term.label) for term in facts["themes"]],
        "audience": [{"@type": "Audience", "audienceType": str(term.label)} for term in facts["target_groups"]],
        "areaServed": _areas(facts),
        "availableLanguage": [
            {"@type": "Language", "name": str(term.label), "alternateName": term.code} for term in facts["languages"]
        ],
        "provider": _provider(organisation, request),
    }
    channels = _channels(page, organisation)
    if channels:
        data["availableChannel"] = channels
    if page.last_verified:
        data["dateModified"] = page.last_verified.isoformat()
    return data


def _areas(facts):
    regions = [
        {"@type": "AdministrativeArea", "name": str(term.label), "identifier": term.code}
        for term in facts["regions"]
        if term.code != "online"
    ]
    return regions + [{"@type": "City", "name": m.name, "identifier": m.nis_code} for m in facts["municipalities"]]


def _provider(organisation, request):
    provider = {
        "@type": "NGO",
        "name": organisation.title,
        "url": organisation.website or absolute_url(organisation.get_url(request), request),
    }
    if organisation.email:
        provider["email"] = organisation.email
    if organisation.phone:
        provider["telephone"] = organisation.phone
    if organisation.description:
        provider["description"] = strip_tags(organisation.description).strip()
    return provider


def _channels(page, organisation):
    channels = []
    if page.signup_url or page.contact_phone:
        channel = {"@type": "ServiceChannel"}
        if page.signup_url:
            channel["serviceUrl"] = page.signup_url
        if page.contact_phone:
            channel["servicePhone"] = {"@type": "ContactPoint", "telephone": page.contact_phone}
        channels.append(channel)
    channels.extend(
        {"@type": "ServiceChannel", "serviceLocation": _place(location, organisation)}
        for location in page.facts["locations"]
    )
    return channels


def _place(location, organisation):
    place = {
        "@type": "Place",
        "name": location.name or organisation.title,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": location.address,
            "postalCode": location.postcode,
            "addressLocality": location.city,
        },
    }
    if location.latitude is not None and location.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(location.latitude),
            "longitude": float(location.longitude),
        }
    return place
