"""manage.py export_hsds DIR: the open data as HSDS tabular CSVs, datapackage.json and JSON, per locale."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opendata.export import export_all


class Command(BaseCommand):
    help = "Write the live programmes as HSDS 3.0 data packages (CSV + datapackage.json) and JSON, one per locale."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where to write; DIR/<locale>/ is created or overwritten.")

    def handle(self, directory, **options):
        target = Path(directory)
        if target.exists() and not target.is_dir():
            raise CommandError(f"{target} exists and is not a directory.")
        try:
            counts = export_all(target)
        except OSError as error:
            raise CommandError(f"Could not write to {target}: {error.strerror or error}") from None
        for code, tables in counts.items():
            self.stdout.write(f"{code}: {tables['service']} programmes, {tables['organization']} organisations")
        self.stdout.write(self.style.SUCCESS(f"Written to {target.resolve()}"))
