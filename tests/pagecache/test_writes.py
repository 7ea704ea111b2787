"""Which SQL statements count as writes that public pages may show."""

import pytest

from pagecache.invalidation import table_written


@pytest.mark.parametrize(
    ("sql", "table"),
    [
        ('INSERT INTO "consultations_comment" ("body") VALUES (%s)', "consultations_comment"),
        ('UPDATE "wagtailcore_page" SET "live" = %s WHERE "id" = %s', "wagtailcore_page"),
        ('DELETE FROM "actionplans_milestone" WHERE "id" IN (%s)', "actionplans_milestone"),
        ("insert or replace into monitoring_report (id) values (1)", "monitoring_report"),
        ('  UPDATE "evaluation_assessment" SET "score" = 1', "evaluation_assessment"),
        ('UPDATE "accounts_user" SET "display_name" = %s WHERE "id" = %s', "accounts_user"),
    ],
)
def test_writes_to_tables_pages_show(sql, table):
    assert table_written(sql) == table


@pytest.mark.parametrize(
    "sql",
    [
        'SELECT "wagtailcore_page"."id" FROM "wagtailcore_page"',
        'INSERT INTO "django_session" ("session_key") VALUES (%s)',
        'UPDATE "accounts_user" SET "last_login" = %s WHERE "accounts_user"."id" = %s',
        'INSERT INTO "wagtailsearchpromotions_querydailyhits" ("hits") VALUES (%s)',
        'INSERT INTO "wagtailimages_rendition" ("file") VALUES (%s)',
        'INSERT INTO "wagtailsearch_indexentry" ("title") VALUES (%s)',
        'INSERT INTO "wagtailcore_revision" ("content") VALUES (%s)',
        'INSERT INTO "django_tasks_database_dbtaskresult" ("status") VALUES (%s)',
        "UPDATEX nothing",
    ],
)
def test_reads_and_bookkeeping_are_not_writes_pages_show(sql):
    assert table_written(sql) is None
