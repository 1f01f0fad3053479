"""The stories' demo loader: nine duos in three real languages, linked to demo programmes, idempotent."""

import pytest

from django.apps import apps
from django.utils import timezone

from wagtail.models import Locale

from home import demo as home_demo
from home.demo import DEMO_APP_MODULES, DemoContext
from programs.onboarding import onboard_organisation
from programs.tests.support import make_index, make_organisation, make_programme
from stories import consent, demo
from stories.models import OrganisationStoriesPage, StoryIndexPage, StoryPage


@pytest.fixture
def demo_programmes(home_page):
    """The demo programmes the stories name, under a few organisations (two of them onboarded)."""
    index = make_index(home_page)
    onboarded = onboard_organisation("Buddywerk Antwerpen")
    other = make_organisation(index, "Andere organisatie")
    for spec in demo.STORIES:
        organisation = onboarded if spec["programme"].startswith("bwa") else other
        make_programme(organisation, f"Programma {spec['programme']}", external_id=spec["programme"])
    return home_page


def context(home_page):
    homes = {page.locale.language_code: page for page in home_page.get_translations(inclusive=True)}
    return DemoContext(
        locales={code: Locale.objects.get(language_code=code) for code in homes}, home_pages=homes, log=lambda _: None
    )


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_loaders_run_programmes_first_whichever_module_was_imported_first(monkeypatch):
    """This module imports `stories.demo` before the command imports `programs.demo`: the stories still run last."""
    loaders = []
    monkeypatch.setattr(home_demo, "DEMO_LOADERS", loaders)

    def loader(module):
        def load(context):
            pass

        load.__module__ = module
        return load

    stories_loader, programmes_loader, other = loader("stories.demo"), loader("programs.demo"), loader("tests.demo")
    for func in (other, stories_loader, programmes_loader, stories_loader):
        home_demo.register_demo_loader(func)
    assert loaders == [programmes_loader, stories_loader, other]


@pytest.mark.django_db
def test_demo_stories_are_translated_linked_consented_and_loaded_once(client, demo_programmes):
    assert "stories.demo" in DEMO_APP_MODULES
    demo.load_stories(context(demo_programmes))
    before = row_counts()
    demo.load_stories(context(demo_programmes))
    assert row_counts() == before

    assert len(demo.STORIES) >= 8
    for code in ("nl", "fr", "en"):
        stories = StoryPage.objects.live().filter(locale__language_code=code, alias_of__isnull=True)
        assert stories.count() == len(demo.STORIES), code
        titles = set(stories.values_list("title", flat=True))
        assert titles == {spec[code]["title"] for spec in demo.STORIES}
    index = StoryIndexPage.objects.get(locale__language_code="fr")
    assert index.title == "Témoignages" and index.live

    today = timezone.localdate()
    for story in StoryPage.objects.filter(locale__language_code="nl"):
        assert story.has_valid_consent
        assert story.consent_record_location
        assert story.programme.external_id in {spec["programme"] for spec in demo.STORIES}
        assert story.portrait.credit
        assert story.portrait.focal_point_width
        assert story.themes.exists() and story.region_id
    # One consent ends soon, so the dashboard panel and the warning command have something to show.
    assert consent.expiring(StoryPage.objects.filter(locale__language_code="nl"), today=today).count() == 1

    # Stories about an onboarded organisation's programme sit in its folder, so its editors can work on them.
    story = StoryPage.objects.get(locale__language_code="nl", programme__external_id="bwa-taal")
    assert isinstance(story.get_parent().specific, OrganisationStoriesPage)
    # The index was made after the folders' organisation: its children are still found (and served).
    for code in ("nl", "fr", "en"):
        version = StoryPage.objects.get(translation_key=story.translation_key, locale__language_code=code)
        assert client.get(version.url).status_code == 200, version.url
