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


def _connect_signals():
    """Connected here, at model import, so commands and imports stamp and assign like the admin does."""
    from django.db.models.signals import post_save

    from wagtail.signals import page_published

    from programs import freshness

    page_published.connect(freshness.stamp_on_publish, dispatch_uid="programs_stamp_last_verified_on_publish")
    post_save.connect(
        _assign_review_workflow, sender="programs.ProgramIndexPage", dispatch_uid="programs_assign_review_workflow"
    )


def _assign_review_workflow(sender, instance, created, raw=False, **kwargs):
    """A new overview page (a new locale's tree, for example) joins the campaign review workflow."""
    if created and not raw:
        from programs.workflow import assign_workflow

        assign_workflow(instance)


_connect_signals()
