"""The public "Open data" page (/<lang>/open-data/): what the API, the exports and the widget offer, and the licence."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from opendata import hsds


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
    }
    return TemplateResponse(request, "opendata/open_data.html", context)
