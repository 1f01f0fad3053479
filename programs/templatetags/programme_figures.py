"""`{% programme_key_figures page %}`: the programmes' key figures, for the home page of `page`'s locale."""

from django import template
from django.db import models
from django.utils.translation import gettext as _

from home import chrome
from programs.models import OrganisationPage, ProgramPage

register = template.Library()


def counts(locale_id):
    """(programmes, organisations, programmes looking for volunteers) of a locale, in two queries."""
    programmes = ProgramPage.objects.live().filter(locale_id=locale_id)
    # The same programmes as the overview's "looking for volunteers now" filter.
    found = programmes.aggregate(
        total=models.Count("pk"), looking=models.Count("pk", filter=ProgramPage.LOOKING_FOR_VOLUNTEERS)
    )
    organisations = OrganisationPage.objects.live().filter(locale_id=locale_id).count()
    return found["total"], organisations, found["looking"]


def key_figures(locale_id):
    """Programmes, organisations and programmes looking for volunteers: counted once per change to any page."""
    programmes, organisations, looking = chrome.kept(f"key_figures:{locale_id}", lambda: counts(locale_id))
    return [
        {"value": programmes, "label": _("buddy programmes")},
        {"value": organisations, "label": _("organisations")},
        {"value": looking, "label": _("programmes looking for volunteers")},
    ]


@register.inclusion_tag("programs/includes/key_figures.html")
def programme_key_figures(page):
    return {"key_figures": key_figures(page.locale_id)}
