"""Onboarding organisations: pages in every locale, editors' group, collection, invitation."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, WorkflowPage

from home.tests.factories import UserFactory
from programs.models import OrganisationPage, ProgramIndexPage
from programs.onboarding import OnboardingError, ensure_campaign_groups, onboard, onboard_organisation
from programs.tests.support import make_index

User = get_user_model()


@pytest.fixture
def index(home_page):
    return make_index(home_page)


@pytest.fixture
def campaign_admin(index):
    user = UserFactory(username="admin-anna")
    user.groups.add(ensure_campaign_groups()["admins"])
    return user


def page_permissions(group):
    return set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission__codename"))


def test_onboarding_creates_pages_group_collection_and_workflow(index):
    page = onboard_organisation("Buddywerk Gent", website="https://buddywerk.example", email="info@buddywerk.example")

    assert isinstance(page, OrganisationPage)
    assert page.locale.language_code == "nl" and page.live and page.alias_of_id is None
    assert page.get_parent().pk == index.pk
    versions = OrganisationPage.objects.filter(translation_key=page.translation_key)
    assert sorted(versions.values_list("locale__language_code", flat=True)) == ["en", "fr", "nl"]
    assert all(v.alias_of_id == page.pk for v in versions if v.pk != page.pk)

    group = Group.objects.get(name="Buddywerk Gent editors")
    expected = {(v.pk, c) for v in versions for c in ("add_page", "change_page", "lock_page", "unlock_page")}
    assert page_permissions(group) == expected  # never publish: changes go through the workflow
    assert group.permissions.filter(codename="access_admin").exists()

    collection = Collection.objects.get(name="Buddywerk Gent")
    assert collection.get_parent().is_root()
    holders = set(GroupCollectionPermission.objects.filter(collection=collection).values_list("group__name", flat=True))
    assert holders == {"Buddywerk Gent editors"}
    assert set(
        GroupCollectionPermission.objects.filter(collection=collection).values_list("permission__codename", flat=True)
    ) == {
        "add_image",
        "change_image",
        "choose_image",
        "delete_image",
        "add_document",
        "change_document",
        "choose_document",
        "delete_document",
    }

    for overview in ProgramIndexPage.objects.all():
        assert WorkflowPage.objects.get(page=overview).workflow.name == "Campaign review"
    assert page.get_workflow().name == "Campaign review"


def test_onboarding_again_updates_and_never_duplicates(index):
    first = onboard_organisation("Buddywerk Gent", invite_email="eva@buddywerk.example")
    counts = (
        Page.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
        User.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )

    result = onboard("Buddywerk Gent", website="https://nieuw.example", invite_email="eva@buddywerk.example")

    assert result.page.pk == first.pk and not result.created
    assert result.updated_fields == ["website"]
    assert OrganisationPage.objects.get(pk=first.pk).website == "https://nieuw.example"
    assert (
        Page.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
        User.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    ) == counts


def test_onboarding_finds_an_organisation_renamed_by_its_editors(index):
    page = onboard_organisation("Buddywerk Gent")
    page.title = "Buddywerk Gent vzw"
    page.save_revision().publish()

    again = onboard_organisation("Buddywerk Gent")

    assert again.pk == page.pk
    assert OrganisationPage.objects.filter(alias_of__isnull=True).count() == 1


def test_a_french_organisation_is_written_in_french_and_mirrored_elsewhere(index):
    page = onboard_organisation("Duo pour un accueil", source_locale="fr")

    assert page.locale.language_code == "fr"
    assert page.get_parent().locale.language_code == "fr"
    aliases = OrganisationPage.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    assert sorted(aliases.values_list("locale__language_code", flat=True)) == ["en", "nl"]
    assert all(alias.alias_of_id == page.pk for alias in aliases)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"name": "   "}, "needs a name"),
        ({"name": "x" * 101}, "at most 100"),
        ({"name": "Ok", "website": "not a url"}, "website"),
        ({"name": "Ok", "email": "nobody"}, "e-mail"),
        ({"name": "Ok", "invite_email": "eva@"}, "e-mail"),
        ({"name": "Ok", "source_locale": "de"}, "Unknown language"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(index, kwargs, message):
    before = (Page.objects.count(), Group.objects.count(), Collection.objects.count(), User.objects.count())
    with pytest.raises(OnboardingError, match=message), translation.override("en"):
        onboard(**kwargs)
    assert (Page.objects.count(), Group.objects.count(), Collection.objects.count(), User.objects.count()) == before


def test_without_an_overview_in_that_language_nothing_is_written(home_page):
    before = (Page.objects.count(), Group.objects.count(), Collection.objects.count())
    with pytest.raises(OnboardingError, match="no programme overview"), translation.override("en"):
        onboard_organisation("Buddywerk Gent")
    assert (Page.objects.count(), Group.objects.count(), Collection.objects.count()) == before


def test_invitation_is_sent_after_commit_in_the_organisations_language(index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        onboard_organisation("Duo pour un accueil", source_locale="fr", invite_email="Eva@Duo.example")

    user = User.objects.get(email__iexact="eva@duo.example")
    assert user.is_active and not user.has_usable_password()
    assert user.groups.filter(name="Duo pour un accueil editors").exists()
    assert user.wagtail_userprofile.preferred_language == "fr"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "Duo pour un accueil" in message.subject
    assert "http://testserver/admin/password_reset/confirm/" in message.body


def test_no_invitation_leaves_when_the_transaction_is_rolled_back(index, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        onboard_organisation("Buddywerk Gent", invite_email="eva@buddywerk.example")
        raise RuntimeError("the import failed further on")
    assert callbacks == [] and mail.outbox == []
    assert not User.objects.filter(email="eva@buddywerk.example").exists()
    assert not Group.objects.filter(name="Buddywerk Gent editors").exists()


def test_the_set_password_link_works_end_to_end(client, index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = onboard_organisation("Buddywerk Gent", invite_email="eva@buddywerk.example")
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", mail.outbox[0].body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "new_password1" in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url, {"new_password1": "Zes lange woorden samen!", "new_password2": "Zes lange woorden samen!"}
    )
    assert done.status_code == 302 and done.url == reverse("wagtailadmin_password_reset_complete")

    assert client.login(username="eva@buddywerk.example", password="Zes lange woorden samen!")
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    # The link works once.
    assert "new_password1" not in client.get(link, follow=True).content.decode()


def test_an_existing_user_with_a_password_is_added_without_invitation(index, django_capture_on_commit_callbacks):
    existing = UserFactory(username="eva", email="eva@buddywerk.example")
    with django_capture_on_commit_callbacks(execute=True):
        result = onboard("Buddywerk Gent", invite_email="EVA@buddywerk.example")
    assert result.invited_user == existing and not result.invitation_sent
    assert existing.groups.filter(name="Buddywerk Gent editors").exists()
    assert mail.outbox == []


def test_the_command_onboards_and_reports(index, django_capture_on_commit_callbacks, capsys):
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "add_organisation",
            "Buddywerk Gent",
            "--website",
            "https://buddywerk.example",
            "--invite",
            "eva@buddywerk.example",
        )
    out = capsys.readouterr().out
    assert "Created organisation" in out and "Invitation sent to eva@buddywerk.example" in out
    assert OrganisationPage.objects.filter(title="Buddywerk Gent").count() == 3

    call_command("add_organisation", "Buddywerk Gent")
    assert "already exists" in capsys.readouterr().out

    with pytest.raises(CommandError, match="e-mail"):
        call_command("add_organisation", "Ander", "--email", "nope")


@pytest.fixture
def campaign_editor(index):
    user = UserFactory(username="editor-eddy")
    user.groups.add(ensure_campaign_groups()["editors"])
    return user


@pytest.mark.parametrize("role", ["campaign admin", "campaign editor"])
def test_campaign_staff_onboard_through_the_admin(client, request, index, role, django_capture_on_commit_callbacks):
    user = request.getfixturevalue(role.replace(" ", "_"))
    client.force_login(user)
    url = reverse("programs_admin:add_organisation")
    assert client.get(url).status_code == 200
    assert reverse("programs_admin:organisations") in client.get(reverse("wagtailadmin_home")).content.decode()

    invalid = client.post(url, {"name": "", "source_locale": "nl", "website": "nope", "invite_email": "x@"})
    assert invalid.status_code == 200
    assert set(invalid.context["form"].errors) == {"name", "website", "invite_email"}
    assert not OrganisationPage.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"name": "Duo pour un accueil", "source_locale": "fr", "invite_email": "eva@duo.example"}
        )
    assert response.status_code == 302 and response.url == reverse("programs_admin:organisations")
    page = OrganisationPage.objects.get(title="Duo pour un accueil", alias_of__isnull=True)
    assert page.locale.language_code == "fr" and page.owner == user
    assert len(mail.outbox) == 1
    invited = User.objects.get(email="eva@duo.example")
    assert set(invited.groups.values_list("name", flat=True)) == {"Duo pour un accueil editors"}

    listing = client.get(reverse("programs_admin:organisations")).content.decode()
    assert "Duo pour un accueil" in listing
    group_url = reverse("wagtailusers_groups:edit", args=[invited.groups.get().pk])
    # Only campaign admins manage groups: campaign editors see the number of editors without a link.
    assert (group_url in listing) is (role == "campaign admin")


@pytest.mark.parametrize("role", ["translator", "organisation editor"])
def test_only_campaign_staff_may_onboard(client, index, role):
    if role == "translator":
        user = UserFactory(username="tr")
        user.groups.add(ensure_campaign_groups()["Translators"])
    else:
        onboard_organisation("Buddywerk Gent")
        user = UserFactory(username="org")
        user.groups.add(Group.objects.get(name="Buddywerk Gent editors"))
    client.force_login(user)
    for url in (reverse("programs_admin:organisations"), reverse("programs_admin:add_organisation")):
        response = client.get(url)
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    response = client.post(reverse("programs_admin:add_organisation"), {"name": "Sneaky", "source_locale": "nl"})
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert not OrganisationPage.objects.filter(title="Sneaky").exists()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Organisations" not in home and reverse("programs_admin:organisations") not in home
