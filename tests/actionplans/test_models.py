from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from actionplans.models import CommitmentPage, Milestone, PlanPhase
from actionplans.organisations import organisations_in
from actionplans.summary import summarise, width_step

from .factories import TODAY, commitment_page, index_page, milestone, organisation, plan_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return plan_page(index_page())


def test_current_phase_is_the_one_under_way_on_the_given_day(plan):
    assert plan.current_phase(TODAY).kind == PlanPhase.Kind.IMPLEMENTATION
    assert plan.current_phase(date(2023, 10, 5)).kind == PlanPhase.Kind.ADOPTION
    assert plan.current_phase(date(2023, 12, 1)) is None  # between adoption and implementation


def test_when_phases_overlap_the_latest_started_is_current(plan):
    assert plan.current_phase(date(2027, 7, 1)).kind == PlanPhase.Kind.EVALUATION


def test_timeline_marks_past_current_and_upcoming_phases(plan):
    states = [(step.phase.kind, step.state) for step in plan.timeline(TODAY)]
    assert states == [
        ("co_creation", "past"),
        ("adoption", "past"),
        ("implementation", "current"),
        ("evaluation", "upcoming"),
    ]


def test_milestone_is_overdue_only_when_open_and_past_its_due_date():
    late = Milestone(due_date=TODAY - timedelta(days=3), status="in_progress")
    done = Milestone(due_date=TODAY - timedelta(days=3), status="completed")
    dropped = Milestone(due_date=TODAY - timedelta(days=3), status="cancelled")
    due_today = Milestone(due_date=TODAY, status="not_started")
    assert late.is_overdue(TODAY) and late.days_overdue(TODAY) == 3
    assert not done.is_overdue(TODAY)
    assert not dropped.is_overdue(TODAY)
    assert not due_today.is_overdue(TODAY)
    assert Milestone.objects.overdue(TODAY).count() == 0


def test_overdue_queryset_matches_the_python_rule(plan):
    page = commitment_page(plan)
    assert [m.deliverable for m in Milestone.objects.overdue(TODAY)] == ["Deliverable 2"]
    assert page.next_milestone().deliverable == "Deliverable 2"


def test_milestone_due_date_cannot_precede_its_start():
    item = milestone(1, due=date(2025, 1, 1), start_date=date(2025, 6, 1))
    with pytest.raises(ValidationError) as caught:
        item.clean()
    assert "due_date" in caught.value.message_dict


def test_commitment_code_is_unique_within_its_plan(plan):
    commitment_page(plan, "C1")
    other = CommitmentPage(title="Other", code=" c1 ", problem="p", objective="o")
    other.plan_for_validation = plan
    with pytest.raises(ValidationError) as caught:
        other.clean()
    assert "c1" in caught.value.message_dict["code"][0]  # compared without case or spaces


def test_same_code_is_fine_in_another_plan(plan):
    commitment_page(plan, "C1")
    other_plan = plan_page(plan.get_parent().specific, code="PLAN-2", slug="plan-2")
    page = commitment_page(other_plan, "C1")
    page.clean()  # no error


def test_an_existing_commitment_keeps_its_own_code(plan):
    page = commitment_page(plan, "C1")
    page.clean()  # not a duplicate of itself


def test_commitment_cannot_end_before_it_starts(plan):
    page = commitment_page(plan, "C1")
    page.end_date = page.start_date - timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        page.clean()
    assert "end_date" in caught.value.message_dict


@pytest.mark.parametrize("value", [-1, 101])
def test_progress_outside_0_to_100_is_refused(plan, value):
    page = commitment_page(plan, "C1")
    page.progress = value
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    assert caught.value.message_dict["progress"]


def test_organisations_are_shown_in_the_page_language(plan):
    org = organisation("مديرية المالية", fr="Direction des finances")
    alone = organisation("جمعية محلية")
    from wagtail.models import Locale

    french = Locale.objects.get(language_code="fr")
    found = organisations_in([org, None, alone], french.pk)
    assert set(found) == {org.translation_key, alone.translation_key}
    assert found[org.translation_key].name == "Direction des finances"
    assert found[alone.translation_key] == alone  # no French version: the original


def test_width_steps_round_to_five_and_keep_small_values_visible():
    assert width_step(37) == 35
    assert width_step(38) == 40
    assert width_step(2) == 0
    assert width_step(2, visible=True) == 5
    assert width_step(140) == 100


def test_summary_counts_commitments_by_status_and_value(plan):
    commitment_page(plan, "C1", status="completed", progress=100, values=("transparency",))
    commitment_page(
        plan, "C2", status="in_progress", progress=50, values=("transparency", "inclusion")
    )
    commitment_page(plan, "C3", status="delayed", progress=0, values=(), milestones=[])
    summary = summarise(list(plan.published_commitments().for_cards(TODAY)))
    assert summary.commitments == 3
    assert summary.average_progress == 50
    statuses = {row.key: row.count for row in summary.by_status}
    assert statuses == {
        "not_started": 0,
        "in_progress": 1,
        "completed": 1,
        "delayed": 1,
        "cancelled": 0,
    }
    values = {row.key: (row.count, row.share) for row in summary.by_value}
    assert values["transparency"] == (2, 67)
    assert values["inclusion"] == (1, 33)
    assert values["civic_participation"] == (0, 0)
    assert (summary.milestones, summary.milestones_completed, summary.milestones_overdue) == (
        6,
        2,
        2,
    )
