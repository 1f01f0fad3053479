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


def own_matches(terms, own_words):
    """How many query words occur in a document's own text (any of their forms), not only in its labels."""
    own = set(own_words.split())
    return sum(1 for term in terms if any(variant in own for variant in term_variants(term)))


class DatabaseMatchingMixin(CampaignSearchMixin):
    """Matching and ranking on the database.

    SQLite's FTS5 ranks a document's words all alike (Wagtail's index has a title and a body column
    only), and PostgreSQL's ranks a word found in a label as well as one in the description. So the
    finder's matches are ordered by how many query words occur in the programme's own name, summary
    and description first, and by the database's rank within that: a programme about Arabic
    speakers comes before programmes where Arabic is merely a language spoken.
    """

    def match_page_codes(self, query, queryset, limit):
        terms = significant_terms(query)
        rows = self.ranked_rows(query, queryset, limit)
        ordered = sorted(enumerate(rows), key=lambda item: (-own_matches(terms, item[1][2]), item[0]))
        return [(page_id, codes) for _position, (page_id, codes, _own) in ordered]

    def ranked_rows(self, query, queryset, limit):
        """`(page_id, facet_codes, own_words)` of the best `limit` matching documents, best first."""
        documents = self.match_documents(query, queryset.only("id", "page_id", "facet_codes", "own_words"))[:limit]
        return [(document.page_id, document.facet_codes, document.own_words) for document in documents]

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
        from django.contrib.postgres.search import SearchRank, SearchVectorField
        from django.db.models.expressions import RawSQL

        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        class CampaignPostgresSearchBackend(DatabaseMatchingMixin, PostgresSearchBackend):
            def __init__(self, params):
                params = dict(params)
                # Stems come from search/text.py; "simple" keeps PostgreSQL from stemming them again in English.
                params.setdefault("SEARCH_CONFIG", "simple")
                super().__init__(params)

            def ranked_rows(self, query, queryset, limit):
                """The finder's matches, best first, matched and ranked on the document's own stored vector.

                `text_vector` (search/migrations/0005_text_vector.py) holds the name (weight A) and the stems of
                everything else, indexed: one column of one table, where Wagtail's index needs a join and two
                vectors concatenated per row (390 ms at 100,000 programmes against 70 ms). The stems hold
                every word's stem in the document's language, and each query word asks for its stems, so
                the matches are those of Wagtail's index.
                """
                compiler = self.match_documents(query, queryset).query_compiler
                if isinstance(compiler.query, MatchAll):
                    return super().ranked_rows(query, queryset, limit)
                tsquery = compiler.build_tsquery(compiler.query, config=compiler.get_config(self))
                table = connection.ops.quote_name(compiler.queryset.model._meta.db_table)
                # A constant column name: no input reaches the SQL.
                vector = RawSQL(f"{table}.text_vector", [], output_field=SearchVectorField())  # noqa: S611
                matches = compiler.queryset.annotate(_vector_=vector).filter(_vector_=tsquery)
                ordered = matches.order_by(SearchRank(vector, tsquery).desc(), "-pk")
                return list(ordered.values_list("page_id", "facet_codes", "own_words")[:limit])

        return CampaignPostgresSearchBackend
    if vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        if fts5_available() and fts_table_exists():
            from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

            return type("CampaignSQLiteSearchBackend", (DatabaseMatchingMixin, SQLiteSearchBackend), {})
    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    return type("CampaignFallbackDatabaseSearchBackend", (DatabaseMatchingMixin, DatabaseSearchBackend), {})
