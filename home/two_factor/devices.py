"""The devices behind two-factor sign-in: one authenticator app and one set of recovery codes per account.

An account enrols by confirming a code of a new, unconfirmed authenticator
device; confirming it replaces any older one, so "set up again" on a new
phone is the same step. Codes are checked against one kind of device only
(six digits: the app; anything else: a recovery code), so a mistyped code
counts against one device's throttle, not both.
"""

import math
from base64 import b32encode

import django_otp
import segno
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.db import transaction
from django.utils import timezone

AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10
FEW_RECOVERY_CODES = 3
TOTP_DIGITS = 6


class Throttled(Exception):
    """Too many wrong codes in a row: the device accepts none for `seconds` more seconds."""

    def __init__(self, seconds):
        super().__init__(seconds)
        self.seconds = seconds


def authenticator(user):
    """The account's confirmed authenticator app, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("-pk").first()


def has_second_factor(user):
    """Has the account anything to verify a sign-in with (an app, or recovery codes)?"""
    return user.is_authenticated and django_otp.user_has_device(user, confirmed=True)


def pending_authenticator(user):
    """The authenticator device being set up: made once, kept until confirmed so a reload shows the same QR code."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_authenticator(device):
    """Make the set-up device the account's authenticator app, replacing any earlier one."""
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


def recovery_device(user):
    return StaticDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_codes_left(user):
    device = recovery_device(user)
    return device.token_set.count() if device else 0


@transaction.atomic
def new_recovery_codes(user):
    """Ten fresh recovery codes for the account; the old ones stop working. Returned once, never shown again."""
    device = recovery_device(user)
    if device is None:
        device = StaticDevice.objects.create(user=user, name=RECOVERY_CODES_NAME, confirmed=True)
    device.token_set.all().delete()
    codes = []
    while len(codes) < RECOVERY_CODE_COUNT:
        code = StaticToken.random_token()
        if code not in codes:
            codes.append(code)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def remove_second_factor(user):
    """Delete every device of the account (its app, pending set-ups and recovery codes)."""
    for device in django_otp.devices_for_user(user, confirmed=None):
        device.delete()


def normalise(code):
    """What people type or paste: spaces, dashes and capitals are ignored."""
    return "".join(code.split()).replace("-", "").lower()


def is_app_code(code):
    return code.isdigit() and len(code) == TOTP_DIGITS


def check_throttle(device):
    """Raise `Throttled` while the device refuses codes after earlier failures."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return
    locked_until = (details or {}).get("locked_until")
    seconds = (locked_until - timezone.now()).total_seconds() if locked_until else 1
    raise Throttled(max(1, math.ceil(seconds)))


def verify_code(user, code):
    """The device that accepts `code` for this sign-in, or None; raises `Throttled` while it waits.

    A recovery code is used up by being accepted.
    """
    code = normalise(code)
    device = authenticator(user) if is_app_code(code) else recovery_device(user)
    if device is None:
        return None
    check_throttle(device)
    return django_otp.verify_token(user, device.persistent_id, code)


def verify_pending(device, code):
    """Does `code` come from the app being set up? Throttled like a sign-in."""
    check_throttle(device)
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        return device.verify_token(normalise(code))


def secret(device):
    """The secret as authenticator apps take it typed in: base32, in groups of four."""
    text = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_code_data_uri(device):
    """The device's otpauth:// address as an SVG QR code, for an <img> (no script, no request elsewhere)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, dark="#000", light="#fff", border=4)
