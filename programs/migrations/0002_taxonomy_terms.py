from django.db import migrations

from programs.taxonomy import seed_terms


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]

    operations = [migrations.RunPython(seed_terms, migrations.RunPython.noop)]
