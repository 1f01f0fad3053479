"""The consent rules of a story, in one place for every publish path.

A story may be published when its consent is received, dated (not in the
future) and not expired; it is valid up to and including its expiry date.
The page's `expire_at` is always the start of the day after, in the site's
time zone (the admin shows it read-only): to take a story offline earlier,
unpublish it or shorten the consent.
"""

import datetime
import logging

from django.core.exceptions import PermissionDenied
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

WARNING_DAYS = 30


class ConsentRequired(PermissionDenied):
    """Publishing was refused: the story has no valid consent. The message says what is missing."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__(" ".join(str(message) for message in problems.values()))


def _date(value):
    return formats.date_format(value, "DATE_FORMAT")


def problems(story, today=None):
    """What stands in the way of publishing `story`, as {field name: message}; empty when consent is valid."""
    today = today or timezone.localdate()
    found = {}
    if not story.consent_received:
        found["consent_received"] = _("A story can only be published once the signed consent form is received.")
    if story.consent_date is None:
        found["consent_date"] = _("Enter the date the consent was given.")
    elif story.consent_date > today:
        found["consent_date"] = _("The consent date cannot be in the future.")
    if story.consent_expiry_date is None:
        found["consent_expiry_date"] = _("Enter the date the consent expires.")
    elif story.consent_expiry_date < today:
        found["consent_expiry_date"] = gettext(
            "The consent expired on %(date)s. Record a renewed consent before publishing."
        ) % {"date": _date(story.consent_expiry_date)}
    elif story.consent_date and story.consent_expiry_date < story.consent_date:
        found["consent_expiry_date"] = _("The consent cannot expire before it was given.")
    return found


def consistency_errors(story):
    """Errors that hold for drafts too: dates that contradict each other."""
    errors = {}
    if story.consent_date and story.consent_expiry_date and story.consent_expiry_date < story.consent_date:
        errors["consent_expiry_date"] = _("The consent cannot expire before it was given.")
    if story.consent_date and story.consent_date > timezone.localdate():
        errors["consent_date"] = _("The consent date cannot be in the future.")
    return errors


def expiry_moment(expiry_date):
    """The start of the day after `expiry_date`, in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(expiry_date + datetime.timedelta(days=1), datetime.time.min))


def apply_expiry(story):
    """Make the page expire when its consent does."""
    if story.consent_expiry_date is not None:
        story.expire_at = expiry_moment(story.consent_expiry_date)


def refusal_message(story, found):
    """What an editor is told when a story cannot be published: which story, why, and what to do."""
    return gettext(
        "“%(title)s” cannot be published because its consent is missing or has expired: %(problems)s "
        "Record the signed consent on the story's Consent tab, then publish it again."
    ) % {"title": story.get_admin_display_title(), "problems": " ".join(str(m) for m in found.values())}


def problems_on_approval(task_state):
    """(story, problems) when approving `task_state` would finish its workflow and publish a story without
    valid consent; (None, {}) otherwise. The latest revision is what the workflow publishes."""
    from wagtail.models import Task

    from stories.models import StoryPage

    workflow_state = task_state.workflow_state
    page = workflow_state.content_object
    if getattr(page, "specific_class", None) is not StoryPage:
        return None, {}
    remaining = (
        Task.objects.filter(workflow_tasks__workflow=workflow_state.workflow, active=True)
        .exclude(task_states__in=workflow_state.successful_task_states)
        .exclude(pk=task_state.task_id)
    )
    if remaining.exists():
        return None, {}
    story = page.specific.get_latest_revision_as_object()
    return story, problems(story)


def refuse_publication(story, revision, found, user=None):
    """Refuse to publish `revision`: raise for a person, or log and drop the schedule when unattended."""
    if user is not None:
        raise ConsentRequired(found)
    # Scheduled publishing and other unattended paths must not stop at this story: record why and move on.
    if revision.approved_go_live_at is not None:
        revision.approved_go_live_at = None
        revision.save(update_fields=["approved_go_live_at"])
    logger.warning(
        "Did not publish story %s (%s): %s", story.pk, story.title, "; ".join(str(m) for m in found.values())
    )


def expiring(queryset, today=None, days=WARNING_DAYS):
    """Stories of `queryset` whose consent ends within `days` days (today included)."""
    today = today or timezone.localdate()
    return queryset.filter(
        consent_expiry_date__gte=today, consent_expiry_date__lte=today + datetime.timedelta(days=days)
    )
