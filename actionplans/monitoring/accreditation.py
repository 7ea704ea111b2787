"""Who acts for civil society on a plan: the one question other apps ask (co-evaluation
imports `is_accredited_member`).

A user acts for an organisation on a plan when they are one of the member accounts of that
organisation's accreditation on the plan and the accreditation is in force (accredited, not
applied, refused or suspended). Plans are compared by translation key, so the answer is the same
on every language version of the plan."""

from uuid import UUID

import rules

from accounts.roles import is_active_user

from .models import Accreditation


def plan_key(plan) -> UUID | None:
    """A plan page (any language version) or its translation key."""
    if plan is None:
        return None
    return getattr(plan, "translation_key", plan)


def accredited_accreditations(user, plan) -> list[Accreditation]:
    """The accreditations in force through which this user acts on the plan (cached on the
    user instance: templates ask per report)."""
    key = plan_key(plan)
    if key is None or not is_active_user(user):
        return []
    cache = user.__dict__.setdefault("_monitoring_accreditations", {})
    if key not in cache:
        cache[key] = list(
            Accreditation.objects.for_plan(key)
            .accredited()
            .with_member(user)
            .select_related("organisation")
        )
    return cache[key]


def is_accredited_member(user, plan) -> bool:
    """Is this user a member of an organisation accredited to monitor this plan?"""
    return bool(accredited_accreditations(user, plan))


def accredited_organisations(user, plan) -> list:
    return [accreditation.organisation for accreditation in accredited_accreditations(user, plan)]


def forget(user) -> None:
    """Drop the cached answer (after a decision changes it within one request or test)."""
    user.__dict__.pop("_monitoring_accreditations", None)


accredited_member = rules.predicate(is_accredited_member, name="accredited_member")
