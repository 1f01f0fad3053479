"""The finder's place field suggestions: names of municipalities as the visitor types, in their language."""

from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from programs.near import MAX_PLACE_LENGTH, suggestions


@require_safe
def place_suggestions(request):
    """JSON like the search boxes' suggestions: {"query": ..., "suggestions": [{"label": "Gent"}, ...]}.

    From the gazetteer in memory (programs/places), so it answers without touching the database.
    """
    query = request.GET.get("q", "")[:MAX_PLACE_LENGTH]
    labels = suggestions(query, get_language())
    response = JsonResponse({"query": query, "suggestions": [{"label": label} for label in labels]})
    add_never_cache_headers(response)  # what a visitor types says where they live: never stored
    patch_cache_control(response, private=True, no_store=True)
    return response
