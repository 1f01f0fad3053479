"""Translations by organisation editors go through "Campaign review", like their other changes.

wagtail-localize 1.14's translation editor (which replaces the edit view of a
synced translation) keeps every string as it is typed, but changes the
translated page only through "Publish in <language>", shown to users who may
publish; it has no draft and no workflow action (its issues #299, #634 and
#655). Organisation editors may never publish, so their translations could
reach the site only by a campaign editor publishing them unseen.

This adds to that editor, for a synced translation of a page, the actions
Wagtail's own edit view gives a user without publish permission: "Save draft"
and "Submit to Campaign review" (the workflow the page is under: the overview
page of every locale carries it), and, while the translation waits for review,
the reviewers' "Approve" and "Request changes". A draft is wagtail-localize's
own translated instance (`get_ephemeral_translated_instance`, which its
preview uses) saved as a new revision only. `Translation.save_target(publish=
False)` is not used: it also saves the page's row, which for a live page is
what the public sees. Approval publishes the submitted revision, as for any
other change.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation, TranslationLog

SAVE_DRAFT = "translation-save-draft"
SUBMIT = "translation-submit"


def synced_translation(page):
    """The enabled wagtail-localize translation whose target is `page`, or None."""
    if not isinstance(page, Page) or page.alias_of_id:
        return None
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def save_draft(translation, user):
    """A new revision of the translated page from the current translations; the live page is left alone."""
    page = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    page.slug = find_available_slug(page.get_parent(), slugify(page.slug), ignore_page_id=page.pk)
    revision = page.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(source=translation.source, locale=translation.target_locale, revision=revision)
    return revision


def submit_for_review(translation, user):
    """Save a draft and put it under the page's workflow (resuming one that asked for changes)."""
    save_draft(translation, user)
    page = Page.objects.get(pk=translation.get_target_instance().pk).specific
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        page.get_workflow().start(page, user)
    return page


def _validation_message(error):
    return "; ".join(f"{field}: {' '.join(messages_)}" for field, messages_ in error.message_dict.items())


def handle_post(request, page):
    """The `before_edit_page` part: run "Save draft" or "Submit" posted from the translation editor."""
    action = SUBMIT if SUBMIT in request.POST else SAVE_DRAFT if SAVE_DRAFT in request.POST else None
    if request.method != "POST" or action is None:
        return None
    translation = synced_translation(page)
    if translation is None:
        return None
    # Wagtail's edit view checked that the user may edit the page before running this hook.
    perms = page.permissions_for_user(request.user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if perms.page_locked():
        messages.error(request, _("The page is locked: it cannot be changed now."))
        return redirect(edit_url)
    if action == SUBMIT and not perms.can_submit_for_moderation():
        raise PermissionDenied
    title = page.get_admin_display_title()
    locale = translation.target_locale.get_display_name()
    try:
        with transaction.atomic():
            if action == SUBMIT:
                submit_for_review(translation, request.user)
            else:
                save_draft(translation, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation of “%(title)s” into %(locale)s was not saved: %(errors)s")
            % {"title": title, "locale": locale, "errors": _validation_message(error)},
        )
        return redirect(edit_url)
    if action == SUBMIT:
        messages.success(
            request,
            _("The translation of “%(title)s” into %(locale)s has been submitted for review.")
            % {"title": title, "locale": locale},
        )
    else:
        messages.success(
            request,
            _("Draft of the translation of “%(title)s” into %(locale)s saved.") % {"title": title, "locale": locale},
        )
    return redirect(edit_url)


def panel_context(request, page, translation):
    """What the translation editor shows above the strings: the review actions this user has, or None."""
    if translation is None or not isinstance(page, Page) or page.alias_of_id:
        return None
    user = request.user
    page = Page.objects.get(pk=page.pk).specific  # fresh workflow state
    perms = page.permissions_for_user(user)
    workflow = page.get_workflow()
    context = {
        "page": page,
        "locale": translation.target_locale,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "workflow": workflow,
        "save_draft_name": SAVE_DRAFT,
        "submit_name": SUBMIT,
        "reviewer_actions": [],
        "in_review": page.workflow_in_progress,
        "can_save": False,
        "can_submit": False,
        "changes_requested": None,
    }
    if context["in_review"]:
        task_state = page.current_workflow_task_state
        seen = set()
        for name, label, needs_data in task_state.task.specific.get_actions(page, user):
            if name in seen:
                continue  # "approve" twice: with and without a comment; the form below has an optional comment
            seen.add(name)
            context["reviewer_actions"].append(
                {
                    "name": name,
                    "label": label,
                    "url": reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, task_state.pk]),
                    "comment": needs_data,
                }
            )
        context["reviewer_actions"].sort(key=lambda action: action["name"] != "approve")  # approve first
        if not context["reviewer_actions"] and perms.can_publish():
            return None  # a publisher outside the task: wagtail-localize's own "Publish" is there
        return context
    if perms.can_publish():
        return None  # wagtail-localize's "Publish in …" serves campaign editors; nothing to add
    context["can_save"] = perms.can_edit() and not perms.page_locked()
    context["can_submit"] = context["can_save"] and workflow is not None and perms.can_submit_for_moderation()
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        context["changes_requested"] = state.current_task_state
    return context if context["can_save"] else None
