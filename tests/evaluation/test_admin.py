"""Editors create a round in the admin (Wagtail's ModelViewSet) and move it through its states
on the state screen; other roles cannot."""

import pytest
from django.utils import translation
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from actionplans.evaluation.models import EvaluationRound


def test_editor_creates_a_round_and_publishes_it(client, users, plan):
    client.force_login(users["editor"])
    assert client.get("/admin/evaluation-rounds/").status_code == 200
    form = client.get("/admin/evaluation-rounds/new/")
    assert form.status_code == 200 and 'name="plan"' in form.content.decode()
    response = client.post(
        "/admin/evaluation-rounds/new/",
        {
            "plan": plan.pk,
            "kind": "mid_term",
            "starts_on": "2026-01-10",
            "ends_on": "2026-03-10",
            "evaluators": [users["evaluator"].pk],
            "civil_society": "on",
            "feedback_opens_on": "2026-01-10",
            "feedback_closes_on": "2026-02-10",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    evaluation_round = EvaluationRound.objects.get()
    assert evaluation_round.plan_key == plan.translation_key
    assert evaluation_round.state == "draft"
    assert list(evaluation_round.evaluators.all()) == [users["evaluator"]]
    state_url = f"/admin/evaluation-rounds/state/{evaluation_round.pk}/"
    assert client.get(state_url).status_code == 200
    for state in ("open", "closed", "published"):
        assert client.post(state_url, {"state": state}).status_code == 302
    evaluation_round.refresh_from_db()
    assert evaluation_round.state == "published"
    refused = client.post(state_url, {"state": "draft"})
    assert refused.status_code == 200
    assert _in_admin_language(refused, "A round that is “%(current)s” cannot become “%(new)s”.")
    assert ModelLogEntry.objects.filter(action="evaluation.round.published").count() == 1


def test_feedback_window_closing_before_opening_is_refused(client, users, plan):
    client.force_login(users["editor"])
    response = client.post(
        "/admin/evaluation-rounds/new/",
        {
            "plan": plan.pk,
            "kind": "end_of_term",
            "starts_on": "2026-01-10",
            "ends_on": "2026-03-10",
            "feedback_opens_on": "2026-02-10",
            "feedback_closes_on": "2026-01-10",
        },
    )
    assert response.status_code == 200
    assert _in_admin_language(response, "Feedback cannot close before it opens.")
    assert not EvaluationRound.objects.exists()


@pytest.mark.parametrize("role", ["evaluator", "citizen", "moderator"])
def test_other_roles_do_not_manage_rounds(client, users, make_round, role):
    evaluation_round = make_round("draft")
    client.force_login(users[role])
    assert client.get("/admin/evaluation-rounds/").status_code in (302, 403)
    response = client.post(
        f"/admin/evaluation-rounds/state/{evaluation_round.pk}/", {"state": "open"}
    )
    assert response.status_code in (302, 403)
    evaluation_round.refresh_from_db()
    assert evaluation_round.state == "draft"


def _in_admin_language(response, message: str) -> bool:
    """The message (up to its first placeholder) in the language the admin answered in."""
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        text = translation.gettext(message).split("%(")[0]
    return escape(text) in response.content.decode()


def test_a_round_is_named_with_its_date_as_the_reader_writes_it(make_round):
    from datetime import date

    from django.utils.translation import override

    evaluation_round = make_round("open")
    evaluation_round.starts_on = date(2026, 3, 21)
    with override("fa-af"):
        assert str(evaluation_round).endswith("۱ حمل ۱۴۰۵")
    with override("fr"):
        assert str(evaluation_round).endswith("21 mars 2026")
