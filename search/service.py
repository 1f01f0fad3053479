"""Searches the public site runs: site search, the finder's text search, suggestions, popular queries.

Every search goes through `run()`: it asks the backend configured as
"default" and, when that is a search server that does not answer, asks the
backend named by its FALLBACK option (the database). For
SEARCH_SERVER_RETRY_AFTER seconds after a failure, searches go straight to
the fallback, so visitors do not wait for time-outs one by one; the log says
so once per outage (search/availability.py).
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from search import availability
from search.backends.common import MAX_RESULT_WINDOW
from search.models import SearchDocument
from search.text import clean_query, fold, highlight, highlight_title, query_terms, words

RESULTS_PER_PAGE = 10
# When no whole word matches, the finder shows at most this many programmes whose names start with it.
MAX_PREFIX_MATCHES = 100
SUGGESTION_LIMIT = 8
POPULAR_LIMIT = 8
POPULAR_MIN_HITS = 3
POPULAR_DAYS = 30
POPULAR_MAX_LENGTH = 60

KIND_LABELS = dict(SearchDocument.KIND_CHOICES)

logger = logging.getLogger(__name__)


_backends = {}


def backend_named(name):
    """The search backend `name`, made once per process and configuration.

    Wagtail's get_search_backend() builds a new backend, and for a search server a new client
    and connection pool, on every call; keeping it saves a connection per search.
    """
    key = (name, repr(settings.WAGTAILSEARCH_BACKENDS.get(name)))
    backend = _backends.get(key)
    if backend is None:
        backend = _backends[key] = get_search_backend(name)
    return backend


def run(operation):
    """`operation(backend)` on the default backend, or on its fallback when the search server fails."""
    backend = backend_named("default")
    fallback = getattr(backend, "fallback", None)
    if fallback and availability.retry_later():
        return operation(backend_named(fallback))
    try:
        result = operation(backend)
    except backend.unavailable_errors as error:
        if not fallback:
            raise
        if backend.is_outage(error):
            availability.server_failed(error)
        else:
            # The server answered, refusing this one request: the visitor still gets results, the log gets
            # the error, and the other searches keep using the server.
            # Only the kind of error: the request holds what the visitor typed.
            status = getattr(getattr(error, "meta", None), "status", "")
            logger.error(
                "The search server refused a request (%s %s); answered from the database", type(error).__name__, status
            )
        return operation(backend_named(fallback))
    if fallback:
        availability.server_answered()
    return result


def page_number(raw, messages):
    """A positive page number from a GET value; anything else is page 1 with a message."""
    if raw in (None, ""):
        return 1
    try:
        number = int(str(raw).strip())
        if number < 1:
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        messages.append(_("“%(value)s” is not a page number; showing the first page.") % {"value": str(raw)[:20]})
        return 1
    return number


def too_deep_message():
    return _(
        "Only the first %(n)s results can be shown, a page at a time; add a word or a filter to narrow the search."
    ) % {"n": number_format(MAX_RESULT_WINDOW, force_grouping=True)}


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: str
    url: str
    language: str
    snippet: str


@dataclass
class SiteSearchResult:
    query: str
    hits: list = field(default_factory=list)
    page: object = None
    paginator: object = None
    total: int = 0
    picks: list = field(default_factory=list)
    messages: list = field(default_factory=list)

    @property
    def page_range(self):
        if not self.paginator:
            return []
        return list(self.paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1))


def site_search(raw_query, *, locale, raw_page=None, request=None, record=True):
    """Results of the active locale for a visitor's query, ready for the template."""
    messages = []
    query, truncated = clean_query(raw_query)
    if truncated:
        messages.append(_("Your search was shortened to its first %(n)d characters.") % {"n": len(query)})
    result = SiteSearchResult(query=query, messages=messages)
    number = page_number(raw_page, messages)
    if not query:
        return result
    if not query_terms(query):
        messages.append(_("Type a word to search for."))
        return result
    documents = SearchDocument.objects.filter(locale=locale)

    def search(backend):
        paginator = Paginator(backend.match_documents(query, documents), RESULTS_PER_PAGE)
        total = paginator.count
        # The server pages no further than MAX_RESULT_WINDOW results.
        last = max(min(paginator.num_pages, MAX_RESULT_WINDOW // RESULTS_PER_PAGE), 1)
        page = paginator.page(min(number, last))
        page.object_list = list(page.object_list)
        return paginator, page, total

    result.paginator, result.page, result.total = run(search)
    if number > result.paginator.num_pages and result.total:
        messages.append(_("There is no page %(number)d; showing the last page.") % {"number": number})
    elif number > result.page.number:
        messages.append(too_deep_message())
    result.hits = _hits(result.page.object_list, query, request)
    result.picks = editors_picks(query, locale, request)
    if record and result.total and result.page.number == 1:
        record_query(query)
    return result


def _hits(documents, query, request):
    pages = {page.pk: page for page in Page.objects.filter(pk__in=[d.page_id for d in documents])}
    hits = []
    for document in documents:
        page = pages.get(document.page_id)
        url = page.get_url(request) if page else None
        if not url:
            continue
        if document.anchor:
            url = f"{url}#{document.anchor}"
        text = document.body or document.facts
        hits.append(
            Hit(
                kind=document.kind,
                kind_label=str(KIND_LABELS.get(document.kind, document.kind)),
                title=highlight_title(document.title, query),
                url=url,
                language=document.language,
                snippet=highlight(text, query),
            )
        )
    return hits


def editors_picks(query, locale, request=None):
    """Editors' picks for this query, each page in the visitor's locale (skipped if not live there)."""
    stored = Query.objects.filter(query_string=normalise_query_string(query)).first()
    if stored is None:
        return []
    picks = []
    for pick in stored.editors_picks.select_related("page").order_by("sort_order"):
        if pick.page_id:
            page = pick.page if pick.page.locale_id == locale.pk else pick.page.get_translation_or_none(locale)
            if page is None or not page.live:
                continue
            url = page.get_url(request)
            if url:
                picks.append({"title": page.title, "url": url, "description": pick.description})
        elif pick.external_link_url:
            picks.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
    return picks


def record_query(query):
    if len(query) <= Query._meta.get_field("query_string").max_length:
        Query.get(query).add_hit()


def popular_queries(locale):
    """Queries visitors often made (at least POPULAR_MIN_HITS times lately) that find something in `locale`.

    The threshold keeps one visitor's rare (perhaps personal) search off the page; cached for ten minutes.
    """
    key = f"search:popular:{locale.language_code}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
    candidates = [
        q.query_string
        for q in Query.get_most_popular(date_since=since)[:30]
        if q._hits >= POPULAR_MIN_HITS and len(q.query_string) <= POPULAR_MAX_LENGTH
    ]
    documents = SearchDocument.objects.filter(locale=locale)
    popular = []
    for candidate in candidates:
        if run(lambda backend, text=candidate: backend.match_documents(text, documents).count()):
            popular.append(candidate)
        if len(popular) == POPULAR_LIMIT:
            break
    cache.set(key, popular, 600)
    return popular


def finder_text(raw):
    """The finder's text query (GET `q`), cleaned, and messages about what was changed or ignored."""
    messages = []
    query, truncated = clean_query(raw if isinstance(raw, str) else "")
    if truncated:
        messages.append(_("Your search was shortened to its first %(n)d characters.") % {"n": len(query)})
    if query and not query_terms(query):
        messages.append(_("“%(value)s” has no words to search for and was ignored.") % {"value": query[:40]})
        query = ""
    return query, messages


def search_programmes_window(query, locale, selected, accepting, offset, size, *, newcomers=False, place=None):
    """One page of the finder's text search, filtered and with facet counts, from the search backend.

    A `PageWindow` (search/backends/common.py): the search server filters and counts every match in one
    request; the database backend (the default, or the fallback while the server is down) counts the
    best MAX_WINDOW_MATCHES in Python from the ranked query. None when no whole word matches: then the
    finder filters and counts `prefix_programmes` on the database. `newcomers` keeps the programmes taking
    newcomers now; `place` (programs/near.py) keeps those within reach, nearest tier first.
    """
    documents = SearchDocument.objects.filter(locale=locale, kind="programme")
    window = run(
        lambda backend: backend.match_page_window(
            query, documents, selected, accepting, offset, size, newcomers=newcomers, place=place
        )
    )
    if window is None or not window.counts["matched"]:
        return None
    return window


def prefix_programmes(queryset, query, locale):
    """The programmes of `queryset` whose name, organisation or municipality starts with the words of `query`.

    For a query in which no whole word matches (search_programmes_window gives None): a visitor who submits
    what they began to type ("ant") still finds what the suggestions showed. Annotated with `search_rank`
    (0 is the best); the finder filters and counts these on the database as it does without a query.
    """
    documents = SearchDocument.objects.filter(locale=locale, kind="programme")
    ranked = run(lambda backend: backend.suggest_page_ids(query, documents, MAX_PREFIX_MATCHES))
    if not ranked:
        return queryset.none()
    rank = Case(
        *[When(pk=pk, then=Value(i)) for i, pk in enumerate(ranked)],
        default=Value(len(ranked)),
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=ranked).annotate(search_rank=rank)


def suggestions(raw_query, locale, limit=SUGGESTION_LIMIT):
    """Names of programmes, organisations and municipalities that start with the words typed."""
    query, _truncated = clean_query(raw_query)
    terms = query_terms(query)
    if not terms or len(query) > 80:
        return []
    documents = SearchDocument.objects.filter(locale=locale, kind__in=["programme", "organisation"])
    matched = run(lambda backend: list(backend.suggest_documents(query, documents)[:30]))
    seen, found = set(), []
    for document in matched:
        for line in document.suggestions.splitlines():
            folded_words = words(fold(line))
            if all(any(word.startswith(term) for word in folded_words) for term in terms):
                key = fold(line)
                if key not in seen:
                    seen.add(key)
                    found.append(line)
        if len(found) >= limit:
            break
    return sorted(found[:limit], key=lambda line: (not fold(line).startswith(terms[0]), fold(line)))
