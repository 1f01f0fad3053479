"""manage.py delete_expired_requests: delete requests kept as long as the form promised, and count them.

Safe to run daily from cron, like send_listing_reminders: a request closed for
PARTICIPATION_CLOSED_RETENTION_DAYS days, or received PARTICIPATION_RETENTION_DAYS
days ago whatever its status, is deleted in one transaction with its count
(`RequestFigure`, "deleted after retention"). The output says how many, never
whose.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from participation.models import EXPIRED, ParticipationRequest, RequestFigure


class Command(BaseCommand):
    help = (
        "Delete requests to take part closed PARTICIPATION_CLOSED_RETENTION_DAYS days ago or received "
        "PARTICIPATION_RETENTION_DAYS days ago; prints how many."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted, delete nothing.")

    def handle(self, *args, **options):
        now = timezone.now()
        expired = ParticipationRequest.objects.expired(
            now, settings.PARTICIPATION_CLOSED_RETENTION_DAYS, settings.PARTICIPATION_RETENTION_DAYS
        )
        if options["dry_run"]:
            self.stdout.write(f"Would delete {expired.count()} request(s).")
            return
        with transaction.atomic():
            doomed = list(expired.select_for_update())
            for request in doomed:
                RequestFigure.add(EXPIRED, request, when=now)
            ParticipationRequest.objects.filter(pk__in=[r.pk for r in doomed]).delete()
        self.stdout.write(
            f"Deleted {len(doomed)} request(s) kept beyond their retention "
            f"({settings.PARTICIPATION_CLOSED_RETENTION_DAYS} days after closing, "
            f"{settings.PARTICIPATION_RETENTION_DAYS} days after arrival)."
        )
