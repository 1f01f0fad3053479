"""`{% take_part page %}`: a programme page's "Take part" section, owned by the app that takes the requests."""

from django import template

from participation.models import NEWCOMER, VOLUNTEER
from participation.rules import request_roles

register = template.Library()


@register.inclusion_tag("participation/includes/take_part.html")
def take_part(page):
    roles = request_roles(page)
    return {
        "page": page,
        "volunteer_form": VOLUNTEER in roles,
        "newcomer_form": NEWCOMER in roles,
    }
