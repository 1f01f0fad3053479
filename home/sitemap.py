"""sitemap.xml: the pages of every site language, built at most once per CACHE_SECONDS.

Wagtail's sitemap lists the descendants of the site's root page, the Dutch
home page; the French and English trees are that page's translations, its
siblings, so their pages were missing. Here the sitemap covers the root page
and its translations with everything live and public below them. Each
location is the page's address on the configured Site (home/links.py).

Building it walks every live page, and crawlers fetch it often: the XML is
kept in the cache (per site and sitemap page) and marked cacheable by a CDN
for the same time. Publishing or withdrawing a page purges it at once
(home/cache_purge.py): its key carries the page cache's version of
/sitemap.xml, and the CDN is told to drop that address.
"""

from django.core.cache import cache
from django.db.models import Q
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps import views as wagtail_sitemaps
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page

from home import page_cache

CACHE_SECONDS = 15 * 60


class CampaignSitemap(Sitemap):
    """Wagtail's sitemap over the site's root page in every language, not only the source language's."""

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for translation in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=translation.path)
        return Page.objects.filter(trees).live().public().order_by("path").defer_streamfields().specific()


@require_GET
def sitemap(request):
    site = CampaignSitemap(request).get_wagtail_site()
    version = page_cache.current_version(request.path)
    key = f"sitemap:{site.pk}:{version}:{request.GET.get('p', '1')[:10]}"
    cached = cache.get(key)
    if cached is None:
        response = wagtail_sitemaps.sitemap(request, sitemaps={"wagtail": CampaignSitemap})
        if response.status_code != 200:  # an unknown sitemap page (?p=…): Django's 404, not cached
            return response
        response.render()
        headers = {name: response[name] for name in ("Content-Type", "Last-Modified") if name in response}
        cached = {"content": response.content, "headers": headers}
        cache.set(key, cached, CACHE_SECONDS)
    response = HttpResponse(cached["content"], headers=cached["headers"])
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response
