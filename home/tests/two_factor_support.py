"""Signing in with the second factor in tests (home/two_factor/), the way a person completes it.

`force_login` stands for a finished sign-in: in this suite the `client`
fixture and `Client` below also verify the session with a second factor when
the account must use one, exactly as `django_otp.login` records it after a
right code (the device's id in the session). Enforcement stays on: the tests
of two-factor sign-in itself log in with `log_in_with_password_only` or
through the login view.
"""

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.test import Client as DjangoClient

from wagtail.users.models import UserProfile

from home.permissions import requires_second_factor
from home.two_factor import devices

TEST_DEVICE_NAME = "Test authenticator"


def authenticator_for(user):
    """The user's confirmed authenticator app, made for the test if the user has none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TEST_DEVICE_NAME, confirmed=True)
    return device


def verify_second_factor(client, user):
    """Mark the client's session verified by the user's authenticator app, as `django_otp.login` does."""
    device = authenticator_for(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def log_in_with_password_only(client, user):
    """Signed in with the password alone: the state the second sign-in step starts from."""
    DjangoClient.force_login(client, user)


def current_code(device, offset=0):
    """The code the device's authenticator app shows now (`offset` steps later or earlier)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset * device.step
    return f"{totp.token():0{device.digits}d}"


class Client(DjangoClient):
    """A test client whose `force_login` completes the sign-in, the second factor included where it is due."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        fresh = get_user_model().objects.get(pk=user.pk)  # permissions as they are now, not as cached on `user`
        if requires_second_factor(fresh):
            verify_second_factor(self, fresh)


def admin_in(user, language="en"):
    """The user, with the admin in `language` (messages and titles are asserted in it)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def enrolled(user):
    """An authenticator app and fresh recovery codes for the user."""
    device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    codes = devices.new_recovery_codes(user)
    return device, codes


def password_only(user):
    """A client signed in with the password alone, before the second factor."""
    client = Client()
    log_in_with_password_only(client, user)
    return client
