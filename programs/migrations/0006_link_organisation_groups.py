"""Tie each existing organisation's editors' group (and collection) to its organisation by a link.

Until now an organisation's group was found by its name, "<name> editors".
A group is linked to an organisation when all its page permissions are on
organisation pages of that one organisation (every locale) and its story
folders, below the campaign's own pages; a group with permissions elsewhere
(a campaign group that an organisation called "Campaign" was once given) is
left unlinked. Its one collection below the root, if any, is linked too.
"""

from django.db import migrations

CAMPAIGN_GROUPS = {"Campaign editors", "Campaign admins", "Translators"}
SUFFIX = " editors"


def link_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    OrganisationGroup = apps.get_model("home", "OrganisationGroup")
    organisation_type = ContentType.objects.filter(app_label="programs", model="organisationpage").first()
    if organisation_type is None:
        return
    for group in Group.objects.exclude(name__in=CAMPAIGN_GROUPS).order_by("pk"):
        if OrganisationGroup.objects.filter(group=group).exists():
            continue
        pages = Page.objects.filter(pk__in=GroupPagePermission.objects.filter(group=group).values("page_id"))
        if not pages.exists() or pages.filter(depth__lt=4).exists():
            continue
        keys = set(pages.filter(content_type=organisation_type).values_list("translation_key", flat=True))
        if len(keys) != 1:
            continue
        key = keys.pop()
        if OrganisationGroup.objects.filter(organisation_key=key).exists():
            continue
        source = Page.objects.filter(translation_key=key, alias_of__isnull=True).order_by("pk").first()
        name = group.name[: -len(SUFFIX)] if group.name.endswith(SUFFIX) else (source.title if source else group.name)
        if OrganisationGroup.objects.filter(name=name).exists():
            continue
        collections = set(
            GroupCollectionPermission.objects.filter(group=group, collection__depth__gt=1).values_list(
                "collection_id", flat=True
            )
        )
        collection_id = collections.pop() if len(collections) == 1 else None
        if collection_id and OrganisationGroup.objects.filter(collection_id=collection_id).exists():
            collection_id = None
        OrganisationGroup.objects.create(
            organisation_key=key, name=name[:100], group=group, collection_id=collection_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0005_image_alt_texts_per_locale"),
        ("home", "0004_campaign_rights_and_organisation_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(link_groups, migrations.RunPython.noop)]
