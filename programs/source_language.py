"""New programmes are written in their organisation's own language, whatever page the editor started from.

An organisation is onboarded in one language (its source locale) and has a
copy in every other locale: an alias at first, a translation once someone
translates it. Each copy is a real page with a real "Add child page" button,
so an editor who starts from the English copy of a Dutch organisation would
write a Dutch programme into the English tree: it would go live as English,
and the other languages would call it "only available in English".

So every way to add a programme (the dashboard's link, the explorer, "Add
child page" on any copy) leads to the add form below the organisation's page
in its source locale; wagtail-localize then makes the other languages from
it. The form says which language to write in.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from home import locales
from programs.models import OrganisationPage, ProgramPage

source_locale = locales.source_locale  # the locale its content is written in first


def source_page(page):
    """`page`'s copy in its source locale (specific), or `page` itself if that copy is missing."""
    locale = source_locale(page)
    if locale.pk == page.locale_id:
        return page
    copy = page.get_translation_or_none(locale)
    return copy.specific if copy is not None else page


def source_pages(pages):
    """One page per translation key among `pages`: its source-locale copy (from `pages` where present)."""
    by_key = {}
    for page in pages:
        by_key.setdefault(page.translation_key, []).append(page)
    result = []
    for copies in by_key.values():
        locale = source_locale(copies[0])
        in_source = [p for p in copies if p.locale_id == locale.pk]
        result.append(in_source[0] if in_source else source_page(copies[0]))
    return result


def language_name(locale):
    return locale.get_display_name() or locale.language_code


def guide_create_page(request, parent_page, page_class):
    """`before_create_page`: send a programme's add form to the organisation's source locale, and name it."""
    if page_class is not ProgramPage or not isinstance(parent_page.specific, OrganisationPage):
        return None
    source = source_page(parent_page.specific)
    if source.pk != parent_page.pk:
        messages.info(
            request,
            _("%(organisation)s writes its programmes in %(language)s first: this is its %(language)s page.")
            % {"organisation": source.title, "language": language_name(source.locale)},
        )
        url = reverse("wagtailadmin_pages:add", args=["programs", "programpage", source.pk])
        query = request.META.get("QUERY_STRING")
        return redirect(f"{url}?{query}" if query else url)
    if request.method == "GET":
        messages.info(
            request,
            _(
                "Write this programme in %(language)s. Once it is published, it is translated into the other "
                "languages from this version."
            )
            % {"language": language_name(source.locale)},
        )
    return None
