"""Stored originals carry no GPS position or other identifying metadata (home/image_metadata.py)."""

import io
import random

import pytest
from PIL import ExifTags, Image, ImageChops, PngImagePlugin

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from home.demo.images import get_or_create_demo_image, root_collection
from home.image_metadata import identifying_metadata, strip_metadata
from home.tests.factories import UserFactory

CampaignImage = get_image_model()
ORIENTATION = ExifTags.Base.Orientation
ROTATED = 6  # "turn 90° clockwise to view": what a phone held upright writes


def picture(size=(60, 40)):
    return Image.frombytes("RGB", size, random.Random(7).randbytes(size[0] * size[1] * 3))


def camera_exif(orientation=ROTATED):
    """What a phone writes: orientation, make, serial number, owner and the GPS position (Brussels)."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.BodySerialNumber] = "SN-0042-7781"
    exif[ExifTags.Base.Artist] = "Jan Peeters"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps.update({1: "N", 2: (50.0, 50.0, 46.0), 3: "E", 4: (4.0, 21.0, 9.0)})
    return exif


def photo_with_gps(image_format="JPEG", orientation=ROTATED):
    buffer = io.BytesIO()
    options = {"exif": camera_exif(orientation)}
    if image_format == "JPEG":
        options.update(comment=b"Amal and Jan, Molenbeek", xmp=b"<x:xmpmeta>Rue de Ribaucourt</x:xmpmeta>")
    elif image_format == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", "Jan Peeters")
        info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>Molenbeek</x:xmpmeta>")
        options["pnginfo"] = info
    elif image_format in ("WEBP", "AVIF"):
        options["xmp"] = b"<x:xmpmeta>Molenbeek</x:xmpmeta>"
    elif image_format == "GIF":
        options = {"comment": b"Amal and Jan, Molenbeek"}
    if image_format in ("WEBP", "AVIF", "HEIF"):
        options["quality"] = 90
    picture().save(buffer, image_format, **options)
    return buffer.getvalue()


def stored_bytes(image):
    image.refresh_from_db()
    with image.open_file() as f:
        return f.read()


def exif_of(data):
    with Image.open(io.BytesIO(data)) as image:
        return dict(image.getexif()), image.getexif().get_ifd(ExifTags.IFD.GPSInfo)


def same_pixels(first, second):
    with Image.open(io.BytesIO(first)) as a, Image.open(io.BytesIO(second)) as b:
        return a.size == b.size and ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None


def assert_clean_and_upright(data, upload):
    assert identifying_metadata(upload) >= {"GPS", "EXIF"}, "the test photo carries a position"
    tags, gps = exif_of(data)
    assert gps == {}, "no GPS position in the stored original"
    assert tags == {ORIENTATION: ROTATED}, "only the orientation is left"
    assert identifying_metadata(data) == set()
    assert same_pixels(data, upload), "the picture itself is copied unchanged"


@pytest.fixture
def admin_client(client, db):
    user = UserFactory(username="photoadmin", is_superuser=True, is_staff=True)
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language="en")
    client.force_login(user)
    return client


def upload_single(client, name, content):
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Duo", "collection": root_collection().pk, "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    return CampaignImage.objects.latest("pk")


def upload_multiple(client, name, content):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": root_collection().pk, "files[]": SimpleUploadedFile(name, content)},
    )
    data = response.json()
    assert data["success"], data
    return CampaignImage.objects.get(pk=data["image_id"]), data


@pytest.mark.django_db
def test_a_single_upload_stores_the_photo_without_its_position(admin_client):
    upload = photo_with_gps("JPEG")
    image = upload_single(admin_client, "duo.jpg", upload)
    data = stored_bytes(image)
    assert_clean_and_upright(data, upload)
    with Image.open(io.BytesIO(data)) as stored:
        assert "comment" not in stored.info and "xmp" not in stored.info
    assert (image.width, image.height) == (60, 40)
    assert image.file_size == len(data)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "image_format"), [("duo.jpg", "JPEG"), ("duo.png", "PNG"), ("duo.webp", "WEBP")])
def test_a_multiple_upload_stores_the_photo_without_its_position(admin_client, name, image_format):
    upload = photo_with_gps(image_format)
    image, _ = upload_multiple(admin_client, name, upload)
    assert_clean_and_upright(stored_bytes(image), upload)


@pytest.mark.django_db
def test_the_same_photo_uploaded_twice_is_still_recognised_as_a_duplicate(admin_client):
    upload = photo_with_gps("JPEG")
    first, _ = upload_multiple(admin_client, "duo.jpg", upload)
    second, data = upload_multiple(admin_client, "duo-again.jpg", upload)
    assert data["duplicate"] is True
    assert first.file_hash == second.file_hash


@pytest.mark.django_db
def test_replacing_the_file_of_an_image_strips_the_new_file(admin_client):
    image = upload_single(admin_client, "first.jpg", photo_with_gps("JPEG", orientation=1))
    upload = photo_with_gps("JPEG")
    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Duo", "collection": root_collection().pk, "file": SimpleUploadedFile("second.jpg", upload)},
    )
    assert response.status_code == 302
    assert_clean_and_upright(stored_bytes(image), upload)


@pytest.mark.django_db
@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP", "AVIF", "HEIF"])
def test_a_programmatic_save_strips_every_format_the_site_takes(image_format):
    upload = photo_with_gps(image_format)
    image = CampaignImage(title="Duo", collection=root_collection())
    image.file = ImageFile(io.BytesIO(upload), name=f"duo.{image_format.lower()}")
    image.save()
    data = stored_bytes(image)
    tags, gps = exif_of(data)
    assert gps == {}
    assert identifying_metadata(data) == set()
    if image_format == "HEIF":
        # pillow-heif turns the picture upright as it decodes, so the orientation is applied, not kept.
        assert tags.get(ORIENTATION, 1) == 1
    else:
        assert tags == {ORIENTATION: ROTATED}
    if image_format in ("JPEG", "PNG", "WEBP"):
        assert same_pixels(data, upload)


@pytest.mark.django_db
def test_a_gif_comment_is_removed():
    upload = photo_with_gps("GIF")
    assert identifying_metadata(upload) == {"comment"}
    image = CampaignImage(title="Duo", collection=root_collection())
    image.file = ImageFile(io.BytesIO(upload), name="duo.gif")
    image.save()
    assert identifying_metadata(stored_bytes(image)) == set()


@pytest.mark.django_db
def test_a_file_with_nothing_to_strip_is_stored_as_it_came():
    buffer = io.BytesIO()
    picture().save(buffer, "JPEG", quality=90)
    image = CampaignImage(title="Plain", collection=root_collection())
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name="plain.jpg")
    image.save()
    assert stored_bytes(image) == buffer.getvalue()


@pytest.mark.django_db
def test_demo_illustrations_are_stored_clean(locales):
    image = get_or_create_demo_image("Demo duo", seed=3, size=(320, 180))
    assert identifying_metadata(stored_bytes(image)) == set()


def test_stripping_is_idempotent():
    stripped = strip_metadata(photo_with_gps("JPEG"))
    assert stripped is not None
    assert strip_metadata(stripped) is None


# The one-off command, on originals stored before uploads were stripped. It commits per image, so these
# tests commit too; serialized_rollback brings back the root page and collection the flush takes away.


def store_unstripped(title, content, name="old.jpg"):
    """An image saved as before this change: the file written to storage as it came, metadata and all."""
    image = CampaignImage(title=title, collection=root_collection())
    image.file = ImageFile(io.BytesIO(photo_with_gps("JPEG", orientation=1)), name=name)
    image.save()
    stored_name = image.file.storage.save(f"original_images/{name}", io.BytesIO(content))
    CampaignImage.objects.filter(pk=image.pk).update(file=stored_name, file_size=len(content), file_hash="")
    return CampaignImage.objects.get(pk=image.pk)


def run_command(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("strip_image_metadata", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_command_strips_stored_originals_and_keeps_their_renditions(locales):
    upload = photo_with_gps("JPEG")
    image = store_unstripped("Old duo", upload)
    clean = CampaignImage(title="Clean duo", collection=root_collection())
    clean.file = ImageFile(io.BytesIO(strip_metadata(upload)), name="clean.jpg")
    clean.save()
    old_name = image.file.name
    rendition = image.get_rendition("fill-30x30")
    storage = image.file.storage
    assert identifying_metadata(stored_bytes(image)) >= {"GPS"}

    assert run_command("--dry-run")[0].startswith("Checked 2 images: 1 would be stripped, 1 had nothing to strip")
    assert stored_bytes(image) == upload, "a dry run changes nothing"

    out, _ = run_command()
    assert out.startswith("Checked 2 images: 1 stripped, 1 had nothing to strip, 0 could not be read.")
    assert_clean_and_upright(stored_bytes(image), upload)
    assert not storage.exists(old_name), "the original with the position is gone"
    assert image.file_size == len(stored_bytes(image))
    # The rendition made before is still the one served, and its file is still there.
    assert image.get_rendition("fill-30x30").pk == rendition.pk
    assert storage.exists(rendition.file.name)
    assert image.get_rendition("width-20").file  # and new ones are made from the stripped file

    stripped_name, stripped = image.file.name, stored_bytes(image)
    out, _ = run_command()
    assert out.startswith("Checked 2 images: 0 stripped, 2 had nothing to strip, 0 could not be read.")
    image.refresh_from_db()
    assert (image.file.name, stored_bytes(image)) == (stripped_name, stripped), "a second run touches nothing"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_command_reports_a_missing_file_and_strips_the_others(locales):
    missing = store_unstripped("Lost duo", photo_with_gps("JPEG"), name="lost.jpg")
    missing.file.storage.delete(missing.file.name)
    other = store_unstripped("Old duo", photo_with_gps("JPEG"))
    with pytest.raises(CommandError, match="1 image\\(s\\) could not be checked"):
        run_command()
    assert identifying_metadata(stored_bytes(other)) == set()


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["wagtailimages:add", "wagtailimages:add_multiple"])
def test_a_photo_whose_metadata_cannot_be_removed_is_refused_with_a_message(admin_client, monkeypatch, view):
    # Metadata that survives even re-encoding: stripping gives up, as it would on a file it cannot clean.
    monkeypatch.setattr("home.image_metadata.identifying_metadata", lambda data: {"GPS"})
    upload = SimpleUploadedFile("duo.jpg", photo_with_gps())
    data = {"collection": root_collection().pk}
    data |= {"title": "Duo", "file": upload} if view == "wagtailimages:add" else {"files[]": upload}
    response = admin_client.post(reverse(view), data)
    assert response.status_code == 200
    assert "personal details stored in this photo could not be removed" in response.content.decode()
    assert not CampaignImage.objects.exists()
