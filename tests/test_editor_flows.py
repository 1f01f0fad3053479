"""Editors' flows in the admin: where new programmes go, what the forms say, what e-mails and messages follow."""

import re

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from wagtail.users.models import UserProfile

from home.tests.admin_support import form_data, make_home, rolled_back
from home.tests.factories import UserFactory
from home.translation import source_strings, translate_instance
from programs.models import OrganisationPage, ProgramIndexPage, ProgramPage
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from programs.tests.support import in_locale, make_index, make_programme

SUMMARY = "Buddy's oefenen samen Nederlands."


@pytest.fixture(scope="module")
def keys(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        index = make_index(make_home())
        organisation = onboard_organisation("Buddywerk Gent")
        # Translated (no longer aliases), so every copy of the organisation is a page of its own.
        for code in ("fr", "en"):
            translate_instance(organisation, code, {s: f"{s} ({code})" for s in source_strings(organisation)})
        programme = make_programme(organisation, "Taalbuddy Gent", summary=SUMMARY, regions=["BE-VOV"])
        org_editor = UserFactory(username="org-olga", email="olga@buddywerk.example")
        org_editor.groups.add(Group.objects.get(name="Buddywerk Gent editors"))
        campaign_editor = UserFactory(username="campaign-cleo", email="cleo@campaign.example")
        groups = ensure_campaign_groups()
        campaign_editor.groups.add(groups["editors"])
        # A superuser in two groups: Wagtail's own e-mails reached such a person more than once.
        campaign_admin = UserFactory(username="campaign-ada", email="ada@campaign.example", is_superuser=True)
        campaign_admin.groups.add(groups["admins"], groups["editors"])
        for user in (org_editor, campaign_editor):  # messages are asserted in English
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "en"
            profile.save()
        yield {
            "index": index.pk,
            "organisation": organisation.pk,
            "programme": programme.pk,
            "org_editor": org_editor.pk,
            "campaign_editor": campaign_editor.pk,
        }


@pytest.fixture
def setup(keys, db):
    User = get_user_model()
    return {
        "index": ProgramIndexPage.objects.get(pk=keys["index"]),
        "organisation": OrganisationPage.objects.get(pk=keys["organisation"]),
        "programme": ProgramPage.objects.get(pk=keys["programme"]),
        "org_editor": User.objects.get(pk=keys["org_editor"]),
        "campaign_editor": User.objects.get(pk=keys["campaign_editor"]),
    }


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=["programs", "programpage", parent.pk])


# New programmes in the organisation's own language ------------------------------------------------


def test_the_dashboard_adds_programmes_below_the_organisations_source_language_page(client, setup):
    organisation = setup["organisation"]
    assert not in_locale(organisation, "en").alias_of_id  # the copies are translations, not aliases
    client.force_login(setup["org_editor"])

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse("wagtailadmin_pages:add_subpage", args=[organisation.pk]) in html
    for code in ("fr", "en"):
        assert reverse("wagtailadmin_pages:add_subpage", args=[in_locale(organisation, code).pk]) not in html


@pytest.mark.parametrize("code", ["fr", "en"])
def test_adding_below_another_languages_copy_leads_to_the_source_language_page(client, setup, code):
    organisation = setup["organisation"]
    client.force_login(setup["org_editor"])

    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[in_locale(organisation, code).pk]))
    response = client.get(response["Location"]) if response.status_code == 302 else response

    assert response.status_code == 302
    assert response["Location"] == add_url(organisation)


def test_a_programme_posted_to_another_languages_copy_is_not_created_there(client, setup):
    organisation = setup["organisation"]
    english = in_locale(organisation, "en")
    client.force_login(setup["org_editor"])
    data = form_data(client.get(add_url(organisation)).content.decode())
    data.update(title="Samen koken", slug="samen-koken", summary="We koken samen.")

    response = client.post(add_url(english), data)

    assert response.status_code == 302 and response["Location"] == add_url(organisation)
    assert not ProgramPage.objects.filter(title="Samen koken").exists()


def test_the_add_form_says_which_language_to_write_in(client, setup):
    client.force_login(setup["org_editor"])

    response = client.get(add_url(setup["organisation"]))

    assert response.status_code == 200
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Write this programme in Nederlands" in m for m in messages), messages
    assert "Write this programme in Nederlands" in response.content.decode()


def test_a_programme_added_from_the_dashboard_lands_in_the_source_language_tree(client, setup):
    organisation = setup["organisation"]
    client.force_login(setup["org_editor"])
    data = form_data(client.get(add_url(organisation)).content.decode())
    regions = [str(pk) for pk in setup["programme"].regions.values_list("pk", flat=True)]
    data.update(title="Samen koken", slug="samen-koken", summary="We koken samen.", regions=regions)
    data["action-submit"] = "action-submit"

    response = client.post(add_url(organisation), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    page = ProgramPage.objects.get(title="Samen koken")
    assert page.locale.language_code == "nl" and page.get_parent().pk == organisation.pk


# Framing: the admin's preview panel works, public pages stay unframeable ----------------------------


def frame_ancestors(response):
    policy = response.get("Content-Security-Policy", "")
    directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in policy.split(";") if d.strip())
    return directives.get("frame-ancestors")


def test_public_pages_refuse_to_be_framed(client, setup):
    response = client.get(setup["programme"].url)

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert frame_ancestors(response) == "'none'"


def test_the_admin_preview_may_be_framed_by_the_admin_only(client, setup):
    programme = setup["programme"]
    client.force_login(setup["org_editor"])
    data = form_data(client.get(reverse("wagtailadmin_pages:edit", args=[programme.pk])).content.decode())
    data["summary"] = "Een nieuwe samenvatting in de preview."
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[programme.pk])
    assert client.post(preview_url, data).json()["is_valid"]

    response = client.get(preview_url)

    assert response.status_code == 200
    assert "Een nieuwe samenvatting in de preview." in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert frame_ancestors(response) == "'self'"
    # The public page is untouched by the preview.
    public = client.get(setup["programme"].url)
    assert public["X-Frame-Options"] == "DENY" and frame_ancestors(public) == "'none'"


# E-mails: one per event per person, links on the admin's configured address -------------------------

BASE_URL = "https://buddies.example:8443"
EVERYONE = ["olga@buddywerk.example", "cleo@campaign.example", "ada@campaign.example"]


def submit(client, setup, summary="Buddy's oefenen elke week samen Nederlands."):
    from home.tests.admin_support import submit_for_moderation

    client.force_login(setup["org_editor"])
    response = submit_for_moderation(client, setup["programme"], summary=summary)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()


def act(client, setup, action, comment=""):
    programme = ProgramPage.objects.get(pk=setup["programme"].pk)
    task_state = programme.current_workflow_task_state
    client.force_login(setup["campaign_editor"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[programme.pk, action, task_state.pk])
    response = client.post(url, {"comment": comment})
    return response


def mails_per_person():
    return {address: sum(1 for m in mail.outbox if m.to == [address]) for address in EVERYONE}


def links(message):
    return re.findall(r"https?://\S+", message.body)


@override_settings(WAGTAILADMIN_BASE_URL=BASE_URL)
def test_a_submission_mails_each_reviewer_once_with_links_on_the_base_url(client, setup):
    mail.outbox.clear()

    submit(client, setup)

    assert mails_per_person() == {"olga@buddywerk.example": 0, "cleo@campaign.example": 1, "ada@campaign.example": 1}
    for message in mail.outbox:
        assert "Taalbuddy Gent" in message.body
        assert links(message) and all(link.startswith(BASE_URL + "/") for link in links(message)), message.body


@override_settings(WAGTAILADMIN_BASE_URL=BASE_URL)
def test_an_approval_mails_the_submitter_once_with_the_public_page_on_the_base_url(client, setup):
    submit(client, setup)
    mail.outbox.clear()

    assert act(client, setup, "approve").status_code == 302

    assert mails_per_person() == {"olga@buddywerk.example": 1, "cleo@campaign.example": 0, "ada@campaign.example": 0}
    body = mail.outbox[0].body
    programme = ProgramPage.objects.get(pk=setup["programme"].pk)
    assert BASE_URL + programme.get_url_parts()[2] in links(mail.outbox[0]), body
    assert BASE_URL + reverse("wagtailadmin_pages:edit", args=[programme.pk]) in links(mail.outbox[0]), body
    assert all(link.startswith(BASE_URL + "/") for link in links(mail.outbox[0])), body


@override_settings(WAGTAILADMIN_BASE_URL=BASE_URL)
def test_a_rejection_mails_the_submitter_once(client, setup):
    submit(client, setup)
    mail.outbox.clear()

    assert act(client, setup, "reject", comment="Graag de regio nakijken.").status_code == 302

    assert mails_per_person() == {"olga@buddywerk.example": 1, "cleo@campaign.example": 0, "ada@campaign.example": 0}
    assert all(link.startswith(BASE_URL + "/") for link in links(mail.outbox[0])), mail.outbox[0].body


# Words and actions that say what happens next -----------------------------------------------------


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_save_draft_says_that_nothing_changes_for_visitors(client, setup):
    from home.tests.admin_support import edit_form

    programme = setup["programme"]
    client.force_login(setup["org_editor"])
    data = edit_form(client, programme)
    data["summary"] = "Een conceptversie."

    response = client.post(reverse("wagtailadmin_pages:edit", args=[programme.pk]), data, follow=True)

    text = " ".join(messages_of(response))
    assert "visitors still see the published version" in text, text
    assert "Submit it to Campaign review" in text


def test_submit_is_the_organisation_editors_primary_action_with_an_explanation(client, setup):
    client.force_login(setup["org_editor"])

    response = client.get(reverse("wagtailadmin_pages:edit", args=[setup["programme"].pk]))

    footer = response.content.decode().split('class="actions actions--primary', 1)[1]
    # The primary button comes first; the others follow in its dropdown.
    assert footer.index('name="action-submit"') < footer.index('class="button action-save')
    assert any("once a campaign editor approves them" in m for m in messages_of(response))


def test_campaign_editors_see_the_review_queue_first_with_its_count(client, setup):
    submit(client, setup)
    client.force_login(setup["campaign_editor"])

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Awaiting your review: 1 change." in html
    first_panel = re.search(r"<section[^>]*w-panel--dashboard[^>]*>", html).group(0)
    assert 'id="awaiting-review-section"' in first_panel, first_panel
    assert html.index('id="review-count"') < html.index('id="awaiting-review-section"')


def test_approving_says_the_change_is_public(client, setup):
    submit(client, setup)

    response = act(client, setup, "approve")

    assert response.status_code == 302
    assert any("is approved and now public" in m for m in messages_of(response)), messages_of(response)


def test_approving_in_the_page_editor_says_the_change_is_public(client, setup):
    from home.tests.admin_support import edit_form

    submit(client, setup)
    programme = ProgramPage.objects.get(pk=setup["programme"].pk)
    client.force_login(setup["campaign_editor"])
    data = edit_form(client, programme)
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})

    response = client.post(reverse("wagtailadmin_pages:edit", args=[programme.pk]), data)

    assert response.status_code == 302
    assert ProgramPage.objects.get(pk=programme.pk).summary == "Buddy's oefenen elke week samen Nederlands."
    assert any("is approved and now public" in m for m in messages_of(response)), messages_of(response)


# The guide for organisations -------------------------------------------------------------------------


def test_organisation_editors_find_the_guides_essentials_on_their_dashboard(client, setup):
    client.force_login(setup["org_editor"])

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'id="organisation-guide-section"' in html
    assert "Still accurate" in html and "alt text" in html


def test_the_guide_is_in_the_repository_and_linked_from_the_readme():
    root = settings.BASE_DIR
    guide = (root / "docs" / "organisations-guide.md").read_text()
    assert "(import-format.md)" in guide and "alt text" in guide and "Still accurate" in guide
    # Every relative link in the guide leads to a file in the repository (no document outside it).
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", guide):
        assert (root / "docs" / target).resolve().is_file(), target
    assert "docs/organisations-guide.md" in (root / "README.md").read_text()


# Dashboard titles in the editor's admin language ------------------------------------------------------


def test_the_dashboard_shows_titles_in_the_editors_admin_language_where_translated(client, setup):
    programme = setup["programme"]
    strings = {s: s.replace("Taalbuddy Gent", "Buddy linguistique Gand") for s in source_strings(programme)}
    translate_instance(programme, "fr", strings)
    profile = UserProfile.get_for_user(setup["org_editor"])
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(setup["org_editor"])

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    listing = html.split('id="organisation-listings-section"', 1)[1]
    assert "Buddy linguistique Gand" in listing
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[programme.pk])}"' in listing  # still edits the source

    profile.preferred_language = "en"  # no English translation: the source's title
    profile.save()
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Taalbuddy Gent" in html.split('id="organisation-listings-section"', 1)[1]


def test_the_full_guide_is_in_the_admin_linked_from_the_dashboard(client, setup):
    client.force_login(setup["org_editor"])
    guide_url = reverse("programs_admin:guide", args=["organisations-guide"])
    assert f'href="{guide_url}"' in client.get(reverse("wagtailadmin_home")).content.decode()

    html = client.get(guide_url).content.decode()

    assert "<h1" in html and "Still accurate" in html
    # The guide's link to the import format stays within the admin.
    assert f'href="{reverse("programs_admin:guide", args=["import-format"])}' in html
    # Nothing but the guide's pages and images (a 404 in the admin is redirected to a language prefix first).
    assert client.get(reverse("programs_admin:guide", args=["design"]), follow=True).status_code == 404
    assert client.get(reverse("programs_admin:guide_file", args=["../README.md"]), follow=True).status_code == 404


def test_the_guide_says_it_is_in_english_to_editors_who_read_the_admin_in_another_language(client, setup):
    guide_url = reverse("programs_admin:guide", args=["organisations-guide"])
    client.force_login(setup["org_editor"])
    english = client.get(guide_url).content.decode()
    assert 'class="help-guide w-prose" lang="en"' in english
    assert "written in English only" not in english
    # Its screenshots are served from docs/images/, in the admin as on GitHub.
    images = re.findall(r'<img [^>]*src="([^"]+)"', english)
    assert images and all(client.get(src).status_code == 200 for src in images), images

    profile = UserProfile.get_for_user(setup["org_editor"])
    profile.preferred_language = "nl"
    profile.save()
    dutch = client.get(guide_url).content.decode()
    assert "Deze handleiding is alleen in het Engels geschreven" in dutch
    assert 'lang="en"' in dutch.split('class="help-guide', 1)[1][:40]
