"""Fixtures of the search tests (a pytest plugin: `pytest_plugins = ["tests.search_support"]`).

`search_backend` is parametrised over the database and the real search server
(scripts/search-server); `server_backend` is the server alone. For the server
the settings point at SEARCH_SERVER_URL / ELASTICSEARCH_URL (default:
`scripts/search-server url`) with a prefix of this test run's own; the indexes
are created once per session and emptied before each test. Without a
reachable server these tests skip on a laptop and fail in CI (CI=true). The
server is never mocked.
"""

import pytest

from django.core.cache import cache

from tests.search_helpers import DATABASE, RUN_PREFIX, require_server, server_settings


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
