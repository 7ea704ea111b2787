"""Many reports at once, for the query-count tests and the benchmark (not for real data: it
skips the services and their checks, then recomputes the positions as the services would)."""

from datetime import timedelta

from django.utils import timezone

from .models import ProgressReport
from .services import recompute_position


def add_reports(commitment, plan, count: int, *, author, official_by, civil_society_by) -> None:
    """count reports spread over the commitment and its milestones, alternating voices, dated
    over the last 300 days; ``civil_society_by`` is an organisation or a list of them (the
    assessments go to each in turn)."""
    keys = [commitment.translation_key] + [m.translation_key for m in commitment.milestones.all()]
    organisations = (
        list(civil_society_by) if isinstance(civil_society_by, list | tuple) else [civil_society_by]
    )
    today = timezone.localdate()
    ProgressReport.objects.bulk_create(
        (
            ProgressReport(
                target_key=keys[n % len(keys)],
                target_type="commitment" if n % len(keys) == 0 else "milestone",
                commitment_key=commitment.translation_key,
                plan_key=plan.translation_key,
                kind="official" if n % 2 else "civil_society",
                status="in_progress" if n % 2 else "on_track",
                percent=n % 100,
                narrative=f"Report {n}: " + "text " * 30,
                reported_on=today - timedelta(days=n % 300),
                language="en",
                author=author,
                organisation=official_by if n % 2 else organisations[n // 2 % len(organisations)],
            )
            for n in range(count)
        ),
        batch_size=500,
    )
    for key in keys:
        latest = ProgressReport.objects.filter(target_key=key, kind="official").first()
        if latest:
            recompute_position(latest)
        for organisation in organisations:
            latest = ProgressReport.objects.filter(
                target_key=key, kind="civil_society", organisation=organisation
            ).first()
            if latest:
                recompute_position(latest)
