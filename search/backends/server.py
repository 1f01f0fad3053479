"""What the OpenSearch and Elasticsearch backends share: language analysis and per-language matching."""

from modelsearch.utils import deep_update
from wagtail.search.query import PlainText

from search.backends.common import CampaignSearchMixin
from search.text import MAX_QUERY_TERMS, STEMMER_LANGUAGES, query_terms

# Lower-case, drop the language's stop words, fold accents, then stem: "Bénévoles" and "benevole"
# meet at "benevol", "vluchtelingen" and "vluchteling" at the same Dutch stem.
LANGUAGE_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "campaign_nl_stop": {"type": "stop", "stopwords": "_dutch_"},
                "campaign_nl_stemmer": {"type": "stemmer", "language": "dutch"},
                "campaign_fr_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
                },
                "campaign_fr_stop": {"type": "stop", "stopwords": "_french_"},
                "campaign_fr_stemmer": {"type": "stemmer", "language": "french"},
                "campaign_en_possessive": {"type": "stemmer", "language": "possessive_english"},
                "campaign_en_stop": {"type": "stop", "stopwords": "_english_"},
                "campaign_en_stemmer": {"type": "stemmer", "language": "english"},
            },
            "analyzer": {
                "campaign_nl": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "campaign_nl_stop", "asciifolding", "campaign_nl_stemmer"],
                },
                "campaign_fr": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "campaign_fr_elision",
                        "lowercase",
                        "campaign_fr_stop",
                        "asciifolding",
                        "campaign_fr_stemmer",
                    ],
                },
                "campaign_en": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "campaign_en_possessive",
                        "lowercase",
                        "campaign_en_stop",
                        "asciifolding",
                        "campaign_en_stemmer",
                    ],
                },
            },
        },
    }
}

LANGUAGE_FIELDS = [name for language in STEMMER_LANGUAGES for name in (f"title_{language}", f"text_{language}")]


class CrossFieldsMixin:
    """Match every query word somewhere in a document's fields of one language, not all in one field."""

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        compiled = super()._compile_plaintext_query(query, fields, boost)
        if "multi_match" in compiled:
            compiled["multi_match"]["type"] = "cross_fields"
        return compiled


class ServerMatchingMixin(CampaignSearchMixin):
    def __init__(self, params):
        params = dict(params)
        params["INDEX_SETTINGS"] = deep_update(LANGUAGE_ANALYSIS, params.get("INDEX_SETTINGS", {}))
        super().__init__(params)

    def match_documents(self, query, queryset):
        terms = query_terms(query)
        if not terms:
            return self.search("", queryset)
        # The analyzers see the original words (with accents), limited like the database backend's.
        text = " ".join(query.split()[: MAX_QUERY_TERMS * 2])
        return self.search(PlainText(text, operator="and"), queryset, fields=LANGUAGE_FIELDS)

    def suggest_documents(self, query, queryset):
        terms = query_terms(query)
        if not terms:
            return self.autocomplete("", queryset)
        return self.autocomplete(" ".join(terms), queryset, operator="and")

    def match_page_ids(self, query, queryset, limit):
        """One request for up to `limit` page ids, read from the index (no database round trip)."""
        results = self.match_documents(query, queryset)
        if not hasattr(results, "_get_es_body"):
            return []
        compiler = results.query_compiler
        page_field = next(f for f in compiler.queryset.model.get_filterable_search_fields() if f.field_name == "page")
        column = compiler.mapping.get_field_column_name(page_field)
        body = {**results._get_es_body(), "size": limit, "_source": False, "docvalue_fields": [column]}
        response = results._backend_do_search(body, index=self.get_index_for_model(compiler.queryset.model).name)
        return [hit["fields"][column][0] for hit in response["hits"]["hits"] if column in hit.get("fields", {})]
