"""One truth across languages: the status and percent every language version of a milestone
or commitment shows are computed here from the official reports, never typed by editors.

The `status` and `progress` columns of milestones and commitments are kept as a cache of that
truth, so listings, charts, open data and the search facets read one column: only
`sync_commitment` writes them (on every language version at once, by translation key), and page
revisions cannot bring back old values (`CommitmentPage.with_content_json`).

A milestone's values are those of its latest official report. A commitment's are those of its
own latest official report when that is at least as recent as the latest report on its
milestones; otherwise they roll up from the milestones: percent is the average of the
milestones' percents weighted by their weights (cancelled milestones left out), and status
follows the table in `rollup_status`."""

from datetime import date

from actionplans.models import CommitmentPage, Milestone
from actionplans.models.status import Status

from .models import Position
from .models.reports import Kind


def rollup_status(statuses: list[str]) -> str:
    """completed when every live milestone is completed; cancelled when all are cancelled;
    delayed when any is delayed; not started when none has started; in progress otherwise."""
    if not statuses:
        return Status.NOT_STARTED
    live = [s for s in statuses if s != Status.CANCELLED]
    if not live:
        return Status.CANCELLED
    if all(s == Status.COMPLETED for s in live):
        return Status.COMPLETED
    if any(s == Status.DELAYED for s in live):
        return Status.DELAYED
    if all(s == Status.NOT_STARTED for s in live):
        return Status.NOT_STARTED
    return Status.IN_PROGRESS


def rollup_percent(items: list[tuple[int, str, int | None]]) -> int:
    """items: (weight, status, percent) per milestone."""
    live = [(w, p or 0) for w, s, p in items if s != Status.CANCELLED]
    total = sum(w for w, _p in live)
    if not total:
        return 100 if items and not live else 0
    return round(sum(w * p for w, p in live) / total)


def commitment_values(
    own: Position | None, milestones: list[tuple[int, Position | None]]
) -> tuple[str, int, bool]:
    """(status, percent, set_by_report) from the commitment's own official position and its
    milestones' (weight, official position)."""
    dates = [p.reported_on for _w, p in milestones if p is not None and p.reported_on]
    latest_milestone = max(dates, default=date.min)
    if own is not None and own.report_id and own.reported_on >= latest_milestone:
        return own.status, own.percent or 0, True
    items = [
        (w, p.status if p else Status.NOT_STARTED, p.percent if p else 0) for w, p in milestones
    ]
    return rollup_status([s for _w, s, _p in items]), rollup_percent(items), False


def sync_commitment(commitment_key) -> tuple[str, int]:
    """Write the official truth into every language version of the commitment and its
    milestones. Returns the commitment's (status, percent)."""
    positions = {
        p.target_key: p
        for p in Position.objects.filter(commitment_key=commitment_key, kind=Kind.OFFICIAL)
    }
    source = CommitmentPage.objects.filter(translation_key=commitment_key).order_by("pk").first()
    if source is None:
        return Status.NOT_STARTED, 0
    milestones = list(Milestone.objects.filter(commitment=source))
    for milestone in milestones:
        position = positions.get(milestone.translation_key)
        if position is not None and position.report_id:
            Milestone.objects.filter(translation_key=milestone.translation_key).update(
                status=position.status, progress=position.percent or 0
            )
    status, percent, _own = commitment_values(
        positions.get(commitment_key),
        [(m.weight, positions.get(m.translation_key)) for m in milestones],
    )
    CommitmentPage.objects.filter(translation_key=commitment_key).update(
        status=status, progress=percent
    )
    return status, percent
