"""A spoofed Host header never reaches a link: absolute links name the configured Site (home/links.py)."""

import json
import re

import feedparser
import pytest
from bs4 import BeautifulSoup

from wagtail.models import Page, Site, get_page_models

from home.tests.demo_support import demo_content_loaded
from stories.models import StoryIndexPage

pytestmark = pytest.mark.django_db

SITE_ROOT = "https://buddies.example"
# Django checks a Host's name against ALLOWED_HOSTS but not its port; the test settings allow any name.
SPOOFED_HOSTS = ["127.0.0.1:99999", "attacker.example"]
SPOOFED = re.compile(r"99999|attacker\.example")


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker):
    with demo_content_loaded(django_db_blocker, quiet=True):
        yield


@pytest.fixture
def configured_site(demo_content, db):
    """The default site as an operator sets it up: its public hostname, on port 443 (https)."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "buddies.example", 443
    site.save()
    return site


def get(client, url, host):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, (url, host, response.status_code)
    body = response.content.decode()
    assert not SPOOFED.search(body), f"{url} with Host {host} shows the spoofed host"
    return body


def one_page_of_each_type():
    pages = []
    for model in get_page_models():
        if model is Page or not model.is_creatable:
            continue
        page = model.objects.live().filter(locale__language_code="nl").first()
        assert page is not None, model
        pages.append(page)
    return pages


@pytest.mark.parametrize("host", SPOOFED_HOSTS)
def test_canonical_og_url_and_hreflang_links_name_the_configured_site(client, configured_site, host):
    for page in one_page_of_each_type():
        html = BeautifulSoup(get(client, page.url, host), "html.parser")
        assert html.head.select_one('link[rel="canonical"]')["href"] == SITE_ROOT + page.url
        assert html.head.select_one('meta[property="og:url"]')["content"] == SITE_ROOT + page.url
        alternates = [link["href"] for link in html.head.select('link[rel="alternate"][hreflang]')]
        # nl, fr and en at least; the newcomer path and the programmes also in ar, uk, fa and ti.
        assert len(alternates) == page.get_translations(inclusive=True).live().count() >= 3, page.url
        assert all(href.startswith(SITE_ROOT + "/") for href in alternates), alternates
        for image in html.head.select('meta[property="og:image"], meta[name="twitter:image"]'):
            assert image["content"].startswith(SITE_ROOT + "/"), image


@pytest.mark.parametrize("host", SPOOFED_HOSTS)
def test_structured_data_links_name_the_configured_site(client, configured_site, host):
    from programs.models import ProgramPage
    from stories.models import StoryPage

    story = StoryPage.objects.live().filter(locale__language_code="nl", portrait__isnull=False).first()
    programme = ProgramPage.objects.live().filter(locale__language_code="nl").first()
    for page in (story, programme):
        html = BeautifulSoup(get(client, page.url, host), "html.parser")
        data = json.loads(html.select_one('script[type="application/ld+json"]').string)
        assert data["url"] == SITE_ROOT + page.url
        if page is story:
            assert data["mainEntityOfPage"] == SITE_ROOT + page.url
            assert data["image"]["url"].startswith(SITE_ROOT + "/media/")


@pytest.mark.parametrize("host", SPOOFED_HOSTS)
def test_the_story_feed_links_name_the_configured_site(client, configured_site, host):
    index = StoryIndexPage.objects.live().filter(locale__language_code="nl").get()
    feed = feedparser.parse(get(client, index.feed_url(), host))
    assert not feed.bozo, feed.bozo_exception
    assert feed.entries, "the feed has stories"
    assert feed.feed.id == SITE_ROOT + index.feed_url()
    assert {link.href for link in feed.feed.links} == {SITE_ROOT + index.url, SITE_ROOT + index.feed_url()}
    for entry in feed.entries:
        assert entry.link.startswith(SITE_ROOT + index.url) and entry.id == entry.link, entry


@pytest.mark.parametrize("host", SPOOFED_HOSTS)
def test_the_sitemap_and_robots_txt_name_the_configured_site(client, configured_site, host):
    locations = re.findall(r"<loc>([^<]*)</loc>", get(client, "/sitemap.xml", host))
    assert locations and all(url.startswith(SITE_ROOT + "/") for url in locations), locations
    assert f"Sitemap: {SITE_ROOT}/sitemap.xml" in get(client, "/robots.txt", host)


def test_a_site_on_another_port_keeps_its_port_and_plain_http(client, configured_site):
    configured_site.hostname, configured_site.port = "localhost", 8000
    configured_site.save()
    home = configured_site.root_page
    html = BeautifulSoup(get(client, home.url, "127.0.0.1:99999"), "html.parser")
    assert html.head.select_one('link[rel="canonical"]')["href"] == "http://localhost:8000" + home.url
