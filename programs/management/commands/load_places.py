"""Refresh the Municipality and PostalCode tables from the gazetteer in programs/places.

Run after updating programs/places/data (see programs/places/SOURCES.md); migrations run it once.
"""

from django.core.management.base import BaseCommand

from programs.reference import load_municipalities


class Command(BaseCommand):
    help = "Copy the municipalities and postcodes of Belgium and Luxembourg from programs/places into the database."

    def handle(self, *args, **options):
        created, updated = load_municipalities()
        self.stdout.write(self.style.SUCCESS(f"Municipalities: {created} created, {updated} updated."))
