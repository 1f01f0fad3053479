"""Translations behind their original: told on the public page and on the dashboards of those who may fix them."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.users.models import UserProfile

from home.tests.admin_support import make_home, rolled_back
from home.tests.factories import UserFactory
from home.translation import source_strings, translate_instance
from programs.models import ProgramPage
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from programs.tests.support import in_locale, make_index, make_programme

NOTE = "This translation may be behind the Dutch original."


@pytest.fixture(scope="module")
def keys(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        make_index(make_home())
        ghent = onboard_organisation("Buddywerk Gent")
        liege = onboard_organisation("Duo Liège")
        programme = make_programme(ghent, "Taalbuddy Gent", summary="Buddy's oefenen samen Nederlands.")
        other = make_programme(liege, "Duo Luik", summary="Duo's koken samen.")
        neighbour = make_programme(ghent, "Werkbuddy Gent", summary="Buddy's zoeken samen werk.")
        for page in (programme, other, neighbour):
            strings = source_strings(page)
            for code in ("fr", "en"):
                translate_instance(page, code, {s: f"{s} ({code})" for s in strings})
        users = {}
        for username, group in (("org-olga", "Buddywerk Gent editors"), ("org-lucien", "Duo Liège editors")):
            users[username] = UserFactory(username=username)
            users[username].groups.add(Group.objects.get(name=group))
        users["campaign-cleo"] = UserFactory(username="campaign-cleo")
        users["campaign-cleo"].groups.add(ensure_campaign_groups()["editors"])
        for user in users.values():
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "en"
            profile.save()
        pages = {"programme": programme.pk, "other": other.pk, "neighbour": neighbour.pk}
        yield {**pages, **{name: user.pk for name, user in users.items()}}


@pytest.fixture
def programme(keys, db):
    return ProgramPage.objects.get(pk=keys["programme"])


def publish_source(page, **changes):
    page = ProgramPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return ProgramPage.objects.get(pk=page.pk)


def public_html(client, page, code):
    response = client.get(in_locale(page, code).url)
    assert response.status_code == 200
    return response.content.decode()


def dashboard(client, keys, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(pk=keys[username]))
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_fresh_translation_has_no_note(client, programme):
    assert NOTE not in public_html(client, programme, "en")
    assert "translation-note" not in public_html(client, programme, "fr")


def test_new_source_text_marks_the_translations_behind_until_synced_and_published(client, programme):
    publish_source(programme, summary="Buddy's oefenen elke week samen Nederlands.")

    assert NOTE in public_html(client, programme, "en")
    assert "Cette traduction peut être en retard sur l’original" in public_html(client, programme, "fr")
    assert "translation-note" not in public_html(client, programme, "nl")  # the original itself

    # wagtail-localize's sync alone: the text is synchronised but the old translation is still what visitors read.
    strings = source_strings(programme)  # updates the TranslationSource, as "Sync translated pages" does
    assert NOTE in public_html(client, programme, "en")

    translate_instance(programme, "en", {s: f"{s} (en)" for s in strings})  # translated and published

    assert NOTE not in public_html(client, programme, "en")
    assert "translation-note" in public_html(client, programme, "fr")  # French still to do


def test_publishing_without_new_text_leaves_translations_current(client, programme):
    publish_source(programme, show_in_menus=True)  # a new publication, not a word changed

    assert NOTE not in public_html(client, programme, "en")


def test_the_dashboard_lists_behind_translations_only_to_those_who_may_edit_them(client, keys, programme):
    other = ProgramPage.objects.get(pk=keys["other"])
    publish_source(programme, summary="Buddy's oefenen elke week samen Nederlands.")
    publish_source(other, summary="Duo's koken elke maand samen.")
    en_edit = reverse("wagtailadmin_pages:edit", args=[in_locale(programme, "en").pk])
    other_en_edit = reverse("wagtailadmin_pages:edit", args=[in_locale(other, "en").pk])

    olga = dashboard(client, keys, "org-olga")
    assert 'id="translations-behind-section"' in olga
    panel = olga.split('id="translations-behind-section"', 1)[1]
    assert f'href="{en_edit}"' in panel and f'href="{other_en_edit}"' not in panel

    cleo = dashboard(client, keys, "campaign-cleo")
    panel = cleo.split('id="translations-behind-section"', 1)[1]
    assert f'href="{en_edit}"' in panel and f'href="{other_en_edit}"' in panel


def test_no_panel_when_every_translation_is_current(client, keys, db):
    assert 'id="translations-behind-section"' not in dashboard(client, keys, "org-olga")


def explorer_rows(client, keys, username, parent):
    """The page explorer's rows under `parent`, keyed by the edit link of the page each row is about."""
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(pk=keys[username]))
    response = client.get(reverse("wagtailadmin_explore", args=[parent.pk]))
    assert response.status_code == 200
    rows = {}
    for row in response.content.decode().split("<tr")[1:]:
        for page in parent.get_children():
            if f'href="{reverse("wagtailadmin_pages:edit", args=[page.pk])}"' in row:
                rows[page.pk] = row
    return rows


def test_the_page_explorer_marks_the_translation_behind_and_no_other(client, keys, programme):
    neighbour = ProgramPage.objects.get(pk=keys["neighbour"])
    en_programme, en_neighbour = in_locale(programme, "en"), in_locale(neighbour, "en")
    marker = "Translation behind"
    assert marker not in explorer_rows(client, keys, "org-olga", en_programme.get_parent())[en_programme.pk]

    publish_source(programme, summary="Buddy's oefenen elke week samen Nederlands.")

    rows = explorer_rows(client, keys, "org-olga", en_programme.get_parent())
    assert marker in rows[en_programme.pk]
    assert marker not in rows[en_neighbour.pk]  # its original has not changed
    source_rows = explorer_rows(client, keys, "org-olga", programme.get_parent())
    assert len(source_rows) == 2 and not any(marker in row for row in source_rows.values())  # originals never are

    source_strings(programme)  # synchronised: the new text now waits for its translator
    translate_instance(programme, "en", {s: f"{s} (en)" for s in source_strings(programme)})
    assert marker not in explorer_rows(client, keys, "org-olga", en_programme.get_parent())[en_programme.pk]
