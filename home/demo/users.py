"""Demo accounts. Their password is public (here, in the README and in the command's output): not for production.

| username          | password            | role                                                   |
|-------------------|---------------------|--------------------------------------------------------|
| campaign-editor   | buddy-demo-2026!    | "Campaign editors" group: pages, media, snippets       |
| campaign-admin    | buddy-demo-2026!    | superuser: also users, groups and settings             |

Both publish, so the admin asks them for a second factor. Where DEBUG is on
(a development machine: `make run`), they get an authenticator device with a
public demo key, and `manage.py demo_sign_in_code` prints its current code;
anywhere else (tests, production loaded with --force) they get none and set
up their own at their first sign-in, like every account.
"""

from dataclasses import dataclass

from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.contrib.auth import get_user_model

from home.permissions import CAMPAIGN_EDITORS, requires_second_factor
from home.two_factor import devices


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    first_name: str
    last_name: str
    superuser: bool = False
    groups: tuple = ()


DEMO_PASSWORD = "buddy-demo-2026!"  # noqa: S105 (published on purpose: demo accounts only)

DEMO_ACCOUNTS = [
    DemoAccount("campaign-editor", DEMO_PASSWORD, "Campaign", "Editor", groups=(CAMPAIGN_EDITORS,)),
    DemoAccount("campaign-admin", DEMO_PASSWORD, "Campaign", "Admin", superuser=True),
]


# Public on purpose, like the password: the key of the demo accounts' authenticator where DEBUG is on. Typed into
# an authenticator app as MJ2W IZDZ FVSG K3LP FUZD AMRW FV2G 65DQ (base32), or read by `demo_sign_in_code`.
DEMO_TOTP_KEY = "62756464792d64656d6f2d323032362d746f7470"  # noqa: S105
DEMO_DEVICE_NAME = "Demo authenticator (public key)"


def demo_authenticators():
    """The demo key's devices (only ever made where DEBUG is on)."""
    return TOTPDevice.objects.filter(key=DEMO_TOTP_KEY, name=DEMO_DEVICE_NAME, confirmed=True).select_related("user")


def ensure_demo_second_factor(user):
    """Give a demo account that must use a second factor the demo authenticator, on a development machine only.

    Never where DEBUG is off: there the account sets up its own. An account
    that has a device already (someone set one up) keeps it.
    """
    if not settings.DEBUG or not requires_second_factor(user) or devices.has_second_factor(user):
        return None
    return TOTPDevice.objects.create(user=user, name=DEMO_DEVICE_NAME, key=DEMO_TOTP_KEY, confirmed=True)


def ensure_demo_users(groups):
    """Create the demo accounts that do not exist yet; returns (account, created) pairs.

    An existing account keeps its password (someone may have changed it) but is put back in its groups.
    """
    User = get_user_model()
    results = []
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={
                "email": f"{account.username}@example.org",
                "first_name": account.first_name,
                "last_name": account.last_name,
                "is_superuser": account.superuser,
                "is_staff": account.superuser,
            },
        )
        if created:
            user.set_password(account.password)
            user.save(update_fields=["password"])
        user.groups.add(*(groups[name] for name in account.groups))
        ensure_demo_second_factor(get_user_model().objects.get(pk=user.pk))  # fresh: permissions of the new groups
        results.append((account, created))
    return results
