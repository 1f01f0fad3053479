"""The embeddable widget: the only public route that may be framed; no cookies, no scripts; links to the site."""

import re

import pytest

from programs.tests.support import make_index, make_organisation, make_programme


@pytest.fixture
def programmes(home_page):
    index = make_index(home_page)
    ghent = make_organisation(index, "Buddywerk Gent")
    make_programme(ghent, "Taalbuddy Gent", regions=["BE-VOV"])
    make_programme(ghent, "Concept Gent", regions=["BE-VOV"], publish=False)
    liege = make_organisation(index, "Duo Liège", locale="fr")
    make_programme(liege, "Duo langue", regions=["BE-WLG"])
    return index


def frame_ancestors(response):
    match = re.search(r"frame-ancestors ([^;]+)", response["Content-Security-Policy"])
    return match.group(1).strip()


@pytest.mark.django_db
def test_widget_may_be_framed_by_any_site_and_sets_no_cookie(client, programmes):
    response = client.get("/nl/widget/", {"place": "Gent"})
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert frame_ancestors(response) == "*"
    assert not response.cookies
    html = response.content.decode()
    assert "<script" not in html
    assert '<base target="_top">' in html
    assert 'href="/nl/buddyprogrammas/buddywerk-gent/taalbuddy-gent/"' in html
    assert "Duo langue" not in html and "Concept Gent" not in html
    assert "Buddyprogramma's in de buurt van Gent" in html


@pytest.mark.django_db
def test_widget_by_region_and_in_french(client, programmes):
    html = client.get("/fr/widget/", {"region": "BE-WLG"}).content.decode()
    assert "Duo langue" in html and "Taalbuddy Gent" not in html
    assert 'lang="fr"' in html and "Programmes de parrainage" in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/nl/", "/nl/open-data/", "/nl/buddyprogrammas/", "/en/search/"])
def test_every_other_public_page_still_refuses_frames(client, programmes, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert frame_ancestors(response) == "'none'"


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{"place": "Atlantis"}, {"limit": "500"}, {"colour": "blue"}])
def test_a_widget_set_up_wrongly_says_what_is_wrong(client, programmes, query):
    response = client.get("/en/widget/", query)
    assert response.status_code == 400
    value = next(iter(query.values()))
    text = response.content.decode()
    assert "messages" in text and (value in text or next(iter(query)) in text)


@pytest.mark.django_db
def test_open_data_page_offers_the_snippet(client, programmes):
    html = client.get("/en/open-data/").content.decode()
    assert "&lt;iframe src=&quot;http://testserver/en/widget/?place=Gent&quot;" in html or (
        '&lt;iframe src="http://testserver/en/widget/?place=Gent"' in html
    )
