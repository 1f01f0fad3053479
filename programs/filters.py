"""The programme finder's filters, on the database or, with a text query, on the search server.

`filter_programmes(params, locale=...)` reads the request's GET parameters
through `FinderForm` (one lenient field per parameter: a value it cannot use is
dropped with a message, never an error page) and a `Finder` whose methods are
the steps below; it returns everything the overview shows: the page of programmes, the active
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

With a place (`place`, a postcode or municipality; programs/near.py) only the
programmes within reach are listed, those serving the municipality first, then
its arrondissement or canton, its province, online ones; the facet counts
follow. `newcomers=1` keeps those taking newcomers now; `sort=distance` with
the browser's `lat` and `lon` orders them by the nearest point they serve.
"""

import copy
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Case, CharField, Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Length, Substr
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home import chrome
from programs import taxonomy
from programs.languages import language_name
from programs.models import Language, ProgramLocation, ProgramMunicipality, ProgramPage
from programs.near import OUT_OF_REACH, reason, resolve_place, tier_expression
from programs.places import distance_km
from search.backends.common import MAX_RESULT_WINDOW, MAX_WINDOW_MATCHES
from search.service import finder_text, prefix_programmes, search_programmes_window, too_deep_message

PAGE_SIZE = 12
MAX_VALUES_PER_FACET = 20


@dataclass(frozen=True)
class Facet:
    param: str
    field: str
    label: str
    labels: dict
    hide_empty: bool = False

    def current_labels(self):
        """Code → label of every value the facet can take (for languages: every language a programme speaks)."""
        if self.field == "languages":
            codes = chrome.kept("languages_in_use", _languages_in_use)
            return {code: self.labels.get(code) or language_name(code) for code in sorted(codes, key=self._order)}
        return self.labels

    def _order(self, code):
        common = list(self.labels)
        return (common.index(code) if code in common else len(common), str(language_name(code)))

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
        """{code: programmes of `queryset` with that code}."""
        return dict(self.count_rows(queryset).values_list("code", "n"))

    def count_rows(self, queryset):
        """Rows (facet, code, n) of this facet's counts over `queryset`: for `facet_counts`' single query."""
        return (
            self.through.objects.filter(programpage_id__in=queryset.values("pk"))
            .values(code=F(f"{self.term_column}__code"))
            .annotate(facet=Value(self.param), n=Count("programpage_id"))
            .values_list("facet", "code", "n")
        )


def facet_counts(narrowed):
    """{facet param: {code: n}} for every facet, each counted with the other facets' choices: one query.

    `narrowed(skip=param)` is the filtered set without that facet's own choices (so that its other options
    show what choosing them would add).
    """
    rows = None
    for facet in FACETS:
        these = facet.count_rows(narrowed(skip=facet.param))
        rows = these if rows is None else rows.union(these, all=True)
    counts = {facet.param: {} for facet in FACETS}
    for param, code, n in rows:
        counts[param][code] = n
    return counts


def _languages_in_use():
    return list(Language.objects.filter(programmes__isnull=False).values_list("code", flat=True).distinct())


FACETS = [
    Facet("region", "regions", _("Region"), taxonomy.REGIONS),
    Facet("theme", "themes", _("Theme"), taxonomy.THEMES),
    Facet("target", "target_groups", _("Who it is for"), taxonomy.TARGET_GROUPS),
    Facet("language", "languages", _("Language spoken"), taxonomy.LANGUAGES, hide_empty=True),
    Facet("mode", "modes", _("How duos meet"), taxonomy.MODES),
]
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}
ACCEPTING_PARAM = "accepting"
NEWCOMERS_PARAM = "newcomers"  # programmes taking newcomers now; kept in every link like a filter
TEXT_PARAM = "q"  # full-text search (search/service.py); kept in every link like a filter
PLACE_PARAM = "place"  # "postcode or municipality" (programs/near.py); kept in every link like a filter
SORT_PARAM, LATITUDE_PARAM, LONGITUDE_PARAM = "sort", "lat", "lon"  # sort=distance from the browser's location
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
    newcomers: bool = False
    newcomers_count: int = 0
    place: object = None  # programs.near.Place: what the place field resolved to, or None
    place_name: str = ""  # the chosen municipality's name in the visitor's language
    place_choices: list = field(default_factory=list)  # [(name, url)]: "did you mean" for an unclear place
    by_distance: bool = False

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
    def place_text(self):
        """What the place field shows: the visitor's text as typed."""
        return (self.selected.get(PLACE_PARAM) or [""])[0]

    @property
    def clear_url(self):
        return "?"

    @property
    def filter_count(self):
        """How many choices the collapsed "Filters (n)" panel holds: the facets' options and the two toggles.

        The search text and the place have their own fields above the panel, so they are not counted.
        """
        return sum(len(self.selected.get(facet.param, [])) for facet in FACETS) + self.accepting + self.newcomers


def _url(params):
    pairs = [(key, value) for key, values in params.items() for value in values if value]
    return "?" + urlencode(pairs) if pairs else "?"


def base_queryset(locale):
    return ProgramPage.objects.live().filter(locale=locale)


# The finder's parameters ------------------------------------------------------------------------------


class LenientField(forms.Field):
    """A finder parameter, never invalid: what it cannot use it drops, noting why in `notes` (the form's list).

    A link shared or typed by hand still shows programmes, with a word about what was ignored.
    """

    widget = forms.HiddenInput

    def __init__(self):
        super().__init__(required=False)
        self.notes = []

    def clean(self, value):
        return value

    def __deepcopy__(self, memo):
        # Each form gets its own field objects (FinderForm gives them its notes and labels); the widgets are
        # never rendered, so they are shared rather than copied on every request.
        return copy.copy(self)


class FacetField(LenientField):
    """A facet's codes (OR within the facet): the known ones, each once, at most MAX_VALUES_PER_FACET."""

    widget = forms.MultipleHiddenInput

    def __init__(self, facet):
        super().__init__()
        self.facet, self.labels = facet, facet.labels

    def clean(self, value):
        values = value or []
        codes = []
        for raw in values[:MAX_VALUES_PER_FACET]:
            code = raw.strip()
            if code in self.labels:
                if code not in codes:
                    codes.append(code)
            else:
                self.notes.append(
                    _("“%(value)s” is not a known %(facet)s and was ignored.")
                    % {"value": code[:40], "facet": str(self.facet.label).lower()}
                )
        if len(values) > MAX_VALUES_PER_FACET:
            self.notes.append(_("Only the first %(n)d values of a filter are used.") % {"n": MAX_VALUES_PER_FACET})
        return codes


class ToggleField(LenientField):
    """A checkbox: on for 1 (or on, true), off for 0 or nothing; another value is noted and ignored."""

    widget = forms.MultipleHiddenInput

    def __init__(self, ignored):
        super().__init__()
        self.ignored = ignored

    def clean(self, value):
        on = False
        for item in value or []:
            if item in ("1", "on", "true"):
                on = True
            elif item not in ("", "0"):
                self.notes.append(self.ignored)
        return on


class TextQueryField(LenientField):
    """The search text (search/service.py cleans it)."""

    def clean(self, value):
        text, messages = finder_text(value or "")
        self.notes.extend(messages)
        return text


class PlaceField(LenientField):
    """A postcode or municipality (programs/near.py): the Place it names, or None; unclear ones are noted."""

    language = settings.LANGUAGE_CODE  # the form sets the visitor's

    def clean(self, value):
        place = resolve_place(value or "")
        if place is None:
            return None
        if place.municipality is None:
            if place.choices:
                self.notes.append(
                    _("“%(value)s” could be several places; choose one below.") % {"value": place.text[:60]}
                )
            else:
                self.notes.append(
                    _("We do not know the place “%(value)s”; check the spelling or try a postcode.")
                    % {"value": place.text[:60]}
                )
        elif place.corrected:
            self.notes.append(_("Showing programmes near %(place)s.") % {"place": place.name(self.language)})
        return place


class PageField(LenientField):
    """A page number from 1; anything else is the first page."""

    def clean(self, value):
        number = "1" if value is None else value
        try:
            number = int(number)
            if number < 1:
                raise ValueError
        except (TypeError, ValueError):
            self.notes.append(
                _("“%(value)s” is not a page number; showing the first page.") % {"value": str(number)[:20]}
            )
            number = 1
        return number


# One multiple-choice field per facet, named by its GET parameter.
FacetFields = type("FacetFields", (forms.Form,), {"__module__": __name__} | {f.param: FacetField(f) for f in FACETS})


class FinderForm(FacetFields):
    """The finder's GET parameters, cleaned leniently: `cleaned_data` always, and `notes` about what was ignored.

    The fields are cleaned in the order declared, so the notes come in that order. Field names are the
    *_PARAM values.
    """

    q = TextQueryField()
    accepting = ToggleField(_("The filter “accepting volunteers” only takes the value 1 and was ignored."))
    newcomers = ToggleField(_("The filter “accepting newcomers” only takes the value 1 and was ignored."))
    place = PlaceField()
    lat = LenientField()
    lon = LenientField()
    sort = LenientField()
    page = PageField()

    def __init__(self, params, *, labels, language):
        super().__init__(params)
        self.notes = []
        for lenient in self.fields.values():
            lenient.notes = self.notes
        for facet in FACETS:
            self.fields[facet.param].labels = labels[facet.param]
        self.fields[PLACE_PARAM].language = language

    def clean_sort(self):
        """(latitude, longitude, as typed, as typed) for sort=distance with the browser's location, or None."""
        if self.cleaned_data[SORT_PARAM] != "distance":
            return None
        try:
            latitude = float(self.cleaned_data[LATITUDE_PARAM] or "")
            longitude = float(self.cleaned_data[LONGITUDE_PARAM] or "")
            if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
                raise ValueError
        except ValueError:
            self.notes.append(_("Sorting by distance needs your location; showing the usual order."))
            return None
        # Rounded to about a kilometre: enough to sort, and the URL does not pinpoint the visitor.
        return latitude, longitude, f"{latitude:.2f}", f"{longitude:.2f}"


# The finder -----------------------------------------------------------------------------------------------


def filter_programmes(params, *, locale, page_size=PAGE_SIZE, facets=True):
    """Filter, count and paginate the programmes of `locale` for the GET `params` (a QueryDict).

    `facets=False` leaves out the facet and toggle counts (the open-data API lists programmes only).
    """
    return Finder(params, locale=locale, page_size=page_size, facets=facets).result()


class Finder:
    """One visit to the finder: its parameters read through FinderForm, then each step a method."""

    def __init__(self, params, *, locale, page_size=PAGE_SIZE, facets=True):
        self.locale, self.page_size, self.with_facets = locale, page_size, facets
        self.language = get_language() or settings.LANGUAGE_CODE
        self.labels = {facet.param: facet.current_labels() for facet in FACETS}
        form = FinderForm(params, labels=self.labels, language=self.language)
        form.is_valid()  # always: the fields are lenient
        data = form.cleaned_data
        self.messages = form.notes
        self.selected = {facet.param: data[facet.param] for facet in FACETS}
        self.text, self.accepting, self.newcomers = data[TEXT_PARAM], data[ACCEPTING_PARAM], data[NEWCOMERS_PARAM]
        if self.text:
            self.selected[TEXT_PARAM] = [self.text]
        if self.newcomers:
            self.selected[NEWCOMERS_PARAM] = ["1"]
        self.place, self.place_choices = self._place(data[PLACE_PARAM])
        self.origin = data[SORT_PARAM]
        if self.origin:
            self.selected.update(
                {SORT_PARAM: ["distance"], LATITUDE_PARAM: [self.origin[2]], LONGITUDE_PARAM: [self.origin[3]]}
            )
        self.number = data[PAGE_PARAM]
        self.window, self.backend_counts = None, None

    def _place(self, place):
        """(the place to filter by or None, "did you mean" [(name, url)] for a place that is unclear)."""
        if place is None:
            return None, []
        self.selected[PLACE_PARAM] = [place.text]
        if place.municipality is not None:
            return place, []
        keep = {**self.selected, ACCEPTING_PARAM: ["1"] * self.accepting}
        return None, [
            (choice.name(self.language), _url({**keep, PLACE_PARAM: [choice.name(self.language)]}))
            for choice in place.choices
        ]

    def with_accepting(self, selected):
        """`selected` as link parameters: the "accepting volunteers" toggle kept."""
        return {**selected, ACCEPTING_PARAM: ["1"] if self.accepting else []}

    def result(self):
        programmes = base_queryset(self.locale)
        if self.place is not None:
            programmes = programmes.annotate(place_tier=tier_expression(self.place)).filter(place_tier__lt=OUT_OF_REACH)
        # With a text query the search backend filters, counts and pages the matches (`window`); for prefix
        # matches, and without a text query, the database does, with GROUP BY.
        self.programmes = self._search(programmes) if self.text else programmes
        filtered = self.narrowed()
        facets, region_counts = self._facets() if self.with_facets else ([], {})
        counts = self._toggle_counts(filtered) if self.with_facets else (None, None, None)
        accepting_count, newcomers_count, filtered_total = counts
        active_filters = self._active_filters()
        paginator, page = self._page(filtered, filtered_total)
        return FinderResult(
            page=page,
            paginator=paginator,
            total=paginator.count,
            facets=facets,
            active_filters=active_filters,
            messages=self.messages,
            selected=self.selected,
            accepting=self.accepting,
            accepting_count=accepting_count,
            region_counts=region_counts,
            query_string=_url(self.with_accepting(self.selected)),
            newcomers=self.newcomers,
            newcomers_count=newcomers_count,
            place=self.place,
            place_name=self.place.name(self.language) if self.place is not None else "",
            place_choices=self.place_choices,
            by_distance=bool(self.origin) and self.window is None,
        )

    def _search_window(self, page_number):
        facet_codes = {facet.param: self.selected[facet.param] for facet in FACETS}
        offset = (page_number - 1) * self.page_size
        return search_programmes_window(
            self.text,
            self.locale,
            facet_codes,
            self.accepting,
            offset,
            self.page_size,
            newcomers=self.newcomers,
            place=self.place,
        )

    def _search(self, programmes):
        """The matches' window from the search backend; or, when no whole word matches, the prefix matches."""
        # The search server pages no deeper than MAX_RESULT_WINDOW (it refuses the request): ask for at most
        # the deepest page it can give.
        deepest = MAX_RESULT_WINDOW // self.page_size
        window = self._search_window(min(self.number, deepest))
        if window is None:
            return prefix_programmes(programmes, self.text, self.locale)
        if self.number > deepest and window.total > MAX_RESULT_WINDOW:
            self.number = deepest
            self.messages.append(too_deep_message())
        self.window, self.backend_counts = window, window.counts
        if window.capped:
            self.messages.append(
                _("Only the %(n)s best matches are shown and counted; add a word or a filter to narrow the search.")
                % {"n": number_format(MAX_WINDOW_MATCHES, force_grouping=True)}
            )
        return programmes

    def narrowed(self, skip=None):
        """The programmes with every choice applied but `skip`'s (a facet's or toggle's parameter)."""
        result = self.programmes
        for facet in FACETS:
            if facet.param != skip and self.selected[facet.param]:
                result = facet.restrict(result, self.selected[facet.param])
        if self.accepting and skip != ACCEPTING_PARAM:
            result = result.filter(status="active", accepting_volunteers="open")
        if self.newcomers and skip != NEWCOMERS_PARAM:
            result = result.filter(status="active", accepting_newcomers="open")
        return result

    def _facets(self):
        """([FacetResult], the region counts): each option with its count and the link that toggles it."""
        all_counts = self.backend_counts or facet_counts(self.narrowed)
        facet_results = [self._facet(facet, all_counts[facet.param]) for facet in FACETS]
        return facet_results, all_counts["region"]

    def _facet(self, facet, counts):
        chosen = self.selected[facet.param]
        options = []
        for code, label in self.labels[facet.param].items():
            count = counts.get(code, 0)
            is_selected = code in chosen
            if facet.hide_empty and not count and not is_selected:
                continue
            toggled = [c for c in chosen if c != code] if is_selected else [*chosen, code]
            url = _url(self.with_accepting({**self.selected, facet.param: toggled}))
            options.append(Option(code, str(label), count, is_selected, url))
        return FacetResult(facet.param, str(facet.label), options, len(chosen))

    def _toggle_counts(self, filtered):
        """(programmes looking for volunteers, taking newcomers, the total or None if not counted yet)."""
        if self.backend_counts:
            return self.backend_counts[ACCEPTING_PARAM], self.backend_counts[NEWCOMERS_PARAM], None
        if not self.accepting and not self.newcomers:  # one set for both figures and the total: one query
            figures = filtered.aggregate(
                total=Count("pk"),
                accepting=Count("pk", filter=Q(status="active", accepting_volunteers="open")),
                newcomers=Count("pk", filter=Q(status="active", accepting_newcomers="open")),
            )
            return figures["accepting"], figures["newcomers"], figures["total"]
        accepting = self.narrowed(skip=ACCEPTING_PARAM).filter(status="active", accepting_volunteers="open")
        newcomers = self.narrowed(skip=NEWCOMERS_PARAM).filter(status="active", accepting_newcomers="open")
        return accepting.count(), newcomers.count(), None

    def _active_filters(self):
        """Each choice made, with the link that removes it."""
        selected = self.selected
        active = [
            ActiveFilter(
                str(self.labels[facet.param][code]),
                str(facet.label),
                _url(self.with_accepting({**selected, facet.param: [c for c in selected[facet.param] if c != code]})),
            )
            for facet in FACETS
            for code in selected[facet.param]
        ]
        if self.accepting:
            active.append(ActiveFilter(str(_("Looking for volunteers now")), "", _url(selected)))
        if self.newcomers:
            without = self.with_accepting({**selected, NEWCOMERS_PARAM: []})
            active.append(ActiveFilter(str(_("Taking newcomers now")), "", _url(without)))
        if self.text:
            without = self.with_accepting({**selected, TEXT_PARAM: []})
            active.append(ActiveFilter(f"“{self.text}”", str(_("Search")), _url(without)))
        if self.place is not None:
            without = self.with_accepting({**selected, PLACE_PARAM: []})
            active.append(ActiveFilter(self.place.name(self.language), str(_("Near")), _url(without)))
        if self.origin:
            without = self.with_accepting({**selected, SORT_PARAM: [], LATITUDE_PARAM: [], LONGITUDE_PARAM: []})
            active.append(ActiveFilter(str(_("Nearest to you first")), "", _url(without)))
        return active

    def _page(self, filtered, filtered_total):
        """(the paginator, the page asked for with its programmes' cards)."""
        distances = {}
        if self.window is not None:
            # The server's page of ids, best first; the database only gives the cards' details.
            paginator = Paginator(range(self.window.total), self.page_size)
        else:
            # The ordering and the count run on the bare filtered set; only the page's cards get the details
            # (organisation, language, taxonomies), so neither query grows with what the cards show.
            ordered = _ordered_ids(filtered)
            if self.origin:
                ordered, distances = _by_distance(filtered, list(ordered), self.origin[:2])
            paginator = Paginator(ordered, self.page_size)
            # Paginator.count is a cached property: no second COUNT
            paginator.count = filtered_total if filtered_total is not None else filtered.count()
        if self.number > paginator.num_pages:
            if paginator.count:
                self.messages.append(_("There is no page %(number)d; showing the last page.") % {"number": self.number})
            self.number = paginator.num_pages
            if self.window is not None and paginator.count:
                self.window = self._search_window(self.number) or self.window
        page = paginator.page(self.number)
        page.object_list = self._cards(page, distances)
        return paginator, page

    def _cards(self, page, distances):
        """The page's programmes in order, with what their cards show."""
        if self.window is not None:
            ids, source = self.window.ids, base_queryset(self.locale)  # the index may lag behind the database
        else:
            ids, source = list(page.object_list), ProgramPage.objects.all()
        cards = _for_cards(source.filter(pk__in=ids))
        if self.place is not None:
            cards = cards.annotate(place_tier=tier_expression(self.place))
        cards = {card.pk: card for card in cards}
        listed = [cards[pk] for pk in ids if pk in cards]
        for card in listed:
            card.place_reason = reason(self.place, card.place_tier, self.language) if self.place is not None else ""
            card.distance_km = distances.get(card.pk) if self.window is None else None
        return listed


def _by_distance(filtered, ordered_ids, origin):
    """The ids nearest first (the closest location or municipality served), and {id: km} for those with a point.

    Programmes without a point keep their usual order after the others.
    """
    points = defaultdict(list)
    for page_id, latitude, longitude in ProgramLocation.objects.filter(
        page__in=filtered.values("pk"), latitude__isnull=False, longitude__isnull=False
    ).values_list("page_id", "latitude", "longitude"):
        points[page_id].append((float(latitude), float(longitude)))
    for page_id, latitude, longitude in ProgramMunicipality.objects.filter(
        page__in=filtered.values("pk"), municipality__latitude__isnull=False
    ).values_list("page_id", "municipality__latitude", "municipality__longitude"):
        points[page_id].append((latitude, longitude))
    distances = {page_id: min(distance_km(origin, point) for point in found) for page_id, found in points.items()}
    ordered_ids.sort(key=lambda pk: (pk not in distances, distances.get(pk, 0)))
    return ordered_ids, {pk: round(km) if km >= 10 else round(km, 1) for pk, km in distances.items()}


STATUS_ORDER = Case(
    When(status="active", then=Value(0)),
    When(status="paused", then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def _ordered_ids(queryset):
    """The programmes' ids in the overview's order: "near you" tier (with a place), relevance (with a text query),
    status, title."""
    nearest = ["place_tier"] if "place_tier" in queryset.query.annotations else []
    relevance = ["search_rank"] if "search_rank" in queryset.query.annotations else []
    return (
        queryset.annotate(status_order=STATUS_ORDER)
        .order_by(*nearest, *relevance, "status_order", "title", "pk")
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
    ).prefetch_related(
        "regions", Prefetch("municipality_links", ProgramMunicipality.objects.select_related("municipality"))
    )
