"""Admin template tags of the programme federation."""

from django import template

from programs import translation_review

register = template.Library()


@register.inclusion_tag("programs/admin/translation_review_panel.html", takes_context=True)
def translation_review_panel(context):
    """The review actions under wagtail-localize's translation editor (see programs.translation_review)."""
    request = context["request"]
    return {
        "panel": translation_review.panel_context(request, context.get("instance"), context.get("translation")),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
