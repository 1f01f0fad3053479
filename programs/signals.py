"""Keep organisations and programmes present and consistent in every locale.

A listing written in any language appears in every locale's
overview at once. wagtail-localize's tree synchronisation only copies from the
Dutch tree, so here, whenever an organisation or programme is published in any
locale, every locale without a version of it gets an alias (which shows the
source text until someone translates it).

Facts such as themes, status or contact details are synchronised fields:
they must be identical in every locale. When the source is published its
facts are copied to every translation, and when a translation is published it
takes the facts of the live source again (home/locales.py says why).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished

from home import chrome, locales
from programs import freshness, notifications, workflow
from programs.models import Language, Mode, OrganisationPage, ProgramIndexPage, ProgramPage, Region, TargetGroup, Theme

FEDERATED_MODELS = (OrganisationPage, ProgramPage)


def federate_on_publish(sender, instance, **kwargs):
    if not issubclass(sender, FEDERATED_MODELS) or instance.alias_of_id:
        return
    with transaction.atomic():
        page = instance.specific
        source = locales.source_of(page)
        if source is None or source.pk == page.pk:
            locales.push_facts(page)
        elif source.live:
            locales.copy_facts(source, page)
        locales.ensure_aliases(page)


def withdraw_translations(sender, instance, **kwargs):
    """Unpublishing the source withdraws the listing in every locale, not only the aliases."""
    if not issubclass(sender, FEDERATED_MODELS) or instance.alias_of_id:
        return
    source = locales.source_of(instance)
    if source is None or source.pk != instance.pk:
        return
    locales.withdraw_translations(instance)


def connect():
    """Every receiver of the programmes app, connected in `ProgramsConfig.ready`."""
    # Stamped first: the listing's other receivers see the date a person has just confirmed.
    page_published.connect(freshness.stamp_on_publish, dispatch_uid="programs_stamp_last_verified_on_publish")
    post_save.connect(
        workflow.assign_new_overview, sender=ProgramIndexPage, dispatch_uid="programs_assign_review_workflow"
    )
    page_published.connect(federate_on_publish, dispatch_uid="programs_federate_on_publish")
    page_unpublished.connect(withdraw_translations, dispatch_uid="programs_withdraw_translations")
    notifications.connect()
    for model in (Theme, TargetGroup, Region, Mode, Language):  # kept with the chrome: models.taxonomy_terms
        post_save.connect(chrome.mark_changed, sender=model, dispatch_uid=f"chrome_{model.__name__}_saved")
        post_delete.connect(chrome.mark_changed, sender=model, dispatch_uid=f"chrome_{model.__name__}_deleted")
