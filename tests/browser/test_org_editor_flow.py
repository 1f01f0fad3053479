"""An organisation's change reaches the public through the review workflow, driven in Chromium.

An organisation editor edits its programme's summary and submits it; a
campaign editor approves it; a visitor finds the new text on the overview with
two filters applied, and on the programme's page.
"""

import time

import pytest

from django.contrib.auth.models import Group
from django.core.cache import cache

from wagtail.users.models import UserProfile

from programs.models import ProgramPage
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from tests.factories import UserFactory
from tests.programs_support import make_index, make_organisation, make_programme
from tests.two_factor_support import authenticator_for, current_code

# serialized_rollback: the flush after each test must not take the root page and reference data with it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery staple"
OLD_SUMMARY = "Oefen Nederlands tijdens een wandeling door de stad."
NEW_SUMMARY = "Elke week samen Nederlands oefenen, nu ook op zaterdag in de bibliotheek."


def english_admin(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def federation(transactional_db, home_page):
    cache.clear()
    index = make_index(home_page)
    organisation = onboard_organisation("Buddywerk Antwerpen")
    programme = make_programme(organisation, "Taalbuddy", summary=OLD_SUMMARY, regions=["BE-VAN"], themes=["language"])
    make_programme(organisation, "Werkmaatjes", summary="Samen naar werk zoeken.", regions=["BE-VAN"], themes=["work"])
    elsewhere = make_organisation(index, "Duo Liège", locale="fr")
    make_programme(elsewhere, "Duo langue", summary="Pratiquer le français.", regions=["BE-WLG"], themes=["language"])

    org_editor = english_admin(UserFactory(username="org-eva"))
    org_editor.groups.add(Group.objects.get(name="Buddywerk Antwerpen editors"))
    campaign_editor = english_admin(UserFactory(username="campaign-carl"))
    campaign_editor.groups.add(ensure_campaign_groups()["editors"])
    # A campaign editor publishes, so it signs in with a second factor.
    authenticator = authenticator_for(campaign_editor)
    yield {"index": index, "programme": programme, "authenticator": authenticator}
    cache.clear()


def wait_for(condition, timeout=15.0):
    """Poll the database: the browser's request may still be finishing when navigation starts."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def log_in(page, username, authenticator=None):
    """Sign in through the real login form, then, for an account that must use one, with its second factor."""
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()
    if authenticator is not None:
        page.wait_for_url("**/admin/two-factor/verify/?next=*")
        page.fill("input[name=code]", current_code(authenticator))
        page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def log_out(page):
    page.context.clear_cookies()


def open_edit_view(page, url):
    """Open a page's edit view and wait until its scripts have set up the rich text editors.

    Until then the description field holds its server-side value, which posts back as a
    change; an "Approve" posted so would save the reviewer's own revision, and that one
    needs an approval of its own (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT): the old
    summary would stay live. The "More actions" menu works before the editors do.
    """
    page.goto(url)
    page.wait_for_function(
        """() => {
            const inputs = [...document.querySelectorAll("input[data-draftail-input]")];
            return inputs.length > 0 && inputs.every((input) => input.parentNode.querySelector(".Draftail-Editor"));
        }"""
    )


def open_more_actions(page):
    page.locator("footer").get_by_role("button", name="More actions").click()


def test_a_change_is_submitted_approved_and_shown_to_visitors(page, federation, axe):
    programme = federation["programme"]
    edit_url = f"/admin/pages/{programme.pk}/edit/"

    # The organisation editor edits and submits for review: it may not publish.
    log_in(page, "org-eva")
    open_edit_view(page, edit_url)
    page.fill("input[name=summary]", NEW_SUMMARY)
    open_more_actions(page)
    assert page.locator("footer button[name=action-publish]").count() == 0
    with page.expect_navigation():
        page.get_by_role("button", name="Submit to Campaign review").click()
    page.wait_for_load_state("networkidle")
    assert "submitted" in page.locator(".messages").inner_text().lower()
    assert ProgramPage.objects.get(pk=programme.pk).summary == OLD_SUMMARY
    log_out(page)

    # A campaign editor finds it on the dashboard and approves it.
    log_in(page, "campaign-carl", federation["authenticator"])
    review = page.locator("#awaiting-review-section")
    assert "Taalbuddy" in review.inner_text()
    open_edit_view(page, edit_url)
    open_more_actions(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert wait_for(lambda: ProgramPage.objects.get(pk=programme.pk).summary == NEW_SUMMARY)
    log_out(page)

    # A visitor filters the overview by region and theme and finds the new text.
    page.goto(federation["index"].url + "?region=BE-VAN&theme=language")
    cards = page.locator(".programme-card")
    assert cards.count() == 1
    assert "Taalbuddy" in cards.first.inner_text() and NEW_SUMMARY in cards.first.inner_text()
    axe(page)
    cards.first.get_by_role("link", name="Taalbuddy").first.click()
    page.wait_for_load_state()
    assert NEW_SUMMARY in page.locator("main").inner_text()
    axe(page)
