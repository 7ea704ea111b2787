"""Posting, correcting and hiding reports; one truth across languages; bad input."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from wagtail.models import Locale, ModelLogEntry

from actionplans.models import CommitmentPage, Milestone
from actionplans.monitoring import services
from actionplans.monitoring.models import Position, ProgressReport
from actionplans.monitoring.progress import rollup_percent, rollup_status

from .helpers import PDF, assessment, official, pdf


@pytest.fixture
def people(role_user, accredit):
    cso = role_user("cso_member")
    accredit([cso])
    return {
        "editor": role_user("editor"),
        "staff": role_user("staff_lead"),
        "cso": cso,
        "moderator": role_user("moderator"),
    }


def test_official_report_sets_the_milestone_on_every_language_version(world, people):
    commitment = world["commitment"]
    french = commitment.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True
    )
    french.save_revision().publish()
    milestone = commitment.milestones.first()
    report = official(
        people["staff"], commitment, milestone=milestone, status="delayed", percent=35
    )
    assert report.organisation == world["lead"]
    assert set(
        Milestone.objects.filter(translation_key=milestone.translation_key).values_list(
            "status", "progress"
        )
    ) == {("delayed", 35)}
    assert ModelLogEntry.objects.filter(action="monitoring.report.post").count() == 1


def test_commitment_rolls_up_from_weighted_milestones_unless_an_official_report_sets_it(
    world, people
):
    commitment = world["commitment"]
    first, second = list(commitment.milestones.all())
    Milestone.objects.filter(pk=second.pk).update(weight=3)
    official(people["editor"], commitment, milestone=first, status="completed", percent=100)
    official(people["editor"], commitment, milestone=second, status="in_progress", percent=20)
    commitment.refresh_from_db()
    assert (commitment.status, commitment.progress) == ("in_progress", 40)  # (100 + 3×20) / 4
    official(
        people["editor"], commitment, status="delayed", percent=30, reported_on=timezone.localdate()
    )
    commitment.refresh_from_db()
    assert (commitment.status, commitment.progress) == ("delayed", 30)


def test_rollup_rules():
    assert rollup_status([]) == "not_started"
    assert rollup_status(["completed", "cancelled"]) == "completed"
    assert rollup_status(["cancelled"]) == "cancelled"
    assert rollup_status(["in_progress", "delayed"]) == "delayed"
    assert rollup_status(["not_started", "not_started"]) == "not_started"
    assert rollup_status(["not_started", "completed"]) == "in_progress"
    assert rollup_percent([(1, "completed", 100), (1, "cancelled", 0)]) == 100


def test_correction_supersedes_without_editing(world, people):
    commitment = world["commitment"]
    first = official(people["editor"], commitment, status="in_progress", percent=60)
    correction = official(
        people["editor"], commitment, status="in_progress", percent=45, corrects=first
    )
    first.refresh_from_db()
    assert first.percent == 60  # kept as written
    position = Position.objects.get(target_key=commitment.translation_key, kind="official")
    assert position.report == correction
    with pytest.raises(ValidationError):
        official(people["editor"], commitment, percent=50, corrects=first)


def test_assessment_records_the_official_report_it_answers(world, people):
    commitment = world["commitment"]
    report = official(people["editor"], commitment, status="in_progress")
    mine = assessment(people["cso"], commitment, status="off_track", agrees_with_official=False)
    assert mine.official_report == report
    assert mine.organisation == world["cso"]


def test_cso_cannot_correct_another_organisations_assessment(world, people, make_user, accredit):
    from tests.actionplans.factories import organisation

    other_cso = organisation("Youth forum", language="en", kind="cso")
    other = make_user()
    accredit([other], organisation=other_cso)
    theirs = assessment(other, world["commitment"])
    with pytest.raises(PermissionDenied):
        assessment(people["cso"], world["commitment"], corrects=theirs)


def test_hiding_keeps_the_report_recomputes_and_tells_the_author(
    world, people, django_capture_on_commit_callbacks
):
    commitment = world["commitment"]
    older = official(
        people["staff"],
        commitment,
        percent=20,
        reported_on=timezone.localdate() - timedelta(days=9),
    )
    newer = official(people["staff"], commitment, percent=70)
    with django_capture_on_commit_callbacks(execute=True):
        services.hide_report(user=people["moderator"], report=newer, reason="Chiffres erronés")
    newer.refresh_from_db()
    assert newer.visibility == "hidden" and newer.hidden_reason == "Chiffres erronés"
    assert (
        Position.objects.get(target_key=commitment.translation_key, kind="official").report == older
    )
    commitment.refresh_from_db()
    assert commitment.progress == 20
    assert any("Chiffres erronés" in m.body for m in mail.outbox)
    with pytest.raises(ValidationError):
        services.hide_report(user=people["moderator"], report=older, reason="")
    with pytest.raises(PermissionDenied):
        services.hide_report(user=people["editor"], report=older, reason="x")


def test_milestone_of_another_commitment_is_refused(world, people):
    from tests.actionplans.factories import commitment_page

    other = commitment_page(world["plan"], "C9")
    with pytest.raises(ValidationError):
        official(people["editor"], world["commitment"], milestone=other.milestones.first())


@pytest.mark.parametrize(
    "fields,field",
    [
        ({"percent": 101}, "percent"),
        ({"percent": -1}, "percent"),
        ({"percent": None}, "percent"),
        ({"percent": "abc"}, "percent"),
        ({"reported_on": timezone.localdate() + timedelta(days=1)}, "reported_on"),
        ({"status": "on_track"}, "status"),
        ({"evidence_link": "javascript:alert(1)"}, "evidence_link"),
        ({"evidence": pdf("page.html", b"<html><script>alert(1)</script>")}, "evidence"),
        ({"evidence": pdf("fake.pdf", b"<html><script>alert(1)</script>")}, "evidence"),
        ({"evidence": pdf("empty.pdf", b"")}, "evidence"),
        ({"evidence": pdf("script.txt", b"<script>alert(1)</script>")}, "evidence"),
        ({"narrative": "x" * 5001}, "narrative"),
    ],
)
def test_bad_official_input_writes_nothing(world, people, fields, field):
    with pytest.raises(ValidationError) as error:
        official(people["editor"], world["commitment"], **fields)
    assert field in error.value.message_dict
    assert not ProgressReport.objects.exists()


def test_oversized_evidence_is_refused_with_the_limit(world, people, settings):
    settings.MOSHARAKA_EVIDENCE_MAX_BYTES = 1024
    with translation.override("en"), pytest.raises(ValidationError) as error:
        official(people["editor"], world["commitment"], evidence=pdf(content=PDF + b"0" * 2000))
    assert "limit is 1.0\xa0KB" in error.value.message_dict["evidence"][0]
    assert not ProgressReport.objects.exists()


def test_assessment_needs_a_narrative_and_a_civil_society_status(world, people):
    with pytest.raises(ValidationError):
        assessment(people["cso"], world["commitment"], narrative="  ")
    with pytest.raises(ValidationError):
        assessment(people["cso"], world["commitment"], status="in_progress")
    assert not ProgressReport.objects.exists()


def test_accepted_evidence_is_served_as_a_download_that_cannot_run(client, world, people):
    report = official(people["editor"], world["commitment"], evidence=pdf("rapport.pdf"))
    response = client.get(f"/en/monitoring/reports/{report.pk}/evidence/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


def test_followers_are_emailed_in_their_language(
    world, people, make_user, django_capture_on_commit_callbacks
):
    follower = make_user(preferred_language="en")
    services.follow_page(user=follower, page=world["commitment"])
    plan_follower = make_user(preferred_language="en")
    services.follow_page(user=plan_follower, page=world["plan"])
    with django_capture_on_commit_callbacks(execute=True):
        official(people["editor"], world["commitment"], status="delayed")
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([follower.email, plan_follower.email])
    assert "New official progress report" in mail.outbox[0].subject
    services.follow_page(user=follower, page=world["commitment"], follow=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        official(people["editor"], world["commitment"], status="in_progress")
    assert [m.to[0] for m in mail.outbox] == [plan_follower.email]


def test_revisions_cannot_bring_back_old_status(world, people):
    commitment = CommitmentPage.objects.get(pk=world["commitment"].pk)
    revision = commitment.save_revision()
    official(people["editor"], commitment, status="completed", percent=100)
    milestone = commitment.milestones.first()
    official(people["editor"], commitment, milestone=milestone, status="completed", percent=100)
    revision.publish()
    commitment.refresh_from_db()
    assert (commitment.status, commitment.progress) == ("completed", 100)
    assert Milestone.objects.get(pk=milestone.pk).status == "completed"


def test_a_double_submit_of_a_report_is_one_report(world, people):
    """Reports are append-only, so a resent form must not leave a duplicate that nobody can
    take back; the same facts on another item or with another status are a new report."""
    commitment = world["commitment"]
    first = assessment(people["cso"], commitment, narrative="نفس المتن")
    again = assessment(people["cso"], commitment, narrative="نفس المتن ")  # same once cleaned
    assert again.pk == first.pk
    other = assessment(people["cso"], commitment, narrative="نفس المتن", status="off_track")
    assert other.pk != first.pk
    official_first = official(people["editor"], commitment, percent=40)
    assert official(people["editor"], commitment, percent=40).pk == official_first.pk
    assert official(people["editor"], commitment, percent=45).pk != official_first.pk
    assert ProgressReport.objects.count() == 4
    posted = ModelLogEntry.objects.filter(action="monitoring.report.post").count()
    assert posted == 4
