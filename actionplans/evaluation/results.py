"""A round's results, side by side per commitment: the independent evaluators' ratings, the
civil-society ratings, a summary of citizen feedback and the council's latest official progress.
Built in a fixed number of queries whatever the number of commitments or assessments."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from actionplans.models import CommitmentPage
from actionplans.organisations import organisations_in
from actionplans.summary import ChartRow
from home.translations import localized
from home.visibility import public_q

from . import partners
from .models import Assessment, CitizenFeedback, EvaluationRound
from .scales import Completion, DeliveryRating, EarlyResults, is_star

NOT_ASSESSED = "not_assessed"


@dataclass
class FeedbackSummary:
    count: int = 0
    total: int = 0
    by_rating: dict = field(default_factory=dict)

    @property
    def average(self) -> float | None:
        return round(self.total / self.count, 1) if self.count else None

    def rows(self) -> list[ChartRow]:
        return [
            ChartRow(
                key=f"rating-{value}",
                label=str(label),
                count=self.by_rating.get(value, 0),
                share=round(100 * self.by_rating.get(value, 0) / self.count) if self.count else 0,
            )
            for value, label in DeliveryRating.choices
        ]


@dataclass
class CommitmentResult:
    commitment: CommitmentPage
    evaluator: Assessment | None  # the latest submitted independent assessment
    evaluators: list[Assessment]
    civil_society: list[Assessment]
    feedback: FeedbackSummary
    official_status: str = ""
    official_progress: int | None = None

    @property
    def key(self):
        return self.commitment.translation_key

    @property
    def star(self) -> bool:
        assessment = self.evaluator
        if assessment is None:
            return False
        return is_star(
            verifiable=bool(assessment.verifiable),
            relevant_values=len(assessment.relevant_values.all()),
            potential=assessment.potential,
            completion=assessment.completion,
            early=assessment.early_results,
        )


@dataclass
class PlanResults:
    evaluation_round: EvaluationRound
    plan: object
    rows: list[CommitmentResult]
    completion_chart: list[ChartRow]
    early_results_chart: list[ChartRow]

    @property
    def stars(self) -> list[CommitmentResult]:
        return [row for row in self.rows if row.star]


def _chart(values: list[str], scale) -> list[ChartRow]:
    counts = Counter(values)
    total = len(values)
    choices = [*scale.choices, (NOT_ASSESSED, _not_assessed_label())]
    return [
        ChartRow(
            key=value,
            label=str(label),
            count=counts.get(value, 0),
            share=round(100 * counts.get(value, 0) / total) if total else 0,
        )
        for value, label in choices
    ]


def _not_assessed_label():
    from django.utils.translation import gettext

    return gettext("Not assessed")


def assessments_for(evaluation_round: EvaluationRound, locale_id: int, **filters) -> list:
    """Current submitted assessments of the round, organisations in the reader's language."""
    assessments = list(
        Assessment.objects.current()
        .filter(round=evaluation_round, **filters)
        .select_related("author", "organisation")
        .prefetch_related("relevant_values")
        .order_by("submitted_at", "pk")
    )
    found = organisations_in([a.organisation for a in assessments], locale_id)
    for assessment in assessments:
        assessment.organisation_display = localized(found, assessment.organisation)
    return assessments


def feedback_summaries(evaluation_round: EvaluationRound, **filters) -> dict:
    summaries: dict = defaultdict(FeedbackSummary)
    rows = (
        CitizenFeedback.objects.visible()
        .filter(round=evaluation_round, **filters)
        .values("commitment_key", "rating")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        summary = summaries[row["commitment_key"]]
        summary.count += row["n"]
        summary.total += row["n"] * row["rating"]
        summary.by_rating[row["rating"]] = summary.by_rating.get(row["rating"], 0) + row["n"]
    return summaries


def _result(commitment, assessments, feedback, progress) -> CommitmentResult:
    evaluators = [a for a in assessments if a.kind == Assessment.Kind.EVALUATOR]
    status, percent = progress.get(commitment.translation_key, ("", None))
    return CommitmentResult(
        commitment=commitment,
        evaluator=evaluators[-1] if evaluators else None,
        evaluators=evaluators,
        civil_society=[a for a in assessments if a.kind == Assessment.Kind.CIVIL_SOCIETY],
        feedback=feedback.get(commitment.translation_key) or FeedbackSummary(),
        official_status=status,
        official_progress=percent,
    )


def plan_results(evaluation_round: EvaluationRound, plan) -> PlanResults:
    """Every commitment of the plan (in the plan's language) with its results."""
    commitments = list(
        CommitmentPage.objects.child_of(plan).live().filter(public_q()).order_by("path")
    )
    by_commitment = defaultdict(list)
    for assessment in assessments_for(evaluation_round, plan.locale_id):
        by_commitment[assessment.commitment_key].append(assessment)
    feedback = feedback_summaries(evaluation_round)
    progress = partners.official_progress(commitments)
    rows = [
        _result(c, by_commitment.get(c.translation_key, []), feedback, progress)
        for c in commitments
    ]
    completion = [row.evaluator.completion if row.evaluator else NOT_ASSESSED for row in rows]
    early = [row.evaluator.early_results if row.evaluator else NOT_ASSESSED for row in rows]
    return PlanResults(
        evaluation_round=evaluation_round,
        plan=plan,
        rows=rows,
        completion_chart=_chart(completion, Completion),
        early_results_chart=_chart(early, EarlyResults),
    )


def commitment_result(evaluation_round: EvaluationRound, commitment) -> CommitmentResult:
    key = commitment.translation_key
    assessments = assessments_for(evaluation_round, commitment.locale_id, commitment_key=key)
    feedback = feedback_summaries(evaluation_round, commitment_key=key)
    return _result(commitment, assessments, feedback, partners.official_progress([commitment]))


def history(evaluation_round: EvaluationRound, commitment_key) -> list[Assessment]:
    """Every submitted version, newest first (superseded ones included)."""
    return list(
        Assessment.objects.submitted()
        .filter(round=evaluation_round, commitment_key=commitment_key)
        .select_related("author", "organisation")
        .order_by("-submitted_at", "-pk")
    )
