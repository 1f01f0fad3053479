"""Rebuild the site search's documents from the pages, then every search index."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from search.documents import rebuild_all


class Command(BaseCommand):
    help = "Rebuild the public search documents (live pages and FAQ questions), then run update_index."

    def add_arguments(self, parser):
        parser.add_argument("--no-index", action="store_true", help="Only rebuild the documents.")

    def handle(self, *args, no_index=False, **options):
        count = rebuild_all()
        self.stdout.write(f"{count} search documents.")
        if not no_index:
            call_command("update_index", verbosity=options.get("verbosity", 1))
