"""One home for roles (home/permissions.py): rights as permissions, organisations' groups tied by a link.

An organisation's editors' group is found through its `OrganisationGroup`
link, never by a name; a name whose group or collection belongs to someone
else is refused before anything is written, whichever way onboarding is
asked for (function, admin view, command), and an invitation only ever adds a
person to the organisation's own group.
"""

import importlib

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from home import permissions
from home.models import OrganisationGroup
from home.tests.factories import UserFactory
from programs.models import OrganisationPage
from programs.onboarding import OnboardingError, ensure_campaign_groups, onboard, onboard_organisation
from programs.tests.support import make_index

User = get_user_model()


@pytest.fixture
def index(home_page):
    return make_index(home_page)


@pytest.fixture
def groups(index):
    return ensure_campaign_groups()


def counts():
    return (
        Page.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
        User.objects.count(),
        OrganisationGroup.objects.count(),
        GroupPagePermission.objects.count(),
    )


# The "Campaign" → "Campaign editors" case ----------------------------------------------------------------------


def test_an_organisation_called_campaign_is_refused_and_nobody_joins_the_campaign_editors(groups, mailoutbox):
    existing_editor = UserFactory(username="eva", email="eva@buddywerk.example")
    page = onboard_organisation("Buddywerk Gent")
    existing_editor.groups.add(permissions.organisation_group(page.translation_key))
    before = counts()

    for invite in ("new@campaign.example", "eva@buddywerk.example"):
        with translation.override("en"), pytest.raises(OnboardingError, match="“Campaign editors”"):
            onboard("Campaign", invite_email=invite)

    assert counts() == before
    assert not OrganisationPage.objects.filter(title="Campaign").exists()
    assert list(groups["editors"].user_set.all()) == []
    assert set(existing_editor.groups.values_list("name", flat=True)) == {"Buddywerk Gent editors"}
    assert mailoutbox == []


def test_the_campaign_groups_names_are_refused_even_before_they_exist(index):
    Group.objects.filter(name__in=permissions.CAMPAIGN_GROUPS).delete()
    with translation.override("en"), pytest.raises(permissions.OrganisationNameTaken, match="Campaign editors"):
        permissions.check_organisation_name("Campaign")


@pytest.mark.parametrize("taken", ["group", "collection"])
def test_a_name_whose_group_or_collection_belongs_to_someone_else_is_refused(groups, taken):
    if taken == "group":
        Group.objects.create(name="Persdienst editors")
    else:
        Collection.get_first_root_node().add_child(instance=Collection(name="Persdienst"))
    before = counts()
    with translation.override("en"), pytest.raises(OnboardingError, match="Choose another name"):
        onboard("Persdienst")
    assert counts() == before


def test_the_add_organisation_view_says_why_the_name_is_refused(client, groups, mailoutbox):
    editor = UserFactory(username="campaign-carl")
    editor.groups.add(groups["editors"])
    client.force_login(editor)
    with translation.override("en"):
        response = client.post(
            reverse("programs_admin:add_organisation"),
            {"name": "Campaign", "source_locale": "nl", "invite_email": "new@campaign.example"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "“Campaign editors”" in " ".join(errors.get("name", []) + errors.get("__all__", []))
    assert not OrganisationPage.objects.filter(title="Campaign").exists()
    assert not User.objects.filter(email="new@campaign.example").exists()
    assert list(groups["editors"].user_set.values_list("username", flat=True)) == ["campaign-carl"]
    assert mailoutbox == []


def test_the_command_refuses_the_name_with_a_command_error(groups):
    with translation.override("en"), pytest.raises(CommandError, match="“Campaign editors”"):
        call_command("add_organisation", "Campaign", "--invite", "new@campaign.example")
    assert not OrganisationPage.objects.filter(title="Campaign").exists()
    assert not User.objects.filter(email="new@campaign.example").exists()


# The link --------------------------------------------------------------------------------------------------------


def test_onboarding_links_the_group_and_the_collection_to_the_organisation(groups):
    page = onboard_organisation("Buddywerk Gent")
    link = OrganisationGroup.objects.get()
    assert link.organisation_key == page.translation_key and link.name == "Buddywerk Gent"
    assert link.group.name == "Buddywerk Gent editors" and link.collection.name == "Buddywerk Gent"
    assert permissions.organisation_group(page.translation_key) == link.group


def test_the_group_is_found_by_its_link_whatever_it_is_called_now(groups, mailoutbox):
    page = onboard_organisation("Buddywerk Gent")
    own = permissions.organisation_group(page.translation_key)
    own.name = "Buddywerk Gent: redactie"
    own.save()
    lookalike = Group.objects.create(name="Buddywerk Gent editors")  # made by hand, belongs to nobody
    before = counts()

    result = onboard("Buddywerk Gent", invite_email="eva@buddywerk.example")

    assert result.page.pk == page.pk and result.group == own
    invited = User.objects.get(email="eva@buddywerk.example")
    assert list(invited.groups.all()) == [own]
    assert not lookalike.user_set.exists()
    assert counts()[:3] == (before[0], before[1], before[2])  # no new page, group or collection


def test_existing_groups_are_linked_by_the_migration_and_a_hijacked_campaign_group_is_not(groups):
    """programs/migrations/0006 on data made before links: a group per organisation, found by name then."""
    page = onboard_organisation("Buddywerk Gent")
    hijacked = onboard_organisation("Duo Luik", source_locale="fr")
    editors_group = permissions.organisation_group(page.translation_key)
    collection = Collection.objects.get(name="Buddywerk Gent")
    # As before links: the organisation "Duo Luik" had been given the campaign editors' group.
    duo_group = permissions.organisation_group(hijacked.translation_key)
    for grant in GroupPagePermission.objects.filter(group=duo_group):
        GroupPagePermission.objects.get_or_create(group=groups["editors"], page=grant.page, permission=grant.permission)
    OrganisationGroup.objects.all().delete()
    duo_group.delete()

    migration = importlib.import_module("programs.migrations.0006_link_organisation_groups")
    migration.link_groups(apps, None)

    link = OrganisationGroup.objects.get()
    assert (link.organisation_key, link.group, link.collection, link.name) == (
        page.translation_key,
        editors_group,
        collection,
        "Buddywerk Gent",
    )
    assert not OrganisationGroup.objects.filter(group=groups["editors"]).exists()


# Rights are permissions ---------------------------------------------------------------------------------------


def test_campaign_rights_are_permissions_held_by_the_campaign_groups(groups):
    onboard_organisation("Buddywerk Gent")
    editor, admin, translator, org_editor, lone = (UserFactory(username=name) for name in "eatol")
    editor.groups.add(groups["editors"])
    admin.groups.add(groups["admins"])
    translator.groups.add(groups["Translators"])
    org_editor.groups.add(Group.objects.get(name="Buddywerk Gent editors"))
    for user, expected in ((editor, True), (admin, True), (translator, False), (org_editor, False)):
        user = User.objects.get(pk=user.pk)
        assert permissions.may_onboard(user) is expected, user
        assert permissions.is_campaign_staff(user) is expected, user
    # A permission, not a group's name: granted on its own it is enough, and renaming the group changes nothing.
    lone.user_permissions.add(Permission.objects.get(content_type__app_label="home", codename="onboard_organisation"))
    assert permissions.may_onboard(User.objects.get(pk=lone.pk))
    groups["editors"].name = "UNHCR redactie"
    groups["editors"].save()
    assert permissions.may_onboard(User.objects.get(pk=editor.pk))


def test_campaign_rights_are_offered_in_the_group_editor(client, groups):
    admin = UserFactory(username="admin", is_superuser=True)
    client.force_login(admin)
    html = client.get(reverse("wagtailusers_groups:edit", args=[groups["editors"].pk])).content.decode()
    onboard_right = Permission.objects.get(content_type__app_label="home", codename="onboard_organisation")
    assert f'value="{onboard_right.pk}"' in html


def test_organisation_editors_get_their_pages_folder_and_collection_only(groups):
    page = onboard_organisation("Buddywerk Gent")
    group = permissions.organisation_group(page.translation_key)
    versions = set(Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True))
    granted = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True))
    assert versions <= granted
    assert set(GroupPagePermission.objects.filter(group=group).values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
        "lock_page",
        "unlock_page",
    }
    assert set(GroupCollectionPermission.objects.filter(group=group).values_list("collection__name", flat=True)) == {
        "Buddywerk Gent"
    }
