"""Alt texts belong to pages and blocks, so each language has its own; images are shared by every locale."""

import io
import re

import pytest
from PIL import Image as PILImage

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils import translation

from wagtail.images import get_image_model

from home.blocks import BaseStreamBlock
from home.models import HomePage, StandardPage
from home.translation import source_strings, translate_instance
from programs.tests.support import in_locale, make_index, make_organisation, make_programme

ALT_NL = "Twee mensen lachen op een bank"
ALT_FR = "Deux personnes rient sur un banc"


@pytest.fixture
def image(db):
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 180), (0, 114, 188)).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title="Foto bank",
        description="Beschrijving uit de beeldbank",
        credit="© UNHCR/Studio Test",
        file=ImageFile(buffer, name="bank.jpg"),
    )


def image_block(image, alt_text=ALT_NL, decorative=False, caption="Samen"):
    return ("image", {"image": {"image": image, "alt_text": alt_text, "decorative": decorative}, "caption": caption})


def img_tags(html):
    return re.findall(r"<img [^>]*>", html)


def make_standard_page(home_page, *blocks):
    page = home_page.add_child(instance=StandardPage(title="Over ons", slug="over-ons", body=list(blocks)))
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


@pytest.mark.django_db
def test_a_french_page_renders_the_french_alt_text_of_its_image_block(
    client, home_page, image, django_capture_on_commit_callbacks
):
    page = make_standard_page(home_page, image_block(image))
    assert ALT_NL in source_strings(page), "wagtail-localize offers the block's alt text for translation"
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes after commit
        french = translate_instance(
            page, "fr", {"Over ons": "À propos", "over-ons": "a-propos", ALT_NL: ALT_FR, "Samen": "Ensemble"}
        )

    html_fr = client.get(french.get_url()).content.decode()
    html_nl = client.get(page.get_url()).content.decode()
    [img_fr] = img_tags(html_fr.split("<main", 1)[1])
    [img_nl] = img_tags(html_nl.split("<main", 1)[1])
    assert f'alt="{ALT_FR}"' in img_fr
    assert f'alt="{ALT_NL}"' in img_nl
    # The responsive picture is unchanged: AVIF and WebP sources, a JPEG fallback, sizes, dimensions, lazy.
    picture = re.search(r"<picture>.*?</picture>", html_fr, re.S).group(0)
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    assert picture.count("srcset=") >= 3
    assert 'sizes="(min-width: 60rem) 46rem, 100vw"' in picture
    assert re.search(r'width="\d+"', img_fr) and re.search(r'height="\d+"', img_fr)
    assert 'loading="lazy"' in img_fr and ".jpg" in img_fr
    assert "© UNHCR/Studio Test" in html_fr


@pytest.mark.django_db
def test_a_decorative_image_has_an_empty_alt_and_an_informative_one_needs_a_text(image):
    block = BaseStreamBlock()
    value = block.to_python([{"type": "image", "value": {"image": {"image": image.pk, "decorative": True}}}])
    [img] = img_tags(block.render(value))
    assert 'alt=""' in img

    struct = block.child_blocks["image"]
    missing = struct.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": ""})
    with translation.override("en"), pytest.raises(ValidationError):
        struct.clean(missing)


@pytest.mark.django_db
def test_a_block_saved_before_alt_texts_uses_the_images_description(image):
    """Older bodies hold the image's id alone; they render with the shared description until edited."""
    block = BaseStreamBlock()
    value = block.to_python([{"type": "image", "value": {"image": image.pk, "caption": ""}}])
    [img] = img_tags(block.render(value))
    assert 'alt="Beschrijving uit de beeldbank"' in img


@pytest.mark.django_db
def test_the_home_hero_has_an_alt_text_per_language_and_falls_back_to_the_description(
    client, home_page, image, django_capture_on_commit_callbacks
):
    home = HomePage.objects.get(pk=home_page.pk)
    home.hero_image = image
    home.hero_image_alt_text = ALT_NL
    home.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate_instance(HomePage.objects.get(pk=home.pk), "fr", {ALT_NL: ALT_FR}, strict=False)

    html_fr = client.get("/fr/").content.decode()
    hero_fr = re.search(r'<figure class="hero__image">.*?</figure>', html_fr, re.S).group(0)
    assert f'alt="{ALT_FR}"' in hero_fr
    assert 'fetchpriority="high"' in hero_fr and 'type="image/avif"' in hero_fr
    assert f'<meta property="og:image:alt" content="{ALT_FR}">' in html_fr
    html_nl = client.get("/nl/").content.decode()
    assert f'alt="{ALT_NL}"' in html_nl
    assert f'<meta property="og:image:alt" content="{ALT_NL}">' in html_nl

    home = HomePage.objects.get(pk=home.pk)
    home.hero_image_alt_text = ""
    home.save_revision().publish()
    assert 'alt="Beschrijving uit de beeldbank"' in client.get("/nl/").content.decode()


def meta_alts(html):
    """The og:image:alt and twitter:image:alt of a page."""
    og = re.search(r'<meta property="og:image:alt" content="([^"]*)">', html)
    twitter = re.search(r'<meta name="twitter:image:alt" content="([^"]*)">', html)
    return og and og.group(1), twitter and twitter.group(1)


def programme_img(html):
    figure = re.search(r'<figure class="figure programme__image">.*?</figure>', html, re.S).group(0)
    [img] = img_tags(figure)
    return img


@pytest.fixture
def organisation(home_page):
    return make_organisation(make_index(home_page), "Buddywerk Antwerpen")


@pytest.mark.django_db
def test_a_french_programme_page_renders_the_french_alt_text_of_its_image(
    client, organisation, image, django_capture_on_commit_callbacks
):
    programme = make_programme(organisation, "Taalbuddy", image=image, image_alt_text=ALT_NL)
    assert ALT_NL in source_strings(programme), "wagtail-localize offers the image's alt text for translation"
    with django_capture_on_commit_callbacks(execute=True):
        french = translate_instance(
            programme,
            "fr",
            {"Taalbuddy": "Binôme langue", programme.slug: "binome-langue", ALT_NL: ALT_FR},
            strict=False,
        )

    html_fr = client.get(french.url).content.decode()
    img_fr = programme_img(html_fr)
    assert f'alt="{ALT_FR}"' in img_fr and 'lang="fr"' in img_fr
    assert 'type="image/avif"' in html_fr and 'loading="lazy"' in img_fr
    assert meta_alts(html_fr) == (ALT_FR, ALT_FR)
    html_nl = client.get(programme.url).content.decode()
    assert f'alt="{ALT_NL}"' in programme_img(html_nl)
    assert meta_alts(html_nl) == (ALT_NL, ALT_NL)
    # Not yet translated into English: the Dutch alt text, marked as Dutch.
    img_en = programme_img(client.get(in_locale(programme, "en").url).content.decode())
    assert f'alt="{ALT_NL}"' in img_en and 'lang="nl"' in img_en


@pytest.mark.django_db
def test_a_programme_image_without_its_own_alt_text_uses_the_images_description(client, organisation, image):
    programme = make_programme(organisation, "Taalbuddy", image=image)
    html = client.get(programme.url).content.decode()
    img = programme_img(html)
    assert 'alt="Beschrijving uit de beeldbank"' in img
    assert "lang=" not in img, "the shared description's language is unknown"
    assert meta_alts(html) == ("Beschrijving uit de beeldbank", "Beschrijving uit de beeldbank")


@pytest.mark.django_db
def test_a_pages_own_share_image_has_an_alt_text_per_language(
    client, home_page, image, django_capture_on_commit_callbacks
):
    page = make_standard_page(home_page)
    page.social_image = image
    page.social_image_alt_text = ALT_NL
    page.save_revision().publish()
    page = StandardPage.objects.get(pk=page.pk)
    assert ALT_NL in source_strings(page)
    with django_capture_on_commit_callbacks(execute=True):
        french = translate_instance(page, "fr", {"Over ons": "À propos", "over-ons": "a-propos", ALT_NL: ALT_FR})

    assert meta_alts(client.get(french.get_url()).content.decode()) == (ALT_FR, ALT_FR)
    assert meta_alts(client.get(page.get_url()).content.decode()) == (ALT_NL, ALT_NL)

    page.social_image_alt_text = ""
    page.save_revision().publish()
    expected = ("Beschrijving uit de beeldbank", "Beschrijving uit de beeldbank")
    assert meta_alts(client.get(page.get_url()).content.decode()) == expected


@pytest.mark.django_db
def test_a_share_image_of_its_own_takes_over_from_the_main_images_alt_text(client, organisation, image):
    """A programme shares its image with the image's alt text, unless it has a share image of its own."""
    other = get_image_model().objects.create(title="Ander beeld", description="Ander beeld", file=image.file.name)
    programme = make_programme(
        organisation, "Taalbuddy", image=image, image_alt_text=ALT_NL, social_image=other, social_image_alt_text="Deel"
    )
    html = client.get(programme.url).content.decode()
    assert f'alt="{ALT_NL}"' in programme_img(html)
    assert meta_alts(html) == ("Deel", "Deel")


@pytest.mark.django_db
def test_an_organisation_shared_with_its_logo_names_it_in_the_visitors_language(client, organisation, image):
    organisation.logo = image
    organisation.save_revision().publish()
    html = client.get(in_locale(organisation, "en").url).content.decode()
    assert meta_alts(html) == ("Logo of Buddywerk Antwerpen", "Logo of Buddywerk Antwerpen")
