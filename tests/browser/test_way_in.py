"""The visitor's way in on a phone, JavaScript off: from any campaign page to a programme in three taps.

One demo load for every language and start page (loading is the slow part); the demo content comes
through the real loaders, so these checks also hold the demo text and the templates to the promise.

Scripts are switched off through the DevTools protocol rather than the context's `java_script_enabled`:
axe is itself a script, and with the context's switch off `page.evaluate` never returns (the test used to
hang there). The page is loaded and tapped through with scripts off; they are switched on only while axe
reads the DOM that the no-JavaScript page produced, and off again before the next tap.
"""

import pytest

from django.core.management import call_command

from home.demo import content
from home.models import FAQPage, HomePage, StandardPage
from programs.models import ProgramIndexPage, ProgramPage
from stories.models import StoryPage
from tests.browser.conftest import NAVIGATION_TIMEOUT_MS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
SEARCH_WORD = {"nl": "taal", "fr": "langue", "en": "language"}


@pytest.fixture
def demo_site(transactional_db):
    call_command("load_demo_content", quiet=True)


class ScriptSwitch:
    """Scripts off in one page (as a visitor without JavaScript has them), on only for a check that needs them."""

    def __init__(self, page):
        self.session = page.context.new_cdp_session(page)
        self.off()

    def off(self):
        self.session.send("Emulation.setScriptExecutionDisabled", {"value": True})

    def on(self):
        self.session.send("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.fixture
def phone_without_js(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    page.scripts = ScriptSwitch(page)
    yield page
    context.close()


@pytest.fixture
def axe_on_the_page_without_js(axe):
    """axe on the DOM the page built without scripts: scripts on for axe only, then off again."""

    def check(page):
        page.scripts.on()
        try:
            axe(page)
        finally:
            page.scripts.off()

    return check


def tap_first_programme(page):
    page.locator(".programme-list .programme-card h3 a").first.click()
    page.wait_for_load_state()


POSTCODE = "9000"  # Gent: three demo programmes serve it


def assert_on_a_programme_serving_the_postcode(page, language):
    """The page is a programme, and that programme serves the municipality of the typed postcode."""
    assert page.locator("body.page-programme").count() == 1, (language, page.url)
    programme = ProgramPage.objects.get(locale__language_code=language, title=page.locator("h1").inner_text())
    served = {link.municipality.name_nl for link in programme.municipality_links.select_related("municipality")}
    assert "Gent" in served, (language, programme.title, served)


def search_the_postcode_and_check_the_results(page, overview, language):
    """Typing is not a tap; submitting is. The overview is filtered by the place, first card on the first screen."""
    page.locator("#finder-place").fill(POSTCODE)
    page.locator(".finder__search button").click()
    page.wait_for_load_state()
    assert_filtered_by_the_postcode(page, overview, language)


def assert_filtered_by_the_postcode(page, overview, language):
    assert page.url.split("?")[0].endswith(overview.url) and f"place={POSTCODE}" in page.url, (language, page.url)
    first_card = page.locator(".programme-list .programme-card").first
    assert first_card.bounding_box()["y"] < PHONE["height"], (language, first_card.bounding_box())
    assert first_card.locator(".card__reason").count() == 1, language  # it says why it is listed


def test_phone_visitor_reaches_a_programme_in_three_taps_without_javascript(
    phone_without_js, demo_site, axe_on_the_page_without_js
):
    axe = axe_on_the_page_without_js
    page = phone_without_js
    for language in ("nl", "fr", "en"):
        home = HomePage.objects.get(locale__language_code=language)
        overview = ProgramIndexPage.objects.get(locale__language_code=language)
        about = StandardPage.objects.get(locale__language_code=language, slug=content.ABOUT_PAGE["slug"].get(language))
        faq = FAQPage.objects.get(locale__language_code=language)
        story = StoryPage.objects.filter(locale__language_code=language).live().first()

        # The home page: heading, both calls to action and the newcomers' way in on the first screen.
        page.goto(home.url)
        for locator in (
            page.locator("h1"),
            page.locator(".hero .button-row .button").first,
            page.locator(".hero .button-row .button").last,
        ):
            box = locator.bounding_box()
            assert box is not None and box["y"] + box["height"] <= PHONE["height"], (language, locator)
        assert page.locator(".hero .button-row .button").count() == 2
        assert page.locator(".hero__newcomers a").get_attribute("href").endswith(overview.url + "?newcomers=1")
        axe(page)

        # Home → overview → programme: two taps.
        page.locator(".hero .button-row .button").first.click()
        page.wait_for_load_state()
        assert page.url.endswith(overview.url)
        tap_first_programme(page)
        assert page.locator("body.page-programme").count() == 1

        # Home, a typed postcode → the overview filtered by that place → a programme serving it: two taps.
        page.goto(home.url)
        page.locator("#finder-place-home").fill(POSTCODE)
        page.locator(".place-search button[type=submit]").click()
        page.wait_for_load_state()
        assert_filtered_by_the_postcode(page, overview, language)
        axe(page)
        tap_first_programme(page)
        assert_on_a_programme_serving_the_postcode(page, language)

        # About, a story and the FAQ → menu → overview → programme: three taps.
        for start in (about, story, faq):
            page.goto(start.url)
            assert not page.locator(".main-nav").is_visible()  # the compact menu keeps the screen for the page
            page.locator(".site-menu__toggle").click()
            page.locator(".main-nav").get_by_role("link", name=overview.title, exact=True).click()
            page.wait_for_load_state()
            assert page.url.endswith(overview.url), (language, start.url, page.url)
            tap_first_programme(page)
            assert page.locator("body.page-programme").count() == 1, (language, start.url)

            # The page's own "take part" → overview, a typed postcode → a programme serving it: three taps.
            page.goto(start.url)
            assert page.locator(".take-part a.button").first.get_attribute("href") == overview.url
            page.locator(".take-part a.button").first.click()
            page.wait_for_load_state()
            search_the_postcode_and_check_the_results(page, overview, language)
            tap_first_programme(page)
            assert_on_a_programme_serving_the_postcode(page, language)

        # After a search the first card's top is on the first screen, and the map comes after the results.
        page.goto(overview.url)
        axe(page)
        page.locator("#finder-query").fill(SEARCH_WORD[language])
        page.locator(".finder__search button").click()
        page.wait_for_load_state()
        first_card = page.locator(".programme-list .programme-card").first
        assert first_card.bounding_box()["y"] < PHONE["height"], (language, first_card.bounding_box())
        assert not page.locator(".finder__filters-panel").is_visible()  # "Filters (n)" stays collapsed
        results_top = page.locator(".finder__results").bounding_box()["y"]
        assert page.locator(".finder__regions").bounding_box()["y"] > results_top
        axe(page)

        # Filters chosen in the collapsed panel come back as removable chips, still above the first card.
        page.locator(".finder__filters-toggle").click()
        page.locator("#filter-accepting").check()
        page.locator(".finder__filters-panel button[type=submit]").click()
        page.wait_for_load_state()
        assert "accepting=1" in page.url
        assert page.locator(".finder__filters-toggle").inner_text().endswith("(1)")
        assert page.locator(".active-filters .chip").count() >= 2  # the text, the filter (and "clear all")
        assert not page.locator(".finder__filters-panel").is_visible()
        card = page.locator(".programme-list .programme-card").first
        assert card.bounding_box()["y"] < PHONE["height"]
        axe(page)
