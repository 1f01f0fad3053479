"""The two e-mails a request sends: a notice to the organisation's editors, a confirmation to the visitor.

The editors' notice names the programme and the role, and links to the request
in the admin: no name, address, phone or message, because e-mail is copied,
forwarded and kept in places this site cannot erase. The visitor's
confirmation (only if they gave an e-mail address) is in the language they
used on the site and says who will contact them and how long the request is
kept. Sending happens after the request is committed; a failed e-mail is
reported by the request's number only and never loses the request.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.users.models import UserProfile

from home.links import absolute_url, admin_base_url, page_url_for_email
from home.permissions import editors_of_organisation

logger = logging.getLogger(__name__)


def deliver(participation_request, organisation, privacy_page=None):
    """Send both e-mails for a stored request; failures are logged without personal data."""
    try:
        notify_editors(participation_request, organisation)
    except Exception:
        logger.exception("Could not send the editors' notice for request %s", participation_request.pk)
    try:
        confirm_to_visitor(participation_request, organisation, privacy_page)
    except Exception:
        logger.exception("Could not send the confirmation for request %s", participation_request.pk)


def notify_editors(participation_request, organisation):
    """One e-mail per editor of the organisation, in the language of their admin."""
    recipients = list(editors_of_organisation(participation_request.organisation_key))
    context = {
        "request": participation_request,
        "organisation": organisation,
        "inbox_url": admin_base_url(reverse("participation_requests:edit", args=[participation_request.pk])),
        "retention_days": settings.PARTICIPATION_RETENTION_DAYS,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    for user in recipients:
        language = UserProfile.get_for_user(user).get_preferred_language()
        with translation.override(language):
            subject = _("New request to take part in %(programme)s") % {
                "programme": participation_request.programme_title
            }
            body = render_to_string("participation/emails/editors_notice.txt", context)
        send_mail(subject, body, None, [user.email])
    return recipients


def confirm_to_visitor(participation_request, organisation, privacy_page=None):
    """The visitor's confirmation, if they gave an e-mail address; returns whether one was sent."""
    if not participation_request.email:
        return False
    with translation.override(participation_request.language):
        programme = participation_request.programme
        context = {
            "request": participation_request,
            "organisation": organisation,
            "programme_url": page_url_for_email(programme) if programme else "",
            "privacy_url": absolute_url(privacy_page.url) if privacy_page is not None and privacy_page.url else "",
            "retention_days": settings.PARTICIPATION_RETENTION_DAYS,
            "closed_retention_days": settings.PARTICIPATION_CLOSED_RETENTION_DAYS,
            "site_name": _("Buddies With Refugees"),
        }
        subject = _("Your request to take part in %(programme)s") % {"programme": participation_request.programme_title}
        body = render_to_string("participation/emails/visitor_confirmation.txt", context)
    send_mail(subject, body, None, [participation_request.email])
    return True
