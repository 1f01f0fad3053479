"""Two editors save the same page: the second is warned and loses nothing (home/concurrent_editing.py)."""

import threading

import pytest
from bs4 import BeautifulSoup

from django.db import connection, connections, transaction
from django.urls import reverse

from wagtail.models import Page
from wagtail.users.models import UserProfile

from home.models import StandardPage
from home.tests.admin_support import edit_form, form_data
from home.tests.factories import UserFactory
from home.tests.two_factor_support import Client

ORIGINAL = "Buddies meet every week."
FIRST_EDIT = "Buddies meet every week, in Antwerp and Ghent."
SECOND_EDIT = "Buddies meet every two weeks."


def editor_client(username):
    user = UserFactory(username=username, first_name=username.title(), last_name="Editor", is_superuser=True)
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(preferred_language="en")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def about_page(home_page):
    page = home_page.add_child(instance=StandardPage(title="About buddying", slug="about", introduction=ORIGINAL))
    page.save_revision().publish()
    return page


def save(client, page, data, **changes):
    # The (empty) body StreamField is drawn by JavaScript; a browser would post its block count.
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"body-count": "0"} | data | changes)


def latest_introduction(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().introduction


def messages_in(response):
    return " ".join(
        element.get_text(" ", strip=True)
        for element in BeautifulSoup(response.content.decode(), "html.parser").select(".messages li")
    )


@pytest.fixture
def editors(db):
    return editor_client("anna"), editor_client("ben")


@pytest.mark.django_db
def test_the_second_save_from_an_older_version_is_held_back_with_the_text_kept(home_page, editors):
    anna, ben = editors
    page = about_page(home_page)
    annas_form, bens_form = edit_form(anna, page), edit_form(ben, page)

    assert save(anna, page, annas_form, introduction=FIRST_EDIT).status_code == 302
    response = save(ben, page, bens_form, introduction=SECOND_EDIT)

    assert response.status_code == 200, "the form is shown again instead of saving"
    assert latest_introduction(page) == FIRST_EDIT, "Anna's text is not overwritten"
    warning = messages_in(response)
    assert "Anna Editor saved a newer version of this page" in warning
    assert "Your changes are not saved yet" in warning
    # Ben's text is still in the form, and a link compares what he loaded with what Anna saved.
    shown = form_data(response.content.decode())
    assert shown["introduction"] == SECOND_EDIT
    annas_revision = Page.objects.get(pk=page.pk).latest_revision_id
    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=[page.pk, bens_form["loaded_revision_id"], annas_revision]
    )
    assert compare in response.content.decode()
    assert anna.get(compare).status_code == 200

    # Saving again from the form he was shown replaces Anna's version on purpose.
    assert shown["loaded_revision_id"] == str(annas_revision)
    assert save(ben, page, shown).status_code == 302
    assert latest_introduction(page) == SECOND_EDIT


@pytest.mark.django_db
def test_publishing_from_an_older_version_is_held_back_too(home_page, editors):
    anna, ben = editors
    page = about_page(home_page)
    annas_form, bens_form = edit_form(anna, page), edit_form(ben, page)
    save(anna, page, annas_form, introduction=FIRST_EDIT)
    response = save(ben, page, bens_form, introduction=SECOND_EDIT, **{"action-publish": "action-publish"})
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.specific.introduction == ORIGINAL, "nothing was published"
    assert latest_introduction(page) == FIRST_EDIT


@pytest.mark.django_db
def test_saving_again_after_ones_own_save_is_not_a_conflict(home_page, editors):
    anna, _ = editors
    page = about_page(home_page)
    assert save(anna, page, edit_form(anna, page), introduction=FIRST_EDIT).status_code == 302
    assert save(anna, page, edit_form(anna, page), introduction=SECOND_EDIT).status_code == 302
    assert latest_introduction(page) == SECOND_EDIT


@pytest.mark.django_db
def test_previewing_from_an_older_version_still_works(home_page, editors):
    anna, ben = editors
    page = about_page(home_page)
    annas_form, bens_form = edit_form(anna, page), edit_form(ben, page)
    save(anna, page, annas_form, introduction=FIRST_EDIT)
    preview = ben.post(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), {"body-count": "0"} | bens_form)
    assert preview.json()["is_valid"] is True


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_saves_at_the_same_moment_never_both_land(home_page):
    """Both requests read the page before either saves; the row lock makes the second see the first's revision."""
    assert connection.vendor == "postgresql", "SQLite runs one writing request at a time"
    anna, ben = editor_client("anna"), editor_client("ben")
    page = about_page(home_page)
    forms = {"anna": (anna, edit_form(anna, page), FIRST_EDIT), "ben": (ben, edit_form(ben, page), SECOND_EDIT)}
    results = {}

    def post(name):
        client, data, text = forms[name]
        try:
            results[name] = save(client, page, data, introduction=text).status_code
        finally:
            connections.close_all()

    # Hold the page row so that both requests are in the edit view, past their first reads, before either saves.
    with transaction.atomic():
        Page.objects.select_for_update().get(pk=page.pk)
        threads = [threading.Thread(target=post, args=(name,)) for name in forms]
        for thread in threads:
            thread.start()
        threads[0].join(timeout=1)
        threads[1].join(timeout=1)
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(results.values()) == [200, 302], results
    saved = next(name for name, status in results.items() if status == 302)
    assert latest_introduction(page) == forms[saved][2]
