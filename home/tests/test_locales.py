"""home/locales.py: aliases in every locale, the source of a translation, synchronised facts, text language."""

import pytest

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource

from home import locales
from home.models import HomePage, StandardPage

CODES = ("nl", "fr", "en")


@pytest.fixture
def home(db):
    """An nl home page (the default site's root) with fr and en aliases."""
    by_code = {code: Locale.objects.get_or_create(language_code=code)[0] for code in CODES}
    Page.objects.filter(depth=2).delete()
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Home", slug="home", hero_heading="Samen", hero_text="Samen.", locale=by_code["nl"])
    )
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    for code in ("fr", "en"):
        home.copy_for_translation(by_code[code], alias=True)
    return home


@pytest.fixture
def page(home):
    page = home.add_child(instance=StandardPage(title="Over ons", slug="over-ons", introduction="Wie wij zijn."))
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def versions(page):
    return {p.locale.language_code: p for p in StandardPage.objects.filter(translation_key=page.translation_key)}


def translate(page, code, **fields):
    """A real translation (not an alias) of `page` in `code`, made from it as wagtail-localize does."""
    TranslationSource.get_or_create_from_instance(page)
    locale = Locale.objects.get(language_code=code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        existing.delete()
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return StandardPage.objects.get(pk=translation.pk)


def test_every_other_locale_gets_an_alias_once(page):
    made = locales.ensure_aliases(page)
    assert sorted(alias.locale.language_code for alias in made) == ["en", "fr"]
    copies = versions(page)
    assert all(copies[code].alias_of_id == page.pk for code in ("fr", "en"))
    assert locales.ensure_aliases(page) == []
    assert locales.ensure_aliases(copies["fr"]) == []  # an alias gets none of its own


def test_aliases_only_in_the_locales_asked_for(page):
    made = locales.ensure_aliases(page, Locale.objects.filter(language_code="fr"), recheck=True)
    assert [alias.locale.language_code for alias in made] == ["fr"]
    assert set(versions(page)) == {"nl", "fr"}


def test_sources_leave_the_aliases_out(page):
    locales.ensure_aliases(page)
    fr = translate(page, "fr", introduction="Qui nous sommes.")
    assert set(StandardPage.objects.sources().filter(translation_key=page.translation_key)) == {page, fr}
    assert locales.sources(Page.objects.filter(translation_key=page.translation_key)).count() == 2
    assert StandardPage.objects.filter(translation_key=page.translation_key).count() == 3


def test_the_source_of_a_translation(page):
    assert locales.source_of(page) is None  # never translated
    assert locales.source_locale(page).language_code == "nl"  # the oldest copy that is not an alias
    fr = translate(page, "fr", introduction="Qui nous sommes.")
    assert locales.source_of(fr) == page
    assert locales.source_of(page) == page
    assert locales.source_locale(fr).language_code == "nl"


def test_the_language_of_the_text(page):
    locales.ensure_aliases(page)
    fr = translate(page, "fr", introduction="Qui nous sommes.")
    copies = versions(page)
    assert locales.content_language(copies["en"]) == "nl"  # an alias shows its original's text
    assert locales.content_language(fr) == "fr"
    annotated = dict(
        StandardPage.objects.filter(translation_key=page.translation_key)
        .with_text_language("text_language")
        .values_list("locale__language_code", "text_language")
    )
    assert annotated == {"nl": "nl", "fr": "fr", "en": "nl"}


def test_facts_go_from_the_source_to_its_translations_not_to_the_aliases(page, monkeypatch):
    monkeypatch.setattr(StandardPage, "SYNCHRONISED_FIELDS", ["introduction"], raising=False)
    locales.ensure_aliases(page)
    fr = translate(page, "fr", introduction="Qui nous sommes.")
    StandardPage.objects.filter(pk=page.pk).update(introduction="Wie wij nu zijn.")
    page.refresh_from_db()
    alias_before = versions(page)["en"].introduction
    locales.push_facts(page)
    assert StandardPage.objects.get(pk=fr.pk).introduction == "Wie wij nu zijn."
    assert versions(page)["en"].introduction == alias_before
    fr.introduction = "Autre chose."
    locales.copy_facts(page, fr)
    assert StandardPage.objects.get(pk=fr.pk).introduction == "Wie wij nu zijn."


def test_withdrawing_unpublishes_the_translations_only(page):
    locales.ensure_aliases(page)
    fr = translate(page, "fr", introduction="Qui nous sommes.")
    locales.withdraw_translations(page)
    copies = versions(page)
    assert not copies["fr"].live and copies["fr"].pk == fr.pk
    assert copies["nl"].live and copies["en"].live
