from dataclasses import dataclass

from search.text import query_terms

# Words too common to narrow a search when other words are given (the database backend needs
# every word to match; the search server's analyzers drop these themselves).
_STOP_WORDS = """
    de het een en van in op te dat die voor met is zijn er aan om ook als bij of naar uit je ik we wij
    le la les un une des du et en au aux de d l est pour par sur dans qui que avec ce ces se son sa ses
    the a an and of in on to is are for with by at or from as be it its this that
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


def significant_terms(query):
    """The folded words of a query that must match (stop words only when nothing else is left)."""
    terms = query_terms(query)
    kept = [term for term in terms if term not in STOP_WORDS]
    return kept or terms


@dataclass
class PageWindow:
    """One page of a search server's matches: their page ids, how many match, the facet counts."""

    ids: list
    total: int
    counts: dict


class CampaignSearchMixin:
    """What search/service.py needs from a backend."""

    unavailable_errors = ()

    def __init__(self, params):
        params = dict(params)
        self.fallback = params.pop("FALLBACK", None)
        super().__init__(params)

    def match_documents(self, query, queryset):
        raise NotImplementedError

    def suggest_documents(self, query, queryset):
        raise NotImplementedError

    def suggest_page_ids(self, query, queryset, limit):
        """The ids of the pages whose names start with the words typed ("ant" -> Antwerpen), best first."""
        documents = self.suggest_documents(query, queryset.only("id", "page_id"))[:limit]
        return [document.page_id for document in documents]

    def match_pages(self, query, queryset, limit, top):
        """`(matches, ranked)`: the ids of the pages of the best `limit` matches, and of the best `top`.

        One ranked query: on PostgreSQL each evaluation of a text match scans the documents' vectors,
        so the finder's facet counts filter on these ids instead of repeating the match in a subquery.
        """
        page_ids = self.match_page_ids(query, queryset, limit)
        return page_ids, page_ids[:top]

    def match_page_window(self, query, queryset, selected, accepting, offset, size):
        """A page of matches with the finder's filters and facet counts (search/backends/server.py), or
        None: the database backend filters and counts on the database itself (programs/filters.py), over
        the ids of `match_pages`."""
        return None

    def match_page_ids(self, query, queryset, limit):
        """The ids of the pages of the best `limit` matching documents, best first."""
        return [document.page_id for document in self.match_documents(query, queryset.only("id", "page_id"))[:limit]]
