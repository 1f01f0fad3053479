"""manage.py import_programs FILE [--dry-run]: import programme listings (docs/import-format.md)."""

import resource
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from programs.importer import import_programmes

REPORT_EVERY = 1000  # rows between progress lines at --verbosity 2 when not on a terminal


class ProgressBar:
    """A one-line progress bar for terminals (written to stderr so stdout stays the summary)."""

    def __init__(self, stream, width=30):
        self.stream = stream
        self.width = width

    def __call__(self, done, total):
        if not total:  # the first pass: every row is checked before anything is imported
            self.stream.write(f"\rchecked {done} rows")
            self.stream.flush()
            return
        filled = int(self.width * done / total)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


class ProgressLines:
    """A line every REPORT_EVERY rows, for logs (--verbosity 2 without a terminal)."""

    def __init__(self, stream, every=None):
        self.stream = stream
        self.every = every or REPORT_EVERY
        self.started = time.monotonic()

    def __call__(self, done, total):
        if done % self.every and done != total:
            return
        elapsed = time.monotonic() - self.started
        what = f"imported {done}/{total} rows" if total else f"checked {done} rows"
        self.stream.write(f"{what} ({elapsed:.1f} s, peak memory {peak_memory_mib():.0f} MiB)\n")
        self.stream.flush()


def peak_memory_mib():
    """This program's peak resident memory so far, in MiB.

    On Linux the high-water mark of this process's own memory (VmHWM): `ru_maxrss` survives `exec`, so a
    command started by a larger process (a benchmark that has just filled the database, a scheduler) would
    report its parent's peak. Elsewhere `ru_maxrss` (macOS counts bytes, the others KiB).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class Command(BaseCommand):
    help = (
        "Import buddy programmes from a UTF-8 CSV file with a header row or a JSON list of objects "
        "(columns: docs/import-format.md). Nothing is imported if any row is invalid. The file is read "
        "row by row, twice (check, then import); the time taken and the peak memory are reported at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .json file")
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and report what would change; write nothing"
        )

    def handle(self, *args, file, dry_run=False, **options):
        verbosity = options.get("verbosity", 1)
        progress = None
        if self._is_terminal() and verbosity > 0:
            progress = ProgressBar(sys.stderr)
        elif verbosity > 1:
            progress = ProgressLines(self.stderr)
        started = time.monotonic()
        result = import_programmes(file, dry_run=dry_run, progress=progress)
        cost = f"{time.monotonic() - started:.1f} s, peak memory {peak_memory_mib():.0f} MiB"
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            total = len(result.errors) + result.errors_not_shown
            if result.errors_not_shown:
                self.stderr.write(f"… and {result.errors_not_shown} more problem(s) not shown.")
            raise CommandError(
                f"{total} problem(s) in {file}; nothing was imported. Fix them and run the import again. ({cost})"
            )
        prefix = "Dry run (nothing written): " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(prefix + result.summary()))
        if verbosity > 0:
            self.stdout.write(cost)

    def _is_terminal(self):
        stream = getattr(self.stdout, "_out", self.stdout)
        return hasattr(stream, "isatty") and stream.isatty() and sys.stderr.isatty()
