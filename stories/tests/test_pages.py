"""The public story pages: filters and counts, pagination, feed, JSON-LD, social tags and responsive images."""

import json
import re

import feedparser
import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.models import HomePage
from programs.models import Region, Theme
from programs.tests.support import make_index, make_organisation, make_programme
from stories import models as story_models
from stories.models import OrganisationStoriesPage, StoryPage, stories_for_programme
from stories.tests.support import in_locale, make_portrait, make_story, make_story_index


@pytest.fixture
def stories(home_page):
    """Four live stories and one draft, across two programmes, themes and regions."""
    organisation = make_organisation(make_index(home_page), "Buddywerk")
    taalbuddy = make_programme(organisation, "Taalbuddy", signup_url="https://buddywerk.example/aanmelden")
    werkbuddy = make_programme(organisation, "Werkbuddy")
    index = make_story_index(home_page)
    portrait = make_portrait()
    made = {
        "koken": make_story(
            index, "Koken", programme=taalbuddy, themes=["social", "language"], region="BE-VAN", portrait=portrait
        ),
        "taal": make_story(index, "Taal", programme=taalbuddy, themes=["language"], region="BE-VOV", portrait=portrait),
        "werk": make_story(
            index, "Werk", programme=werkbuddy, themes=["work"], region="BE-VAN", featured=True, portrait=portrait
        ),
        "sport": make_story(
            index, "Sport", programme=werkbuddy, themes=["leisure", "social"], region="BE-BRU", portrait=portrait
        ),
        "draft": make_story(
            index,
            "Concept",
            programme=taalbuddy,
            themes=["language"],
            region="BE-VAN",
            publish=False,
            portrait=portrait,
        ),
    }
    return {"index": index, "taalbuddy": taalbuddy, "werkbuddy": werkbuddy, **made}


def theme(code):
    """A theme's label as the Dutch pages show it."""
    with translation.override("nl"):
        return str(Theme.objects.get(code=code).label)


def region(code):
    with translation.override("nl"):
        return str(Region.objects.get(code=code).label)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def titles(page):
    return [a.get_text(strip=True) for a in page.select(".story-results .card h3 a")]


def facet(page, name):
    """{label: count} of one facet's options."""
    options = {}
    for link in page.select(f'ul[aria-labelledby="facet-{name}"] a'):
        label = link.find(string=True, recursive=False).strip()
        options[label] = int(re.search(r"\((\d+)", link.select_one(".facet-count").get_text()).group(1))
    return options


@pytest.mark.django_db
def test_index_lists_live_stories_newest_first_with_counts(client, stories):
    StoryPage.objects.filter(pk=stories["taal"].pk).update(date="2026-01-05")
    StoryPage.objects.filter(pk=stories["koken"].pk).update(date="2025-06-01")
    page = soup(client.get(stories["index"].url))
    assert titles(page)[-2:] == ["Taal", "Koken"]
    assert "Concept" not in titles(page)
    assert page.select_one("#results-heading").get_text(strip=True).startswith("4 ")
    assert facet(page, "theme") == {theme("social"): 2, theme("language"): 2, theme("work"): 1, theme("leisure"): 1}
    assert facet(page, "region") == {region("BE-VAN"): 2, region("BE-VOV"): 1, region("BE-BRU"): 1}
    assert facet(page, "programme") == {"Taalbuddy": 2, "Werkbuddy": 2}
    # Cards: lazy, responsive pictures with their credit.
    for card in page.select(".story-results .card"):
        picture = card.select_one("picture")
        assert [s["type"] for s in picture.select("source")] == ["image/avif", "image/webp"]
        img = picture.select_one("img")
        assert img["loading"] == "lazy"
        assert img["width"] and img["height"] and img["sizes"] and img["srcset"]
        assert card.select_one(".credit").get_text(strip=True) == "© UNHCR/Studio Test"


@pytest.mark.django_db
def test_filters_combine_and_each_facet_counts_with_the_others_applied(client, stories):
    page = soup(client.get(stories["index"].url, {"theme": "social"}))
    assert sorted(titles(page)) == ["Koken", "Sport"]
    assert facet(page, "region") == {region("BE-VAN"): 1, region("BE-BRU"): 1}
    assert facet(page, "theme")[theme("language")] == 2  # choosing another theme would show these
    assert page.select_one('ul[aria-labelledby="facet-theme"] a[aria-current="true"]') is not None

    page = soup(client.get(stories["index"].url, {"theme": "social", "region": "BE-VAN"}))
    assert titles(page) == ["Koken"]
    page = soup(client.get(stories["index"].url, {"programme": stories["werkbuddy"].pk}))
    assert sorted(titles(page)) == ["Sport", "Werk"]
    # A selected option links to the list without it.
    selected = page.select_one('ul[aria-labelledby="facet-programme"] a[aria-current="true"]')
    assert selected["href"] == "?"


BAD_PARAMS = [
    {"theme": "no-such-theme"},
    {"region": "<script>"},
    {"programme": "abc"},
    {"programme": "99999999"},
    {"page": "-3"},
    {"page": "x" * 500},
    {"theme": "x" * 5000, "region": "\x00"},
]


@pytest.mark.django_db
def test_bad_filter_values_never_break_the_index(client, stories):
    for params in BAD_PARAMS:
        response = client.get(stories["index"].url, params)
        assert response.status_code == 200, params
        assert "<script>" not in response.content.decode().split("</head>")[1]


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, stories, monkeypatch):
    monkeypatch.setattr(story_models, "STORIES_PER_PAGE", 1)
    monkeypatch.setattr("stories.filters.STORIES_PER_PAGE", 1)
    page = soup(client.get(stories["index"].url, {"theme": "social"}))
    assert len(titles(page)) == 1
    next_link = page.select_one('.pagination a[rel="next"]')
    assert next_link["href"] == "?theme=social&page=2"
    page_two = soup(client.get(stories["index"].url, {"theme": "social", "page": 2}))
    assert titles(page_two) != titles(page)
    assert page_two.select_one('meta[name="robots"]')["content"] == "noindex, follow"
    assert page_two.select_one('.pagination [aria-current="page"]').get_text(strip=True).endswith("2")


@pytest.mark.django_db
def test_feed_per_locale_is_valid_atom_and_linked_from_the_head(client, stories):
    page = soup(client.get(stories["index"].url))
    link = page.select_one('head link[rel="alternate"][type="application/atom+xml"]')
    assert link["href"] == "/nl/verhalen/feed/"
    response = client.get(link["href"])
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.language == "nl"
    assert len(feed.entries) == 4
    assert {entry.title for entry in feed.entries} == {"Koken", "Taal", "Werk", "Sport"}
    assert all(entry.link.startswith("http://localhost/nl/verhalen/") for entry in feed.entries)

    french = feedparser.parse(client.get("/fr/verhalen/feed/").content)
    assert not french.bozo
    assert french.feed.language == "fr"
    assert all("/fr/" in entry.link for entry in french.entries)
    story_page = soup(client.get(stories["koken"].url))
    assert story_page.select_one('head link[type="application/atom+xml"]')["href"] == "/nl/verhalen/feed/"


@pytest.mark.django_db
def test_story_page_metadata_portrait_and_programme_link(client, stories):
    page = soup(client.get(stories["koken"].url))
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "Koken"
    assert data["inLanguage"] == "nl"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["datePublished"])
    assert data["mainEntityOfPage"].endswith("/nl/verhalen/koken/")
    assert data["image"]["url"].startswith("http")
    assert data["image"]["url"].endswith(".jpg")
    assert data["image"]["creditText"] == "© UNHCR/Studio Test"
    assert data["about"]["name"] == "Taalbuddy"
    for key in ("author", "publisher"):
        assert data[key]["@type"] == "Organization"

    # Open Graph and Twitter card, with a rendition of the portrait.

    def meta(attr, name):
        tags = page.select(f'meta[{attr}="{name}"]')
        assert len(tags) == 1, name
        return tags[0]["content"]

    assert meta("property", "og:type") == "article"
    assert meta("property", "og:title") == "Koken"
    assert meta("property", "og:image").startswith("http://localhost/media/images/")
    assert meta("property", "og:image:alt") == "Twee mensen lachen in een park"
    assert meta("name", "twitter:card") == "summary_large_image"
    assert meta("name", "twitter:image") == meta("property", "og:image")

    # The portrait: a responsive picture with its credit; the programme is linked.
    picture = page.select_one(".story__portrait picture")
    types = [source["type"] for source in picture.select("source")]
    assert types == ["image/avif", "image/webp"]
    assert all(source.get("srcset") and source.get("sizes") for source in picture.select("source"))
    img = picture.select_one("img")
    assert img["src"].endswith(".jpg")
    assert img["width"] and img["height"]
    assert img["sizes"]
    assert len(img["srcset"].split(",")) == 3
    assert img["alt"] == "Twee mensen lachen in een park"
    assert img.get("loading") is None  # the portrait is above the fold
    assert "fill-" in img["src"] and "-c75" in img["src"]  # cropped around the focal point
    assert page.select_one(".story__portrait figcaption").get_text(strip=True) == "© UNHCR/Studio Test"
    link = page.select_one(".story__programme a.button")
    assert link["href"] == stories["taalbuddy"].url
    assert link.get_text(strip=True) == "Taalbuddy"


@pytest.mark.django_db
def test_story_in_other_locales_shows_the_source_text_marked_with_its_language(client, stories):
    french = in_locale(stories["koken"], "fr")
    assert french.alias_of_id == stories["koken"].pk
    page = soup(client.get(french.url))
    assert page.html["lang"] == "fr"
    assert page.select_one("article")["lang"] == "nl"
    assert page.select_one(".translation-note") is not None


@pytest.mark.django_db
def test_home_page_features_stories_of_its_locale(client, stories):
    home = HomePage.objects.get(pk=stories["index"].get_parent().pk)
    page = soup(client.get(home.url))
    cards = page.select("#stories-heading ~ ul .card h3 a")
    assert [a.get_text(strip=True) for a in cards][0] == "Werk"  # featured first
    assert len(cards) == 3
    assert "stories.StoryIndexPage" in [f"{m._meta.app_label}.{m.__name__}" for m in HomePage.allowed_subpage_models()]


@pytest.mark.django_db
def test_programme_page_stories_in_every_locale(client, stories):
    assert {s.title for s in stories_for_programme(stories["taalbuddy"])} == {"Taal", "Koken"}
    french = stories_for_programme(in_locale(stories["taalbuddy"], "fr"))
    assert {s.locale.language_code for s in french} == {"fr"}
    assert len(french) == 2

    template = Template("{% load story_tags %}{% programme_stories page %}")
    request = RequestFactory().get(stories["taalbuddy"].url)
    html = template.render(Context({"page": stories["taalbuddy"], "request": request}))
    assert 'id="programme-stories-heading"' in html
    assert html.count('class="card story-card"') == 2
    empty = make_programme(stories["taalbuddy"].get_parent().specific, "Leeg")
    assert template.render(Context({"page": empty, "request": request})).strip() == ""

    # An organisation's story folder is no page of its own: visitors land on the index.
    folder = stories["index"].add_child(
        instance=OrganisationStoriesPage(
            title="Map", slug="map", organisation=stories["taalbuddy"].get_parent().specific
        )
    )
    response = client.get(folder.url)
    assert response.status_code == 302
    assert response["Location"] == stories["index"].url


@pytest.mark.django_db
def test_index_and_home_queries_do_not_grow_with_the_number_of_stories(client, stories):
    french_index = in_locale(stories["index"], "fr")
    urls = [stories["index"].url, french_index.url, "/nl/"]

    def count_queries():
        counts = []
        for url in urls:
            client.get(url)  # the first view makes the renditions
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        return counts

    few = count_queries()
    portrait = stories["koken"].portrait
    for n in range(4):
        make_story(stories["index"], f"Extra {n}", programme=stories["werkbuddy"], themes=["work"], portrait=portrait)
    assert count_queries() == few
