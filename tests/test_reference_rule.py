"""An organisation editor's pages refer only to its own images and documents, and to live pages or its own.

The rule (home.permissions.forbidden_references) holds on every save path:
the edit and create forms (foreign keys such as the programme's `image`, the
organisation's `logo`, the story's `portrait` and every page's
`social_image`; image blocks, page links and document links in StreamFields
and rich text), their previews, and the translation editor's "override" of a
synchronised image. Campaign staff may use any. A refused form shows again
without the other organisation's image or page, and nothing is saved or
rendered.
"""

import io

import pytest
from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils.http import urlencode

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation

from home.tests.admin_support import edit_form, form_data, make_home, rolled_back
from home.tests.factories import UserFactory
from home.translation import translate_instance
from programs.models import OrganisationPage, ProgramPage, Region
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from programs.tests.support import make_index, make_programme
from stories.models import OrganisationStoriesPage, StoryPage
from stories.tests.support import make_story_index, story_form

SECRET = "zqxvwk"  # only in organisation B's image, document and draft titles
IMAGE_REFUSED = "Choose an image from your organisation's own collection."
DOCUMENT_REFUSED = "Choose a document from your organisation's own collection."
PAGE_REFUSED = "Choose a published page or one of your organisation's own pages."


def _image(title, collection):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, credit="© test", collection=collection, file=ImageFile(buffer, name=f"{title.lower()}.png")
    )


@pytest.fixture(scope="module")
def keys(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        home = make_home()
        make_index(home)
        make_story_index(home)
        org_a = onboard_organisation("Organisatie A")
        org_b = onboard_organisation("Organisation B", source_locale="fr")
        collection_a = Collection.objects.get(name="Organisatie A")
        collection_b = Collection.objects.get(name="Organisation B")
        images = {
            "a": _image("Beeld", collection_a),
            "b": _image("Zqxvwk", collection_b),
            "campaign": _image("Campagne", Collection.get_first_root_node()),
        }
        programme_a = make_programme(org_a, "Programma A", image=images["a"])
        programme_b = make_programme(org_b, "Programme B", regions=["BE-WLG"])
        unpublished_b = make_programme(org_b, "Zqxvwk jamais publié", publish=False)
        translate_instance(programme_a, "fr", {programme_a.title: "Programme A", programme_a.slug: "a"}, strict=False)
        users = {"org_a": UserFactory(username="editor-a"), "campaign": UserFactory(username="campaign-editor")}
        users["org_a"].groups.add(Group.objects.get(name="Organisatie A editors"))
        users["campaign"].groups.add(ensure_campaign_groups()["editors"])
        for user in users.values():  # the admin in English, whatever the .po files say
            UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
        yield {
            "pages": {
                "org_a": org_a.pk,
                "programme_a": programme_a.pk,
                "programme_b": programme_b.pk,
                "unpublished_b": unpublished_b.pk,
            },
            "images": {key: value.pk for key, value in images.items()},
            "documents": {
                "a": get_document_model()
                .objects.create(title="Folder", collection=collection_a, file=ContentFile(b"a", name="folder.txt"))
                .pk,
                "b": get_document_model()
                .objects.create(title="Zqxvwk", collection=collection_b, file=ContentFile(b"b", name="zqxvwk.txt"))
                .pk,
            },
            "users": {role: user.pk for role, user in users.items()},
        }


@pytest.fixture
def k(keys, db):
    return keys


def login(client, k, role):
    client.force_login(get_user_model().objects.get(pk=k["users"][role]))
    return client


def page(k, key):
    return Page.objects.get(pk=k["pages"][key]).specific


def image(k, key):
    return get_image_model().objects.get(pk=k["images"][key])


def html(response):
    return response.content.decode()


def post_edit(client, target, **changes):
    data = edit_form(client, target)
    data.update({name: str(value) for name, value in changes.items()})
    return client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), data)


# Foreign keys on the edit form --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target, field",
    [("programme_a", "image"), ("org_a", "logo"), ("programme_a", "social_image")],
)
def test_the_edit_form_refuses_another_organisations_image(client, k, target, field):
    login(client, k, "org_a")
    before = page(k, target).latest_revision_id

    response = post_edit(client, page(k, target), **{field: k["images"]["b"]})

    assert response.status_code == 200
    assert IMAGE_REFUSED in response.context["form"].errors[field]
    assert page(k, target).latest_revision_id == before
    assert SECRET not in html(response).lower()  # the chooser shows no trace of the refused image
    assert not image(k, "b").renditions.exists()


@pytest.mark.parametrize("role, key", [("org_a", "a"), ("campaign", "b"), ("campaign", "campaign")])
def test_own_images_and_for_campaign_staff_any_image_are_accepted(client, k, role, key):
    login(client, k, role)
    response = post_edit(client, page(k, "programme_a"), image=k["images"][key])
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert page(k, "programme_a").get_latest_revision_as_object().image_id == k["images"][key]


def test_an_image_the_campaign_put_there_stays_when_the_organisation_edits_its_page(client, k):
    programme = page(k, "programme_a")
    programme.image = image(k, "campaign")
    programme.save_revision().publish()
    login(client, k, "org_a")
    response = post_edit(client, page(k, "programme_a"), summary="Nu ook op zaterdag.")
    assert response.status_code == 302
    draft = page(k, "programme_a").get_latest_revision_as_object()
    assert (draft.summary, draft.image_id) == ("Nu ook op zaterdag.", k["images"]["campaign"])


def test_the_create_form_refuses_another_organisations_image(client, k):
    login(client, k, "org_a")
    url = reverse("wagtailadmin_pages:add", args=["programs", "programpage", k["pages"]["org_a"]])
    data = form_data(html(client.get(url)))
    data.update(
        title="Fietsbuddy",
        slug="fietsbuddy",
        summary="Samen leren fietsen.",
        regions=str(Region.objects.get(code="BE-VAN").pk),
        image=str(k["images"]["b"]),
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert IMAGE_REFUSED in response.context["form"].errors["image"]
    assert not ProgramPage.objects.filter(slug="fietsbuddy").exists()
    assert SECRET not in html(response).lower()


# Stories: portrait and body ----------------------------------------------------------------------------------


def folder_a(k):
    return OrganisationStoriesPage.objects.get(
        organisation_id=k["pages"]["org_a"], locale__language_code="nl", alias_of__isnull=True
    )


def post_story(client, k, **changes):
    parent = folder_a(k)
    data = story_form(client, parent, page(k, "programme_a"), **changes)
    data["action-draft"] = "action-draft"
    return client.post(reverse("wagtailadmin_pages:add", args=["stories", "storypage", parent.pk]), data)


def body(*blocks):
    return nested_form_data({"body": streamfield(list(blocks))})


def image_block(pk):
    return ("image", {"image": {"image": pk, "decorative": "", "alt_text": "Twee buddy's"}, "caption": ""})


def paragraph(markup):
    return ("paragraph", rich_text(markup))


def call_to_action(pk):
    return ("call_to_action", {"text": "Meer lezen", "page": pk, "url": "", "description": ""})


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (lambda k: {"portrait": k["images"]["b"]}, "portrait", IMAGE_REFUSED),
        (lambda k: body(image_block(k["images"]["b"])), "body", IMAGE_REFUSED),
        (
            lambda k: body(paragraph(f'<p><a linktype="document" id="{k["documents"]["b"]}">folder</a></p>')),
            "body",
            DOCUMENT_REFUSED,
        ),
        (lambda k: body(call_to_action(k["pages"]["unpublished_b"])), "body", PAGE_REFUSED),
    ],
    ids=["portrait", "image block", "document link", "link to an unpublished page"],
)
def test_a_story_refers_only_to_the_organisations_own_images_and_documents(client, k, changes, field, message):
    login(client, k, "org_a")
    response = post_story(client, k, **changes(k))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert not StoryPage.objects.filter(slug="samen-naar-de-markt").exists()
    assert SECRET not in html(response).lower()


def test_a_story_may_use_its_own_image_and_document_and_link_to_a_live_page(client, k):
    login(client, k, "org_a")
    response = post_story(
        client,
        k,
        **body(
            image_block(k["images"]["a"]),
            paragraph(f'<p><a linktype="document" id="{k["documents"]["a"]}">folder</a></p>'),
            call_to_action(k["pages"]["programme_b"]),
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    assert StoryPage.objects.filter(slug="samen-naar-de-markt").exists()


# Preview --------------------------------------------------------------------------------------------------------


def test_the_preview_never_renders_another_organisations_image(client, k):
    login(client, k, "org_a")
    programme = page(k, "programme_a")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[programme.pk])
    data = edit_form(client, programme)

    data["image"] = str(k["images"]["b"])
    assert client.post(url, data).json()["is_valid"] is False
    preview = client.get(url)
    assert SECRET not in html(preview).lower()
    assert not image(k, "b").renditions.exists()

    data["image"] = str(k["images"]["a"])
    assert client.post(url, data).json()["is_valid"] is True


# The translation editor ---------------------------------------------------------------------------------------


def override_url(k):
    source = page(k, "programme_a")
    translation = Translation.objects.get(source__object_id=source.translation_key, target_locale__language_code="fr")
    segment = OverridableSegment.objects.get(source=translation.source, context__path="image")
    return translation, reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])


def put_override(client, url, pk):
    return client.put(url, urlencode({"value": str(pk)}), content_type="application/x-www-form-urlencoded")


def test_the_translation_editor_refuses_to_override_with_another_organisations_image(client, k):
    login(client, k, "org_a")
    translation, url = override_url(k)

    refused = put_override(client, url, k["images"]["b"])
    assert refused.status_code == 400 and refused.json()["error"] == IMAGE_REFUSED
    assert not SegmentOverride.objects.filter(locale=translation.target_locale).exists()

    accepted = put_override(client, url, k["images"]["a"])
    assert accepted.status_code in (200, 201)
    assert SegmentOverride.objects.get(locale=translation.target_locale).data == str(k["images"]["a"])


def test_campaign_staff_may_override_with_any_image(client, k):
    login(client, k, "campaign")
    _translation, url = override_url(k)
    assert put_override(client, url, k["images"]["b"]).status_code in (200, 201)


def test_organisation_pages_stay_usable_with_an_image_of_their_own(client, k):
    """The organisation's logo and a programme image of its own collection: the everyday case."""
    login(client, k, "org_a")
    response = post_edit(client, page(k, "org_a"), logo=k["images"]["a"])
    assert response.status_code == 302
    assert (
        OrganisationPage.objects.get(pk=k["pages"]["org_a"]).get_latest_revision_as_object().logo_id
        == (k["images"]["a"])
    )


@pytest.mark.parametrize(
    "language, message",
    [
        ("nl", "Kies een afbeelding uit de eigen collectie van je organisatie."),
        ("fr", "Choisissez une image de la collection de votre organisation."),
    ],
)
def test_the_refusal_is_in_the_editors_language(client, k, language, message):
    user = get_user_model().objects.get(pk=k["users"]["org_a"])
    UserProfile.objects.filter(user=user).update(preferred_language=language)
    login(client, k, "org_a")
    response = post_edit(client, page(k, "programme_a"), image=k["images"]["b"])
    assert message in response.context["form"].errors["image"]
