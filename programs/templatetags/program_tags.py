from django import template
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

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
