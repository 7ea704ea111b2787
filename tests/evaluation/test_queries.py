"""The results pages run the same number of queries for 10 and for 40 commitments, each with
an evaluator's and a civil-society assessment and citizen feedback."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import roles
from actionplans.evaluation.models import Assessment, CitizenFeedback
from actionplans.models import OGPValue
from consultations.models import Comment
from tests.actionplans.factories import commitment_page, english_home, index_page, organisation
from tests.actionplans.factories import plan_page as make_plan

from .conftest import COMPLETE, new_round


def build(home, size: int, slug: str, evaluator, citizen, cso):
    plan = make_plan(index_page(home, slug=slug), code=slug.upper(), slug=slug)
    commitments = [commitment_page(plan, f"C{n}", milestones=[]) for n in range(size)]
    evaluation_round = new_round(plan, "published")
    values = list(OGPValue.objects.filter(code__in=COMPLETE["relevant_values"]))
    fields = {k: v for k, v in COMPLETE.items() if k != "relevant_values"}
    assessments = []
    for page in commitments:
        for kind, author, org in (
            ("evaluator", evaluator, None),
            ("civil_society", evaluator, cso),
        ):
            assessments.append(
                Assessment(
                    round=evaluation_round,
                    commitment_key=page.translation_key,
                    kind=kind,
                    author=author,
                    organisation=org,
                    status="submitted",
                    submitted_at=timezone.now(),
                    language="en",
                    **fields,
                )
            )
    Assessment.objects.bulk_create(assessments)
    through = Assessment.relevant_values.through
    through.objects.bulk_create(
        [
            through(assessment_id=a.pk, ogpvalue_id=v.pk)
            for a in Assessment.objects.filter(round=evaluation_round)
            for v in values
        ]
    )
    for page in commitments:
        comment = Comment.objects.create(
            target_key=page.translation_key, language="en", author=citizen, body="Seen"
        )
        CitizenFeedback.objects.create(
            round=evaluation_round,
            commitment_key=page.translation_key,
            author=citizen,
            comment=comment,
            rating=4,
            language="en",
        )
    return evaluation_round, commitments


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_results_pages_run_constant_queries(client, make_user):
    evaluator = make_user(groups=[roles.EVALUATORS])
    citizen = make_user()
    cso = organisation("جمعية", kind="cso", en="An association")
    home = english_home()
    small, small_pages = build(home, 10, "small", evaluator, citizen, cso)
    large, large_pages = build(home, 40, "large", evaluator, citizen, cso)
    client.get(f"/en/evaluation/{small.pk}/")  # warm the site and locale caches
    for suffix in ("", "report/", "results.json"):
        few = count_queries(client, f"/en/evaluation/{small.pk}/{suffix}")
        many = count_queries(client, f"/en/evaluation/{large.pk}/{suffix}")
        assert few == many, (suffix, few, many)
    body = client.get(f"/en/evaluation/{large.pk}/").content.decode()
    assert body.count('class="ev-results__star"') == 40
    assert "An association" in body
    for pages, evaluation_round in ((small_pages, small), (large_pages, large)):
        page = pages[-1]
        url = f"/en/evaluation/{evaluation_round.pk}/{page.translation_key}/"
        assert count_queries(client, url) == count_queries(
            client, f"/en/evaluation/{small.pk}/{small_pages[0].translation_key}/"
        )
