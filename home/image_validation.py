"""Checks every uploaded image passes before Wagtail stores it.

Wagtail's own image field already checks the extension, the file size, the
pixel count and that the content matches the extension. This field adds what
it leaves open, with messages an editor can act on:

- SVG is refused outright, by name and by content (it can carry scripts);
- Pillow's decompression-bomb warning is an error, not a log line;
- the whole image is decoded once, so a truncated or damaged file is refused
  at upload instead of failing later when a rendition is made;
- the location and other identifying metadata are removed from the upload
  (home/image_metadata.py), so the form stores and hashes the clean file, and
  a file whose metadata cannot be removed is refused with a message instead
  of failing as it is saved.
"""

import os
import warnings

from PIL import Image as PILImage

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField

from home.image_metadata import strip_metadata

SVG_EXTENSIONS = {"svg", "svgz"}
FORMAT_NAMES = {"jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WebP", "avif": "AVIF", "svg": "SVG"}


def _extension(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def looks_like_svg(head):
    """True when a file starts as markup (no raster format does) and has an <svg> element early on."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith(b"<") and b"<svg" in text


def _read_head(data, size=2048):
    if hasattr(data, "seek") and hasattr(data, "read"):
        position = data.tell() if hasattr(data, "tell") else 0
        data.seek(0)
        head = data.read(size)
        data.seek(position)
        return head
    if isinstance(data, dict) and "content" in data:
        return data["content"][:size]
    return b""


class CampaignImageField(WagtailImageField):
    """Wagtail's image field with stricter, clearer upload checks."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages.update(
            {
                "invalid_image": _(
                    "This file is not an image we can read. Upload a JPEG, PNG, WebP, AVIF or GIF file."
                ),
                "svg_not_allowed": _(
                    "SVG files are not accepted, because they can contain scripts. "
                    "Export the picture as PNG or JPEG and upload that instead."
                ),
                "extension_mismatch": _(
                    "The file is named .%(extension)s but contains a %(image_format)s image. "
                    "Rename it to .%(suggested)s or export it again in the format its name says."
                ),
                "file_too_large": _(
                    "This file is too big (%(file_size)s). The maximum is %(max_filesize)s: "
                    "save the picture at a smaller size or stronger compression and upload it again."
                ),
                "file_too_many_pixels": _(
                    "This image has too many pixels (%(num_pixels)s); the maximum is %(max_pixels_count)s. "
                    "Scale it down, for example to 3000 pixels wide, and upload it again."
                ),
                "decompression_bomb": _(
                    "This image declares a size far beyond what the site can process (more than %(max_pixels_count)s "
                    "pixels), so it was refused. Scale it down and upload it again."
                ),
                "damaged_image": _(
                    "This image file is damaged or incomplete and cannot be shown. "
                    "Open it in an image editor, save it again and upload the new file."
                ),
                "metadata_not_removable": _(
                    "The location and other personal details stored in this photo could not be removed, so it "
                    "was not saved. Export the picture again without metadata (for example as a new JPEG) "
                    "and upload that file."
                ),
            }
        )

    def to_python(self, data):
        if data in self.empty_values:
            return super().to_python(data)
        name = getattr(data, "name", "") or ""
        if _extension(name) in SVG_EXTENSIONS or looks_like_svg(_read_head(data)):
            raise ValidationError(self.error_messages["svg_not_allowed"], code="svg_not_allowed")
        self._check_declared_size(data)
        self._check_header_pixels(data)
        try:
            # Pillow only warns about decompression bombs below twice its limit: make that an error,
            # which Wagtail's pixel check turns into a form error.
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                f = super().to_python(data)
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - Willow decodes the file to read its size; a broken file fails there
            raise ValidationError(self.error_messages["damaged_image"], code="damaged_image") from exc
        if f is not None:
            self._check_decodes(data)
            f = self._without_identifying_metadata(f)
        return f

    def _without_identifying_metadata(self, f):
        """The upload itself when it carries nothing identifying, else a clean copy under the same name."""
        f.seek(0)
        try:
            stripped = strip_metadata(f.read())
        except Exception as exc:  # noqa: BLE001 - whatever stops the stripping, the photo must not be stored
            raise ValidationError(self.error_messages["metadata_not_removable"], code="metadata_not_removable") from exc
        finally:
            f.seek(0)
        if stripped is None:
            return f
        return SimpleUploadedFile(f.name, stripped, content_type=getattr(f, "content_type", None))

    def _too_many_pixels(self, num_pixels):
        return ValidationError(
            self.error_messages["file_too_many_pixels"]
            % {"num_pixels": num_pixels, "max_pixels_count": self.max_image_pixels or PILImage.MAX_IMAGE_PIXELS},
            code="file_too_many_pixels",
        )

    def _bomb(self):
        limit = min(self.max_image_pixels or PILImage.MAX_IMAGE_PIXELS, PILImage.MAX_IMAGE_PIXELS)
        return ValidationError(
            self.error_messages["decompression_bomb"] % {"max_pixels_count": limit}, code="file_too_many_pixels"
        )

    def _check_header_pixels(self, data):
        """Count pixels from the header alone, before anything decodes the image into memory."""
        if not (hasattr(data, "seek") and hasattr(data, "read")):
            return
        data.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(data) as image:
                    num_pixels = image.width * image.height * getattr(image, "n_frames", 1)
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
            raise self._bomb() from None
        except Exception:  # noqa: BLE001 - not something Pillow reads; Wagtail's checks will say what it is
            return
        finally:
            data.seek(0)
        if self.max_image_pixels is not None and num_pixels > self.max_image_pixels:
            raise self._too_many_pixels(num_pixels)

    def _check_declared_size(self, data):
        """Refuse an oversized upload before reading it into memory."""
        size = getattr(data, "size", None)
        if self.max_upload_size is not None and size is not None and size > self.max_upload_size:
            raise ValidationError(
                self.error_messages["file_too_large"]
                % {"file_size": filesizeformat(size), "max_filesize": self.max_upload_size_text},
                code="file_too_large",
            )

    def check_image_file_format(self, f):
        extension = _extension(f.name)
        if extension not in self.allowed_image_extensions:
            raise ValidationError(self.error_messages["invalid_image_extension"], code="invalid_image_extension")
        actual = f.image.format_name
        if actual == "svg":
            raise ValidationError(self.error_messages["svg_not_allowed"], code="svg_not_allowed")
        if ("jpeg" if extension == "jpg" else extension) != actual:
            raise ValidationError(
                self.error_messages["extension_mismatch"]
                % {
                    "extension": extension,
                    "image_format": FORMAT_NAMES.get(actual, actual.upper()),
                    "suggested": "jpg" if actual == "jpeg" else actual,
                },
                code="invalid_image_known_format",
            )

    def _check_decodes(self, data):
        """Decode the image once (reduced in size where the format allows) to catch damaged files."""
        if not (hasattr(data, "seek") and hasattr(data, "read")):
            return
        data.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(data) as image:
                    if image.format == "JPEG":
                        image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                    image.load()
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
            raise self._bomb() from None
        except Exception as exc:  # noqa: BLE001 - any decoder failure means the file is unusable
            raise ValidationError(self.error_messages["damaged_image"], code="damaged_image") from exc
        finally:
            data.seek(0)
