"""Search tests run on both backends: the database and the real search server (scripts/search-server).

`search_backend` is parametrised. For the server it points the settings at
SEARCH_SERVER_URL / ELASTICSEARCH_URL (default: `scripts/search-server url`)
with a prefix of this test run's own, creates the indexes once per session and
empties them before each test. Without a reachable server the server cases
skip on a laptop and fail in CI (CI=true). The server is never mocked.
"""

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from django.core.cache import cache

ROOT = Path(__file__).resolve().parent.parent
SERVER_BACKEND = os.environ.get("SEARCH_SERVER_BACKEND", "search.backends.opensearch")
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
    backend.es.indices.delete(index=f"{RUN_PREFIX}*")


@pytest.fixture(params=["database", pytest.param("server", marks=pytest.mark.search_server)])
def search_backend(request, settings):
    """The name of the backend under test, with the settings pointing at it."""
    cache.clear()
    if request.param == "database":
        settings.WAGTAILSEARCH_BACKENDS = {"default": DATABASE}
    else:
        url = request.getfixturevalue("server_indexes")
        settings.WAGTAILSEARCH_BACKENDS = server_settings(url)
        from wagtail.search.backends import get_search_backend

        _empty_documents_index(get_search_backend("default"))
    yield request.param
    cache.clear()


def _empty_documents_index(backend):
    """Delete every document left by earlier tests (the database rolls back, the index does not).

    The server has no delete-by-query (its reindex module is not installed), so ids are listed and deleted.
    """
    from opensearchpy.helpers import bulk

    from search.models import SearchDocument

    name = backend.get_index_for_model(SearchDocument).name
    hits = backend.es.search(index=name, body={"query": {"match_all": {}}, "size": 10000, "_source": False})
    actions = [{"_op_type": "delete", "_index": name, "_id": hit["_id"]} for hit in hits["hits"]["hits"]]
    if actions:
        bulk(backend.es, actions, refresh=True)
