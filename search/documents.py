"""Keep SearchDocument rows in step with the pages they describe.

`sync_page(page)` (re)builds the documents of one page: none unless the page
is live, public and meant to be found; otherwise one for the page and, on a
FAQ page, one per question. search/signals.py calls it on publish, unpublish,
move, alias updates and translations; `manage.py sync_search_documents`
rebuilds them all.
"""

import html
import logging

from django.db import transaction
from django.utils import translation
from django.utils.html import strip_tags

from wagtail.models import Page
from wagtail.search import index

from search.models import SearchDocument
from search.text import fold, stems_text

logger = logging.getLogger(__name__)

KIND_BY_MODEL = {
    "programs.programpage": "programme",
    "programs.organisationpage": "organisation",
    "stories.storypage": "story",
}
# Pages that only redirect or group others: never a search result of their own.
EXCLUDED_MODELS = {"stories.organisationstoriespage"}
# Children whose text includes their parent's (a programme names its organisation).
PARENT_TEXT_MODELS = {"programs.organisationpage"}


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_plain(item) for item in value)
    text = html.unescape(strip_tags(str(value)))
    return " ".join(text.split())


def page_text(page):
    """The text of a page's own search fields (everything but the title), as Wagtail would index it."""
    parts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            try:
                parts.append(_plain(field.get_value(page)))
            except Exception:  # a broken field must not stop publishing
                logger.exception("Cannot read search field %s of page %s", field.field_name, page.pk)
    return "\n".join(part for part in parts if part)


def content_language(page):
    if hasattr(page, "get_content_language"):
        return page.get_content_language()
    return page.locale.language_code


def is_searchable(page):
    return (
        page.live
        and page.depth > 1
        and page._meta.label_lower not in EXCLUDED_MODELS
        and not page.get_view_restrictions().exists()
    )


def _labels(terms):
    return [str(term.label) for term in terms]


def _programme_facts(page):
    """Words a visitor may use for a programme, in the locale's language: organisation, places, taxonomy."""
    facts, suggestions = [], [page.title]
    parent = page.get_parent()
    if parent is not None:
        facts.append(parent.title)
        suggestions.append(parent.title)
    for relation in ("themes", "target_groups", "regions", "modes", "languages"):
        manager = getattr(page, relation, None)
        if manager is not None:
            facts.extend(_labels(manager.all()))
    links = getattr(page, "municipality_links", None)
    if links is not None:
        for link in links.all():
            municipality = link.municipality
            names = dict.fromkeys([municipality.name_nl, municipality.name_fr, str(municipality.name)])
            facts.extend(names)
            suggestions.extend(names)
    locations = getattr(page, "locations", None)
    for location in locations.all() if locations is not None else []:
        facts.extend(part for part in (location.name, location.city, location.postcode) if part)
        if location.city:
            suggestions.append(location.city)
    return facts, suggestions


def build_documents(page):
    """Unsaved SearchDocuments for a specific page (an empty list if it should not be found)."""
    if not is_searchable(page):
        return []
    label = page._meta.label_lower
    kind = KIND_BY_MODEL.get(label, "page")
    language = content_language(page)
    facts, suggestions = [], []
    with translation.override(page.locale.language_code):
        if kind == "programme":
            facts, suggestions = _programme_facts(page)
        elif kind == "organisation":
            suggestions = [page.title]
            facts = [getattr(page, "city", "")]
        body = page_text(page)
        if getattr(page, "search_description", ""):
            body = f"{page.search_description}\n{body}"
        documents = [
            SearchDocument(
                page_id=page.pk,
                locale_id=page.locale_id,
                kind=kind,
                language=language,
                anchor="",
                position=0,
                title=page.title[:255],
                body=body,
                facts="\n".join(f for f in facts if f),
                suggestions="\n".join(dict.fromkeys(s for s in suggestions if s)),
            )
        ]
        if hasattr(page, "grouped_questions"):
            for position, item in enumerate(page.questions(), start=1):
                documents.append(
                    SearchDocument(
                        page_id=page.pk,
                        locale_id=page.locale_id,
                        kind="question",
                        language=language,
                        anchor=item["anchor"][:80],
                        position=position,
                        title=str(item["question"])[:255],
                        body=_plain(item["answer"]),
                    )
                )
    for document in documents:
        document.stems = " ".join(
            dict.fromkeys(
                stems_text(f"{document.title} {document.body}", document.language).split()
                + stems_text(document.facts, page.locale.language_code).split()
                + fold(document.title).split()
            )
        )
    return documents


FIELDS = ["locale_id", "kind", "language", "position", "title", "body", "facts", "suggestions", "stems"]


@transaction.atomic
def sync_page(page):
    """Make the stored documents of `page` match what build_documents says; returns how many it keeps."""
    page = page.specific_deferred if type(page) is Page else page
    wanted = {document.anchor: document for document in build_documents(page)}
    existing = {document.anchor: document for document in SearchDocument.objects.filter(page_id=page.pk)}
    for anchor, document in existing.items():
        if anchor not in wanted:
            document.delete()
    for anchor, document in wanted.items():
        current = existing.get(anchor)
        if current is None:
            document.save()
        elif any(getattr(current, name) != getattr(document, name) for name in FIELDS):
            for name in FIELDS:
                setattr(current, name, getattr(document, name))
            current.save()
    return len(wanted)


@transaction.atomic
def remove_page(page):
    for document in SearchDocument.objects.filter(page_id=page.pk):
        document.delete()


def sync_with_dependants(page):
    """Sync a page and the pages whose documents include its text (an organisation's programmes)."""
    sync_page(page)
    if page._meta.label_lower in PARENT_TEXT_MODELS:
        for child in page.get_children().specific():
            sync_page(child)


def sync_subtree(page):
    """Sync a page and everything below it (after a move, the URL and the organisation may change)."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        sync_page(descendant)


def rebuild_all():
    """Rebuild every document (used by `manage.py sync_search_documents`); returns the number kept."""
    count = 0
    with transaction.atomic():
        SearchDocument.objects.exclude(page__live=True).delete()
        for page in Page.objects.filter(depth__gt=1).specific().iterator(chunk_size=500):
            count += sync_page(page)
    return count
