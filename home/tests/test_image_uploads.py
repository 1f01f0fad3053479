"""Bad image uploads are refused with a clear form error, through the real admin views."""

import io
import random
import struct
import zlib

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from home.tests.factories import UserFactory

CampaignImage = get_image_model()

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)


def image_bytes(fmt="PNG", size=(40, 30), noise=False):
    image = Image.new("RGB", size, (0, 114, 188))
    if noise:
        image = Image.frombytes("RGB", size, random.Random(5).randbytes(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def png_header_only(width, height):
    """A PNG that declares huge dimensions but holds (almost) no pixel data: a decompression bomb's header."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    )


@pytest.fixture
def admin_client(client, db):
    user = UserFactory(username="imageadmin", is_superuser=True, is_staff=True)
    # English admin, so the assertions hold once the messages are translated.
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language="en")
    client.force_login(user)
    return client


def upload_single(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Test upload",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def upload_multiple(client, name, content):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": Collection.get_first_root_node().pk, "files[]": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    return response.json()


def single_errors(response):
    assert response.status_code == 200, "a refused upload re-renders the form"
    with translation.override("en"):  # the messages are lazy: read them in the admin user's language
        return " ".join(str(e) for e in response.context["form"].errors.get("file", []))


BAD_UPLOADS = [
    pytest.param("drawing.svg", SVG, "SVG files are not accepted", id="svg"),
    pytest.param("drawing.png", SVG, "SVG files are not accepted", id="svg-named-png"),
    pytest.param("notes.txt", b"just some text", "not an image we can read", id="text-file"),
    pytest.param("photo.tiff", image_bytes("TIFF"), "Not a supported image format", id="unsupported-format"),
    pytest.param("notes.png", b"just some text, not a picture", "not an image we can read", id="text-named-png"),
    pytest.param("photo.jpg", image_bytes("PNG"), "named .jpg but contains a PNG image", id="png-named-jpg"),
    pytest.param("photo.png", image_bytes("JPEG"), "named .png but contains a JPEG image", id="jpeg-named-png"),
    pytest.param("broken.png", image_bytes("PNG", noise=True)[:400], "damaged or incomplete", id="truncated-png"),
    pytest.param(
        "bomb.png", png_header_only(30_000, 30_000), "beyond what the site can process", id="decompression-bomb"
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "message"), BAD_UPLOADS)
def test_single_upload_refuses_bad_files(admin_client, name, content, message):
    response = upload_single(admin_client, name, content)
    assert message in single_errors(response)
    assert not CampaignImage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "message"), BAD_UPLOADS)
def test_multiple_upload_refuses_bad_files(admin_client, name, content, message):
    data = upload_multiple(admin_client, name, content)
    assert data["success"] is False
    assert message in data["error_message"]
    assert not CampaignImage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "fmt"), [("photo.jpg", "JPEG"), ("photo.png", "PNG"), ("photo.webp", "WEBP")])
def test_good_images_are_accepted_by_both_views(admin_client, name, fmt):
    response = upload_single(admin_client, name, image_bytes(fmt))
    assert response.status_code == 302
    data = upload_multiple(admin_client, name, image_bytes(fmt, size=(41, 30)))
    assert data["success"] is True
    assert CampaignImage.objects.count() == 2


@pytest.mark.django_db
@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=2_000)
def test_file_size_limit_is_enforced(admin_client):
    content = image_bytes("PNG", size=(80, 80), noise=True)
    assert len(content) > 2_000
    assert "This file is too big" in single_errors(upload_single(admin_client, "big.png", content))
    assert "The maximum is 2.0\xa0KB" in upload_multiple(admin_client, "big.png", content)["error_message"]
    assert not CampaignImage.objects.exists()


@pytest.mark.django_db
@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=1_000)
def test_pixel_limit_is_enforced(admin_client):
    content = image_bytes("PNG", size=(40, 30))  # 1,200 pixels
    assert "This image has too many pixels (1200)" in single_errors(upload_single(admin_client, "wide.png", content))
    assert "too many pixels" in upload_multiple(admin_client, "wide.png", content)["error_message"]
    assert not CampaignImage.objects.exists()


@pytest.mark.django_db
@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=None)
def test_pillow_bomb_warning_is_an_error_even_without_a_pixel_limit(admin_client):
    # 100 million pixels: above Pillow's warning threshold, below its hard error.
    response = upload_single(admin_client, "bomb.png", png_header_only(10_000, 10_000))
    assert "beyond what the site can process" in single_errors(response)
    assert not CampaignImage.objects.exists()


@pytest.mark.django_db
def test_replacing_the_file_of_an_image_is_checked_too(admin_client):
    upload_single(admin_client, "photo.png", image_bytes("PNG"))
    image = CampaignImage.objects.get()
    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "Test upload",
            "collection": image.collection_id,
            "file": SimpleUploadedFile("new.png", SVG),
        },
    )
    assert "SVG files are not accepted" in single_errors(response)
    image.refresh_from_db()
    assert image.file.name.endswith(".png")
    assert image.width == 40
