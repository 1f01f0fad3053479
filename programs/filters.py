"""The programme finder's filters, on the database or, with a text query, on the search server.

`filter_programmes(params, locale=...)` reads the request's GET parameters and
returns everything the overview shows: the page of programmes, the active
filters, each facet value with its count and the messages about values it
had to ignore. Within a facet values combine with OR (`theme=language&
theme=work`), facets combine with AND; each facet's counts take the other
facets into account, so a count says how many programmes ticking that box
would give. Every step is a fixed number of queries, whatever the number of
programmes (GROUP BY for the counts, prefetching for the cards).

With a text query (`q`), search/service.py finds the matches, and the search
backend filters them, counts the facets and returns the page asked for, in
order of relevance: the search server in one request (an aggregation per
facet), the database backend from the facet codes its ranked query returns.
The database then only reads the twelve cards. When no whole word matches,
the programmes whose names start with the words are filtered and counted
with the GROUP BYs above, the best first.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Case, CharField, Count, F, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce, Length, Substr
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from programs import taxonomy
from programs.models import ProgramPage
from search.backends.common import MAX_WINDOW_MATCHES
from search.service import finder_text, prefix_programmes, search_programmes_window

PAGE_SIZE = 12
MAX_VALUES_PER_FACET = 20


@dataclass(frozen=True)
class Facet:
    param: str
    field: str
    label: str
    labels: dict
    hide_empty: bool = False

    @property
    def through(self):
        return getattr(ProgramPage, self.field).through

    @property
    def term_column(self):
        return ProgramPage._meta.get_field(self.field).m2m_reverse_field_name()

    def restrict(self, queryset, codes):
        links = self.through.objects.filter(**{f"{self.term_column}__code__in": codes})
        return queryset.filter(pk__in=links.values("programpage_id"))

    def counts(self, queryset):
        rows = (
            self.through.objects.filter(programpage_id__in=queryset.values("pk"))
            .values(code=F(f"{self.term_column}__code"))
            .annotate(n=Count("programpage_id"))
            .values_list("code", "n")
        )
        return dict(rows)


FACETS = [
    Facet("region", "regions", _("Region"), taxonomy.REGIONS),
    Facet("theme", "themes", _("Theme"), taxonomy.THEMES),
    Facet("target", "target_groups", _("Who it is for"), taxonomy.TARGET_GROUPS),
    Facet("language", "languages", _("Language spoken"), taxonomy.LANGUAGES, hide_empty=True),
    Facet("mode", "modes", _("How duos meet"), taxonomy.MODES),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}
ACCEPTING_PARAM = "accepting"
TEXT_PARAM = "q"  # full-text search (search/service.py); kept in every link like a filter
PAGE_PARAM = "page"


@dataclass
class Option:
    code: str
    label: str
    count: int
    selected: bool
    url: str  # toggles this value, keeps the other filters


@dataclass
class FacetResult:
    param: str
    label: str
    options: list
    selected_count: int = 0


@dataclass
class ActiveFilter:
    label: str
    facet_label: str
    remove_url: str


@dataclass
class FinderResult:
    page: object  # a Paginator page of ProgramPage objects
    paginator: Paginator
    total: int
    facets: list
    active_filters: list
    messages: list
    selected: dict  # param -> list of codes
    accepting: bool
    accepting_count: int
    region_counts: dict
    query_string: str  # the filters as a query string without the page number

    ellipsis = Paginator.ELLIPSIS

    @property
    def page_range(self):
        return list(self.paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1))

    def region_links(self):
        """Every region with its count and a link to the current filters with only that region."""
        chosen = set(self.selected.get("region", []))
        return [
            {
                "code": code,
                "label": label,
                "count": self.region_counts.get(code, 0),
                "url": self.region_url(code),
                "selected": code in chosen,
            }
            for code, label in taxonomy.REGIONS.items()
        ]

    def page_url(self, number):
        return _url({**self.selected, ACCEPTING_PARAM: ["1"] if self.accepting else [], PAGE_PARAM: [str(number)]})

    def region_url(self, code):
        """The current filters with only this region (the map's links)."""
        return _url({**self.selected, "region": [code], ACCEPTING_PARAM: ["1"] if self.accepting else []})

    @property
    def text(self):
        return (self.selected.get(TEXT_PARAM) or [""])[0]

    @property
    def clear_url(self):
        return "?"


def _url(params):
    pairs = [(key, value) for key, values in params.items() for value in values if value]
    return "?" + urlencode(pairs) if pairs else "?"


def base_queryset(locale):
    return ProgramPage.objects.live().filter(locale=locale)


def filter_programmes(params, *, locale, page_size=PAGE_SIZE):
    """Filter, count and paginate the programmes of `locale` for the GET `params` (a QueryDict)."""
    messages = []
    selected = {}
    for facet in FACETS:
        codes = []
        for raw in params.getlist(facet.param)[:MAX_VALUES_PER_FACET]:
            code = raw.strip()
            if code in facet.labels:
                if code not in codes:
                    codes.append(code)
            else:
                messages.append(
                    _("“%(value)s” is not a known %(facet)s and was ignored.")
                    % {"value": code[:40], "facet": str(facet.label).lower()}
                )
        if len(params.getlist(facet.param)) > MAX_VALUES_PER_FACET:
            messages.append(_("Only the first %(n)d values of a filter are used.") % {"n": MAX_VALUES_PER_FACET})
        selected[facet.param] = codes

    text, text_messages = finder_text(params.get(TEXT_PARAM, ""))
    messages.extend(text_messages)
    if text:
        selected[TEXT_PARAM] = [text]

    accepting_values = params.getlist(ACCEPTING_PARAM)
    accepting = False
    for value in accepting_values:
        if value in ("1", "on", "true"):
            accepting = True
        elif value not in ("", "0"):
            messages.append(_("The filter “accepting volunteers” only takes the value 1 and was ignored."))

    number = params.get(PAGE_PARAM, "1")
    try:
        number = int(number)
        if number < 1:
            raise ValueError
    except (TypeError, ValueError):
        messages.append(_("“%(value)s” is not a page number; showing the first page.") % {"value": str(number)[:20]})
        number = 1

    programmes = base_queryset(locale)
    # With a text query the search backend filters, counts and pages the matches (`window`); for prefix
    # matches, and without a text query, the database does, with GROUP BY.
    window = None
    backend_counts = None
    if text:
        facet_codes = {facet.param: selected[facet.param] for facet in FACETS}

        def search_window(page_number):
            offset = (page_number - 1) * page_size
            return search_programmes_window(text, locale, facet_codes, accepting, offset, page_size)

        window = search_window(number)
        if window is None:
            programmes = prefix_programmes(programmes, text, locale)
        else:
            backend_counts = window.counts
            if window.capped:
                messages.append(
                    _("Only the %(n)s best matches are shown and counted; add a word or a filter to narrow the search.")
                    % {"n": number_format(MAX_WINDOW_MATCHES, force_grouping=True)}
                )

    def narrowed(skip=None):
        result = programmes
        for facet in FACETS:
            if facet.param != skip and selected[facet.param]:
                result = facet.restrict(result, selected[facet.param])
        if accepting and skip != ACCEPTING_PARAM:
            result = result.filter(status="active", accepting_volunteers="open")
        return result

    filtered = narrowed()
    facet_results = []
    region_counts = {}
    for facet in FACETS:
        counts = backend_counts[facet.param] if backend_counts else facet.counts(narrowed(skip=facet.param))
        if facet.param == "region":
            region_counts = counts
        options = []
        for code, label in facet.labels.items():
            count = counts.get(code, 0)
            is_selected = code in selected[facet.param]
            if facet.hide_empty and not count and not is_selected:
                continue
            toggled = [c for c in selected[facet.param] if c != code] if is_selected else selected[facet.param] + [code]
            url = _url({**selected, facet.param: toggled, ACCEPTING_PARAM: ["1"] if accepting else []})
            options.append(Option(code, str(label), count, is_selected, url))
        facet_results.append(FacetResult(facet.param, str(facet.label), options, len(selected[facet.param])))
    if backend_counts:
        accepting_count = backend_counts[ACCEPTING_PARAM]
    else:
        accepting_count = narrowed(skip=ACCEPTING_PARAM).filter(status="active", accepting_volunteers="open").count()

    active_filters = []
    for facet in FACETS:
        for code in selected[facet.param]:
            remaining = {**selected, facet.param: [c for c in selected[facet.param] if c != code]}
            remaining[ACCEPTING_PARAM] = ["1"] if accepting else []
            active_filters.append(ActiveFilter(str(facet.labels[code]), str(facet.label), _url(remaining)))
    if accepting:
        active_filters.append(ActiveFilter(str(_("Looking for volunteers now")), "", _url(selected)))
    if text:
        without = {**selected, TEXT_PARAM: [], ACCEPTING_PARAM: ["1"] if accepting else []}
        active_filters.append(ActiveFilter(f"“{text}”", str(_("Search")), _url(without)))

    if window is not None:
        # The server's page of ids, best first; the database only gives the cards' details.
        paginator = Paginator(range(window.total), page_size)
    else:
        # The ordering and the count run on the bare filtered set; only the page's cards get the details
        # (organisation, language, taxonomies), so neither query grows with what the cards show.
        paginator = Paginator(_ordered_ids(filtered), page_size)
        paginator.count = filtered.count()  # Paginator.count is a cached property: no second COUNT
    if number > paginator.num_pages:
        if paginator.count:
            messages.append(_("There is no page %(number)d; showing the last page.") % {"number": number})
        number = paginator.num_pages
        if window is not None and paginator.count:
            window = search_window(number) or window
    page = paginator.page(number)
    if window is not None:
        ids, source = window.ids, base_queryset(locale)  # the index may lag a moment behind the database
    else:
        ids, source = list(page.object_list), ProgramPage.objects.all()
    cards = {card.pk: card for card in _for_cards(source.filter(pk__in=ids))}
    page.object_list = [cards[pk] for pk in ids if pk in cards]

    return FinderResult(
        page=page,
        paginator=paginator,
        total=paginator.count,
        facets=facet_results,
        active_filters=active_filters,
        messages=messages,
        selected=selected,
        accepting=accepting,
        accepting_count=accepting_count,
        region_counts=region_counts,
        query_string=_url({**selected, ACCEPTING_PARAM: ["1"] if accepting else []}),
    )


STATUS_ORDER = Case(
    When(status="active", then=Value(0)),
    When(status="paused", then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def _ordered_ids(queryset):
    """The programmes' ids in the overview's order: relevance (with a text query), status, title."""
    relevance = ["search_rank"] if "search_rank" in queryset.query.annotations else []
    return (
        queryset.annotate(status_order=STATUS_ORDER)
        .order_by(*relevance, "status_order", "title", "pk")
        .values_list("pk", flat=True)
    )


def _for_cards(queryset):
    """Everything a programme card shows, in a fixed number of queries."""
    parent = Page.objects.filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)).values(
        "title"
    )[:1]
    return queryset.annotate(
        organisation_title=Subquery(parent, output_field=CharField()),
        source_language=Coalesce(F("alias_of__locale__language_code"), F("locale__language_code")),
    ).prefetch_related("regions", "themes", "municipality_links__municipality")
