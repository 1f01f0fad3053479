"""Consent rules: no publication without valid consent on any publish path, expiry unpublishes, one warning."""

import datetime
from unittest import mock

import pytest

from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import TaskState, WorkflowPage, WorkflowState
from wagtail.users.models import UserProfile

from home.tests.factories import UserFactory
from home.translation import translate_instance
from programs.onboarding import ensure_campaign_groups
from programs.tests.support import make_index, make_organisation, make_programme
from programs.workflow import ensure_campaign_review_workflow
from stories import consent
from stories.consent import ConsentRequired
from stories.models import ConsentWarning, StoryApprovalTask, StoryPage
from stories.tests.support import (
    create_story,
    make_portrait,
    make_story,
    make_story_index,
    story_edit_data,
    valid_consent_form,
)
from stories.wagtail_hooks import refuse_story_without_consent

TODAY = timezone.localdate()
NO_CONSENT = {"consent_received": False, "consent_date": None, "consent_expiry_date": None}


@pytest.fixture
def index(home_page):
    return make_story_index(home_page)


@pytest.fixture
def programme(home_page):
    return make_programme(make_organisation(make_index(home_page), "Buddywerk"), "Taalbuddy")


@pytest.fixture
def editor(db):
    user = UserFactory(username="campaign-editor", email="editor@campaign.example")
    user.groups.add(ensure_campaign_groups()["editors"])
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


def live(page):
    return StoryPage.objects.get(pk=page.pk)


def errors(response):
    """The form's errors as English text (they are lazy, and the test's own language is Dutch)."""
    with translation.override("en"):
        return {name: " ".join(str(e) for e in messages) for name, messages in response.context["form"].errors.items()}


# The publish paths ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_edit_view_refuses_to_publish_without_consent_with_clear_errors(client, index, programme, editor):
    story = make_story(index, programme=programme, publish=False, **NO_CONSENT)
    client.force_login(editor)
    data = story_edit_data(client, story)
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert response.status_code == 200
    found = errors(response)
    assert "signed consent form is received" in found["consent_received"]
    assert "consent_expiry_date" in found
    assert not live(story).live

    data.update(consent_received="on", consent_date=str(TODAY), consent_expiry_date=str(TODAY - datetime.timedelta(1)))
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert "cannot expire before it was given" in errors(response)["consent_expiry_date"]
    assert not live(story).live

    data.update(consent_expiry_date=str(TODAY + datetime.timedelta(days=200)))
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert response.status_code == 302
    assert live(story).live


@pytest.mark.django_db
def test_create_view_refuses_to_publish_without_consent(client, index, programme, editor):
    client.force_login(editor)
    response = create_story(client, index, programme, action="action-publish")
    assert response.status_code == 200
    assert "signed consent form is received" in errors(response)["consent_received"]
    assert not StoryPage.objects.filter(slug="samen-naar-de-markt").exists()
    response = create_story(client, index, programme, action="action-publish", **valid_consent_form())
    assert response.status_code == 302
    assert StoryPage.objects.get(slug="samen-naar-de-markt", locale=index.locale).live


def bulk_publish(client, *pages, include_descendants=False, next_url="/admin/pages/"):
    ids = "&".join(f"id={page.pk}" for page in pages)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?{ids}&next={next_url}"
    return client.post(url, {"include_descendants": "on" if include_descendants else ""}, follow=True)


def assert_consent_message(response, title):
    """The editor sees why the story was not published, and not Wagtail's generic refusal."""
    html = response.content.decode()
    assert response.status_code == 200
    assert "cannot be published because its consent is missing or has expired" in html
    assert title in html
    assert "Consent tab" in html
    assert "do not have permission" not in html


@pytest.mark.django_db
def test_bulk_publishing_refuses_a_story_without_consent_and_says_why(client, index, programme, editor):
    refused = make_story(index, "Zonder toestemming", programme=programme, publish=False, **NO_CONSENT)
    allowed = make_story(index, "Met toestemming", programme=programme, publish=False)
    client.force_login(editor)
    response = bulk_publish(client, refused, allowed)
    assert response.redirect_chain[-1][0] == "/admin/pages/"
    assert_consent_message(response, "Zonder toestemming")
    assert "Nothing was published." in response.content.decode()
    assert not live(refused).live
    assert not live(allowed).live, "all or nothing: the selection is published as a whole"

    response = bulk_publish(client, allowed)
    assert "1 page has been published" in response.content.decode()
    assert live(allowed).live


@pytest.mark.django_db
def test_bulk_publishing_with_descendants_refuses_a_draft_story_without_consent(client, index, programme, editor):
    refused = make_story(index, "Zonder toestemming", programme=programme, publish=False, **NO_CONSENT)
    client.force_login(editor)
    response = bulk_publish(client, index, include_descendants=True)
    assert_consent_message(response, "Zonder toestemming")
    assert not live(refused).live


@pytest.mark.django_db
def test_bulk_publishing_checks_the_latest_revision(client, index, programme, editor):
    story = make_story(index, "Verlopen concept", programme=programme, publish=False)
    draft = live(story)
    draft.consent_received = False
    draft.save_revision(user=editor)
    client.force_login(editor)
    assert_consent_message(bulk_publish(client, story), "Verlopen concept")
    assert not live(story).live


@pytest.mark.django_db
def test_saving_a_draft_needs_no_consent(client, index, programme, editor):
    story = make_story(index, programme=programme, publish=False, **NO_CONSENT)
    client.force_login(editor)
    data = story_edit_data(client, story)
    data["title"] = "Nieuwe titel"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert response.status_code == 302
    assert live(story).get_latest_revision_as_object().title == "Nieuwe titel"


@pytest.mark.django_db
def test_before_publish_hook_sends_the_editor_back_with_a_message(rf, index, programme, editor):
    story = make_story(index, programme=programme, publish=False, **NO_CONSENT)
    request = rf.post("/")
    request.user = editor
    request.session = {}
    request._messages = mock.MagicMock()
    response = refuse_story_without_consent(request, story)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[story.pk])
    story_with_consent = make_story(index, programme=programme, publish=False)
    assert refuse_story_without_consent(request, story_with_consent) is None


@pytest.mark.django_db
def test_model_publish_refuses_for_a_person_and_skips_when_unattended(index, programme, editor):
    story = make_story(index, programme=programme, publish=False, **NO_CONSENT)
    with translation.override("en"), pytest.raises(ConsentRequired, match="signed consent form"):
        story.save_revision(user=editor).publish(user=editor)
    assert not live(story).live
    assert live(story).save_revision().publish() is None
    assert not live(story).live


def submitted(index, programme, editor, title, **fields):
    story = make_story(index, title, programme=programme, publish=False, **fields)
    story.get_workflow().start(story, editor)
    return live(story), live(story).current_workflow_task_state


def approve_url(story, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])


@pytest.mark.django_db
def test_stories_are_reviewed_by_a_task_that_checks_consent(index, programme, editor):
    ensure_campaign_review_workflow()
    story, task_state = submitted(index, programme, editor, "Ingediend")
    assert story.get_workflow().name == "Campaign review"
    assert isinstance(task_state.task.specific, StoryApprovalTask)


@pytest.mark.django_db
def test_approving_from_the_dashboard_without_consent_says_why(client, index, programme, editor):
    ensure_campaign_review_workflow()
    story, task_state = submitted(index, programme, editor, "Zonder toestemming", **NO_CONSENT)
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert approve_url(story, task_state) in dashboard, "the Awaiting your review panel posts to this URL"

    # The panel's "Approve" button posts a form to the workflow action URL, with the dashboard as next.
    response = client.post(approve_url(story, task_state), {"comment": "", "next": "/admin/"})
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[story.pk]) + "?consent=required"
    assert_consent_message(client.get(response.url), "Zonder toestemming")
    assert not live(story).live
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == WorkflowState.STATUS_IN_PROGRESS

    # "Approve with comment" opens the modal and posts it with XMLHttpRequest; the modal follows "redirect".
    modal = client.get(approve_url(story, task_state), headers={"x-requested-with": "XMLHttpRequest"})
    assert modal.status_code == 200
    response = client.post(
        approve_url(story, task_state), {"comment": "Mooi"}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["step"] == "success"
    assert_consent_message(client.get(data["redirect"]), "Zonder toestemming")
    assert not live(story).live
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_approving_from_the_edit_view_without_consent_says_why(client, index, programme, editor):
    ensure_campaign_review_workflow()
    story, task_state = submitted(index, programme, editor, "Zonder toestemming", **NO_CONSENT)
    client.force_login(editor)
    data = story_edit_data(client, story)
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert response.status_code == 200
    assert "signed consent form is received" in errors(response)["consent_received"]
    assert "do not have permission" not in response.content.decode()
    assert not live(story).live
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS

    # The footer's "Approve with comment" collects the comment in a modal, then posts the same form.
    collect = reverse("wagtailadmin_pages:collect_workflow_action_data", args=[story.pk, "approve", task_state.pk])
    response = client.post(collect, {"comment": "Mooi"}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.json()["step"] == "success"
    data["workflow-action-extra-data"] = '{"comment": "Mooi"}'
    response = client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert "consent_received" in errors(response)
    assert not live(story).live


@pytest.mark.django_db
def test_approving_a_story_with_consent_publishes_it_from_every_workflow_path(client, index, programme, editor):
    ensure_campaign_review_workflow()
    client.force_login(editor)
    story, task_state = submitted(index, programme, editor, "Dashboard")
    assert client.post(approve_url(story, task_state), {"comment": ""}).status_code == 302
    assert live(story).live

    story, task_state = submitted(index, programme, editor, "Modaal")
    response = client.post(
        approve_url(story, task_state), {"comment": "Mooi"}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert "consent=required" not in response.json()["redirect"]
    assert live(story).live

    # From the edit view the reviewer's edits are approved too; with WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT
    # the changed revision then needs its own approval, which publishes it.
    story, task_state = submitted(index, programme, editor, "Bewerken")
    data = story_edit_data(client, story)
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    assert client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data).status_code == 302
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    task_state = live(story).current_workflow_task_state
    assert task_state.revision_id == live(story).latest_revision_id
    assert client.post(approve_url(story, task_state), {"comment": ""}).status_code == 302
    assert live(story).live


@pytest.mark.django_db
def test_approval_under_another_workflow_is_still_refused(index, programme, editor):
    """A story on a plain group approval workflow (say, assigned by hand): the last guard still refuses."""
    campaign = ensure_campaign_review_workflow()
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": campaign})
    story, task_state = submitted(index, programme, editor, "Zonder toestemming", **NO_CONSENT)
    assert story.get_workflow() == campaign
    with pytest.raises(ConsentRequired):
        task_state.specific.approve(user=editor)
    assert not live(story).live
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS


@pytest.mark.django_db
def test_the_edit_view_names_nothing_once_consent_is_recorded(client, index, programme, editor):
    story = make_story(index, "Met toestemming", programme=programme, publish=False)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]) + "?consent=required").content.decode()
    assert "cannot be published because" not in html


@pytest.mark.django_db
def test_scheduled_publishing_skips_a_story_without_consent_and_publishes_the_rest(index, programme):
    past = timezone.now() - datetime.timedelta(minutes=5)
    refused = make_story(index, programme=programme, publish=False, **NO_CONSENT)
    allowed = make_story(index, programme=programme, publish=False)
    for story in (refused, allowed):
        revision = story.save_revision()
        revision.approved_go_live_at = past
        revision.save(update_fields=["approved_go_live_at"])
    call_command("publish_scheduled")
    assert not live(refused).live
    assert live(allowed).live
    assert not live(refused).revisions.filter(approved_go_live_at__isnull=False).exists()


@pytest.mark.django_db
def test_a_portrait_without_credit_line_is_refused(index, programme):
    portrait = make_portrait(credit="")
    with translation.override("en"), pytest.raises(ValidationError, match="no credit line"):
        make_story(index, programme=programme, publish=False, portrait=portrait)
    portrait.credit = "© UNHCR/Studio COSMO"
    portrait.save()
    make_story(index, programme=programme, publish=False, portrait=portrait).full_clean()


# Expiry --------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_consent_expiry_sets_expire_at_in_every_locale_and_unpublishes(index, programme):
    expiry = TODAY + datetime.timedelta(days=40)
    story = make_story(index, "Samen fietsen", programme=programme, consent_expiry_date=expiry)
    strings = {
        "Samen fietsen": "Cycling together",
        "samen-fietsen": "cycling-together",
        "Sara en Yonas": "Sara and Yonas",
        "We koken elke week samen.": "We cook together every week.",
        "Twee mensen lachen in een park": "Two people laughing in a park",
        "Ze ontmoetten elkaar in de bib.": "They met in the library.",
    }
    translate_instance(live(story), "en", strings)
    moment = consent.expiry_moment(expiry)
    assert moment.astimezone(timezone.get_current_timezone()).time() == datetime.time(0, 0)
    versions = StoryPage.objects.filter(translation_key=story.translation_key)
    assert sorted(versions.values_list("locale__language_code", flat=True)) == ["en", "fr", "nl"]
    assert {v.expire_at for v in versions} == {moment}
    assert all(v.live for v in versions)

    # The source's consent is renewed: every locale follows.
    renewed = live(story)
    renewed.consent_expiry_date = expiry + datetime.timedelta(days=365)
    renewed.save_revision().publish()
    assert {v.expire_at for v in versions.all()} == {consent.expiry_moment(renewed.consent_expiry_date)}

    later = consent.expiry_moment(renewed.consent_expiry_date) + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    assert not any(v.live for v in versions.all())
    assert all(v.expired for v in versions.all())


@pytest.mark.django_db
def test_expiry_follows_the_consent_not_the_form(client, index, programme, editor):
    story = make_story(index, programme=programme, publish=False)
    client.force_login(editor)
    data = story_edit_data(client, story)
    data["expire_at"] = "2030-01-01 10:00"
    data["action-publish"] = "action-publish"
    assert client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data).status_code == 302
    assert live(story).live
    assert live(story).expire_at == consent.expiry_moment(story.consent_expiry_date)


# Warnings ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_consent_warning_is_sent_once_per_story_and_expiry(index, programme, editor):
    soon = make_story(index, "Bijna verlopen", programme=programme, consent_expiry_date=TODAY + datetime.timedelta(20))
    make_story(index, "Nog lang geldig", programme=programme, consent_expiry_date=TODAY + datetime.timedelta(90))
    make_story(index, "Concept", programme=programme, publish=False, consent_expiry_date=TODAY + datetime.timedelta(5))

    call_command("send_consent_warnings")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["editor@campaign.example"]
    assert "Bijna verlopen" in mail.outbox[0].subject
    assert reverse("wagtailadmin_pages:edit", args=[soon.pk]) in mail.outbox[0].body

    call_command("send_consent_warnings")
    call_command("send_consent_warnings")
    assert len(mail.outbox) == 1
    assert ConsentWarning.objects.count() == 1

    # A renewed consent that again ends within 30 days is warned about in its turn.
    renewed = live(soon)
    renewed.consent_expiry_date = TODAY + datetime.timedelta(days=25)
    renewed.save_revision().publish()
    call_command("send_consent_warnings")
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_dashboard_panel_lists_stories_whose_consent_ends_soon(client, index, programme, editor):
    make_story(index, "Bijna verlopen", programme=programme, consent_expiry_date=TODAY + datetime.timedelta(10))
    make_story(index, "Nog lang geldig", programme=programme, consent_expiry_date=TODAY + datetime.timedelta(90))
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Story consent" in html
    assert "Bijna verlopen" in html
    assert "Nog lang geldig" not in html
