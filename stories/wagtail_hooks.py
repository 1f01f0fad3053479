"""Admin wiring for stories: the consent check on every publish path, and the consent dashboard panel.

Every refusal says which story, why, and what to do (`consent.refusal_message`), never Wagtail's
generic "no permission": the edit and create views (`before_publish_page`), workflow approval
(`StoryApprovalTask`, explained by `before_edit_page`) and bulk publishing (`before_bulk_action`).
"""

import datetime

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from home import permissions
from stories import consent
from stories.models import CONSENT_REQUIRED_PARAMETER, StoryIndexPage, StoryPage


@hooks.register("before_publish_page")
def refuse_story_without_consent(request, page):
    """Create and edit views publish without going through `StoryPage.publish`; check consent here too."""
    if not isinstance(page, StoryPage):
        return None
    problems = page.consent_problems()
    if not problems:
        return None
    messages.error(request, consent.refusal_message(page, problems) + " " + _("It was saved as a draft."))
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_edit_page")
def explain_refused_approval(request, page):
    """Say why an approval was refused: `StoryApprovalTask` sends the reviewer here (`consent_required_url`)."""
    if request.method != "GET" or request.GET.get(CONSENT_REQUIRED_PARAMETER) != "required":
        return None
    if not isinstance(page, StoryPage):
        return None
    story = page.get_latest_revision_as_object()
    problems = story.consent_problems()
    if problems:
        messages.error(request, consent.refusal_message(story, problems))
    return None


def _stories_refused_in_bulk(action, objects):
    """Stories the bulk publish action would publish (draft descendants too) whose latest revision lacks consent."""
    include_descendants = action.cleaned_form.cleaned_data.get("include_descendants")
    refused = []
    for page in objects:
        candidates = [page.specific]
        if include_descendants:
            candidates += [
                descendant
                for descendant in page.get_descendants().not_live().type(StoryPage).specific()
                if descendant.permissions_for_user(action.request.user).can_publish()
            ]
        for candidate in candidates:
            if not isinstance(candidate, StoryPage):
                continue
            story = candidate.get_latest_revision_as_object()
            problems = story.consent_problems()
            if problems:
                refused.append((story, problems))
    return refused


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_without_consent(request, action_type, objects, action):
    """Bulk publishing all the selected pages, or nothing: name every story that lacks consent."""
    if action_type != "publish" or not issubclass(action.model, Page):
        return None
    refused = _stories_refused_in_bulk(action, objects)
    if not refused:
        return None
    messages.error(request, _("Nothing was published."))
    for story, problems in refused:
        messages.error(request, consent.refusal_message(story, problems))
    return redirect(action.next_url)


def user_publishes_stories(user):
    return permissions.may_publish_below(user, StoryIndexPage.objects.all())


class ConsentPanel(Component):
    """Stories whose consent ends within 30 days, or ended and took them offline, for campaign editors."""

    name = "story_consent"
    template_name = "stories/admin/consent_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        sources = StoryPage.objects.sources().filter(consent_expiry_date__isnull=False)
        ending = consent.expiring(sources.live(), today=today).order_by("consent_expiry_date", "pk")
        ended = (
            sources.filter(expired=True, consent_expiry_date__lt=today)
            .filter(consent_expiry_date__gte=today - datetime.timedelta(days=consent.WARNING_DAYS))
            .order_by("-consent_expiry_date", "pk")
        )
        return {"ending": _one_per_story(ending), "ended": _one_per_story(ended), "days": consent.WARNING_DAYS}


def _one_per_story(queryset):
    seen, stories = set(), []
    for story in queryset.select_related("locale")[:50]:
        if story.translation_key not in seen:
            seen.add(story.translation_key)
            stories.append(story)
    return stories


@hooks.register("construct_homepage_panels")
def add_consent_panel(request, panels):
    if user_publishes_stories(request.user):
        panels.append(ConsentPanel())
