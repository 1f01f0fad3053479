"""Filters of the story index: theme, region and programme, as GET parameters, with counts.

Each facet counts the stories that would remain if that value were chosen,
with the other facets' choices kept (the usual faceted-search rule). Unknown
or malformed values are ignored, never an error. Links are plain URLs, so
filtering works without JavaScript and every filtered list can be shared.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from programs.models import ProgramPage, taxonomy_terms
from stories.models import STORIES_PER_PAGE, attach_programmes

FACETS = ("theme", "region", "programme")


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    options: list = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


@dataclass
class StoryListing:
    page: object
    paginator: Paginator
    facets: dict
    selected: dict
    total: int
    clear_url: str
    page_links: list
    previous_url: str | None
    next_url: str | None


def _query(selected, **changes):
    params = {**selected, **changes}
    params = {key: value for key, value in params.items() if value}
    return "?" + urlencode(params) if params else "?"


def parse(params):
    """The valid-looking filter values of a GET query (one value per facet)."""
    selected = {}
    for name in FACETS:
        value = (params.get(name) or "").strip()[:64]
        # Codes are printable ASCII; anything else (NUL bytes, which PostgreSQL refuses) is no known value.
        if not value or not value.isascii() or not value.isprintable():
            continue
        if name == "programme" and not value.isdigit():
            continue
        selected[name] = value
    return selected


def _apply(queryset, selected, skip=None):
    if "theme" in selected and skip != "theme":
        queryset = queryset.filter(themes__code=selected["theme"])
    if "region" in selected and skip != "region":
        queryset = queryset.filter(region__code=selected["region"])
    if "programme" in selected and skip != "programme":
        queryset = queryset.filter(programme_id=int(selected["programme"]))
    return queryset


def _programme_facet(base, selected, locale_id):
    """Stories per programme, named as in `locale_id` (its translation, else its own title), in one query."""
    here = ProgramPage.objects.live().filter(locale_id=locale_id)
    here = here.filter(translation_key=OuterRef("programme__translation_key"))
    label = Coalesce(Subquery(here.values("title")[:1]), F("programme__title"))
    rows = (
        _apply(base, selected, skip="programme")
        .filter(programme__isnull=False)
        .values_list("programme_id")
        .annotate(n=Count("pk", distinct=True), label=label)
    )
    return Facet(
        "programme",
        [
            _option("programme", str(pk), label, count, selected)
            for pk, count, label in sorted(rows, key=lambda row: row[2].casefold())
        ],
    )


def _counts(base, selected, name, column):
    """Stories per value of one facet, with the other facets' choices kept."""
    return dict(_apply(base, selected, skip=name).values_list(column).annotate(n=Count("pk", distinct=True)))


def _option(name, value, label, count, selected):
    chosen = selected.get(name) == value
    return FacetOption(value, label, count, chosen, _query(selected, **{name: None if chosen else value, "page": None}))


def _taxonomy_facet(name, terms, base, selected, column):
    """A facet of taxonomy terms, in their order; terms without stories are left out unless chosen."""
    counts = _counts(base, selected, name, column)
    return Facet(
        name,
        [
            _option(name, term.code, str(term.label), counts.get(term.code, 0), selected)
            for term in terms
            if counts.get(term.code) or selected.get(name) == term.code
        ],
    )


def filter_stories(index, params):
    selected = parse(params)
    base = index.stories().order_by()  # no ordering: it would split the facet counts' GROUP BY
    stories = _apply(
        index.stories().select_related("locale", "alias_of__locale", "portrait", "region", "programme"), selected
    )
    stories = stories.prefetch_related("portrait__renditions").distinct()

    terms = taxonomy_terms()  # kept with the site's chrome, in their order
    facets = {
        "theme": _taxonomy_facet("theme", terms["themes"].values(), base, selected, "themes__code"),
        "region": _taxonomy_facet("region", terms["regions"].values(), base, selected, "region__code"),
        "programme": _programme_facet(base, selected, index.locale_id),
    }

    paginator = Paginator(stories, STORIES_PER_PAGE)
    page = paginator.get_page(params.get("page"))
    attach_programmes(page.object_list, index.locale_id)

    def page_url(number):
        return _query(selected, page=number if number > 1 else None)

    page_links = [
        {"number": number, "url": page_url(number), "current": number == page.number} for number in paginator.page_range
    ]
    return StoryListing(
        page=page,
        paginator=paginator,
        facets=facets,
        selected=selected,
        total=paginator.count,
        clear_url="?",
        page_links=page_links,
        previous_url=page_url(page.previous_page_number()) if page.has_previous() else None,
        next_url=page_url(page.next_page_number()) if page.has_next() else None,
    )
