"""The database backend's finder window: filters and facet counts computed from the matches' facet codes."""

from hypothesis import given
from hypothesis import strategies as st

from search.backends.common import window_from_codes
from search.documents import ACCEPTING_TERM

CODES = {"region": ["BE-VAN", "BE-BRU"], "theme": ["language", "housing", "work"], "mode": ["in_person"]}
TERMS = [f"{param}:{code}" for param, codes in CODES.items() for code in codes] + [ACCEPTING_TERM]


def passes(terms, selected, accepting, skip=None):
    """The finder's rule, spelled out: OR within a facet, AND across facets, `skip` left out."""
    for param, codes in selected.items():
        if param != skip and codes and not any(f"{param}:{code}" in terms for code in codes):
            return False
    return not (accepting and skip != "accepting" and ACCEPTING_TERM not in terms)


documents = st.lists(st.sets(st.sampled_from(TERMS)), max_size=30)
selections = st.fixed_dictionaries(
    {param: st.lists(st.sampled_from(codes), unique=True) for param, codes in CODES.items()}
)


@given(documents, selections, st.booleans(), st.integers(0, 5), st.integers(1, 4))
def test_the_window_filters_pages_and_counts_like_the_finder(terms_per_page, selected, accepting, offset, size):
    rows = [(page_id, " ".join(sorted(terms))) for page_id, terms in enumerate(terms_per_page)]
    window = window_from_codes(rows, selected, accepting, offset, size)

    kept = [page_id for page_id, terms in enumerate(terms_per_page) if passes(terms, selected, accepting)]
    assert window.total == len(kept)
    assert window.ids == kept[offset : offset + size]
    assert window.counts["matched"] == len(rows)
    for param, codes in CODES.items():
        for code in codes:
            term = f"{param}:{code}"
            expected = sum(1 for terms in terms_per_page if term in terms and passes(terms, selected, accepting, param))
            assert window.counts[param].get(code, 0) == expected, (param, code)
    expected_accepting = sum(
        1 for terms in terms_per_page if ACCEPTING_TERM in terms and passes(terms, selected, accepting, "accepting")
    )
    assert window.counts["accepting"] == expected_accepting


def test_an_unselected_facet_counts_every_page_passing_the_others():
    rows = [(1, "region:BE-VAN theme:language"), (2, "region:BE-BRU theme:language accepting:1"), (3, "theme:work")]
    window = window_from_codes(rows, {"region": ["BE-VAN"], "theme": []}, False, 0, 10)
    assert window.ids == [1] and window.total == 1
    assert window.counts["region"] == {"BE-VAN": 1, "BE-BRU": 1}
    assert window.counts["theme"] == {"language": 1}
    assert window.counts["accepting"] == 0
