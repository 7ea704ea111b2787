"""Editors open and manage evaluation rounds in the admin (Wagtail's ModelViewSet asks Django's
model permissions); state changes are further checked by evaluation.rules."""

from django.db import migrations

CODENAMES = ["add_evaluationround", "change_evaluationround", "view_evaluationround"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="evaluation", model="evaluationround"
    )
    group, _ = Group.objects.get_or_create(name="Editors")
    for codename in CODENAMES:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename}
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial"), ("accounts", "0003_role_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
