"""Search tests' support: fixtures (a pytest plugin: `pytest_plugins = ["search.tests.support"]`) and helpers.

`search_backend` is parametrised over the database and the real search server
(scripts/search-server); `server_backend` is the server alone. For the server
the settings point at SEARCH_SERVER_URL / ELASTICSEARCH_URL (default:
`scripts/search-server url`) with a prefix of this test run's own; the indexes
are created once per session and emptied before each test. Without a
reachable server these tests skip on a laptop and fail in CI (CI=true). The
server is never mocked.

The helpers: the server's settings, `refresh()` to make what was indexed searchable, and small content
(`make_faq`, `make_standard`, municipalities).
"""

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from django.core.cache import cache

ROOT = Path(__file__).resolve().parents[2]
SERVER_BACKEND = "search.backends.elasticsearch"
DATABASE = {"BACKEND": "search.backends.database"}
RUN_PREFIX = f"test_{uuid.uuid4().hex[:8]}_"


def server_url():
    url = os.environ.get("SEARCH_SERVER_URL") or os.environ.get("ELASTICSEARCH_URL")
    if url:
        return url
    try:
        return subprocess.run(
            [str(ROOT / "scripts" / "search-server"), "url"], capture_output=True, text=True, check=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "http://127.0.0.1:9200"


def server_settings(url=None, prefix=RUN_PREFIX):
    return {
        "default": {
            "BACKEND": SERVER_BACKEND,
            "URLS": [url or server_url()],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 10,
            "FALLBACK": "database",
            # A test runs inside one transaction that never commits: send index changes at once, not after
            # the commit (search/tests/test_index_queue.py commits for real to test the deferred sending).
            "INDEX_AFTER_COMMIT": False,
            # Tests need no fsync per write (the default "request" durability costs ~50 ms a write here).
            "INDEX_SETTINGS": {"settings": {"index": {"translog": {"durability": "async"}}}},
        },
        "database": DATABASE,
    }


def _reachable(url):
    import urllib.request

    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=5) as response:  # noqa: S310 (loopback)
            return response.status == 200
    except OSError:
        return False


def require_server():
    url = server_url()
    if not _reachable(url):
        message = f"No search server at {url} (start it with scripts/search-server start)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI needs it.")
        pytest.skip(message)
    return url


def refresh():
    """Make what was just indexed searchable (the search server refreshes about once a second)."""
    from wagtail.search.backends import get_search_backends

    for backend in get_search_backends():
        backend.refresh_indexes()


# Content -------------------------------------------------------------------------------------------


def make_faq(home_page, sections):
    """A published nl FAQ page; `sections` maps a section title to [(question, answer html), ...]."""
    from wagtail.rich_text import RichText

    from home.models import FAQPage

    value = [
        (
            "section",
            {
                "title": title,
                "questions": [{"question": q, "answer": RichText(a)} for q, a in questions],
            },
        )
        for title, questions in sections.items()
    ]
    faq = home_page.add_child(instance=FAQPage(title="Veelgestelde vragen", slug="veelgestelde-vragen", sections=value))
    faq.save_revision().publish()
    return FAQPage.objects.get(pk=faq.pk)


def make_standard(parent, title, introduction="", *, publish=True, slug=None):
    from django.utils.text import slugify

    from home.models import StandardPage

    page = parent.add_child(
        instance=StandardPage(title=title, slug=slug or slugify(title), introduction=introduction, live=publish)
    )
    revision = page.save_revision()
    if publish:
        revision.publish()
    return StandardPage.objects.get(pk=page.pk)


def municipality(name_nl):
    from programs.models import Municipality

    return Municipality.objects.filter(name_nl=name_nl).first()


def add_municipalities(programme, *names):
    """Serve these municipalities (by Dutch name) and publish the programme again."""
    from programs.models import ProgramMunicipality

    programme = type(programme).objects.get(pk=programme.pk)
    for name in names:
        programme.municipality_links.add(ProgramMunicipality(municipality=municipality(name)))
    programme.save_revision().publish()
    return type(programme).objects.get(pk=programme.pk)


# Fixtures ------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def server_indexes(django_db_setup, django_db_blocker):
    """Create this run's indexes (with the campaign's analysis) once; delete them at the end."""
    from django.test import override_settings

    from wagtail.search.backends import get_search_backend

    url = require_server()
    with override_settings(WAGTAILSEARCH_BACKENDS=server_settings(url)):
        backend = get_search_backend("default")
        for index in backend.all_indexes():
            index.reset()
        from wagtail.search.index import get_indexed_models

        for model in get_indexed_models():
            backend.get_index_for_model(model).add_model(model)
    yield url
    # Elasticsearch deletes indexes by name only (action.destructive_requires_name).
    names = list(backend.es.indices.get(index=f"{RUN_PREFIX}*"))
    if names:
        backend.es.indices.delete(index=names)


def _use_server(request, settings):
    url = request.getfixturevalue("server_indexes")
    settings.WAGTAILSEARCH_BACKENDS = server_settings(url)
    from wagtail.search.backends import get_search_backend

    _empty_documents_index(get_search_backend("default"))


# The database cases also run in the no-services SQLite pass (SQLite FTS5 is the default search).
@pytest.fixture(
    params=[
        pytest.param("database", marks=pytest.mark.sqlite_path),
        pytest.param("server", marks=pytest.mark.search_server),
    ]
)
def search_backend(request, settings):
    """The name of the backend under test, with the settings pointing at it."""
    cache.clear()
    if request.param == "database":
        settings.WAGTAILSEARCH_BACKENDS = {"default": DATABASE}
    else:
        _use_server(request, settings)
    yield request.param
    cache.clear()


@pytest.fixture
def server_backend(request, settings):
    """Only the search server (with the database backend beside it, as in production)."""
    cache.clear()
    _use_server(request, settings)
    yield "server"
    cache.clear()


def _empty_documents_index(backend):
    """Delete every document left by earlier tests (the database rolls back, the index does not).

    The server has no delete-by-query (its reindex module is not installed), so ids are listed and deleted.
    """
    from elasticsearch.helpers import bulk

    from search.models import SearchDocument

    name = backend.get_index_for_model(SearchDocument).name
    hits = backend.es.search(index=name, query={"match_all": {}}, size=10000, source=False)
    actions = [{"_op_type": "delete", "_index": name, "_id": hit["_id"]} for hit in hits["hits"]["hits"]]
    if actions:
        bulk(backend.es, actions, refresh=True)
