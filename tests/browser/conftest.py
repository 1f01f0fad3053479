"""Real Chromium (Debian's package) driven by Playwright against pytest-django's live server."""

import os
import shutil
import time

import pytest

from home.tests.factories import UserFactory
from home.tests.two_factor_support import admin_in
from programs.onboarding import ensure_campaign_groups

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# fixtures around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# A first request warms the live server up (templates, search client); on a loaded machine it takes long.
NAVIGATION_TIMEOUT_MS = 90_000

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def chromium_path():
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/lib/chromium/chromium", "/usr/bin/chromium"):
        if candidate and shutil.which(candidate):
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is not installed (apt-get install chromium); CI needs it.")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    yield page
    context.close()


def wait_for(condition, timeout=15.0):
    """Poll the database: the browser's request may still be finishing when navigation starts."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.fixture
def new_page(browser, live_server):
    """Opens a page in a fresh browser context (its own cookies: one per person in a flow), on a laptop or a phone."""
    contexts = []

    def open_page(phone=False):
        options = (
            {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
            if phone
            else {"viewport": {"width": 1280, "height": 900}}
        )
        context = browser.new_context(base_url=live_server.url, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
        return page

    yield open_page
    for context in contexts:
        context.close()


# The admin's messages fade in (an opacity transition); axe measuring contrast mid-fade reports a violation.
MESSAGES_SHOWN = (
    "() => [...document.querySelectorAll('.messages > ul')].every(ul => getComputedStyle(ul).opacity === '1')"
)


def assert_no_axe_violations(page):
    """Run axe-core in the page (once any admin message has faded in) and fail with a readable list of what it found."""
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_function(MESSAGES_SHOWN, timeout=10_000)
    results = Axe().run(page)
    violations = results.response["violations"]
    if violations:
        lines = []
        for violation in violations:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
            lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
        pytest.fail(f"axe found {len(violations)} violation(s) on {page.url}:\n" + "\n".join(lines))


@pytest.fixture
def axe():
    return assert_no_axe_violations


@pytest.fixture(autouse=True)
def migrated_reference_data(request):
    """Put back what the migrations created, which an earlier live-server test's flush removed.

    Live-server tests run in committed transactions and the database is flushed after
    each one; the first test sees the migrated data, later ones would not. This restores
    the default locale, Wagtail's root page and collection, the taxonomies and the
    municipalities (all idempotent) before each browser test's own fixtures run.
    """
    if "transactional_db" not in request.fixturenames and not any(
        marker.kwargs.get("transaction") for marker in request.node.iter_markers("django_db")
    ):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    from wagtail.models import Collection, Locale, Page

    from programs.reference import load_municipalities
    from programs.taxonomy import seed_terms

    locale, _ = Locale.objects.get_or_create(language_code="nl")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    seed_terms(apps)
    from programs.models import Municipality

    if not Municipality.objects.exists():
        load_municipalities(apps)


@pytest.fixture
def campaign_editor(transactional_db, home_page):
    """A campaign editor (signs in as "campaign-carl" with the factories' password), the admin in English."""
    user = admin_in(UserFactory(username="campaign-carl"))
    user.groups.add(ensure_campaign_groups()["editors"])
    return user
