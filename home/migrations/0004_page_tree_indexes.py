"""Two indexes on Wagtail's page table, so that what every page reads does not grow with the
number of pages: routing finds the requested page by its URL path (``home.ancestors``), and
menus list a page's children by depth and path range, which otherwise read every page below
the home page (all commitments of all plans) or the whole table on PostgreSQL."""

from django.db import migrations

INDEXES = {
    "home_page_url_path": "(url_path)",
    "home_page_depth_path": "(depth, path)",
}


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_section_contact"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns}",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, columns in INDEXES.items()
    ]
