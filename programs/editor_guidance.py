"""Words and actions that tell editors what happens next.

- Saving a draft says that nothing is public yet (Wagtail says only "updated").
- For people who cannot publish (organisation editors), "Submit to Campaign
  review" is the primary action of the page editor, with one line explaining
  that changes reach the public site once a campaign editor approves them.
- A campaign editor's dashboard starts with the review queue and its count.
- Approving or rejecting from the dashboard or the edit view ends with a
  message saying what happened (Wagtail's workflow action view sends none).
"""

from django.contrib import messages
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, TaskState
from wagtail.users.models import UserProfile

# The POST keys of Wagtail's page editor actions other than "Save draft".
OTHER_ACTIONS = (
    "action-publish",
    "action-submit",
    "action-workflow-action",
    "action-cancel-workflow",
    "action-restart-workflow",
    "action-unpublish",
)


def wants_json(request):
    return "application/json" in request.headers.get("accept", "")


def draft_saved(request, page):
    """`after_create_page` / `after_edit_page`: after "Save draft", say that visitors do not see it yet."""
    if request.method != "POST" or wants_json(request) or any(key in request.POST for key in OTHER_ACTIONS):
        return
    if page.live:
        message = _("Saved as a draft: visitors still see the published version until this draft is published.")
    else:
        message = _("Saved as a draft: nothing is public yet.")
    if not page.permissions_for_user(request.user).can_publish():
        message += " " + _("Submit it to Campaign review when it is ready.")
    messages.info(request, message)


def submit_first(menu_items, request, context):
    """`construct_page_action_menu`: "Submit" is the primary action of people who cannot publish."""
    names = [item.name for item in menu_items]
    if "action-submit" not in names or "action-publish" in names:
        return
    menu_items.sort(key=lambda item: item.name != "action-submit")
    if request.method == "GET":
        messages.info(
            request,
            _(
                "Your changes reach the public site once a campaign editor approves them: "
                "choose “Submit to Campaign review” when they are ready."
            ),
        )


class ReviewCountPanel(Component):
    """Above the review queue: how many changes wait for this person's review."""

    name = "review_count"
    order = 10
    template_name = "programs/admin/dashboard_review_count.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count}


def review_queue_first(request, panels):
    """`construct_homepage_panels`: the review queue first, under a line counting it."""
    count = TaskState.objects.reviewable_by(request.user).count()
    for panel in panels:
        if isinstance(panel, WorkflowObjectsToModeratePanel):
            panel.order = 11
    if count:
        panels.append(ReviewCountPanel(count))


ACTION_VIEW = "wagtailadmin_pages:workflow_action"


class WorkflowActionMessageMiddleware:
    """After a workflow action in the admin (approve, reject…), a message saying what happened."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name != ACTION_VIEW:
            return None
        task_state = TaskState.objects.filter(pk=view_kwargs.get("task_state_id")).first()
        response = view_func(request, *view_args, **view_kwargs)
        if task_state is None or response.status_code not in (200, 302):
            return response
        task_state.refresh_from_db()
        if task_state.status == task_state.STATUS_IN_PROGRESS:
            return response  # a form shown again, or nothing done
        page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
        if page is not None:
            # Wagtail's admin views speak the user's admin language only while they run.
            with translation.override(UserProfile.get_for_user(request.user).get_preferred_language()):
                workflow_action_message(request, page, view_kwargs.get("action_name"))
        return response


def workflow_action_from_editor(request, page):
    """`after_edit_page`: "Approve" or "Request changes" chosen in the page editor says what it did.

    Wagtail's editor says only "Page … has been updated", which reads as if the change had merely been saved.
    """
    if request.method != "POST" or "action-workflow-action" not in request.POST or wants_json(request):
        return
    page = Page.objects.filter(pk=page.pk).first()  # the action may have published it since the form was saved
    if page is not None:
        workflow_action_message(request, page, request.POST.get("workflow-action-name"))


def workflow_action_message(request, page, action_name):
    title = page.get_admin_display_title()
    if action_name == "approve":
        if page.live and not page.has_unpublished_changes:
            messages.success(request, _("“%(title)s” is approved and now public.") % {"title": title})
        else:
            messages.success(request, _("“%(title)s” is approved.") % {"title": title})
    elif action_name == "reject":
        messages.success(
            request,
            _("“%(title)s” is sent back to its editors; the public site is unchanged.") % {"title": title},
        )
