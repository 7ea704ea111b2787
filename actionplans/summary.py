"""Figures about a plan's commitments, added up from the commitment cards the plan page loads
(whose milestones the database has counted), so they cost no query of their own."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

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


def summarise(cards: Sequence) -> PlanSummary:
    """cards: the plan's published commitments as ``CommitmentQuerySet.for_cards`` loads
    them (the page lists them anyway): the figures are added up from them, with no query."""
    total = len(cards)
    per_status = Counter(card.status for card in cards)
    per_value = Counter(value.code for card in cards for value in card.ogp_values.all())
    progress_sum = sum(card.progress for card in cards)
    return PlanSummary(
        commitments=total,
        average_progress=round(progress_sum / total) if total else 0,
        by_status=[
            ChartRow(
                key=status.value,
                label=str(status.label),
                count=per_status[status.value],
                share=_share(per_status[status.value], total),
            )
            for status in Status
        ],
        by_value=[
            ChartRow(
                key=code.value,
                label=str(code.label),
                count=per_value[code.value],
                share=_share(per_value[code.value], total),
            )
            for code in OGPValue.Code
        ],
        milestones=sum(card.milestone_count for card in cards),
        milestones_completed=sum(card.completed_count for card in cards),
        milestones_overdue=sum(card.overdue_count for card in cards),
    )
