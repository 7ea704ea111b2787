"""The commitment page's co-monitoring section, the dashboard, the report forms, the feeds."""

import pytest
from django.utils import timezone

from actionplans.monitoring.bulk import add_reports
from actionplans.monitoring.models import ProgressReport

from .helpers import assessment, official, pdf


@pytest.fixture
def people(role_user, accredit):
    cso = role_user("cso_member")
    accredit([cso])
    return {"editor": role_user("editor"), "cso": cso, "moderator": role_user("moderator")}


def test_commitment_page_shows_both_voices_and_the_disagreement(client, world, people):
    commitment = world["commitment"]
    official(people["editor"], commitment, status="in_progress", percent=55, narrative="Avancement")
    assessment(people["cso"], commitment, status="off_track", narrative="لیکن کار متوقف است")
    html = client.get(commitment.url).content.decode()
    assert 'id="monitoring"' in html
    assert "Off track" in html and "In progress" in html
    assert "Disagreement" in html
    assert "لیکن کار متوقف است" in html
    assert "Written in Dari" in html  # the language named in the reader's language


def test_overdue_milestone_is_marked_in_the_positions_table(client, world):
    html = client.get(world["commitment"].url).content.decode()
    assert "mon-row--overdue" in html


def test_report_form_works_without_javascript(client, world, people):
    client.force_login(people["editor"])
    url = f"/en/monitoring/commitments/{world['commitment'].pk}/report/official/"
    assert client.get(url).status_code == 200
    milestone = world["commitment"].milestones.first()
    response = client.post(
        url,
        {
            "target": str(milestone.translation_key),
            "status": "delayed",
            "percent": "30",
            "reported_on": timezone.localdate().isoformat(),
            "narrative": "Retard du prestataire",
            "evidence": pdf(),
        },
    )
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert (report.target_key, report.status, report.language) == (
        milestone.translation_key,
        "delayed",
        "en",
    )
    assert report.evidence_name == "evidence.pdf"


@pytest.mark.parametrize(
    "change,message",
    [
        ({"percent": "150"}, "between 0 and 100"),
        ({"reported_on": "2999-01-01"}, "cannot be in the future"),
        ({"reported_on": "not a date"}, "year-month-day"),
        ({"evidence": pdf("x.exe", b"MZ")}, "not accepted"),
        ({"evidence": pdf("x.pdf", b"")}, "empty"),
    ],
)
def test_bad_form_input_gets_a_clear_message(client, world, people, change, message):
    client.force_login(people["editor"])
    data = {
        "target": "",
        "status": "in_progress",
        "percent": "30",
        "reported_on": timezone.localdate().isoformat(),
    }
    data.update(change)
    response = client.post(
        f"/en/monitoring/commitments/{world['commitment'].pk}/report/official/", data
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize("role", ["citizen", "moderator", "staff_other"])
def test_others_cannot_post_official_reports(client, world, role_user, role):
    client.force_login(role_user(role))
    url = f"/en/monitoring/commitments/{world['commitment'].pk}/report/official/"
    response = client.post(
        url, {"status": "completed", "percent": "100", "reported_on": "2026-01-01"}
    )
    assert response.status_code == 403
    assert not ProgressReport.objects.exists()


def test_moderator_hides_from_the_page(client, world, people):
    report = official(people["editor"], world["commitment"], narrative="Texte à masquer")
    client.force_login(people["moderator"])
    url = f"/en/monitoring/reports/{report.pk}/hide/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Données personnelles"}).status_code == 302
    html = client.get(world["commitment"].url).content.decode()
    assert "Texte à masquer" not in html


def test_dashboard(client, world, people):
    official(people["editor"], world["commitment"], status="delayed", percent=20)
    assessment(people["cso"], world["commitment"], status="on_track")
    response = client.get(f"/en/monitoring/plans/{world['plan'].pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Progress by commitment" in html and "Overdue milestones" in html
    assert "mon-disagree" in html
    assert "Transparency association" in html


def test_feeds_list_published_reports(client, world, people):
    official(people["editor"], world["commitment"], narrative="Première étape")
    hidden = official(people["editor"], world["commitment"], narrative="Masqué")
    hidden.visibility = "hidden"
    hidden.save()
    for url in (
        f"/en/monitoring/plans/{world['plan'].pk}/feed/",
        f"/en/monitoring/commitments/{world['commitment'].pk}/feed/",
    ):
        response = client.get(url)
        body = response.content.decode()
        assert response["Content-Type"].startswith("application/atom+xml")
        assert "Première étape" in body and "Masqué" not in body
        assert 'xml:lang="en"' in body  # the feed says its language


def test_follow_and_unfollow(client, world, people, make_user):
    from actionplans.monitoring.models import Follow

    user = make_user()
    client.force_login(user)
    url = f"/en/monitoring/follow/{world['commitment'].pk}/"
    assert client.post(url, {"action": "follow"}).status_code == 302
    assert Follow.objects.filter(user=user, target_key=world["commitment"].translation_key).exists()
    assert "Stop following" in client.get(world["commitment"].url).content.decode()
    client.post(url, {"action": "unfollow"})
    assert not Follow.objects.filter(user=user).exists()


def _bulk_reports(world, author, count: int) -> None:
    add_reports(
        world["commitment"],
        world["plan"],
        count,
        author=author,
        official_by=world["lead"],
        civil_society_by=world["cso"],
    )


@pytest.mark.parametrize("url_of", ["commitment", "dashboard"])
def test_queries_do_not_grow_with_reports(
    client, world, people, django_assert_max_num_queries, url_of
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = (
        world["commitment"].url
        if url_of == "commitment"
        else f"/en/monitoring/plans/{world['plan'].pk}/"
    )
    client.get(url)  # warm the per-process caches (sites, locales)
    counts = []
    for size in (10, 1000):
        _bulk_reports(world, people["editor"], size - ProgressReport.objects.count())
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_accredited_cso_publishes_a_monitoring_report_listed_on_the_dashboard(
    client, world, people
):
    client.force_login(people["cso"])
    url = f"/en/monitoring/plans/{world['plan'].pk}/monitoring-report/"
    assert client.get(url).status_code == 200
    bad = client.post(
        url, {"title": "Bilan", "narrative": "Texte", "document": pdf("x.html", b"<html>")}
    )
    assert bad.status_code == 400
    done = client.post(
        url, {"title": "Bilan semestriel", "narrative": "Six mois de suivi", "document": pdf()}
    )
    assert done.status_code == 302
    html = client.get(f"/en/monitoring/plans/{world['plan'].pk}/").content.decode()
    assert "Bilan semestriel" in html and "Transparency association" in html
    from actionplans.monitoring.models import MonitoringReport

    report = MonitoringReport.objects.get()
    download = client.get(f"/en/monitoring/monitoring-reports/{report.pk}/document/")
    assert download["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("role", ["citizen", "editor", "staff_lead"])
def test_only_accredited_members_publish_monitoring_reports(client, world, role_user, role):
    client.force_login(role_user(role))
    url = f"/en/monitoring/plans/{world['plan'].pk}/monitoring-report/"
    assert client.post(url, {"title": "T", "narrative": "N"}).status_code == 403


def test_correction_form_through_the_page(client, world, people):
    first = official(people["editor"], world["commitment"], percent=60)
    client.force_login(people["editor"])
    url = (
        f"/en/monitoring/commitments/{world['commitment'].pk}/report/official/?corrects={first.pk}"
    )
    form = client.get(url)
    assert form.status_code == 200 and "This new report corrects" in form.content.decode()
    assert client.get(url.replace(str(first.pk), "²")).status_code == 404
    response = client.post(
        url,
        {
            "corrects": first.pk,
            "target": "",
            "status": "in_progress",
            "percent": "55",
            "reported_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    html = client.get(world["commitment"].url).content.decode()
    assert "Corrected by a later report." in html and "Corrects the report of" in html


def test_dari_dashboard_uses_persian_digits(client, world, people):
    official(people["editor"], world["commitment"], status="delayed", percent=25)
    html = client.get(f"/fa-af/monitoring/plans/{world['plan'].pk}/").content.decode()
    assert "۲۵" in html
