"""The page cache for anonymous visitors and its purge (home/page_cache.py, home/cache_purge.py).

Each test changes the database *without* publishing (`.update()`) to tell a cached response from a fresh
render, and publishes through Wagtail's actions, with on-commit callbacks run as a real commit would, to
see the purge.
"""

import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from wagtail.models import Page, PageViewRestriction

from home import page_cache
from programs.models import ProgramPage
from programs.tests.support import in_locale, make_index, make_organisation, make_programme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(home_page, django_capture_on_commit_callbacks):
    index = make_index(home_page)
    organisation = make_organisation(index, "Buddywerk Gent")
    programme = make_programme(organisation, "Samen op stap")
    return {"home": home_page, "index": index, "organisation": organisation, "programme": programme}


def publish(page, django_capture_on_commit_callbacks, **changes):
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    return page


def rename_without_publishing(page, title):
    """A change no publication announces: only a fresh render shows it."""
    Page.objects.filter(pk=page.pk).update(title=title)
    type(page.specific).objects.filter(pk=page.pk).update(title=title)


def text(response):
    return response.content.decode()


def programme_count(response):
    """The home page's first figure, the number of live programmes."""
    return re.search(r"(\d+)\s*</[^>]+>\s*<[^>]+>\s*[^<]*buddy", text(response), re.I | re.S)


def test_an_anonymous_page_is_served_from_the_cache_with_cdn_headers(client, site):
    url = site["programme"].url
    first = client.get(url)
    assert "Samen op stap" in text(first)
    control = first["Cache-Control"]
    assert "public" in control and "s-maxage=3600" in control and "max-age=0" in control

    rename_without_publishing(site["programme"], "Stilletjes hernoemd")
    second = client.get(url)
    assert second.content == first.content, "the second visitor gets the stored page"
    assert second["Cache-Control"] == control


def test_a_cached_page_costs_one_cache_round_trip(client, site, monkeypatch):
    """The response and the versions that make it current are read together: a hit is one trip to Redis."""
    url = site["programme"].url
    client.get(url)
    store, calls, depth = page_cache.page_cache(), [], [0]

    def spy(name):
        method = getattr(store, name)

        def recorded(*args, **kwargs):
            # The local-memory cache's get_many calls its own get per key: only the outer call is a trip.
            if not depth[0]:
                calls.append(name)
            depth[0] += 1
            try:
                return method(*args, **kwargs)
            finally:
                depth[0] -= 1

        return recorded

    for name in ("get", "get_many", "add", "set", "set_many", "delete"):
        monkeypatch.setattr(store, name, spy(name))
    assert client.get(url).status_code == 200
    assert calls == ["get_many"]


def test_the_query_string_is_normalised_in_the_key(client, site):
    url = site["index"].url
    first = client.get(url + "?region=BE-VAN&theme=x")
    rename_without_publishing(site["programme"], "Stilletjes hernoemd")
    same = client.get(url + "?theme=x&utm_source=newsletter&region=BE-VAN")
    other = client.get(url + "?region=BE-VAN")
    assert same.content == first.content
    assert "Stilletjes hernoemd" in text(other), "another filter is another page"


def test_publishing_purges_the_page_the_overview_its_filters_the_organisation_and_home_figures(
    client, site, django_capture_on_commit_callbacks
):
    home_url, index_url = site["home"].url, site["index"].url
    pages = [site["programme"].url, index_url, index_url + "?region=BE-VAN", site["organisation"].url]
    for url in [*pages, home_url]:
        assert client.get(url).status_code == 200
    home_before = text(client.get(home_url))

    publish(site["programme"], django_capture_on_commit_callbacks, title="Samen op pad")
    for url in pages:
        assert "Samen op pad" in text(client.get(url)), url

    publish(make_programme(site["organisation"], "Taalmaatjes", publish=False), django_capture_on_commit_callbacks)
    assert "Taalmaatjes" in text(client.get(index_url))
    assert text(client.get(home_url)) != home_before, "the home page's figures count the new programme"
    assert "Taalmaatjes" in text(client.get(site["organisation"].url))


def test_the_purge_waits_for_the_commit(client, site, django_capture_on_commit_callbacks):
    url = site["programme"].url
    client.get(url)
    page = site["programme"].specific
    page.title = "Nog niet gecommit"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.save_revision().publish()
        assert "Nog niet gecommit" not in text(client.get(url)), "purged only after the commit"
    assert callbacks
    for callback in callbacks:
        callback()
    assert "Nog niet gecommit" in text(client.get(url))


def test_unpublishing_and_deleting_purge(client, site, django_capture_on_commit_callbacks):
    index_url, url = site["index"].url, site["programme"].url
    assert "Samen op stap" in text(client.get(index_url)) and client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        site["programme"].unpublish()
    assert client.get(url).status_code == 404
    assert "Samen op stap" not in text(client.get(index_url))

    other = publish(
        make_programme(site["organisation"], "Kookduo's", publish=False), django_capture_on_commit_callbacks
    )
    other_url = other.url
    assert client.get(other_url).status_code == 200 and "Kookduo" in text(client.get(index_url))
    with django_capture_on_commit_callbacks(execute=True):
        other.delete()
    assert client.get(other_url).status_code == 404
    assert "Kookduo" not in text(client.get(index_url))


def test_moving_purges_the_old_address_and_both_parents(client, site, django_capture_on_commit_callbacks):
    other_organisation = make_organisation(site["index"], "Vluchtelingenwerk")
    old_url = site["programme"].url
    assert client.get(old_url).status_code == 200
    assert "Samen op stap" in text(client.get(site["organisation"].url))
    with django_capture_on_commit_callbacks(execute=True):
        site["programme"].move(other_organisation, pos="last-child")
    assert client.get(old_url).status_code == 301, "Wagtail's redirect to the new address, not the stored page"
    assert "Samen op stap" not in text(client.get(site["organisation"].url))
    assert client.get(ProgramPage.objects.get(pk=site["programme"].pk).url).status_code == 200


def test_publishing_the_source_purges_its_translations(client, site, django_capture_on_commit_callbacks):
    french = in_locale(site["programme"], "fr")
    french_index = in_locale(site["index"], "fr")
    before = {url: text(client.get(url)) for url in (french.url, french_index.url)}
    rename_without_publishing(site["programme"], "Stilletjes hernoemd")
    assert all(text(client.get(url)) == page for url, page in before.items()), "stored"

    publish(site["programme"], django_capture_on_commit_callbacks, title="Samen op pad")
    assert text(client.get(french.url)) != before[french.url], "the French page's notes follow its source"
    assert text(client.get(french_index.url)) != before[french_index.url]


def test_the_sitemap_is_purged_on_publish(client, site, django_capture_on_commit_callbacks):
    assert "taalmaatjes" not in text(client.get("/sitemap.xml"))
    programme = make_programme(site["organisation"], "Taalmaatjes", slug="taalmaatjes", publish=False)
    publish(programme, django_capture_on_commit_callbacks)
    assert "taalmaatjes" in text(client.get("/sitemap.xml"))


def test_a_signed_in_user_is_never_served_or_stored(client, site):
    url = site["programme"].url
    admin = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "a-long-password-123")
    client.force_login(admin)
    signed_in = client.get(url)
    assert "userbar" in text(signed_in) and "public" not in signed_in.get("Cache-Control", "")

    anonymous = client.__class__()
    page = anonymous.get(url)
    assert "userbar" not in text(page) and "beheer" not in text(page), "no signed-in header reaches visitors"

    rename_without_publishing(site["programme"], "Stilletjes hernoemd")
    assert "Stilletjes hernoemd" in text(client.get(url)), "signed-in users always see a fresh page"
    assert "Stilletjes hernoemd" not in text(anonymous.get(url))


def test_a_message_is_never_stored_or_shared(client, site):
    url = site["programme"].url
    storage = CookieStorage(RequestFactory().get("/"))
    encoded = storage._encode([Message(constants.SUCCESS, "Bedankt voor je aanvraag, Fatima")])
    client.cookies[CookieStorage.cookie_name] = encoded
    with_message = client.get(url)
    assert "public" not in with_message.get("Cache-Control", "")

    other = client.__class__().get(url)
    assert "Fatima" not in text(other)
    assert "public" in other["Cache-Control"]


def test_a_page_with_a_csrf_protected_form_is_never_stored(client, site):
    """A password-protected page shows a form: its CSRF token belongs to one visitor."""
    PageViewRestriction.objects.create(
        page=site["programme"], restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    url = site["programme"].url
    first = client.get(url)
    assert "csrfmiddlewaretoken" in text(first)
    second_visitor = client.__class__()
    second = second_visitor.get(url)
    tokens = [re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(r)).group(1) for r in (first, second)]
    assert tokens[0] != tokens[1], "each visitor gets their own token"
    assert "public" not in second.get("Cache-Control", "")


def test_no_cached_response_carries_another_visitors_cookie(client, site):
    url = site["index"].url
    client.cookies["csrftoken"] = "A" * 32
    client.cookies["visitor"] = "eerste-bezoeker"
    client.get(url)
    cached = client.__class__().get(url)
    assert not cached.cookies
    assert "eerste-bezoeker" not in text(cached) and "A" * 32 not in text(cached)
    assert "Set-Cookie" not in cached


def test_a_finder_query_is_never_cached(client, site):
    url = site["index"].url + "?q=stap"
    first = client.get(url)
    assert "public" not in first.get("Cache-Control", "")
    rename_without_publishing(site["programme"], "Samen op stap, hernoemd")
    assert "hernoemd" in text(client.get(url))


def test_public_pages_carry_no_csp_nonce_and_a_nonce_is_never_stored(client, site):
    response = client.get(site["programme"].url)
    assert "nonce" not in response["Content-Security-Policy"] and "nonce=" not in text(response)

    request = RequestFactory().get("/nl/")
    with_nonce = HttpResponse(
        "<script nonce='x'></script>", headers={"Content-Security-Policy": "script-src 'nonce-x'"}
    )
    assert not page_cache.may_store(request, with_nonce)
    assert page_cache.may_store(request, HttpResponse("ok", headers={"Content-Security-Policy": "script-src 'self'"}))


def test_a_preview_is_never_served_from_or_stored_in_the_cache(client, site):
    url = site["programme"].url
    client.get(url)
    draft = site["programme"].specific
    draft.title = "Concepttitel"
    preview = draft.make_preview_request()
    assert "Concepttitel" in text(preview)
    assert "Concepttitel" not in text(client.get(url))
