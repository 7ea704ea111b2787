from django.db import migrations

CODES = [
    "transparency",
    "access_to_information",
    "civic_participation",
    "public_accountability",
    "technology_innovation",
    "inclusion",
]


def create_values(apps, schema_editor):
    OGPValue = apps.get_model("actionplans", "OGPValue")
    for code in CODES:
        OGPValue.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("actionplans", "0001_initial")]

    operations = [migrations.RunPython(create_values, migrations.RunPython.noop)]
