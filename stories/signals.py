"""Keep stories consistent across locales, and organisations' story folders in step with their groups.

- Publishing a story in its source language gives it an alias in every
  locale without a version of it, and copies its facts (consent, expiry,
  programme, region, themes, portrait) to its translations, so a translation
  never outlives the consent. Unpublishing the source withdraws them all.
- When an organisation's editors' group is linked to it (onboarding saves
  the `home.OrganisationGroup` link), or a story index is created, folders and
  rights are brought up to date (stories/permissions.py). When the programme
  overview gets a workflow, the story indexes get it too.
"""

from django.db import transaction
from django.db.models.signals import post_save, pre_save

from wagtail.models import Locale, TaskState, WorkflowPage
from wagtail.signals import page_published, page_unpublished

from home import locales
from home.models import OrganisationGroup
from programs.models import OrganisationPage, ProgramIndexPage
from stories import consent, permissions
from stories.models import StoryIndexPage, StoryPage


def push_expiry(story):
    """Every locale's version expires with the source's consent."""
    StoryPage.objects.filter(translation_key=story.translation_key).exclude(pk=story.pk).update(
        expire_at=story.expire_at
    )


def federate_story(sender, instance, **kwargs):
    if instance.alias_of_id:
        return
    with transaction.atomic():
        story = StoryPage.objects.get(pk=instance.pk)
        source = locales.source_of(story)
        if source is None or source.pk == story.pk:
            locales.push_facts(story)
            push_expiry(story)
            # Stories live where a story index does: not in the newcomer languages, which translate the newcomer
            # path only (an alias there would make a Dutch story index in Arabic, say).
            locales.ensure_aliases(story, Locale.objects.filter(pk__in=StoryIndexPage.objects.values("locale_id")))
        elif source.live:
            locales.copy_facts(source, story)
            push_expiry(source)


def withdraw_story(sender, instance, **kwargs):
    if instance.alias_of_id:
        return
    source = locales.source_of(instance)
    if source is not None and source.pk != instance.pk:
        return
    locales.withdraw_translations(instance)


def refuse_final_approval_without_consent(sender, instance, raw=False, **kwargs):
    """Approving a story's last review task publishes it: refuse before anything is saved.

    The story review task (`StoryApprovalTask`) and the edit view's form refuse
    first, with a clear message; this is the last guard, for stories under any
    other workflow, where Wagtail turns the refusal into its "permission
    denied" message and nothing changes.
    """
    if raw or instance.pk is None or instance.status != TaskState.STATUS_APPROVED:
        return
    if TaskState.objects.filter(pk=instance.pk, status=TaskState.STATUS_APPROVED).exists():
        return
    _story, problems = consent.problems_on_approval(instance)
    if problems:
        raise consent.ConsentRequired(problems)


def organisation_group_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    organisation = (
        OrganisationPage.objects.sources().filter(translation_key=instance.organisation_key).order_by("pk").first()
    )
    if organisation is not None:
        permissions.sync_organisation(organisation)


def story_index_created(sender, instance, created, raw=False, **kwargs):
    if raw or not created:
        return
    permissions.sync_all()


def overview_workflow_assigned(sender, instance, raw=False, **kwargs):
    if raw or instance.page.specific_class is not ProgramIndexPage:
        return
    permissions.assign_review_workflow()


def connect():
    """Connected in `StoriesConfig.ready`."""
    page_published.connect(federate_story, sender=StoryPage, dispatch_uid="stories_federate_story")
    page_unpublished.connect(withdraw_story, sender=StoryPage, dispatch_uid="stories_withdraw_story")
    pre_save.connect(
        refuse_final_approval_without_consent,
        sender=TaskState,
        dispatch_uid="stories_refuse_final_approval_without_consent",
    )
    post_save.connect(
        organisation_group_changed, sender=OrganisationGroup, dispatch_uid="stories_organisation_group_changed"
    )
    post_save.connect(story_index_created, sender=StoryIndexPage, dispatch_uid="stories_story_index_created")
    post_save.connect(
        overview_workflow_assigned, sender=WorkflowPage, dispatch_uid="stories_overview_workflow_assigned"
    )
