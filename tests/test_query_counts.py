"""The public pages a visitor opens most, each in at most 15 queries, however many programmes there are.

Counted for anonymous visitors with the page cache off (what happens when it misses), after one earlier
request has filled the site's chrome cache (home/chrome.py) as any visit does, in Dutch (the source
language) and French (translations and aliases). Counted again after twenty more programmes, stories and
organisations: the count must not grow with the data (bench/programs_bench.py checks 100,000).
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from home.models import SiteSettings
from programs.models import Municipality, ProgramMunicipality
from programs.tests.support import in_locale, make_index, make_organisation, make_programme
from stories.tests.support import make_story, make_story_index

# Committed, as a visitor's request sees the data: inside an uncommitted transaction that changed pages the
# chrome is computed afresh on purpose (home/chrome.py).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MAX_QUERIES = 15


def serve(programme, *codes):
    for code in codes:
        programme.municipality_links.add(ProgramMunicipality(municipality=Municipality.objects.get(nis_code=code)))
    programme.save_revision().publish()


def add_programmes(index, story_index, count, start=0):
    organisation = make_organisation(index, f"Buddywerk {start}", city="Gent")
    programmes = []
    for number in range(start, start + count):
        programme = make_programme(
            organisation,
            f"Taalbuddy {number}",
            regions=["BE-VOV", "BE-VAN"],
            themes=["language", "work"],
            target_groups=["adults"],
            languages=["nl", "ar"],
            modes=["in-person"],
        )
        serve(programme, "44021", "11002")
        make_story(story_index, f"Verhaal {number}", programme=programme, themes=["language"], region="BE-VOV")
        programmes.append(programme)
    return programmes


def pages(home_page, index, story_index, programme):
    for code in ("nl", "fr"):
        overview = in_locale(index, code).url
        yield f"home {code}", in_locale(home_page, code).url
        yield f"overview {code}", overview
        yield f"overview with two facets {code}", f"{overview}?region=BE-VOV&theme=language"
        yield f"programme {code}", in_locale(programme, code).url
        yield f"story index {code}", in_locale(story_index, code).url


def count_queries(client, url):
    client.get(url)  # fills the site's chrome cache, as any earlier visit does
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_public_pages_take_at_most_15_queries_whatever_the_number_of_programmes(client, home_page):
    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # made on first use otherwise, as on any new site
    index = make_index(home_page)
    story_index = make_story_index(home_page)
    first = add_programmes(index, story_index, 2)[0]
    few = {name: count_queries(client, url) for name, url in pages(home_page, index, story_index, first)}

    add_programmes(index, story_index, 20, start=2)
    many = {name: count_queries(client, url) for name, url in pages(home_page, index, story_index, first)}

    assert {name: n for name, n in few.items() if n > MAX_QUERIES} == {}, few
    assert many == few
