"""Records of "is this listing still accurate?" reminders, so cron runs never send one twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ListingReminder(models.Model):
    """One reminder per programme and verification period.

    A programme is identified by its translation key (the same in every
    locale); the period by the date the reminder was about (its last verified
    date, or its first publication when it was never verified). Confirming the
    listing starts a new period, which may be reminded about again.
    """

    translation_key = models.UUIDField(_("programme"), db_index=True)
    period_start = models.DateField(_("verified or published on"))
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page"),
    )
    recipients = models.TextField(_("sent to"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("listing reminder")
        verbose_name_plural = _("listing reminders")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "period_start"], name="one_reminder_per_period"),
        ]

    def __str__(self):
        return f"{self.translation_key} ({self.period_start})"
