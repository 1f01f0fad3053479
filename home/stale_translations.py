"""Translations that may be behind their original, from wagtail-localize's own records.

wagtail-localize keeps, for each translated page, a TranslationSource: the
source page's content as it was when translations were last synchronised
("Sync translated pages", which stamps `last_updated_at`). A translation is
behind its original when either

- the source page's live text differs from that synchronised copy: it was
  published with new translatable text nobody has synchronised yet (only the
  strings wagtail-localize would ask a translator for count, so a new image or
  a "still accurate" confirmation does not make a translation stale), or
- new text was synchronised, but the translated page was written before that
  and the new strings are untranslated, or translated and not yet published,
  so visitors still read the previous translation (wagtail-localize's own
  progress and string records tell).

Three places tell it, all from `behind()` below: the public page's note
(base.html, through campaign_tags' `translation_behind`), the dashboard panel
of those who may fix it, and the page explorer's status column
(home/admin_views.py). No flag of our own is stored: syncing and publishing
the translation through wagtail-localize is what clears the note, and nothing
can drift out of step.
Comparing text means extracting segments, so a cheap timestamp test picks the
candidates first.
"""

from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from home import locales


def _strings(instance):
    return [segment for segment in extract_segments(instance) if isinstance(segment, StringSegmentValue)]


def source_text_changed(translation_source):
    """Whether the live source's translatable strings differ from those last synchronised."""
    try:
        live = translation_source.get_source_instance()
    except Page.DoesNotExist:
        return False
    return _strings(live) != _strings(translation_source.as_instance())


def _candidates(translations):
    """Translations whose source was published after the last sync, or whose target was not published since."""
    source_pages = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )
    target_pages = locales.sources(
        Page.objects.filter(translation_key=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id"))
    )
    translation_logs = TranslationLog.objects.filter(
        source_id=OuterRef("source_id"), locale_id=OuterRef("target_locale_id")
    )
    return (
        translations.filter(enabled=True)
        .annotate(
            source_published_at=Subquery(source_pages.values("last_published_at")[:1]),
            target_page_id=Subquery(target_pages.values("pk")[:1]),
            # When the live text was written, not `last_published_at`: wagtail-localize saves a new translation
            # as live without publishing a revision, copying the source's `last_published_at`; its TranslationLog
            # records the write. A revision drafted before the last sync is behind even if published after it.
            target_published_at=Coalesce(
                Subquery(target_pages.values("live_revision__created_at")[:1]),
                Subquery(translation_logs.order_by("-created_at").values("created_at")[:1]),
            ),
        )
        .filter(target_page_id__isnull=False, target_published_at__isnull=False)
        .filter(
            Q(source_published_at__gt=F("source__last_updated_at"))
            | Q(target_published_at__lt=F("source__last_updated_at"))
        )
        .select_related("source", "source__locale", "target_locale")
    )


def synced_but_unpublished(translation):
    """New text was synchronised after the translation was written, and is untranslated or translated since.

    A sync without new text (wagtail-localize syncs every language when one is translated) leaves every string
    translated and none changed, so it does not put a current translation behind.
    """
    written_at = translation.target_published_at
    if written_at >= translation.source.last_updated_at:
        return False
    total, translated = translation.get_progress()
    if translated < total:
        return True
    strings = StringSegment.objects.filter(source_id=translation.source_id)
    return StringTranslation.objects.filter(
        translation_of_id__in=strings.values("string_id"),
        context_id__in=strings.values("context_id"),
        locale_id=translation.target_locale_id,
        updated_at__gt=written_at,
    ).exists()


def _is_behind(translation):
    return synced_but_unpublished(translation) or source_text_changed(translation.source)


def behind(translations=None):
    """The enabled page translations (with `target_page_id`) that may be behind their original."""
    if translations is None:
        translations = Translation.objects.all()
    return [translation for translation in _candidates(translations) if _is_behind(translation)]


def behind_translation_of(page):
    """For a public translated page: its wagtail-localize Translation when the page may be behind, else None."""
    if not isinstance(page, Page) or page.alias_of_id or not page.pk:
        return None
    translations = Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
    found = behind(translations)
    return found[0] if found else None


def behind_page_ids(pages):
    """The ids of those of `pages` (translated pages, e.g. one screen of the page explorer) that may be behind."""
    pages = [page for page in pages if not page.alias_of_id]
    if not pages:
        return set()
    translations = Translation.objects.filter(
        source__object_id__in={page.translation_key for page in pages},
        target_locale_id__in={page.locale_id for page in pages},
    )
    listed = {page.pk for page in pages}
    return {translation.target_page_id for translation in behind(translations)} & listed


def behind_for_user(user, limit=None):
    """Translations behind their original among the pages `user` may edit (an organisation's editors: only its own)."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    candidates = _candidates(Translation.objects.all()).filter(target_page_id__in=editable.values("pk"))
    found = []
    for translation in candidates.order_by("-source_published_at", "pk"):
        if _is_behind(translation):
            found.append(translation)
            if limit and len(found) >= limit:
                break
    return found
