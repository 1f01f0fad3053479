"""Who may do what: the campaign's roles, the groups and permissions behind them, and every "may this user…".

The roles (the README's "Roles" section says what each may see and do):

- campaign editors ("Campaign editors"): every campaign page in every locale
  with publish, so they approve the "Campaign review" workflow; every
  collection; snippets, redirects, promoted search results; onboarding
  organisations; never users, groups or settings;
- campaign admins ("Campaign admins"): every permission;
- translators ("Translators"): add and change campaign pages, for
  wagtail-localize's translation editor;
- organisation editors: one group per organisation, tied to it by an
  `OrganisationGroup` link (never found by its name), with add, change, lock
  and unlock (never publish) on the organisation's page and its story folder
  in every locale, and image and document permissions on its own collection.

This is the only module that names groups or grants page permissions; the
campaign's own rights are permissions of `home.CampaignRights`, checked with
`user.has_perm`. `home` is the base of the apps: pages and collections of the
other apps come in as arguments, and nothing here imports them.

Everything that grants is idempotent: run it again after adding pages in a new
locale or registering a new snippet, and the groups catch up.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, ReferenceIndex
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models

from home.roles import OrganisationGroup

# Groups ---------------------------------------------------------------------------------------------

CAMPAIGN_EDITORS = "Campaign editors"
CAMPAIGN_ADMINS = "Campaign admins"
TRANSLATORS = "Translators"
CAMPAIGN_GROUPS = {CAMPAIGN_EDITORS, CAMPAIGN_ADMINS, TRANSLATORS}  # never an organisation's, existing or not

ONBOARD_ORGANISATION = "home.onboard_organisation"
OVERSEE_ORGANISATIONS = "home.oversee_organisations"


def organisation_group_name(name):
    """The editors' group an organisation called `name` gets: "<name> editors"."""
    return f"{name} editors"


# What each role is granted ------------------------------------------------------------------------

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
ADMIN_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
# Never publish: every change of an organisation goes through the "Campaign review" workflow.
ORGANISATION_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]

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
# Managing collections themselves is granted per collection too: campaign admins get it on the root.
COLLECTION_MANAGEMENT_PERMISSIONS = [
    ("wagtailcore", "add_collection"),
    ("wagtailcore", "change_collection"),
    ("wagtailcore", "delete_collection"),
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
    ("home", "onboard_organisation"),
    ("home", "oversee_organisations"),
]
TRANSLATOR_MODEL_PERMISSIONS = [("wagtailadmin", "access_admin")]
# wagtail-localize's translation editor needs the global right; programs/views_admin.py checks each object.
ORGANISATION_MODEL_PERMISSIONS = [("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")]

# The campaign's own rights, shown in the group editor (home/wagtail_hooks.py).
CAMPAIGN_RIGHTS = [("home", "onboard_organisation"), ("home", "oversee_organisations")]

# Made by a data migration rather than from a model's Meta, so a flushed test database no longer has it.
MIGRATION_ONLY_PERMISSIONS = {("wagtail_localize", "submit_translation"): ("translation", "Can submit translations")}


def _permission(app_label, codename):
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        if (app_label, codename) not in MIGRATION_ONLY_PERMISSIONS:
            raise
    model, name = MIGRATION_ONLY_PERMISSIONS[app_label, codename]
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.create(content_type=content_type, codename=codename, name=name)


def _permissions(pairs):
    return [_permission(app_label, codename) for app_label, codename in pairs]


def campaign_rights():
    """The permissions of `home.CampaignRights`, for Wagtail's `register_permissions` hook."""
    query = Q()
    for app_label, codename in CAMPAIGN_RIGHTS:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


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


def _grant_pages(group, pages, codenames):
    for permission in _permissions(("wagtailcore", codename) for codename in codenames):
        for page in pages:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collection(group, collection, pairs=COLLECTION_PERMISSIONS):
    for permission in _permissions(pairs):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def campaign_roots():
    """The campaign tree's top page in every locale: each locale's home page (the root's children)."""
    return Page.get_first_root_node().get_children()


@transaction.atomic
def ensure_campaign_groups():
    """Create or complete the campaign groups; returns them by name (and as "editors" and "admins")."""
    editors, _created = Group.objects.get_or_create(name=CAMPAIGN_EDITORS)
    translators, _created = Group.objects.get_or_create(name=TRANSLATORS)
    admins, _created = Group.objects.get_or_create(name=CAMPAIGN_ADMINS)

    editors.permissions.add(*_permissions(EDITOR_MODEL_PERMISSIONS), *snippet_permissions())
    translators.permissions.add(*_permissions(TRANSLATOR_MODEL_PERMISSIONS))
    admins.permissions.add(*Permission.objects.all(), *_permissions(MIGRATION_ONLY_PERMISSIONS))

    roots = list(campaign_roots())
    _grant_pages(editors, roots, EDITOR_PAGE_PERMISSIONS)
    _grant_pages(translators, roots, TRANSLATOR_PAGE_PERMISSIONS)
    _grant_pages(admins, [Page.get_first_root_node()], ADMIN_PAGE_PERMISSIONS)

    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    _grant_collection(editors, root_collection)
    _grant_collection(admins, root_collection, COLLECTION_PERMISSIONS + COLLECTION_MANAGEMENT_PERMISSIONS)
    return {
        CAMPAIGN_EDITORS: editors,
        TRANSLATORS: translators,
        CAMPAIGN_ADMINS: admins,
        "editors": editors,
        "admins": admins,
    }


def grant_review_task(task):
    """The campaign editors are the reviewers of a group approval task (the "Campaign review" workflow's)."""
    task.groups.add(ensure_campaign_groups()[CAMPAIGN_EDITORS])
    return task


# Organisations' groups ------------------------------------------------------------------------------


class OrganisationNameTaken(ValueError):
    """An organisation's name would give it a group or collection that already belongs to something else."""


def organisation_link(organisation_key):
    """The `OrganisationGroup` of the organisation with this translation key, or None."""
    return (
        OrganisationGroup.objects.select_related("group", "collection")
        .filter(organisation_key=organisation_key)
        .first()
    )


def organisation_link_named(name):
    """The `OrganisationGroup` of the organisation onboarded as `name`, or None."""
    return OrganisationGroup.objects.select_related("group", "collection").filter(name=name).first()


def organisation_group(organisation_key):
    link = organisation_link(organisation_key)
    return link.group if link else None


def check_organisation_name(name, organisation_key=None):
    """Refuse a name whose new group or collection would be someone else's (raises `OrganisationNameTaken`).

    An organisation called "Campaign" would otherwise be given the group
    "Campaign editors", and its invited editor the campaign editors' rights.
    An organisation that has its link already keeps its group and collection,
    whatever their names are now.
    """
    own = organisation_link(organisation_key) if organisation_key else None
    group_name = organisation_group_name(name)
    if own is None and (group_name in CAMPAIGN_GROUPS or Group.objects.filter(name=group_name).exists()):
        raise OrganisationNameTaken(
            _(
                "“%(name)s” cannot be an organisation's name: its editors' group would be called “%(group)s”, "
                "and a group of that name already exists for someone else. Choose another name, for example with "
                "the city."
            )
            % {"name": name, "group": group_name}
        )
    if own is not None and own.collection_id:
        return
    existing = _named_collection(name)
    if existing is not None and not _collection_of(own, existing):
        raise OrganisationNameTaken(
            _(
                "“%(name)s” cannot be an organisation's name: an image collection of that name already exists for "
                "someone else. Choose another name, for example with the city."
            )
            % {"name": name}
        )


def _named_collection(name):
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=name).first() if root is not None else None


def _collection_of(link, collection):
    """True when `collection`, linked to nobody, is one the link's group already works in (linked before links)."""
    if link is None or hasattr(collection, "organisation_link"):
        return False
    return GroupCollectionPermission.objects.filter(group=link.group, collection=collection).exists()


@transaction.atomic
def ensure_organisation_group(name, organisation_key, organisation_pages):
    """The organisation's group and collection, linked to it and granted what its editors need; returns the link.

    `organisation_pages` are the organisation's page in every locale. Made on
    first use ("<name> editors" and a collection "<name>", refused by
    `check_organisation_name` when either belongs to someone else); completed
    on every call. Saving the link tells the other apps (stories makes the
    organisation's story folder, stories/signals.py).
    """
    link = organisation_link(organisation_key)
    check_organisation_name(name, organisation_key)
    if link is None:
        link = OrganisationGroup(organisation_key=organisation_key, name=name)
        link.group = Group.objects.create(name=organisation_group_name(name))
    if link.collection is None:
        existing = _named_collection(name)
        if existing is not None and _collection_of(link if link.pk else None, existing):
            link.collection = existing
        else:
            link.collection = Collection.get_first_root_node().add_child(instance=Collection(name=name))
    group = link.group
    group.permissions.add(*_permissions(ORGANISATION_MODEL_PERMISSIONS))
    _grant_pages(group, organisation_pages, ORGANISATION_PAGE_PERMISSIONS)
    _grant_collection(group, link.collection)
    link.save()
    return link


def grant_story_folder_permissions(group, folders):
    """An organisation's editors write stories in their folder (every locale), without publishing them."""
    _grant_pages(group, folders, ORGANISATION_PAGE_PERMISSIONS)


# Questions about a user ---------------------------------------------------------------------------------


def is_campaign_staff(user):
    """Campaign editors and admins (and superusers): they follow up every organisation."""
    return user.is_active and user.has_perm(OVERSEE_ORGANISATIONS)


def may_onboard(user):
    """Onboarding creates a group and invites a user, but only in the fixed shape onboarding gives them.

    So campaign editors may do it without the general rights to create
    groups and users, which stay with campaign admins.
    """
    return user.is_active and user.has_perm(ONBOARD_ORGANISATION)


def campaign_staff_with_email():
    """Who is told what campaign staff follow up (consent ending): active, with an e-mail address."""
    users = get_user_model().objects.with_perm(
        OVERSEE_ORGANISATIONS, include_superusers=False, backend="django.contrib.auth.backends.ModelBackend"
    )
    return users.filter(is_active=True).exclude(email="")


def organisation_keys_of(user):
    """Translation keys of the organisations whose editors' group `user` is in."""
    if not user.is_active:
        return []
    return list(OrganisationGroup.objects.filter(group__user=user).values_list("organisation_key", flat=True))


def editors_of_organisation(organisation_key):
    """Active members, with an e-mail address, of the organisation's editors' group."""
    return (
        get_user_model()
        .objects.filter(groups__organisation_link__organisation_key=organisation_key, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def may_edit(user, page):
    """Wagtail's page permissions: the user's groups hold add or change on the page or above it."""
    return page.permissions_for_user(user).can_edit()


def may_change_model(user, model):
    """Snippets and other models without per-object permissions: the model's change permission."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def may_edit_object(user, instance):
    """A page: whoever may edit it; anything else (a snippet): whoever may change its model."""
    if isinstance(instance, Page):
        return may_edit(user, instance)
    return may_change_model(user, type(instance))


def may_publish_all(user, instances):
    """May the user publish every one of `instances` (pages, or snippets with or without drafts)?"""
    if user.is_superuser:
        return True
    for instance in instances:
        if isinstance(instance, Page):
            if not instance.permissions_for_user(user).can_publish():
                return False
        elif hasattr(instance, "live"):
            opts = instance._meta
            if not user.has_perm(f"{opts.app_label}.publish_{opts.model_name}"):
                return False
    return True


def may_confirm_still_accurate(user, page):
    """Confirming a listing is a change to it: whoever may edit it."""
    return may_edit(user, page)


def may_see_draft(user, page):
    """Draft titles, revisions and unpublished pages are for those who may edit the page."""
    return user.is_active and (user.is_superuser or may_edit(user, page))


def may_publish_below(user, pages):
    """True when the user may publish a new page under any of `pages` (e.g. a story under a story index)."""
    return user.is_superuser or any(page.permissions_for_user(user).can_publish_subpage() for page in pages)


def editable_pages(user):
    """Every page `may_edit` says yes to, as a queryset."""
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def visible_pages(user, pages):
    """Of `pages`, those the user may see in a chooser or list: live ones (public anyway) and editable ones."""
    if user.is_superuser:
        return pages
    return pages.filter(Q(live=True) | Q(pk__in=editable_pages(user).values("pk")))


def public_title(user, page):
    """The page in memory with the title the user may see: the live one unless the user may see its draft.

    The row of a live page holds its live title; `draft_title` holds the
    latest revision's. Never save a page passed through here.
    """
    if not may_see_draft(user, page):
        page.draft_title = page.title
    return page


def _image_policy():
    return policy_registry.get_by_type(get_image_model())


def _document_policy():
    return policy_registry.get_by_type(get_document_model())


def visible_images(user):
    """Images the user may see anywhere in the admin (listings, API, bulk actions, tags)."""
    return _image_policy().instances_user_has_any_permission_for(user, ["choose", "change", "delete"])


def visible_documents(user):
    """Documents the user may see anywhere in the admin, as `visible_images`."""
    return _document_policy().instances_user_has_any_permission_for(user, ["choose", "change", "delete"])


def may_use(user, obj):
    """May the user make a page refer to `obj` (an image, a document or a page)?"""
    if isinstance(obj, get_image_model()):
        return _image_policy().user_has_permission_for_instance(user, "choose", obj)
    if isinstance(obj, get_document_model()):
        return _document_policy().user_has_permission_for_instance(user, "choose", obj)
    if isinstance(obj, Page):
        return obj.live or may_see_draft(user, obj)
    return True


def may_see_media(user, obj):
    """An image or document is seen by those with any permission on its collection."""
    policy = _image_policy() if isinstance(obj, get_image_model()) else _document_policy()
    return policy.user_has_any_permission_for_instance(user, ["choose", "change", "delete"], obj)


def may_see(user, obj):
    """May the user see that `obj` exists, with its title (a page's draft title, an image's file name)?"""
    if isinstance(obj, Page):
        return may_see_draft(user, obj)
    if isinstance(obj, get_image_model() | get_document_model()):
        return may_see_media(user, obj)
    return True


def visible_tags(user):
    """Tags of the images and documents the user may see (tags are shared by every tagged model)."""
    query = Q()
    for model, objects in ((get_image_model(), visible_images(user)), (get_document_model(), visible_documents(user))):
        query |= Q(
            taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(model),
            taggit_taggeditem_items__object_id__in=objects.values("pk"),
        )
    return Tag.objects.filter(query)


def popular_tags(user, model, count=10):
    """Wagtail's "popular tags" of a model (images or documents), counted over the items the user may see."""
    objects = visible_images(user) if issubclass(model, get_image_model()) else visible_documents(user)
    items = Q(
        taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(model),
        taggit_taggeditem_items__object_id__in=objects.values("pk"),
    )
    return (
        Tag.objects.filter(items)
        .annotate(item_count=Count("taggit_taggeditem_items", filter=items))
        .order_by("-item_count", "name")[:count]
    )


def may_download_document(user, document):
    """A document is public once a published page links to it; before, only those who may see it download it.

    Wagtail's reference index records what each page's row refers to, and the
    row of a live page holds its published content.
    """
    if user.is_authenticated and user.is_active and may_see_media(user, document):
        return True
    referring = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    page_ids = [int(pk) for pk in referring.values_list("object_id", flat=True) if str(pk).isdigit()]
    return Page.objects.live().public().filter(pk__in=page_ids).exists()


# References a save may add ----------------------------------------------------------------------------------


def _referable_models():
    return (get_image_model(), get_document_model(), Page)


def references(instance):
    """{(model, pk): field name} for every image, document and page `instance` refers to.

    Foreign keys, StreamField blocks and rich text links (through the fields'
    own `extract_references`, as Wagtail's reference index reads them), and the
    same in inline child objects.
    """
    found = {}
    if instance is None:
        return found
    models = _referable_models()
    for field in instance._meta.get_fields():
        if getattr(field, "wagtail_reference_index_ignore", False) or isinstance(field, ParentalKey):
            continue
        if field.is_relation and field.many_to_one and field.concrete:
            related = field.related_model
            if related and issubclass(related, models):
                value = field.value_from_object(instance)
                if value is not None:
                    found.setdefault((_base(related), str(value)), field.name)
        elif hasattr(field, "extract_references") and field.concrete:
            value = field.value_from_object(instance)
            if value is None:
                continue
            for model, object_id, _model_path, _content_path in field.extract_references(value):
                if issubclass(model, models):
                    found.setdefault((_base(model), str(object_id)), field.name)
    if isinstance(instance, ClusterableModel):
        for relation in get_all_child_relations(instance):
            name = relation.get_accessor_name()
            for child in getattr(instance, name).all():
                for key in references(child):
                    found.setdefault(key, name)
    return found


def _base(model):
    for base in _referable_models():
        if issubclass(model, base):
            return base
    return model


def forbidden_references(user, instance, allowed=()):
    """{field name: [objects]} that `instance` refers to and `user` may not use; `allowed` keys excepted.

    `allowed` holds what the page referred to before the user's change (keys of
    `references`): a campaign editor may have put a campaign image on an
    organisation's page, and its editors must still save it. Campaign staff
    may use every image and document; an organisation editor only those of its
    own collection, and pages that are live or its own.
    """
    forbidden = {}
    for (model, pk), field_name in references(instance).items():
        if (model, pk) in allowed:
            continue
        obj = model.objects.filter(pk=pk).first() if str(pk).isdigit() else None
        if obj is None or may_use(user, obj):
            continue
        forbidden.setdefault(field_name, []).append(obj)
    return forbidden


def may_show_chosen(user, obj, allowed=()):
    """May a chooser show `obj` to the user: one they may use, or one the page already referred to?"""
    return (_base(type(obj)), str(obj.pk)) in allowed or may_use(user, obj)


def reference_error(model):
    """The message for a refused reference, by what is referred to."""
    if issubclass(model, get_image_model()):
        return _("Choose an image from your organisation's own collection.")
    if issubclass(model, get_document_model()):
        return _("Choose a document from your organisation's own collection.")
    return _("Choose a published page or one of your organisation's own pages.")


# Two-factor sign-in -------------------------------------------------------------------------------------

USER_MANAGEMENT_PERMISSIONS = ("auth.add_user", "auth.change_user", "auth.add_group", "auth.change_group")


def requires_second_factor(user):
    """Must this account sign in to the admin with a second factor (home/two_factor/)?

    Yes for every account that can publish a page or manage users and their
    groups: superusers, campaign admins and campaign editors as the roles
    stand. Decided by what the account may do (Wagtail's page permission
    policy, the user and group permissions), never by a group's name, so a
    group given publishing rights tomorrow needs the second factor at once.
    Organisation editors and translators, who publish nothing, are offered it.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser or any(user.has_perm(permission) for permission in USER_MANAGEMENT_PERMISSIONS):
        return True
    return PagePermissionPolicy().user_has_permission(user, "publish")
