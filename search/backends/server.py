"""The search server backend's language analysis and per-language matching."""

import re

from modelsearch.utils import deep_update
from wagtail.search.query import PlainText

from search import index_queue
from search.backends.common import CampaignSearchMixin, PageWindow
from search.documents import ACCEPTING_TERM, NEWCOMERS_TERM
from search.models import PendingIndexChange
from search.text import ANALYSED_LANGUAGES, MAX_QUERY_TERMS, query_terms

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
                "campaign_ar_stop": {"type": "stop", "stopwords": "_arabic_"},
                "campaign_fa_stop": {"type": "stop", "stopwords": "_persian_"},
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
                # Arabic and Persian: words lower-cased (Latin names in them), stop words dropped. Elasticsearch's
                # analysis-common would also normalise letter forms and strip Arabic affixes (arabic_normalization,
                # persian_normalization, arabic stemmer); the campaign-analysis plugin registers none of them yet.
                "campaign_ar": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "campaign_ar_stop", "asciifolding"],
                },
                "campaign_fa": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "campaign_fa_stop", "asciifolding"],
                },
                # Ukrainian (Cyrillic) and Tigrinya (Ge'ez) have no analyzer in analysis-common: words as
                # the Unicode tokenizer splits them, lower-cased. Names written in Latin letters are folded.
                "campaign_uk": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
                "campaign_ti": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]},
            },
        },
    }
}

LANGUAGE_FIELDS = [
    name for language in ANALYSED_LANGUAGES for name in (f"title_{language}", f"text_{language}", f"facts_{language}")
]


class CrossFieldsMixin:
    """Match every query word somewhere in a document's fields of one language, not all in one field."""

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        compiled = super()._compile_plaintext_query(query, fields, boost)
        if "multi_match" in compiled:
            compiled["multi_match"]["type"] = "cross_fields"
        return compiled


class ServerMatchingMixin(CampaignSearchMixin):
    # Index changes wait for the commit (search/index_queue.py). The test settings turn it off: a test runs
    # inside one transaction that never commits.
    index_after_commit = True

    def __init__(self, params):
        params = dict(params)
        self.index_after_commit = params.pop("INDEX_AFTER_COMMIT", True)
        params["INDEX_SETTINGS"] = deep_update(LANGUAGE_ANALYSIS, params.get("INDEX_SETTINGS", {}))
        super().__init__(params)

    def is_outage(self, error):
        """Whether `error` (one of `unavailable_errors`) means the server is not answering, not a bad request."""
        return True

    # Wagtail's signal handlers call add() and delete() on every save, inside the transaction, and log
    # whatever they raise with a traceback. Here a change waits for the commit, and during an outage it is
    # queued instead, with one log line per outage (search/index_queue.py, search/availability.py).
    def add(self, obj):
        index_queue.send(self, PendingIndexChange.ADD, obj, super().add)

    def delete(self, obj):
        # Django clears the primary key once the row is deleted: keep it for the change sent after the commit.
        index_queue.send(self, PendingIndexChange.DELETE, type(obj)(pk=obj.pk), super().delete)

    def send_now(self, action, obj):
        """Send a queued change to the server at once, raising what the server raises."""
        (super().add if action == PendingIndexChange.ADD else super().delete)(obj)

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

    def _column(self, results, name):
        compiler = results.query_compiler
        field = next(f for f in compiler.queryset.model.get_filterable_search_fields() if f.field_name == name)
        return compiler.mapping.get_field_column_name(field)

    def _page_ids(self, results, body):
        column = self._column(results, "page")
        body = {**results._get_es_body(), **body, "_source": False, "docvalue_fields": [column]}
        index = self.get_index_for_model(results.query_compiler.queryset.model).name
        response = results._backend_do_search(body, index=index)
        ids = [hit["fields"][column][0] for hit in response["hits"]["hits"] if column in hit.get("fields", {})]
        return ids, response

    def match_page_window(self, query, queryset, selected, accepting, offset, size, *, newcomers=False, place=None):
        """One page of the finder's text search, with its filters and facet counts, in one request.

        `selected` maps a facet's parameter to the codes ticked (OR within a facet, AND across facets).
        Returns a `PageWindow`: the page ids of matches `offset` to `offset + size` passing every filter,
        best first; how many pass them; and for each facet the count per code with the other facets'
        filters applied (`counts["accepting"]`: programmes taking volunteers now with every other filter
        applied; `counts["matched"]`: matches of the text whatever the filters).
        """
        if place is not None:
            # Ordered by "near you" tier first: the best matches' codes, tiered like the database backend's.
            return super().match_page_window(
                query, queryset, selected, accepting, offset, size, newcomers=newcomers, place=place
            )
        results = self.match_documents(query, queryset)
        if not hasattr(results, "_get_es_body"):
            return None
        column = self._column(results, "facet_terms")
        clauses = self._facet_clauses(column, selected, accepting, newcomers)
        body = {
            "from": offset,
            "size": size,
            "track_total_hits": True,
            "post_filter": _others(clauses, None),
            "aggs": self._facet_aggregations(column, clauses, selected),
        }
        ids, response = self._page_ids(results, body)
        found = response.get("aggregations", {})
        counts = {
            param: {bucket["key"].split(":", 1)[1]: bucket["doc_count"] for bucket in found[param]["codes"]["buckets"]}
            for param in selected
        }
        counts["accepting"] = found["accepting"]["doc_count"]
        counts["newcomers"] = found["newcomers"]["doc_count"]
        counts["matched"] = found["matched"]["doc_count"]
        total = response["hits"]["total"]
        return PageWindow(ids=ids, total=total["value"] if isinstance(total, dict) else total, counts=counts)

    @staticmethod
    def _facet_clauses(column, selected, accepting, newcomers):
        """One filter clause per facet with codes ticked (OR within it), and the two "now" flags."""
        clauses = {
            param: {"terms": {column: [f"{param}:{code}" for code in codes]}}
            for param, codes in selected.items()
            if codes
        }
        if accepting:
            clauses["accepting"] = {"term": {column: ACCEPTING_TERM}}
        if newcomers:
            clauses["newcomers"] = {"term": {column: NEWCOMERS_TERM}}
        return clauses

    @staticmethod
    def _facet_aggregations(column, clauses, selected):
        """Each facet's counts per code under the other facets' filters; the two flags' and all matches' counts."""
        aggregations = {
            param: {
                "filter": _others(clauses, param),
                "aggs": {"codes": {"terms": {"field": column, "include": f"{re.escape(param)}:.*", "size": 500}}},
            }
            for param in selected
        }
        for flag, term in (("accepting", ACCEPTING_TERM), ("newcomers", NEWCOMERS_TERM)):
            aggregations[flag] = {"filter": {"bool": {"filter": [_others(clauses, flag), {"term": {column: term}}]}}}
        aggregations["matched"] = {"filter": {"match_all": {}}}
        return aggregations


def _others(clauses, skip):
    """Every filter clause but the one of `skip` (a facet counts its own codes under the others' filters)."""
    return {"bool": {"filter": [clause for param, clause in clauses.items() if param != skip]}}
