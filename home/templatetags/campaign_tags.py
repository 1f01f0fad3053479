from django import template
from django.apps import apps
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page, Site

from home import links

register = template.Library()


def _language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


def _memo(request, key, compute):
    """`compute()` once per request: the head and the header both ask for the same links."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_campaign_tags_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language, to this page's translation where there is one."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    key = ("language_links", page.pk if isinstance(page, Page) else None, current)
    return _memo(request, key, lambda: _language_links(request, page, current))


def _language_links(request, page, current):
    urls = {}
    if isinstance(page, Page) and page.id:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            urls[translated.locale.language_code] = translated.get_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        url = urls.get(code)
        if url is None and request is not None:
            if isinstance(page, Page):
                home = localized_home(request, code)
                url = home.get_url(request) if home else f"/{code}/"
            else:
                url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current, "exists": code in urls})
    return links


def localized_home(request, language_code):
    """The site's home page in that language (live), or None."""
    return _memo(request, "homes", lambda: _homes(request)).get(language_code)


def _homes(request):
    """The site's live home page in every language, in one query."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


@register.simple_tag(takes_context=True)
def home_page(context):
    request = context.get("request")
    return localized_home(request, translation.get_language()) if request else None


@register.simple_tag(takes_context=True)
def programme_overview(context):
    """The live programme overview in the visitor's language: where every "how do I take part" leads."""
    request = context.get("request")
    language = translation.get_language()
    return _memo(request, ("programme_overview", language), lambda: _programme_overview(home_page(context)))


def _programme_overview(home):
    if home is None:
        return None
    try:
        index_model = apps.get_model("programs", "ProgramIndexPage")
    except LookupError:  # the site runs without the programmes app
        return None
    return index_model.objects.child_of(home).live().first()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's menu pages, with the programme overview always among them (first if an editor hid it)."""
    home = home_page(context)
    if home is None:
        return []
    items = list(home.get_children().live().in_menu().specific(defer=True))
    overview = programme_overview(context)
    if overview is not None and overview.pk not in {item.pk for item in items}:
        items.insert(0, overview)
    return items


@register.filter
def localized(page):
    """The visitor's-language version of a page chosen in settings (or the page itself)."""
    if page is None:
        return None
    return page.specific_deferred.localized


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` on the site's configured address, never the request's Host (home/links.py)."""
    return links.absolute_url(url, context.get("request"))


@register.simple_tag
def language_name(code):
    return _language_name(code)


@register.simple_tag
def email_page_url(page):
    """A page's public address for an e-mail (home/links.py: on WAGTAILADMIN_BASE_URL)."""
    return links.page_url_for_email(page)


@register.simple_tag
def translation_behind(page):
    """The language code of the original a translated page may be behind (home/stale_translations.py), or ""."""
    from home.stale_translations import behind_translation_of

    translation = behind_translation_of(page)
    return translation.source.locale.language_code if translation else ""
