"""Each organisation's story folder, its editors' rights there, and the review workflow on the index.

An organisation's editors group is recognised by its page permissions on the
organisation's page (see programs/onboarding.py). For every such group this
module makes sure that

- the organisation has an `OrganisationStoriesPage` under the story index,
  in every locale (an alias outside the organisation's own language);
- the group has add, change, lock and unlock permission on that folder in
  every locale, and never publish, so its stories go through review;
- every story index carries the "Story review" workflow, approved by the
  groups that approve the programme overview's workflow, with a task that
  refuses a story without valid consent (`StoryApprovalTask`), so
  organisation editors can submit stories to it.

Everything here is idempotent; it runs from signals (stories/signals.py), the
demo loader and the `sync_story_folders` command.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import (
    AbstractGroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

FOLDER_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]


def organisation_groups(organisation):
    """Groups with a page permission on any locale's version of `organisation`."""
    pages = Page.objects.filter(translation_key=organisation.translation_key).values("pk")
    return Group.objects.filter(page_permissions__page__in=pages).distinct().order_by("pk")


def _source_organisation(organisation):
    from programs.models import OrganisationPage

    return (
        OrganisationPage.objects.filter(translation_key=organisation.translation_key, alias_of__isnull=True)
        .order_by("pk")
        .first()
        or organisation
    )


def _source_index():
    """The story index the others are translations of (the Dutch one on this site)."""
    from stories.models import StoryIndexPage

    return StoryIndexPage.objects.filter(alias_of__isnull=True).order_by("pk").first()


def _free_slug(parent, base):
    slug, n = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def ensure_folder(organisation):
    """The organisation's folder in every locale that has a story index; returns them (may be empty)."""
    from stories.models import OrganisationStoriesPage, StoryIndexPage

    organisation = _source_organisation(organisation)
    folders = OrganisationStoriesPage.objects.filter(
        organisation__translation_key=organisation.translation_key
    ).order_by("pk")
    folder = folders.filter(alias_of__isnull=True).first() or folders.first()
    if folder is None:
        # The folder has no text of its own: it lives in the source index, with aliases elsewhere.
        index = _source_index()
        if index is None:
            return []
        folder = OrganisationStoriesPage(
            title=organisation.title,
            slug=_free_slug(index, slugify(organisation.title) or "organisation"),
            organisation=organisation,
            locale_id=index.locale_id,
        )
        index.add_child(instance=folder)
        folder.save_revision().publish(skip_permission_checks=True)
    index_locales = set(StoryIndexPage.objects.values_list("locale_id", flat=True))
    present = set(Page.objects.filter(translation_key=folder.translation_key).values_list("locale_id", flat=True))
    for locale in Locale.objects.filter(pk__in=index_locales - present).order_by("pk"):
        folder.copy_for_translation(locale, alias=True)
    return list(OrganisationStoriesPage.objects.filter(translation_key=folder.translation_key).order_by("pk"))


def grant_folder_permissions(group, folders):
    permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=FOLDER_PERMISSIONS)
    )
    for folder in folders:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=folder, permission=permission)


@transaction.atomic
def sync_organisation(organisation):
    """Folder and folder permissions for one organisation's editors."""
    groups = list(organisation_groups(organisation))
    if not groups:
        return []
    folders = ensure_folder(organisation)
    for group in groups:
        grant_folder_permissions(group, folders)
    return folders


STORY_WORKFLOW_NAME = "Story review"
STORY_TASK_NAME = "Approval by campaign editors (consent checked)"


def _reviewer_groups(workflow):
    """The groups that approve in `workflow`'s group approval tasks."""
    groups = set()
    for workflow_task in workflow.workflow_tasks.select_related("task"):
        task = workflow_task.task.specific
        if isinstance(task, AbstractGroupApprovalTask):
            groups.update(task.groups.all())
    return groups


def ensure_story_review_workflow(groups):
    """The stories' own review workflow: one `StoryApprovalTask` for `groups`. Safe to run again."""
    from stories.models import StoryApprovalTask

    task = StoryApprovalTask.objects.filter(name=STORY_TASK_NAME).order_by("pk").first()
    if task is None:
        task = StoryApprovalTask.objects.create(name=STORY_TASK_NAME)
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.add(*groups)
    workflow = Workflow.objects.filter(name=STORY_WORKFLOW_NAME).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=STORY_WORKFLOW_NAME)
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    return workflow


def assign_review_workflow():
    """Give every story index the story review workflow, reviewed by the programme overview's reviewers.

    Nothing happens while the overview has no workflow. A story index still on the overview's workflow
    (as before stories had their own) is moved; one given another workflow by hand keeps it.
    """
    from programs.models import ProgramIndexPage
    from stories.models import StoryIndexPage

    overview = WorkflowPage.objects.filter(
        page__in=ProgramIndexPage.objects.values("pk"), workflow__active=True
    ).first()
    if overview is None:
        return None
    workflow = ensure_story_review_workflow(_reviewer_groups(overview.workflow))
    for index in StoryIndexPage.objects.all():
        WorkflowPage.objects.filter(page=index, workflow=overview.workflow).update(workflow=workflow)
        if not WorkflowPage.objects.filter(page=index).exists():
            WorkflowPage.objects.create(page=index, workflow=workflow)
    return workflow


@transaction.atomic
def sync_all():
    """Every organisation with an editors group gets its folder and rights; the indexes get the workflow."""
    from programs.models import OrganisationPage

    done = set()
    folders = []
    for organisation in OrganisationPage.objects.filter(alias_of__isnull=True).order_by("pk"):
        if organisation.translation_key in done:
            continue
        done.add(organisation.translation_key)
        folders += sync_organisation(organisation)
    assign_review_workflow()
    return folders
