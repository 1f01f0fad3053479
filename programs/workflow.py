"""The "Campaign review" workflow: organisation editors submit, campaign editors approve.

Organisation editors have no publish permission, so every change they make to
an organisation or programme page reaches the public site only through this
workflow. It is assigned to the overview page of every locale, which covers
every organisation and programme below it, and to every story index (see
stories/permissions.py). Wagtail's notifications tell the campaign editors of
a submission (once per person, programs/notifications.py) and the submitter
of the outcome.
"""

from django.apps import apps as django_apps
from django.db import transaction
from django.http import JsonResponse
from django.utils.translation import gettext as _

from wagtail.models import GroupApprovalTask, Page, Revision, Workflow, WorkflowPage, WorkflowTask

from home import permissions
from home.concurrent_editing import is_out_of_date
from home.models import PublicationCheckedApprovalTask
from programs.models import ProgramIndexPage

WORKFLOW_NAME = "Campaign review"
TASK_NAME = "Approval by campaign editors"


@transaction.atomic
def ensure_campaign_review_workflow():
    """Create (or repair) the workflow and assign it to every overview page. Safe to run again.

    Its one task is a group approval by the campaign editors that asks the page whether it may be
    published (`review_task_class`): the story indexes carry this workflow too (stories/permissions.py),
    and the reviewer is told why a story without consent cannot be approved.
    """
    task_class = review_task_class()
    task = task_class.objects.filter(name=TASK_NAME).order_by("pk").first()
    if task is None:
        task = task_class.objects.create(name=TASK_NAME)
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
    permissions.grant_review_task(task)

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    # A plain group approval task of that name (made before stories checked consent) leaves the workflow.
    for stale in WorkflowTask.objects.filter(workflow=workflow, task__name=TASK_NAME).exclude(task=task):
        stale.delete()
        GroupApprovalTask.objects.filter(pk=stale.task_id).update(active=False)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())

    for index in ProgramIndexPage.objects.all():
        assign_workflow(index, workflow)
    return workflow


def review_task_class():
    """The concrete `PublicationCheckedApprovalTask` an app declares (stories), else Wagtail's group approval."""
    for model in django_apps.get_models():
        if issubclass(model, PublicationCheckedApprovalTask):
            return model
    return GroupApprovalTask


def assign_new_overview(sender, instance, created, raw=False, **kwargs):
    """post_save of an overview page: a new one (a new locale's tree, for example) joins the review workflow."""
    if created and not raw:
        assign_workflow(instance)


def assign_workflow(page, workflow=None):
    """Put `page` (an overview page) under the campaign review workflow."""
    if workflow is None:
        workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).order_by("pk").first()
        if workflow is None:
            return None
    WorkflowPage.objects.update_or_create(page_id=page.pk, defaults={"workflow": workflow})
    return workflow


def serialise_edit_posts(request, page):
    """`before_edit_page`: one edit POST per page at a time, and no autosave behind a newer revision.

    Wagtail's autosave is a background POST to the edit view (Accept: application/json)
    that saves a revision unless a newer one exists; but the view reads the latest
    revision before taking any lock. When the editor clicks "Submit" while an autosave is
    in flight, the submission can save its revision and start the workflow between the
    autosave's check and its save, and the autosave then adds a revision behind the
    submitted one. With WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT an approval counts
    for the submitted revision only, so approving starts the task again for the autosaved
    one and nothing is published (PostgreSQL; SQLite runs one writing request at a time).

    Here every edit POST locks the page row until its request's transaction ends
    (ATOMIC_REQUESTS), before it writes anything, and an autosave checks again, on the
    latest revision as committed now, what the edit view checked too early.
    """
    if request.method != "POST":
        return None
    rows = Page.objects.filter(pk=page.pk)
    if transaction.get_connection().in_atomic_block:
        rows = rows.select_for_update()
    latest_id = rows.values_list("latest_revision_id", flat=True).first()
    if request.accepts("text/html") or latest_id is None:
        return None
    latest = Revision.objects.only("pk", "created_at").get(pk=latest_id)
    # The edit view's own test, on fresh data.
    if not is_out_of_date(request.POST, latest):
        return None
    return JsonResponse(
        {
            "success": False,
            "error_code": "invalid_revision",
            "error_message": _("Saving will overwrite a newer version."),
        },
        status=400,
    )
