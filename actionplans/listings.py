"""Listings of plans and commitments that pages, search and open data share: which plan each
commitment is in, figures per plan, themes, organisations and their roles. Each takes the
commitments to list as a queryset (already narrowed to what may be shown) and runs a fixed
number of queries whatever their number."""

from collections.abc import Iterable

from django.db.models import Avg, Count, Q, QuerySet

from accounts.models import Organisation
from home.translations import localized

from .models.commitment import CommitmentPage, CommitmentTag
from .models.plan import ActionPlanPage
from .organisations import organisations_in


def plans_by_path(
    commitments: Iterable, plans: QuerySet | None = None
) -> dict[str, ActionPlanPage]:
    """The plans of the given commitments, by tree path, in one query (taken from ``plans``
    when given, e.g. only the published ones)."""
    paths = {commitment.plan_path for commitment in commitments}
    if not paths:
        return {}
    plans = ActionPlanPage.objects.all() if plans is None else plans
    return {plan.path: plan for plan in plans.filter(path__in=paths)}


def attach_plans(commitments: list, plans: QuerySet | None = None) -> None:
    """Give each loaded commitment its plan (attribute ``plan``, None if not among ``plans``)."""
    found = plans_by_path(commitments, plans)
    for commitment in commitments:
        commitment.plan = found.get(commitment.plan_path)


def plan_figures(commitments: QuerySet) -> dict[str, dict]:
    """Number of commitments and average progress per plan path, in one query."""
    rows = (
        commitments.with_plan_path()
        .order_by()
        .values("plan_path")
        .annotate(count=Count("pk"), progress=Avg("progress"))
    )
    return {
        row["plan_path"]: {"count": row["count"], "progress": round(row["progress"] or 0)}
        for row in rows
    }


def themes(commitments: QuerySet) -> list[dict]:
    """Themes (tags) of the commitments with how many carry each, by name."""
    return list(
        CommitmentTag.objects.filter(content_object__in=commitments.order_by().values("pk"))
        .values("tag__name", "tag__slug")
        .annotate(count=Count("content_object", distinct=True))
        .order_by("tag__name")
    )


def organisations(commitments: QuerySet, locale_id: int) -> list[dict]:
    """Organisations that lead or partner the commitments, in locale_id, with how many
    commitments they lead and partner; most leads first."""
    ids = commitments.order_by().values("pk")
    leads = dict(
        CommitmentPage.objects.filter(pk__in=ids)
        .exclude(lead_institution=None)
        .order_by()
        .values_list("lead_institution")
        .annotate(count=Count("pk"))
    )
    through = CommitmentPage.partners.through
    partners = dict(
        through.objects.filter(commitmentpage__in=ids)
        .order_by()
        .values_list("organisation")
        .annotate(count=Count("commitmentpage", distinct=True))
    )
    originals = list(Organisation.objects.filter(pk__in=set(leads) | set(partners)))
    found = organisations_in(originals, locale_id)
    rows: dict = {}
    for original in originals:
        local = localized(found, original)
        row = rows.setdefault(local.pk, {"organisation": local, "leads": 0, "partners": 0})
        row["leads"] += leads.get(original.pk, 0)
        row["partners"] += partners.get(original.pk, 0)
    return sorted(rows.values(), key=lambda row: (-row["leads"], row["organisation"].name))


def involving(commitments: QuerySet, organisation: Organisation) -> QuerySet:
    """The commitments an organisation (any language version) leads, partners or is
    responsible for a milestone of."""
    key = organisation.translation_key
    return commitments.filter(
        Q(lead_institution__translation_key=key)
        | Q(partners__translation_key=key)
        | Q(milestones__responsible__translation_key=key)
    ).distinct()


def roles(commitment: CommitmentPage, key) -> dict:
    """What the organisation with translation key ``key`` does in a loaded commitment."""
    return {
        "lead": commitment.lead_institution is not None
        and commitment.lead_institution.translation_key == key,
        "partner": any(p.translation_key == key for p in commitment.partners.all()),
        "milestones": [
            m
            for m in commitment.milestones.all()
            if m.responsible is not None and m.responsible.translation_key == key
        ],
    }
