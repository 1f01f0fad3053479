"""Organisation editors translate their own programmes; the translation goes live through Campaign review.

Driven through the admin URLs a browser uses: wagtail-localize's "Translate",
its translation editor (the edit view of a synced translation) and string API,
and the review actions programs.translation_review adds under that editor.
"""

import json
import re

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils.http import urlencode

from wagtail.models import Locale, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from home.tests.admin_support import make_home, rolled_back
from home.tests.factories import UserFactory
from programs.models import ProgramPage
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from programs.tests.support import in_locale, make_index, make_programme
from programs.translation_review import SAVE_DRAFT, SUBMIT

TITLE, SUMMARY = "Taalbuddy", "Buddy's oefenen samen Nederlands."
TITLE_FR, SUMMARY_FR = "Binôme linguistique", "Des binômes pratiquent le néerlandais ensemble."


@pytest.fixture(scope="module")
def keys(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        make_index(make_home())
        organisation = onboard_organisation("Buddywerk Gent")
        onboard_organisation("Autre Organisation", source_locale="fr")
        programme = make_programme(organisation, TITLE, summary=SUMMARY)
        users = {
            "org": UserFactory(username="org-eva", email="eva@buddywerk.example"),
            "other_org": UserFactory(username="other-olivier", email="olivier@autre.example"),
            "campaign": UserFactory(username="campaign-carl", email="carl@campaign.example"),
        }
        users["org"].groups.add(Group.objects.get(name="Buddywerk Gent editors"))
        users["other_org"].groups.add(Group.objects.get(name="Autre Organisation editors"))
        users["campaign"].groups.add(ensure_campaign_groups()["editors"])
        yield {"programme": programme.pk, "users": {role: user.pk for role, user in users.items()}}


@pytest.fixture
def programme(keys, db):
    return ProgramPage.objects.get(pk=keys["programme"])


@pytest.fixture
def login(keys, client):
    def as_role(role):
        user = get_user_model().objects.get(pk=keys["users"][role])
        # The assertions read the admin's English texts (the admin follows the user's language).
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
        client.force_login(user)
        return client

    return as_role


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def refused(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def translate_into_french(client, programme):
    """The organisation editor's "Translate" (wagtail-localize), then French strings typed into its editor."""
    fr = Locale.objects.get(language_code="fr")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[programme.pk]), {"locales": [fr.pk]}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    page = in_locale(programme, "fr")
    assert page.alias_of_id is None
    translation = Translation.objects.get(source__object_id=programme.translation_key, target_locale=fr, enabled=True)
    for source_text, french in ((TITLE, TITLE_FR), (SUMMARY, SUMMARY_FR)):
        assert type_string(client, translation, source_text, french).status_code in (200, 201)
    return page, translation


def type_string(client, translation, source_text, text):
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded")


def public_text(client, page):
    client.logout()
    page = type(page).objects.get(pk=page.pk)
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def editor_props(html):
    element = BeautifulSoup(html, "html.parser").find(class_="js-translation-editor")
    return json.loads(element["data-props"])


def test_organisation_editor_saves_a_draft_but_cannot_publish(login, programme):
    client = login("org")
    page, translation = translate_into_french(client, programme)
    live_revision = page.live_revision_id

    editor = client.get(edit_url(page))
    html = editor.content.decode()
    assert editor.status_code == 200 and "js-translation-editor" in html
    assert editor_props(html)["perms"]["canPublish"] is False
    assert f'name="{SAVE_DRAFT}"' in html and f'name="{SUBMIT}"' in html
    assert "Submit to Campaign review" in html

    response = client.post(edit_url(page), {SAVE_DRAFT: "1"})
    assert response.status_code == 302 and response.url == edit_url(page)
    page = ProgramPage.objects.get(pk=page.pk)
    draft = page.get_latest_revision_as_object()
    assert (draft.title, draft.summary) == (TITLE_FR, SUMMARY_FR)
    assert page.has_unpublished_changes and page.live_revision_id == live_revision
    assert (page.title, page.summary) == (TITLE, SUMMARY)  # the live page is untouched

    # wagtail-localize's publish, and its sync with "Publish immediately", are refused or ignored.
    assert refused(client.post(edit_url(page), {"action": "publish"}))
    source = TranslationSource.objects.get(object_id=programme.translation_key)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert 'name="publish_translations"' in client.get(sync_url).content.decode()
    assert 'type="checkbox" name="publish_translations"' not in client.get(sync_url).content.decode()
    client.post(sync_url, {"publish_translations": "on"})
    page = ProgramPage.objects.get(pk=page.pk)
    assert page.title == TITLE and page.live_revision_id == live_revision
    assert TITLE_FR not in public_text(client, page)


def test_submitted_translation_goes_live_when_a_campaign_editor_approves(login, programme):
    client = login("org")
    page, _translation = translate_into_french(client, programme)
    mail.outbox.clear()

    response = client.post(edit_url(page), {SUBMIT: "1"})
    assert response.status_code == 302
    page = ProgramPage.objects.get(pk=page.pk)
    assert page.workflow_in_progress and page.current_workflow_task.name == "Approval by campaign editors"
    assert [m for m in mail.outbox if m.to == ["carl@campaign.example"]]
    assert TITLE_FR not in public_text(client, page)

    # While it waits, the organisation editor can neither change nor resubmit it.
    client = login("org")
    waiting = client.get(edit_url(page)).content.decode()
    assert "waiting for Campaign review" in waiting and f'name="{SAVE_DRAFT}"' not in waiting
    revision = page.latest_revision_id
    client.post(edit_url(page), {SAVE_DRAFT: "1"})
    assert ProgramPage.objects.get(pk=page.pk).latest_revision_id == revision

    client = login("campaign")
    html = client.get(edit_url(page)).content.decode()
    task_state = page.current_workflow_task_state
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert f'action="{approve_url}"' in html
    response = client.post(approve_url, {"next": edit_url(page)})
    assert response.status_code == 302

    page = ProgramPage.objects.get(pk=page.pk)
    assert (page.title, page.summary, page.live) == (TITLE_FR, SUMMARY_FR, True)
    assert not page.has_unpublished_changes
    assert WorkflowState.objects.filter(object_id=str(page.pk), status="approved").exists()
    html = public_text(client, page)
    assert TITLE_FR in html and SUMMARY_FR in html
    assert TITLE in public_text(client, programme)  # the Dutch source is unchanged


def test_changes_requested_then_resubmitted(login, programme):
    client = login("org")
    page, translation = translate_into_french(client, programme)
    client.post(edit_url(page), {SUBMIT: "1"})
    task_state = ProgramPage.objects.get(pk=page.pk).current_workflow_task_state

    client = login("campaign")
    reject_url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    client.post(reject_url, {"comment": "Binôme s'écrit avec un accent.", "next": edit_url(page)})

    client = login("org")
    html = client.get(edit_url(page)).content.decode()
    assert "asked for changes" in html and "Binôme s&#x27;écrit avec un accent." in html
    type_string(client, translation, TITLE, "Binôme de langue")
    assert client.post(edit_url(page), {SUBMIT: "1"}).status_code == 302
    page = ProgramPage.objects.get(pk=page.pk)
    assert page.workflow_in_progress and page.get_latest_revision_as_object().title == "Binôme de langue"
    assert page.current_workflow_state.pk == task_state.workflow_state_id  # the same workflow, resumed


def test_another_organisations_editor_can_do_none_of_it(login, programme):
    page, translation = translate_into_french(login("org"), programme)
    client = login("other_org")
    revision = ProgramPage.objects.get(pk=page.pk).latest_revision_id

    assert refused(client.get(edit_url(page)))
    for action in (SAVE_DRAFT, SUBMIT):
        assert refused(client.post(edit_url(page), {action: "1"}))
    assert refused(type_string(client, translation, TITLE, "Volé"))
    assert refused(client.post(reverse("wagtail_localize:submit_page_translation", args=[programme.pk]), {}))

    page = ProgramPage.objects.get(pk=page.pk)
    assert page.latest_revision_id == revision and not page.workflow_in_progress
    assert page.title == TITLE


def test_campaign_editors_keep_wagtail_localizes_publish(login, programme):
    page, _translation = translate_into_french(login("org"), programme)
    client = login("campaign")
    html = client.get(edit_url(page)).content.decode()
    assert editor_props(html)["perms"]["canPublish"] is True
    assert f'name="{SAVE_DRAFT}"' not in html  # nothing added: they publish from the editor
    client.post(edit_url(page), {"action": "publish"})
    assert re.search(re.escape(TITLE_FR), public_text(client, page))
