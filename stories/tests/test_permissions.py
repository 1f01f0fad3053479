"""Who may write stories: organisation editors draft their own (in their folder), campaign editors publish."""

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from wagtail.models import GroupPagePermission, Page, WorkflowState
from wagtail.users.models import UserProfile

from home.tests.factories import UserFactory
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from programs.tests.support import make_index, make_programme
from programs.workflow import ensure_campaign_review_workflow
from stories.models import OrganisationStoriesPage, StoryApprovalTask, StoryIndexPage, StoryPage
from stories.tests.support import create_story, make_story, make_story_index, valid_consent_form


@pytest.fixture
def site(home_page):
    make_index(home_page)
    story_index = make_story_index(home_page)
    org_a = onboard_organisation("Buddywerk Antwerpen")
    org_b = onboard_organisation("Duo Liège", source_locale="fr")
    ensure_campaign_review_workflow()
    programme_a = make_programme(org_a, "Taalbuddy Antwerpen")
    programme_b = make_programme(org_b.get_translation(org_a.locale), "Buddy Liège")
    editor_a = UserFactory(username="org-a")
    editor_a.groups.add(Group.objects.get(name="Buddywerk Antwerpen editors"))
    colleague_a = UserFactory(username="org-a-2")
    colleague_a.groups.add(Group.objects.get(name="Buddywerk Antwerpen editors"))
    editor_b = UserFactory(username="org-b")
    editor_b.groups.add(Group.objects.get(name="Duo Liège editors"))
    campaign = UserFactory(username="campaign")
    campaign.groups.add(ensure_campaign_groups()["editors"])
    folder = lambda organisation: OrganisationStoriesPage.objects.get(  # noqa: E731
        organisation__translation_key=organisation.translation_key, locale=story_index.locale
    )
    for user in (editor_a, colleague_a, editor_b, campaign):
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return {
        "index": story_index,
        "folder_a": folder(org_a),
        "folder_b": folder(org_b),
        "programme_a": programme_a,
        "programme_b": programme_b,
        "editor_a": editor_a,
        "colleague_a": colleague_a,
        "editor_b": editor_b,
        "campaign": campaign,
    }


@pytest.mark.django_db
def test_onboarding_gives_each_organisation_a_folder_in_every_locale_without_publish(site):
    for key in ("folder_a", "folder_b"):
        folders = OrganisationStoriesPage.objects.filter(translation_key=site[key].translation_key)
        assert sorted(folders.values_list("locale__language_code", flat=True)) == ["en", "fr", "nl"]
    group_a = Group.objects.get(name="Buddywerk Antwerpen editors")
    codenames = set(
        GroupPagePermission.objects.filter(
            group=group_a, page__in=Page.objects.type(OrganisationStoriesPage)
        ).values_list("permission__codename", flat=True)
    )
    assert codenames == {"add_page", "change_page", "lock_page", "unlock_page"}
    assert not GroupPagePermission.objects.filter(group=group_a, page__in=Page.objects.type(StoryIndexPage)).exists()


@pytest.mark.django_db
def test_organisation_editor_drafts_a_story_about_its_own_programme_and_submits_it(client, site):
    client.force_login(site["editor_a"])
    response = create_story(client, site["folder_a"], site["programme_a"], **valid_consent_form())
    assert response.status_code == 302, response.content.decode()[-3000:]
    story = StoryPage.objects.get(slug="samen-naar-de-markt")
    assert not story.live
    assert story.programme_id == site["programme_a"].pk
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Campaign review"
    task = state.current_task_state.task.specific
    assert isinstance(task, StoryApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == ["Campaign editors"]


@pytest.mark.django_db
def test_organisation_editor_cannot_choose_another_organisations_programme(client, site):
    client.force_login(site["editor_a"])
    response = client.get(reverse("wagtailadmin_pages:add", args=["stories", "storypage", site["folder_a"].pk]))
    choices = response.context["form"].fields["programme"].queryset
    assert site["programme_a"] in choices
    assert site["programme_b"] not in choices
    response = create_story(client, site["folder_a"], site["programme_b"], action="action-draft")
    assert response.status_code == 200
    assert "programme" in response.context["form"].errors
    assert not StoryPage.objects.filter(slug="samen-naar-de-markt").exists()
    # The model refuses it too, whoever saves it.
    story = make_story(site["folder_a"], programme=site["programme_a"], publish=False)
    story.programme = site["programme_b"]
    with translation.override("en"), pytest.raises(ValidationError, match="its own programmes"):
        story.full_clean()


@pytest.mark.django_db
def test_organisation_editor_cannot_publish_nor_write_outside_its_folder(client, site):
    client.force_login(site["editor_a"])
    create_story(client, site["folder_a"], site["programme_a"], action="action-publish", **valid_consent_form())
    story = StoryPage.objects.get(slug="samen-naar-de-markt")
    assert not story.live
    assert story.permissions_for_user(site["editor_a"]).can_edit()
    assert not story.permissions_for_user(site["editor_a"]).can_publish()
    for parent in (site["index"], site["folder_b"]):
        response = client.get(reverse("wagtailadmin_pages:add", args=["stories", "storypage", parent.pk]))
        assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_organisation_editor_cannot_see_or_edit_another_organisations_drafts(client, site):
    secret = make_story(site["folder_b"], "Geheim concept van Luik", programme=site["programme_b"], publish=False)
    urls = [
        reverse("wagtailadmin_explore", args=[site["folder_b"].pk]),
        reverse("wagtailadmin_pages:search") + "?q=Geheim",
        reverse("wagtailadmin_reports:site_history"),
    ]
    client.force_login(site["campaign"])
    for url in urls:  # the draft is there to be seen, by those who may
        assert "Geheim concept" in client.get(url).content.decode(), url
    client.force_login(site["editor_a"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[secret.pk])).status_code in (302, 403)
    assert client.get(reverse("wagtailadmin_pages:view_draft", args=[secret.pk])).status_code in (302, 403)
    assert client.get(reverse("wagtailadmin_pages:history", args=[secret.pk])).status_code in (302, 403)
    for url in [reverse("wagtailadmin_explore", args=[site["index"].pk]), *urls]:
        response = client.get(url)
        assert "Geheim concept" not in response.content.decode(), url


@pytest.mark.django_db
def test_colleagues_share_their_organisations_drafts(client, site):
    draft = make_story(site["folder_a"], "Concept van Eva", programme=site["programme_a"], publish=False)
    client.force_login(site["colleague_a"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).status_code == 200
    assert "Concept van Eva" in client.get(reverse("wagtailadmin_explore", args=[site["folder_a"].pk])).content.decode()


@pytest.mark.django_db
def test_campaign_editor_writes_anywhere_and_publishes(client, site):
    client.force_login(site["campaign"])
    response = create_story(
        client, site["index"], site["programme_b"], action="action-publish", slug="campagne", **valid_consent_form()
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert StoryPage.objects.get(slug="campagne", locale=site["index"].locale).live
