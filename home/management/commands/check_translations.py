"""Fail when a template or Python string lacks a translation: nl and fr, and the newcomer languages.

Runs `makemessages` first (so strings added to the code since the .po files
were last updated count as missing), then reads every .po file with polib.
"""

from pathlib import Path

import polib

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# English is the msgids' own language; ar, uk, fa and ti speak on the newcomer path (settings.NEWCOMER_LANGUAGES).
TRANSLATED_LANGUAGES = ("nl", "fr", *settings.NEWCOMER_LANGUAGES)
IGNORE = [".venv", "node_modules", "staticfiles", "media", ".test-media", "bench"]


class Command(BaseCommand):
    help = "Check that every translatable string is translated into nl, fr and the newcomer languages."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-extract", action="store_true", help="Only read the .po files; do not run makemessages first."
        )

    def handle(self, *args, no_extract=False, **options):
        if not no_extract:
            for domain in ("django", "djangojs"):
                call_command(
                    "makemessages",
                    locale=list(TRANSLATED_LANGUAGES),
                    domain=domain,
                    ignore_patterns=IGNORE,
                    no_obsolete=True,
                    add_location="file",
                    verbosity=0,
                )
        problems = []
        for locale_dir in settings.LOCALE_PATHS:
            for language in TRANSLATED_LANGUAGES:
                for po_path in sorted(Path(locale_dir, language, "LC_MESSAGES").glob("*.po")):
                    po = polib.pofile(str(po_path))
                    for entry in po:
                        if entry.obsolete:
                            continue
                        if not entry.translated() or "fuzzy" in entry.flags:
                            problems.append(f"{po_path}: {entry.msgid!r} is untranslated")
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} missing translation(s).")
        self.stdout.write(self.style.SUCCESS("Every string is translated into " + ", ".join(TRANSLATED_LANGUAGES)))
