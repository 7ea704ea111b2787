"""Co-monitoring facets on the commitment search: civil society's status and the disagreement
with the council (the council's own status is the search's "status" facet), their counts and
filters, hidden reports left out, bad values ignored, labels in the page's language, and a
constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from actionplans.models import Status
from actionplans.monitoring import services
from actionplans.monitoring.bulk import add_reports
from actionplans.monitoring.models import ProgressReport
from actionplans.monitoring.scales import CivilSocietyStatus
from tests.actionplans.factories import commitment_page

from .conftest import new_accreditation, new_role_user
from .helpers import assessment, official

URL = "/en/search/commitments/"


def build_monitored(world: dict) -> dict:
    """Four commitments: C1 consistent (on track / in progress), C2 in disagreement on the
    commitment (on track / delayed), C3 in disagreement on a milestone (off track / in
    progress), C4 whose only assessment was hidden; and C5 without reports."""
    roles = ("editor", "cso_member", "moderator")
    editor, cso, moderator = (new_role_user(world, role) for role in roles)
    new_accreditation(world, [cso])
    plan = world["plan"]
    c1 = world["commitment"]
    c2, c3, c4, c5 = (
        commitment_page(plan, code, title=f"Budget {code}") for code in "C2 C3 C4 C5".split()
    )
    official(editor, c1, status="in_progress")
    assessment(cso, c1, status="on_track", agrees_with_official=True)
    official(editor, c2, status="delayed")
    assessment(cso, c2, status="on_track")
    step = c3.milestones.first()
    official(editor, c3, milestone=step, status="in_progress")
    assessment(cso, c3, milestone=step, status="off_track")
    official(editor, c4, status="completed")
    hidden = assessment(cso, c4, status="off_track")
    services.hide_report(user=moderator, report=hidden, reason="Hors sujet")
    return {"c1": c1, "c2": c2, "c3": c3, "c4": c4, "c5": c5, "editor": editor, "cso": cso}


@pytest.fixture(scope="module")
def monitored_keys(world_keys, django_db_blocker) -> dict:
    """Built once for the module, over its world (tests/monitoring/conftest.py)."""
    with django_db_blocker.unblock():
        world = {name: model.objects.get(pk=pk) for name, (model, pk) in world_keys.items()}
        return {name: (type(obj), obj.pk) for name, obj in build_monitored(world).items()}


@pytest.fixture
def monitored(world, monitored_keys):
    """The module's commitments and users, fetched afresh for each test."""
    return {name: model.objects.get(pk=pk) for name, (model, pk) in monitored_keys.items()}


def facet(response, name: str):
    return next((f for f in response.context["facets"] if f.name == name), None)


def counts(response, name: str) -> dict:
    found = facet(response, name)
    return {option.value: option.count for option in found.options} if found else {}


def codes(response) -> list[str]:
    return sorted(hit.page.code for hit in response.context["hits"])


def test_civil_society_status_counts_and_filter(client, monitored):
    response = client.get(URL)
    assert counts(response, "civil_society") == {"on_track": 2, "off_track": 1}
    assert codes(client.get(URL, {"civil_society": "off_track"})) == ["C3"]
    either = client.get(URL, {"civil_society": ["off_track", "on_track"]})
    assert codes(either) == ["C1", "C2", "C3"]


def test_the_latest_assessment_on_the_commitment_or_a_milestone_counts(client, monitored):
    c1, cso = monitored["c1"], monitored["cso"]
    assessment(cso, c1, milestone=c1.milestones.last(), status="cso_delayed")
    assert codes(client.get(URL, {"civil_society": "cso_delayed"})) == ["C1"]
    assert counts(client.get(URL), "civil_society") == {
        "on_track": 1,
        "off_track": 1,
        "cso_delayed": 1,
    }


def test_disagreement_follows_the_scales_table_on_commitments_and_milestones(client, monitored):
    response = client.get(URL, {"disagreement": "yes"})
    assert codes(response) == ["C2", "C3"]
    assert counts(client.get(URL), "disagreement") == {"yes": 2}


def test_an_explicit_no_about_the_current_official_report_is_a_disagreement(client, monitored):
    c5 = monitored["c5"]
    official(monitored["editor"], c5, status="in_progress")
    assessment(monitored["cso"], c5, status="on_track", agrees_with_official=False)
    assert codes(client.get(URL, {"disagreement": "yes"})) == ["C2", "C3", "C5"]


def test_a_correction_that_agrees_ends_the_disagreement(client, monitored):
    c2 = monitored["c2"]
    latest = ProgressReport.objects.get(commitment_key=c2.translation_key, kind="civil_society")
    assessment(monitored["cso"], c2, status="cso_delayed", corrects=latest)
    assert codes(client.get(URL, {"disagreement": "yes"})) == ["C3"]


def test_hidden_reports_do_not_count(client, monitored):
    response = client.get(URL, {"civil_society": "off_track"})
    assert codes(response) == ["C3"]  # C4's off-track assessment was hidden
    assert counts(response, "disagreement") == {"yes": 1}


def test_facets_combine_with_text_and_with_the_official_status(client, monitored):
    texts = client.get(URL, {"q": "budget", "civil_society": "on_track"})
    assert codes(texts) == ["C2"]
    official_and_cso = client.get(URL, {"status": "delayed", "civil_society": "on_track"})
    assert codes(official_and_cso) == ["C2"]
    # Each facet is counted with the others applied.
    narrowed = client.get(URL, {"status": "in_progress"})
    assert counts(narrowed, "civil_society") == {"on_track": 1, "off_track": 1}
    assert counts(narrowed, "disagreement") == {"yes": 1}
    assert counts(client.get(URL, {"disagreement": "yes"}), "status") == {
        "delayed": 1,
        "in_progress": 1,
    }


@pytest.mark.parametrize(
    "params",
    [
        {"civil_society": "in_progress"},  # the council's scale, not civil society's
        {"civil_society": "' OR 1=1 --"},
        {"civil_society": "\x00"},
        {"disagreement": "no"},
        {"disagreement": ["yes" * 40]},
    ],
)
def test_values_outside_the_scale_are_ignored(client, monitored, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert codes(response) == ["C1", "C2", "C3", "C4", "C5"]


def test_the_official_status_facet_is_labelled_as_the_councils(client, monitored):
    response = client.get(URL)
    assert str(facet(response, "status").label) == "Official status"
    assert (
        '<legend class="facet__legend">Civil-society status</legend>' in response.content.decode()
    )


@pytest.mark.parametrize("language", ["ar", "fr", "fa-af"])
def test_labels_come_from_the_scales_in_the_page_language(client, monitored, language):
    response = client.get(f"/{language}/search/commitments/", {"language": "en"})
    labels = {o.value: o.label for o in facet(response, "civil_society").options}
    official = {o.value: o.label for o in facet(response, "status").options}
    with translation.override(language):
        assert labels["on_track"] == str(CivilSocietyStatus.ON_TRACK.label)
        assert official["delayed"] == str(Status.DELAYED.label)
        assert str(facet(response, "civil_society").label) == str(
            translation.pgettext("search facet", "Civil-society status")
        )
    # The official scale is translated already: the label is not the English one.
    assert official["delayed"] != "Delayed"


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url",
    [URL, URL + "?civil_society=on_track&disagreement=yes&q=budget", URL + "?status=delayed"],
)
def test_queries_do_not_grow_with_reports_or_commitments(client, world, monitored, url):
    client.get(url)
    before = _queries(client, url)
    for n in range(6):
        page = commitment_page(world["plan"], f"D{n}", title=f"Budget D{n}")
        add_reports(
            page,
            world["plan"],
            40,
            author=monitored["editor"],
            official_by=world["lead"],
            civil_society_by=world["cso"],
        )
    assert _queries(client, url) == before


def test_the_disagreement_rule_is_the_commitment_pages(world):
    """Every pair of statuses, with the organisation agreeing, not agreeing (about the current
    official report or an older one) or not saying: the query finds exactly the positions that
    scales.disagrees flags."""
    import itertools
    import uuid

    from actionplans.monitoring.models import Position
    from actionplans.monitoring.scales import disagrees
    from actionplans.monitoring.summary import disagreeing_positions

    plan_key, commitment_key = world["plan"].translation_key, world["commitment"].translation_key
    today = timezone.localdate()
    expected, targets = set(), []
    cases = itertools.product(
        CivilSocietyStatus.values, Status.values, [True, False, None], [True, False]
    )
    for cso_status, official_status, agrees, about_current in cases:
        target = uuid.uuid4()
        targets.append(target)
        common = {
            "target_key": target,
            "target_type": "milestone",
            "commitment_key": commitment_key,
            "plan_key": plan_key,
            "reported_on": today,
            "language": "en",
        }
        older = ProgressReport.objects.create(kind="official", status="in_progress", **common)
        current = ProgressReport.objects.create(kind="official", status=official_status, **common)
        cso = ProgressReport.objects.create(
            kind="civil_society",
            status=cso_status,
            agrees_with_official=agrees,
            official_report=current if about_current else older,
            **common,
        )
        for report in (current, cso):
            Position.objects.create(
                report=report,
                status=report.status,
                **{
                    k: common[k]
                    for k in ("target_key", "target_type", "commitment_key", "plan_key")
                },
                kind=report.kind,
            )
        if disagrees(cso_status, official_status, agrees if about_current else None):
            expected.add(target)
    # Among the positions this test made (the module's commitments have their own).
    found = set(
        disagreeing_positions().filter(target_key__in=targets).values_list("target_key", flat=True)
    )
    assert found == expected
    assert 0 < len(expected) < len(CivilSocietyStatus.values) * len(Status.values) * 6


def test_facets_counted_together_equal_facets_counted_alone(monitored):
    from search import registry
    from search.engine import run

    search = registry.get("commitments")
    base = search.queryset().filter(locale__language_code="en")
    found = run(search, "", {"language": ["en"]}, language_code="en")
    shown = set()
    for name in ("status", "civil_society", "disagreement", "completion", "early_results"):
        spec = search.spec(name)
        # Alone: each value of the facet's scale through its filter, one query each.
        alone = {value: spec.filter(base, [value]).count() for value in spec.choices}
        together = {
            o.value: o.count for o in next(f for f in found.facets if f.name == name).options
        }
        assert together == {value: n for value, n in alone.items() if n}, name
        shown |= {name} if together else set()
    assert {"status", "civil_society", "disagreement"} <= shown  # not a comparison of nothing
