"""The editorial roles of the design brief as Wagtail groups.

Wagtail's own first migration makes "Editors" (add, edit) and "Moderators" (add, edit, publish)
groups for page moderation. Here a moderator moderates public comments, not pages, and editors
publish, so both groups are adjusted, and "Council staff" (draft pages, cannot publish) and
"Evaluators" are added."""

from django.db import migrations

PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Moderators": [],
    "Council staff": ["add_page", "change_page", "lock_page"],
    "Evaluators": [],
}
MEDIA_PERMISSIONS = {
    "Editors": ["add", "change", "choose"],
    "Council staff": ["add", "choose"],
}


def set_up_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")

    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        if root is None:
            continue
        GroupPagePermission.objects.filter(group=group, page=root).exclude(
            permission__codename__in=codenames
        ).delete()
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=page_type, codename=codename, defaults={"name": codename}
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)

    for name, actions in MEDIA_PERMISSIONS.items():
        group = Group.objects.get(name=name)
        for app_label, model in (("wagtaildocs", "document"), ("wagtailimages", "image")):
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                if root_collection is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_organisations"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(set_up_groups, migrations.RunPython.noop)]
