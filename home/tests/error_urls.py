"""The site's URLs plus one view that raises, for testing the 500 page (tests only, never the real site)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from campaign_site import urls as site_urls


def raise_an_error(request):
    raise RuntimeError("A deliberate error, to render the 500 page.")


handler404 = site_urls.handler404
handler500 = site_urls.handler500

# Before the site's own patterns: Wagtail's page-serving pattern would otherwise take the path.
urlpatterns = i18n_patterns(path("test-server-error/", raise_an_error), prefix_default_language=True)
urlpatterns += site_urls.urlpatterns
