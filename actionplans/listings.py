"""Listings of plans and commitments that pages, search and open data share."""

from collections.abc import Iterable

from .models import ActionPlanPage


def plans_by_path(commitments: Iterable) -> dict[str, ActionPlanPage]:
    """The plans of the given commitments, by tree path, in one query."""
    paths = {commitment.plan_path for commitment in commitments}
    if not paths:
        return {}
    return {plan.path: plan for plan in ActionPlanPage.objects.filter(path__in=paths)}
