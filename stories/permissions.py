"""Each organisation's story folder, its editors' rights there, and the review workflow on the index.

An organisation's editors' group is the one linked to it (`home.OrganisationGroup`,
made by onboarding, programs/onboarding.py). For every such group this module
makes sure that

- the organisation has an `OrganisationStoriesPage` under the story index,
  in every locale (an alias outside the organisation's own language);
- the group has add, change, lock and unlock permission on that folder in
  every locale, and never publish, so its stories go through review;
- every story index carries the programme overview's workflow ("Campaign
  review", programs/workflow.py), whose task refuses a story without valid
  consent (`StoryApprovalTask`), so organisation editors submit stories to
  the campaign editors as they submit programmes.

Everything here is idempotent; it runs from signals (stories/signals.py) and
the demo loader. The rights themselves are granted by home/permissions.py.
"""

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale, WorkflowPage

from home import locales, permissions
from programs.models import OrganisationPage, ProgramIndexPage
from stories.models import OrganisationStoriesPage, StoryIndexPage


def _source_organisation(organisation):
    return (
        OrganisationPage.objects.sources().filter(translation_key=organisation.translation_key).order_by("pk").first()
        or organisation
    )


def _source_index():
    """The story index the others are translations of (the Dutch one on this site)."""
    return StoryIndexPage.objects.sources().order_by("pk").first()


def _free_slug(parent, base):
    slug, n = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def ensure_folder(organisation):
    """The organisation's folder in every locale that has a story index; returns them (may be empty)."""
    organisation = _source_organisation(organisation)
    folders = OrganisationStoriesPage.objects.filter(
        organisation__translation_key=organisation.translation_key
    ).order_by("pk")
    folder = folders.sources().first() or folders.first()
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
    # Publishing one alias may already have made another (the story signals alias with their parents): recheck.
    index_locales = Locale.objects.filter(pk__in=StoryIndexPage.objects.values("locale_id"))
    locales.ensure_aliases(folder, index_locales, copy_parents=False, recheck=True)
    return list(OrganisationStoriesPage.objects.filter(translation_key=folder.translation_key).order_by("pk"))


@transaction.atomic
def sync_organisation(organisation):
    """Folder and folder permissions for one organisation's editors (none while it has no editors' group)."""
    group = permissions.organisation_group(organisation.translation_key)
    if group is None:
        return []
    folders = ensure_folder(organisation)
    permissions.grant_story_folder_permissions(group, folders)
    return folders


def assign_review_workflow():
    """Give every story index the programme overview's workflow ("Campaign review").

    Nothing happens while the overview has no workflow. A story index given another (active) workflow
    by hand keeps it.
    """
    overview = WorkflowPage.objects.filter(
        page__in=ProgramIndexPage.objects.values("pk"), workflow__active=True
    ).first()
    if overview is None:
        return None
    workflow = overview.workflow
    indexes = list(StoryIndexPage.objects.values_list("pk", flat=True))
    WorkflowPage.objects.filter(page__in=indexes, workflow__active=False).update(workflow=workflow)
    assigned = set(WorkflowPage.objects.filter(page__in=indexes).values_list("page_id", flat=True))
    WorkflowPage.objects.bulk_create(
        [WorkflowPage(page_id=pk, workflow=workflow) for pk in indexes if pk not in assigned]
    )
    return workflow


@transaction.atomic
def sync_all():
    """Every organisation with an editors group gets its folder and rights; the indexes get the workflow."""
    done = set()
    folders = []
    for organisation in OrganisationPage.objects.sources().order_by("pk"):
        if organisation.translation_key in done:
            continue
        done.add(organisation.translation_key)
        folders += sync_organisation(organisation)
    assign_review_workflow()
    return folders
