"""Figures about a plan's commitments, computed by the database in a fixed number of queries
whatever the number of commitments or milestones."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet, Sum

from .models.milestone import Milestone, MilestoneQuerySet
from .models.ogp import OGPValue
from .models.status import Status

WIDTH_STEP = 5


def width_step(percent: float, visible: bool = False) -> int:
    """A percentage rounded to the 5 % steps the stylesheet has width classes for (bars cannot
    use inline styles under our Content Security Policy). visible=True keeps a non-zero value
    from disappearing."""
    step = int(round(max(0, min(100, percent)) / WIDTH_STEP)) * WIDTH_STEP
    if visible and percent > 0 and step == 0:
        step = WIDTH_STEP
    return step


@dataclass(frozen=True)
class ChartRow:
    key: str
    label: str
    count: int
    share: int  # percentage of the plan's commitments

    @property
    def width(self) -> int:
        return width_step(self.share, visible=self.count > 0)


@dataclass(frozen=True)
class PlanSummary:
    commitments: int
    average_progress: int
    by_status: list[ChartRow]
    by_value: list[ChartRow]
    milestones: int
    milestones_completed: int
    milestones_overdue: int


def _share(count: int, total: int) -> int:
    return round(100 * count / total) if total else 0


def summarise(commitments: QuerySet, today: date) -> PlanSummary:
    """commitments: the plan's published commitments (a queryset, not yet evaluated)."""
    per_status = {
        row["status"]: row
        for row in commitments.order_by()
        .values("status")
        .annotate(count=Count("pk"), progress=Sum("progress"))
    }
    total = sum(row["count"] for row in per_status.values())
    progress_sum = sum(row["progress"] or 0 for row in per_status.values())
    by_status = [
        ChartRow(
            key=status.value,
            label=str(status.label),
            count=per_status.get(status.value, {}).get("count", 0),
            share=_share(per_status.get(status.value, {}).get("count", 0), total),
        )
        for status in Status
    ]

    through = commitments.model.ogp_values.through
    per_value = dict(
        through.objects.filter(commitmentpage__in=commitments.order_by().values("pk"))
        .values_list("ogpvalue__code")
        .annotate(count=Count("commitmentpage", distinct=True))
    )
    by_value = [
        ChartRow(
            key=code.value,
            label=str(code.label),
            count=per_value.get(code.value, 0),
            share=_share(per_value.get(code.value, 0), total),
        )
        for code in OGPValue.Code
    ]

    milestones = Milestone.objects.filter(
        commitment__in=commitments.order_by().values("pk")
    ).aggregate(
        total=Count("pk"),
        completed=Count("pk", filter=Q(status=Status.COMPLETED)),
        overdue=Count("pk", filter=MilestoneQuerySet.overdue_q(today)),
    )
    return PlanSummary(
        commitments=total,
        average_progress=round(progress_sum / total) if total else 0,
        by_status=by_status,
        by_value=by_value,
        milestones=milestones["total"],
        milestones_completed=milestones["completed"],
        milestones_overdue=milestones["overdue"],
    )
