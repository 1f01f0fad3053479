"""Keep SearchDocument rows in step with the pages they describe.

`sync_page(page)` (re)builds the documents of one page: none unless the page
is live, public and meant to be found; otherwise one for the page and, on a
FAQ page, one per question. search/signals.py calls it on publish, unpublish,
move, alias updates and translations; `manage.py sync_search_documents`
rebuilds them all.

Search asks the page classes, as Wagtail asks `get_search_fields()`; a class may declare:

- `search_kind`: what a result is ("programme", "organisation", "story"; "page" when not declared);
  programmes and organisations index their facts and suggestions;
- `search_excluded = True`: pages that only redirect or group others, never a result of their own;
- `search_dependants_include_text = True`: its children's documents include its text (a programme
  names its organisation), so they are rebuilt with it;
- `search_prefetch`: the relations a bulk rebuild prefetches (everything `build_documents` reads).
"""

import logging

from django.db import transaction
from django.utils import translation

from wagtail.models import Page
from wagtail.search import index

from search.models import SearchDocument
from search.text import fold, plain_text, stems_text, words

logger = logging.getLogger(__name__)


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_plain(item) for item in value)
    return plain_text(value)


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
    """The language the visible text is written in: an alias shows its source's text."""
    if page.alias_of_id:
        return page.alias_of.locale.language_code
    return page.locale.language_code


def is_searchable(page, restricted=None):
    if not page.live or page.depth <= 1 or getattr(page, "search_excluded", False):
        return False
    if restricted is None:
        return not page.get_view_restrictions().exists()
    return not any(page.path.startswith(path) for path in restricted)


def _labels(terms):
    return [str(term.label) for term in terms]


def _programme_facts(page, parent_title=None):
    """Words a visitor may use for a programme, in the locale's language: organisation, places, taxonomy."""
    facts, suggestions = [], [page.title]
    if parent_title is None:
        parent = page.get_parent()
        parent_title = parent.title if parent is not None else ""
    if parent_title:
        facts.append(parent_title)
        suggestions.append(parent_title)
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


# The finder's GET parameter for each of a programme's taxonomies (programs/filters.py uses the same).
FACET_PARAMS = {
    "regions": "region",
    "themes": "theme",
    "target_groups": "target",
    "languages": "language",
    "modes": "mode",
}
ACCEPTING_TERM = "accepting:1"
NEWCOMERS_TERM = "newcomers:1"


def facet_codes(page):
    """ "param:code" for each of a programme's taxonomy terms, and "accepting:1" if it takes volunteers now.

    Also "municipality:<code>" and "district:<code>" for each municipality it serves (the finder's
    "near you" tiers, programs/near.py) and "newcomers:1" if it takes newcomers now.
    """
    codes = []
    for relation, param in FACET_PARAMS.items():
        manager = getattr(page, relation, None)
        if manager is not None:
            codes.extend(sorted(f"{param}:{term.code}" for term in manager.all()))
    links = getattr(page, "municipality_links", None)
    if links is not None:
        places = set()
        for link in links.all():
            places.add(f"municipality:{link.municipality.nis_code}")
            if link.municipality.district_code:
                places.add(f"district:{link.municipality.district_code}")
        codes.extend(sorted(places))
    if getattr(page, "status", None) == "active" and getattr(page, "accepting_volunteers", None) == "open":
        codes.append(ACCEPTING_TERM)
    if getattr(page, "status", None) == "active" and getattr(page, "accepting_newcomers", None) == "open":
        codes.append(NEWCOMERS_TERM)
    return " ".join(codes)


def _question_documents(page, language):
    """One document per question of an FAQ page, found by its anchor."""
    return [
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
        for position, item in enumerate(page.questions(), start=1)
    ]


def build_documents(page, *, parent_title=None, restricted=None):
    """Unsaved SearchDocuments for a specific page (an empty list if it should not be found).

    `parent_title` and `restricted` (paths of pages with view restrictions) save queries in bulk rebuilds.
    """
    if not is_searchable(page, restricted):
        return []
    kind = getattr(page, "search_kind", "page")
    language = content_language(page)
    facts, suggestions = [], []
    with translation.override(page.locale.language_code):
        if kind == "programme":
            facts, suggestions = _programme_facts(page, parent_title)
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
                facet_codes=facet_codes(page) if kind == "programme" else "",
            )
        ]
        if hasattr(page, "grouped_questions"):
            documents.extend(_question_documents(page, language))
    for document in documents:
        own_text = f"{document.title} {document.body}"
        document.own_words = " ".join(
            dict.fromkeys(stems_text(own_text, document.language).split() + words(fold(own_text)))
        )
        document.stems = " ".join(
            dict.fromkeys(
                stems_text(f"{document.title} {document.body}", document.language).split()
                + stems_text(document.facts, page.locale.language_code).split()
                + fold(document.title).split()
            )
        )
    return documents


FIELDS = [
    "locale_id",
    "kind",
    "language",
    "position",
    "title",
    "body",
    "facts",
    "suggestions",
    "stems",
    "own_words",
    "facet_codes",
]


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
    if getattr(page, "search_dependants_include_text", False):
        for child in page.get_children().specific():
            sync_page(child)


def sync_subtree(page):
    """Sync a page and everything below it (after a move, the URL and the organisation may change)."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        sync_page(descendant)


def rebuild_all(chunk_size=500):
    """Rebuild every document in bulk, in one transaction; returns how many there are.

    No per-document signals: run `update_index` afterwards (`manage.py sync_search_documents` does).
    """
    from wagtail.models import PageViewRestriction

    restricted = set(PageViewRestriction.objects.values_list("page__path", flat=True))
    titles = dict(Page.objects.values_list("path", "title"))
    steplen = Page.steplen
    count = 0
    with transaction.atomic():
        SearchDocument.objects.all()._raw_delete(SearchDocument.objects.db)
        content_types = Page.objects.filter(live=True, depth__gt=1).values_list("content_type", flat=True).distinct()
        for content_type_id in sorted(set(content_types)):
            model = Page.objects.filter(content_type_id=content_type_id).first().specific_class
            if model is None:
                continue
            pages = (
                model.objects.filter(live=True, depth__gt=1, content_type_id=content_type_id)
                .select_related("locale", "alias_of__locale")
                .prefetch_related(*getattr(model, "search_prefetch", ()))
                .order_by("path")
            )
            batch = []
            for page in pages.iterator(chunk_size=chunk_size):
                parent_title = titles.get(page.path[:-steplen], "")
                batch.extend(build_documents(page, parent_title=parent_title, restricted=restricted))
                if len(batch) >= chunk_size:
                    count += len(SearchDocument.objects.bulk_create(batch))
                    batch = []
            count += len(SearchDocument.objects.bulk_create(batch))
    return count
