"""Property-based: no query string, filter value or page number makes search or the finder fail, on either backend."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.urls import reverse
from django.utils import translation

from programs.tests.support import make_index, make_organisation, make_programme
from search.tests.support import refresh

pytest_plugins = ["search.tests.support"]
pytestmark = pytest.mark.django_db

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "x" * 10_000,
    "vluchteling " * 500,
    '"',
    "'",
    "\\",
    "' OR 1=1 --",
    '"); DROP TABLE search_searchdocument; --',
    "title:(buddy OR duo)^3 AND NOT x~2 *:* [a TO z] /re.*/",
    '{"query": {"match_all": {}}}',
    "NEAR(a b) AND a* OR ^b",
    "😀 بادي 伙伴 ﷽",
    "\u202etxet\u202c",
    "%",
    "_",
    "-",
    "a-b-c",
]

query_strings = st.one_of(
    st.sampled_from(NASTY),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
)
page_numbers = st.one_of(
    st.sampled_from(["", "0", "-1", "1", "2", "999999", "1e9", "abc", "\x00", "9" * 40]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
)
facet_values = st.one_of(
    st.sampled_from(["housing", "BE-VAN", "online", "", "BE-XXX", "<b>", "1", "0"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
)
FACET_PARAMS = ["region", "theme", "target", "language", "mode", "accepting", "page", "q"]

HYPOTHESIS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.fixture
def finder_url(search_backend, home_page):
    organisation = make_organisation(make_index(home_page), "Samen Antwerpen")
    make_programme(organisation, "Woonbuddy", summary="Samen wonen met een vluchteling.", themes=["housing"])
    refresh()
    return "/nl/buddyprogrammas/"


def search_url(language="nl"):
    with translation.override(language):
        return reverse("search")


@HYPOTHESIS
@given(query=query_strings, page=page_numbers)
def test_site_search_always_answers(finder_url, client, query, page):
    response = client.get(search_url(), {"q": query, "page": page})
    assert response.status_code == 200
    assert b'<meta name="robots" content="noindex">' in response.content


@HYPOTHESIS
@given(query=query_strings)
def test_suggestions_always_answer_with_json(finder_url, client, query):
    response = client.get("/nl/search/suggestions/", {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


@HYPOTHESIS
@given(params=st.lists(st.tuples(st.sampled_from(FACET_PARAMS), st.one_of(facet_values, query_strings)), max_size=8))
def test_the_finder_always_answers(finder_url, client, params):
    data = {}
    for key, value in params:
        data.setdefault(key, []).append(value)
    response = client.get(finder_url, data)
    assert response.status_code == 200


@pytest.mark.parametrize("raw", ["q=%FF%FE%00", "q=%ZZ&page=%FF", "q=a&q=b&page=1&page=2", "q=" + "%41" * 5000])
def test_undecodable_or_repeated_parameters(finder_url, client, raw):
    assert client.get(f"{search_url()}?{raw}").status_code == 200
    assert client.get(f"{finder_url}?{raw}").status_code == 200
    assert client.get(f"/nl/search/suggestions/?{raw}").status_code == 200
