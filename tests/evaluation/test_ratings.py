"""The ratings the commitment search's facets read stay equal to the latest published
independent assessment of each commitment after every service that changes it (submitting,
publishing or withdrawing a round, deleting a round), and the migration fills them from the
assessments already recorded."""

from importlib import import_module

from django.apps import apps

from actionplans.evaluation import ratings, services
from actionplans.evaluation.models import Assessment, CommitmentRating

from .conftest import assess


def stored() -> dict:
    return {
        row.commitment_key: (row.completion, row.early_results)
        for row in CommitmentRating.objects.all()
    }


def change(users, evaluation_round, state):
    return services.change_round_state(
        user=users["editor"], evaluation_round=evaluation_round, state=state
    )


def test_publishing_and_withdrawing_a_round_rewrite_the_ratings(commitments, make_round, users):
    c1, c2 = commitments
    evaluation_round = make_round()
    first = assess(users["evaluator"], evaluation_round, c1, completion="limited")
    assess(users["evaluator"], evaluation_round, c2, completion="complete", submit=False)
    assert stored() == {}  # submitted in a round not published: nothing shows yet
    change(users, evaluation_round, "closed")
    evaluation_round = change(users, evaluation_round, "published")
    assert stored() == {c1.translation_key: ("limited", first.early_results)}
    assert stored() == ratings.latest_ratings()
    change(users, evaluation_round, "closed")
    assert stored() == {}
    evaluation_round = change(users, evaluation_round, "open")
    first = Assessment.objects.select_related("round").get(pk=first.pk)
    services.start_revision(user=users["evaluator"], assessment=first)
    assess(users["evaluator"], evaluation_round, c1, completion="substantial")
    change(users, evaluation_round, "closed")
    change(users, evaluation_round, "published")
    assert stored() == {c1.translation_key: ("substantial", first.early_results)}


def test_a_later_round_wins_and_deleting_it_brings_the_earlier_back(commitments, make_round, users):
    c1, _c2 = commitments
    mid_term, end_of_term = make_round(), make_round()
    assess(users["evaluator"], mid_term, c1, completion="limited", early_results="marginal")
    assess(users["evaluator"], end_of_term, c1, completion="complete", early_results="major")
    for evaluation_round in (mid_term, end_of_term):
        change(users, evaluation_round, "closed")
        change(users, evaluation_round, "published")
    assert stored() == {c1.translation_key: ("complete", "major")}
    end_of_term.delete()  # an editor deleting the round deletes its assessments
    assert stored() == {c1.translation_key: ("limited", "marginal")}


def test_the_migration_fills_the_ratings_from_the_assessments(commitments, make_round, users):
    migration = import_module("actionplans.evaluation.migrations.0003_commitment_ratings")
    c1, c2 = commitments
    evaluation_round = make_round()
    assess(users["evaluator"], evaluation_round, c1, completion="limited", early_results="major")
    assess(users["evaluator"], evaluation_round, c2, completion="complete", early_results="major")
    change(users, evaluation_round, "closed")
    change(users, evaluation_round, "published")
    expected = {c1.translation_key: ("limited", "major"), c2.translation_key: ("complete", "major")}
    assert stored() == expected
    CommitmentRating.objects.all().delete()
    CommitmentRating.objects.create(commitment_key=evaluation_round.plan_key)  # stale
    migration.fill(apps, None)
    assert stored() == expected
