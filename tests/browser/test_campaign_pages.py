"""A visitor on the campaign pages, in a real browser."""

import pytest

from django.core.management import call_command

from home.models import FAQPage, StandardPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo_site(transactional_db):
    call_command("load_demo_content", quiet=True)


def test_visitor_reads_the_campaign_pages_in_every_language(page, phone_page, demo_site, axe):
    """One test, one demo load: loading the demo content is the slow part (minutes), flushed after each test."""
    switches_language_and_opens_faq_answers(page)
    no_axe_violations_on_campaign_pages(page, phone_page, axe)


def switches_language_and_opens_faq_answers(page):
    page.set_extra_http_headers({"Accept-Language": "nl-BE,nl;q=0.9"})
    page.goto("/")
    assert page.url.endswith("/nl/")
    assert page.locator("html").get_attribute("lang") == "nl"

    faq_nl = FAQPage.objects.get(locale__language_code="nl")
    faq_fr = FAQPage.objects.get(locale__language_code="fr")
    page.goto(faq_nl.url)
    page.get_by_role("navigation", name="Kies een taal").get_by_role("link", name="FR Français").click()
    page.wait_for_load_state()
    assert page.url.endswith(faq_fr.url)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == faq_fr.title

    # An FAQ answer opens with the keyboard (the English FAQ this time).
    faq = FAQPage.objects.get(locale__language_code="en")
    first = faq.questions()[0]
    page.goto(faq.url)
    details = page.locator(f"details#{first['anchor']}")
    assert details.get_attribute("open") is None
    answer = details.locator(".faq-item__answer")
    assert not answer.is_visible()

    details.locator("summary").focus()
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None
    assert answer.is_visible()

    # A deep link opens its question.
    faq = FAQPage.objects.get(locale__language_code="nl")
    question = faq.questions()[2]
    page.goto(f"{faq.url}#{question['anchor']}")
    assert page.locator(f"details#{question['anchor']}").get_attribute("open") is not None


def no_axe_violations_on_campaign_pages(page, phone_page, axe):
    for language in ("nl", "fr", "en"):
        standard = StandardPage.objects.filter(locale__language_code=language).live().first()
        faq = FAQPage.objects.get(locale__language_code=language)
        for url in (f"/{language}/", standard.url, faq.url):
            page.goto(url)
            axe(page)
        phone_page.goto(f"/{language}/")
        axe(phone_page)
