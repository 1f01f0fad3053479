"""Demo illustrations drawn locally with Pillow, so demo data never needs a download.

Other apps' demo loaders can reuse `get_or_create_demo_image` for their own
pictures (story portraits, organisation logos); the same title always gives
back the same image.
"""

import io
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

DEMO_CREDIT = "Illustration © Buddies With Refugees"

UNHCR_BLUE = (0, 114, 188)
# Warm tones that sit well beside UNHCR blue; each illustration picks from these.
WARM_TONES = [(242, 163, 58), (224, 122, 95), (244, 196, 48), (232, 146, 124)]
BACKGROUNDS = [(253, 246, 236), (238, 245, 251), (250, 240, 230), (244, 248, 241)]


def draw_illustration(seed, size=(1600, 900)):
    """Two overlapping round figures (a duo) on a soft background, among scattered dots.

    The same seed always draws the same picture.
    """
    rng = random.Random(seed)
    width, height = size
    background = BACKGROUNDS[seed % len(BACKGROUNDS)]
    warm = WARM_TONES[seed % len(WARM_TONES)]
    canvas = Image.new("RGB", size, background)

    # A large, blurred wash of warm colour behind everything.
    wash = Image.new("L", size, 0)
    cx, cy = rng.uniform(0.25, 0.75) * width, rng.uniform(0.35, 0.65) * height
    radius = 0.6 * height
    ImageDraw.Draw(wash).ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=90)
    canvas.paste(Image.new("RGB", size, warm), mask=wash.filter(ImageFilter.GaussianBlur(radius=height // 7)))

    # Scattered dots, the community around the duo.
    draw = ImageDraw.Draw(canvas, "RGBA")
    for _ in range(28):
        r = rng.uniform(0.008, 0.03) * height
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        colour = rng.choice([UNHCR_BLUE, warm, (20, 50, 74)])
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour + (rng.randint(40, 110),))

    # The duo: two figures, a head above a rounded body, side by side and overlapping.
    centre_x = width * rng.uniform(0.4, 0.6)
    gap = height * rng.uniform(0.15, 0.19)
    scale = height * rng.uniform(0.25, 0.29)
    body_top = height * rng.uniform(0.46, 0.52)
    colours = [UNHCR_BLUE, warm] if seed % 2 else [warm, UNHCR_BLUE]
    masks = []
    for offset in (-gap, gap):
        mask = Image.new("L", size, 0)
        mask_draw = ImageDraw.Draw(mask)
        fx = centre_x + offset
        mask_draw.ellipse((fx - scale, body_top, fx + scale, body_top + 2.2 * scale), fill=255)
        head = scale * 0.42
        head_y = body_top - head * 1.3
        mask_draw.ellipse((fx - head, head_y - head, fx + head, head_y + head), fill=255)
        masks.append(mask)
    for colour, mask in zip(colours, masks, strict=True):
        canvas.paste(Image.new("RGB", size, colour), mask=mask)
    # Where they overlap, a deeper shade of both: what the two share.
    shared = tuple(int(0.6 * w + 0.4 * b * 0.8) for w, b in zip(warm, UNHCR_BLUE, strict=True))
    canvas.paste(Image.new("RGB", size, shared), mask=ImageChops.multiply(*masks))
    return canvas


def illustration_jpeg(seed, size=(1600, 900)):
    buffer = io.BytesIO()
    draw_illustration(seed, size).save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def root_collection():
    """Wagtail's root collection (made by its migrations, but gone from a flushed test database)."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def get_or_create_demo_image(title, seed, *, collection=None, credit=DEMO_CREDIT, description="", size=(1600, 900)):
    """The image called `title`, drawn and saved the first time it is asked for.

    `description` becomes the image's alt text (Wagtail's `default_alt_text`).
    An existing image is returned untouched, so editors' changes survive a reload.
    """
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing
    if collection is None:
        collection = root_collection()
    data = illustration_jpeg(seed, size)
    filename = f"demo-{seed}-{size[0]}x{size[1]}.jpg"
    image = Image_(title=title, collection=collection, description=description)
    if hasattr(image, "credit"):
        image.credit = credit
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.file_size = len(data)
    image.save()
    return image
