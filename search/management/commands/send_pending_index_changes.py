"""Send the index changes the search server missed while it was down (search/index_queue.py)."""

from django.core.management.base import BaseCommand

from search import index_queue
from search.service import backend_named


class Command(BaseCommand):
    help = (
        "Send the search index changes queued while the search server did not answer, oldest first. "
        "Schedule it every few minutes; it stops at the first failure and leaves the rest for the next run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Send at most this many changes.")

    def handle(self, *args, limit=None, **options):
        backend = backend_named("default")
        if not hasattr(backend, "send_now"):
            left = index_queue.backlog()
            self.stdout.write(f"The default search backend is the database; {left} queued changes left as they are.")
            return
        sent, left = index_queue.replay(backend, limit=limit)
        self.stdout.write(f"{sent} index changes sent, {left} waiting.")
