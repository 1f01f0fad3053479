"""The campaign's editor groups, kept in one place so every app and command sets them up the same way.

`ensure_campaign_groups()` is idempotent: call it again after adding pages in a
new locale or registering a new snippet, and the groups catch up.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtail.snippets.models import get_snippet_models

CAMPAIGN_EDITORS = "Campaign editors"
TRANSLATORS = "Translators"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]

# Wagtail checks image and document permissions against its own models, even with a custom image model.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "delete_document"),
]

# Everything in the admin a campaign editor needs beyond pages and media; never users, groups or settings.
EDITOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
    ("wagtailsearchpromotions", "view_searchpromotion"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    ("wagtailredirects", "view_redirect"),
]
TRANSLATOR_MODEL_PERMISSIONS = [("wagtailadmin", "access_admin")]


# Made by a data migration rather than from a model's Meta, so a flushed test database no longer has it.
MIGRATION_ONLY_PERMISSIONS = {("wagtail_localize", "submit_translation"): ("translation", "Can submit translations")}


def _permission(app_label, codename):
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        if (app_label, codename) not in MIGRATION_ONLY_PERMISSIONS:
            raise
    model, name = MIGRATION_ONLY_PERMISSIONS[app_label, codename]
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.create(content_type=content_type, codename=codename, name=name)


def _page_permission(codename):
    return _permission("wagtailcore", codename)


def snippet_permissions():
    """All permissions on registered snippets (other apps' taxonomies and the like), settings excluded."""
    models = [
        model
        for model in get_snippet_models()
        if not issubclass(model, BaseSiteSetting | BaseGenericSetting) and model._meta.app_label != "auth"
    ]
    if not models:
        return Permission.objects.none()
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False).values()
    return Permission.objects.filter(content_type__in=content_types)


def campaign_roots():
    """The campaign tree's top page in every locale: each locale's home page."""
    from home.models import HomePage

    return HomePage.objects.all()


@transaction.atomic
def ensure_campaign_groups():
    """Create or complete the "Campaign editors" and "Translators" groups; returns them by name."""
    editors, _ = Group.objects.get_or_create(name=CAMPAIGN_EDITORS)
    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)

    editors.permissions.add(*[_permission(app, codename) for app, codename in EDITOR_MODEL_PERMISSIONS])
    editors.permissions.add(*snippet_permissions())
    translators.permissions.add(*[_permission(app, codename) for app, codename in TRANSLATOR_MODEL_PERMISSIONS])

    roots = list(campaign_roots())
    for group, codenames in ((editors, EDITOR_PAGE_PERMISSIONS), (translators, TRANSLATOR_PAGE_PERMISSIONS)):
        for codename in codenames:
            permission = _page_permission(codename)
            for page in roots:
                GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)

    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for app, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=root_collection, permission=_permission(app, codename)
        )
    return {CAMPAIGN_EDITORS: editors, TRANSLATORS: translators}
