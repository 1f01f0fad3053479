"""An organisation's programmes reach the public through the review workflow, driven in Chromium.

One flow, one browser context per role. An organisation editor adds a programme from its
dashboard (it lands in the organisation's own language), previews and saves it as a draft, and
submits it; then edits a translated programme and submits that too. A campaign editor finds
both first on its dashboard, compares the edit with the live version and approves both. A
visitor finds the new programme, the changed text on the overview (two filters applied) and on
the page, and the French and English translations saying they may be behind.

With UPDATE_GUIDE_IMAGES=1 the flow also writes the screenshots of the organisations' guide
(docs/organisations-guide.md) into docs/images/, so the guide never shows a stale admin:

    UPDATE_GUIDE_IMAGES=1 .venv/bin/pytest tests/browser/test_org_editor_flow.py
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group
from django.core.cache import cache

from wagtail.users.models import UserProfile

from home.tests.factories import UserFactory
from home.tests.two_factor_support import authenticator_for, current_code
from home.translation import source_strings, translate_instance
from programs.models import ProgramPage, Region
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from programs.tests.support import in_locale, make_index, make_organisation, make_programme
from tests.browser.conftest import wait_for

# serialized_rollback: the flush after each test must not take the root page and reference data with it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery staple"
OLD_SUMMARY = "Oefen Nederlands tijdens een wandeling door de stad."
NEW_SUMMARY = "Elke week samen Nederlands oefenen, nu ook op zaterdag in de bibliotheek."
NEW_TITLE = "Kookmaatjes"
NEW_PROGRAMME_SUMMARY = "Nieuwkomers en buren koken samen, elke maand in een andere keuken."
GUIDE_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


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
    strings = source_strings(programme)
    for code in ("fr", "en"):
        translate_instance(programme, code, {s: s if s == "Taalbuddy" else f"{s} ({code})" for s in strings})
    make_programme(organisation, "Werkmaatjes", summary="Samen naar werk zoeken.", regions=["BE-VAN"], themes=["work"])
    elsewhere = make_organisation(index, "Duo Liège", locale="fr")
    make_programme(elsewhere, "Duo langue", summary="Pratiquer le français.", regions=["BE-WLG"], themes=["language"])

    org_editor = english_admin(UserFactory(username="org-eva", first_name="Eva", last_name="Peeters"))
    org_editor.groups.add(Group.objects.get(name="Buddywerk Antwerpen editors"))
    campaign_editor = english_admin(UserFactory(username="campaign-carl", first_name="Carl", last_name="Janssens"))
    campaign_editor.groups.add(ensure_campaign_groups()["editors"])
    # A campaign editor publishes, so it signs in with a second factor.
    authenticator = authenticator_for(campaign_editor)
    yield {"index": index, "organisation": organisation, "programme": programme, "authenticator": authenticator}
    cache.clear()


def guide_image(page, name, locator=None):
    """With UPDATE_GUIDE_IMAGES=1, save what the editor sees as docs/images/<name>.png for the guide."""
    if os.environ.get("UPDATE_GUIDE_IMAGES") != "1":
        return
    GUIDE_IMAGES.mkdir(exist_ok=True)
    page.wait_for_load_state("networkidle")
    (locator or page).screenshot(path=str(GUIDE_IMAGES / f"{name}.png"), animations="disabled")


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


def wait_for_editors(page):
    """Wait until the edit form's scripts have set up the rich text editors.

    Until then the description field holds its server-side value, which posts back as a
    change; an "Approve" posted so would save the reviewer's own revision, and that one
    needs an approval of its own (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT): the old
    summary would stay live. The "More actions" menu works before the editors do.
    """
    page.wait_for_function(
        """() => {
            const inputs = [...document.querySelectorAll("input[data-draftail-input]")];
            return inputs.length > 0 && inputs.every((input) => input.parentNode.querySelector(".Draftail-Editor"));
        }"""
    )


def open_edit_view(page, url):
    page.goto(url)
    wait_for_editors(page)


def open_more_actions(page):
    page.locator("footer").get_by_role("button", name="More actions").click()


def click_and_wait(page, locator):
    with page.expect_navigation():
        locator.click()
    page.wait_for_load_state("networkidle")


def messages_text(page):
    return page.locator(".messages").inner_text()


def preview_shows(page, text):
    """The preview panel shows the page with the change: the admin may frame its own preview."""
    page.locator('[data-side-panel-toggle="preview"]').click()
    expect(page.frame_locator("#w-preview-iframe").locator("main")).to_contain_text(text, timeout=15000)


def submit_for_review(page):
    # "Submit to Campaign review" is the primary action; saving and the rest wait in the menu, never "Publish".
    assert "Submit to Campaign review" in page.locator("footer .w-dropdown-button > button").first.inner_text()
    open_more_actions(page)
    assert page.locator("footer button[name=action-publish]").count() == 0
    click_and_wait(page, page.get_by_role("button", name="Submit to Campaign review"))
    assert "submitted" in messages_text(page).lower()


def approve_in_editor(page, edit_url):
    open_edit_view(page, edit_url)
    open_more_actions(page)
    click_and_wait(page, page.get_by_role("button", name="Approve", exact=True))
    assert "is approved and now public" in messages_text(page)


def approve_on_dashboard(page, title):
    page.goto("/admin/")
    row = page.locator("#awaiting-review-section tr", has_text=title)
    row.get_by_role("button", name="Actions").click()
    click_and_wait(page, row.get_by_role("button", name="Approve", exact=True))
    assert "is approved and now public" in messages_text(page)


def test_programmes_are_added_changed_reviewed_and_shown_to_visitors(page, new_page, federation, axe):
    organisation, programme = federation["organisation"], federation["programme"]
    edit_url = f"/admin/pages/{programme.pk}/edit/"

    # The organisation editor adds a programme from its dashboard.
    log_in(page, "org-eva")
    guide_image(page, "dashboard-organisation", page.locator("main"))
    click_and_wait(page, page.get_by_role("link", name="Add a programme to Buddywerk Antwerpen"))
    page.fill("input[name=title]", NEW_TITLE)
    page.fill("input[name=summary]", NEW_PROGRAMME_SUMMARY)
    guide_image(page, "add-programme")
    page.check(f"input[name=regions][value='{Region.objects.get(code='BE-VAN').pk}']")
    open_more_actions(page)
    click_and_wait(page, page.locator("footer").get_by_role("button", name="Save draft"))
    assert "nothing is public yet" in messages_text(page)
    added = ProgramPage.objects.get(title=NEW_TITLE)
    # In the organisation's own language tree, below its Dutch page, however many copies it has.
    assert added.locale.language_code == "nl" and added.get_parent().pk == organisation.pk
    assert not added.live
    wait_for_editors(page)
    preview_shows(page, NEW_PROGRAMME_SUMMARY)
    guide_image(page, "preview")
    submit_for_review(page)
    guide_image(page, "submitted")

    # It changes a translated programme too, and saves it as a draft first: nothing reaches visitors.
    open_edit_view(page, edit_url)
    page.fill("input[name=summary]", NEW_SUMMARY)
    open_more_actions(page)
    click_and_wait(page, page.locator("footer").get_by_role("button", name="Save draft"))
    assert "visitors still see the published version" in messages_text(page)
    wait_for_editors(page)
    submit_for_review(page)
    assert ProgramPage.objects.get(pk=programme.pk).summary == OLD_SUMMARY

    # A campaign editor finds both first on its dashboard, compares the change with the live page, approves.
    reviewer = new_page()
    log_in(reviewer, "campaign-carl", federation["authenticator"])
    first_panel = reviewer.locator("section.w-panel--dashboard").first
    expect(first_panel).to_have_attribute("id", "awaiting-review-section")
    expect(first_panel).to_contain_text("Taalbuddy")
    expect(first_panel).to_contain_text(NEW_TITLE)
    guide_image(reviewer, "review-queue", reviewer.locator("main"))
    row = first_panel.locator("tr", has_text="Taalbuddy")
    row.get_by_role("button", name="Actions").click()
    click_and_wait(reviewer, row.get_by_role("link", name="Compare with live version"))
    # Wagtail's word diff: what goes and what comes.
    expect(reviewer.locator("main .deletion").filter(has_text="wandeling").first).to_be_visible()
    expect(reviewer.locator("main .addition").filter(has_text="zaterdag").first).to_be_visible()
    guide_image(reviewer, "compare")
    approve_in_editor(reviewer, edit_url)
    guide_image(reviewer, "approved")
    approve_on_dashboard(reviewer, NEW_TITLE)
    assert wait_for(lambda: ProgramPage.objects.get(pk=programme.pk).summary == NEW_SUMMARY)
    assert wait_for(lambda: ProgramPage.objects.get(pk=added.pk).live)

    # The organisation's editor sees which translations are now behind, in the page explorer.
    en_programme = in_locale(programme, "en")
    page.goto(f"/admin/pages/{en_programme.get_parent().pk}/")
    expect(page.locator("tr", has_text="Taalbuddy").locator(".translation-behind")).to_have_text("Translation behind")
    expect(page.locator("tr", has_text="Werkmaatjes").locator(".translation-behind")).to_have_count(0)
    guide_image(page, "translation-behind")

    # A visitor filters the overview by region and theme and finds the new text; the new programme is public.
    visitor = new_page()
    visitor.goto(federation["index"].url + "?region=BE-VAN&theme=language")
    cards = visitor.locator(".programme-card")
    expect(cards).to_have_count(1)
    assert "Taalbuddy" in cards.first.inner_text() and NEW_SUMMARY in cards.first.inner_text()
    axe(visitor)
    click_and_wait(visitor, cards.first.get_by_role("link", name="Taalbuddy").first)
    assert NEW_SUMMARY in visitor.locator("main").inner_text()
    assert visitor.locator(".translation-note").count() == 0  # the original itself
    visitor.goto(ProgramPage.objects.get(pk=added.pk).url)
    assert NEW_PROGRAMME_SUMMARY in visitor.locator("main").inner_text()

    # Its translations still hold the old text and say so, until synced, translated and published.
    visitor.goto(in_locale(programme, "fr").url)
    expect(visitor.locator(".translation-note")).to_contain_text("Cette traduction peut être en retard")
    visitor.goto(in_locale(programme, "en").url)
    expect(visitor.locator(".translation-note")).to_contain_text("This translation may be behind the Dutch original")
    axe(visitor)
