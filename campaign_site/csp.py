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
"""

import hashlib
import json
import logging
import re

from csp.middleware import CSPMiddleware
from csp.utils import default_config

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

logger = logging.getLogger(__name__)

MAX_REPORT_BYTES = 8 * 1024
REPEAT_AFTER = 24 * 60 * 60  # seconds before the same report is logged again


def admin_prefixes():
    """The paths the public policy leaves out: the admin's."""
    return tuple(settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES", ()))


class CampaignCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's report-only policy on the admin's paths."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only and parts.config is None and request.path_info.startswith(admin_prefixes()):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


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
