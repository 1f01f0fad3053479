"""Admin wiring of the programme federation: organisations, "still accurate", dashboard, guards."""

from django.middleware.csrf import get_token
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import LogFormatter

from home import permissions
from programs import (  # choosers: registers the municipality chooser
    admin_urls,
    choosers,  # noqa: F401
    editor_guidance,
    freshness,
    source_language,
    translation_review,
    workflow,
)
from programs.models import OrganisationPage, ProgramPage


@hooks.register("register_admin_urls", order=-10)
def register_admin_urls():
    return [path("programs/", include(admin_urls)), *admin_urls.localize_urlpatterns]


@hooks.register("before_create_page")
def create_programmes_in_the_source_language(request, parent_page, page_class):
    return source_language.guide_create_page(request, parent_page, page_class)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def say_that_a_draft_is_not_public(request, page):
    editor_guidance.draft_saved(request, page)


@hooks.register("after_edit_page")
def say_what_a_workflow_action_did(request, page):
    editor_guidance.workflow_action_from_editor(request, page)


@hooks.register("construct_page_action_menu")
def submit_is_the_primary_action_without_publish(menu_items, request, context):
    editor_guidance.submit_first(menu_items, request, context)


@hooks.register("construct_homepage_panels")
def review_queue_first(request, panels):
    editor_guidance.review_queue_first(request, panels)


@hooks.register("before_edit_page", order=-20)  # first: the lock must come before any other hook writes
def serialise_edit_posts(request, page):
    return workflow.serialise_edit_posts(request, page)


@hooks.register("before_edit_page", order=-10)  # before wagtail-localize's, which shows its translation editor
def save_or_submit_translation(request, page):
    return translation_review.handle_post(request, page)


class OrganisationsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.may_onboard(request.user)


@hooks.register("register_admin_menu_item")
def register_organisations_menu_item():
    return OrganisationsMenuItem(
        _("Organisations"), reverse("programs_admin:organisations"), name="organisations", icon_name="group", order=250
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    @actions.register_action(freshness.STILL_ACCURATE_ACTION)
    class StillAccurateFormatter(LogFormatter):
        label = _("Confirm still accurate")

        def format_message(self, log_entry):
            date = (log_entry.data or {}).get("last_verified", "")
            return _("Confirmed the listing is still accurate (last verified %(date)s)") % {"date": date}


# "Still accurate" buttons -------------------------------------------------------------------------


class StillAccurateButton(Button):
    """A one-click POST form (CSRF-protected), rendered where Wagtail renders header or listing buttons."""

    template_name = "programs/admin/still_accurate_button.html"

    def __init__(self, page, next_url=None, **kwargs):
        self.page = page
        self.next_url = next_url
        super().__init__(
            label=_("Still accurate"),
            url=reverse("programs_admin:still_accurate", args=[page.pk]),
            icon_name="calendar-check",
            **kwargs,
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        request = parent_context.get("request")
        context["csrf_token"] = get_token(request) if request is not None else ""
        context["next_url"] = self.next_url
        return context


@hooks.register("register_page_header_buttons")
def still_accurate_header_button(page, user, view_name, next_url=None):
    if page.specific_class is ProgramPage and freshness.can_confirm(user, page):
        yield StillAccurateButton(page, next_url=next_url, priority=12)


# Dashboard ------------------------------------------------------------------------------------------


class OrganisationListingsPanel(Component):
    """An organisation editor's own programmes, with status, age and a "still accurate" button each."""

    name = "organisation_listings"
    order = 90
    template_name = "programs/admin/dashboard_organisation_listings.html"

    def __init__(self, request, organisations):
        self.request = request
        self.organisations = organisations

    def get_context_data(self, parent_context):
        from django.conf import settings

        organisations = source_language.source_pages(self.organisations)
        programmes = list(
            freshness.listings_of_organisations(self.organisations).select_related("locale").order_by("title")
        )
        by_path = {o.path: o for o in self.organisations}
        titles = freshness.titles_in_admin_language(programmes)
        rows = []
        for programme in programmes:
            age = freshness.age_in_days(programme)
            rows.append(
                {
                    "page": programme,
                    "title": titles.get(programme.pk) or programme.get_admin_display_title(),
                    "organisation": by_path.get(programme.path[: -programme.steplen]),
                    "age": age,
                    "due": age is not None and age > settings.LISTING_REMINDER_DAYS,
                    "outdated": age is not None and age > settings.LISTING_OUTDATED_DAYS,
                }
            )
        return {
            "request": self.request,
            "csrf_token": get_token(self.request),
            "organisations": list(organisations),
            "rows": rows,
            "next_url": reverse("wagtailadmin_home"),
            "reminder_days": settings.LISTING_REMINDER_DAYS,
        }


class StaleListingsPanel(Component):
    """Campaign editors: every listing nobody confirmed for LISTING_OUTDATED_DAYS."""

    name = "stale_listings"
    order = 95
    template_name = "programs/admin/dashboard_stale_listings.html"
    limit = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        from django.conf import settings

        stale = freshness.stale_listings().select_related("locale")
        total = stale.count()
        programmes = list(stale.order_by("last_verified", "first_published_at", "pk")[: self.limit])
        parent_paths = {p.path[: -p.steplen] for p in programmes}
        organisations = {o.path: o for o in OrganisationPage.objects.filter(path__in=parent_paths)}
        titles = freshness.titles_in_admin_language(programmes)
        rows = [
            {
                "page": programme,
                "title": titles.get(programme.pk) or programme.get_admin_display_title(),
                "organisation": organisations.get(programme.path[: -programme.steplen]),
                "age": freshness.age_in_days(programme),
            }
            for programme in programmes
        ]
        return {
            "request": self.request,
            "rows": rows,
            "total": total,
            "limit": self.limit,
            "outdated_days": settings.LISTING_OUTDATED_DAYS,
        }


class OrganisationGuidePanel(Component):
    """Organisation editors: the essentials of docs/organisations-guide.md, beside their listings."""

    name = "organisation_guide"
    order = 91
    template_name = "programs/admin/dashboard_organisation_guide.html"


@hooks.register("construct_homepage_panels")
def add_listing_panels(request, panels):
    organisations = list(freshness.organisation_pages_for_user(request.user).order_by("pk"))
    if organisations:
        panels.append(OrganisationListingsPanel(request, organisations))
        panels.append(OrganisationGuidePanel())
    if permissions.is_campaign_staff(request.user):
        panels.append(StaleListingsPanel(request))


class OrganisationPagesSummaryItem(PagesSummaryItem):
    """For organisation editors: count their own pages, not the whole tree above them."""

    def __init__(self, request, organisations):
        super().__init__(request)
        self.organisations = organisations

    def get_context_data(self, parent_context):
        from wagtail.models import Page

        context = super().get_context_data(parent_context)
        condition = Page.objects.none()
        for organisation in self.organisations:
            condition = condition | Page.objects.descendant_of(organisation, inclusive=True)
        context["total_pages"] = condition.count()
        sources = source_language.source_pages(self.organisations)
        context["root_page"] = sources[0]
        context["site_name"] = sources[0].title
        return context


@hooks.register("construct_homepage_summary_items", order=1000)  # after Wagtail adds its pages summary
def organisation_summary(request, items):
    if permissions.is_campaign_staff(request.user):
        return
    organisations = list(freshness.organisation_pages_for_user(request.user).order_by("pk"))
    if not organisations:
        return
    items[:] = [
        OrganisationPagesSummaryItem(request, organisations) if type(item) is PagesSummaryItem else item
        for item in items
    ]
