"""What wagtail-localize leaves to the site, in one place: aliases, sources, synchronised facts, text language.

wagtail-localize translates a page from a source; the site adds four things
around it, and every app uses them from here:

- **an alias in every locale.** A listing written in any language appears in
  every locale at once: each locale without a version of a page gets an alias
  (a copy that shows the source text until someone translates it).
  `ensure_aliases`.
- **the source of a translation.** The copy translations were made from
  (wagtail-localize's `TranslationSource`), else the oldest copy that is not an
  alias. `source_of`, `source_locale`; `sources()` on a page queryset keeps the
  pages that are not aliases.
- **synchronised facts.** Fields named in a page class's `SYNCHRONISED_FIELDS`
  (themes, status, consent, …) must be identical in every locale.
  wagtail-localize copies them only when a translation is saved, from a
  snapshot of the source, and skips many-to-many fields that become empty:
  `copy_facts` and `push_facts` copy them from the live source.
- **the language of the text.** An alias shows its original's text, so its
  text is in the original's language, not its locale's: `text_language` (an
  expression for querysets, `with_text_language()`) and `content_language`.
"""

from django.db.models import F
from django.db.models.functions import Coalesce

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.models import Locale, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail_localize.models import TranslationSource

# Sources and aliases -------------------------------------------------------------------------------


def sources(queryset):
    """The pages of `queryset` that are not aliases (a source or a translation of one)."""
    return queryset.filter(alias_of__isnull=True)


def text_language():
    """An expression for a page's text language code: its original's locale for an alias, else its own."""
    return Coalesce(F("alias_of__locale__language_code"), F("locale__language_code"))


class LocalisedPageQuerySet(PageQuerySet):
    def sources(self):
        """The pages that are not aliases."""
        return sources(self)

    def with_text_language(self, name="source_language"):
        """Annotate `name`: the language code the page's text is written in (see `text_language`)."""
        return self.annotate(**{name: text_language()})


class LocalisedPageManager(PageManager.from_queryset(LocalisedPageQuerySet)):
    """Page classes whose versions in several locales the site keeps together use this manager."""


def content_language(page):
    """The language code of `page`'s text: its original's locale for an alias, else its own locale's."""
    source = page.alias_of if page.alias_of_id else page
    return source.locale.language_code


def source_of(page):
    """The page (specific class) translations of `page` were made from, or None when it was never translated."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .order_by("created_at")
        .values_list("locale_id", flat=True)
        .first()
    )
    if source is None:
        return None
    return sources(page.specific_class.objects.filter(translation_key=page.translation_key, locale_id=source)).first()


def source_locale(page):
    """The locale `page`'s content is written in first: wagtail-localize's source, else the oldest real copy."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key, specific_content_type=page.content_type_id)
        .select_related("locale")
        .order_by("pk")
        .first()
    )
    if source is not None:
        return source.locale
    first = sources(Page.objects.filter(translation_key=page.translation_key)).select_related("locale")
    first = first.order_by("pk").first()
    return first.locale if first is not None else page.locale


# Aliases ---------------------------------------------------------------------------------------------


def ensure_aliases(page, locales=None, *, copy_parents=True, recheck=False):
    """Create an alias in every locale (or every one of `locales`) that has no version of `page`; returns them.

    An alias itself gets none. With `copy_parents`, missing parents are
    aliased too (wagtail-localize's `copy_for_translation`). With `recheck`,
    each locale is looked at again just before its alias is made (a signal
    of an earlier alias may have made it already).
    """
    if page.alias_of_id:
        return []
    present = set(Page.objects.filter(translation_key=page.translation_key).values_list("locale_id", flat=True))
    locales = Locale.objects.all() if locales is None else locales
    made = []
    for locale in locales.exclude(pk__in=present).order_by("pk"):
        if recheck and Page.objects.filter(translation_key=page.translation_key, locale=locale).exists():
            continue
        made.append(page.copy_for_translation(locale, copy_parents=copy_parents, alias=True))
    return made


# Synchronised facts ------------------------------------------------------------------------------------


def copy_facts(source, target):
    """Copy the synchronised fields of `source` onto the live row of `target` (no new revision)."""
    update_fields = []
    for name in type(source).SYNCHRONISED_FIELDS:
        field = source._meta.get_field(name)
        if isinstance(field, ParentalManyToManyField):
            setattr(target, name, list(getattr(source, name).all()))
            update_fields.append(name)
        elif field.one_to_many and isinstance(field.remote_field, ParentalKey):
            source.copy_child_relation(name, target)
            update_fields.append(name)
        else:
            setattr(target, field.attname, getattr(source, field.attname))
            update_fields.append(field.attname)
    target.save(update_fields=update_fields, clean=False)


def translations_of(source):
    """The other versions of `source` that are not aliases (its translations), in creation order."""
    return (
        sources(source.specific_class.objects.filter(translation_key=source.translation_key))
        .exclude(pk=source.pk)
        .order_by("pk")
    )


def push_facts(source):
    """Copy the source's facts to every (non-alias) translation."""
    for translation in translations_of(source):
        copy_facts(source, translation)


def withdraw_translations(source):
    """Unpublish the live translations (not aliases) of `source`, which is being withdrawn."""
    for translation in translations_of(source).live():
        translation.unpublish(log_action=True)
