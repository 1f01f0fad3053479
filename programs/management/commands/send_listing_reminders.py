"""manage.py send_listing_reminders: ask organisations to confirm listings nobody verified for a while.

Safe to run daily from cron: each listing is reminded about once per
verification period (programs.ListingReminder records it), and a run that
fails to send leaves no record, so the next run tries again.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from programs import freshness


class Command(BaseCommand):
    help = (
        "E-mail the editors of every programme not verified for LISTING_REMINDER_DAYS days "
        "(once per period); prints a summary."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the reminders without sending or recording.")

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        due = freshness.due_reminders()
        sent = emails = without_editors = already = failed = 0
        for programme, period_start in due:
            age = freshness.age_in_days(programme)
            label = f"“{programme.title}” ({programme.locale.language_code}, page {programme.pk}, {age} days)"
            if dry_run:
                recipients = list(freshness.editors_of(programme))
                if recipients:
                    self.stdout.write(f"Would remind {', '.join(u.email for u in recipients)} about {label}")
                    sent += 1
                    emails += len(recipients)
                else:
                    self.stdout.write(f"No editors to remind about {label}")
                    without_editors += 1
                continue
            try:
                recipients = freshness.send_reminder(programme, period_start)
            except Exception as error:  # one failed e-mail must not stop the others
                failed += 1
                self.stderr.write(f"Could not remind about {label}: {error}")
                continue
            if recipients is None:
                already += 1
            elif not recipients:
                without_editors += 1
                self.stdout.write(f"No editors to remind about {label}")
            else:
                sent += 1
                emails += len(recipients)
                self.stdout.write(f"Reminded {', '.join(u.email for u in recipients)} about {label}")

        verb = "would be sent" if dry_run else "sent"
        summary = (
            f"{len(due)} listing(s) older than {settings.LISTING_REMINDER_DAYS} days and not yet reminded: "
            f"{sent} reminder(s) {verb} ({emails} e-mail(s)), {without_editors} without editors"
        )
        if not dry_run:
            summary += f", {already} already reminded by another run, {failed} failed"
        self.stdout.write(summary + ".")
        if failed:
            raise SystemExit(1)
