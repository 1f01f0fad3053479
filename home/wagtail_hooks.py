"""Admin wiring of the base app: the roles (home/permissions.py), safe CSV exports and concurrent saves.

Wagtail views that show more than a user may see are replaced here where
Wagtail offers a hook (the page viewset, the admin API endpoints) and at their
own paths otherwise (home/admin_urls.py); home/admin_views.py says why. Every
CSV export of Wagtail's reports is made safe for spreadsheets
(home/spreadsheet_export.py), and a save made from an older revision than the
page's latest is held back (home/concurrent_editing.py). Two-factor sign-in
(home/two_factor/) is wired in at the end.
"""

from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button

from home import admin_views, permissions, stale_translations
from home.concurrent_editing import hold_back_stale_save
from home.spreadsheet_export import neutralise_wagtail_csv_exports
from home.two_factor import devices
from home.two_factor import views as two_factor_views
from home.two_factor.panels import SecondFactorPanel

# Wagtail imports every app's wagtail_hooks before its admin serves a request: the earliest point at
# which every report's CSV export can be made safe at once.
neutralise_wagtail_csv_exports()


@hooks.register("register_permissions")
def register_campaign_rights():
    """ "Can onboard organisations" and the like, in the group editor beside Wagtail's own permissions."""
    return permissions.campaign_rights()


@hooks.register("construct_page_chooser_queryset")
def hide_unpublished_pages_of_others(pages, request):
    """Linking to any public page is fine; another organisation's drafts stay out of sight."""
    return permissions.visible_pages(request.user, pages)


@hooks.register("register_admin_viewset")
def register_guarded_page_viewset():
    # Registered after Wagtail's own base page viewset (order -1), so it replaces it for every page type
    # without a viewset of its own.
    return admin_views.GuardedPageViewSet()


@hooks.register("construct_admin_api", order=100)  # after Wagtail's images and documents apps register theirs
def register_guarded_api_endpoints(router):
    router.register_endpoint("images", admin_views.ImagesAdminAPIViewSet)
    router.register_endpoint("documents", admin_views.DocumentsAdminAPIViewSet)


@hooks.register("before_serve_document")
def serve_published_documents_only(document, request):
    """A document is public once a published page links to it; until then only its editors download it."""
    if not permissions.may_download_document(request.user, document):
        raise Http404


@hooks.register("before_edit_page")
def warn_of_newer_revision(request, page):
    return hold_back_stale_save(request, page)


# Two-factor sign-in (home/two_factor/) ----------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", include("home.two_factor.urls")),
        path("two-factor/passkeys/", include("home.two_factor.passkeys")),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor:manage"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Your authenticator app, passkeys and recovery codes."),
    }


@hooks.register("construct_homepage_panels")
def offer_second_factor(request, panels):
    panel = SecondFactorPanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    if two_factor_views.may_reset(request_user, user) and devices.has_second_factor(user):
        yield Button(
            _("Reset two-factor sign-in"),
            reverse("two_factor:reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(two_factor_views.ENROL, _("Set up two-factor sign-in"), _("Two-factor sign-in set up"))
    actions.register_action(
        two_factor_views.NEW_RECOVERY_CODES, _("Make new recovery codes"), _("New recovery codes made")
    )
    actions.register_action(
        two_factor_views.TURN_OFF, _("Turn off two-factor sign-in"), _("Two-factor sign-in turned off")
    )
    actions.register_action(two_factor_views.PASSKEY_ADDED, _("Add a passkey"), _("Passkey added"))
    actions.register_action(two_factor_views.PASSKEY_REMOVED, _("Remove a passkey"), _("Passkey removed"))
    actions.register_action(two_factor_views.RESET, _("Reset two-factor sign-in"), _("Two-factor sign-in reset"))


class TranslationsBehindPanel(Component):
    """Editors and translators: translated pages they may edit whose original changed since (stale_translations)."""

    name = "translations_behind"
    order = 92
    template_name = "home/admin/dashboard_translations_behind.html"
    limit = 50

    def __init__(self, request, translations):
        self.request = request
        self.translations = translations

    def get_context_data(self, parent_context):
        from wagtail.models import Page

        pages = Page.objects.in_bulk([t.target_page_id for t in self.translations])
        sources = {
            (p.translation_key, p.locale_id): p
            for p in Page.objects.filter(translation_key__in=[t.source.object_id for t in self.translations])
        }
        rows = [
            {
                "page": pages[t.target_page_id],
                "source": sources.get((t.source.object_id, t.source.locale_id)),
                "translation": t,
                "synced": stale_translations.synced_but_unpublished(t),
            }
            for t in self.translations
            if t.target_page_id in pages
        ]
        return {"rows": rows, "limit": self.limit}


@hooks.register("construct_homepage_panels")
def show_translations_behind(request, panels):
    translations = stale_translations.behind_for_user(request.user, limit=TranslationsBehindPanel.limit)
    if translations:
        panels.append(TranslationsBehindPanel(request, translations))
