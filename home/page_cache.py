"""A page cache for anonymous visitors, purged through Wagtail's frontend cache invalidation.

Why not a package: wagtail-cache 3.0.0, the usual choice, requires wagtail<8.
Django's own cache middleware is close, but it cannot purge: its keys are
digests of the full URL plus the values of every header named in `Vary`, so
publishing a page could not drop the overview's filtered variants, and it
would serve a page cached for one visitor to a signed-in user whose request
happens to match. So this module keeps the hand-written part to the two
things Django lacks, on Django's cache API and `django.utils.cache`:

- the key: the path, then the scheme, host and the query string normalised
  (parameters in a stable order, tracking parameters such as `utm_*` left
  out). Every stored response carries its path's *version* (and the site's)
  from when it was rendered, and is served only while they are current: one
  cache round trip reads the response and the versions together. Purging a
  path replaces its version, which drops every query variant at once (the
  overview with any facets) and ignores the host, so a purge names a page
  whatever address the site is reached at;
- `LocalPageCacheBackend`, a `wagtail.contrib.frontend_cache` backend that
  purges this cache, beside the CDN's backends (settings:
  WAGTAILFRONTENDCACHE). home/cache_purge.py decides which pages a
  publication touches.

What is never cached (neither read nor stored): requests carrying a session
or messages cookie (signed-in users, editors previewing, a visitor with a
pending message), an `Authorization` header, or a text query (`q`); the
admin, documents and machine endpoints; previews. What is never stored:
anything but a 200 to a GET, responses that set a cookie (a session, a
message, a CSRF cookie), that used the CSRF token (a form), that a signed-in
user saw, that say `private`, `no-cache` or `no-store` (the finder's place
search, the site search with a query), or whose Content-Security-Policy
carries a nonce (a nonce served twice protects nothing; public pages use
none, see settings: CONTENT_SECURITY_POLICY).

A version read when a request starts is the one its response is stored
under: a purge that lands while the page renders (from data the publication
had not yet committed) leaves that render unreachable.

Stored responses carry `Cache-Control: public, max-age=0, s-maxage=…`:
browsers ask again each time (a published change shows at once), a CDN keeps
the page until it is purged or expires. Pages with a query string get a
shorter CDN lifetime, since a CDN purges exact addresses only.

PAGE_CACHE_SECONDS = 0 switches it off (the test settings do; the page cache
tests switch it on).
"""

import hashlib
import uuid
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.checks import Tags, Warning, register
from django.http import HttpResponse
from django.utils.cache import get_max_age, has_vary_header, patch_cache_control

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

NEVER_CACHED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/csp-report/", "/healthz", "/api/")
TRACKING_PARAMETERS = ("fbclid", "gclid", "msclkid", "mc_cid", "mc_eid")
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def normalised_query(query_string):
    """The query string with tracking parameters left out and parameters sorted by name (values keep their order)."""
    pairs = [
        (name, value)
        for name, value in parse_qsl(query_string, keep_blank_values=True)
        if not name.startswith("utm_") and name not in TRACKING_PARAMETERS
    ]
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()[:32]


EVERY_PATH = "*"  # the version every key also carries: replaced when a change shows on every page (the menu)


def _version_key(path):
    return f"pagecache:version:{_digest(path)}"


def _version_keys(path):
    return [_version_key(EVERY_PATH), _version_key(path)]


def _versions(cache, keys, found):
    """The versions under `keys`, read in `found`; made on first use (an evicted version never revives old entries)."""
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex, None)
            found[key] = cache.get(key)
    return ".".join(str(found[key]) for key in keys)


def current_version(path):
    """The versions of the site and of a path, as one string."""
    cache = page_cache()
    keys = _version_keys(path)
    return _versions(cache, keys, cache.get_many(keys))


def purge_path(path):
    """Drop every cached response of a path (every host and query string)."""
    page_cache().set(_version_key(path), uuid.uuid4().hex, None)


def purge_everything():
    """Drop every cached page: for a change every page shows, such as a page in the menu."""
    purge_path(EVERY_PATH)


def response_key(request):
    variant = f"{request.scheme}://{request.get_host()}?{normalised_query(request.META.get('QUERY_STRING', ''))}"
    return f"pagecache:page:{_digest(request.path)}:{_digest(variant)}"


def may_use_cache(request):
    """Whether this request may be answered from the cache (and its response stored)."""
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return False
    # Wagtail's preview runs a dummy request (is_dummy; is_preview only once its view runs) through the middleware.
    if request.path.startswith(NEVER_CACHED_PREFIXES) or getattr(request, "is_dummy", False):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.GET.get("q", "").strip()


def may_store(request, response):
    """Whether a response is the same for every anonymous visitor, so may be stored and shared."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "")
    if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES) or has_vary_header(response, "*"):
        return False
    return "'nonce-" not in response.get("Content-Security-Policy", "")


def _cdn_seconds(request):
    if request.META.get("QUERY_STRING"):
        return min(settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_CDN_SECONDS_WITH_QUERY)
    return settings.PAGE_CACHE_SECONDS


class PageCacheMiddleware:
    """Answers anonymous visitors from the cache; stores what may be shared. Sits right after WhiteNoise.

    Everything below it (sessions, locale, CSRF, authentication, messages, CSP) runs only on a miss;
    the stored response keeps the headers they set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        cache = page_cache()
        key, version_keys = response_key(request), _version_keys(request.path)
        found = cache.get_many([key, *version_keys])
        version = _versions(cache, version_keys, found)
        stored = found.get(key)
        if stored is not None and stored.get("version") == version:
            return HttpResponse(stored["content"], status=stored["status"], headers=stored["headers"])
        response = self.get_response(request)
        if may_store(request, response):
            # A view's own lifetime (the sitemap's, robots.txt's) wins; otherwise the site's.
            timeout = get_max_age(response) or settings.PAGE_CACHE_SECONDS
            if "Cache-Control" not in response:
                patch_cache_control(response, public=True, max_age=0, s_maxage=_cdn_seconds(request))
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            stored = {
                "version": version,
                "content": response.content,
                "status": response.status_code,
                "headers": dict(response.items()),
            }
            cache.set(key, stored, timeout)
        return response


class LocalPageCacheBackend(BaseBackend):
    """Wagtail's frontend cache backend for PageCacheMiddleware: purging a URL drops its path's every variant."""

    def purge(self, url):
        purge_path(urlsplit(url).path or "/")


@register(Tags.caches, deploy=True)
def check_page_cache_is_shared(app_configs, **kwargs):
    """A local-memory page cache is purged only in the worker that published: the others serve old pages."""
    backend = settings.CACHES.get(settings.PAGE_CACHE_ALIAS, {}).get("BACKEND", "")
    if settings.PAGE_CACHE_SECONDS and backend.endswith("LocMemCache"):
        return [
            Warning(
                "The page cache is in local memory: with more than one worker process a publication purges only "
                "the worker that handled it, and the others show the old page until PAGE_CACHE_SECONDS pass.",
                hint="Set CACHE_URL to a shared cache (redis://…), or PAGE_CACHE_SECONDS=0.",
                id="campaign_site.W001",
            )
        ]
    return []
