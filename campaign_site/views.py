from django.db import connection, transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail import views as wagtail_views

from home.links import absolute_url

# Wagtail's page view outside the transaction that ATOMIC_REQUESTS opens around every other view: serving a
# page writes nothing (forms post to their own views, which stay atomic), and BEGIN and COMMIT would be two
# more round trips to the database for every page a visitor opens.
serve_page = transaction.non_atomic_requests(wagtail_views.serve)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a context processor chain that might itself be failing.
    return render(request, "500.html", status=500)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {absolute_url('/sitemap.xml', request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
