"""Template helpers of co-evaluation: decimals in the reader's digits, and the evaluation
blocks that plan and commitment pages include (one query each, whatever the page)."""

from django import template
from django.utils import timezone
from django.utils.translation import get_language, get_language_info

from home.dates import PERSIAN_DIGITS, uses_solar_hijri
from pagecache import shared

from ..models import EvaluationRound
from ..rules import can

register = template.Library()

DECIMAL_SEPARATORS = {"fr": ",", "ar": ",", "fa": "\u066b", "fa-af": "\u066b"}


@register.filter
def decimal(value) -> str:
    """A number with one decimal, written the way the active language writes it."""
    if value in (None, ""):
        return "—"
    text = f"{float(value):.1f}".replace(".", DECIMAL_SEPARATORS.get(get_language(), "."))
    return text.translate(PERSIAN_DIGITS) if uses_solar_hijri(get_language()) else text


@register.filter
def language_direction(code: str) -> str:
    """The direction of text written in this language: user text is marked with it, since
    WeasyPrint (the PDF) does not implement dir="auto"."""
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "auto"


@register.simple_tag
def can_evaluation(user, permission: str, obj=None) -> bool:
    return can(user, permission, obj)


def _visible_rounds(plan_key):
    return list(
        EvaluationRound.objects.for_plan(plan_key)
        .exclude(state=EvaluationRound.State.DRAFT)
        .order_by("-starts_on", "pk")
    )


@register.inclusion_tag("evaluation/includes/plan_rounds.html", takes_context=True)
def plan_evaluations(context, plan):
    """The evaluation rounds of a plan, for its page."""
    return {"rounds": _visible_rounds(plan.translation_key), "today": timezone.localdate()}


@register.inclusion_tag("evaluation/includes/commitment_rounds.html", takes_context=True)
def commitment_evaluations(context, commitment, plan):
    """Links from a commitment to its results, its assessment form and its feedback form (the
    page's plan is already loaded: one query)."""
    if not commitment.pk or plan is None:  # a preview before the first save
        return {"rounds": []}
    request = context.get("request")
    key = plan.translation_key
    rounds = shared.stored(request, "evaluation-rounds", (key,), lambda: _visible_rounds(key))
    user = getattr(request, "user", None)
    today = timezone.localdate()
    for evaluation_round in rounds:
        evaluation_round.may_evaluate = can(user, "evaluation.add_assessment", evaluation_round)
        evaluation_round.may_give_feedback = can(
            user, "evaluation.add_citizenfeedback", evaluation_round
        )
        evaluation_round.feedback_open = (
            evaluation_round.is_open and evaluation_round.feedback_window_contains(today)
        )
    return {"rounds": rounds, "commitment": commitment, "user": user}
