import pytest

from wagtail.models import Page, Site

from home.models import HomePage
from home.tests.factories import ensure_locales
from home.tests.two_factor_support import Client

# The search tests' plugin is also imported as a module (by browser tests, collected first): have its asserts
# rewritten on that first import too.
pytest.register_assert_rewrite("search.tests.support")


@pytest.fixture
def client():
    """pytest-django's client, whose `force_login` also completes the second factor where it is due."""
    return Client()


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches: the site's chrome (home/chrome.py) and the page cache keep data between
    requests, and what a rolled-back test left there must not show in the next one."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture
def locales(db):
    return ensure_locales()


@pytest.fixture
def home_page(locales):
    """The nl home page as the default site's root, translated (as aliases) into fr and en."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).exclude(pk__in=HomePage.objects.values("pk")).delete()
    home = HomePage.objects.filter(locale=locales["nl"]).first()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title="Buddies With Refugees",
                slug="home",
                hero_heading="Samen sterker",
                hero_text="Word buddy van een nieuwkomer.",
                locale=locales["nl"],
            )
        )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Buddies With Refugees"},
    )
    for code in ("fr", "en"):
        if not home.get_translations().filter(locale=locales[code]).exists():
            home.copy_for_translation(locales[code], alias=True)
    return home


def pytest_sessionfinish(session, exitstatus):
    """In CI a skipped test is a failure: every service must be there."""
    import os

    if os.environ.get("CI") != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and session.exitstatus == 0:
        reporter.write_line(f"CI: {len(skipped)} test(s) skipped; failing the run.", red=True)
        session.exitstatus = 1
