"""The open-data pages for people: the "Open data" page (/<lang>/open-data/: what the API, the exports and the
widget offer, and the licence) and the embeddable widget (/<lang>/widget/)."""

from csp.decorators import csp_replace

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from opendata import hsds
from programs import taxonomy
from programs.filters import filter_programmes
from programs.models import ProgramIndexPage


@require_safe
def open_data(request):
    language = Locale.get_active().language_code
    api = request.build_absolute_uri(reverse("opendata:root", args=[language]))
    context = {
        "api_index": request.build_absolute_uri(reverse("opendata:index")),
        "api_root": api,
        "hsds_version": hsds.HSDS_VERSION,
        "endpoints": [
            ("services", api + "services?place=Gent&theme=language&per_page=10"),
            ("services/{id}", api + "services/{id}"),
            ("organizations", api + "organizations?q=buddy"),
            ("organizations/{id}", api + "organizations/{id}"),
            ("service_at_locations", api + "service_at_locations"),
            ("taxonomies", api + "taxonomies"),
            ("taxonomy_terms", api + "taxonomy_terms"),
        ],
        "export_url": settings.OPENDATA_EXPORT_URL,
        "rate": settings.OPENDATA_RATE_PER_CLIENT,
        "cache_seconds": settings.OPENDATA_CACHE_SECONDS,
        "widget_url": request.build_absolute_uri(reverse("opendata_widget")) + "?place=Gent",
    }
    return TemplateResponse(request, "opendata/open_data.html", context)


WIDGET_PARAMS = ("place", "region", "theme", "target", "language", "mode", "accepting", "newcomers", "limit")
DEFAULT_WIDGET_LIMIT = 10
MAX_WIDGET_LIMIT = 30


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
@require_safe
def widget(request):
    """The embeddable list (/<lang>/widget/?place=…): the programmes serving a place or region, for other sites.

    The one public route any site may frame (`frame-ancestors *`, no X-Frame-Options). It sets no cookie,
    loads no script and nothing from elsewhere; its links open the programme pages in the top window.
    The embedding site chooses the place: it is not a visitor's whereabouts, so the page may be cached.
    """
    locale = Locale.get_active()
    problems = [
        _("Unknown parameter: %(names)s. This endpoint takes: %(allowed)s.")
        % {"names": name[:40], "allowed": ", ".join(WIDGET_PARAMS)}
        for name in sorted(set(request.GET) - set(WIDGET_PARAMS))[:3]
    ]
    limit = DEFAULT_WIDGET_LIMIT
    if request.GET.get("limit"):
        try:
            limit = int(request.GET["limit"])
        except ValueError:
            limit = 0
        if not 1 <= limit <= MAX_WIDGET_LIMIT:
            problems.append(
                _("“%(name)s” takes a whole number from 1 to %(maximum)d.")
                % {"name": "limit", "maximum": MAX_WIDGET_LIMIT}
            )
            limit = DEFAULT_WIDGET_LIMIT
    params = request.GET.copy()
    params.pop("limit", None)
    finder = filter_programmes(params, locale=locale, page_size=limit)
    problems += [
        str(message)
        for message in finder.messages
        if not (finder.place is not None and finder.place.corrected and str(message).endswith(finder.place_name + "."))
    ]
    overview = ProgramIndexPage.objects.live().filter(locale=locale).first()
    query = finder.query_string if finder.query_string != "?" else ""
    context = {
        "finder": finder,
        "programmes": finder.page.object_list,
        "problems": problems,
        "more_url": overview.url + query if overview else "",
        "region_names": [str(taxonomy.REGIONS.get(code, code)) for code in finder.selected.get("region", [])],
    }
    return TemplateResponse(request, "opendata/widget.html", context, status=400 if problems else 200)
