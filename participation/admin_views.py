"""The admin side: each organisation's inbox of requests, and the campaign's figures.

The inbox is a Wagtail `ModelViewSet` whose permission policy
(participation/permissions.py) lets an organisation's editors list, open,
change, export and erase their own organisation's requests, and nobody else
anyone's: the list and export read through the policy's queryset, and
opening, changing or erasing another organisation's request is refused.
Editors change only the status and the note; "Erase" deletes the request at
the visitor's wish and counts it. Campaign staff get the figures view:
counts per month, organisation, programme and role, never a request.
"""

from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from participation.models import ERASED, EXPIRED, RECEIVED, ParticipationRequest, RequestFigure
from participation.permissions import OwnOrganisationPolicy, may_see_figures
from programs.models import OrganisationPage, ProgramPage

policy = OwnOrganisationPolicy(ParticipationRequest)
register_permission_policy(ParticipationRequest, policy)


class RequestIndexView(generic.IndexView):
    """Lists and exports only the user's own organisations' requests (the policy's queryset)."""

    results_template_name = "participation/admin/index_results.html"

    def get_base_queryset(self):
        return policy.instances_user_has_permission_for(self.request.user, "view")


class OwnRequestMixin:
    """Opening, changing or erasing another organisation's request is refused (403) before anything is read."""

    def get_object(self, queryset=None):
        request_obj = super().get_object(queryset)
        if not policy.user_has_permission_for_instance(self.request.user, "change", request_obj):
            raise PermissionDenied
        return request_obj


class RequestEditView(OwnRequestMixin, generic.EditView):
    success_message = _("The request was updated.")


class RequestDeleteView(OwnRequestMixin, generic.DeleteView):
    page_title = _("Erase")
    success_message = _("The request was erased.")

    @property
    def confirmation_message(self):
        return _(
            "Erase this request for good? Do this when the person asks for it. The site keeps only the count, "
            "nothing they wrote."
        )

    def delete_action(self):
        RequestFigure.add(ERASED, self.object)
        super().delete_action()


class RequestDetailsPanel(Panel):
    """What the visitor sent, read-only: editors answer it, they do not change it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "participation/admin/request_details.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["item"] = self.instance
            return context


class RequestViewSet(ModelViewSet):
    model = ParticipationRequest
    name = "participation_requests"
    url_prefix = "requests"
    icon = "mail"
    menu_label = _("Requests")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RequestIndexView
    edit_view_class = RequestEditView
    delete_view_class = RequestDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["first_name", "programme_title", "role", "municipality", "created_at", "status"]
    list_filter = ["status", "role"]
    list_per_page = 50
    ordering = ["-created_at"]
    list_export = [
        "created_at",
        "programme_title",
        "role",
        "first_name",
        "email",
        "phone",
        "language_names",
        "municipality",
        "message",
        "status",
        "note",
    ]
    export_headings = {"created_at": _("received"), "language_names": _("languages spoken")}
    export_filename = "requests"
    panels = [RequestDetailsPanel(heading=_("Request")), FieldPanel("status"), FieldPanel("note")]


class FiguresView(WagtailAdminTemplateMixin, TemplateView):
    """Campaign staff: how many requests the campaign brought, per month, organisation, programme and role."""

    template_name = "participation/admin/figures.html"
    page_title = _("Requests in figures")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_figures(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        received = list(
            RequestFigure.objects.filter(event=RECEIVED)
            .values("month", "organisation_key", "programme_key", "role")
            .annotate(total=Sum("count"))
            .order_by("-month", "organisation_key", "programme_key", "role")
        )
        organisations = _titles(OrganisationPage, {row["organisation_key"] for row in received})
        programmes = _titles(ProgramPage, {row["programme_key"] for row in received})
        roles = dict(ParticipationRequest._meta.get_field("role").choices)
        rows = [
            {
                "month": row["month"],
                "organisation": organisations.get(row["organisation_key"], _("(removed)")),
                "programme": programmes.get(row["programme_key"], _("(removed)")),
                "role": roles.get(row["role"], row["role"]),
                "total": row["total"],
            }
            for row in received
        ]
        deletions = defaultdict(lambda: {ERASED: 0, EXPIRED: 0})
        for row in (
            RequestFigure.objects.filter(event__in=[ERASED, EXPIRED])
            .values("month", "event")
            .annotate(total=Sum("count"))
        ):
            deletions[row["month"]][row["event"]] = row["total"]
        context.update(
            rows=rows,
            total=sum(row["total"] for row in rows),
            deletions=sorted(deletions.items(), reverse=True),
        )
        return context


def _titles(model, keys):
    """Title of each page by translation key, from one version (the source where there is one)."""
    titles = {}
    pages = model.objects.filter(translation_key__in=keys).order_by("alias_of_id", "pk")
    for key, title in pages.values_list("translation_key", "title"):
        titles.setdefault(key, title)
    return titles
