"""The programme finder in Chromium: the region map, facets without JavaScript, and axe on phone-sized pages."""

import pytest

from django.core.cache import cache

from programs.tests.support import make_index, make_organisation, make_programme

# serialized_rollback: the flush after each test must not take the root page and reference data with it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def programmes(transactional_db, home_page):
    cache.clear()
    index = make_index(home_page)
    antwerp = make_organisation(index, "Buddywerk Antwerpen", website="https://buddywerk.example")
    make_programme(antwerp, "Taalbuddy", themes=["language"], regions=["BE-VAN"], languages=["nl", "ar"])
    make_programme(antwerp, "Werkmaatjes", themes=["work"], regions=["BE-VAN"], status="paused", notice="Even pauze.")
    liege = make_organisation(index, "Duo Liège", locale="fr")
    duo = make_programme(liege, "Duo langue", themes=["language"], regions=["BE-WLG"], accepting_volunteers="waitlist")
    yield {"index": index, "antwerp": antwerp, "duo": duo}
    cache.clear()


def test_map_facets_and_pages_on_a_phone(phone_page, programmes, axe):
    page = phone_page
    page.goto(programmes["index"].url)
    assert page.get_by_role("heading", level=2, name="3 programma's").is_visible()
    axe(page)

    # A region on the map is a link to the filtered overview.
    page.locator('svg a[aria-label^="Luik"]').click()
    page.wait_for_url("**?region=BE-WLG")
    assert page.get_by_role("heading", level=2, name="1 programma").is_visible()

    # Facets are plain checkboxes in a GET form; they combine with the region.
    page.goto(programmes["index"].url + "?region=BE-VAN")
    page.locator("summary", has_text="Filters (1)").click()  # collapsed on a phone, counting the region
    page.locator("summary", has_text="Thema").click()
    page.get_by_label("Werk en een job zoeken").check()
    page.get_by_role("button", name="Programma's tonen").click()
    page.wait_for_url("**theme=work**")
    assert "region=BE-VAN" in page.url
    assert page.get_by_role("link", name="Werkmaatjes").is_visible()
    assert page.get_by_role("link", name="Taalbuddy").count() == 0
    axe(page)

    # The programme and organisation pages (one test: the live server's database is set up once).
    page.goto(programmes["duo"].url)
    assert page.locator('h1[lang="fr"]').inner_text() == "Duo langue"
    axe(page)
    page.goto(programmes["antwerp"].url)
    assert page.get_by_role("link", name="Taalbuddy").is_visible()
    axe(page)
