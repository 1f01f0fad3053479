from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from campaign_site import csp, views
from home import admin_urls as guarded_admin_urls
from home import sitemap

handler404 = "campaign_site.views.page_not_found"
handler500 = "campaign_site.views.server_error"

# Admin and machine endpoints live outside the language prefix.
urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Ahead of Wagtail's admin: some of its views at the same paths, showing only what the user may see.
    path("admin/", include(guarded_admin_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("csp-report/", csp.csp_report, name="csp_report"),
    # The open-data API (opendata/): one locale per request, in its own path, not in the i18n prefix.
    path("api/hsds/", include("opendata.urls")),
]

if settings.DEBUG and settings.MEDIA_URL.startswith("/"):
    import re

    from django.views.static import serve

    # Media files, but documents only through Wagtail's serve view (/documents/…), which decides who may
    # download them (README, "Documents").
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [
        re_path(rf"^{media_prefix}(?!documents/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

# Public pages: /nl/, /fr/, /en/; "/" redirects by the browser's language.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("programs.urls")),
    path("", include("participation.urls")),
    path("", include("opendata.urls_public")),
    # Ahead of Wagtail's own pattern (the same one, the same name): pages are served without a transaction.
    re_path(wagtail_urls.serve_pattern, views.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
