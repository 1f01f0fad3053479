"""Demo accounts. Their password is public (here, in the README and in the command's output): not for production.

| username          | password            | role                                                   |
|-------------------|---------------------|--------------------------------------------------------|
| campaign-editor   | buddy-demo-2026!    | "Campaign editors" group: pages, media, snippets       |
| campaign-admin    | buddy-demo-2026!    | superuser: also users, groups and settings             |
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from home.permissions import CAMPAIGN_EDITORS


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
        results.append((account, created))
    return results
