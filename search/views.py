"""The public site search and the search boxes' suggestions, in the language of the URL."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe

from wagtail.models import Locale

from search.service import popular_queries, site_search, suggestions


def _no_store(response):
    """A response that carries a visitor's query is never stored by a browser, proxy or CDN."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def search(request):
    locale = Locale.get_active()
    result = site_search(request.GET.get("q", ""), locale=locale, raw_page=request.GET.get("page"), request=request)
    context = {
        "query": result.query,
        "search": result,
        "popular_queries": [] if result.query else popular_queries(locale),
    }
    response = TemplateResponse(request, "search/search.html", context)
    return _no_store(response) if request.GET else response


@require_safe
def suggest(request):
    """JSON suggestions for the text typed so far: {"query": ..., "suggestions": [{"label": ...}, ...]}."""
    query = request.GET.get("q", "")
    labels = suggestions(query, Locale.get_active())
    response = JsonResponse({"query": query[:200], "suggestions": [{"label": label} for label in labels]})
    return _no_store(response)
