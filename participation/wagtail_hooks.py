"""Admin wiring of requests: the inbox (a viewset), the figures view, and a dashboard panel for each role."""

from django.db.models import Sum
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from participation.admin_views import FiguresView, RequestViewSet, policy
from participation.models import NEW, RECEIVED, RequestFigure
from participation.permissions import may_see_figures


@hooks.register("register_admin_viewset")
def register_inbox():
    return RequestViewSet()


@hooks.register("register_admin_urls")
def register_figures_url():
    return [path("requests-figures/", FiguresView.as_view(), name="participation_figures")]


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_figures(request.user)


@hooks.register("register_reports_menu_item")
def register_figures_menu_item():
    return FiguresMenuItem(_("Requests in figures"), reverse("participation_figures"), icon_name="table", order=900)


class NewRequestsPanel(Component):
    """An organisation editor's dashboard: how many requests wait for an answer, with the way to the inbox."""

    name = "new_requests"
    order = 80
    template_name = "participation/admin/dashboard_new_requests.html"

    def __init__(self, new_count):
        self.new_count = new_count

    def get_context_data(self, parent_context):
        return {"new_count": self.new_count, "inbox_url": reverse("participation_requests:index") + "?status=new"}


class RequestFiguresPanel(Component):
    """Campaign staff's dashboard: requests brought this month and in all (aggregates only)."""

    name = "request_figures"
    order = 150
    template_name = "participation/admin/dashboard_request_figures.html"

    def get_context_data(self, parent_context):
        received = RequestFigure.objects.filter(event=RECEIVED)
        month = timezone.localdate().replace(day=1)
        return {
            "total": received.aggregate(total=Sum("count"))["total"] or 0,
            "this_month": received.filter(month=month).aggregate(total=Sum("count"))["total"] or 0,
            "figures_url": reverse("participation_figures"),
        }


@hooks.register("construct_homepage_panels")
def request_panels(request, panels):
    user = request.user
    if policy.user_has_permission(user, "view"):
        new_count = policy.instances_user_has_permission_for(user, "view").filter(status=NEW).count()
        panels.append(NewRequestsPanel(new_count))
    if may_see_figures(user):
        panels.append(RequestFiguresPanel())
