from collections import Counter
from dataclasses import dataclass, field

from search.documents import ACCEPTING_TERM, NEWCOMERS_TERM
from search.text import query_terms

# The database backend filters and counts the finder's facets over at most this many matches, the
# best (more is not a specific query; the search server counts over every match).
MAX_WINDOW_MATCHES = 1000
# The search server returns no result beyond this offset (its index.max_result_window); nor does the site.
MAX_RESULT_WINDOW = 10_000

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
    """One page of the finder's matches: their page ids, how many pass the filters, the facet counts."""

    ids: list
    total: int
    counts: dict
    # More documents matched than were counted (the database backend keeps the best MAX_WINDOW_MATCHES).
    capped: bool = False
    tiers: dict = field(default_factory=dict)  # page id -> "near you" tier, with a place (programs/near.py)


def window_from_codes(rows, selected, accepting, offset, size, capped=False, *, newcomers=False, place=None):
    """A `PageWindow` computed from `(page_id, facet_codes)` rows of matches, best first.

    The same semantics as the search server's request (search/backends/server.py): OR within a
    facet, AND across facets, each facet counted with the other facets' filters applied. With a
    `place` (programs/near.py; asked `place.tier_from_codes(codes)`, None when out of reach) only the
    programmes within reach count, ordered by tier and, within a tier, by relevance; `tiers` maps each
    page id shown to its tier.
    """
    clauses = {param: frozenset(f"{param}:{code}" for code in codes) for param, codes in selected.items() if codes}
    flags = {"accepting": ACCEPTING_TERM} if accepting else {}
    if newcomers:
        flags["newcomers"] = NEWCOMERS_TERM
    clauses.update({name: frozenset([term]) for name, term in flags.items()})
    passing = []
    counts = {param: Counter() for param in selected}
    flag_counts = Counter()
    for position, (page_id, codes) in enumerate(rows):
        codes = frozenset(codes.split())
        tier = 0
        if place is not None:
            tier = place.tier_from_codes(codes)
            if tier is None:
                continue
        failed = [param for param, wanted in clauses.items() if not codes & wanted]
        if not failed:
            passing.append((tier, position, page_id))
        if len(failed) > 1:
            continue  # counts only where at most the facet counted fails
        for param in selected:
            if not failed or failed == [param]:
                prefix = f"{param}:"
                counts[param].update(code[len(prefix) :] for code in codes if code.startswith(prefix))
        for name, term in (("accepting", ACCEPTING_TERM), ("newcomers", NEWCOMERS_TERM)):
            if term in codes and (not failed or failed == [name]):
                flag_counts[name] += 1
    passing.sort()
    result = {param: dict(counter) for param, counter in counts.items()}
    result["accepting"] = flag_counts["accepting"]
    result["newcomers"] = flag_counts["newcomers"]
    result["matched"] = len(rows)
    shown = passing[offset : offset + size]
    return PageWindow(
        ids=[page_id for _tier, _position, page_id in shown],
        total=len(passing),
        counts=result,
        capped=capped,
        tiers={page_id: tier for tier, _position, page_id in shown},
    )


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

    def match_page_window(self, query, queryset, selected, accepting, offset, size, *, newcomers=False, place=None):
        """A page of the finder's matches with its filters and facet counts, as a `PageWindow`.

        `selected` maps a facet's parameter to the codes ticked. The search server answers in one request
        (search/backends/server.py); the database reads the facet codes of the best MAX_WINDOW_MATCHES
        matches in the ranked query itself and counts them here, instead of a GROUP BY per facet. With a
        `place`, every backend orders the best matches by "near you" tier here (programs/near.py).
        """
        rows = self.match_page_codes(query, queryset, MAX_WINDOW_MATCHES + 1)
        capped = len(rows) > MAX_WINDOW_MATCHES
        return window_from_codes(
            rows[:MAX_WINDOW_MATCHES], selected, accepting, offset, size, capped, newcomers=newcomers, place=place
        )

    def match_page_codes(self, query, queryset, limit):
        """`(page_id, facet_codes)` of the best `limit` matching documents, best first."""
        documents = self.match_documents(query, queryset.only("id", "page_id", "facet_codes"))[:limit]
        return [(document.page_id, document.facet_codes) for document in documents]
