import pytest


@pytest.mark.django_db
def test_root_redirects_by_browser_language(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-BE,fr;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["nl", "fr", "en"])
def test_home_renders_in_every_language(client, home_page, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="ltr">' in response.content.decode()
