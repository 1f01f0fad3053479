"""Keep organisations and programmes present and consistent in every locale.

A listing written in any language appears in every locale's
overview at once. wagtail-localize's tree synchronisation only copies from the
Dutch tree, so here, whenever an organisation or programme is published in any
locale, every locale without a version of it gets an alias (which shows the
source text until someone translates it).

Facts such as themes, status or contact details are synchronised fields:
they must be identical in every locale. wagtail-localize copies them only
when a translation is saved, from a snapshot of the source, and it skips
many-to-many fields that become empty; so when the source is published its
facts are copied to every translation, and when a translation is published it
takes the facts of the live source again.
"""

from django.db import transaction
from django.dispatch import receiver

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.models import Locale, Page
from wagtail.signals import page_published, page_unpublished
from wagtail_localize.models import TranslationSource

from programs.models import OrganisationPage, ProgramPage

FEDERATED_MODELS = (OrganisationPage, ProgramPage)


def ensure_aliases(page, locales=None):
    """Create an alias in every locale (or every one of `locales`) that has neither a translation nor an alias of
    `page`."""
    if page.alias_of_id:
        return []
    present = set(Page.objects.filter(translation_key=page.translation_key).values_list("locale_id", flat=True))
    locales = Locale.objects.all() if locales is None else locales
    return [
        page.copy_for_translation(locale, copy_parents=True, alias=True)
        for locale in locales.exclude(pk__in=present).order_by("pk")
    ]


def source_of(page):
    """The page translations of `page` were made from, or None when it was never translated."""
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .order_by("created_at")
        .values_list("locale_id", flat=True)
        .first()
    )
    if source is None:
        return None
    return (
        page.specific_class.objects.filter(translation_key=page.translation_key, locale_id=source)
        .filter(alias_of__isnull=True)
        .first()
    )


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


def push_facts(source):
    """Copy the source's facts to every (non-alias) translation."""
    translations = (
        source.specific_class.objects.filter(translation_key=source.translation_key, alias_of__isnull=True)
        .exclude(pk=source.pk)
        .order_by("pk")
    )
    for translation in translations:
        copy_facts(source, translation)


@receiver(page_published)
def federate_on_publish(sender, instance, **kwargs):
    if not issubclass(sender, FEDERATED_MODELS) or instance.alias_of_id:
        return
    with transaction.atomic():
        page = instance.specific
        source = source_of(page)
        if source is None or source.pk == page.pk:
            push_facts(page)
        elif source.live:
            copy_facts(source, page)
        ensure_aliases(page)


@receiver(page_unpublished)
def withdraw_translations(sender, instance, **kwargs):
    """Unpublishing the source withdraws the listing in every locale, not only the aliases."""
    if not issubclass(sender, FEDERATED_MODELS) or instance.alias_of_id:
        return
    source = source_of(instance)
    if source is None or source.pk != instance.pk:
        return
    for translation in (
        sender.objects.live()
        .filter(translation_key=instance.translation_key, alias_of__isnull=True)
        .exclude(pk=instance.pk)
    ):
        translation.unpublish(log_action=True)
