"""Absolute links name the site as configured, never as the request's Host header says.

A request's Host header is whatever the client sent. Django checks its name
against ALLOWED_HOSTS but not its port, so `Host: 127.0.0.1:99999` passes,
and `request.build_absolute_uri` would write it into the canonical link,
`og:url`, hreflang alternates, feeds and robots.txt: pages that a cache or a
CDN then serves to everyone, and that search engines index.

Wagtail's own absolute URLs (`Page.get_full_url`, the sitemap) come from the
Site record instead: the hostname and port set under Settings → Sites (port
443 gives `https://`, 80 `http://`, any other `http://host:port`). Every
absolute link of this site is built the same way. A Host that names no
configured site gets the default site's address, so no part of the Host
header ever reaches a link; without any Site the admin's base URL
(`WAGTAILADMIN_BASE_URL`) stands in.
"""

from urllib.parse import urljoin, urlsplit

from django.conf import settings

from wagtail.models import Site


def site_root_url(request=None):
    """`https://example.org` (no trailing slash): the configured address of the site serving `request`."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(url, request=None):
    """`url` (a path, or already absolute) as an absolute URL on the configured site."""
    if not url:
        return url
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:  # already absolute, e.g. media on object storage
        return url
    return urljoin(site_root_url(request) + "/", url)
