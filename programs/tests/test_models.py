import datetime

import pytest

from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone, translation

from home.translation import translate_instance
from programs import taxonomy
from programs.models import Municipality, OrganisationPage, ProgramPage, Region, Theme
from programs.reference import resolve_municipalities
from programs.tests.support import codes, in_locale, make_index, make_organisation, make_programme, set_terms


@pytest.fixture
def index(home_page):
    return make_index(home_page)


@pytest.fixture
def organisation(index):
    return make_organisation(index, "Buddywerk Antwerpen", website="https://buddywerk.example")


@pytest.mark.django_db
def test_taxonomy_terms_exist_with_the_stable_codes():
    assert list(Theme.objects.values_list("code", flat=True)) == list(taxonomy.THEMES)
    assert list(Region.objects.values_list("code", flat=True)) == list(taxonomy.REGIONS)
    assert {"LU", "online", "BE-BRU"} <= set(Region.objects.values_list("code", flat=True))


@pytest.mark.django_db
def test_taxonomy_labels_follow_the_active_language():
    theme = Theme.objects.get(code="language")
    with translation.override("en"):
        assert str(theme) == "Language practice"


@pytest.mark.django_db
def test_municipalities_come_from_the_reference_data():
    assert Municipality.objects.count() > 500
    ghent = Municipality.objects.get(name_nl="Gent")
    assert ghent.region_code == "BE-VOV"
    assert "9000" in ghent.postcodes.values_list("code", flat=True)
    liege = Municipality.objects.get(name_fr="Liège")
    with translation.override("nl"):
        assert liege.name == "Luik"
    with translation.override("fr"):
        assert liege.name == "Liège"
    with translation.override("en"):
        assert liege.name == "Liège"


@pytest.mark.django_db
def test_resolve_municipalities_by_name_in_any_language_or_by_postcode():
    found, unknown = resolve_municipalities(["luik", "Anvers", "9000", "1040", "Atlantis", "0000"])
    names = [m.name_nl for m in found]
    assert names[:3] == ["Luik", "Antwerpen", "Gent"]
    # 1040 is shared by Brussels and Etterbeek.
    assert {"Brussel", "Etterbeek"} <= set(names)
    assert unknown == ["Atlantis", "0000"]


@pytest.mark.django_db
def test_programme_knows_its_organisation(organisation):
    programme = make_programme(organisation, themes=["language"])
    assert isinstance(programme.organisation, OrganisationPage)
    assert programme.organisation.pk == organisation.pk
    assert programme.organisation.website == "https://buddywerk.example"


@pytest.mark.django_db
@override_settings(LISTING_OUTDATED_DAYS=365)
def test_is_outdated_after_the_configured_number_of_days(organisation):
    today = timezone.localdate()
    programme = make_programme(organisation, last_verified=today - datetime.timedelta(days=365))
    assert not programme.is_outdated
    programme.last_verified = today - datetime.timedelta(days=366)
    assert programme.is_outdated
    programme.last_verified = None
    assert not programme.is_outdated


@pytest.mark.django_db
def test_external_id_is_unique_across_translation_groups(organisation):
    make_programme(organisation, external_id="abc-1")
    other = make_programme(organisation, external_id="abc-2")
    other.external_id = "abc-1"
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "external_id" in error.value.message_dict


@pytest.mark.django_db
def test_publishing_a_programme_creates_aliases_in_every_locale(organisation):
    programme = make_programme(organisation, themes=["work"], regions=["BE-VAN", "online"])
    for code in ("fr", "en"):
        alias = in_locale(programme, code)
        assert alias.alias_of_id == programme.pk
        assert alias.live
        assert alias.get_content_language() == "nl"
        assert codes(alias, "themes") == ["work"]
        assert codes(alias, "regions") == ["BE-VAN", "online"]
        assert in_locale(organisation, code).pk == alias.get_parent().pk


@pytest.mark.django_db
def test_a_french_source_programme_appears_in_the_dutch_and_english_trees(index):
    organisation = make_organisation(index, "Duo Liège", locale="fr")
    programme = make_programme(organisation, "Binômes liégeois", regions=["BE-WLG"])
    assert programme.locale.language_code == "fr"
    for code in ("nl", "en"):
        alias = in_locale(programme, code)
        assert alias.alias_of_id == programme.pk
        assert alias.get_content_language() == "fr"
        assert ProgramPage.objects.live().filter(locale__language_code=code, pk=alias.pk).exists()


@pytest.mark.django_db
def test_draft_programmes_get_no_public_aliases(organisation):
    programme = make_programme(organisation, publish=False)
    assert not ProgramPage.objects.live().filter(translation_key=programme.translation_key).exists()


def _translate(page, code):
    return translate_instance(
        page,
        code,
        {page.title: f"{page.title} ({code})", page.slug: f"{page.slug}-{code}", page.summary: f"{code}: summary"},
        strict=False,
    )


@pytest.mark.django_db
def test_changing_themes_on_the_source_reaches_translations_and_aliases(organisation):
    programme = make_programme(organisation, themes=["language"], status="active")
    french = _translate(programme, "fr")
    assert french.alias_of_id is None
    assert codes(french, "themes") == ["language"]

    source = ProgramPage.objects.get(pk=programme.pk)
    set_terms(source, "themes", ["work", "housing"])
    source.status = "paused"
    source.save_revision().publish()

    french = in_locale(programme, "fr")
    assert codes(french, "themes") == ["housing", "work"]
    assert french.status == "paused"
    assert french.title == f"{programme.title} (fr)"  # translated text untouched
    english_alias = in_locale(programme, "en")
    assert english_alias.alias_of_id == programme.pk
    assert codes(english_alias, "themes") == ["housing", "work"]

    # Emptying a many-to-many field reaches the translation too.
    source = ProgramPage.objects.get(pk=programme.pk)
    set_terms(source, "themes", [])
    source.save_revision().publish()
    assert codes(in_locale(programme, "fr"), "themes") == []
    assert codes(in_locale(programme, "en"), "themes") == []


@pytest.mark.django_db
def test_publishing_a_translation_keeps_the_facts_of_the_live_source(organisation):
    programme = make_programme(organisation, accepting_volunteers="open")
    _translate(programme, "fr")
    source = ProgramPage.objects.get(pk=programme.pk)
    source.accepting_volunteers = "closed"
    source.save_revision().publish()

    # A translator re-publishes the translation from wagtail-localize's (older) snapshot.
    french = in_locale(programme, "fr")
    french.accepting_volunteers = "open"
    french.save_revision().publish()
    assert in_locale(programme, "fr").accepting_volunteers == "closed"


@pytest.mark.django_db
def test_unpublishing_the_source_withdraws_every_locale(organisation):
    programme = make_programme(organisation)
    _translate(programme, "fr")
    ProgramPage.objects.get(pk=programme.pk).unpublish()
    assert not ProgramPage.objects.live().filter(translation_key=programme.translation_key).exists()


@pytest.mark.django_db
def test_deleting_the_source_leaves_nothing_public_in_any_locale(organisation):
    programme = make_programme(organisation)
    _translate(programme, "fr")
    key = programme.translation_key
    ProgramPage.objects.get(pk=programme.pk).delete()
    assert not ProgramPage.objects.live().filter(translation_key=key).exists()
