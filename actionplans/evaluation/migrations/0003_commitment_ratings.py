"""Each commitment's published ratings, which the commitment search's facets read, filled from
the assessments already recorded."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from actionplans.evaluation import ratings

    ratings.refresh_all(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('evaluation', '0002_editors_manage_rounds'),
    ]

    operations = [
        migrations.CreateModel(
            name='CommitmentRating',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('commitment_key', models.UUIDField(unique=True)),
                ('completion', models.CharField(blank=True, db_index=True, max_length=20)),
                ('early_results', models.CharField(blank=True, db_index=True, max_length=20)),
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
