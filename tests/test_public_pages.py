"""The default path: demo content loads, and every public page type renders in nl, fr and en."""

import pytest

from django.urls import reverse
from django.utils import translation

from wagtail.models import Page, get_page_models

from home.tests.demo_support import demo_content_loaded

pytestmark = [pytest.mark.sqlite_path, pytest.mark.django_db]

LANGUAGES = ("nl", "fr", "en")


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    """Load the demo content once for the module, inside a transaction rolled back at the end.

    Each test still runs in its own savepoint, as with Django's setUpTestData.
    """
    with demo_content_loaded(django_db_blocker, quiet=True):
        yield


def public_page_models():
    return [model for model in get_page_models() if model is not Page and model.is_creatable]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_type_renders(client, demo_content, db, language):
    missing = []
    for model in public_page_models():
        page = model.objects.live().filter(locale__language_code=language).first()
        if page is None:
            missing.append(model.__name__)
            continue
        response = client.get(page.url)
        assert response.status_code == 200, f"{model.__name__} {page.url}"
        assert f'<html lang="{language}" dir="ltr">' in response.content.decode()
    assert not missing, f"no demo {language} page of type(s): {', '.join(missing)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_and_not_found_pages_render(client, demo_content, db, language):
    with translation.override(language):
        search_url = reverse("search")
    assert search_url.startswith(f"/{language}/")
    assert client.get(search_url).status_code == 200
    response = client.get(f"/{language}/this-page-does-not-exist/")
    assert response.status_code == 404
    assert f'<html lang="{language}" dir="ltr">' in response.content.decode()
