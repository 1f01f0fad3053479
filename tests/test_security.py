"""The security baseline: headers, login throttling, password rules, vague login errors."""

import pytest

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings

from home.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_public_pages_send_security_headers(client, home_page):
    response = client.get("/nl/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]


def _production_settings(**env):
    """Import the production settings in a fresh interpreter with the given environment."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, campaign_site.settings.production as s; "
        "print(json.dumps({k: getattr(s, k) for k in "
        "('SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT', 'DEBUG')}))"
    )
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")} | env
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    return result.returncode, (json.loads(result.stdout) if result.returncode == 0 else result.stderr)


def test_production_settings_switch_on_hsts_and_secure_cookies():
    code, values = _production_settings(SECRET_KEY="a-production-like-secret-that-is-long-enough-0123456789")
    assert code == 0, values
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_SSL_REDIRECT"]
    assert values["DEBUG"] is False


def test_plain_http_for_local_trials_is_an_explicit_setting():
    secret = "a-production-like-secret-that-is-long-enough-0123456789"
    code, values = _production_settings(SECRET_KEY=secret, INSECURE_PLAIN_HTTP="false")
    assert code == 0, values
    assert values["SESSION_COOKIE_SECURE"] and values["SECURE_SSL_REDIRECT"]
    code, values = _production_settings(SECRET_KEY=secret, INSECURE_PLAIN_HTTP="true")
    assert code == 0, values
    assert not values["SESSION_COOKIE_SECURE"] and not values["CSRF_COOKIE_SECURE"]
    assert not values["SECURE_SSL_REDIRECT"] and values["SECURE_HSTS_SECONDS"] == 0
    assert values["DEBUG"] is False


def test_production_settings_refuse_to_start_without_a_secret_key():
    code, error = _production_settings()
    assert code != 0
    assert "SECRET_KEY must be set" in error


@pytest.mark.parametrize("password", ["short1", "password123456", "12345678901234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def _login(client, username, password):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR="10.0.0.7",
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_admin_login_error_does_not_say_which_part_was_wrong(client):
    UserFactory(username="editor", is_staff=True)
    wrong_password = _login(client, "editor", "not the password").content.decode()
    unknown_user = _login(client, "nobody-here", "not the password").content.decode()

    def messages(html):
        start = html.index('<div class="messages"')
        return html[start : html.index("</div>", start)]

    assert "username and password didn" in messages(wrong_password)
    assert messages(wrong_password) == messages(unknown_user)


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_admin_login_is_throttled_after_repeated_failures(client):
    from axes.utils import reset

    reset()
    UserFactory(username="editor", is_staff=True)
    for _ in range(3):
        _login(client, "editor", "wrong guess")
    locked = _login(client, "editor", "correct horse battery staple")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    reset()


@pytest.mark.django_db
def test_the_admin_sends_no_editor_e_mail_hash_to_gravatar(client, django_user_model):
    user = django_user_model.objects.create_superuser("avatar", "someone@example.org", "x-long-password-1")
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html


# The admin's report-only Content-Security-Policy (campaign_site/csp.py); the browser side is in
# tests/browser/test_admin_csp.py.

CSP_REPORT = {
    "csp-report": {
        "document-uri": "https://buddies.example/admin/pages/42/edit/?q=secret-search",
        "effective-directive": "script-src-elem",
        "blocked-uri": "inline",
    }
}


def test_the_admin_gets_the_report_only_policy_and_public_pages_the_enforced_one(client, home_page):
    admin = client.get("/admin/login/")
    assert "Content-Security-Policy" not in admin
    report_only = admin["Content-Security-Policy-Report-Only"]
    assert "script-src 'self'" in report_only and "'unsafe-inline'" not in report_only
    assert "frame-ancestors 'self'" in report_only and "report-uri /csp-report/" in report_only
    public = client.get("/nl/")
    assert "script-src 'self'" in public["Content-Security-Policy"]
    assert "Content-Security-Policy-Report-Only" not in public


def post_report(client, body):
    import json

    return client.post("/csp-report/", json.dumps(body), content_type="application/csp-report")


def test_a_signed_in_editors_csp_report_is_logged_once_without_its_query(client, caplog):
    from django.core.cache import cache

    cache.clear()
    client.force_login(UserFactory(username="csp-editor", is_superuser=True))
    with caplog.at_level("WARNING", logger="campaign_site.csp"):
        assert post_report(client, CSP_REPORT).status_code == 204
        assert post_report(client, CSP_REPORT).status_code == 204
        other = {
            "csp-report": CSP_REPORT["csp-report"] | {"document-uri": "https://buddies.example/admin/pages/7/edit/"}
        }
        assert post_report(client, other).status_code == 204
    logged = [record.getMessage() for record in caplog.records if record.name == "campaign_site.csp"]
    assert logged == [
        "Admin CSP (report-only) would block script-src-elem on https://buddies.example/admin/pages/<id>/edit/: inline"
    ]
    cache.clear()


def test_csp_reports_from_anyone_else_or_malformed_are_not_logged(client, caplog):
    from django.core.cache import cache

    cache.clear()
    with caplog.at_level("WARNING", logger="campaign_site.csp"):
        assert post_report(client, CSP_REPORT).status_code == 204  # anonymous: accepted, ignored
        client.force_login(UserFactory(username="csp-editor", is_superuser=True))
        assert client.post("/csp-report/", "not json", content_type="application/csp-report").status_code == 400
        assert post_report(client, {"csp-report": "x" * 10_000}).status_code == 400
        assert client.get("/csp-report/").status_code == 405
    assert not [record for record in caplog.records if record.name == "campaign_site.csp"]
    cache.clear()
