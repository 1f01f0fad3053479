"""Freshness of listings: "still accurate", stamping on publish, reminders, dashboard panels."""

import datetime
import re
from unittest import mock

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry, Revision
from wagtail.users.models import UserProfile

from home.tests.admin_support import make_home, rolled_back, submit_for_moderation
from home.tests.factories import UserFactory
from home.tests.two_factor_support import Client
from home.translation import translate_instance
from programs.freshness import STILL_ACCURATE_ACTION
from programs.models import ListingReminder, ProgramPage
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from programs.tests.support import in_locale, make_index, make_programme

TODAY = timezone.localdate()


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def _build_world():
    index = make_index(make_home())
    org_a = onboard_organisation("Buddywerk Antwerpen")
    org_b = onboard_organisation("Duo Liège", source_locale="fr")
    programme = make_programme(org_a, "Taalbuddy", last_verified=days_ago(200), regions=["BE-VAN"])
    translate_instance(programme, "fr", {programme.title: "Buddy langue", programme.slug: "buddy-langue"}, strict=False)
    other = make_programme(org_b, "Duo emploi", last_verified=days_ago(400), regions=["BE-WLG"])
    editor_a = UserFactory(username="eva", email="eva@buddywerk.example")
    editor_a.groups.add(Group.objects.get(name="Buddywerk Antwerpen editors"))
    editor_b = UserFactory(username="bruno", email="bruno@duo.example")
    editor_b.groups.add(Group.objects.get(name="Duo Liège editors"))
    campaign_editor = UserFactory(username="carl", email="carl@campaign.example")
    campaign_editor.groups.add(ensure_campaign_groups()["editors"])
    for user in (editor_a, editor_b, campaign_editor):  # the admin in English, whatever the .po files say
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    return {
        "index": index.pk,
        "programme": programme.pk,
        "other": other.pk,
        "editor_a": editor_a.pk,
        "editor_b": editor_b.pk,
        "campaign_editor": campaign_editor.pk,
    }


@pytest.fixture(scope="module")
def world_keys(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield _build_world()


@pytest.fixture
def world(world_keys, db):
    User = get_user_model()
    return {
        "programme": ProgramPage.objects.get(pk=world_keys["programme"]),
        "other": ProgramPage.objects.get(pk=world_keys["other"]),
        **{role: User.objects.get(pk=world_keys[role]) for role in ("editor_a", "editor_b", "campaign_editor")},
    }


def versions(page):
    return ProgramPage.objects.filter(translation_key=page.translation_key)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


# "Still accurate" ------------------------------------------------------------------------------------------


def test_still_accurate_stamps_every_version_without_editing(world):
    programme = world["programme"]
    assert sorted(v.alias_of_id is None for v in versions(programme)) == [False, True, True]  # nl, fr, en alias
    revisions_before = Revision.objects.count()
    unpublished_before = {v.pk: v.has_unpublished_changes for v in versions(programme)}

    response = logged_in(world["editor_a"]).post(reverse("programs_admin:still_accurate", args=[programme.pk]))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[programme.pk])
    assert {v.last_verified for v in versions(programme)} == {TODAY}
    assert Revision.objects.count() == revisions_before  # not a content edit
    for version in versions(programme).exclude(alias_of__isnull=False):
        assert version.latest_revision.content["last_verified"] == TODAY.isoformat()
        if version.live_revision_id:
            assert version.live_revision.content["last_verified"] == TODAY.isoformat()
        assert version.has_unpublished_changes == unpublished_before[version.pk]
    entry = PageLogEntry.objects.get(page=programme, action=STILL_ACCURATE_ACTION)
    assert entry.user == world["editor_a"] and not entry.content_changed
    for version in versions(programme):
        history = logged_in(world["editor_a"]).get(reverse("wagtailadmin_pages:history", args=[version.pk]))
        assert "Confirmed the listing is still accurate" in history.content.decode(), version.locale


def test_still_accurate_keeps_a_pending_draft_as_it_is(client, world):
    programme = world["programme"]
    client.force_login(world["editor_a"])
    submit_for_moderation(client, programme, summary="Nieuwe tekst in afwachting.")

    client.post(reverse("programs_admin:still_accurate", args=[programme.pk]))

    programme = ProgramPage.objects.get(pk=programme.pk)
    assert programme.last_verified == TODAY and programme.summary != "Nieuwe tekst in afwachting."
    draft = programme.get_latest_revision_as_object()
    assert draft.summary == "Nieuwe tekst in afwachting." and draft.last_verified == TODAY
    assert programme.workflow_in_progress


def test_still_accurate_asks_first_on_get_and_returns_to_next(world):
    programme = world["programme"]
    client = logged_in(world["editor_a"])
    url = reverse("programs_admin:still_accurate", args=[programme.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert f'action="{url}"' in page.content.decode()
    assert ProgramPage.objects.get(pk=programme.pk).last_verified == days_ago(200)

    response = client.post(url, {"next": reverse("wagtailadmin_home")})
    assert response.url == reverse("wagtailadmin_home")
    response = client.post(url, {"next": "https://evil.example/"})
    assert response.url == reverse("wagtailadmin_pages:edit", args=[programme.pk])


def test_only_people_who_may_edit_the_listing_can_confirm_it(world):
    programme = world["programme"]
    url = reverse("programs_admin:still_accurate", args=[programme.pk])
    for method in ("get", "post"):
        response = getattr(logged_in(world["editor_b"]), method)(url)
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert Client().post(url).url.startswith(reverse("wagtailadmin_login"))
    assert ProgramPage.objects.get(pk=programme.pk).last_verified == days_ago(200)
    organisation = programme.get_parent()
    for pk in (organisation.pk, 999999):  # not a programme, no page at all
        response = logged_in(world["editor_a"]).get(reverse("programs_admin:still_accurate", args=[pk]), follow=True)
        assert response.status_code == 404


def test_still_accurate_needs_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["editor_a"])
    response = client.post(reverse("programs_admin:still_accurate", args=[world["programme"].pk]))
    assert response.status_code == 403
    assert ProgramPage.objects.get(pk=world["programme"].pk).last_verified == days_ago(200)


def test_the_edit_view_header_offers_still_accurate(world):
    programme = world["programme"]
    html = logged_in(world["editor_a"]).get(reverse("wagtailadmin_pages:edit", args=[programme.pk])).content.decode()
    form = re.search(
        r'<form method="post" action="([^"]+)" class="programs-still-accurate-form">(.*?)</form>', html, re.S
    )
    assert form and form.group(1) == reverse("programs_admin:still_accurate", args=[programme.pk])
    assert 'name="csrfmiddlewaretoken"' in form.group(2)
    organisation_html = logged_in(world["editor_a"]).get(
        reverse("wagtailadmin_pages:edit", args=[programme.get_parent().pk])
    )
    assert "programs-still-accurate-form" not in organisation_html.content.decode()


# Publishing ------------------------------------------------------------------------------------------------


def test_publishing_by_a_person_stamps_every_version(world):
    programme = world["programme"]
    programme.summary = "Bijgewerkt."
    programme.save_revision(user=world["campaign_editor"]).publish(user=world["campaign_editor"])
    assert {v.last_verified for v in versions(programme)} == {TODAY}
    assert ProgramPage.objects.get(pk=programme.pk).live_revision.content["last_verified"] == TODAY.isoformat()


def test_publishing_without_a_person_keeps_the_date_it_carries(world):
    programme = world["programme"]
    programme.last_verified = days_ago(30)
    programme.save_revision().publish()
    assert ProgramPage.objects.get(pk=programme.pk).last_verified == days_ago(30)
    assert in_locale(programme, "en").last_verified == days_ago(30)


def test_the_public_page_says_when_a_listing_may_be_outdated(client, world):
    stale = client.get(world["other"].url).content.decode()
    assert "programme__outdated" in stale
    fresh = client.get(world["programme"].url).content.decode()
    assert "programme__outdated" not in fresh


# Reminders ---------------------------------------------------------------------------------------------------


def run_reminders(*args):
    out = __import__("io").StringIO()
    call_command("send_listing_reminders", *args, stdout=out)
    return out.getvalue()


def test_reminders_go_once_per_period_to_the_organisations_editors(world):
    programme, other = world["programme"], world["other"]

    output = run_reminders()

    assert "2 listing(s)" in output and "2 reminder(s) sent" in output
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"eva@buddywerk.example", "bruno@duo.example"}
    message = by_recipient["eva@buddywerk.example"]
    assert "Taalbuddy" in message.subject
    assert f"http://testserver/admin/pages/{programme.pk}/edit/" in message.body
    assert f"http://testserver/admin/programs/still-accurate/{programme.pk}/" in message.body
    assert ListingReminder.objects.get(translation_key=programme.translation_key).period_start == days_ago(200)
    assert ListingReminder.objects.get(translation_key=other.translation_key).period_start == days_ago(400)

    mail.outbox.clear()
    assert "0 listing(s)" in run_reminders()
    assert mail.outbox == []

    # Confirming starts a new period; once that one is old too, a new reminder goes out.
    ProgramPage.objects.filter(translation_key=programme.translation_key).update(last_verified=days_ago(181))
    run_reminders()
    assert [m.to for m in mail.outbox] == [["eva@buddywerk.example"]]


def test_the_reminder_link_leads_to_a_one_click_confirmation(world):
    run_reminders()
    body = next(m.body for m in mail.outbox if m.to == ["eva@buddywerk.example"])
    path = re.search(r"http://testserver(/admin/programs/still-accurate/\d+/)", body).group(1)
    client = logged_in(world["editor_a"])
    assert client.get(path).status_code == 200
    client.post(path)
    assert ProgramPage.objects.get(pk=world["programme"].pk).last_verified == TODAY


def test_dry_run_sends_and_records_nothing(world):
    output = run_reminders("--dry-run")
    assert "Would remind eva@buddywerk.example" in output and "would be sent" in output
    assert mail.outbox == [] and not ListingReminder.objects.exists()


def test_recent_ended_and_unpublished_listings_are_not_reminded(world):
    programme = world["programme"]
    ProgramPage.objects.filter(translation_key=programme.translation_key).update(last_verified=days_ago(179))
    ProgramPage.objects.filter(pk=world["other"].pk).update(status="ended")
    make_programme(programme.get_parent(), "Concept", last_verified=days_ago(900), publish=False)
    run_reminders()
    assert mail.outbox == [] and not ListingReminder.objects.exists()


@override_settings(LISTING_REMINDER_DAYS=30)
def test_the_reminder_age_is_configurable(world):
    ProgramPage.objects.filter(translation_key=world["programme"].translation_key).update(last_verified=days_ago(31))
    ProgramPage.objects.filter(pk=world["other"].pk).update(status="ended")
    run_reminders()
    assert [m.to for m in mail.outbox] == [["eva@buddywerk.example"]]


def test_a_listing_without_editors_is_reported_and_tried_again_later(world):
    world["editor_b"].groups.clear()
    output = run_reminders()
    assert "1 without editors" in output
    assert not ListingReminder.objects.filter(translation_key=world["other"].translation_key).exists()


def test_a_failed_send_leaves_no_record_so_the_next_run_retries(world):
    with (
        mock.patch("programs.freshness.send_mail", side_effect=ConnectionError("smtp down")),
        pytest.raises(SystemExit),
    ):
        run_reminders()
    assert not ListingReminder.objects.exists()
    run_reminders()
    assert ListingReminder.objects.count() == 2 and len(mail.outbox) == 2


# Dashboard -----------------------------------------------------------------------------------------------------


def test_an_organisation_editor_sees_its_own_listings_with_age_and_button(world):
    html = logged_in(world["editor_a"]).get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="organisation-listings' in html or "organisation-listings" in html
    assert "Taalbuddy" in html and "200 days ago" in html
    assert reverse("programs_admin:still_accurate", args=[world["programme"].pk]) in html
    assert "Duo emploi" not in html
    assert "stale-listings" not in html


def test_campaign_editors_see_every_stale_listing(world):
    html = logged_in(world["campaign_editor"]).get(reverse("wagtailadmin_home")).content.decode()
    stale = html[html.index("stale-listings") :]
    assert "Duo emploi" in stale and "400 days ago" in stale
    assert "Taalbuddy" not in stale  # 200 days: reminded, not yet outdated
    assert "organisation-listings" not in html
