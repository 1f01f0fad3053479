"""Admin wiring for stories: the consent check before publishing, and the consent dashboard panel."""

import datetime

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.ui.components import Component

from stories import consent
from stories.models import StoryIndexPage, StoryPage


@hooks.register("before_publish_page")
def refuse_story_without_consent(request, page):
    """Create and edit views publish without going through `StoryPage.publish`; check consent here too."""
    if not isinstance(page, StoryPage):
        return None
    problems = page.consent_problems()
    if not problems:
        return None
    messages.error(
        request,
        _("“%(title)s” was saved as a draft but not published: %(problems)s")
        % {"title": page.get_admin_display_title(), "problems": " ".join(str(m) for m in problems.values())},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def user_publishes_stories(user):
    if user.is_superuser:
        return True
    return any(index.permissions_for_user(user).can_publish_subpage() for index in StoryIndexPage.objects.all())


class ConsentPanel(Component):
    """Stories whose consent ends within 30 days, or ended and took them offline, for campaign editors."""

    name = "story_consent"
    template_name = "stories/admin/consent_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        sources = StoryPage.objects.filter(alias_of__isnull=True, consent_expiry_date__isnull=False)
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
