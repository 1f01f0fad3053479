"""Take part, on a phone (390×844) in Chromium: a visitor asks to join, the organisation answers.

A visitor opens the overview, picks a programme, asks for a buddy as a newcomer, is told
what is missing, sends the request and reads who will contact them. The organisation's
editor, signed in on a phone too, finds it from the dashboard in the inbox and marks it
contacted. axe checks every page on the way. With SCREENSHOT_DIR set, each step is saved
there as a PNG.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache

from wagtail.users.models import UserProfile

from home.tests.factories import UserFactory
from participation.models import ParticipationRequest
from programs.onboarding import onboard_organisation
from programs.tests.support import make_index, make_programme
from tests.browser.conftest import wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def federation(transactional_db, home_page):
    cache.clear()
    make_index(home_page)
    organisation = onboard_organisation("Buddywerk Antwerpen")
    programme = make_programme(
        organisation,
        "Taalbuddy",
        summary="Oefen Nederlands tijdens een wandeling door de stad.",
        regions=["BE-VAN"],
        themes=["language"],
        volunteer_request_form=True,
        newcomer_request_form=True,
    )
    editor = UserFactory(username="org-eva", first_name="Eva", last_name="Peeters")
    editor.groups.add(Group.objects.get(name="Buddywerk Antwerpen editors"))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    yield {"programme": programme, "editor": editor}
    cache.clear()


def shot(page, name):
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"take-part-{name}.png"), full_page=True, animations="disabled")


def test_a_visitor_asks_to_take_part_and_the_organisation_marks_it_contacted(federation, new_page, axe):
    visitor = new_page(phone=True)
    visitor.goto("/nl/buddyprogrammas/")
    visitor.get_by_role("link", name="Taalbuddy").first.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Taalbuddy")
    ask = visitor.get_by_role("link", name="Vraag een buddy als nieuwkomer")
    expect(ask).to_be_visible()
    shot(visitor, "1-programme")
    ask.click()

    expect(visitor.get_by_role("heading", level=1)).to_have_text("Vraag om mee te doen")
    expect(visitor.get_by_label("Als nieuwkomer: ik wil graag een buddy")).to_be_checked()
    expect(visitor.get_by_text("Buddywerk Antwerpen", exact=False).first).to_be_visible()
    axe(visitor)
    shot(visitor, "2-form")

    # Sent without a way to reach them or consent: told what is missing, what was typed kept.
    visitor.get_by_label("Voornaam").fill("Amal")
    visitor.get_by_role("button", name="Verstuur mijn aanvraag").click()
    summary = visitor.locator("#form-errors")
    expect(summary).to_contain_text("Geef een e-mailadres of een telefoonnummer")
    expect(summary).to_contain_text("Vink dit vakje aan")
    expect(visitor.get_by_label("Voornaam")).to_have_value("Amal")
    axe(visitor)
    shot(visitor, "3-errors")

    visitor.get_by_label("E-mailadres").fill("amal@example.org")
    visitor.get_by_role("combobox", name="Postcode of gemeente waar je woont").fill("Antwerpen")
    visitor.get_by_label("Arabisch").check()
    visitor.get_by_label("Bericht (niet verplicht)").fill("Ik ben vrij op woensdag.")
    visitor.get_by_label("Ik ga ermee akkoord", exact=False).check()
    visitor.get_by_role("button", name="Verstuur mijn aanvraag").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Je aanvraag is verstuurd")
    expect(visitor.locator("main")).to_contain_text("Buddywerk Antwerpen")
    axe(visitor)
    shot(visitor, "4-sent")

    assert wait_for(lambda: ParticipationRequest.objects.count() == 1)
    stored = ParticipationRequest.objects.get()
    assert (stored.role, stored.first_name, stored.municipality, stored.languages) == (
        "newcomer",
        "Amal",
        "Antwerpen",
        "ar",
    )
    assert wait_for(lambda: any(m.to == [federation["editor"].email] for m in mail.outbox))
    notice = next(m for m in mail.outbox if m.to == [federation["editor"].email])
    assert "Amal" not in notice.body and "amal@example.org" not in notice.body

    editor = new_page(phone=True)
    editor.goto("/admin/login/")
    editor.fill("input[name=username]", "org-eva")
    editor.fill("input[name=password]", PASSWORD)
    editor.locator("form button[type=submit]").click()
    editor.wait_for_url("**/admin/")
    panel = editor.locator("#new-requests-section")
    expect(panel).to_contain_text("1 new request waits for an answer.")
    axe(editor)
    panel.get_by_role("link", name="Open your requests").click()

    row = editor.locator("table.listing tbody tr").filter(has_text="Amal")
    expect(row).to_contain_text("Taalbuddy")
    axe(editor)
    shot(editor, "5-inbox")
    row.get_by_role("link", name="Amal").click()

    expect(editor.locator(".request-details")).to_contain_text("amal@example.org")
    expect(editor.locator(".request-details")).to_contain_text("Ik ben vrij op woensdag.")
    editor.locator("#id_status").select_option("contacted")
    editor.locator("#id_note").fill("Called on Monday; meeting on Wednesday.")
    editor.get_by_role("button", name="Save").click()
    expect(editor.locator(".messages")).to_contain_text("updated")
    axe(editor)
    shot(editor, "6-contacted")
    assert wait_for(lambda: ParticipationRequest.objects.get().status == "contacted")
    assert ParticipationRequest.objects.get().note == "Called on Monday; meeting on Wednesday."
