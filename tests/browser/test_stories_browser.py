"""A visitor reads a story in a real browser and follows it to the programme's sign-up."""

import pytest

from programs.models import ProgramPage
from programs.tests.support import make_index, make_organisation, make_programme
from stories.models import StoryIndexPage, StoryPage
from stories.tests.support import make_portrait, make_story, make_story_index

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SIGNUP_URL = "https://aanmelden.buddywerk.example/vrijwilligers"


@pytest.fixture
def story_site(home_page):
    organisation = make_organisation(make_index(home_page), "Buddywerk Antwerpen")
    programme = make_programme(organisation, "Taalbuddy Antwerpen", signup_url=SIGNUP_URL, accepting_volunteers="open")
    index = make_story_index(home_page)
    portrait = make_portrait(size=(900, 600))
    make_story(
        index,
        "Elke dinsdag koffie en nieuwe woorden",
        programme=programme,
        themes=["language", "social"],
        region="BE-VAN",
        featured=True,
        portrait=portrait,
    )
    make_story(index, "Samen naar de markt", programme=programme, themes=["social"], region="BE-VAN", portrait=portrait)
    return {"index": index, "programme": programme}


def test_visitor_goes_from_home_to_a_story_its_programme_and_the_sign_up(page, story_site):
    # The sign-up form lives on the organisation's own site: answer it here, without the network.
    page.route(f"{SIGNUP_URL}**", lambda route: route.fulfill(status=200, body="<h1>Aanmelden</h1>"))
    page.goto("/nl/")
    stories = page.locator("section[aria-labelledby=stories-heading]")
    with page.expect_navigation():
        stories.get_by_role("link", name="Elke dinsdag koffie en nieuwe woorden").click()
    story = StoryPage.objects.get(slug="elke-dinsdag-koffie-en-nieuwe-woorden", locale__language_code="nl")
    assert page.url.endswith(story.url)
    assert page.locator("h1").inner_text() == story.title

    with page.expect_navigation():
        page.locator(".story__programme a.button").click()
    programme = ProgramPage.objects.get(pk=story_site["programme"].pk)
    assert page.url.endswith(programme.url)
    assert page.locator("h1").inner_text() == programme.title

    signup = page.locator(f'.programme__signup a[href="{SIGNUP_URL}"]')
    assert signup.count() == 1
    signup.click()
    page.wait_for_url(SIGNUP_URL)
    assert page.locator("h1").inner_text() == "Aanmelden"


def test_filtering_works_with_the_keyboard_and_without_javascript(browser, live_server, story_site):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    index = StoryIndexPage.objects.get(pk=story_site["index"].pk)
    page.goto(index.url)
    assert page.locator(".story-results .card").count() == 2
    page.locator('ul[aria-labelledby="facet-theme"] a[href="?theme=language"]').focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("?theme=language")
    assert page.locator(".story-results .card").count() == 1
    context.close()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_axe_violations_on_the_story_index_and_a_story(page, phone_page, story_site, axe, language):
    index = StoryIndexPage.objects.get(
        translation_key=story_site["index"].translation_key, locale__language_code=language
    )
    story = StoryPage.objects.filter(locale__language_code=language).live().first()
    for url in (index.url, index.url + "?theme=social", story.url):
        page.goto(url)
        axe(page)
    phone_page.goto(story.url)
    axe(phone_page)
