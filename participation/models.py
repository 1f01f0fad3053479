"""Requests to take part: what a visitor sends from a programme page, and the figures that outlive them.

A request holds personal data of volunteers and newcomers (often refugees), so
it holds only what the organisation needs to answer: a first name, a way to
reach them, the languages they speak, their municipality and a short message.
Only the organisation's own editors see it (participation/permissions.py), it
is never indexed for search, logged or cached, and it is deleted by
`manage.py delete_expired_requests` (PARTICIPATION_CLOSED_RETENTION_DAYS after it
is closed, PARTICIPATION_RETENTION_DAYS after it arrived) or erased on demand.

`RequestFigure` counts requests per month, organisation, programme and role,
and deletions per month and reason, without anything personal: what campaign
staff see, and what remains after the requests are gone.
"""

import datetime

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programs import taxonomy

VOLUNTEER, NEWCOMER = "volunteer", "newcomer"
ROLE_CHOICES = [(VOLUNTEER, _("Volunteer")), (NEWCOMER, _("Newcomer"))]

NEW, CONTACTED, CLOSED = "new", "contacted", "closed"
STATUS_CHOICES = [(NEW, _("New")), (CONTACTED, _("Contacted")), (CLOSED, _("Closed"))]


class ParticipationRequestQuerySet(models.QuerySet):
    def of_organisations(self, organisation_keys):
        return self.filter(organisation_key__in=organisation_keys)

    def expired(self, now, closed_days, any_days):
        """Closed for `closed_days` days, or arrived `any_days` days ago whatever their status."""
        closed_before = now - datetime.timedelta(days=closed_days)
        arrived_before = now - datetime.timedelta(days=any_days)
        return self.filter(
            models.Q(status=CLOSED, closed_at__lt=closed_before) | models.Q(created_at__lt=arrived_before)
        )


class ParticipationRequest(models.Model):
    """One visitor's request to join one programme, as the receiving organisation sees it."""

    # The organisation and programme by translation key: the same in every locale, and what the editors'
    # group is tied to (home.OrganisationGroup). The programme's page may go; its title stays for the inbox.
    organisation_key = models.UUIDField(db_index=True, editable=False)
    programme = models.ForeignKey(
        "programs.ProgramPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("programme"),
    )
    programme_key = models.UUIDField(editable=False)
    programme_title = models.CharField(_("programme"), max_length=255, editable=False)

    role = models.CharField(_("taking part as"), max_length=10, choices=ROLE_CHOICES, editable=False)
    first_name = models.CharField(_("first name"), max_length=60, editable=False)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True, editable=False)
    phone = models.CharField(_("phone"), max_length=30, blank=True, editable=False)
    languages = models.CharField(_("languages spoken"), max_length=300, blank=True, editable=False)
    municipality = models.CharField(_("municipality"), max_length=100, editable=False)
    message = models.TextField(_("message"), max_length=1000, blank=True, editable=False)
    language = models.CharField(_("language of the site"), max_length=10, editable=False)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True, editable=False)

    # What the organisation does with it.
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, default=NEW)
    note = models.TextField(
        _("note"),
        max_length=2000,
        blank=True,
        help_text=_("For your organisation's editors only, for example who contacted them and when."),
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)

    objects = ParticipationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "closed_at"])]

    def __str__(self):
        # Shown in the admin's breadcrumbs, messages and history: never the visitor's name or contact.
        return _("Request %(number)s: %(programme)s") % {"number": self.pk, "programme": self.programme_title}

    def save(self, *args, **kwargs):
        if self.status == CLOSED and self.closed_at is None:
            self.closed_at = timezone.now()
        elif self.status != CLOSED:
            self.closed_at = None
        super().save(*args, **kwargs)

    def language_names(self):
        """The languages the visitor speaks, named in the active language ("Arabic, French")."""
        codes = [code for code in self.languages.split(",") if code]
        return ", ".join(str(taxonomy.LANGUAGES.get(code, code)) for code in codes)


RECEIVED, ERASED, EXPIRED = "received", "erased", "expired"
EVENT_CHOICES = [(RECEIVED, _("Received")), (ERASED, _("Erased on request")), (EXPIRED, _("Deleted after retention"))]


class RequestFigure(models.Model):
    """How many requests arrived (or were deleted) in a month, for an organisation, programme and role."""

    month = models.DateField(_("month"))
    event = models.CharField(_("event"), max_length=10, choices=EVENT_CHOICES)
    organisation_key = models.UUIDField()
    programme_key = models.UUIDField()
    role = models.CharField(_("role"), max_length=10, choices=ROLE_CHOICES)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("request figure")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "event", "organisation_key", "programme_key", "role"], name="one_figure_per_cell"
            )
        ]

    @classmethod
    def add(cls, event, request, when=None):
        """Count one event for `request` (a ParticipationRequest) in its month; safe under concurrency."""
        month = timezone.localdate(when or timezone.now()).replace(day=1)
        cell = {
            "month": month,
            "event": event,
            "organisation_key": request.organisation_key,
            "programme_key": request.programme_key,
            "role": request.role,
        }
        with transaction.atomic():
            figure, created = cls.objects.get_or_create(**cell, defaults={"count": 1})
            if not created:
                cls.objects.filter(pk=figure.pk).update(count=F("count") + 1)
