"""Stories on other apps' pages: `{% programme_stories page %}` on a programme's page, `{% featured_stories page %}`
on the home page."""

from django import template

from stories.models import StoryPage, stories_for_programme

register = template.Library()


@register.inclusion_tag("stories/includes/programme_stories.html", takes_context=True)
def programme_stories(context, programme, limit=3):
    return {
        "stories": stories_for_programme(programme, limit=limit),
        "programme": programme,
        "request": context.get("request"),
    }


@register.inclusion_tag("stories/includes/featured_stories.html", takes_context=True)
def featured_stories(context, page, limit=3):
    """The stories of `page`'s locale the home page shows: those marked featured first, then the newest."""
    return {
        "featured_stories": StoryPage.featured_for_home(page.locale_id, limit=limit),
        "request": context.get("request"),
    }
