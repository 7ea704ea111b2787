"""Who may do what in co-monitoring, as `rules` predicates named `monitoring.<verb>_<object>`.

Objects: accreditation permissions take the plan page (any language version) or an
Accreditation; report permissions take the commitment page (or a milestone, whose commitment is
used), with the plan found from it. Checked with `can()`, the same in views, templates and
services."""

import rules
from django.utils import timezone

from accounts.roles import (
    is_active_user,
    is_council_staff,
    is_editor,
    is_evaluator,
    is_moderator,
    member_organisation_keys,
)

from . import phases
from .accreditation import accredited_member


def plan_of(obj):
    """The plan an object belongs to (cached on the object: asked many times per page)."""
    from actionplans.models import ActionPlanPage, CommitmentPage, Milestone

    if obj is None:
        return None
    if isinstance(obj, ActionPlanPage):
        return obj
    cached = getattr(obj, "_monitoring_plan", None)
    if cached is not None:
        return cached
    if isinstance(obj, Milestone):
        plan = plan_of(obj.commitment)
    elif isinstance(obj, CommitmentPage):
        plan = ActionPlanPage.objects.parent_of(obj).prefetch_related("phases").first()
    elif hasattr(obj, "plan_key"):
        plan = obj.plan()
    else:
        return None
    obj._monitoring_plan = plan
    return plan


def commitment_of(obj):
    from actionplans.models import Milestone

    return obj.commitment if isinstance(obj, Milestone) else obj


@rules.predicate
def plan_accepts_reports(user, obj) -> bool:
    return phases.accepts_reports(plan_of(obj), timezone.localdate())


@rules.predicate
def is_accredited_on_plan(user, obj) -> bool:
    return accredited_member(user, plan_of(obj))


@rules.predicate
def works_for_lead_institution(user, obj) -> bool:
    commitment = commitment_of(obj)
    lead = getattr(commitment, "lead_institution", None)
    return lead is not None and lead.translation_key in member_organisation_keys(user)


@rules.predicate
def may_apply(user) -> bool:
    """Civil society: signed in, with no council or evaluation role (they speak for the
    council or judge the plan, not for an organisation monitoring it)."""
    return bool(
        is_active_user(user)
        and not is_editor(user)
        and not is_moderator(user)
        and not is_council_staff(user)
        and not is_evaluator(user)
    )


official_reporter = is_editor | (is_council_staff & works_for_lead_institution)

rules.add_perm("monitoring.apply_for_accreditation", may_apply)
rules.add_perm("monitoring.decide_accreditation", is_editor)
rules.add_perm("monitoring.report_on_plan", is_accredited_on_plan & plan_accepts_reports)
rules.add_perm(
    "monitoring.add_official_report", is_active_user & official_reporter & plan_accepts_reports
)
# Council and evaluation roles never speak for civil society, even if listed as members.
rules.add_perm(
    "monitoring.add_assessment", may_apply & is_accredited_on_plan & plan_accepts_reports
)
rules.add_perm("monitoring.hide_report", is_moderator)
rules.add_perm("monitoring.import_reports", is_editor)
rules.add_perm("monitoring.follow_page", is_active_user)
rules.add_perm("monitoring.publish_monitoring_report", may_apply & is_accredited_on_plan)


def can(user, permission: str, obj=None) -> bool:
    return rules.has_perm(permission, user, obj)
