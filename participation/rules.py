"""Which ways to take part a programme offers now, for volunteers and for newcomers.

The programme page shows them (`{% take_part page %}`) and the request view
refuses a request the page would not offer: a paused or ended programme, a role
that is closed, or a role for which the organisation uses only its own link.
"""

from django.utils.translation import gettext as _

from participation.models import NEWCOMER, VOLUNTEER


def request_roles(programme):
    """The roles the programme takes requests for through this site now, volunteers first."""
    if programme.status != "active":
        return []
    roles = []
    if programme.volunteer_request_form and programme.accepting_volunteers != "closed":
        roles.append(VOLUNTEER)
    if programme.newcomer_request_form and programme.accepting_newcomers != "closed":
        roles.append(NEWCOMER)
    return roles


def refusal(programme):
    """Why the programme takes no request now (a sentence for the visitor), or "" when it takes some."""
    if programme.status == "paused":
        return _(
            "This programme is paused and does not take requests now. Contact the organisation to hear when it "
            "starts again."
        )
    if programme.status == "ended":
        return _("This programme has ended and does not take requests any more.")
    if not request_roles(programme):
        return _(
            "This programme does not take requests through this site now. See its page for other ways to take part."
        )
    return ""
