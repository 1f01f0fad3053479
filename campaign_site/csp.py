"""The admin's Content-Security-Policy: report-only, beside the public site's enforced one.

The public pages carry an enforced policy (settings: CONTENT_SECURITY_POLICY),
without inline scripts. Wagtail's admin is excluded from it
(EXCLUDE_URL_PREFIXES): its own templates still carry inline scripts and
styles, which an enforced policy without 'unsafe-inline' would break. The
admin paths get ADMIN_CONTENT_SECURITY_POLICY instead, as
Content-Security-Policy-Report-Only: browsers block nothing, and report what
the policy would block to /csp-report/, which logs each distinct report once
a day (every admin page view sends the same ones). What it reports on Wagtail
8 is inline scripts on a few admin views (tests/browser/test_admin_csp.py);
once Wagtail's admin needs none, the policy can be enforced.

django-csp has no per-path policies; its documentation says to subclass the
middleware and extend `get_policy_parts`, as here.

Framing: public pages refuse every frame (`frame-ancestors 'none'`,
`X-Frame-Options: DENY`). The admin's preview panel shows the page in a frame
of the edit view, and Wagtail renders that preview by running the page's own
request, with its public path, through the whole middleware chain (marked
`request.is_preview`). Those responses, and only those, may be framed by the
same origin: `frame-ancestors 'self'` and `X-Frame-Options: SAMEORIGIN`.
"""

import hashlib
import json
import logging
import re

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from csp.utils import default_config

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)

MAX_REPORT_BYTES = 8 * 1024
REPEAT_AFTER = 24 * 60 * 60  # seconds before the same report is logged again


def admin_prefixes():
    """The paths the public policy leaves out: the admin's."""
    return tuple(settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES", ()))


def is_admin_preview(request):
    """True for the page request Wagtail runs to render the admin's preview (never for a public request)."""
    return getattr(request, "is_preview", False) is True


class CampaignCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's report-only policy on the admin's paths.

    An admin preview may be framed by the admin (same origin); every other public response by nobody.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only and parts.config is None and request.path_info.startswith(admin_prefixes()):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        if not report_only and is_admin_preview(request):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


class CampaignXFrameOptionsMiddleware(XFrameOptionsMiddleware):
    """Django's clickjacking protection (X_FRAME_OPTIONS), SAMEORIGIN for the admin's preview only."""

    def get_xframe_options_value(self, request, response):
        if is_admin_preview(request):
            return "SAMEORIGIN"
        return super().get_xframe_options_value(request, response)


@csrf_exempt  # browsers post reports without a CSRF token
@require_POST
def csp_report(request):
    """Log a browser's report of what the admin's policy would have blocked: one line, no query strings.

    Only a signed-in admin user's reports are logged (the browser sends its cookies with them), so
    nobody else can fill the log through this address.
    """
    if not request.user.has_perm("wagtailadmin.access_admin"):
        return HttpResponse(status=204)
    if len(request.body) > MAX_REPORT_BYTES:
        return HttpResponseBadRequest("report too large")
    try:
        report = json.loads(request.body).get("csp-report", {})
    except (ValueError, AttributeError):
        return HttpResponseBadRequest("not a CSP report")
    if not isinstance(report, dict):
        return HttpResponseBadRequest("not a CSP report")

    def without_query(value):
        return str(value or "").split("?", 1)[0][:200]

    directive = without_query(report.get("effective-directive") or report.get("violated-directive"))
    # /admin/pages/7/edit/ and /admin/pages/8/edit/ are the same view.
    document = re.sub(r"/\d+/", "/<id>/", without_query(report.get("document-uri")))
    blocked = without_query(report.get("blocked-uri"))
    key = "csp-report:" + hashlib.sha256(f"{directive} {document} {blocked}".encode()).hexdigest()
    if cache.add(key, True, REPEAT_AFTER):
        logger.warning("Admin CSP (report-only) would block %s on %s: %s", directive, document, blocked)
    return HttpResponse(status=204)
