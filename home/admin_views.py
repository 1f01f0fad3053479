"""Wagtail admin views that show each user only what they may see (home/permissions.py decides what).

Wagtail shows a few things to every admin user whatever their page and
collection permissions: the page chooser and its search show the *draft*
title of live pages; "chosen multiple" and the external-link chooser name any
page, never-published ones included; bulk-action confirmations list the title
of every id in the address; the page-types report names the site's last
edited page; tag lists and suggestions hold every image's and document's
tags; the admin API lists every image and document. Each view here is
Wagtail's own with that one gap closed: an organisation editor sees live
titles of other organisations' public pages (they may link to them), never a
draft title, an unpublished page, or another organisation's images, documents
or file names. Campaign staff, who may edit everything, see what they saw.

home/admin_urls.py mounts the views at Wagtail's own paths, ahead of it; the
page viewset and the API endpoints are replaced the way Wagtail offers
(home/wagtail_hooks.py).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.http import Http404, JsonResponse
from django.urls import reverse

from taggit.models import Tag
from wagtail.admin.ui.tables.pages import PageStatusColumn
from wagtail.admin.views import chooser
from wagtail.admin.views import tags as wagtail_tags
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.workflow import ConfirmWorkflowCancellationView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.documents.api.admin import views as documents_api
from wagtail.documents.views import documents as wagtail_documents
from wagtail.images import get_image_model
from wagtail.images.api.admin import views as images_api
from wagtail.images.views import chooser as image_chooser_views
from wagtail.images.views import images as wagtail_images
from wagtail.models import Page

from home import permissions, stale_translations

# Page chooser -----------------------------------------------------------------------------------------


class PublicTitleColumn(chooser.PageTitleColumn):
    """The page's title as this user may see it: the live title of a page they may not edit."""

    def get_cell_context_data(self, instance, parent_context):
        permissions.public_title(parent_context["request"].user, instance)
        return super().get_cell_context_data(instance, parent_context)


class PublicParentColumn(chooser.ParentPageColumn):
    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if context["value"]:
            permissions.public_title(parent_context["request"].user, context["value"])
        return context


def _public_columns(columns):
    replacements = {chooser.PageTitleColumn: PublicTitleColumn, chooser.ParentPageColumn: PublicParentColumn}
    result = []
    for column in columns:
        replacement = replacements.get(type(column))
        if replacement is not None:
            column.__class__ = replacement
        result.append(column)
    return result


class BrowseView(chooser.BrowseView):
    @property
    def columns(self):
        return _public_columns(super().columns)


class SearchView(chooser.SearchView):
    @property
    def columns(self):
        return _public_columns(super().columns)


class ChosenMultipleView(chooser.ChosenMultipleView):
    """Only pages the user may choose (live, or their own), each with the title they may see."""

    def get(self, request):
        pks = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        pages = permissions.visible_pages(request.user, Page.objects.filter(pk__in=pks)).specific()
        result = [
            {
                "id": page.pk,
                "parentId": page.get_parent().pk,
                "adminTitle": permissions.public_title(request.user, page).get_admin_display_title(),
                "editUrl": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "url": page.url,
            }
            for page in pages
        ]
        return self.render_chosen_response(result)


class ExternalLinkView(chooser.ExternalLinkView):
    """A pasted URL of a page becomes a link to it, named by the title the user may see.

    With WAGTAILADMIN_EXTERNAL_LINK_CONVERSION = "exact" (settings), Wagtail
    converts only exact matches, and every conversion passes through here.
    """

    def render_chosen_response(self, result):
        page = Page.objects.filter(pk=result.get("id")).first() if "id" in result else None
        if page is not None:
            title = permissions.public_title(self.request.user, page.specific).get_admin_display_title()
            result = {**result, "adminTitle": title}
        return super().render_chosen_response(result)


# Page views and reports ---------------------------------------------------------------------------------


class StatusWithTranslationColumn(PageStatusColumn):
    """Wagtail's status tag, and beside it "Translation behind" on a translation whose original has new text."""

    cell_template_name = "home/admin/page_status_cell.html"


class GuardedExplorableIndexView(ExplorableIndexView):
    """The explorer, refusing pages outside the user's explorable pages instead of showing their header.

    Its status column also marks translations that may be behind their original: the notion of
    home/stale_translations.py, which the dashboard panel and the public page's note use too.
    """

    base_columns = [
        StatusWithTranslationColumn(column.name, label=column.label, sort_key=column.sort_key, width=column.width)
        if column.name == "status"
        else column
        for column in ExplorableIndexView.base_columns
    ]

    def get_table(self, object_list):
        pages = list(object_list)
        behind = stale_translations.behind_page_ids(pages)
        for page in pages:
            page.translation_behind = page.pk in behind
        return super().get_table(pages)

    def get(self, request, parent_page_id=None):
        if parent_page_id is not None and not request.user.is_superuser:
            explorable = self.permission_policy.explorable_instances(request.user)
            if not explorable.filter(pk=parent_page_id).exists():
                if not Page.objects.filter(pk=parent_page_id).exists():
                    raise Http404
                raise PermissionDenied
        return super().get(request, parent_page_id)


class GuardedConfirmWorkflowCancellationView(ConfirmWorkflowCancellationView):
    """Which task a page waits in is for those who may edit or publish it (Wagtail asks nothing)."""

    def dispatch(self, request, *args, **kwargs):
        perms = self.object.permissions_for_user(request.user)
        if not (perms.can_edit() or perms.can_publish()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GuardedPageViewSet(PageViewSet):
    index_view_class = GuardedExplorableIndexView
    confirm_workflow_cancellation_view_class = GuardedConfirmWorkflowCancellationView


class PageTypesUsageView(PageTypesUsageReportView):
    """Counts and "last edited page" over the pages the user may edit, unless they may see every draft."""

    def get_queryset(self):
        user = self.request.user
        if user.is_superuser or permissions.is_campaign_staff(user):
            return super().get_queryset()
        queryset = ContentType.objects.filter(model__in=self.page_models)
        self.queryset = queryset
        queryset = self.filter_queryset(queryset)
        language_code = self.filters.form.cleaned_data.get("page_locale", None)
        site_root_path = self.filters.form.cleaned_data.get("site", None)
        own = permissions.editable_pages(user).values("pk")
        pages = Page.objects.filter(content_type=OuterRef("pk"), pk__in=own)
        counted = Q(pages__pk__in=own)
        if language_code:
            pages = pages.filter(locale__language_code=language_code)
            counted &= Q(pages__locale__language_code=language_code)
        if site_root_path:
            pages = pages.filter(path__startswith=site_root_path)
            counted &= Q(pages__path__startswith=site_root_path)
        latest = pages.order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
        return queryset.annotate(
            count=Count("pages", filter=counted), last_edited_page_id=Subquery(latest.values("pk")[:1])
        ).order_by("-count", "app_label", "model")


# Bulk actions ---------------------------------------------------------------------------------------------


class HideUnseenItemsMixin:
    """A bulk action's confirmation lists the items the user may not act on; only those they may see."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        extra["items_with_no_access"] = [obj for obj in extra["items_with_no_access"] if permissions.may_see(user, obj)]
        return objects, extra


def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk action dispatcher, each action with `HideUnseenItemsMixin`."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    guarded = type(action_class.__name__, (HideUnseenItemsMixin, action_class), {"__module__": __name__})
    return guarded(request, model).dispatch(request)


# Tags, image and document listings -----------------------------------------------------------------------


def tag_autocomplete(request, app_name=None, model_name=None):
    """Suggest only tags of images and documents the user may see."""
    if app_name and model_name:
        try:
            content_type = ContentType.objects.get_by_natural_key(app_name, model_name)
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        if content_type.model_class() is not Tag:
            return wagtail_tags.autocomplete(request, app_name, model_name)
    term = request.GET.get("term", None)
    if not term:
        return JsonResponse([], safe=False)
    tags = permissions.visible_tags(request.user).filter(name__istartswith=term).order_by("name")
    names = tags.values_list("name", flat=True).distinct()[: wagtail_tags.TAGS_AUTOCOMPLETE_LIMIT]
    return JsonResponse(list(names), safe=False)


class VisibleTagsFilterMixin:
    """The "popular tags" filter of the image and document listings, from the items the user may see."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        tag_filter = self.filters.get("tag")
        if tag_filter is None:
            return
        tags = permissions.popular_tags(request.user, self._meta.model)
        if tags:
            tag_filter.extra["choices"] = [(tag.name, tag.name) for tag in tags]
        else:
            del self.filters["tag"]


class ImagesFilterSet(VisibleTagsFilterMixin, wagtail_images.ImagesFilterSet):
    pass


class DocumentsFilterSet(VisibleTagsFilterMixin, wagtail_documents.DocumentsFilterSet):
    pass


class ImageIndexView(wagtail_images.IndexView):
    filterset_class = ImagesFilterSet


class DocumentIndexView(wagtail_documents.IndexView):
    filterset_class = DocumentsFilterSet


class ImageChooseView(image_chooser_views.ImageChooseView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["popular_tags"] = permissions.popular_tags(self.request.user, self.model)
        return context


class ImageChooserViewSet(image_chooser_views.ImageChooserViewSet):
    """Wagtail's image chooser with `ImageChooseView`; not registered, home/admin_urls.py mounts its choose view."""

    choose_view_class = ImageChooseView


image_chooser = ImageChooserViewSet("wagtailimages_chooser", model=get_image_model(), url_prefix="images/chooser")


# Admin API ----------------------------------------------------------------------------------------------------


class ImagesAdminAPIViewSet(images_api.ImagesAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=permissions.visible_images(self.request.user).values("pk"))


class DocumentsAdminAPIViewSet(documents_api.DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=permissions.visible_documents(self.request.user).values("pk"))
