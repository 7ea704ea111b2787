"""Existing status and percent values typed on milestone and commitment pages become their
first official reports (nothing is lost): one report per milestone and per commitment, dated
when the page was last published, written in the page's language, without an author."""

from django.db import migrations
from django.utils import timezone

STEPLEN = 4  # treebeard's path step: a commitment's parent (its plan) has path[:-4]


def adopt(apps, schema_editor):
    CommitmentPage = apps.get_model("actionplans", "CommitmentPage")
    Milestone = apps.get_model("actionplans", "Milestone")
    Page = apps.get_model("wagtailcore", "Page")
    Report = apps.get_model("monitoring", "ProgressReport")
    Position = apps.get_model("monitoring", "Position")
    seen = set()
    for commitment in CommitmentPage.objects.order_by("pk").select_related("locale"):
        key = commitment.translation_key
        if key in seen or Position.objects.filter(commitment_key=key).exists():
            continue
        seen.add(key)
        plan = Page.objects.filter(path=commitment.path[:-STEPLEN]).first()
        if plan is None:
            continue
        when = commitment.last_published_at or commitment.latest_revision_created_at
        reported_on = timezone.localdate(when) if when else timezone.localdate()
        common = {
            "commitment_key": key,
            "plan_key": plan.translation_key,
            "kind": "official",
            "reported_on": reported_on,
            "language": commitment.locale.language_code,
            "organisation_id": commitment.lead_institution_id,
        }
        items = [
            ("milestone", m.translation_key, m.status, m.progress)
            for m in Milestone.objects.filter(commitment_id=commitment.pk)
        ]
        items.append(("commitment", key, commitment.status, commitment.progress))
        for target_type, target_key, status, percent in items:
            report = Report.objects.create(
                target_key=target_key,
                target_type=target_type,
                status=status,
                percent=percent,
                **common,
            )
            Position.objects.create(
                target_key=target_key,
                target_type=target_type,
                commitment_key=key,
                plan_key=plan.translation_key,
                kind="official",
                report=report,
                status=status,
                percent=percent,
                reported_on=reported_on,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0002_progress_reports"),
        ("actionplans", "0004_milestone_weight"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(adopt, migrations.RunPython.noop)]
