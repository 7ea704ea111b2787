"""Council staff draft pages and editors publish them (DESIGN.md, roles), so page drafts
submitted for moderation go to the Editors. Wagtail's first migrations made one workflow,
"Moderators approval", whose task went to the Moderators group, who here moderate public
comments and have no page rights: a draft submitted by council staff waited for people who could
not act on it. The default workflow and its task now go to the Editors, under a name that says
so. A council that renamed or changed them keeps its own."""

from django.db import migrations

WAGTAIL_DEFAULT = "Moderators approval"
NAME = "Editors' approval"


def editors_approve(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    for task in GroupApprovalTask.objects.filter(name=WAGTAIL_DEFAULT):
        if set(task.groups.values_list("name", flat=True)) == {"Moderators"}:
            task.groups.set([editors])
            task.name = NAME
            task.save(update_fields=["name"])
    Workflow.objects.filter(name=WAGTAIL_DEFAULT).update(name=NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_role_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(editors_approve, migrations.RunPython.noop)]
