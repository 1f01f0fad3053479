"""OpenSearch 2.x (what scripts/search-server runs), through the opensearch-py 3 client.

Wagtail's `opensearch3` backend classes are the ones written for the 3.x client (keyword-only
arguments); they work against a 2.x server.
"""

from opensearchpy.exceptions import ImproperlyConfigured, OpenSearchException

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend, OpenSearch3SearchQueryCompiler

from search.backends.server import CrossFieldsMixin, ServerMatchingMixin


class CampaignOpenSearchQueryCompiler(CrossFieldsMixin, OpenSearch3SearchQueryCompiler):
    pass


class CampaignOpenSearchBackend(ServerMatchingMixin, OpenSearch3SearchBackend):
    query_compiler_class = CampaignOpenSearchQueryCompiler
    # Anything the client raises: connection refused, time-outs, 5xx, a missing index.
    unavailable_errors = (OpenSearchException, ImproperlyConfigured, OSError)


SearchBackend = CampaignOpenSearchBackend
