from babel import Locale as BabelLocale
from babel import UnknownLocaleError

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html

from wagtail.models import Page

from home import links
from home.chrome import kept, localized_page_url, site_chrome
from home.stale_translations import behind_translation_of
from home.structured_data import to_json_ld

register = template.Library()


def _language_name(code):
    """A language's name in the visitor's language, as CLDR writes it ("Dutch", "néerlandais", "الهولندية").

    For notes such as "only available in …"; the language switcher names each language in its own.
    """
    try:
        name = BabelLocale.parse(translation.get_language().split("-")[0]).languages.get(code)
    except (ValueError, UnknownLocaleError):
        name = None
    return name or dict(settings.LANGUAGES).get(code, code)


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
    """One link per site language, to this page's translation where there is one (else that language's home)."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    key = ("language_links", page.pk if isinstance(page, Page) else None, current)
    return _memo(request, key, lambda: _language_links(request, page, current))


def _language_links(request, page, current):
    urls = {}
    if isinstance(page, Page) and page.id:
        translations = getattr(page, "live_translations", None)
        translations = translations() if translations else page.get_translations(inclusive=True).live()
        for translated in translations:
            urls[translated.locale.language_code] = translated.get_url(request)
    homes = site_chrome(request)["homes"] if request is not None else {}
    newcomer_only = set(getattr(settings, "NEWCOMER_LANGUAGES", ()))
    links = []
    for code, name in settings.LANGUAGES:
        url = urls.get(code)
        if url is None and isinstance(page, Page) and code in newcomer_only and code != current:
            # The newcomer languages translate a few pages only: offer them where this page exists in them.
            continue
        if url is None and request is not None:
            if isinstance(page, Page):
                url = homes[code]["url"] if code in homes else f"/{code}/"
            else:
                url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "exists": code in urls,
                # Belgium's own languages go by their familiar codes; a newcomer finds theirs by its name.
                "by_name": code in newcomer_only,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page in the visitor's language: {"pk", "title", "url"} (home/chrome.py), or None."""
    request = context.get("request")
    return site_chrome(request)["home"] if request else None


@register.simple_tag(takes_context=True)
def programme_overview(context):
    """The live programme overview in the visitor's language, where every "how do I take part" leads.

    {"pk", "title", "url"} (home/chrome.py), or None.
    """
    request = context.get("request")
    return site_chrome(request)["overview"] if request else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's menu pages, with the programme overview always among them (first if an editor hid it)."""
    request = context.get("request")
    return site_chrome(request)["menu"] if request else []


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The footer's contact details and statement pages in the visitor's language (home/chrome.py)."""
    request = context.get("request")
    return site_chrome(request)["footer"] if request else {}


@register.simple_tag(takes_context=True)
def localized_url(context, page_id):
    """The address of a chosen page in the visitor's language (its live translation, else the page itself)."""
    request = context.get("request")
    if not page_id or request is None:
        return ""
    return kept(f"localized_url:{page_id}:{translation.get_language()}", lambda: localized_page_url(page_id, request))


@register.filter
def breadcrumb_pages(page):
    """The page's ancestors below the tree's root: those routing passed (HomePage.route), else from the tree."""
    passed = getattr(page, "route_ancestors", None)
    return passed if passed is not None else list(page.get_ancestors()[1:])


@register.filter
def bdi(value):
    """A name (of a programme, organisation or place) isolated from the sentence around it: a Dutch name in an
    Arabic sentence keeps its own direction and the sentence's punctuation stays where it belongs."""
    return format_html("<bdi>{}</bdi>", value)


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
    """The language code of the original a translated page may be behind (home/stale_translations.py), or "".

    Comparing texts takes a dozen queries; the answer is kept with the site's chrome (home/chrome.py), which
    every publication, synchronisation and saved translation replaces.
    """
    if not isinstance(page, Page) or not page.pk:
        return ""
    return kept(f"behind:{page.pk}", lambda: _translation_behind(page))


def _translation_behind(page):
    translation = behind_translation_of(page)
    return translation.source.locale.language_code if translation else ""


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The page's schema.org data as a script element, if its class declares any (home/structured_data.py)."""
    get_json_ld = getattr(page, "get_json_ld", None)
    data = get_json_ld(context.get("request")) if get_json_ld else None
    if not data:
        return ""
    return format_html('<script type="application/ld+json">{}</script>', to_json_ld(data))
