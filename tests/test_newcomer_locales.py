"""The newcomer languages (ar, uk, fa, ti): direction and language of every page, a switcher and hreflang that
offer only pages that exist, no dead link on their pages, and a finder that finds programmes by their Dutch
words and their places."""

from urllib.parse import urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup

from django.conf import settings
from django.http import QueryDict
from django.utils import translation

from wagtail.models import Locale, Page

from home.models import HomePage, StandardPage
from programs.filters import filter_programmes
from programs.models import ProgramIndexPage
from programs.taxonomy import THEMES
from programs.tests.support import index_in, make_index, make_organisation, make_programme
from search.tests.support import add_municipalities, refresh

pytest_plugins = ["search.tests.support"]
pytestmark = pytest.mark.django_db

NEWCOMER_LANGUAGES = ("ar", "uk", "fa", "ti")
DIRECTIONS = {"ar": "rtl", "uk": "ltr", "fa": "rtl", "ti": "ltr"}
NATIVE_NAMES = {"ar": "العربية", "uk": "Українська", "fa": "فارسی", "ti": "ትግርኛ"}
HOME_TITLES = {"ar": "الصفحة الرئيسية", "uk": "Головна", "fa": "صفحهٔ اصلی", "ti": "መእተዊ ገጽ"}


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def in_locale(page, code):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code=code)


@pytest.fixture
def newcomer_locales(locales):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in NEWCOMER_LANGUAGES}


@pytest.fixture
def world(home_page, newcomer_locales):
    """A home page translated into every newcomer language, a campaign page in nl only, and a programme."""
    homes = {}
    for code, locale in newcomer_locales.items():
        translated = home_page.copy_for_translation(locale)
        translated.title = HOME_TITLES[code]
        translated.save_revision().publish()
        homes[code] = HomePage.objects.get(pk=translated.pk)
    about = home_page.add_child(instance=StandardPage(title="Over de campagne", slug="over"))
    about.save_revision().publish()
    index = make_index(home_page)
    organisation = make_organisation(index, "Buddy Gent")
    programme = make_programme(
        organisation, "Taalbuddy", summary="Wekelijks Nederlands oefenen met een vluchteling.", themes=["language"]
    )
    return {"homes": homes, "about": about, "index": index, "programme": programme}


@pytest.mark.parametrize("code", NEWCOMER_LANGUAGES)
def test_the_newcomer_home_pages_say_their_language_and_direction(client, world, code):
    html = html_of(client, world["homes"][code].url)
    assert html.html["lang"] == code
    assert html.html["dir"] == DIRECTIONS[code]


@pytest.mark.parametrize("code", ["nl", "fr", "en"])
def test_the_belgian_languages_stay_left_to_right(client, world, code):
    url = "/nl/" if code == "nl" else HomePage.objects.get(locale__language_code=code).url
    html = html_of(client, url)
    assert (html.html["lang"], html.html["dir"]) == (code, "ltr")


def test_the_switcher_names_each_newcomer_language_in_its_own_script(client, world):
    html = html_of(client, world["homes"]["ar"].url)
    switcher = html.select_one("header nav.language-switcher")
    links = {a["hreflang"]: a for a in switcher.select("a[hreflang]")}
    assert set(links) == {code for code, _name in settings.LANGUAGES}
    for code, name in NATIVE_NAMES.items():
        assert links[code].get_text(strip=True) == name
        assert links[code]["lang"] == code
        assert links[code]["href"] == world["homes"][code].url
    assert [code for code, a in links.items() if a.get("aria-current")] == ["ar"]


def test_a_page_without_a_translation_is_not_offered_in_the_newcomer_languages(client, world):
    html = html_of(client, world["about"].url)
    switcher = {a["hreflang"] for a in html.select("header nav.language-switcher a[hreflang]")}
    alternates = {link["hreflang"] for link in html.head.select('link[rel="alternate"][hreflang]')}
    assert not switcher & set(NEWCOMER_LANGUAGES), switcher
    assert alternates == {"nl"}  # fr and en have no version of it either: the switcher sends them home


def test_hreflang_on_a_home_page_lists_every_existing_translation(client, world):
    html = html_of(client, world["homes"]["fa"].url)
    alternates = {link["hreflang"] for link in html.head.select('link[rel="alternate"][hreflang]')}
    assert alternates == {code for code, _name in settings.LANGUAGES}


def test_programmes_and_the_overview_exist_in_every_newcomer_language_and_show_their_source(client, world):
    for code in NEWCOMER_LANGUAGES:
        programme = in_locale(world["programme"], code)
        html = html_of(client, programme.url)
        assert html.html["lang"] == code
        heading = html.select_one("main h1")
        assert (heading.get_text(strip=True), heading["lang"]) == ("Taalbuddy", "nl")
        assert html.select("main .translation-note"), code  # "only available in Dutch", in the visitor's language
        overview = index_in(world["index"], code)
        assert html_of(client, overview.url).select_one("main")


@pytest.mark.parametrize("code", NEWCOMER_LANGUAGES)
def test_no_link_on_the_newcomer_pages_leads_nowhere(client, world, code):
    """Follow every link of the locale's home page, overview and programme, and every link of the pages they lead to
    in the same language: none answers 404 (or 500)."""
    programme = in_locale(world["programme"], code)
    start = [world["homes"][code].url, index_in(world["index"], code).url, programme.url]
    seen, queue = set(), [(url, 0) for url in start]
    while queue:
        url, depth = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code in (200, 301, 302), (url, response.status_code)
        if response.status_code != 200 or depth >= 1 or "text/html" not in response.get("Content-Type", ""):
            continue
        for a in BeautifulSoup(response.content, "html.parser").select("a[href]"):
            parts = urlsplit(a["href"])
            if parts.netloc not in ("", "testserver", "localhost") or not parts.path.startswith("/"):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if parts.path.startswith(("/admin/", "/static/", "/media/", "/documents/")):
                continue
            queue.append((link, depth + 1 if parts.path.startswith(f"/{code}/") else 1))
    assert len(seen) > 10, seen


@pytest.fixture
def programmes(search_backend, home_page, newcomer_locales):
    index = make_index(home_page)
    for code in NEWCOMER_LANGUAGES:  # the overview in each newcomer language (the programmes follow as aliases)
        index.copy_for_translation(newcomer_locales[code], copy_parents=True, alias=True)
    organisation = make_organisation(index, "Samen Antwerpen")
    housing = make_programme(
        organisation, "Woonbuddy", summary="Samen zoeken naar een woning voor een vluchteling.", themes=["housing"]
    )
    make_programme(organisation, "Jobcoach duo", summary="Begeleiding naar werk.", themes=["work"])
    add_municipalities(housing, "Mechelen")
    refresh()


def finder_titles(query_string, code):
    result = filter_programmes(QueryDict(query_string), locale=Locale.objects.get(language_code=code))
    return [programme.title for programme in result.page.object_list]


@pytest.mark.parametrize("code", NEWCOMER_LANGUAGES)
def test_the_finder_in_a_newcomer_language_finds_a_programme_by_a_dutch_word_and_a_place(programmes, code):
    assert finder_titles("q=woning", code) == ["Woonbuddy"]
    assert finder_titles("q=Mechelen", code) == ["Woonbuddy"]
    assert finder_titles("q=werk", code) == ["Jobcoach duo"]
    assert ProgramIndexPage.objects.filter(locale__language_code=code).exists()
    assert Page.objects.filter(locale__language_code=code, title="Woonbuddy").exists()


@pytest.mark.parametrize("code", NEWCOMER_LANGUAGES)
def test_the_finder_in_a_newcomer_language_finds_a_programme_by_a_theme_word_in_that_language(programmes, code):
    with translation.override(code):
        words = str(THEMES["housing"])
    assert words != "Housing", "the theme's name is translated"
    assert finder_titles(urlencode({"q": words}), code) == ["Woonbuddy"]


@pytest.mark.parametrize(
    ("accept", "code"), [("ar-SY,ar;q=0.9", "ar"), ("uk-UA", "uk"), ("fa-IR,fa", "fa"), ("ti-ER", "ti")]
)
def test_a_browser_set_to_a_newcomer_language_lands_on_that_home_page(client, world, accept, code):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302 and response["Location"] == f"/{code}/"
    assert html_of(client, response["Location"]).html["lang"] == code


def test_the_catalogues_use_each_languages_own_plural_forms():
    """A fuzzy or missing header would silently fall back to two forms (one, other) in every language."""

    def forms(code, counts):
        with translation.override(code):
            return [
                translation.ngettext("%(n)s request this month", "%(n)s requests this month", n) % {"n": n}
                for n in counts
            ]

    arabic = forms("ar", (1, 2, 5, 11, 100))
    assert len({text.replace(str(n), "#") for text, n in zip(arabic, (1, 2, 5, 11, 100), strict=True)}) == 5
    ukrainian = forms("uk", (1, 2, 5))
    assert len({text.replace(str(n), "#") for text, n in zip(ukrainian, (1, 2, 5), strict=True)}) == 3
    tigrinya = forms("ti", (1, 2))
    assert tigrinya[0].replace("1", "#") != tigrinya[1].replace("2", "#")
