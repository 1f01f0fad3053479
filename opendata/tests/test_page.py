"""The public "Open data" page: in every language, linked from every page's footer, linking the export."""

import pytest

from django.test import override_settings


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, heading, licence",
    [
        ("nl", "Open data", "Naamsvermelding"),
        ("fr", "Données ouvertes", "Attribution"),
        ("en", "Open data", "Attribution"),
    ],
)
def test_open_data_page_documents_the_api_in_each_language(client, home_page, language, heading, licence):
    response = client.get(f"/{language}/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert licence in html and "https://creativecommons.org/licenses/by/4.0/" in html
    assert f'href="http://testserver/api/hsds/{language}/services?place=Gent' in html
    assert "Statbel" in html and "GeoNames" in html


@pytest.mark.django_db
def test_every_page_footer_links_the_open_data_page(client, home_page):
    for language in ("nl", "fr", "en"):
        html = client.get(f"/{language}/").content.decode()
        assert f'href="/{language}/open-data/"' in html


@pytest.mark.django_db
def test_the_page_links_the_latest_export_when_one_is_configured(client, home_page):
    assert "https://data.example/" not in client.get("/en/open-data/").content.decode()
    with override_settings(OPENDATA_EXPORT_URL="https://data.example/hsds-latest.zip"):
        html = client.get("/en/open-data/").content.decode()
    assert 'href="https://data.example/hsds-latest.zip"' in html
