"""The site search page: headers, highlighting, editors' picks, popular queries, pagination, messages."""

import pytest

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.service import POPULAR_MIN_HITS
from search.tests.support import make_faq, make_standard, refresh

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_path]


@pytest.fixture(autouse=True)
def database_search(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
    cache.clear()


@pytest.fixture
def pages(home_page):
    about = make_standard(home_page, "Over de campagne", "Buddies maken het verschil & meer.")
    make_standard(home_page, "Vragen <b>en</b> verschil", "Tekst.", slug="vragen")
    for n in range(12):
        make_standard(home_page, f"Nieuwsbericht {n}", f"Bericht {n} over de buddywerking.", slug=f"nieuws-{n}")
    refresh()
    return {"about": about}


def search_url(language):
    with translation.override(language):
        return reverse("search")


@pytest.mark.parametrize("path", ["/nl/zoeken/", "/fr/recherche/", "/en/search/"])
def test_the_search_page_answers_in_every_language_and_is_not_indexed(home_page, client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_a_response_with_a_query_is_never_stored(pages, client):
    response = client.get(search_url("nl"), {"q": "campagne"})
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control


def test_results_show_type_and_escaped_highlighted_snippet(pages, client):
    body = client.get(search_url("nl"), {"q": "verschil"}).content.decode()
    assert "<mark>verschil</mark>" in body
    assert "het <mark>verschil</mark> &amp; meer" in body
    assert "Vragen &lt;b&gt;en&lt;/b&gt; <mark>verschil</mark>" in body
    assert 'href="/nl/over-de-campagne/"' in body
    assert ">Pagina<" in body or ">Page<" in body


def test_a_query_is_escaped_everywhere(pages, client):
    body = client.get(search_url("nl"), {"q": '<script>alert("x")</script> buddy'}).content.decode()
    assert '<script>alert("x")' not in body
    assert "&lt;script&gt;" in body


def test_results_are_paginated(pages, client):
    first = client.get(search_url("nl"), {"q": "buddywerking"}).content.decode()
    assert "12 results" in first or "12 resultaten" in first
    assert first.count('class="search-result"') == 10
    assert "page=2" in first
    second = client.get(search_url("nl"), {"q": "buddywerking", "page": "2"}).content.decode()
    assert second.count('class="search-result"') == 2


@pytest.mark.parametrize("page", ["0", "-3", "abc", "99999999999999999999999", "1.5", "\x00"])
def test_a_bad_page_number_gives_a_page_with_a_message(pages, client, page):
    response = client.get(search_url("nl"), {"q": "buddywerking", "page": page})
    assert response.status_code == 200
    assert 'class="messages"' in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(pages, client):
    body = client.get(search_url("nl"), {"q": "buddywerking", "page": "7"}).content.decode()
    assert body.count('class="search-result"') == 2
    assert 'class="messages"' in body


def test_editors_picks_are_shown_apart_in_the_visitors_locale(pages, client):
    query = Query.get("campagne")
    SearchPromotion.objects.create(
        query=query, page=pages["about"], description="Alles over de campagne.", sort_order=0
    )
    SearchPromotion.objects.create(
        query=query, external_link_url="https://www.unhcr.org/", external_link_text="UNHCR", sort_order=1
    )
    body = client.get(search_url("nl"), {"q": "Campagne"}).content.decode()
    picks = body[body.index('class="search-picks"') : body.index("</section>", body.index('class="search-picks"'))]
    assert 'href="/nl/over-de-campagne/"' in picks and "https://www.unhcr.org/" in picks
    # The page has no French version: only the external link is picked there.
    french = client.get(search_url("fr"), {"q": "campagne"}).content.decode()
    assert "https://www.unhcr.org/" in french and "/nl/over-de-campagne/" not in french


def test_queries_are_recorded_and_popular_ones_shown(pages, client):
    for _ in range(POPULAR_MIN_HITS):
        client.get(search_url("nl"), {"q": "Buddywerking"})
    client.get(search_url("nl"), {"q": "zeldzame naam"})
    assert Query.objects.get(query_string="buddywerking").hits == POPULAR_MIN_HITS
    cache.clear()
    body = client.get(search_url("nl")).content.decode()
    assert 'href="?q=buddywerking"' in body
    assert "zeldzame" not in body
    # Popular in nl, but nothing matches in fr: not shown there.
    assert 'href="?q=buddywerking"' not in client.get(search_url("fr")).content.decode()


def test_a_faq_question_links_to_its_anchor(home_page, client):
    make_faq(home_page, {"Praktisch": [("Wat kost het?", "<p>Deelnemen is gratis.</p>")]})
    refresh()
    body = client.get(search_url("nl"), {"q": "gratis"}).content.decode()
    assert 'href="/nl/veelgestelde-vragen/#wat-kost-het"' in body


def test_suggestions_endpoint_survives_anything(client):
    for query in ["", "a", "\x00", "x" * 10_000, '"); DROP TABLE', '{"query": 1}', "*:*", "ü" * 90]:
        response = client.get("/en/search/suggestions/", {"q": query})
        assert response.status_code == 200
        assert response.json()["suggestions"] == []
