"""A visitor searches in a real browser: suggestions in the finder, facets, shareable URLs, no axe violations."""

import pytest

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from programs.tests.support import make_index, make_organisation, make_programme
from search.tests.support import DATABASE, make_faq

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def ensure_reference_data(locale):
    """What the migrations created and an earlier live-server test's flush may have removed."""
    from django.apps import apps

    from wagtail.models import Page

    from programs.taxonomy import seed_terms

    seed_terms(apps)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


@pytest.fixture
def finder_site(transactional_db, settings, locales, request):
    settings.WAGTAILSEARCH_BACKENDS = {"default": DATABASE}
    cache.clear()
    ensure_reference_data(locales["nl"])
    home_page = request.getfixturevalue("home_page")
    index = make_index(home_page)
    antwerp = make_organisation(index, "Samen Antwerpen")
    ghent = make_organisation(index, "Buddy Gent")
    make_programme(antwerp, "Woonbuddy", summary="Samen een woning zoeken met een vluchteling.", themes=["housing"])
    make_programme(antwerp, "Woonclub", summary="Wonen en koken met nieuwkomers.", themes=["leisure"])
    make_programme(ghent, "Taalbuddy", summary="Nederlands oefenen met een vluchteling.", themes=["language"])
    make_faq(home_page, {"Praktisch": [("Wat kost het?", "<p>Deelnemen aan een buddyprogramma is gratis.</p>")]})
    yield index
    cache.clear()


def card_titles(page):
    return sorted(page.locator(".programme-card h3").all_inner_texts())


def test_visitor_uses_suggestions_narrows_by_a_facet_and_shares_the_url(page, browser, live_server, finder_site, axe):
    page.goto("/nl/buddyprogrammas/")
    box = page.locator("#finder-query")
    box.click()
    box.press_sequentially("woon", delay=60)
    listbox = page.get_by_role("listbox")
    listbox.wait_for(state="visible")
    options = listbox.get_by_role("option")
    assert sorted(options.all_inner_texts()) == ["Woonbuddy", "Woonclub"]
    assert box.get_attribute("aria-expanded") == "true"

    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert active and page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Escape")
    assert listbox.is_hidden()
    # Submitting the typed word searches every programme that matches it.
    box.press("Enter")
    page.wait_for_url("**q=woon*")
    assert card_titles(page) == ["Woonbuddy", "Woonclub"]

    theme = page.locator("details.facet", has=page.locator("#filter-theme-housing"))
    theme.locator("summary").click()
    page.locator("label[for=filter-theme-housing]").click()
    page.locator(".finder__filters-panel button[type=submit]").click()  # "Show programmes"
    page.wait_for_url("**theme=housing*")
    assert "q=woon" in page.url
    assert card_titles(page) == ["Woonbuddy"]
    axe(page)

    shared_url = page.url
    other = browser.new_context(base_url=live_server.url).new_page()
    other.goto(shared_url)
    assert card_titles(other) == ["Woonbuddy"]
    assert other.locator("#finder-query").input_value() == "woon"
    other.context.close()


def test_choosing_a_suggestion_on_a_phone(phone_page, finder_site):
    phone_page.goto("/nl/buddyprogrammas/")
    box = phone_page.locator("#finder-query")
    box.tap()
    box.press_sequentially("taal", delay=60)
    option = phone_page.get_by_role("option", name="Taalbuddy")
    option.wait_for(state="visible")
    option.tap()
    assert box.input_value() == "Taalbuddy"
    assert phone_page.get_by_role("listbox").is_hidden()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_site_search_results_have_no_axe_violations(page, finder_site, axe, language):
    with translation.override(language):
        url = reverse("search")
    page.goto(f"{url}?q=vluchteling")
    assert page.locator(".search-result").count() >= 1
    axe(page)
    page.goto(f"{url}?q=gratis")
    axe(page)
    page.goto(url)
    axe(page)
