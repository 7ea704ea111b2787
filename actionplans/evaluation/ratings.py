"""Each commitment's published IRM ratings (``CommitmentRating``), which the commitment
search's facets read instead of looking for the latest assessment once per result.

The assessment read is the one a round's results page shows as the evaluators' (the latest
submitted, current version: never a draft, never a version a revision replaced), from the most
recently published round that assessed the commitment. ``refresh(keys)`` rewrites the rows of
some commitments; the services call it when an assessment is submitted and when a round is
published or withdrawn, deleting an assessment (a round, with its assessments) calls it too,
and migration 0003 ran it for every commitment. The functions take the models' registry as an
argument so that the migration can pass its historical one."""

from collections.abc import Iterable

from django.apps import apps as global_apps
from django.db.models import QuerySet
from django.db.models.signals import post_delete

PUBLISHED = "published"  # EvaluationRound.State.PUBLISHED
EVALUATOR = "evaluator"  # Assessment.Kind.EVALUATOR
SUBMITTED = "submitted"  # Assessment.Status.SUBMITTED


def _models(apps=None):
    apps = apps or global_apps
    return apps.get_model("evaluation", "Assessment"), apps.get_model(
        "evaluation", "CommitmentRating"
    )


def published_assessments(apps=None) -> QuerySet:
    """Independent evaluators' current assessments in published rounds, latest first."""
    assessment, _rating = _models(apps)
    return assessment._default_manager.filter(
        status=SUBMITTED,
        superseded_by__isnull=True,
        kind=EVALUATOR,
        round__state=PUBLISHED,
    ).order_by("-round__published_at", "-round__starts_on", "-submitted_at", "-pk")


def latest_ratings(commitment_keys=None, apps=None) -> dict:
    """{commitment key: (completion, early results)} of the commitments with a published
    assessment (all of them, or those of ``commitment_keys``)."""
    assessments = published_assessments(apps)
    if commitment_keys is not None:
        assessments = assessments.filter(commitment_key__in=commitment_keys)
    found: dict = {}
    for key, completion, early_results in assessments.values_list(
        "commitment_key", "completion", "early_results"
    ):
        found.setdefault(key, (completion, early_results))  # latest first
    return found


def _rows(found: dict, rating) -> list:
    return [
        rating(commitment_key=key, completion=completion, early_results=early_results)
        for key, (completion, early_results) in found.items()
    ]


def refresh(commitment_keys: Iterable, apps=None) -> None:
    """Rewrite the rating rows of these commitments from their assessments."""
    keys = set(commitment_keys)
    if not keys:
        return
    _assessment, rating = _models(apps)
    found = latest_ratings(keys, apps)
    rating._default_manager.filter(commitment_key__in=keys - set(found)).delete()
    rating._default_manager.bulk_create(
        _rows(found, rating),
        update_conflicts=True,
        unique_fields=["commitment_key"],
        update_fields=["completion", "early_results"],
    )


def refresh_round(evaluation_round, apps=None) -> None:
    """Rewrite the rows of every commitment assessed in a round (published or withdrawn)."""
    assessment, _rating = _models(apps)
    keys = assessment._default_manager.filter(round_id=evaluation_round.pk).values_list(
        "commitment_key", flat=True
    )
    refresh(set(keys), apps)


def refresh_all(apps=None) -> None:
    """Rebuild every row (a migration, or a repair)."""
    _assessment, rating = _models(apps)
    found = latest_ratings(None, apps)
    rating._default_manager.all().delete()
    rating._default_manager.bulk_create(_rows(found, rating), batch_size=500)


def _assessment_deleted(sender, instance, **kwargs) -> None:
    refresh([instance.commitment_key])


def connect() -> None:
    """Deleting assessments (an editor deleting a round deletes its assessments) rewrites
    their commitments' rows."""
    post_delete.connect(
        _assessment_deleted, sender="evaluation.Assessment", dispatch_uid="evaluation.ratings"
    )
