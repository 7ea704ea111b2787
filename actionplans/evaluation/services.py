"""Every write of co-evaluation: round states, assessments and their versions, citizen feedback.

Each function takes the acting user, checks the permission itself (views check it too, to show
or hide controls), runs in a transaction and leaves an audit-log entry."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.text import clean_multiline
from actionplans.models import OGPValue
from consultations import services as consultation_services

from . import ratings
from .models import EVIDENCE_MAX_LENGTH, NARRATIVE_MAX_LENGTH, Assessment, CitizenFeedback
from .models import EvaluationRound as Round
from .rules import accredited_keys, can, is_named_evaluator
from .scales import Completion, DeliveryRating, EarlyResults, Potential

# From each state, the states a round may move to.
TRANSITIONS = {
    Round.State.DRAFT: {Round.State.OPEN},
    Round.State.OPEN: {Round.State.CLOSED},
    Round.State.CLOSED: {Round.State.OPEN, Round.State.PUBLISHED},
    Round.State.PUBLISHED: {Round.State.CLOSED},
}


def change_round_state(*, user, evaluation_round: Round, state: str) -> Round:
    """Open, close, reopen, publish or unpublish a round (editors)."""
    if not can(user, "evaluation.manage_evaluationround", evaluation_round):
        raise PermissionDenied
    with transaction.atomic():
        evaluation_round = Round.objects.select_for_update().get(pk=evaluation_round.pk)
        previous = evaluation_round.state
        if state not in TRANSITIONS.get(previous, set()):
            raise ValidationError(
                _("A round that is “%(current)s” cannot become “%(new)s”.")
                % {
                    "current": Round.State(previous).label,
                    "new": Round.State(state).label if state in Round.State.values else state,
                }
            )
        evaluation_round.state = state
        if state == Round.State.PUBLISHED:
            evaluation_round.published_at = timezone.now()
        evaluation_round.save(update_fields=["state", "published_at"])
        if Round.State.PUBLISHED in (previous, state):
            ratings.refresh_round(evaluation_round)
        log(
            instance=evaluation_round,
            action=f"evaluation.round.{state}",
            user=user,
            data={"previous_state": previous},
        )
    return evaluation_round


# --- Assessments ---------------------------------------------------------------------------

SCALES = {"potential": Potential, "completion": Completion, "early_results": EarlyResults}


def _check_scales(values: dict) -> None:
    errors = {}
    for field, scale in SCALES.items():
        value = values.get(field, "")
        if value and value not in scale.values:
            errors[field] = _("Choose one of the levels of the scale.")
    if values.get("verifiable") not in (None, True, False):
        errors["verifiable"] = _("Answer yes or no.")
    if errors:
        raise ValidationError(errors)


def _check_complete(assessment: Assessment) -> None:
    """A submitted assessment rates every scale and explains itself."""
    errors = {}
    if assessment.verifiable is None:
        errors["verifiable"] = _("Say whether the commitment is verifiable.")
    for field in SCALES:
        if not getattr(assessment, field):
            errors[field] = _("Choose a level before submitting.")
    if not assessment.narrative:
        errors["narrative"] = _("Write the narrative before submitting.")
    if errors:
        raise ValidationError(errors)


def _clean_text(values: dict) -> dict:
    cleaned = dict(values)
    for field, limit in (("narrative", NARRATIVE_MAX_LENGTH), ("evidence", EVIDENCE_MAX_LENGTH)):
        text = clean_multiline(values.get(field, ""))
        if len(text) > limit:
            raise ValidationError(
                {
                    field: _("Please keep it under %(limit)s characters (it has %(count)s).")
                    % {"limit": limit, "count": len(text)}
                }
            )
        cleaned[field] = text
    return cleaned


def _organisation_for(user, evaluation_round: Round, organisation):
    """Evaluators assess in their own name; accredited CSO members for their organisation."""
    if is_named_evaluator(user, evaluation_round):
        return Assessment.Kind.EVALUATOR, None
    keys = accredited_keys(user, evaluation_round)
    if organisation is None or organisation.translation_key not in keys:
        raise ValidationError(
            _("Choose the accredited organisation this evaluation is written for.")
        )
    return Assessment.Kind.CIVIL_SOCIETY, organisation


def save_assessment(
    *,
    user,
    evaluation_round: Round,
    commitment_key,
    values: dict,
    organisation=None,
    language: str,
    submit: bool = False,
) -> Assessment:
    """Save the user's draft assessment of a commitment (creating it if needed), and submit it
    when asked. values: verifiable, relevant_values (OGP value codes), potential, completion,
    early_results, narrative, evidence. A draft that fails submission checks is still saved."""
    if not can(user, "evaluation.add_assessment", evaluation_round):
        raise PermissionDenied
    _check_scales(values)
    values = _clean_text(values)
    codes = set(values.get("relevant_values") or [])
    if codes - set(OGPValue.Code.values):
        raise ValidationError({"relevant_values": _("Choose OGP values from the list.")})
    with transaction.atomic():
        # One author's saves are serialised (the draft to lock may not exist yet): two first
        # saves at once, from two tabs or a resent form, make one draft, as two in a row do.
        get_user_model()._default_manager.select_for_update().filter(pk=user.pk).first()
        draft = (
            Assessment.objects.select_for_update()
            .filter(
                round=evaluation_round,
                commitment_key=commitment_key,
                author=user,
                status=Assessment.Status.DRAFT,
            )
            .first()
        )
        if draft is None:
            if (
                Assessment.objects.current()
                .filter(round=evaluation_round, commitment_key=commitment_key, author=user)
                .exists()
            ):
                raise ValidationError(
                    _(
                        "You have already submitted your assessment of this commitment. "
                        "To change it, start a revision: the submitted version is kept."
                    )
                )
            kind, organisation = _organisation_for(user, evaluation_round, organisation)
            draft = Assessment(
                round=evaluation_round,
                commitment_key=commitment_key,
                author=user,
                kind=kind,
                organisation=organisation,
            )
        elif not can(user, "evaluation.change_assessment", draft):
            raise PermissionDenied
        draft.verifiable = values.get("verifiable")
        for field in SCALES:
            setattr(draft, field, values.get(field) or "")
        draft.narrative = values["narrative"]
        draft.evidence = values["evidence"]
        draft.language = language
        draft.save()
        draft.relevant_values.set(OGPValue.objects.filter(code__in=codes))
        log(
            instance=draft,
            action="evaluation.assessment.save",
            user=user,
            data={"version": draft.version, "commitment": str(commitment_key)},
        )
    if submit:
        draft = submit_assessment(user=user, assessment=draft)
    return draft


def submit_assessment(*, user, assessment: Assessment) -> Assessment:
    """Make a draft public-once-published. The version it revises is kept, marked superseded."""
    with transaction.atomic():
        assessment = (
            Assessment.objects.select_for_update().select_related("round").get(pk=assessment.pk)
        )
        if not assessment.is_draft:
            raise ValidationError(
                _("This assessment was already submitted. To change it, start a revision.")
            )
        if not can(user, "evaluation.submit_assessment", assessment):
            raise PermissionDenied
        _check_complete(assessment)
        assessment.status = Assessment.Status.SUBMITTED
        assessment.submitted_at = timezone.now()
        assessment.save(update_fields=["status", "submitted_at", "updated_at"])
        if assessment.previous_id:
            Assessment.objects.filter(pk=assessment.previous_id).update(superseded_by=assessment)
        ratings.refresh([assessment.commitment_key])
        log(
            instance=assessment,
            action="evaluation.assessment.submit",
            user=user,
            data={"version": assessment.version},
        )
    return assessment


def start_revision(*, user, assessment: Assessment) -> Assessment:
    """A new draft version copied from the current submitted one (which stays as it is)."""
    if not can(user, "evaluation.revise_assessment", assessment):
        raise PermissionDenied
    try:
        with transaction.atomic():
            current = Assessment.objects.select_for_update().get(pk=assessment.pk)
            if current.superseded_by_id or Assessment.objects.filter(previous=current).exists():
                raise ValidationError(_("A revision of this assessment has already been started."))
            values = list(current.relevant_values.all())
            revision = Assessment.objects.get(pk=current.pk)
            revision.pk = None
            revision.status = Assessment.Status.DRAFT
            revision.version = current.version + 1
            revision.previous = current
            revision.superseded_by = None
            revision.submitted_at = None
            revision.save()
            revision.relevant_values.set(values)
            log(
                instance=revision,
                action="evaluation.assessment.revise",
                user=user,
                data={"version": revision.version, "revises": current.pk},
            )
    except IntegrityError:
        raise ValidationError(_("You already have a draft of this assessment.")) from None
    return revision


# --- Citizen feedback ----------------------------------------------------------------------


def give_feedback(
    *, user, evaluation_round: Round, commitment, rating, body: str, language: str
) -> CitizenFeedback:
    """A citizen's rating of a commitment's delivery, with a comment that goes through the same
    moderation as every public comment."""
    if not evaluation_round.feedback_window_contains(timezone.localdate()) or (
        not evaluation_round.is_open
    ):
        raise ValidationError(_("Citizen feedback on this evaluation is not open at the moment."))
    if not can(user, "evaluation.add_citizenfeedback", evaluation_round):
        raise PermissionDenied
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if rating not in DeliveryRating.values:
        raise ValidationError({"rating": _("Choose a rating from 1 to 5.")})
    key = commitment.translation_key
    if CitizenFeedback.objects.filter(
        round=evaluation_round, commitment_key=key, author=user
    ).exists():
        raise ValidationError(_("You have already given your feedback on this commitment."))
    try:
        with transaction.atomic():
            comment = consultation_services.post_comment(
                user=user, page=commitment, body=body, language=language
            )
            feedback = CitizenFeedback.objects.create(
                round=evaluation_round,
                commitment_key=key,
                author=user,
                comment=comment,
                rating=rating,
                language=language,
            )
            log(
                instance=feedback,
                action="evaluation.feedback.give",
                user=user,
                data={"rating": rating, "comment": comment.pk},
            )
    except IntegrityError:
        raise ValidationError(
            _("You have already given your feedback on this commitment.")
        ) from None
    return feedback
