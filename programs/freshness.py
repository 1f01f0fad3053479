"""Keep programme listings current: "still accurate" confirmations, reminders and stale listings.

A programme's `last_verified` date is a fact shared by every locale (the page,
its translations and aliases). It moves forward when an editor confirms the
listing in one click (no content edit: the live rows and their latest and live
revisions get the new date, and the page history gets a
"programs.still_accurate" entry) and when a person publishes the programme.
Revisions without a user (imports, scripts) keep the date they carry, so an
import can set historical dates.
"""

import datetime
import logging
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Min, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import Page, Revision

from home import locales, permissions
from programs.models import ListingReminder, OrganisationPage, ProgramPage

logger = logging.getLogger(__name__)

STILL_ACCURATE_ACTION = "programs.still_accurate"


def today():
    return timezone.localdate()


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# Stamping ------------------------------------------------------------------------------------------


def stamp_last_verified(translation_key, day, *, revision=None):
    """Set last_verified = day on every version of a programme, live rows and revisions alike.

    `revision` (a revision being published) is updated in memory too, because
    Wagtail copies its content to the aliases right after publishing.
    """
    iso = day.isoformat()
    versions = list(
        ProgramPage.objects.filter(translation_key=translation_key).values_list(
            "pk", "latest_revision_id", "live_revision_id"
        )
    )
    ProgramPage.objects.filter(pk__in=[pk for pk, *_ in versions]).update(last_verified=day)
    revision_ids = {rid for _pk, latest, live in versions for rid in (latest, live) if rid}
    for stored in Revision.objects.filter(pk__in=revision_ids).only("pk", "content"):
        if isinstance(stored.content, dict) and stored.content.get("last_verified") != iso:
            stored.content["last_verified"] = iso
            Revision.objects.filter(pk=stored.pk).update(content=stored.content)
    if revision is not None and isinstance(revision.content, dict):
        revision.content["last_verified"] = iso
    return [pk for pk, *_ in versions]


def can_confirm(user, page):
    return permissions.may_confirm_still_accurate(user, page)


def confirm_still_accurate(page, user, *, day=None):
    """The one-click "still accurate": stamp the listing in every locale and log it in the page history."""
    page = page.specific
    if not isinstance(page, ProgramPage):
        raise ValueError("Only programme listings carry a last verified date.")
    if not can_confirm(user, page):
        raise PermissionDenied
    day = day or today()
    with transaction.atomic():
        stamped = stamp_last_verified(page.translation_key, day)
        for version in Page.objects.filter(pk__in=stamped).specific():
            # One UUID per entry: Wagtail's history shows only the latest entry per (UUID, action),
            # across pages, and would otherwise hide this page's entry behind its translations'.
            log(
                instance=version,
                uuid=uuid.uuid4(),
                action=STILL_ACCURATE_ACTION,
                user=user,
                data={"last_verified": day.isoformat()},
                content_changed=False,
            )
    page.last_verified = day
    return page


def stamp_on_publish(sender, instance, revision=None, alias=False, **kwargs):
    """page_published receiver: a person publishing a programme has just confirmed it."""
    if alias or instance.alias_of_id or not isinstance(instance, ProgramPage):
        return
    if revision is None or revision.user_id is None:
        return
    day = today()
    instance.last_verified = day
    stamp_last_verified(instance.translation_key, day, revision=revision)


# Listings and their age -----------------------------------------------------------------------------


def listing_sources():
    """Live programmes, one per listing: the first non-alias version (the one written by the organisation)."""
    firsts = ProgramPage.objects.sources().values("translation_key").annotate(first_pk=Min("pk")).values("first_pk")
    return ProgramPage.objects.live().filter(pk__in=firsts)


def reference_date(page):
    """The day the listing was last confirmed, or first published if it never was."""
    if page.last_verified:
        return page.last_verified
    if page.first_published_at:
        return timezone.localtime(page.first_published_at).date()
    return None


def age_in_days(page, day=None):
    reference = reference_date(page)
    if reference is None:
        return None
    return ((day or today()) - reference).days


def older_than(queryset, days, day=None):
    cutoff = (day or today()) - datetime.timedelta(days=days)
    start_of_cutoff = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
    return queryset.filter(
        Q(last_verified__lt=cutoff) | Q(last_verified__isnull=True, first_published_at__lt=start_of_cutoff)
    )


def stale_listings(days=None, day=None):
    """Listings nobody confirmed for LISTING_OUTDATED_DAYS: what campaign editors follow up."""
    days = settings.LISTING_OUTDATED_DAYS if days is None else days
    return older_than(listing_sources(), days, day).exclude(status="ended")


def organisation_pages_for_user(user):
    """The pages (every locale) of the organisations whose editors' group the user is in."""
    return OrganisationPage.objects.filter(translation_key__in=permissions.organisation_keys_of(user))


def listings_of_organisations(organisation_pages):
    """One row per programme (every status, drafts included) below these organisations, in any locale."""
    organisation_pages = list(organisation_pages)
    if not organisation_pages:
        return ProgramPage.objects.none()
    condition = Q()
    for organisation in organisation_pages:
        condition |= Q(path__startswith=organisation.path, depth=organisation.depth + 1)
    firsts = (
        ProgramPage.objects.sources()
        .filter(condition)
        .values("translation_key")
        .annotate(first_pk=Min("pk"))
        .values("first_pk")
    )
    return ProgramPage.objects.filter(pk__in=firsts)


def titles_in_admin_language(pages):
    """{page pk: its title in the admin's active language}, for pages that have a translation in it.

    Listings are kept in their source language (the first copy of each page); an editor whose admin
    speaks French reads the French titles where the programme has been translated. Drafts' titles
    (`draft_title`) are shown, as Wagtail's own listings do.
    """
    from django.utils.translation import get_language

    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Page

    pages = list(pages)
    if not pages:
        return {}
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        return {}
    translated = locales.sources(
        Page.objects.filter(translation_key__in=[p.translation_key for p in pages], locale__language_code=language)
    ).values_list("translation_key", "draft_title")
    by_key = dict(translated)
    return {p.pk: by_key[p.translation_key] for p in pages if p.translation_key in by_key}


# Reminders -------------------------------------------------------------------------------------------


def editors_of(programme):
    """Active users with an e-mail address in the editors' group of the programme's organisation."""
    return permissions.editors_of_organisation(programme.get_parent().translation_key)


def due_reminders(day=None):
    """(programme, period_start) for each listing past LISTING_REMINDER_DAYS and not reminded this period."""
    day = day or today()
    candidates = (
        older_than(listing_sources(), settings.LISTING_REMINDER_DAYS, day)
        .exclude(status="ended")
        .select_related("locale")
        .order_by("pk")
    )
    due = []
    for programme in candidates:
        period_start = reference_date(programme)
        if period_start is None:
            continue
        if ListingReminder.objects.filter(
            translation_key=programme.translation_key, period_start=period_start
        ).exists():
            continue
        due.append((programme, period_start))
    return due


def reminder_message(programme, language):
    context = {
        "programme": programme,
        "organisation": programme.get_parent(),
        "last_verified": programme.last_verified,
        "reminder_days": settings.LISTING_REMINDER_DAYS,
        "outdated_days": settings.LISTING_OUTDATED_DAYS,
        "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=[programme.pk])),
        "still_accurate_url": admin_url(reverse("programs_admin:still_accurate", args=[programme.pk])),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(language):
        subject = _("Is the listing of %(programme)s still accurate?") % {"programme": programme.title}
        body = render_to_string("programs/admin/emails/listing_reminder.txt", context)
    return subject, body


def send_reminder(programme, period_start):
    """Record and send one reminder; returns the recipients, or None when another run already sent it.

    The record and the e-mails share a transaction: if sending fails the record
    is rolled back and the next run tries again.
    """
    recipients = list(editors_of(programme))
    if not recipients:
        return []
    try:
        with transaction.atomic():
            _reminder, created = ListingReminder.objects.get_or_create(
                translation_key=programme.translation_key,
                period_start=period_start,
                defaults={"page": programme, "recipients": ", ".join(user.email for user in recipients)},
            )
            if not created:
                return None
            subject, body = reminder_message(programme, programme.locale.language_code)
            for user in recipients:
                send_mail(subject, body, None, [user.email])
    except IntegrityError:
        return None
    return recipients
