"""Elasticsearch 9 (what scripts/search-server runs): Wagtail's elasticsearch9 backend, elasticsearch client."""

from elastic_transport import TransportError
from elasticsearch import ApiError

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend, Elasticsearch9SearchQueryCompiler

from search.backends.server import CrossFieldsMixin, ServerMatchingMixin

# Statuses that mean the server (or a proxy before it) cannot answer now.
OUTAGE_STATUSES = {429, 502, 503, 504}


class CampaignElasticsearchQueryCompiler(CrossFieldsMixin, Elasticsearch9SearchQueryCompiler):
    pass


class CampaignElasticsearchBackend(ServerMatchingMixin, Elasticsearch9SearchBackend):
    query_compiler_class = CampaignElasticsearchQueryCompiler
    unavailable_errors = (ApiError, TransportError, OSError)

    def is_outage(self, error):
        """No answer (connection refused, time-out) or "unavailable, try later"; not a request it refused.

        A refused request (400: a result window too deep, a bad mapping; 500: a bug in the query) is an
        error to see and answer for that request alone; counted as an outage, a handful of such requests
        would send every search to the database.
        """
        return not isinstance(error, ApiError) or error.meta.status in OUTAGE_STATUSES


SearchBackend = CampaignElasticsearchBackend
