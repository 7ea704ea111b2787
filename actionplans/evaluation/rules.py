"""Who may do what in co-evaluation, as `rules` predicates named `evaluation.<verb>_<model>`.

Objects: round permissions take an EvaluationRound; assessment permissions an Assessment (whose
`round` is loaded). Checked with `can()` (rules' own permission set, not `User.has_perm`, which
would let a superuser evaluate without being named on the round)."""

import rules
from django.utils import timezone

from accounts.roles import has_confirmed_email, is_active_user, is_editor, is_evaluator
from consultations.rules import is_participant

from . import partners


def _round(obj):
    return getattr(obj, "round", obj)


@rules.predicate
def round_is_open(user, obj) -> bool:
    return obj is not None and _round(obj).is_open


@rules.predicate
def round_is_published(user, obj) -> bool:
    return obj is not None and _round(obj).is_published


@rules.predicate
def round_is_draft(user, obj) -> bool:
    return obj is not None and _round(obj).state == _round(obj).State.DRAFT


@rules.predicate
def feedback_window_open(user, obj) -> bool:
    return obj is not None and obj.is_open and obj.feedback_window_contains(timezone.localdate())


@rules.predicate
def is_named_evaluator(user, obj) -> bool:
    """An account of the Evaluators group named on the round."""
    if obj is None or not is_evaluator(user):
        return False
    evaluation_round = _round(obj)
    cache = getattr(evaluation_round, "_evaluator_ids", None)
    if cache is None:
        cache = set(evaluation_round.evaluators.values_list("pk", flat=True))
        evaluation_round._evaluator_ids = cache
    return user.pk in cache


@rules.predicate
def is_accredited_member(user, obj) -> bool:
    """A member of an organisation accredited on the round's plan, when the round takes
    civil-society evaluations."""
    if obj is None or not is_active_user(user):
        return False
    evaluation_round = _round(obj)
    if not evaluation_round.civil_society:
        return False
    return bool(accredited_keys(user, evaluation_round))


def accredited_keys(user, evaluation_round) -> set:
    """Organisations (translation keys) through which the user is accredited on the plan."""
    return partners.accredited_organisation_keys(user, evaluation_round.plan_key)


@rules.predicate
def is_author(user, assessment) -> bool:
    return assessment is not None and assessment.author_id == getattr(user, "pk", None)


@rules.predicate
def is_draft(user, assessment) -> bool:
    return assessment is not None and assessment.is_draft


@rules.predicate
def is_current_submission(user, assessment) -> bool:
    return assessment is not None and assessment.is_current


@rules.predicate
def is_submitted(user, assessment) -> bool:
    return assessment is not None and not assessment.is_draft


may_evaluate = is_named_evaluator | is_accredited_member

rules.add_perm("evaluation.manage_evaluationround", is_editor)
rules.add_perm("evaluation.change_evaluationround", is_editor & round_is_draft)
rules.add_perm("evaluation.view_results", round_is_published | is_editor)
rules.add_perm("evaluation.add_assessment", is_active_user & may_evaluate & round_is_open)
rules.add_perm(
    "evaluation.change_assessment", is_active_user & is_author & is_draft & round_is_open
)
rules.add_perm(
    "evaluation.submit_assessment",
    is_active_user & may_evaluate & is_author & is_draft & round_is_open,
)
rules.add_perm(
    "evaluation.revise_assessment",
    is_active_user & may_evaluate & is_author & is_current_submission & round_is_open,
)
rules.add_perm(
    "evaluation.view_assessment",
    (is_submitted & (round_is_published | is_editor)) | (is_active_user & is_author),
)
rules.add_perm(
    # Citizens and civil society; the council's editors are the ones being evaluated.
    "evaluation.add_citizenfeedback",
    is_active_user & has_confirmed_email & is_participant & ~is_editor & feedback_window_open,
)


def can(user, permission: str, obj=None) -> bool:
    return rules.has_perm(permission, user, obj)
