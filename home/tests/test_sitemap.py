"""sitemap.xml lists every site language's pages and is built once per cache period (home/sitemap.py)."""

import re

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Site

from home import sitemap
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    cache.clear()
    about = home_page.add_child(instance=StandardPage(title="Over de campagne", slug="over"))
    about.save_revision().publish()
    french = about.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title, french.slug = "À propos", "a-propos"
    french.save_revision().publish()
    draft = home_page.add_child(instance=StandardPage(title="Nog niet klaar", slug="concept", live=False))
    yield {"about": about, "french": french.specific, "draft": draft}
    cache.clear()


def locations(response):
    return re.findall(r"<loc>([^<]*)</loc>", response.content.decode())


def test_the_sitemap_lists_the_pages_of_every_language(client, pages):
    root = Site.objects.get(is_default_site=True).root_url
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    found = locations(response)
    for path in ("/nl/", "/fr/", "/en/", "/nl/over/", "/fr/a-propos/"):
        assert root + path in found, (path, found)
    assert not [url for url in found if "concept" in url], "drafts stay out"


def test_the_sitemap_is_built_once_per_cache_period(client, pages):
    with CaptureQueriesContext(connection) as building:
        first = client.get("/sitemap.xml")
    assert "max-age=900" in first["Cache-Control"] and "public" in first["Cache-Control"]
    pages["draft"].save_revision().publish()
    with CaptureQueriesContext(connection) as serving:
        second = client.get("/sitemap.xml")
    # The request's transaction and the site lookup; no page is read.
    assert len(serving) <= 3 < len(building), [query["sql"] for query in serving.captured_queries]
    assert second.content == first.content, (
        "served from the cache: no purge announced that publication (its commit never comes in this test)"
    )
    assert second["Cache-Control"] == first["Cache-Control"]

    cache.clear()  # CACHE_SECONDS later
    assert any(url.endswith("/nl/concept/") for url in locations(client.get("/sitemap.xml")))
    assert sitemap.CACHE_SECONDS == 900


def test_an_unknown_sitemap_page_is_a_404_and_not_cached(client, pages):
    assert client.get("/sitemap.xml", {"p": "99"}).status_code == 404
    assert client.get("/sitemap.xml", {"p": "99"}).status_code == 404
    assert client.get("/sitemap.xml").status_code == 200
