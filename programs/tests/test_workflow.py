"""The "Campaign review" workflow: organisation editors submit, campaign editors approve or reject."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowState, WorkflowTask

from home.tests.admin_support import edit_form, make_home, rolled_back, submit_for_moderation
from home.tests.factories import UserFactory
from programs.models import ProgramIndexPage, ProgramPage
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from programs.tests.support import in_locale, make_index, make_programme
from programs.workflow import ensure_campaign_review_workflow
from stories.models import StoryApprovalTask

OLD_SUMMARY = "Buddy's oefenen samen Nederlands."
NEW_SUMMARY = "Buddy's oefenen elke week samen Nederlands, ook online."


@pytest.fixture(scope="module")
def keys(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        index = make_index(make_home())
        organisation = onboard_organisation("Buddywerk Antwerpen")
        programme = make_programme(organisation, "Taalbuddy", summary=OLD_SUMMARY, regions=["BE-VAN"])
        org_editor = UserFactory(username="org-eva", email="eva@buddywerk.example")
        org_editor.groups.add(Group.objects.get(name="Buddywerk Antwerpen editors"))
        campaign_editor = UserFactory(username="campaign-carl", email="carl@campaign.example")
        campaign_editor.groups.add(ensure_campaign_groups()["editors"])
        yield {
            "index": index.pk,
            "programme": programme.pk,
            "org_editor": org_editor.pk,
            "campaign_editor": campaign_editor.pk,
        }


@pytest.fixture
def setup(keys, db):
    User = get_user_model()
    return {
        "index": ProgramIndexPage.objects.get(pk=keys["index"]),
        "programme": ProgramPage.objects.get(pk=keys["programme"]),
        "org_editor": User.objects.get(pk=keys["org_editor"]),
        "campaign_editor": User.objects.get(pk=keys["campaign_editor"]),
    }


def live(page):
    return type(page).objects.get(pk=page.pk)


def public_html(client, page):
    response = client.get(live(page).url)
    assert response.status_code == 200
    return response.content.decode()


def submit(client, setup):
    client.force_login(setup["org_editor"])
    response = submit_for_moderation(client, setup["programme"], summary=NEW_SUMMARY)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return live(setup["programme"]).current_workflow_task_state


def act(client, setup, action, comment=""):
    programme = setup["programme"]
    task_state = live(programme).current_workflow_task_state
    client.force_login(setup["campaign_editor"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[programme.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment})
    client.logout()
    return response


def test_the_workflow_is_created_once_and_covers_every_overview(setup):
    ensure_campaign_review_workflow()
    ensure_campaign_review_workflow()
    workflow = Workflow.objects.get(name="Campaign review")
    task = StoryApprovalTask.objects.get(name="Approval by campaign editors")
    assert list(task.groups.values_list("name", flat=True)) == ["Campaign editors"]
    assert [t.specific for t in workflow.tasks] == [task]
    assert set(WorkflowPage.objects.filter(workflow=workflow).values_list("page_id", flat=True)) == set(
        ProgramIndexPage.objects.values_list("pk", flat=True)
    )
    for code in ("nl", "fr", "en"):
        assert in_locale(setup["programme"], code).get_workflow() == workflow


def test_submission_notifies_campaign_editors_and_leaves_the_public_page(client, setup):
    task_state = submit(client, setup)

    programme = live(setup["programme"])
    assert task_state is not None and task_state.task.name == "Approval by campaign editors"
    assert programme.summary == OLD_SUMMARY and programme.has_unpublished_changes
    assert OLD_SUMMARY in public_html(client, programme) and NEW_SUMMARY not in public_html(client, programme)
    to_campaign = [m for m in mail.outbox if m.to == ["carl@campaign.example"]]
    assert to_campaign and "Taalbuddy" in to_campaign[0].body
    assert not [m for m in mail.outbox if m.to == ["eva@buddywerk.example"]]


def test_approval_publishes_and_tells_the_submitter(client, setup):
    submit(client, setup)
    mail.outbox.clear()

    response = act(client, setup, "approve")

    assert response.status_code == 302
    programme = live(setup["programme"])
    assert programme.summary == NEW_SUMMARY and not programme.has_unpublished_changes
    assert NEW_SUMMARY in public_html(client, programme)
    # Every locale's alias follows the source at once.
    assert NEW_SUMMARY in public_html(client, in_locale(programme, "fr"))
    assert programme.last_verified == timezone.localdate()  # publishing confirms the listing
    assert WorkflowState.objects.get(base_content_type__model="page", object_id=str(programme.pk)).status == "approved"
    to_submitter = [m for m in mail.outbox if m.to == ["eva@buddywerk.example"]]
    assert len(to_submitter) == 1
    assert "Taalbuddy" in to_submitter[0].subject and "Campaign review" in to_submitter[0].subject


def autosave(client, page, data):
    """The edit view's autosave, as Wagtail's JavaScript posts it in the background."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, data, headers={"accept": "application/json"})


def test_an_autosave_still_saves_a_draft(client, setup):
    programme = setup["programme"]
    client.force_login(setup["org_editor"])
    data = edit_form(client, programme) | {"summary": NEW_SUMMARY}

    response = autosave(client, programme, data)

    assert response.status_code == 200 and response.json()["success"], response.content.decode()[:2000]
    assert live(programme).get_latest_revision_as_object().summary == NEW_SUMMARY
    assert live(programme).summary == OLD_SUMMARY


def test_an_autosave_overtaken_by_the_submission_saves_nothing_so_approval_publishes(client, setup):
    """The browser's autosave can be in flight when the editor clicks "Submit".

    Here the submission commits after the edit view read the latest revision for the
    autosave but before the autosave saved (the hook below runs first of all
    before_edit_page hooks). Were the autosave saved, its revision would follow the
    submitted one, the approval would count for the submitted one only (reapproval on
    edit), the workflow would ask again, and the old summary would stay live.
    """
    programme = setup["programme"]
    org_editor = setup["org_editor"]
    client.force_login(org_editor)
    data = edit_form(client, programme) | {"summary": NEW_SUMMARY}

    def submission_commits_meanwhile(request, page):
        submitted = ProgramPage.objects.get(pk=programme.pk)
        submitted.summary = NEW_SUMMARY
        submitted.save_revision(user=org_editor)
        submitted.get_workflow().start(submitted, org_editor)

    with hooks.register_temporarily("before_edit_page", submission_commits_meanwhile, order=-1000):
        response = autosave(client, programme, data)
    client.logout()

    assert response.status_code == 400 and response.json()["error_code"] == "invalid_revision"
    task_state = live(programme).current_workflow_task_state
    assert live(programme).latest_revision_id == task_state.revision_id
    assert act(client, setup, "approve").status_code == 302
    programme = live(programme)
    assert programme.summary == NEW_SUMMARY and not programme.workflow_in_progress


def test_rejection_with_a_comment_leaves_the_public_page_and_tells_the_submitter(client, setup):
    submit(client, setup)
    mail.outbox.clear()

    response = act(client, setup, "reject", comment="Graag ook de startdatum vermelden.")

    assert response.status_code == 302
    programme = live(setup["programme"])
    assert programme.summary == OLD_SUMMARY
    assert OLD_SUMMARY in public_html(client, programme) and NEW_SUMMARY not in public_html(client, programme)
    assert programme.get_latest_revision_as_object().summary == NEW_SUMMARY  # the draft is kept for rework
    to_submitter = [m for m in mail.outbox if m.to == ["eva@buddywerk.example"]]
    assert len(to_submitter) == 1
    assert "Graag ook de startdatum vermelden." in to_submitter[0].body


def test_an_organisation_editor_cannot_approve_its_own_submission(client, setup):
    task_state = submit(client, setup)
    programme = setup["programme"]
    client.force_login(setup["org_editor"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[programme.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")
    assert live(programme).summary == OLD_SUMMARY


def test_an_organisation_editor_cannot_publish_directly(client, setup):
    client.force_login(setup["org_editor"])
    from home.tests.admin_support import edit_form

    programme = setup["programme"]
    data = edit_form(client, programme)
    data.update(summary=NEW_SUMMARY, **{"action-publish": "action-publish"})
    client.post(reverse("wagtailadmin_pages:edit", args=[programme.pk]), data)
    assert live(programme).summary == OLD_SUMMARY
    assert OLD_SUMMARY in public_html(client, programme)


def test_a_programme_added_by_an_organisation_editor_waits_for_review(client, setup):
    organisation = setup["programme"].get_parent()
    client.force_login(setup["org_editor"])
    add_url = reverse("wagtailadmin_pages:add", args=["programs", "programpage", organisation.pk])
    from home.tests.admin_support import form_data

    data = form_data(client.get(add_url).content.decode())
    data.update(
        {
            "title": "Fietsbuddy",
            "slug": "fietsbuddy",
            "summary": "Samen leren fietsen in Antwerpen.",
            "regions": [str(pk) for pk in setup["programme"].regions.values_list("pk", flat=True)],
            "action-submit": "action-submit",
        }
    )
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    new = ProgramPage.objects.get(title="Fietsbuddy")
    assert not new.live and new.workflow_in_progress
    assert [m for m in mail.outbox if m.to == ["carl@campaign.example"]]


def test_a_plain_approval_task_left_from_before_is_replaced(setup):
    workflow = ensure_campaign_review_workflow()
    old_task = GroupApprovalTask.objects.create(name="Approval by campaign editors")
    WorkflowTask.objects.create(workflow=workflow, task=old_task, sort_order=5)
    assert ensure_campaign_review_workflow() == workflow
    assert [type(t.specific) for t in workflow.tasks] == [StoryApprovalTask]
    old_task.refresh_from_db()
    assert not old_task.active


def test_the_edit_view_does_not_autosave_behind_a_submission(setup, client):
    client.force_login(setup["campaign_editor"])
    html = client.get(f"/admin/pages/{setup['programme'].pk}/edit/").content.decode()
    assert "data-w-autosave-interval-value" not in html
