"""Two-factor sign-in in Chromium: enrolment at the first sign-in, the recovery codes, and a recovery code's sign-in.

A campaign editor must use a second factor. After the real login form it sets
up an authenticator app from the key the page shows (as a person types it into
the app), keeps its recovery codes, and later signs in with one of them. Each
step is checked with axe.
"""

from base64 import b32decode

import pytest
from django_otp.oath import totp

# serialized_rollback: the flush after each test must not take the root page and reference data with it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery staple"


def submit_password(page):
    page.goto("/admin/login/")
    page.fill("input[name=username]", "campaign-carl")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()


def code_from_typed_key(key_text):
    """What an authenticator app shows now for the key as the page writes it (base32 in groups of four)."""
    key = key_text.replace(" ", "")
    return f"{totp(b32decode(key + '=' * (-len(key) % 8)), step=30, t0=0, digits=6):06d}"


def test_a_campaign_editor_enrols_keeps_its_codes_and_signs_in_with_one(page, campaign_editor, axe):
    submit_password(page)
    page.wait_for_url("**/admin/two-factor/enrol/?next=*")
    assert page.get_by_role("heading", name="Set up two-factor sign-in").is_visible()
    assert page.get_by_role("img", name="QR code to add this site to your authenticator app").is_visible()
    axe(page)

    page.fill("input[name=code]", code_from_typed_key(page.locator("code.two-factor-secret").inner_text()))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    page.wait_for_load_state()
    codes = page.locator("ol.two-factor-codes code").all_inner_texts()
    assert len(codes) == 10
    axe(page)
    page.get_by_role("link", name="I have kept my codes").click()
    page.wait_for_url("**/admin/")
    assert page.locator("#second-factor").count() == 0, "an enrolled account with all its codes is not nudged"

    page.context.clear_cookies()
    submit_password(page)
    page.wait_for_url("**/admin/two-factor/verify/?next=*")
    axe(page)
    page.fill("input[name=code]", codes[0])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    assert "9 codes are left" in page.locator(".messages").inner_text()
