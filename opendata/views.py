"""The read-only HSDS 3.0 JSON API: /api/hsds/<locale>/… (docs/open-data.md lists every endpoint).

One locale per request, in the path (`nl`, `fr`, `en`): the same programme has the same id in each, its
texts in that locale (or, untranslated, in its source language, said in `x_text_languages`). `/api/hsds/`
itself lists the locales' roots.

`services` takes the programme finder's own parameters (`q`, `place`, `region`, `theme`, `target`,
`language`, `mode`, `accepting`, `newcomers`) through programs.filters.filter_programmes, so it lists what
the overview lists, in the same order; `page` and `per_page` (at most 100) page every list. A parameter the
API does not know, or a value the finder would ignore, gives a 400 with an explanation: a reuser's
mistake should not pass as an empty or unfiltered answer. Too many requests from one client give a 429.

HTTP: an ETag (a digest of the body) and Last-Modified on every answer, so conditional GETs get a 304;
`Cache-Control: public` for OPENDATA_CACHE_SECONDS (browsers and CDNs; publishing does not purge the API's
addresses, so keep it short); CORS for reading from any origin, never with credentials; lists link to
their other pages in `x_links` and the `Link` header. Errors are never cached.
"""

import hashlib
from functools import wraps

import django_ratelimit as ratelimit
from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.db.models import F, Max, Q
from django.db.models.expressions import Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import HttpResponse, JsonResponse, QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, PageLogEntry

from home.client_ip import client_ip
from opendata import hsds, ids
from programs.filters import FACETS, filter_programmes
from programs.models import OrganisationPage, ProgramLocation, ProgramPage

DEFAULT_PER_PAGE = 50
REMOVALS = ("wagtail.unpublish", "wagtail.delete", "wagtail.move", "wagtail.view_restriction.create")
MAX_PER_PAGE = 100
PAGING_PARAMS = ("page", "per_page")
FINDER_PARAMS = ("q", "search", "place", "accepting", "newcomers", *(facet.param for facet in FACETS))


class ApiError(Exception):
    def __init__(self, status, message, details=()):
        super().__init__(message)
        self.status, self.message, self.details = status, message, [str(detail) for detail in details]


def error_response(status, message, details=()):
    body = {"error": {"status": status, "message": str(message)}}
    if details:
        body["error"]["details"] = list(details)
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    return _cors(response)


def _cors(response):
    """Any web page may read the API (no credentials: it has none to give): CORS for reading only."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Link, Retry-After"
    return response


def _preflight():
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = "86400"
    response["Allow"] = "GET, HEAD, OPTIONS"
    return _cors(response)


def _last_modified(locale):
    """When what the API shows last changed, for conditional GETs' Last-Modified, or None: the latest publication
    of a page of `locale`, or unpublication or deletion anywhere (a page that leaves must not be answered by a 304).
    The ETag, a digest of the response, catches everything else (a new release's labels)."""
    pages = Page.objects.live().public().type(OrganisationPage, ProgramPage)
    if locale is not None:
        pages = pages.filter(locale=locale)
    published = pages.aggregate(latest=Max("last_published_at"))["latest"]
    removed = PageLogEntry.objects.filter(action__in=REMOVALS).aggregate(latest=Max("timestamp"))["latest"]
    return max(filter(None, (published, removed)), default=None)


def api_view(view):
    """A public, read-only endpoint in one locale: rate limited, errors as JSON, the locale's language active,
    validators for conditional GETs (ETag, Last-Modified), cacheable by browsers and CDNs, readable cross-origin."""

    @wraps(view)
    def wrapper(request, language=None, **kwargs):
        if request.method == "OPTIONS":
            return _preflight()
        if request.method not in ("GET", "HEAD"):
            response = error_response(405, _("The open-data API is read-only: use GET."))
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        limited = is_ratelimited(
            request,
            group="opendata:client",
            key=lambda group, request: client_ip(request) or "unknown",
            rate=settings.OPENDATA_RATE_PER_CLIENT,
            method=ratelimit.ALL,
            increment=True,
        )
        if limited:
            response = error_response(429, _("Too many requests; wait a minute and try again."))
            response["Retry-After"] = "60"
            return response
        locale = None
        if language is not None:
            locale = Locale.objects.filter(language_code=language).first()
            if locale is None or language not in dict(settings.LANGUAGES):
                return error_response(404, _("There is no locale “%(locale)s”.") % {"locale": language[:10]})
        with translation.override(language or settings.LANGUAGE_CODE):
            try:
                body = view(request, locale, **kwargs) if locale is not None else view(request, **kwargs)
            except ApiError as error:
                return error_response(error.status, error.message, error.details)
            response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        last_modified = _last_modified(locale)
        seconds_since_epoch = int(last_modified.timestamp()) if last_modified else None  # HTTP dates: whole seconds
        # Django's own rules for If-None-Match / If-Modified-Since (RFC 9110): a 304 without the body.
        not_modified = get_conditional_response(request, etag=etag, last_modified=seconds_since_epoch)
        if not_modified is not None:
            response = not_modified
        response["ETag"] = etag
        if last_modified:
            response["Last-Modified"] = http_date(seconds_since_epoch)
        seconds = settings.OPENDATA_CACHE_SECONDS
        response["Cache-Control"] = f"public, max-age={seconds}, s-maxage={seconds}"
        if isinstance(body, dict) and "x_links" in body:
            response["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in body["x_links"].items())
        return _cors(response)

    return wrapper


def _check_params(request, allowed):
    unknown = sorted(set(request.GET) - set(allowed))
    if unknown:
        raise ApiError(
            400,
            _("Unknown parameter: %(names)s. This endpoint takes: %(allowed)s.")
            % {"names": ", ".join(name[:40] for name in unknown[:5]), "allowed": ", ".join(allowed) or "–"},
        )


def _positive_int(request, name, default, maximum=None):
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1 or (maximum is not None and value > maximum):
        if maximum is not None:
            message = _("“%(name)s” takes a whole number from 1 to %(maximum)d.") % {"name": name, "maximum": maximum}
        else:
            message = _("“%(name)s” takes a whole number from 1.") % {"name": name}
        raise ApiError(400, message)
    return value


def _paging(request):
    return _positive_int(request, "page", 1), _positive_int(request, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)


def _page_body(request, page, paginator, contents):
    """HSDS's page of results, with links to the other pages (also in the `Link` header)."""

    def link(number):
        params = request.GET.copy()
        params["page"] = str(number)
        return request.build_absolute_uri(request.path + "?" + params.urlencode())

    links = {"self": link(page.number), "first": link(1), "last": link(paginator.num_pages)}
    if page.number > 1:
        links["prev"] = link(page.number - 1)
    if page.number < paginator.num_pages:
        links["next"] = link(page.number + 1)
    return {
        "total_items": paginator.count,
        "total_pages": paginator.num_pages,
        "page_number": page.number,
        "size": len(contents),
        "first_page": page.number == 1,
        "last_page": page.number == paginator.num_pages,
        "empty": paginator.count == 0,
        "contents": contents,
        "x_links": links,
    }


def _paginate(items, request):
    number, per_page = _paging(request)
    paginator = Paginator(items, per_page)
    try:
        page = paginator.page(number)
    except EmptyPage:
        raise ApiError(
            400,
            _("There is no page %(number)d; the last page is %(last)d.")
            % {"number": number, "last": paginator.num_pages},
        ) from None
    return page, paginator


# Endpoints -------------------------------------------------------------------------------------------


@api_view
def index(request):
    _check_params(request, ())
    return {
        "version": hsds.HSDS_VERSION,
        "profile": hsds.PROFILE,
        "x_locales": {
            code: request.build_absolute_uri(reverse("opendata:root", args=[code]))
            for code, _name in settings.LANGUAGES
        },
    }


@api_view
def root(request, locale):
    _check_params(request, ())
    base = reverse("opendata:root", args=[locale.language_code])
    return {
        "version": hsds.HSDS_VERSION,
        "profile": hsds.PROFILE,
        "x_locale": locale.language_code,
        "x_endpoints": [
            request.build_absolute_uri(base + name)
            for name in ("services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms")
        ],
        "x_licence": "https://creativecommons.org/licenses/by/4.0/",
    }


@api_view
def services(request, locale):
    _check_params(request, (*FINDER_PARAMS, *PAGING_PARAMS))
    number, per_page = _paging(request)
    params = QueryDict(mutable=True)
    for name in FINDER_PARAMS:
        if name in request.GET:
            params.setlist("q" if name == "search" else name, request.GET.getlist(name))
    params["page"] = str(number)
    finder = filter_programmes(params, locale=locale, page_size=per_page, facets=False)  # the list only
    problems = [str(message) for message in finder.messages if not _is_notice(message, finder)]
    if finder.paginator.count and number > finder.paginator.num_pages:
        problems.append(
            _("There is no page %(number)d; the last page is %(last)d.")
            % {"number": number, "last": finder.paginator.num_pages}
        )
    if problems:
        raise ApiError(400, _("Some parameters could not be used."), problems)
    pages = finder.page.object_list
    organisations = hsds.organisations_by_path(pages)
    language = locale.language_code
    contents = [
        hsds.service_summary(page, organisations.get(page.path[: -ProgramPage.steplen]), language) for page in pages
    ]
    return _page_body(request, finder.page, finder.paginator, contents)


def _is_notice(message, finder):
    """The finder's "showing programmes near X" after correcting a place's spelling informs; it is not an error."""
    return finder.place is not None and finder.place.corrected and str(message).endswith(finder.place_name + ".")


def _find_programme(locale, id):
    """The programme with published id `id` in `locale`: an indexed look-up (opendata/ids.py), not a scan."""
    key = ids.find_key(ids.PROGRAMME, id)
    page = None
    if key is not None:
        pages = ids.with_key(hsds.live_programmes(locale), ids.PROGRAMME, key)
        page = pages.select_related("alias_of__locale").order_by("pk").first()
    if page is None:
        raise ApiError(404, _("No published programme has the id “%(id)s” in this locale.") % {"id": id[:40]})
    return page


@api_view
def service_detail(request, locale, id):
    _check_params(request, ())
    page = _find_programme(locale, str(id))
    return hsds.service_record(page, locale.language_code)


def _organisations(locale):
    return (
        hsds.live_organisations(locale)
        .annotate(source_language=Coalesce(F("alias_of__locale__language_code"), F("locale__language_code")))
        .order_by("title", "pk")
    )


@api_view
def organizations(request, locale):
    _check_params(request, ("q", "search", *PAGING_PARAMS))
    queryset = _organisations(locale)
    text = (request.GET.get("q") or request.GET.get("search") or "").strip()
    if len(text) > 200:
        raise ApiError(400, _("The search text is longer than 200 characters."))
    if text:
        queryset = queryset.filter(Q(title__icontains=text) | Q(city__icontains=text))
    page, paginator = _paginate(queryset, request)
    language = locale.language_code
    contents = [
        hsds.organization_record(organisation, language, text_language=organisation.source_language)
        for organisation in page.object_list
    ]
    return _page_body(request, page, paginator, contents)


@api_view
def organization_detail(request, locale, id):
    _check_params(request, ())
    key = ids.find_key(ids.ORGANISATION, str(id))
    organisation = None
    if key is not None:
        organisation = ids.with_key(_organisations(locale), ids.ORGANISATION, key).first()
    if organisation is None:
        raise ApiError(404, _("No published organisation has the id “%(id)s” in this locale.") % {"id": str(id)})
    language = locale.language_code
    programmes = list(organisation.programmes())
    places = hsds.postcode_places([organisation.postcode])
    record = hsds.organization_record(organisation, language, text_language=organisation.source_language)
    record["phones"] = hsds.organization_phones(organisation)
    record["locations"] = hsds.organization_locations(organisation, places)
    record["services"] = [hsds.service_summary(page, organisation, language) for page in programmes]
    return record


@api_view
def service_at_locations(request, locale):
    _check_params(request, PAGING_PARAMS)
    locations = (
        ProgramLocation.objects.filter(page__in=hsds.live_programmes(locale).values("pk"))
        .select_related("page")
        .annotate(
            position=Window(RowNumber(), partition_by=[F("page_id")], order_by=[F("sort_order").asc(), F("pk").asc()])
        )
        .order_by("page__title", "page_id", "sort_order", "pk")
    )
    page, paginator = _paginate(locations, request)
    places = hsds.postcode_places([location.postcode for location in page.object_list])
    language = locale.language_code
    contents = [
        hsds.service_at_location_record(location.page, location, location.position - 1, places, language)
        for location in page.object_list
    ]
    return _page_body(request, page, paginator, contents)


@api_view
def taxonomies(request, locale):
    _check_params(request, PAGING_PARAMS)
    page, paginator = _paginate([hsds.taxonomy_record(name) for name in hsds.TAXONOMIES], request)
    return _page_body(request, page, paginator, list(page.object_list))


@api_view
def taxonomy_terms(request, locale):
    _check_params(request, ("taxonomy_id", *PAGING_PARAMS))
    terms = hsds.all_terms(locale.language_code)
    wanted = request.GET.get("taxonomy_id")
    if wanted is not None:
        known = {hsds.taxonomy_id(name): name for name in hsds.TAXONOMIES}
        if wanted not in known:
            raise ApiError(400, _("“taxonomy_id” takes the id of one of the taxonomies listed by taxonomies."))
        terms = [term for term in terms if term["taxonomy_id"] == wanted]
    page, paginator = _paginate(terms, request)
    return _page_body(request, page, paginator, list(page.object_list))
