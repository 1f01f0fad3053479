"""Elasticsearch 9 (what scripts/search-server runs): Wagtail's elasticsearch9 backend, elasticsearch client."""

from elastic_transport import TransportError
from elasticsearch import ApiError

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend, Elasticsearch9SearchQueryCompiler

from search.backends.server import CrossFieldsMixin, ServerMatchingMixin


class CampaignElasticsearchQueryCompiler(CrossFieldsMixin, Elasticsearch9SearchQueryCompiler):
    pass


class CampaignElasticsearchBackend(ServerMatchingMixin, Elasticsearch9SearchBackend):
    query_compiler_class = CampaignElasticsearchQueryCompiler
    unavailable_errors = (ApiError, TransportError, OSError)

    def is_outage(self, error):
        # An answer refusing the request (a 4xx: a bad mapping, say) is a bug to see, not an outage.
        return not isinstance(error, ApiError) or error.meta.status >= 500 or error.meta.status == 429


SearchBackend = CampaignElasticsearchBackend
