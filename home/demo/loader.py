"""Build the home part of the demo site: locales, the nl page tree, its fr/en translations, site and settings.

Every step looks before it creates, so loading twice changes nothing; pages
that already exist are never overwritten (an editor may have changed them).
"""

from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from home.demo import DEMO_LINKED_PAGES, DemoContext, content
from home.demo.images import get_or_create_demo_image
from home.demo.newcomers import HOME_PAGE_IN_NEWCOMER_LANGUAGES, NEWCOMER_FAQ_PAGE, NEWCOMER_PAGE
from home.demo.text import LANGUAGES, SOURCE_LANGUAGE, MissingRef, has_language, localize, translation_map
from home.models import FAQPage, HomePage, SiteSettings, StandardPage
from home.translation import MissingStringTranslation, translate_instance

SITE_NAME = "Buddies With Refugees"
TARGET_LANGUAGES = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]

# The home page's children, in menu order: (key, page model, content, show in menus).
CAMPAIGN_PAGES = [
    ("about", StandardPage, content.ABOUT_PAGE, True),
    ("become", StandardPage, content.BECOME_BUDDY_PAGE, True),
    ("faq", FAQPage, content.FAQ_PAGE, True),
    ("privacy", StandardPage, content.PRIVACY_PAGE, False),
    ("accessibility", StandardPage, content.ACCESSIBILITY_PAGE, False),
    # The newcomer path (home/demo/newcomers.py): reached from the home page, not the menu.
    ("newcomers", StandardPage, NEWCOMER_PAGE, False),
]
# Pages that also speak the newcomer languages, parents first: (key, content with those languages).
NEWCOMER_PATH = [
    ("home", HOME_PAGE_IN_NEWCOMER_LANGUAGES),
    ("newcomers", NEWCOMER_PAGE),
    ("newcomer_faq", NEWCOMER_FAQ_PAGE),
]


def ensure_locales():
    """Every site language's locale. The newcomer languages follow no tree: only their translations live there."""
    codes = [*LANGUAGES, *settings.NEWCOMER_LANGUAGES]
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}


def ensure_locale_synchronization(locales):
    """fr and en follow nl: pages added in nl get fr/en aliases until someone translates them."""
    for code in TARGET_LANGUAGES:
        sync, created = LocaleSynchronization.objects.get_or_create(
            locale=locales[code], defaults={"sync_from": locales[SOURCE_LANGUAGE]}
        )
        if not created:
            # Creating runs the sync (post_save); afterwards only fill in what is missing.
            sync.sync_trees()


def ensure_images(log):
    images = {}
    for key, spec in content.IMAGES.items():
        image = get_or_create_demo_image(spec["title"], spec["seed"], description=spec["description"])
        images[key] = image
    log(f"Images: {', '.join(image.title for image in images.values())}")
    return images


def _fields(spec, refs, *, partial):
    """The page's nl field values; with `partial`, leave out fields that point at pages not made yet."""
    values = {}
    for name, value in spec.items():
        try:
            values[name] = localize(value, SOURCE_LANGUAGE, refs)
        except MissingRef:
            if not partial:
                raise
    return values


def _wagtail_welcome_pages():
    """The "Welcome to your new Wagtail site!" page that Wagtail's migrations create."""
    return Page.objects.filter(depth=2, numchild=0, content_type=ContentType.objects.get_for_model(Page))


def tree_root(locale):
    """Wagtail's root page (made by its migrations, but gone from a flushed test database)."""
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def ensure_home_page(locales, refs, log):
    """The nl home page, as the default site's root in place of Wagtail's welcome page."""
    nl = locales[SOURCE_LANGUAGE]
    home = HomePage.objects.filter(locale=nl, depth=2).order_by("path").first()
    created = home is None
    welcome_pages = list(_wagtail_welcome_pages())
    if created:
        # Free the slug "home" the welcome page holds, so the new home page can have it.
        for welcome in welcome_pages:
            Page.objects.filter(pk=welcome.pk).update(slug=f"wagtail-welcome-{welcome.pk}")
        home = HomePage(locale=nl, **_fields(content.HOME_PAGE, refs, partial=True))
        tree_root(nl).add_child(instance=home)
        log(f"Created the home page: {home.title}")

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
        )
    elif site.root_page_id in {page.pk for page in welcome_pages}:
        site.hostname, site.port, site.root_page, site.site_name = "localhost", 80, home, SITE_NAME
        site.save()
    for welcome in welcome_pages:
        Site.objects.filter(root_page=welcome).update(root_page=home)
        welcome.delete()
        log("Removed Wagtail's welcome page")
    return home, created, site


def ensure_child_page(parent, model, spec, refs, *, show_in_menus):
    slug = spec["slug"].get(SOURCE_LANGUAGE)
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(show_in_menus=show_in_menus, **_fields(spec, refs, partial=True))
    parent.add_child(instance=page)
    return page, True


def publish_with_content(page, spec, refs):
    """Set every field (now that all referenced pages exist) and publish a first revision."""
    for name, value in _fields(spec, refs, partial=False).items():
        setattr(page, name, value)
    page.save_revision().publish()


def ensure_translations(page, spec, log, codes=TARGET_LANGUAGES):
    """Translate `page` with wagtail-localize into every target language that has no real translation yet."""
    for code in codes:
        if not has_language(spec, code):
            raise ValueError(f"The demo text of {page.title!r} lacks its {code} translation")
        existing = page.get_translations().filter(locale__language_code=code).first()
        if existing is not None and existing.alias_of_id is None:
            continue
        source = page.specific_class.objects.get(pk=page.pk)
        try:
            # Publish here rather than wagtail-localize's way (on commit): inside the command's transaction the
            # translation would stay a draft, and its deferred publish would later save a stale copy of the page
            # (numchild 0 once its own translated children exist), hiding those children from the site.
            translated = translate_instance(source, code, translation_map(spec, code), publish=False)
        except MissingStringTranslation:
            # The page exists but is not the demo text (an editor changed it): leave it to a translator.
            log(f"Skipped the {code} translation of {page.title!r}: its text is not the demo text")
            continue
        translated.get_latest_revision().publish()
        if existing is None:
            # The new page briefly carried the Dutch slug before its translated one, and Wagtail adds a redirect
            # from that never-public URL once the transaction commits. Drop it right after.
            transaction.on_commit(partial(_delete_automatic_redirects, translated.pk))
        log(f"Translated {page.title!r} into {code}: {translated.title}")


def _delete_automatic_redirects(page_id):
    Redirect.objects.filter(redirect_page_id=page_id, automatically_created=True).delete()


def ensure_site_settings(site, pages):
    settings = SiteSettings.for_site(site)
    defaults = {
        "organisation_name": content.PUBLISHER,
        "contact_email": content.CONTACT_EMAIL,
        "contact_phone": content.CONTACT_PHONE,
        "privacy_page": pages["privacy"],
        "accessibility_page": pages["accessibility"],
    }
    changed = [name for name, value in defaults.items() if not getattr(settings, name)]
    for name in changed:
        setattr(settings, name, defaults[name])
    if changed:
        settings.save()
    return settings


def load_home_demo(log):
    """Everything the home app contributes; returns the context other apps' loaders build on."""
    locales = ensure_locales()
    images = ensure_images(log)
    refs = dict(images)

    home, home_created, site = ensure_home_page(locales, refs, log)
    refs["home"] = home
    created = [(home, content.HOME_PAGE)] if home_created else []
    pages = {}
    for key, model, spec, show_in_menus in CAMPAIGN_PAGES:
        page, page_created = ensure_child_page(home, model, spec, refs, show_in_menus=show_in_menus)
        pages[key] = refs[key] = page
        if page_created:
            created.append((page, spec))
            log(f"Created page: {page.title}")

    # The newcomers' questions, beneath the page that explains what a buddy is.
    newcomer_faq, faq_created = ensure_child_page(
        pages["newcomers"], StandardPage, NEWCOMER_FAQ_PAGE, refs, show_in_menus=False
    )
    pages["newcomer_faq"] = refs["newcomer_faq"] = newcomer_faq
    if faq_created:
        created.append((newcomer_faq, NEWCOMER_FAQ_PAGE))

    # Pages of other apps the campaign pages' text links to (the programme overview: the programmes' demo
    # translates and fills it).
    for key, make in DEMO_LINKED_PAGES.items():
        refs[key] = make(home, log)

    # Second pass: with every page in place, the links between them can be set.
    for page, spec in created:
        publish_with_content(page, spec, refs)

    # Parents before children, so each translation lands under its translated parent.
    ensure_translations(home, content.HOME_PAGE, log)
    for key, _model, spec, _menu in CAMPAIGN_PAGES:
        ensure_translations(pages[key], spec, log)
    ensure_translations(newcomer_faq, NEWCOMER_FAQ_PAGE, log)
    # The newcomer languages: the home page and the newcomers' pages only (no tree synchronisation).
    path_pages = {"home": home, **pages}
    for key, spec in NEWCOMER_PATH:
        ensure_translations(path_pages[key], spec, log, codes=settings.NEWCOMER_LANGUAGES)

    ensure_site_settings(site, pages)
    home_pages = {SOURCE_LANGUAGE: home}
    for translation in home.get_translations().select_related("locale"):
        home_pages[translation.locale.language_code] = translation.specific
    return DemoContext(locales=locales, home_pages=home_pages, pages=pages, images=images, log=log)
