"""Passkeys in Chromium, with a virtual authenticator standing in for a phone or security key.

A campaign editor signs in with its authenticator app, adds a passkey on the
two-factor page (django-otp-webauthn's script, a static file), and at its next
sign-in uses the passkey at the code step instead of a code. Each page is
checked with axe, and none breaks the admin's Content-Security-Policy (no inline script).
"""

import pytest
from django_otp_webauthn.utils import get_credential_model

from home.tests.two_factor_support import authenticator_for, current_code
from home.two_factor import devices
from tests.browser.test_admin_csp import COLLECT_VIOLATIONS

# serialized_rollback: the flush after each test must not take the root page and reference data with it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def passkey_site(settings, live_server):
    """The live server's address as the relying party's (a passkey works only where it was made)."""
    settings.OTP_WEBAUTHN_RP_ID = "localhost"
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url.replace("127.0.0.1", "localhost")]
    return settings.OTP_WEBAUTHN_ALLOWED_ORIGINS[0]


def virtual_authenticator(page):
    """A platform authenticator that holds passkeys and verifies its user (as a fingerprint reader does)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return cdp, added["authenticatorId"]


def submit_password(page, origin):
    page.goto(f"{origin}/admin/login/")
    page.fill("input[name=username]", "campaign-carl")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()


def test_a_campaign_editor_adds_a_passkey_and_signs_in_with_it(page, campaign_editor, passkey_site, axe):
    app = authenticator_for(campaign_editor)
    devices.new_recovery_codes(campaign_editor)
    cdp, authenticator_id = virtual_authenticator(page)
    page.add_init_script(COLLECT_VIOLATIONS)

    submit_password(page, passkey_site)
    page.wait_for_url("**/admin/two-factor/verify/?next=*")
    assert page.locator("#passkey-verification-button").count() == 0, "no passkey yet, no passkey button"
    page.fill("input[name=code]", current_code(app))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    page.goto(f"{passkey_site}/admin/two-factor/")
    assert page.get_by_text("No passkey added.").is_visible()
    axe(page)
    page.get_by_role("button", name="Add a passkey").click()
    page.wait_for_load_state()
    page.get_by_text("Your passkey is added.").wait_for()
    assert page.get_by_role("button", name="Remove").count() == 1
    assert devices.passkeys(campaign_editor).count() == 1
    assert len(cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})["credentials"]) == 1
    axe(page)
    assert page.evaluate("window.__cspViolations") == []

    page.context.clear_cookies()
    submit_password(page, passkey_site)
    page.wait_for_url("**/admin/two-factor/verify/?next=*")
    passkey_button = page.get_by_role("button", name="Sign in with a passkey")
    passkey_button.wait_for()
    axe(page)
    assert page.evaluate("window.__cspViolations") == []
    passkey_button.click()
    page.wait_for_url("**/admin/")
    assert devices.passkeys(campaign_editor).get().last_used_at is not None


def test_without_javascript_the_code_step_offers_no_passkey_button(browser, live_server, campaign_editor):
    authenticator_for(campaign_editor)
    get_credential_model().objects.create(
        user=campaign_editor, name="Passkey", credential_id=b"made elsewhere", public_key=b"-", confirmed=True
    )
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/admin/login/")
        page.fill("input[name=username]", "campaign-carl")
        page.fill("input[name=password]", PASSWORD)
        page.locator("form button[type=submit]").click()
        page.wait_for_url("**/admin/two-factor/verify/?next=*")
        assert page.locator("#passkey-verification-placeholder").count() == 1, "the page is the one with a passkey"
        assert page.get_by_role("button", name="Sign in with a passkey").count() == 0
        assert page.locator("input[name=code]").is_visible()
    finally:
        context.close()
