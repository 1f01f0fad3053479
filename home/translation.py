"""Make wagtail-localize translations from known strings (demo content and imports).

Translations go through wagtail-localize's own machinery (a TranslationSource, a
Translation per target locale, imported strings, then save_target), so the
translated pages look exactly as if a translator had used the admin editor.
"""

import polib

from django.db import transaction

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource


class MissingStringTranslation(Exception):
    pass


@transaction.atomic
def translate_instance(instance, locale_code, strings, *, user=None, publish=True, strict=True):
    """Translate a page or snippet into `locale_code`.

    `strings` maps each source string (a whole field value, or a rich-text
    segment as wagtail-localize splits it) to its translation. With `strict`,
    a source string without a translation is an error, so demo and imported
    content can never be half-translated by accident.
    """
    target_locale = Locale.objects.get(language_code=locale_code)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    if not _created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=target_locale, defaults={"enabled": True}
    )

    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": str(translation.uuid)}
    missing = []
    segments = StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order")
    for segment in segments:
        text = segment.string.data
        translated = strings.get(text)
        if translated is None:
            translated = strings.get(text.strip())
        if translated is None:
            missing.append(text)
            continue
        po.append(polib.POEntry(msgid=text, msgctxt=segment.context.path, msgstr=translated))
    if missing and strict:
        raise MissingStringTranslation(f"No {locale_code} translation for: " + "; ".join(repr(m[:60]) for m in missing))
    translation.import_po(po, user=user, tool_name="campaign import")
    translation.save_target(user=user, publish=publish)
    return source.get_translated_instance(target_locale)


def source_strings(instance):
    """The strings wagtail-localize extracts from an instance, in order (useful to write translations)."""
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    return [
        s.string.data for s in StringSegment.objects.filter(source=source).select_related("string").order_by("order")
    ]
