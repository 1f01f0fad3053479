"""Accounts in each role for the tests of two-factor sign-in and passkeys, and the states of their sign-in."""

import pytest

from django.contrib.auth.models import Group

from home.tests.factories import UserFactory
from home.tests.two_factor_support import admin_in
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from programs.tests.support import make_index


@pytest.fixture
def groups(home_page):
    make_index(home_page)
    return ensure_campaign_groups()


@pytest.fixture
def campaign_editor(groups):
    user = admin_in(UserFactory(username="campaign-carl"))
    user.groups.add(groups["editors"])
    return user


@pytest.fixture
def campaign_admin(groups):
    user = admin_in(UserFactory(username="campaign-ada"))
    user.groups.add(groups["admins"])
    return user


@pytest.fixture
def org_editor(groups):
    organisation = onboard_organisation("Buddywerk Gent")
    user = admin_in(UserFactory(username="org-eva"))
    user.groups.add(Group.objects.get(organisation_link__organisation_key=organisation.translation_key))
    return user
