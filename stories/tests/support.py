"""Builders for story tests: a story index, portraits, and stories published through Wagtail's own actions."""

import datetime
import io
import itertools

from PIL import Image

from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from programs.models import Region, Theme
from stories.models import StoryIndexPage, StoryPage

_counter = itertools.count(1)


def make_portrait(title="Portret", credit="© UNHCR/Studio Test", size=(600, 400), collection=None):
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 114, 188)).save(buffer, "JPEG")
    extra = {"collection": collection} if collection is not None else {}
    return get_image_model().objects.create(
        title=title, credit=credit, file=ImageFile(buffer, name=f"portrait-{next(_counter)}.jpg"), **extra
    )


def collection_for(parent):
    """Where an editor writing under `parent` keeps portraits: its organisation's own collection, or the root."""
    from home import permissions
    from stories.models import OrganisationStoriesPage

    parent = parent.specific
    if isinstance(parent, OrganisationStoriesPage) and parent.organisation is not None:
        link = permissions.organisation_link(parent.organisation.translation_key)
        if link is not None:
            return link.collection
    return None


def make_story_index(home_page):
    """The nl story index under the nl home page, with fr and en aliases."""
    index = StoryIndexPage.objects.filter(locale=home_page.locale).first()
    if index is None:
        index = home_page.add_child(instance=StoryIndexPage(title="Verhalen", slug="verhalen"))
        index.save_revision().publish()
        for code in ("fr", "en"):
            index.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True, alias=True)
    return StoryIndexPage.objects.get(pk=index.pk)


def valid_consent(days=365):
    today = timezone.localdate()
    return {
        "consent_received": True,
        "consent_date": today - datetime.timedelta(days=10),
        "consent_expiry_date": today + datetime.timedelta(days=days),
        "consent_record_location": "Map toestemmingen 2026, nr. 12",
    }


def make_story(parent, title=None, *, programme=None, publish=True, consent=True, themes=(), region=None, **fields):
    title = title or f"Verhaal {next(_counter)}"
    fields.setdefault("duo_names", "Sara en Yonas")
    fields.setdefault("pull_quote", "We koken elke week samen.")
    fields.setdefault("portrait_alt_text", "Twee mensen lachen in een park")
    fields.setdefault("body", [("paragraph", "<p>Ze ontmoetten elkaar in de bib.</p>")])
    if "portrait" not in fields:
        fields["portrait"] = make_portrait()
    if consent:
        for key, value in valid_consent().items():
            fields.setdefault(key, value)
    story = StoryPage(title=title, programme=programme, live=publish, **fields)
    if region:
        story.region = Region.objects.get(code=region)
    story.themes = list(Theme.objects.filter(code__in=themes))
    parent.add_child(instance=story)
    revision = story.save_revision()
    if publish:
        revision.publish()
    return StoryPage.objects.get(pk=story.pk)


def in_locale(page, code):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code=code)


def story_body_form_data(paragraph="<p>Zo begon het.</p>"):
    """The POST data of a story body with one paragraph (Wagtail renders StreamFields with JavaScript)."""
    return nested_form_data({"body": streamfield([("paragraph", rich_text(paragraph))])})


def story_edit_data(client, story, **changes):
    """What the story's edit form posts, body included."""
    from home.tests.admin_support import edit_form

    data = edit_form(client, story)
    data.update(story_body_form_data())
    data.update(changes)
    return data


def story_form(client, parent, programme, **changes):
    """What the "add story" form under `parent` posts, filled in."""
    from home.tests.admin_support import form_data

    response = client.get(reverse("wagtailadmin_pages:add", args=["stories", "storypage", parent.pk]))
    assert response.status_code == 200
    data = form_data(response.content.decode())
    portrait = make_portrait(collection=collection_for(parent))
    data.update(
        {
            "title": "Samen naar de markt",
            "slug": "samen-naar-de-markt",
            "duo_names": "Amal en Wim",
            "portrait": portrait.pk,
            "portrait_alt_text": "Twee mensen met boodschappentassen",
            "pull_quote": "Elke zaterdag gaan we samen naar de markt.",
            "programme": programme.pk,
        }
    )
    data.update(story_body_form_data())
    data.update(changes)
    return data


def create_story(client, parent, programme, action="action-submit", **changes):
    data = story_form(client, parent, programme, **changes)
    data[action] = action
    return client.post(reverse("wagtailadmin_pages:add", args=["stories", "storypage", parent.pk]), data)


def valid_consent_form():
    consent = valid_consent()
    return {
        "consent_received": "on",
        "consent_date": consent["consent_date"].isoformat(),
        "consent_expiry_date": consent["consent_expiry_date"].isoformat(),
        "consent_record_location": consent["consent_record_location"],
    }
