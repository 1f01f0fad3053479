"""The "Campaign review" workflow: organisation editors submit, campaign editors approve.

Organisation editors have no publish permission, so every change they make to
an organisation or programme page reaches the public site only through this
workflow. It is assigned to the overview page of every locale, which covers
every organisation and programme below it. Wagtail's default notifications
tell the campaign editors of a submission and the submitter of the outcome.
"""

from django.db import transaction

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

WORKFLOW_NAME = "Campaign review"
TASK_NAME = "Approval by campaign editors"


@transaction.atomic
def ensure_campaign_review_workflow():
    """Create (or repair) the workflow and assign it to every overview page. Safe to run again."""
    from programs.models import ProgramIndexPage
    from programs.onboarding import ensure_campaign_groups

    groups = ensure_campaign_groups()
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).order_by("pk").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.add(groups["editors"])

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())

    for index in ProgramIndexPage.objects.all():
        assign_workflow(index, workflow)
    return workflow


def assign_workflow(page, workflow=None):
    """Put `page` (an overview page) under the campaign review workflow."""
    if workflow is None:
        workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).order_by("pk").first()
        if workflow is None:
            return None
    WorkflowPage.objects.update_or_create(page_id=page.pk, defaults={"workflow": workflow})
    return workflow
