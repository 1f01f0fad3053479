from django.template.response import TemplateResponse


def search(request):
    """Placeholder until the search issue: an empty results page."""
    return TemplateResponse(request, "search/search.html", {"query": ""})
