"""Public views of co-evaluation. Wiring only: permissions come from rules.py, writes from
services.py, figures from results.py; every form works without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.models import Locale

from actionplans.models import CommitmentPage
from actionplans.organisations import organisations_in
from home.translations import localized
from home.visibility import public_q

from . import partners, results, services
from .forms import AssessmentForm, FeedbackForm
from .models import Assessment, CitizenFeedback, EvaluationRound
from .rules import can, is_named_evaluator


def _round(round_id: int) -> EvaluationRound:
    return get_object_or_404(EvaluationRound, pk=round_id)


def visible_round(request, round_id: int) -> tuple[EvaluationRound, object]:
    """The round and its plan in the reader's language. Draft rounds exist only for editors."""
    evaluation_round = _round(round_id)
    if evaluation_round.state == EvaluationRound.State.DRAFT and not can(
        request.user, "evaluation.manage_evaluationround"
    ):
        raise Http404
    plan = evaluation_round.plan(Locale.get_active())
    if plan is None or not plan.live:
        raise Http404
    return evaluation_round, plan


def _commitment(plan, commitment_key) -> CommitmentPage:
    """The commitment in the plan's language (it belongs to the plan of the round)."""
    commitment = (
        CommitmentPage.objects.child_of(plan)
        .live()
        .filter(public_q(), translation_key=commitment_key)
        .first()
    )
    if commitment is None:
        raise Http404
    return commitment


def _own_assessments(user, evaluation_round) -> dict:
    """{commitment key: the user's latest version (draft or submitted)}."""
    if not getattr(user, "is_authenticated", False):
        return {}
    own = {}
    for assessment in Assessment.objects.filter(round=evaluation_round, author=user).order_by(
        "version", "pk"
    ):
        own[assessment.commitment_key] = assessment
    return own


def _own_feedback_keys(user, evaluation_round) -> set:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        CitizenFeedback.objects.filter(round=evaluation_round, author=user).values_list(
            "commitment_key", flat=True
        )
    )


def _base_context(request, evaluation_round, plan) -> dict:
    user = request.user
    return {
        "evaluation_round": evaluation_round,
        "plan": plan,
        "today": timezone.localdate(),
        "can_evaluate": can(user, "evaluation.add_assessment", evaluation_round),
        "can_give_feedback": can(user, "evaluation.add_citizenfeedback", evaluation_round),
        "can_view_results": can(user, "evaluation.view_results", evaluation_round),
        "feedback_open": evaluation_round.is_open
        and evaluation_round.feedback_window_contains(timezone.localdate()),
    }


@require_safe
def round_view(request, round_id: int):
    evaluation_round, plan = visible_round(request, round_id)
    context = _base_context(request, evaluation_round, plan)
    plan_results = results.plan_results(evaluation_round, plan)
    own = _own_assessments(request.user, evaluation_round)
    given = _own_feedback_keys(request.user, evaluation_round)
    for row in plan_results.rows:
        row.own = own.get(row.key)
        row.feedback_given = row.key in given
    context.update(results=plan_results)
    return render(request, "evaluation/round.html", context)


@require_safe
def commitment_view(request, round_id: int, commitment_key):
    evaluation_round, plan = visible_round(request, round_id)
    commitment = _commitment(plan, commitment_key)
    context = _base_context(request, evaluation_round, plan)
    context.update(
        page=commitment,
        commitment=commitment,
        result=results.commitment_result(evaluation_round, commitment),
        history=results.history(evaluation_round, commitment.translation_key),
        own=_own_assessments(request.user, evaluation_round).get(commitment.translation_key),
        feedback_given=commitment.translation_key
        in _own_feedback_keys(request.user, evaluation_round),
    )
    return render(request, "evaluation/commitment.html", context)


def _accredited_organisations(user, evaluation_round) -> list:
    """The organisations the user's civil-society evaluation may be for, in the reader's
    language."""
    if is_named_evaluator(user, evaluation_round):
        return []
    organisations = partners.accredited_organisations(user, evaluation_round.plan_key)
    found = organisations_in(organisations, Locale.get_active().pk)
    return [localized(found, organisation) for organisation in organisations]


def commitment_url(evaluation_round, commitment_key) -> str:
    return reverse(
        "evaluation:commitment",
        kwargs={"round_id": evaluation_round.pk, "commitment_key": commitment_key},
    )


@require_http_methods(["GET", "POST"])
@login_required
def assess_view(request, round_id: int, commitment_key):
    evaluation_round, plan = visible_round(request, round_id)
    commitment = _commitment(plan, commitment_key)
    user = request.user
    allowed = can(user, "evaluation.add_assessment", evaluation_round)
    own = _own_assessments(user, evaluation_round).get(commitment.translation_key)
    draft = own if own is not None and own.is_draft else None
    organisations = _accredited_organisations(user, evaluation_round) if allowed else []
    form = AssessmentForm(
        request.POST if request.method == "POST" else None,
        initial=AssessmentForm.initial_from(own),
        organisations=organisations if draft is None else [],
    )
    status = 200 if allowed else 403
    if own is not None and not own.is_draft and request.method == "POST":
        # A second submission: keep what was typed, explain how to revise.
        form.is_valid()
        form.add_error(
            None,
            _(
                "You have already submitted your assessment of this commitment. "
                "To change it, start a revision: the submitted version is kept."
            ),
        )
        status = 409
    elif request.method == "POST" and allowed:
        submit = "submit" in request.POST
        if form.is_valid():
            try:
                saved = services.save_assessment(
                    user=user,
                    evaluation_round=evaluation_round,
                    commitment_key=commitment.translation_key,
                    values=form.values(),
                    organisation=form.chosen_organisation if draft is None else None,
                    language=commitment.locale.language_code,
                    submit=submit,
                )
            except ValidationError as error:
                _add_errors(form, error)
                status = 400
            except PermissionDenied:
                form.add_error(None, _("You cannot evaluate this commitment."))
                status = 403
            else:
                if saved.is_draft:
                    messages.success(request, _("Your draft is saved. Only you can see it."))
                    return redirect(request.path)
                messages.success(request, _("Thank you: your assessment is submitted."))
                return redirect(commitment_url(evaluation_round, commitment.translation_key))
        else:
            status = 400
    elif request.method == "POST":
        form.is_valid()
        form.add_error(None, _("Only the evaluators named on this round can evaluate."))
    context = _base_context(request, evaluation_round, plan)
    context.update(
        page=commitment,
        commitment=commitment,
        form=form,
        allowed=allowed,
        own=own,
        organisations=organisations,
    )
    return render(request, "evaluation/assess.html", context, status=status)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


@require_POST
@login_required
def revise_view(request, assessment_id: int):
    assessment = get_object_or_404(Assessment.objects.select_related("round"), pk=assessment_id)
    url = reverse(
        "evaluation:assess",
        kwargs={"round_id": assessment.round_id, "commitment_key": assessment.commitment_key},
    )
    try:
        services.start_revision(user=request.user, assessment=assessment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied:
        messages.error(request, _("You cannot revise this assessment."))
        return redirect(commitment_url(assessment.round, assessment.commitment_key))
    else:
        messages.success(
            request, _("A new version is started from your submitted assessment, which is kept.")
        )
    return redirect(url)


@require_http_methods(["GET", "POST"])
@login_required
def feedback_view(request, round_id: int, commitment_key):
    evaluation_round, plan = visible_round(request, round_id)
    commitment = _commitment(plan, commitment_key)
    allowed = can(request.user, "evaluation.add_citizenfeedback", evaluation_round)
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    status = 200 if allowed else 403
    if request.method == "POST":
        if form.is_valid():
            try:
                services.give_feedback(
                    user=request.user,
                    evaluation_round=evaluation_round,
                    commitment=commitment,
                    rating=form.cleaned_data["rating"],
                    body=form.cleaned_data["body"],
                    language=commitment.locale.language_code,
                )
            except ValidationError as error:
                _add_errors(form, error)
                status = 409 if allowed else 403
            except PermissionDenied:
                form.add_error(None, _("You cannot give feedback on this evaluation."))
                status = 403
            else:
                messages.success(request, _("Thank you: your feedback is published."))
                return redirect(commitment_url(evaluation_round, commitment.translation_key))
        else:
            status = 400
    context = _base_context(request, evaluation_round, plan)
    context.update(page=commitment, commitment=commitment, form=form, allowed=allowed)
    return render(request, "evaluation/feedback.html", context, status=status)
