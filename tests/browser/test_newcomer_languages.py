"""The newcomer path on a phone (390×844) in Arabic, Ukrainian, Persian and Tigrinya.

Home page → a postcode → the overview filtered by that place → a programme serving it → the request form, with
`html[lang]` and `html[dir]` right and axe clean on every page. Arabic pages are mirrored: the screenshots of
each step are kept in NEWCOMER_SCREENSHOT_DIR (default: test-results/newcomer-languages/, printed by the test).
A small world rather than the demo: the home page translated into each language, one programme serving Gent.
"""

import os
from pathlib import Path

import pytest

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from home.models import HomePage
from programs.models import ProgramIndexPage
from programs.onboarding import onboard_organisation
from programs.tests.support import make_index, make_programme
from search.tests.support import add_municipalities

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DIRECTIONS = {"ar": "rtl", "uk": "ltr", "fa": "rtl", "ti": "ltr"}
HOME_TITLES = {"ar": "أهلاً بك", "uk": "Ласкаво просимо", "fa": "خوش آمدید", "ti": "እንቋዕ ብደሓን መጻእኩም"}
POSTCODE = "9000"  # Gent
REPO = Path(__file__).resolve().parent.parent.parent


def screenshot_dir():
    return Path(os.environ.get("NEWCOMER_SCREENSHOT_DIR") or REPO / "test-results" / "newcomer-languages")


@pytest.fixture
def newcomer_world(transactional_db, home_page):
    cache.clear()
    for code, title in HOME_TITLES.items():
        locale, _created = Locale.objects.get_or_create(language_code=code)
        translated = home_page.copy_for_translation(locale)
        translated.title = title
        translated.save_revision().publish()
    index = make_index(home_page)
    organisation = onboard_organisation("Buddy Gent")
    programme = make_programme(
        organisation,
        "Taalbuddy Gent",
        summary="Wekelijks Nederlands oefenen tijdens een wandeling.",
        regions=["BE-VOV"],
        themes=["language"],
        newcomer_request_form=True,
    )
    add_municipalities(programme, "Gent")
    yield {"index": index}
    cache.clear()


def assert_language_and_direction(page, code):
    assert page.locator("html").get_attribute("lang") == code, page.url
    assert page.locator("html").get_attribute("dir") == DIRECTIONS[code], page.url


def test_the_newcomer_path_on_a_phone_in_every_newcomer_language(newcomer_world, new_page, axe):
    folder = screenshot_dir()
    folder.mkdir(parents=True, exist_ok=True)
    print(f"Screenshots of the Arabic pages: {folder}")
    for code in DIRECTIONS:
        page = new_page(phone=True)
        home = HomePage.objects.get(locale__language_code=code)
        overview = ProgramIndexPage.objects.get(locale__language_code=code)

        page.goto(home.url)
        assert_language_and_direction(page, code)
        assert page.locator(".hero__newcomers a").get_attribute("href").endswith(overview.url + "?newcomers=1")
        axe(page)
        if code == "ar":
            page.screenshot(path=str(folder / "ar-1-home.png"), full_page=True, animations="disabled")
            # Mirrored: the brand starts at the right edge, the menu button sits at the left.
            brand, toggle = page.locator(".brand").bounding_box(), page.locator(".site-menu__toggle").bounding_box()
            assert brand["x"] > toggle["x"], (brand, toggle)

        page.locator("#finder-place-home").fill(POSTCODE)
        page.locator(".place-search button[type=submit]").click()
        page.wait_for_load_state()
        assert page.url.split("?")[0].endswith(overview.url) and f"place={POSTCODE}" in page.url, page.url
        assert_language_and_direction(page, code)
        axe(page)
        if code == "ar":
            page.screenshot(path=str(folder / "ar-2-overview.png"), full_page=True, animations="disabled")

        page.locator(".programme-list .programme-card h3 a").first.click()
        page.wait_for_load_state()
        assert page.locator("body.page-programme").count() == 1, page.url
        assert_language_and_direction(page, code)
        assert page.locator("main h1").get_attribute("lang") == "nl"  # the listing's own text, marked as Dutch
        axe(page)
        if code == "ar":
            page.screenshot(path=str(folder / "ar-3-programme.png"), full_page=True, animations="disabled")

        with translation.override(code):
            form_prefix = reverse("participation_request", args=[0]).removesuffix("0/")
        page.locator(f'main a[href^="{form_prefix}"]').first.click()
        page.wait_for_load_state()
        assert page.url.split("?")[0].startswith(page.url.split(form_prefix)[0] + form_prefix), page.url
        assert page.locator("form.request-form, main form").count() >= 1
        assert_language_and_direction(page, code)
        axe(page)
        if code == "ar":
            page.screenshot(path=str(folder / "ar-4-request-form.png"), full_page=True, animations="disabled")
    assert sorted(path.name for path in folder.glob("ar-*.png")) == [
        "ar-1-home.png",
        "ar-2-overview.png",
        "ar-3-programme.png",
        "ar-4-request-form.png",
    ]
