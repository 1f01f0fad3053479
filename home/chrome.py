"""The site's chrome (menu, footer, home pages, language fallbacks), computed once and kept until the site changes.

Every public page shows the same header and footer for a site and language: the home page, the main
menu with the programme overview, the home page in every language (where the language switcher sends
a visitor when the page has no translation), the footer's contact details and statement pages. Built
from the database they cost about a dozen queries per page, though they change only when an editor
publishes, moves or deletes a page or edits the site settings.

So they are computed as plain data (titles and addresses, no model instances) and kept in Django's
default cache per site and language, under a *chrome version* that any change replaces:

- a saved or deleted page, site, locale, view restriction or site settings marks the chrome as changed;
- inside a transaction the new version is set when it commits (set earlier, a concurrent request could
  store the old chrome under the new version); until then requests on the same connection, which see
  the uncommitted change, compute the chrome afresh and store nothing;
- outside a transaction the version is replaced at once.

The same version keeps two more answers that every page asks for and few changes alter: whether the
site has any view restriction at all (without one, the usual case, pages skip Wagtail's two restriction
queries: BasePage.get_view_restrictions) and whether a translated page may be behind its original
(campaign_tags' `translation_behind`, a dozen queries; wagtail-localize's records mark it changed).
"""

import uuid

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models

VERSION_KEY = "chrome:version"
SECONDS = 24 * 60 * 60


def changed_in_this_transaction():
    """Whether this connection's open transaction changed what the chrome shows (its new version is pending)."""
    pending = getattr(connection, "_chrome_bump", None)
    return (
        pending is not None
        and connection.in_atomic_block
        and any(entry[1] is pending for entry in connection.run_on_commit)
    )


def mark_changed(**kwargs):
    """Replace the chrome version now, or once the current transaction commits (one callback per transaction).

    Django drops the callback if the transaction (or the savepoint that registered it) rolls back, and then
    nothing is pending any more.
    """
    if not connection.in_atomic_block:
        cache.set(VERSION_KEY, uuid.uuid4().hex, None)
        return
    if not changed_in_this_transaction():

        def bump():
            cache.set(VERSION_KEY, uuid.uuid4().hex, None)

        connection._chrome_bump = bump
        transaction.on_commit(bump)


def _mark_if_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        mark_changed()


def connect():
    from wagtail_localize.models import StringTranslation, Translation, TranslationLog, TranslationSource

    from home.models import SiteSettings

    post_save.connect(_mark_if_page, dispatch_uid="chrome_page_saved")
    post_delete.connect(_mark_if_page, dispatch_uid="chrome_page_deleted")
    # Site, languages, privacy, the footer; and what says whether a translation is behind its original.
    watched = (Site, Locale, PageViewRestriction, SiteSettings)
    watched += (TranslationSource, Translation, TranslationLog, StringTranslation)
    for model in watched:
        post_save.connect(mark_changed, sender=model, dispatch_uid=f"chrome_{model.__name__}_saved")
        post_delete.connect(mark_changed, sender=model, dispatch_uid=f"chrome_{model.__name__}_deleted")


def site_chrome(request):
    """The chrome of the request's site in the active language (a dict; see `_build`), once per request."""
    language = translation.get_language()
    memo = request.__dict__.setdefault("_site_chrome", {})
    if language not in memo:
        memo[language] = _cached(request, language)
    return memo[language]


def _cached(request, language):
    site = Site.find_for_request(request)
    if site is None:
        return _empty()
    return kept(f"{site.pk}:{language}", lambda: _build(request, site, language))


def any_view_restriction():
    """Whether any page of any site is private (password, signed-in users or groups)."""
    return kept("restrictions", PageViewRestriction.objects.exists)


def locale(locale_id):
    """A Locale by its id, without a query per page that asks."""
    return kept("locales", lambda: {each.pk: each for each in Locale.objects.all()})[locale_id]


def language_code(locale_id):
    return locale(locale_id).language_code


def kept(name, compute):
    """`compute()`, kept in the cache under the current chrome version."""
    if changed_in_this_transaction():
        return compute()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    key = f"chrome:{version}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, SECONDS)
    return value


def _empty():
    return {"homes": {}, "home": None, "overview": None, "menu": [], "footer": {}}


def _link(page, request):
    return {"pk": page.pk, "title": page.title, "url": page.get_url(request)}


def _build(request, site, language):
    from home.models import SiteSettings

    homes = {
        home.locale.language_code: home
        for home in site.root_page.get_translations(inclusive=True).live().select_related("locale")
    }
    home = homes.get(language)
    overview = _overview(home, request)
    menu = [_link(item, request) for item in home.get_children().live().in_menu()] if home else []
    if overview is not None and overview["pk"] not in {item["pk"] for item in menu}:
        menu.insert(0, overview)
    settings = SiteSettings.for_site(site)
    return {
        "homes": {code: _link(page, request) for code, page in homes.items()},
        "home": _link(home, request) if home else None,
        "overview": overview,
        "menu": menu,
        "footer": {
            "organisation_name": settings.organisation_name,
            "contact_email": settings.contact_email,
            "contact_phone": settings.contact_phone,
            "social_links": settings.social_links(),
            "privacy_url": localized_page_url(settings.privacy_page_id, request),
            "accessibility_url": localized_page_url(settings.accessibility_page_id, request),
        },
    }


def overview_model():
    """The page class that declares `site_overview = True` (the programme overview), or None without one."""
    return next((model for model in get_page_models() if getattr(model, "site_overview", False)), None)


def _overview(home, request):
    index_model = overview_model()
    if index_model is None:  # the site runs without the programmes app
        return None
    overview = index_model.objects.child_of(home).live().first() if home else None
    return _link(overview, request) if overview else None


def localized_page_url(page_id, request):
    """The address of a chosen page in the active language where it has a live translation (as `Page.localized`)."""
    if page_id is None:
        return ""
    language = translation.get_language()
    translations = Page.objects.filter(translation_key__in=Page.objects.filter(pk=page_id).values("translation_key"))
    pages = {page.locale.language_code: page for page in translations.select_related("locale")}
    chosen = pages.get(language)
    if chosen is None or not chosen.live:  # as Wagtail's `localized`: the chosen page itself
        chosen = next((page for page in pages.values() if page.pk == page_id), None)
    return chosen.get_url(request) if chosen else ""
