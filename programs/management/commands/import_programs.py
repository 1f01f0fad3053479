"""manage.py import_programs FILE [--dry-run]: import programme listings (docs/import-format.md)."""

import sys

from django.core.management.base import BaseCommand, CommandError

from programs.importer import import_programmes


class ProgressBar:
    """A one-line progress bar for terminals (written to stderr so stdout stays the summary)."""

    def __init__(self, stream, width=30):
        self.stream = stream
        self.width = width

    def __call__(self, done, total):
        filled = int(self.width * done / total) if total else self.width
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Import buddy programmes from a UTF-8 CSV file with a header row or a JSON list of objects "
        "(columns: docs/import-format.md). Nothing is imported if any row is invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .json file")
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and report what would change; write nothing"
        )

    def handle(self, *args, file, dry_run=False, **options):
        progress = ProgressBar(sys.stderr) if self._is_terminal() and options.get("verbosity", 1) > 0 else None
        result = import_programmes(file, dry_run=dry_run, progress=progress)
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(result.errors)} problem(s) in {file}; nothing was imported. Fix them and run the import again."
            )
        prefix = "Dry run (nothing written): " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + result.summary()))

    def _is_terminal(self):
        stream = getattr(self.stdout, "_out", self.stdout)
        return hasattr(stream, "isatty") and stream.isatty() and sys.stderr.isatty()
