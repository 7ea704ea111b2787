"""Demo evaluation rounds, from demo/data/rounds.toml (keyed, dates relative to the day the
demo is loaded), written through the services as the demo's editor, evaluators, accredited
association and citizens would: a published mid-term evaluation of the regional programme, its
end-of-term round open for evaluation and citizen feedback, and a published evaluation of the
Mazar-i-Sharif plan in Dari."""

from django.utils import timezone

from accounts.models import Organisation, User
from actionplans.models import ActionPlanPage, CommitmentPage
from actionplans.monitoring import accreditation
from actionplans.monitoring import services as monitoring_services
from home.demo.files import day, read

from .. import services
from ..models import EvaluationRound

EDITOR = "editor@demo.mosharaka.org"


def load(context: dict) -> dict:
    data = read(__file__, "rounds")
    users = {user.email: user for user in User.objects.filter(email__contains="@demo.")}
    today = context["today"]
    rounds = {key: _round(spec, users, today) for key, spec in data.items()}
    return {"evaluation_rounds": rounds}


def _round(spec: dict, users: dict, today) -> EvaluationRound:
    plan = ActionPlanPage.objects.filter(code=spec["plan_code"]).order_by("pk").first()
    commitments = {}
    for page in CommitmentPage.objects.child_of(plan).select_related("locale"):
        commitments[page.code] = page
    editor = users[EDITOR]
    # Feedback is given through the service, which accepts it only inside the window (checked
    # against the real today): the window is opened while the demo's citizens write, then given
    # the dates of the data file.
    evaluation_round = EvaluationRound.objects.create(
        plan_key=plan.translation_key,
        kind=spec["kind"],
        starts_on=day(spec["starts"], today),
        ends_on=day(spec["ends"], today),
        feedback_opens_on=timezone.localdate(),
        feedback_closes_on=timezone.localdate(),
    )
    evaluation_round.evaluators.set([users[email] for email in spec["evaluators"]])
    evaluation_round = services.change_round_state(
        user=editor, evaluation_round=evaluation_round, state=EvaluationRound.State.OPEN
    )
    for code, assessment in spec["assessments"].items():
        _assess(users[assessment["author"]], evaluation_round, commitments[code], assessment)
    civil_society = spec.get("civil_society")
    if civil_society:
        member = users[civil_society["author"]]
        organisation = _accredited_organisation(member, plan, editor)
        for code, assessment in civil_society["assessments"].items():
            _assess(member, evaluation_round, commitments[code], assessment, organisation)
    for item in spec["feedback"]:
        commitment = commitments[item["commitment"]]
        services.give_feedback(
            user=users[item["author"]],
            evaluation_round=evaluation_round,
            commitment=commitment,
            rating=item["rating"],
            body=item["body"],
            language=item["language"],
        )
    EvaluationRound.objects.filter(pk=evaluation_round.pk).update(
        feedback_opens_on=day(spec["feedback_opens"], today),
        feedback_closes_on=day(spec["feedback_closes"], today),
    )
    evaluation_round.refresh_from_db()
    for state in _states_to(spec["state"]):
        evaluation_round = services.change_round_state(
            user=editor, evaluation_round=evaluation_round, state=state
        )
    return evaluation_round


def _assess(user, evaluation_round, commitment, assessment: dict, organisation=None) -> None:
    services.save_assessment(
        user=user,
        evaluation_round=evaluation_round,
        commitment_key=commitment.translation_key,
        values={
            "verifiable": assessment["verifiable"],
            "relevant_values": assessment["values"],
            "potential": assessment["potential"],
            "completion": assessment["completion"],
            "early_results": assessment["early_results"],
            "narrative": assessment["narrative"],
            "evidence": assessment["evidence"],
        },
        organisation=organisation,
        language=assessment["language"],
        submit=assessment.get("submit", True),
    )


def _accredited_organisation(member, plan, editor):
    """The member's organisation, accredited on the plan through co-monitoring's services
    (unless the monitoring demo already did it)."""
    found = accreditation.accredited_organisations(member, plan)
    if found:
        return found[0]
    organisation = (
        Organisation.objects.filter(memberships__user=member, kind=Organisation.Kind.CSO)
        .order_by("pk")
        .first()
    )
    application = monitoring_services.apply_for_accreditation(
        user=member,
        plan=plan,
        organisation=organisation,
        registration_number="MS-ASSO-2019-118",
        contact_name=member.display_name,
        contact_email=member.email,
    )
    monitoring_services.decide_accreditation(
        user=editor, accreditation=application, decision=monitoring_services.ACCREDIT
    )
    accreditation.forget(member)
    return organisation


def _states_to(final: str) -> list[str]:
    path = [EvaluationRound.State.CLOSED, EvaluationRound.State.PUBLISHED]
    if final == EvaluationRound.State.OPEN:
        return []
    return path[: path.index(final) + 1]
