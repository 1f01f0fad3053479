"""Remove location and other identifying metadata from originals stored before uploads were stripped.

New uploads are stripped as they are saved (home/image_metadata.py); this
one-off pass does the same for the images already there. It can run again at
any time: a file with nothing to remove is not touched, and renditions stay
as they are (the picture is the same). Each image is handled in its own
transaction, so an interrupted run loses nothing.
"""

from PIL import UnidentifiedImageError

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.images import get_image_model

from home.image_metadata import strip_metadata


class Command(BaseCommand):
    help = "Remove GPS position and other identifying metadata from every stored original image."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be stripped; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        stripped = unchanged = 0
        failures = []
        for image in get_image_model().objects.order_by("pk").iterator():
            try:
                changed = self._would_strip(image) if dry_run else self._strip(image)
            except (OSError, UnidentifiedImageError, ValueError) as error:
                failures.append(f"image {image.pk} ({image.title}, {image.file.name}): {error}")
                continue
            if changed:
                stripped += 1
                if options["verbosity"] > 1:
                    self.stdout.write(f"{'Would strip' if dry_run else 'Stripped'} image {image.pk} ({image.title})")
            else:
                unchanged += 1
        for failure in failures:
            self.stderr.write(f"Could not check {failure}")
        verb = "would be stripped" if dry_run else "stripped"
        self.stdout.write(
            f"Checked {stripped + unchanged + len(failures)} images: {stripped} {verb}, "
            f"{unchanged} had nothing to strip, {len(failures)} could not be read."
        )
        if failures:
            raise CommandError(f"{len(failures)} image(s) could not be checked; see the lines above.")

    def _would_strip(self, image):
        with image.open_file() as f:
            return strip_metadata(f.read()) is not None

    def _strip(self, image):
        with transaction.atomic():
            changed = image.remove_identifying_metadata()
            if changed:
                image.save(update_fields=["file", "file_size", "file_hash"])
        return changed
