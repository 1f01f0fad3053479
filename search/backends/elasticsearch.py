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


SearchBackend = CampaignElasticsearchBackend
