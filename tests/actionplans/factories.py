"""Small builders for action-plan tests: a plan tree under the Arabic home, commitments with
milestones, organisations in several languages, an organisation's accreditation on a plan."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import Organisation
from actionplans.models import (
    ActionPlanIndexPage,
    ActionPlanPage,
    CommitmentPage,
    Milestone,
    OGPValue,
    PlanPhase,
)
from home.models import HomePage

TODAY = date(2026, 11, 22)
LANGUAGES = ["ar", "fr", "en", "fa-af"]


def locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def arabic_home() -> HomePage:
    locales()
    return HomePage.objects.get(depth=2, locale__language_code="ar")


def english_home() -> HomePage:
    """Pages whose interface strings tests read are built in the English tree: the other
    languages' catalogues change as translations are merged."""
    from home.pagetree import translate

    home = arabic_home()
    existing = home.get_translation_or_none(locales()["en"])
    return existing.specific if existing else translate(home, "en", title="Home")


def organisation(name: str, language: str = "ar", kind: str = "council_department", **names):
    """An organisation, with translations given as language=name keyword arguments."""
    source = Organisation.objects.create(
        locale=locales()[language], name=name, kind=kind, verified=True
    )
    for other, translated in names.items():
        translation = source.copy_for_translation(locales()[other.replace("_", "-")])
        translation.name = translated
        translation.save()
    return source


def index_page(home=None, slug="programmes") -> ActionPlanIndexPage:
    home = home or arabic_home()
    index = ActionPlanIndexPage(title="البرامج", slug=slug, locale=home.locale)
    home.add_child(instance=index)
    return index


def plan_page(index, code="PLAN-1", slug="plan", **fields) -> ActionPlanPage:
    plan = ActionPlanPage(
        title=fields.pop("title", "برنامج الانفتاح"),
        slug=slug,
        framework="open_collectivities",
        code=code,
        period_start=date(2024, 1, 1),
        period_end=date(2027, 12, 31),
        locale=index.locale,
        **fields,
    )
    plan.phases = [
        PlanPhase(kind="co_creation", start=date(2023, 6, 1), end=date(2023, 9, 14)),
        PlanPhase(kind="adoption", start=date(2023, 10, 5), end=date(2023, 10, 5)),
        PlanPhase(kind="implementation", start=date(2024, 1, 1), end=date(2027, 12, 31)),
        PlanPhase(kind="evaluation", start=date(2027, 6, 1), end=date(2027, 12, 31)),
    ]
    for order, phase in enumerate(plan.phases.all()):
        phase.sort_order = order
    index.add_child(instance=plan)
    return plan


def milestone(n: int, *, due: date, status="in_progress", responsible=None, **fields):
    return Milestone(
        deliverable=fields.pop("deliverable", f"Deliverable {n}"),
        responsible=responsible,
        start_date=fields.pop("start_date", due - timedelta(days=90)),
        due_date=due,
        status=status,
        progress=fields.pop("progress", 50),
        **fields,
    )


def commitment_page(
    plan,
    code="C1",
    *,
    milestones=None,
    lead=None,
    partners=(),
    values=("transparency",),
    tags=("budget",),
    **fields,
) -> CommitmentPage:
    page = CommitmentPage(
        title=fields.pop("title", f"Commitment {code}"),
        slug=fields.pop("slug", code.lower()),
        code=code,
        problem=fields.pop("problem", "The problem"),
        objective=fields.pop("objective", "The objective"),
        lead_institution=lead,
        start_date=fields.pop("start_date", date(2024, 1, 1)),
        end_date=fields.pop("end_date", date(2027, 6, 30)),
        budget=fields.pop("budget", Decimal("1800000")),
        status=fields.pop("status", "in_progress"),
        progress=fields.pop("progress", 40),
        locale=plan.locale,
        **fields,
    )
    page.partners = list(partners)
    page.ogp_values = list(OGPValue.objects.filter(code__in=values))
    if tags:
        page.tags.add(*tags)
    if milestones is None:
        milestones = [
            milestone(1, due=TODAY - timedelta(days=30), status="completed", progress=100),
            milestone(2, due=TODAY - timedelta(days=10)),
            milestone(3, due=TODAY + timedelta(days=60), status="not_started", progress=0),
        ]
    for order, item in enumerate(milestones):
        item.sort_order = order
    page.milestones = milestones
    plan.add_child(instance=page)
    return page


def accreditation(plan, organisation: Organisation, members=(), status="accredited"):
    """The organisation's accreditation on the plan (co-monitoring), with member accounts."""
    from actionplans.monitoring.models import Accreditation

    found = Accreditation.objects.create(
        plan_key=plan.translation_key,
        organisation=organisation,
        organisation_key=organisation.translation_key,
        registration_number="REG-1",
        contact_name="Contact",
        contact_email="contact@example.org",
        status=status,
        applied_at=timezone.now(),
    )
    found.members.set(members)
    return found
