"""Give the campaign groups that exist already the campaign's own rights (home.CampaignRights).

Until now code recognised campaign editors by their group's name; it now asks
`user.has_perm("home.onboard_organisation")` and the like (home/permissions.py).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RIGHTS = ["onboard_organisation", "oversee_organisations"]
GROUPS = ["Campaign editors", "Campaign admins"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("home")
    app_config.models_module = True  # create_permissions skips app configs without models
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    rights = list(Permission.objects.filter(content_type__app_label="home", codename__in=RIGHTS))
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*rights)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_campaign_rights_and_organisation_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
