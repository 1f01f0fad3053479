"""The database backend (SQLite FTS5 or PostgreSQL full-text) with language-aware matching.

Neither database stems Dutch, French and English in one index, and PostgreSQL
does not fold accents without an extension. So every document carries the
folded snowball stems of its text (SearchDocument.stems) and each query word
becomes "the word, or its Dutch, French or English stem": `vluchtelingen`
finds `vluchteling`, `benevole` finds `bénévole`.
"""

from functools import cache

from django.db import connection

from wagtail.search.query import And, MatchAll, Or, PlainText

from search.backends.common import CampaignSearchMixin, significant_terms
from search.text import query_terms, term_variants


def _word_query(term):
    variants = term_variants(term)
    if len(variants) == 1:
        return PlainText(variants[0])
    return Or([PlainText(variant) for variant in variants])


class DatabaseMatchingMixin(CampaignSearchMixin):
    def match_documents(self, query, queryset):
        terms = significant_terms(query)
        if not terms:
            return self.search("", queryset)
        parts = [_word_query(term) for term in terms]
        return self.search(parts[0] if len(parts) == 1 else And(parts), queryset, operator="and")

    def suggest_documents(self, query, queryset):
        terms = query_terms(query)
        if not terms:
            return self.autocomplete("", queryset)
        return self.autocomplete(" ".join(terms), queryset, operator="and")


def SearchBackend(params):  # noqa: N802 (Wagtail looks backends up by this name)
    """The language-aware database backend for the default database's engine."""
    return _backend_class(connection.vendor)(params)


@cache
def _backend_class(vendor):
    # Each engine's module can only be imported on that engine (the SQLite one declares an FTS table model).
    if vendor == "postgresql":
        from django.contrib.postgres.search import SearchRank

        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        class CampaignPostgresSearchBackend(DatabaseMatchingMixin, PostgresSearchBackend):
            def __init__(self, params):
                params = dict(params)
                # Stems come from search/text.py; "simple" keeps PostgreSQL from stemming them again in English.
                params.setdefault("SEARCH_CONFIG", "simple")
                super().__init__(params)

            def match_page_codes(self, query, queryset, limit):
                """The finder's matches, best first, ranked by one ts_rank per document.

                Wagtail's own query selects each match's whole text vector and ranks every word variant
                of every field separately (a dozen ts_rank calls per match for two words); the finder
                needs only the order and two columns.
                """
                compiler = self.match_documents(query, queryset).query_compiler
                if isinstance(compiler.query, MatchAll):
                    return super().match_page_codes(query, queryset, limit)
                tsquery = compiler.build_tsquery(compiler.query, config=compiler.get_config(self))
                vectors = [vector for vector, _boost in compiler.get_search_vectors(tsquery)]
                combined = vectors[0]
                for vector in vectors[1:]:
                    combined = combined._combine(vector, "||", False)
                rank = SearchRank(combined, tsquery, weights=compiler.sql_weights)
                matches = compiler.queryset.annotate(_vector_=combined).filter(_vector_=tsquery)
                return list(matches.order_by(rank.desc(), "-pk").values_list("page_id", "facet_codes")[:limit])

        return CampaignPostgresSearchBackend
    if vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        if fts5_available() and fts_table_exists():
            from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

            return type("CampaignSQLiteSearchBackend", (DatabaseMatchingMixin, SQLiteSearchBackend), {})
    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    return type("CampaignFallbackDatabaseSearchBackend", (DatabaseMatchingMixin, DatabaseSearchBackend), {})
