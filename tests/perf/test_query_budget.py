"""Every public page type runs at most 20 queries, uncached, and the same number whatever the
amount of data: each test counts a page, adds several times more of what it shows (children,
commitments, milestones, comments, news, events: at least five times as many, so a query per
item would show as at least eight more), and counts again."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from consultations.bulk import add_comments
from home.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage, StandardPage
from home.pagetree import add_child
from tests.actionplans.factories import (
    TODAY,
    accreditation,
    commitment_page,
    english_home,
    index_page,
    milestone,
    organisation,
    plan_page,
)
from tests.consultations.conftest import (  # noqa: F401 (fixtures)
    consultation_index,
    first_paragraph,
    make_consultation,
)

pytestmark = pytest.mark.django_db
BUDGET = 20


def count(url: str) -> int:
    client = Client()
    client.get(url)  # per-process caches (site root paths, content types) are warm in production
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def assert_flat(urls, grow) -> None:
    before = {url: count(url) for url in urls()}
    grow()
    after = {url: count(url) for url in urls()}
    assert after == before, f"queries grew with the data: {before} → {after}"
    over = {url: n for url, n in after.items() if n > BUDGET}
    assert not over, after


def test_home_news_events_and_standard_pages(home_pages):
    home = home_pages["fr"]
    about = add_child(home, StandardPage(title="À propos", slug="a-propos", show_in_menus=True))
    news = add_child(home, NewsIndexPage(title="Actualités", slug="actualites", show_in_menus=True))
    events = add_child(home, EventIndexPage(title="Agenda", slug="agenda", show_in_menus=True))
    now = timezone.now()

    def add(n: int, offset: int) -> None:
        for i in range(offset, offset + n):
            add_child(news, NewsPage(title=f"Nouvelle {i}", slug=f"n{i}", intro="Texte"))
            add_child(
                events,
                EventPage(title=f"Atelier {i}", slug=f"e{i}", start=now + timedelta(days=i + 1)),
            )
            add_child(about, StandardPage(title=f"Sous-page {i}", slug=f"s{i}"))

    add(2, 0)

    def urls():
        return [home.url, about.url, news.url, events.url, "/fr/actualites/n0/", "/fr/agenda/e0/"]

    assert_flat(urls, lambda: add(10, 2))


def test_plan_pages_open_data_and_listings(db):
    index = index_page(english_home())
    plan = plan_page(index)
    lead = organisation("مديرية", fr="Direction")
    partners = [organisation(f"جمعية {n}", kind="cso") for n in range(3)]
    state = {"n": 0}

    def add(n: int, milestones: int) -> None:
        for _ in range(n):
            state["n"] += 1
            commitment_page(
                plan,
                f"C{state['n']}",
                lead=lead,
                partners=partners,
                tags=["budget", f"theme-{state['n'] % 3}"],
                milestones=[
                    milestone(
                        m, due=TODAY + timedelta(days=30 * (m - 2)), responsible=partners[m % 3]
                    )
                    for m in range(milestones)
                ],
            )

    add(2, 2)
    first = plan.get_children().first()

    def urls():
        return [
            index.url,
            plan.url,
            plan.url + "data.csv",
            plan.url + "data.json",
            first.url,
            index.url + "theme/budget/",
            index.url + f"organisation/{lead.pk}/",
        ]

    def grow():
        add(10, 8)
        first_page = first.specific
        first_page.milestones = [
            milestone(m, due=TODAY, responsible=partners[0]) for m in range(12)
        ]
        first_page.save_revision().publish()

    assert_flat(urls, grow)


def test_monitoring_and_evaluation_pages(make_user):
    """The commitment page with its co-monitoring (the council's reports, each accredited
    organisation's assessments, the history), its evaluation and its comments; the plan's
    monitoring dashboard; an evaluation round's pages."""
    from accounts import roles
    from actionplans.evaluation.models import Assessment
    from actionplans.monitoring.bulk import add_reports
    from consultations.models import Comment
    from tests.evaluation.conftest import COMPLETE, new_round

    index = index_page(english_home())
    plan = plan_page(index)
    lead = organisation("مديرية", fr="Direction", en="Directorate")
    editor = make_user(groups=[roles.EDITORS])
    citizens = [make_user() for _ in range(3)]
    evaluation_round = new_round(plan, "published")
    fields = {k: v for k, v in COMPLETE.items() if k != "relevant_values"}
    organisations: list = []
    state = {"commitments": 0}

    def accredit(n: int) -> None:
        for _ in range(n):
            cso = organisation(f"جمعية {len(organisations)}", kind="cso", en="Association")
            accreditation(plan, cso)
            organisations.append(cso)

    def add_commitments(n: int, milestones: int) -> None:
        for _ in range(n):
            state["commitments"] += 1
            page = commitment_page(
                plan,
                f"C{state['commitments']}",
                lead=lead,
                partners=organisations[:2],
                milestones=[
                    milestone(m, due=TODAY + timedelta(days=30 * (m - 2)), responsible=lead)
                    for m in range(milestones)
                ],
            )
            Assessment.objects.create(
                round=evaluation_round,
                commitment_key=page.translation_key,
                kind="evaluator",
                author=editor,
                status="submitted",
                submitted_at=timezone.now(),
                language="en",
                **fields,
            )

    def comment(page, n: int) -> None:
        Comment.objects.bulk_create(
            Comment(
                target_key=page.translation_key,
                language="en",
                author=citizens[i % 3],
                organisation=organisations[i % len(organisations)] if i % 4 == 0 else None,
                body=f"Comment {i}",
            )
            for i in range(n)
        )

    accredit(2)
    add_commitments(2, 2)
    first = plan.get_children().first().specific

    def report(n: int) -> None:
        add_reports(
            first,
            plan,
            n,
            author=editor,
            official_by=lead,
            civil_society_by=organisations,
        )

    report(6)
    comment(first, 3)

    def urls():
        return [
            first.url,
            f"/en/monitoring/plans/{plan.pk}/",
            f"/en/evaluation/{evaluation_round.pk}/",
            f"/en/evaluation/{evaluation_round.pk}/report/",
            f"/en/evaluation/{evaluation_round.pk}/{first.translation_key}/",
        ]

    def grow():
        accredit(6)
        add_commitments(8, 6)
        report(600)
        comment(first, 200)

    assert_flat(urls, grow)


def test_consultation_pages(make_consultation, make_user):  # noqa: F811
    consultation = make_consultation("during")
    users = [make_user() for _ in range(5)]
    add_comments(consultation, users, 10)

    def urls():
        return [
            consultation.get_parent().url,
            consultation.url,
            consultation.paragraph_url(first_paragraph(consultation)),
        ]

    assert_flat(urls, lambda: add_comments(consultation, users, 300))


def test_search_pages(db):
    index = index_page(english_home())
    plan = plan_page(index)
    state = {"n": 0}

    def add(n: int) -> None:
        for _ in range(n):
            state["n"] += 1
            commitment_page(plan, f"C{state['n']}", title=f"Budget ouvert {state['n']}")

    add(3)

    def urls():
        return [
            "/en/search/?q=budget",
            "/en/search/commitments/?q=budget",
            "/en/search/commitments/?status=in_progress",
            "/en/search/autocomplete/?q=bud",
        ]

    assert_flat(urls, lambda: add(25))
