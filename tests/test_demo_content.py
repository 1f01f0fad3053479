"""`manage.py load_demo_content`: idempotent, really translated, and the editor accounts can do what they should."""

from functools import partial

import pytest

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import translation

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site
from wagtail_localize.models import LocaleSynchronization

from home import demo
from home.demo import content, loader
from home.demo.images import get_or_create_demo_image
from home.demo.text import R, T, iter_texts, translation_map
from home.management.commands import load_demo_content as command
from home.management.commands.load_demo_content import import_app_demo_modules
from home.models import CampaignImage, FAQPage, HomePage, SiteSettings, StandardPage
from home.permissions import CAMPAIGN_EDITORS, TRANSLATORS
from home.tests.two_factor_support import verify_second_factor
from programs.demo import ensure_index_page
from programs.models import ProgramIndexPage

PASSWORD = "buddy-demo-2026!"
PAGE_SPECS = [
    content.HOME_PAGE,
    content.ABOUT_PAGE,
    content.BECOME_BUDDY_PAGE,
    content.FAQ_PAGE,
    content.PRIVACY_PAGE,
    content.ACCESSIBILITY_PAGE,
]


@pytest.fixture(autouse=True)
def demo_loaders(monkeypatch):
    """Only the home app's demo content: other apps' loaders are theirs to test (and slow)."""
    loaders = []
    monkeypatch.setattr(demo, "DEMO_LOADERS", loaders)
    monkeypatch.setattr("home.management.commands.load_demo_content.DEMO_LOADERS", loaders)
    monkeypatch.setattr("home.management.commands.load_demo_content.import_app_demo_modules", lambda: None)
    return loaders


def load():
    call_command("load_demo_content", quiet=True)


def row_counts():
    """Rows per model, for every model: a second run must not add, remove or duplicate anything."""
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def campaign_pages(language):
    """The home app's pages (the programme overview it creates belongs to, and is translated by, the programmes)."""
    return Page.objects.filter(locale__language_code=language, depth__gte=2).not_type(ProgramIndexPage).specific()


@pytest.mark.django_db
def test_sets_up_the_site_and_a_second_run_changes_nothing(demo_loaders):
    calls = []
    demo.register_demo_loader(calls.append)
    demo.register_demo_loader(calls.append)  # registering twice still runs it once per load
    assert demo_loaders == [calls.append]

    load()
    about = StandardPage.objects.get(locale__language_code="nl", slug="over-de-campagne")
    about.title = "Over onze campagne"
    about.save_revision().publish()
    before = row_counts()

    load()

    assert row_counts() == before
    # Eight pages in nl, fr and en; the home page and the two newcomers' pages in ar, uk, fa and ti.
    assert Page.objects.filter(depth__gte=2).not_type(ProgramIndexPage).count() == 8 * 3 + 3 * 4
    # The programme overview the FAQ links to: made here, translated by the programmes' demo (aliases until then).
    assert ProgramIndexPage.objects.filter(alias_of__isnull=True).count() == 1
    assert StandardPage.objects.get(pk=about.pk).title == "Over onze campagne"
    assert len(calls) == 2
    context = calls[0]
    assert set(context.home_pages) == {"nl", "fr", "en", "ar", "uk", "fa", "ti"}
    assert context.home_pages["ar"].title == "أهلاً بك"
    assert context.home_pages["fr"].title == "Bienvenue"
    assert context.pages["faq"].locale.language_code == "nl"

    # The first run set up the site around the new home page.
    home = HomePage.objects.get(locale__language_code="nl")
    site = Site.objects.get(is_default_site=True)
    assert (site.root_page_id, site.hostname, site.port) == (home.pk, "localhost", 80)
    assert not Page.objects.filter(depth=2).exclude(pk__in=HomePage.objects.values("pk")).exists()
    assert home.become_buddy_page.specific.slug == "word-buddy"

    settings = SiteSettings.for_site(site)
    assert settings.contact_email == content.CONTACT_EMAIL
    assert settings.contact_phone and settings.organisation_name
    assert settings.privacy_page.slug == "privacyverklaring"
    assert settings.accessibility_page.slug == "toegankelijkheidsverklaring"
    statement = StandardPage.objects.get(locale__language_code="en", slug="accessibility-statement")
    assert "WCAG" in str(statement.body) and content.CONTACT_EMAIL in str(statement.body)

    in_menu = set(home.get_children().in_menu().values_list("slug", flat=True))
    assert in_menu == {"over-de-campagne", "word-buddy", "veelgestelde-vragen", "buddyprogrammas"}
    assert {(s.locale.language_code, s.sync_from.language_code) for s in LocaleSynchronization.objects.all()} == {
        ("fr", "nl"),
        ("en", "nl"),
    }
    hero = home.hero_image
    assert (hero.width, hero.height) == (1600, 900)
    assert hero.credit == "Illustration © Buddies With Refugees" and hero.default_alt_text == hero.description
    assert CampaignImage.objects.count() == len(content.IMAGES)


@pytest.fixture
def small_images(monkeypatch):
    """Small demo pictures, so rendering pages (AVIF, WebP and JPEG renditions) stays quick."""
    monkeypatch.setattr(loader, "get_or_create_demo_image", partial(get_or_create_demo_image, size=(320, 180)))


@pytest.mark.django_db
def test_every_page_exists_in_three_languages_with_its_own_text_and_renders(client, small_images):
    load()
    nl_pages = list(campaign_pages("nl"))
    assert len(nl_pages) == 8
    newcomer_path = {"home", "wat-is-een-buddy", "vragen-van-nieuwkomers"}
    for page in nl_pages:
        translations = {p.locale.language_code: p.specific for p in page.get_translations()}
        expected = {"fr", "en"} | ({"ar", "uk", "fa", "ti"} if page.slug in newcomer_path else set())
        assert set(translations) == expected, page.title
        for code, translated in translations.items():
            assert translated.live and translated.alias_of_id is None, (code, page.title)
            assert translated.title != page.title, (code, page.title)
            assert translated.search_description and translated.search_description != page.search_description
        assert len({translated.title for translated in translations.values()}) == len(translations)
        assert page.search_description

    about_fr = StandardPage.objects.get(locale__language_code="fr", slug="a-propos-de-la-campagne")
    assert "initiatives citoyennes" in str(about_fr.body)
    assert "burgerinitiatieven" not in str(about_fr.body)
    assert {block.block_type for block in about_fr.body} >= {"heading", "paragraph", "image", "quote", "call_to_action"}
    assert StandardPage.objects.get(locale__language_code="en", slug="about-the-campaign").live

    response = client.get("/en/about-the-campaign/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Citizens who make a difference" in html
    assert "Illustration © Buddies With Refugees" in html  # the image block shows the credit line

    # Alt texts are the page's own, in its language (the images are shared by every locale).
    about_fr_html = client.get(about_fr.url).content.decode()
    assert 'alt="Deux personnages dessinés, l&#x27;un jaune et l&#x27;autre bleu, se rencontrent' in about_fr_html
    home_fr_html = client.get("/fr/").content.decode()
    assert 'alt="Deux personnages dessinés, l&#x27;un bleu et l&#x27;autre orange, se tiennent' in home_fr_html
    assert 'alt="Two drawn figures, one blue and one orange, stand side by side' in client.get("/en/").content.decode()

    faq_nl = FAQPage.objects.get(locale__language_code="nl")
    faq_fr = FAQPage.objects.get(locale__language_code="fr")
    assert faq_fr.slug == "questions-frequentes"
    assert FAQPage.objects.get(locale__language_code="en").slug == "frequently-asked-questions"

    questions_fr = [item["question"] for item in faq_fr.questions()]
    assert len(questions_fr) == len(faq_nl.questions()) == 12
    assert len(faq_fr.grouped_questions()) == 3
    assert "Qu'est-ce qu'un programme de parrainage\u00a0?" in questions_fr
    assert not set(questions_fr) & {item["question"] for item in faq_nl.questions()}

    response = client.get("/fr/questions-frequentes/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert "Un buddy remplace-t-il les services publics" in html
    assert '"inLanguage": "fr"' in html


@pytest.mark.django_db
def test_faq_sign_up_answer_links_to_the_programme_overview_in_each_language(client, small_images):
    load()
    ensure_index_page(
        {code: HomePage.objects.get(locale__language_code=code) for code in ("nl", "fr", "en")}, lambda message: None
    )
    for code, question in (
        ("nl", "Hoe meld ik me aan?"),
        ("fr", "Comment m'inscrire\u00a0?"),
        ("en", "How do I sign up?"),
    ):
        overview = ProgramIndexPage.objects.get(locale__language_code=code)
        faq = FAQPage.objects.get(locale__language_code=code)
        with translation.override(code):
            answer = next(str(item["answer"]) for item in faq.questions() if item["question"] == question)
        assert f'href="{overview.url}"' in answer, (code, answer)
        html = client.get(faq.url).content.decode()
        assert f'href="{overview.url}"' in html.split(question.replace("'", "&#x27;"), 1)[1].split("</details>", 1)[0]


@pytest.mark.django_db
def test_groups_give_editors_content_and_translators_translation_only(client):
    # Start from a database as transactional tests leave it: without the rows Wagtail's data migrations made.
    Page.get_first_root_node().delete()
    Collection.get_first_root_node().delete()
    Permission.objects.filter(codename="submit_translation").delete()
    load()
    editors = Group.objects.get(name=CAMPAIGN_EDITORS)
    translators = Group.objects.get(name=TRANSLATORS)
    homes = list(HomePage.objects.all())
    assert len(homes) == len(settings.LANGUAGES)  # the campaign tree in every site language

    def page_codenames(group, page):
        return set(
            GroupPagePermission.objects.filter(group=group, page=page).values_list("permission__codename", flat=True)
        )

    for home in homes:
        assert page_codenames(editors, home) == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}
        assert page_codenames(translators, home) == {"add_page", "change_page"}
    collection_codenames = set(
        GroupCollectionPermission.objects.filter(
            group=editors, collection=Collection.get_first_root_node()
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_image", "change_image", "choose_image", "delete_image", "add_document"} <= collection_codenames
    model_perms = {f"{p.content_type.app_label}.{p.codename}" for p in editors.permissions.all()}
    assert {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "wagtailsearchpromotions.add_searchpromotion",
    } <= model_perms
    assert not {p for p in model_perms if p.startswith(("auth.", "wagtailusers.", "home.change_sitesettings"))}

    editor = User.objects.get(username="campaign-editor")
    assert editor.groups.filter(name=CAMPAIGN_EDITORS).exists() and not editor.is_superuser
    assert User.objects.get(username="campaign-admin").is_superuser

    assert client.login(username="campaign-editor", password=PASSWORD)
    verify_second_factor(client, editor)  # publishing rights: the admin asks for the second factor too
    assert client.get("/admin/pages/", follow=True).status_code == 200
    assert client.get(f"/admin/pages/{homes[1].pk}/edit/").status_code == 200
    users = client.get("/admin/users/")
    assert users.status_code in (302, 403)
    if users.status_code == 302:
        assert "/admin/users/" not in users["Location"]
    assert client.get(f"/admin/settings/home/sitesettings/{Site.objects.get().pk}/").status_code in (302, 403)


@pytest.mark.django_db
def test_refuses_the_production_settings_without_force():
    with override_settings(SETTINGS_MODULE="campaign_site.settings.production"), pytest.raises(CommandError):
        load()
    assert not HomePage.objects.exists()


def test_demo_text_is_translated_not_copied():
    texts = [text for spec in PAGE_SPECS for text in iter_texts(spec)]
    assert len(texts) > 80
    copied = [text.nl for text in texts if text.fr == text.nl or text.en == text.nl or text.fr == text.en]
    assert not copied


def test_rich_text_translations_must_keep_the_same_elements():
    assert translation_map(R("<p>Een</p><p>Twee</p>", "<p>Un</p><p>Deux</p>", "<p>One</p><p>Two</p>"), "fr") == {
        "Een": "Un",
        "Twee": "Deux",
    }
    with pytest.raises(ValueError, match="segments"):
        translation_map(R("<p>Een</p><p>Twee</p>", "<p>Un deux</p>", "<p>One</p><p>Two</p>"), "fr")
    with pytest.raises(ValueError, match="two different"):
        translation_map([T("Ja", "Oui", "Yes"), T("Ja", "D'accord", "Yes")], "fr")


@pytest.mark.django_db
def test_untranslated_faq_says_so_and_marks_its_dutch_text(client, home_page):
    faq = home_page.add_child(instance=FAQPage(title="Veelgestelde vragen", slug="veelgestelde-vragen"))
    fr_home = HomePage.objects.get(locale__language_code="fr")
    faq.copy_for_translation(fr_home.locale, alias=True)

    html = client.get("/fr/veelgestelde-vragen/").content.decode()
    assert 'class="translation-note"' in html
    assert '<h1 lang="nl">Veelgestelde vragen</h1>' in html


@pytest.mark.django_db
def test_home_page_hides_key_figures_while_there_are_no_programmes(client, home_page):
    html = client.get("/nl/").content.decode()
    assert 'class="figures"' not in html


def test_other_apps_demo_modules_are_imported_when_they_exist(monkeypatch):
    imported = []
    monkeypatch.setattr(command, "DEMO_APP_MODULES", ["home.demo.text", "home.no_such_module", "no_such_app.demo"])
    monkeypatch.setattr(command.importlib, "import_module", imported.append)
    import_app_demo_modules()
    assert imported == ["home.demo.text"]
