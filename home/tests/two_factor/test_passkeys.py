"""Passkeys as a second factor (home/two_factor/passkeys.py): who may reach django-otp-webauthn's endpoints.

The ceremonies themselves (a real authenticator signing a challenge) run in
Chromium with a virtual authenticator (tests/browser/test_passkeys_browser.py);
here: anonymous requests are refused, an account between its password and its
second factor may sign in with its own passkey but not register one, nobody
removes or signs in with another account's passkey, and a reset removes them.
"""

import json
import os
import subprocess
import sys

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp_webauthn.utils import get_credential_model
from django_otp_webauthn.views import BeginCredentialAuthenticationView
from webauthn.helpers import bytes_to_base64url

from django.contrib.auth.models import AnonymousUser
from django.test import override_settings
from django.urls import reverse

from wagtail.models import ModelLogEntry

from home.tests.factories import UserFactory
from home.tests.two_factor_support import Client, admin_in, enrolled, password_only
from home.two_factor import devices

REGISTRATION_BEGIN = reverse("otp_webauthn:credential-registration-begin")
REGISTRATION_COMPLETE = reverse("otp_webauthn:credential-registration-complete")
AUTHENTICATION_BEGIN = reverse("otp_webauthn:credential-authentication-begin")
AUTHENTICATION_COMPLETE = reverse("otp_webauthn:credential-authentication-complete")
ENDPOINTS = [REGISTRATION_BEGIN, REGISTRATION_COMPLETE, AUTHENTICATION_BEGIN, AUTHENTICATION_COMPLETE]


def passkey_for(user):
    """A stored passkey (its public key is never used here: no signature is checked before the refusals tested)."""
    return get_credential_model().objects.create(
        user=user,
        name="Passkey",
        credential_id=os.urandom(32),
        public_key=b"not used",
        aaguid="00000000-0000-0000-0000-000000000000",
        confirmed=True,
    )


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def assertion_for(passkey):
    """A WebAuthn assertion naming `passkey`, as a browser would send it (its signature is never reached)."""
    credential_id = bytes_to_base64url(bytes(passkey.credential_id))
    filler = bytes_to_base64url(b"filler")
    return {
        "id": credential_id,
        "rawId": credential_id,
        "type": "public-key",
        "response": {"clientDataJSON": filler, "authenticatorData": filler, "signature": filler},
        "clientExtensionResults": {},
    }


@pytest.mark.django_db
@pytest.mark.parametrize("url", ENDPOINTS)
def test_anonymous_requests_are_sent_to_the_login_page(client, url):
    response = client.post(url, content_type="application/json", data={})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not any(key.startswith("otp_webauthn") for key, _value in client.session.items())


@pytest.mark.django_db
def test_passwordless_sign_in_is_off(rf):
    """Even if the admin's access check were bypassed, the library's own view refuses a passkey without a password."""
    request = rf.post(AUTHENTICATION_BEGIN, content_type="application/json", data={})
    request.user = AnonymousUser()
    request.session = {}
    response = BeginCredentialAuthenticationView.as_view()(request)
    assert response.status_code == 403
    assert "otp_webauthn_authentication_state" not in request.session


@override_settings(OTP_WEBAUTHN_RP_ID="campaign.example", OTP_WEBAUTHN_RP_NAME="Campaign example")
def test_a_verified_account_registers_for_the_configured_relying_party(campaign_editor):
    own = passkey_for(campaign_editor)
    other = passkey_for(UserFactory(username="someone-else"))
    client = signed_in(campaign_editor)

    options = client.post(REGISTRATION_BEGIN, content_type="application/json").json()

    assert options["rp"] == {"id": "campaign.example", "name": "Campaign example"}
    excluded = {credential["id"] for credential in options["excludeCredentials"]}
    assert excluded == {bytes_to_base64url(bytes(own.credential_id))}, "only the account's own passkeys are named"
    assert bytes_to_base64url(bytes(other.credential_id)) not in str(options)


def test_between_password_and_second_factor_an_account_signs_in_with_its_passkey_but_registers_none(org_editor):
    own = passkey_for(org_editor)
    passkey_for(UserFactory(username="someone-else"))
    client = password_only(org_editor)

    # Every other admin view still sends it to the code step ...
    response = client.post(REGISTRATION_BEGIN, content_type="application/json")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:verify"))
    assert "otp_webauthn_register_state" not in client.session

    # ... but the passkey ceremony is open, and offers only its own passkey.
    options = client.post(AUTHENTICATION_BEGIN, content_type="application/json").json()
    assert [credential["id"] for credential in options["allowCredentials"]] == [
        bytes_to_base64url(bytes(own.credential_id))
    ]
    assert client.get(reverse("otp_webauthn:js-i18n-catalog")).status_code == 200


def test_the_code_step_offers_a_passkey_only_to_accounts_that_have_one(campaign_editor):
    enrolled(campaign_editor)
    client = password_only(campaign_editor)
    page = client.get(reverse("two_factor:verify")).content.decode()
    assert "passkey-verification-button" not in page
    assert "otp_webauthn_auth.js" not in page

    passkey_for(campaign_editor)
    page = client.get(reverse("two_factor:verify")).content.decode()
    assert 'id="passkey-verification-placeholder"' in page
    assert '<template id="passkey-verification-available-template">' in page, "the button waits for the script"
    assert 'type="application/json"' in page and "otp_webauthn_auth.js" in page
    assert "<script>" not in page.split('id="otp_webauthn_config"')[1], "no inline script"


def test_another_accounts_passkey_does_not_sign_in(campaign_editor, org_editor):
    enrolled(campaign_editor)
    theirs = passkey_for(org_editor)
    client = password_only(campaign_editor)
    client.post(AUTHENTICATION_BEGIN, content_type="application/json")

    response = client.post(AUTHENTICATION_COMPLETE, content_type="application/json", data=assertion_for(theirs))

    assert response.status_code == 403
    assert response.json()["code"] == "credential_user_mismatch"
    assert DEVICE_ID_SESSION_KEY not in client.session
    assert client.get(reverse("wagtailadmin_home")).status_code == 302, "still held at the code step"


def test_the_two_factor_page_lists_and_removes_own_passkeys_only(campaign_editor, org_editor):
    enrolled(campaign_editor)
    first, second = passkey_for(campaign_editor), passkey_for(campaign_editor)
    theirs = passkey_for(org_editor)
    client = signed_in(campaign_editor)

    page = client.get(reverse("two_factor:manage")).content.decode()
    assert reverse("two_factor:remove_passkey", args=[first.pk]) in page
    assert reverse("two_factor:remove_passkey", args=[theirs.pk]) not in page
    assert '<template id="passkey-registration-available-template">' in page

    # (Django's LocaleMiddleware sends a 404 on to the address with a language prefix, also a 404.)
    assert client.post(reverse("two_factor:remove_passkey", args=[theirs.pk]), follow=True).status_code == 404
    assert client.get(reverse("two_factor:remove_passkey", args=[first.pk])).status_code == 405
    assert set(devices.passkeys(org_editor)) == {theirs}

    response = client.post(reverse("two_factor:remove_passkey", args=[first.pk]))
    assert response.status_code == 302
    assert set(devices.passkeys(campaign_editor)) == {second}
    assert ModelLogEntry.objects.filter(
        action="home.two_factor.passkey_removed", object_id=str(campaign_editor.pk)
    ).exists()


def test_the_last_passkey_without_an_app_is_not_removed(org_editor):
    only = passkey_for(org_editor)
    devices.new_recovery_codes(org_editor)
    client = Client()
    client.force_login(org_editor)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = only.persistent_id
    session.save()

    response = client.post(reverse("two_factor:remove_passkey", args=[only.pk]), follow=True)

    assert list(devices.passkeys(org_editor)) == [only]
    assert "This is your only passkey" in response.content.decode()


def test_a_reset_removes_the_passkeys_too(campaign_admin, campaign_editor):
    enrolled(campaign_editor)
    passkey_for(campaign_editor)
    admin = signed_in(campaign_admin)

    admin.post(reverse("two_factor:reset", args=[campaign_editor.pk]))

    assert not devices.passkeys(campaign_editor).exists()
    assert not devices.has_second_factor(campaign_editor)


def test_an_account_with_only_a_passkey_owes_it_and_is_nudged_for_recovery_codes(org_editor):
    passkey_for(org_editor)
    client = password_only(org_editor)
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("two_factor:verify"))
    page = client.get(response["Location"]).content.decode()
    assert "use your passkey, or enter one of your recovery codes" in page

    client = Client()
    client.force_login(org_editor)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = devices.passkeys(org_editor).get().persistent_id
    session.save()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "You have no recovery codes" in dashboard


def test_the_librarys_messages_speak_the_accounts_language_french_included(campaign_editor, org_editor):
    """django-otp-webauthn ships no French: campaign_site/locale_libraries/fr adds it, for its script and its errors."""
    admin_in(campaign_editor, "fr")
    enrolled(campaign_editor)
    theirs = passkey_for(org_editor)
    client = password_only(campaign_editor)

    catalog = client.get(reverse("otp_webauthn:js-i18n-catalog")).content.decode()
    assert "Enregistrement r\\u00e9ussi !" in catalog or "Enregistrement réussi !" in catalog

    client.post(AUTHENTICATION_BEGIN, content_type="application/json")
    response = client.post(AUTHENTICATION_COMPLETE, content_type="application/json", data=assertion_for(theirs))
    assert response.json()["detail"].startswith("La clé d’accès que vous avez essayé d’utiliser n’appartient pas")


def passkey_settings(**env):
    """The relying party the production settings derive, in a fresh interpreter with the given environment."""
    code = (
        "import json, campaign_site.settings.production as s; "
        "print(json.dumps([s.OTP_WEBAUTHN_RP_ID, s.OTP_WEBAUTHN_RP_NAME, s.OTP_WEBAUTHN_ALLOWED_ORIGINS]))"
    )
    names = ("WAGTAILADMIN_BASE_URL", "WEBAUTHN_RP_ID", "WEBAUTHN_RP_NAME", "WEBAUTHN_ALLOWED_ORIGINS")
    environment = {k: v for k, v in os.environ.items() if k not in names} | {"SECRET_KEY": "x" * 50} | env
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_relying_party_follows_the_admin_address_unless_set():
    assert passkey_settings(WAGTAILADMIN_BASE_URL="https://buddieswithrefugees.be") == [
        "buddieswithrefugees.be",
        "Buddies With Refugees",
        ["https://buddieswithrefugees.be"],
    ]
    # Browsers take no IP address as a relying party: a local trial on 127.0.0.1 uses localhost.
    assert passkey_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000") == [
        "localhost",
        "Buddies With Refugees",
        ["http://localhost:8000"],
    ]
    assert passkey_settings(
        WAGTAILADMIN_BASE_URL="https://admin.buddieswithrefugees.be",
        WEBAUTHN_RP_ID="buddieswithrefugees.be",
        WEBAUTHN_RP_NAME="Buddies",
        WEBAUTHN_ALLOWED_ORIGINS="https://admin.buddieswithrefugees.be,https://buddieswithrefugees.be",
    ) == [
        "buddieswithrefugees.be",
        "Buddies",
        ["https://admin.buddieswithrefugees.be", "https://buddieswithrefugees.be"],
    ]
