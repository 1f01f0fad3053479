from django import template
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from home.links import absolute_url
from home.structured_data import to_json_ld
from programs.reference import ATTRIBUTION as REFERENCE_ATTRIBUTION
from programs.region_map import ATTRIBUTION as MAP_ATTRIBUTION
from programs.region_map import SPRITE_STATIC_PATH, region_map

register = template.Library()

VOLUNTEER_BADGES = {
    "open": _("Looking for volunteers"),
    "waitlist": _("Waiting list for volunteers"),
    "closed": _("Not looking for volunteers"),
}
NEWCOMER_BADGES = {
    "open": _("Open to newcomers"),
    "waitlist": _("Waiting list for newcomers"),
    "closed": _("Not taking newcomers"),
}
STATUS_BADGES = {"paused": _("Paused"), "ended": _("Ended")}


@register.inclusion_tag("programs/includes/badges.html")
def programme_badges(programme, newcomers=False):
    badges = []
    if programme.status in STATUS_BADGES:
        badges.append({"modifier": programme.status, "text": STATUS_BADGES[programme.status]})
    if programme.status == "active":
        badges.append(
            {"modifier": programme.accepting_volunteers, "text": VOLUNTEER_BADGES[programme.accepting_volunteers]}
        )
        if newcomers:
            badges.append(
                {"modifier": programme.accepting_newcomers, "text": NEWCOMER_BADGES[programme.accepting_newcomers]}
            )
    return {"badges": badges}


@register.filter
def labels(terms):
    """Comma-separated labels of taxonomy terms (a prefetched manager or a list)."""
    items = terms.all() if hasattr(terms, "all") else terms
    return ", ".join(str(term.label) for term in items)


@register.inclusion_tag("programs/includes/region_map.html")
def region_map_svg(finder):
    data = region_map()
    paths = data["paths"]
    links = [link for link in finder.region_links() if link["code"] in paths]
    most = max([link["count"] for link in links] + [1])
    # Three shades: the more programmes, the darker the region.
    regions = [dict(link, level=min(3, 1 + 3 * link["count"] // (most + 1)) if link["count"] else 0) for link in links]
    sprite = static(SPRITE_STATIC_PATH)
    return {"viewbox": data["viewbox"], "regions": regions, "sprite": sprite, "attribution": MAP_ATTRIBUTION}


@register.filter
def exclude_page(pages, page):
    return [other for other in pages if other.pk != page.pk]


@register.simple_tag
def reference_attribution():
    return REFERENCE_ATTRIBUTION


@register.filter
def page_link(finder, number):
    return finder.page_url(number)


@register.simple_tag(takes_context=True)
def programme_json_ld(context, page):
    """schema.org Service with its NGO provider, safe to put inside a <script> element."""
    request = context.get("request")
    organisation = page.organisation

    def absolute(url):
        return absolute_url(url, request)

    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": page.title,
        "description": page.summary,
        "url": absolute(page.get_url(request)),
        "inLanguage": page.get_content_language(),
        "serviceType": str(_("Buddy programme")),
        "category": [str(term.label) for term in page.facts["themes"]],
        "audience": [{"@type": "Audience", "audienceType": str(term.label)} for term in page.facts["target_groups"]],
        "areaServed": [
            {"@type": "AdministrativeArea", "name": str(term.label), "identifier": term.code}
            for term in page.facts["regions"]
            if term.code != "online"
        ]
        + [{"@type": "City", "name": m.name, "identifier": m.nis_code} for m in page.facts["municipalities"]],
        "availableLanguage": [
            {"@type": "Language", "name": str(term.label), "alternateName": term.code}
            for term in page.facts["languages"]
        ],
        "provider": {
            "@type": "NGO",
            "name": organisation.title,
            "url": organisation.website or absolute(organisation.get_url(request)),
        },
    }
    if organisation.email:
        data["provider"]["email"] = organisation.email
    if organisation.phone:
        data["provider"]["telephone"] = organisation.phone
    if organisation.description:
        data["provider"]["description"] = strip_tags(organisation.description).strip()
    channels = []
    if page.signup_url or page.contact_phone:
        channel = {"@type": "ServiceChannel"}
        if page.signup_url:
            channel["serviceUrl"] = page.signup_url
        if page.contact_phone:
            channel["servicePhone"] = {"@type": "ContactPoint", "telephone": page.contact_phone}
        channels.append(channel)
    for location in page.facts["locations"]:
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
        channels.append({"@type": "ServiceChannel", "serviceLocation": place})
    if channels:
        data["availableChannel"] = channels
    if page.last_verified:
        data["dateModified"] = page.last_verified.isoformat()
    return to_json_ld(data)
