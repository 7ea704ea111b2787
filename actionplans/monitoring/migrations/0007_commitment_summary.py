"""Each commitment's co-monitoring summary, which the commitment search's facets read, filled
from the positions already recorded."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from actionplans.monitoring import summary

    summary.refresh_all(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('monitoring', '0006_positions_per_organisation'),
    ]

    operations = [
        migrations.CreateModel(
            name='CommitmentSummary',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('commitment_key', models.UUIDField(unique=True)),
                ('civil_society_status', models.CharField(blank=True, db_index=True, max_length=20)),
                ('disagreement', models.BooleanField(db_index=True, default=False)),
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
