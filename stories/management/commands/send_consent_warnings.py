"""Warn campaign editors by e-mail, once per story, when a story's consent ends within 30 days.

Run daily (cron or a scheduler). Each warning is recorded (ConsentWarning), so
running the command again the same day or the next sends nothing new; a
renewed consent (a new expiry date) is warned about again in its turn.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from home import permissions
from stories import consent
from stories.models import ConsentWarning, StoryPage


def recipients():
    """Active campaign staff with an e-mail address (home.permissions); the superusers when there are none."""
    editors = permissions.campaign_staff_with_email()
    if not editors.exists():
        editors = get_user_model().objects.filter(is_active=True, is_superuser=True).exclude(email="")
    return sorted({user.email for user in editors})


def stories_to_warn(today=None, days=consent.WARNING_DAYS):
    """Live source stories whose consent ends within `days` days and that were not warned about yet."""
    stories = consent.expiring(StoryPage.objects.live().sources(), today=today, days=days)
    warned = ConsentWarning.objects.values_list("translation_key", "consent_expiry_date")
    warned = set(warned)
    found, seen = [], set()
    for story in stories.order_by("consent_expiry_date", "pk"):
        key = (story.translation_key, story.consent_expiry_date)
        if key in warned or story.translation_key in seen:
            continue
        seen.add(story.translation_key)
        found.append(story)
    return found


class Command(BaseCommand):
    help = "E-mail campaign editors about stories whose consent ends within 30 days (once per story)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=consent.WARNING_DAYS, help="Warn this many days ahead.")
        parser.add_argument("--dry-run", action="store_true", help="List the stories, send and record nothing.")

    def handle(self, *args, days, dry_run, **options):
        today = timezone.localdate()
        stories = stories_to_warn(today=today, days=days)
        to = recipients()
        if not stories:
            self.stdout.write("No story consent ends soon without a warning.")
            return
        if not to:
            self.stderr.write("Nobody to warn: no campaign editor or superuser has an e-mail address.")
            return
        for story in stories:
            if dry_run:
                self.stdout.write(f"Would warn about {story.title} (consent ends {story.consent_expiry_date}).")
                continue
            self.warn(story, to, today)

    def warn(self, story, to, today):
        try:
            with transaction.atomic():
                ConsentWarning.objects.create(
                    translation_key=story.translation_key,
                    consent_expiry_date=story.consent_expiry_date,
                    recipients=len(to),
                )
                context = {
                    "story": story,
                    "days_left": (story.consent_expiry_date - today).days,
                    "offline_on": consent.expiry_moment(story.consent_expiry_date),
                    "edit_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                    + reverse("wagtailadmin_pages:edit", args=[story.pk]),
                    "site_name": settings.WAGTAIL_SITE_NAME,
                }
                with translation.override(settings.LANGUAGE_CODE):
                    subject = render_to_string("stories/emails/consent_warning_subject.txt", context).strip()
                    body = render_to_string("stories/emails/consent_warning.txt", context)
                send_mail(subject, body, None, to)
        except IntegrityError:
            return  # another run warned about it at the same moment
        self.stdout.write(f"Warned {len(to)} editor(s) about {story.title}.")
