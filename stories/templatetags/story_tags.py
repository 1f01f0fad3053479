"""`{% programme_stories page %}`: the stories of a programme, for the programme's own page."""

from django import template

from stories.models import stories_for_programme

register = template.Library()


@register.inclusion_tag("stories/includes/programme_stories.html", takes_context=True)
def programme_stories(context, programme, limit=3):
    return {
        "stories": stories_for_programme(programme, limit=limit),
        "programme": programme,
        "request": context.get("request"),
    }
